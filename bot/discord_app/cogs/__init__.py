"""The bot's features, one cog each: messages, answers, channel settings, alerts, refresh, admin."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from discord.ext import commands, tasks

# The bot a cog serves: discord.py's AutoShardedBot is a Bot in all but its class
AnyBot = commands.Bot | commands.AutoShardedBot


async def stopped(loop: tasks.Loop[Any]) -> None:
    """Cancel a background loop and wait until it has stopped (a cog being unloaded must not
    leave it writing to a store about to close). A loop that failed was logged when it did."""
    loop.cancel()
    task = loop.get_task()
    if task is not None:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
