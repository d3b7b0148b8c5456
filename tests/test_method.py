"""The scoring method, checked against hand-computed numbers on a small catalog."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.catalog.method import (
    Scoreboard,
    biggest_separator,
    category_scores,
    fit_difficulty,
    overall_score,
)
from bot.catalog.models import (
    Benchmark,
    Catalog,
    CatalogMeta,
    Category,
    Model,
    OverallRule,
    Score,
)

WEIGHTS = {
    "agentic": 0.22,
    "coding": 0.2,
    "reasoning": 0.17,
    "multimodal": 0.12,
    "knowledge": 0.12,
    "multilingual": 0.07,
    "instruction_following": 0.05,
    "math": 0.05,
}


def small_catalog(
    scores: list[tuple[str, str, float, bool]], difficulty: dict[str, float] | None = None
) -> Catalog:
    """Models m1..m3; benchmarks: two coding tests, a saturated one, a reasoning, an agentic and
    a lower-is-better knowledge rate.  scores: (model, benchmark, value, independent)."""
    difficulty = difficulty or {}
    bench = [
        ("swe", "coding", 0.6, False, True),
        ("lcb", "coding", 0.4, False, True),
        ("humaneval", "coding", 0.05, True, True),
        ("arc", "reasoning", 0.5, False, True),
        ("tbench", "agentic", 0.5, False, True),
        ("halluc", "knowledge", 0.5, False, False),
    ]
    return Catalog(
        meta=CatalogMeta(
            built_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            overall_rule=OverallRule(
                min_category_weight=0.15,
                min_benchmarks=4,
                min_categories=3,
                min_weight=0.4,
                ranked_min_benchmarks=8,
                ranked_min_independent=5,
            ),
        ),
        categories=tuple(Category(id=c, name=c, weight=w) for c, w in WEIGHTS.items()),
        benchmarks=tuple(
            Benchmark(
                id=b,
                name=b.upper(),
                category=c,
                weight=w,
                saturated=sat,
                higher_is_better=hib,
                difficulty=difficulty.get(b, 0),
            )
            for b, c, w, sat, hib in bench
        ),
        models=tuple(Model(id=f"m{i}", name=f"M{i}", creator="X") for i in (1, 2, 3)),
        scores=tuple(
            Score(model=m, benchmark=b, value=v, self_reported=not ind, source_url="https://x.org")
            for m, b, v, ind in scores
        ),
    )


def test_category_average_renormalises_over_the_models_own_benchmarks() -> None:
    c = small_catalog([("m1", "swe", 60, True), ("m1", "lcb", 40, True), ("m2", "swe", 70, True)])
    assert category_scores(c, "m1")["coding"].value == pytest.approx(60 * 0.6 + 40 * 0.4)
    assert category_scores(c, "m2")["coding"].value == pytest.approx(70)  # SWE alone


def test_difficulty_puts_models_on_different_tests_on_one_footing() -> None:
    # m1 and m2 took both coding tests: LCB reads 30 points lower than SWE for both. m3 took only
    # the hard one; without the adjustment it would trail m1 by 30 points for that reason alone.
    rows = [
        ("m1", "swe", 80, True),
        ("m1", "lcb", 50, True),
        ("m2", "swe", 60, True),
        ("m2", "lcb", 30, True),
        ("m3", "lcb", 50, True),
    ]
    diff = fit_difficulty(
        ((m, b, v) for m, b, v, _ in rows), {"swe": ("coding", 0.6), "lcb": ("coding", 0.4)}
    )
    assert diff["lcb"] > 10 and diff["swe"] < -5  # LCB is the harder test
    assert 0.6 * diff["swe"] + 0.4 * diff["lcb"] == pytest.approx(0, abs=1e-6)  # centred
    c = small_catalog(rows, diff)
    cats = {m: category_scores(c, m)["coding"].value for m in ("m1", "m2", "m3")}
    # a model that took every test keeps its plain weighted mean
    assert cats["m1"] == pytest.approx(80 * 0.6 + 50 * 0.4, abs=0.1)
    # m3 scored what m1 scored on the test both took, and now reads about the same
    assert cats["m3"] == pytest.approx(cats["m1"], abs=6)
    assert cats["m3"] > cats["m2"] + 10


def test_a_lower_is_better_rate_counts_as_its_complement() -> None:
    c = small_catalog([("m1", "halluc", 4.0, True), ("m2", "halluc", 12.0, True)])
    assert category_scores(c, "m1")["knowledge"].value == pytest.approx(96)
    assert category_scores(c, "m2")["knowledge"].value == pytest.approx(88)


def test_overall_needs_coverage_and_ranks_on_enough_independent_tests() -> None:
    vendor = [
        ("m1", "swe", 70, False),
        ("m1", "lcb", 60, False),
        ("m1", "arc", 30, False),
        ("m1", "tbench", 40, False),
        ("m1", "halluc", 5, False),
    ]
    c = small_catalog(vendor)
    cats = category_scores(c, "m1")
    overall = overall_score(c, cats)
    assert overall is not None and overall.coverage >= c.meta.overall_rule.min_weight
    assert overall.benchmarks == 5 and overall.independent == 0
    assert overall.provisional  # five vendor claims: shown, not ranked
    assert overall_score(c, {"coding": cats["coding"]}) is None  # one category is too little
    measured = small_catalog([(m, b, v, True) for m, b, v, _ in vendor])
    o = overall_score(measured, category_scores(measured, "m1"))
    assert o is not None and o.independent == 5 and not o.provisional
    assert Scoreboard(measured).overall_rank("m1") == (1, 1)
    assert Scoreboard(c).overall_rank("m1") is None


def test_saturated_benchmarks_alone_do_not_rank() -> None:
    c = small_catalog([("m1", "humaneval", 92, False), ("m2", "swe", 50, True)])
    cats = category_scores(c, "m1")
    assert cats["coding"].benchmarks == ("humaneval",) and not cats["coding"].ranked
    sb = Scoreboard(c)
    assert sb.category_rank("m1", "coding") is None
    assert sb.category_rank("m2", "coding") == (1, 1)


def test_biggest_separator_is_among_shared_benchmarks() -> None:
    c = small_catalog(
        [
            ("m1", "swe", 60, True),
            ("m2", "swe", 75, True),
            ("m1", "arc", 10, True),
            ("m2", "arc", 14, True),
            ("m1", "lcb", 90, True),  # not shared: never the separator
        ]
    )
    sep = biggest_separator(c, "m1", "m2")
    assert sep is not None and (sep.benchmark, sep.a, sep.b) == ("swe", 60, 75)
    assert biggest_separator(c, "m1", "m2", category="agentic") is None


def test_rankings_are_ordered_and_consistent(scoreboard: Scoreboard) -> None:
    ranked = scoreboard.ranked()
    # scores with an independent measurement first, each group in score order
    measured = [v for mid, v in ranked if scoreboard.profiles[mid].overall.independent]
    vendor = [v for mid, v in ranked if not scoreboard.profiles[mid].overall.independent]
    assert [v for _, v in ranked] == measured + vendor
    assert measured == sorted(measured, reverse=True) and vendor == sorted(vendor, reverse=True)
    top, value = ranked[0]
    assert scoreboard.overall_rank(top) == (1, len(ranked))
    for cat in ("coding", "math", "knowledge"):
        assert len(scoreboard.ranked(cat)) >= 10


def test_the_summary_agrees_with_the_full_profile(scoreboard: Scoreboard) -> None:
    # the scoreboard keeps each model's scores without their parts; the full profile an answer
    # shows has the same numbers, and its parts are what the counts say
    for mid, light in scoreboard.profiles.items():
        full = scoreboard.profile(mid)
        assert full.overall == light.overall, mid
        assert full.weighted_benchmarks == light.weighted_benchmarks, mid
        assert full.categories.keys() == light.categories.keys(), mid
        for cat, cs in full.categories.items():
            summary = light.categories[cat]
            assert summary.parts == () and cs.parts
            assert (cs.value, cs.ranked) == (summary.value, summary.ranked), (mid, cat)
            assert cs.count == summary.count == len(cs.parts)
            assert cs.independent == summary.independent == sum(p.independent for p in cs.parts)
    with pytest.raises(KeyError):
        scoreboard.profile("no-such-model")
