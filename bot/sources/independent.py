"""Leaderboard rows -> one independent score per catalog model and benchmark, with a report of what
was matched, what was left out and why.

The same code serves the build and a live refresh, so a leaderboard reads the same either way.

Which run stands for a model (docs/METHOD.md, "Effort and harness"): of the runs a source published
for one model on one benchmark, the one at the highest reasoning effort; among runs at the same
effort (several agents, edit formats), the best score. The effort is kept with the score and shown
where it matters ("GPT-5.5, xhigh").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.sources.leaderboards import SourceRow
from bot.sources.match import Match, Matcher, effort_rank


@dataclass(frozen=True, slots=True)
class Picked:
    model: str
    benchmark: str
    value: float
    url: str
    date: dt.date | None
    source: str
    self_reported: bool
    variant: str | None  # "xhigh", "64k thinking budget", "xhigh · Codex"
    name: str  # the source's name for the run


@dataclass
class SourceReport:
    source: str
    rows: int = 0
    matched: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    # the source's names, matched ({name: model}) and left out ({name: reason})
    names: dict[str, str] = field(default_factory=dict)
    unmatched: dict[str, str] = field(default_factory=dict)
    skipped_files: dict[str, str] = field(default_factory=dict)
    scores: int = 0  # scores kept after picking one run per model and benchmark

    def to_json(self) -> dict:
        return {
            "rows": self.rows,
            "matched": self.matched,
            "left_out": dict(sorted(self.left_out.items(), key=lambda kv: (-kv[1], kv[0]))),
            "scores": self.scores,
            "models": len(set(self.names.values())),
            "names_matched": dict(sorted(self.names.items())),
            "names_left_out": dict(sorted(self.unmatched.items())),
            "files_not_read": self.skipped_files,
        }


def _reason(m: Match) -> str:
    if m.reason.startswith("could mean several"):
        return "could mean several catalog models"
    return m.reason


def variant_label(effort: str | None, agent: str | None) -> str | None:
    parts = [
        p for p in (effort if effort not in (None, "unknown", "default") else None, agent) if p
    ]
    return " · ".join(parts) or None


def pick(
    source: str,
    rows: Iterable[SourceRow],
    matcher: Matcher,
    known_benchmarks: set[str],
) -> tuple[list[Picked], SourceReport]:
    report = SourceReport(source)
    cache: dict[tuple[str, str | None], Match] = {}
    runs: dict[tuple[str, str], list[tuple[SourceRow, Match]]] = defaultdict(list)
    for row in rows:
        report.rows += 1
        if row.benchmark not in known_benchmarks:
            report.left_out[f"benchmark {row.benchmark} not in the method"] += 1
            continue
        key = (row.name, row.effort)
        m = cache.get(key)
        if m is None:
            m = cache[key] = matcher.match(row.name, row.effort)
        if m.model is None:
            report.left_out[_reason(m)] += 1
            report.unmatched[row.name] = m.reason
            continue
        report.matched += 1
        report.names[row.name] = m.model
        runs[(m.model, row.benchmark)].append((row, m))
    picked: list[Picked] = []
    for (model, bench), cands in sorted(runs.items()):
        # highest effort first, then the best score; independent runs before a vendor's own
        row, m = max(
            cands,
            key=lambda rm: (not rm[0].self_reported, effort_rank(rm[1].effort), rm[0].value),
        )
        picked.append(
            Picked(
                model,
                bench,
                row.value,
                row.url,
                row.date,
                source,
                row.self_reported,
                variant_label(m.effort, row.agent),
                row.name,
            )
        )
    report.scores = len(picked)
    return picked, report
