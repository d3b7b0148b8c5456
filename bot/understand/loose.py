"""Names that are model-like but no one model: a family ("claude", "llama 4", "mistral small"),
a line with several models and no plain one ("kimi k2"), or a version that does not exist
("gpt 9", "o4"). The bot asks which, or says what is near."""

from __future__ import annotations

import datetime as dt
import re

from bot.understand.aliases import Aliases, Key, having, snapshot_date, without_month
from bot.understand.candidates import Candidates
from bot.understand.common import COMMON_WORDS
from bot.understand.mentions import Loose, Mention
from bot.understand.shapes import ACTIVE_SIZE, EVERYDAY_CODES, SERIES, SIZE, looks_like_version
from bot.understand.text import has_digit, tokens
from bot.understand.vocabulary import (
    CONNECTORS,
    FAMILIES,
    LATER_TAGS,
    NOT_TIERS,
    STRIP_TAIL,
    UNRELEASED,
    VARIANT_WORDS,
    VENDORS,
)

_SERIES_WORDS = ("series", "models", "model", "line", "family", "ones")
_YEAR_OR_DAY = re.compile(r"\d{2}|\d{4}")
_DATE_TAG = re.compile(r"\d{4}")
_PRE_RELEASE = ("preview", "exp", "experimental")


class LooseNames:
    def __init__(self, aliases: Aliases, candidates: Candidates) -> None:
        self.aliases = aliases
        self.candidates = candidates

    def at(self, toks: list[str], fixed: list[str], i: int) -> Loose | None:
        """The family or unknown name that starts at token i, if one does."""
        a = self.aliases
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        trust_fix = has_digit(nxt) or nxt in VARIANT_WORDS
        word = (
            fixed[i] if fixed[i] in a.families and (trust_fix or fixed[i] == toks[i]) else toks[i]
        )
        series = SERIES.fullmatch(word) is not None
        if series and word in EVERYDAY_CODES:
            return None  # "o2" is oxygen: OpenAI went from o1 to o3
        if series and (word,) not in a.keys and nxt not in VARIANT_WORDS:
            # "o4 (the full one, not mini)": only o4-mini exists
            return Loose("unknown", word, i, i + 1, tuple(self.candidates.nearest(word)))
        if word not in a.families and word not in VENDORS and not series:
            return None
        if word == "o" and nxt not in _SERIES_WORDS:
            return None  # "gpt-5.5 o claude opus 4.8": Spanish "or", not the o-series
        tail, j = self._tail(toks, fixed, word, i + 1)
        if j < len(toks) and toks[j] in UNRELEASED:
            # "llama 4 behemoth": announced, never released
            text = " ".join(toks[i : j + 1])
            return Loose("unknown", text, i, j + 1, tuple(self.candidates.nearest(text)))
        words = [word, *tail]
        text = " ".join(toks[i:j])
        if series or any(has_digit(t) for t in tail):
            # a versioned name: unknown if no model name starts with it
            if not self._version_prefix(words) and not self._contained(words):
                near = self.candidates.nearest(" ".join(words))
                return Loose("unknown", text, i, j, tuple(near))
            if series:
                return None
        cands = self.candidates.family(words)
        while not cands and len(words) > 1 and not has_digit(words[-1]):
            # "is magistral open source?": a name word that is no part of this family's names
            words, j = words[:-1], j - 1
            text = " ".join(toks[i:j])
            cands = self.candidates.family(words)
        if not cands:
            return None
        return Loose("family", text, i, j, tuple(cands))

    def _tail(self, toks: list[str], fixed: list[str], word: str, j: int) -> tuple[list[str], int]:
        """The versions, tiers and name words after a family word (at most three), and where
        they end."""
        vocab_set = self.aliases.vocab_set
        tail: list[str] = []
        while j < len(toks) and len(tail) < 3:
            # a variant word only as typed: "like" must not become "lite"
            t = toks[j] if fixed[j] in VARIANT_WORDS else fixed[j]
            if (
                has_digit(t)
                or t in VARIANT_WORDS
                or (t in vocab_set and t not in FAMILIES and t not in VENDORS)
            ):
                tail.append(t)
                j += 1
            elif (
                not tail
                and word in FAMILIES
                and t.isalpha()
                and len(t) >= 4
                and t not in NOT_TIERS
                and j + 1 < len(toks)
                and has_digit(toks[j + 1])
            ):
                tail.extend([t, toks[j + 1]])  # "mistral gigantic 5": a made-up tier
                j += 2
            else:
                break
        return tail, j

    def _version_prefix(self, words: list[str]) -> bool:
        """True when some name starts with these words, a bare major version ("llama 3")
        standing for any of its minor versions (3.1, 3.3)."""
        n = len(words)
        for key in self.aliases.keys_by_first.get(words[0], ()):
            if len(key) < n:
                continue
            if all(
                k == w or (w.isdigit() and k.startswith(w + "."))
                for k, w in zip(key[:n], words, strict=True)
            ):
                return True
        return False

    def _contained(self, words: list[str]) -> bool:
        return bool(having(self.aliases.by_display_token, set(words)))

    def narrowed(self, item: Loose, toks: list[str]) -> Loose:
        """ "step flash": a family word after a word of some of its models' names means those
        models (Step 3.5 Flash, Step 3.7 Flash), not every Flash."""
        if item.start == 0:
            return item
        a = self.aliases
        word = toks[item.start - 1]
        if word in CONNECTORS or word in COMMON_WORDS or word not in a.by_display_token:
            return item
        owners = a.by_display_token[word]
        words = set(toks[item.start : item.end])
        pool = [m for m in owners if words <= a.display_tokens[m]]
        if not pool:
            return item
        text = f"{word} {item.text}"
        choices = tuple(self.candidates.newest_first(pool)[:8])
        return Loose("family", text, item.start - 1, item.end, choices)

    def sole(self, item: Loose, toks: list[str]) -> Mention | None:
        """A family word that is some model's whole name ("fugu", "sonar") names that model."""
        words = tuple(toks[item.start : item.end])
        for mid in item.candidates:
            if tuple(tokens(self.aliases.models[mid].name)) == words:
                return Mention(mid, item.start, item.end, False)
        family = self.candidates.family
        if len(item.candidates) == 1 and len(family(list(words), limit=50)) == 1:
            return Mention(item.candidates[0], item.start, item.end, False)
        if any(has_digit(w) for w in words) and words[-1] in VARIANT_WORDS:
            # "nemotron 3 nano": the one model that is these words plus sizes
            plain = [c for c in family(list(words), limit=50) if self.sized_only(c, list(words))]
            if len(plain) == 1:
                return Mention(plain[0], item.start, item.end, False, tuple(words))
        return None

    def sized_only(self, mid: str, words: list[str]) -> bool:
        """The model's name is these words and sizes, nothing more."""
        extra = self.aliases.display_tokens[mid] - set(words)
        return all(SIZE.fullmatch(t) or ACTIVE_SIZE.fullmatch(t) for t in extra)

    def ambiguous(self, ids: set[str], key: Key) -> bool:
        """Several models answer to this name and none is the plain one: their names differ by
        more than a snapshot month, and none of them is exactly what was typed."""
        if len(ids) < 2:
            return False
        models = self.aliases.models
        bases = {without_month(models[m].name) for m in ids}
        if len(bases) < 2:
            return False
        released = {tuple(t for t in tokens(b) if t not in _PRE_RELEASE) for b in bases}
        if len(released) == 1:
            return False  # "3.1 flash lite": the released one and its preview
        typed = tuple(key)
        for m in ids:
            own = tuple(tokens(without_month(models[m].name)))
            if own == typed or tuple(t for t in own if t not in STRIP_TAIL) == typed:
                return False
        return True

    def later_generations(self, ids: set[str], key: Key) -> set[str]:
        """Newer models whose names are this version-less name plus a version number; or, for
        a name that is a model's name less its "Instruct" ("kimi k2" for Kimi K2 Instruct),
        the newer models of that name (K2 0905, K2 Thinking)."""
        if any(has_digit(t) for t in key):
            return self._later_of_stripped(ids, key)
        a = self.aliases
        typed = set(key)
        pool = having(a.by_display_token, typed) or set()
        first = max((snapshot_date(a.models[m]) or dt.date.min) for m in ids)
        return {
            mid
            for mid in pool - ids
            if (snapshot_date(a.models[mid]) or dt.date.min) > first
            and any(
                looks_like_version(t) and not _YEAR_OR_DAY.fullmatch(t)
                for t in a.display_tokens[mid] - typed
            )
        }

    def _later_of_stripped(self, ids: set[str], key: Key) -> set[str]:
        if len(ids) != 1:
            return set()
        a = self.aliases
        mid = next(iter(ids))
        own = tuple(tokens(without_month(a.models[mid].name)))
        if own == tuple(key) or tuple(t for t in own if t not in STRIP_TAIL) != tuple(key):
            return set()
        typed = set(key)
        first = snapshot_date(a.models[mid]) or dt.date.min
        pool = having(a.by_display_token, typed) or set()
        return {
            o
            for o in pool - ids
            if (snapshot_date(a.models[o]) or dt.date.min) > first
            and all(_DATE_TAG.fullmatch(t) or t in LATER_TAGS for t in a.display_tokens[o] - typed)
        }
