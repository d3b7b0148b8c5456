"""Checks on who may run a command, as app_commands checks: a refusal reaches the tree's error
handler as a `Refused` with its own words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands

from bot.discord_app.errors import Refused

T = TypeVar("T")


def manages_here(refusal: str) -> Callable[[T], T]:
    """Manage Channels where the command is used, or Manage Server. (Discord hides a command
    whose `default_permissions` a member lacks, but a server may grant it to anyone.)"""

    async def predicate(interaction: discord.Interaction) -> bool:
        perms = interaction.permissions
        if perms.manage_channels or perms.manage_guild:
            return True
        raise Refused(refusal)

    return app_commands.check(predicate)
