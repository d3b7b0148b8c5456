"""What every front end (console, Discord, CLI) does with the store: open it, make sure it holds
data, and read the current catalog."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from bot.catalog.check import read_catalog_file
from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.store import LoadResult, Store

log = logging.getLogger(__name__)


def origin_of(path: Path) -> str:
    """How a file is recorded as a snapshot's origin: absolute, so relative and absolute
    spellings of the same file compare equal."""
    return os.path.abspath(path)


async def open_store(settings: Settings) -> Store:
    return await Store(settings.database_path).open()


async def load_file(store: Store, path: Path) -> LoadResult:
    """Validate a catalog file and store it; raises CatalogError before touching the store."""
    catalog = await asyncio.to_thread(read_catalog_file, path)
    return await store.load_catalog(catalog, origin=origin_of(path))


async def ensure_loaded(store: Store, settings: Settings) -> Catalog:
    """The current catalog, loading the shipped data first when the store is empty or the shipped
    file has changed since it was last loaded from."""
    info = await store.snapshot_info()
    shipped = settings.catalog_file
    if info is None or info.origin == origin_of(shipped):
        result = await load_file(store, shipped)
        if result.changed:
            log.info(
                "loaded %d models, %d benchmarks, %d scores from %s",
                result.models,
                result.benchmarks,
                result.scores,
                shipped,
            )
    catalog = await store.read_catalog()
    assert catalog is not None  # a load just happened or a snapshot was already there
    return catalog


CHANGE_LOG_DAYS = 90  # how far back "what's new?" can look


async def recent_changes(store: Store, days: int = CHANGE_LOG_DAYS) -> list[dict]:
    """The change log of the last `days` days, newest first."""
    import datetime as dt

    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    return await store.list_changes(since=since, limit=2000)
