"""Delivering queued alert digests from the outbox.

- A row is marked delivered only once Discord has accepted the message.  It is marked "sending"
  first; when the outcome is unknown (the bot stopped, or Discord answered 5xx or timed out), the
  next attempt looks for the message in the channel by the reference in its footer before sending,
  and every send carries the row's nonce, which Discord enforces, so a repeat is dropped.
- Channels are served concurrently, each under its own lock, so one slow or rate-limited channel
  holds up no other; two passes at once never send the same row twice.
- 403 and 404 count against the subscription, with a growing pause between attempts; after
  ALERT_MAX_FAILURES it is turned off, with a log line and a note in the server's system channel.
- With several processes (SHARD_IDS), each delivers only the digests of the guilds on its own
  shards, so every channel's digests are sent by exactly one process.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import defaultdict
from typing import Any, Literal

import aiohttp
import discord

from bot.discord_app.core import Core
from bot.discord_app.sending import GaveUp, describe, sender_of
from bot.store.alerts import OutboxRow, Subscription

log = logging.getLogger(__name__)
HISTORY_SCAN = 5000  # messages read after the queue time, at most, looking for a digest
CLOCK_MARGIN = dt.timedelta(minutes=5)  # the bot's clock against Discord's


class NotPostable(Exception):
    def __init__(self, channel_id: int) -> None:
        super().__init__(f"channel {channel_id} is not one messages can be posted in")


def embed_from(payload: dict[str, Any]) -> discord.Embed:
    embed = discord.Embed(
        title=payload.get("title", "")[:256],
        description=payload.get("description", "")[:4096],
        colour=payload.get("colour", 0x5865F2),
    )
    if payload.get("footer"):
        embed.set_footer(text=payload["footer"][:2048])
    return embed


class Deliverer:
    def __init__(self, client: discord.Client, core: Core) -> None:
        self.client = client
        self.core = core
        self._locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.pace = 0.5  # seconds between two messages to one channel

    async def run_once(self) -> int:
        """Send what is queued for this process's guilds; returns how many messages Discord
        accepted."""
        store = self.core.store
        queued = await store.outbox()
        if not queued:
            return 0
        subs = {s.id: s for s in await store.subscriptions()}
        by_channel: dict[int, list[OutboxRow]] = defaultdict(list)
        for row in queued:
            if self.ours(row, subs):
                by_channel[row.channel_id].append(row)
        if not by_channel:
            return 0
        results = await asyncio.gather(
            *(self._channel(cid, rows, subs) for cid, rows in by_channel.items()),
            return_exceptions=True,
        )
        sent = 0
        for cid, result in zip(by_channel, results, strict=True):
            if isinstance(result, BaseException):
                log.error("delivery to channel %s failed unexpectedly", cid, exc_info=result)
            else:
                sent += result
        return sent

    def ours(self, row: OutboxRow, subs: dict[int, Subscription]) -> bool:
        """Whether this process delivers the row: its subscription's guild is on one of our
        shards. A row without a subscription (a test alert) is delivered where its channel is
        known, which is in the process that queued it."""
        shards = self.core.shards
        if shards.ids is None:
            return True
        sub = subs.get(row.subscription_id) if row.subscription_id is not None else None
        if sub is not None:
            return shards.serves(sub.guild_id)
        return self.client.get_channel(row.channel_id) is not None

    def _resting(self, sub: Subscription | None) -> bool:
        """A failing channel waits between attempts, longer after each failure."""
        if sub is None or sub.status != "failing" or not sub.last_failure_at:
            return False
        pause = self.core.settings.alert_retry_backoff_seconds * 2 ** max(0, sub.failures - 1)
        last = dt.datetime.fromisoformat(sub.last_failure_at)
        return dt.datetime.now(dt.UTC) - last < dt.timedelta(seconds=pause)

    async def _resolve(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = await self.client.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise NotPostable(channel_id)
        return channel

    async def _already_sent(
        self, channel: discord.abc.Messageable, row: OutboxRow, ref: str
    ) -> discord.Message | None:
        """The digest's message, if an earlier attempt posted it: the bot's messages since the
        row was queued, oldest first, by the ref in the footer; not the channel's latest few,
        which a busy channel pushes it out of. None also when the bot may not read the
        channel's history: the send's nonce is then what keeps it from being doubled."""
        me = self.client.user
        if (
            isinstance(channel, discord.abc.GuildChannel | discord.Thread)
            and not channel.permissions_for(channel.guild.me).read_message_history
        ):
            log.info(
                "outbox %s may have been delivered; without Read Message History in channel %s "
                "only its nonce keeps it from being posted twice",
                row.id,
                row.channel_id,
            )
            return None
        try:
            queued = dt.datetime.fromisoformat(row.created_at)
        except ValueError:
            queued = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        if queued.tzinfo is None:
            queued = queued.replace(tzinfo=dt.UTC)
        after = queued - CLOCK_MARGIN
        async for message in channel.history(after=after, limit=HISTORY_SCAN, oldest_first=True):
            if me is not None and message.author.id != me.id:
                continue
            for embed in message.embeds:
                if embed.footer and embed.footer.text and embed.footer.text.endswith(f"ref {ref}"):
                    return message
        return None

    async def _channel(
        self, channel_id: int, rows: list[OutboxRow], subs: dict[int, Subscription]
    ) -> int:
        if rows[0].subscription_id is not None and self._resting(subs.get(rows[0].subscription_id)):
            return 0
        async with self._locks[channel_id]:
            try:
                channel = await self._resolve(channel_id)
            except (discord.NotFound, discord.Forbidden) as err:
                await self._failed(rows[0], f"{err.status} (code {err.code}): {err.text}")
                return 0
            except NotPostable as err:
                await self._failed(rows[0], str(err))
                return 0
            sent = 0
            for row in rows:
                outcome = await self._row(channel, row)
                if outcome == "stop":
                    break
                if outcome == "sent":
                    sent += 1
                    await asyncio.sleep(self.pace)
            return sent

    async def _row(
        self, channel: discord.abc.Messageable, row: OutboxRow
    ) -> Literal["sent", "skipped", "stop"]:
        """One digest: looked for first when an earlier attempt may have posted it, then sent.
        "stop" when the channel fails now: its other digests wait for the next pass."""
        store = self.core.store
        status = await store.outbox_status(row.id)
        if status not in ("pending", "sending"):
            return "skipped"  # sent by another pass, or dropped meanwhile
        ref = row.payload.get("footer", "").rsplit("ref ", 1)[-1]
        what = f"alert digest {row.id} to channel {row.channel_id}"
        try:
            if status == "sending" and ref:
                found = await self._already_sent(channel, row, ref)
                if found is not None:
                    await store.mark_sent(row.id, found.id)
                    log.info("outbox %s had been delivered (message %s)", row.id, found.id)
                    return "skipped"
            await store.mark_sending(row.id)
            embed = embed_from(row.payload)
            nonce = f"ob{row.id}"  # the same for every attempt: Discord posts it once

            async def attempt() -> discord.Message:
                return await channel.send(embed=embed, nonce=nonce)

            message = await sender_of(self.client).run(attempt, what)
            await store.mark_sent(row.id, message.id)
            if row.subscription_id is not None:
                await store.delivery_ok(row.subscription_id)
            return "sent"
        except GaveUp as err:
            # Logged by the sender. Discord may have it: the next pass looks first.
            await store.mark_unsure(row.id, describe(err.error))
        except (discord.Forbidden, discord.NotFound) as err:
            await self._failed(row, f"{err.status} (code {err.code}): {err.text}")
        except discord.HTTPException as err:
            await store.mark_retry(row.id, describe(err))
            log.warning(
                "alert delivery to channel %s refused (%s); will retry",
                row.channel_id,
                describe(err),
            )
        except (TimeoutError, aiohttp.ClientError) as err:
            # history read while checking: nothing was sent
            await store.mark_unsure(row.id, f"no answer from Discord: {err}")
            log.warning(
                "alert delivery to channel %s got no answer; will check and retry",
                row.channel_id,
            )
        return "stop"

    async def _failed(self, row: OutboxRow, error: str) -> None:
        store = self.core.store
        if row.subscription_id is None:  # a test alert: nothing to keep retrying
            await store.mark_failed(row.id, error)
            log.warning("test alert to channel %s failed: %s", row.channel_id, error)
            return
        await store.mark_retry(row.id, error)
        status = await store.delivery_failed(
            row.subscription_id, error, self.core.settings.alert_max_failures
        )
        if status == "disabled":
            log.warning(
                "alerts for channel %s turned off after %d failed deliveries (last: %s); "
                "a server manager can subscribe again once the bot can post there",
                row.channel_id,
                self.core.settings.alert_max_failures,
                error,
            )
            await self._tell_server(row.channel_id, error)
        else:
            log.warning("alert delivery to channel %s failed: %s", row.channel_id, error)

    async def _tell_server(self, channel_id: int, error: str) -> None:
        sub = await self.core.store.subscription(channel_id)
        guild = self.client.get_guild(sub.guild_id) if sub and sub.guild_id else None
        target = guild.system_channel if guild else None
        if target is None or guild is None or not target.permissions_for(guild.me).send_messages:
            return
        text = (
            f"Model alerts for <#{channel_id}> are turned off: I couldn't post there ({error}). "
            "Give me Send Messages and Embed Links in that channel and run `/alerts subscribe` again."
        )

        async def attempt() -> discord.Message:
            return await target.send(text, nonce=f"off{channel_id}"[:25])

        try:
            await sender_of(self.client).run(attempt, f"the alerts-off note to server {guild.id}")
        except (discord.HTTPException, GaveUp) as err:
            log.info("could not tell server %s about the disabled alerts: %s", guild.id, err)
