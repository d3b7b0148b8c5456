"""What the store keeps of each data source between refreshes: its last good copy (the saved
part), the validators that let a fetch skip an unchanged file, and how its last check went."""

from __future__ import annotations

from typing import Any

from bot.store.connection import Database, now_iso


class SourceStates:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def source_states(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Each source's state; `has_part` instead of its saved part, which can be a whole
        catalog (read it with `source_part`)."""
        async with (
            self._db.reading() as db,
            db.execute(
                "SELECT kind, location, etag, last_modified, digest, entries, fetched_at, "
                "checked_at, last_error, typeof(part) != 'null' AS has_part FROM source_state"
            ) as cur,
        ):
            return {(r["kind"], r["location"]): dict(r) for r in await cur.fetchall()}

    async def source_part(self, kind: str, location: str) -> str | None:
        async with (
            self._db.reading() as db,
            db.execute(
                "SELECT part FROM source_state WHERE kind = ? AND location = ?", (kind, location)
            ) as cur,
        ):
            row = await cur.fetchone()
        return row[0] if row else None

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
        async with self._db.transaction() as db:
            if part is not None:
                await db.execute(
                    "INSERT INTO source_state (kind, location, etag, last_modified, digest, "
                    "part, entries, fetched_at, checked_at, last_error) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
                    "ON CONFLICT(kind, location) DO UPDATE SET etag = excluded.etag, "
                    "last_modified = excluded.last_modified, digest = excluded.digest, "
                    "part = excluded.part, entries = excluded.entries, "
                    "fetched_at = excluded.fetched_at, checked_at = excluded.checked_at, "
                    "last_error = NULL",
                    (kind, location, etag, last_modified, digest, part, entries, now, now),
                )
            else:
                # Checked, not replaced: unchanged, not modified, or failed (keep the last
                # good part).
                await db.execute(
                    "INSERT INTO source_state (kind, location, checked_at, last_error) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(kind, location) DO UPDATE SET "
                    "checked_at = excluded.checked_at, last_error = excluded.last_error, "
                    "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)",
                    (kind, location, now, error, etag, last_modified),
                )
