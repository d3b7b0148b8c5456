"""Number and word formatting: every figure reads right, and missing data reads "no data"."""

from __future__ import annotations

import functools
import math

from bot.catalog.models import Model

NO_DATA = "no data"


@functools.lru_cache(maxsize=8192)  # the same scores are formatted in answer after answer
def num(v: float | None, digits: int = 1) -> str:
    """72.0 -> "72", 54.63 -> "54.6"; None -> "no data"."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return NO_DATA
    r = round(v, digits)
    if r == int(r):
        return str(int(r))
    return f"{r:.{digits}f}".rstrip("0").rstrip(".")


def pct(v: float | None) -> str:
    return NO_DATA if v is None else f"{num(v)}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


@functools.lru_cache(maxsize=4096)
def money(v: float | None) -> str:
    """USD with the digits a price list has: $0.435 stays $0.435 (never rounded to $0.43),
    $0.0375, $1.125, $30: three significant digits below $1, a tenth of a cent below $10."""
    if v is None:
        return NO_DATA
    if v == 0:
        return "$0"
    if v < 10:
        kept = float(f"{v:.3g}") if v < 1 else round(v, 3)  # three significant digits below $1
        return "$" + f"{kept:.6f}".rstrip("0").rstrip(".")
    return f"${num(v, 2)}"


def price(m: Model) -> str:
    """ "$2 / $8" (input / output per 1M tokens), "free", or "no data"."""
    if m.input_price is None and m.output_price is None:
        return NO_DATA
    if m.input_price == 0 and m.output_price == 0:
        return "free"
    return f"{money(m.input_price)} / {money(m.output_price)}"


def long_price(m: Model) -> str | None:
    """ "$10 / $45" past the prompt size a model's long-context prices start at; None without."""
    if m.long_context_from is None or m.long_input_price is None or m.long_output_price is None:
        return None
    return f"{money(m.long_input_price)} / {money(m.long_output_price)}"


def context(tokens: int | None) -> str:
    """256000 -> "256K", 262144 -> "256K", 1047576 -> "1M", 2097152 -> "2M"."""
    if not tokens:
        return NO_DATA
    if tokens >= 1_000_000:
        if tokens % 1_048_576 == 0:
            return f"{tokens // 1_048_576}M"
        m = tokens / 1_000_000
        # Vendors sell 1,047,576 and 1,050,000 tokens alike as "1M".
        return f"{round(m)}M" if abs(m - round(m)) < 0.06 else f"{num(m, 2)}M"
    if tokens % 1000 == 0:
        return f"{tokens // 1000}K"
    if tokens % 1024 == 0:
        return f"{tokens // 1024}K"
    return f"{num(tokens / 1000, 0)}K"


def speed(m: Model) -> str:
    return NO_DATA if m.output_speed is None else f"{num(m.output_speed)} tokens/s"


def latency(m: Model) -> str:
    return NO_DATA if m.ttft is None else f"{num(m.ttft, 2)} s"


def ratio(high: float, low: float) -> str | None:
    """ "roughly 4x" from 3x up; None when it is smaller or cannot be said (a free model)."""
    if low <= 0 or high <= 0:
        return None
    r = high / low
    if r < 3:
        return None
    return f"roughly {num(r, 0) if r >= 10 else num(r, 1)}x"


def join(items: list[str], word: str = "and") -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def yes_no(v: bool | None) -> str:
    return NO_DATA if v is None else ("yes" if v else "no")
