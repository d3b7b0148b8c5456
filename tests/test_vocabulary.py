"""The data understanding reads holds together: every category and measure the bot describes has
words people use for it, the method's categories are the ones answers name, and the word lists
hold nothing that could never match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.measures import CATEGORIES, MEASURES
from bot.understand import vocabulary as v
from bot.understand.parse import find_category, find_metric

ROOT = Path(__file__).resolve().parents[1]
RAW = json.loads((ROOT / "bot" / "understand" / "vocabulary.json").read_text())


def test_every_category_and_measure_has_words_and_no_stray_ones() -> None:
    assert set(v.CATEGORY_WORDS) == set(CATEGORIES)
    assert set(v.METRIC_WORDS) == set(MEASURES)
    method = json.loads((ROOT / "data" / "curated" / "categories.json").read_text())
    assert {c["id"] for c in method["categories"]} == set(CATEGORIES)


def test_every_phrase_reads_as_its_own_category_or_measure() -> None:
    """A listed phrase that another, longer phrase always beats, or that the text cleaning can
    never produce, is dead weight: each phrase alone must read as the id it is listed under."""
    wrong = []
    for cid, words in v.CATEGORY_WORDS.items():
        wrong += [(w, cid, got) for w in words if (got := find_category(w)) != cid]
    for mid, words in v.METRIC_WORDS.items():
        wrong += [(w, mid, got) for w in words if (got := find_metric(w)) != mid]
    assert wrong == []


def test_word_lists_are_lowercase_unique_and_typos_point_at_words() -> None:
    for section in ("category_words", "metric_words"):
        for key, words in RAW[section].items():
            assert len(words) == len(set(words)), (section, key)
            assert all(w == w.lower() and w.strip() == w and w for w in words), (section, key)
    for typo, word in v.TYPOS.items():
        assert typo != word and re.fullmatch(r"[a-z0-9']+", typo), typo
    for line, senses in v.EVERYDAY_SENSES.items():
        assert senses and all(s == s.lower() for s in senses), line
    assert all(w == w.lower() for w in v.PRODUCT_WORDS)


def test_word_sections_are_noted_lowercase_and_unique() -> None:
    names = json.loads((ROOT / "bot" / "understand" / "name_words.json").read_text())
    sections = [(s, names[s]) for s in names if s != "note"]
    asked = ("question_words", "number_words", "ranked_things", "maker_words", "modality_words")
    sections += [(s, RAW[s]) for s in asked]
    for section, body in sections:
        assert body["note"], section
        words = list(body["words"])
        assert words and len(words) == len(set(words)), section
        assert all(w == w.lower() and w.strip() == w for w in words), section
    assert set(v.SYNONYMS.values()) <= v.FAMILIES
    assert set(v.MONTHS.values()) == set(range(1, 13))


def test_qualifiers_and_manners_are_category_words_that_yield() -> None:
    listed = {w for words in v.CATEGORY_WORDS.values() for w in words}
    assert v.QUALIFIER_WORDS and listed >= v.QUALIFIER_WORDS
    assert v.MANNER_WORDS and listed >= v.MANNER_WORDS
    assert find_category("multi-step logic puzzles") == "reasoning"  # not agentic
    assert find_category("calculus problems step by step") == "math"  # not reasoning
