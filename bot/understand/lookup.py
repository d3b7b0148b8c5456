"""Model lookup for slash commands: autocomplete suggestions and checking a submitted value,
through the same alias index the free-text parser uses.

Autocomplete runs on every keystroke, so it never scans the catalog: each typed word is looked up
as a prefix in a sorted list of the words in model names (and their makers), the sets of names
that match are intersected, and only what is left is ranked. A spelling match runs only when
prefixes find too little, and then over the few names that share the most letter trigrams.

A submitted value that names no one model is answered as the free-text parser answers the same
words: an unknown name gets the index's nearest current models, a family name its members.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.understand.index import (
    SYNONYMS,
    VENDORS,
    AliasIndex,
    family_choices,
    trigrams,
    unknown_choices,
)
from bot.understand.text import tokens

MAX_CHOICES = 25
MAX_NAME = 100
FUZZY_BELOW = 5  # spell-match only when prefixes give fewer suggestions than this
FUZZY_POOL = 200  # labels spell-matched, picked by shared trigrams


@dataclass(frozen=True, slots=True)
class Choice:
    name: str  # what the user sees, at most 100 characters
    value: str  # the model id


@dataclass(frozen=True, slots=True)
class Resolution:
    model: str | None
    suggestions: tuple[str, ...] = ()
    # Why there is no model: a name that matches none, or one that fits several ("claude").
    problem: Literal["unknown", "vague"] | None = None


class ModelLookup:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index
        models = index.models
        self._labels: list[str] = []
        self._owner: list[str] = []
        self._label_tokens: list[tuple[str, ...]] = []
        self._words_of: list[tuple[str, ...]] = []  # a label's words and its maker's
        by_word: dict[str, set[int]] = {}
        by_gram: dict[str, list[int]] = {}
        makers = {c: v for v, c in VENDORS.items()}  # "OpenAI" -> "openai"
        for m in models.values():
            maker = {*tokens(m.creator), *([makers[m.creator]] if m.creator in makers else [])}
            for label in sorted({m.name, *m.aliases}):
                i = len(self._labels)
                self._labels.append(label.lower())
                self._owner.append(m.id)
                toks = tuple(tokens(label))
                self._label_tokens.append(toks)
                self._words_of.append(tuple({*toks, *maker}))
                for w in self._words_of[-1]:
                    by_word.setdefault(w, set()).add(i)
                for g in trigrams(label.lower()):
                    by_gram.setdefault(g, []).append(i)  # in label order: sorted
        self._words = sorted(by_word)
        self._by_word = {w: frozenset(s) for w, s in by_word.items()}
        self._by_gram = by_gram
        self._prefixes: dict[str, frozenset[int]] = {}  # a dict: lru_cache would make a cycle
        self._default = self._prominence(index)
        # How prominent a model is: ranked ones by rank, then the newest.
        self._place = {mid: i for i, mid in enumerate(self._default)}
        # Each label's place in the order suggestions are shown in (prominence, then shorter
        # label), and per word the labels that start with it / hold it, in that order: one typed
        # word is answered by merging a few ready lists, not by ranking thousands of names.
        order = sorted(
            range(len(self._labels)),
            key=lambda i: (self._place[self._owner[i]], len(self._labels[i])),
        )
        self._rank = [0] * len(order)
        for r, i in enumerate(order):
            self._rank[i] = r
        first: dict[str, list[int]] = {}
        anywhere: dict[str, list[int]] = {}
        for r, i in enumerate(order):
            toks = self._label_tokens[i]
            if toks:
                first.setdefault(toks[0], []).append(r)
            for w in self._words_of[i]:
                anywhere.setdefault(w, []).append(r)
        self._first = {w: tuple(v) for w, v in first.items()}
        self._anywhere = {w: tuple(v) for w, v in anywhere.items()}
        self._order = order

    @staticmethod
    def _prominence(index: AliasIndex) -> list[str]:
        models = index.models
        ranked = [mid for mid, _ in index.scoreboard.ranked()]
        placed = set(ranked)
        rest = sorted(
            (m for m in models.values() if m.id not in placed),
            key=lambda m: (
                m.release_date is None,
                -(m.release_date.toordinal() if m.release_date else 0),
                m.id,
            ),
        )
        return ranked + [m.id for m in rest]

    def _choice(self, mid: str) -> Choice:
        m = self.index.models[mid]
        label = f"{m.name} · {m.creator}"
        if len(label) > MAX_NAME:
            label = m.name[: MAX_NAME - 1] + "…"
        return Choice(label, mid)

    def _starting(self, prefix: str) -> frozenset[int]:
        hit = self._prefixes.get(prefix)
        if hit is None:
            if len(self._prefixes) >= 8192:
                self._prefixes.clear()
            hit = self._prefixes[prefix] = self._starting_uncached(prefix)
        return hit

    def _starting_uncached(self, prefix: str) -> frozenset[int]:
        """Labels with a word (or maker word) that starts with `prefix`."""
        lo, hi = self._span(prefix)
        if hi - lo == 1:
            return self._by_word[self._words[lo]]
        out: set[int] = set()
        for w in self._words[lo:hi]:
            out |= self._by_word[w]
        return frozenset(out)

    def _span(self, prefix: str) -> tuple[int, int]:
        """Where the words starting with `prefix` lie in the sorted word list."""
        return (
            bisect.bisect_left(self._words, prefix),
            bisect.bisect_left(self._words, prefix + "\uffff"),
        )

    def _breadth(self, span: tuple[int, int]) -> int:
        """About how many labels a prefix matches, cheaply: exact for a few words."""
        lo, hi = span
        if hi - lo > 16:
            return len(self._labels) + hi - lo
        return sum(len(self._by_word[w]) for w in self._words[lo:hi])

    def _one_word(self, word: str, limit: int) -> list[str]:
        """Suggestions for a single typed word: names that start with it, then names that hold a
        word starting with it, each in display order; merged from per-word lists."""
        lo, hi = self._span(word)
        words = self._words[lo:hi]
        out: dict[str, None] = {}
        for table in (self._first, self._anywhere):
            lists = [table[w] for w in words if w in table]
            for r in heapq.merge(*lists):
                out.setdefault(self._owner[self._order[r]])
                if len(out) >= limit:
                    return list(out)
        return list(out)

    def _prefix_hits(self, typed: list[str]) -> dict[str, tuple]:
        """Models whose labels carry every typed word as a word prefix, each with its sort key."""
        joined, fixed = self.index.prepare(typed)
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        for raw, fix in zip(joined, fixed, strict=True):
            word = SYNONYMS.get(raw, raw)
            span = self._span(word)
            if span[0] == span[1] and fix != raw:
                word, span = fix, self._span(fix)  # "gemnii" -> gemini, "lama" -> llama
            if span[0] == span[1]:
                return {}
            words.append(word)
            spans.append(span)
        # Start from the most selective word ("gpt", not "4") and check the others on its
        # labels only, so a broad prefix never has to be expanded into thousands of names.
        anchor = min(range(len(words)), key=lambda k: self._breadth(spans[k]))
        others = [w for k, w in enumerate(words) if k != anchor]
        found = [
            i
            for i in self._starting(words[anchor])
            if all(any(t.startswith(w) for t in self._words_of[i]) for w in others)
        ]
        best: dict[str, tuple] = {}
        n = len(words)
        for i in found:
            toks = self._label_tokens[i]
            head = toks[:n]
            if toks == tuple(words):
                how = 0  # the whole name
            elif (
                len(head) == n and head[:-1] == tuple(words[:-1]) and head[-1].startswith(words[-1])
            ):
                how = 1  # the name as it is being typed
            elif set(words) <= set(toks):
                how = 2  # every word, in another order
            else:
                how = 3  # word prefixes, or the maker
            mid = self._owner[i]
            key = (how, self._place[mid], len(self._labels[i]), mid)
            if mid not in best or key < best[mid]:
                best[mid] = key
        return best

    def _spelled_like(self, text: str, limit: int, cutoff: float = 50) -> list[int]:
        """Labels that look like `text` by spelling, among those sharing the most trigrams."""
        shared: Counter[int] = Counter()
        for g in sorted(trigrams(text)):  # sorted: ties break the same way in every process
            shared.update(self._by_gram.get(g, ()))
        pool = {i: self._labels[i] for i, _ in shared.most_common(FUZZY_POOL)}
        hits = process.extract(text, pool, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
        return [i for _, _, i in hits]

    def suggest(self, current: str, limit: int = MAX_CHOICES) -> list[Choice]:
        """Up to 25 choices for what has been typed so far; the strongest models when empty."""
        text = " ".join(current.split())[:100]
        if not any(c.isalnum() for c in text):  # nothing typed yet but spaces or punctuation
            return [self._choice(mid) for mid in self._default[:limit]]
        out: list[str] = []
        mentions, _, _ = self.index.find(text)
        for m in mentions:
            if m.model not in out:
                out.append(m.model)
        typed = tokens(text)
        if len(typed) == 1 and self._starting(SYNONYMS.get(typed[0], typed[0])):
            out += [
                m for m in self._one_word(SYNONYMS.get(typed[0], typed[0]), limit) if m not in out
            ]
        elif typed:
            hits = self._prefix_hits(typed)
            out += [mid for mid in sorted(hits, key=hits.__getitem__) if mid not in out]
        if len(out) < FUZZY_BELOW:
            for i in self._spelled_like(text.lower(), limit * 2):
                if self._owner[i] not in out:
                    out.append(self._owner[i])
        return [self._choice(mid) for mid in out[:limit]]

    def resolve(self, value: str) -> Resolution:
        """A submitted option value: a model id from autocomplete, or free text to match. A name
        that matches no model, or fits several, gets the candidates the free-text parser gives
        the same words ("gpt-9" -> the current GPT-5.x; "claude" -> which Claude?)."""
        value = value.strip()
        if value in self.index.models:
            return Resolution(value)
        mentions, loose, _ = self.index.find(value)
        ids = list(dict.fromkeys(m.model for m in mentions))
        unknown = [x for x in loose if x.kind == "unknown"]
        families = [x for x in loose if x.kind == "family"]
        if unknown:
            return Resolution(None, tuple(unknown_choices(unknown)), "unknown")
        if families:
            return Resolution(None, tuple(family_choices(families)), "vague")
        if len(ids) == 1:
            return Resolution(ids[0])
        if ids:  # "gpt-4.1 vs o3" in one option
            return Resolution(None, tuple(ids[:5]), "vague")
        # Nothing model-like: a close spelling of one whole name is that name; else what the
        # menu would have offered for it ("gem": Gemma and Gemini), else the nearest by spelling.
        close = [
            i
            for i in self._spelled_like(value.lower(), 1, cutoff=0)
            if fuzz.ratio(value.lower(), self._labels[i]) >= 90
        ]
        if close:
            return Resolution(self._owner[close[0]])
        near = [c.value for c in self.suggest(value, 5)] or self.index.nearest(value)
        return Resolution(None, tuple(near), "unknown")
