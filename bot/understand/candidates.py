"""Which models a name that is no one model may mean: a family's members ("claude", "llama 4"),
the nearest real models to an unknown name ("gpt 9"), and in what order to offer them."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable

from rapidfuzz import process

from bot.catalog.method import Scoreboard
from bot.understand.aliases import Aliases, having, snapshot_date
from bot.understand.mentions import Loose
from bot.understand.text import tokens
from bot.understand.trigrams import TrigramPool
from bot.understand.vocabulary import FAMILIES, SYNONYMS, VENDORS

NEAREST_POOL = 200  # names spell-matched for a suggestion, picked by shared trigrams
MAX_UNKNOWN_CHOICES = 5
MAX_FAMILY_CHOICES = 8


class Candidates:
    def __init__(self, aliases: Aliases, scoreboard: Scoreboard) -> None:
        self.aliases = aliases
        self.scoreboard = scoreboard
        self._name_list = list(aliases.names)
        self._pool = TrigramPool(self._name_list)
        self._keys: dict[str, tuple[bool, bool, bool, tuple[int, int], float, str]] = {}

    def family(self, words: list[str], limit: int = 8) -> list[str]:
        """The models of a family, or of a family and the words after it ("llama 4",
        "openai mini"), the likeliest first."""
        a = self.aliases
        if words[0] == "o":  # "o series": OpenAI's o1, o3, o4-mini...
            return self.ranked(a.o_series, limit)
        need = set(words) - {"o"}
        majors = {w for w in need if w.isdigit()}
        need -= majors
        if words[0] in VENDORS:
            need -= {words[0]}
            made = a.by_creator.get(VENDORS[words[0]], [])
            pool = [mid for mid in made if need <= a.name_tokens[mid]]
        else:
            found = having(a.by_name_token, need)
            pool = list(a.models) if found is None else list(found)
        if majors:
            # "qwen3" is Qwen3 itself when such models exist; "llama 3" means 3.1, 3.3...
            exact = [mid for mid in pool if majors <= a.name_tokens[mid]]
            pool = exact or [
                mid
                for mid in pool
                if all(
                    any(t == v or t.startswith(v + ".") for t in a.name_tokens[mid]) for v in majors
                )
            ]
        return self.ranked(pool, limit)

    def newest_first(self, ids: list[str]) -> list[str]:
        """Generations of one line: the newest first, base (pre-trained only) models last."""
        models, display = self.aliases.models, self.aliases.display_tokens

        def key(mid: str) -> tuple[bool, dt.date, str]:
            return ("base" not in display[mid], snapshot_date(models[mid]) or dt.date.min, mid)

        return sorted(ids, key=key, reverse=True)

    def ranked(self, ids: list[str], limit: int | None = None) -> list[str]:
        """The current models people most likely mean first: ranked ones, newest month first,
        the stronger of a month's releases first (GPT-5.4 before GPT-5.4 nano). With `limit`,
        only the first so many (a line of 600 models is not sorted whole for 8 of them)."""
        key = self._rank_key
        if limit is not None and len(ids) > 4 * limit:
            return heapq.nlargest(limit, ids, key=key)
        out = sorted(ids, key=key, reverse=True)
        return out if limit is None else out[:limit]

    def _rank_key(self, mid: str) -> tuple[bool, bool, bool, tuple[int, int], float, str]:
        """The order `ranked` puts a model in, worked out once per model."""
        try:
            return self._keys[mid]
        except KeyError:
            pass
        p = self.scoreboard.profiles[mid]
        when = snapshot_date(self.aliases.models[mid]) or dt.date.min
        key = self._keys[mid] = (
            p.overall is not None and not p.overall.provisional,
            p.overall is not None,
            bool(p.categories),
            (when.year, when.month),
            p.overall.value if p.overall else 0.0,
            mid,
        )
        return key

    def nearest(self, text: str, limit: int = 3) -> list[str]:
        """Closest real models to a name that matched none: the same family's best-covered
        current models first ("gpt 9" -> GPT-5.x), else the nearest names by spelling."""
        words = tokens(text)
        family = SYNONYMS.get(words[0], words[0]) if words else ""
        if family in FAMILIES and family != "o":
            same = self.ranked(list(self.aliases.by_display_token.get(family, ())), limit)
            if same:
                return same
        # Spell-match only the names that share the most letter trigrams with the text, not
        # every name in the catalog.
        pool = [self._name_list[i] for i in self._pool.closest(text, NEAREST_POOL)]
        hits = process.extract(text, pool, limit=limit * 3)
        names = self.aliases.names
        out: list[str] = []
        for name, _, _ in hits:
            if names[name] not in out:
                out.append(names[name])
        return out[:limit]


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
