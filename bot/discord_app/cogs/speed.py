"""The speed probe in the running bot: off unless SPEED_PROBE_* is configured; run by the process
that leads (shard 0) once it is on the gateway, so `python -m bot sync` and the other processes
never spend the probe's budget."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from discord.ext import commands

from bot.discord_app.cogs import AnyBot
from bot.discord_app.core import Core
from bot.speed import probe as speed_probe

log = logging.getLogger(__name__)


class SpeedProbe(commands.Cog):
    def __init__(self, bot: AnyBot, core: Core) -> None:
        self.bot = bot
        self.core = core
        self._task: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        settings = self.core.settings
        if speed_probe.start_wanted(settings) and self.core.shards.leads:
            # the probe's own task (speed_probe.start) once the bot is on the gateway
            self._task = asyncio.create_task(self._run(), name="speed-probe")

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        # The probe publishes each round as a snapshot; the Refresh cog's look at the store
        # picks it up and answers from it.
        probe = speed_probe.start(self.core.store, self.core.settings)
        if probe is not None:
            await probe

    async def cog_unload(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
