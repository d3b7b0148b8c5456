"""What a word of a model's name is by its shape: a parameter count, a version, a letter-and-digit
code. Matching is exact on these: only words without digits may be typo-corrected, so GPT-4.1
never becomes GPT-4.1 mini or GPT-4o, and o3 never o3-mini."""

from __future__ import annotations

import re

from bot.understand.english import is_english

SIZE = re.compile(r"\d+(?:\.\d+)?[bmk]")  # parameter counts: 8b, 1.5b, 400m
ACTIVE_SIZE = re.compile(r"a\d+b")  # a mixture's active parameters: "a22b"
VERSION = re.compile(r"\d+\.\d+")
SHORT_VERSION = re.compile(r"[a-z]\d+(?:\.\d+)?|\d+[a-z]")  # "m3", "k2.5", "4o" beside a family
SERIES = re.compile(r"o\d+")  # OpenAI's o-series: o1, o3, o4
_VERSION_LIKE = re.compile(r"\d+(?:\.\d+)?[a-z]?")
_MODEL_VERSION = re.compile(r"\d(?:\.\d+)?[a-wyz]?|\d+\.\d+")  # not "2x" (two of a thing)

# Letter-and-digit codes that mean something else in everyday talk (Apple's M3, BMW's M4, Intel's
# i7): alone they never name a model ("minimax m3" does).
EVERYDAY_CODES = frozenset(
    {f"m{i}" for i in range(1, 10)}
    | {f"i{i}" for i in (3, 5, 7, 9)}
    | {f"a{i}" for i in range(1, 9)}
    | {f"s{i}" for i in range(1, 10)}
    | {f"x{i}" for i in range(1, 10)}
    | {"v6", "v8", "f1", "c3", "g5", "p1", "e3", "o2"}
)


def looks_like_version(tok: str) -> bool:
    """4, 4.1, 4o: what follows a family name; not 500k or 12b, which are sizes."""
    return bool(_VERSION_LIKE.fullmatch(tok)) and not SIZE.fullmatch(tok)


def version_after(word: str, nxt: str) -> bool:
    """The next token reads as a version of a name this word may misspell. After an everyday
    word only a model-like version counts: "got 4.1" is GPT-4.1, "got 71%" is a score."""
    if not looks_like_version(nxt):
        return False
    return not is_english(word) or _MODEL_VERSION.fullmatch(nxt) is not None
