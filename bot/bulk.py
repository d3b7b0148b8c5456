"""Building a catalog's objects in bulk without the cyclic garbage collector in the way.

A 10,000-model catalog is about half a million small objects. CPython's collector runs every few
hundred allocations and, as the heap grows, walks ever more of it: building such a catalog spent
three quarters of its time collecting (4.7 µs a score with the collector, 1.3 µs without). Catalog
data holds no reference cycles, so nothing is lost by pausing the collector while it is built.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause cyclic garbage collection for the block; nested and threaded uses are safe: the
    collector comes back (if it was on) when the last paused block ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                # What was built is long-lived: move it straight to the oldest generation
                # (freeze, then unfreeze into it) rather than have the next young collection walk
                # it all. Not frozen for good: other threads kept running while the collector
                # was off, and a cycle they dropped meanwhile must still be collected.
                gc.freeze()
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()


def bulk(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run `fn` with the collector paused."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return fn(*args, **kwargs)

    return wrapper
