"""Questions asked in messages: a mention, a DM, or any message in a listening channel. They
are answered from a queue, one per turn of the event loop, within a per-member pace."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Coroutine
from typing import Any

import discord
from discord.ext import commands

from bot.answers.askback import ask_back, needs_confirming, unsure
from bot.answers.model import Answer
from bot.discord_app import replies, sending
from bot.discord_app.cogs import AnyBot
from bot.discord_app.confirm import ConfirmView
from bot.discord_app.core import Core
from bot.discord_app.errors import SORRY
from bot.discord_app.sending import GaveUp, describe
from bot.engine import Reply

log = logging.getLogger(__name__)

INBOX_SIZE = 10_000  # messages waiting for an answer; past that they are dropped, with a warning
MAX_MESSAGE = 4000  # longer messages are read up to here; Discord's own cap is 4000 for Nitro
COOLDOWN_MESSAGES = 3
COOLDOWN_SECONDS = 20.0

Sending = Coroutine[Any, Any, None]


class _Noticed(commands.Cooldown):
    """A cooldown that remembers whether the member has been told they are asking too fast."""

    def __init__(self, rate: float, per: float) -> None:
        super().__init__(rate, per)
        self.told = False


def _member_in_channel(message: discord.Message) -> tuple[int, int]:
    return message.author.id, message.channel.id


class Pace:
    """At most `messages` answers per member and channel in `seconds`; one notice when they ask
    faster, then silence until they may ask again."""

    def __init__(
        self, messages: int = COOLDOWN_MESSAGES, seconds: float = COOLDOWN_SECONDS
    ) -> None:
        self._buckets: commands.CooldownMapping[discord.Message] = commands.CooldownMapping(
            _Noticed(messages, seconds), _member_in_channel
        )

    def check(self, message: discord.Message) -> tuple[bool, float, bool]:
        """(allowed, seconds until allowed, tell the member now)."""
        bucket = self._buckets.get_bucket(message)
        if not isinstance(bucket, _Noticed):  # every bucket is one, copied from the original
            return True, 0.0, False
        wait = bucket.update_rate_limit()
        if wait is None:
            bucket.told = False
            return True, 0.0, False
        tell, bucket.told = not bucket.told, True
        return False, wait, tell


class Messages(commands.Cog):
    def __init__(self, bot: AnyBot, core: Core) -> None:
        self.bot = bot
        self.core = core
        self.pace = Pace()
        self._inbox: asyncio.Queue[tuple[discord.Message, bool]] = asyncio.Queue(INBOX_SIZE)
        self._worker: asyncio.Task[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()

    async def cog_load(self) -> None:
        self._worker = asyncio.create_task(self._answer_worker(), name="answers")

    async def cog_unload(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
        if self._sending:  # answers on their way out get a moment to land
            await asyncio.wait(self._sending, timeout=5)

    # -- which messages are the bot's to answer ------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        me = self.bot.user
        is_dm = message.guild is None
        mentioned = me is not None and (
            any(u.id == me.id for u in message.mentions)
            # the bot's own managed role, which Discord offers in the @ menu too
            or any(r.tags is not None and r.tags.bot_id == me.id for r in message.role_mentions)
        )
        listening = message.channel.id in self.core.listening
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
        me = self.bot.user.id if self.bot.user is not None else None
        if any(u.id != me and not u.bot for u in message.mentions):
            return True
        ref = message.reference
        if ref is None:
            return False
        replied = ref.resolved if isinstance(ref.resolved, discord.Message) else None
        return replied is None or replied.author.id != me

    def _strip_mention(self, content: str) -> str:
        if self.bot.user is None:
            return content
        # a mention that opens the message goes; one later on stays, for the reading: "@jay try
        # glm-5.1. @bot which of those two is better" asks the bot, not jay
        content = re.sub(rf"^\s*<@!?{self.bot.user.id}>", " ", content)
        return re.sub(r"<@&\d+>", " ", content).strip()

    # -- answering -------------------------------------------------------------------------------

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
    async def _guarded(sending: Sending, message: discord.Message) -> None:
        try:
            await sending
        except Exception:
            log.exception("could not send the answer to message %s", message.id)

    def _answer(self, message: discord.Message, addressed: bool) -> Sending | None:
        """Read and answer a message; returns the sending still to do, if any."""
        text = self._strip_mention(message.content)[:MAX_MESSAGE]
        try:
            reply = self.core.engine.ask(text if text else "help")
        except Exception:
            log.exception(
                "could not answer message %s in channel %s", message.id, message.channel.id
            )
            return self._notice(message, SORRY) if addressed else None
        if reply.query.intent == "none" and not addressed:
            return None  # chatter in a listening channel: stay quiet
        if unsure(reply.query) and not addressed:
            return None  # a listening channel answers only what it reads with confidence
        allowed, wait, tell = self.pace.check(message)
        if not allowed:
            if tell:
                return self._notice(
                    message,
                    f"You're asking faster than I can keep the channel readable: try again in "
                    f"{max(1, round(wait))} s.",
                    delete_after=15,
                )
            return None
        if needs_confirming(reply.query):
            return self._ask_back(message, reply)
        return self._send_answer(message, reply.answer)

    async def _ask_back(self, message: discord.Message, reply: Reply) -> None:
        """An unsure reading, put back as a question with Yes / No: "Compare X and Y?"."""
        answer = reply.answer

        async def yes(interaction: discord.Interaction) -> None:
            await replies.answer_in_place(interaction, answer)

        view = ConfirmView(yes, message.author.id)
        text = ask_back(reply.query, self.core.engine.catalog)
        sent = await self._post(
            message, f"the question back to message {message.id}", content=text, view=view
        )
        if sent is not None:
            view.message = sent

    async def _send_answer(self, message: discord.Message, answer: Answer) -> None:
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
            self.core,
            answer,
            perms,
            message.author.id,
            chart_wait=self.core.settings.chart_wait_seconds,
        )
        sent = await self._post(
            message,
            f"the answer to message {message.id}",
            reference=perms is None or perms.read_message_history,
            **out.kwargs,
        )
        out.posted_as(sent)

    async def _notice(self, message: discord.Message, text: str, **kwargs: Any) -> None:
        await self._post(
            message, f"a notice to message {message.id}", content=text, nonce_prefix="n", **kwargs
        )

    async def _post(
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
            return await sending.sender_of(self.bot).run(attempt, what)
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
