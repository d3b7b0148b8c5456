"""Matching a leaderboard's name for a model to the catalog model it measured, or to nothing.

Leaderboards name models their own way: API ids with dates (`claude-sonnet-4-5-20250929`),
reasoning-effort suffixes (`gpt-5.5_xhigh`, `claude-opus-4-7-high-effort`, `-thinking-64k`, `_32K`),
host prefixes (`fireworks/kimi-k2p5`, `deepseek-ai/DeepSeek-V3.1`), words in another order
(`claude-4-1-opus`), display names (`Claude Opus 4.5`). A name is read into its identity (the words
and version numbers that say which model), a snapshot date and an effort, and the identity is looked
up among the catalog's ids, aliases and names read the same way. The rules, loosest last:

1. the same words and the same numbers in the same order (`claude-4-1-opus` = `claude-opus-4-1`,
   `gpt-5-2` = `gpt-5.2`);
2. the same without the effort the name ended in (`kimi-k2-thinking` is a catalog model of its own,
   `claude-sonnet-4-5-thinking` is Claude Sonnet 4.5 with thinking on);
3. the same without words that name a release stage or a host's packaging (`preview`, `beta`,
   `pre-release`, `fp8`, `turbo`, `it`, `instruct`), and without a four-digit version tag the catalog
   does not know (`grok-4-0709` is Grok 4), only when exactly one catalog model fits.

A name that fits several catalog models (an undated name where the catalog has dated snapshots, say)
is left out with the candidates named: never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Effort, most to least: the rule (docs/METHOD.md) keeps the highest effort a source published.
EFFORT_RANK = {
    "max": 9,
    "xhigh": 8,
    "high": 7,
    "thinking": 6,
    "enabled": 6,
    "reasoner": 6,
    "medium": 5,
    "unknown": 5,
    "default": 5,
    "auto": 5,
    "low": 3,
    "minimal": 2,
    "none": 1,
    "chat": 1,
    "base": 1,
    "no thinking": 1,
}
_EFFORT_WORDS = {
    "xhigh": "xhigh",
    "max": "max",
    "high": "high",
    "medium": "medium",
    "low": "low",
    "minimal": "minimal",
    "none": "none",
    "nothinking": "no thinking",
    "non-thinking": "no thinking",
    "highthinking": "high",
    "unknown": "unknown",
    "thinking": "thinking",
    "think": "thinking",
    "auto": "auto",
}

# Words that name a release stage: set aside on both sides ("gemini-3-pro" is the only Gemini 3
# Pro there is, a preview).
STAGE_WORDS = frozenset({"preview", "beta", "pre", "release", "latest"})
# Words that name a host's packaging: set aside from a source's name only, never from the
# catalog's ("Llama-3.3-70B-Instruct-Turbo" is Llama 3.3 70B Instruct, but "gemma-2-9b", a base
# model, is not Gemma 2 9B IT).
PACKAGING_WORDS = frozenset({"fp8", "turbo", "instruct", "hf"})
HOST_WORDS = PACKAGING_WORDS - {"instruct"}  # tried first: "-Instruct-Turbo" keeps its "instruct"
# Words that mark an instruction-tuned release in a catalog id (`gemma-2-9b-it`): its display name
# without them ("Gemma 2 9B") is also the name of the base model (`gemma-2-9b`), so it is not read
# as this model's.
TUNING_WORDS = frozenset({"it", "instruct"})
# A dated name and an undated catalog model are one model only when the date is near its release.
RELEASE_SLACK_DAYS = 45
_DATE_PATTERNS = (
    re.compile(r"(?<![0-9])(20\d\d)-?([01]\d)-?([0-3]\d)(?![0-9])"),  # 2025-09-29, 20250929
    re.compile(r"(?<![0-9])(20\d\d)_([01]\d)_([0-3]\d)(?![0-9])"),
)
_MONTH_YEAR = re.compile(r"(?<![0-9])([01]\d)-(20\d\d)(?![0-9])")  # 09-2025
_BUDGET = re.compile(r"^(\d+)k$")
_SIZE = re.compile(r"^(?:[a-z]?\d+(?:\.\d+)?b|\d+e|\d+x\d+b)$")  # 397b, a17b, e4b, 16e, 8x7b
_TOKEN = re.compile(r"[a-z]?\d+(?:\.\d+)?b(?![a-z])|\d+x\d+b|\d+e(?![a-z])|\d+|[a-z]+")


@dataclass(frozen=True, slots=True)
class Identity:
    words: tuple[str, ...]  # sorted
    numbers: tuple[str, ...]  # in order
    sizes: tuple[str, ...]  # sorted

    def without(self, drop: Iterable[str]) -> Identity:
        gone = set(drop)
        return Identity(tuple(w for w in self.words if w not in gone), self.numbers, self.sizes)

    def without_tag(self) -> Identity | None:
        """The identity less a trailing four-digit version tag (`0709`, `2507`), if it has one."""
        if self.numbers and len(self.numbers[-1]) == 4:
            return Identity(self.words, self.numbers[:-1], self.sizes)
        return None


@dataclass(frozen=True, slots=True)
class Name:
    raw: str
    identity: Identity  # the name less every trailing effort marker
    effort: str | None = None
    date: dt.date | None = None
    # the same name with fewer of its trailing effort words set aside, longest first, each with
    # the effort that is left: "gpt-5.1-codex-max-high" is GPT-5.1 Codex Max at high effort,
    # not GPT-5.1 Codex at max
    longer: tuple[tuple[Identity, str | None], ...] = ()


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    # fireworks writes versions with a "p": kimi-k2p5, deepseek-v3p2
    text = re.sub(r"(?<=\d)p(?=\d)", ".", text)
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        if _SIZE.match(tok):
            out.append(tok)
        elif "." in tok or tok.isdigit():
            out.extend(tok.split("."))
        else:
            out.append(tok)
    return out


def identity_of(text: str) -> Identity:
    words, numbers, sizes = [], [], []
    for tok in _tokens(text):
        if _SIZE.match(tok):
            sizes.append(tok)
        elif tok.isdigit():
            numbers.append(str(int(tok)) if len(tok) < 4 else tok)
        else:
            words.append(tok)
    return Identity(tuple(sorted(words)), tuple(numbers), tuple(sorted(sizes)))


def _take_date(text: str) -> tuple[str, dt.date | None]:
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if m:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            return (text[: m.start()] + " " + text[m.end() :]).strip(" -_"), d
    m = _MONTH_YEAR.search(text)
    if m:
        d = dt.date(int(m.group(2)), int(m.group(1)), 1)
        return (text[: m.start()] + " " + text[m.end() :]).strip(" -_"), d
    return text, None


def _effort_label(markers: list[str]) -> str | None:
    parts = [f"{t} thinking budget" if _BUDGET.match(t) else _EFFORT_WORDS[t] for t in markers]
    if not parts:
        return None
    named = [p for p in parts if p != "thinking"] or parts  # "thinking" says less than a budget
    return ", ".join(dict.fromkeys(named))


def parse_name(raw: str, effort: str | None = None) -> Name:
    """A source's model name as identity, snapshot date and effort.  `effort` is the source's own
    effort field, where it has one."""
    text = raw.strip().lower()
    text = text.rsplit("/", 1)[-1] if "/" in text else text  # host or organisation prefix
    text = re.sub(r":\d+$", "", text)  # amazon/nova-pro-v1:0
    text, date = _take_date(text)
    toks = [t for t in re.split(r"[-_\s]+", text) if t and t != "effort"]
    # trailing effort markers: "_xhigh", "-high-effort", "-thinking-64k", "_32k", "-nothinking"
    i = len(toks)
    while i > 1 and (toks[i - 1] in _EFFORT_WORDS or _BUDGET.match(toks[i - 1])):
        i -= 1
    given = effort.strip().lower() if effort else None
    longer = tuple(
        (identity_of(" ".join(toks[:j])), given or _effort_label(toks[j:]))
        for j in range(len(toks), i, -1)
    )
    return Name(
        raw, identity_of(" ".join(toks[:i])), given or _effort_label(toks[i:]), date, longer
    )


def effort_rank(effort: str | None) -> float:
    """How much effort a run used, for picking the highest one published."""
    if effort is None:
        return 5
    best = 0.0
    for part in effort.split(", "):
        m = re.match(r"(\d+)k thinking budget", part)
        if m:  # thinking budgets: more tokens, more effort, but below an explicit "max"
            best = max(best, 5.5 + min(int(m.group(1)), 128) / 128 * 2.4)
        else:
            best = max(best, EFFORT_RANK.get(part, 5))
    return best


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog model, as the matcher knows it."""

    id: str
    names: tuple[str, ...]  # id, aliases, display name
    release_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Match:
    model: str | None
    effort: str | None = None
    reason: str = ""  # why it was left out, when model is None
    candidates: tuple[str, ...] = ()


class Matcher:
    def __init__(self, entries: Iterable[Entry], pins: dict[str, str | None] | None = None) -> None:
        """`pins`: source name (lower case) -> catalog id, or None to leave that name out; for
        the few names no rule reads right, listed in data/curated/source_names.json."""
        self.pins = {k.lower(): v for k, v in (pins or {}).items()}
        self.exact: dict[Identity, set[str]] = defaultdict(set)
        self.loose: dict[Identity, set[str]] = defaultdict(set)
        self.sizeless: dict[Identity, set[str]] = defaultdict(set)
        self.dates: dict[str, set[dt.date]] = defaultdict(set)
        self.tags: dict[str, set[str]] = defaultdict(set)
        self.released: dict[str, dt.date | None] = {}
        self.ids: set[str] = set()
        for e in entries:
            self.ids.add(e.id)
            self.released[e.id] = e.release_date
            own = identity_of(_take_date(e.id.lower())[0])
            base = own.without(TUNING_WORDS) if TUNING_WORDS & set(own.words) else None
            sized = False
            for n in e.names:
                text, date = _take_date(n.lower())
                ident = identity_of(text)
                if (not ident.words and not ident.numbers) or ident == base:
                    continue
                self.exact[ident].add(e.id)
                self.loose[ident.without(STAGE_WORDS)].add(e.id)
                sized = sized or bool(ident.sizes)
                self.tags[e.id].update(x for x in ident.numbers if len(x) == 4)
                if date:
                    self.dates[e.id].add(date)
            if not sized:
                for n in e.names:
                    ident = identity_of(_take_date(n.lower())[0])
                    if ident != base:
                        self.sizeless[ident.without(STAGE_WORDS)].add(e.id)

    def match(self, raw: str, effort: str | None = None) -> Match:
        pinned = self.pins.get(raw.strip().lower(), "")
        name = parse_name(raw, effort)
        if pinned != "":
            if pinned is None:
                return Match(None, name.effort, "listed as not a catalog model")
            if pinned not in self.ids:
                return Match(None, name.effort, f"pinned to {pinned}, which the catalog lacks")
            return Match(pinned, name.effort)
        ident = name.identity
        if not ident.words and not ident.numbers:
            return Match(None, name.effort, "no model name in it")
        stems = [*name.longer, (ident, name.effort)]  # the longest name that is a model wins
        # (table, identity, effort, a version tag set aside, whether words were set aside)
        tries: list[tuple[dict[Identity, set[str]], Identity, str | None, str | None, bool]] = []
        tries += [(self.exact, stem, eff, None, False) for stem, eff in stems]
        for strip in (STAGE_WORDS | HOST_WORDS, STAGE_WORDS | PACKAGING_WORDS):
            tries += [(self.loose, stem.without(strip), eff, None, True) for stem, eff in stems]
        loose = ident.without(STAGE_WORDS | PACKAGING_WORDS)
        tag = loose.numbers[-1] if loose.numbers and len(loose.numbers[-1]) == 4 else None
        if tag is not None:
            tries.append((self.loose, loose.without_tag() or loose, name.effort, tag, True))
        if loose.sizes:
            sizeless = Identity(loose.words, loose.numbers, ())
            tries.append((self.sizeless, sizeless, name.effort, None, True))
        for table, key, eff, dropped_tag, loosened in tries:
            owners = {
                o
                for o in table.get(key, ())
                if self._fits_date(o, name.date, loosened)
                and (dropped_tag is None or not self.tags[o] or dropped_tag in self.tags[o])
            }
            if not owners:
                continue
            picked = self._by_date(owners, name.date)
            if len(picked) == 1:
                return Match(next(iter(picked)), eff)
            return Match(
                None,
                eff,
                "could mean several models: " + ", ".join(sorted(picked)),
                tuple(sorted(picked)),
            )
        return Match(None, name.effort, "no catalog model by that name")

    def _fits_date(self, model: str, date: dt.date | None, loosened: bool) -> bool:
        """A dated name fits a model with that date in one of its names; an undated model fits
        when the name is its own, or, once words were set aside, when it was released within
        RELEASE_SLACK_DAYS of that date (the September preview of Gemini 2.5 Flash is not the
        Gemini 2.5 Flash of May)."""
        if date is None:
            return True
        if self.dates.get(model):
            return (
                date in self.dates[model]
                or any(abs((d - date).days) <= 1 for d in self.dates[model])
                or (date.day == 1 and any(d.replace(day=1) == date for d in self.dates[model]))
            )
        released = self.released.get(model)
        return not loosened or released is None or abs((released - date).days) <= RELEASE_SLACK_DAYS

    def _by_date(self, owners: set[str], date: dt.date | None) -> set[str]:
        """Dated snapshots are told apart by the name's date; without one, several stay several."""
        if len(owners) > 1 and date is not None:
            same = {o for o in owners if date in self.dates.get(o, ())}
            if same:
                return same
        return owners
