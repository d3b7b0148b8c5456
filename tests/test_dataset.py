"""The shipped dataset: what a user of the bot can count on finding in it."""

from __future__ import annotations

import re

import pytest

from bot.catalog.models import CATEGORY_IDS, Catalog

REQUIRED = """GPT-4, GPT-4 Turbo, GPT-4o, GPT-4o mini, GPT-4.1, GPT-4.1 mini, GPT-4.1 nano, GPT-4.5, o1,
o1-mini, o3, o3-mini, o4-mini, GPT-5, GPT-5 mini, GPT-5 nano, GPT OSS 120B, GPT OSS 20B,
Claude 3 Opus, Claude 3 Haiku, Claude 3.5 Haiku, Claude 3.7 Sonnet, Claude Sonnet 4, Claude Opus 4,
Claude Opus 4.1, Claude Sonnet 4.5, Claude Haiku 4.5, Gemini 1.5 Pro, Gemini 2.0 Flash,
Gemini 2.5 Pro, Gemini 2.5 Flash, Gemini 2.5 Flash-Lite, Gemma 3 27B, Gemma 3 12B, Gemma 4 12B,
Llama 3.1 405B, Llama 3.1 8B, Llama 3.3 70B, Llama 4 Maverick, Llama 4 Scout, DeepSeek-V3,
DeepSeek-R1, Qwen3 235B A22B, Qwen3 32B, Qwen2.5 72B, QwQ-32B, Mistral Large 2, Mistral Small 3.1,
Grok 3, Grok 4, Kimi K2, GLM-4.5, Phi 4"""

# Where the vendor's own spelling adds a suffix ("Instruct") or a snapshot month.
VENDOR_SPELLING = {
    "GPT-4o": "GPT-4o (Nov 2024)",
    "Llama 3.1 405B": "Llama 3.1 405B Instruct",
    "Llama 3.1 8B": "Llama 3.1 8B Instruct",
    "Llama 3.3 70B": "Llama 3.3 70B Instruct",
    "Qwen2.5 72B": "Qwen2.5 72B Instruct",
    "Mistral Small 3.1": "Mistral Small 3.1 24B Instruct",
    "Kimi K2": "Kimi K2 Instruct",
}


def _names(catalog: Catalog) -> set[str]:
    return {m.name for m in catalog.models}


@pytest.mark.parametrize("name", [n.strip() for n in REQUIRED.replace("\n", " ").split(",")])
def test_required_model_present(catalog: Catalog, name: str) -> None:
    assert VENDOR_SPELLING.get(name, name) in _names(catalog)


def test_sizes(catalog: Catalog) -> None:
    with_scores = {s.model for s in catalog.scores}
    assert len(catalog.models) >= 200
    assert len(with_scores) >= 150
    assert len(catalog.scores) >= 2000
    priced = [m for m in catalog.models if m.input_price is not None and m.output_price is not None]
    with_context = [m for m in catalog.models if m.context_window]
    assert len(priced) >= 150
    assert len(with_context) >= 200


def test_reference_pair_facts(catalog: Catalog) -> None:
    gemma = next(m for m in catalog.models if m.name == "Gemma 4 12B")
    gpt = next(m for m in catalog.models if m.name == "GPT-4.1")
    assert gemma.context_window == 256_000 and gemma.reasoning is True
    # its published figures are BenchLM's own export, which may not be shipped as ours
    assert catalog.scores_of(gemma.id) == {}
    assert (gpt.input_price, gpt.output_price) == (2.0, 8.0)
    assert gpt.context_window is not None and 1_000_000 <= gpt.context_window < 1_100_000
    # The page's speed and latency (108 tokens/s, 1.02 s) are Artificial Analysis measurements,
    # which may not be redistributed: the shipped data has none (an operator can opt in to them).
    assert all(m.output_speed is None and m.ttft is None for m in catalog.models)
    o = catalog.scores_of(gpt.id)
    # Epoch AI's own runs replace OpenAI's figures, which stay beside them
    assert (o["gpqa"].value, o["gpqa"].source, o["gpqa"].self_reported) == (
        66.919,
        "epoch-ai",
        False,
    )
    assert o["gpqa"].vendor_value == 66.3
    assert (o["swe-bench-verified"].value, o["swe-bench-verified"].vendor_value) == (48.542, 54.6)


def test_long_prompt_prices_and_short_labels_are_carried(catalog: Catalog) -> None:
    gpt = catalog.model("gpt-5.5")
    # OpenAI's list: $5 / $30, and $10 / $45 for a prompt past 272K tokens
    assert (gpt.input_price, gpt.output_price) == (5.0, 30.0)
    assert (gpt.long_context_from, gpt.long_input_price, gpt.long_output_price) == (
        272_000,
        10.0,
        45.0,
    )
    assert catalog.model("claude-opus-4-8").long_context_from is None  # one price throughout
    assert catalog.benchmark_by_id["swe-bench-pro"].short == "SWE Pro"
    assert catalog.benchmark_by_id["livebench-if"].short == "LB instructions"


def test_one_entry_per_real_model_and_snapshots_kept_apart(catalog: Catalog) -> None:
    ids = {m.id for m in catalog.models}
    # llm-stats' dated id and models.dev's undated one are one model
    gpt41 = [m for m in catalog.models if m.name == "GPT-4.1"]
    assert len(gpt41) == 1
    assert "gpt-4.1-2025-04-14" in gpt41[0].aliases
    assert set(gpt41[0].sources) == {"llm-stats", "models.dev"}
    # dated snapshots that share a name stay distinct and distinguishable by name
    gpt4o = sorted(m.name for m in catalog.models if m.name.startswith("GPT-4o ("))
    assert gpt4o == ["GPT-4o (Aug 2024)", "GPT-4o (May 2024)", "GPT-4o (Nov 2024)"]
    sonnets = sorted(m.name for m in catalog.models if m.name.startswith("Claude 3.5 Sonnet"))
    assert sonnets == ["Claude 3.5 Sonnet (Jun 2024)", "Claude 3.5 Sonnet (Oct 2024)"]
    assert len(ids) == len(catalog.models)
    lowered = [m.name.casefold() for m in catalog.models]
    assert len(lowered) == len(set(lowered))


def test_unknown_values_are_none_not_zero(catalog: Catalog) -> None:
    for m in catalog.models:
        assert m.context_window != 0 and m.output_speed != 0 and m.ttft != 0
    llama = next(m for m in catalog.models if m.name == "Llama 3.1 405B Instruct")
    assert llama.input_price is None  # no first-party price: unknown, not free


def test_one_scale_per_benchmark(catalog: Catalog) -> None:
    for s in catalog.scores:
        b = catalog.benchmark_by_id[s.benchmark]
        if b.unit == "percent":
            assert 0 <= s.value <= 100
    # llm-stats stores fractions; the catalog shows percent
    gpt = next(m for m in catalog.models if m.name == "GPT-4.1")
    assert catalog.scores_of(gpt.id)["mmlu"].value == pytest.approx(90.2)


def test_every_score_traces_to_a_source(catalog: Catalog) -> None:
    sources = {s.id for s in catalog.meta.sources}
    for s in catalog.scores:
        assert s.source in sources, s
        assert s.source_url and s.source_url.startswith("https://"), s
        assert "example.com" not in s.source_url
        if s.source in ("epoch-ai", "livebench", "vectara", "tau2-bench", "aider"):
            assert s.date is not None and s.self_reported is not None, s


def test_no_artificial_analysis_or_benchlm_sample_data(raw_catalog: dict) -> None:
    text = str({k: v for k, v in raw_catalog.items() if k != "meta"}).lower()
    assert "artificialanalysis" not in text
    assert "aa-index" not in text
    assert "artificial analysis" not in text
    assert "openrouter.ai" not in text
    # BenchLM's figures are read at run time only, at the operator's choice
    for s in raw_catalog["scores"]:
        assert "benchlm" not in (s["source_url"] or "") + (s.get("vendor_source_url") or "")


def test_categories_and_weights_live_in_data(catalog: Catalog) -> None:
    assert {c.id for c in catalog.categories} == set(CATEGORY_IDS)
    assert sum(c.weight for c in catalog.categories) == pytest.approx(1.0)
    weighted = [b for b in catalog.benchmarks if b.weight > 0]
    assert {b.category for b in weighted} == set(CATEGORY_IDS)
    # older benchmarks carry weight too, so 2023 models get category scores
    assert catalog.benchmark_by_id["mmlu"].weight > 0


def test_sources_credited(catalog: Catalog) -> None:
    by_id = {s.id: s for s in catalog.meta.sources}
    assert by_id["llm-stats"].licence == "CC BY 4.0"
    assert "changed" in by_id["llm-stats"].note.lower()
    assert by_id["models.dev"].licence == "MIT"
    assert re.fullmatch(r"[0-9a-f]{40}", by_id["llm-stats"].revision or "")


def test_build_is_reproducible(tmp_path, catalog: Catalog) -> None:
    """`python -m bot data build` from the source snapshots gives the committed file."""
    from bot.settings import Settings
    from tests.conftest import SHIPPED

    sources = Settings().sources_dir
    if not (sources / "llm-stats").is_dir() or not (sources / "models.dev").is_dir():
        pytest.skip(f"source snapshots not found at {sources}")
    from bot.sources.build import build, write_catalog

    out = tmp_path / "catalog.json"
    write_catalog(build(sources, SHIPPED.parent), out)
    assert out.read_text() == SHIPPED.read_text()
