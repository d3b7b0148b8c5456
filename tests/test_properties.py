"""Free text never breaks the bot and never makes it ping anyone."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine

WORDS = st.sampled_from(
    [
        "gpt",
        "4.1",
        "claude",
        "vs",
        "@everyone",
        "@here",
        "<@123>",
        "mini",
        "o3",
        "?",
        "best",
        "coding",
        "gemini",
        "2.5",
        "pro",
        "llama",
        "4",
        "price",
        "9",
        "sonnet",
        "🦙",
        "\n",
        "`",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=4000))
def test_any_text_never_raises_or_pings(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert "@everyone" not in reply.text and "@here" not in reply.text and "<@" not in reply.text


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_model_like_text_never_raises_or_pings(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert reply.query.intent in {
        "compare",
        "profile",
        "leaderboard",
        "clarify",
        "not_found",
        "help",
        "none",
    }
    assert len(reply.query.models) <= 5
    assert "@everyone" not in reply.text and "@here" not in reply.text and "<@" not in reply.text
