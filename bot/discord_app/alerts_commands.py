"""/alerts: subscribe a channel to change digests, unsubscribe, list, test."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.alerts import digest
from bot.discord_app import sending
from bot.discord_app.errors import UserError

if TYPE_CHECKING:
    from bot.discord_app.app import ModelBot

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
                "leaders, models, prices, scores, context, top10, or all."
            )
        out.extend(k for k in kinds if k not in out)
    return tuple(out)


def _can_manage(
    interaction: discord.Interaction, channel: discord.abc.GuildChannel | None = None
) -> bool:
    """Manage Server, or Manage Channels in the channel concerned (not just where they typed)."""
    if interaction.permissions.manage_guild:
        return True
    if channel is not None and isinstance(interaction.user, discord.Member):
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


def register_alerts(bot: ModelBot) -> None:
    group = app_commands.Group(
        name="alerts",
        description="Posts in a channel when models, scores, prices or leaders change",
        default_permissions=discord.Permissions(manage_channels=True),
        guild_only=True,
    )

    async def _target(
        interaction: discord.Interaction, channel: discord.TextChannel | None
    ) -> discord.TextChannel:
        target = channel or interaction.channel
        if not isinstance(target, discord.TextChannel) or interaction.guild is None:
            raise UserError("Pick a text channel in this server.")
        if not _can_manage(interaction, target):
            raise UserError(
                f"Only members who can manage {target.mention} (or the server) can change its alerts."
            )
        return target

    @group.command(name="subscribe", description="Post change digests in a channel")
    @app_commands.describe(
        channel="Where to post (default: here)",
        kinds="Which changes: leaders, models, prices, scores, context, top10, or all (default: all but top10)",
        min_delta="Leave out score changes smaller than this many points",
    )
    async def subscribe(
        interaction: discord.Interaction,
        channel: discord.TextChannel | None = None,
        kinds: app_commands.Range[str, 1, 100] | None = None,
        min_delta: app_commands.Range[float, 0, 100] = 0.0,
    ) -> None:
        target = await _target(interaction, channel)
        wanted = parse_kinds(kinds)
        assert interaction.guild is not None and bot.store is not None
        missing = _missing(target, interaction.guild.me)
        if missing:
            raise UserError(
                f"I can't post alerts in {target.mention}: I'm missing {', '.join(missing)} there. "
                "Grant them to my role and try again."
            )
        sub = await bot.store.subscribe(
            interaction.guild.id, target.id, list(wanted), float(min_delta), interaction.user.id
        )
        names = ", ".join(digest.HEADINGS[k].lower() for k in sub.kinds)
        delta = f"; score changes under {min_delta:g} points left out" if min_delta else ""
        await sending.respond(
            interaction,
            content=f"{target.mention} will get a digest after each data refresh that changes: {names}{delta}.",
            ephemeral=True,
        )

    @group.command(name="unsubscribe", description="Stop posting change digests in a channel")
    @app_commands.describe(channel="Which channel (default: here)")
    async def unsubscribe(
        interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        target = await _target(interaction, channel)
        assert bot.store is not None
        removed = await bot.store.unsubscribe(target.id)
        text = (
            f"No more alerts in {target.mention}."
            if removed
            else f"{target.mention} had no alerts."
        )
        await sending.respond(interaction, content=text, ephemeral=True)

    @group.command(name="list", description="Channels in this server that get change digests")
    async def list_(interaction: discord.Interaction) -> None:
        if not _can_manage(interaction):
            raise UserError("Only members who can manage this channel or server can see alerts.")
        assert bot.store is not None and interaction.guild is not None
        subs = await bot.store.subscriptions(interaction.guild.id)
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

    @group.command(name="test", description="Post a test alert now")
    @app_commands.describe(channel="Which channel (default: here)")
    async def test(
        interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        target = await _target(interaction, channel)
        assert bot.store is not None and interaction.guild is not None
        missing = _missing(target, interaction.guild.me)
        if missing:
            raise UserError(
                f"I can't post in {target.mention}: I'm missing {', '.join(missing)} there."
            )
        if not await sending.defer(interaction, ephemeral=True, thinking=True):
            return
        sub = await bot.store.subscription(target.id)
        ref = f"test-{interaction.id}-{next(_test_refs)}"
        await bot.store.enqueue(
            sub.id if sub else None, target.id, None, digest.test_digest(target.name, ref)
        )
        await bot.deliverer.run_once()
        statuses = ("pending", "sending", "sent", "failed")
        rows = [
            r
            for r in await bot.store.outbox(statuses)
            if r.payload.get("footer", "").endswith(f"ref {ref}-p1")
        ]
        if rows and await bot.store.outbox_status(rows[-1].id) == "sent":
            text = f"Sent a test alert to {target.mention}."
        else:
            text = (
                f"I couldn't post the test alert in {target.mention}: check my permissions there."
            )
        await sending.follow_up(interaction, first_after_defer=True, content=text, ephemeral=True)

    bot.tree.add_command(group)
