"""Putting an answer together: its blocks, the sections (buttons) that show them, and the rows
of a facts table worth showing."""

from __future__ import annotations

from bot.answers.fmt import NO_DATA
from bot.answers.model import Answer, Block, Section


def add(ans: Answer, block: Block) -> int:
    """Append a block; its index, for a section to point to."""
    ans.blocks.append(block)
    return len(ans.blocks) - 1


def section(ans: Answer, sid: str, label: str, blocks: list[int], caveats: bool = False) -> None:
    if blocks or (caveats and ans.caveats):
        ans.sections.append(Section(id=sid, label=label, blocks=blocks, caveats=caveats))


def drop_dead_rows(rows: list[list[str]], keep: set[str] | None = None) -> list[list[str]]:
    """Rows whose every value is "no data" are left out (unless the question asked for them)."""
    keep = keep or set()
    return [r for r in rows if r[0] in keep or any(v != NO_DATA for v in r[1:])]
