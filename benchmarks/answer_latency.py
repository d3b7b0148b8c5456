"""Per-message answer latency over the labelled set, through the batch command.

    .venv/bin/python benchmarks/answer_latency.py

Runs `python -m bot ask --batch tests/data/labelled_messages.jsonl --json` once (one process, as
the bot serves) and reports the time each message took from text to rendered answer, plus the
wall time of the whole batch including start-up.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    rows = [
        json.loads(x)
        for x in (ROOT / "tests/data/labelled_messages.jsonl").read_text().splitlines()
        if x.strip()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "messages.txt"
        batch.write_text("\n".join(r["text"].replace("\n", " ") for r in rows) + "\n")
        env = dict(os.environ, DATABASE_PATH=str(Path(tmp) / "bench.sqlite3"), LOG_LEVEL="WARNING")
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--batch", str(batch), "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - start
    ms = sorted(json.loads(line)["ms"] for line in out.stdout.splitlines())
    q = statistics.quantiles(ms, n=100)
    print(f"messages: {len(ms)}")
    print(
        f"per message (parse + compose + render): median {statistics.median(ms):.2f} ms, "
        f"p95 {q[94]:.2f} ms, p99 {q[98]:.2f} ms, max {ms[-1]:.2f} ms, mean {statistics.mean(ms):.2f} ms"
    )
    print(f"whole batch incl. start-up, store open and index build: {wall:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
