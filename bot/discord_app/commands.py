"""Slash commands.  Model options autocomplete through the core's ModelLookup, and every
submitted value is checked again: a value typed past the menu is matched or answered with
suggestions."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.answers.compose import CATEGORY_PHRASE, METRIC_NAMES
from bot.answers.model import Answer
from bot.answers.render_text import render_text
from bot.discord_app import replies, sending
from bot.discord_app.errors import SORRY, UserError, tell_privately
from bot.query import MAX_TOP, Filters, Query

if TYPE_CHECKING:
    from bot.discord_app.app import ModelBot

log = logging.getLogger(__name__)

# The eight categories the method defines (their names live in data/curated/categories.json;
# slash-command choices are fixed when the commands are registered).
CATEGORY_CHOICES = [
    app_commands.Choice(name=name, value=cid)
    for cid, name in ((cid, cid.replace("_", " ").capitalize()) for cid in CATEGORY_PHRASE)
]
METRIC_LABELS = {
    "price": "Price (cheapest)",
    "speed": "Speed (fastest output)",
    "latency": "Latency (quickest first token)",
    "context": "Context window (biggest)",
}
assert set(CATEGORY_PHRASE) == {c.value for c in CATEGORY_CHOICES}
assert set(METRIC_NAMES) == set(METRIC_LABELS)
MODALITY_CHOICES = [
    app_commands.Choice(name=name, value=value)
    for value, name in (
        ("image", "Images"),
        ("audio", "Audio"),
        ("video", "Video"),
        ("pdf", "PDF documents"),
    )
]
CONTEXT_CHOICES = [
    app_commands.Choice(name=label, value=tokens)
    for label, tokens in (
        ("128K tokens or more", 128_000),
        ("200K or more", 200_000),
        ("256K or more", 256_000),
        ("400K or more", 400_000),
        ("1M or more", 1_000_000),
        ("2M or more", 2_000_000),
    )
]
SINCE_CHOICES = [
    app_commands.Choice(name=label, value=days)
    for label, days in (
        ("the last 30 days", 30),
        ("the last 3 months", 91),
        ("the last 6 months", 182),
        ("the last 12 months", 365),
    )
]
REASONING_CHOICES = [
    app_commands.Choice(name="Reasoning models only", value="yes"),
    app_commands.Choice(name="Non-reasoning models only", value="no"),
]
CHANGE_SPAN_CHOICES = [
    app_commands.Choice(name=label, value=days)
    for label, days in (
        ("today", 1),
        ("this week", 7),
        ("this month", 30),
        ("the last 90 days", 90),
    )
]
CHANGE_KIND_CHOICES = [
    app_commands.Choice(name=label, value=kind)
    for kind, label in (
        ("new_model", "New models"),
        ("price", "Prices"),
        ("score", "Scores"),
        ("leader", "New leaders"),
        ("context", "Context windows"),
    )
]


def metric_choices(engine: object | None) -> list[app_commands.Choice[str]]:
    """Only the measures the data can answer: no speed choice that can only say "no data"."""
    has = getattr(getattr(engine, "context", None), "has_metric", None)
    return [
        app_commands.Choice(name=label, value=mid)
        for mid, label in METRIC_LABELS.items()
        if has is None or has(mid)
    ]


DEFERRED_CHART_WAIT = 10.0


async def _respond(
    bot: ModelBot, interaction: discord.Interaction, answer: Answer, *, deferred: bool
) -> None:
    perms = interaction.app_permissions if interaction.guild is not None else None
    # acknowledged (deferred) answers may wait for their chart; others have 3 s in all
    wait = DEFERRED_CHART_WAIT if deferred else bot.settings.chart_wait_seconds
    out = await replies.build(bot, answer, perms, interaction.user.id, chart_wait=wait)
    # Always through the interaction, never the channel: it needs no Send Messages there.
    if deferred:
        msg = await sending.follow_up(interaction, first_after_defer=True, **out.kwargs)
    else:
        if not await sending.respond(interaction, **out.kwargs):
            return
        # the view needs its message to take its buttons off when it times out
        msg = None
        if out.view is not None:
            with contextlib.suppress(discord.HTTPException):
                msg = await interaction.original_response()
    if out.view is not None and msg is not None:
        out.view.message = msg  # type: ignore[attr-defined]


def _resolve(bot: ModelBot, options: dict[str, str | None]) -> list[str]:
    """The models the given options name; if any names no one model, one reply about them all."""
    assert bot.engine is not None
    ids, problem = bot.engine.resolve_options({k: v for k, v in options.items() if v})
    if problem is not None:
        # said privately, as text: the title is the question's, the text says it all
        raise UserError(render_text(problem.model_copy(update={"title": ""})))
    return ids


async def _model_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    bot: ModelBot = interaction.client  # type: ignore[assignment]
    if bot.engine is None:
        return []
    return [
        app_commands.Choice(name=c.name, value=c.value) for c in bot.engine.lookup.suggest(current)
    ]


async def _maker_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    bot: ModelBot = interaction.client  # type: ignore[assignment]
    if bot.engine is None:
        return []
    makers = sorted({m.creator for m in bot.engine.catalog.models})
    typed = current.strip().lower()
    hits = [m for m in makers if m.lower().startswith(typed)] + [
        m for m in makers if typed and typed in m.lower() and not m.lower().startswith(typed)
    ]
    return [app_commands.Choice(name=m, value=m) for m in hits[:25]]


def register(bot: ModelBot) -> None:
    tree = bot.tree
    tree.on_error = _on_error  # type: ignore[method-assign]
    METRIC_CHOICES = metric_choices(bot.engine)

    @tree.command(name="compare", description="Compare two to five AI models")
    @app_commands.describe(
        model_a="First model",
        model_b="Second model",
        model_c="Third model (optional)",
        model_d="Fourth model (optional)",
        model_e="Fifth model (optional)",
        category="Lead with one category",
        metric="Answer one question: price, speed, latency or context",
    )
    @app_commands.choices(category=CATEGORY_CHOICES, metric=METRIC_CHOICES)
    @app_commands.autocomplete(
        model_a=_model_autocomplete,
        model_b=_model_autocomplete,
        model_c=_model_autocomplete,
        model_d=_model_autocomplete,
        model_e=_model_autocomplete,
    )
    async def compare(
        interaction: discord.Interaction,
        model_a: app_commands.Range[str, 1, 100],
        model_b: app_commands.Range[str, 1, 100],
        model_c: app_commands.Range[str, 1, 100] | None = None,
        model_d: app_commands.Range[str, 1, 100] | None = None,
        model_e: app_commands.Range[str, 1, 100] | None = None,
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
        ids = list(dict.fromkeys(_resolve(bot, options)))
        if len(ids) < 2:
            raise UserError("Those name the same model twice; pick two different ones.")
        # The chart is drawn in a worker thread: acknowledge first, then follow up.
        if not await sending.defer(interaction, thinking=True):
            return
        assert bot.engine is not None
        answer = bot.engine.answer_query(
            Query(
                intent="compare",
                models=ids,
                category=category.value if category else None,
                metric=metric.value if metric else None,
            )
        )
        await _respond(bot, interaction, answer, deferred=True)

    @tree.command(name="model", description="One model's scores, ranks, price and context")
    @app_commands.describe(name="The model")
    @app_commands.autocomplete(name=_model_autocomplete)
    async def model(
        interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]
    ) -> None:
        (mid,) = _resolve(bot, {"name": name})
        assert bot.engine is not None
        answer = bot.engine.answer_query(Query(intent="profile", models=[mid]))
        await _respond(bot, interaction, answer, deferred=False)

    @tree.command(
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
        metric=METRIC_CHOICES,
        min_context=CONTEXT_CHOICES,
        modality=MODALITY_CHOICES,
        released=SINCE_CHOICES,
        reasoning=REASONING_CHOICES,
    )
    @app_commands.autocomplete(maker=_maker_autocomplete)
    async def top(
        interaction: discord.Interaction,
        category: app_commands.Choice[str] | None = None,
        metric: app_commands.Choice[str] | None = None,
        count: app_commands.Range[int, 1, MAX_TOP] = 5,
        open_weights: bool = False,
        min_context: app_commands.Choice[int] | None = None,
        max_price: app_commands.Range[float, 0, 1000] | None = None,
        modality: app_commands.Choice[str] | None = None,
        maker: app_commands.Range[str, 1, 60] | None = None,
        released: app_commands.Choice[int] | None = None,
        reasoning: app_commands.Choice[str] | None = None,
    ) -> None:
        assert bot.engine is not None
        if maker is not None:
            known = {m.creator.lower(): m.creator for m in bot.engine.catalog.models}
            if maker.strip().lower() not in known:
                raise UserError(
                    f"I know no maker called “{replies_safe(maker)}”; pick one from the list."
                )
            maker = known[maker.strip().lower()]
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
        await _respond(bot, interaction, bot.engine.answer_query(q), deferred=False)

    @tree.command(
        name="changes", description="What changed in the data: new models, prices, scores, leaders"
    )
    @app_commands.describe(
        since="How far back (default: this week)", kind="Only one kind of change"
    )
    @app_commands.choices(since=CHANGE_SPAN_CHOICES, kind=CHANGE_KIND_CHOICES)
    async def changes(
        interaction: discord.Interaction,
        since: app_commands.Choice[int] | None = None,
        kind: app_commands.Choice[str] | None = None,
    ) -> None:
        assert bot.engine is not None
        await bot.reload_changes()
        q = Query(
            intent="changes",
            since_days=since.value if since else None,
            kind=kind.value if kind else None,
        )
        await _respond(bot, interaction, bot.engine.answer_query(q), deferred=False)

    @tree.command(name="help", description="What I can answer and how to ask")
    async def help_(interaction: discord.Interaction) -> None:
        assert bot.engine is not None
        answer = bot.engine.answer_query(Query(intent="help"))
        perms = interaction.app_permissions if interaction.guild is not None else None
        out = await replies.build(bot, answer, perms, interaction.user.id)
        await sending.respond(interaction, ephemeral=True, **out.kwargs)

    @tree.command(
        name="about", description="Where the data comes from, how much there is and how fresh"
    )
    async def about(interaction: discord.Interaction) -> None:
        assert bot.engine is not None
        await sending.respond(interaction, embed=about_embed(bot))

    settings_group = app_commands.Group(
        name="settings",
        description="Channel settings for this bot",
        default_permissions=discord.Permissions(manage_channels=True),
        guild_only=True,
    )

    @settings_group.command(
        name="listen", description="Answer questions in this channel without a mention"
    )
    @app_commands.describe(state="on: answer model questions here; off: only when mentioned")
    @app_commands.choices(
        state=[
            app_commands.Choice(name="on", value="on"),
            app_commands.Choice(name="off", value="off"),
        ]
    )
    async def listen(interaction: discord.Interaction, state: app_commands.Choice[str]) -> None:
        perms = interaction.permissions
        if not (perms.manage_channels or perms.manage_guild):
            raise UserError("Only members who can manage this channel or server can change that.")
        on = state.value == "on"
        assert bot.store is not None and interaction.channel_id is not None
        await bot.store.set_listen(
            interaction.channel_id, interaction.guild_id, on, interaction.user.id
        )
        if on:
            bot.listening.add(interaction.channel_id)
        else:
            bot.listening.discard(interaction.channel_id)
        text = (
            "I'll answer model questions in this channel now, and stay quiet on everything else."
            if on
            else "I'll only answer here when mentioned."
        )
        if on and not bot.intents.message_content:
            text += (
                " Note: the Message Content intent is off for this bot, so I can only see "
                "messages that mention me until it is turned on."
            )
        await sending.respond(interaction, content=text, ephemeral=True)

    tree.add_command(settings_group)

    admin = app_commands.Group(
        name="admin",
        description="Owner-only maintenance",
        default_permissions=discord.Permissions(manage_guild=True),
    )

    @admin.command(name="sync", description="Sync slash commands (owner only)")
    @app_commands.choices(
        scope=[
            app_commands.Choice(name="this server", value="guild"),
            app_commands.Choice(name="global", value="global"),
        ]
    )
    async def sync(interaction: discord.Interaction, scope: app_commands.Choice[str]) -> None:
        if not await _is_owner(bot, interaction.user):
            raise UserError("Only the bot's owner can sync commands.")
        if not await sending.defer(interaction, ephemeral=True, thinking=True):
            return
        if scope.value == "guild" and interaction.guild is not None:
            bot.tree.copy_global_to(guild=interaction.guild)
            synced = await bot.tree.sync(guild=interaction.guild)
        else:
            synced = await bot.tree.sync()
        await sending.follow_up(
            interaction,
            first_after_defer=True,
            content=f"Synced {len(synced)} commands ({scope.name}).",
            ephemeral=True,
        )

    tree.add_command(admin)

    from bot.discord_app.alerts_commands import register_alerts

    register_alerts(bot)


def replies_safe(text: str) -> str:
    return text.replace("@", "@\u200b").replace("`", "'")[:60]


def about_embed(bot: ModelBot) -> discord.Embed:
    """Where the data comes from, each source credited as its licence asks, and how fresh."""
    from bot.catalog.stats import catalog_stats

    assert bot.engine is not None
    c = bot.engine.catalog
    st = catalog_stats(bot.engine.scoreboard)
    embed = discord.Embed(title="About this bot", colour=0x5865F2)
    loaded = bot.engine.context.loaded_at
    embed.description = (
        f"{st['models']} models, {st['models_ranked']} of them ranked; {st['scores']:,} benchmark "
        f"scores, {st['scores_independent']:,} measured independently. Newest score "
        f"{st['newest_score_date'] or 'unknown'}; data as of {c.meta.data_as_of or 'unknown'}"
        + (f", loaded {loaded[:10]}" if loaded else "")
        + ". Figures are adapted from the sources below (fractions shown as percent, one run "
        "per model, names matched to ours)."
    )
    stale = bot.engine.context.staleness()
    if stale:
        embed.description = f"**{stale}**\n\n{embed.description}"
    for s in c.meta.sources:
        n = st["sources"].get(s.id, {}).get("scores")
        extra = f"\n{n:,} scores" if n else ""
        if s.revision:
            extra += f" · revision {s.revision[:10]}"
        embed.add_field(
            name=f"{s.name} · {s.licence}"[:256],
            value=f"{s.note or s.url}\n<{s.url}>{extra}"[:1024]
            if s.url.startswith("http")
            else f"{s.note or s.url}{extra}"[:1024],
            inline=False,
        )
    embed.add_field(
        name="Method",
        value="Category scores average each model's weighted benchmarks, each adjusted for how "
        "hard it is; the overall score averages the categories by weight. Independent "
        "measurements win over vendors' claims. The rules and weights are in docs/METHOD.md.",
        inline=False,
    )
    return embed


async def _is_owner(bot: ModelBot, user: discord.abc.User) -> bool:
    if user.id in bot.settings.owner_ids:
        return True
    app = await bot.application_info()
    if app.team:
        return any(m.id == user.id for m in app.team.members)
    return app.owner.id == user.id


async def _on_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    original = getattr(error, "original", error)
    if isinstance(original, UserError):
        text = str(original)
    elif isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
        text = "You don't have permission to do that here."
    elif isinstance(error, app_commands.TransformerError | app_commands.CommandSignatureMismatch):
        text = "I couldn't read one of those options; try picking from the list."
    else:
        log.error(
            "command /%s failed for user %s in channel %s",
            interaction.command.qualified_name if interaction.command else "?",
            interaction.user.id,
            interaction.channel_id,
            exc_info=original,
        )
        text = SORRY
    await tell_privately(interaction, text)
