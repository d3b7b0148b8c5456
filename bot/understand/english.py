"""Which words are English words, so that a slip is fixed and a real word is read as itself
("wich" is which; "beast" is not best, "sooner" is not Sonar).

The word list is pyspellchecker's English word frequencies (MIT), words seen at least
MIN_COUNT times: read once, without building the whole frequency table (a streaming scan keeps
the peak near 10 MB instead of 40)."""

from __future__ import annotations

import functools
import gzip
import re
from importlib import resources

MIN_COUNT = 100
_ENTRY = re.compile(r'"([a-z]+)": (\d+)')


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    raw = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return frozenset(m.group(1) for m in _ENTRY.finditer(text) if int(m.group(2)) >= MIN_COUNT)


def is_english(word: str) -> bool:
    return word in english_words()
