"""An operator's bad data file is refused with one message naming the file, record and field,
and the database keeps its previous snapshot whole."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.conftest import SHIPPED, run_cli


def _mutate(raw: dict, how: str) -> dict:
    d = copy.deepcopy(raw)
    gpt = next(i for i, m in enumerate(d["models"]) if m["id"] == "gpt-4.1")
    if how == "wrong type":
        d["models"][gpt]["context_window"] = "a million"
    elif how == "unknown benchmark":
        d["scores"][0]["benchmark"] = "vibes-bench"
    elif how == "duplicate id":
        d["models"].append(copy.deepcopy(d["models"][gpt]))
    elif how == "negative price":
        d["models"][gpt]["input_price"] = -2
    elif how == "percent of 140":
        i = next(
            i
            for i, s in enumerate(d["scores"])
            if s["model"] == "gpt-4.1" and s["benchmark"] == "gpqa"
        )
        d["scores"][i]["value"] = 140
    return d


CASES = {
    "wrong type": ("models[", "gpt-4.1", "context_window"),
    "unknown benchmark": ("scores[0]", "benchmark", "vibes-bench"),
    "duplicate id": ("models[", "gpt-4.1", "duplicate id"),
    "negative price": ("models[", "gpt-4.1", "input_price"),
    "percent of 140": ("scores[", "gpt-4.1 / gpqa", "value"),
}


@pytest.mark.parametrize("how", sorted(CASES))
def test_bad_file_refused_and_store_kept(
    how: str, raw_catalog: dict, tmp_path: Path, env: dict[str, str]
) -> None:
    assert run_cli(["data", "load"], env).returncode == 0
    before = json.loads(run_cli(["data", "stats", "--json"], env).stdout)

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_mutate(raw_catalog, how)))
    for command in (["data", "check", str(bad)], ["data", "load", str(bad)]):
        result = run_cli(command, env)
        assert result.returncode != 0
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1, message
        assert str(bad) in message
        for part in CASES[how]:
            assert part in message, message

    after = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert after == before


def test_broken_json_named_with_line(tmp_path: Path, env: dict[str, str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text(SHIPPED.read_text()[:5000])
    result = run_cli(["data", "load", str(bad)], env)
    assert result.returncode == 1
    assert str(bad) in result.stderr and "broken JSON at line" in result.stderr


def test_missing_file(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli(["data", "check", str(tmp_path / "nope.json")], env)
    assert result.returncode == 1 and "no such file" in result.stderr


def test_database_that_is_not_sqlite(tmp_path: Path, env: dict[str, str]) -> None:
    garbage = tmp_path / "not-a-db.sqlite3"
    garbage.write_text("this is not a database " * 100)
    env["DATABASE_PATH"] = str(garbage)
    result = run_cli(["data", "stats"], env)
    assert result.returncode == 1
    assert "DATABASE_PATH" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_nan_and_infinity_are_refused(
    raw_catalog: dict, tmp_path: Path, env: dict[str, str]
) -> None:
    for bad_value in ("NaN", "Infinity"):
        text = json.dumps(raw_catalog).replace('"value": 66.3', f'"value": {bad_value}', 1)
        bad = tmp_path / f"{bad_value}.json"
        bad.write_text(text)
        result = run_cli(["data", "load", str(bad)], env)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "scores[" in result.stderr


def test_relative_and_absolute_paths_are_one_origin(tmp_path: Path, env: dict[str, str]) -> None:
    """Loading the shipped file by a relative path must not stop later updates being picked up."""
    assert run_cli(["data", "load", "data/catalog.json"], env).returncode == 0
    again = run_cli(["data", "load", str(SHIPPED)], env)
    assert "nothing changed" in again.stdout
