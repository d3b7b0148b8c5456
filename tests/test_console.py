"""The command line and the console, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli


def test_ask_prints_text(env: dict[str, str]) -> None:
    result = run_cli(["ask", "gemma 4 12b vs gpt-4.1?"], env)
    assert result.returncode == 0
    assert "Gemma 4 12B vs GPT-4.1" in result.stdout and "$2 / $8" in result.stdout


def test_ask_json_fields(env: dict[str, str]) -> None:
    result = run_cli(
        ["ask", "--json", "which is better for coding, claude sonnet 4 or gpt 4.1"], env
    )
    data = json.loads(result.stdout)
    assert data["intent"] == "compare"
    assert data["models"] == ["Claude Sonnet 4", "GPT-4.1"]
    assert data["category"] == "coding" and data["metric"] is None
    assert data["candidates"] == [] and data["text"] and data["answer"]["intent"] == "compare"


def test_batch_json_one_line_per_message(env: dict[str, str], tmp_path: Path) -> None:
    batch = tmp_path / "messages.txt"
    batch.write_text("claude vs gpt\ngpt-9 vs claude 7\n\nbest model for math?\nhello there\n")
    result = run_cli(["ask", "--batch", str(batch), "--json"], env)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["intent"] for d in lines] == ["clarify", "not_found", "leaderboard", "none"]
    assert lines[0]["candidates"] and lines[1]["candidates"]


def test_run_without_token_is_the_console(env: dict[str, str]) -> None:
    result = run_cli(["run"], env, stdin="help\ntell me about o3\nquit\n")
    assert result.returncode == 0
    assert "console over" in result.stdout and "How to use me" in result.stdout
    assert "o3 (OpenAI, Apr 2025) is #" in result.stdout and "By category" in result.stdout
    assert "**" not in result.stdout  # Discord's Markdown is not printed in the console


def test_run_survives_end_of_input(env: dict[str, str]) -> None:
    result = run_cli(["run"], env, stdin="gpt-4.1 vs o3\n")
    assert result.returncode == 0 and "GPT-4.1 vs o3" in result.stdout
