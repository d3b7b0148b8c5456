"""Turning an Answer into a Discord message: embeds or plain text, chart, components, and the
permission checks that decide which of them this channel allows."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.answers.model import Answer
from bot.discord_app.embeds import first_message, plain_text
from bot.discord_app.views import ClarifyView, DetailsView

if TYPE_CHECKING:
    from bot.discord_app.app import ModelBot

log = logging.getLogger(__name__)


EDIT_CHART_WAIT = 1.5  # seconds a component's in-place answer waits for its chart


@dataclass
class Outgoing:
    kwargs: dict[str, Any]
    view: discord.ui.View | None


def channel_permissions(channel: Any, me: Any) -> discord.Permissions | None:
    """The bot's permissions in a guild channel; None in DMs (everything needed is allowed)."""
    if getattr(channel, "guild", None) is None or me is None:
        return None
    return channel.permissions_for(me)


def missing_for_reply(perms: discord.Permissions | None) -> list[str]:
    if perms is None:
        return []
    needed = {"send_messages": "Send Messages", "view_channel": "View Channel"}
    return [label for attr, label in needed.items() if not getattr(perms, attr)]


async def build(
    bot: ModelBot,
    answer: Answer,
    perms: discord.Permissions | None,
    author_id: int | None,
    *,
    chart_wait: float | None = None,
) -> Outgoing:
    embeds_ok = perms is None or perms.embed_links
    files_ok = perms is None or perms.attach_files
    chart = None
    # The composer decides whether an answer has a chart (a price question has none); this
    # only checks that the channel allows showing it.
    if answer.chart is not None and embeds_ok and files_ok:
        chart = await bot.charts.file_for(answer.chart, chart_wait)
    kwargs: dict[str, Any] = {}
    view: discord.ui.View | None = None
    if embeds_ok:
        kwargs["embed"] = first_message(answer, chart=chart is not None)
    else:
        kwargs["content"] = plain_text(answer)
    if chart is not None:
        kwargs["file"] = chart
    if answer.intent in ("clarify", "not_found") and answer.candidates:
        view = ClarifyView(answer, bot.on_clarify_pick(answer), author_id)
    elif answer.sections:
        view = DetailsView(answer, plain=not embeds_ok)
    if view is not None:
        kwargs["view"] = view
    return Outgoing(kwargs, view)


async def build_edit(bot: ModelBot, answer: Answer, author_id: int | None) -> Outgoing:
    """The same answer as an edit of an existing message (a component's response). Discord
    wants that response within 3 seconds, so the chart is waited for at most EDIT_CHART_WAIT:
    a late one goes without it (and is drawn into the cache for the next asker)."""
    wait = min(bot.settings.chart_wait_seconds, EDIT_CHART_WAIT)
    out = await build(bot, answer, None, author_id, chart_wait=wait)
    kwargs = dict(out.kwargs)
    file = kwargs.pop("file", None)
    kwargs["attachments"] = [file] if file is not None else []
    kwargs.setdefault("view", None)
    if "content" not in kwargs:
        kwargs["content"] = None
    return Outgoing(kwargs, out.view)
