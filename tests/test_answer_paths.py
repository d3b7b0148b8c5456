"""Every answer path over the real catalog composes and renders cleanly: no exception, no
"None"/"nan"/"$null", no empty tables."""

from __future__ import annotations

import itertools

import pytest

from bot.answers import compose, render_text
from bot.answers.compose import compare_many, compare_two, leaderboard, profile
from bot.catalog.models import CATEGORY_IDS, Catalog
from bot.engine import Engine
from bot.query import Query
from tests.test_answers import BAD_RENDERINGS

METRICS = (None, "price", "speed", "latency", "context")


def _check(answer) -> None:  # noqa: ANN001
    text = render_text(answer)
    assert not BAD_RENDERINGS.search(text), text
    for block in answer.blocks:
        if block.kind == "table":
            assert block.rows, text


@pytest.mark.parametrize("category", (None, *CATEGORY_IDS))
def test_every_leaderboard(engine: Engine, category: str | None) -> None:
    for metric, open_weights, count in itertools.product(METRICS, (False, True), (None, 1, 25)):
        _check(leaderboard(engine.context, category, metric, count, open_weights))


def test_every_profile(engine: Engine) -> None:
    for m in engine.catalog.models:
        for category, metric in ((None, None), ("coding", None), (None, "latency")):
            _check(profile(engine.context, m.id, category, metric))


def test_many_pairs(engine: Engine) -> None:
    ids = [m.id for m in engine.catalog.models][::7]  # a spread of old, new, scored and unscored
    for a, b in itertools.combinations(ids, 2):
        for category, metric in (
            (None, None),
            ("coding", None),
            ("math", None),
            (None, "price"),
            (None, "speed"),
        ):
            _check(compare_two(engine.context, a, b, category, metric))


def test_groups(engine: Engine) -> None:
    ids = [m.id for m in engine.catalog.models]
    for start in range(0, len(ids) - 5, 11):
        group = ids[start : start + 5]
        for category, metric in ((None, None), ("agentic", None), (None, "context")):
            _check(compare_many(engine.context, group, category, metric))


def test_clarify_and_not_found_without_candidates(engine: Engine) -> None:
    _check(compose(Query(text="x", intent="clarify"), engine.context))
    _check(compose(Query(text="x", intent="not_found", unknown=["gpt-99"]), engine.context))


def test_a_repeated_question_is_answered_from_the_kept_answer(catalog: Catalog) -> None:
    """The same reading of the same data gives the same answer, kept; a different reading, or a
    newer change log, composes afresh; the change log itself is never kept."""
    engine = Engine(catalog, "2026-11-27T00:00:00+00:00")
    first = engine.ask("gpt-5.5 vs claude opus 4.8").answer
    assert engine.ask("GPT-5.5 vs Claude Opus 4.8?").answer is first
    assert engine.ask("claude opus 4.8 vs gpt-5.5").answer is not first
    engine.with_changes([])
    assert engine.ask("gpt-5.5 vs claude opus 4.8").answer is not first
    assert (
        engine.ask("what changed this week?").answer
        is not engine.ask("what changed this week?").answer
    )
