from bot.store.db import LoadResult, Store, StoreError

__all__ = ["LoadResult", "Store", "StoreError"]
