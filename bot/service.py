"""What every front end (console, Discord, CLI) does with the store: open it, make sure it holds
data, and read the current catalog."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from bot.catalog.check import read_catalog_file, refuse_shrinking
from bot.catalog.errors import CatalogError
from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.store import LoadResult, Store
from bot.store.db import SnapshotInfo

log = logging.getLogger(__name__)


def origin_of(path: Path) -> str:
    """How a file is recorded as a snapshot's origin: absolute, so relative and absolute
    spellings of the same file compare equal."""
    return os.path.abspath(path)


async def open_store(settings: Settings) -> Store:
    return await Store(settings.database_path).open()


async def load_file(store: Store, path: Path, *, force: bool = False) -> LoadResult:
    """Validate a catalog file and store it; raises CatalogError before touching the store,
    also when the file holds under half the current snapshot's models or scores (unless
    `force`)."""
    catalog = await asyncio.to_thread(read_catalog_file, path)
    return await load_checked(store, catalog, path, force=force)


async def load_checked(
    store: Store, catalog: Catalog, path: Path, *, force: bool = False
) -> LoadResult:
    """Store a catalog read from `path`, unless it drops most of the current data."""
    if not force:
        refuse_dropping_most(await store.snapshot_info(), catalog, path)
    return await store.load_catalog(catalog, origin=origin_of(path))


def refuse_dropping_most(current: SnapshotInfo | None, catalog: Catalog, path: Path) -> None:
    """What `data load` refuses without --force: under half the current models or scores."""
    if current is not None:
        refuse_shrinking(
            str(path),
            (current.models, current.scores),
            (len(catalog.models), len(catalog.scores)),
            f"load it anyway with `python -m bot data load --force {path}`",
        )


async def ensure_loaded(store: Store, settings: Settings) -> Catalog:
    """The current catalog, loading the shipped data first when the store is empty or the shipped
    file has changed since it was last loaded from. A shipped file that cannot be loaded stops
    nothing when the store holds a snapshot: that snapshot serves, and the log says once what
    to fix."""
    info = await store.snapshot_info()
    shipped = settings.catalog_file
    if info is None or info.origin == origin_of(shipped):
        try:
            result = await load_file(store, shipped)
        except CatalogError as err:
            if info is None:
                raise
            log.warning(
                "%s; answering from the database's last good data (snapshot %d, loaded %s) "
                "until it is fixed: check it with `python -m bot data check %s`",
                err,
                info.id,
                info.loaded_at,
                shipped,
            )
        else:
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
