"""Model lookup for slash commands: autocomplete suggestions and checking a submitted value,
through the same alias index the free-text parser uses."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.understand.index import AliasIndex
from bot.understand.text import tokens

MAX_CHOICES = 25
MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class Choice:
    name: str  # what the user sees, at most 100 characters
    value: str  # the model id


@dataclass(frozen=True, slots=True)
class Resolution:
    model: str | None
    suggestions: tuple[str, ...] = ()


class ModelLookup:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index
        models = index.models
        self._labels: list[str] = []
        self._owner: list[str] = []
        for m in models.values():
            for label in {m.name, *m.aliases}:
                self._labels.append(label.lower())
                self._owner.append(m.id)
        ranked = [mid for mid, _ in index.scoreboard.ranked()]
        rest = sorted(
            (m for m in models.values() if m.id not in set(ranked)),
            key=lambda m: (
                m.release_date is None,
                -(m.release_date.toordinal() if m.release_date else 0),
            ),
        )
        self._default = ranked + [m.id for m in rest]

    def _choice(self, mid: str) -> Choice:
        m = self.index.models[mid]
        label = f"{m.name} · {m.creator}"
        if len(label) > MAX_NAME:
            label = m.name[: MAX_NAME - 1] + "…"
        return Choice(label, mid)

    def suggest(self, current: str, limit: int = MAX_CHOICES) -> list[Choice]:
        """Up to 25 choices for what has been typed so far; the strongest models when empty."""
        text = " ".join(current.split())[:100]
        if not text:
            return [self._choice(mid) for mid in self._default[:limit]]
        out: list[str] = []
        mentions, _, _ = self.index.find(text)
        for m in mentions:
            if m.model not in out:
                out.append(m.model)
        hits = process.extract(
            text.lower(), self._labels, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=50
        )
        typed = set(tokens(text))
        # Prefer names that contain every version token typed ("4.1" must not offer "4o" first).
        hits.sort(
            key=lambda h: (
                not {t for t in typed if any(c.isdigit() for c in t)} <= set(tokens(h[0])),
                -h[1],
            )
        )
        for _, _, i in hits:
            mid = self._owner[i]
            if mid not in out:
                out.append(mid)
            if len(out) >= limit:
                break
        return [self._choice(mid) for mid in out[:limit]]

    def resolve(self, value: str) -> Resolution:
        """A submitted option value: a model id from autocomplete, or free text to match."""
        value = value.strip()
        if value in self.index.models:
            return Resolution(value)
        mentions, loose, _ = self.index.find(value)
        ids = list(dict.fromkeys(m.model for m in mentions))
        if len(ids) == 1 and not loose:
            return Resolution(ids[0])
        best = process.extractOne(value.lower(), self._labels, scorer=fuzz.ratio, score_cutoff=90)
        if best is not None and not ids:
            return Resolution(self._owner[best[2]])
        near = ids or [c.value for c in self.suggest(value, 5)]
        return Resolution(None, tuple(dict.fromkeys(near))[:5])
