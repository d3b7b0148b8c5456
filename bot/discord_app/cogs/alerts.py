"""/alerts: subscribe a channel to change digests, unsubscribe, list, test; and the loop that
delivers queued digests."""

from __future__ import annotations

import itertools
import logging
import re

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.alerts import digest
from bot.discord_app import sending
from bot.discord_app.checks import manages_here
from bot.discord_app.cogs import AnyBot, stopped
from bot.discord_app.core import Core
from bot.discord_app.delivery import Deliverer
from bot.discord_app.errors import UserError

log = logging.getLogger(__name__)

KIND_WORDS = {
    "all": digest.ALL_KINDS,
    "default": digest.DEFAULT_KINDS,
    "leaders": ("leader",),
    "leader": ("leader",),
    "models": ("new_model", "removed_model"),
    "new": ("new_model",),
    "new models": ("new_model",),
    "removed": ("removed_model",),
    "prices": ("price",),
    "price": ("price",),
    "scores": ("score",),
    "score": ("score",),
    "speed": ("speed",),
    "context": ("context",),
    "top10": ("top10",),
    "top 10": ("top10",),
    "moves": ("top10",),
}
_test_refs = itertools.count(1)


def parse_kinds(text: str | None) -> tuple[str, ...]:
    if not text or not text.strip():
        return digest.DEFAULT_KINDS
    out: list[str] = []
    for word in re.split(r"[,;/]+|\s+and\s+", text.lower()):
        word = word.strip()
        if not word:
            continue
        kinds = KIND_WORDS.get(word) or KIND_WORDS.get(word.rstrip("s"))
        if kinds is None:
            raise UserError(
                f"I don't know the alert kind “{word[:40]}”. Use any of: "
                "leaders, models, prices, scores, speed, context, top10, or all."
            )
        out.extend(k for k in kinds if k not in out)
    return tuple(out)


def _can_manage(interaction: discord.Interaction, channel: discord.abc.GuildChannel) -> bool:
    """Manage Server, or Manage Channels in the channel concerned (not just where they typed)."""
    if interaction.permissions.manage_guild:
        return True
    if isinstance(interaction.user, discord.Member):
        return channel.permissions_for(interaction.user).manage_channels
    return interaction.permissions.manage_channels


def _missing(channel: discord.abc.GuildChannel, me: discord.Member) -> list[str]:
    perms = channel.permissions_for(me)
    needed = {
        "view_channel": "View Channel",
        "send_messages": "Send Messages",
        "embed_links": "Embed Links",
        "read_message_history": "Read Message History",  # to find a digest after a restart
    }
    return [label for attr, label in needed.items() if not getattr(perms, attr)]


def _target(
    interaction: discord.Interaction, channel: discord.TextChannel | None
) -> tuple[discord.TextChannel, discord.Guild]:
    """The channel a command is about (where it was typed unless named), if the member may
    change its alerts."""
    target = channel or interaction.channel
    if not isinstance(target, discord.TextChannel) or interaction.guild is None:
        raise UserError("Pick a text channel in this server.")
    if not _can_manage(interaction, target):
        raise UserError(
            f"Only members who can manage {target.mention} (or the server) can change its alerts."
        )
    return target, interaction.guild


@app_commands.default_permissions(manage_channels=True)
@app_commands.guild_only()
class Alerts(
    commands.GroupCog,
    group_name="alerts",
    group_description="Posts in a channel when models, scores, prices or leaders change",
):
    def __init__(self, bot: AnyBot, core: Core, deliverer: Deliverer) -> None:
        self.bot = bot
        self.core = core
        self.deliverer = deliverer

    async def cog_load(self) -> None:
        self.deliver.change_interval(seconds=self.core.settings.delivery_interval_seconds)
        self.deliver.start()

    async def cog_unload(self) -> None:
        await stopped(self.deliver)

    @tasks.loop(seconds=30)
    async def deliver(self) -> None:
        try:
            await self.deliverer.run_once()
        except Exception:
            log.exception("alert delivery failed; queued digests stay queued")

    @deliver.before_loop
    async def _connected(self) -> None:
        await self.bot.wait_until_ready()

    @app_commands.command(name="subscribe", description="Post change digests in a channel")
    @app_commands.describe(
        channel="Where to post (default: here)",
        kinds="Which changes: leaders, models, prices, scores, speed, context, top10, all (default: not top10)",
        min_delta="Leave out score changes smaller than this many points",
    )
    async def subscribe(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | None = None,
        kinds: app_commands.Range[str, 1, 100] | None = None,
        min_delta: app_commands.Range[float, 0, 100] = 0.0,
    ) -> None:
        target, guild = _target(interaction, channel)
        wanted = parse_kinds(kinds)
        missing = _missing(target, guild.me)
        if missing:
            raise UserError(
                f"I can't post alerts in {target.mention}: I'm missing {', '.join(missing)} there. "
                "Grant them to my role and try again."
            )
        sub = await self.core.store.subscribe(
            guild.id, target.id, list(wanted), float(min_delta), interaction.user.id
        )
        names = ", ".join(digest.HEADINGS[k].lower() for k in sub.kinds)
        delta = f"; score changes under {min_delta:g} points left out" if min_delta else ""
        await sending.respond(
            interaction,
            content=f"{target.mention} will get a digest after each data refresh that changes: {names}{delta}.",
            ephemeral=True,
        )

    @app_commands.command(
        name="unsubscribe", description="Stop posting change digests in a channel"
    )
    @app_commands.describe(channel="Which channel (default: here)")
    async def unsubscribe(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        target, _ = _target(interaction, channel)
        removed = await self.core.store.unsubscribe(target.id)
        text = (
            f"No more alerts in {target.mention}."
            if removed
            else f"{target.mention} had no alerts."
        )
        await sending.respond(interaction, content=text, ephemeral=True)

    @app_commands.command(
        name="list", description="Channels in this server that get change digests"
    )
    @manages_here("Only members who can manage this channel or server can see alerts.")
    async def list_(self, interaction: discord.Interaction) -> None:
        if interaction.guild_id is None:
            raise UserError("Use this in a server.")
        subs = await self.core.store.subscriptions(interaction.guild_id)
        if not subs:
            await sending.respond(
                interaction,
                content="No channel here gets alerts. `/alerts subscribe` sets one up.",
                ephemeral=True,
            )
            return
        lines = []
        for s in subs:
            kinds = ", ".join(digest.HEADINGS[k].lower() for k in s.kinds)
            state = {
                "active": "active",
                "failing": f"failing ({s.failures}: {s.last_error})",
                "disabled": f"off after failures ({s.last_error})",
            }[s.status]
            extra = f", score changes of {s.min_delta:g}+ points" if s.min_delta else ""
            lines.append(f"<#{s.channel_id}>: {kinds}{extra} · {state}"[:300])
        await sending.respond(interaction, content="\n".join(lines)[:2000], ephemeral=True)

    @app_commands.command(name="test", description="Post a test alert now")
    @app_commands.describe(channel="Which channel (default: here)")
    async def test(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        target, guild = _target(interaction, channel)
        missing = _missing(target, guild.me)
        if missing:
            raise UserError(
                f"I can't post in {target.mention}: I'm missing {', '.join(missing)} there."
            )
        if not await sending.defer(interaction, ephemeral=True, thinking=True):
            return
        store = self.core.store
        sub = await store.subscription(target.id)
        ref = f"test-{interaction.id}-{next(_test_refs)}"
        await store.enqueue(
            sub.id if sub else None, target.id, None, digest.test_digest(target.name, ref)
        )
        await self.deliverer.run_once()
        statuses = ("pending", "sending", "sent", "failed")
        rows = [
            r
            for r in await store.outbox(statuses)
            if r.payload.get("footer", "").endswith(f"ref {ref}-p1")
        ]
        if rows and await store.outbox_status(rows[-1].id) == "sent":
            text = f"Sent a test alert to {target.mention}."
        else:
            text = (
                f"I couldn't post the test alert in {target.mention}: check my permissions there."
            )
        await sending.follow_up(interaction, first_after_defer=True, content=text, ephemeral=True)
