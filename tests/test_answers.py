"""What a user reads: the answers, checked against the reference page's facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.engine import Engine

BAD_RENDERINGS = re.compile(
    r"\$null|\bnull\b|\bNone\b(?! of)|\bnan\b|Infinity|inf x|\bNaN\b|1 categories|\dbenchmark|categoriesvs"
)


def test_reference_pair(engine: Engine) -> None:
    reply = engine.ask("Gemma 4 12B vs GPT-4.1")
    text, a = reply.text, reply.answer
    assert reply.query.intent == "compare" and a.models == ["Gemma 4 12B", "GPT-4.1"]
    assert (
        "The biggest single separator is GPQA: 78.8% for Gemma 4 12B and 66.3% for GPT-4.1." in text
    )
    assert a.data["separator"] == {"benchmark": "gpqa", "gemma-4-12b": 78.8, "gpt-4.1": 66.3}
    assert (
        "GPT-4.1 gives you the larger context window at 1M, compared with 256K for Gemma 4 12B."
        in text
    )
    assert "$2 / $8" in text
    assert re.search(r"Speed\s+no data\s+no data", text)  # not shipped: Artificial Analysis data
    assert "Gemma 4 12B is the reasoning model in the pair, while GPT-4.1 is not." in text
    assert "Pick " in text and "only becomes the better choice if" in text
    assert "Q: Which is better, Gemma 4 12B or GPT-4.1?" in text
    assert "Data as of 2026-07-02" in text
    # missing data reads "no data", never as a zero
    assert "no data" in text and not BAD_RENDERINGS.search(text)


def test_reference_pair_for_coding(engine: Engine) -> None:
    reply = engine.ask("Which is better for coding, Gemma 4 12B or GPT-4.1?")
    assert reply.query.category == "coding"
    head = reply.answer.headline
    assert head.startswith("For coding, Gemma 4 12B has the edge: 72 vs 53.6.")
    assert "rest on different benchmarks" in head
    assert "LiveCodeBench v6" in reply.text and "SWE-bench Verified" in reply.text
    assert "Q: Which is better for coding, Gemma 4 12B or GPT-4.1?" in reply.text


def test_overall_and_category_wins_disagreement_is_explained(engine: Engine) -> None:
    # Find a pair in the data where the overall leader wins fewer shared categories.
    reply = engine.ask("gpt-5 vs claude opus 4.1")
    a = reply.answer
    wins = {k: len(v) for k, v in a.data["wins"].items()}
    overall = a.data["overall"]
    lead = max(overall, key=lambda k: overall[k] or 0)
    other = next(k for k in overall if k != lead)
    if wins[other] > wins[lead]:
        assert "Why does" in reply.text
    else:
        assert "Why does" not in reply.text


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "gpt-4.1 vs gpt-4.1 mini which is cheaper",
            "GPT-4.1 mini is cheaper: $0.4 / $1.6 vs $2 / $8 per 1M input / output tokens, roughly 5x less on output.",
        ),
        (
            "gpt-4.1 vs o3 which is cheaper",
            "Same price: $2 / $8 per 1M input / output tokens for both.",
        ),
        (
            "gpt-4.1 vs claude sonnet 4 bigger context",
            "has the bigger context window: 1M vs 200K tokens.",
        ),
        (
            "gpt-4.1 vs o3 which is faster",
            "Neither has a measured output speed in our data: no data for either.",
        ),
        (
            "gpt-4.1 vs o3 quicker to first token",
            "Neither has a measured time to first token in our data",
        ),
    ],
)
def test_metric_questions_answer_directly(engine: Engine, text: str, needle: str) -> None:
    reply = engine.ask(text)
    assert needle in reply.answer.headline


def test_three_to_five_models_ranked_table(engine: Engine) -> None:
    reply = engine.ask("gpt-5 vs gemini 2.5 pro vs claude opus 4.1 vs o3 vs grok 4")
    assert len(reply.answer.models) == 5
    table = next(b for b in reply.answer.blocks if b.kind == "table")
    assert len(table.rows) == 5 and table.rows[0][0] == "1"
    values = [float(r[2]) for r in table.rows if r[2] != "no data"]
    assert values == sorted(values, reverse=True)


def test_profile(engine: Engine) -> None:
    reply = engine.ask("tell me about o3")
    a = reply.answer
    assert a.intent == "profile" and a.models == ["o3"]
    assert re.search(r"scores \d+ overall, #\d+ of \d+ ranked models", a.headline)
    for needle in (
        "By category",
        "Strongest benchmarks",
        "$2 / $8",
        "Reasoning model",
        "2025-04-16",
    ):
        assert needle in reply.text


def test_leaderboards(engine: Engine) -> None:
    top = engine.ask("top 10 models for coding")
    assert top.answer.intent == "leaderboard" and len(top.answer.model_ids) == 10
    assert "benchmark" in top.text  # how many benchmarks each score rests on
    cheap = engine.ask("cheapest open weights model")
    assert cheap.answer.metric == "price"
    assert all(engine.catalog.model_by_id[m].open_weights for m in cheap.answer.model_ids)
    big = engine.ask("which model has the biggest context window")
    windows = [engine.catalog.model_by_id[m].context_window for m in big.answer.model_ids]
    assert windows == sorted(windows, reverse=True)
    assert len(engine.ask("top 100 models").answer.model_ids) == 25


def test_no_broken_renderings_across_the_labelled_set(engine: Engine) -> None:
    for line in (
        (Path(__file__).parent / "data" / "labelled_messages.jsonl").read_text().splitlines()
    ):
        text = json.loads(line)["text"]
        reply = engine.ask(text)
        assert not BAD_RENDERINGS.search(reply.text), (text, reply.text)
        assert "@everyone" not in reply.text and "<@" not in reply.text


def test_user_text_is_never_echoed_as_a_ping(engine: Engine) -> None:
    reply = engine.ask("@everyone gpt-9 @here vs claude 7 <@123456789012345678>")
    assert "@everyone" not in reply.text and "@here" not in reply.text and "<@" not in reply.text
