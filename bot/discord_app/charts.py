"""Answers' charts, drawn in a separate process and cached by what they show.

Drawing a chart is about 0.1 s of pure Python and C under the GIL. In a thread it competes with
the event loop for that lock, so a burst of compare questions stalled every other reply and made
autocomplete miss Discord's 3 s deadline. A worker process draws instead; the loop only waits on
a future. Identical requests in flight share one drawing, and a reply never waits on a chart past
its deadline: it goes out without one (the embed reads the same), while the drawing finishes into
the cache for the next asker.

The cache key is a hash of the chart's spec (`Answer.chart`), not of the question or the data
version: the spec holds every number drawn, so the same spec is the same picture, and new data
that changes a number changes the key by itself.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import hashlib
import io
import logging
import multiprocessing
from collections import OrderedDict
from concurrent.futures.process import BrokenProcessPool

import discord

from bot import chart_process
from bot.answers.model import Chart
from bot.discord_app.embeds import CHART

log = logging.getLogger(__name__)

MAX_PENDING = 8  # drawings queued at most; past that a reply goes without a chart


def spec_key(chart: Chart) -> str:
    """What a chart is cached under: a hash of its spec's JSON (field order is fixed by the
    model, and the order of series and values is part of the picture)."""
    return hashlib.sha256(chart.model_dump_json().encode()).hexdigest()


class ChartCache:
    def __init__(self, size: int = 128, workers: int = 1) -> None:
        self.size = size
        self.workers = workers
        self._png: OrderedDict[str, bytes] = OrderedDict()
        self._pending: dict[str, asyncio.Future[bytes]] = {}
        self._pool: concurrent.futures.Executor | None = None
        self.renders = 0  # how many were drawn rather than served from the cache
        self.skipped = 0  # replies sent without their chart (late or queue full)

    def _executor(self) -> concurrent.futures.Executor | None:
        """A process pool, or None to draw in a thread (workers = 0)."""
        if self.workers <= 0:
            return None
        if self._pool is None:
            # spawn, not fork: the bot has threads (the database's, discord.py's) that a fork
            # would copy mid-operation.
            self._pool = concurrent.futures.ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    async def start(self) -> None:
        """Start the worker and import the drawing code in it, so the first chart is quick."""
        pool = self._executor()
        if pool is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(pool, chart_process.warm)
            except (OSError, BrokenProcessPool) as err:
                log.warning("chart worker could not start (%s); drawing in a thread instead", err)
                self.workers, self._pool = 0, None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _draw(self, chart: Chart) -> asyncio.Future[bytes]:
        spec = chart.model_dump()
        loop = asyncio.get_running_loop()
        for _ in range(2):
            pool = self._executor()
            if pool is None:
                break
            try:
                fut = pool.submit(chart_process.render, spec)
            except (BrokenProcessPool, RuntimeError):
                # the worker died while idle (or the pool was shut down): a new one next time
                log.warning("the chart worker is gone; starting a new one")
                self._drop(pool)
                continue
            wrapped = asyncio.wrap_future(fut, loop=loop)
            wrapped.add_done_callback(functools.partial(self._pool_check, pool=pool))
            return wrapped
        return asyncio.ensure_future(asyncio.to_thread(chart_process.render, spec))

    def _drop(self, pool: concurrent.futures.Executor) -> None:
        if self._pool is pool:
            self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def _pool_check(self, fut: asyncio.Future[bytes], pool: concurrent.futures.Executor) -> None:
        if not fut.cancelled() and isinstance(fut.exception(), BrokenProcessPool):
            log.warning("the chart worker died; a new one starts with the next chart")
            self._drop(pool)

    async def png_for(self, chart: Chart, wait: float | None = None) -> bytes | None:
        """The chart's PNG, or None when it is not ready within `wait` seconds."""
        key = spec_key(chart)
        png = self._png.get(key)
        if png is not None:
            self._png.move_to_end(key)
            return png
        fut = self._pending.get(key)
        if fut is None:
            if len(self._pending) >= MAX_PENDING:
                self.skipped += 1
                return None
            fut = self._draw(chart)
            self._pending[key] = fut
            self.renders += 1
            fut.add_done_callback(functools.partial(self._done, key))
        try:
            return await asyncio.wait_for(asyncio.shield(fut), wait)
        except TimeoutError:
            self.skipped += 1
            return None
        except Exception:  # logged in _done; the reply goes without a chart
            return None

    def _done(self, key: str, fut: asyncio.Future[bytes]) -> None:
        self._pending.pop(key, None)
        if fut.cancelled():
            return
        err = fut.exception()
        if isinstance(err, BrokenProcessPool):
            return  # reported, and the pool replaced, by _pool_check
        if err is not None:
            log.error("drawing a chart failed", exc_info=err)
            return
        self._png[key] = fut.result()
        while len(self._png) > self.size:
            self._png.popitem(last=False)

    async def file_for(self, chart: Chart, wait: float | None = None) -> discord.File | None:
        png = await self.png_for(chart, wait)
        return discord.File(io.BytesIO(png), filename=CHART) if png is not None else None
