"""Slips in what people type, read as meant: the words of model names ("gemnii", "gtp 4.1", "deep
seek") through the alias index's words, and everyday words ("wich", "cheeper", "contxt")
through the vocabularies. Only words without digits are ever corrected."""

from __future__ import annotations

import functools

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.understand.aliases import Aliases
from bot.understand.common import COMMON_WORDS
from bot.understand.english import is_english
from bot.understand.shapes import SIZE, version_after
from bot.understand.text import has_digit
from bot.understand.vocabulary import (
    CATEGORY_WORDS,
    CUE_WORDS,
    EVERYDAY_SENSES,
    FAMILIES,
    METRIC_WORDS,
    QUESTION_WORDS,
    SEPARATORS,
    SLIPS_IN_CONTEXT,
    SYNONYMS,
    TYPOS,
    VARIANT_WORDS,
)

_CACHE = 4096


class NameSpeller:
    """Typo fixes towards the words of one catalog's names."""

    def __init__(self, aliases: Aliases) -> None:
        self.vocab = aliases.vocab
        self.vocab_set = aliases.vocab_set
        # A plain dict, not functools.lru_cache around a bound method: that makes a reference
        # cycle, and an engine with a cycle is freed by the cyclic collector only, not as soon
        # as a refresh replaces it.
        self._corrections: dict[tuple[str, bool, bool], str | None] = {}

    def correct(
        self, tok: str, before_version: bool = False, after_version: bool = False
    ) -> str | None:
        key = (tok, before_version, after_version)
        if key not in self._corrections:
            if len(self._corrections) >= _CACHE:
                self._corrections.clear()
            self._corrections[key] = self._correct(tok, before_version, after_version)
        return self._corrections[key]

    def _correct(self, tok: str, before_version: bool, after_version: bool) -> str | None:
        """A likely misspelling of a name word: one edit for short words, two for long ones
        (a swap of two letters counts as one).  Three-letter words only before a version
        ("gtp 4.1"), and only into family names."""
        if tok in self.vocab_set or not tok.isalpha():
            return None
        if (tok in COMMON_WORDS or is_english(tok)) and not (before_version or after_version):
            return None  # a real word, unless a version beside it says it is a name: "got 4.1"
        if len(tok) == 3:
            # "gtp 4.1" before a version; "o3 mni" after one
            pool = [f for f in FAMILIES if len(f) == 3] if before_version else []
            if after_version:
                pool += [v for v in VARIANT_WORDS if len(v) in (3, 4)]  # "v4 pri", "o3 mni"
            if not pool:
                return None
            hits = process.extract(tok, pool, scorer=OSA.distance, score_cutoff=1, limit=None)
            # on a tie, the word with the same first letter ("mni" -> mini, not omni)
            hits.sort(key=lambda h: (h[1], h[0][0] != tok[0], h[0]))
            return hits[0][0] if hits else None
        if len(tok) < 4:
            return None
        limit = 1 if len(tok) <= 5 else 2
        hit = process.extractOne(tok, self.vocab, scorer=OSA.distance, score_cutoff=limit)
        if hit is None or hit[0][0] != tok[0]:
            return None
        return hit[0]

    def prepare(self, toks: list[str]) -> tuple[list[str], list[str]]:
        """Join split names ("deep seek" -> deepseek) and propose a typo fix per token."""
        joined = _sized_in_brackets([SYNONYMS.get(t, t) for t in self._joined(toks)])
        # (a version starts with a digit: the cheap test first, most words have none after them)
        fixed = [
            self.correct(
                t,
                i + 1 < len(joined)
                and joined[i + 1][:1].isdigit()
                and version_after(t, joined[i + 1]),
                i > 0 and has_digit(joined[i - 1]),
            )
            or t
            for i, t in enumerate(joined)
        ]
        return joined, fixed

    def _joined(self, toks: list[str]) -> list[str]:
        joined: list[str] = []
        i = 0
        while i < len(toks):
            if (
                i + 1 < len(toks)
                and toks[i] + toks[i + 1] in self.vocab_set
                and (toks[i] not in self.vocab_set or len(toks[i + 1]) == 1)
                # "opus 4.6 v opus 4.8": a "v" between two names is "versus"
                and not (toks[i + 1] in SEPARATORS and i + 2 < len(toks))
            ):
                joined.append(toks[i] + toks[i + 1])
                i += 2
            else:
                joined.append(toks[i])
                i += 1
        return joined


def _sized_in_brackets(joined: list[str]) -> list[str]:
    """ "qwen3 (the 32b one)": the size in brackets belongs to the name before it."""
    k = 1
    while k + 1 < len(joined):
        if joined[k] in _THE and SIZE.fullmatch(joined[k + 1]) and has_digit(joined[k - 1]):
            # "(the 35b one)", "(the 35b moe one)": a word of its kind may stand before "one"
            for end in (k + 2, k + 3):
                if end == len(joined) or joined[end] in _ONE:
                    joined = joined[:k] + [joined[k + 1]] + joined[end + 1 :]
                    break
            else:
                joined = joined[:k] + joined[k + 1 :]  # "qwen3.5 (the 27b) for chatting"
        k += 1
    return joined


_ONE = frozenset({"one", "version", "model", "variant", "ones"})
_THE = frozenset({"the", "also", "both"})  # "qwen3.5 (also 27b)"


# -- everyday words -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _cue_words() -> tuple[list[str], frozenset[str]]:
    """Every single word the vocabularies and the question shapes use: what a slip is fixed
    towards."""
    words = {
        w
        for ws in (*CATEGORY_WORDS.values(), *METRIC_WORDS.values())
        for p in ws
        for w in p.split()
    }
    words |= set(COMMON_WORDS) | set(QUESTION_WORDS) | set(TYPOS.values()) | set(_ASKING)
    words = {w for w in words if w.isalpha() and len(w) >= 4}
    # the words that show a name's everyday sense are never slips ("monet" is not "money")
    senses = {w for ws in EVERYDAY_SENSES.values() for p in ws for w in p.split() if w.isalpha()}
    # a slip one edit from several words reads as the one a question most likely holds: the
    # words that ask first ("fadt" is fast, not fact; "wats" whats, not wants)
    first = [w for w in (*sorted(QUESTION_WORDS), *_ASKING) if w in words]
    rest = sorted(words - set(first))
    return list(dict.fromkeys(first)) + rest, frozenset(words) | COMMON_WORDS | senses


# The words questions are made of, tried first when a slip is one edit from several words.
_ASKING = (
    "whats",
    "which",
    "best",
    "cheapest",
    "fastest",
    "cheaper",
    "faster",
    "better",
    "under",
    "dollar",
    "dollars",
    "bucks",
    "cents",
    "model",
    "models",
    "this",
    "week",
    "month",
    "today",
    "price",
    "context",
    "fast",
    "cheap",
    "good",
    "compare",
    "between",
)
_ENDINGS = ("ed", "d", "ing", "s", "es", "er")
# Three-letter words a slip of which is fixed ("hiw fast"): only to these, one letter off.
_SHORT = ("how", "who", "why", "new", "top", "for")


def fix_everyday(low: str) -> str:
    """Everyday words with a slip in them read as meant ("wich" -> which, "cheeper" -> cheaper,
    "contxt" -> context): the typo list first, then one edit (two in long words) from a word
    the vocabularies use, keeping the first letter. Model names are the alias index's concern;
    this text is only read for what is asked."""
    toks = low.split(" ")
    cores = [tok.strip("?!.,;:()'\"") for tok in toks]
    fixes = [(TYPOS.get(core) or _fix_word(core)) if core else None for core in cores]
    read = [fix or core for fix, core in zip(fixes, cores, strict=True)]
    out = []
    for i, tok in enumerate(toks):
        core = cores[i]
        fix = fixes[i] or _slip_beside(read, i)
        out.append(tok.replace(core, fix) if fix and core else tok)
    return " ".join(out)


def fix_typos(low: str) -> str:
    """Only the listed typos fixed ("modle" -> model): for the words beside the names, where a
    near word may be a thing of its own ("codec", "homebrew")."""
    out = []
    for tok in low.split(" "):
        fix = TYPOS.get(tok)
        if fix is None and tok.endswith("in") and tok + "g" in CUE_WORDS:
            fix = tok + "g"  # a dropped g: "tool callin", "codin"
        out.append(fix or tok)
    return " ".join(out)


_AFTER_ANY = frozenset(w for afters, _ in SLIPS_IN_CONTEXT.values() for w in afters)
_BEFORE_ANY = frozenset(w for _, befores in SLIPS_IN_CONTEXT.values() for w in befores)


def _slip_beside(cores: list[str], i: int) -> str | None:
    """A slip that is a word itself, read as meant beside a word that goes with the meant one:
    "hoe good", "this weak", "bets model" (see SLIPS_IN_CONTEXT)."""
    after = cores[i + 1] if i + 1 < len(cores) else ""
    before = cores[i - 1] if i else ""
    if after not in _AFTER_ANY and before not in _BEFORE_ANY:
        return None  # most words stand beside none of the words a slip is read by
    word = cores[i]
    if len(word) < 3 or not word.isalpha() or word in SLIPS_IN_CONTEXT:
        return None
    for meant, (afters, befores) in SLIPS_IN_CONTEXT.items():
        if (after in afters or before in befores) and _one_slip(word, meant):
            return meant
    return None


@functools.lru_cache(maxsize=_CACHE)
def _one_slip(word: str, meant: str) -> bool:
    return word[0] == meant[0] and OSA.distance(word, meant) == 1


@functools.lru_cache(maxsize=4096)
def _fix_word(word: str) -> str | None:
    words, known = _cue_words()
    if len(word) == 3 and word.isalpha() and not is_english(word) and word not in known:
        near = [w for w in _SHORT if w[0] == word[0] and OSA.distance(w, word) == 1]
        return near[0] if len(near) == 1 else None
    if len(word) < 4 or not word.isalpha() or word in known or is_english(word):
        return None
    if any(word.endswith(e) and word[: -len(e)] in known for e in _ENDINGS):
        return None  # "benchmarked", "tokens": a known word with its ending, not a slip
    hit = process.extractOne(
        word, words, scorer=OSA.distance, score_cutoff=1 if len(word) < 8 else 2
    )
    if hit is None or hit[0][0] != word[0]:
        return None
    return hit[0]
