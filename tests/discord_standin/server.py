"""A local stand-in for Discord's REST API and gateway that the real discord.py client talks to.

Start it (``async with DiscordStandin() as standin``), point discord.py at ``standin.api_base`` and
``standin.gateway_url`` (see ``fixtures.point_discord_at``), then inject events and assert on the
recorded requests. Rules Discord enforces and bots get wrong are enforced here too: message and
embed limits, channel permissions, the 3-second interaction deadline, one response per interaction,
message content hidden without the intent.
"""

# Every wait takes ``timeout=`` so a test reads as one call rather than an asyncio.timeout block.
# ruff: noqa: ASYNC109

from __future__ import annotations

import contextlib
import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from . import payloads as p
from .gateway import Gateway
from .payloads import Guild, Intent, Perm, User, World
from .recording import Fault, RecordedFile, RecordedRequest, RequestLog, RequestPredicate

API_VERSION = 10

# Message flags the stand-in acts on.
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12
FLAG_COMPONENTS_V2 = 1 << 15
SETTABLE_FLAGS = (
    FLAG_SUPPRESS_EMBEDS | FLAG_EPHEMERAL | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_COMPONENTS_V2
)

# Interaction and callback types.
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5
CB_PONG = 1
CB_MESSAGE = 4
CB_DEFERRED_MESSAGE = 5
CB_DEFERRED_UPDATE = 6
CB_UPDATE_MESSAGE = 7
CB_AUTOCOMPLETE = 8
CB_MODAL = 9

# Discord's JSON error codes used below.
UNKNOWN_APPLICATION = 10002
UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MEMBER = 10007
UNKNOWN_MESSAGE = 10008
UNKNOWN_USER = 10013
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
UNKNOWN_COMMAND = 10063
CANNOT_EDIT_OTHERS_MESSAGE = 50005
CANNOT_SEND_EMPTY = 50006
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
INVALID_FORM_BODY = 50035
ALREADY_ACKNOWLEDGED = 40060

MENTION_USER = re.compile(r"<@!?(\d+)>")
MENTION_ROLE = re.compile(r"<@&(\d+)>")
MENTION_EVERYONE = re.compile(r"@(everyone|here)")

OPTION_TYPES_BY_PYTHON = ((bool, 5), (int, 4), (float, 10), (str, 3))


def _as_read(message: dict[str, Any]) -> dict[str, Any]:
    """A message as reading it back returns it: Discord gives the nonce only to its creator."""
    if "nonce" not in message:
        return message
    return {k: v for k, v in message.items() if k != "nonce"}


class ApiError(Exception):
    """Raised by a handler to answer with Discord's JSON error shape."""

    def __init__(
        self, status: int, code: int, message: str, errors: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body = p.error_body(code, message, errors)


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[RecordedRequest, "re.Match[str]"], Awaitable[Reply]]


@dataclass
class StandinInteraction:
    """An interaction the stand-in sent to the client, and what the client did about it."""

    standin: DiscordStandin
    id: int
    token: str
    type: int
    payload: dict[str, Any]
    channel_id: int
    guild: Guild | None
    user: User
    created_at: float = field(default_factory=time.monotonic)
    message_id: int | None = None
    response_type: int | None = None
    original_message_id: int | None = None
    loading: bool = False
    followup_ids: list[int] = field(default_factory=list)
    callback: RecordedRequest | None = None
    choices: list[dict[str, Any]] | None = None
    modal: dict[str, Any] | None = None

    @property
    def acknowledged(self) -> bool:
        return self.response_type is not None

    async def response(self, timeout: float = 25.0) -> RecordedRequest:
        """The successful callback request (the client's answer), waiting for it if need be."""
        return await self.standin.interaction_response(self.id, timeout=timeout)

    async def followup(self, index: int = 0, timeout: float = 25.0) -> RecordedRequest:
        """The ``index``-th successful follow-up POST to the interaction webhook."""
        return await self.standin.wait_for_followup(self, index=index, timeout=timeout)

    @property
    def original_message(self) -> dict[str, Any] | None:
        if self.original_message_id is None:
            return None
        return self.standin.messages.get(self.original_message_id)

    @property
    def followup_messages(self) -> list[dict[str, Any]]:
        return [self.standin.messages[m] for m in self.followup_ids if m in self.standin.messages]


class DiscordStandin:
    """Discord's REST API under ``api_base`` and its gateway at ``gateway_url``, on 127.0.0.1."""

    def __init__(
        self,
        world: World | None = None,
        *,
        token: str | None = "standin-token",
        heartbeat_interval_ms: int = 1000,
        interaction_deadline: float | None = 3.0,
        enforce_permissions: bool = True,
        echo_bot_messages: bool = True,
        nonce_window: float = 300.0,
    ) -> None:
        self.world = world or p.default_world()
        # None accepts any token; otherwise a wrong one gets 401 and gateway close 4004.
        self.token = token
        # Discord forgets an interaction not answered within 3 s; None disables the check.
        self.interaction_deadline = interaction_deadline
        self.enforce_permissions = enforce_permissions
        # Discord echoes the bot's own messages as MESSAGE_CREATE; bots must ignore them.
        self.echo_bot_messages = echo_bot_messages
        # With ``enforce_nonce``, Discord returns the message an author already created with the
        # same nonce "in the past few minutes" instead of creating another: this many seconds.
        self.nonce_window = nonce_window
        self._nonces: dict[tuple[int, str], tuple[int, float]] = {}
        self.snowflake = p.SnowflakeFactory()
        self.requests = RequestLog()
        self.faults: list[Fault] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.attachments: dict[int, bytes] = {}
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.interactions: dict[int, StandinInteraction] = {}
        self.reactions: list[tuple[str, int, int, str]] = []
        # Exceptions raised inside the stand-in's own handlers; a test should end with none.
        self.internal_errors: list[BaseException] = []
        self.gateway = Gateway(self)
        self.gateway.heartbeat_interval_ms = heartbeat_interval_ms
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._register_routes()

    # ---- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> DiscordStandin:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/v{version:\\d+}/{tail:.*}", self._handle_api)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume-gateway", self.gateway.handle)
        app.router.add_get("/attachments/{aid}/{filename}", self._handle_cdn)
        self._runner = web.AppRunner(
            app, shutdown_timeout=0.5, handle_signals=False, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordStandin:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE`` (and the bot's DISCORD_API_BASE)."""
        return f"{self.base_url}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> str:
        """The value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (and DISCORD_GATEWAY_URL)."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume-gateway"

    # ---- fault injection --------------------------------------------------------------------------

    def add_fault(
        self,
        status: int,
        body: dict[str, Any] | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        times: int | None = None,
        headers: Mapping[str, str] | None = None,
        seconds: float | None = None,
        committed: bool = False,
    ) -> Fault:
        """Answer matching requests with ``status``/``body``; a str ``path`` matches exactly.

        ``seconds`` ends the fault that long from now; ``committed`` carries each request out
        first and fails only its answer (the message exists, the client is told 5xx).
        """
        pattern = re.compile(re.escape(path)) if isinstance(path, str) else path
        fault = Fault(
            status=status,
            body=body,
            method=method.upper() if method else None,
            path=pattern,
            times=times,
            headers=dict(headers or {}),
            until=time.monotonic() + seconds if seconds is not None else None,
            committed=committed,
        )
        self.faults.append(fault)
        return fault

    def server_error(
        self,
        status: int = 500,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        times: int | None = None,
        seconds: float | None = None,
        committed: bool = False,
    ) -> Fault:
        """A 5xx in Discord's shape (500 Internal Server Error, 502, 503 Service Unavailable...)."""
        text = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
        return self.add_fault(
            status,
            {"message": text.get(status, "Server Error"), "code": 0},
            method=method,
            path=path,
            times=times,
            seconds=seconds,
            committed=committed,
        )

    def forbid_channel(self, channel_id: int, *, code: int = MISSING_PERMISSIONS) -> Fault:
        """Every request about this channel gets 403: 50013 Missing Permissions or 50001 Access."""
        message = "Missing Access" if code == MISSING_ACCESS else "Missing Permissions"
        return self.add_fault(
            403,
            p.error_body(code, message),
            path=re.compile(rf"/channels/{channel_id}(/.*)?"),
        )

    def unknown_channel(self, channel_id: int) -> Fault:
        """Every request about this channel gets 404 10003 Unknown Channel, as once it is deleted."""
        return self.add_fault(
            404,
            p.error_body(UNKNOWN_CHANNEL, "Unknown Channel"),
            path=re.compile(rf"/channels/{channel_id}(/.*)?"),
        )

    def rate_limit(
        self,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
        via: bool = True,
    ) -> Fault:
        """429 for the next ``times`` matching requests, shaped so discord.py waits and retries.

        discord.py takes a 429 without a ``Via`` header for a Cloudflare ban and raises instead
        (``via=False`` sends one so).
        """
        fault = self.add_fault(
            429,
            {
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": is_global,
            },
            method=method,
            path=path,
            times=times,
            headers={
                "Via": "1.1 google",
                "Retry-After": str(max(1, round(retry_after))),
                "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                "X-RateLimit-Scope": "global" if is_global else "user",
                "X-RateLimit-Global": "true" if is_global else "false",
            },
        )
        if not via:
            del fault.headers["Via"]
        return fault

    def clear_faults(self) -> None:
        self.faults.clear()

    # ---- waiting on the client ----------------------------------------------------------------------

    def mark(self) -> int:
        """The current request count, to wait only for requests made after this point."""
        return len(self.requests)

    def find_requests(
        self,
        predicate: RequestPredicate | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        start: int = 0,
    ) -> list[RecordedRequest]:
        return self.requests.find(predicate, method=method, path=path, start=start)

    async def wait_for_request(
        self,
        predicate: RequestPredicate | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        start: int = 0,
        timeout: float = 25.0,
    ) -> RecordedRequest:
        """The first answered request from index ``start`` matching all the given conditions."""
        return await self.requests.wait_for(
            predicate, method=method, path=path, start=start, timeout=timeout
        )

    async def wait_for_message_post(
        self, channel_id: int, *, start: int = 0, timeout: float = 25.0
    ) -> RecordedRequest:
        """The bot's next successful ``POST /channels/{id}/messages``."""
        return await self.wait_for_request(
            lambda r: r.ok,
            method="POST",
            path=f"/channels/{channel_id}/messages",
            start=start,
            timeout=timeout,
        )

    async def interaction_response(
        self, interaction_id: int, *, timeout: float = 25.0
    ) -> RecordedRequest:
        """The client's successful callback for this interaction."""
        return await self.wait_for_request(
            lambda r: r.ok,
            method="POST",
            path=re.compile(rf"/interactions/{interaction_id}/[^/]+/callback"),
            timeout=timeout,
        )

    async def wait_for_followup(
        self, interaction: StandinInteraction, *, index: int = 0, timeout: float = 25.0
    ) -> RecordedRequest:
        path = f"/webhooks/{self.world.application_id}/{interaction.token}"
        deadline = time.monotonic() + timeout
        while True:
            hits = self.find_requests(lambda r: r.ok, method="POST", path=path)
            if len(hits) > index:
                return hits[index]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no follow-up #{index} for interaction {interaction.id}")
            with contextlib.suppress(TimeoutError):
                await self.wait_for_request(
                    lambda r: r.ok,
                    method="POST",
                    path=path,
                    start=len(self.requests),
                    timeout=remaining,
                )

    def channel_messages(self, channel_id: int) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if int(m["channel_id"]) == channel_id]

    # ---- injecting events -------------------------------------------------------------------------

    def _user(self, user: int | User) -> User:
        if isinstance(user, User):
            return user
        found = self.world.user(user)
        if found is None:
            raise KeyError(f"user {user} is not in the stand-in world")
        return found

    def _channel(self, channel_id: int) -> tuple[p.Channel, Guild | None]:
        found = self.world.find_channel(channel_id)
        if found is None:
            raise KeyError(f"channel {channel_id} is not in the stand-in world")
        return found

    async def send_message(
        self,
        channel_id: int,
        author: int | User,
        content: str,
        *,
        mentions: Sequence[int | User] = (),
        mention_roles: Sequence[int] = (),
        embeds: list[dict[str, Any]] | None = None,
        attachments: list[dict[str, Any]] | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """A user posts a message: MESSAGE_CREATE to the client. Returns the full message.

        ``<@id>`` mentions in ``content`` count as mentions too. As on Discord, a session without
        the MESSAGE_CONTENT intent gets empty content for guild messages that do not mention the bot.
        """
        channel, guild = self._channel(channel_id)
        who = self._user(author)
        mentioned = [self._user(m) for m in mentions]
        for uid in MENTION_USER.findall(content):
            u = self.world.user(int(uid))
            if u is not None and all(m.id != u.id for m in mentioned):
                mentioned.append(u)
        roles = list(mention_roles) + [
            int(r) for r in MENTION_ROLE.findall(content) if int(r) not in mention_roles
        ]
        reference = None
        if reply_to is not None:
            reference = {
                "message_id": str(reply_to),
                "channel_id": str(channel_id),
                **({"guild_id": str(guild.id)} if guild else {}),
            }
            replied = self.messages.get(reply_to)
            if replied is not None:
                replied_author = self.world.user(int(replied["author"]["id"]))
                if replied_author and all(m.id != replied_author.id for m in mentioned):
                    mentioned.append(replied_author)
        message = p.message_payload(
            message_id=self.snowflake(),
            channel_id=channel.id,
            guild=guild,
            author=who,
            content=content,
            embeds=embeds,
            attachments=attachments,
            mentions=mentioned,
            mention_roles=roles,
            mention_everyone=bool(MENTION_EVERYONE.search(content)),
            message_type=19 if reference else 0,
            message_reference=reference,
        )
        if reference and reply_to in self.messages:
            message["referenced_message"] = self.messages[reply_to]
        self.messages[int(message["id"])] = message
        await self._dispatch_message_create(message, guild)
        return message

    async def _dispatch_message_create(self, message: dict[str, Any], guild: Guild | None) -> None:
        bot_id = self.world.bot.id
        author_id = int(message["author"]["id"])
        mentions_bot = any(int(m["id"]) == bot_id for m in message["mentions"])

        def shape(session: Any) -> dict[str, Any]:
            if (
                guild is None
                or author_id == bot_id
                or mentions_bot
                or session.has_intent(Intent.MESSAGE_CONTENT)
            ):
                return message
            hidden = dict(message)
            hidden.update(content="", embeds=[], attachments=[], components=[])
            return hidden

        intent = Intent.GUILD_MESSAGES if guild is not None else Intent.DIRECT_MESSAGES
        await self.gateway.dispatch(
            "MESSAGE_CREATE", shape, guild_id=guild.id if guild else None, intent=intent
        )

    def _register_interaction(
        self,
        itype: int,
        data: dict[str, Any],
        *,
        channel_id: int,
        user: int | User,
        message: dict[str, Any] | None = None,
        locale: str = "en-US",
    ) -> StandinInteraction:
        channel, guild = self._channel(channel_id)
        who = self._user(user)
        interaction_id = self.snowflake()
        token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
        payload = p.interaction_payload(
            interaction_id=interaction_id,
            token=token,
            interaction_type=itype,
            application_id=self.world.application_id,
            data=data,
            channel=channel,
            guild=guild,
            user=who,
            bot_id=self.world.bot.id,
            message=message,
            locale=locale,
        )
        record = StandinInteraction(
            standin=self,
            id=interaction_id,
            token=token,
            type=itype,
            payload=payload,
            channel_id=channel.id,
            guild=guild,
            user=who,
            message_id=int(message["id"]) if message else None,
        )
        self.interactions[interaction_id] = record
        return record

    async def _dispatch_interaction(self, record: StandinInteraction) -> StandinInteraction:
        record.created_at = time.monotonic()
        await self.gateway.dispatch(
            "INTERACTION_CREATE",
            record.payload,
            guild_id=record.guild.id if record.guild else None,
        )
        return record

    def find_command(self, name: str, guild_id: int | None) -> dict[str, Any] | None:
        """A registered command as Discord resolves it: the guild's own first, then global."""
        pools = []
        if guild_id is not None:
            pools.append(self.guild_commands.get(guild_id, []))
        pools.append(self.global_commands)
        for pool in pools:
            for cmd in pool:
                if cmd["name"] == name and cmd.get("type", 1) == 1:
                    return cmd
        return None

    def register_commands(
        self, commands: list[dict[str, Any]], *, guild_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Seed commands as if synced in an earlier run (Discord keeps them across restarts)."""
        stored = [self._store_command(c, guild_id) for c in commands]
        if guild_id is None:
            self.global_commands = stored
        else:
            self.guild_commands[guild_id] = stored
        return stored

    def _command_options(
        self,
        name: str,
        options: Mapping[str, Any] | None,
        guild: Guild | None,
        *,
        focused: str | None = None,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        parts = name.split()
        command = self.find_command(parts[0], guild.id if guild else None)
        if command is None:
            known = [c["name"] for c in self.global_commands] + [
                c["name"] for cmds in self.guild_commands.values() for c in cmds
            ]
            raise LookupError(
                f"/{parts[0]} is not registered with the stand-in (sync the command tree or "
                f"register_commands first); registered: {known}"
            )
        resolved: dict[str, dict[str, Any]] = {}
        schema = command.get("options", [])
        top: list[dict[str, Any]] = []
        target = top
        for sub in parts[1:]:
            spec = next((o for o in schema if o["name"] == sub and o["type"] in (1, 2)), None)
            if spec is None:
                raise LookupError(f"/{name}: no subcommand {sub!r}")
            node: dict[str, Any] = {"type": spec["type"], "name": sub, "options": []}
            target.append(node)
            target = node["options"]
            schema = spec.get("options", [])
        for opt_name, value in (options or {}).items():
            spec = next((o for o in schema if o["name"] == opt_name), None)
            if spec is None:
                raise LookupError(f"/{name} has no option {opt_name!r}")
            target.append(
                self._option_value(
                    spec["type"], opt_name, value, guild, resolved, opt_name == focused
                )
            )
        if focused is not None and focused not in (options or {}):
            raise ValueError(f"focused option {focused!r} needs a value in options")
        data: dict[str, Any] = {
            "id": command["id"],
            "name": parts[0],
            "type": 1,
            "options": top,
        }
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return data, command

    def _option_value(
        self,
        opt_type: int,
        name: str,
        value: Any,
        guild: Guild | None,
        resolved: dict[str, dict[str, Any]],
        focused: bool,
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"type": opt_type, "name": name}
        if focused:
            # What the user has typed so far is always text, whatever the option's type.
            out.update(value=str(value), focused=True)
            return out
        if opt_type in (6, 7, 8, 9):
            target_id = int(getattr(value, "id", value))
            self._resolve(opt_type, target_id, guild, resolved)
            out["value"] = str(target_id)
        elif opt_type == 4:
            out["value"] = int(value)
        elif opt_type == 10:
            out["value"] = float(value)
        elif opt_type == 5:
            out["value"] = bool(value)
        else:
            out["value"] = str(value)
        return out

    def _resolve(
        self,
        opt_type: int,
        target_id: int,
        guild: Guild | None,
        resolved: dict[str, dict[str, Any]],
    ) -> None:
        if opt_type in (6, 9) and (user := self.world.user(target_id)) is not None:
            resolved.setdefault("users", {})[str(target_id)] = user.to_payload()
            member = guild.member(target_id) if guild else None
            if member is not None and guild is not None:
                m = member.to_payload(with_user=False)
                m["permissions"] = str(guild.base_permissions(target_id))
                resolved.setdefault("members", {})[str(target_id)] = m
            return
        if opt_type in (8, 9) and guild is not None and (role := guild.role(target_id)):
            resolved.setdefault("roles", {})[str(target_id)] = role.to_payload()
            return
        if opt_type == 7 and guild is not None and (channel := guild.channel(target_id)):
            resolved.setdefault("channels", {})[str(target_id)] = {
                "id": str(channel.id),
                "name": channel.name,
                "type": channel.type,
                "parent_id": str(channel.parent_id) if channel.parent_id else None,
                "permissions": str(guild.permissions_for(self.world.bot.id, channel.id)),
                "flags": 0,
            }
            return
        raise LookupError(f"option target {target_id} (type {opt_type}) is not in the world")

    async def slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: int | User = p.USER_ID,
        channel_id: int = p.GENERAL_CHANNEL_ID,
        locale: str = "en-US",
    ) -> StandinInteraction:
        """A user runs ``/name`` (``"group sub"`` for subcommands): INTERACTION_CREATE type 2.

        Option types come from the registered command, so the command must have been synced.
        """
        _, guild = self._channel(channel_id)
        data, _ = self._command_options(name, options, guild)
        record = self._register_interaction(
            APPLICATION_COMMAND, data, channel_id=channel_id, user=user, locale=locale
        )
        return await self._dispatch_interaction(record)

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        *,
        focused: str,
        user: int | User = p.USER_ID,
        channel_id: int = p.GENERAL_CHANNEL_ID,
        locale: str = "en-US",
    ) -> StandinInteraction:
        """A user types into option ``focused``: INTERACTION_CREATE type 4.

        The answer's choices are in ``(await interaction.response()).json["data"]["choices"]``.
        """
        _, guild = self._channel(channel_id)
        data, _ = self._command_options(name, options, guild, focused=focused)
        record = self._register_interaction(
            AUTOCOMPLETE, data, channel_id=channel_id, user=user, locale=locale
        )
        return await self._dispatch_interaction(record)

    async def click_button(
        self, message_id: int, custom_id: str, *, user: int | User = p.USER_ID
    ) -> StandinInteraction:
        """A user presses a button on a message the bot sent: INTERACTION_CREATE type 3."""
        return await self._component(message_id, custom_id, 2, None, user)

    async def choose(
        self,
        message_id: int,
        custom_id: str,
        values: Sequence[str],
        *,
        user: int | User = p.USER_ID,
        component_type: int = 3,
    ) -> StandinInteraction:
        """A user picks ``values`` in a select menu on a bot message: INTERACTION_CREATE type 3."""
        return await self._component(message_id, custom_id, component_type, list(values), user)

    async def _component(
        self,
        message_id: int,
        custom_id: str,
        component_type: int,
        values: list[str] | None,
        user: int | User,
    ) -> StandinInteraction:
        message = self.messages.get(message_id)
        if message is None:
            raise KeyError(f"message {message_id} is unknown to the stand-in")
        found = self._find_component(message.get("components", []), custom_id)
        if found is None:
            raise LookupError(f"message {message_id} has no component with custom_id {custom_id!r}")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
            # Only entity selects carry resolved data; discord.py prefers it to ``values``.
            option_type = {5: 6, 6: 8, 7: 9, 8: 7}.get(component_type)
            if option_type is not None:
                _, guild = self._channel(int(message["channel_id"]))
                resolved: dict[str, dict[str, Any]] = {}
                for value in values:
                    self._resolve(option_type, int(value), guild, resolved)
                data["resolved"] = resolved
        record = self._register_interaction(
            MESSAGE_COMPONENT,
            data,
            channel_id=int(message["channel_id"]),
            user=user,
            message=message,
        )
        return await self._dispatch_interaction(record)

    def _find_component(
        self, components: list[dict[str, Any]], custom_id: str
    ) -> dict[str, Any] | None:
        for comp in components:
            if comp.get("custom_id") == custom_id:
                return comp
            for key in ("components", "accessory"):
                child = comp.get(key)
                children = child if isinstance(child, list) else [child] if child else []
                hit = self._find_component(children, custom_id)
                if hit is not None:
                    return hit
        return None

    async def submit_modal(
        self,
        interaction: StandinInteraction,
        values: Mapping[str, str],
        *,
        user: int | User | None = None,
    ) -> StandinInteraction:
        """The user fills in the modal the bot opened in answer to ``interaction``: type 5."""
        if interaction.modal is None:
            raise LookupError(f"interaction {interaction.id} was not answered with a modal")
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": cid, "value": value}]}
            for cid, value in values.items()
        ]
        data = {"custom_id": interaction.modal["custom_id"], "components": rows}
        message = self.messages.get(interaction.message_id) if interaction.message_id else None
        record = self._register_interaction(
            MODAL_SUBMIT,
            data,
            channel_id=interaction.channel_id,
            user=user or interaction.user,
            message=message,
        )
        return await self._dispatch_interaction(record)

    # ---- HTTP plumbing ------------------------------------------------------------------------------

    def _register_routes(self) -> None:
        app = r"(?P<app>\d+)"
        cid = r"(?P<cid>\d+)"
        mid = r"(?P<mid>\d+)"
        gid = r"(?P<gid>\d+)"
        tok = r"(?P<token>[^/]+)"
        wmid = r"(?P<mid>\d+|@original)"
        table: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self._get_me),
            ("GET", r"/users/(?P<uid>\d+)", self._get_user),
            ("POST", "/users/@me/channels", self._create_dm),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/applications/@me", self._get_application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("GET", f"/channels/{cid}", self._get_channel),
            ("GET", f"/channels/{cid}/messages", self._get_history),
            ("POST", f"/channels/{cid}/messages", self._post_message),
            ("GET", f"/channels/{cid}/messages/{mid}", self._get_message),
            ("PATCH", f"/channels/{cid}/messages/{mid}", self._patch_message),
            ("DELETE", f"/channels/{cid}/messages/{mid}", self._delete_message),
            ("POST", f"/channels/{cid}/typing", self._no_content),
            ("PUT", f"/channels/{cid}/messages/{mid}/reactions/(?P<emoji>[^/]+)/@me", self._react),
            (
                "DELETE",
                f"/channels/{cid}/messages/{mid}/reactions/(?P<emoji>[^/]+)/@me",
                self._unreact,
            ),
            ("GET", f"/guilds/{gid}", self._get_guild),
            ("GET", f"/guilds/{gid}/channels", self._get_guild_channels),
            ("GET", f"/guilds/{gid}/roles", self._get_guild_roles),
            ("GET", f"/guilds/{gid}/members", self._get_guild_members),
            ("GET", rf"/guilds/{gid}/members/(?P<uid>\d+)", self._get_guild_member),
            ("GET", f"/applications/{app}/commands", self._get_commands),
            ("PUT", f"/applications/{app}/commands", self._put_commands),
            ("POST", f"/applications/{app}/commands", self._post_command),
            ("DELETE", rf"/applications/{app}/commands/(?P<cmd>\d+)", self._delete_command),
            ("GET", f"/applications/{app}/guilds/{gid}/commands", self._get_commands),
            ("PUT", f"/applications/{app}/guilds/{gid}/commands", self._put_commands),
            ("POST", f"/applications/{app}/guilds/{gid}/commands", self._post_command),
            (
                "DELETE",
                rf"/applications/{app}/guilds/{gid}/commands/(?P<cmd>\d+)",
                self._delete_command,
            ),
            ("POST", rf"/interactions/(?P<iid>\d+)/{tok}/callback", self._interaction_callback),
            ("POST", f"/webhooks/{app}/{tok}", self._webhook_execute),
            ("GET", f"/webhooks/{app}/{tok}/messages/{wmid}", self._webhook_get),
            ("PATCH", f"/webhooks/{app}/{tok}/messages/{wmid}", self._webhook_edit),
            ("DELETE", f"/webhooks/{app}/{tok}/messages/{wmid}", self._webhook_delete),
        ]
        self._routes = [(m, re.compile(path), h) for m, path, h in table]

    # Interaction callbacks and webhook calls carry their own token instead of the bot's.
    _UNAUTHENTICATED = re.compile(r"/(interactions|webhooks)/.*")

    async def _read_body(self, request: web.Request) -> tuple[Any, list[RecordedFile]]:
        ctype = request.headers.get("Content-Type", "")
        if ctype.startswith("multipart/"):
            body: Any = None
            files: list[RecordedFile] = []
            reader = await request.multipart()
            async for part in reader:
                # Discord's multipart bodies are flat; a nested multipart would be a client bug.
                if not isinstance(part, BodyPartReader):
                    continue
                data = await part.read(decode=False)
                name = part.name or ""
                if name == "payload_json":
                    body = json.loads(data.decode("utf-8"))
                else:
                    files.append(
                        RecordedFile(
                            field=name,
                            filename=part.filename,
                            content_type=part.headers.get("Content-Type"),
                            data=bytes(data),
                        )
                    )
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        if ctype.split(";")[0].strip() == "application/json":
            return json.loads(raw.decode("utf-8")), []
        return raw.decode("utf-8", "replace"), []

    @staticmethod
    def _respond(reply: Reply) -> web.Response:
        headers = dict(reply.headers)
        if reply.body is None:
            return web.Response(status=reply.status, headers=headers)
        # Exactly application/json: discord.py parses JSON only on that exact header value.
        headers["Content-Type"] = "application/json"
        return web.Response(
            status=reply.status, body=json.dumps(reply.body).encode("utf-8"), headers=headers
        )

    async def _handle_api(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body, files = await self._read_body(request)
        record = RecordedRequest(
            index=len(self.requests.items),
            method=request.method.upper(),
            path=path,
            query=dict(request.query),
            headers=dict(request.headers),
            json=body,
            files=files,
        )
        self.requests.items.append(record)
        try:
            reply = await self._answer(record)
        except ApiError as exc:
            reply = Reply(exc.status, exc.body)
        except Exception as exc:
            # A bug in the stand-in must fail the test (see the fixture), not surface as a hang.
            self.internal_errors.append(exc)
            # 400, not 500: discord.py retries a 500 with back-off for many seconds.
            reply = Reply(
                400, {"code": 0, "message": f"stand-in error: {type(exc).__name__}: {exc}"}
            )
        record.status = reply.status
        record.response = reply.body
        await self.requests.notify()
        return self._respond(reply)

    async def _answer(self, record: RecordedRequest) -> Reply:
        if (
            not self._UNAUTHENTICATED.fullmatch(record.path)
            and self.token is not None
            and record.headers.get("Authorization") != f"Bot {self.token}"
        ):
            return Reply(401, {"message": "401: Unauthorized", "code": 0})
        fault = next((f for f in self.faults if f.applies(record.method, record.path)), None)
        if fault is not None:
            fault.hits += 1
            record.fault = fault
            if not fault.committed:
                return Reply(fault.status, fault.body, dict(fault.headers))
        reply = await self._route(record)
        if fault is not None and 200 <= reply.status < 300:
            return Reply(fault.status, fault.body, dict(fault.headers))  # done, but the answer lost
        return reply

    async def _route(self, record: RecordedRequest) -> Reply:
        for method, pattern, handler in self._routes:
            if method != record.method:
                continue
            match = pattern.fullmatch(record.path)
            if match is not None:
                return await handler(record, match)
        return Reply(404, {"message": "404: Not Found", "code": 0})

    @property
    def unhandled_requests(self) -> list[RecordedRequest]:
        """Requests no route knew: a sign discord.py called something the stand-in lacks."""
        return [
            r
            for r in self.requests
            if r.status == 404 and r.response == {"message": "404: Not Found", "code": 0}
        ]

    async def _handle_cdn(self, request: web.Request) -> web.Response:
        data = self.attachments.get(int(request.match_info["aid"]))
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    # ---- REST: users, application, gateway ------------------------------------------------------

    async def _get_me(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(body=p.bot_user_payload(self.world))

    async def _get_user(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        user = self.world.user(int(m["uid"]))
        if user is None:
            raise ApiError(404, UNKNOWN_USER, "Unknown User")
        return Reply(body=user.to_payload())

    async def _get_application(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(body=p.application_payload(self.world))

    async def _get_gateway(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(body={"url": self.gateway_url})

    async def _get_gateway_bot(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(
            body={
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 14_400_000,
                    "max_concurrency": 1,
                },
            }
        )

    async def _create_dm(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        recipient_id = int((req.json or {}).get("recipient_id", 0))
        user = self.world.user(recipient_id)
        if user is None:
            raise ApiError(400, INVALID_FORM_BODY, "Invalid Form Body")
        channel = self.world.dm_channel_for(recipient_id)
        if channel is None:
            channel = p.Channel(self.snowflake(), "", type=1, recipients=[user])
            self.world.dm_channels.append(channel)
        return Reply(body=channel.to_payload())

    async def _no_content(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        self._require_channel(int(m["cid"]))
        return Reply(204)

    # ---- REST: channels and messages -----------------------------------------------------------

    def _require_channel(self, channel_id: int) -> tuple[p.Channel, Guild | None]:
        found = self.world.find_channel(channel_id)
        if found is None:
            raise ApiError(404, UNKNOWN_CHANNEL, "Unknown Channel")
        channel, guild = found
        if guild is not None and self.enforce_permissions:
            perms = guild.permissions_for(self.world.bot.id, channel.id)
            if not perms & Perm.VIEW_CHANNEL:
                raise ApiError(403, MISSING_ACCESS, "Missing Access")
        return channel, guild

    def _bot_perms(self, channel: p.Channel, guild: Guild | None) -> int:
        if guild is None or not self.enforce_permissions:
            return p.ALL_PERMISSIONS
        return guild.permissions_for(self.world.bot.id, channel.id)

    def _require_message(self, channel_id: int, message_id: int) -> dict[str, Any]:
        message = self.messages.get(message_id)
        if message is None or int(message["channel_id"]) != channel_id:
            raise ApiError(404, UNKNOWN_MESSAGE, "Unknown Message")
        return message

    async def _get_channel(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, _ = self._require_channel(int(m["cid"]))
        return Reply(body=channel.to_payload())

    async def _get_history(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, guild = self._require_channel(int(m["cid"]))
        if not self._bot_perms(channel, guild) & Perm.READ_MESSAGE_HISTORY:
            return Reply(body=[])
        limit = min(100, int(req.query.get("limit", 50)))
        history = sorted(
            self.channel_messages(channel.id), key=lambda x: int(x["id"]), reverse=True
        )
        if "before" in req.query:
            history = [x for x in history if int(x["id"]) < int(req.query["before"])]
        if "after" in req.query:
            # the `limit` messages just after it (the oldest of those newer), newest first
            later = [x for x in history if int(x["id"]) > int(req.query["after"])]
            return Reply(body=[_as_read(x) for x in later[-limit:]])
        return Reply(body=[_as_read(x) for x in history[:limit]])

    async def _get_message(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        self._require_channel(int(m["cid"]))
        return Reply(body=_as_read(self._require_message(int(m["cid"]), int(m["mid"]))))

    def _attachments_from(
        self, body: dict[str, Any], files: list[RecordedFile], keep: list[dict[str, Any]] | None
    ) -> list[dict[str, Any]]:
        """Attachments as Discord reports them: kept ones by id, new ones from ``files[n]``."""
        by_field = {f.field: f for f in files}
        existing = {int(a["id"]): a for a in (keep or [])}
        listed = body.get("attachments")
        if listed is None:
            listed = [{"id": i, "filename": f.filename} for i, f in enumerate(files)]
            keep_all = list(existing.values())
        else:
            keep_all = []
        out = list(keep_all)
        for entry in listed:
            ident = int(entry["id"])
            upload = by_field.get(f"files[{ident}]")
            if upload is not None and ident not in existing:
                aid = self.snowflake()
                filename = entry.get("filename") or upload.filename or f"file{ident}"
                self.attachments[aid] = upload.data
                url = f"{self.base_url}/attachments/{aid}/{filename}"
                attachment = {
                    "id": str(aid),
                    "filename": filename,
                    "size": len(upload.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": "image/png" if upload.is_png else upload.content_type,
                    "description": entry.get("description"),
                    "ephemeral": False,
                    "flags": 0,
                }
                out.append(attachment)
            elif ident in existing:
                out.append(existing[ident])
        return out

    def _resolve_mentions(
        self,
        content: str,
        allowed: dict[str, Any] | None,
        guild: Guild | None,
        reference: dict[str, Any] | None,
    ) -> tuple[list[User], list[int], bool]:
        """Who a message would ping, given its ``allowed_mentions`` (absent: parse everything)."""
        parse = (
            set(allowed.get("parse", [])) if allowed is not None else {"users", "roles", "everyone"}
        )
        listed_users = {int(u) for u in (allowed or {}).get("users", [])}
        listed_roles = {int(r) for r in (allowed or {}).get("roles", [])}
        users: list[User] = []
        for raw in MENTION_USER.findall(content or ""):
            uid = int(raw)
            allowed_user = "users" in parse or uid in listed_users
            if allowed_user and (u := self.world.user(uid)) and all(x.id != uid for x in users):
                users.append(u)
        roles = [
            int(r)
            for r in MENTION_ROLE.findall(content or "")
            if guild is not None and ("roles" in parse or int(r) in listed_roles)
        ]
        everyone = "everyone" in parse and bool(MENTION_EVERYONE.search(content or ""))
        replied_user = (allowed or {}).get("replied_user", allowed is None)
        if reference and replied_user:
            replied = self.messages.get(int(reference.get("message_id", 0)))
            author = self.world.user(int(replied["author"]["id"])) if replied else None
            if author is not None and all(x.id != author.id for x in users):
                users.append(author)
        return users, roles, everyone

    def _new_message(
        self,
        body: dict[str, Any],
        files: list[RecordedFile],
        *,
        channel: p.Channel,
        guild: Guild | None,
        author: User,
        message_type: int = 0,
        webhook_id: int | None = None,
        extra_flags: int = 0,
    ) -> dict[str, Any]:
        errors = p.validate_message_body(body, len(files))
        if errors:
            raise ApiError(400, INVALID_FORM_BODY, "Invalid Form Body", errors)
        attachments = self._attachments_from(body, files, None)
        content = body.get("content") or ""
        embeds = body.get("embeds") or []
        components = body.get("components") or []
        flags = (int(body.get("flags") or 0) & SETTABLE_FLAGS) | extra_flags
        if (
            not (
                content
                or embeds
                or attachments
                or components
                or body.get("sticker_ids")
                or body.get("poll")
            )
            and not flags & FLAG_LOADING
        ):
            raise ApiError(400, CANNOT_SEND_EMPTY, "Cannot send an empty message")
        reference = body.get("message_reference")
        users, roles, everyone = self._resolve_mentions(
            content, body.get("allowed_mentions"), guild, reference
        )
        message = p.message_payload(
            message_id=self.snowflake(),
            channel_id=channel.id,
            guild=guild,
            author=author,
            content=content,
            embeds=embeds,
            attachments=attachments,
            components=components,
            mentions=users,
            mention_roles=roles,
            mention_everyone=everyone,
            flags=flags,
            message_type=19 if reference and message_type == 0 else message_type,
            webhook_id=webhook_id,
            application_id=self.world.application_id if webhook_id else None,
            message_reference=reference,
            tts=bool(body.get("tts")),
        )
        if reference and (replied := self.messages.get(int(reference.get("message_id", 0)))):
            message["referenced_message"] = replied
        if body.get("poll"):
            message["poll"] = body["poll"]
        if body.get("nonce") is not None:
            message["nonce"] = body["nonce"]
            self._nonces[(author.id, str(body["nonce"]))] = (int(message["id"]), time.monotonic())
        self.messages[int(message["id"])] = message
        return message

    async def _echo(self, message: dict[str, Any], guild: Guild | None) -> None:
        if self.echo_bot_messages and not int(message["flags"]) & FLAG_EPHEMERAL:
            await self._dispatch_message_create(message, guild)

    def _same_nonce(self, author_id: int, body: dict[str, Any]) -> dict[str, Any] | None:
        """The message this author already created with this nonce, if Discord would return it."""
        nonce = body.get("nonce")
        if nonce is None or not body.get("enforce_nonce"):
            return None
        seen = self._nonces.get((author_id, str(nonce)))
        if seen is None or time.monotonic() - seen[1] > self.nonce_window:
            return None
        return self.messages.get(seen[0])

    async def _post_message(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, guild = self._require_channel(int(m["cid"]))
        body = dict(req.json or {})
        perms = self._bot_perms(channel, guild)
        if (earlier := self._same_nonce(self.world.bot.id, body)) is not None:
            return Reply(body=earlier)
        if not perms & Perm.SEND_MESSAGES:
            raise ApiError(403, MISSING_PERMISSIONS, "Missing Permissions")
        if req.files and not perms & Perm.ATTACH_FILES:
            raise ApiError(403, MISSING_PERMISSIONS, "Missing Permissions")
        if body.get("embeds") and not perms & Perm.EMBED_LINKS:
            # Discord refuses an embed-only message but silently drops embeds beside content.
            if not (body.get("content") or req.files or body.get("components")):
                raise ApiError(403, MISSING_PERMISSIONS, "Missing Permissions")
            body["embeds"] = []
        message = self._new_message(
            body, req.files, channel=channel, guild=guild, author=self.world.bot
        )
        await self._echo(message, guild)
        return Reply(body=message)

    def _edit(self, message: dict[str, Any], req: RecordedRequest, perms: int) -> dict[str, Any]:
        body = dict(req.json or {})
        errors = p.validate_message_body(body, len(req.files))
        if errors:
            raise ApiError(400, INVALID_FORM_BODY, "Invalid Form Body", errors)
        if "content" in body:
            message["content"] = body["content"] or ""
        if "embeds" in body:
            message["embeds"] = (body["embeds"] or []) if perms & Perm.EMBED_LINKS else []
        if "components" in body:
            message["components"] = body["components"] or []
        if "attachments" in body or req.files:
            message["attachments"] = self._attachments_from(body, req.files, message["attachments"])
        if "flags" in body and body["flags"] is not None:
            keep = int(message["flags"]) & (FLAG_EPHEMERAL | FLAG_COMPONENTS_V2)
            message["flags"] = keep | (int(body["flags"]) & FLAG_SUPPRESS_EMBEDS)
        message["flags"] = int(message["flags"]) & ~FLAG_LOADING
        if "content" in body or "allowed_mentions" in body:
            guild_id = message.get("guild_id")
            guild = self.world.guild(int(guild_id)) if guild_id else None
            users, roles, everyone = self._resolve_mentions(
                message["content"], body.get("allowed_mentions"), guild, None
            )
            message["mentions"] = [p.mention_payload(u, guild) for u in users]
            message["mention_roles"] = [str(r) for r in roles]
            message["mention_everyone"] = everyone
        message["edited_timestamp"] = p.utc_now_iso()
        return message

    async def _patch_message(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, guild = self._require_channel(int(m["cid"]))
        message = self._require_message(channel.id, int(m["mid"]))
        if int(message["author"]["id"]) != self.world.bot.id:
            raise ApiError(
                403, CANNOT_EDIT_OTHERS_MESSAGE, "Cannot edit a message authored by another user"
            )
        return Reply(body=self._edit(message, req, self._bot_perms(channel, guild)))

    async def _delete_message(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, guild = self._require_channel(int(m["cid"]))
        message = self._require_message(channel.id, int(m["mid"]))
        own = int(message["author"]["id"]) == self.world.bot.id
        if not own and not self._bot_perms(channel, guild) & Perm.MANAGE_MESSAGES:
            raise ApiError(403, MISSING_PERMISSIONS, "Missing Permissions")
        del self.messages[int(message["id"])]
        return Reply(204)

    async def _react(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, guild = self._require_channel(int(m["cid"]))
        message = self._require_message(channel.id, int(m["mid"]))
        if not self._bot_perms(channel, guild) & Perm.ADD_REACTIONS:
            raise ApiError(403, MISSING_PERMISSIONS, "Missing Permissions")
        emoji = m["emoji"]
        self.reactions.append(("add", channel.id, int(message["id"]), emoji))
        name, _, eid = emoji.partition(":")
        for reaction in message["reactions"]:
            if reaction["emoji"]["name"] == name:
                if not reaction["me"]:
                    reaction["count"] += 1
                    reaction["me"] = True
                break
        else:
            message["reactions"].append(
                {"emoji": {"id": eid or None, "name": name}, "count": 1, "me": True}
            )
        return Reply(204)

    async def _unreact(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        channel, _ = self._require_channel(int(m["cid"]))
        message = self._require_message(channel.id, int(m["mid"]))
        emoji = m["emoji"]
        self.reactions.append(("remove", channel.id, int(message["id"]), emoji))
        name = emoji.partition(":")[0]
        for reaction in list(message["reactions"]):
            if reaction["emoji"]["name"] == name and reaction["me"]:
                reaction["count"] -= 1
                reaction["me"] = False
                if reaction["count"] <= 0:
                    message["reactions"].remove(reaction)
        return Reply(204)

    # ---- REST: guilds -------------------------------------------------------------------------

    def _require_guild(self, guild_id: int) -> Guild:
        try:
            return self.world.guild(guild_id)
        except KeyError:
            raise ApiError(404, UNKNOWN_GUILD, "Unknown Guild") from None

    async def _get_guild(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(body=self._require_guild(int(m["gid"])).to_rest_payload())

    async def _get_guild_channels(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        guild = self._require_guild(int(m["gid"]))
        return Reply(body=[c.to_payload() for c in guild.channels])

    async def _get_guild_roles(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        guild = self._require_guild(int(m["gid"]))
        return Reply(body=[r.to_payload() for r in guild.roles])

    async def _get_guild_members(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        guild = self._require_guild(int(m["gid"]))
        after = int(req.query.get("after", 0))
        limit = int(req.query.get("limit", 1))
        members = sorted(guild.members, key=lambda x: x.user.id)
        return Reply(body=[x.to_payload() for x in members if x.user.id > after][:limit])

    async def _get_guild_member(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        guild = self._require_guild(int(m["gid"]))
        member = guild.member(int(m["uid"]))
        if member is None:
            raise ApiError(404, UNKNOWN_MEMBER, "Unknown Member")
        return Reply(body=member.to_payload())

    # ---- REST: application commands -----------------------------------------------------------

    def _check_app(self, m: re.Match[str]) -> int | None:
        if int(m["app"]) != self.world.application_id:
            raise ApiError(404, UNKNOWN_APPLICATION, "Unknown Application")
        gid = m.groupdict().get("gid")
        if gid is not None:
            self._require_guild(int(gid))
            return int(gid)
        return None

    def _store_command(self, data: dict[str, Any], guild_id: int | None) -> dict[str, Any]:
        pool = self.guild_commands.get(guild_id, []) if guild_id else self.global_commands
        previous = next(
            (
                c
                for c in pool
                if c["name"] == data["name"] and c.get("type", 1) == data.get("type", 1)
            ),
            None,
        )
        stored = dict(data)
        stored.setdefault("type", 1)
        stored.setdefault("description", "")
        stored.setdefault("options", [])
        stored["id"] = previous["id"] if previous else str(self.snowflake())
        stored["application_id"] = str(self.world.application_id)
        stored["version"] = str(self.snowflake())
        stored.setdefault("default_member_permissions", None)
        stored.setdefault("nsfw", False)
        if guild_id:
            stored["guild_id"] = str(guild_id)
        return stored

    async def _get_commands(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        gid = self._check_app(m)
        return Reply(body=self.guild_commands.get(gid, []) if gid else self.global_commands)

    async def _put_commands(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        gid = self._check_app(m)
        body = req.json or []
        names = [(c.get("type", 1), c["name"]) for c in body]
        if len(names) != len(set(names)):
            raise ApiError(
                400,
                INVALID_FORM_BODY,
                "Invalid Form Body",
                {
                    "_errors": [
                        {
                            "code": "APPLICATION_COMMANDS_DUPLICATE_NAME",
                            "message": "Application command names must be unique",
                        }
                    ]
                },
            )
        return Reply(body=self.register_commands(body, guild_id=gid))

    async def _post_command(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        gid = self._check_app(m)
        stored = self._store_command(req.json or {}, gid)
        pool = self.guild_commands.setdefault(gid, []) if gid else self.global_commands
        pool[:] = [c for c in pool if c["id"] != stored["id"]] + [stored]
        return Reply(201, stored)

    async def _delete_command(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        gid = self._check_app(m)
        pool = self.guild_commands.get(gid, []) if gid else self.global_commands
        if not any(c["id"] == m["cmd"] for c in pool):
            raise ApiError(404, UNKNOWN_COMMAND, "Unknown application command")
        pool[:] = [c for c in pool if c["id"] != m["cmd"]]
        return Reply(204)

    # ---- REST: interaction callbacks and follow-ups -------------------------------------------

    async def _interaction_callback(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self.interactions.get(int(m["iid"]))
        if inter is None or inter.token != m["token"]:
            raise ApiError(404, UNKNOWN_INTERACTION, "Unknown interaction")
        if inter.acknowledged:
            raise ApiError(400, ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.")
        if (
            self.interaction_deadline is not None
            and time.monotonic() - inter.created_at > self.interaction_deadline
        ):
            raise ApiError(404, UNKNOWN_INTERACTION, "Unknown interaction")
        body = req.json or {}
        cb_type = int(body.get("type", 0))
        data = dict(body.get("data") or {})
        allowed = {
            APPLICATION_COMMAND: {CB_MESSAGE, CB_DEFERRED_MESSAGE, CB_MODAL},
            MESSAGE_COMPONENT: {
                CB_MESSAGE,
                CB_DEFERRED_MESSAGE,
                CB_DEFERRED_UPDATE,
                CB_UPDATE_MESSAGE,
                CB_MODAL,
            },
            AUTOCOMPLETE: {CB_AUTOCOMPLETE},
            MODAL_SUBMIT: {CB_MESSAGE, CB_DEFERRED_MESSAGE, CB_DEFERRED_UPDATE, CB_UPDATE_MESSAGE},
        }[inter.type]
        if cb_type not in allowed:
            raise ApiError(
                400,
                INVALID_FORM_BODY,
                "Interaction has invalid response type",
                {
                    "type": {
                        "_errors": [
                            {
                                "code": "BASE_TYPE_CHOICES",
                                "message": f"Value must be one of {sorted(allowed)}.",
                            }
                        ]
                    }
                },
            )
        channel, guild = self._channel(inter.channel_id)
        message: dict[str, Any] | None = None
        if cb_type == CB_MESSAGE:
            message = self._new_message(
                data,
                req.files,
                channel=channel,
                guild=guild,
                author=self.world.bot,
                message_type=20 if inter.type == APPLICATION_COMMAND else 0,
                webhook_id=self.world.application_id,
            )
        elif cb_type == CB_DEFERRED_MESSAGE:
            flags = int(data.get("flags") or 0) & FLAG_EPHEMERAL
            message = self._new_message(
                {"flags": flags},
                [],
                channel=channel,
                guild=guild,
                author=self.world.bot,
                message_type=20 if inter.type == APPLICATION_COMMAND else 0,
                webhook_id=self.world.application_id,
                extra_flags=FLAG_LOADING,
            )
            inter.loading = True
        elif cb_type in (CB_DEFERRED_UPDATE, CB_UPDATE_MESSAGE):
            if inter.message_id is None or inter.message_id not in self.messages:
                raise ApiError(400, INVALID_FORM_BODY, "Interaction has no message to update")
            message = self.messages[inter.message_id]
            if cb_type == CB_UPDATE_MESSAGE:
                fake = RecordedRequest(0, "PATCH", "", {}, {}, data, req.files)
                self._edit(message, fake, p.ALL_PERMISSIONS)
        elif cb_type == CB_AUTOCOMPLETE:
            choices = list(data.get("choices") or [])
            errors = p.validate_autocomplete_choices(choices)
            if errors:
                raise ApiError(400, INVALID_FORM_BODY, "Invalid Form Body", errors)
            inter.choices = choices
        elif cb_type == CB_MODAL:
            inter.modal = data
        inter.response_type = cb_type
        inter.callback = req
        reply_interaction: dict[str, Any] = {"id": str(inter.id), "type": inter.type}
        resource: dict[str, Any] = {"type": cb_type}
        if message is not None:
            inter.original_message_id = int(message["id"])
            reply_interaction.update(
                response_message_id=message["id"],
                response_message_loading=bool(int(message["flags"]) & FLAG_LOADING),
                response_message_ephemeral=bool(int(message["flags"]) & FLAG_EPHEMERAL),
            )
            resource["message"] = message
            if cb_type == CB_MESSAGE:
                await self._echo(message, guild)
        return Reply(200, {"interaction": reply_interaction, "resource": resource})

    def _webhook_interaction(self, m: re.Match[str]) -> StandinInteraction:
        if int(m["app"]) != self.world.application_id:
            raise ApiError(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        inter = next((i for i in self.interactions.values() if i.token == m["token"]), None)
        # Discord creates the webhook only once the interaction is acknowledged.
        if inter is None or not inter.acknowledged:
            raise ApiError(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        return inter

    def _webhook_message(self, inter: StandinInteraction, which: str) -> dict[str, Any]:
        mid = inter.original_message_id if which == "@original" else int(which)
        if mid is None or (mid != inter.original_message_id and mid not in inter.followup_ids):
            raise ApiError(404, UNKNOWN_MESSAGE, "Unknown Message")
        message = self.messages.get(mid)
        if message is None:
            raise ApiError(404, UNKNOWN_MESSAGE, "Unknown Message")
        return message

    async def _webhook_execute(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self._webhook_interaction(m)
        channel, guild = self._channel(inter.channel_id)
        body = req.json or {}
        if inter.loading and inter.original_message_id in self.messages:
            # After a deferred "thinking" reply, Discord turns the first follow-up into that message.
            message = self.messages[inter.original_message_id]
            self._edit(message, req, p.ALL_PERMISSIONS)
            inter.loading = False
            await self._echo(message, guild)
        else:
            message = self._new_message(
                body,
                req.files,
                channel=channel,
                guild=guild,
                author=self.world.bot,
                webhook_id=self.world.application_id,
            )
            inter.followup_ids.append(int(message["id"]))
            await self._echo(message, guild)
        if req.query.get("wait") in ("1", "true", "True"):
            return Reply(body=message)
        return Reply(204)

    async def _webhook_get(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return Reply(body=self._webhook_message(self._webhook_interaction(m), m["mid"]))

    async def _webhook_edit(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self._webhook_interaction(m)
        message = self._webhook_message(inter, m["mid"])
        was_loading = bool(int(message["flags"]) & FLAG_LOADING)
        self._edit(message, req, p.ALL_PERMISSIONS)
        if int(message["id"]) == inter.original_message_id:
            inter.loading = False
        if was_loading:
            guild_id = message.get("guild_id")
            await self._echo(message, self.world.guild(int(guild_id)) if guild_id else None)
        return Reply(body=message)

    async def _webhook_delete(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        inter = self._webhook_interaction(m)
        message = self._webhook_message(inter, m["mid"])
        del self.messages[int(message["id"])]
        return Reply(204)
