"""The slash-command tree, with the one handler every command's errors end in."""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.discord_app.errors import SORRY, UserError, tell_privately

log = logging.getLogger(__name__)


class ModelTree(app_commands.CommandTree):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        original = getattr(error, "original", error)
        if isinstance(original, UserError):
            text = str(original)
        elif isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
            text = "You don't have permission to do that here."
        elif isinstance(
            error, app_commands.TransformerError | app_commands.CommandSignatureMismatch
        ):
            text = "I couldn't read one of those options; try picking from the list."
        else:
            log.error(
                "command /%s failed for user %s in channel %s",
                interaction.command.qualified_name if interaction.command else "?",
                interaction.user.id,
                interaction.channel_id,
                exc_info=original,
            )
            text = SORRY
        await tell_privately(interaction, text)
