"""The command line and the console, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SHIPPED, run_cli


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


def test_a_batch_line_that_is_not_utf8_is_one_error_and_the_batch_goes_on(
    env: dict[str, str], tmp_path: Path
) -> None:
    batch = tmp_path / "messages.txt"
    batch.write_bytes(b"gpt-4.1 vs o3\nbest \xff model for \xfemath?\nbest model for math?\n")
    for as_json in (False, True):
        result = run_cli(["ask", "--batch", str(batch)] + (["--json"] if as_json else []), env)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr, result.stderr
        errors = result.stderr.strip().splitlines()
        assert len(errors) == 1, errors
        assert f"{batch}, line 2" in errors[0] and "UTF-8" in errors[0], errors[0]
        if as_json:
            rows = [json.loads(line) for line in result.stdout.splitlines()]
            assert [r.get("intent") for r in rows] == ["compare", None, "leaderboard"]
            assert rows[1]["line"] == 2 and "UTF-8" in rows[1]["error"]
        else:
            assert "GPT-4.1 vs o3" in result.stdout and "math" in result.stdout.lower()


def _shipped_copy(tmp_path: Path, env: dict[str, str]) -> Path:
    """A data folder of its own, loaded into the test's database, as a deployed bot has."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "catalog.json").write_bytes(SHIPPED.read_bytes())
    env["DATA_DIR"] = str(data)
    assert run_cli(["data", "load"], env).returncode == 0
    return data / "catalog.json"


def test_a_broken_shipped_file_does_not_stop_ask_or_the_console(
    env: dict[str, str], tmp_path: Path
) -> None:
    shipped = _shipped_copy(tmp_path, env)
    shipped.write_text(shipped.read_text().replace('"models": [', '"models": [,', 1))
    for args, stdin, expect in (
        (["ask", "gpt-4.1 vs o3"], None, "GPT-4.1 vs o3"),
        (["run"], "gpt-4.1 vs o3\nquit\n", "GPT-4.1 vs o3"),
    ):
        result = run_cli(args, env, stdin=stdin)
        assert result.returncode == 0, result.stderr
        assert expect in result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert str(shipped) in lines[0] and "broken JSON at line" in lines[0]
        assert "data check" in lines[0] and "last good data" in lines[0]
    # the explicit commands still refuse it
    assert run_cli(["data", "load"], env).returncode == 1


def test_a_broken_shipped_file_with_no_snapshot_to_fall_back_on_is_an_error(
    env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "catalog.json").write_text('{"meta": ')
    env["DATA_DIR"] = str(data)
    result = run_cli(["ask", "gpt-4.1 vs o3"], env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "broken JSON" in result.stderr and len(result.stderr.strip().splitlines()) == 1
