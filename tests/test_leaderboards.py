"""The independent leaderboards' formats: each parser on a few rows written here in the source's
own layout gives exactly the rows the catalog build and a refresh read, and broken input gives one
CatalogError that names the file and the record an operator has to look at."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.catalog.errors import CatalogError
from bot.sources.leaderboards import (
    AIDER_URL,
    EPOCH_HUB,
    LIVEBENCH_URL,
    TAU2_URL,
    VECTARA_URL,
    SourceRow,
    aider_name,
    epoch_skipped,
    parse_aider,
    parse_epoch,
    parse_livebench,
    parse_tau2,
    parse_vectara,
)

AS_OF = dt.date(2026, 5, 14)


def _rows(rows: list[SourceRow]) -> list[tuple]:
    return [
        (r.name, r.benchmark, r.value, r.url, r.date, r.effort, r.agent, r.self_reported)
        for r in rows
    ]


# -- Epoch AI ---------------------------------------------------------------------------------

# Epoch's own run: fractions, a log viewer per run, the run's start time.
GPQA = b"""Model version,mean_score,Best score (across scorers),Release date,Organization,Country,Training compute (FLOP),Training compute notes,stderr,Log viewer,Logs,Started at,id
gpt-5.5_xhigh,0.9400252525252525,0.9400252525252525,2026-04-23,OpenAI,United States of America,,,0.0154,https://logs.epoch.ai/inspect-viewer/36231d6d/viewer.html?log_file=FUv4,https://epoch-benchmarks-production-public.s3.us-east-2.amazonaws.com/inspect_ai_logs/FUv4.eval,2026-04-24T13:35:12.000Z,FUv4
claude-opus-4-5-20251101_32K,0.8371,0.8371,2025-11-24,Anthropic,United States of America,,,0.02,,,2025-11-25T09:00:00.000Z,abc1
gemini-3-pro-preview,,,2025-11-18,Google DeepMind,United States of America,,,,,,2025-11-19T10:00:00.000Z,abc2
"""
# A compiled leaderboard: its Source column holds the upstream's address, its Agent the harness.
TERMINAL_BENCH = b"""Model version,Agent,Accuracy mean,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Accuracy SE,Agent Org,Model Org,Run date,Notes,Source,Source Link,Created,Name,id
gpt-5.5_unknown,Codex,0.8200000000000001,2026-04-23,OpenAI,United States of America,,,0.022,OpenAI,OpenAI,2026-04-23,,https://www.tbench.ai/leaderboard/terminal-bench/2.0,,2026-04-23T21:29:38.000Z,GPT-5.5,recJA7K9RNsgzOaAU
claude-opus-4-6_unknown,Terminus 2,0.629,2026-02-05,Anthropic,United States of America,,,0.03,Stanford,Anthropic,2026-02-07,,Terminal-Bench v2 Leaderboard,,2026-02-08T10:00:00.000Z,Claude Opus 4.6,rec2
"""
# A compiled leaderboard without a source column: the upstream the file is known to copy.
ARC_AGI_2 = b"""Model version,Score,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Name,Notes,id
gpt-5.5_xhigh,0.85,2026-04-23,OpenAI,United States of America,,,GPT-5.5 (xHigh),,recPMkvFz7bdsGYig
"""
# Already in percent; a row naming no model; a vendor's announcement is a vendor's claim.
OSWORLD = b"""Model version,Score,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Agent,Source,Source link,Notes (details),Date added,Trajectories
,65.4,,,,,,agi-0 (50 steps),OS World Website,https://os-world.github.io/,,2025-11-16,
claude-sonnet-4-5-20250929,62.9,2025-09-29,Anthropic,United States of America,,,claude-sonnet-4-5-20250929 (100 steps),OS World Website,https://os-world.github.io/,,2025-10-30,
claude-opus-4-6,72.7,2026-02-05,Anthropic,United States of America,,,Claude agent,Anthropic annoucement,https://www.anthropic.com/news/claude-opus-4-6,,2026-02-06,
"""
# Epoch's index: no fraction, no date of its own.
ECI = b"""Model version,ECI Score,Release date,Organization,Country,Model accessibility,Training compute (FLOP),Confidence,Model name,Description,Display name
gpt-5.5-pre-release_xhigh,157.87738467616128,2026-04-23,OpenAI,United States of America,API access,,Likely,GPT-5.5,,GPT-5.5 (xhigh)
"""
# Vendors' paper figures: not read.
MMLU = b"""Model version,EM,Release date,Organization
gpt-4-0613,0.864,2023-06-13,OpenAI
"""


def epoch_files(**override: bytes) -> dict[str, bytes]:
    files = {
        "gpqa_diamond.csv": GPQA,
        "terminalbench_external.csv": TERMINAL_BENCH,
        "arc_agi_2_external.csv": ARC_AGI_2,
        "os_world_external.csv": OSWORLD,
        "epoch_capabilities_index.csv": ECI,
        "mmlu_external.csv": MMLU,
        "webdev_arena_external.csv": b"Model version,Elo\ngpt-5,1450\n",
    }
    files.update(override)
    return files


def test_epoch_rows_in_percent_with_the_upstream_named() -> None:
    rows = parse_epoch(epoch_files(), AS_OF)
    assert _rows(rows) == [
        ("gpt-5.5_xhigh", "arc-agi-v2", 85.0, "https://arcprize.org/leaderboard", AS_OF, None, None, False),
        ("gpt-5.5-pre-release_xhigh", "epoch-capabilities-index", 157.8774, EPOCH_HUB, AS_OF, None, None, False),
        # Epoch's own runs: the log of the run, else the hub; the run's date
        ("gpt-5.5_xhigh", "gpqa", 94.0025, "https://logs.epoch.ai/inspect-viewer/36231d6d/viewer.html?log_file=FUv4", dt.date(2026, 4, 24), None, None, False),
        ("claude-opus-4-5-20251101_32K", "gpqa", 83.71, EPOCH_HUB, dt.date(2025, 11, 25), None, None, False),
        ("claude-sonnet-4-5-20250929", "osworld", 62.9, "https://os-world.github.io/", dt.date(2025, 10, 30), None, "claude-sonnet-4-5-20250929 (100 steps)", False),
        ("claude-opus-4-6", "osworld", 72.7, "https://www.anthropic.com/news/claude-opus-4-6", dt.date(2026, 2, 6), None, "Claude agent", True),
        # OpenAI's own agent (Codex) running GPT-5.5: the vendor's submission
        ("gpt-5.5_unknown", "terminal-bench-2.0", 82.0, "https://www.tbench.ai/leaderboard/terminal-bench/2.0", dt.date(2026, 4, 23), None, "Codex", True),
        ("claude-opus-4-6_unknown", "terminal-bench-2.0", 62.9, "https://www.tbench.ai/leaderboard/terminal-bench/2.0", dt.date(2026, 2, 7), None, "Terminus 2", False),
    ]  # fmt: skip
    assert rows[1].note == "GPT-5.5 (xhigh)"  # the build report shows Epoch's display name


def test_epoch_compiled_rows_carry_their_run_date() -> None:
    bash_only = b"""Model version,% Resolved,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Avg. Cost ($),Date run,Notes,Source,Source link,SWE-Agent Release Version,id
claude-opus-4-5-20251101,0.768,2025-11-24,Anthropic,United States of America,,,0.75,2026-02-17,,swebench.com leaderboard (bash only),https://www.swebench.com/,2.0.0,recLrUUr2xkS6AftK
"""
    gso = b"""Model version,Scaffold,Score OPT@1,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Score OPT@10,Notes,Source,Source link,OPT@1 (hack-adjusted),OPT@10 (hack-adjusted),Evaluation date,id
claude-opus-4-7_high,OpenHands,0.441,2026-04-16,Anthropic,United States of America,,,,,GSO Leaderboard,,0.422,,2026-04-27,reccHX8eA2pr1NUgv
"""
    rows = parse_epoch({"swe_bench_bash.csv": bash_only, "gso_external.csv": gso}, AS_OF)
    assert {r.benchmark: r.date for r in rows} == {
        "gso": dt.date(2026, 4, 27),
        "swe-bench-bash-only": dt.date(2026, 2, 17),
    }


def test_epoch_files_not_read_say_why() -> None:
    assert epoch_skipped(epoch_files()) == {
        "mmlu_external.csv": "classic benchmark compiled from the models' own papers (vendor claims)",
        "webdev_arena_external.csv": "an Elo rating, not a score on a fixed scale",
    }


# -- LiveBench --------------------------------------------------------------------------------

CATEGORIES = {
    "Reasoning": ["theory_of_mind", "zebra_puzzle", "spatial", "logic_with_navigation"],
    "Coding": ["code_generation", "code_completion"],
    "Agentic Coding": ["javascript", "typescript", "python"],
    "Mathematics": ["AMPS_Hard", "integrals_with_game", "math_comp", "olympiad"],
    "Data Analysis": ["consecutive_events", "tablejoin", "tablereformat"],
    "Language": ["connections", "plot_unscrambling", "typos"],
    "IF": ["paraphrase", "simplify", "story_generation", "summarize"],
}
TASKS = sorted(t for tasks in CATEGORIES.values() for t in tasks)


def livebench_table(rows: dict[str, dict[str, str]]) -> bytes:
    """A table.csv as LiveBench writes it: `model`, then one column per task (alphabetical)."""
    lines = [",".join(["model", *TASKS])]
    for model, scores in rows.items():
        lines.append(",".join([model, *(scores.get(t, "") for t in TASKS)]))
    return ("\n".join(lines) + "\n").encode()


def every_task(value: float) -> dict[str, str]:
    return {t: str(value) for t in TASKS}


def livebench_files(table: bytes, cats: object = CATEGORIES) -> dict[str, bytes]:
    return {"table.csv": table, "categories.json": json.dumps(cats).encode()}


def test_livebench_category_is_the_mean_of_its_tasks() -> None:
    full = every_task(50.0) | {"code_generation": "70.423", "code_completion": "60.87"}
    partial = every_task(40.0)
    del partial["typescript"]  # Agentic Coding not run in full
    table = livebench_table({"gpt-5.5-xhigh": full, "claude-opus-4-7-high-effort": partial})
    rows = parse_livebench(livebench_files(table), AS_OF)
    by = {(r.name, r.benchmark): r.value for r in rows}
    assert by[("gpt-5.5-xhigh", "livebench-coding")] == 65.647  # (70.423 + 60.87) / 2
    assert by[("gpt-5.5-xhigh", "livebench-reasoning")] == 50.0
    # the global average: the mean of the seven categories
    assert by[("gpt-5.5-xhigh", "livebench")] == 52.235  # (65.6465 + 6 * 50) / 7
    # a category with a task missing is left out, and so is the global average that needs it
    partial_benches = {b for (m, b) in by if m == "claude-opus-4-7-high-effort"}
    assert "livebench-agentic-coding" not in partial_benches
    assert "livebench" not in partial_benches
    assert len(partial_benches) == 6
    assert {(r.url, r.date, r.source, r.self_reported) for r in rows} == {
        (LIVEBENCH_URL, AS_OF, "livebench", False)
    }


# -- Vectara ----------------------------------------------------------------------------------

VECTARA_README = """# Hallucination Leaderboard

Public LLM leaderboard computed using Vectara's Hughes Hallucination Evaluation Model.

|Model|Hallucination Rate|
|----|----:|
|an/example-outside-the-markers|99.0 %|

<!-- LEADERBOARD_START -->
Last updated on March 10, 2026

![Plot: hallucination rates of various LLMs](./img/top25_hallucination_rates_2026-03-06.png)

|Model|Hallucination Rate|Factual Consistency Rate|Answer Rate|Average Summary Length (Words)|
|----|----:|----:|----:|----:|
|google/gemini-2.5-flash-lite|3.3 %|96.7 %|99.5 %|95.7|
|meta-llama/Llama-3.3-70B-Instruct-Turbo|4.1 %|95.9 %|99.5 %|64.6|
|openai/gpt-5.1-high-2025-11-13|12.1 %|87.9 %|100.0 %|201.3|
|an/unrated-model|n/a|n/a|0.0 %|0|

<!-- LEADERBOARD_END -->

|Model|Hallucination Rate|
|----|----:|
|another/table-after-the-markers|50.0 %|
"""


def test_vectara_reads_the_table_between_its_markers() -> None:
    rows = parse_vectara({"README.md": VECTARA_README.encode()}, AS_OF)
    march = dt.date(2026, 3, 10)  # its own "Last updated", not the snapshot's date
    assert _rows(rows) == [
        ("google/gemini-2.5-flash-lite", "vectara-hallucination", 3.3, VECTARA_URL, march, None, None, False),
        ("meta-llama/Llama-3.3-70B-Instruct-Turbo", "vectara-hallucination", 4.1, VECTARA_URL, march, None, None, False),
        ("openai/gpt-5.1-high-2025-11-13", "vectara-hallucination", 12.1, VECTARA_URL, march, None, None, False),
    ]  # fmt: skip


# -- tau2-bench -------------------------------------------------------------------------------


def submission(**fields: object) -> bytes:
    base: dict[str, object] = {
        "model_name": "Claude Opus 4.5",
        "model_organization": "Anthropic",
        "submitting_organization": "Sierra",
        "submission_date": "2026-02-26",
        "submission_type": "standard",
        "results": {
            "airline": {"pass_1": 84.0, "pass_2": 77.67, "pass_3": 73.5, "pass_4": 70.0},
            "retail": {"pass_1": 79.61, "pass_2": 67.4, "pass_3": 58.77, "pass_4": 51.75},
            "telecom": {"pass_1": None, "pass_2": None, "pass_3": None, "pass_4": None},
            "banking_knowledge": {"pass_1": 24.74, "retrieval_config": "alltools"},
        },
        "reasoning_effort": "high",
    }
    base.update(fields)
    return json.dumps(base).encode()


def tau2_files(**subs: bytes) -> dict[str, bytes]:
    return {f"submissions/{name}/submission.json": body for name, body in subs.items()}


def test_tau2_pass1_per_domain_vendor_runs_marked_custom_scaffolds_skipped() -> None:
    files = tau2_files(
        **{
            "claude-opus-4-5_sierra_2026-02-26": submission(),
            # Anthropic running its own model: a vendor's figure
            "claude-opus-4-1_anthropic_2025-01-15": submission(
                model_name="Claude Opus 4.1",
                submitting_organization="Anthropic",
                submission_date="2025-08-05",
                submission_type=None,
                reasoning_effort=None,
                results={"retail": {"pass_1": 82.4}, "airline": {"pass_1": 56.0}},
            ),
            # a router around the model measures the scaffold: left out
            "distyl-buttonagent_distyl_2026-03-25": submission(
                model_name="Distyl ButtonAgent",
                submitting_organization="Distyl AI",
                model_organization="Distyl AI",
                submission_type="custom",
            ),
            # "enabled" says thinking is on, not how much: no effort
            "glm-5-think_sierra_2026-03-02": submission(
                model_name="GLM-5",
                model_organization="Zhipu AI",
                submission_date="2026-03-02",
                reasoning_effort="enabled",
                results={"retail": {"pass_1": 77.5}, "voice": {"pass_1": 10.0}},
            ),
        }
    )
    rows = parse_tau2(files, AS_OF)
    assert _rows(rows) == [
        ("Claude Opus 4.1", "tau2-retail", 82.4, TAU2_URL, dt.date(2025, 8, 5), None, None, True),
        ("Claude Opus 4.1", "tau2-airline", 56.0, TAU2_URL, dt.date(2025, 8, 5), None, None, True),
        ("Claude Opus 4.5", "tau2-airline", 84.0, TAU2_URL, dt.date(2026, 2, 26), "high", None, False),
        ("Claude Opus 4.5", "tau2-retail", 79.61, TAU2_URL, dt.date(2026, 2, 26), "high", None, False),
        ("Claude Opus 4.5", "tau2-banking", 24.74, TAU2_URL, dt.date(2026, 2, 26), "high", None, False),
        ("GLM-5", "tau2-retail", 77.5, TAU2_URL, dt.date(2026, 3, 2), None, None, False),
    ]  # fmt: skip


def test_tau2_a_vendor_under_another_name_is_still_the_vendor() -> None:
    files = tau2_files(
        qwen3_max_qwen_2024_09_23=submission(
            model_name="Qwen3-Max",
            model_organization="Qwen",
            submitting_organization="Alibaba",
            results={"retail": {"pass_1": 72.2}, "airline": {"pass_1": 59.5}},
        )
    )
    assert [r.self_reported for r in parse_tau2(files, AS_OF)] == [True, True]


# -- Aider ------------------------------------------------------------------------------------

AIDER_YAML = b"""- dirname: 2025-04-16-o3-high
  test_cases: 225
  model: o3 (high)
  edit_format: diff
  pass_rate_1: 53.8
  pass_rate_2: 79.6
  command: aider --model o3 --reasoning-effort high
  date: 2025-04-16
  total_cost: 111.0311

- dirname: 2025-04-17-o3-high-gpt41
  test_cases: 225
  model: o3 (high) + gpt-4.1
  edit_format: architect
  pass_rate_2: 82.7
  date: 2025-04-17

- dirname: 2025-05-28-deepseek-r1-0528
  test_cases: 225
  model: DeepSeek R1 (0528)
  edit_format: diff
  pass_rate_2: 71.4
  date: 2025-05-28

- dirname: 2025-02-25-sonnet-37-thinking
  test_cases: 225
  model: claude-3-7-sonnet-20250219 (32k thinking tokens)
  edit_format: diff
  pass_rate_2: 64.9
  date: 2025-02-25

- dirname: 2025-05-01-qwen3-235b
  test_cases: 225
  model: Qwen3 235B A22B diff, no think, Alibaba API
  edit_format: diff
  pass_rate_2: 59.6
  date: 2025-05-01

- dirname: 2024-12-26-deepseek-v3-prev
  test_cases: 225
  model: DeepSeek Chat V3 (prev)
  edit_format: diff
  pass_rate_2: 48.4
  date: 2024-12-26

- dirname: 2025-01-01-unscored
  model: gpt-4o-2024-08-06
  edit_format: diff
  date: 2025-01-01
"""


def test_aider_names_efforts_and_architect_pairs_skipped() -> None:
    rows = parse_aider({"polyglot_leaderboard.yml": AIDER_YAML}, AS_OF)
    assert _rows(rows) == [
        ("o3", "aider-polyglot", 79.6, AIDER_URL, dt.date(2025, 4, 16), "high", None, False),
        ("DeepSeek R1 0528", "aider-polyglot", 71.4, AIDER_URL, dt.date(2025, 5, 28), None, None, False),
        ("claude-3-7-sonnet-20250219", "aider-polyglot", 64.9, AIDER_URL, dt.date(2025, 2, 25), "32k thinking budget", None, False),
        ("Qwen3 235B A22B", "aider-polyglot", 59.6, AIDER_URL, dt.date(2025, 5, 1), "no thinking", None, False),
    ]  # fmt: skip
    assert rows[0].note == "o3 (high)"


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("o3 (high)", ("o3", "high")),
        ("gpt-5 (medium)", ("gpt-5", "medium")),
        ("gemini-2.5-pro-preview-06-05 (32k think)", ("gemini-2.5-pro-preview-06-05", "32k thinking budget")),
        ("gemini-2.5-pro-preview-06-05 (default think)", ("gemini-2.5-pro-preview-06-05", "default")),
        ("claude-opus-4-20250514 (no think)", ("claude-opus-4-20250514", "no thinking")),
        ("DeepSeek-V3.2-Exp (Reasoner)", ("DeepSeek-V3.2-Exp", "thinking")),
        ("DeepSeek-V3.2-Exp (Chat)", ("DeepSeek-V3.2-Exp", "no thinking")),
        ("chatgpt-4o-latest (2025-03-29)", ("chatgpt-4o-latest 2025-03-29", None)),
        ("DeepSeek V3 (0324)", ("DeepSeek V3 0324", None)),
        ("Kimi K2", ("Kimi K2", None)),
        ("DeepSeek R1 + claude-3-5-sonnet-20241022", None),
        ("QwQ-32B + Qwen 2.5 Coder Instruct", None),
        ("DeepSeek Chat V3 (prev)", None),
    ],
)  # fmt: skip
def test_aider_name(raw: str, parsed: tuple[str, str | None] | None) -> None:
    assert aider_name(raw) == parsed


# -- broken input -----------------------------------------------------------------------------


def _error(parser, files: dict[str, bytes]) -> CatalogError:  # noqa: ANN001
    with pytest.raises(CatalogError) as info:
        parser(files, AS_OF)
    return info.value


@pytest.mark.parametrize(
    ("parser", "files", "file", "record", "words"),
    [
        # Epoch
        (parse_epoch, {"README.md": b"# Epoch"}, "epoch-ai", None, "none of the expected"),
        (parse_epoch, epoch_files(**{"gpqa_diamond.csv": b"\xff\xfe\x00garbage"}), "gpqa_diamond.csv", None, "not UTF-8"),
        (parse_epoch, epoch_files(**{"gpqa_diamond.csv": b""}), "gpqa_diamond.csv", None, "no header"),
        (parse_epoch, epoch_files(**{"gpqa_diamond.csv": b"Model version,score\ngpt-5,0.8\n"}), "gpqa_diamond.csv", None, "'mean_score'"),
        (parse_epoch, epoch_files(**{"gpqa_diamond.csv": GPQA.replace(b"0.8371,0.8371", b"1.8371,0.8371")}), "gpqa_diamond.csv", "row 3", "outside its scale"),
        # a file already in percent has the same top as the fractions
        (parse_epoch, epoch_files(**{"os_world_external.csv": OSWORLD.replace(b",62.9,", b",629,")}), "os_world_external.csv", "row 3", "outside its scale"),
        # LiveBench
        (parse_livebench, {"table.csv": livebench_table({})}, "livebench", None, "categories.json"),
        (parse_livebench, {"table.csv": livebench_table({}), "categories.json": b'{"Coding": ['}, "livebench/categories.json", None, "broken JSON"),
        (parse_livebench, livebench_files(livebench_table({}), ["code_generation"]), "livebench/categories.json", None, "category -> list of tasks"),
        (parse_livebench, livebench_files(livebench_table({"gpt-5.5-high": every_task(50) | {"python": "140"}})), "livebench/table.csv", "gpt-5.5-high", "outside 0..100"),
        # a table whose layout changed reads as an error, not as a leaderboard with no models
        (parse_livebench, livebench_files(livebench_table({"gpt-5.5-high": every_task(50)}).replace(b"model,", b"Model,", 1)), "livebench/table.csv", None, "no 'model' column"),
        (parse_livebench, livebench_files(livebench_table({"gpt-5.5-high": every_task(50)}), CATEGORIES | {"Coding": ["code_generation", "code_fixing"]}), "livebench/table.csv", None, "no column for Coding task 'code_fixing'"),
        # Vectara
        (parse_vectara, {}, "vectara/README.md", None, "between its markers"),
        (parse_vectara, {"README.md": VECTARA_README.replace("<!-- LEADERBOARD_END -->", "").encode()}, "vectara/README.md", None, "between its markers"),
        (parse_vectara, {"README.md": VECTARA_README.replace("|Model|Hallucination Rate|Factual", "|Model|Rate|Factual").encode()}, "vectara/README.md", None, "Hallucination Rate column"),
        (parse_vectara, {"README.md": VECTARA_README.replace("|3.3 %|", "|133 %|").encode()}, "vectara/README.md", "google/gemini-2.5-flash-lite", "hallucination rate 133"),
        # tau2-bench
        (parse_tau2, {"submissions/README.md": b"# how to submit"}, "tau2-bench", None, "no submission.json"),
        (parse_tau2, tau2_files(x=b'{"model_name": "GPT-5",'), "submissions/x/submission.json", None, "broken JSON"),
        (parse_tau2, tau2_files(x=submission(results=[84.0])), "submissions/x/submission.json", None, "no results"),
        (parse_tau2, tau2_files(x=submission(results={"retail": {"pass_1": 150.0}})), "submissions/x/submission.json", "retail", "pass_1 150.0 is outside 0..100"),
        # Aider
        (parse_aider, {"README.md": b"# aider"}, "aider", None, "polyglot_leaderboard.yml"),
        (parse_aider, {"polyglot_leaderboard.yml": b"- model: o3\n  pass_rate_2: [79.6\n"}, "aider/polyglot_leaderboard.yml", None, "broken YAML"),
        (parse_aider, {"polyglot_leaderboard.yml": b"model: o3\npass_rate_2: 79.6\n"}, "aider/polyglot_leaderboard.yml", None, "a list of runs"),
        (parse_aider, {"polyglot_leaderboard.yml": b"- model: o3\n  pass_rate_2: 79.6\n- just a string\n"}, "aider/polyglot_leaderboard.yml", "entry 1", "not a mapping"),
        (parse_aider, {"polyglot_leaderboard.yml": AIDER_YAML.replace(b"pass_rate_2: 71.4", b"pass_rate_2: 714")}, "aider/polyglot_leaderboard.yml", "DeepSeek R1 (0528)", "pass rate 714"),
    ],
)  # fmt: skip
def test_broken_input_names_the_file_and_record(
    parser,  # noqa: ANN001
    files: dict[str, bytes],
    file: str,
    record: str | None,
    words: str,
) -> None:
    err = _error(parser, files)
    assert err.file == file
    assert err.record == record
    assert words in str(err)


def test_aider_a_run_dated_with_a_time_is_dated_that_day() -> None:
    """YAML reads `date: 2025-04-16 12:30:00` as a timestamp; the row is dated, not timed (a
    refresh stores and reads back a date)."""
    yml = b"- model: o3 (high)\n  pass_rate_2: 79.6\n  date: 2025-04-16 12:30:00\n"
    [row] = parse_aider({"polyglot_leaderboard.yml": yml}, AS_OF)
    assert type(row.date) is dt.date and row.date == dt.date(2025, 4, 16)


def test_epoch_a_run_by_the_models_own_maker_is_the_vendors() -> None:
    tbench = b"""Model version,Agent,Accuracy mean,Release date,Organization,Country,Training compute (FLOP),Training compute notes,Accuracy SE,Agent Org,Model Org,Run date,Notes,Source,Source Link,Created,Name,id
gpt-5.5_unknown,Codex,0.82,2026-04-23,OpenAI,United States of America,,,0.022, OpenAI ,OpenAI,2026-04-23,,https://www.tbench.ai/leaderboard/terminal-bench/2.0,,2026-04-23T21:29:38.000Z,GPT-5.5,rec1
gpt-5.4-2026-03-05_unknown,ForgeCode,0.818,2026-03-05,OpenAI,United States of America,,,0.02,ForgeCode,OpenAI,2026-03-12,,https://www.tbench.ai/leaderboard/terminal-bench/2.0,,2026-04-23T21:29:39.000Z,GPT-5.4,rec2
"""
    rows = {
        r.name: r.self_reported for r in parse_epoch({"terminalbench_external.csv": tbench}, AS_OF)
    }
    assert rows == {"gpt-5.5_unknown": True, "gpt-5.4-2026-03-05_unknown": False}


def test_modelsdev_a_benchmark_version_names_the_edition(tmp_path) -> None:  # noqa: ANN001
    import json as _json

    from bot.sources import modelsdev

    models = {
        "openai/gpt-5.5": {
            "id": "openai/gpt-5.5",
            "name": "GPT-5.5",
            "benchmarks": [
                {
                    "name": "Terminal-Bench",
                    "version": "2.1",
                    "score": 78.2,
                    "source": "https://www.anthropic.com/news/claude-opus-4-8",
                },
                {
                    "name": "Terminal-Bench 2.1",
                    "version": "2.1",
                    "score": 78.2,
                    "source": "https://www.anthropic.com/news/claude-opus-4-8",
                },
            ],
        }
    }
    (tmp_path / "models.json").write_text(_json.dumps(models))
    (tmp_path / "api.json").write_text("{}")
    raw = modelsdev.read(tmp_path / "models.json", tmp_path / "api.json")
    assert [s.benchmark_key for s in raw[0].scores] == ["Terminal-Bench 2.1", "Terminal-Bench 2.1"]
