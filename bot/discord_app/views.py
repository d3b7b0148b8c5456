"""Components: the buttons behind which an answer's details sit, a model picker when a name was
too vague, and paging through a long details section."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.answers.model import Answer
from bot.discord_app import embeds, sending
from bot.discord_app.errors import SORRY, tell_privately

log = logging.getLogger(__name__)

Picked = Callable[[discord.Interaction, list[str]], Awaitable[None]]


async def only_the_asker(
    interaction: discord.Interaction, author_id: int | None, refusal: str
) -> bool:
    """A view's interaction check: the person who asked may use it; anyone else is told so,
    privately."""
    if author_id is None or interaction.user.id == author_id:
        return True
    await sending.respond(interaction, content=refusal, ephemeral=True)
    return False


class Expiring(discord.ui.View):
    """Takes its components off the message when it times out, so no dead buttons remain.
    Whoever posts the message sets `message`."""

    message: discord.Message | None = None

    async def on_timeout(self) -> None:
        if self.message is not None:
            await sending.edit_message(
                self.message, f"the buttons off message {self.message.id}", view=None
            )

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        log.error(
            "%s failed for user %s on message %s",
            type(item).__name__,
            interaction.user.id,
            interaction.message.id if interaction.message else "?",
            exc_info=error,
        )
        await tell_privately(interaction, SORRY)


class ClarifySelect(discord.ui.Select):
    def __init__(self, answer: Answer, on_pick: Picked, max_values: int) -> None:
        options = [
            discord.SelectOption(
                label=c.name[:100], value=c.id, description=(c.detail or None) and c.detail[:100]
            )
            for c in answer.candidates[:25]
        ]
        super().__init__(
            placeholder="Pick the model you mean" if max_values == 1 else "Pick one or more models",
            min_values=1,
            max_values=max(1, min(max_values, len(options))),
            options=options,
        )
        self._on_pick = on_pick

    async def callback(self, interaction: discord.Interaction) -> None:
        await self._on_pick(interaction, list(self.values))


class ClarifyView(Expiring):
    """Offers the candidates; picking answers in place of the question."""

    def __init__(self, answer: Answer, on_pick: Picked, author_id: int | None) -> None:
        super().__init__(timeout=600)
        have = len(answer.data.get("partial", []))
        self.author_id = author_id
        self.add_item(ClarifySelect(answer, on_pick, max_values=5 - have))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await only_the_asker(
            interaction,
            self.author_id,
            "Only the person who asked can pick here; ask your own question to get a menu.",
        )


class PagerView(Expiring):
    """◀ ▶ through the pages of an answer too long for one message."""

    def __init__(self, pages: list[discord.Embed], author_id: int | None) -> None:
        super().__init__(timeout=900)
        self.pages = pages
        self.index = 0
        self.author_id = author_id
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def _show(self, interaction: discord.Interaction) -> None:
        self._sync()
        await sending.edit_response(interaction, embed=self.pages[self.index], view=self)

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="page:prev")
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="page:next")
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)


DETAILS_TIMEOUT = 900  # seconds the details buttons stay on a message


class DetailsButton(discord.ui.Button):
    def __init__(self, answer: Answer, section_id: str, label: str, plain: bool) -> None:
        super().__init__(label=label[:80], style=discord.ButtonStyle.secondary)
        self.answer = answer
        self.section_id = section_id
        self.plain = plain

    async def callback(self, interaction: discord.Interaction) -> None:
        # Details answer privately: the channel keeps one short message per question.
        if self.plain:
            parts = embeds.section_plain(self.answer, self.section_id)
            if not parts:
                await sending.respond(interaction, content="Nothing more to show.", ephemeral=True)
                return
            if not await sending.respond(interaction, content=parts[0], ephemeral=True):
                return
            for more in parts[1:]:
                await sending.follow_up(interaction, content=more, ephemeral=True)
            return
        pages = embeds.section_pages(self.answer, self.section_id)
        if not pages:
            await sending.respond(interaction, content="Nothing more to show.", ephemeral=True)
            return
        if len(pages) == 1:
            await sending.respond(interaction, embed=pages[0], ephemeral=True)
            return
        pager = PagerView(pages, interaction.user.id)
        await sending.respond(interaction, embed=pages[0], view=pager, ephemeral=True)
        pager.message = await interaction.original_response()


class DetailsView(Expiring):
    """One button per section of an answer's details; each answers with that section, privately.
    The buttons come off the message when they time out."""

    def __init__(
        self, answer: Answer, plain: bool = False, timeout: float = DETAILS_TIMEOUT
    ) -> None:
        super().__init__(timeout=timeout)
        for section in answer.sections[:25]:
            self.add_item(DetailsButton(answer, section.id, section.label, plain))
