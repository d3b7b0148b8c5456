"""Autocomplete latency: every prefix of every model name, as typed keystroke by keystroke.

    .venv/bin/python benchmarks/autocomplete_latency.py

Discord sends an autocomplete interaction on each keystroke and gives the bot 3 s to answer;
this measures the core's share of that (ModelLookup.suggest), the same call the bot makes.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bot.catalog.check import read_catalog_file
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    engine = Engine(read_catalog_file(ROOT / "data" / "catalog.json"))
    prefixes = sorted(
        {m.name.lower()[:i] for m in engine.catalog.models for i in range(1, len(m.name) + 1)}
    )
    ms = []
    for text in prefixes:
        start = time.perf_counter()
        choices = engine.lookup.suggest(text)
        ms.append((time.perf_counter() - start) * 1000)
        assert len(choices) <= 25 and all(len(c.name) <= 100 for c in choices)
    ms.sort()
    q = statistics.quantiles(ms, n=100)
    print(f"keystrokes: {len(ms)} (every prefix of {len(engine.catalog.models)} model names)")
    print(
        f"suggest(): median {statistics.median(ms):.2f} ms, p95 {q[94]:.2f} ms, p99 {q[98]:.2f} ms, max {ms[-1]:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
