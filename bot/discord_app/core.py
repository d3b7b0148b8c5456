"""What every part of the Discord adapter answers from: the settings, the store, the engine over
the store's current snapshot, the chart cache and the channels that listen. Cogs, replies and
transformers reach it as `bot.core` (or `core_of(interaction)`); nothing below it knows Discord's
client."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord

from bot.alerts.refresh import RefreshReport, refresh, specs_from
from bot.discord_app.charts import ChartCache
from bot.engine import Engine
from bot.service import ensure_loaded, open_store, recent_changes
from bot.settings import Settings
from bot.store import Store

if TYPE_CHECKING:
    from bot.catalog.models import Catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shards:
    """Which guilds this process serves, by Discord's rule: a guild's shard is
    `(guild_id >> 22) % count`, and what belongs to no guild (DMs) is shard 0's."""

    count: int | None = None
    ids: tuple[int, ...] | None = None  # None: every shard runs in this process

    @classmethod
    def of(cls, settings: Settings) -> Shards:
        ids = tuple(settings.shard_ids) if settings.shard_ids is not None else None
        return cls(settings.shard_count, ids)

    def shard_of(self, guild_id: int | None) -> int:
        if guild_id is None or not self.count:
            return 0
        return (guild_id >> 22) % self.count

    def serves(self, guild_id: int | None) -> bool:
        return self.ids is None or self.shard_of(guild_id) in self.ids

    @property
    def leads(self) -> bool:
        """The one process that does what must happen once, whatever the number of processes
        (refreshing the data): the one that runs shard 0."""
        return self.serves(None)


async def _engine_for(store: Store, catalog: Catalog) -> Engine:
    """An engine over `catalog`, which the store holds as its current snapshot, with the change
    log; built in a thread (a large catalog takes seconds)."""
    info = await store.snapshot_info()
    changes = await recent_changes(store)
    return await asyncio.to_thread(Engine, catalog, info.loaded_at if info else None, changes)


class Core:
    def __init__(
        self, settings: Settings, store: Store, engine: Engine, listening: set[int]
    ) -> None:
        self.settings = settings
        self.store = store
        self.engine = engine
        self.listening = listening  # channels that are answered without a mention
        self.charts = ChartCache(workers=settings.chart_workers)
        self.shards = Shards.of(settings)

    @classmethod
    async def open(cls, settings: Settings) -> Core:
        """Open the store (loading the shipped data when it needs it) and build the engine."""
        store = await open_store(settings)
        try:
            catalog = await ensure_loaded(store, settings)
            engine = await _engine_for(store, catalog)
            listening = await store.listening_channels()
        except BaseException:
            await store.close()
            raise
        return cls(settings, store, engine, listening)

    async def reload(self, catalog: Catalog | None = None) -> None:
        """Answer from what the store holds now: a new engine when its snapshot is not the one
        answered from (or over `catalog`, just stored by a refresh), and the latest change log
        in any case. The one place an engine is replaced."""
        if catalog is None:
            info = await self.store.snapshot_info()
            if info is None or info.loaded_at == self.engine.context.loaded_at:
                changes = tuple(await recent_changes(self.store))
                if changes != self.engine.context.changes:  # a new log empties the answer cache
                    self.engine.with_changes(changes)
                return
            catalog = await self.store.read_catalog()
            if catalog is None:
                return
        self.engine = await _engine_for(self.store, catalog)
        info = await self.store.snapshot_info()
        if info is not None:
            log.info("answering from snapshot %d (%s)", info.id, info.origin)

    async def newer_snapshot(self) -> bool:
        """Whether the store holds another snapshot than the one answered from (`python -m bot
        data load`, or a refresh by another process)."""
        info = await self.store.snapshot_info()
        return info is not None and info.loaded_at != self.engine.context.loaded_at

    async def refresh(self) -> RefreshReport:
        """One refresh run over the configured sources; a changed catalog is answered from at
        once. The digests it queues are the delivery's to send."""
        report = await refresh(self.store, self.settings, specs_from(self.settings))
        await self.reload(report.catalog)
        return report

    async def set_listening(
        self, channel_id: int, guild_id: int | None, on: bool, user_id: int
    ) -> None:
        await self.store.set_listen(channel_id, guild_id, on, user_id)
        if on:
            self.listening.add(channel_id)
        else:
            self.listening.discard(channel_id)

    async def close(self) -> None:
        await self.store.close()
        self.charts.close()


def core_of(interaction: discord.Interaction) -> Core:
    """The core behind the client an interaction came to (transformers and views get only the
    interaction)."""
    core = getattr(interaction.client, "core", None)
    if not isinstance(core, Core):
        raise RuntimeError("the client has no core: it was not started as the model bot")
    return core
