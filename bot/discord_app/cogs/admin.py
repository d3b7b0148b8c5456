"""/admin: maintenance for the bot's owner."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import sending
from bot.discord_app.choices import SYNC_SCOPE_CHOICES
from bot.discord_app.cogs import AnyBot
from bot.discord_app.errors import Refused


@app_commands.default_permissions(manage_guild=True)
class Admin(commands.GroupCog, group_name="admin", group_description="Owner-only maintenance"):
    def __init__(self, bot: AnyBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if await self.bot.is_owner(interaction.user):
            return True
        raise Refused("Only the bot's owner can sync commands.")

    @app_commands.command(name="sync", description="Sync slash commands (owner only)")
    @app_commands.choices(scope=SYNC_SCOPE_CHOICES)
    async def sync(self, interaction: discord.Interaction, scope: app_commands.Choice[str]) -> None:
        if not await sending.defer(interaction, ephemeral=True, thinking=True):
            return
        tree = self.bot.tree
        if scope.value == "guild" and interaction.guild is not None:
            tree.copy_global_to(guild=interaction.guild)
            synced = await tree.sync(guild=interaction.guild)
        else:
            synced = await tree.sync()
        await sending.follow_up(
            interaction,
            first_after_defer=True,
            content=f"Synced {len(synced)} commands ({scope.name}).",
            ephemeral=True,
        )
