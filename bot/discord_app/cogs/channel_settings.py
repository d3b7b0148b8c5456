"""/settings: how the bot behaves in a channel (manage channels)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import sending
from bot.discord_app.checks import manages_here
from bot.discord_app.choices import ON_OFF_CHOICES
from bot.discord_app.cogs import AnyBot
from bot.discord_app.core import Core
from bot.discord_app.errors import UserError


@app_commands.default_permissions(manage_channels=True)
@app_commands.guild_only()
class ChannelSettings(
    commands.GroupCog, group_name="settings", group_description="Channel settings for this bot"
):
    def __init__(self, bot: AnyBot, core: Core) -> None:
        self.bot = bot
        self.core = core

    @app_commands.command(
        name="listen", description="Answer questions in this channel without a mention"
    )
    @app_commands.describe(state="on: answer model questions here; off: only when mentioned")
    @app_commands.choices(state=ON_OFF_CHOICES)
    @manages_here("Only members who can manage this channel or server can change that.")
    async def listen(
        self, interaction: discord.Interaction, state: app_commands.Choice[str]
    ) -> None:
        on = state.value == "on"
        channel_id = interaction.channel_id
        if channel_id is None:  # every interaction in a guild channel carries its channel
            raise UserError("Use this in the channel it is about.")
        await self.core.set_listening(channel_id, interaction.guild_id, on, interaction.user.id)
        text = (
            "I'll answer model questions in this channel now, and stay quiet on everything else."
            if on
            else "I'll only answer here when mentioned."
        )
        if on and not self.bot.intents.message_content:
            text += (
                " Note: the Message Content intent is off for this bot, so I can only see "
                "messages that mention me until it is turned on."
            )
        await sending.respond(interaction, content=text, ephemeral=True)
