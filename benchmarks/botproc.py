"""The bot process the burst benchmark measures: the real bot, unchanged, plus a loop-lag sampler.

    BENCH_LAG_FILE=/tmp/lag.json python -m benchmarks.botproc

Settings come from the environment exactly as for `python -m bot run` (DISCORD_TOKEN,
DISCORD_API_BASE, DISCORD_GATEWAY_URL, DATABASE_PATH, ...), and the bot runs as the same coroutine
`run_bot` runs (`bot.discord_app.app._start`). Beside it, one task sleeps 5 ms at a time and
records how late each wake-up was: that lateness is time the event loop spent on something else
(a handler running, the GIL held by a chart thread, garbage collection), so a reply or an
autocomplete arriving then waited at least that long.

On SIGTERM or SIGINT the samples go to BENCH_LAG_FILE as JSON, written atomically:
{"pid", "interval_s", "process_started_at", "chart_renders", "samples": [[wall-clock time.time(),
lag s], ...]}, and then the bot is closed the way Ctrl-C closes it. `chart_renders` is the bot's
own count of charts drawn (ChartCache.renders), found with `gc` only after the stop signal. The parent picks its burst window out of the
samples by their wall-clock timestamps, so nothing has to be signalled into this process.
"""

from __future__ import annotations

import time

PROCESS_STARTED_AT = time.time()  # before the imports below, to split a cold start into parts

import asyncio  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

INTERVAL_S = 0.005


async def sample_lag(samples: list[tuple[float, float]], interval: float = INTERVAL_S) -> None:
    """Sleep `interval` in a loop; append (wall-clock time of the wake-up, lateness in s)."""
    loop = asyncio.get_running_loop()
    while True:
        expected = loop.time() + interval
        await asyncio.sleep(interval)
        woke = loop.time()
        samples.append((time.time(), woke - expected))


def chart_renders() -> int | None:
    """How many charts the bot drew rather than took from its cache (read once it is stopping)."""
    import gc

    from bot.discord_app.app import ModelBot

    bots = [o for o in gc.get_objects() if isinstance(o, ModelBot)]
    started = [b.core for b in bots if getattr(b, "core", None) is not None]
    return sum(core.charts.renders for core in started) if started else None


def write_samples(path: Path, samples: list[tuple[float, float]]) -> None:
    payload = {
        "pid": os.getpid(),
        "interval_s": INTERVAL_S,
        "process_started_at": PROCESS_STARTED_AT,
        "chart_renders": chart_renders(),
        "samples": [[round(ts, 6), round(lag, 7)] for ts, lag in samples],
    }
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(payload))
    tmp.replace(path)


async def run(lag_file: Path | None) -> int:
    from bot.discord_app.app import _start
    from bot.settings import Settings

    settings = Settings()
    # The same logging `python -m bot run` sets up, so the bot logs (and costs) the same.
    from bot.cli import _setup_logging

    _setup_logging(settings.log_level)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    samples: list[tuple[float, float]] = []
    sampler = asyncio.create_task(sample_lag(samples), name="bench-loop-lag")
    bot = asyncio.create_task(_start(settings), name="bench-bot")
    stopper = asyncio.create_task(stop.wait(), name="bench-stop")
    await asyncio.wait({bot, stopper}, return_when=asyncio.FIRST_COMPLETED)
    sampler.cancel()
    # The samples first: a slow shutdown must not lose them.
    if lag_file is not None:
        write_samples(lag_file, samples)
    stopper.cancel()
    if not bot.done():
        bot.cancel()  # what Ctrl-C does to `asyncio.run(_start(...))`: `async with bot` closes it
        with contextlib.suppress(asyncio.CancelledError):
            await bot
        return 0
    return bot.result()


def main() -> int:
    lag_file = os.environ.get("BENCH_LAG_FILE")
    return asyncio.run(run(Path(lag_file) if lag_file else None))


if __name__ == "__main__":
    sys.exit(main())
