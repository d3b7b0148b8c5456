"""The alias index: every way people name a model, built once per catalog, and the name finder
over it. One object for the rest of the bot; the stages are their own modules:

- aliases.py: the name tables built from the catalog (keys, nicknames, families, bags)
- spelling.py: slips in name words ("gemnii", "gtp 4.1") and split names ("deep seek")
- names.py: the models a message names, read left to right
- loose.py: names that are no one model (a family, a version that does not exist)
- candidates.py: which models such a name may mean, in what order
- snapshots.py: which of several models a name means ("the october one")
"""

from __future__ import annotations

from bot.catalog.method import Scoreboard
from bot.understand.aliases import Aliases
from bot.understand.candidates import Candidates, family_choices, unknown_choices
from bot.understand.mentions import Loose, Mention
from bot.understand.names import NameFinder
from bot.understand.snapshots import Snapshots
from bot.understand.spelling import NameSpeller
from bot.understand.vocabulary import FAMILIES, VENDORS

__all__ = [
    "FAMILIES",
    "VENDORS",
    "AliasIndex",
    "Loose",
    "Mention",
    "family_choices",
    "unknown_choices",
]


class AliasIndex:
    def __init__(self, scoreboard: Scoreboard) -> None:
        self.scoreboard = scoreboard
        self.aliases = Aliases(scoreboard.catalog)
        self.models = self.aliases.models
        self.speller = NameSpeller(self.aliases)
        self.candidates = Candidates(self.aliases, scoreboard)
        self.snapshots = Snapshots(self.aliases, scoreboard.catalog)
        self.finder = NameFinder(self.aliases, self.speller, self.candidates, self.snapshots)
        self._last: tuple[str, tuple[list[Mention], list[Loose], list[str]]] | None = None

    def find(self, text: str) -> tuple[list[Mention], list[Loose], list[str]]:
        """The models a text names, the names in it that are no one model, and its tokens.
        The last text's are kept: a reply that offers choices reads them again."""
        last = self._last
        if last is not None and last[0] == text:
            found = last[1]
        else:
            found = self.finder.find(text)
            self._last = (text, found)
        return list(found[0]), list(found[1]), list(found[2])

    def prepare(self, toks: list[str]) -> tuple[list[str], list[str]]:
        """Tokens with split names joined, and a typo fix proposed for each."""
        return self.speller.prepare(toks)

    def family_candidates(self, words: list[str], limit: int = 8) -> list[str]:
        return self.candidates.family(words, limit)

    def nearest(self, text: str, limit: int = 3) -> list[str]:
        return self.candidates.nearest(text, limit)

    def resolve(self, ids: set[str], toks: list[str], start: int, end: int) -> str:
        return self.snapshots.pick(ids, toks, start, end)
