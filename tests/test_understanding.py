"""How well the bot understands messages as people type them, measured on labelled sets."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.conftest import ACCURACY_REPORT

DATA = Path(__file__).parent / "data"
SETS = {
    "labelled": DATA / "labelled_messages.jsonl",  # 471 messages, used while building the matcher
    "heldout": DATA / "heldout_messages.jsonl",  # 200 messages, written without seeing the matcher
    "blind2": DATA / "blind2_messages.jsonl",  # 250 harder ones, also written blind
    # 354 written blind against this year's models, with conditions and change-log questions
    "blind3": DATA / "blind3_messages.jsonl",
    # 344 more: conversations, quotes, code, API ids, replies to other people, several conditions
    "blind4": DATA / "blind4_messages.jsonl",
    # 356 more, written last: everyday questions of every intent and conversation-style ones
    "blind5": DATA / "blind5_messages.jsonl",
    # 339 more, after blind5's fixes: other languages, markdown, everyday senses of names
    "blind6": DATA / "blind6_messages.jsonl",
    # 364 more, after blind6's fixes
    "blind7": DATA / "blind7_messages.jsonl",
    # 335 more, after blind7's fixes
    "blind8": DATA / "blind8_messages.jsonl",
    # 353 more, after blind8's fixes
    "blind9": DATA / "blind9_messages.jsonl",
    # 354 and 370 more, written at once after blind9's fixes
    "blind10": DATA / "blind10_messages.jsonl",
    "blind11": DATA / "blind11_messages.jsonl",
    # 350 and 347 more, written at once after blind11's fixes
    "blind12": DATA / "blind12_messages.jsonl",
    "blind13": DATA / "blind13_messages.jsonl",
    # 353 and 352 more, written at once after blind13's fixes and not tuned on: their figures
    # are first runs, the honest measure of messages nobody tuned for
    "blind14": DATA / "blind14_messages.jsonl",
    "blind15": DATA / "blind15_messages.jsonl",
    "blind16": DATA / "blind16_messages.jsonl",
    "blind17": DATA / "blind17_messages.jsonl",
    "blind18": DATA / "blind18_messages.jsonl",
    "blind19": DATA / "blind19_messages.jsonl",
    # 350 and 383 more, written at once after blind19's fixes; first runs 96.0% and 92.4%
    # (blind21 after blind20's fixes), then tuned on
    "blind20": DATA / "blind20_messages.jsonl",
    "blind21": DATA / "blind21_messages.jsonl",
    # 349 and 366 more, written at once while blind21 was tuned on; first runs 97.4% and 94.0%
    # (the reading as committed with blind21's fixes), then only three fixes from their misses
    # (slips one edit from several words, a greeting before a question, two names side by side)
    "blind22": DATA / "blind22_messages.jsonl",
    "blind23": DATA / "blind23_messages.jsonl",
    # 353 and 372 more, written at once after blind23; first runs 96.0% and 94.1% (the reading
    # as committed at the start of their round), then tuned on
    "blind24": DATA / "blind24_messages.jsonl",
    "blind25": DATA / "blind25_messages.jsonl",
    # 353 and 362 more, written at once after blind25's fixes; first runs 96.9% and 91.7%, then
    # tuned on
    "blind26": DATA / "blind26_messages.jsonl",
    "blind27": DATA / "blind27_messages.jsonl",
    # 353 and 358 more, written at once after blind27's fixes; first runs 97.2% and 94.4%, then
    # tuned on
    "blind28": DATA / "blind28_messages.jsonl",
    "blind29": DATA / "blind29_messages.jsonl",
    # 348 and 371 more, written at once after blind29's fixes; first runs 96.3% and 96.0%, then
    # tuned on
    "blind30": DATA / "blind30_messages.jsonl",
    "blind31": DATA / "blind31_messages.jsonl",
    # 353 and 359 more, written at once after blind31's fixes; first runs 95.8% and 91.9%, then
    # tuned on
    "blind32": DATA / "blind32_messages.jsonl",
    "blind33": DATA / "blind33_messages.jsonl",
    # 373 and 373 more, written at once after blind33's fixes; first runs 97.1% and 93.0%, then
    # tuned on
    "blind34": DATA / "blind34_messages.jsonl",
    "blind35": DATA / "blind35_messages.jsonl",
    # 350 and 384 more, written at once after blind35's fixes; first runs 95.7% and 94.3%, then
    # tuned on
    "blind36": DATA / "blind36_messages.jsonl",
    "blind37": DATA / "blind37_messages.jsonl",
    # 362 and 373 more, written at once after blind37's fixes; first runs 96.4% and 96.0%, then
    # tuned on
    "blind38": DATA / "blind38_messages.jsonl",
    "blind39": DATA / "blind39_messages.jsonl",
    # 378 and 381 more, written at once after blind39's fixes; first runs 97.6% and 95.8%, then
    # tuned on
    "blind40": DATA / "blind40_messages.jsonl",
    "blind41": DATA / "blind41_messages.jsonl",
    # 349 and 365 more, written at once after blind41's fixes; first runs 96.8% (95.4% before
    # six notes written in blind42's metric field were moved to its note) and 93.4%, then tuned on
    "blind42": DATA / "blind42_messages.jsonl",
    "blind43": DATA / "blind43_messages.jsonl",
    # 355 and 372 more, written at once after blind43's fixes; first runs 96.3% and 94.4%, then
    # tuned on
    "blind44": DATA / "blind44_messages.jsonl",
    "blind45": DATA / "blind45_messages.jsonl",
    # 356 and 351 more, written at once after blind45's fixes; first runs 97.5% and 96.3%, then
    # tuned on
    "blind46": DATA / "blind46_messages.jsonl",
    "blind47": DATA / "blind47_messages.jsonl",
    # 350 and 380 more, written at once after blind47's fixes and not tuned on: first runs 96.9%
    # and 95.8% (a review's mends since read them exactly as before)
    "blind48": DATA / "blind48_messages.jsonl",
    "blind49": DATA / "blind49_messages.jsonl",
    # 353 and 365 more, written at once after the review's mends; first runs 98.0% and 97.0%, then
    # tuned on
    "blind50": DATA / "blind50_messages.jsonl",
    "blind51": DATA / "blind51_messages.jsonl",
    # 343 and 356 more, written at once after the last change to reading and not tuned on:
    # first runs 97.4% and 95.5%
    "blind52": DATA / "blind52_messages.jsonl",
    "blind53": DATA / "blind53_messages.jsonl",
}
TODAY = dt.date(2026, 12, 1)
# Overall and per-intent floors: a change that makes the bot misread more messages fails here.
OVERALL_FLOOR = 0.98
INTENT_FLOOR = 0.90
# The sets no rule was tuned on hold a lower floor: what their first run read, less a little.
UNTUNED = {"blind22", "blind23", "blind48", "blind49", "blind52", "blind53"}
UNTUNED_OVERALL_FLOOR = 0.93
UNTUNED_INTENT_FLOOR = 0.75


def _correct(row: dict, q) -> bool:  # noqa: ANN001
    if q.intent != row["intent"]:
        return False
    intent = row["intent"]
    if intent in ("compare", "profile"):
        return (
            q.models == row["models"]
            and q.category == row["category"]
            and (row["metric"] is None or q.metric == row["metric"])
        )
    if intent == "leaderboard":
        filters = {k: (str(v) if k == "since" else v) for k, v in q.filters.active().items()}
        return (
            q.category == row["category"]
            and q.metric == row["metric"]
            and q.open_weights == bool(row.get("open_weights"))
            and (row.get("count") is None or q.count == row["count"])
            and filters == (row.get("filters") or {})
        )
    if intent == "changes":
        want = row.get("since_days")
        return (
            q.models == row["models"]
            and q.kind == row.get("kind")
            and (q.since_days == want or (want is None and q.since_days in (None, 7)))
        )
    if intent == "clarify":
        return bool(set(q.candidates) & set(row["candidates_any"]))
    if intent == "not_found":
        return q.models == row["models"]
    return True


@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_per_intent(name: str, engine: Engine) -> None:
    rows = [json.loads(line) for line in SETS[name].read_text().splitlines() if line.strip()]
    assert len(rows) >= (300 if name == "labelled" else 150)
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for row in rows:
        q = engine.understander.parse(row["text"], TODAY)
        total[row["intent"]] += 1
        if _correct(row, q):
            ok[row["intent"]] += 1
        else:
            misses.append(
                f"{row['text'][:80]!r}: want {row['intent']} {row['models']}, got {q.intent} {q.models}"
            )
    overall = sum(ok.values()) / len(rows)
    per = {k: ok[k] / total[k] for k in sorted(total)}
    ACCURACY_REPORT.append(
        f"{name} ({len(rows)} messages): {overall:.1%} overall; "
        + ", ".join(f"{k} {v:.0%} ({ok[k]}/{total[k]})" for k, v in per.items())
    )
    floor, intent_floor = (
        (UNTUNED_OVERALL_FLOOR, UNTUNED_INTENT_FLOOR)
        if name in UNTUNED
        else (OVERALL_FLOOR, INTENT_FLOOR)
    )
    assert overall >= floor, "\n".join(misses)
    for intent, acc in per.items():
        assert acc >= intent_floor, f"{intent}: {acc:.1%}\n" + "\n".join(misses)


def test_labelled_set_covers_what_people_ask() -> None:
    rows = [json.loads(line) for line in SETS["labelled"].read_text().splitlines() if line.strip()]
    cats = Counter(r["category"] for r in rows if r["category"])
    metrics = Counter(r["metric"] for r in rows if r["metric"])
    intents = Counter(r["intent"] for r in rows)
    assert len(cats) == 8 and min(cats.values()) >= 8
    assert len(metrics) == 4 and min(metrics.values()) >= 8
    assert {"compare", "profile", "leaderboard", "clarify", "not_found", "help", "none"} <= set(
        intents
    )


def _ids(engine: Engine, text: str) -> list[str]:
    return engine.understander.parse(text).models


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gpt-4.1 vs gpt-4.1 mini", ["gpt-4.1", "gpt-4.1-mini"]),
        ("gpt4.1 vs gpt-4o", ["gpt-4.1", "gpt-4o-2024-11-20"]),
        ("GPT 4.1 or 4.1 nano?", ["gpt-4.1", "gpt-4.1-nano"]),
        ("o3 vs o3-mini vs o4-mini", ["o3", "o3-mini", "o4-mini"]),
        ("claude opus 4 vs opus 4.1", ["claude-opus-4", "claude-opus-4-1"]),
        (
            "gemini 2.5 flash vs gemini 2.5 flash-lite",
            ["gemini-2.5-flash", "gemini-2.5-flash-lite"],
        ),
        ("qwen3 32b vs qwen3 235b a22b", ["qwen3-32b", "qwen3-235b-a22b"]),
        ("openai's 4.1 vs anthropic sonnet 4.5", ["gpt-4.1", "claude-sonnet-4-5"]),
        ("meta llama 4 scout vs google gemma 4 12b", ["llama-4-scout", "gemma-4-12b"]),
        ("deep seek r1 vs gpt 4.1", ["deepseek-r1", "gpt-4.1"]),
        ("claud sonet 4 vs gemnin 2.5 pro", ["claude-sonnet-4", "gemini-2.5-pro"]),
        ("gpt-4o from may 2024 vs gpt-4o", ["gpt-4o-2024-05-13", "gpt-4o-2024-11-20"]),
        (
            "the june 2024 claude 3.5 sonnet vs claude 3.5 sonnet",
            ["claude-3-5-sonnet-2024-06-20", "claude-3-5-sonnet-2024-10-22"],
        ),
    ],
)
def test_versions_match_exactly(engine: Engine, text: str, expected: list[str]) -> None:
    assert _ids(engine, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I have 4.1 GB free",
        "version 3.5 of my app",
        "gemini is my star sign",
        "apple vs orange",
        "arsenal vs chelsea tonight",
        "the llama farm was fun",
        "sonnet 18 is my favourite poem",
        "@everyone lunch?",
        "",
        "   ",
        "a" * 4000,
    ],
)
def test_chatter_finds_no_model(engine: Engine, text: str) -> None:
    q = engine.understander.parse(text)
    assert q.models == [] and q.intent == "none"


def test_vague_family_asks_which(engine: Engine) -> None:
    for text in ("claude vs gpt", "is gemini better than llama", "how good is llama 4"):
        q = engine.understander.parse(text)
        assert q.intent == "clarify", text
        assert len(q.candidates) >= 2
    q = engine.understander.parse("how good is llama 4")
    assert set(q.candidates) == {"llama-4-maverick", "llama-4-scout"}


def test_unknown_names_get_suggestions(engine: Engine) -> None:
    reply = engine.ask("gpt-9 vs claude 7")
    assert reply.query.intent == "not_found"
    assert reply.query.unknown == ["gpt 9", "claude 7"]
    assert reply.answer.candidates and "couldn't find" in reply.text


def test_categories_and_metrics_from_everyday_words(engine: Engine) -> None:
    cases = {
        "gpt-4.1 vs o3 for writing rust code": ("coding", None),
        "gpt-4.1 vs o3 with images": ("multimodal", None),
        "gpt-4.1 vs o3 for tool use": ("agentic", None),
        "gpt-4.1 vs o3 at following instructions": ("instruction_following", None),
        "gpt-4.1 vs o3 in other languages": ("multilingual", None),
        "gpt-4.1 vs o3 which is cheaper": (None, "price"),
        "gpt-4.1 vs o3 which is faster": (None, "speed"),
        "gpt-4.1 vs o3 quicker to first token": (None, "latency"),
        "gpt-4.1 vs o3 bigger context": (None, "context"),
    }
    for text, (cat, metric) in cases.items():
        q = engine.understander.parse(text)
        assert (q.intent, q.category, q.metric) == ("compare", cat, metric), text


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # typos: swapped letters, short words before a version, a variant after one
        ("cluade sonnet 4 vs gtp-4.1", "compare", ["claude-sonnet-4", "gpt-4.1"]),
        (
            "lamma 3.3 70b vs mistral small 3.2",
            "compare",
            ["llama-3.3-70b-instruct", "mistral-small-2506"],
        ),
        ("o3-mni vs o1", "compare", ["o3-mini", "o1"]),
        # sizes are not names
        ("best 12b model for coding", "leaderboard", []),
        ("what's a good 8b model for my laptop", "none", []),
        # names that continue the one before
        (
            "llama 3.1 405b vs 70b vs 8b",
            "compare",
            ["llama-3.1-405b-instruct", "llama-3.1-70b-instruct", "llama-3.1-8b-instruct"],
        ),
        (
            "mistral small 3.1 vs 3.2",
            "compare",
            ["mistral-small-3.1-24b-instruct-2503", "mistral-small-2506"],
        ),
        # short forms people use
        ("r1 vs v3", "compare", ["deepseek-r1", "deepseek-v3"]),
        ("k2 vs glm 4.5", "compare", ["kimi-k2-instruct", "glm-4.5"]),
        ("4o mini vs 3.5 haiku", "compare", ["gpt-4o-mini", "claude-3-5-haiku"]),
        # one known model against something we don't know: what we know of it
        ("my finetune vs gpt-4.1", "profile", ["gpt-4.1"]),
        ("chatgpt vs claude", "clarify", []),
        ("what do you do for a living lol", "none", []),
        ("what's gpt-6 like", "not_found", []),
    ],
)
def test_reviewed_misreadings(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text)
    assert (q.intent, q.models) == (intent, models)


def test_a_model_name_is_not_a_metric(engine: Engine) -> None:
    assert engine.understander.parse("grok 4 fast vs gpt-5").metric is None
    assert engine.understander.parse("which is faster, grok 4 fast or gpt-5").metric == "speed"
    suggestions = engine.understander.parse("what's gpt-6 like").candidates
    assert engine.catalog.model_by_id[suggestions[0]].name.startswith("GPT-5")


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # a name in another order, without its family word, or by a word only it carries
        ("pro 2.5 gemini vs o3", "compare", ["gemini-2.5-pro", "o3"]),
        ("codex max vs 5.2 codex", "compare", ["gpt-5.1-codex-max", "gpt-5.2-codex"]),
        (
            "scout or maverick for reading screenshots?",
            "compare",
            ["llama-4-scout", "llama-4-maverick"],
        ),
        # a bare version beside a name takes that name's family, even beside an unknown one
        ("is gpt-5.6 any good compared to 5.5", "not_found", ["gpt-5.5"]),
        ("minimax m4 vs m3", "not_found", ["minimax-m3"]),
        # a name that several models answer to asks which
        ("mistral small speed", "clarify", []),
        ("devstral small for coding?", "clarify", []),
        ("qwen 3.6 for coding?", "clarify", []),
        ("codex vs sonnet 5", "clarify", ["claude-sonnet-5"]),
        # codes and notation that are not model names
        ("my m3 macbook runs hot", "none", []),
        ("that lookup is O(1) so who cares", "none", []),
        ("codex seraphinianus is such a weird book", "none", []),
    ],
)
def test_names_as_people_type_them(
    engine: Engine, text: str, intent: str, models: list[str]
) -> None:
    q = engine.understander.parse(text, TODAY)
    assert (q.intent, q.models) == (intent, models)


def test_a_line_with_several_models_offers_them(engine: Engine) -> None:
    q = engine.understander.parse("mistral small speed", TODAY)
    assert "mistral-small-2603" in q.candidates  # the newest generation is among the choices
    q = engine.understander.parse("qwen 3.6 for coding?", TODAY)
    assert {"qwen3.6-27b", "qwen3.6-plus"} <= set(q.candidates)


@pytest.mark.parametrize(
    ("text", "category", "metric", "filters", "open_weights"),
    [
        ("cheapest model with 1M context", None, "price", {"min_context": 1_000_000}, False),
        (
            "most wallet friendly model that can swallow a whole codebase, like 400k tokens",
            None,
            "price",
            {"min_context": 400_000},
            False,
        ),
        (
            "best reasoning model under $0.50/M for riddles",
            "reasoning",
            None,
            {"reasoning": True, "max_price": 0.5},
            False,
        ),
        ("best reasoning model", "reasoning", None, {}, False),
        (
            "best anthropic model that isn't a reasoning model",
            None,
            None,
            {"maker": "Anthropic", "reasoning": False},
            False,
        ),
        (
            "top 3 self-hostable models w/ vision for ocr",
            "multimodal",
            None,
            {"modality": "image"},
            True,
        ),
        (
            "best model we can host ourselves for following instructions",
            "instruction_following",
            None,
            {},
            True,
        ),
        ("fastest model released this year", None, "speed", {"since": "2026-01-01"}, False),
        # a number without a unit is not a context limit
        ("top 100 models for coding", "coding", None, {}, False),
    ],
)
def test_conditions_on_a_ranking(
    engine: Engine,
    text: str,
    category,
    metric,
    filters: dict,
    open_weights: bool,  # noqa: ANN001
) -> None:
    q = engine.understander.parse(text, TODAY)
    got = {k: (str(v) if k == "since" else v) for k, v in q.filters.active().items()}
    assert (q.intent, q.category, q.metric, got, q.open_weights) == (
        "leaderboard",
        category,
        metric,
        filters,
        open_weights,
    )


def test_change_log_questions(engine: Engine) -> None:
    q = engine.understander.parse("did the #1 spot for coding change recently?", TODAY)
    assert (q.intent, q.kind, q.category) == ("changes", "leader", "coding")
    q = engine.understander.parse("what changed this week?", TODAY)
    assert (q.intent, q.since_days) == ("changes", 7)


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # someone else's words: a quoted question answered, pasted code, a reply to a person
        ("> which is cheaper, k2.6 or glm 5.1?\nglm 5.1 by a bit, last i checked", "none", []),
        (
            "> gpt-5.5 is the best coder\nis it though? how does it do vs opus 4.8 on coding",
            "compare",
            ["gpt-5.5", "claude-opus-4-8"],
        ),
        ('```python\nmodel = "gpt-5.4-mini"\n```\nwhy does this throw a 401??', "none", []),
        ("@alex which one did you end up picking, k2.6 or glm 5.1?", "none", []),
        # API ids with their organisation
        (
            "meta-llama/llama-4-scout vs openai/gpt-5.4-mini",
            "compare",
            ["llama-4-scout", "gpt-5.4-mini"],
        ),
        # everyday senses of model names
        ("O3 is way more reactive than O2, that's why the air smells", "none", []),
        ("space marine codex vs chaos codex, which army is stronger", "none", []),
        ("opus 4.8 is so expensive lol, burned $40 today", "none", []),
        # a family word for a model already named, and a line named twice with a tier
        ("is command a plus any good or is cohere washed", "profile", ["command-a-plus"]),
        (
            "nemotron 3 super vs nemotron 3 nano speed",
            "compare",
            ["nemotron-3-super-120b-a12b", "nemotron-3-nano-30b-a3b"],
        ),
        (
            "compare opus 4.7, opus 4.8 and sonnet 5",
            "compare",
            ["claude-opus-4-7", "claude-opus-4-8", "claude-sonnet-5"],
        ),
        # a family among named models asks which; a family alone too
        ("gpt-5.5 vs opus vs gemini 3.5 flash", "clarify", ["gpt-5.5", "gemini-3.5-flash"]),
        ("opus", "clarify", []),
        # a request after some telling is still a request
        (
            "Hello, I am new here. Please tell me difference between opus 4.6 and opus 4.7",
            "compare",
            ["claude-opus-4-6", "claude-opus-4-7"],
        ),
        (
            "sonnet 4.5 vs opus 4.1 for coding, old i know but i have credits left",
            "compare",
            ["claude-sonnet-4-5", "claude-opus-4-1"],
        ),
        # follow-ups: a ranking when it stands alone, silence when it points back
        ("ok and for math?", "leaderboard", []),
        ("and the cheaper one?", "none", []),
        # questions about the bot itself
        ("are the prices you show for input or output tokens?", "help", []),
        ("is there a list of all the models you know about?", "help", []),
    ],
)
def test_messages_in_conversation(
    engine: Engine, text: str, intent: str, models: list[str]
) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":  # on chatter the bot stays silent, whatever it noticed
        assert q.models == models


def test_indirect_words_and_idioms(engine: Engine) -> None:
    cases = {
        "is qwen3.6 27b decent at korean": ("multilingual", None),
        "o3 vs o4-mini for proving inequalities": ("math", None),
        "which one reads handwritten notes better, gemini 3.1 pro or gpt-5.5?": (
            "multimodal",
            None,
        ),
        "gpt-5.5 instant, how quickly does it begin answering?": (None, "latency"),
        "qwen3.6-plus vs qwen3.7-plus how many tokens does each one take": (None, "context"),
        "which models top the charts for sticking to a json schema?": (
            "instruction_following",
            None,
        ),
    }
    for text, want in cases.items():
        q = engine.understander.parse(text, TODAY)
        assert (q.category, q.metric) == want, text


def test_change_log_kinds(engine: Engine) -> None:
    cases = {
        "anything new dropped today?": ("new_model", 1),
        "new benchmark results this week?": ("score", 7),
        "has the top model changed in the past month": ("leader", 30),
        "any context window increases this month": ("context", 30),
        "any fresh models in the past 10 days?": ("new_model", 10),
    }
    for text, want in cases.items():
        q = engine.understander.parse(text, TODAY)
        assert (q.intent, q.kind, q.since_days) == ("changes", *want), text
    q = engine.understander.parse("which model released since june is the best overall", TODAY)
    assert q.intent == "leaderboard" and str(q.filters.since) == "2026-06-01"


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        (
            "the 120b oss one vs the 20b one, how much worse is it",
            "compare",
            ["gpt-oss-120b", "gpt-oss-20b"],
        ),
        ("is glm-4.7-flash decent if my budget is basically zero", "profile", ["glm-4.7-flash"]),
        ("is o4 (the full one, not mini) better than o3", "not_found", ["o3"]),
        ("haiku or flash for a quick classifier?", "clarify", []),
        ("my flash drive died", "none", []),
        ("has glm 5.2 been added yet?", "changes", ["glm-5.2"]),
        ("do i need to @ you or can i just type the question", "help", []),
        ("i prefer opus 4.7's writing style tbh, 4.8 feels stiff", "none", []),
    ],
)
def test_more_everyday_readings(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_a_price_unit_is_not_a_context_limit(engine: Engine) -> None:
    q = engine.understander.parse("best model under a dollar per a million tokens", TODAY)
    assert q.filters.active() == {"max_price": 1.0}
    q = engine.understander.parse(
        "cheapest model that takes video and has a million token context", TODAY
    )
    assert q.filters.active() == {"min_context": 1_000_000, "modality": "video"}


def test_generations_offered_newest_first(engine: Engine) -> None:
    q = engine.understander.parse("mistral small speed", TODAY)
    assert q.candidates[0] == "mistral-small-2603"


def test_confidence_leaves_few_real_questions_unanswered(engine: Engine) -> None:
    """Below CONFIDENT a listening channel stays silent and a mention asks back first; the
    threshold must not silence the questions people really ask."""
    from bot.query import CONFIDENT

    read = low = 0
    for path in SETS.values():
        for line in path.read_text().splitlines():
            row = json.loads(line) if line.strip() else None
            if row is None or row["intent"] == "none":
                continue
            q = engine.understander.parse(row["text"], TODAY)
            if _correct(row, q):
                read += 1
                low += q.confidence < CONFIDENT
    assert low / read <= 0.01, f"{low} of {read} correctly read questions are unsure"


def test_confidence_weighs_the_evidence(engine: Engine) -> None:
    parse = engine.understander.parse
    sure = parse("which is better for coding, claude opus 4.7 or gpt-5.5?", TODAY).confidence
    plain = parse("gpt-5.5 vs opus 4.8", TODAY).confidence
    unsure = parse("llama 4 behemoth vs maverick", TODAY).confidence
    telling = parse("sonet 4.5 vs opus 4.1 for coding, old i know but i have credits left", TODAY)
    assert sure >= plain > unsure
    assert telling.intent == "compare" and telling.confidence < plain
    assert parse("lol ok", TODAY).confidence == 0.0


def test_ask_back_puts_the_reading_as_a_question(engine: Engine) -> None:
    from bot.answers.askback import ask_back, needs_confirming

    # put to the room ("anybody tried"): the bot asks back when mentioned
    q = engine.understander.parse(
        "anybody tried how nemotron 3 ultra does on coding benchmarks", TODAY
    )
    assert needs_confirming(q)
    assert ask_back(q, engine.catalog) == "Nemotron 3 Ultra 550B A55B: how it does on coding?"
    q = engine.understander.parse("gpt-5.5 vs opus 4.8 for coding?", TODAY)
    assert not needs_confirming(q)
    assert ask_back(q, engine.catalog) == "Compare GPT-5.5 and Claude Opus 4.8 on coding?"
    # what the bot knows, asked of anyone: answered
    q = engine.understander.parse("anyone know how nemotron 3 ultra does on coding", TODAY)
    assert q.intent == "profile" and not needs_confirming(q)
    q = engine.understander.parse("opsu 4.1 agentic", TODAY)
    assert ask_back(q, engine.catalog) == "Claude Opus 4.1: how it does on agentic work?"


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # everyday senses of model names
        ("is 'shall i compare thee to a summer's day' sonnet 18 or 19?", "none", []),
        ("how do i prove euler's phi function is multiplicative", "none", []),
        ("is fugu safe to eat or will i die", "none", []),
        ("flash or natural light for wedding photos?", "none", []),
        ("r1 visa vs o1 visa for moving to the us?", "none", []),
        ("claude sonnet 4.5 for writing poems?", "profile", ["claude-sonnet-4-5"]),
        # talk about a comparison, and statements
        ("gpt-5.5 vs opus 4.8 debate again? we did this yesterday", "none", []),
        ("k2.6 is wild for the price honestly", "none", []),
        ("i ran deepseek v4 pro on my own evals and got 71%", "none", []),
        # pointing at a quoted question
        (
            "> is sonnet 5 better than opus 4.8\nthis ^^ someone answer pls",
            "compare",
            ["claude-sonnet-5", "claude-opus-4-8"],
        ),
        # other languages, markdown, a size in brackets, a released model over its preview
        (
            "qual é melhor pra programar, kimi k2.6 ou deepseek v4 pro?",
            "compare",
            ["kimi-k2.6", "deepseek-v4-pro"],
        ),
        ("how good is qwen3 (the 32b one) these days", "profile", ["qwen3-32b"]),
        (
            "gemini 2.5 flash vs 3.1 flash lite, cost wise",
            "compare",
            ["gemini-2.5-flash", "gemini-3.1-flash-lite"],
        ),
        ("step flash any good?", "clarify", []),
        ("what's the fastest claude", "leaderboard", []),
    ],
)
def test_blind6_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_markdown_and_rates(engine: Engine) -> None:
    q = engine.understander.parse(
        "**best model for math** that is **not** a reasoning model?", TODAY
    )
    assert (q.category, q.filters.active()) == ("math", {"reasoning": False})
    q = engine.understander.parse(
        "step 3.7 flash or mimo-v2.5-pro, which pushes more tokens/sec", TODAY
    )
    assert q.metric == "speed"
    q = engine.understander.parse("step flash any good?", TODAY)
    assert set(q.candidates) <= {"step-3.5-flash", "step-3.5-flash-2603", "step-3.7-flash"}


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        (
            "cmd a reasoning vs command a plus?",
            "compare",
            ["command-a-reasoning", "command-a-plus"],
        ),
        (
            "cual es mejor para programar, gpt-5.5 o claude opus 4.8?",
            "compare",
            ["gpt-5.5", "claude-opus-4-8"],
        ),
        (
            "4.1 nano vs 5 nano lol which one is less dumb",
            "compare",
            ["gpt-4.1-nano", "gpt-5-nano"],
        ),
        ("kimi k2 or glm 5.1?", "clarify", ["glm-5.1"]),
        ("gemma 5 27b for local use?", "not_found", []),
        ("best qwen for coding?", "leaderboard", []),
        ("what's the molar mass of O3?", "none", []),
        ("sonar on my fishfinder stopped working, any fix?", "none", []),
        ("my cat is named opus and he is the fastest thing alive", "none", []),
        ("running qwen3.5 9b on a raspberry pi, 2 tok/s 💀", "none", []),
        ("what moved in the rankings since last month? anything big", "changes", []),
    ],
)
def test_blind7_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_two_measures_joined_and_conditions_written_as_a_spec(engine: Engine) -> None:
    q = engine.understander.parse(
        "gemini 3.5 flash vs deepseek v4 flash, which is faster & cheaper?", TODAY
    )
    assert q.metric == "speed"
    q = engine.understander.parse(
        "i want to know between grok 4 fast and grok code fast 1 which one is more cheap", TODAY
    )
    assert q.metric == "price"
    q = engine.understander.parse("`best coding model | max $3/M | context >= 500k`", TODAY)
    assert (q.category, q.filters.active()) == (
        "coding",
        {"min_context": 500_000, "max_price": 3.0},
    )
    assert engine.understander.parse("best qwen for coding?", TODAY).filters.maker == "Alibaba"


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        ("what's the fastest car in the world?", "none", []),
        ("cheapest flights to tokyo in january?", "none", []),
        ("what's the fastest claude", "leaderboard", []),
        (
            "scout vs maverick, how big a doc can each one swallow",
            "compare",
            ["llama-4-scout", "llama-4-maverick"],
        ),
        (
            "which is better in spanish: maverick, command a or qwen3.7 max",
            "compare",
            ["llama-4-maverick", "command-a", "qwen3.7-max"],
        ),
        ("gpt-5.5 codex how good", "not_found", []),
        ("gemma 4 on a laptop, good idea?", "clarify", []),
        ("which models got re-benchmarked recently", "changes", []),
        ("how do i compare two models with you", "help", []),
        ("which benchmarks go into the coding category", "help", []),
    ],
)
def test_blind8_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_a_kind_of_model_beside_a_category_is_a_condition(engine: Engine) -> None:
    """ "Best vision model for math" ranks math among models that read images; "reasoning-capable"
    is a kind of model even after "best"; "multimodal model for reading pdfs" is the category."""
    q = engine.understander.parse("best vision model for math", TODAY)
    assert (q.category, q.filters.modality) == ("math", "image")
    q = engine.understander.parse("best reasoning-capable model under 20 cents per million", TODAY)
    assert (q.category, q.filters.reasoning, q.filters.max_price) == (None, True, 0.2)
    q = engine.understander.parse("best multimodal model for reading pdfs and charts", TODAY)
    assert (q.category, q.filters.modality) == ("multimodal", None)


def test_accented_words_read_as_their_plain_letters(engine: Engine) -> None:
    q = engine.understander.parse(
        "mistral medium 3.5 vs mistral large 3 en français, lequel est meilleur ?", TODAY
    )
    assert (q.intent, q.category) == ("compare", "multilingual")


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        ("ollama pull qwen3.6:27b", "none", []),
        ("gemma's birthday is saturday, who's coming?", "none", []),
        (
            '```\nmodel_a = "x-ai/grok-4.3"\nmodel_b = "deepseek/deepseek-v4-pro"\n```\n'
            "which of these two is better for coding",
            "compare",
            ["grok-4.3", "deepseek-v4-pro"],
        ),
        (
            "claude opus 4.8 vs my current setup (some random llama finetune), worth switching?",
            "profile",
            ["claude-opus-4-8"],
        ),
        ("anything changed in the past 2 weeks?", "changes", []),
        ("did deepseek v4 pro or glm 5.2 change price", "changes", ["deepseek-v4-pro", "glm-5.2"]),
        ("do you know about every model or just the big ones", "help", []),
        ("what should i run locally for coding", "leaderboard", []),
    ],
)
def test_blind9_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_words_said_another_way_read_as_the_measure(engine: Engine) -> None:
    """Hyphenated phrases, a word one letter from a category that is an everyday word, and two
    kinds of change at once."""
    q = engine.understander.parse("quickest-to-respond model from anthropic", TODAY)
    assert (q.metric, q.filters.maker) == ("latency", "Anthropic")
    assert engine.understander.parse("who's coming to the meetup, gemini?", TODAY).category is None
    q = engine.understander.parse(
        "what did i miss this week, any price cuts or new releases?", TODAY
    )
    assert (q.intent, q.kind, q.since_days) == ("changes", None, 7)
    q = engine.understander.parse(
        "## requirements\n- open weights\n- reasoning\n- >= 200k context\n\nbest one for agents?",
        TODAY,
    )
    assert (q.category, q.filters.reasoning, q.filters.min_context) == ("agentic", True, 200_000)
    q = engine.understander.parse("best model for pdfs, it has to accept pdf files directly", TODAY)
    assert (q.category, q.filters.modality) == (None, "pdf")


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        ("```claude-opus-4-8 vs gpt-5.5-pro```", "compare", ["claude-opus-4-8", "gpt-5.5-pro"]),
        ("sonnet 5 is down again?? status page says all good", "none", []),
        ("how do i fine-tune llama with lora, any good tutorial?", "none", []),
        ("which font is best for coding?", "none", []),
        ("granite countertops vs quartz, which is better for a kitchen?", "none", []),
        ("nova for summarization?", "clarify", []),
        ("is gpt-5.5 cheaper now than last month?", "changes", ["gpt-5.5"]),
        ("did the math leaderboard shift this week", "changes", []),
    ],
)
def test_blind10_and_11_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_conditions_said_in_passing(engine: Engine) -> None:
    q = engine.understander.parse("which claude is the fastest", TODAY)
    assert (q.intent, q.metric, q.filters.maker) == ("leaderboard", "speed", "Anthropic")
    q = engine.understander.parse(
        "which 2026 open-weights reasoning model is best at math, under $1 per million", TODAY
    )
    assert (q.category, q.filters.since, q.filters.reasoning) == ("math", dt.date(2026, 1, 1), True)
    q = engine.understander.parse(
        "**best** google model for `agentic` tasks, thinking ones only", TODAY
    )
    assert (q.category, q.filters.maker, q.filters.reasoning) == ("agentic", "Google", True)
    q = engine.understander.parse(
        "model with the most memory? like i want to paste an entire novel in", TODAY
    )
    assert (q.intent, q.metric) == ("leaderboard", "context")


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        ("top 5 anime of 2026?", "none", []),
        ("sonar on submarines works how exactly?", "none", []),
        ("has the price of gpt-5.4 mini changed?", "changes", ["gpt-5.4-mini"]),
        ("did deepseek v4 pro price go up or down", "changes", ["deepseek-v4-pro"]),
        ("whats been updated in the last 30 days", "changes", []),
        ("which benchmarks do you use for the coding score", "help", []),
        ("4o vs 4.1 honestly", "compare", ["gpt-4o-2024-11-20", "gpt-4.1"]),
    ],
)
def test_blind12_and_13_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert q.intent == intent
    if intent != "none":
        assert q.models == models


def test_a_word_cut_by_the_negation_window_is_no_negation(engine: Engine) -> None:
    """ "nano" ends in "no": the words before a measure are read whole, not from a slice."""
    q = engine.understander.parse(
        "compare gpt-5.4 nano and gemini 3.1 flash lite on price pls", TODAY
    )
    assert (q.intent, q.metric) == ("compare", "price")
    q = engine.understander.parse(
        "ranking pls: open weights, reasoning, under $0.30 - best for coding", TODAY
    )
    assert (q.category, q.filters.reasoning, q.open_weights) == ("coding", True, True)


_STORY = (
    "so yesterday i spent most of the afternoon cleaning up the garage and sorting old boxes. "
    "the meeting ran long again and nobody agreed on anything useful, as usual. "
    "my neighbour's dog keeps barking at the mail van every single morning. "
)


@pytest.mark.parametrize(
    "question",
    [
        "which is better for coding, claude sonnet 4.5 or gpt-5?",
        "gemma 4 12b vs gpt-4.1",
        "cheapest model with 1M context",
        "top 5 open weights models for math",
        "what changed this week?",
        "tell me about deepseek v4 pro",
    ],
)
def test_a_question_in_a_long_paste_reads_as_the_question(engine: Engine, question: str) -> None:
    """A question inside 4,000 characters of story reads as it does alone, wherever it sits."""
    alone = engine.understander.parse(question, TODAY)
    half = _STORY * 9
    for text in (half + "\n" + question, question + "\n" + half, half + question + "\n" + half):
        q = engine.understander.parse(text[:4000] if len(text) > 4000 else text, TODAY)
        assert (q.intent, q.models, q.category, q.metric, q.filters) == (
            alone.intent,
            alone.models,
            alone.category,
            alone.metric,
            alone.filters,
        ), text[:120]


def test_a_long_story_with_no_question_stays_silent(engine: Engine) -> None:
    q = engine.understander.parse((_STORY * 14)[:4000], TODAY)
    assert q.intent == "none"


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # a statement about a model asks nothing, however many words of it look like a question
        ("glm 5.1 crushed my refactor yesterday, genuinely impressed", "none", []),
        ("qwen3.6 plus was down for an hour this morning", "none", []),
        ("honestly gemini 3.5 flash feels way smarter than it has any right to", "none", []),
        # ...but a verb before its subject is a question without its mark
        ("is glm 5.1 any good at refactoring", "profile", ["glm-5.1"]),
        ("does gemini 3.5 flash handle long docs", "profile", ["gemini-3.5-flash"]),
        ("yo is `qwen/qwen3.6-35b-a3b` decent for agents", "profile", ["qwen3.6-35b-a3b"]),
        # someone's claim, asked about
        ("@kai says glm 5.1 is the best for chinese, true?", "profile", ["glm-5.1"]),
        # a message to someone else that then asks the bot
        (
            "@kai i'd go with glm-5.1 or kimi k2.6. <@123456789012345678> which one is cheaper?",
            "compare",
            ["glm-5.1", "kimi-k2.6"],
        ),
        ("@kai which one did you end up using, glm-5.1 or kimi k2.6?", "none", []),
        # a version as API ids write it, one the catalog does not have
        ("what's the price of claude-opus-4-9", "not_found", []),
        (
            "claude-opus-4-5 vs claude-sonnet-4-5",
            "compare",
            ["claude-opus-4-5", "claude-sonnet-4-5"],
        ),
        # a one-word name with a version its model does not have
        ("fable 7 any good?", "not_found", []),
        # can't decide between two: a comparison
        (
            "cant decide between opus 4.7 or 4.8 tbh",
            "compare",
            ["claude-opus-4-7", "claude-opus-4-8"],
        ),
        ("same question but for glm 5.1", "profile", ["glm-5.1"]),
        # about the bot itself
        ("can this bot answer in DMs", "help", []),
        ("which benchmarks do you use for coding scores", "help", []),
    ],
)
def test_blind18_to_20_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert (q.intent, q.models if intent != "none" else []) == (intent, models), text


def test_change_verbs_and_rankings_said_in_passing(engine: Engine) -> None:
    def read(text: str):  # noqa: ANN202
        return engine.understander.parse(text, TODAY)

    q = read("did anything happen with prices in the last 3 days")
    assert (q.intent, q.kind, q.since_days) == ("changes", "price", 3)
    q = read("were new benchmark scores added today?")
    assert (q.intent, q.kind, q.since_days) == ("changes", "score", 1)
    q = read("has gpt-5.5 taken over the top spot yet")
    assert (q.intent, q.kind, q.models) == ("changes", "leader", ["gpt-5.5"])
    q = read("ok and what if it has to be open weights and from this year?")
    assert (q.intent, q.open_weights, q.filters.since) == (
        "leaderboard",
        True,
        dt.date(2026, 1, 1),
    )
    q = read("alright, for physics questions which one wins")
    assert (q.intent, q.category) == ("leaderboard", "knowledge")
    q = read("who's #1 right now")
    assert q.intent == "leaderboard"
    q = read("forget math, which model is best for coding then")
    assert (q.intent, q.category) == ("leaderboard", "coding")
    q = read("cheapest open models, give me 7")
    assert (q.intent, q.metric, q.count) == ("leaderboard", "price", 7)
    q = read("best thinking model under $1 per million")
    assert (q.category, q.filters.reasoning, q.filters.max_price) == (None, True, 1.0)


def test_words_as_to_a_use_and_a_use_beside_a_measure(engine: Engine) -> None:
    q = engine.understander.parse("opus 4.8 vs gpt-5.5 codingwise", TODAY)
    assert (q.intent, q.category) == ("compare", "coding")
    q = engine.understander.parse("glm 5.1 vs kimi k2.6 pricewise", TODAY)
    assert (q.intent, q.metric) == ("compare", "price")
    # a use as the setting of a measure asked: the measure is the question
    q = engine.understander.parse("gpt-5 mini vs gpt-4.1 mini speed for autocomplete", TODAY)
    assert (q.category, q.metric) == (None, "speed")
    q = engine.understander.parse("gpt-5 mini vs gpt-4.1 mini for autocomplete", TODAY)
    assert (q.category, q.metric) == ("coding", None)
    # "the may one" is the month, "may" alone the verb
    q = engine.understander.parse("gpt-4o the may one vs claude 3.5 sonnet", TODAY)
    assert q.models[0] == "gpt-4o-2024-05-13"
    q = engine.understander.parse("gpt-4o may be better than claude 3.5 sonnet", TODAY)
    assert q.models[0] == "gpt-4o-2024-11-20"


@pytest.mark.parametrize(
    ("text", "intent", "models"),
    [
        # reactions and complaints name models without asking anything
        ("🥲 gpt-5.5 pro", "none", []),
        ("ugh glm 5.1 keeps timing out today", "none", []),
        ("has anyone else's opus 4.8 been nerfed for coding lately? smh", "none", []),
        ("me when qwen3.6 plus finally gets open weights: 🕺", "none", []),
        ("o3-mini was the best deal back then, i miss it", "none", []),
        ("lol the glm 5.1 model card says it beats every human coder", "none", []),
        # a question mark as an emoji is still one
        ("glm 5.1 ❓", "profile", ["glm-5.1"]),
        # another name's size is not a bare version of the model beside it
        ("my finetune 'orca-13b' vs qwen3.5 9b for reasoning?", "profile", ["qwen3.5-9b"]),
        # an announced tier never released
        ("llama 4 behemoth vs gemma 4 31b", "not_found", ["gemma-4-31b-it"]),
        # a family asked about with a question
        ("is magistral open source?", "clarify", []),
        ("did google lower prices on gemini 3.5 flash", "changes", ["gemini-3.5-flash"]),
        ("anything new in the past 5 days?", "changes", []),
        ("what is this bot for?", "help", []),
    ],
)
def test_blind21_classes(engine: Engine, text: str, intent: str, models: list[str]) -> None:
    q = engine.understander.parse(text, TODAY)
    assert (q.intent, q.models if intent != "none" else []) == (intent, models), text


def test_conditions_said_after_and_around(engine: Engine) -> None:
    q = engine.understander.parse("best model for math, 40 cents per million max", TODAY)
    assert (q.intent, q.category, q.metric, q.filters.max_price) == (
        "leaderboard",
        "math",
        None,
        0.4,
    )
    q = engine.understander.parse("best gemini (so google) model for coding", TODAY)
    assert q.filters.maker == "Google"
    q = engine.understander.parse("fastest-starting model without a thinking mode", TODAY)
    assert (q.metric, q.filters.reasoning, q.category) == ("latency", False, None)


def test_slips_of_everyday_words_read_as_the_word_a_question_holds(engine: Engine) -> None:
    q = engine.understander.parse("hiw fadt is glm 5.1", TODAY)
    assert (q.intent, q.models, q.metric) == ("profile", ["glm-5.1"], "speed")
    q = engine.understander.parse("wats new thsi week", TODAY)
    assert (q.intent, q.since_days) == ("changes", 7)
    q = engine.understander.parse("yo is glm 5.1 actually bad or was that launch drama", TODAY)
    assert (q.intent, q.models) == ("profile", ["glm-5.1"])
    q = engine.understander.parse("wcih is beter gtp 5.5 or opsu 4.8 fr coding", TODAY)
    assert (q.intent, q.models, q.category) == ("compare", ["gpt-5.5", "claude-opus-4-8"], "coding")


# What blind24 and blind25's misses taught, each class said anew
_BLIND24_CLASSES = [
    # what the bot knows, asked of the room; how-tos and experiences stay the room's
    ("anybody know how glm 5.1 scores on math?", "profile", ["glm-5.1"], "math", None),
    ("does anyone know if kimi k2.6 is cheap", "profile", ["kimi-k2.6"], None, "price"),
    ("anyone know how to run glm 5.1 locally", "none", [], None, None),
    # slips that are words themselves, beside the words they go with
    ("hoe fast is gpt-5.5", "profile", ["gpt-5.5"], None, "speed"),
    ("whats the bets model for math", "leaderboard", [], "math", None),
    ("is glm 5.1 weak at math", "profile", ["glm-5.1"], "math", None),
    # a name set aside, the question after it
    (
        "forget about gpt-5.5, which is cheapest for coding",
        "leaderboard",
        [],
        "coding",
        "price",
    ),
    # the I left out, and news passed on: statements
    ("finally switched to glm 5.1 for my agents, loving it", "none", [], None, None),
    ("psa: kimi k2.6 prices go up on monday", "none", [], None, None),
    # the everyday senses of a name
    ("the o3 reading on my air quality sensor spiked", "none", [], None, None),
    ("replaying fable 2 on the xbox this weekend", "none", [], None, None),
    # other languages
    ("cuánto cuesta glm 5.1?", "profile", ["glm-5.1"], None, "price"),
    (
        "glm 5.1 ou kimi k2.6 pour la programmation?",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
    # "thinking of" is no reasoning; a language apologised for is no use
    (
        "thinking of moving from gpt-5.4 to glm 5.1, worth it?",
        "compare",
        ["gpt-5.4", "glm-5.1"],
        None,
        None,
    ),
    # a volume of tokens is no context
    (
        "what would 5M tokens a day on gpt-5.4 mini cost me",
        "profile",
        ["gpt-5.4-mini"],
        None,
        "price",
    ),
    # a letter typed twice in a category word
    ("best model for codding", "leaderboard", [], "coding", None),
]


# What blind26 and blind27's misses taught, each class said anew
_BLIND26_CLASSES = [
    # what changed, said as what was missed or what is different
    ("been away, what did i miss this month?", "changes", [], None, None),
    ("what's different since last week", "changes", [], None, None),
    # about the bot: its units, where it answers, its sources
    ("are your scores in percent?", "help", [], None, None),
    ("can i message you privately", "help", [], None, None),
    # the room's, after an opener
    ("lol who else got a 529 from glm 5.1 just now", "none", [], None, None),
    # the I left out, reactions, puns, the keyboard's command key
    ("tried glm 5.1 on my repo last night, solid", "none", [], None, None),
    ("gpt-5.5 🐐🐐", "none", [], None, None),
    ("press command + r to reload", "none", [], None, None),
    # measures said as what a user sees
    (
        "gpt-5.5 or glm 5.1, which one starts answering first",
        "compare",
        ["gpt-5.5", "glm-5.1"],
        None,
        "latency",
    ),
    ("how fast per token is glm 5.1", "profile", ["glm-5.1"], None, "speed"),
    # a version alone after "than regular"
    (
        "is gpt-5.5 pro any smarter than plain 5.5?",
        "compare",
        ["gpt-5.5-pro", "gpt-5.5"],
        None,
        None,
    ),
    # a nickname with a slip, a size in brackets, a month in brackets
    (
        "scuot or maverick for images?",
        "compare",
        ["llama-4-scout", "llama-4-maverick"],
        "multimodal",
        None,
    ),
    ("qwen 3.6 (the 27b dense one) for coding?", "profile", ["qwen3.6-27b"], "coding", None),
    (
        "gpt-4o (may) or gpt-4o (nov) for coding?",
        "compare",
        ["gpt-4o-2024-05-13", "gpt-4o-2024-11-20"],
        "coding",
        None,
    ),
    # uses said plainly
    ("does glm 5.1 do what it's told?", "profile", ["glm-5.1"], "instruction_following", None),
    ("what's the go-to model for math", "leaderboard", [], "math", None),
    (
        "something under 20 cents per million that's good at coding?",
        "leaderboard",
        [],
        "coding",
        None,
    ),
    # a line's own tool is no family to choose from
    (
        "using claude code with opus 4.8, how much does opus 4.8 cost",
        "profile",
        ["claude-opus-4-8"],
        None,
        "price",
    ),
    # a maker said far from the names compared
    (
        "we're moving off openai next year. between glm 5.1 and kimi k2.6, which is better at coding?",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
]


# What blind28 and blind29's misses taught, each class said anew
_BLIND28_CLASSES = [
    # the words that show a name's everyday sense are never read as slips
    ("claude monet or renoir for my living room?", "none", [], None, None),
    ("my niece wants a pet llama for her birthday lol", "none", [], None, None),
    ("who wants to pair on a gemma 4 31b finetune tonight", "none", [], None, None),
    # names taken back
    (
        "opus 4.7? no wait i mean opus 4.8 vs gpt-5.5",
        "compare",
        ["claude-opus-4-8", "gpt-5.5"],
        None,
        None,
    ),
    # two versions alone, with a use asked
    ("5.4 or 5.5 for math?", "compare", ["gpt-5.4", "gpt-5.5"], "math", None),
    ("i scored 5.5 or 5.4 on the quiz", "none", [], None, None),
    # the change log, asked of a model or the leaderboard
    ("did glm 5.1 go up or down in the rankings", "changes", ["glm-5.1"], None, None),
    ("show models added this week", "changes", [], None, None),
    # about the bot
    ("how does the bot pick which model is best?", "help", [], None, None),
    # how well, not an input to accept
    ("which model reads pdfs the best", "leaderboard", [], "multimodal", None),
    (
        "what's best for image analysis, it has to take images",
        "leaderboard",
        [],
        "multimodal",
        None,
    ),
    # a volume of tokens sets no context
    ("cheapest model for 50M tokens a month", "leaderboard", [], None, "price"),
    ("i want know if glm 5.1 is good at coding", "profile", ["glm-5.1"], "coding", None),
]


# What blind30 and blind31's misses taught, each class said anew
_BLIND30_CLASSES = [
    # follow-ups after an opener or two
    ("hm ok, and for math?", "leaderboard", [], "math", None),
    ("the same for glm 5.1?", "profile", ["glm-5.1"], None, None),
    # a change log asked of two models, not a comparison
    (
        "did glm 5.1 or kimi k2.6 get repriced lately",
        "changes",
        ["glm-5.1", "kimi-k2.6"],
        None,
        None,
    ),
    ("who took the coding crown this month", "changes", [], "coding", None),
    # about the bot
    ("how does the bot measure latency?", "help", [], None, None),
    ("how do i talk to you", "help", [], None, None),
    # the everyday codex
    ("my codex for the tabletop army is out of date", "none", [], None, None),
    # a tier word before a noun is no tier
    ("glm 5 vs glm 5.1, huge difference?", "compare", ["glm-5", "glm-5.1"], None, None),
    # versions beside versions
    (
        "5.4 vs 5.5 vs opus 4.8 for coding",
        "compare",
        ["gpt-5.4", "gpt-5.5", "claude-opus-4-8"],
        "coding",
        None,
    ),
    # a use set off by "non-"
    ("glm 5.1 for non-coding work, any good?", "profile", ["glm-5.1"], None, None),
    # the setting of a measure
    (
        "glm 5.1 or kimi k2.6, which starts answering sooner in my editor",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "latency",
    ),
]


# What blind32 and blind33's misses taught, each class said anew
_BLIND32_CLASSES = [
    # look-alikes: an audio codec, a province, a data engine, a car, a spreadsheet
    ("is the opus codec better than aac at low bitrate?", "none", [], None, None),
    ("nova scotia or new brunswick for a summer trip?", "none", [], None, None),
    ("pyspark or plain apache spark for this job?", "none", [], None, None),
    ("new iphone models this week, worth it?", "none", [], None, None),
    ("excel formula for the cheapest value in a row?", "none", [], None, None),
    # asked of the room, and of someone's experience
    ("can anyone recommend a decent office chair under $200", "none", [], None, None),
    ("did you ever get glm 5.1 running with vllm?", "none", [], None, None),
    ("brb, trying gpt-5.5 on my evals", "none", [], None, None),
    # dictated versions
    (
        "is gpt five point five better than opus four point eight?",
        "compare",
        ["gpt-5.5", "claude-opus-4-8"],
        None,
        None,
    ),
    # "2x" is two of a thing, never a version
    ("got 2x 4090s, is glm 5.1 a good fit?", "profile", ["glm-5.1"], None, None),
    # a change log kept apart from a comparison said with "better than"
    (
        "is glm 5.2 better than glm 5.1 or did they just raise the price",
        "compare",
        ["glm-5.2", "glm-5.1"],
        None,
        "price",
    ),
    ("did the context window of glm 5.1 change", "changes", ["glm-5.1"], None, None),
    # where a model is used, beside a measure asked
    ("for legal docs, which model fits the most pages", "leaderboard", [], None, "context"),
]


# What blind34 and blind35's misses taught, each class said anew
_BLIND34_CLASSES = [
    # a reaction, a remark, someone's work, advice to someone
    ("🙌 glm 5.1 🙌", "none", [], None, None),
    ("llama 3 was the goat back then, rip", "none", [], None, None),
    ("who posted the glm 5.1 vs kimi k2.6 chart, it's great", "none", [], None, None),
    ("just use glm 5.1, it's way cheaper", "none", [], None, None),
    ("my 4090 runs qwen3.6 27b at 40 tok/s which is nice", "none", [], None, None),
    # about the bot's figures
    ("what does 'context' mean in your tables?", "help", [], None, None),
    ("how many models are in your database?", "help", [], None, None),
    ("top model in your data right now?", "leaderboard", [], None, None),
    # rankings and changes said other ways
    ("who leads on math these days", "leaderboard", [], "math", None),
    ("did the rankings shuffle this week", "changes", [], None, None),
    # names after a filler, names in a code block pointed at
    (
        "so like, glm 5.1 or kimi k2.6 for coding tbh",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
    (
        "```\nglm-5.1 vs kimi-k2.6\n```\nwhich one for coding",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
]


_BLIND36_CLASSES = [
    # a qualifier before the words it qualifies; a dropped g; a verb of a category
    ("best for multi-step logic puzzles", "leaderboard", [], "reasoning", None),
    (
        "kimi k2.6 or glm 5.1 for multi-step math problems",
        "compare",
        ["kimi-k2.6", "glm-5.1"],
        "math",
        None,
    ),
    ("glm 5.1 vs kimi k2.6 for tool callin", "compare", ["glm-5.1", "kimi-k2.6"], "agentic", None),
    ("is gpt-5.5 good at codin", "profile", ["gpt-5.5"], "coding", None),
    (
        "which of them reasons better, glm 5.1 or kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "reasoning",
        None,
    ),
    # who is winning; the smallest of a measure; thoughts on a family
    ("who's winning at math right now", "leaderboard", [], "math", None),
    ("shortest time to first token", "leaderboard", [], None, "latency"),
    ("thoughts on qwen3 for summaries", "clarify", [], None, None),
    # everyday senses; a memory shared
    ("the sonar on my boat pings the seabed fine", "none", [], None, None),
    ("o3 levels in the city are bad for my asthma today", "none", [], None, None),
    ("remember when opus 3 was the best? good times", "none", [], None, None),
    # about the bot's numbers
    ("are the prices your own or scraped from somewhere", "help", [], None, None),
    # a version its model's name does not have; sizes and variants said apart
    ("fugu 3 vs fugu ultra", "not_found", ["fugu-ultra"], None, None),
    (
        "gemma 4 (the 31b) or qwen3.6 (the 27b) for coding",
        "compare",
        ["gemma-4-31b-it", "qwen3.6-27b"],
        "coding",
        None,
    ),
    (
        "gpt-5.4 and the mini version of it, which is faster",
        "compare",
        ["gpt-5.4", "gpt-5.4-mini"],
        None,
        "speed",
    ),
    ("mini vs regular gpt-5.4 for coding", "compare", ["gpt-5.4-mini", "gpt-5.4"], "coding", None),
    # its kind asked of a model; a measure of a model said as fitting or a rate
    ("is glm 5.1 a thinking model?", "profile", ["glm-5.1"], None, None),
    ("my doc is 900 pages, would it all fit in gpt-5.5?", "profile", ["gpt-5.5"], None, "context"),
    ("whats the token rate on glm 5.1", "profile", ["glm-5.1"], None, "speed"),
    ("how good is gpt-5.5 at stats coursework", "profile", ["gpt-5.5"], "math", None),
    ("which one can swallow the biggest document", "leaderboard", [], None, "context"),
]

_BLIND38_CLASSES = [
    # "v" between names; a manner yields to the task; a word of its own is no slip
    ("glm 5.1 v kimi k2.6 for coding", "compare", ["glm-5.1", "kimi-k2.6"], "coding", None),
    ("which model is best for geometry proofs step by step", "leaderboard", [], "math", None),
    ("what's cheapest for summarising group chats", "leaderboard", [], None, "price"),
    # what the writer did or saved; an offer to the channel
    ("kimi k2.6 saved us like half our api bill, wild", "none", [], None, None),
    (
        "built a little discord bot this week, happy to share if anyone wants to try glm 5.1 or "
        "kimi k2.6 in it",
        "none",
        [],
        None,
        None,
    ),
    # everyday senses of grok and phi
    ("my grok filter in logstash keeps failing", "none", [], None, None),
    ("phi phi islands trip next month, any tips?", "none", [], None, None),
    # sizes in brackets, someone's own model, a family asked good or nah
    (
        "gemma 4 (the 31b one) vs qwen3.6 (also 27b) for coding",
        "compare",
        ["gemma-4-31b-it", "qwen3.6-27b"],
        "coding",
        None,
    ),
    ("our own lora'd llama thing vs glm 5.1, which is better?", "profile", ["glm-5.1"], None, None),
    ("qwen3 for coding, good or nah", "clarify", [], "coding", None),
    # about the bot's words and figures; a category phrase
    ("when you say speed do you mean tokens per second?", "help", [], None, None),
    ("where does this bot's leaderboard come from", "help", [], None, None),
    ("glm 5.1 for my literature review, any good?", "profile", ["glm-5.1"], "knowledge", None),
    # snapshots by month, an upgrade written with an arrow
    (
        "gpt-4o from may or the august one",
        "compare",
        ["gpt-4o-2024-05-13", "gpt-4o-2024-08-06"],
        None,
        None,
    ),
    (
        "opus 4.6 -> 4.8 worth the upgrade?",
        "compare",
        ["claude-opus-4-6", "claude-opus-4-8"],
        None,
        None,
    ),
]

_BLIND40_CLASSES = [
    # category phrases: limits kept, what you tell it, knowing more, huge inputs
    (
        "does glm 5.1 stick to word limits better than kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "instruction_following",
        None,
    ),
    ("does kimi k2.6 do what you tell it", "profile", ["kimi-k2.6"], "instruction_following", None),
    (
        "which one knows more stuff, glm 5.1 or kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "knowledge",
        None,
    ),
    (
        "which is better with huge inputs, gpt-5.5 or gemini 3.1 pro",
        "compare",
        ["gpt-5.5", "gemini-3.1-pro-preview"],
        None,
        "context",
    ),
    # someone's finetune of a line; a use put to a versioned name with an everyday sense
    (
        "some finetune of qwen3 vs glm 5.1, is glm good at coding",
        "profile",
        ["glm-5.1"],
        "coding",
        None,
    ),
    ("o4 mini for my chemistry homework, any good?", "profile", ["o4-mini"], "knowledge", None),
    # claims, one's own setup and work, a term explained by the room
    ("opus 4.8 is way better than gpt-5.5 for writing", "none", [], None, None),
    ("kimi k2.6 runs at 3 tok/s on my laptop, is that normal?", "none", [], None, None),
    ("check out my writeup comparing glm 5.1 and kimi k2.6", "none", [], None, None),
    ("can someone explain what a3b means in qwen3.6 35b a3b", "none", [], None, None),
    # a decimal comma; a reaction before a question
    ("glm 5,1 vs kimi k2,6 for coding", "compare", ["glm-5.1", "kimi-k2.6"], "coding", None),
    ("🔥 glm 5.1 is it worth it for agents", "profile", ["glm-5.1"], "agentic", None),
]

_BLIND42_CLASSES = [
    # versions alone opening a request for a use, or asked their difference
    ("5.5 or 5.4 for writing python", "compare", ["gpt-5.5", "gpt-5.4"], "coding", None),
    ("5.4 or 5.5, whats the diffrence", "compare", ["gpt-5.4", "gpt-5.5"], None, None),
    # a reason is no reasoning; category and measure phrases; a slip after a version
    (
        "kimi k2.6 vs glm 5.1, is there a reason to pick either",
        "compare",
        ["kimi-k2.6", "glm-5.1"],
        None,
        None,
    ),
    (
        "gpt-5.5 vs opus 4.8 for long-running tasks that run on their own",
        "compare",
        ["gpt-5.5", "claude-opus-4-8"],
        "agentic",
        None,
    ),
    ("fastest to start responding", "leaderboard", [], None, "latency"),
    (
        "glm 5.1 or kimi k2.6, which one can swallow the whole repo",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "context",
    ),
    (
        "how much less do i pay with glm 5.1 than kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "price",
    ),
    (
        "glm 5.1 vs kimi k2.6 for sience questions",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "knowledge",
        None,
    ),
    (
        "deepseek v4 pri vs glm 5.1 for math",
        "compare",
        ["deepseek-v4-pro", "glm-5.1"],
        "math",
        None,
    ),
    (
        "i dont care about price, glm 5.1 or kimi k2.6 for coding",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
    (
        "is glm 5.1 better than kimi k2.6 for coding and which is cheaper?",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        "price",
    ),
    # an unknown name opening a request; a version after "beat" asked of an unknown name
    ("gemma 5 12b for local coding", "not_found", [], "coding", None),
    ("gpt-7 when? would it beat 5.5", "not_found", ["gpt-5.5"], None, None),
    # about the bot's list; outages, birthdays and reactions
    ("is your model list up to date?", "help", [], None, None),
    ("is kimi k2.6 down again??", "none", [], None, None),
    ("my kid is turning 40... i mean 4o lol, birthday card ideas?", "none", [], None, None),
    ("🤡 kimi k2.6 thinking", "none", [], None, None),
]

_BLIND44_CLASSES = [
    # fillers before a question; a snapshot's month with its year
    (
        "ngl which would u pick for coding, glm 5.1 or kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        "coding",
        None,
    ),
    ("eh is glm 5.1 good at math", "profile", ["glm-5.1"], "math", None),
    (
        "claude 3.5 sonnet from june 2024 vs the october 2024 one",
        "compare",
        ["claude-3-5-sonnet-2024-06-20", "claude-3-5-sonnet-2024-10-22"],
        None,
        None,
    ),
    # a model left behind; a line's family asked which
    ("is glm 5.1 any good? thinking of moving from claude", "profile", ["glm-5.1"], None, None),
    ("qwen3 family, which is fastest?", "clarify", [], None, "speed"),
    # phrases: an input's length, voice input, the king of a use
    ("how long of an input can glm 5.1 take", "profile", ["glm-5.1"], None, "context"),
    (
        "which handles voice input better, gemma 4 e4b or e2b",
        "compare",
        ["gemma-4-e4b-it", "gemma-4-e2b-it"],
        "multimodal",
        None,
    ),
    ("who's the king of coding right now", "leaderboard", [], "coding", None),
    # one's own stack, an api key's errors, a joke, a claim
    ("rate my stack: glm 5.1 for chat and kimi k2.6 for code", "none", [], None, None),
    ("my claude api key keeps 403ing, help", "none", [], None, None),
    ("who let the kimi k2.6 fans in lol", "none", [], None, None),
    ("glm 5.1 codes better than anything closed, not even close", "none", [], None, None),
]

_BLIND46_CLASSES = [
    # whichever replies quickest; a version and a tier its line does not have
    (
        "glm 5.1 or kimi k2.6, whichever replies quickest",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "latency",
    ),
    ("fugu 3 ultra any scores yet", "not_found", [], None, None),
    ("gemma 5 for my laptop", "not_found", [], None, None),
    # ozone, a function of a number, a follow-up pointing at two the bot cannot see
    ("o3 smells weird after lightning storms", "none", [], None, None),
    ("can the ozone layer recover, o3 levels are rising", "none", [], None, None),
    ("what's phi(12)?", "none", [], None, None),
    ("and the faster of the two?", "none", [], None, None),
    # a ranking asked of the bot's numbers, a follow-up asking which one, a maker's anything
    ("whats the cheapest model you have numbers for", "leaderboard", [], None, "price"),
    ("ok but what about for coding then, which one", "leaderboard", [], "coding", None),
    ("which gemini should i use for coding", "leaderboard", [], "coding", None),
    (
        "anything from anthropic that takes pdfs and is good at coding?",
        "leaderboard",
        [],
        "coding",
        None,
    ),
    # thoughts asked; one's own slowness
    ("glm 5.1 thoughts", "profile", ["glm-5.1"], None, None),
    ("glm 5.1 feels slow today, is that normal?", "none", [], None, None),
]

# Readings a review of the rounds' rules found they had broken, kept right
_REVIEWED = [
    ("can you show me the coding leaderboard", "leaderboard", [], "coding", None),
    ("can grok 4.3 write regex", "profile", ["grok-4.3"], "coding", None),
    ("does o3 recover well from tool errors", "profile", ["o3"], "agentic", None),
    ("gpt-7 will be insane at coding lol", "none", [], None, None),
    ("are gpt-5.5 prices down", "profile", ["gpt-5.5"], None, "price"),
    ("which model is best for math and reasoning", "leaderboard", [], "reasoning", None),
    (
        "i want something fast and grok 4 is slow, what should i use",
        "profile",
        ["grok-4"],
        None,
        "speed",
    ),
    ("anything open source that's close to the level of openai", "none", [], None, None),
    (
        "opus 4.8 vs gpt-5.5 which reasons better for math",
        "compare",
        ["claude-opus-4-8", "gpt-5.5"],
        "math",
        None,
    ),
    ("best model for computer science homework", "leaderboard", [], "coding", None),
    ("will opus 4.8 go down in price", "profile", ["claude-opus-4-8"], None, "price"),
]

_BLIND50_CLASSES = [
    # a measure said as credits burned or afforded; voice sent
    (
        "glm 5.1 or kimi k2.6, which burns less of my credits",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "price",
    ),
    (
        "which can i afford for a side project, glm 5.1 or kimi k2.6",
        "compare",
        ["glm-5.1", "kimi-k2.6"],
        None,
        "price",
    ),
    (
        "gemma 4 e4b vs e2b for sending voice clips",
        "compare",
        ["gemma-4-e4b-it", "gemma-4-e2b-it"],
        "multimodal",
        None,
    ),
    # a maker left behind; a remark ending "worth it tho"; a salute
    (
        "we're moving off anthropic, need 200k context under $1, what's best",
        "leaderboard",
        [],
        None,
        None,
    ),
    ("kimi k2.6 ate my whole budget 💸 worth it tho", "none", [], None, None),
    ("🫡 kimi k2.6", "none", [], None, None),
]


@pytest.mark.parametrize(
    ("text", "intent", "models", "category", "metric"),
    [
        *_BLIND24_CLASSES,
        *_BLIND26_CLASSES,
        *_BLIND28_CLASSES,
        *_BLIND30_CLASSES,
        *_BLIND32_CLASSES,
        *_BLIND34_CLASSES,
        *_BLIND36_CLASSES,
        *_BLIND38_CLASSES,
        *_BLIND40_CLASSES,
        *_BLIND42_CLASSES,
        *_BLIND44_CLASSES,
        *_BLIND46_CLASSES,
        *_REVIEWED,
        *_BLIND50_CLASSES,
    ],
)
def test_the_classes_blind_sets_taught(
    engine: Engine,
    text: str,
    intent: str,
    models: list[str],
    category: str | None,
    metric: str | None,
) -> None:
    q = engine.understander.parse(text, TODAY)
    if intent == "none":
        assert q.intent == "none", text
        return
    assert (q.intent, q.models, q.category, q.metric) == (intent, models, category, metric), text


def test_the_change_log_of_one_model_a_span_away_and_a_new_leader(engine: Engine) -> None:
    q = engine.understander.parse("did kimi k2.6's score go down after the update?", TODAY)
    assert (q.intent, q.models, q.kind) == ("changes", ["kimi-k2.6"], "score")
    q = engine.understander.parse("away for 3 weeks, anything new?", TODAY)
    assert (q.intent, q.since_days) == ("changes", 21)
    q = engine.understander.parse("new best model for coding?", TODAY)
    assert (q.intent, q.category, q.kind) == ("changes", "coding", "leader")
    q = engine.understander.parse("have the scores for kimi k2.6 been revised lately", TODAY)
    assert (q.intent, q.models, q.kind) == ("changes", ["kimi-k2.6"], "score")
    q = engine.understander.parse("did any model drop in price this week?", TODAY)
    assert (q.intent, q.kind, q.since_days) == ("changes", "price", 7)


def test_a_thinking_mode_asked_and_a_thinking_model_refused(engine: Engine) -> None:
    q = engine.understander.parse("is there a model with a thinking mode under $1", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", None, True)
    q = engine.understander.parse('open model that isn\'t a "thinking" one for chat', TODAY)
    assert (q.intent, q.filters.reasoning) == ("leaderboard", False)
    q = engine.understander.parse("best open model that doesn't do the thinking thing", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", None, False)
    q = engine.understander.parse("best thinking-enabled model under $2", TODAY)
    assert (q.intent, q.filters.reasoning, q.filters.max_price) == ("leaderboard", True, 2.0)
    q = engine.understander.parse("been away for a week, anything new?", TODAY)
    assert (q.intent, q.since_days) == ("changes", 7)
    q = engine.understander.parse("best reasoning-off model with 200k context", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", None, False)
    q = engine.understander.parse("top 3 models with audio input, reasoning on", TODAY)
    assert (q.intent, q.filters.modality, q.filters.reasoning) == ("leaderboard", "audio", True)
    q = engine.understander.parse("best coding model released this year with thinking", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", "coding", True)
    q = engine.understander.parse("what's the best thinking model", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", None, True)
    q = engine.understander.parse("best open model for coding, qwen only", TODAY)
    assert (q.intent, q.category, q.filters.maker) == ("leaderboard", "coding", "Alibaba")
    q = engine.understander.parse("any updates? was away on vacation", TODAY)
    assert q.intent == "changes"


def test_a_context_grown_and_a_leader_of_a_measure_changing(engine: Engine) -> None:
    q = engine.understander.parse("has any model's context window grown this month", TODAY)
    assert (q.intent, q.kind, q.since_days) == ("changes", "context", 30)
    q = engine.understander.parse("did the cheapest model change this week", TODAY)
    assert (q.intent, q.kind, q.since_days) == ("changes", "leader", 7)
    q = engine.understander.parse("has glm 5.1's price moved lately", TODAY)
    assert (q.intent, q.models, q.kind) == ("changes", ["glm-5.1"], "price")
    q = engine.understander.parse("what just dropped?", TODAY)
    assert (q.intent, q.kind) == ("changes", "new_model")
    q = engine.understander.parse("open models w/ a thinking mode under $1", TODAY)
    assert (q.intent, q.category, q.filters.reasoning) == ("leaderboard", None, True)


def test_an_image_made_and_a_kind_beside_another_requirement(engine: Engine) -> None:
    q = engine.understander.parse("cheapest model that can generate a photo of a dog", TODAY)
    assert (q.intent, q.metric, q.filters.modality) == ("leaderboard", "price", None)
    q = engine.understander.parse("best alibaba model that does vision and reasoning", TODAY)
    assert (q.category, q.filters.modality, q.filters.reasoning) == (None, "image", True)


def test_an_input_said_with_a_slip_or_as_a_photo_is_a_condition(engine: Engine) -> None:
    q = engine.understander.parse("whats the cheapest modle with vison", TODAY)
    assert (q.intent, q.category, q.metric, q.filters.modality) == (
        "leaderboard",
        None,
        "price",
        "image",
    )
    q = engine.understander.parse("cheapest model that can look at a photo of my fridge", TODAY)
    assert (q.intent, q.metric, q.filters.modality) == ("leaderboard", "price", "image")
    q = engine.understander.parse("the mistral office looks great in that photo", TODAY)
    assert q.intent == "none"


def test_a_volume_of_tokens_sets_no_context_limit(engine: Engine) -> None:
    q = engine.understander.parse("cheapest model for 50M tokens a month", TODAY)
    assert (q.intent, q.metric, q.filters.min_context) == ("leaderboard", "price", None)
