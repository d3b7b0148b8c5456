"""The gateway half of the stand-in: a JSON-text websocket speaking Discord's gateway protocol.

Frames are plain text, which discord.py reads without decompression even though it asks for
``compress=zlib-stream`` in the URL.
"""

# Every wait takes ``timeout=`` so a test reads as one call rather than an asyncio.timeout block.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from .payloads import PRIVILEGED_INTENTS, Intent, bot_user_payload

if TYPE_CHECKING:
    from .server import DiscordStandin

DISPATCH = 0
HEARTBEAT = 1
IDENTIFY = 2
PRESENCE_UPDATE = 3
RESUME = 6
RECONNECT = 7
REQUEST_GUILD_MEMBERS = 8
INVALID_SESSION = 9
HELLO = 10
HEARTBEAT_ACK = 11

# Discord's close codes that discord.py treats as fatal, so a test can provoke each outcome.
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014

# A callable so one event can be shaped per session, e.g. blanking content without the intent.
DataFactory = Callable[["GatewaySession"], dict[str, Any] | None]


@dataclass
class GatewayConnection:
    """One websocket the client opened; ``path`` tells the first URL from the resume URL."""

    index: int
    path: str
    query: dict[str, str]
    ws: web.WebSocketResponse
    session: GatewaySession | None = None
    close_code: int | None = None
    send_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def open(self) -> bool:
        return not self.ws.closed


@dataclass
class GatewaySession:
    """A session as Discord keeps it: survives its socket so a RESUME can replay what was missed."""

    session_id: str
    identify: dict[str, Any]
    intents: int
    shard: tuple[int, int] | None
    seq: int = 0
    sent_events: list[dict[str, Any]] = field(default_factory=list)
    connection: GatewayConnection | None = None
    invalidated: bool = False
    resumes: int = 0

    def has_intent(self, intent: int) -> bool:
        return bool(self.intents & intent)

    def owns_guild(self, guild_id: int) -> bool:
        if self.shard is None:
            return True
        shard_id, count = self.shard
        return (guild_id >> 22) % count == shard_id


class Gateway:
    def __init__(self, standin: DiscordStandin) -> None:
        self.standin = standin
        self.heartbeat_interval_ms = 1000
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        # Every frame in either direction, in order, as (direction, connection index, frame).
        self.received: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []
        # Set to make the next RESUME fail with INVALID_SESSION, as after a session timeout.
        self.reject_next_resume = False
        self._changed = asyncio.Condition()

    # ---- inspection -------------------------------------------------------------------------

    @property
    def identifies(self) -> list[dict[str, Any]]:
        return [f["d"] for f in self.received if f.get("op") == IDENTIFY]

    @property
    def resumes(self) -> list[dict[str, Any]]:
        return [f["d"] for f in self.received if f.get("op") == RESUME]

    @property
    def intents(self) -> int | None:
        """The intents of the latest IDENTIFY."""
        ids = self.identifies
        return ids[-1].get("intents") if ids else None

    @property
    def live_sessions(self) -> list[GatewaySession]:
        return [s for s in self.sessions.values() if not s.invalidated]

    @property
    def current_session(self) -> GatewaySession | None:
        live = self.live_sessions
        return live[-1] if live else None

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _wait(self, pick: Callable[[], Any], timeout: float, what: str) -> Any:
        async def wait() -> Any:
            async with self._changed:
                while (hit := pick()) is None:
                    await self._changed.wait()
                return hit

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            got = [(f.get("op"), f.get("t")) for f in self.received[-10:]]
            sent = [(f.get("op"), f.get("t")) for f in self.sent[-10:]]
            raise TimeoutError(
                f"gateway: no {what} within {timeout}s (last received {got}, last sent {sent})"
            ) from None

    async def wait_for_received(
        self, op: int, *, start: int = 0, timeout: float = 5.0
    ) -> dict[str, Any]:
        """The first frame with ``op`` the client sent from index ``start`` of ``received``."""

        def pick() -> dict[str, Any] | None:
            return next((f for f in self.received[start:] if f.get("op") == op), None)

        return await self._wait(pick, timeout, f"op {op} from the client")

    async def wait_for_sent(
        self, event: str | None = None, *, op: int = DISPATCH, start: int = 0, timeout: float = 5.0
    ) -> dict[str, Any]:
        """The first frame the stand-in sent (op, and event name for dispatches) from ``start``."""

        def pick() -> dict[str, Any] | None:
            return next(
                (
                    f
                    for f in self.sent[start:]
                    if f.get("op") == op and (event is None or f.get("t") == event)
                ),
                None,
            )

        return await self._wait(pick, timeout, f"sent op {op} {event or ''}".strip())

    async def wait_for_connections(self, count: int, *, timeout: float = 5.0) -> GatewayConnection:
        def pick() -> GatewayConnection | None:
            return self.connections[count - 1] if len(self.connections) >= count else None

        return await self._wait(pick, timeout, f"{count} connection(s)")

    # ---- sending ------------------------------------------------------------------------------

    async def _send(self, conn: GatewayConnection, frame: dict[str, Any]) -> bool:
        if not conn.open:
            return False
        async with conn.send_lock:
            try:
                await conn.ws.send_str(json.dumps(frame))
            except (ConnectionResetError, RuntimeError):
                return False
        self.sent.append(frame)
        await self._notify()
        return True

    async def _send_dispatch(
        self, session: GatewaySession, event: str, data: dict[str, Any]
    ) -> dict[str, Any]:
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        # Logged before sending so a RESUME replays it even if the socket is gone right now.
        session.sent_events.append(frame)
        if session.connection is not None:
            await self._send(session.connection, frame)
        return frame

    async def dispatch(
        self,
        event: str,
        data: dict[str, Any] | DataFactory,
        *,
        guild_id: int | None = None,
        intent: int | None = None,
    ) -> list[dict[str, Any]]:
        """Send an event to every live session that would get it; returns the frames made.

        ``intent`` drops sessions that did not ask for it, as Discord does; ``guild_id`` routes to
        the shard that owns the guild. ``data`` may be a per-session factory returning None to skip.
        """
        frames = []
        for session in self.live_sessions:
            if intent is not None and not session.has_intent(intent):
                continue
            if guild_id is not None and not session.owns_guild(guild_id):
                continue
            payload = data(session) if callable(data) else data
            if payload is None:
                continue
            frames.append(await self._send_dispatch(session, event, payload))
        return frames

    # ---- controls for tests -------------------------------------------------------------------

    def _current_connection(self) -> GatewayConnection:
        session = self.current_session
        if session is None or session.connection is None or not session.connection.open:
            raise RuntimeError("no identified gateway connection is open")
        return session.connection

    async def request_reconnect(self) -> None:
        """Op 7: the client should close and RESUME at resume_gateway_url."""
        await self._send(self._current_connection(), {"op": RECONNECT, "d": None})

    async def drop_connection(self, code: int = 4000) -> None:
        """Close the socket from the server side; 4000 is resumable, like a network blip."""
        conn = self._current_connection()
        await conn.ws.close(code=code, message=b"stand-in dropped the connection")

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Op 9. Not resumable: discord.py forgets the session and IDENTIFYs afresh."""
        conn = self._current_connection()
        if not resumable and conn.session is not None:
            conn.session.invalidated = True
        await self._send(conn, {"op": INVALID_SESSION, "d": resumable})

    # ---- the websocket handler ------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        conn = GatewayConnection(
            index=len(self.connections), path=request.path, query=dict(request.query), ws=ws
        )
        self.connections.append(conn)
        await self._notify()
        await self._send(
            conn, {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
        )
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                frame["_connection"] = conn.index
                self.received.append(frame)
                await self._notify()
                await self._on_frame(conn, frame)
        finally:
            conn.close_code = ws.close_code
            if conn.session is not None and conn.session.connection is conn:
                conn.session.connection = None
            await self._notify()
        return ws

    async def _on_frame(self, conn: GatewayConnection, frame: dict[str, Any]) -> None:
        op = frame.get("op")
        data = frame.get("d")
        if op == HEARTBEAT:
            await self._send(conn, {"op": HEARTBEAT_ACK, "d": None})
        elif op == IDENTIFY:
            await self._identify(conn, data or {})
        elif op == RESUME:
            await self._resume(conn, data or {})
        elif op == REQUEST_GUILD_MEMBERS:
            await self._members_chunk(conn, data or {})

    def _token_ok(self, token: str | None) -> bool:
        expected = self.standin.token
        return expected is None or token == expected

    async def _identify(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if not self._token_ok(data.get("token")):
            await conn.ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        world = self.standin.world
        if intents & PRIVILEGED_INTENTS & ~world.allowed_privileged_intents():
            await conn.ws.close(code=CLOSE_DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return
        shard = data.get("shard")
        session = GatewaySession(
            session_id=uuid.uuid4().hex,
            identify=data,
            intents=intents,
            shard=(int(shard[0]), int(shard[1])) if shard else None,
        )
        self.sessions[session.session_id] = session
        session.connection = conn
        conn.session = session
        guilds = [g for g in world.guilds if session.owns_guild(g.id)]
        ready = {
            "v": 10,
            "user": bot_user_payload(world),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.standin.resume_gateway_url,
            "application": {"id": str(world.application_id), "flags": world.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "_trace": ["discord-standin"],
        }
        if shard:
            ready["shard"] = list(shard)
        await self._send_dispatch(session, "READY", ready)
        if session.has_intent(Intent.GUILDS):
            for guild in guilds:
                await self._send_dispatch(
                    session, "GUILD_CREATE", guild.to_payload(bot_id=world.bot.id)
                )

    async def _resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        reject = self.reject_next_resume
        self.reject_next_resume = False
        if (
            reject
            or session is None
            or session.invalidated
            or not self._token_ok(data.get("token"))
        ):
            if session is not None:
                session.invalidated = True
            await self._send(conn, {"op": INVALID_SESSION, "d": False})
            return
        old = session.connection
        session.connection = conn
        conn.session = session
        session.resumes += 1
        if old is not None and old is not conn and old.open:
            with contextlib.suppress(Exception):
                await old.ws.close(code=4000)
        last_seq = int(data.get("seq") or 0)
        for frame in list(session.sent_events):
            if frame["s"] > last_seq:
                await self._send(conn, frame)
        await self._send_dispatch(session, "RESUMED", {"_trace": ["discord-standin"]})

    async def _members_chunk(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        session = conn.session
        if session is None:
            return
        raw_id = data["guild_id"]
        guild_id = int(raw_id[0] if isinstance(raw_id, list) else raw_id)
        try:
            guild = self.standin.world.guild(guild_id)
        except KeyError:
            return
        members = guild.members
        not_found: list[str] = []
        if data.get("user_ids"):
            wanted = {int(u) for u in data["user_ids"]}
            members = [m for m in members if m.user.id in wanted]
            found = {m.user.id for m in members}
            not_found = [str(u) for u in wanted - found]
        elif data.get("query"):
            query = str(data["query"]).lower()
            members = [m for m in members if m.user.username.lower().startswith(query)]
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: dict[str, Any] = {
            "guild_id": str(guild_id),
            "members": [m.to_payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": not_found,
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self._send_dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    async def close_all(self) -> None:
        for conn in self.connections:
            if conn.open:
                with contextlib.suppress(Exception):
                    await conn.ws.close(code=1001, message=b"stand-in stopping")
