"""The word lists understanding reads, as data, read once: vocabulary.json (the words of
questions: each category and measure, everyday-word slips, question words, makers and inputs
asked for) and name_words.json (the words of model names: families, tiers, makers)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("bot.understand").joinpath(name).read_text("utf-8")
    )
    return data


_VOCAB = _read("vocabulary.json")
_NAMES = _read("name_words.json")


def _words(data: dict[str, Any], section: str) -> list[str]:
    words: list[str] = data[section]["words"]
    return words


def _table(data: dict[str, Any], section: str) -> dict[str, Any]:
    table: dict[str, Any] = data[section]["words"]
    return table


# -- the words of questions -------------------------------------------------------------------

CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _VOCAB["category_words"].items()
}
METRIC_WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _VOCAB["metric_words"].items()}
TYPOS: dict[str, str] = dict(_VOCAB["typos"])
# Phrases that look like a category or measure word and are not one ("tops the charts").
IDIOMS: tuple[str, ...] = tuple(_VOCAB["idioms"]["phrases"])
# Model lines that are also everyday things, and the words that show the everyday sense ("O3",
# ozone; "sonnet 18", Shakespeare; "fugu", the fish). "o-series" stands for o1, o3, o4...
EVERYDAY_SENSES: dict[str, tuple[str, ...]] = {
    k: tuple(ws) for k, ws in _VOCAB["everyday_senses"].items() if k != "note"
}
# Slips that are words themselves, read as the word meant beside a word that goes with it:
# {meant: (words after it, words before it)} ("hoe good" how, "this weak" week).
SLIPS_IN_CONTEXT: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    k: (frozenset(v.get("after", ())), frozenset(v.get("before", ())))
    for k, v in _VOCAB["slips_in_context"].items()
    if k != "note"
}
# Everyday words one letter from a category word, never read as a slip of it.
NOT_SLIPS = frozenset(_words(_VOCAB, "not_slips"))
# Every single word those phrases use: a word that asks about something, never a model's nickname.
CUE_WORDS = frozenset(
    w for ws in (*CATEGORY_WORDS.values(), *METRIC_WORDS.values()) for p in ws for w in p.split()
)
# Things with numbers in their names that are not models: "4090 or 5090" after "gpu" is a card.
PRODUCT_WORDS: frozenset[str] = frozenset(_words(_VOCAB, "product_words"))
QUESTION_WORDS: frozenset[str] = frozenset(_words(_VOCAB, "question_words"))
NUMBER_WORDS: dict[str, int] = dict(_table(_VOCAB, "number_words"))
RANKED_THINGS: frozenset[str] = frozenset(_words(_VOCAB, "ranked_things"))
MAKER_WORDS: dict[str, str] = dict(_table(_VOCAB, "maker_words"))
MODALITY_WORDS: dict[str, str] = dict(_table(_VOCAB, "modality_words"))
# Uses that set a category only when no measure is asked: "latency for autocomplete" asks latency.
SETTING_WORDS: tuple[str, ...] = tuple(_words(_VOCAB, "setting_words"))
# Category words that yield to a category phrase right after them ("multi-step logic").
QUALIFIER_WORDS: frozenset[str] = frozenset(_words(_VOCAB, "qualifier_words"))
# Category words that say how, not what: they yield to any other category named.
MANNER_WORDS: frozenset[str] = frozenset(_words(_VOCAB, "manner_words"))

# -- the words of model names -----------------------------------------------------------------

FAMILIES: frozenset[str] = frozenset(_words(_NAMES, "families"))
SYNONYMS: dict[str, str] = dict(_table(_NAMES, "family_synonyms"))
VENDORS: dict[str, str] = dict(_table(_NAMES, "vendors"))
VARIANT_WORDS: frozenset[str] = frozenset(_words(_NAMES, "variant_words"))
STRONG_VARIANTS: frozenset[str] = frozenset(_words(_NAMES, "strong_variants"))
WEAK_WORDS: frozenset[str] = VARIANT_WORDS | frozenset(_words(_NAMES, "weak_words"))
LATER_TAGS: frozenset[str] = frozenset(_words(_NAMES, "later_tags"))
# Apps and coding tools named after a line ("claude code", "gemini cli"): {line: tool words}.
TOOLS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _NAMES["tools"]["words"].items()}
STRIP_TAIL: tuple[str, ...] = tuple(_words(_NAMES, "strip_tail"))
NOT_A_TIER_BEFORE: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _table(_NAMES, "not_a_tier_before").items()
}
NOT_TIERS: frozenset[str] = frozenset(_words(_NAMES, "not_tiers"))
UNRELEASED: frozenset[str] = frozenset(_words(_NAMES, "unreleased"))
METRIC_NAME_WORDS: frozenset[str] = frozenset(_words(_NAMES, "metric_name_words"))
MONTHS: dict[str, int] = dict(_table(_NAMES, "months"))
SEPARATORS: frozenset[str] = frozenset(_words(_NAMES, "separators"))
CONNECTORS: frozenset[str] = frozenset(_words(_NAMES, "connectors"))
