"""What a user is told when something goes wrong, and how: always privately, as the interaction's
response or, when that is given already, a follow-up."""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.discord_app import sending

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side; it has been logged."


class UserError(app_commands.AppCommandError):
    """Something the user can fix; the message is shown to them as is."""


class Refused(UserError, app_commands.CheckFailure):
    """A check the user does not pass (a permission, the owner); the message says which."""


async def tell_privately(interaction: discord.Interaction, text: str) -> None:
    """Never in the channel: an error there helps nobody, and an interaction that can no longer
    be answered is dropped (logged)."""
    try:
        if not interaction.response.is_done():
            await sending.respond(interaction, content=text, ephemeral=True)
        else:
            await sending.follow_up(interaction, content=text, ephemeral=True)
    except discord.HTTPException as err:
        log.warning(
            "could not send an error reply to interaction %s: %s",
            interaction.id,
            sending.describe(err),
        )
