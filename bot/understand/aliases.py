"""Every way people name a catalog's models, built once per catalog: each name's keys (its words,
and the shorter and reordered forms people type), the names a maker's word may stand before,
nicknames, the words that act as families, names as bags of words, and the inverted indexes
that keep a question's cost the same with 300 models or 10,000."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from bot.catalog.models import Catalog, Model
from bot.sources.raw import date_in
from bot.understand.common import COMMON_WORDS
from bot.understand.english import is_english
from bot.understand.shapes import ACTIVE_SIZE, EVERYDAY_CODES, SIZE, VERSION
from bot.understand.text import has_digit, tokens
from bot.understand.vocabulary import (
    CUE_WORDS,
    FAMILIES,
    STRIP_TAIL,
    STRONG_VARIANTS,
    VARIANT_WORDS,
    VENDORS,
    WEAK_WORDS,
)

Key = tuple[str, ...]
T = TypeVar("T")

_MONTH_SUFFIX = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4}|\d{4}-\d{2}-\d{2}|latest)\)$")
_SHORT_HEAD = re.compile(r"\d+[a-z]+")  # "4o" after a family
_CODE_HEAD = re.compile(r"[a-z]\d[\d.]*")  # "r1", "v3", "k2" after a family
# A model's own word that is a generic tier is no nickname, nor a family ("pro", "mini").
_GENERIC = VARIANT_WORDS - {"scout", "maverick"}
_CREATORS = frozenset(VENDORS.values())


def without_month(name: str) -> str:
    """A name less its snapshot ("GPT-4o (May 2024)" -> "GPT-4o")."""
    return _MONTH_SUFFIX.sub("", name)


def snapshot_date(m: Model) -> dt.date | None:
    return date_in(m.id) or m.release_date


def postings(sets: Mapping[T, Iterable[str]]) -> dict[str, set[T]]:
    """word -> the keys whose sets hold it."""
    out: dict[str, set[T]] = defaultdict(set)
    for key, words in sets.items():
        for w in words:
            out[w].add(key)
    return dict(out)


def having(index: Mapping[str, set[str]], need: set[str]) -> set[str] | None:
    """The keys holding every word in `need`; None when `need` is empty (no constraint)."""
    if not need:
        return None
    lists = sorted((index.get(w, set()) for w in need), key=len)
    return lists[0].intersection(*lists[1:])


def usable(key: Key) -> bool:
    """A key that can name a model: one word needs letters and a digit ("4o", not "4" or
    "pro"); more words need a digit or a word that is more than a tier or filler ("the pro")."""
    if not key:
        return False
    if len(key) == 1:
        return has_digit(key[0]) and not key[0].isdigit()
    return any(has_digit(t) or t not in WEAK_WORDS for t in key)


def variants(name: str) -> list[Key]:
    """The keys a name answers to: its words, less the tails it is known without, and the
    shorter and reordered forms people type."""
    base = tokens(without_month(name))
    out = [base]
    while out[-1] and out[-1][-1] in STRIP_TAIL:
        out.append(out[-1][:-1])
    keys = [tuple(k) for k in out if k]
    extra = _reordered(keys)
    for k in list(keys):
        # "Mistral Small 3.2 24B" -> also "mistral small 3.2": the version already names it
        if len(k) >= 3 and SIZE.fullmatch(k[-1]) and any(VERSION.fullmatch(t) for t in k[:-1]):
            extra.append(k[:-1])
    extra += _without_family(keys + extra)
    # "Ornith 1.0 397B" -> also "ornith 397b": the size names it as well as the version does
    for k in list(keys):
        if (
            len(k) >= 3
            and k[0].isalpha()
            and SIZE.fullmatch(k[-1])
            and any(VERSION.fullmatch(t) for t in k[1:-1])
        ):
            extra.append(tuple(t for t in k if not VERSION.fullmatch(t)))
    return keys + extra


def _reordered(keys: list[Key]) -> list[Key]:
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
        active = [t for t in k if ACTIVE_SIZE.fullmatch(t)]
        if len(k) >= 3 and active:
            extra.append(tuple(t for t in k if t not in active))
    return extra


def _without_family(keys: list[Key]) -> list[Key]:
    """ "4o" / "4o mini" for OpenAI's (never a bare size like "8b"); "r1", "v3", "k2",
    "r1 distill llama 70b", "r1 0528"; and "4.1 nano", "2.5 flash": a version alone is too
    common a number, with a tier after it it is a name."""
    extra: list[Key] = []
    for k in keys:
        rest = k[1:]
        if k[0] not in FAMILIES or not rest:
            continue
        head = rest[0]
        tail_ok = all(
            t in VARIANT_WORDS
            or t.isdigit()
            or SIZE.fullmatch(t)
            or (t.isalpha() and t not in WEAK_WORDS)
            for t in rest[1:]
        )
        if not tail_ok:
            continue
        short = (_SHORT_HEAD.fullmatch(head) and not SIZE.fullmatch(head)) or _CODE_HEAD.fullmatch(
            head
        )
        tiered = VERSION.fullmatch(head) and len(rest) >= 2 and rest[1] in STRONG_VARIANTS
        if (short or tiered) and not (len(rest) == 1 and rest[0] in EVERYDAY_CODES):
            extra.append(rest)
    return extra


def one_name(ids: set[str], models: Mapping[str, Model]) -> bool:
    """Several ids that are snapshots of one name ("GPT-4o (May 2024)", "(Nov 2024)")."""
    return len({without_month(models[m].name) for m in ids}) == 1


class Aliases:
    """The name tables of one catalog. Built once; read, never changed, by the name finder,
    spelling and lookup."""

    def __init__(self, catalog: Catalog) -> None:
        self.models = catalog.model_by_id
        self.keys, self.vendor_keys = _name_keys(catalog.models)
        self.display_tokens: dict[str, frozenset[str]] = {
            m.id: frozenset(tokens(m.name)) for m in catalog.models
        }
        self.by_display_token = postings(self.display_tokens)
        self._share_versions()
        self.nicknames, self.families = _nicknames_and_families(catalog.models)
        self.bags = _bags(self.keys, self.families, self.models)
        self.bag_words = frozenset(t for b in self.bags for t in b)
        self.versions = _versions(self.keys)
        self.prefixes: set[Key] = {k[:i] for k in self.keys for i in range(1, len(k) + 1)}
        keys_by_first: dict[str, list[Key]] = defaultdict(list)
        for k in self.keys:
            keys_by_first[k[0]].append(k)
        self.keys_by_first = dict(keys_by_first)
        self.max_len = max(len(k) for k in self.keys)
        self.len_by_first = {w: max(len(k) for k in ks) for w, ks in self.keys_by_first.items()}
        # the words typos are fixed towards, and every word of a name
        self.vocab = sorted(
            {t for k in self.keys for t in k if t.isalpha() and len(t) >= 4}
            | {v for v in VENDORS if len(v) >= 4}
        )
        self.vocab_set = frozenset(self.vocab) | frozenset(t for k in self.keys for t in k)
        self.name_tokens: dict[str, frozenset[str]] = {
            m.id: frozenset(t for n in (m.name, *m.aliases) for t in tokens(n))
            for m in catalog.models
        }
        # Inverted indexes: which models carry a word in their names, which a creator made,
        # the o-series.
        self.by_name_token = postings(self.name_tokens)
        by_creator: dict[str, list[str]] = defaultdict(list)
        for m in catalog.models:
            by_creator[m.creator].append(m.id)
        self.by_creator = dict(by_creator)
        self.o_series = [m.id for m in catalog.models if re.match(r"o\d", m.name)]
        self.names: dict[str, str] = {m.name: m.id for m in catalog.models}

    def _share_versions(self) -> None:
        """ "qwen 3.6" is the version of Qwen3.6 27B with its size left out, but Qwen3.6 35B-A3B
        and Qwen3.6 Plus are the same version too: such a name answers to all of them, so that
        asking about it asks which."""
        for key, ids in list(self.keys.items()):
            if not any(VERSION.fullmatch(t) for t in key) or any(SIZE.fullmatch(t) for t in key):
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
            pool = having(self.by_display_token, set(key)) or set()
            same = {
                other
                for other in pool - ids
                if "base" not in self.display_tokens[other]
                and all(
                    SIZE.fullmatch(t) or ACTIVE_SIZE.fullmatch(t) or t in VARIANT_WORDS
                    for t in self.display_tokens[other] - set(key)
                )
            }
            if same:
                self.keys[key] = ids | same


def _name_keys(
    models: Sequence[Model],
) -> tuple[dict[Key, set[str]], dict[str, dict[Key, set[str]]]]:
    """Each key and the models it names; and per creator, the keys its family names have after
    the family word, for a maker's word before them ("openai's 4.1", "anthropic sonnet 4.5")."""
    keys: dict[Key, set[str]] = defaultdict(set)
    vendor_keys: dict[str, dict[Key, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in models:
        own = tuple(tokens(without_month(m.name)))
        if len(own) >= 2 or (
            len(own) == 1
            and own[0].isalpha()
            and len(own[0]) >= 4
            and own[0] not in WEAK_WORDS
            and own[0] not in FAMILIES
        ):
            keys[own].add(m.id)  # its own full name, even "Command A" or "Fugu"
        vendor = m.creator in _CREATORS
        for n in (m.name, m.id, *m.aliases):
            for key in variants(n):
                if usable(key):
                    keys[key].add(m.id)
                if vendor and len(key) >= 2 and key[0] in FAMILIES and usable(key[1:]):
                    vendor_keys[m.creator][key[1:]].add(m.id)
    return dict(keys), {c: dict(t) for c, t in vendor_keys.items()}


def _nicknames_and_families(models: Sequence[Model]) -> tuple[dict[str, str], frozenset[str]]:
    """Words of display names: one model's own word is its nickname ("scout", "fable"); a word
    several models share, and no generic tier word, acts as a family ("ornith")."""
    lines: dict[str, set[str]] = defaultdict(set)
    for m in models:
        for t in set(tokens(without_month(m.name))):
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
    nicknames: dict[str, str] = {}
    families = set(FAMILIES)
    for word, ids in lines.items():
        if len(ids) == 1:
            nicknames[word] = next(iter(ids))
        elif not is_english(word):
            families.add(word)
    return nicknames, frozenset(families)


def _bags(
    keys: Mapping[Key, set[str]], families: frozenset[str], models: Mapping[str, Model]
) -> dict[Key, set[str]]:
    """Names as bags of words, for a name in another order ("pro 2.5 gemini") or without its
    family word ("oss 120b", "5.2 codex", "codex max"): only bags one model owns."""
    bags: dict[Key, set[str]] = defaultdict(set)
    for key, ids in keys.items():
        parts = [key]
        if key[0] in families and len(key) >= 3:
            parts.append(key[1:])
            unversioned = tuple(t for t in key[1:] if not VERSION.fullmatch(t))
            if len(unversioned) >= 2:
                parts.append(unversioned)
        for part in parts:
            if len(part) >= 2:
                bags[tuple(sorted(part))].update(ids)
    return {b: ids for b, ids in bags.items() if len(ids) == 1 or one_name(ids, models)}


def _versions(keys: Mapping[Key, set[str]]) -> dict[tuple[str, str], set[str]]:
    """(family, dotted version) -> the models of that version ("gpt", "5.5")."""
    versions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, ids in keys.items():
        if len(key) == 2 and key[0] in FAMILIES and VERSION.fullmatch(key[1]):
            versions[(key[0], key[1])].update(ids)
    return dict(versions)
