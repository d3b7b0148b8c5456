"""Store queries for refreshes, the change log, subscriptions and the delivery outbox."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import aiosqlite

T = TypeVar("T")


def write(method: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    """A write on the shared connection: never interleaved with another task's transaction."""

    @functools.wraps(method)
    async def run(self: Any, *args: Any, **kwargs: Any) -> T:
        async with self.serialized():
            return await method(self, *args, **kwargs)

    return run


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


def _sub(r: aiosqlite.Row) -> Subscription:
    return Subscription(
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


class AlertsMixin:
    db: aiosqlite.Connection

    # -- sources -----------------------------------------------------------------------------

    @write
    async def source_states(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Each source's state; `has_part` instead of its saved part, which can be a whole
        catalog (read it with `source_part`)."""
        async with self.db.execute(
            "SELECT kind, location, etag, last_modified, digest, entries, fetched_at, "
            "checked_at, last_error, "
            "typeof(part) != 'null' AS has_part FROM source_state"
        ) as cur:
            return {(r["kind"], r["location"]): dict(r) for r in await cur.fetchall()}

    @write
    async def source_part(self, kind: str, location: str) -> str | None:
        async with self.db.execute(
            "SELECT part FROM source_state WHERE kind = ? AND location = ?", (kind, location)
        ) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    @write
    async def save_source_state(
        self,
        kind: str,
        location: str,
        *,
        etag: str | None,
        last_modified: str | None,
        digest: str | None,
        part: str | None,
        error: str | None,
        entries: int | None = None,
    ) -> None:
        now = now_iso()
        if part is not None:
            await self.db.execute(
                "INSERT INTO source_state (kind, location, etag, last_modified, digest, part, "
                "entries, fetched_at, checked_at, last_error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
                "ON CONFLICT(kind, location) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, digest = excluded.digest, "
                "part = excluded.part, entries = excluded.entries, "
                "fetched_at = excluded.fetched_at, checked_at = excluded.checked_at, "
                "last_error = NULL",
                (kind, location, etag, last_modified, digest, part, entries, now, now),
            )
        else:
            # Checked, not replaced: unchanged, not modified, or failed (keep the last good part).
            await self.db.execute(
                "INSERT INTO source_state (kind, location, checked_at, last_error) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(kind, location) DO UPDATE SET "
                "checked_at = excluded.checked_at, last_error = excluded.last_error, "
                "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)",
                (kind, location, now, error, etag, last_modified),
            )

    # -- runs and changes ----------------------------------------------------------------------

    @write
    async def start_run(self, sources: list[str], snapshot_before: int | None) -> int:
        cur = await self.db.execute(
            "INSERT INTO refresh_runs (started_at, snapshot_before, sources) VALUES (?, ?, ?)",
            (now_iso(), snapshot_before, json.dumps(sources)),
        )
        return int(cur.lastrowid)

    @write
    async def finish_run(
        self, run_id: int, snapshot_after: int | None, changes: int, alerts: int
    ) -> None:
        await self.db.execute(
            "UPDATE refresh_runs SET finished_at = ?, snapshot_after = ?, changes = ?, alerts = ? "
            "WHERE id = ?",
            (now_iso(), snapshot_after, changes, alerts, run_id),
        )

    @write
    async def record_changes(
        self, run_id: int, at: str, changes: list[Any]
    ) -> dict[str, tuple[Any, int]]:
        """Record a run's changes in one statement; each change's key -> (change, its row id)."""
        if not changes:
            return {}
        await self.db.executemany(
            "INSERT INTO changes (run_id, at, kind, key, model_id, scope, old, new, delta, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        async with self.db.execute(
            "SELECT key, id FROM changes WHERE run_id = ?", (run_id,)
        ) as cur:
            ids = {r[0]: int(r[1]) for r in await cur.fetchall()}
        return {c.key: (c, ids[c.key]) for c in changes}

    @write
    async def list_changes(
        self, since: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        sql = "SELECT c.*, EXISTS(SELECT 1 FROM alerts a WHERE a.change_id = c.id) AS alerted FROM changes c"
        args: tuple[Any, ...] = ()
        if since:
            sql += " WHERE c.at >= ?"
            args = (since,)
        sql += " ORDER BY c.id DESC LIMIT ?"
        async with self.db.execute(sql, (*args, limit)) as cur:
            rows = [dict(r) async for r in cur]
        for r in rows:
            r["old"], r["new"], r["alerted"] = (
                json.loads(r["old"]),
                json.loads(r["new"]),
                bool(r["alerted"]),
            )
        return rows

    @write
    async def pending(self) -> dict[str, dict[str, Any]]:
        async with self.db.execute("SELECT * FROM pending_alerts") as cur:
            return {r["key"]: dict(r) for r in await cur.fetchall()}

    @write
    async def put_pendings(self, rows: list[tuple[str, int, Any, Any, int]], run_id: int) -> None:
        """Hold changes until confirmed: (key, change id, baseline, value, count) each."""
        await self.db.executemany(
            "INSERT INTO pending_alerts (key, change_id, baseline, value, count, first_run, last_run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET change_id = excluded.change_id, "
            "value = excluded.value, count = excluded.count, last_run = excluded.last_run",
            [
                (key, cid, json.dumps(baseline), json.dumps(value), count, run_id, run_id)
                for key, cid, baseline, value, count in rows
            ],
        )

    @write
    async def bump_pendings(self, keys: list[str], run_id: int) -> None:
        await self.db.executemany(
            "UPDATE pending_alerts SET count = count + 1, last_run = ? WHERE key = ?",
            [(run_id, k) for k in keys],
        )

    @write
    async def drop_pendings(self, keys: list[str]) -> None:
        await self.db.executemany("DELETE FROM pending_alerts WHERE key = ?", [(k,) for k in keys])

    @write
    async def change(self, change_id: int) -> dict[str, Any]:
        async with self.db.execute("SELECT * FROM changes WHERE id = ?", (change_id,)) as cur:
            r = await cur.fetchone()
        d = dict(r)
        d["old"], d["new"] = json.loads(d["old"]), json.loads(d["new"])
        return d

    @write
    async def record_alerts(
        self, confirmed: list[tuple[int, Any]], run_id: int
    ) -> list[dict[str, Any]]:
        """Confirmed changes (change id, net change), in one statement; as digest items."""
        at = now_iso()
        await self.db.executemany(
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

    # -- subscriptions -------------------------------------------------------------------------

    @write
    async def subscribe(
        self,
        guild_id: int | None,
        channel_id: int,
        kinds: list[str],
        min_delta: float,
        user_id: int | None,
    ) -> Subscription:
        await self.db.execute(
            "INSERT INTO subscriptions (guild_id, channel_id, kinds, min_delta, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET kinds = excluded.kinds, "
            "min_delta = excluded.min_delta, status = 'active', failures = 0, last_error = NULL",
            (guild_id, channel_id, json.dumps(kinds), min_delta, user_id, now_iso()),
        )
        sub = await self.subscription(channel_id)
        assert sub is not None
        return sub

    @write
    async def unsubscribe(self, channel_id: int) -> bool:
        cur = await self.db.execute("DELETE FROM subscriptions WHERE channel_id = ?", (channel_id,))
        return cur.rowcount > 0

    @write
    async def subscription(self, channel_id: int) -> Subscription | None:
        async with self.db.execute(
            "SELECT * FROM subscriptions WHERE channel_id = ?", (channel_id,)
        ) as cur:
            r = await cur.fetchone()
        return _sub(r) if r else None

    @write
    async def subscriptions(
        self, guild_id: int | None = None, status: str | None = None
    ) -> list[Subscription]:
        sql, args = "SELECT * FROM subscriptions WHERE 1 = 1", []
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args.append(guild_id)
        if status is not None:
            sql += " AND status = ?"
            args.append(status)
        async with self.db.execute(sql + " ORDER BY id", args) as cur:
            return [_sub(r) async for r in cur]

    @write
    async def delivery_failed(self, subscription_id: int, error: str, max_failures: int) -> str:
        """Count a failed delivery; returns the subscription's status after it.  One transaction:
        a channel is never left disabled with digests still queued for it."""
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            status = await self._delivery_failed(subscription_id, error, max_failures)
        except BaseException:
            await self.db.execute("ROLLBACK")
            raise
        await self.db.execute("COMMIT")
        return status

    async def _delivery_failed(self, subscription_id: int, error: str, max_failures: int) -> str:
        await self.db.execute(
            "UPDATE subscriptions SET failures = failures + 1, last_error = ?, last_failure_at = ?, "
            "status = CASE WHEN failures + 1 >= ? THEN 'disabled' ELSE 'failing' END WHERE id = ?",
            (error, now_iso(), max_failures, subscription_id),
        )
        async with self.db.execute(
            "SELECT status FROM subscriptions WHERE id = ?", (subscription_id,)
        ) as cur:
            r = await cur.fetchone()
        status = r[0] if r else "disabled"
        if status == "disabled":
            await self.db.execute(
                "UPDATE outbox SET status = 'dropped', updated_at = ? WHERE subscription_id = ? "
                "AND status IN ('pending', 'sending')",
                (now_iso(), subscription_id),
            )
        return status

    @write
    async def delivery_ok(self, subscription_id: int) -> None:
        await self.db.execute(
            "UPDATE subscriptions SET failures = 0, last_error = NULL, status = 'active' "
            "WHERE id = ? AND status = 'failing'",
            (subscription_id,),
        )

    # -- outbox --------------------------------------------------------------------------------

    @write
    async def enqueue(
        self,
        subscription_id: int | None,
        channel_id: int,
        run_id: int | None,
        payloads: list[dict[str, Any]],
    ) -> int:
        now = now_iso()
        n = 0
        for i, payload in enumerate(payloads):
            cur = await self.db.execute(
                "INSERT OR IGNORE INTO outbox (subscription_id, channel_id, run_id, part, parts, "
                "payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
            n += cur.rowcount
        return n

    @write
    async def outbox(self, statuses: tuple[str, ...] = ("pending", "sending")) -> list[OutboxRow]:
        marks = ", ".join("?" for _ in statuses)
        async with self.db.execute(
            f"SELECT * FROM outbox WHERE status IN ({marks}) ORDER BY id", statuses
        ) as cur:
            return [
                OutboxRow(
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
                async for r in cur
            ]

    @write
    async def outbox_status(self, row_id: int) -> str | None:
        async with self.db.execute("SELECT status FROM outbox WHERE id = ?", (row_id,)) as cur:
            r = await cur.fetchone()
        return r[0] if r else None

    @write
    async def mark_sending(self, row_id: int) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?",
            (now_iso(), row_id),
        )

    @write
    async def mark_sent(self, row_id: int, message_id: int) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, updated_at = ?, last_error = NULL WHERE id = ?",
            (message_id, now_iso(), row_id),
        )

    @write
    async def mark_failed(self, row_id: int, error: str) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?",
            (error, now_iso(), row_id),
        )

    @write
    async def mark_unsure(self, row_id: int, error: str) -> None:
        """Discord may or may not have taken it: stay "sending", so the next attempt looks first."""
        await self.db.execute(
            "UPDATE outbox SET last_error = ?, updated_at = ? WHERE id = ?",
            (error, now_iso(), row_id),
        )

    @write
    async def mark_retry(self, row_id: int, error: str) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'pending', last_error = ?, updated_at = ? WHERE id = ?",
            (error, now_iso(), row_id),
        )
