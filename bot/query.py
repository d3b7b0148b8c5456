"""What a question asks, as every part of the bot passes it on: the reading of a message (or a
slash command) that answers are composed from. It sits below understanding and answers alike, so
answers never reach into how a message was read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Literal

Intent = Literal[
    "compare", "profile", "leaderboard", "clarify", "not_found", "changes", "help", "none"
]
MAX_MODELS = 5
MAX_TOP = 25

# Below this, a listening channel stays silent and a mention asks back before answering.
CONFIDENT = 0.45


@dataclass(frozen=True)
class Filters:
    """Conditions a leaderboard's models must meet. None: no condition."""

    min_context: int | None = None  # tokens
    max_price: float | None = None  # USD per 1M tokens, blended 3 input : 1 output
    modality: str | None = None  # an input it must accept: image, audio, video, pdf
    maker: str | None = None  # as the catalog names creators
    since: dt.date | None = None  # released on or after
    reasoning: bool | None = None

    def active(self) -> dict[str, object]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }

    def __bool__(self) -> bool:
        return bool(self.active())


@dataclass
class Query:
    intent: Intent
    text: str = ""  # the message read; empty for a slash command or a menu pick
    models: list[str] = field(default_factory=list)
    category: str | None = None
    metric: str | None = None
    candidates: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    count: int | None = None
    open_weights: bool = False
    dropped: list[str] = field(default_factory=list)  # models past the five we compare
    filters: Filters = field(default_factory=Filters)  # a leaderboard's conditions
    since_days: int | None = None  # the change log: how far back ("this week": 7)
    kind: str | None = None  # the change log: which kind of change
    confidence: float = 1.0  # how sure a free-text reading is (see CONFIDENT); 1 for commands


@dataclass(frozen=True, slots=True)
class Resolution:
    model: str | None
    suggestions: tuple[str, ...] = ()
    # Why there is no model: a name that matches none, or one that fits several ("claude").
    problem: Literal["unknown", "vague"] | None = None
