"""Names and labels that fit a phone: benchmark labels for a narrow table or a chart axis, model
names for a narrow column, and a user's words echoed safely."""

from __future__ import annotations

import functools
import re

from bot.catalog.models import Benchmark

SNAPSHOT = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4})\)$")
LABEL_WIDTH = 17  # a benchmark's label in a phone-width table beside two models' values
# How long benchmark names are shortened when the data gives no short label.
_SHORTER = (
    ("LiveBench ", "LB "),
    ("SWE-bench ", "SWE "),
    ("τ²-bench ", "τ² "),
    ("Terminal-Bench ", "Terminal "),
    ("LiveCodeBench", "LCB"),
    (" Long Context ", " LC "),
    ("Translation ", ""),
)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _abbreviated(name: str) -> str:
    for long, short in _SHORTER:
        name = name.replace(long, short)
    return name


def distinct_label(name: str) -> str:
    """A label for a benchmark whose usual short form another one has: what tells it apart
    kept ("SWE-bench Verified (Agentless)" -> "SWE Agentless"), else both ends of its name."""
    words = _abbreviated(name).replace("(", "").replace(")", "").split()
    if len(words) > 2 and len(ends := f"{words[0]} {words[-1]}") <= LABEL_WIDTH:
        return ends
    if len(name) <= LABEL_WIDTH:
        return name
    half = (LABEL_WIDTH - 1) // 2
    return name[:half].rstrip() + "…" + name[-half:].lstrip()


def bench_short(b: Benchmark) -> str:
    """A benchmark's label that fits a phone-width table: its curated short name, its name when
    short enough, or the name with the usual abbreviations, and last its words kept from both
    ends ("SWE-Atlas Codebase QnA" -> "SWE-Atlas QnA")."""
    if b.short:
        return b.short
    if len(b.name) <= LABEL_WIDTH:
        return b.name
    name = _abbreviated(b.name)
    if len(name) > LABEL_WIDTH and "(" in name:
        bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
        name = bare if len(bare) >= 3 else name
    words = name.split()
    if (
        len(name) > LABEL_WIDTH
        and len(words) > 2
        and len(ends := f"{words[0]} {words[-1]}") <= LABEL_WIDTH
    ):
        return ends
    return _cut(name, LABEL_WIDTH)


def short_names(names: list[str], width: int = 18) -> list[str]:
    """Names that fit a narrow column and still tell the models apart: "Claude Opus 4.8" ->
    "Opus 4.8", "Gemini 3.1 Pro Preview" -> "Gemini 3.1 Pro"; names still too long lose their
    release tag ("-2507"), then their active-parameter count ("A22B"), then "Instruct" and
    "Thinking" shrink to "Inst" and "Think", all names of a list alike, before any is cut."""
    return list(_short_names(tuple(names), width))


@functools.lru_cache(maxsize=4096)
def _shorten(n: str, level: int) -> str:
    n = re.sub(r"^Claude ", "", n)
    n = re.sub(r" Preview\b", "", n)
    n = re.sub(r"\s*\(([A-Z][a-z]{2}) 20(\d\d)\)$", r" \1 \2", n)  # (May 2024) -> May 24
    n = re.sub(r" Instruct$", "", n)  # "Mistral Small 3.2 24B Instruct"
    if level >= 1:
        n = re.sub(r"-(?:2[4-9])\d\d$", "", n)  # Qwen's "-2507": the month it shipped
    if level >= 2:
        n = re.sub(r"[- ]A\d+(?:\.\d+)?B(?=$|[- ])", "", n)  # active parameters of a MoE
    if level >= 3:
        n = re.sub(r"-Instruct\b", "-Inst", re.sub(r"-Thinking\b", "-Think", n))
    return re.sub(r"\s{2,}", " ", n).strip(" -")


@functools.lru_cache(maxsize=2048)  # the same lists come up answer after answer
def _short_names(names: tuple[str, ...], width: int) -> list[str]:
    shorten = _shorten
    # one level of shortening for the whole list, the least that fits, so names stay alike
    level = next((k for k in range(4) if all(len(shorten(n, k)) <= width for n in names)), 3)
    cut = [shorten(n, level) for n in names]
    if len(set(cut)) == len(cut):
        return [n if len(n) <= width else n[: width - 1] + "…" for n in cut]
    cut = [shorten(n, 0) for n in names]
    out = [n if len(n) <= width else n[: width - 1] + "…" for n in cut]
    if len(set(out)) < len(out):  # two shortened alike: cut the full names instead
        out = [n if len(n) <= width else n[: width - 1] + "…" for n in names]
    if len(set(out)) < len(out):
        out = [f"{i + 1}. {n}"[:width] for i, n in enumerate(names)]
    return out


def a_(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def safe(text: str, limit: int = 60) -> str:
    """Echo a user's words without letting them ping anyone or break formatting."""
    text = text.replace("@", "@\u200b").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
