"""Versioned schema migrations: the numbered `.sql` files beside this module, applied in order;
`PRAGMA user_version` records the last one applied.

Migration N is `NNNN_what_it_does.sql`. Each runs in a transaction of its own, with the version
bump, so a database is always at one version or the next, never in between. A file is split into
statements at each `;` (so no triggers), after its `--` comment lines are dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class MigrationError(Exception):
    """The database's schema is one this code cannot bring up to date."""


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        lines = [line for line in self.sql.splitlines() if not line.lstrip().startswith("--")]
        return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _load() -> list[Migration]:
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if not found or numbers != list(range(1, len(found) + 1)):
        # a package built without its .sql files, or two branches that each added "the next"
        raise RuntimeError(
            f"the migrations beside {__file__} must be numbered 1, 2, 3, ... without gaps; "
            f"found {numbers}"
        )
    return found


MIGRATIONS: list[Migration] = _load()


async def _version(db: aiosqlite.Connection) -> int:
    async with db.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, path: Path) -> None:
    """Bring the database at `path` (open as `db`, in autocommit) up to the latest migration."""
    migrations = MIGRATIONS
    version = await _version(db)
    if version > len(migrations):
        raise MigrationError(
            f"{path} has schema version {version}, newer than this code knows "
            f"({len(migrations)}): upgrade the bot or use another DATABASE_PATH"
        )
    for migration in migrations[version:]:
        await db.execute("BEGIN IMMEDIATE")
        # Another process may have migrated while this one waited for the lock.
        if await _version(db) >= migration.number:
            await db.execute("COMMIT")
            continue
        log.info("applying database migration %d", migration.number)
        try:
            for statement in migration.statements():
                await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {migration.number}")
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
