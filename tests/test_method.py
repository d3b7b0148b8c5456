"""The scoring method, checked against hand-computed numbers."""

from __future__ import annotations

import pytest

from bot.catalog.method import Scoreboard, biggest_separator, category_scores, overall_score
from bot.catalog.models import Catalog


def test_category_average_renormalises_over_the_models_own_benchmarks(catalog: Catalog) -> None:
    cats = category_scores(catalog, "gemma-4-12b")
    # Knowledge: GPQA 78.8 (weight .15) and MMLU-Pro 77.2 (weight .25), renormalised over .40
    gpqa = catalog.benchmark_by_id["gpqa"].weight
    mmlu_pro = catalog.benchmark_by_id["mmlu-pro"].weight
    expected = (78.8 * gpqa + 77.2 * mmlu_pro) / (gpqa + mmlu_pro)
    assert cats["knowledge"].value == pytest.approx(expected)
    assert round(cats["knowledge"].value, 1) == 77.8  # the reference page's figure
    assert cats["coding"].value == pytest.approx(72.0)
    assert cats["coding"].benchmarks == ("livecodebench-v6",)


def test_overall_needs_coverage(catalog: Catalog) -> None:
    rule = catalog.meta.overall_rule
    cats = category_scores(catalog, "gemma-4-12b")
    overall = overall_score(catalog, cats)
    assert overall is not None and overall.coverage >= rule.min_weight
    only_one = {"coding": cats["coding"]}
    assert overall_score(catalog, only_one) is None


def test_saturated_benchmarks_alone_do_not_rank(catalog: Catalog, scoreboard: Scoreboard) -> None:
    # Llama 3.1 405B's coding score rests on HumanEval alone: shown, not ranked.
    cats = category_scores(catalog, "llama-3.1-405b-instruct")
    assert cats["coding"].benchmarks == ("humaneval",)
    assert not cats["coding"].ranked
    assert scoreboard.category_rank("llama-3.1-405b-instruct", "coding") is None
    assert scoreboard.category_rank("gpt-4.1", "coding") is not None


def test_biggest_separator_is_among_shared_benchmarks(catalog: Catalog) -> None:
    sep = biggest_separator(catalog, "gemma-4-12b", "gpt-4.1")
    assert sep is not None and sep.benchmark == "gpqa"
    assert (sep.a, sep.b) == (78.8, 66.3)
    assert biggest_separator(catalog, "gemma-4-12b", "gpt-4.1", category="coding") is None


def test_rankings_are_ordered_and_consistent(scoreboard: Scoreboard) -> None:
    ranked = scoreboard.ranked()
    values = [v for _, v in ranked]
    assert values == sorted(values, reverse=True)
    top, value = ranked[0]
    assert scoreboard.overall_rank(top) == (1, len(ranked))
    for cat in ("coding", "math", "knowledge"):
        assert len(scoreboard.ranked(cat)) >= 10
