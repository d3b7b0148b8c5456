"""One way out for everything the bot posts: answers, interaction responses and follow-ups, edits,
alert digests.

What discord.py 2.7.1 already does inside one call (discord/http.py `HTTPClient.request`, and
discord/webhook/async_.py for interaction responses and follow-ups), and what this adds:

- 429 with a `Via` header: discord.py waits the body's `retry_after` and tries again, per
  bucket, holding every request while a global limit lasts; up to five tries in all. A 429
  without `Via` (taken for a Cloudflare ban), a sixth 429, or a wait over `max_ratelimit_timeout`
  is raised. Here those are retried too, after the route's `X-RateLimit-Reset-After` (or
  `Retry-After`); a global one holds every send this sender makes until it has passed.
- 5xx: discord.py retries 500, 502, 504 and 524 (every 5xx for webhooks) after sleeping 1, 3, 5,
  7 and 9 s, 25 s in all, and raises 503 at once. Here every 5xx is retried on this sender's own
  back-off (configurable, doubling, bounded): a trace on the HTTP session tells the sender a 5xx
  came back, and the attempt is cancelled while discord.py sleeps, before its own retry.
- dropped connections and timeouts are retried alike.

All of it within one bounded time per send; then one log line says what was being sent and what
finally failed, and `GaveUp` is raised. Other 4xx are the request's own fault and raised at once.

A retry must never double a message, since Discord may have created it and lost only the answer:
channel posts carry a nonce that Discord enforces (`enforce_nonce`, which discord.py sets with any
nonce), so a repeat returns the message already made; an interaction's response, when already
made, is refused as acknowledged (40060), which counts as done; a follow-up after a deferral
becomes the deferred message, so after an unsure answer that message is looked at first.

An answer that can no longer be useful (the interaction token has expired: 10062, 10015, 50027)
is dropped with a log line; it is never posted in the channel instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
import discord

log = logging.getLogger(__name__)
T = TypeVar("T")

UNKNOWN_INTERACTION = 10062
UNKNOWN_WEBHOOK = 10015
INVALID_WEBHOOK_TOKEN = 50027
ALREADY_ACKNOWLEDGED = 40060
EXPIRED = {UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK, INVALID_WEBHOOK_TOKEN}
INTERACTION_SECONDS = 3.0  # Discord forgets an interaction not answered within this


@dataclass(frozen=True)
class SendPolicy:
    total_seconds: float = 90.0  # a send gives up after this long in all
    backoff_seconds: float = 1.0  # the first pause after a failure; doubling after
    max_backoff_seconds: float = 15.0


class GaveUp(Exception):
    """A send failed for its whole allowed time; already logged."""

    def __init__(self, what: str, error: BaseException | str, attempts: int, seconds: float):
        super().__init__(f"gave up sending {what} after {attempts} attempts in {seconds:.1f} s")
        self.what = what
        self.error = error
        self.attempts = attempts
        self.seconds = seconds


class _ServerError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"{status} from Discord")
        self.status = status


class _Watch:
    """Set by the session trace when a request made inside one attempt comes back 5xx."""

    def __init__(self) -> None:
        self.seen = asyncio.Event()
        self.status = 0


_WATCH: contextvars.ContextVar[_Watch | None] = contextvars.ContextVar("send_watch", default=None)


# What an attempt may fail with and still be tried again (`Sender._pause_after` decides how).
RETRIED = (
    discord.RateLimited,
    discord.HTTPException,
    _ServerError,
    aiohttp.ClientError,
    TimeoutError,
    ConnectionError,
)


def describe(error: BaseException | str) -> str:
    if isinstance(error, discord.HTTPException):
        code = f" (code {error.code})" if error.code else ""
        return f"{error.status}{code} {error.text}".strip()
    if isinstance(error, str):
        return error
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _header_seconds(err: discord.HTTPException, *names: str) -> float | None:
    headers = getattr(getattr(err, "response", None), "headers", None) or {}
    for name in names:
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value))
        except ValueError:
            continue
    return None


def _is_global(err: discord.HTTPException) -> bool:
    headers = getattr(getattr(err, "response", None), "headers", None) or {}
    return (
        str(headers.get("X-RateLimit-Global", "")).lower() == "true"
        or str(headers.get("X-RateLimit-Scope", "")).lower() == "global"
    )


def reset_files(kwargs: dict[str, Any]) -> None:
    """Rewind what a send uploads, so a second attempt sends the files whole again."""
    files = []
    if isinstance(kwargs.get("file"), discord.File):
        files.append(kwargs["file"])
    for key in ("files", "attachments"):
        files.extend(f for f in kwargs.get(key) or [] if isinstance(f, discord.File))
    for f in files:
        f.reset()


class Sender:
    def __init__(self, policy: SendPolicy | None = None) -> None:
        self.policy = policy or SendPolicy()
        self._global_until = 0.0  # loop time until which a global rate limit holds every send
        self.retries = 0  # attempts after a first one, for the operator and the soak test
        self.gave_up = 0

    def trace_config(self) -> aiohttp.TraceConfig:
        """Give this to the client (`http_trace=`): it tells a running attempt of a 5xx."""
        trace = aiohttp.TraceConfig()
        trace.on_request_end.append(self._on_request_end)
        return trace

    async def _on_request_end(
        self, session: aiohttp.ClientSession, ctx: Any, params: aiohttp.TraceRequestEndParams
    ) -> None:
        watch = _WATCH.get()
        if watch is not None and params.response.status >= 500:
            watch.status = params.response.status
            watch.seen.set()

    async def _once(self, attempt: Callable[[], Awaitable[T]], within: float) -> T:
        watch = _Watch()
        token = _WATCH.set(watch)
        try:
            # the task copies the context now, watch included; the trace sees it there
            task = asyncio.ensure_future(attempt())
        finally:
            _WATCH.reset(token)
        seen = asyncio.ensure_future(watch.seen.wait())
        try:
            done, _ = await asyncio.wait(
                {task, seen}, timeout=max(0.0, within), return_when=asyncio.FIRST_COMPLETED
            )
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            seen.cancel()
        if task in done:
            return task.result()
        # A 5xx (discord.py now sleeps before its own retry) or out of time: our schedule decides.
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        if watch.seen.is_set():
            raise _ServerError(watch.status)
        raise TimeoutError("no answer from Discord in the time left")

    def _pause_after(self, err: BaseException, delay: float) -> tuple[float, bool]:
        """How long to wait after a failed attempt, and whether Discord may have done it all the
        same (a 5xx, a lost connection). A 4xx other than 429 is raised: trying again would not
        help."""
        if isinstance(err, discord.RateLimited):
            return err.retry_after, False
        if isinstance(err, discord.HTTPException) and err.status == 429:
            wait = (
                _header_seconds(err, "X-RateLimit-Reset-After", "Retry-After")
                or self.policy.backoff_seconds
            )
            if _is_global(err):
                now = asyncio.get_running_loop().time()
                self._global_until = max(self._global_until, now + wait)
            return wait, False
        if isinstance(err, discord.HTTPException) and err.status < 500:
            raise err
        return delay, True

    async def run(
        self,
        attempt: Callable[[], Awaitable[T]],
        what: str,
        *,
        seconds: float | None = None,
        landed: Callable[[], Awaitable[T | None]] | None = None,
    ) -> T:
        """`attempt()` until it succeeds, a 4xx says it never will, or the time is spent.

        `landed`, if given, is asked after an unsure failure (5xx, timeout) whether Discord did it
        after all; what it returns counts as the result.
        """
        loop = asyncio.get_running_loop()
        start = loop.time()
        deadline = start + (self.policy.total_seconds if seconds is None else seconds)
        delay = self.policy.backoff_seconds
        tries = 0
        last: BaseException | str = "no attempt in the time allowed"
        while True:
            if self._global_until > loop.time():
                if self._global_until >= deadline:
                    break
                await asyncio.sleep(self._global_until - loop.time())
            tries += 1
            if tries > 1:
                self.retries += 1
            try:
                return await self._once(attempt, deadline - loop.time())
            except RETRIED as err:
                last = err
                wait, unsure = self._pause_after(err, delay)
            if unsure and landed is not None and deadline > loop.time():
                with contextlib.suppress(discord.HTTPException, aiohttp.ClientError, TimeoutError):
                    found = await asyncio.wait_for(landed(), deadline - loop.time())
                    if found is not None:
                        return found
            if wait >= deadline - loop.time():
                break  # the next attempt would come after the time allowed
            log.debug("sending %s: %s; again in %.2f s", what, describe(last), wait)
            await asyncio.sleep(wait)
            if unsure:
                delay = min(delay * 2, self.policy.max_backoff_seconds)
        elapsed = loop.time() - start
        self.gave_up += 1
        log.error(
            "gave up sending %s after %d attempts in %.1f s; last error: %s",
            what,
            tries,
            elapsed,
            describe(last),
        )
        raise GaveUp(what, last, tries, elapsed)


def sender_of(client: Any) -> Sender:
    sender = getattr(client, "sender", None)
    return sender if isinstance(sender, Sender) else _FALLBACK


_FALLBACK = Sender()


def _expired(err: discord.HTTPException) -> bool:
    return err.code in EXPIRED


def _command(interaction: discord.Interaction) -> str:
    cmd = interaction.command
    if cmd is not None:
        return f"/{cmd.qualified_name}"
    return f"interaction {interaction.id}"


def _interaction_left(interaction: discord.Interaction, sender: Sender) -> float:
    """Seconds left for the first response (3 s from the interaction, by Discord's clock)."""
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return max(0.5, min(sender.policy.total_seconds, INTERACTION_SECONDS - age))


def _token_left(interaction: discord.Interaction, sender: Sender) -> float:
    left = (interaction.expires_at - discord.utils.utcnow()).total_seconds()
    return max(0.0, min(sender.policy.total_seconds, left))


async def respond(interaction: discord.Interaction, **kwargs: Any) -> bool:
    """The interaction's first response (`send_message`). True once Discord has it."""
    sender = sender_of(interaction.client)
    what = f"the response to {_command(interaction)}"

    async def attempt() -> None:
        reset_files(kwargs)
        await interaction.response.send_message(**kwargs)

    return await _answer(interaction, sender, attempt, what, _interaction_left(interaction, sender))


async def edit_response(interaction: discord.Interaction, **kwargs: Any) -> bool:
    """A component's response that edits its message in place (`edit_message`)."""
    sender = sender_of(interaction.client)
    what = f"the in-place answer to {_command(interaction)}"

    async def attempt() -> None:
        reset_files(kwargs)
        await interaction.response.edit_message(**kwargs)

    return await _answer(interaction, sender, attempt, what, _interaction_left(interaction, sender))


async def defer(interaction: discord.Interaction, **kwargs: Any) -> bool:
    sender = sender_of(interaction.client)
    what = f"the acknowledgement of {_command(interaction)}"

    async def attempt() -> None:
        await interaction.response.defer(**kwargs)

    return await _answer(interaction, sender, attempt, what, _interaction_left(interaction, sender))


async def _answer(
    interaction: discord.Interaction,
    sender: Sender,
    attempt: Callable[[], Awaitable[None]],
    what: str,
    seconds: float,
) -> bool:
    try:
        await sender.run(attempt, what, seconds=seconds)
        return True
    except discord.HTTPException as err:
        if err.code == ALREADY_ACKNOWLEDGED and interaction.response.type is None:
            # An earlier attempt reached Discord and only its answer was lost.
            return True
        if _expired(err):
            log.warning(
                "dropped %s: the interaction expired before it could be answered (%s)",
                what,
                describe(err),
            )
            return False
        raise
    except GaveUp:
        return False


async def follow_up(
    interaction: discord.Interaction, *, first_after_defer: bool = False, **kwargs: Any
) -> discord.Message | None:
    """A follow-up message. After a deferral Discord makes the first one the deferred message:
    after an unsure answer that message is looked at before trying again, so none is doubled."""
    sender = sender_of(interaction.client)
    what = f"the follow-up to {_command(interaction)}"

    async def attempt() -> discord.Message:
        reset_files(kwargs)
        return await interaction.followup.send(wait=True, **kwargs)

    async def landed() -> discord.Message | None:
        message = await interaction.original_response()
        shown = message.content or message.embeds or message.attachments
        return message if shown and not message.flags.loading else None

    try:
        return await sender.run(
            attempt,
            what,
            seconds=_token_left(interaction, sender),
            landed=landed if first_after_defer else None,
        )
    except discord.HTTPException as err:
        if _expired(err):
            log.warning("dropped %s: the interaction token has expired (%s)", what, describe(err))
            return None
        raise
    except GaveUp:
        return None


async def edit_message(message: discord.Message, what: str, **kwargs: Any) -> bool:
    """Edit one of the bot's messages (an edit is the same however often it is made)."""
    sender = sender_of(getattr(message, "_state", None) and message._state._get_client())

    async def attempt() -> None:
        await message.edit(**kwargs)

    try:
        await sender.run(attempt, what)
        return True
    except discord.NotFound:
        return False  # deleted meanwhile: nothing to edit
    except discord.HTTPException as err:
        log.warning("could not edit %s: %s", what, describe(err))
        return False
    except GaveUp:
        return False
