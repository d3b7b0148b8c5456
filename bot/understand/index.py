"""The alias index: every way people name a model, as token sequences, built once per catalog.

Matching is exact on tokens that carry a version or size (4.1, 4o, 235b, o3): only words without
digits may be typo-corrected, so GPT-4.1 never becomes GPT-4.1 mini or GPT-4o, and o3 never o3-mini.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.catalog.method import Scoreboard
from bot.catalog.models import Model
from bot.sources.raw import date_in
from bot.understand.common import COMMON_WORDS
from bot.understand.english import is_english
from bot.understand.text import has_digit, tokens
from bot.understand.trigrams import TrigramPool
from bot.understand.vocabulary import (
    CONNECTORS,
    CUE_WORDS,
    FAMILIES,
    LATER_TAGS,
    MONTHS,
    NOT_A_TIER_BEFORE,
    NOT_TIERS,
    SEPARATORS,
    STRIP_TAIL,
    STRONG_VARIANTS,
    SYNONYMS,
    VARIANT_WORDS,
    VENDORS,
    WEAK_WORDS,
)

_SIZE = re.compile(r"\d+(?:\.\d+)?[bmk]")  # parameter counts: 8b, 1.5b, 400m
_VERSION = re.compile(r"\d+\.\d+")
_SHORT_VERSION = re.compile(r"[a-z]\d+(?:\.\d+)?|\d+[a-z]")  # "m3", "k2.5", "4o" beside a family
_MONTH_SUFFIX = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4}|\d{4}-\d{2}-\d{2}|latest)\)$")

Key = tuple[str, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Mention:
    model: str
    start: int
    end: int
    corrected: bool
    key: tuple[str, ...] = ()  # the full name it matched, for names that continue it
    # a nickname that is also an everyday word ("scout", "maverick"), a version alone ("5.5"),
    # or words in another order: it names a model only with other evidence in the message
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Loose:
    """A name that is model-like but not one model: a family (clarify) or an unknown version."""

    kind: str  # "family" | "unknown"
    text: str
    start: int
    end: int
    candidates: tuple[str, ...]


def _snapshot_date(m: Model) -> dt.date | None:
    return date_in(m.id) or m.release_date


def _variants(name: str) -> list[Key]:
    base = tokens(_MONTH_SUFFIX.sub("", name))
    out = [base]
    while out[-1] and out[-1][-1] in STRIP_TAIL:
        out.append(out[-1][:-1])
    keys = [tuple(k) for k in out if k]
    extra: list[Key] = []
    for k in keys:
        # Claude: "claude sonnet 4" <-> "claude 4 sonnet"; "sonnet 4" alone.
        if len(k) == 3 and k[0] == "claude":
            a, b = k[1], k[2]
            if has_digit(a) != has_digit(b):
                extra.append(("claude", b, a))
                ver, kind = (a, b) if has_digit(a) else (b, a)
                extra.append((kind, ver))
                extra.append((ver, kind))
        # "Qwen3 235B A22B" -> also "qwen3 235b": people leave out the active size
        active = [t for t in k if re.fullmatch(r"a\d+b", t)]
        if len(k) >= 3 and active:
            extra.append(tuple(t for t in k if t not in active))
    for k in list(keys):
        # "Mistral Small 3.2 24B" -> also "mistral small 3.2": the version already names it
        if len(k) >= 3 and _SIZE.fullmatch(k[-1]) and any(_VERSION.fullmatch(t) for t in k[:-1]):
            extra.append(k[:-1])
    for k in list(keys) + list(extra):
        rest = k[1:]
        if k[0] not in FAMILIES or not rest:
            continue
        head = rest[0]
        tail_ok = all(
            t in VARIANT_WORDS
            or t.isdigit()
            or _SIZE.fullmatch(t)
            or (t.isalpha() and t not in WEAK_WORDS)
            for t in rest[1:]
        )
        if not tail_ok:
            continue
        # "4o" / "4o mini" for OpenAI's (never a bare size like "8b"); "r1", "v3", "k2",
        # "r1 distill llama 70b", "r1 0528"; and "4.1 nano", "2.5 flash": a version alone is too
        # common a number, with a tier after it it is a name
        short = (re.fullmatch(r"\d+[a-z]+", head) and not _SIZE.fullmatch(head)) or re.fullmatch(
            r"[a-z]\d[\d.]*", head
        )
        tiered = _VERSION.fullmatch(head) and len(rest) >= 2 and rest[1] in STRONG_VARIANTS
        if (short or tiered) and not (len(rest) == 1 and rest[0] in EVERYDAY_CODES):
            extra.append(rest)
    # "Ornith 1.0 397B" -> also "ornith 397b": the size names it as well as the version does
    for k in list(keys):
        if (
            len(k) >= 3
            and k[0].isalpha()
            and _SIZE.fullmatch(k[-1])
            and any(_VERSION.fullmatch(t) for t in k[1:-1])
        ):
            extra.append(tuple(t for t in k if not _VERSION.fullmatch(t)))
    return keys + extra


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
_GENERIC = VARIANT_WORDS - {"scout", "maverick"}


def _looks_like_version(tok: str) -> bool:
    """4, 4.1, 4o: what follows a family name; not 500k or 12b, which are sizes."""
    return bool(re.fullmatch(r"\d+(?:\.\d+)?[a-z]?", tok)) and not _SIZE.fullmatch(tok)


def _version_after(word: str, nxt: str) -> bool:
    """The next token reads as a version of a name this word may misspell. After an everyday
    word only a model-like version counts: "got 4.1" is GPT-4.1, "got 71%" is a score."""
    if not _looks_like_version(nxt):
        return False
    return not is_english(word) or re.fullmatch(r"\d(?:\.\d+)?[a-z]?|\d+\.\d+", nxt) is not None


def _usable(key: Key) -> bool:
    if not key:
        return False
    if len(key) == 1:
        return has_digit(key[0]) and not key[0].isdigit()
    return any(has_digit(t) or t not in WEAK_WORDS for t in key)


class AliasIndex:
    def __init__(self, scoreboard: Scoreboard) -> None:
        self.scoreboard = scoreboard
        catalog = scoreboard.catalog
        self.models = catalog.model_by_id
        self.keys: dict[Key, set[str]] = defaultdict(set)
        self.vendor_keys: dict[str, dict[Key, set[str]]] = defaultdict(lambda: defaultdict(set))
        for m in catalog.models:
            names = [m.name, m.id, *m.aliases]
            own = tuple(tokens(_MONTH_SUFFIX.sub("", m.name)))
            if len(own) >= 2 or (
                len(own) == 1
                and own[0].isalpha()
                and len(own[0]) >= 4
                and own[0] not in WEAK_WORDS
                and own[0] not in FAMILIES
            ):
                self.keys[own].add(m.id)  # its own full name, even "Command A" or "Fugu"
            for n in names:
                for key in _variants(n):
                    if _usable(key):
                        self.keys[key].add(m.id)
                    vendor = next((v for v, c in VENDORS.items() if c == m.creator), None)
                    if (
                        vendor
                        and len(key) >= 2
                        and key[0] in FAMILIES
                        and _usable(key[1:]) is not False
                    ):
                        self.vendor_keys[m.creator][key[1:]].add(m.id)
        self.display_tokens: dict[str, frozenset[str]] = {
            m.id: frozenset(tokens(m.name)) for m in catalog.models
        }
        self.by_display_token = _postings(self.display_tokens)
        self._share_versions()
        # Words of display names: one model's own word is its nickname ("scout", "fable"); a
        # word several models share, and no generic tier word, acts as a family ("ornith").
        lines: dict[str, set[str]] = defaultdict(set)
        for m in catalog.models:
            for t in set(tokens(_MONTH_SUFFIX.sub("", m.name))):
                if (
                    t.isalpha()
                    and len(t) >= 4
                    and t not in FAMILIES
                    and t not in VENDORS
                    and t not in _GENERIC
                    and t not in COMMON_WORDS
                    and t not in CUE_WORDS
                ):
                    lines[t].add(m.id)
        self.nicknames: dict[str, str] = {}
        families = set(FAMILIES)
        for word, ids in lines.items():
            if len(ids) == 1:
                self.nicknames[word] = next(iter(ids))
            elif not is_english(word):
                families.add(word)
        self.families = frozenset(families)
        # Names as bags of words, for a name in another order ("pro 2.5 gemini") or without its
        # family word ("oss 120b", "5.2 codex", "codex max"): only bags one model owns.
        bags: dict[Key, set[str]] = defaultdict(set)
        for key, ids in self.keys.items():
            parts = [key]
            if key[0] in self.families and len(key) >= 3:
                parts.append(key[1:])
                unversioned = tuple(t for t in key[1:] if not _VERSION.fullmatch(t))
                if len(unversioned) >= 2:
                    parts.append(unversioned)
            for part in parts:
                if len(part) >= 2:
                    bags[tuple(sorted(part))].update(ids)
        self.bags = {
            b: ids for b, ids in bags.items() if len(ids) == 1 or _one_name(ids, self.models)
        }
        self.bag_words = frozenset(t for b in self.bags for t in b)
        self.versions: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, ids in self.keys.items():
            if len(key) == 2 and key[0] in FAMILIES and _VERSION.fullmatch(key[1]):
                self.versions[(key[0], key[1])].update(ids)
        self.prefixes: set[Key] = {k[:i] for k in self.keys for i in range(1, len(k) + 1)}
        self.keys_by_first: dict[str, list[Key]] = defaultdict(list)
        for k in self.keys:
            self.keys_by_first[k[0]].append(k)
        self.max_len = max(len(k) for k in self.keys)
        self.len_by_first = {w: max(len(k) for k in ks) for w, ks in self.keys_by_first.items()}
        self.vocab = sorted(
            {t for k in self.keys for t in k if t.isalpha() and len(t) >= 4}
            | {v for v in VENDORS if len(v) >= 4}
        )
        self.vocab_set = frozenset(self.vocab) | frozenset(t for k in self.keys for t in k)
        self.name_tokens: dict[str, frozenset[str]] = {
            m.id: frozenset(t for n in (m.name, *m.aliases) for t in tokens(n))
            for m in catalog.models
        }
        # Inverted indexes, so that a question costs the same with 300 models or 10,000:
        # which models carry a word in their names, which a creator made, the o-series, and
        # the character trigrams of each name for spelling suggestions.
        self.by_name_token = _postings(self.name_tokens)
        self.by_creator: dict[str, list[str]] = defaultdict(list)
        for m in catalog.models:
            self.by_creator[m.creator].append(m.id)
        self.o_series = [m.id for m in catalog.models if re.match(r"o\d", m.name)]
        self.names: dict[str, str] = {m.name: m.id for m in catalog.models}
        self._name_list = list(self.names)
        self._pool = TrigramPool(self._name_list)
        # A plain dict, not functools.lru_cache around a bound method: that makes a reference
        # cycle, and an engine with a cycle is freed by the cyclic collector only, not as soon
        # as a refresh replaces it.
        self._corrections: dict[tuple[str, bool, bool], str | None] = {}

    def _share_versions(self) -> None:
        """ "qwen 3.6" is the version of Qwen3.6 27B with its size left out, but Qwen3.6 35B-A3B
        and Qwen3.6 Plus are the same version too: such a name answers to all of them, so that
        asking about it asks which."""
        for key, ids in list(self.keys.items()):
            if not any(_VERSION.fullmatch(t) for t in key) or any(_SIZE.fullmatch(t) for t in key):
                continue
            if any(
                tuple(key)
                in (
                    tuple(t for t in tokens(self.models[mid].name) if t not in STRIP_TAIL),
                    tuple(tokens(self.models[mid].name)),
                )
                for mid in ids
            ):
                continue
            pool = _having(self.by_display_token, set(key)) or set()
            same = {
                other
                for other in pool - ids
                if "base" not in self.display_tokens[other]
                and all(
                    _SIZE.fullmatch(t) or re.fullmatch(r"a\d+b", t) or t in VARIANT_WORDS
                    for t in self.display_tokens[other] - set(key)
                )
            }
            if same:
                self.keys[key] = ids | same

    # -- tokens ------------------------------------------------------------------------------

    def _correct(
        self, tok: str, before_version: bool = False, after_version: bool = False
    ) -> str | None:
        key = (tok, before_version, after_version)
        if key not in self._corrections:
            if len(self._corrections) >= 4096:
                self._corrections.clear()
            self._corrections[key] = self._correct_uncached(tok, before_version, after_version)
        return self._corrections[key]

    def _correct_uncached(
        self, tok: str, before_version: bool = False, after_version: bool = False
    ) -> str | None:
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
                pool += [v for v in VARIANT_WORDS if len(v) == 4]
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
        joined = [SYNONYMS.get(t, t) for t in joined]
        # "qwen3 (the 32b one)": the size in brackets belongs to the name before it
        k = 1
        while k + 1 < len(joined):
            if (
                joined[k] == "the"
                and _SIZE.fullmatch(joined[k + 1])
                and has_digit(joined[k - 1])
                and (
                    k + 2 == len(joined) or joined[k + 2] in ("one", "version", "model", "variant")
                )
            ):
                joined = joined[:k] + [joined[k + 1]] + joined[k + 3 :]
            k += 1
        fixed = [
            self._correct(
                t,
                i + 1 < len(joined) and _version_after(t, joined[i + 1]),
                i > 0 and has_digit(joined[i - 1]),
            )
            or t
            for i, t in enumerate(joined)
        ]
        return joined, fixed

    # -- model mentions ---------------------------------------------------------------------

    def _lookup(
        self, toks: list[str], fixed: list[str], i: int
    ) -> tuple[int, set[str], bool] | None:
        # only the lengths of the names that start with this word (most words start none)
        longest = max(self.len_by_first.get(toks[i], 0), self.len_by_first.get(fixed[i], 0))
        for length in range(min(longest, len(toks) - i), 0, -1):
            raw = tuple(toks[i : i + length])
            if raw in self.keys:
                return length, self.keys[raw], False
            fix = tuple(fixed[i : i + length])
            if fix != raw and fix in self.keys:
                return length, self.keys[fix], True
        return None

    def resolve(self, ids: set[str], toks: list[str], start: int, end: int) -> str:
        """One model for a name several share: a date or month near it picks a snapshot, else
        the newest snapshot; among non-snapshots the one whose own name it is."""
        if len(ids) == 1:
            return next(iter(ids))
        lo = start
        while lo > 0 and start - lo < 3 and toks[lo - 1] not in SEPARATORS:
            lo -= 1
        hi = end
        while hi < len(toks) and hi - end < 4 and toks[hi] not in SEPARATORS:
            hi += 1
        window = toks[lo:start] + toks[end:hi]
        best: list[tuple[int, dt.date, str]] = []
        for mid in ids:
            d = _snapshot_date(self.models[mid]) or dt.date.min
            best.append((_date_cue_score(d, window), d, mid))
        best.sort(reverse=True)
        if best[0][0] > 0:
            return best[0][2]
        span = tuple(toks[start:end])
        exact = [mid for mid in ids if tuple(tokens(self.models[mid].name)) == span]
        if len(exact) == 1:
            return exact[0]

        def rank(mid: str) -> tuple:
            m = self.models[mid]
            return (
                "base" not in tokens(m.name),
                "preview" not in tokens(m.name),
                _snapshot_date(m) or dt.date.min,
                len(self.scoreboard.catalog.scores_of(mid)),
                mid,
            )

        return max(ids, key=rank)

    def find(self, text: str) -> tuple[list[Mention], list[Loose], list[str]]:
        toks, fixed = self.prepare(tokens(text))
        mentions: list[Mention] = []
        loose: list[Loose] = []
        i = 0
        while i < len(toks):
            vendor = VENDORS.get(toks[i]) or VENDORS.get(fixed[i])
            hit = self._lookup(toks, fixed, i)
            if hit is None and vendor and i + 1 < len(toks) and self._lookup(toks, fixed, i + 1):
                i += 1  # "openai's o3", "cohere's command a": the vendor adds nothing
                continue
            if hit is None and vendor and i + 1 < len(toks):
                table = self.vendor_keys.get(vendor, {})
                for length in range(min(self.max_len, len(toks) - i - 1), 0, -1):
                    key = tuple(toks[i + 1 : i + 1 + length])
                    if key in table and (has_digit(key[0]) or len(key) > 1):
                        hit = (length + 1, table[key], False)
                        break
            if hit is not None:
                length, ids, corrected = hit
                end = i + length
                nxt = toks[end] if end < len(toks) else None
                typed = [fixed[k] if corrected else toks[k] for k in range(i, end)]
                after = toks[end + 1] if end + 1 < len(toks) else None
                if nxt in NOT_A_TIER_BEFORE and after in NOT_A_TIER_BEFORE[nxt]:
                    nxt = None
                if (
                    nxt in STRONG_VARIANTS
                    and not self._extends(typed, nxt)
                    and self._lookup(toks, fixed, end) is None
                ):
                    # "gpt-4.1 ultra": a real name plus a variant that does not exist
                    near = self.nearest(" ".join(toks[i : end + 1]))
                    loose.append(
                        Loose("unknown", " ".join(toks[i : end + 1]), i, end + 1, tuple(near))
                    )
                    i = end + 1
                    continue
                if nxt in VARIANT_WORDS and self._extends(typed, nxt):
                    # "deepseek r1 distill": more specific than a name, less than any one model
                    words = [*typed, nxt]
                    cands = self.family_candidates(words)
                    plain = [c for c in cands if self._sized_only(c, words)]
                    if len(plain) == 1:
                        # "nemotron 3 nano": Nemotron 3 Nano 30B A3B, the one with nothing more
                        # to its name than sizes (not Nemotron 3 Nano Omni)
                        mentions.append(Mention(plain[0], i, end + 1, corrected, tuple(words)))
                        i = end + 1
                        continue
                    if cands:
                        loose.append(
                            Loose("family", " ".join(toks[i : end + 1]), i, end + 1, tuple(cands))
                        )
                        i = end + 1
                        continue
                key = tuple(fixed[i:end] if corrected else toks[i:end])
                if self._ambiguous(ids, key):
                    # "devstral small", "kimi k2": a line with several models, none of them
                    # the plain one: ask which
                    cands = self._rank_candidates(list(ids))
                    loose.append(Loose("family", " ".join(toks[i:end]), i, end, tuple(cands)))
                    i = end
                    continue
                later = self._later_generations(ids, key)
                if later:
                    # "mistral small": the name of the first of a line that has had numbered
                    # generations since (Mistral Small 3.1, 4): ask which
                    cands = self._newest_first(list(ids | later))
                    loose.append(Loose("family", " ".join(toks[i:end]), i, end, tuple(cands)))
                    i = end
                    continue
                swapped = tuple(toks[end : end + 2])[::-1]
                if len(swapped) == 2 and (*key, *swapped) in self.keys:
                    # "qwen3 235b 2507 instruct": the last two words of a longer name swapped
                    key = (*key, *swapped)
                    ids, end = self.keys[key], end + 2
                mentions.append(Mention(self.resolve(ids, toks, i, end), i, end, corrected, key))
                i = end
                continue
            bag = self._bag(toks, i)
            if bag is not None:
                mentions.append(bag)
                i = bag.end
                continue
            if toks[i] in self.nicknames:
                mid = self.nicknames[toks[i]]
                mentions.append(Mention(mid, i, i + 1, False, (toks[i],), weak=True))
                i += 1
                continue
            cont = self._continuation(toks, i, mentions)
            if cont is not None:
                mentions.append(cont)
                i = cont.end
                continue
            item = self._loose(toks, fixed, i)
            if item is not None:
                if item.kind == "family":
                    item = self._narrowed(item, toks)
                    exact = self._sole(item, toks)
                    if exact is not None:
                        mentions.append(exact)
                        i = item.end
                        continue
                loose.append(item)
                i = item.end
                continue
            i += 1
        mentions = self._bare_versions(toks, mentions, loose)
        if len(mentions) == 1:
            mentions = self._month_ones(toks, mentions)
        return mentions, loose, toks

    def _month_ones(self, toks: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "claude 3.5 sonnet june vs the october one": another snapshot of the model named,
        picked by its month."""
        m = mentions[0]
        base = self.models[m.model].name
        stem = _MONTH_SUFFIX.sub("", base)
        for i in range(m.end, len(toks) - 1):
            month = MONTHS.get(toks[i])
            if month is None or toks[i + 1] not in ("one", "version", "release", "snapshot"):
                continue
            if toks[i - 1] not in ("the", "vs", "or", "and", "than", "to"):
                continue
            twins = [
                mid
                for mid in self.by_display_token.get(tokens(stem)[0], ())
                if mid != m.model
                and _MONTH_SUFFIX.sub("", self.models[mid].name) == stem
                and (d := _snapshot_date(self.models[mid])) is not None
                and d.month == month
            ]
            if len(twins) == 1:
                return [*mentions, Mention(twins[0], i, i + 2, False, (toks[i], toks[i + 1]))]
        return mentions

    def _ambiguous(self, ids: set[str], key: Key) -> bool:
        """Several models answer to this name and none is the plain one: their names differ by
        more than a snapshot month, and none of them is exactly what was typed."""
        if len(ids) < 2:
            return False
        bases = {_MONTH_SUFFIX.sub("", self.models[m].name) for m in ids}
        if len(bases) < 2:
            return False
        released = {
            tuple(t for t in tokens(b) if t not in ("preview", "exp", "experimental"))
            for b in bases
        }
        if len(released) == 1:
            return False  # "3.1 flash lite": the released one and its preview
        typed = tuple(key)
        for m in ids:
            own = tuple(tokens(_MONTH_SUFFIX.sub("", self.models[m].name)))
            if own == typed or tuple(t for t in own if t not in STRIP_TAIL) == typed:
                return False
        return True

    def _sized_only(self, mid: str, words: list[str]) -> bool:
        extra = self.display_tokens[mid] - set(words)
        return all(_SIZE.fullmatch(t) or re.fullmatch(r"a\d+b", t) for t in extra)

    def _later_generations(self, ids: set[str], key: Key) -> set[str]:
        """Newer models whose names are this version-less name plus a version number; or, for
        a name that is a model's name less its "Instruct" ("kimi k2" for Kimi K2 Instruct),
        the newer models of that name (K2 0905, K2 Thinking)."""
        if any(has_digit(t) for t in key):
            return self._later_of_stripped(ids, key)
        typed = set(key)
        pool = _having(self.by_display_token, typed) or set()
        first = max((_snapshot_date(self.models[m]) or dt.date.min) for m in ids)
        return {
            mid
            for mid in pool - ids
            if (_snapshot_date(self.models[mid]) or dt.date.min) > first
            and any(
                _looks_like_version(t) and not re.fullmatch(r"\d{2}|\d{4}", t)
                for t in self.display_tokens[mid] - typed
            )
        }

    def _later_of_stripped(self, ids: set[str], key: Key) -> set[str]:
        if len(ids) != 1:
            return set()
        mid = next(iter(ids))
        own = tuple(tokens(_MONTH_SUFFIX.sub("", self.models[mid].name)))
        if own == tuple(key) or tuple(t for t in own if t not in STRIP_TAIL) != tuple(key):
            return set()
        typed = set(key)
        first = _snapshot_date(self.models[mid]) or dt.date.min
        pool = _having(self.by_display_token, typed) or set()
        return {
            o
            for o in pool - ids
            if (_snapshot_date(self.models[o]) or dt.date.min) > first
            and all(
                re.fullmatch(r"\d{4}", t) or t in LATER_TAGS for t in self.display_tokens[o] - typed
            )
        }

    def _bag(self, toks: list[str], i: int) -> Mention | None:
        """A model's name in another order or without its family word: "pro 2.5 gemini",
        "oss 120b", "5.2 codex". Needs a family word, a dotted version or a size in it."""
        if toks[i] not in self.bag_words:
            return None  # every word of a bag is some name's word
        for length in (3, 2):
            window = toks[i : i + length]
            if len(window) < length:
                continue
            if not any(
                t in self.families or _VERSION.fullmatch(t) or _SIZE.fullmatch(t) for t in window
            ):
                continue
            ids = self.bags.get(tuple(sorted(window)))
            if ids:
                mid = self.resolve(ids, toks, i, i + length)
                weak = not any(t in self.families for t in window)
                return Mention(mid, i, i + length, False, tuple(window), weak=weak)
        return None

    def _bare_versions(
        self, toks: list[str], mentions: list[Mention], loose: list[Loose]
    ) -> list[Mention]:
        """A version alone beside a named model ("5.5 or opus 4.7", "4o vs 4.1", "compared to
        5.5") names the one model of that version: the neighbour's family first."""
        taken = {k for m in mentions for k in range(m.start, m.end)}
        taken |= {k for x in loose for k in range(x.start, x.end)}
        named: list[Mention | Loose] = sorted([*mentions, *loose], key=lambda x: x.start)
        out = list(mentions)
        for i, t in enumerate(toks):
            dotted = _VERSION.fullmatch(t) is not None
            if i in taken or not (dotted or _SHORT_VERSION.fullmatch(t)):
                continue
            near = [
                x
                for x in named
                if (
                    x.end <= i
                    and (i - x.end <= 2 or (i - x.end <= 4 and toks[i - 1] in CONNECTORS))
                    and any(w in CONNECTORS | {"compared"} for w in toks[x.end : i])
                )
                or (
                    x.start > i
                    and x.start - i <= 2
                    and any(w in CONNECTORS for w in toks[i + 1 : x.start])
                )
            ]
            if not near:
                continue
            fams = [toks[x.start] for x in near if toks[x.start] in FAMILIES]
            fams += [
                f
                for x in near
                if isinstance(x, Mention)
                for f in FAMILIES
                if f in self.name_tokens.get(x.model, ())
            ]
            ids: set[str] = set()
            for f in fams:
                ids = self.versions.get((f, t), set()) if dotted else self.keys.get((f, t), set())
                if ids:
                    break
            if not ids and dotted:
                owners = [v for (f, ver), v in self.versions.items() if ver == t]
                if len(owners) == 1:
                    ids = owners[0]
            if len(ids) == 1:
                out.append(Mention(next(iter(ids)), i, i + 1, False, (t,), weak=True))
        return sorted(out, key=lambda m: m.start)

    def _continuation(self, toks: list[str], i: int, mentions: list[Mention]) -> Mention | None:
        """ "gemini 2.5 flash vs flash lite", "llama 4 scout or maverick": the second name leaves
        out what it shares with the first."""
        if not mentions or not (
            has_digit(toks[i]) or toks[i] in VARIANT_WORDS or toks[i] in self.vocab_set
        ):
            return None
        if i == 0 or toks[i - 1] not in CONNECTORS:
            return None
        prev = mentions[-1]
        head = list(prev.key or toks[prev.start : prev.end])
        if tuple(head) not in self.keys:  # "the 120b oss one vs the 20b one": its real name
            head = list(tokens(self.models[prev.model].name))
        heads = [head]
        full = list(tokens(self.models[prev.model].name))
        if full != head:
            heads.append(full)  # "4.1 nano vs 5 nano": GPT-4.1 nano -> GPT-5 nano
        for head in heads:
            for cut in range(len(head) - 1, 0, -1):  # the most it can share first
                for length in range(min(3, len(toks) - i), 0, -1):
                    key = tuple(head[:cut]) + tuple(toks[i : i + length])
                    if key in self.keys and len(key) > 1:
                        ids = self.keys[key]
                        return Mention(
                            self.resolve(ids, toks, i, i + length), i, i + length, False, key
                        )
        return None

    def _narrowed(self, item: Loose, toks: list[str]) -> Loose:
        """ "step flash": a family word after a word of some of its models' names means those
        models (Step 3.5 Flash, Step 3.7 Flash), not every Flash."""
        if item.start == 0:
            return item
        word = toks[item.start - 1]
        if word in CONNECTORS or word in COMMON_WORDS or word not in self.by_display_token:
            return item
        owners = self.by_display_token[word]
        words = set(toks[item.start : item.end])
        pool = [m for m in owners if words <= self.display_tokens[m]]
        if not pool:
            return item
        text = f"{word} {item.text}"
        return Loose("family", text, item.start - 1, item.end, tuple(self._newest_first(pool)[:8]))

    def _sole(self, item: Loose, toks: list[str]) -> Mention | None:
        """A family word that is some model's whole name ("fugu", "sonar") names that model."""
        words = tuple(toks[item.start : item.end])
        for mid in item.candidates:
            if tuple(tokens(self.models[mid].name)) == words:
                return Mention(mid, item.start, item.end, False)
        if len(item.candidates) == 1 and len(self.family_candidates(list(words), limit=50)) == 1:
            return Mention(item.candidates[0], item.start, item.end, False)
        if any(has_digit(w) for w in words) and words[-1] in VARIANT_WORDS:
            # "nemotron 3 nano": the one model that is these words plus sizes
            plain = [
                c
                for c in self.family_candidates(list(words), limit=50)
                if self._sized_only(c, list(words))
            ]
            if len(plain) == 1:
                return Mention(plain[0], item.start, item.end, False, tuple(words))
        return None

    def _extends(self, key: list[str], word: str) -> bool:
        return tuple(key) + (word,) in self.prefixes

    # -- families and unknown names ---------------------------------------------------------

    def _loose(self, toks: list[str], fixed: list[str], i: int) -> Loose | None:
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        trust_fix = has_digit(nxt) or nxt in VARIANT_WORDS
        word = (
            fixed[i]
            if fixed[i] in self.families and (trust_fix or fixed[i] == toks[i])
            else toks[i]
        )
        series = re.fullmatch(r"o\d+", word) is not None
        if series and word in EVERYDAY_CODES:
            return None  # "o2" is oxygen: OpenAI went from o1 to o3
        if series and (word,) not in self.keys and nxt not in VARIANT_WORDS:
            # "o4 (the full one, not mini)": only o4-mini exists
            return Loose("unknown", word, i, i + 1, tuple(self.nearest(word)))
        if word not in self.families and word not in VENDORS and not series:
            return None
        if word == "o" and nxt not in ("series", "models", "model", "line", "family", "ones"):
            return None  # "gpt-5.5 o claude opus 4.8": Spanish "or", not the o-series
        j = i + 1
        tail: list[str] = []
        while j < len(toks) and len(tail) < 3:
            # a variant word only as typed: "like" must not become "lite"
            t = toks[j] if fixed[j] in VARIANT_WORDS else fixed[j]
            if (
                has_digit(t)
                or t in VARIANT_WORDS
                or (t in self.vocab_set and t not in FAMILIES and t not in VENDORS)
            ):
                tail.append(t)
                j += 1
            elif (
                not tail
                and word in FAMILIES
                and t.isalpha()
                and len(t) >= 4
                and t not in NOT_TIERS
                and j + 1 < len(toks)
                and has_digit(toks[j + 1])
            ):
                tail.extend([t, toks[j + 1]])  # "mistral gigantic 5": a made-up tier
                j += 2
            else:
                break
        words = [word, *tail]
        text = " ".join(toks[i:j])
        if series or any(has_digit(t) for t in tail):
            # a versioned name: unknown if no model name starts with it
            if not self._version_prefix(words) and not self._contained(words):
                near = self.nearest(" ".join(words))
                return Loose("unknown", text, i, j, tuple(near))
            if series:
                return None
        cands = self.family_candidates(words)
        if not cands:
            return None
        return Loose("family", text, i, j, tuple(cands))

    def _version_prefix(self, words: list[str]) -> bool:
        """True when some name starts with these words, a bare major version ("llama 3")
        standing for any of its minor versions (3.1, 3.3)."""
        n = len(words)
        for key in self.keys_by_first.get(words[0], ()):
            if len(key) < n:
                continue
            if all(
                k == w or (w.isdigit() and k.startswith(w + "."))
                for k, w in zip(key[:n], words, strict=True)
            ):
                return True
        return False

    def _contained(self, words: list[str]) -> bool:
        return bool(_having(self.by_display_token, set(words)))

    def family_candidates(self, words: list[str], limit: int = 8) -> list[str]:
        if words[0] == "o":  # "o series": OpenAI's o1, o3, o4-mini...
            return self._rank_candidates(self.o_series)[:limit]
        need = set(words) - {"o"}
        majors = {w for w in need if w.isdigit()}
        need -= majors
        if words[0] in VENDORS:
            need -= {words[0]}
            made = self.by_creator.get(VENDORS[words[0]], [])
            pool = [mid for mid in made if need <= self.name_tokens[mid]]
        else:
            having = _having(self.by_name_token, need)
            pool = list(self.models) if having is None else list(having)
        if majors:
            # "qwen3" is Qwen3 itself when such models exist; "llama 3" means 3.1, 3.3...
            exact = [mid for mid in pool if majors <= self.name_tokens[mid]]
            pool = exact or [
                mid
                for mid in pool
                if all(
                    any(t == v or t.startswith(v + ".") for t in self.name_tokens[mid])
                    for v in majors
                )
            ]
        return self._rank_candidates(pool)[:limit]

    def _newest_first(self, ids: list[str]) -> list[str]:
        """Generations of one line: the newest first, base (pre-trained only) models last."""

        def key(mid: str) -> tuple:
            m = self.models[mid]
            return ("base" not in self.display_tokens[mid], _snapshot_date(m) or dt.date.min, mid)

        return sorted(ids, key=key, reverse=True)

    def _rank_candidates(self, ids: list[str]) -> list[str]:
        sb = self.scoreboard

        def key(mid: str) -> tuple:
            # the current models people most likely mean: ranked ones, newest month first, the
            # stronger of a month's releases first (GPT-5.4 before GPT-5.4 nano)
            p = sb.profiles[mid]
            m = self.models[mid]
            when = _snapshot_date(m) or dt.date.min
            return (
                p.overall is not None and not p.overall.provisional,
                p.overall is not None,
                bool(p.categories),
                (when.year, when.month),
                p.overall.value if p.overall else 0.0,
                mid,
            )

        return sorted(ids, key=key, reverse=True)

    def nearest(self, text: str, limit: int = 3) -> list[str]:
        """Closest real models to a name that matched none: the same family's best-covered
        current models first ("gpt 9" -> GPT-5.x), else the nearest names by spelling."""
        words = tokens(text)
        family = SYNONYMS.get(words[0], words[0]) if words else ""
        if family in FAMILIES and family != "o":
            same = self._rank_candidates(list(self.by_display_token.get(family, ())))
            if same:
                return same[:limit]
        # Spell-match only the names that share the most letter trigrams with the text, not
        # every name in the catalog.
        pool = [self._name_list[i] for i in self._pool.closest(text, NEAREST_POOL)]
        hits = process.extract(text, pool, limit=limit * 3)
        out: list[str] = []
        for name, _, _ in hits:
            if self.names[name] not in out:
                out.append(self.names[name])
        return out[:limit]


NEAREST_POOL = 200  # names spell-matched for a suggestion, picked by shared trigrams
MAX_UNKNOWN_CHOICES = 5
MAX_FAMILY_CHOICES = 8


def unknown_choices(items: Iterable[Loose]) -> list[str]:
    """What to suggest for names that match no model: each name's nearest current models, in
    the order the names came. One rule for every path (free text, slash options), so the same
    unknown name gets the same suggestions wherever it is typed."""
    return list(dict.fromkeys(c for u in items for c in u.candidates))[:MAX_UNKNOWN_CHOICES]


def family_choices(items: list[Loose]) -> list[str]:
    """Which-one choices for family names ("claude", "llama 4"): an even share of each
    family's candidates, so that two families both get a say."""
    per = max(2, MAX_FAMILY_CHOICES // len(items))
    out = dict.fromkeys(c for f in items for c in f.candidates[:per])
    return list(out)[:MAX_FAMILY_CHOICES]


def _postings(sets: Mapping[T, Iterable[str]]) -> dict[str, set[T]]:
    """word -> the keys whose sets hold it."""
    out: dict[str, set[T]] = defaultdict(set)
    for key, words in sets.items():
        for w in words:
            out[w].add(key)
    return dict(out)


def _having(postings: Mapping[str, set[str]], need: set[str]) -> set[str] | None:
    """The keys holding every word in `need`; None when `need` is empty (no constraint)."""
    if not need:
        return None
    lists = sorted((postings.get(w, set()) for w in need), key=len)
    return lists[0].intersection(*lists[1:])


def _date_cue_score(d: dt.date, window: list[str]) -> int:
    if d == dt.date.min:
        return 0
    score = 0
    years = {t for t in window if re.fullmatch(r"20\d\d", t)}
    for t in window:
        month = MONTHS.get(t)
        if month is None and years and re.fullmatch(r"0[1-9]|1[0-2]", t):
            month = int(t)
        if month == d.month and (t != "may" or years):
            score += 3
        if t in (d.strftime("%m%d"), d.strftime("%Y%m%d"), d.strftime("%y%m")):
            score += 5
    if str(d.year) in years:
        score += 2 if score else 1
    return score


def _one_name(ids: set[str], models: Mapping[str, Model]) -> bool:
    """Several ids that are snapshots of one name ("GPT-4o (May 2024)", "(Nov 2024)")."""
    return len({_MONTH_SUFFIX.sub("", models[m].name) for m in ids}) == 1
