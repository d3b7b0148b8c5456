"""The scores the catalog build refuses, each with its reason in the build report: a build from a
few records written here in the sources' own formats, and the real build report of the shipped
data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.catalog.models import Catalog
from bot.sources.build import BuildReport, build, report_json, report_lines
from bot.sources.hygiene import missing_or_placeholder
from tests.conftest import ROOT

REPORT = json.loads((ROOT / "data" / "build-report.json").read_text())


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


# model -> [(llm-stats benchmark, score as llm-stats stores it (a fraction), source link)]
MODELS: dict[str, list[tuple[str, float, str | None]]] = {
    "acme-one": [
        ("gpqa", 0.712, "https://example.com/benchmark-image"),  # a placeholder
        ("mmlu", 0.801, "https://acme.ai/blog/acme-one"),
        ("swe-lancer-ic-diamond-subset", 1.0, "https://acme.ai/blog/acme-one"),  # "100%"
        ("frontier-agents", 0.5, "https://acme.ai/blog/acme-one"),
        ("recall-check", 0.71, "https://acme.ai/blog/acme-one"),
    ],
    "acme-two": [
        ("gpqa", 0.652, "https://acme.ai/blog/acme-two"),
        ("mmlu", 0.785, None),  # no source at all
        ("swe-lancer-ic-diamond-subset", 0.174, "https://acme.ai/blog/acme-two"),
        ("frontier-agents", 0.85, "https://acme.ai/blog/acme-two"),  # a real jump: kept
        ("recall-check", 0.0, "https://acme.ai/blog/acme-two"),  # 0 where the rest score 60+
    ],
    "acme-three": [
        ("gpqa", 0.604, "https://huggingface.co/acme/Acme-Four"),  # another model's card
        ("mmlu", 0.77, "https://huggingface.co/acme/Acme-Three"),  # its own card
        ("swe-lancer-ic-diamond-subset", 0.124, "https://acme.ai/blog/acme-three"),
        ("frontier-agents", 0.6, "https://acme.ai/blog/acme-three"),
        ("recall-check", 0.64, "https://acme.ai/blog/acme-three"),
    ],
    "acme-four": [
        ("gpqa", 0.58, "https://huggingface.co/acme/Acme-Four"),
        ("swe-lancer-ic-diamond-subset", 0.074, "https://acme.ai/blog/acme-four"),
        ("frontier-agents", 0.7, "https://acme.ai/blog/acme-four"),
        ("recall-check", 0.6, "https://acme.ai/blog/acme-four"),
    ],
}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, BuildReport]:
    root = tmp_path_factory.mktemp("build")
    src, data = root / "sources", root / "data"
    llm = src / "llm-stats" / "data"
    for bench, name in (
        ("gpqa", "GPQA"),
        ("mmlu", "MMLU"),
        ("swe-lancer-ic-diamond-subset", "SWE-Lancer (IC-Diamond subset)"),
        ("frontier-agents", "Frontier Agents"),
        ("recall-check", "Recall Check"),
    ):
        _write(
            llm / "benchmarks" / f"{bench}.json",
            {"benchmark_id": bench, "name": name, "categories": ["general"], "max_score": 1.0},
        )
    for i, (mid, scores) in enumerate(MODELS.items()):
        folder = llm / "organizations" / "acme" / "models" / mid
        _write(
            folder / "model.json",
            {
                "model_id": mid,
                "name": mid.replace("-", " ").title(),
                "organization_id": "acme",
                "release_date": f"2026-0{i + 1}-15",
                "license_id": "proprietary",
            },
        )
        _write(
            folder / "benchmarks.json",
            [
                {
                    "benchmark_id": bench,
                    "model_id": mid,
                    "score": value,
                    "is_self_reported": True,
                    "self_reported_source_link": link,
                    "created_at": "2026-06-01T12:00:00.000000+00:00",
                }
                for bench, value, link in scores
            ],
        )
    _write(src / "models.dev" / "models.json", {})
    _write(src / "models.dev" / "api.json", {})
    # the five leaderboards, present and empty
    _write(src / "epoch-ai" / "gpqa_diamond.csv", "Model version,mean_score,Started at\n")
    _write(src / "livebench" / "table.csv", "model,python\n")
    _write(src / "livebench" / "categories.json", {"Agentic Coding": ["python"]})
    _write(
        src / "vectara-hallucination" / "README.md",
        "<!-- LEADERBOARD_START -->\n|Model|Hallucination Rate|\n|---|---:|\n<!-- LEADERBOARD_END -->\n",
    )
    _write(src / "tau2-bench" / "submissions" / "none" / "submission.json", {"results": {}})
    _write(src / "aider" / "polyglot_leaderboard.yml", "[]\n")
    curated = data / "curated"
    curated.mkdir(parents=True)
    for name in ("categories.json", "benchmarks.json"):
        shutil.copy(ROOT / "data" / "curated" / name, curated / name)
    _write(
        curated / "models.json",
        {"skip": [], "overrides": [], "same_model": [], "new_models": [], "creators": {}},
    )
    _write(curated / "source_names.json", {"note": "none"})
    report = BuildReport()
    return build(src, data, report), report


def _value(catalog: Catalog, model: str, bench: str) -> float | None:
    s = catalog.scores_of(model).get(bench)
    return s.value if s else None


def test_a_placeholder_source_is_refused(fixture_build: tuple[Catalog, BuildReport]) -> None:
    catalog, report = fixture_build
    assert _value(catalog, "acme-one", "gpqa") is None
    assert (
        "llm-stats: acme-one / gpqa: 71.2 (placeholder source URL "
        "(https://example.com/benchmark-image))" in report.dropped_scores
    )


def test_a_score_without_a_source_is_refused(fixture_build: tuple[Catalog, BuildReport]) -> None:
    catalog, report = fixture_build
    assert _value(catalog, "acme-two", "mmlu") is None
    assert "llm-stats: acme-two / mmlu: 78.5 (no source URL)" in report.dropped_scores
    assert _value(catalog, "acme-one", "mmlu") == 80.1  # the same benchmark, sourced: kept


def test_a_score_citing_another_models_card_is_refused(
    fixture_build: tuple[Catalog, BuildReport],
) -> None:
    catalog, report = fixture_build
    assert _value(catalog, "acme-three", "gpqa") is None
    assert (
        "llm-stats: acme-three / gpqa: 60.4 (cites another model's card (acme/Acme-Four, which "
        "is acme-four))" in report.dropped_scores
    )
    # its own card, and the other model citing its own card, are fine
    assert _value(catalog, "acme-three", "mmlu") == 77.0
    assert _value(catalog, "acme-four", "gpqa") == 58.0


def test_an_outlier_is_refused_and_a_frontier_jump_kept(
    fixture_build: tuple[Catalog, BuildReport],
) -> None:
    catalog, report = fixture_build
    # 100 where the other models (the same vendor's among them) score 7.4 to 17.4
    assert _value(catalog, "acme-one", "swe-lancer-ic-diamond-subset") is None
    assert (
        "llm-stats: acme-one / swe-lancer-ic-diamond-subset: outlier: 100 where the other 3 "
        "models score 7.4 to 17.4 (median 12.4)" in report.dropped_scores
    )
    assert _value(catalog, "acme-two", "swe-lancer-ic-diamond-subset") == 17.4
    # 85 where the best other model scores 70: a new best, not a typo
    assert _value(catalog, "acme-two", "frontier-agents") == 85.0
    assert not any("frontier-agents" in line for line in report.dropped_scores)
    # a 0 where every other model scores above 25
    assert _value(catalog, "acme-two", "recall-check") is None
    assert (
        "llm-stats: acme-two / recall-check: outlier: 0 where the other 3 models score 60 to 71"
        in report.dropped_scores
    )


def test_the_build_report_counts_each_rule(fixture_build: tuple[Catalog, BuildReport]) -> None:
    _, report = fixture_build
    assert report_json(report)["refused"] == {
        "llm-stats": {
            "cites another model's card": 1,
            "no source URL": 1,
            "outlier against its benchmark and family": 2,
            "placeholder source URL": 1,
        }
    }
    lines = report_lines(report)
    assert "llm-stats: 2 scores refused: outlier against its benchmark and family" in lines
    assert "llm-stats: 1 scores refused: no source URL" in lines


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://example.com/benchmark-image", "placeholder source URL"),
        ("https://www.example.org/results", "placeholder source URL"),
        ("https://acme.ai/placeholder.png", "placeholder source URL"),
        ("http://localhost:8000/scores", "placeholder source URL"),
        ("https://docs.example.com/model", "placeholder source URL"),
        ("https://EXAMPLE.com:443/x", "placeholder source URL"),
        ("", "no source URL"),
        (None, "no source URL"),
        ("see the model card", "source is not a web address"),
        ("https://openai.com/index/gpt-5/", None),
        ("https://huggingface.co/deepseek-ai/DeepSeek-R1-0528", None),
    ],
)
def test_which_source_urls_can_back_a_score(url: str | None, why: str | None) -> None:
    got = missing_or_placeholder(url)
    assert (got is None) if why is None else (got or "").startswith(why)


# -- the shipped data's build report ----------------------------------------------------------


def test_the_real_build_refused_the_known_bad_figures(catalog: Catalog) -> None:
    refused = REPORT["refused_scores"]
    # GPT-5's "100%" on a SWE-Lancer split where every other model scores 7 to 17
    assert any(
        line.startswith("llm-stats: gpt-5 / swe-lancer-ic-diamond-subset: outlier: 100 where")
        for line in refused
    )
    assert "swe-lancer-ic-diamond-subset" not in catalog.scores_of("gpt-5")
    # DeepSeek-R1-0528's SimpleQA 92.3 is DeepSeek-V3.1's, copied from V3.1's card
    assert (
        "llm-stats: deepseek-r1-0528 / simpleqa: 92.3 (cites another model's card "
        "(deepseek-ai/DeepSeek-V3.1, which is deepseek-v3.1))" in refused
    )
    r1 = catalog.scores_of("deepseek-r1-0528").get("simpleqa")
    assert r1 is None or r1.value != 92.3
    # every example.com figure, and none of them shipped
    placeholders = [line for line in refused if "https://example.com/" in line]
    assert len(placeholders) == REPORT["refused"]["llm-stats"]["placeholder source URL"] >= 10
    assert all("(placeholder source URL" in line for line in placeholders)
    assert {line.split(":")[1].split("/")[0].strip() for line in placeholders} == {
        "gemini-1.0-pro",
        "gpt-3.5-turbo",
    }
    assert not any("example.com" in (s.source_url or "") for s in catalog.scores)
