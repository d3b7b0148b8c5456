"""`make run` / `python -m bot run`: the Discord bot when a token is set, else the console."""

from __future__ import annotations

import asyncio
import logging

from bot.engine import Engine
from bot.service import ensure_loaded, open_store, recent_changes
from bot.settings import Settings

log = logging.getLogger(__name__)


async def load_engine(settings: Settings) -> Engine:
    store = await open_store(settings)
    try:
        catalog = await ensure_loaded(store, settings)
        info = await store.snapshot_info()
        changes = await recent_changes(store)
    finally:
        await store.close()
    return Engine(catalog, info.loaded_at if info else None, changes)


def run(settings: Settings) -> int:
    if settings.discord_token is None:
        from bot.console import run_console

        engine = asyncio.run(load_engine(settings))
        return run_console(engine, settings.database_path.parent / "console_history")
    from bot.discord_app.app import run_bot

    return run_bot(settings)
