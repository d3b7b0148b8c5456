"""Loading and refreshing 10,000 models, in a process of its own (`python -m benchmarks` runs it).

    python -m benchmarks.scale WORKDIR

WORKDIR holds catalog-10k.json and day-1.json, day-2.json (the same catalog on the two days
after); prints the figures as JSON.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bot.alerts.refresh import refresh
from bot.engine import Engine
from bot.service import load_file
from bot.settings import Settings
from bot.store import Store


def _r(x: float, digits: int = 2) -> float:
    return round(x, digits)


async def measure(work: Path) -> dict:
    """Load 10,000 models into an empty store, then two refreshes from one native feed whose
    content changes each day: the first finds no earlier copy of the feed, the second is the
    steady state (the last copy is kept, and the refresh replaces it)."""
    first = work / "catalog-10k.json"
    bodies = [(work / f"day-{n}.json").read_text(encoding="utf-8") for n in (1, 2)]
    feed = work / "feed-10k.json"
    settings = Settings(
        database_path=work / "refresh.sqlite3",
        refresh_sources=[f"native={feed}"],
        refresh_interval_minutes=0,
        _env_file=None,
    )
    out: dict[str, Any] = {}
    async with Store(settings.database_path) as store:
        t = time.perf_counter()
        loaded = await load_file(store, first)
        out["load_s_10k"] = _r(time.perf_counter() - t)
        out["loaded_scores_10k"] = loaded.scores
        # The running bot builds its engine on the loaded catalog, collects once and freezes
        # what it holds before it connects (ModelBot.setup_hook), then refreshes.
        engine = await asyncio.to_thread(Engine, await store.read_catalog())
        gc.collect()
        gc.freeze()
        for n, body in enumerate(bodies, start=1):
            feed.write_text(body, encoding="utf-8")
            os.sync()  # the feed's own write-back is this script's cost, not the refresh's
            t = time.perf_counter()
            report = await refresh(store, settings)
            out[f"refresh_{n}_s_10k"] = _r(time.perf_counter() - t)
            out[f"refresh_{n}_changes_10k"] = report.changes
            t = time.perf_counter()
            engine = await asyncio.to_thread(Engine, report.catalog)
            out["engine_swap_s_10k"] = _r(time.perf_counter() - t)
        del engine
        # Past KEEP_SNAPSHOTS, each refresh also drops the oldest snapshot: that cost apart.
        oldest = min(await store.snapshot_ids())
        t = time.perf_counter()
        async with store.transaction() as db:
            await db.execute("DELETE FROM snapshots WHERE id = ?", (oldest,))
        out["drop_snapshot_s_10k"] = _r(time.perf_counter() - t)
    out["load_diff_s_10k"] = max(out["refresh_1_s_10k"], out["refresh_2_s_10k"])
    # The same refresh on a new connection, as `python -m bot data refresh` runs it: the
    # current catalog is read back from the database first.
    async with Store(settings.database_path) as store:
        feed.write_text(bodies[0], encoding="utf-8")
        os.sync()
        t = time.perf_counter()
        await refresh(store, settings)
        out["refresh_from_db_s_10k"] = _r(time.perf_counter() - t)
    return out


def main() -> int:
    print(json.dumps(asyncio.run(measure(Path(sys.argv[1])))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
