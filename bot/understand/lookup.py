"""Model lookup for slash commands: autocomplete suggestions and checking a submitted value,
through the same alias index the free-text parser uses.

What a suggestion list holds: only models that carry every typed word as the start of a word of
their name, an alias or their maker, so "sonnet 4" never brings Phi 4 or Sonar. A spelling match
is tried only when that finds too little, and then only names whose every word is a close
spelling of a typed one (an edit or two; a version only as typed).

In what order: the model the text already names, as the free-text parser reads it; then names
that start with what was typed ("gem" -> Gemma..., Gemini...); then names that hold the words
elsewhere ("opus" -> Claude Opus 4.8...). Within each, the shorter completion of a typed word
first (gemma before gemini: fewer letters left to type), then newest first, undated last.

Autocomplete runs on every keystroke, so it never scans the catalog: each typed word is looked up
as a prefix in a sorted list of the words in model names (and their makers), the sets of names
that match are intersected, and only what is left is ranked. One typed word, the commonest case,
is answered by merging ready lists kept newest first.

A submitted value that names no one model is answered as the free-text parser answers the same
words: an unknown name gets the index's nearest current models, a family name its members.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.query import Resolution
from bot.sources.raw import date_in
from bot.understand.candidates import family_choices, unknown_choices
from bot.understand.index import AliasIndex
from bot.understand.text import tokens
from bot.understand.trigrams import TrigramPool
from bot.understand.vocabulary import FAMILIES, VENDORS

MAX_CHOICES = 25
MAX_NAME = 100
FUZZY_BELOW = 5  # spell-match only when prefixes give fewer suggestions than this
FUZZY_POOL = 200  # labels spell-matched for a submitted value, picked by shared trigrams
CACHE = 8192  # per-word tables kept; a plain dict (lru_cache on a method would make a cycle)

# How a label matches the typed words, best first.
WHOLE = 0  # the label is exactly the typed words
START = 1  # the label starts with them, word by word ("gem 4" -> Gemma 4 12B)
HOLDS = 2  # the label (or its maker) has a word starting with each, anywhere


@dataclass(frozen=True, slots=True)
class Choice:
    name: str  # what the user sees, at most 100 characters
    value: str  # the model id


def _left(word: str, typed: str) -> int:
    """Letters still to type to complete `typed` into `word`. Only words count: a version is
    not completed by length ("5" is as likely to become 5.5 as 5.1), newest first decides."""
    return len(word) - len(typed) if word.isalpha() else 0


class ModelLookup:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index
        models = index.models
        self._labels: list[str] = []
        self._owner: list[str] = []
        self._label_tokens: list[tuple[str, ...]] = []
        self._words_of: list[tuple[str, ...]] = []  # a label's words and its maker's
        self._labels_of: dict[str, list[int]] = {}
        by_word: dict[str, set[int]] = {}
        makers = {c: v for v, c in VENDORS.items()}  # "OpenAI" -> "openai"
        for m in models.values():
            maker = {*tokens(m.creator), *([makers[m.creator]] if m.creator in makers else [])}
            for label in sorted({m.name, *m.aliases}):
                i = len(self._labels)
                self._labels.append(label.lower())
                self._owner.append(m.id)
                self._labels_of.setdefault(m.id, []).append(i)
                toks = tuple(tokens(label))
                self._label_tokens.append(toks)
                self._words_of.append(tuple({*toks, *maker}))
                for w in self._words_of[-1]:
                    by_word.setdefault(w, set()).add(i)
        self._words = sorted(by_word)
        self._by_word = {w: frozenset(s) for w, s in by_word.items()}
        self._pool = TrigramPool(self._labels)
        self._prefixes: dict[str, frozenset[int]] = {}
        self._close: dict[str, dict[str, int]] = {}
        self._nearby: dict[str, frozenset[int]] = {}
        self._default = self._prominence(index)

        # Every label's place newest first (then the shorter label), and per word the labels
        # that are that word, start with it, or hold it, in that order: one typed word is
        # answered by merging a few ready lists, not by ranking thousands of names.
        def newest(i: int) -> tuple[bool, int, int, str]:
            m = models[self._owner[i]]
            d = m.release_date or date_in(m.id)
            return (d is None, -(d or dt.date.min).toordinal(), len(self._labels[i]), m.id)

        order = sorted(range(len(self._labels)), key=newest)
        self._rank = [0] * len(order)
        for r, i in enumerate(order):
            self._rank[i] = r
        whole: dict[str, list[int]] = {}
        first: dict[str, list[int]] = {}
        anywhere: dict[str, list[int]] = {}
        for r, i in enumerate(order):
            toks = self._label_tokens[i]
            if len(toks) == 1:
                whole.setdefault(toks[0], []).append(r)
            if toks:
                first.setdefault(toks[0], []).append(r)
            for w in self._words_of[i]:
                anywhere.setdefault(w, []).append(r)
        self._whole = {w: tuple(v) for w, v in whole.items()}
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

    # -- words ----------------------------------------------------------------------------------

    def _span(self, prefix: str) -> tuple[int, int]:
        """Where the words starting with `prefix` lie in the sorted word list."""
        return (
            bisect.bisect_left(self._words, prefix),
            bisect.bisect_left(self._words, prefix + "\uffff"),
        )

    def _starting(self, prefix: str) -> frozenset[int]:
        """Labels with a word (or maker word) that starts with `prefix`."""
        hit = self._prefixes.get(prefix)
        if hit is None:
            if len(self._prefixes) >= CACHE:
                self._prefixes.clear()
            lo, hi = self._span(prefix)
            if hi - lo == 1:
                hit = self._by_word[self._words[lo]]
            else:
                hit = frozenset().union(*(self._by_word[w] for w in self._words[lo:hi]))
            self._prefixes[prefix] = hit
        return hit

    def _breadth(self, span: tuple[int, int]) -> int:
        """About how many labels a prefix matches, cheaply: exact for a few words."""
        lo, hi = span
        if hi - lo > 16:
            return len(self._labels) + hi - lo
        return sum(len(self._by_word[w]) for w in self._words[lo:hi])

    def _close_words(self, typed: str) -> dict[str, int]:
        """Name words spelled close to `typed`, with their edits (a swap of two letters is
        one), by the alias index's rules: one edit for words of up to five letters, two for
        longer ones, the same first letter, and only words of four letters or more without
        digits; a three-letter word only into a family name ("gtp" -> gpt). From four letters
        on, a word whose start is that close counts too ("gemni" for gemini)."""
        hit = self._close.get(typed)
        if hit is None:
            if len(self._close) >= CACHE:
                self._close.clear()
            hit = {}
            if typed.isalpha() and len(typed) >= 3:
                cutoff = 1 if len(typed) <= 5 else 2
                lo, hi = self._span(typed[0])
                if len(typed) == 3:
                    pool = {w: w for w in self._words[lo:hi] if len(w) == 3 and w in FAMILIES}
                else:
                    pool = {w: w for w in self._words[lo:hi] if len(w) >= 4 and w.isalpha()}
                hits = process.extract(
                    typed, pool, scorer=OSA.distance, score_cutoff=cutoff, limit=None
                )
                hit = {w: d for _, d, w in hits}
                if len(typed) >= 4:
                    starts = {w: w[: len(typed)] for w in pool if len(w) > len(typed)}
                    for _, d, w in process.extract(
                        typed, starts, scorer=OSA.distance, score_cutoff=cutoff, limit=None
                    ):
                        hit[w] = min(d, hit.get(w, d))
            self._close[typed] = hit
        return hit

    def _typed_words(self, text: str) -> list[str]:
        """The typed words as the index reads them: split names joined ("deep seek"), and
        everyday names for a family ("chatgpt" -> gpt)."""
        return self.index.prepare(tokens(text))[0]

    # -- by prefix ------------------------------------------------------------------------------

    def _fit(self, i: int, words: list[str]) -> tuple[int, int]:
        """How label `i` matches the typed words (WHOLE, START or HOLDS), and how many letters
        are left to type."""
        toks = self._label_tokens[i]
        if toks == tuple(words):
            return WHOLE, 0
        head = toks[: len(words)]
        if len(head) == len(words) and all(
            t.startswith(w) for t, w in zip(head, words, strict=True)
        ):
            return START, sum(_left(t, w) for t, w in zip(head, words, strict=True))
        have = self._words_of[i]
        return HOLDS, sum(min(_left(t, w) for t in have if t.startswith(w)) for w in words)

    def _one_word(self, word: str, limit: int) -> list[str]:
        """Suggestions for a single typed word, in display order, merged from per-word lists:
        the names that are that word, then those starting with it, then those holding it; each
        by letters left to type, then newest first."""
        lo, hi = self._span(word)
        by_left: dict[int, list[str]] = {}
        for w in self._words[lo:hi]:
            by_left.setdefault(_left(w, word), []).append(w)
        out: dict[str, None] = {}

        def take(ranks: Iterable[int]) -> bool:
            for r in ranks:
                out.setdefault(self._owner[self._order[r]])
                if len(out) >= limit:
                    return True
            return False

        if take(self._whole.get(word, ())):
            return list(out)
        for table in (self._first, self._anywhere):
            for left in sorted(by_left):
                if take(heapq.merge(*(table[w] for w in by_left[left] if w in table))):
                    return list(out)
        return list(out)

    def _prefix_hits(self, words: list[str]) -> dict[str, tuple[int, int, int]]:
        """Models whose labels carry every typed word as a word prefix, each with its sort key."""
        spans = [self._span(w) for w in words]
        if any(lo == hi for lo, hi in spans):
            return {}
        # Start from the most selective word ("gpt", not "4") and check the others on its
        # labels only, so a broad prefix never has to be expanded into thousands of names.
        anchor = min(range(len(words)), key=lambda k: self._breadth(spans[k]))
        others = [w for k, w in enumerate(words) if k != anchor]
        best: dict[str, tuple[int, int, int]] = {}
        for i in self._starting(words[anchor]):
            have = self._words_of[i]
            if all(any(t.startswith(w) for t in have) for w in others):
                mid = self._owner[i]
                key = (*self._fit(i, words), self._rank[i])
                if mid not in best or key < best[mid]:
                    best[mid] = key
        return best

    def _holds_all(self, mid: str, words: list[str]) -> bool:
        return any(
            all(any(t.startswith(w) for t in self._words_of[i]) for w in words)
            for i in self._labels_of.get(mid, ())
        )

    # -- by spelling ----------------------------------------------------------------------------

    def _near(self, typed: str) -> frozenset[int]:
        """Labels with a word that starts with `typed` or is spelled close to it."""
        hit = self._nearby.get(typed)
        if hit is None:
            if len(self._nearby) >= CACHE:
                self._nearby.clear()
            other = [w for w in self._close_words(typed) if not w.startswith(typed)]
            hit = self._starting(typed).union(*(self._by_word[w] for w in other))
            self._nearby[typed] = hit
        return hit

    def _edits(self, i: int, typed: str) -> int:
        """The fewest edits that make `typed` the start of one of label `i`'s words."""
        near = self._close_words(typed)
        best = 99
        for t in self._words_of[i]:
            if t.startswith(typed):
                return 0
            best = min(best, near.get(t, 99))
        return best

    def _spelled(self, words: list[str]) -> dict[str, tuple[int, int]]:
        """Models whose labels carry every typed word as a word prefix or a close spelling of a
        word, each with its sort key: fewest edits, then newest."""
        sets = sorted((self._near(w) for w in words), key=len)
        best: dict[str, tuple[int, int]] = {}
        for i in sets[0].intersection(*sets[1:]):
            mid = self._owner[i]
            key = (sum(self._edits(i, w) for w in words), self._rank[i])
            if mid not in best or key < best[mid]:
                best[mid] = key
        return best

    def _spelled_like(self, text: str, limit: int, cutoff: float = 50) -> list[int]:
        """Labels that look like `text` by spelling, among those sharing the most trigrams."""
        pool = {i: self._labels[i] for i in self._pool.closest(text, FUZZY_POOL)}
        hits = process.extract(text, pool, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
        return [i for _, _, i in hits]

    # -- the two entry points -------------------------------------------------------------------

    def suggest(self, current: str, limit: int = MAX_CHOICES) -> list[Choice]:
        """Up to 25 choices for what has been typed so far; the strongest models when empty."""
        text = " ".join(current.split())[:100]
        if not any(c.isalnum() for c in text):  # nothing typed yet but spaces or punctuation
            return [self._choice(mid) for mid in self._default[:limit]]
        words = self._typed_words(text)
        if not words:
            return []
        if len(words) == 1 and self._span(words[0])[0] != self._span(words[0])[1]:
            found = self._one_word(words[0], limit)
        else:
            hits = self._prefix_hits(words)
            found = heapq.nsmallest(limit, hits, key=hits.__getitem__)
        if len(found) < FUZZY_BELOW:
            spelled = self._spelled(words)
            found += [mid for mid in sorted(spelled, key=spelled.__getitem__) if mid not in found]
        # The model the whole text already names goes first, when it is one of them ("sonnet 4"
        # is Claude Sonnet 4 before 4.5 and 4.6; "claud sonet 4" too, once spelled).
        mentions, _, _ = self.index.find(text)
        named = [m.model for m in mentions if m.model in found or self._holds_all(m.model, words)]
        out = list(dict.fromkeys([*named, *found]))
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
