"""The Discord bot: client, listeners, slash commands.  It only translates between Discord and
the core (bot.engine); no matching or scoring happens here."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import re
import time
from collections import defaultdict, deque
from collections.abc import Coroutine
from typing import Any, TypeVar

import aiohttp
import discord
import yarl
from discord import app_commands

from bot.answers.askback import ask_back, needs_confirming, unsure
from bot.discord_app import replies, sending
from bot.discord_app.charts import ChartCache
from bot.discord_app.confirm import ConfirmView
from bot.discord_app.sending import GaveUp, Sender, SendPolicy, describe, edit_response
from bot.engine import Engine
from bot.query import Query
from bot.service import ensure_loaded, open_store, recent_changes
from bot.settings import Settings
from bot.speed import probe as speed_probe
from bot.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

INBOX_SIZE = 10_000  # messages waiting for an answer; past that they are dropped, with a warning
MAX_MESSAGE = 4000  # longer messages are read up to here; Discord's own cap is 4000 for Nitro
COOLDOWN_MESSAGES = 3
COOLDOWN_SECONDS = 20.0
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


class Cooldown:
    """At most COOLDOWN_MESSAGES answers per user and channel in COOLDOWN_SECONDS."""

    def __init__(
        self, messages: int = COOLDOWN_MESSAGES, seconds: float = COOLDOWN_SECONDS
    ) -> None:
        self.messages = messages
        self.seconds = seconds
        self._hits: dict[tuple[int, int], deque[float]] = defaultdict(deque)
        self._warned: dict[tuple[int, int], float] = {}

    def check(self, user_id: int, channel_id: int) -> tuple[bool, float, bool]:
        """(allowed, seconds until allowed, notify the user now)."""
        now = time.monotonic()
        key = (user_id, channel_id)
        if len(self._hits) > 10_000:  # forget people who have gone quiet
            for k in [k for k, v in self._hits.items() if not v or now - v[-1] > self.seconds]:
                self._hits.pop(k, None)
                self._warned.pop(k, None)
        hits = self._hits[key]
        while hits and now - hits[0] > self.seconds:
            hits.popleft()
        if len(hits) < self.messages:
            hits.append(now)
            self._warned.pop(key, None)
            return True, 0.0, False
        wait = self.seconds - (now - hits[0])
        first = key not in self._warned
        self._warned[key] = now
        return False, wait, first


class ModelBot(discord.Client):
    def __init__(self, settings: Settings, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        # Every message the bot posts goes out through this sender (see sending.py).
        self.sender = Sender(
            SendPolicy(
                total_seconds=settings.send_retry_seconds,
                backoff_seconds=settings.send_backoff_seconds,
                max_backoff_seconds=settings.send_max_backoff_seconds,
            )
        )
        super().__init__(
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            http_trace=self.sender.trace_config(),
        )
        self.settings = settings
        self.tree = app_commands.CommandTree(self)
        self.store: Store | None = None
        self.engine: Engine | None = None
        self.listening: set[int] = set()
        self.cooldown = Cooldown()
        self.charts = ChartCache(workers=settings.chart_workers)
        self.sync_on_start = True
        self.background = True  # refresh and delivery loops; off for one-shot uses like sync
        self._ready_logged = False
        self._tasks: list[asyncio.Task] = []
        self._inbox: asyncio.Queue[tuple[discord.Message, bool]] = asyncio.Queue(INBOX_SIZE)
        self._sending: set[asyncio.Task] = set()
        from bot.discord_app.delivery import Deliverer

        self.deliverer = Deliverer(self)

    # -- lifecycle ---------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        # One-time setup lives here, not in on_ready, which fires again after a failed resume.
        self.store = await open_store(self.settings)
        catalog = await ensure_loaded(self.store, self.settings)
        info = await self.store.snapshot_info()
        self.engine = await asyncio.to_thread(Engine, catalog, info.loaded_at if info else None)
        await self.reload_changes()
        # What exists now lives as long as the process (modules, the client, the store, the
        # engine): collect once, then freeze it all out of the collector's way, so that no
        # full collection walks it while questions come in (that was a 70 ms stall with the
        # shipped data). A frozen engine is still freed when a refresh replaces it: engines
        # hold no reference cycles (a test checks).
        gc.collect()
        gc.freeze()
        self.listening = await self.store.listening_channels()
        from bot.discord_app.commands import register

        register(self)
        self._tasks.append(asyncio.create_task(self._answer_worker(), name="answers"))
        # The chart worker starts (and imports its drawing code) beside the login, not before it.
        self._tasks.append(asyncio.create_task(self.charts.start(), name="chart-worker"))
        if self.background:
            self._tasks.append(asyncio.create_task(self._delivery_loop(), name="alert-delivery"))
            if self.settings.refresh_interval_minutes > 0:
                self._tasks.append(asyncio.create_task(self._refresh_loop(), name="data-refresh"))
            # The speed probe (off unless configured); the delivery loop's look at the store
            # picks up each snapshot it publishes.
            if probe := speed_probe.start(self.store, self.settings):
                self._tasks.append(probe)
        if self.sync_on_start and self.settings.dev_guild_id:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), guild.id)

    async def refresh_now(self, specs=None) -> None:  # noqa: ANN001
        """One refresh run; a changed catalog replaces the engine the bot answers from."""
        from bot.alerts.refresh import refresh, specs_from

        assert self.store is not None
        report = await refresh(self.store, self.settings, specs or specs_from(self.settings))
        if report.catalog is not None:
            info = await self.store.snapshot_info()
            self.engine = await asyncio.to_thread(
                Engine, report.catalog, info.loaded_at if info else None
            )
            log.info("answering from refreshed data (snapshot %s)", report.snapshot)
        await self.reload_changes()
        if report.queued:
            await self.deliverer.run_once()

    async def reload_changes(self) -> None:
        """Give the engine the change log it answers "what's new?" from."""
        if self.store is None or self.engine is None:
            return
        self.engine.with_changes(await recent_changes(self.store))

    async def _refresh_loop(self) -> None:
        await self.wait_until_ready()
        while not self.is_closed():
            try:
                await self.refresh_now()
            except Exception:
                log.exception("data refresh failed; the last good data keeps serving")
            await asyncio.sleep(self.settings.refresh_interval_minutes * 60)

    async def _follow_store(self) -> None:
        """`python -m bot data load` while the bot runs: answer from the new snapshot."""
        assert self.store is not None and self.engine is not None
        info = await self.store.snapshot_info()
        if info is not None and info.loaded_at != self.engine.context.loaded_at:
            catalog = await self.store.read_catalog()
            if catalog is not None:
                self.engine = await asyncio.to_thread(Engine, catalog, info.loaded_at)
                await self.reload_changes()
                log.info("answering from snapshot %d (%s)", info.id, info.origin)

    async def _delivery_loop(self) -> None:
        await self.wait_until_ready()
        while not self.is_closed():
            try:
                await self._follow_store()
                await self.deliverer.run_once()
            except Exception:
                log.exception("alert delivery failed; queued digests stay queued")
            await asyncio.sleep(self.settings.delivery_interval_seconds)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self.store is not None:
            await self.store.close()
            self.store = None
        if self._sending:  # answers on their way out get a moment to land
            await asyncio.wait(self._sending, timeout=5)
        self.charts.close()
        await super().close()

    async def on_ready(self) -> None:
        if self._ready_logged:
            return
        self._ready_logged = True
        log.info(
            "connected as %s (%s) to %d guilds; message content intent %s",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
            "on" if self.intents.message_content else "off (mentions, DMs and slash commands only)",
        )

    # -- messages ----------------------------------------------------------------------------

    def _strip_mention(self, content: str) -> str:
        if self.user is None:
            return content
        content = re.sub(rf"<@!?{self.user.id}>", " ", content)
        return re.sub(r"<@&\d+>", " ", content).strip()

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or self.engine is None:
            return
        is_dm = message.guild is None
        mentioned = self.user is not None and (
            any(u.id == self.user.id for u in message.mentions)
            # the bot's own managed role, which Discord offers in the @ menu too
            or any(
                r.tags is not None and r.tags.bot_id == self.user.id for r in message.role_mentions
            )
        )
        listening = message.channel.id in self.listening
        if not (is_dm or mentioned or listening):
            return
        addressed = is_dm or mentioned
        if not addressed and self._to_someone_else(message):
            return  # a reply to, or a mention of, another member: for them, not for the bot
        try:
            self._inbox.put_nowait((message, addressed))
        except asyncio.QueueFull:
            log.warning("more than %d messages waiting; message %s dropped", INBOX_SIZE, message.id)

    def _to_someone_else(self, message: discord.Message) -> bool:
        me = self.user.id if self.user is not None else None
        if any(u.id != me and not u.bot for u in message.mentions):
            return True
        ref = message.reference
        if ref is None:
            return False
        replied = ref.resolved if isinstance(ref.resolved, discord.Message) else None
        return replied is None or replied.author.id != me

    async def _answer_worker(self) -> None:
        """Answer queued messages one at a time, yielding to the event loop between them.

        A burst of messages would otherwise run as one long stretch of the loop: every handler
        starts in the same loop iteration, and autocomplete (3 s deadline), heartbeats and
        everything else wait until all of them have parsed and composed."""
        while True:
            message, addressed = await self._inbox.get()
            try:
                sending = self._answer(message, addressed)
                if sending is not None:
                    # Sending waits on Discord (and maybe a chart): it runs on its own, so a
                    # slow channel never holds up the answers behind it.
                    task = asyncio.create_task(self._guarded(sending, message))
                    self._sending.add(task)
                    task.add_done_callback(self._sending.discard)
            except Exception:
                log.exception("could not answer message %s", message.id)
            finally:
                self._inbox.task_done()
            await asyncio.sleep(0)

    @staticmethod
    async def _guarded(sending: Coroutine[Any, Any, None], message: discord.Message) -> None:
        try:
            await sending
        except Exception:
            log.exception("could not send the answer to message %s", message.id)

    def _answer(
        self, message: discord.Message, addressed: bool
    ) -> Coroutine[Any, Any, None] | None:
        """Read and answer a message; returns the sending still to do, if any."""
        assert self.engine is not None
        text = self._strip_mention(message.content)[:MAX_MESSAGE]
        try:
            reply = self.engine.ask(text if text else "help")
        except Exception:
            log.exception(
                "could not answer message %s in channel %s", message.id, message.channel.id
            )
            if addressed:
                return self._safe_reply(
                    message, "Sorry, something went wrong on my side; it has been logged."
                )
            return None
        if reply.query.intent == "none" and not addressed:
            return None  # chatter in a listening channel: stay quiet
        if unsure(reply.query) and not addressed:
            return None  # a listening channel answers only what it reads with confidence
        allowed, wait, notify = self.cooldown.check(message.author.id, message.channel.id)
        if not allowed:
            if notify:
                return self._safe_reply(
                    message,
                    f"You're asking faster than I can keep the channel readable: try again in "
                    f"{max(1, round(wait))} s.",
                    delete_after=15,
                )
            return None
        if needs_confirming(reply.query):
            return self.send_ask_back(message, reply)
        return self.send_answer(message, reply.answer)

    async def send_ask_back(self, message: discord.Message, reply) -> None:  # noqa: ANN001
        """An unsure reading, put back as a question with Yes / No: "Compare X and Y?"."""
        assert self.engine is not None
        answer = reply.answer

        async def yes(interaction: discord.Interaction) -> None:
            out = await replies.build_edit(self, answer, interaction.user.id)
            if await edit_response(interaction, **out.kwargs) and out.view is not None:
                out.view.message = interaction.message  # type: ignore[attr-defined]

        view = ConfirmView(yes, message.author.id)
        text = ask_back(reply.query, self.engine.catalog)
        sent = await self.post_reply(
            message, f"the question back to message {message.id}", content=text, view=view
        )
        if sent is not None:
            view.message = sent

    async def send_answer(self, message: discord.Message, answer) -> None:  # noqa: ANN001
        me = message.guild.me if message.guild else None
        perms = replies.channel_permissions(message.channel, me)
        missing = replies.missing_for_reply(perms)
        if missing:
            log.warning(
                "missing permission %s in #%s (%s, guild %s): grant it to the bot's role to answer there",
                " and ".join(missing),
                getattr(message.channel, "name", "?"),
                message.channel.id,
                message.guild.id if message.guild else "-",
            )
            return
        out = await replies.build(
            self, answer, perms, message.author.id, chart_wait=self.settings.chart_wait_seconds
        )
        sent = await self.post_reply(
            message,
            f"the answer to message {message.id}",
            reference=perms is None or perms.read_message_history,
            **out.kwargs,
        )
        if sent is not None and out.view is not None:
            out.view.message = sent  # type: ignore[attr-defined]

    async def post_reply(
        self,
        message: discord.Message,
        what: str,
        *,
        reference: bool = True,
        nonce_prefix: str = "a",
        **kwargs: Any,
    ) -> discord.Message | None:
        """Post in the message's channel, as a reply where the bot may read history, through the
        one send path. One nonce for every attempt: Discord returns the message it already
        made for a repeat instead of posting it twice."""
        nonce = f"{nonce_prefix}{message.id}"[:25]

        async def attempt() -> discord.Message:
            sending.reset_files(kwargs)
            if reference:
                return await message.reply(mention_author=False, nonce=nonce, **kwargs)
            return await message.channel.send(nonce=nonce, **kwargs)

        try:
            return await self.sender.run(attempt, what)
        except GaveUp:
            return None  # logged by the sender
        except discord.Forbidden as err:
            log.warning(
                "Discord refused a reply in channel %s (%s; code %s: %s): check the bot's Send "
                "Messages, Embed Links and Attach Files permissions there",
                message.channel.id,
                what,
                err.code,
                err.text,
            )
        except discord.HTTPException as err:
            log.error(
                "could not send %s in channel %s: %s", what, message.channel.id, describe(err)
            )
        return None

    async def _safe_reply(self, message: discord.Message, text: str, **kwargs) -> None:  # noqa: ANN003
        await self.post_reply(
            message, f"a notice to message {message.id}", content=text, nonce_prefix="n", **kwargs
        )

    # -- components --------------------------------------------------------------------------

    def on_clarify_pick(self, answer):  # noqa: ANN001, ANN201
        partial = list(answer.data.get("partial", []))

        async def picked(interaction: discord.Interaction, values: list[str]) -> None:
            assert self.engine is not None
            ids = list(dict.fromkeys([*partial, *values]))[:5]
            valid = [i for i in ids if i in self.engine.catalog.model_by_id]
            if not valid:
                await sending.respond(
                    interaction,
                    content="Those models are no longer in the catalog; ask again.",
                    ephemeral=True,
                )
                return
            q = Query(
                intent="compare" if len(valid) >= 2 else "profile",
                models=valid,
                category=answer.category,
                metric=answer.metric,
            )
            new = self.engine.answer_query(q)
            out = await replies.build_edit(self, new, interaction.user.id)
            if await edit_response(interaction, **out.kwargs) and out.view is not None:
                out.view.message = interaction.message  # type: ignore[attr-defined]

        return picked


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


async def _sync(settings: Settings, guild_id: int | None) -> int:
    if settings.discord_token is None:
        log.error("set DISCORD_TOKEN to sync commands")
        return 2
    apply_endpoints(settings)
    bot = ModelBot(settings)
    bot.sync_on_start = False
    bot.background = False
    try:
        async with bot:
            await bot.login(settings.discord_token.get_secret_value())  # REST only, no gateway
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


def sync_commands(settings: Settings, guild_id: int | None) -> int:
    return asyncio.run(_sync(settings, guild_id))


def run_bot(settings: Settings) -> int:
    try:
        return asyncio.run(_start(settings))
    except KeyboardInterrupt:
        return 0
