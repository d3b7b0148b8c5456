"""Names by their letter trigrams: the few names worth spell-matching a text against, so that a
suggestion costs the same with 300 names or 10,000. Shared by the alias index (the nearest
models to an unknown name) and slash-command lookup (a submitted value that names nothing)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def trigrams(text: str) -> set[str]:
    """The letter trigrams of a name, padded so its first letters count double."""
    t = f"  {text.lower()} "
    return {t[i : i + 3] for i in range(len(t) - 2)}


class TrigramPool:
    """The names of a list, found by the trigrams they share with a text."""

    __slots__ = ("_by_gram",)

    def __init__(self, names: Sequence[str]) -> None:
        by_gram: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            for gram in trigrams(name):
                by_gram.setdefault(gram, []).append(i)  # in list order: sorted
        self._by_gram = {g: tuple(ids) for g, ids in by_gram.items()}

    def closest(self, text: str, size: int) -> list[int]:
        """The places in the list of the `size` names sharing the most trigrams with `text`,
        most first (ties broken the same way every time)."""
        shared: Counter[int] = Counter()
        for gram in sorted(trigrams(text)):  # sorted: ties break the same way in every process
            shared.update(self._by_gram.get(gram, ()))
        return [i for i, _ in shared.most_common(size)]
