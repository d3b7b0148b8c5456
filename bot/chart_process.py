"""The entry point a chart worker process runs: imports the drawing code (and matplotlib) there,
not in the bot's own process."""

from __future__ import annotations


def render(models: list, categories: list) -> bytes:
    from bot.answers.chart import radar_png

    return radar_png(models, categories)


def warm() -> bool:
    """Import the drawing code ahead of the first chart."""
    import bot.answers.chart  # noqa: F401

    return True
