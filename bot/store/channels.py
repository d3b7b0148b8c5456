"""Per-channel settings of the Discord bot: where it answers without being mentioned."""

from __future__ import annotations

from bot.store.connection import Database, now_iso


class ChannelSettings:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def set_listen(
        self, channel_id: int, guild_id: int | None, listen: bool, user_id: int | None
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO channel_settings (channel_id, guild_id, listen, updated_by, "
                "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET "
                "listen = excluded.listen, updated_by = excluded.updated_by, "
                "updated_at = excluded.updated_at",
                (channel_id, guild_id, int(listen), user_id, now_iso()),
            )

    async def listening_channels(self) -> set[int]:
        async with (
            self._db.reading() as db,
            db.execute("SELECT channel_id FROM channel_settings WHERE listen = 1") as cur,
        ):
            return {int(r[0]) async for r in cur}
