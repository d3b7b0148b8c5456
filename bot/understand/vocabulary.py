"""The vocabularies (vocabulary.json): the words for each category and measure, and everyday-word
slips. Data, read once."""

from __future__ import annotations

import json
from importlib import resources

_VOCAB = json.loads(
    resources.files("bot.understand").joinpath("vocabulary.json").read_text("utf-8")
)
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _VOCAB["category_words"].items()
}
METRIC_WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _VOCAB["metric_words"].items()}
TYPOS: dict[str, str] = dict(_VOCAB["typos"])
# Phrases that look like a category or measure word and are not one ("tops the charts").
IDIOMS: tuple[str, ...] = tuple(_VOCAB["idioms"]["phrases"])
# Words that show OpenAI's o-series names in their everyday sense (O3, ozone; O2, oxygen).
O_SERIES_SENSES: tuple[str, ...] = tuple(_VOCAB["everyday_senses"]["o-series"])
# Every single word those phrases use: a word that asks about something, never a model's nickname.
CUE_WORDS = frozenset(
    w for ws in (*CATEGORY_WORDS.values(), *METRIC_WORDS.values()) for p in ws for w in p.split()
)
