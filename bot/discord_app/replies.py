"""Turning an Answer into a Discord message: embeds or plain text, chart, components, and the
permission checks that decide which of them this channel allows; and giving it as an
interaction's answer."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import discord

from bot.answers.model import Answer
from bot.discord_app import sending
from bot.discord_app.core import Core, core_of
from bot.discord_app.embeds import first_message, plain_text
from bot.discord_app.views import ClarifyView, DetailsView, Expiring, Picked
from bot.query import Query

log = logging.getLogger(__name__)


EDIT_CHART_WAIT = 1.5  # seconds a component's in-place answer waits for its chart
DEFERRED_CHART_WAIT = 10.0  # an acknowledged (deferred) answer may wait this long for its chart


@dataclass
class Outgoing:
    kwargs: dict[str, Any]
    view: Expiring | None

    def posted_as(self, message: discord.Message | None) -> None:
        """The message it went out as: its view takes the buttons off there when it times out."""
        if self.view is not None and message is not None:
            self.view.message = message


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
    core: Core,
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
        chart = await core.charts.file_for(answer.chart, chart_wait)
    kwargs: dict[str, Any] = {}
    view: Expiring | None = None
    if embeds_ok:
        kwargs["embed"] = first_message(answer, chart=chart is not None)
    else:
        kwargs["content"] = plain_text(answer)
    if chart is not None:
        kwargs["file"] = chart
    if answer.intent in ("clarify", "not_found") and answer.candidates:
        view = ClarifyView(answer, _on_pick(answer), author_id)
    elif answer.sections:
        view = DetailsView(answer, plain=not embeds_ok)
    if view is not None:
        kwargs["view"] = view
    return Outgoing(kwargs, view)


async def build_edit(core: Core, answer: Answer, author_id: int | None) -> Outgoing:
    """The same answer as an edit of an existing message (a component's response). Discord
    wants that response within 3 seconds, so the chart is waited for at most EDIT_CHART_WAIT:
    a late one goes without it (and is drawn into the cache for the next asker)."""
    wait = min(core.settings.chart_wait_seconds, EDIT_CHART_WAIT)
    out = await build(core, answer, None, author_id, chart_wait=wait)
    kwargs = dict(out.kwargs)
    file = kwargs.pop("file", None)
    kwargs["attachments"] = [file] if file is not None else []
    kwargs.setdefault("view", None)
    if "content" not in kwargs:
        kwargs["content"] = None
    return Outgoing(kwargs, out.view)


async def answer_in_place(interaction: discord.Interaction, answer: Answer) -> None:
    """A component's answer: the message it is on becomes the answer."""
    out = await build_edit(core_of(interaction), answer, interaction.user.id)
    if await sending.edit_response(interaction, **out.kwargs):
        out.posted_as(interaction.message)


def _on_pick(answer: Answer) -> Picked:
    """What picking models in a clarify menu does: answers with them, in place of the menu."""
    partial = list(answer.data.get("partial", []))

    async def picked(interaction: discord.Interaction, values: list[str]) -> None:
        engine = core_of(interaction).engine
        ids = list(dict.fromkeys([*partial, *values]))[:5]
        valid = [i for i in ids if i in engine.catalog.model_by_id]
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
        await answer_in_place(interaction, engine.answer_query(q))

    return picked


async def respond(
    core: Core, interaction: discord.Interaction, answer: Answer, *, deferred: bool
) -> None:
    """A slash command's answer, always through the interaction, never the channel: it needs
    no Send Messages there. An acknowledged (deferred) answer may wait for its chart; others
    have 3 s in all."""
    perms = interaction.app_permissions if interaction.guild is not None else None
    wait = DEFERRED_CHART_WAIT if deferred else core.settings.chart_wait_seconds
    out = await build(core, answer, perms, interaction.user.id, chart_wait=wait)
    if deferred:
        out.posted_as(await sending.follow_up(interaction, first_after_defer=True, **out.kwargs))
        return
    if not await sending.respond(interaction, **out.kwargs):
        return
    if out.view is not None:  # the view needs its message to take its buttons off
        with contextlib.suppress(discord.HTTPException):
            out.posted_as(await interaction.original_response())
