"""What a user reads: the answers, checked against the reference page's facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.engine import Engine

BAD_RENDERINGS = re.compile(
    r"\$null|\bnull\b|\bNone\b(?! of)|\bnan\b|Infinity|inf x|\bNaN\b|1 categories|\dbenchmark|"
    r"categoriesvs|\ba (?:instruction|agentic|output|overall|[aeiou]\w*) (?:score|figure)|"
    r": \)|; \)|Top 1 models|\(\)"
)


def test_reference_pair(engine: Engine) -> None:
    reply = engine.ask("Gemma 4 12B vs GPT-4.1")
    text, a = reply.text, reply.answer
    assert reply.query.intent == "compare" and a.models == ["Gemma 4 12B", "GPT-4.1"]
    # Gemma 4 12B's figures exist only in BenchLM's export, which is not ours to ship
    assert a.data["overall"]["gemma-4-12b"] is None and a.data["separator"] is None
    assert "Only GPT-4.1 has enough benchmark coverage for an overall score" in text
    assert (
        "GPT-4.1 gives you the larger context window at 1M, compared with 256K for Gemma 4 12B."
        in text
    )
    assert "$2 / $8" in text
    assert "Gemma 4 12B is the reasoning model in the pair, while GPT-4.1 is not." in text
    assert "Data as of 2026-08-18" in text
    # missing data reads "no data", never as a zero
    assert "no data" in text and not BAD_RENDERINGS.search(text)


def test_reference_pair_for_coding(engine: Engine) -> None:
    reply = engine.ask("Which is better for coding, Gemma 4 12B or GPT-4.1?")
    assert reply.query.category == "coding"
    assert reply.answer.headline.startswith("Only GPT-4.1 has a coding score (")
    assert "Gemma 4 12B: no data" in reply.answer.headline


def test_overall_and_category_wins_disagreement_is_explained(engine: Engine) -> None:
    reply = engine.ask("gemini 3.1 pro vs claude fable 5")
    a = reply.answer
    lead, lag = "gemini-3.1-pro-preview", "claude-fable-5"
    assert a.data["overall"][lead] > a.data["overall"][lag]
    assert len(a.data["wins"][lag]) > len(a.data["wins"][lead])
    # the reason given is the real one: the categories one overall counts and the other not
    assert (
        "Why does Gemini 3.1 Pro Preview lead overall while Claude Fable 5 wins more" in reply.text
    )
    assert "Gemini 3.1 Pro Preview's also counts Agentic (" in reply.text


def test_wins_are_head_to_head_only(engine: Engine) -> None:
    """A category win needs shared benchmarks: different ones are shown, never called."""
    a = engine.ask("gpt-5.5 vs claude opus 4.8").answer
    rows = {r["category"]: r for r in a.data["categories"]}
    for r in rows.values():
        if not r["comparable"]:
            assert r["winner"] is None
        elif r["winner"] is not None:
            hi, lo = (r["ha"], r["hb"]) if r["winner"] == "gpt-5.5" else (r["hb"], r["ha"])
            assert hi > lo
    called = {c for w in a.data["wins"].values() for c in w}
    assert called == {c for c, r in rows.items() if r["winner"] is not None}
    mini = engine.ask("gpt-4o vs gpt-4o mini").answer
    coding = next(r for r in mini.data["categories"] if r["category"] == "coding")
    assert coding["winner"] != "gpt-4o-mini" or coding["ha"] > coding["hb"]


def test_diff_column_agrees_with_the_shown_numbers(engine: Engine) -> None:
    for text in ("gpt-5.5 vs claude opus 4.8", "o3 vs o4-mini", "gpt-5 vs claude opus 4.1"):
        table = next(b for b in engine.ask(text).answer.blocks if b.kind == "table")
        for row in table.rows:
            if row[3]:
                assert abs(float(row[1]) - float(row[2]) - float(row[3])) < 1e-9, row


def test_sparse_snapshot_points_to_the_richer_one(engine: Engine) -> None:
    reply = engine.ask("tell me about gpt-4o")
    assert reply.answer.model_ids == ["gpt-4o-2024-11-20"]  # a plain name is the newest snapshot
    sparse = engine.ask("tell me about command r+ from august 2024")
    assert sparse.answer.model_ids == ["command-r-plus-2024-08-01"]
    assert any("Command R+ (Apr 2024) snapshot has 6" in c for c in sparse.answer.caveats)


def test_six_models_say_which_was_left_out(engine: Engine) -> None:
    reply = engine.ask("gpt-5 vs o3 vs o4-mini vs gpt-4.1 vs claude opus 4.1 vs gemini 2.5 pro")
    assert len(reply.answer.model_ids) == 5
    assert (
        reply.answer.caveats[0]
        == "I compare up to five models at a time, so I left out Gemini 2.5 Pro."
    )


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
