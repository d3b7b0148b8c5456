"""What a user reads: a short first answer, one set of numbers per reply, verdicts sized to the
evidence, no dead rows, conditions, the change log."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

import pytest

from bot.answers.boards import changes
from bot.answers.context import CATEGORY_SHORT, blended
from bot.answers.fmt import num
from bot.answers.render_text import PHONE_COLUMNS, render_short, short_table
from bot.engine import Engine
from bot.query import Filters

BAD_RENDERINGS = re.compile(
    r"\$null|\bnull\b|\bNone\b(?! of)|\bnan\b|Infinity|inf x|\bNaN\b|1 categories|\dbenchmark|"
    r"categoriesvs|\ba (?:instruction|agentic|output|overall|[aeiou]\w*) (?:score|figure)|"
    r": \)|; \)|Top 1 models|\(\)"
)
TYPICAL = [
    "gemnii 2.5 flsh vs gpt 4o mnii",
    "which is better for coding, claude sonnet 4.5 or gpt-5",
    "gemma 4 12b vs gpt-4.1",
    "claude opus 4.8 vs gpt-5.5",
    "gpt-5.5 vs gemini 3.1 pro vs claude opus 4.7",
    "tell me about deepseek v4 pro",
    "best model for coding",
    "cheapest model with 1M context",
    "is llama 4 maverick open source and how much does it cost?",
    "what changed this week?",
]


def plain(text: str) -> str:
    return text.replace("**", "")


# -- the short first answer ------------------------------------------------------------------


@pytest.mark.parametrize("text", TYPICAL)
def test_the_first_answer_is_short_and_fits_a_phone(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    short = render_short(reply.answer)
    assert len(short) <= 900, short
    assert all(len(line) <= PHONE_COLUMNS for line in short_table(reply.answer.short))
    first = short.splitlines()[0]
    assert len(first) <= 300 and not BAD_RENDERINGS.search(short)


def test_a_compare_answers_in_its_first_line(engine: Engine) -> None:
    a = engine.ask("gpt-5.5 vs claude opus 4.2").answer  # not a model: asked back
    assert a.intent in ("not_found", "clarify")
    a = engine.ask("claude opus 4.8 vs gpt-5.5").answer
    lead = plain(a.short.lead)
    # 4 points apart overall, but level-ish (73.5 to 73) on what they share: not "clearly"
    assert lead.startswith("GPT-5.5 is ahead of Claude Opus 4.8 overall, 86 to 82")
    assert "they share" in lead  # and on which tests
    assert [s.id for s in a.sections] == ["categories", "benchmarks", "limits", "faq"]
    assert a.short.columns[1:] == ["Opus 4.8", "GPT-5.5"]


def test_ask_json_carries_the_short_form_and_the_whole_answer(engine: Engine) -> None:
    data = engine.ask("claude opus 4.8 vs gpt-5.5").to_json()
    assert data["short"]["lead"] and data["short"]["rows"]
    assert data["answer"]["sections"] and data["answer"]["blocks"]
    assert "By category" in data["text"] and "Price and limits" in data["text"]


# -- one set of numbers --------------------------------------------------------------------


PAIRS = [
    ("claude-sonnet-4-5", "gpt-5"),
    ("claude-opus-4-8", "gpt-5.5"),
    ("gemini-3.1-pro-preview", "claude-fable-5"),
    ("gpt-4.1", "o3"),
    ("gemini-2.5-flash", "gpt-4o-mini"),
    ("deepseek-v4-pro", "kimi-k2.6"),
]


def unmarked(cell: str) -> str:
    return cell.rstrip("†")


@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("category", [None, "coding", "knowledge", "reasoning"])
def test_headline_table_and_chart_use_one_basis(
    engine: Engine, a: str, b: str, category: str | None
) -> None:
    from bot.answers.compare import compare_two

    ctx = engine.context
    ans = compare_two(ctx, a, b, category)
    rows = {r["category"]: r for r in ans.data["categories"]}
    table = next((x for x in ans.blocks if x.kind == "table" and x.title == "By category"), None)
    shown = {r[0].split(" (")[0]: r for r in table.rows} if table else {}
    said = " ".join(x.text for x in ans.blocks if x.kind == "text")
    for cid, r in rows.items():
        label = CATEGORY_SHORT[cid]
        if not table:
            break
        if r["comparable"]:
            # head to head, with how many benchmarks it rests on
            assert shown[label] == [f"{label} ({len(r['shared'])})", num(r["ha"]), num(r["hb"])]
            if r["winner"] is not None:
                # who leads, by how much, in words: the leader's clause names the margin
                leader = ctx.model(r["winner"]).name
                clause = next(c for c in said.split("; ") if f"{leader} leads " in c)
                assert f"{label} by {num(abs(r['ha'] - r['hb']))}" in clause
        else:
            # not head to head: in brackets, never called
            assert r["winner"] is None
            assert all(v == "no data" or v.startswith("(") for v in shown[label][1:3])
    if category and category in rows and rows[category]["comparable"]:
        r = rows[category]
        lead = plain(ans.headline)
        hi, lo = sorted([num(r["ha"]), num(r["hb"])], key=float, reverse=True)
        assert f"{hi} to {lo}" in lead or f"{num(r['ha'])} to {num(r['hb'])}" in lead
        labels = [ctx.bench_label(x) for x in r["shared"]]
        if len(r["shared"]) == 1:
            # one benchmark is the whole head to head: shown once, as itself
            assert ans.short.rows[0][0] == labels[0]
            assert ans.chart is None
        else:
            whole = next(x for x in ans.short.rows if x[0].strip().startswith("All "))
            assert whole[0].strip() == f"All {len(r['shared'])}"
            assert [unmarked(v) for v in whole[1:]] == [num(r["ha"]), num(r["hb"])]
            # the benchmarks under it are among those counted, never an unweighted extra
            under = ans.short.rows[ans.short.rows.index(whole) + 1 :]
            for row in under:
                if row[0].startswith(" "):
                    assert row[0].strip() in labels
            assert ans.chart is not None and set(ans.chart.axes) <= set(labels)
    if category is None and ans.chart is not None:
        called = [
            rows[c.id] for c in ctx.catalog.categories if c.id in rows and rows[c.id]["comparable"]
        ]
        assert ans.chart.axes == [ctx.cat_name(x["category"]) for x in called]
        for k, key in ((0, "ha"), (1, "hb")):
            assert ans.chart.series[k].values == [round(x[key], 1) for x in called]


def test_the_coding_question_from_the_issue_reads_one_way(engine: Engine) -> None:
    reply = engine.ask("which is better for coding, claude sonnet 4.5 or gpt-5")
    a = reply.answer
    row = next(r for r in a.data["categories"] if r["category"] == "coding")
    lead = plain(a.headline)
    assert lead.startswith("For coding, ")
    assert f"{num(row['ha'])} to {num(row['hb'])}" in lead  # the figures the table and chart show
    assert "they share" in lead
    # the full averages are there, labelled as what they are
    assert (
        "Their full category scores differ from these: each is over the model's own" in reply.text
    )


def test_differences_name_the_leader(engine: Engine) -> None:
    for text in ("gpt-5.5 vs claude opus 4.8", "o3 vs o4-mini", "gpt-5 vs claude opus 4.1"):
        a = engine.ask(text).answer
        for block in a.blocks:
            for row in getattr(block, "rows", None) or []:
                assert not any(re.match(r"^[+-]\d", str(c)) for c in row), row
        said = next(b.text for b in a.blocks if b.kind == "text" and "Head to head," in b.text)
        assert re.search(r"Head to head, .+ leads \w+ by \d+(\.\d)?", said), said


def test_verdicts_are_sized_to_the_evidence(engine: Engine) -> None:
    from bot.answers.compare import compare_two, shared

    top = [mid for mid, _ in engine.scoreboard.ranked()[:25]]
    provisional = [
        m.id
        for m in engine.catalog.models
        if (p := engine.scoreboard.profiles[m.id]).overall and p.overall.provisional
    ][:10]
    saw_clear = False
    for a, b in itertools.combinations(top + provisional, 2):
        ans = compare_two(engine.context, a, b)
        lead = plain(ans.headline)
        pa, pb = engine.scoreboard.profiles[a], engine.scoreboard.profiles[b]
        if "clearly ahead" in lead:
            saw_clear = True
            assert not pa.overall.provisional and not pb.overall.provisional
            assert abs(round(pa.overall.value) - round(pb.overall.value)) >= 4
            h = shared(engine.context, a, b)
            leader = a if pa.overall.value > pb.overall.value else b
            assert h.n >= 5 and h.leader(a, b) == leader
        if (pa.overall and pa.overall.provisional) or (pb.overall and pb.overall.provisional):
            assert "overall" not in lead.split(".")[0] or "Too few" in lead or "provisional" in lead
        # never a verdict withdrawn in its next sentence
        assert "Treat it as provisional" not in lead
    assert saw_clear


# -- no dead rows ---------------------------------------------------------------------------


def test_no_dead_rows(engine: Engine) -> None:
    assert not engine.context.has_metric("speed")  # nothing ships speed data
    for text in ("gemma 4 12b vs gpt-4.1", "tell me about o3", "gpt-5.5 vs gpt-5.4 vs gpt-5"):
        reply = engine.ask(text)
        assert "Speed" not in reply.text and "Latency" not in reply.text, text
    # asked for, it is said once, and no row of "no data" for every model repeats it
    reply = engine.ask("gpt-4.1 vs o3 which is faster")
    assert "Neither has a measured output speed in our data: no data for either." in plain(
        reply.answer.headline
    )
    for block in [reply.answer.short, *reply.answer.blocks]:
        for row in getattr(block, "rows", None) or []:
            assert any(v != "no data" for v in row[1:]), row


def test_speed_is_not_offered_when_no_model_has_it(engine: Engine) -> None:
    a = engine.ask("fastest model").answer
    assert "None of our sources publishes output speed" in a.headline
    assert "speed" not in engine.ask("help").answer.blocks[0].text.split("Measures:")[1][:40]


# -- conditions -----------------------------------------------------------------------------


def test_cheapest_with_context(engine: Engine) -> None:
    reply = engine.ask("cheapest model with 1M context")
    a = reply.answer
    assert a.intent == "leaderboard" and a.metric == "price"
    assert reply.query.filters == Filters(min_context=1_000_000)
    ms = [engine.catalog.model(mid) for mid in a.model_ids]
    assert ms and all(m.context_window >= 950_000 for m in ms)
    prices = [blended(m) for m in ms]
    assert prices == sorted(prices)
    assert plain(a.short.lead).startswith(
        f"{ms[0].name} is the cheapest model with at least 1M context"
    )


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("best anthropic model for math", lambda m: m.creator == "Anthropic"),
        (
            "top 5 open weights models that can read images",
            lambda m: m.open_weights and "image" in m.input_modalities,
        ),
        (
            "best model released since april for coding",
            lambda m: m.release_date >= dt.date(2026, 4, 1),
        ),
        ("best coding model under $2 per million", lambda m: blended(m) <= 2),
        ("fastest non-reasoning model", None),
        ("cheapest reasoning model", lambda m: m.reasoning is True),
    ],
)
def test_conditions_hold_for_every_model_listed(engine: Engine, text: str, check) -> None:  # noqa: ANN001
    a = engine.ask(text).answer
    assert a.intent == "leaderboard"
    if check is None:
        return
    assert a.model_ids, a.headline
    for mid in a.model_ids:
        assert check(engine.catalog.model(mid)), (text, mid)


def test_a_condition_no_model_meets_names_the_nearest(engine: Engine) -> None:
    a = engine.ask("cheapest open weights model with 20M context").answer
    assert a.model_ids == []
    assert plain(a.headline).startswith("No open-weights model with at least 20M context")
    assert "Nearest:" in a.headline


# -- the change log -------------------------------------------------------------------------


def _change(days_ago: float, kind: str, text: str, model: str | None = None) -> dict:
    at = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return {
        "at": at.isoformat(timespec="seconds"),
        "kind": kind,
        "key": f"{kind}:{model}",
        "model_id": model,
        "text": text,
    }


def test_what_changed_answers_from_the_change_log(engine: Engine) -> None:
    log = [
        _change(0.1, "price", "Price: GPT-5.5 $5 / $30 → $4 / $24 per 1M tokens.", "gpt-5.5"),
        _change(1, "new_model", "New model: GPT-6 (OpenAI).", "gpt-6"),
        _change(2, "leader", "New leader in Coding: GLM-5.2 (was Claude Opus 4.8).", None),
        _change(20, "score", "Score: o3 on GPQA 81.8 → 85.7 (+3.9).", "o3"),
    ]
    e = Engine(engine.catalog, changes=log)
    week = e.ask("what changed this week?").answer
    assert week.intent == "changes"
    assert plain(week.headline).startswith(
        "3 changes this week: 1 new leader, 1 new model, 1 price change."
    )
    lines = week.short.lead.splitlines()[1:]
    assert lines[0].endswith("New leader in Coding: GLM-5.2 (was Claude Opus 4.8).")  # first
    month = e.ask("any updates this month?").answer
    assert len(month.data["changes"]) == 4
    cheaper = e.ask("did gpt-5.5 get cheaper?").answer
    assert cheaper.model_ids == ["gpt-5.5"] and len(cheaper.data["changes"]) == 1
    none = changes(e.context, 7, "price", ["o3"])
    assert plain(none.headline).startswith("No price change for o3 recorded this week: o3 costs")


def test_an_empty_change_log_still_says_whats_newest(engine: Engine) -> None:
    a = engine.ask("what's new?").answer
    assert a.intent == "changes"
    assert a.headline.startswith("No changes recorded this week.")
    assert "Newest models in the data: Claude Sonnet 5 (30 Jun 2026)" in a.headline


def test_old_data_is_said_to_be_old_where_recency_is_asked(engine: Engine) -> None:
    old = Engine(engine.catalog, today=dt.date(2026, 12, 1))
    stale = "Our data runs to 18 Aug 2026, about 3 months ago: newer models, scores and prices are not in it."
    for text in ("what changed this week?", "what's new", "top models released this year"):
        a = old.ask(text).answer
        first = render_short(a)
        assert first.count(stale) == 1, (text, first)  # said once, in the first message
    # not on answers that are not about recency
    for text in ("gpt-5.5 vs claude opus 4.8", "best model for math", "tell me about o3"):
        assert "Our data runs to" not in old.ask(text).text
    # and not at all while the data is fresh
    fresh = Engine(engine.catalog, today=dt.date(2026, 9, 1))
    assert "Our data runs to" not in render_short(fresh.ask("what changed this week?").answer)
    assert old.context.staleness() == stale and fresh.context.staleness() is None


# -- single answers -------------------------------------------------------------------------


def test_a_profile_answers_what_was_asked_first(engine: Engine) -> None:
    a = engine.ask("is llama 4 maverick open source and how much does it cost?").answer
    lead = plain(a.headline)
    assert lead.startswith("Llama 4 Maverick (Meta, Apr 2025): open-weights; price: no data")
    p = engine.ask("tell me about gpt-5.5").answer
    assert re.match(
        r"GPT-5\.5 \(OpenAI, Apr 2026\) is #1 of \d+ overall with \d+, on \d+ benchmarks \(\d+ measured independently\)\.",
        plain(p.headline),
    )
    assert [s.id for s in p.sections] == ["categories", "benchmarks", "limits"]


def test_reference_pair(engine: Engine) -> None:
    reply = engine.ask("Gemma 4 12B vs GPT-4.1")
    text, a = reply.text, reply.answer
    assert reply.query.intent == "compare" and a.models == ["Gemma 4 12B", "GPT-4.1"]
    # Gemma 4 12B's figures exist only in BenchLM's export, which is not ours to ship
    assert a.data["overall"]["gemma-4-12b"] is None and a.data["separator"] is None
    # said once, with what is known, and the nearest Gemma 4 that has scores
    gpt = num(a.data["overall"]["gpt-4.1"], 0)
    gemma = num(engine.scoreboard.profiles["gemma-4-31b-it"].overall.value, 0)
    assert plain(a.headline) == (
        "Gemma 4 12B has no benchmark scores in our data (we know: 256K context and open "
        f"weights), so they can't be compared on scores; GPT-4.1 scores {gpt} overall. Closest "
        f"models with scores: Gemma 4 31B IT ({gemma} overall)."
    )
    assert (
        "GPT-4.1 gives you the larger context window at 1M, compared with 256K for Gemma 4 12B."
        in text
    )
    assert "$2 / $8" in text
    assert "the reasoning model in the pair" not in text  # the Reasoning row says it
    assert "Newest score 4 Aug 2026" in text
    assert "no data" in text and not BAD_RENDERINGS.search(text)
    # no dead rows or columns: nothing repeats "no data" for Gemma row after row
    for block in [a.short, *a.blocks]:
        rows = getattr(block, "rows", None) or []
        for col in range(1, max((len(r) for r in rows), default=0)):
            cells = [r[col] for r in rows if col < len(r)]
            assert len(cells) < 4 or any(c != "no data" for c in cells), block
    assert "Overall score" not in [r[0] for r in a.short.rows]


def test_the_overall_and_head_to_head_disagreeing_is_explained(engine: Engine) -> None:
    reply = engine.ask("gemini 3.1 pro vs claude fable 5")
    a = reply.answer
    lead, lag = "gemini-3.1-pro-preview", "claude-fable-5"
    assert a.data["overall"][lead] > a.data["overall"][lag]
    assert len(a.data["wins"][lag]) > len(a.data["wins"][lead])
    assert "why" in [s.id for s in a.sections]
    assert (
        "Why does Gemini 3.1 Pro Preview lead overall while Claude Fable 5 wins more" in reply.text
    )
    assert "Gemini 3.1 Pro Preview's overall also counts Agentic (" in reply.text


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
            "GPT-4.1 mini is cheaper: $0.4 / $1.6 vs $2 / $8 per 1M input / output tokens, roughly 5x less.",
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
    assert needle in plain(reply.answer.headline)
    assert reply.answer.chart is None  # a price or speed answer needs no radar


def test_three_to_five_models_ranked_table(engine: Engine) -> None:
    reply = engine.ask("gpt-5 vs gemini 2.5 pro vs claude opus 4.1 vs o3 vs grok 4")
    a = reply.answer
    assert len(a.models) == 5
    values = [r["value"] for r in a.data["ranking"] if r["value"] is not None]
    assert values == sorted(values, reverse=True)
    assert [r[0] for r in a.short.rows][:2] == ["1", "2"]


def test_leaderboards(engine: Engine) -> None:
    top = engine.ask("top 10 models for coding")
    assert top.answer.intent == "leaderboard" and len(top.answer.model_ids) == 10
    assert len(top.answer.short.rows) == 10
    assert "benchmark" in top.text  # how many benchmarks each score rests on
    cheap = engine.ask("cheapest open weights model")
    assert cheap.answer.metric == "price"
    assert all(engine.catalog.model_by_id[m].open_weights for m in cheap.answer.model_ids)
    big = engine.ask("which model has the biggest context window")
    windows = [engine.catalog.model_by_id[m].context_window for m in big.answer.model_ids]
    assert windows == sorted(windows, reverse=True)
    assert len(engine.ask("top 100 models").answer.model_ids) == 25


def test_a_leaderboard_says_where_a_score_rests_on_vendor_claims_alone(engine: Engine) -> None:
    a = engine.ask("top 25 models for coding").answer
    marked = [r for r in a.short.rows if r[1].endswith("†")]
    if marked:
        assert "rests on its vendor's own claims alone" in a.short.note
        # and every one of them is ranked after the measured ones
        places = [int(r[0]) for r in a.short.rows]
        first_marked = min(int(r[0]) for r in marked)
        assert all(
            p < first_marked
            for p, r in zip(places, a.short.rows, strict=False)
            if not r[1].endswith("†")
        )


def test_no_broken_renderings_across_the_labelled_set(engine: Engine) -> None:
    for line in (
        (Path(__file__).parent / "data" / "labelled_messages.jsonl").read_text().splitlines()
    ):
        text = json.loads(line)["text"]
        reply = engine.ask(text)
        assert not BAD_RENDERINGS.search(reply.text), (text, reply.text)
        assert "@everyone" not in reply.text and "<@" not in reply.text
        assert len(render_short(reply.answer)) <= 1500, text


def test_user_text_is_never_echoed_as_a_ping(engine: Engine) -> None:
    reply = engine.ask("@everyone gpt-9 @here vs claude 7 <@123456789012345678>")
    assert "@everyone" not in reply.text and "@here" not in reply.text and "<@" not in reply.text


# -- what a reader sees on a phone ------------------------------------------------------------


def _pages(answer, section_id: str) -> str:
    from bot.discord_app.embeds import section_pages

    return "\n".join(p.description for p in section_pages(answer, section_id))


def _code_lines(text: str) -> list[str]:
    return [line for block in text.split("```")[1::2] for line in block.strip("\n").splitlines()]


def test_a_wide_table_is_split_never_cut_short() -> None:
    from bot.discord_app.embeds import narrow_table

    cols = ["", "GPT-5.5", "Opus 4.8", "Gemini 3.1 Pro", "Kimi K2.6", "DeepSeek V4 Pro"]
    rows = [
        ["Price in/out", "$5/$30", "$5/$25", "$2/$12", "$0.95/$4", "$0.435/$0.87"],
        ["Released", "2026-04-23", "2026-05-28", "2026-02-19", "2026-04-21", "2026-04-24"],
    ]
    text = narrow_table(cols, rows)
    lines = _code_lines(text)
    assert all(len(line) <= PHONE_COLUMNS for line in lines)
    for cell in cols[1:] + rows[0][1:] + rows[1][1:]:
        for word in cell.split():
            assert word in text, cell  # every model, every value
    assert sum(line.startswith("Price in/out") for line in lines) > 1  # the label repeated


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("sonnet 5 vs gemini 3.5 flash for following instructions", "limits"),
        ("gpt-5.5 vs claude opus 4.8 vs gemini 3.1 pro", "limits"),
        ("gpt-5.5 vs claude opus 4.8 vs gemini 3.1 pro vs kimi k2.6 vs deepseek v4 pro", "limits"),
        ("gpt-5.5 vs claude opus 4.8 vs gemini 3.1 pro vs kimi k2.6 vs deepseek v4 pro", "ranking"),
    ],
)
def test_detail_pages_keep_every_model(engine: Engine, text: str, section: str) -> None:
    from bot.answers.context import short_price

    a = engine.ask(text).answer
    page = _pages(a, section)
    assert all(len(line) <= PHONE_COLUMNS for line in _code_lines(page)), page
    for mid in a.model_ids:
        m = engine.catalog.model(mid)
        assert short_price(m) in page or section == "ranking", (m.name, page)
    if section == "ranking":
        for r in a.short.rows:  # every model's place and score, beside how it was measured
            assert re.search(rf"^{r[0]}\s+{re.escape(r[1])}\s+{re.escape(r[2])}\s", page, re.M)
        assert "Measured" in page


@pytest.mark.parametrize(
    "text", ["best coding model", "best model for math", "top 10 models", "cheapest model"]
)
def test_a_full_list_keeps_the_scores_and_prices_and_names_only_what_it_shows(
    engine: Engine, text: str
) -> None:
    from bot.answers.context import short_price

    a = engine.ask(text).answer
    page = _pages(a, "list")
    assert all(len(line) <= PHONE_COLUMNS for line in _code_lines(page)), page
    for mid, row in zip(a.model_ids, a.short.rows, strict=False):
        assert row[2] in page and short_price(engine.catalog.model(mid)) in page
    table = next(b for b in a.blocks if b.kind == "table")
    # more than the first message shows, or there would be no button
    assert len(table.columns) > len(a.short.columns) or len(table.rows) > len(a.short.rows)
    for quoted in re.findall(r"“([^”]+)”", page):
        assert quoted in table.columns, quoted  # a column the note points to is there


def test_benchmark_labels_are_short_distinct_and_the_numbers_whole(engine: Engine) -> None:
    for text in (
        "grok 4.3 vs gpt-5.5",
        "tell me about gemini 3.1 pro",
        "how good is kimi k2.6",
        "which is better for coding, claude opus 4.7 or gpt-5.5",
        "o3 vs o4-mini",
    ):
        a = engine.ask(text).answer
        for block in [a.short, *a.blocks]:
            rows = getattr(block, "rows", None) or []
            labels = [r[0] for r in rows]
            assert len(set(labels)) == len(labels), (text, labels)
            for r in rows:
                assert not any("…" in c for c in r[1:]), (text, r)  # a value is never cut
        page = _pages(a, "benchmarks")
        for line in _code_lines(page):
            assert len(line) <= PHONE_COLUMNS and "LiveBenc…" not in line, line
    labels = {b.id: engine.context.bench_label(b.id) for b in engine.catalog.benchmarks}
    assert labels["livebench-coding"] == "LB coding"
    assert labels["swe-bench-pro"] == "SWE Pro" and labels["swe-bench-verified"] == "SWE Verified"
    assert labels["frontiermath-tier-4"] == "FrontierMath T4"
    assert len(set(labels.values())) == len(labels)  # no two benchmarks share a label


def test_claims_are_marked_and_credited_to_who_published_them(engine: Engine) -> None:
    from bot.answers.context import claim

    ctx = engine.context
    gpt_pro = engine.catalog.scores_of("gpt-5.5")["swe-bench-pro"]
    assert claim(ctx, gpt_pro) == "reported by Anthropic"  # Anthropic's post, about a rival
    opus_pro = engine.catalog.scores_of("claude-opus-4-8")["swe-bench-pro"]
    assert claim(ctx, opus_pro) == "vendor-reported"
    assert claim(ctx, engine.catalog.scores_of("gpt-5.5")["livebench-coding"]) is None

    a = engine.ask("which is better for coding, claude opus 4.7 or gpt-5.5").answer
    first = render_short(a)
    assert "64.3%†" in first and "58.6%†" in first
    assert "† Not measured independently: SWE Pro, as reported by Anthropic." in first
    page = _pages(a, "benchmarks")
    assert "SWE Pro for Opus 4.7 (vendor-reported) and for GPT-5.5 (reported by Anthropic)" in page
    # a verdict resting on the vendors' own figures says so in a word
    b = engine.ask("deepseek v4 pro vs kimi k2.6 for coding").answer
    assert "(vendor-reported)" in render_short(b)
    # a leaderboard whose top scores rest mostly on claims says so
    v = engine.ask("best vision model").answer
    assert v.short.rows[0][2].endswith("†") and "mostly vendor-reported" in v.short.note


def test_counts_agree_with_the_rows_beneath_them(engine: Engine) -> None:
    a = engine.ask("gpt-5.5 vs claude opus 4.8").answer
    n = len(a.data["shared"]["benchmarks"])
    assert f"on the {n} benchmarks they share" in a.headline
    counted = next(b for b in a.blocks if b.kind == "table" and "both have" in (b.title or ""))
    assert counted.title == f"The {n} benchmarks both have" and len(counted.rows) == n
    # a benchmark that carries no weight is shown apart, said to be not counted
    extra = next(b for b in a.blocks if b.kind == "table" and "no weight" in (b.title or ""))
    assert [r[0] for r in extra.rows] == ["LB average"]
    # the first message's benchmarks are among those its figure counts: no unweighted SWE-Atlas
    c = engine.ask("which is better for coding, claude opus 4.7 or gpt-5.5").answer
    assert not any("Atlas" in r[0] for r in c.short.rows)
    assert " All 5" in [r[0] for r in c.short.rows]
    # a profile counts the benchmarks it lists under that count
    p = engine.ask("how good is kimi k2.6").answer
    behind = next(b for b in p.blocks if b.kind == "table" and "behind its" in (b.title or ""))
    k = re.search(r"on (\d+) benchmarks", p.headline).group(1)
    assert behind.title == f"The {k} benchmarks behind its overall score"
    assert len(behind.rows) == int(k)


def test_a_model_with_no_scores_gets_one_line_and_its_nearest_kin(engine: Engine) -> None:
    a = engine.ask("gemma 4 12b").answer
    lead = plain(a.short.lead)
    gemma = num(engine.scoreboard.profiles["gemma-4-31b-it"].overall.value, 0)
    assert lead == (
        "Gemma 4 12B (Google) has no benchmark scores in our data. Closest models with "
        f"scores: Gemma 4 31B IT ({gemma} overall)."
    )
    assert "categories" not in [s.id for s in a.sections]  # no page that says it again
    assert a.short.columns == ["", ""]  # no empty score and rank columns
    assert [r[0] for r in a.short.rows] == ["Price in/out", "Context", "Open weights"]


def test_cheapest_names_free_listings_and_ranks_what_is_paid(engine: Engine) -> None:
    a = engine.ask("cheapest model").answer
    lead = plain(a.short.lead)
    assert lead.startswith("Command R7B is the cheapest paid model:")
    assert "Listed free by their makers: Devstral Small 2, GLM-4.5-Flash" in lead
    prices = [blended(engine.catalog.model(m)) for m in a.model_ids]
    assert all(p > 0 for p in prices) and prices == sorted(prices)
    assert "free" not in [r[2] for r in a.short.rows]
    assert "named above the list rather than ranked as ties" in _pages(a, "list")


def test_replies_that_ask_back_are_titled_by_what_is_asked(engine: Engine) -> None:
    assert engine.ask("mistral small speed").answer.title == "Which Mistral Small?"
    assert engine.ask("gpt-5.5 vs opus").answer.title == "Which Opus?"
    assert engine.ask("qwen 3.6 vs kimi k2.6").answer.title == "Which Qwen3.6?"
    a = engine.ask("gpt-9 vs claude").answer
    assert a.title == "Couldn't find “gpt 9”"
    first = plain(render_short(a))
    # the suggestions are in the first message, and "claude" beside the unknown name is asked
    assert "Closest real models: GPT-5.5, GPT-5.4 and GPT-5.4 mini." in first
    assert "Which Claude do you mean: Claude Fable 5" in first
    ids = [c.id for c in a.candidates]
    assert ids[:3] == ["gpt-5.5", "gpt-5.4", "gpt-5.4-mini"] and "claude-opus-4-8" in ids
    two = engine.ask("gpt 6 vs claude opus 5").answer
    assert two.title == "Couldn't find “gpt 6” or “claude opus 5”"
    assert "Closest to “claude opus 5”: Claude Fable 5" in two.headline
    partial = engine.ask("llama 5 vs gpt-5.5").answer
    assert partial.data["partial"] == ["gpt-5.5"]  # picking a Llama compares it with GPT-5.5


def test_names_and_prices_read_whole(engine: Engine) -> None:
    from bot.answers.context import short_names
    from bot.answers.fmt import money

    names = short_names(
        [
            "Qwen3-235B-A22B-Thinking-2507",
            "Qwen3-235B-A22B-Instruct-2507",
            "Qwen3-Next-80B-A3B-Thinking",
            "Qwen3-Next-80B-A3B-Instruct",
        ],
        20,
    )
    assert names == [
        "Qwen3-235B-Think",
        "Qwen3-235B-Inst",
        "Qwen3-Next-80B-Think",
        "Qwen3-Next-80B-Inst",
    ]
    assert not any("--" in n or n.endswith("-") for n in names)
    assert [money(v) for v in (0.435, 0.87, 0.037, 1.25, 30)] == [
        "$0.435",
        "$0.87",
        "$0.037",
        "$1.25",
        "$30",
    ]
    assert "$0.435 / $0.87" in engine.ask("deepseek v4 pro price").answer.headline


def test_a_category_score_is_never_labelled_like_the_head_to_head(engine: Engine) -> None:
    board = engine.ask("best coding model").answer
    assert board.short.columns[2] == "Coding score"
    assert board.short.note.startswith("Coding score: each model over its own coding benchmarks")
    pair = engine.ask("kimi k2.7 code vs claude opus 4.8 coding").answer
    labels = [r[0] for r in pair.short.rows]
    assert labels[:2] == ["Coding benchmarks both have:", " All 2"]
    assert not any("score" in label for label in labels)
    # the head-to-head figure and the leaderboard's differ, and each says what it is
    assert "72 to 69.6" in plain(pair.headline) and "they share" in pair.headline
    # a category score far from its percentages says why (Gemini 3.1 Pro's instruction score)
    g = engine.ask("tell me about gemini 3.1 pro").answer
    note = next(b.note for b in g.blocks if b.kind == "table" and b.title == "By category")
    assert "Instructions 100 rests on LB instructions at 79.1%" in note
    assert "capped at 100" in note


def test_a_long_prompt_price_sits_beside_the_context(engine: Engine) -> None:
    cost = engine.ask("how much does gpt-5.5 cost").answer
    assert "$5 / $30 per 1M input / output tokens; $10 / $45 past 272K tokens of prompt" in (
        cost.headline
    )
    labels = [r[0] for r in cost.short.rows]
    assert labels[labels.index("Context") + 1] == "Prompt >272K"
    pair = engine.ask("gpt-5.5 vs claude opus 4.8").answer
    row = next(r for r in pair.short.rows if r[0] == "Prompt >272K")
    assert row[1:] == ["$10/$45", "same"]  # Opus 4.8 charges one price throughout
    mixed = engine.ask("gpt-5.5 vs gemini 3.1 pro").answer
    row = next(r for r in mixed.short.rows if r[0] == "Long prompts")
    assert row[1:] == ["$10/$45", "$4/$18"]
    assert "Long prompts: past 272K tokens for GPT-5.5 and 200K tokens for Gemini 3.1 Pro." in (
        mixed.short.note
    )
    # no row at all where neither charges more for long prompts
    assert not any("rompt" in r[0] for r in engine.ask("o3 vs o4-mini").answer.short.rows)


def test_a_comparison_of_several_marks_scores_resting_on_claims(engine: Engine) -> None:
    a = engine.ask("gpt-5 vs o3 vs o4-mini for multimodal").answer
    # their multimodal scores rest mostly on OpenAI's own figures
    assert all(r[2].endswith("†") for r in a.short.rows)
    assert a.short.note.startswith("† mostly vendor-reported")
    b = engine.ask("gpt-5.5 vs claude opus 4.8 vs gemini 3.1 pro").answer
    assert not any(r[2].endswith("†") for r in b.short.rows)  # measured, mostly


def test_a_category_only_one_side_has_leads_with_the_benchmarks_own_figure(engine: Engine) -> None:
    text = engine.ask("deepseek v4 pro vs glm-5.2 for agents").text
    lead = text.splitlines()[2]
    # the raw τ²-bench figure as published, the category score named as the adjusted one
    assert "τ²-bench Banking 37.1%" in lead and "adjusted for difficulty" in lead
    assert "They share no agentic benchmark" in text
    assert "They share no benchmark," not in text  # they share others: coding, math...
