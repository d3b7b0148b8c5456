"""The slash commands that answer questions: /compare, /model, /top, /changes, /help, /about."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import replies, sending
from bot.discord_app.choices import (
    CATEGORY_CHOICES,
    CHANGE_KIND_CHOICES,
    CHANGE_SPAN_CHOICES,
    CONTEXT_CHOICES,
    METRIC_LABELS,
    MODALITY_CHOICES,
    REASONING_CHOICES,
    SINCE_CHOICES,
    metric_choices,
)
from bot.discord_app.core import Core
from bot.discord_app.embeds import about_embed
from bot.discord_app.errors import UserError
from bot.discord_app.transformers import MakerArg, ModelArg, ModelName, named_models
from bot.query import MAX_TOP, Filters, Query

# Every measure; each bot offers those its data has (see Answers.__init__).
ALL_METRICS: list[app_commands.Choice[str]] = [
    app_commands.Choice(name=label, value=mid) for mid, label in METRIC_LABELS.items()
]
Model = app_commands.Transform[ModelName, ModelArg]
Maker = app_commands.Transform[str, MakerArg]


def _offer(command: app_commands.Command[Any, ..., Any], option: str, choices: list[Any]) -> None:
    """Narrow one option's choices on this cog's copy of a command. The copy shares its
    parameter objects with the class's command (discord.py copies the mapping, not what it
    holds), so it gets its own first: two bots over different data never see each other's."""
    command._params = {**command._params, option: copy.copy(command._params[option])}
    app_commands.choices(**{option: choices})(command)


class Answers(commands.Cog):
    def __init__(self, core: Core) -> None:
        self.core = core
        offered = metric_choices(core.engine)
        _offer(self.compare, "metric", offered)
        _offer(self.top, "metric", offered)

    @app_commands.command(name="compare", description="Compare two to five AI models")
    @app_commands.describe(
        model_a="First model",
        model_b="Second model",
        model_c="Third model (optional)",
        model_d="Fourth model (optional)",
        model_e="Fifth model (optional)",
        category="Lead with one category",
        metric="Answer one question: price, speed, latency or context",
    )
    @app_commands.choices(category=CATEGORY_CHOICES, metric=ALL_METRICS)
    async def compare(
        self,
        interaction: discord.Interaction,
        model_a: Model,
        model_b: Model,
        model_c: Model | None = None,
        model_d: Model | None = None,
        model_e: Model | None = None,
        category: app_commands.Choice[str] | None = None,
        metric: app_commands.Choice[str] | None = None,
    ) -> None:
        options = {
            "model_a": model_a,
            "model_b": model_b,
            "model_c": model_c,
            "model_d": model_d,
            "model_e": model_e,
        }
        ids = list(dict.fromkeys(named_models(interaction, options)))
        if len(ids) < 2:
            raise UserError("Those name the same model twice; pick two different ones.")
        # The chart is drawn in a worker process: acknowledge first, then follow up.
        if not await sending.defer(interaction, thinking=True):
            return
        answer = self.core.engine.answer_query(
            Query(
                intent="compare",
                models=ids,
                category=category.value if category else None,
                metric=metric.value if metric else None,
            )
        )
        await replies.respond(self.core, interaction, answer, deferred=True)

    @app_commands.command(name="model", description="One model's scores, ranks, price and context")
    @app_commands.describe(name="The model")
    async def model(self, interaction: discord.Interaction, name: Model) -> None:
        (mid,) = named_models(interaction, {"name": name})
        answer = self.core.engine.answer_query(Query(intent="profile", models=[mid]))
        await replies.respond(self.core, interaction, answer, deferred=False)

    @app_commands.command(
        name="top",
        description="The best models overall or in a category, or by price or context, with conditions",
    )
    @app_commands.describe(
        category="Rank by one category",
        metric="Rank by a measure instead: price, context (and speed or latency when known)",
        count=f"How many (1 to {MAX_TOP}, default 5)",
        open_weights="Only models with open weights",
        min_context="Only models with at least this context window",
        max_price="Only models at most this many USD per 1M tokens (3 input : 1 output)",
        modality="Only models that take this input",
        maker="Only models from this maker",
        released="Only models released in",
        reasoning="Only reasoning, or only non-reasoning, models",
    )
    @app_commands.choices(
        category=CATEGORY_CHOICES,
        metric=ALL_METRICS,
        min_context=CONTEXT_CHOICES,
        modality=MODALITY_CHOICES,
        released=SINCE_CHOICES,
        reasoning=REASONING_CHOICES,
    )
    async def top(
        self,
        interaction: discord.Interaction,
        category: app_commands.Choice[str] | None = None,
        metric: app_commands.Choice[str] | None = None,
        count: app_commands.Range[int, 1, MAX_TOP] = 5,
        open_weights: bool = False,
        min_context: app_commands.Choice[int] | None = None,
        max_price: app_commands.Range[float, 0, 1000] | None = None,
        modality: app_commands.Choice[str] | None = None,
        maker: Maker | None = None,
        released: app_commands.Choice[int] | None = None,
        reasoning: app_commands.Choice[str] | None = None,
    ) -> None:
        since = (
            dt.date.today() - dt.timedelta(days=released.value) if released is not None else None
        )
        q = Query(
            intent="leaderboard",
            category=category.value if category else None,
            metric=metric.value if metric else None,
            count=count,
            open_weights=open_weights,
            filters=Filters(
                min_context=min_context.value if min_context else None,
                max_price=max_price,
                modality=modality.value if modality else None,
                maker=maker,
                since=since,
                reasoning=None if reasoning is None else reasoning.value == "yes",
            ),
        )
        answer = self.core.engine.answer_query(q)
        await replies.respond(self.core, interaction, answer, deferred=False)

    @app_commands.command(
        name="changes", description="What changed in the data: new models, prices, scores, leaders"
    )
    @app_commands.describe(
        since="How far back (default: this week)", kind="Only one kind of change"
    )
    @app_commands.choices(since=CHANGE_SPAN_CHOICES, kind=CHANGE_KIND_CHOICES)
    async def changes(
        self,
        interaction: discord.Interaction,
        since: app_commands.Choice[int] | None = None,
        kind: app_commands.Choice[str] | None = None,
    ) -> None:
        await self.core.reload()  # `data refresh` beside the bot may have logged changes since
        q = Query(
            intent="changes",
            since_days=since.value if since else None,
            kind=kind.value if kind else None,
        )
        answer = self.core.engine.answer_query(q)
        await replies.respond(self.core, interaction, answer, deferred=False)

    @app_commands.command(name="help", description="What I can answer and how to ask")
    async def help_(self, interaction: discord.Interaction) -> None:
        answer = self.core.engine.answer_query(Query(intent="help"))
        perms = interaction.app_permissions if interaction.guild is not None else None
        out = await replies.build(self.core, answer, perms, interaction.user.id)
        await sending.respond(interaction, ephemeral=True, **out.kwargs)

    @app_commands.command(
        name="about", description="Where the data comes from, how much there is and how fresh"
    )
    async def about(self, interaction: discord.Interaction) -> None:
        await sending.respond(interaction, embed=about_embed(self.core.engine))
