"""The name finder: the models a message names, read left to right over its words, with typos
fixed, makers' words, nicknames, names in another order, names that continue the one before
("gemini 2.5 flash vs flash lite") and versions alone beside a named model ("5.5 or opus 4.7");
and the names that are model-like but no one model (families, unknown versions)."""

from __future__ import annotations

import re

from bot.understand.aliases import Aliases, Key
from bot.understand.candidates import Candidates
from bot.understand.loose import LooseNames
from bot.understand.mentions import Loose, Mention
from bot.understand.shapes import SHORT_VERSION, SIZE, VERSION
from bot.understand.snapshots import Snapshots
from bot.understand.spelling import NameSpeller
from bot.understand.text import has_digit, tokens
from bot.understand.vocabulary import (
    CONNECTORS,
    FAMILIES,
    NOT_A_TIER_BEFORE,
    STRONG_VARIANTS,
    VARIANT_WORDS,
    VENDORS,
)

Hit = tuple[int, set[str], bool]  # how many tokens a name takes, its models, read corrected
_COMPARED = CONNECTORS | {"compared"}
_LINE_WORDS = frozenset({"family", "lineup", "series", "variants"})
# The plain one of a line, said beside a variant: "heavy vs normal grok 4", "than regular 5.5"
PLAIN_WORDS = frozenset({"normal", "regular", "base", "plain", "standard", "vanilla"})
_BARE = re.compile(r"\d+(?:\.\d+)?")  # a version with nothing after it: 6, 4.9
# Words that may follow a model's name and version: "fugu 2 vs ...", "is fugu 2 good"
_AFTER_A_NAME = CONNECTORS | frozenset(
    {"is", "any", "good", "worth", "better", "out", "yet", "for", "at"}
)


class NameFinder:
    def __init__(
        self,
        aliases: Aliases,
        speller: NameSpeller,
        candidates: Candidates,
        snapshots: Snapshots,
    ) -> None:
        self.aliases = aliases
        self.speller = speller
        self.candidates = candidates
        self.snapshots = snapshots
        self.loose = LooseNames(aliases, candidates)

    def find(self, text: str) -> tuple[list[Mention], list[Loose], list[str]]:
        """The models named, the loose names, and the message's tokens as read."""
        toks, fixed = self.speller.prepare(tokens(text))
        mentions: list[Mention] = []
        loose: list[Loose] = []
        i = 0
        while i < len(toks):
            i = self._step(toks, fixed, i, mentions, loose)
        mentions = self._bare_versions(toks, mentions, loose)
        if mentions:
            mentions = self._variants_before(toks, mentions, loose)
        if len(mentions) == 1:
            mentions = self.snapshots.month_ones(toks, mentions)
        return mentions, loose, toks

    def _step(
        self,
        toks: list[str],
        fixed: list[str],
        i: int,
        mentions: list[Mention],
        loose: list[Loose],
    ) -> int:
        """Reads the name that starts at token i, if any; returns where to read on."""
        vendor = VENDORS.get(toks[i]) or VENDORS.get(fixed[i])
        hit = self._lookup(toks, fixed, i)
        if hit is None and vendor and i + 1 < len(toks):
            if self._lookup(toks, fixed, i + 1):
                return i + 1  # "openai's o3", "cohere's command a": the vendor adds nothing
            hit = self._vendor_hit(vendor, toks, i)
        if hit is not None:
            return self._at_name(toks, fixed, i, hit, mentions, loose)
        if toks[i] in self.aliases.nicknames and i + 1 < len(toks) and _BARE.fullmatch(toks[i + 1]):
            # "fable 6 vs fable 5": a nickname with a version its model does not have
            text = " ".join(toks[i : i + 2])
            loose.append(Loose("unknown", text, i, i + 2, tuple(self.candidates.nearest(text))))
            return i + 2
        named = (
            self._bag(toks, i)
            or self._nickname(toks, fixed, i)
            or self._continuation(toks, i, mentions)
        )
        if named is not None:
            mentions.append(named)
            return named.end
        item = self.loose.at(toks, fixed, i)
        if item is None:
            return i + 1
        if item.kind == "family":
            item = self.loose.narrowed(item, toks)
            exact = self.loose.sole(item, toks)
            if exact is not None:
                mentions.append(exact)
                return item.end
        loose.append(item)
        return item.end

    def _lookup(self, toks: list[str], fixed: list[str], i: int) -> Hit | None:
        """The longest name that starts at token i, as typed or as corrected."""
        keys, len_by_first = self.aliases.keys, self.aliases.len_by_first
        # only the lengths of the names that start with this word (most words start none)
        longest = max(len_by_first.get(toks[i], 0), len_by_first.get(fixed[i], 0))
        for length in range(min(longest, len(toks) - i), 0, -1):
            raw = tuple(toks[i : i + length])
            if raw in keys:
                return length, keys[raw], False
            fix = tuple(fixed[i : i + length])
            if fix != raw and fix in keys:
                return length, keys[fix], True
        return None

    def _vendor_hit(self, vendor: str, toks: list[str], i: int) -> Hit | None:
        """A maker's word before the rest of one of its names: "google gemma 4 12b"."""
        table = self.aliases.vendor_keys.get(vendor, {})
        for length in range(min(self.aliases.max_len, len(toks) - i - 1), 0, -1):
            key = tuple(toks[i + 1 : i + 1 + length])
            if key in table and (has_digit(key[0]) or len(key) > 1):
                return length + 1, table[key], False
        return None

    def _at_name(
        self,
        toks: list[str],
        fixed: list[str],
        i: int,
        hit: Hit,
        mentions: list[Mention],
        loose: list[Loose],
    ) -> int:
        """A name found at token i: the model it names, or why it names none."""
        length, ids, corrected = hit
        end = i + length
        typed = [fixed[k] if corrected else toks[k] for k in range(i, end)]
        tiered = self._tier_after(toks, fixed, i, end, typed, corrected)
        if isinstance(tiered, Mention):
            mentions.append(tiered)
            return end + 1
        if tiered is not None:
            loose.append(tiered)
            return end + 1
        key = tuple(typed)
        if (
            end < len(toks)
            and not any(has_digit(w) for w in key)
            and _BARE.fullmatch(toks[end])
            and (
                end + 1 == len(toks)
                or toks[end + 1] in _AFTER_A_NAME
                or toks[end + 1] in VARIANT_WORDS  # "fugu 2 ultra any benchmarks yet"
            )
        ):
            # "fugu 2 vs fugu ultra": a version the model's name does not have
            text = " ".join(toks[i : end + 1])
            loose.append(Loose("unknown", text, i, end + 1, tuple(self.candidates.nearest(text))))
            return end + 1
        line = self._line(ids, key, toks, i, end)
        if line is not None:
            loose.append(line)
            return end
        swapped = tuple(toks[end : end + 2])[::-1]
        if len(swapped) == 2 and (*key, *swapped) in self.aliases.keys:
            # "qwen3 235b 2507 instruct": the last two words of a longer name swapped
            key = (*key, *swapped)
            ids, end = self.aliases.keys[key], end + 2
        mentions.append(Mention(self.snapshots.pick(ids, toks, i, end), i, end, corrected, key))
        return end

    def _tier_after(
        self,
        toks: list[str],
        fixed: list[str],
        i: int,
        end: int,
        typed: list[str],
        corrected: bool,
    ) -> Mention | Loose | None:
        """A tier word after a name: a model that does not exist ("gpt-4.1 ultra"), or one more
        specific than the name ("deepseek r1 distill", "nemotron 3 nano")."""
        nxt = toks[end] if end < len(toks) else ""
        if nxt[-1:] == "s" and nxt not in VARIANT_WORDS and nxt[:-1] in VARIANT_WORDS:
            nxt = nxt[:-1]  # "are the deepseek r1 distills worth running": of the line's distills
        after = toks[end + 1] if end + 1 < len(toks) else ""
        if nxt in NOT_A_TIER_BEFORE and after in NOT_A_TIER_BEFORE[nxt]:
            return None  # "grok 4.3's max context"
        text = " ".join(toks[i : end + 1])
        if nxt in _LINE_WORDS:
            # "glm 4.5 family, which is cheapest": the models of the line, which one
            cands = self.candidates.family(typed)
            if len(cands) > 1:
                return Loose("family", text, i, end + 1, tuple(cands))
        if (
            nxt in STRONG_VARIANTS
            and not self._extends(typed, nxt)
            and self._lookup(toks, fixed, end) is None
        ):
            return Loose("unknown", text, i, end + 1, tuple(self.candidates.nearest(text)))
        if nxt in VARIANT_WORDS and self._extends(typed, nxt):
            # more specific than a name, less than any one model
            words = [*typed, nxt]
            cands = self.candidates.family(words)
            plain = [c for c in cands if self.loose.sized_only(c, words)]
            if len(plain) == 1:
                # Nemotron 3 Nano 30B A3B, the one with nothing more to its name than sizes
                # (not Nemotron 3 Nano Omni)
                return Mention(plain[0], i, end + 1, corrected, tuple(words))
            if cands:
                return Loose("family", text, i, end + 1, tuple(cands))
        return None

    def _line(self, ids: set[str], key: Key, toks: list[str], i: int, end: int) -> Loose | None:
        """A name several models answer to, and none of them the plain one: ask which."""
        text = " ".join(toks[i:end])
        if self.loose.ambiguous(ids, key):
            # "devstral small", "kimi k2": a line with several models, none of them the plain one
            return Loose("family", text, i, end, tuple(self.candidates.ranked(list(ids))))
        later = self.loose.later_generations(ids, key)
        if later:
            # "mistral small": the name of the first of a line that has had numbered
            # generations since (Mistral Small 3.1, 4)
            cands = self.candidates.newest_first(list(ids | later))
            return Loose("family", text, i, end, tuple(cands))
        return None

    def _extends(self, key: list[str], word: str) -> bool:
        return tuple(key) + (word,) in self.aliases.prefixes

    def _nickname(self, toks: list[str], fixed: list[str], i: int) -> Mention | None:
        """A model's own nickname ("maverick"), as typed or through a slip ("maverik")."""
        nicknames = self.aliases.nicknames
        mid = nicknames.get(toks[i])
        if mid is not None:
            return Mention(mid, i, i + 1, False, (toks[i],), weak=True)
        mid = nicknames.get(fixed[i])
        if mid is None:
            return None
        return Mention(mid, i, i + 1, True, (fixed[i],), weak=True)

    def _bag(self, toks: list[str], i: int) -> Mention | None:
        """A model's name in another order or without its family word: "pro 2.5 gemini",
        "oss 120b", "5.2 codex". Needs a family word, a dotted version or a size in it."""
        a = self.aliases
        if toks[i] not in a.bag_words:
            return None  # every word of a bag is some name's word
        for length in (3, 2):
            window = toks[i : i + length]
            if len(window) < length:
                continue
            if not any(
                t in a.families or VERSION.fullmatch(t) or SIZE.fullmatch(t) for t in window
            ):
                continue
            ids = a.bags.get(tuple(sorted(window)))
            if ids:
                mid = self.snapshots.pick(ids, toks, i, i + length)
                weak = not any(t in a.families for t in window)
                return Mention(mid, i, i + length, False, tuple(window), weak=weak)
        return None

    def _continuation(self, toks: list[str], i: int, mentions: list[Mention]) -> Mention | None:
        """ "gemini 2.5 flash vs flash lite", "llama 4 scout or maverick": the second name leaves
        out what it shares with the first."""
        a = self.aliases
        if not mentions or not (
            has_digit(toks[i]) or toks[i] in VARIANT_WORDS or toks[i] in a.vocab_set
        ):
            return None
        if i == 0 or toks[i - 1] not in CONNECTORS:
            return None
        prev = mentions[-1]
        head = list(prev.key or toks[prev.start : prev.end])
        if tuple(head) not in a.keys:  # "the 120b oss one vs the 20b one": its real name
            head = list(tokens(a.models[prev.model].name))
        heads = [head]
        full = list(tokens(a.models[prev.model].name))
        if full != head:
            heads.append(full)  # "4.1 nano vs 5 nano": GPT-4.1 nano -> GPT-5 nano
        # a variant of the very name before: "flash lite and the preview version of it"
        whole = 0 if has_digit(toks[i]) else 1
        for head in heads:
            for cut in range(len(head) - 1 + whole, 0, -1):  # the most it can share first
                for length in range(min(3, len(toks) - i), 0, -1):
                    key = tuple(head[:cut]) + tuple(toks[i : i + length])
                    if key in a.keys and len(key) > 1:
                        mid = self.snapshots.pick(a.keys[key], toks, i, i + length)
                        return Mention(mid, i, i + length, False, key)
        return None

    def _variants_before(
        self, toks: list[str], mentions: list[Mention], loose: list[Loose]
    ) -> list[Mention]:
        """A variant said before the name it is of: "heavy vs normal grok 4" names Grok 4 Heavy
        and Grok 4."""
        out = list(mentions)
        for m in mentions:
            j = m.start - 1
            plain = j >= 0 and toks[j] in PLAIN_WORDS
            if j >= 0 and (plain or toks[j] == "the"):
                j -= 1
            if j < 1 or toks[j] not in CONNECTORS or toks[j - 1] not in VARIANT_WORDS:
                continue
            if not plain and toks[j] not in ("vs", "versus", "v"):
                continue  # "something fast and grok 4": an adjective, not grok 4 fast
            spans = [(x.start, x.end) for x in out] + [(x.start, x.end) for x in loose]
            if any(a <= j - 1 < b for a, b in spans):
                continue  # "gemini 3.5 pro vs gpt-5.5": the word is another name's
            head = m.key or tuple(toks[m.start : m.end])
            key = (*head, toks[j - 1])
            if key in self.aliases.keys:
                mid = self.snapshots.pick(self.aliases.keys[key], toks, j - 1, j)
                out.append(Mention(mid, j - 1, j, False, key))
        return sorted(out, key=lambda x: x.start)

    def _bare_versions(
        self, toks: list[str], mentions: list[Mention], loose: list[Loose]
    ) -> list[Mention]:
        """A version alone beside a named model ("5.5 or opus 4.7", "4o vs 4.1", "compared to
        5.5") names the one model of that version: the neighbour's family first."""
        if not mentions and not loose:
            return self._versions_alone(toks)
        out = list(mentions)
        # twice: a version beside a version just read ("5.4 vs 5.5 vs opus 4.8")
        for _ in range(2):
            taken = {k for m in out for k in range(m.start, m.end)}
            taken |= {k for x in loose for k in range(x.start, x.end)}
            named: list[Mention | Loose] = sorted([*out, *loose], key=lambda x: x.start)
            added = []
            for i, t in enumerate(toks):
                dotted = VERSION.fullmatch(t) is not None
                if i in taken or not (dotted or SHORT_VERSION.fullmatch(t)):
                    continue
                if SIZE.fullmatch(t) and i and toks[i - 1] not in CONNECTORS and i - 1 not in taken:
                    continue  # "our in-house 'bluefin-7b' vs qwen3.5 9b": another name's size
                near = [x for x in named if _beside(toks, x, i)]
                if near:
                    mid = self._version_of(t, dotted, near, toks)
                    if mid is not None:
                        added.append(Mention(mid, i, i + 1, False, (t,), weak=True))
            if not added:
                break
            out += added
        return sorted(out, key=lambda m: m.start)

    def _versions_alone(self, toks: list[str]) -> list[Mention]:
        """Two versions and nothing else named, joined ("5.4 or 5.5 for coding", "between 5.5
        and 5.4"): each the one model of that version in the catalog. Weak: they stand only
        where a category or measure is asked (see named.supported)."""
        at = [i for i, t in enumerate(toks) if VERSION.fullmatch(t) and not SIZE.fullmatch(t)]
        for i, j in zip(at, at[1:], strict=False):
            if j - i > 3 or toks[i] == toks[j] or not any(w in CONNECTORS for w in toks[i + 1 : j]):
                continue
            a, b = (
                self._version_of(toks[i], True, [], toks),
                self._version_of(toks[j], True, [], toks),
            )
            if a is not None and b is not None and a != b:
                return [
                    Mention(a, i, i + 1, False, (toks[i],), weak=True),
                    Mention(b, j, j + 1, False, (toks[j],), weak=True),
                ]
        return []

    def _version_of(
        self, t: str, dotted: bool, near: list[Mention | Loose], toks: list[str]
    ) -> str | None:
        """The one model of version t in the families of the names beside it, else the one
        model of that version in any family."""
        a = self.aliases
        fams = [toks[x.start] for x in near if toks[x.start] in FAMILIES]
        fams += [
            f
            for x in near
            if isinstance(x, Mention)
            for f in FAMILIES
            if f in a.name_tokens.get(x.model, ())
        ]
        ids: set[str] = set()
        for f in fams:
            ids = a.versions.get((f, t), set()) if dotted else a.keys.get((f, t), set())
            if ids:
                break
        if not ids and dotted:
            owners = [v for (f, ver), v in a.versions.items() if ver == t]
            if len(owners) == 1:
                ids = owners[0]
        return next(iter(ids)) if len(ids) == 1 else None


# Words between a comparison's word and a version alone: "than regular 5.5", "ahead of 5.5"
_BEFORE_VERSION = CONNECTORS | PLAIN_WORDS | {"of"}
_AHEAD = _COMPARED | {"ahead", "behind", "over", "beats", "beat", "dumber", "smarter", "better"}


def _beside(toks: list[str], x: Mention | Loose, i: int) -> bool:
    """Name x stands beside token i, joined to it by "vs", "or", "and" and the like ("gpt-5.5
    instant noticeably dumber than regular 5.5", "3.1 pro still ahead of 5.5")."""
    return (
        (
            x.end <= i
            and (
                i - x.end <= 2
                or (i - x.end <= 5 and toks[i - 1] in _BEFORE_VERSION)
                # "gpt-6 when? and is it gonna be better than 5.5": asked of the name before
                or (i - x.end <= 8 and toks[i - 1] in ("than", "beat", "beats"))
            )
            and any(w in _AHEAD for w in toks[x.end : i])
        )
        or (
            x.start > i and x.start - i <= 2 and any(w in CONNECTORS for w in toks[i + 1 : x.start])
        )
    )
