"""The alert side of the store: refresh runs and the change log (with changes held until they
are confirmed, and the alerts they became), channels' subscriptions, and the delivery outbox."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import aiosqlite

from bot.store.connection import Database, now_iso

__all__ = ["ChangeLog", "OutboxRow", "Outbox", "Subscription", "Subscriptions", "now_iso"]


class ChangeLike(Protocol):
    """A change as the diff describes one (bot.alerts.diff.Change)."""

    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def model_id(self) -> str | None: ...
    @property
    def scope(self) -> str | None: ...
    @property
    def old(self) -> Any: ...
    @property
    def new(self) -> Any: ...
    @property
    def delta(self) -> float | None: ...


C = TypeVar("C", bound=ChangeLike)


class ChangeLog:
    """Refresh runs, the changes each found, changes held until confirmed, and alerts."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def start_run(self, sources: list[str], snapshot_before: int | None) -> int:
        async with self._db.transaction() as db:
            cur = await db.execute(
                "INSERT INTO refresh_runs (started_at, snapshot_before, sources) VALUES (?, ?, ?)",
                (now_iso(), snapshot_before, json.dumps(sources)),
            )
        assert cur.lastrowid is not None  # an INSERT into a rowid table
        return cur.lastrowid

    async def finish_run(
        self, run_id: int, snapshot_after: int | None, changes: int, alerts: int
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE refresh_runs SET finished_at = ?, snapshot_after = ?, changes = ?, "
                "alerts = ? WHERE id = ?",
                (now_iso(), snapshot_after, changes, alerts, run_id),
            )

    async def record_changes(
        self, run_id: int, at: str, changes: list[C]
    ) -> dict[str, tuple[C, int]]:
        """Record a run's changes in one statement; each change's key -> (change, its row id)."""
        if not changes:
            return {}
        async with self._db.transaction() as db:
            await db.executemany(
                "INSERT INTO changes (run_id, at, kind, key, model_id, scope, old, new, delta, "
                "text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run_id,
                        at,
                        c.kind,
                        c.key,
                        c.model_id,
                        c.scope,
                        json.dumps(c.old),
                        json.dumps(c.new),
                        c.delta,
                        c.text,
                    )
                    for c in changes
                ],
            )
            async with db.execute("SELECT key, id FROM changes WHERE run_id = ?", (run_id,)) as cur:
                ids = {r[0]: int(r[1]) for r in await cur.fetchall()}
        return {c.key: (c, ids[c.key]) for c in changes}

    async def list_changes(
        self, since: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT c.*, EXISTS(SELECT 1 FROM alerts a WHERE a.change_id = c.id) AS alerted "
            "FROM changes c"
        )
        args: tuple[Any, ...] = ()
        if since:
            sql += " WHERE c.at >= ?"
            args = (since,)
        sql += " ORDER BY c.id DESC LIMIT ?"
        async with self._db.reading() as db, db.execute(sql, (*args, limit)) as cur:
            rows = [dict(r) async for r in cur]
        for r in rows:
            r["old"], r["new"] = json.loads(r["old"]), json.loads(r["new"])
            r["alerted"] = bool(r["alerted"])
        return rows

    async def pending(self) -> dict[str, dict[str, Any]]:
        async with self._db.reading() as db, db.execute("SELECT * FROM pending_alerts") as cur:
            return {r["key"]: dict(r) for r in await cur.fetchall()}

    async def put_pendings(self, rows: list[tuple[str, int, Any, Any, int]], run_id: int) -> None:
        """Hold changes until confirmed: (key, change id, baseline, value, count) each."""
        async with self._db.transaction() as db:
            await db.executemany(
                "INSERT INTO pending_alerts (key, change_id, baseline, value, count, first_run, "
                "last_run) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                "change_id = excluded.change_id, value = excluded.value, count = excluded.count, "
                "last_run = excluded.last_run",
                [
                    (key, cid, json.dumps(baseline), json.dumps(value), count, run_id, run_id)
                    for key, cid, baseline, value, count in rows
                ],
            )

    async def bump_pendings(self, keys: list[str], run_id: int) -> None:
        async with self._db.transaction() as db:
            await db.executemany(
                "UPDATE pending_alerts SET count = count + 1, last_run = ? WHERE key = ?",
                [(run_id, k) for k in keys],
            )

    async def drop_pendings(self, keys: list[str]) -> None:
        async with self._db.transaction() as db:
            await db.executemany("DELETE FROM pending_alerts WHERE key = ?", [(k,) for k in keys])

    async def record_alerts(
        self, confirmed: list[tuple[int, ChangeLike]], run_id: int
    ) -> list[dict[str, Any]]:
        """Confirmed changes (change id, net change), in one statement; as digest items."""
        at = now_iso()
        async with self._db.transaction() as db:
            await db.executemany(
                "INSERT INTO alerts (change_id, run_id, at, kind, key, text, old, new, delta) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        cid,
                        run_id,
                        at,
                        c.kind,
                        c.key,
                        c.text,
                        json.dumps(c.old),
                        json.dumps(c.new),
                        c.delta,
                    )
                    for cid, c in confirmed
                ],
            )
        return [
            {
                "kind": c.kind,
                "key": c.key,
                "text": c.text,
                "old": c.old,
                "new": c.new,
                "delta": c.delta,
            }
            for _, c in confirmed
        ]


@dataclass(frozen=True)
class Subscription:
    id: int
    guild_id: int | None
    channel_id: int
    kinds: tuple[str, ...]
    min_delta: float
    status: str
    failures: int
    last_error: str | None
    last_failure_at: str | None = None

    @classmethod
    def from_row(cls, r: aiosqlite.Row) -> Subscription:
        return cls(
            r["id"],
            r["guild_id"],
            r["channel_id"],
            tuple(json.loads(r["kinds"])),
            r["min_delta"],
            r["status"],
            r["failures"],
            r["last_error"],
            r["last_failure_at"],
        )


class Subscriptions:
    """Which channels get digests of which kinds of change, and how delivery to each is going."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def subscribe(
        self,
        guild_id: int | None,
        channel_id: int,
        kinds: list[str],
        min_delta: float,
        user_id: int | None,
    ) -> Subscription:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO subscriptions (guild_id, channel_id, kinds, min_delta, created_by, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET "
                "kinds = excluded.kinds, min_delta = excluded.min_delta, status = 'active', "
                "failures = 0, last_error = NULL",
                (guild_id, channel_id, json.dumps(kinds), min_delta, user_id, now_iso()),
            )
            sub = await self.subscription(channel_id)
        assert sub is not None  # just written, in this transaction
        return sub

    async def unsubscribe(self, channel_id: int) -> bool:
        async with self._db.transaction() as db:
            cur = await db.execute("DELETE FROM subscriptions WHERE channel_id = ?", (channel_id,))
        return cur.rowcount > 0

    async def subscription(self, channel_id: int) -> Subscription | None:
        async with (
            self._db.reading() as db,
            db.execute("SELECT * FROM subscriptions WHERE channel_id = ?", (channel_id,)) as cur,
        ):
            r = await cur.fetchone()
        return Subscription.from_row(r) if r else None

    async def subscriptions(
        self, guild_id: int | None = None, status: str | None = None
    ) -> list[Subscription]:
        sql = "SELECT * FROM subscriptions WHERE 1 = 1"
        args: list[int | str] = []
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args.append(guild_id)
        if status is not None:
            sql += " AND status = ?"
            args.append(status)
        async with self._db.reading() as db, db.execute(sql + " ORDER BY id", args) as cur:
            return [Subscription.from_row(r) async for r in cur]

    async def delivery_failed(self, subscription_id: int, error: str, max_failures: int) -> str:
        """Count a failed delivery; returns the subscription's status after it.  One transaction:
        a channel is never left disabled with digests still queued for it."""
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE subscriptions SET failures = failures + 1, last_error = ?, "
                "last_failure_at = ?, status = CASE WHEN failures + 1 >= ? THEN 'disabled' "
                "ELSE 'failing' END WHERE id = ?",
                (error, now_iso(), max_failures, subscription_id),
            )
            async with db.execute(
                "SELECT status FROM subscriptions WHERE id = ?", (subscription_id,)
            ) as cur:
                r = await cur.fetchone()
            status: str = r[0] if r else "disabled"
            if status == "disabled":
                await db.execute(
                    "UPDATE outbox SET status = 'dropped', updated_at = ? "
                    "WHERE subscription_id = ? AND status IN ('pending', 'sending')",
                    (now_iso(), subscription_id),
                )
        return status

    async def delivery_ok(self, subscription_id: int) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE subscriptions SET failures = 0, last_error = NULL, status = 'active' "
                "WHERE id = ? AND status = 'failing'",
                (subscription_id,),
            )


@dataclass(frozen=True)
class OutboxRow:
    id: int
    subscription_id: int | None
    channel_id: int
    run_id: int | None
    part: int
    parts: int
    payload: dict[str, Any]
    status: str
    attempts: int
    created_at: str = ""  # when it was queued: its message, if any, was posted after this

    @classmethod
    def from_row(cls, r: aiosqlite.Row) -> OutboxRow:
        return cls(
            r["id"],
            r["subscription_id"],
            r["channel_id"],
            r["run_id"],
            r["part"],
            r["parts"],
            json.loads(r["payload"]),
            r["status"],
            r["attempts"],
            r["created_at"],
        )


class Outbox:
    """Digests queued for channels, and what became of each."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def enqueue(
        self,
        subscription_id: int | None,
        channel_id: int,
        run_id: int | None,
        payloads: list[dict[str, Any]],
    ) -> int:
        now = now_iso()
        queued = 0
        async with self._db.transaction() as db:
            for i, payload in enumerate(payloads):
                cur = await db.execute(
                    "INSERT OR IGNORE INTO outbox (subscription_id, channel_id, run_id, part, "
                    "parts, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        subscription_id,
                        channel_id,
                        run_id,
                        i,
                        len(payloads),
                        json.dumps(payload),
                        now,
                        now,
                    ),
                )
                queued += cur.rowcount
        return queued

    async def outbox(self, statuses: tuple[str, ...] = ("pending", "sending")) -> list[OutboxRow]:
        marks = ", ".join("?" for _ in statuses)
        async with (
            self._db.reading() as db,
            db.execute(
                f"SELECT * FROM outbox WHERE status IN ({marks}) ORDER BY id", statuses
            ) as cur,
        ):
            return [OutboxRow.from_row(r) async for r in cur]

    async def outbox_status(self, row_id: int) -> str | None:
        async with (
            self._db.reading() as db,
            db.execute("SELECT status FROM outbox WHERE id = ?", (row_id,)) as cur,
        ):
            r = await cur.fetchone()
        return r[0] if r else None

    async def _set(self, row_id: int, sets: str, *args: Any) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                f"UPDATE outbox SET {sets}, updated_at = ? WHERE id = ?", (*args, now_iso(), row_id)
            )

    async def mark_sending(self, row_id: int) -> None:
        await self._set(row_id, "status = 'sending', attempts = attempts + 1")

    async def mark_sent(self, row_id: int, message_id: int) -> None:
        await self._set(row_id, "status = 'sent', message_id = ?, last_error = NULL", message_id)

    async def mark_failed(self, row_id: int, error: str) -> None:
        await self._set(row_id, "status = 'failed', last_error = ?", error)

    async def mark_unsure(self, row_id: int, error: str) -> None:
        """Discord may or may not have taken it: stay "sending", so the next attempt looks first."""
        await self._set(row_id, "last_error = ?", error)

    async def mark_retry(self, row_id: int, error: str) -> None:
        await self._set(row_id, "status = 'pending', last_error = ?", error)
