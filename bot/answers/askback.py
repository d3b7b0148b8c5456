"""Asking back: when a message reads as a question but the reading is unsure, a mention gets
the question the bot would answer, to confirm with one tap, rather than a guess."""

from __future__ import annotations

from bot.catalog.models import Catalog
from bot.measures import CATEGORIES, MEASURES
from bot.query import CONFIDENT, Query

# Readings worth confirming: a wrong compare or ranking is a wall of the wrong numbers. A
# "which one?" or "not in the catalog" reply is already a question back.
CONFIRMED = frozenset({"compare", "profile", "leaderboard", "changes"})


def unsure(q: Query) -> bool:
    """Read as a question for the bot, with too little evidence to answer unasked."""
    return q.intent != "none" and q.confidence < CONFIDENT


def needs_confirming(q: Query) -> bool:
    return q.intent in CONFIRMED and unsure(q)


def ask_back(q: Query, catalog: Catalog) -> str:
    """The question as the bot read it, put back to the asker: "Compare GPT-5.5 and Claude
    Opus 4.8 on coding?"."""
    names = [catalog.model_by_id[m].name for m in q.models if m in catalog.model_by_id]
    about = ""
    if q.metric:
        about = f" on {MEASURES[q.metric].phrase}"
    elif q.category:
        about = f" on {_category(q.category)}"
    if q.intent == "compare" and len(names) >= 2:
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        return f"Compare {listed}{about}?"
    if q.intent == "profile" and names:
        return f"{names[0]}: how it does{about}?" if about else f"Tell you about {names[0]}?"
    if q.intent == "changes":
        return "Show what changed in the data lately?"
    if q.metric:
        return f"Rank models by {MEASURES[q.metric].phrase}?"
    if q.category:
        return f"Rank the best models for {_category(q.category)}?"
    return "Rank the best models overall?"


def _category(cid: str) -> str:
    c = CATEGORIES.get(cid)
    return c.phrase if c else cid
