"""What a message asks about: its category ("for coding", "multilingal") and the one measure it
asks for ("cheapest", "tokens per second"), by the phrases the vocabularies list, as written or
inflected, a slip in a long category word forgiven."""

from __future__ import annotations

import functools
import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.query import Filters
from bot.understand.english import is_english
from bot.understand.text import stemmed
from bot.understand.vocabulary import (
    CATEGORY_WORDS,
    MANNER_WORDS,
    METRIC_WORDS,
    NOT_SLIPS,
    QUALIFIER_WORDS,
)


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


def phrase_hit(low: str, phrase: str) -> int:
    """Position of a whole-word phrase in text, or -1."""
    if phrase == "$":
        return low.find(phrase)
    if phrase not in low:  # cheap test first: most phrases are absent from most messages
        if " " not in phrase or "-" not in low:
            return -1
        low = low.replace("-", " ")  # "quickest-to-respond": the same length, the same places
        if phrase not in low:
            return -1
    m = _phrase_pattern(phrase).search(low)
    return m.start() if m else -1


@functools.lru_cache(maxsize=1)
def _category_words() -> tuple[list[str], dict[str, str]]:
    single = {
        w: cat
        for cat, words in CATEGORY_WORDS.items()
        for w in words
        if w.isalpha() and len(w) >= 6
    }
    return sorted(single), single


_DOUBLED = re.compile(r"([a-z])\1+")


@functools.lru_cache(maxsize=1)
def _squeezed_words() -> dict[str, str]:
    """The one-word category words of four letters or more with doubled letters made single."""
    return {
        _DOUBLED.sub(r"\1", w): cat
        for cat, words in CATEGORY_WORDS.items()
        for w in words
        if w.isalpha() and len(w) >= 4
    }


def _fuzzy_category(low: str) -> str | None:
    """ "codng", "mathematic", "multilingal": one slip in a long category word; "mathh",
    "codding": a letter typed twice in any."""
    words, owner = _category_words()
    for tok in re.findall(r"[a-z]{5,}", low):
        if tok in NOT_SLIPS:
            continue
        squeezed = _DOUBLED.sub(r"\1", tok)
        if squeezed != tok and squeezed in _squeezed_words():
            return _squeezed_words()[squeezed]
        hit = process.extractOne(tok, words, scorer=OSA.distance, score_cutoff=1)
        # a word of its own is no slip ("chats" is not "charts"), but may be the listed word's
        # singular or plural ("brain teaser")
        if (
            hit is not None
            and hit[0][0] == tok[0]
            and (not is_english(tok) or hit[0] in (tok + "s", tok[:-1]))
        ):
            return owner[hit[0]]
    return None


_WORD = re.compile(r"[a-z0-9]+")


def _by_first_word(vocab: dict[str, tuple[str, ...]]) -> dict[str, list[tuple[str, str]]]:
    """Phrases under the first word they hold ("" for "$"), so that a message is checked only
    against the phrases whose first word it contains."""
    out: dict[str, list[tuple[str, str]]] = {}
    for key, words in vocab.items():
        for w in words:
            m = _WORD.search(w)
            out.setdefault(m.group(0) if m else "", []).append((key, w))
    return out


_CATEGORY_INDEX = _by_first_word(CATEGORY_WORDS)


_METRIC_INDEX = _by_first_word(METRIC_WORDS)


def _stemmed_vocab(vocab: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(dict.fromkeys(stemmed(w) for w in words)) for key, words in vocab.items()}


# The same phrases with their words stemmed: tried when no phrase is there as written, so
# that any inflection of a listed phrase reads as it ("kindest to my budget", "swallows more")
_CATEGORY_STEMS = _by_first_word(_stemmed_vocab(CATEGORY_WORDS))


_METRIC_STEMS = _by_first_word(_stemmed_vocab(METRIC_WORDS))


_METRIC_ORDER = {m: i for i, m in enumerate(METRIC_WORDS)}  # latency before speed


def _candidates(low: str, index: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    out = list(index.get("", ()))
    for word in set(_WORD.findall(low)):
        out.extend(index.get(word, ()))
    return out


def find_category(low: str) -> str | None:
    found = _category_in(low, _CATEGORY_INDEX)
    if found is None:
        stems = stemmed(low)
        if stems != low:
            found = _category_in(stems, _CATEGORY_STEMS)
    return found or _language_asked(low) or _fuzzy_category(_SET_OFF_WORD.sub(" ", low))


@functools.lru_cache(maxsize=1)
def _language_pattern() -> re.Pattern[str]:
    """A language after a word that puts it to use ("best at chinese", "answers in tagalog"):
    the languages are those the multilingual phrases name ("in german", ...)."""
    langs = sorted(
        {
            p.split()[1]
            for p in CATEGORY_WORDS["multilingual"]
            if p.startswith("in ") and p.count(" ") == 1
        }
    )
    return re.compile(
        r"\b(?:at|in|into|to|for|from|speaks?|speaking|writes?|writing|translat\w*|handl\w*|"
        r"answers?|replies|reply|understands?)\s+(?:" + "|".join(map(re.escape, langs)) + r")\b"
    )


def _language_asked(low: str) -> str | None:
    return "multilingual" if _language_pattern().search(low) else None


# A use said not to be the one: "for general use? not coding, just everyday stuff"
_SET_OFF = re.compile(r"(?:\b(?:not|except|besides)\s+(?:for\s+|really\s+|about\s+)?|\bnon[- ]?)$")


_SET_OFF_WORD = re.compile(
    r"\b(?:not|except|besides)\s+(?:for\s+|really\s+|about\s+)?[a-z]+|\bnon[- ]?[a-z]+"
)


def _category_in(low: str, index: dict[str, list[tuple[str, str]]]) -> str | None:
    best: tuple[bool, int, int, str] | None = None
    qualified: list[tuple[int, str]] = []  # where a qualifier ends, and its category
    hits: list[tuple[int, str]] = []
    for cat, w in _candidates(low, index):
        if w not in low and (" " not in w or "-" not in low):
            continue  # phrase_hit's own first test, without the call: most phrases are absent
        pos = phrase_hit(low, w)
        if pos >= 0 and not _SET_OFF.search(low, max(0, pos - 16), pos):
            if w in QUALIFIER_WORDS:
                qualified.append((pos + len(w), cat))
            hits.append((pos, cat))
            # the longest phrase wins, then the earliest; a manner only when it is alone
            cand = (w in MANNER_WORDS, -len(w), pos, cat)
            if best is None or cand < best:
                best = cand
    if best is None:
        return None
    for end, cat in qualified:
        if cat == best[3]:
            # "multi-step logical deduction": the words qualified name the category
            after = [c for p, c in hits if c != cat and p in (end, end + 1)]
            if after:
                return after[0]
    return best[3]


_NEGATION = re.compile(r"\b(?:not|no|never|without|dont)\b|n't\b")


def find_metric(low: str, besides: str | set[str] | None = None) -> str | None:
    """The measure asked for: the longest phrase found wins ("tokens per second" over "most
    tokens"), unless a negation stands just before it ("don't care about price")."""
    best = _metric_in(low, _METRIC_INDEX, besides)
    if best is None:
        stems = stemmed(low)
        if stems != low:
            best = _metric_in(stems, _METRIC_STEMS, besides)
    if best and best[3] == "context" and besides != "speed" and _PER_SECOND.search(low):
        return "speed"  # "which pushes more tokens/sec": a rate, not a window
    if best and best[3] == "price" and besides != "speed" and _PACE_PER_TOKEN.search(low):
        return "speed"  # "how slow is it per token": a pace, not a price
    if best and " " not in best[3]:
        # "faster & cheaper": two measures joined, the first one asked
        first = _TWO_MEASURES.search(low)
        if first:
            ahead = find_metric(first.group(1), besides)
            if ahead is not None and ahead != best[3]:
                return ahead
    return best[3] if best else None


def _metric_in(
    low: str, index: dict[str, list[tuple[str, str]]], besides: str | set[str] | None
) -> tuple[int, int, int, str] | None:
    best: tuple[int, int, int, str] | None = None
    for metric, w in _candidates(low, index):
        if metric == besides or (isinstance(besides, set) and metric in besides):
            continue
        if w not in low and (" " not in w or "-" not in low):
            continue  # phrase_hit's own first test, without the call: most phrases are absent
        pos = phrase_hit(low, w)
        if pos >= 0 and not _NEGATION.search(low, max(0, pos - 25), pos):
            cand = (-len(w), _METRIC_ORDER[metric], pos, metric)
            if best is None or cand < best:
                best = cand
    return best


_TWO_MEASURES = re.compile(r"\b([a-z]+(?:er|est)?)\s*(?:&|and|\+|/|,)\s*[a-z]+(?:er|est)\b")


_PACE_PER_TOKEN = re.compile(
    r"\b(?:slow|slower|slowest|fast|faster|fastest|quick)\b.{0,20}\bper token\b"
)
_PER_SECOND = re.compile(
    r"\btokens?\s*(?:/\s*s(?:ec)?\b|per\s+sec(?:ond)?\b|a\s+sec(?:ond)?\b)|\bt/s\b|\btps\b"
)


def asked_measure(text: str, filters: Filters) -> str | None:
    """The measure asked for. With a context limit or a price cap set, words about context or
    price describe the condition ("cheap, under 40 cents/M"), not what to rank by; "can it
    take 3.5M tokens" asks about context."""
    conditioned = {"context"} if filters.min_context is not None else set()
    if filters.max_price is not None:
        conditioned.add("price")
    if conditioned:
        found = find_metric(text, besides=conditioned)
        if found is not None:
            return found
        if "price" in conditioned and re.search(
            r"\b(?:cheapest|lowest price|least expensive)\b", text
        ):
            return "price"
        if "context" in conditioned and re.search(
            r"\b(?:biggest|largest|longest|most) (?:context|window|tokens)\b", text
        ):
            return "context"
        return None
    found = find_metric(text)
    if found is None and _TOKEN_COUNT.search(text):
        return "context"
    return found


# "can it take 3.5M tokens"; not a volume ("10M tokens a day")
_TOKEN_COUNT = re.compile(
    r"\b\d+(?:\.\d+)?\s*[km]\s*(?:tokens?|ctx)\b"
    r"(?!\s*(?:a|an|per|each|every)\s+(?:day|week|month|hour|minute|year)\b|\s*(?:daily|monthly|weekly))"
)


def superlative_metric(low: str) -> str | None:
    if re.search(r"\bcheapest\b", low):
        return "price"
    return None
