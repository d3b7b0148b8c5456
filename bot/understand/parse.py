"""Free text -> Query: the message read into a record (reading.py), the intent decided from it
(decide.py), and how sure that is."""

from __future__ import annotations

import datetime as dt

from bot.query import Query
from bot.understand.decide import confidence, decide
from bot.understand.index import AliasIndex
from bot.understand.reading import read
from bot.understand.topics import find_category, find_metric

__all__ = ["Understander", "find_category", "find_metric"]


class Understander:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index

    def parse(self, text: str, today: dt.date | None = None) -> Query:
        reading = read(text, today, self.index)
        q = decide(reading)
        q.confidence = confidence(q.intent, reading)
        return q
