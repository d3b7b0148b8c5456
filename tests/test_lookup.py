"""Slash-command model lookup: what a value typed past the menu gets, compared with what the
free-text parser makes of the same words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine


def dates(engine: Engine, ids: list[str]) -> list[dt.date | None]:
    return [engine.catalog.model_by_id[m].release_date for m in ids]


@pytest.mark.parametrize("typed", ["gpt-9", "claude 7", "gemini 9 pro", "gpt-4.1 ultra"])
def test_an_unknown_name_gets_the_free_text_candidates_current_first(
    engine: Engine, typed: str
) -> None:
    res = engine.lookup.resolve(typed)
    assert res.model is None and res.problem == "unknown"
    assert list(res.suggestions) == engine.understander.parse(typed).candidates
    assert res.suggestions
    # current models: none older than 2025
    assert all(d is not None and d.year >= 2025 for d in dates(engine, list(res.suggestions)))


def test_gpt_9_suggests_gpt_5_x_on_both_paths(engine: Engine) -> None:
    slash = [engine.catalog.model_by_id[m].name for m in engine.lookup.resolve("gpt-9").suggestions]
    assert slash and all(n.startswith("GPT-5.") for n in slash)
    # the message names two unknowns: each one's candidates in turn, as the slash path gives them
    both = engine.ask("gpt-9 vs claude 7").query.candidates
    each = [
        *engine.lookup.resolve("gpt-9").suggestions,
        *engine.lookup.resolve("claude 7").suggestions,
    ]
    assert both == each[: len(both)]


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("claude", "is claude any good"),
        ("llama 4", "how good is llama 4"),
        ("qwen", "is qwen good"),
    ],
)
def test_a_family_name_asks_which_one_as_free_text_does(
    engine: Engine, typed: str, question: str
) -> None:
    res = engine.lookup.resolve(typed)
    q = engine.understander.parse(question)
    assert q.intent == "clarify"
    assert res.model is None and res.problem == "vague"
    assert list(res.suggestions) == q.candidates
    if typed == "llama 4":
        assert set(res.suggestions) == {"llama-4-maverick", "llama-4-scout"}


def test_a_known_name_or_id_resolves(engine: Engine) -> None:
    assert engine.lookup.resolve("gemma-4-12b").model == "gemma-4-12b"
    assert engine.lookup.resolve("claud sonet 4").model == "claude-sonnet-4"
    assert engine.lookup.resolve("sonnet 4").model == "claude-sonnet-4"
