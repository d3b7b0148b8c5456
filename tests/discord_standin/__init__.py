"""A local stand-in for Discord (REST + gateway) that the real, unpatched discord.py client uses.

Typical use::

    pytest_plugins = ["tests.discord_standin.fixtures"]

    async def test_ping(standin):
        async with running_client(MyBot(), standin) as bot:
            await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "!ping")
            reply = await standin.wait_for_message_post(GENERAL_CHANNEL_ID)
"""

from .connect import make_fast, point_discord_at, running_client
from .gateway import Gateway, GatewayConnection, GatewaySession
from .payloads import (
    APPLICATION_ID,
    BOT_ID,
    BOT_ROLE_ID,
    DM_CHANNEL_ID,
    EVERYONE_ROLE_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
    MANAGER_ROLE_ID,
    NO_EMBED_CHANNEL_ID,
    NO_SEND_CHANNEL_ID,
    OWNER_ID,
    USER_ID,
    Channel,
    Guild,
    Intent,
    Member,
    Overwrite,
    Perm,
    Role,
    User,
    World,
    default_world,
)
from .recording import Fault, RecordedFile, RecordedRequest
from .server import DiscordStandin, StandinInteraction

__all__ = [
    "APPLICATION_ID",
    "BOT_ID",
    "BOT_ROLE_ID",
    "DM_CHANNEL_ID",
    "EVERYONE_ROLE_ID",
    "GENERAL_CHANNEL_ID",
    "GUILD_ID",
    "MANAGER_ID",
    "MANAGER_ROLE_ID",
    "NO_EMBED_CHANNEL_ID",
    "NO_SEND_CHANNEL_ID",
    "OWNER_ID",
    "USER_ID",
    "Channel",
    "DiscordStandin",
    "Fault",
    "Gateway",
    "GatewayConnection",
    "GatewaySession",
    "Guild",
    "Intent",
    "Member",
    "Overwrite",
    "Perm",
    "RecordedFile",
    "RecordedRequest",
    "Role",
    "StandinInteraction",
    "User",
    "World",
    "default_world",
    "make_fast",
    "point_discord_at",
    "running_client",
]
