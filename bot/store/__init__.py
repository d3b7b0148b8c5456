from bot.store.alerts import OutboxRow, Subscription
from bot.store.db import LoadResult, SnapshotInfo, Store, StoreError

__all__ = ["LoadResult", "OutboxRow", "SnapshotInfo", "Store", "StoreError", "Subscription"]
