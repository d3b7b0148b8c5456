"""The database file and who may use it when.

Two connections: a writer and a reader. Writes go through `transaction()`, which lets one task
at a time write and makes everything it writes land together or not at all. Reads go through
`reading()`: inside the task's own transaction they use the writer, so they see what it has
written so far; anywhere else they use the reader, which sees the last committed state (WAL), so
a read never waits for a write and never sees one half done.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiosqlite

from bot.store.migrations import MigrationError, migrate


class StoreError(Exception):
    """The database cannot be used (wrong file, newer schema, unwritable path)."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _TaskLock:
    """An asyncio lock that the task holding it may enter again, as a no-op."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._holder: asyncio.Task[object] | None = None

    def held(self) -> bool:
        return self._holder is not None and self._holder is asyncio.current_task()

    @contextlib.asynccontextmanager
    async def hold(self) -> AsyncIterator[bool]:
        """Yields whether this entry took the lock (False: the task already held it)."""
        if self.held():
            yield False
            return
        async with self._lock:
            self._holder = asyncio.current_task()
            try:
                yield True
            finally:
                self._holder = None


async def _connect(path: Path) -> aiosqlite.Connection:
    db = await aiosqlite.connect(path, isolation_level=None)
    db.row_factory = aiosqlite.Row
    return db


class Database:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._writing = _TaskLock()
        self._reading = _TaskLock()
        self._on_commit: list[Callable[[], None]] = []

    async def open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = await _connect(self.path)
        except (OSError, aiosqlite.Error) as err:
            raise StoreError(
                f"cannot open the database at {self.path}: {err} (check DATABASE_PATH)"
            ) from None
        try:
            await self._writer.execute("PRAGMA journal_mode=WAL")
            await self._writer.execute("PRAGMA foreign_keys=ON")
            await self._writer.execute("PRAGMA busy_timeout=5000")
            await migrate(self._writer, self.path)
            self._reader = await _connect(self.path)
            await self._reader.execute("PRAGMA busy_timeout=5000")
            await self._reader.execute("PRAGMA query_only=ON")
        except MigrationError as err:
            await self.close()
            raise StoreError(str(err)) from None
        except aiosqlite.DatabaseError as err:
            await self.close()
            raise StoreError(
                f"{self.path} is not a usable SQLite database ({err}); point DATABASE_PATH "
                "at another file or remove this one"
            ) from None

    async def close(self) -> None:
        for db in (self._reader, self._writer):
            if db is not None:
                await db.close()
        self._reader = self._writer = None

    @property
    def writer(self) -> aiosqlite.Connection:
        if self._writer is None:
            raise StoreError("the store is not open")
        return self._writer

    @property
    def reader(self) -> aiosqlite.Connection:
        if self._reader is None:
            raise StoreError("the store is not open")
        return self._reader

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction: everything inside lands, or nothing does. Another task's
        writes wait for it; a write inside it from the same task is part of it."""
        async with self._writing.hold() as ours:
            db = self.writer
            if not ours:
                yield db
                return
            await db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                await db.execute("COMMIT")
            except BaseException:
                self._on_commit.clear()
                if db.in_transaction:  # a failed COMMIT may have ended it already
                    await db.execute("ROLLBACK")
                raise
            done, self._on_commit = self._on_commit, []
            for callback in done:
                callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the current transaction commits (never, if it rolls back)."""
        if not self._writing.held():
            raise RuntimeError("after_commit outside this task's transaction")
        self._on_commit.append(callback)

    @contextlib.asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """A connection to read from; several reads inside one `reading()` see one state."""
        if self._writing.held():
            yield self.writer
            return
        async with self._reading.hold() as ours:
            db = self.reader
            if not ours:
                yield db
                return
            await db.execute("BEGIN")
            try:
                yield db
            finally:
                await db.execute("COMMIT")
