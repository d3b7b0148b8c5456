"""The fixed choices slash-command options offer. Categories and measures are described once, in
bot/measures.py; which measures a command offers depends on the data (`metric_choices`)."""

from __future__ import annotations

from typing import Any

from discord import app_commands

from bot.engine import Engine
from bot.measures import CATEGORIES, MEASURES

# Slash-command choices are fixed when the commands are registered.
CATEGORY_CHOICES: list[app_commands.Choice[str]] = [
    app_commands.Choice(name=c.choice, value=cid) for cid, c in CATEGORIES.items()
]
METRIC_LABELS = {mid: m.choice for mid, m in MEASURES.items()}
MODALITY_CHOICES = [
    app_commands.Choice(name=name, value=value)
    for value, name in (
        ("image", "Images"),
        ("audio", "Audio"),
        ("video", "Video"),
        ("pdf", "PDF documents"),
    )
]
# numbers: a token count (the other choices are text; Any lets a command mix them)
CONTEXT_CHOICES: list[app_commands.Choice[Any]] = [
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
CHANGE_SPAN_CHOICES: list[app_commands.Choice[Any]] = [
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
ON_OFF_CHOICES = [
    app_commands.Choice(name="on", value="on"),
    app_commands.Choice(name="off", value="off"),
]
SYNC_SCOPE_CHOICES = [
    app_commands.Choice(name="this server", value="guild"),
    app_commands.Choice(name="global", value="global"),
]


def metric_choices(engine: Engine) -> list[app_commands.Choice[str]]:
    """Only the measures the data can answer: no speed choice that can only say "no data"."""
    return [
        app_commands.Choice(name=label, value=mid)
        for mid, label in METRIC_LABELS.items()
        if engine.context.has_metric(mid)
    ]
