"""The ask-back message's buttons: "Yes" answers in place of the question, "No" takes it away."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord

from bot.discord_app import sending
from bot.discord_app.views import Expiring, only_the_asker

Answered = Callable[[discord.Interaction], Awaitable[None]]


class ConfirmView(Expiring):
    def __init__(self, on_yes: Answered, author_id: int | None, timeout: float = 600) -> None:
        super().__init__(timeout=timeout)
        self.author_id = author_id
        self._on_yes = on_yes

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await only_the_asker(
            interaction,
            self.author_id,
            "Only the person who asked can answer this; ask your own question.",
        )

    @discord.ui.button(label="Yes", style=discord.ButtonStyle.primary)
    async def yes(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        self.stop()
        await self._on_yes(interaction)

    @discord.ui.button(label="No", style=discord.ButtonStyle.secondary)
    async def no(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        self.stop()
        await sending.edit_response(
            interaction,
            content="OK. Ask again with the model names and what you want to know.",
            view=None,
        )
