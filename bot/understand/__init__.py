from bot.understand.index import AliasIndex
from bot.understand.parse import Query, Understander

__all__ = ["AliasIndex", "Query", "Understander"]
