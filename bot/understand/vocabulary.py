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
# Model lines that are also everyday things, and the words that show the everyday sense ("O3",
# ozone; "sonnet 18", Shakespeare; "fugu", the fish). "o-series" stands for o1, o3, o4...
EVERYDAY_SENSES: dict[str, tuple[str, ...]] = {
    k: tuple(ws) for k, ws in _VOCAB["everyday_senses"].items() if k != "note"
}
# Everyday words one letter from a category word, never read as a slip of it.
NOT_SLIPS = frozenset(_VOCAB["not_slips"]["words"])
# Every single word those phrases use: a word that asks about something, never a model's nickname.
CUE_WORDS = frozenset(
    w for ws in (*CATEGORY_WORDS.values(), *METRIC_WORDS.values()) for p in ws for w in p.split()
)
# Things with numbers in their names that are not models: "4090 or 5090" after "gpu" is a card.
PRODUCT_WORDS: frozenset[str] = frozenset(_VOCAB["product_words"]["words"])
