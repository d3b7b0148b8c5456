"""Radar charts for compare answers: rendered in a worker thread, cached per models and data."""

from __future__ import annotations

import asyncio
import io
from collections import OrderedDict

import discord

from bot.answers.chart import radar_png
from bot.discord_app.embeds import CHART
from bot.engine import Engine


class ChartCache:
    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._png: OrderedDict[tuple, bytes] = OrderedDict()
        self.renders = 0  # how many were drawn rather than served from the cache

    async def file_for(self, engine: Engine, model_ids: list[str]) -> discord.File | None:
        if len(model_ids) < 2:
            return None
        key = (engine.version, tuple(model_ids))
        png = self._png.get(key)
        if png is None:
            catalog = engine.catalog
            cats = [(c.id, c.name) for c in catalog.categories]
            models = [
                (
                    catalog.model_by_id[mid].name,
                    {
                        c: (
                            s.value
                            if (s := engine.scoreboard.profiles[mid].categories.get(c))
                            else None
                        )
                        for c, _ in cats
                    },
                )
                for mid in model_ids
            ]
            png = await asyncio.to_thread(radar_png, models, cats)
            self.renders += 1
            self._png[key] = png
            while len(self._png) > self.size:
                self._png.popitem(last=False)
        else:
            self._png.move_to_end(key)
        return discord.File(io.BytesIO(png), filename=CHART)
