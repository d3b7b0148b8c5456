"""Keeping the answers current: a refresh from the sources every REFRESH_INTERVAL_MINUTES, and
following the store when something else (`python -m bot data load`, another process's refresh)
gives it a new snapshot."""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.discord_app.cogs import AnyBot, stopped
from bot.discord_app.core import Core
from bot.discord_app.delivery import Deliverer

log = logging.getLogger(__name__)


class Refresh(commands.Cog):
    def __init__(self, bot: AnyBot, core: Core, deliverer: Deliverer) -> None:
        self.bot = bot
        self.core = core
        self.deliverer = deliverer

    async def cog_load(self) -> None:
        settings = self.core.settings
        if settings.refresh_interval_minutes > 0 and self.core.shards.leads:
            self.refresh.change_interval(minutes=settings.refresh_interval_minutes)
            self.refresh.start()
        elif settings.refresh_interval_minutes > 0:
            log.info(
                "data refresh is left to the process that runs shard 0; this one follows the "
                "database"
            )
        self.follow.change_interval(seconds=settings.delivery_interval_seconds)
        self.follow.start()

    async def cog_unload(self) -> None:
        await stopped(self.refresh)
        await stopped(self.follow)

    async def refresh_now(self) -> None:
        """One refresh run; a changed catalog is answered from at once, and the digests it
        queued go out."""
        report = await self.core.refresh()
        if report.queued:
            await self.deliverer.run_once()

    @tasks.loop(minutes=360)
    async def refresh(self) -> None:
        try:
            await self.refresh_now()
        except Exception:
            log.exception("data refresh failed; the last good data keeps serving")

    @tasks.loop(seconds=30)
    async def follow(self) -> None:
        try:
            # A process that does not refresh learns of new changes only from the database.
            if not self.core.shards.leads or await self.core.newer_snapshot():
                await self.core.reload()
        except Exception:
            log.exception("could not read the database's newest snapshot; answering from the last")

    @refresh.before_loop
    @follow.before_loop
    async def _connected(self) -> None:
        await self.bot.wait_until_ready()
