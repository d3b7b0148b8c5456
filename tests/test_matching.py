"""Which catalog model a leaderboard's name is about, against the shipped catalog: the names the
five leaderboards really use for the well-known models, the effort each run was at, and the names
that must be left out because they are another model, a base model, or could be several."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.sources.independent import pick
from bot.sources.leaderboards import EPOCH_HUB, TAU2_URL, SourceRow, aider_name, read_leaderboards
from bot.sources.match import Entry, Matcher
from tests.conftest import ROOT

PINS = {
    k: v
    for k, v in json.loads((ROOT / "data" / "curated" / "source_names.json").read_text()).items()
    if k != "note"
}
REPORT = json.loads((ROOT / "data" / "build-report.json").read_text())
SOURCES = Settings(_env_file=None).sources_dir
TB = "https://www.tbench.ai/leaderboard/terminal-bench/2.0"


@pytest.fixture(scope="module")
def matchers(catalog: Catalog) -> dict[str, Matcher]:
    """Each leaderboard's matcher as a refresh builds it: the catalog's ids, names and aliases,
    release dates, and that leaderboard's pins from data/curated/source_names.json."""
    entries = [Entry(m.id, (m.id, m.name, *m.aliases), m.release_date) for m in catalog.models]
    return {src: Matcher(entries, PINS.get(src, {})) for src in REPORT["leaderboards"]}


@pytest.fixture(scope="module")
def snapshot_names() -> dict[str, set[str]]:
    """Every model name each leaderboard snapshot holds, as its parser reads it."""
    if not SOURCES.is_dir():
        pytest.skip(f"source snapshots not found at {SOURCES}")
    return {src: {r.name for r in rows} for src, rows, *_ in read_leaderboards(SOURCES)}


def _read(source: str, raw: str, effort: str | None) -> tuple[str, str | None]:
    """The name and effort as the source's parser hands them to the matcher."""
    if source == "aider":
        parsed = aider_name(raw)
        assert parsed is not None, raw
        return parsed
    return raw, effort


# (source, the name as the source writes it, the source's own effort field, catalog id, effort)
MATCHES = [
    # Epoch AI: API ids with effort suffixes, host prefixes
    ("epoch-ai", "gpt-5.5_xhigh", None, "gpt-5.5", "xhigh"),
    ("epoch-ai", "gpt-5.5-pre-release_xhigh", None, "gpt-5.5", "xhigh"),
    ("epoch-ai", "gpt-5.5-pro_xhigh", None, "gpt-5.5-pro", "xhigh"),
    ("epoch-ai", "gpt-5.4-2026-03-05_xhigh", None, "gpt-5.4", "xhigh"),
    ("epoch-ai", "gpt-5.4-pro-2026-03-05_xhigh", None, "gpt-5.4-pro", "xhigh"),
    ("epoch-ai", "gpt-5.3-codex_xhigh", None, "gpt-5.3-codex", "xhigh"),
    ("epoch-ai", "gpt-5.2-2025-12-11_xhigh", None, "gpt-5.2", "xhigh"),
    ("epoch-ai", "gpt-5.1-codex-max", None, "gpt-5.1-codex-max", None),
    ("epoch-ai", "gpt-5-2025-08-07_high", None, "gpt-5", "high"),
    ("epoch-ai", "claude-sonnet-4-5-20250929_32K", None, "claude-sonnet-4-5", "32k thinking budget"),
    ("epoch-ai", "claude-opus-4-5-20251101_64K", None, "claude-opus-4-5", "64k thinking budget"),
    ("epoch-ai", "claude-opus-4-6_120K", None, "claude-opus-4-6", "120k thinking budget"),
    ("epoch-ai", "claude-opus-4-7_max", None, "claude-opus-4-7", "max"),
    ("epoch-ai", "claude-haiku-4-5-20251001_unknown", None, "claude-haiku-4-5", "unknown"),
    ("epoch-ai", "gemini-3.1-pro-preview", None, "gemini-3.1-pro-preview", None),
    ("epoch-ai", "gemini-3.1-flash-lite", None, "gemini-3.1-flash-lite", None),  # GA, not the preview
    ("epoch-ai", "gemini-3-flash-preview", None, "gemini-3-flash-preview", None),
    ("epoch-ai", "grok-4-0709_high", None, "grok-4", "high"),
    ("epoch-ai", "DeepSeek-V3.2-Exp_high", None, "deepseek-v3.2-exp", "high"),
    ("epoch-ai", "fireworks/kimi-k2p5", None, "kimi-k2.5", None),
    ("epoch-ai", "kimi-k2-thinking", None, "kimi-k2-thinking", None),  # a model, not an effort
    ("epoch-ai", "kimi-k2-thinking-turbo", None, "kimi-k2-thinking-turbo", None),
    ("epoch-ai", "moonshotai/Kimi-K2-Thinking", None, "kimi-k2-thinking", None),
    ("epoch-ai", "MiniMax-M2.5", None, "minimax-m2.5", None),
    ("epoch-ai", "glm-5", None, "glm-5", None),
    ("epoch-ai", "zai-org/GLM-4.7", None, "glm-4.7", None),
    ("epoch-ai", "Qwen/Qwen3-235B-A22B-Thinking-2507", None, "qwen3-235b-a22b-thinking-2507", None),
    ("epoch-ai", "gpt-4o-2024-08-06", None, "gpt-4o-2024-08-06", None),  # dated snapshots apart
    ("epoch-ai", "gpt-4o-2024-11-20", None, "gpt-4o-2024-11-20", None),
    ("epoch-ai", "claude-3-5-sonnet-20240620", None, "claude-3-5-sonnet-2024-06-20", None),
    ("epoch-ai", "claude-3-5-sonnet-20241022", None, "claude-3-5-sonnet-2024-10-22", None),
    # LiveBench: words in another order, "-high-effort", "-thinking-64k", "-nothinking"
    ("livebench", "gpt-5.1-codex-max-high", None, "gpt-5.1-codex-max", "high"),  # not 5.1 Codex at max
    ("livebench", "gpt-5.5-xhigh", None, "gpt-5.5", "xhigh"),
    ("livebench", "gpt-5.2-2025-12-11-nothinking", None, "gpt-5.2", "no thinking"),
    ("livebench", "claude-4-1-opus-20250805-thinking-32k", None, "claude-opus-4-1", "32k thinking budget"),
    ("livebench", "claude-opus-4-5-20251101-thinking-64k-high-effort", None, "claude-opus-4-5", "64k thinking budget, high"),
    ("livebench", "claude-opus-4-8-xhigh-effort", None, "claude-opus-4-8", "xhigh"),
    ("livebench", "claude-sonnet-4-6-thinking-auto-high-effort", None, "claude-sonnet-4-6", "auto, high"),
    ("livebench", "gemini-3-pro-preview-11-2025-high", None, "gemini-3-pro-preview", "high"),
    ("livebench", "gemini-3.5-flash-high", None, "gemini-3.5-flash", "high"),
    ("livebench", "grok-4.20-beta-0309-reasoning", None, "grok-4.20-0309-reasoning", None),
    ("livebench", "grok-4.20-beta-0309-non-reasoning", None, "grok-4.20-0309-non-reasoning", None),
    ("livebench", "grok-4.3", None, "grok-4.3", None),
    ("livebench", "deepseek-v4-pro", None, "deepseek-v4-pro", None),
    ("livebench", "deepseek-v4-flash", None, "deepseek-v4-flash", None),
    ("livebench", "kimi-k2-thinking", None, "kimi-k2-thinking", None),
    ("livebench", "kimi-k2.6-thinking", None, "kimi-k2.6", "thinking"),
    ("livebench", "glm-5.1", None, "glm-5.1", None),
    ("livebench", "glm-5v-turbo", None, "glm-5v-turbo", None),  # not GLM-5-Turbo
    ("livebench", "minimax-m2.7", None, "minimax-m2.7", None),
    ("livebench", "qwen3.6-plus", None, "qwen3.6-plus", None),
    ("livebench", "qwen3.7-max", None, "qwen3.7-max", None),
    # Vectara: organisation prefixes, effort before the date, host packaging
    ("vectara", "openai/gpt-5.1-high-2025-11-13", None, "gpt-5.1", "high"),
    ("vectara", "openai/gpt-5-minimal-2025-08-07", None, "gpt-5", "minimal"),
    ("vectara", "openai/gpt-5.4-pro-2026-03-05", None, "gpt-5.4-pro", None),
    ("vectara", "openai/gpt-4o-2024-08-06", None, "gpt-4o-2024-08-06", None),
    ("vectara", "meta-llama/Llama-3.3-70B-Instruct-Turbo", None, "llama-3.3-70b-instruct", None),
    ("vectara", "anthropic/claude-opus-4-6", None, "claude-opus-4-6", None),
    ("vectara", "google/gemini-3.1-flash-lite-preview", None, "gemini-3.1-flash-lite-preview", None),
    ("vectara", "moonshotai/Kimi-K2.5", None, "kimi-k2.5", None),
    ("vectara", "MiniMaxAI/minimax-m2p5", None, "minimax-m2.5", None),
    ("vectara", "zai-org/glm-4p7", None, "glm-4.7", None),
    ("vectara", "qwen/qwen3.5-plus-2026-02-15", None, "qwen3.5-plus", None),
    ("vectara", "qwen/qwen3.5-122b-a10b", None, "qwen3.5-122b-a10b", None),
    # tau2-bench: display names, the effort in its own field
    ("tau2-bench", "Claude Opus 4.5", "high", "claude-opus-4-5", "high"),
    ("tau2-bench", "Claude Opus 4.8", "max", "claude-opus-4-8", "max"),
    ("tau2-bench", "Claude-Sonnet-4.5", None, "claude-sonnet-4-5", None),
    ("tau2-bench", "GPT-5.5", "xhigh", "gpt-5.5", "xhigh"),
    ("tau2-bench", "GPT-5.2", "none", "gpt-5.2", "none"),
    ("tau2-bench", "GLM-5.2", "xhigh", "glm-5.2", "xhigh"),
    ("tau2-bench", "Gemini 3 Pro", "high", "gemini-3-pro-preview", "high"),  # the only Gemini 3 Pro
    ("tau2-bench", "Gemini 3.1 Pro Preview", "high", "gemini-3.1-pro-preview", "high"),
    ("tau2-bench", "Grok 4 fast", "high", "grok-4-fast", "high"),
    ("tau2-bench", "Qwen3.5-397B-A17B", None, "qwen3.5-397b-a17b", None),
    # Aider: display names with the effort in parentheses, through aider_name
    ("aider", "o3 (high)", None, "o3", "high"),
    ("aider", "gpt-5 (high)", None, "gpt-5", "high"),
    ("aider", "DeepSeek-V3.2-Exp (Reasoner)", None, "deepseek-v3.2-exp", "thinking"),
    ("aider", "DeepSeek R1 (0528)", None, "deepseek-r1-0528", None),  # not the January R1
    ("aider", "claude-sonnet-4-20250514 (32k thinking)", None, "claude-sonnet-4", "32k thinking budget"),
    ("aider", "gemini-2.5-pro-preview-06-05 (32k think)", None, "gemini-2.5-pro-preview-06-05", "32k thinking budget"),
    ("aider", "Grok 3 Mini Beta (high)", None, "grok-3-mini", "high"),
    ("aider", "Qwen3 235B A22B diff, no think, Alibaba API", None, "qwen3-235b-a22b", "no thinking"),
    ("aider", "gpt-4o-2024-11-20", None, "gpt-4o-2024-11-20", None),
]  # fmt: skip

# (source, name, why it is left out): another model, a base model, a web app, a preview that is
# not the released model, a model the catalog does not have
LEFT_OUT = [
    ("epoch-ai", "gemma-2-9b", "no catalog model by that name"),  # the base model, not Gemma 2 9B IT
    ("epoch-ai", "DeepSeek-V3-Base", "listed as not a catalog model"),
    ("epoch-ai", "Qwen2.5-72B", "no catalog model by that name"),  # base of Qwen2.5 72B Instruct
    ("epoch-ai", "Llama-3.1-405B", "no catalog model by that name"),
    ("epoch-ai", "Mistral-Nemo-Base-2407", "no catalog model by that name"),
    ("epoch-ai", "gpt-5-chat", "listed as not a catalog model"),
    ("epoch-ai", "gpt-5.2-pro-2025-12-11-webapp", "no catalog model by that name"),
    ("epoch-ai", "gemini-3.1-pro-preview-customtools", "no catalog model by that name"),
    ("epoch-ai", "gemini-2.5-flash-preview-09-2025", "no catalog model by that name"),  # not May's GA
    ("epoch-ai", "mistral-small-2501", "no catalog model by that name"),  # not mistral-small-2409
    ("epoch-ai", "DeepSeek-V3.2-Speciale", "no catalog model by that name"),
    ("livebench", "gemini-2.5-flash-preview-09-2025-highthinking", "no catalog model by that name"),
    ("livebench", "deepseek-v3.2", "no catalog model by that name"),  # not DeepSeek-V3.2-Exp
    ("livebench", "deepseek-v3.2-thinking", "no catalog model by that name"),
    ("livebench", "gpt-5.3-instant", "no catalog model by that name"),
    ("vectara", "mistralai/mistral-small-2501", "no catalog model by that name"),
    ("vectara", "deepseek-ai/DeepSeek-V3.2", "no catalog model by that name"),
    ("tau2-bench", "Qwen3-Max-Thinking", "listed as not a catalog model"),  # not Qwen3-Max
    ("tau2-bench", "Grok 4.2", "no catalog model by that name"),  # which of the three Grok 4.20s?
    ("tau2-bench", "GPT-5.6-sol", "no catalog model by that name"),
]  # fmt: skip

# Undated names where the catalog holds several dated snapshots: never guessed, the snapshots named.
AMBIGUOUS = [
    ("gpt-4o", ("gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20")),
    ("openai/GPT-4o", ("gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20")),
    ("Claude 3.5 Sonnet", ("claude-3-5-sonnet-2024-06-20", "claude-3-5-sonnet-2024-10-22")),
    ("claude-3-5-sonnet-latest", ("claude-3-5-sonnet-2024-06-20", "claude-3-5-sonnet-2024-10-22")),
]


@pytest.mark.parametrize(("source", "raw", "given", "model", "effort"), MATCHES)
def test_leaderboard_name_matches_its_catalog_model(
    matchers: dict[str, Matcher],
    source: str,
    raw: str,
    given: str | None,
    model: str,
    effort: str | None,
) -> None:
    name, own_effort = _read(source, raw, given)
    m = matchers[source].match(name, own_effort)
    assert (m.model, m.effort) == (model, effort), m.reason


@pytest.mark.parametrize(("source", "raw", "why"), LEFT_OUT)
def test_names_that_are_not_a_catalog_model_are_left_out(
    matchers: dict[str, Matcher], source: str, raw: str, why: str
) -> None:
    m = matchers[source].match(raw)
    assert m.model is None and m.reason == why


@pytest.mark.parametrize(("raw", "candidates"), AMBIGUOUS)
def test_an_undated_name_of_several_snapshots_is_never_guessed(
    matchers: dict[str, Matcher], raw: str, candidates: tuple[str, ...]
) -> None:
    for source in ("epoch-ai", "vectara", "aider"):
        m = matchers[source].match(raw)
        assert m.model is None and m.candidates == candidates
        assert m.reason == "could mean several models: " + ", ".join(candidates)


def test_the_tables_hold_real_leaderboard_names(snapshot_names: dict[str, set[str]]) -> None:
    """Every name above is one the snapshots hold, as their parsers read it (the table is a
    record of what the leaderboards write, not of what a matcher would like)."""
    for source, raw, given, _, _ in MATCHES:
        name, _ = _read(source, raw, given)
        assert name in snapshot_names[source], (source, raw)
    for source, raw, _ in LEFT_OUT:
        assert raw in snapshot_names[source], (source, raw)
    modern = ("gpt-5", "claude-opus-4-", "claude-sonnet-4-", "gemini-3", "grok-4", "deepseek-v3.2")
    modern += ("deepseek-v4", "kimi-k2.", "glm-5", "qwen3.5", "qwen3.6", "qwen3.7", "minimax-m2")
    assert sum(1 for _, _, _, model, _ in MATCHES if model.startswith(modern)) >= 30


def test_aider_architect_pairs_name_no_one_model() -> None:
    assert aider_name("o3 (high) + gpt-4.1") is None
    assert aider_name("DeepSeek R1 + claude-3-5-sonnet-20241022") is None


def test_a_dated_name_far_from_an_undated_models_release_is_another_model(
    matchers: dict[str, Matcher],
) -> None:
    """Gemini 2.5 Flash came out in May 2025; a September 2025 preview of it is a different
    model, and so is any dated name far from a model's release once words were set aside."""
    m = matchers["epoch-ai"]
    assert m.match("gemini-2.5-flash").model == "gemini-2.5-flash"
    assert m.match("gemini-2.5-flash-preview-09-2025").model is None
    assert m.match("gemini-2.5-flash-preview-05-20").model is None  # not in the catalog either
    # a snapshot date that is the model's own release fits
    assert m.match("claude-opus-4-5-20251101").model == "claude-opus-4-5"


def test_build_report_counts_add_up(catalog: Catalog) -> None:
    """What `python -m bot data build` reports per leaderboard: every row it read was matched or
    left out with a reason, and every name it matched is a catalog model."""
    ids = {m.id for m in catalog.models}
    for source, r in REPORT["leaderboards"].items():
        assert r["rows"] == r["matched"] + sum(r["left_out"].values()), source
        assert r["matched"] > 0 and r["scores"] <= r["matched"], source
        assert set(r["names_matched"]).isdisjoint(r["names_left_out"]), source
        assert set(r["names_matched"].values()) <= ids, source
        assert r["models"] == len(set(r["names_matched"].values())), source
        # the scores the catalog credits to the leaderboard are for models it matched
        credited = {s.model for s in catalog.scores if s.source == source}
        assert credited and credited <= set(r["names_matched"].values()), source
        assert len([s for s in catalog.scores if s.source == source]) <= r["scores"], source


def test_build_report_rows_are_the_snapshots_rows() -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"source snapshots not found at {SOURCES}")
    for source, rows, *_ in read_leaderboards(SOURCES):
        assert REPORT["leaderboards"][source]["rows"] == len(rows), source


def test_pins_name_catalog_models(catalog: Catalog) -> None:
    ids = {m.id for m in catalog.models}
    for source, pins in PINS.items():
        assert set(pins.values()) - {None} <= ids, source


def test_one_run_stands_for_each_model_and_benchmark(matchers: dict[str, Matcher]) -> None:
    """Of a model's runs on one benchmark: an independent one before the vendor's own, then the
    highest effort, then the best score; the run's effort and harness are kept with it."""
    day = dt.date(2026, 4, 24)
    rows = [
        SourceRow("epoch-ai", "gpt-5.5_high", "gpqa", 93.5, EPOCH_HUB, day),
        SourceRow("epoch-ai", "gpt-5.5_xhigh", "gpqa", 92.1, EPOCH_HUB, day),
        SourceRow("epoch-ai", "gpt-5.5-pre-release_xhigh", "gpqa", 94.0, EPOCH_HUB, day),
        SourceRow("epoch-ai", "gpt-5.5_unknown", "terminal-bench-2.0", 82.0, TB, day, agent="Codex"),
        SourceRow("epoch-ai", "gpt-5.5_unknown", "terminal-bench-2.0", 75.1, TB, day, agent="Terminus 2"),
        SourceRow("epoch-ai", "claude-opus-4-5-20251101_64K", "gpqa", 86.9, EPOCH_HUB, day),
        SourceRow("epoch-ai", "claude-opus-4-5-20251101_128K", "gpqa", 86.1, EPOCH_HUB, day),
        SourceRow("epoch-ai", "gemma-2-9b", "gpqa", 20.0, EPOCH_HUB, day),
        SourceRow("epoch-ai", "gpt-5.5_xhigh", "mmlu-made-up", 99.0, EPOCH_HUB, day),
    ]  # fmt: skip
    picked, report = pick("epoch-ai", rows, matchers["epoch-ai"], {"gpqa", "terminal-bench-2.0"})
    assert [(p.model, p.benchmark, p.value, p.variant) for p in picked] == [
        ("claude-opus-4-5", "gpqa", 86.1, "128k thinking budget"),
        ("gpt-5.5", "gpqa", 94.0, "xhigh"),
        ("gpt-5.5", "terminal-bench-2.0", 82.0, "Codex"),  # "unknown" effort is not shown
    ]
    assert (report.rows, report.matched, report.scores) == (9, 7, 3)
    assert report.left_out == {
        "no catalog model by that name": 1,
        "benchmark mmlu-made-up not in the method": 1,
    }
    assert report.rows == report.matched + sum(report.left_out.values())
    tau2 = [
        SourceRow("tau2-bench", "Claude Sonnet 4.5", "tau2-retail", 86.2, TAU2_URL, day, self_reported=True),
        SourceRow("tau2-bench", "Claude Sonnet 4.5", "tau2-retail", 72.37, TAU2_URL, day),
    ]  # fmt: skip
    [run] = pick("tau2-bench", tau2, matchers["tau2-bench"], {"tau2-retail"})[0]
    assert (run.value, run.self_reported) == (72.37, False)
