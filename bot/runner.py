"""`make run` / `python -m bot run`: the Discord bot when a token is set, else the console."""

from __future__ import annotations

import asyncio
import logging

from bot.service import ensure_loaded, open_store
from bot.settings import Settings

log = logging.getLogger(__name__)


async def _start(settings: Settings) -> int:
    store = await open_store(settings)
    try:
        catalog = await ensure_loaded(store, settings)
        info = await store.snapshot_info()
        assert info is not None
        print(
            f"Serving {info.models} models ({info.models_with_scores} with scores), "
            f"{info.scores} scores, data as of {info.data_as_of}, from {settings.database_path}."
        )
        del catalog
    finally:
        await store.close()
    return 0


def run(settings: Settings) -> int:
    return asyncio.run(_start(settings))
