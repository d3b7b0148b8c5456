"""What a catalog holds, in figures: for `data stats`, /about and the answer footer."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bot.catalog.method import Scoreboard


def newest_score_date(sb: Scoreboard, today: dt.date | None = None) -> dt.date | None:
    """The date of the newest dated score (never one in the future: a typo in a source)."""
    today = today or dt.date.today()
    dates = [s.date for s in sb.catalog.scores if s.date is not None and s.date <= today]
    return max(dates, default=None)


def catalog_stats(sb: Scoreboard) -> dict[str, Any]:
    c = sb.catalog
    ranked = sb.ranked()
    per_source: Counter[str] = Counter(s.source for s in c.scores)
    independent: Counter[str] = Counter(s.source for s in c.scores if s.self_reported is False)
    behind = behind_independent = 0
    for mid, _ in ranked:
        p = sb.profile(mid)
        assert p.overall is not None
        for cat in p.overall.categories:
            for part in p.categories[cat].parts:
                behind += 1
                behind_independent += part.independent
    newest = newest_score_date(sb)
    return {
        "models": len(c.models),
        "models_with_scores": sb.models_with_scores,
        "models_ranked": len(ranked),
        "scores": len(c.scores),
        "scores_independent": sum(independent.values()),
        "scores_behind_rankings": behind,
        "scores_behind_rankings_independent": behind_independent,
        "benchmarks": len(c.benchmarks),
        "newest_score_date": newest.isoformat() if newest else None,
        "sources": {
            src: {"scores": n, "independent": independent.get(src, 0)}
            for src, n in sorted(per_source.items())
        },
    }
