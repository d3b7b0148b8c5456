"""The entry point a chart worker process runs: imports the drawing code (and matplotlib) there,
not in the bot's own process."""

from __future__ import annotations

from typing import Any


def render(spec: dict[str, Any]) -> bytes:
    """PNG bytes of a chart, from `Chart.model_dump()`: a plain dict crosses the process boundary
    cheaply and is validated again here, on the side that draws it."""
    from bot.answers.chart import render_png
    from bot.answers.model import Chart

    return render_png(Chart.model_validate(spec))


def warm() -> bool:
    """Import the drawing code ahead of the first chart."""
    import bot.answers.chart  # noqa: F401

    return True
