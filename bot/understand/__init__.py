from bot.understand.index import AliasIndex
from bot.understand.parse import Understander

__all__ = ["AliasIndex", "Understander"]
