"""The SQLite store, through aiosqlite: one facade over small repositories that share one
database file (WAL, foreign keys on, versioned migrations; see `connection` for who may write
when)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import aiosqlite

from bot.store.alerts import ChangeLog, Outbox, Subscriptions
from bot.store.channels import ChannelSettings
from bot.store.connection import Database, StoreError
from bot.store.snapshots import (
    KEEP_SNAPSHOTS,
    LoadResult,
    SnapshotInfo,
    Snapshots,
    content_hash,
)
from bot.store.sources import SourceStates
from bot.store.speed import SpeedRuns

__all__ = [
    "KEEP_SNAPSHOTS",
    "LoadResult",
    "SnapshotInfo",
    "Store",
    "StoreError",
    "content_hash",
]


class Store:
    """Everything the bot keeps. Each method below belongs to one repository, a small class
    over one part of the schema; callers hold this one object."""

    def __init__(self, path: Path) -> None:
        # About 60 lines: each repository on the one connection, and the facade's names for
        # their methods; a list rather than logic.
        self.path = Path(path)
        self._database = database = Database(self.path)

        # catalog snapshots: bot.store.snapshots
        snapshots = self._snapshots = Snapshots(database)
        self.load_catalog = snapshots.load
        self.insert_snapshot = snapshots.insert
        self.read_catalog = snapshots.read
        self.snapshot_info = snapshots.info
        self.snapshot_ids = snapshots.ids
        self.current_snapshot_id = snapshots.current_id

        # where the bot listens without a mention: bot.store.channels
        channels = self._channels = ChannelSettings(database)
        self.set_listen = channels.set_listen
        self.listening_channels = channels.listening_channels

        # each data source's last good copy and last check: bot.store.sources
        sources = self._sources = SourceStates(database)
        self.source_states = sources.source_states
        self.source_part = sources.source_part
        self.save_source_state = sources.save_source_state

        # refresh runs, the change log, held changes and alerts: bot.store.alerts
        changes = self._changes = ChangeLog(database)
        self.start_run = changes.start_run
        self.finish_run = changes.finish_run
        self.record_changes = changes.record_changes
        self.list_changes = changes.list_changes
        self.pending = changes.pending
        self.put_pendings = changes.put_pendings
        self.bump_pendings = changes.bump_pendings
        self.drop_pendings = changes.drop_pendings
        self.record_alerts = changes.record_alerts

        # channels' subscriptions to digests: bot.store.alerts
        subscriptions = self._subscriptions = Subscriptions(database)
        self.subscribe = subscriptions.subscribe
        self.unsubscribe = subscriptions.unsubscribe
        self.subscription = subscriptions.subscription
        self.subscriptions = subscriptions.subscriptions
        self.delivery_failed = subscriptions.delivery_failed
        self.delivery_ok = subscriptions.delivery_ok

        # digests queued for delivery: bot.store.alerts
        speed = self._speed = SpeedRuns(database)
        self.record_speed_run = speed.record_speed_run
        self.speed_runs = speed.speed_runs
        self.speed_spent_since = speed.speed_spent_since
        self.has_speed_data = speed.has_speed_data
        self.save_speed_imports = speed.save_speed_imports
        self.speed_imports = speed.speed_imports

        outbox = self._outbox = Outbox(database)
        self.enqueue = outbox.enqueue
        self.outbox = outbox.outbox
        self.outbox_status = outbox.outbox_status
        self.mark_sending = outbox.mark_sending
        self.mark_sent = outbox.mark_sent
        self.mark_failed = outbox.mark_failed
        self.mark_unsure = outbox.mark_unsure
        self.mark_retry = outbox.mark_retry

    async def open(self) -> Store:
        await self._database.open()
        return self

    async def close(self) -> None:
        await self._database.close()

    async def __aenter__(self) -> Store:
        return await self.open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        """The connection that writes (for a statement of the caller's own)."""
        return self._database.writer

    def transaction(self) -> contextlib.AbstractAsyncContextManager[aiosqlite.Connection]:
        """One write transaction: everything inside lands, or nothing does."""
        return self._database.transaction()

    async def schema_version(self) -> int:
        async with (
            self._database.reading() as db,
            db.execute("PRAGMA user_version") as cur,
        ):
            row = await cur.fetchone()
        return int(row[0]) if row else 0
