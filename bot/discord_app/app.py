"""The Discord bot: the client, its cogs, and starting it (or only registering its commands).
It only translates between Discord and the core (bot.engine); no matching or scoring happens
here."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from typing import Any

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.discord_app.cogs.admin import Admin
from bot.discord_app.cogs.alerts import Alerts
from bot.discord_app.cogs.answers import Answers
from bot.discord_app.cogs.channel_settings import ChannelSettings
from bot.discord_app.cogs.messages import Messages
from bot.discord_app.cogs.refresh import Refresh
from bot.discord_app.cogs.speed import SpeedProbe
from bot.discord_app.core import Core
from bot.discord_app.delivery import Deliverer
from bot.discord_app.sending import Sender, SendPolicy
from bot.discord_app.tree import ModelTree
from bot.settings import Settings

log = logging.getLogger(__name__)

BAD_TOKEN = (
    "Discord rejected DISCORD_TOKEN (401 Unauthorized): copy a fresh token from the "
    "Developer Portal (your application > Bot > Reset Token) into DISCORD_TOKEN"
)


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py at another REST base and gateway (a proxy, or the test stand-in)."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class ModelBot(commands.AutoShardedBot):
    """Sharded from the start: one process serves every guild (as many shards as Discord
    recommends), or the shards SHARD_IDS names. It has no message commands: every message is
    the Messages cog's to read."""

    def __init__(self, settings: Settings, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        # Every message the bot posts goes out through this sender (see sending.py); the
        # trace on the client's HTTP session tells it of 5xx answers.
        self.sender = Sender(
            SendPolicy(
                total_seconds=settings.send_retry_seconds,
                backoff_seconds=settings.send_backoff_seconds,
                max_backoff_seconds=settings.send_max_backoff_seconds,
            )
        )
        # shard ids only when the operator names them: without, the bot runs them all
        shards: dict[str, Any] = {"shard_ids": settings.shard_ids} if settings.shard_ids else {}
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=ModelTree,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            http_trace=self.sender.trace_config(),
            shard_count=settings.shard_count,
            # nothing reads discord.py's message cache (no edit, delete or reaction handlers):
            # without it, 1,000 messages' objects are not kept
            max_messages=None,
            **shards,
        )
        self.settings = settings
        self._core: Core | None = None
        self._ready_logged = False
        self._chart_worker: asyncio.Task[None] | None = None

    @property
    def core(self) -> Core:
        """What the bot answers from; opened at login (setup_hook)."""
        if self._core is None:
            raise AttributeError("the bot's core opens at login")
        return self._core

    async def setup_hook(self) -> None:
        # One-time setup lives here, not in on_ready, which fires again after a failed resume.
        # `python -m bot sync` runs it too (the commands' choices depend on the data); what only
        # a bot on the gateway needs starts in `connect`.
        self._core = core = await Core.open(self.settings)
        # What exists now lives as long as the process (modules, the client, the store, the
        # engine): collect once, then freeze it all out of the collector's way, so that no
        # full collection walks it while questions come in (that was a 70 ms stall with the
        # shipped data). A frozen engine is still freed when a refresh replaces it: engines
        # hold no reference cycles (a test checks).
        gc.collect()
        gc.freeze()
        deliverer = Deliverer(self, core)
        for cog in (
            Messages(self, core),
            Answers(core),
            ChannelSettings(self, core),
            Admin(self),
            Alerts(self, core, deliverer),
            Refresh(self, core, deliverer),
            SpeedProbe(self, core),
        ):
            await self.add_cog(cog)

    async def connect(self, *, reconnect: bool = True) -> None:
        # The chart worker starts (and imports its drawing code) beside the gateway handshake.
        self._chart_worker = asyncio.create_task(self.core.charts.start(), name="chart-worker")
        if self.settings.dev_guild_id:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), guild.id)
        await super().connect(reconnect=reconnect)

    async def on_message(self, message: discord.Message, /) -> None:
        """No message commands: a prefix would take "@bot help" for one (the Messages cog
        answers every message the bot is asked)."""

    async def is_owner(self, user: discord.abc.User, /) -> bool:
        """OWNER_IDS, and the application's owner (or its team's admins and developers)."""
        return user.id in self.settings.owner_ids or await super().is_owner(user)

    async def on_ready(self) -> None:
        if self._ready_logged:
            return
        self._ready_logged = True
        log.info(
            "connected as %s (%s) to %d guilds on shards %s of %s; message content intent %s",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
            ", ".join(str(i) for i in self.shards) or "-",
            self.shard_count,
            "on" if self.intents.message_content else "off (mentions, DMs and slash commands only)",
        )

    async def close(self) -> None:
        await super().close()  # the cogs stop first: their loops, the answers on their way out
        if self._chart_worker is not None:
            self._chart_worker.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._chart_worker
        if self._core is not None:
            await self._core.close()


CONNECT_RETRY_SECONDS = 5.0  # the first wait when Discord cannot be reached, doubling ...
CONNECT_RETRY_MAX_SECONDS = 300.0  # ... up to this
# Discord not answering: no route, refused, timed out, or its servers failing. discord.py
# retries the gateway itself; these come from the REST login before it.
UNREACHABLE = (aiohttp.ClientConnectionError, TimeoutError, discord.DiscordServerError)


async def _start(settings: Settings, *, retry_seconds: float = CONNECT_RETRY_SECONDS) -> int:
    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    apply_endpoints(settings)
    message_content = True
    wait, failures = retry_seconds, 0
    while True:
        bot = ModelBot(settings, message_content=message_content)
        try:
            async with bot:
                await bot.start(token)
            return 0
        except discord.LoginFailure:
            log.error(BAD_TOKEN)
            return 1
        except discord.PrivilegedIntentsRequired:
            if not message_content:
                raise
            log.warning(
                "the Message Content intent is not enabled for this bot: turn it on in the "
                "Developer Portal (your application > Bot > Privileged Gateway Intents). Until "
                "then the bot answers mentions, DMs and slash commands only"
            )
            message_content = False
        except UNREACHABLE as err:
            failures += 1
            if failures == 1:
                log.warning(
                    "cannot reach Discord at %s (%s); trying again in %g s and then with longer "
                    "waits until it answers: check the network%s",
                    discord.http.Route.BASE,
                    str(err) or type(err).__name__,
                    wait,
                    ", and DISCORD_API_BASE" if settings.discord_api_base else "",
                )
            else:  # said once; the tries after it are routine until Discord answers
                log.info("still cannot reach Discord (try %d); next in %g s", failures, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, CONNECT_RETRY_MAX_SECONDS)
            continue


async def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Register the slash commands with Discord over REST: log in (which builds the command
    tree over the data), sync, close. Nothing connects to the gateway, so the chart worker never
    starts and the background loops, which wait for the gateway, never run."""
    if settings.discord_token is None:
        log.error("set DISCORD_TOKEN to sync commands")
        return 2
    apply_endpoints(settings)
    bot = ModelBot(settings)
    try:
        async with bot:
            await bot.login(settings.discord_token.get_secret_value())
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
                print(f"Synced {len(synced)} commands to server {guild_id}.")
            else:
                synced = await bot.tree.sync()
                print(
                    f"Synced {len(synced)} commands globally (Discord may take up to an hour to show them)."
                )
    except discord.LoginFailure:
        log.error(BAD_TOKEN)
        return 1
    return 0


def run_bot(settings: Settings) -> int:
    try:
        return asyncio.run(_start(settings))
    except KeyboardInterrupt:
        return 0
