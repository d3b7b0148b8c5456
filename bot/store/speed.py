"""Store queries for the speed probe: its run log, what it spent, and figures loaded from other
operators' published files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.store.connection import Database, now_iso


@dataclass(frozen=True)
class RunRecord:
    """One run as the log keeps it, measured or not."""

    at: str
    model_id: str
    endpoint: str
    provider: str
    endpoint_model: str
    prompt: str
    status: str  # "ok", or "failed" with the reason in detail
    detail: str | None = None
    ttft: float | None = None
    output_speed: float | None = None
    output_tokens: int | None = None
    prompt_tokens: int | None = None
    tokens_from: str | None = None
    upstream: str | None = None
    cost_usd: float = 0.0


_RUN_COLS = (
    "at, model_id, endpoint, provider, endpoint_model, prompt, status, detail, ttft, "
    "output_speed, output_tokens, prompt_tokens, tokens_from, upstream, cost_usd"
)


class SpeedRuns:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def record_speed_run(self, run: RunRecord) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                f"INSERT INTO speed_runs ({_RUN_COLS}) VALUES ({', '.join('?' * 15)})",
                (
                    run.at,
                    run.model_id,
                    run.endpoint,
                    run.provider,
                    run.endpoint_model,
                    run.prompt,
                    run.status,
                    run.detail,
                    run.ttft,
                    run.output_speed,
                    run.output_tokens,
                    run.prompt_tokens,
                    run.tokens_from,
                    run.upstream,
                    run.cost_usd,
                ),
            )

    async def speed_runs(
        self, *, since: str | None = None, ok_only: bool = False, limit: int | None = None
    ) -> list[RunRecord]:
        """Runs oldest first (the latest `limit` of them)."""
        async with self._db.reading() as db:
            where, args = [], []
            if since is not None:
                where.append("at >= ?")
                args.append(since)
            if ok_only:
                where.append("status = 'ok'")
            sql = f"SELECT {_RUN_COLS} FROM speed_runs"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " ORDER BY at DESC, id DESC"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            async with db.execute(sql, args) as cur:
                rows = await cur.fetchall()
            return [RunRecord(*r) for r in reversed(list(rows))]

    async def speed_spent_since(self, since: str) -> float:
        async with self._db.reading() as db:
            async with db.execute(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM speed_runs WHERE at >= ?", (since,)
            ) as cur:
                row = await cur.fetchone()
            return float(row[0]) if row else 0.0

    async def has_speed_data(self) -> bool:
        """Whether any figure can be published: a measured run, or a loaded figure."""
        async with self._db.reading() as db:
            async with db.execute(
                "SELECT EXISTS (SELECT 1 FROM speed_runs WHERE status = 'ok') "
                "OR EXISTS (SELECT 1 FROM speed_imports)"
            ) as cur:
                row = await cur.fetchone()
            return bool(row and row[0])

    async def save_speed_imports(self, figures: Sequence[dict[str, Any]], origin: str) -> None:
        """Published figures as loaded (each a Figure's JSON): a newer file from the same
        publisher replaces that publisher's figure for the model and conditions."""
        async with self._db.transaction() as db:
            now = now_iso()
            await db.executemany(
                "INSERT INTO speed_imports (measured_by, model_id, endpoint, prompt, figure, "
                "loaded_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(measured_by, model_id, endpoint, prompt) DO UPDATE SET "
                "figure = excluded.figure, loaded_at = excluded.loaded_at, origin = excluded.origin",
                [
                    (
                        f["measurement"]["measured_by"],
                        f["model"],
                        f["measurement"]["endpoint"],
                        f["measurement"]["prompt"],
                        json.dumps(f, sort_keys=True),
                        now,
                        origin,
                    )
                    for f in figures
                ],
            )

    async def speed_imports(self) -> list[dict[str, Any]]:
        async with (
            self._db.reading() as db,
            db.execute(
                "SELECT figure FROM speed_imports ORDER BY model_id, measured_by, endpoint, prompt"
            ) as cur,
        ):
            return [json.loads(r[0]) async for r in cur]


def day_start(now: dt.datetime | None = None) -> str:
    """The start of the current UTC day, as stored times are written (the budget's day)."""
    now = now or dt.datetime.now(dt.UTC)
    return dt.datetime.combine(now.date(), dt.time(), dt.UTC).isoformat(timespec="seconds")
