"""The stand-in's world (guilds, channels, members, roles) and Discord-shaped payloads built from it.

Shapes follow what discord.py 2.7.1 reads; a key it indexes with ``data[...]`` must be present, so
several fields that look optional here are not.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntFlag
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# discord.py's Interaction reads this key unconditionally; 10 MiB is Discord's default upload limit.
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


class Perm(IntFlag):
    """Permission bits the stand-in resolves, named as Discord names them."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38


ALL_PERMISSIONS = (1 << 53) - 1

EVERYONE_DEFAULT = (
    Perm.CREATE_INSTANT_INVITE
    | Perm.ADD_REACTIONS
    | Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.USE_EXTERNAL_EMOJIS
    | Perm.CHANGE_NICKNAME
    | Perm.USE_APPLICATION_COMMANDS
    | Perm.SEND_MESSAGES_IN_THREADS
)

BOT_ROLE_PERMISSIONS = (
    Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.ADD_REACTIONS
)


class Intent(IntFlag):
    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_PRESENCES = 1 << 8
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    DIRECT_MESSAGES = 1 << 12
    MESSAGE_CONTENT = 1 << 15


PRIVILEGED_INTENTS = Intent.GUILD_MEMBERS | Intent.GUILD_PRESENCES | Intent.MESSAGE_CONTENT


class AppFlag(IntFlag):
    """Application flags that tell discord.py which privileged intents the portal granted."""

    GATEWAY_PRESENCE = 1 << 12
    GATEWAY_GUILD_MEMBERS = 1 << 14
    GATEWAY_MESSAGE_CONTENT = 1 << 18


# Fixed ids for the default world, so tests can name things without looking them up. They are
# realistic snowflakes (2023-era) so discord.py's created_at arithmetic stays sensible.
BOT_ID = 1_100_000_000_000_000_001
APPLICATION_ID = BOT_ID
GUILD_ID = 1_100_000_000_000_000_100
EVERYONE_ROLE_ID = GUILD_ID
BOT_ROLE_ID = 1_100_000_000_000_000_101
MANAGER_ROLE_ID = 1_100_000_000_000_000_102
OWNER_ID = 1_100_000_000_000_000_201
MANAGER_ID = 1_100_000_000_000_000_202
USER_ID = 1_100_000_000_000_000_203
GENERAL_CHANNEL_ID = 1_100_000_000_000_000_301
NO_SEND_CHANNEL_ID = 1_100_000_000_000_000_302
NO_EMBED_CHANNEL_ID = 1_100_000_000_000_000_303
DM_CHANNEL_ID = 1_100_000_000_000_000_401


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat()


class SnowflakeFactory:
    """Makes fresh ids whose embedded timestamp is now, so created_at on replies looks real."""

    def __init__(self) -> None:
        self._counter = itertools.count()
        self._last = 0

    def __call__(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        value = (ms << 22) | (next(self._counter) & 0xFFF)
        # Two ids in the same millisecond with a wrapped counter must still increase.
        self._last = max(value, self._last + 1)
        return self._last


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int = 0
    position: int = 0
    managed: bool = False

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(int(self.permissions)),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": self.managed,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = "2024-01-01T00:00:00+00:00"

    def to_payload(self, *, with_user: bool = True) -> dict[str, Any]:
        # roles, joined_at, deaf, mute and flags are all indexed directly by discord.py's Member.
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.to_payload()
        return data


@dataclass
class Overwrite:
    """A channel permission overwrite; type 0 targets a role, 1 a member."""

    id: int
    type: int = 0
    allow: int = 0
    deny: int = 0

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(int(self.allow)),
            "deny": str(int(self.deny)),
        }


@dataclass
class Channel:
    id: int
    name: str
    type: int = 0
    position: int = 0
    topic: str | None = None
    overwrites: list[Overwrite] = field(default_factory=list)
    parent_id: int | None = None
    guild_id: int | None = None
    recipients: list[User] = field(default_factory=list)

    @property
    def is_dm(self) -> bool:
        return self.type in (1, 3)

    def to_payload(self, *, include_guild_id: bool = True) -> dict[str, Any]:
        if self.is_dm:
            return {
                "id": str(self.id),
                "type": self.type,
                "last_message_id": None,
                "recipients": [u.to_payload() for u in self.recipients],
            }
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "topic": self.topic,
            "nsfw": False,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "permission_overwrites": [o.to_payload() for o in self.overwrites],
            "flags": 0,
        }
        if include_guild_id and self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        return data


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: list[Role] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    system_channel_id: int | None = None

    def __post_init__(self) -> None:
        if not any(r.id == self.id for r in self.roles):
            self.roles.insert(0, Role(id=self.id, name="@everyone", permissions=EVERYONE_DEFAULT))
        for channel in self.channels:
            channel.guild_id = self.id

    def add_channel(self, channel: Channel) -> Channel:
        channel.guild_id = self.id
        self.channels.append(channel)
        return channel

    def add_member(self, member: Member) -> Member:
        self.members.append(member)
        return member

    def add_role(self, role: Role) -> Role:
        self.roles.append(role)
        return role

    def member(self, user_id: int) -> Member | None:
        return next((m for m in self.members if m.user.id == user_id), None)

    def role(self, role_id: int) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def channel(self, channel_id: int) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def base_permissions(self, user_id: int) -> int:
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.member(user_id)
        everyone = self.role(self.id)
        perms = int(everyone.permissions) if everyone else 0
        if member is not None:
            for role_id in member.roles:
                role = self.role(role_id)
                if role is not None:
                    perms |= int(role.permissions)
        if perms & Perm.ADMINISTRATOR:
            return ALL_PERMISSIONS
        return perms

    def permissions_for(self, user_id: int, channel_id: int | None) -> int:
        """Discord's resolution order: @everyone overwrite, then role overwrites, then the member's."""
        perms = self.base_permissions(user_id)
        if perms == ALL_PERMISSIONS or channel_id is None:
            return perms
        channel = self.channel(channel_id)
        if channel is None:
            return perms
        member = self.member(user_id)
        member_roles = set(member.roles) if member else set()
        by_id = {(o.type, o.id): o for o in channel.overwrites}
        everyone = by_id.get((0, self.id))
        if everyone:
            perms = (perms & ~int(everyone.deny)) | int(everyone.allow)
        allow = deny = 0
        for o in channel.overwrites:
            if o.type == 0 and o.id in member_roles:
                allow |= int(o.allow)
                deny |= int(o.deny)
        perms = (perms & ~deny) | allow
        own = by_id.get((1, user_id))
        if own:
            perms = (perms & ~int(own.deny)) | int(own.allow)
        if not perms & Perm.VIEW_CHANNEL:
            return 0
        return perms

    def to_payload(self, *, bot_id: int) -> dict[str, Any]:
        """GUILD_CREATE: the full guild the gateway sends after READY."""
        me = self.member(bot_id)
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.to_payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": str(self.system_channel_id) if self.system_channel_id else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": me.joined_at if me else utc_now_iso(),
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "voice_states": [],
            "members": [m.to_payload() for m in self.members],
            "channels": [c.to_payload(include_guild_id=False) for c in self.channels],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def to_rest_payload(self) -> dict[str, Any]:
        """GET /guilds/{id}: like GUILD_CREATE without the gateway-only parts."""
        data = self.to_payload(bot_id=0)
        for key in (
            "joined_at",
            "large",
            "unavailable",
            "member_count",
            "voice_states",
            "members",
            "channels",
            "threads",
            "presences",
            "stage_instances",
            "guild_scheduled_events",
            "soundboard_sounds",
        ):
            data.pop(key, None)
        data["approximate_member_count"] = len(self.members)
        return data


@dataclass
class World:
    """Everything the stand-in knows about: the bot, its application, guilds, DMs and users."""

    bot: User
    application_id: int
    app_owner: User
    guilds: list[Guild] = field(default_factory=list)
    dm_channels: list[Channel] = field(default_factory=list)
    extra_users: list[User] = field(default_factory=list)
    # The portal switches for privileged intents; discord.py reads them from the application flags.
    application_flags: int = int(
        AppFlag.GATEWAY_MESSAGE_CONTENT | AppFlag.GATEWAY_GUILD_MEMBERS | AppFlag.GATEWAY_PRESENCE
    )

    def guild(self, guild_id: int) -> Guild:
        for g in self.guilds:
            if g.id == guild_id:
                return g
        raise KeyError(f"no guild {guild_id} in the stand-in world")

    def find_channel(self, channel_id: int) -> tuple[Channel, Guild | None] | None:
        for g in self.guilds:
            ch = g.channel(channel_id)
            if ch is not None:
                return ch, g
        for ch in self.dm_channels:
            if ch.id == channel_id:
                return ch, None
        return None

    def user(self, user_id: int) -> User | None:
        if user_id == self.bot.id:
            return self.bot
        for g in self.guilds:
            m = g.member(user_id)
            if m is not None:
                return m.user
        for u in [*self.extra_users, self.app_owner]:
            if u.id == user_id:
                return u
        for ch in self.dm_channels:
            for u in ch.recipients:
                if u.id == user_id:
                    return u
        return None

    def dm_channel_for(self, user_id: int) -> Channel | None:
        return next(
            (c for c in self.dm_channels if any(u.id == user_id for u in c.recipients)), None
        )

    def allowed_privileged_intents(self) -> int:
        allowed = 0
        if self.application_flags & AppFlag.GATEWAY_MESSAGE_CONTENT:
            allowed |= Intent.MESSAGE_CONTENT
        if self.application_flags & AppFlag.GATEWAY_GUILD_MEMBERS:
            allowed |= Intent.GUILD_MEMBERS
        if self.application_flags & AppFlag.GATEWAY_PRESENCE:
            allowed |= Intent.GUILD_PRESENCES
        return int(allowed)


def default_world() -> World:
    """One guild with an owner, a member who may manage the guild, a plain member and the bot.

    Channels: #general (the bot may do everything it needs), #no-send (the bot may read but not
    send) and #no-embeds (the bot may send but not embed links); plus a DM with the plain member.
    """
    bot = User(BOT_ID, "ModelBot", bot=True)
    owner = User(OWNER_ID, "owner")
    manager = User(MANAGER_ID, "manager")
    user = User(USER_ID, "someone")
    roles = [
        Role(EVERYONE_ROLE_ID, "@everyone", EVERYONE_DEFAULT, position=0),
        Role(BOT_ROLE_ID, "ModelBot", BOT_ROLE_PERMISSIONS, position=2, managed=True),
        Role(MANAGER_ROLE_ID, "Managers", Perm.MANAGE_GUILD | Perm.MANAGE_MESSAGES, position=1),
    ]
    channels = [
        Channel(GENERAL_CHANNEL_ID, "general", position=0),
        Channel(
            NO_SEND_CHANNEL_ID,
            "no-send",
            position=1,
            overwrites=[Overwrite(BOT_ROLE_ID, 0, deny=Perm.SEND_MESSAGES)],
        ),
        Channel(
            NO_EMBED_CHANNEL_ID,
            "no-embeds",
            position=2,
            overwrites=[
                Overwrite(EVERYONE_ROLE_ID, 0, deny=Perm.EMBED_LINKS),
            ],
        ),
    ]
    members = [
        Member(owner),
        Member(manager, roles=[MANAGER_ROLE_ID]),
        Member(user),
        Member(bot, roles=[BOT_ROLE_ID]),
    ]
    guild = Guild(GUILD_ID, "Model Arena", OWNER_ID, roles, channels, members)
    dm = Channel(DM_CHANNEL_ID, "", type=1, recipients=[user])
    return World(
        bot=bot, application_id=APPLICATION_ID, app_owner=owner, guilds=[guild], dm_channels=[dm]
    )


def application_payload(world: World) -> dict[str, Any]:
    """GET /oauth2/applications/@me; discord.py's AppInfo indexes every key listed before flags."""
    return {
        "id": str(world.application_id),
        "name": world.bot.username,
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": world.app_owner.to_payload(),
        "team": None,
        "verify_key": "0" * 64,
        "flags": world.application_flags,
        "summary": "",
        "bot": world.bot.to_payload(),
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "approximate_guild_count": len(world.guilds),
    }


def bot_user_payload(world: World) -> dict[str, Any]:
    """GET /users/@me and READY's user: a ClientUser."""
    data = world.bot.to_payload()
    data.update({"verified": True, "mfa_enabled": False, "flags": 0, "locale": "en-US"})
    return data


def mention_payload(user: User, guild: Guild | None) -> dict[str, Any]:
    data = user.to_payload()
    if guild is not None:
        member = guild.member(user.id)
        if member is not None:
            data["member"] = member.to_payload(with_user=False)
    return data


def message_payload(
    *,
    message_id: int,
    channel_id: int,
    guild: Guild | None,
    author: User,
    content: str = "",
    embeds: list[dict[str, Any]] | None = None,
    attachments: list[dict[str, Any]] | None = None,
    components: list[dict[str, Any]] | None = None,
    mentions: list[User] | None = None,
    mention_roles: list[int] | None = None,
    mention_everyone: bool = False,
    flags: int = 0,
    message_type: int = 0,
    timestamp: str | None = None,
    webhook_id: int | None = None,
    application_id: int | None = None,
    message_reference: dict[str, Any] | None = None,
    tts: bool = False,
) -> dict[str, Any]:
    """A message as both REST replies and MESSAGE_CREATE carry it.

    ``components`` is always present because discord.py refreshes views from it.
    """
    data: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "type": message_type,
        "content": content,
        "author": author.to_payload(),
        "timestamp": timestamp or utc_now_iso(),
        "edited_timestamp": None,
        "tts": tts,
        "mention_everyone": mention_everyone,
        "mentions": [mention_payload(u, guild) for u in (mentions or [])],
        "mention_roles": [str(r) for r in (mention_roles or [])],
        "attachments": attachments or [],
        "embeds": embeds or [],
        "components": components or [],
        "reactions": [],
        "pinned": False,
        "flags": flags,
    }
    if guild is not None:
        data["guild_id"] = str(guild.id)
        member = guild.member(author.id)
        if member is not None and webhook_id is None:
            data["member"] = member.to_payload(with_user=False)
    if webhook_id is not None:
        data["webhook_id"] = str(webhook_id)
    if application_id is not None:
        data["application_id"] = str(application_id)
    if message_reference is not None:
        data["message_reference"] = message_reference
    return data


def interaction_payload(
    *,
    interaction_id: int,
    token: str,
    interaction_type: int,
    application_id: int,
    data: dict[str, Any],
    channel: Channel,
    guild: Guild | None,
    user: User,
    bot_id: int,
    message: dict[str, Any] | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    """INTERACTION_CREATE. ``attachment_size_limit`` is read unconditionally by discord.py."""
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": interaction_type,
        "data": data,
        "token": token,
        "version": 1,
        "locale": locale,
        "channel_id": str(channel.id),
        "channel": channel.to_payload(),
        "entitlements": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if guild is not None:
        member = guild.member(user.id)
        if member is None:
            raise KeyError(f"user {user.id} is not a member of guild {guild.id}")
        member_data = member.to_payload()
        # The invoking member's permissions in this channel, overwrites applied, as Discord sends.
        member_data["permissions"] = str(guild.permissions_for(user.id, channel.id))
        payload.update(
            guild_id=str(guild.id),
            guild={"id": str(guild.id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            member=member_data,
            app_permissions=str(guild.permissions_for(bot_id, channel.id)),
            context=0,
            authorizing_integration_owners={"0": str(guild.id)},
        )
    else:
        payload.update(
            user=user.to_payload(),
            app_permissions=str(int(BOT_ROLE_PERMISSIONS)),
            context=1,
            authorizing_integration_owners={"0": "0"},
        )
    if message is not None:
        payload["message"] = message
    return payload


# Discord's own numbers; discord.py truncates none of them, so the stand-in rejects overruns.
CONTENT_LIMIT = 2000
EMBED_LIMITS = {"title": 256, "description": 4096, "fields": 25, "footer": 2048, "author": 256}
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
EMBED_TOTAL_LIMIT = 6000
MAX_EMBEDS = 10
MAX_FILES = 10
AUTOCOMPLETE_MAX_CHOICES = 25
CHOICE_TEXT_LIMIT = 100


def _put_error(errors: dict[str, Any], path: list[str | int], code: str, message: str) -> None:
    node = errors
    for key in path:
        node = node.setdefault(str(key), {})
    node.setdefault("_errors", []).append({"code": code, "message": message})


def _max_length(errors: dict[str, Any], path: list[str | int], value: Any, limit: int) -> int:
    text = value if isinstance(value, str) else ""
    if len(text) > limit:
        _put_error(errors, path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")
    return len(text)


def validate_message_body(body: dict[str, Any], file_count: int) -> dict[str, Any] | None:
    """The errors object of a 400/50035 reply, or None when Discord would accept the body."""
    errors: dict[str, Any] = {}
    if body.get("content") is not None:
        _max_length(errors, ["content"], body["content"], CONTENT_LIMIT)
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        _put_error(
            errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_EMBEDS} or fewer in length."
        )
    total = 0
    for i, embed in enumerate(embeds):
        path: list[str | int] = ["embeds", i]
        total += _max_length(errors, [*path, "title"], embed.get("title"), EMBED_LIMITS["title"])
        total += _max_length(
            errors, [*path, "description"], embed.get("description"), EMBED_LIMITS["description"]
        )
        footer = embed.get("footer") or {}
        total += _max_length(
            errors, [*path, "footer", "text"], footer.get("text"), EMBED_LIMITS["footer"]
        )
        author = embed.get("author") or {}
        total += _max_length(
            errors, [*path, "author", "name"], author.get("name"), EMBED_LIMITS["author"]
        )
        fields = embed.get("fields") or []
        if len(fields) > EMBED_LIMITS["fields"]:
            _put_error(
                errors,
                [*path, "fields"],
                "BASE_TYPE_MAX_LENGTH",
                f"Must be {EMBED_LIMITS['fields']} or fewer in length.",
            )
        for j, fld in enumerate(fields):
            total += _max_length(
                errors, [*path, "fields", j, "name"], fld.get("name"), FIELD_NAME_LIMIT
            )
            total += _max_length(
                errors, [*path, "fields", j, "value"], fld.get("value"), FIELD_VALUE_LIMIT
            )
    if total > EMBED_TOTAL_LIMIT:
        _put_error(
            errors,
            ["embeds"],
            "MAX_EMBED_SIZE_EXCEEDED",
            f"Embed size exceeds maximum size of {EMBED_TOTAL_LIMIT}",
        )
    if file_count > MAX_FILES:
        _put_error(
            errors, ["files"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_FILES} or fewer in length."
        )
    return errors or None


def validate_autocomplete_choices(choices: list[dict[str, Any]]) -> dict[str, Any] | None:
    errors: dict[str, Any] = {}
    if len(choices) > AUTOCOMPLETE_MAX_CHOICES:
        _put_error(
            errors,
            ["data", "choices"],
            "BASE_TYPE_MAX_LENGTH",
            f"Must be {AUTOCOMPLETE_MAX_CHOICES} or fewer in length.",
        )
    for i, choice in enumerate(choices):
        _max_length(errors, ["data", "choices", i, "name"], choice.get("name"), CHOICE_TEXT_LIMIT)
        value = choice.get("value")
        if isinstance(value, str):
            _max_length(errors, ["data", "choices", i, "value"], value, CHOICE_TEXT_LIMIT)
    return errors or None


def error_body(code: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if errors:
        body["errors"] = errors
    return body
