"""Which model a name means when several answer to it: a date or month said near it picks a
snapshot ("gpt-4o may 2024", "claude 3.5 sonnet june vs the october one"), else the newest, and
among names that are no snapshots the one whose own name it is."""

from __future__ import annotations

import datetime as dt
import re

from bot.catalog.models import Catalog
from bot.understand.aliases import Aliases, snapshot_date, without_month
from bot.understand.mentions import Mention
from bot.understand.text import tokens
from bot.understand.vocabulary import MONTHS, SEPARATORS

_YEAR = re.compile(r"20\d\d")
_MONTH_NUMBER = re.compile(r"0[1-9]|1[0-2]")


def date_cue_score(d: dt.date, window: list[str]) -> int:
    """How well the words around a name fit a snapshot's date: its month, its year, its
    date as an id writes it ("0528", "20250514")."""
    if d == dt.date.min:
        return 0
    score = 0
    years = {t for t in window if _YEAR.fullmatch(t)}
    for k, t in enumerate(window):
        month = MONTHS.get(t)
        if month is None and years and _MONTH_NUMBER.fullmatch(t):
            month = int(t)
        # "may" is a month beside a year, as "the may one" or "from may", else the verb
        may = (
            years
            or window[k + 1 : k + 2] in (["one"], ["version"], ["snapshot"], ["release"])
            or window[k - 1 : k] == ["from"]
        )
        if month == d.month and (t != "may" or may):
            score += 3
        if t in (d.strftime("%m%d"), d.strftime("%Y%m%d"), d.strftime("%y%m")):
            score += 5
    if str(d.year) in years:
        score += 2 if score else 1
    return score


class Snapshots:
    def __init__(self, aliases: Aliases, catalog: Catalog) -> None:
        self.aliases = aliases
        self.catalog = catalog

    def pick(self, ids: set[str], toks: list[str], start: int, end: int) -> str:
        """One model for a name several share (the name at toks[start:end])."""
        if len(ids) == 1:
            return next(iter(ids))
        models = self.aliases.models
        lo = start
        while lo > 0 and start - lo < 3 and toks[lo - 1] not in SEPARATORS:
            lo -= 1
        hi = end
        while hi < len(toks) and hi - end < 4 and toks[hi] not in SEPARATORS:
            hi += 1
        window = toks[lo:start] + toks[end:hi]
        best: list[tuple[int, dt.date, str]] = []
        for mid in ids:
            d = snapshot_date(models[mid]) or dt.date.min
            best.append((date_cue_score(d, window), d, mid))
        best.sort(reverse=True)
        if best[0][0] > 0:
            return best[0][2]
        span = tuple(toks[start:end])
        exact = [mid for mid in ids if tuple(tokens(models[mid].name)) == span]
        if len(exact) == 1:
            return exact[0]

        def rank(mid: str) -> tuple[bool, bool, dt.date, int, str]:
            m = models[mid]
            return (
                "base" not in tokens(m.name),
                "preview" not in tokens(m.name),
                snapshot_date(m) or dt.date.min,
                len(self.catalog.scores_of(mid)),
                mid,
            )

        return max(ids, key=rank)

    def month_ones(self, toks: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "claude 3.5 sonnet june vs the october one": another snapshot of the one model
        named, picked by its month."""
        a = self.aliases
        m = mentions[0]
        stem = without_month(a.models[m.model].name)
        for i in range(m.end, len(toks) - 1):
            month = MONTHS.get(toks[i])
            if month is None:
                continue
            # "the august one", "the august 2024 one"
            one = i + 2 if _YEAR.fullmatch(toks[i + 1]) and i + 2 < len(toks) else i + 1
            if toks[one] not in ("one", "version", "release", "snapshot"):
                continue
            if toks[i - 1] not in ("the", "vs", "or", "and", "than", "to"):
                continue
            twins = [
                mid
                for mid in a.by_display_token.get(tokens(stem)[0], ())
                if mid != m.model
                and without_month(a.models[mid].name) == stem
                and (d := snapshot_date(a.models[mid])) is not None
                and d.month == month
            ]
            if len(twins) == 1:
                return [*mentions, Mention(twins[0], i, one + 1, False, (toks[i], toks[one]))]
        return mentions
