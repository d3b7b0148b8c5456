"""Free text -> Query: the message read into a record (reading.py), the intent decided from it
(decide.py), and how sure that is. A long message is read through a window of its sentences
that can hold the question (bot.understand.text.window)."""

from __future__ import annotations

import datetime as dt
import functools

from bot.query import Query
from bot.understand.common import COMMON_WORDS
from bot.understand.decide import confidence, decide
from bot.understand.index import AliasIndex
from bot.understand.reading import read
from bot.understand.text import window
from bot.understand.topics import find_category, find_metric
from bot.understand.vocabulary import CUE_WORDS, MAKER_WORDS

__all__ = ["Understander", "find_category", "find_metric"]

# Words that mark a sentence of a long message as a request: what it asks about, and how
_ASKS = (
    "top best cheapest fastest lowest highest biggest strongest smartest help models model llm "
    "llms compare rank ranking leaderboard changelog changes changed new"
)
_WINDOW_CUES = frozenset(w for w in CUE_WORDS if len(w) >= 4 and w not in COMMON_WORDS) | frozenset(
    _ASKS.split()
)


class Understander:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index

    def window(self, text: str) -> str:
        """What of a message is read: all of a short one, the sentences of a long one that can
        hold its question."""
        return window(text[:4000], self._name_words, _WINDOW_CUES)

    @functools.cached_property
    def _name_words(self) -> frozenset[str]:
        names = self.index.aliases
        words = names.families | frozenset(names.nicknames) | names.bag_words
        words |= frozenset(MAKER_WORDS)
        return frozenset(w for w in words if len(w) >= 3 and w not in COMMON_WORDS)

    def parse(self, text: str, today: dt.date | None = None) -> Query:
        whole = text[:4000]
        reading = read(self.window(whole), today, self.index)
        q = decide(reading)
        q.text = whole
        q.confidence = confidence(q.intent, reading)
        return q
