"""The core in one object: a catalog's scoreboard, alias index and answer composer, rebuilt
whenever the catalog changes.  The console, the Discord bot and the tests all answer through it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.answers import Answer, Context, compose, render_text
from bot.answers.compose import METRIC_NAMES, options_unresolved
from bot.bulk import bulk
from bot.catalog.method import scoreboard_for
from bot.catalog.models import Catalog
from bot.query import Query
from bot.understand import AliasIndex, Understander
from bot.understand.lookup import ModelLookup


@dataclass(frozen=True)
class Reply:
    query: Query
    answer: Answer
    rendered: str | None = None  # the full text, when it was rendered already
    seconds: float = 0.0  # reading and composing (the text is rendered when first read)

    @functools.cached_property
    def text(self) -> str:
        """The whole answer as text, for the console, `ask` and the plain-text fallback; Discord
        sends the short form and renders sections when their buttons are pressed."""
        return self.rendered if self.rendered is not None else render_text(self.answer)

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.query.intent,
            "models": self.answer.models,
            "model_ids": self.answer.model_ids,
            "category": self.query.category,
            "metric": self.query.metric,
            "candidates": [c.name for c in self.answer.candidates],
            "short": self.answer.short.model_dump(mode="json") if self.answer.short else None,
            "filters": {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in self.query.filters.active().items()
            },
            "unknown": self.answer.unknown,
            "text": self.text,
            "answer": self.answer.model_dump(mode="json"),
            "ms": round(self.seconds * 1000, 3),
        }


ANSWERS_KEPT = 1024  # answers kept for repeated questions
ANSWER_TTL_S = 600.0  # ...for at most this long: "about 3 months ago" moves with the clock


class Engine:
    @bulk
    def __init__(
        self,
        catalog: Catalog,
        loaded_at: str | None = None,
        changes: Sequence[dict[str, Any]] = (),
        today: dt.date | None = None,
        answers_kept: int = ANSWERS_KEPT,
    ) -> None:
        """`changes`: the change log, newest first, as the store lists it; `today`: what
        answers about recency take for today (the wall clock when None); `answers_kept`: how
        many recent answers to keep for repeated questions (0: none)."""
        self.answers_kept = answers_kept
        self.catalog = catalog
        self.scoreboard = scoreboard_for(catalog)
        self.index = AliasIndex(self.scoreboard)
        self.understander = Understander(self.index)
        self.context = Context(self.scoreboard, loaded_at, tuple(changes), today=today)
        # Identifies this data for caches (charts): the data date plus its size is enough to
        # tell snapshots apart cheaply; the store's content hash is not needed here.
        self.version = (str(catalog.meta.data_as_of), loaded_at, len(catalog.scores))
        self.lookup = ModelLookup(self.index)
        self._answers: OrderedDict[tuple, tuple[float, Answer]] = OrderedDict()
        # Fill the per-catalog tables now, while the engine is built off the event loop.
        for metric in METRIC_NAMES:
            self.context.by_metric(metric)
        for category in (None, *(c.id for c in catalog.categories)):
            for open_weights in (False, True):
                self.context.qualifying(category, open_weights)
        self.context.same_name("")

    def ask(self, text: str) -> Reply:
        start = time.perf_counter()
        query = self.understander.parse(text)
        asked: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
        if query.intent in ("not_found", "clarify"):
            # each name that is no one model, with its own candidates, so the reply can offer
            # them name by name (and a family named beside an unknown name is not dropped)
            asked = tuple(
                (x.kind, x.text, tuple(x.candidates))
                for x in self.index.find(self.understander.window(text))[1]
                if x.kind in ("unknown", "family")
            )
        answer = self._composed(query, asked)
        return Reply(query, answer, None, time.perf_counter() - start)

    def answer_query(self, query: Query) -> Answer:
        return self._composed(query, ())

    def _composed(self, query: Query, asked: tuple) -> Answer:
        """The answer for a reading, kept a while: a busy channel asks the same things, and the
        same reading of the same data gets the same answer. Not the change log, whose window
        moves with the clock."""
        if query.intent in ("changes", "none", "help") or not self.answers_kept:
            return compose(query, self.context, asked)
        key = (
            query.intent,
            tuple(query.models),
            query.category,
            query.metric,
            query.count,
            query.open_weights,
            tuple(sorted(query.filters.active().items())),
            tuple(query.candidates),
            tuple(query.unknown),
            tuple(query.dropped),
            asked,
        )
        now = time.monotonic()
        hit = self._answers.get(key)
        if hit is not None and now - hit[0] < ANSWER_TTL_S:
            self._answers.move_to_end(key)
            return hit[1]
        answer = compose(query, self.context, asked)
        self._answers[key] = (now, answer)
        if len(self._answers) > self.answers_kept:
            self._answers.popitem(last=False)
        return answer

    def with_changes(self, changes: Sequence[dict[str, Any]]) -> None:
        """A newer change log for the same data (the context is otherwise unchanged)."""
        self.context = dataclasses.replace(self.context, changes=tuple(changes))
        self._answers.clear()

    def resolve_options(self, options: dict[str, str]) -> tuple[list[str], Answer | None]:
        """Slash-command option values (option -> what was typed or picked) -> their models in
        order; or, when any value names no one model, the one answer that says so for all of
        them, with each one's suggestions."""
        resolved = [
            (option, value, self.lookup.resolve(value)) for option, value in options.items()
        ]
        if all(r.model is not None for _, _, r in resolved):
            return [r.model for _, _, r in resolved if r.model is not None], None
        return [], options_unresolved(self.context, resolved)
