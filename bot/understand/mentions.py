"""What the name finder reports of a message: the models it names, and the names that are
model-like but no one model."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    model: str
    start: int
    end: int
    corrected: bool  # read through a spelling fix
    key: tuple[str, ...] = ()  # the full name it matched, for names that continue it
    # a nickname that is also an everyday word ("scout", "maverick"), a version alone ("5.5"),
    # or words in another order: it names a model only with other evidence in the message
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Loose:
    """A name that is model-like but not one model: a family (clarify) or an unknown version."""

    kind: str  # "family" | "unknown"
    text: str
    start: int
    end: int
    candidates: tuple[str, ...]
