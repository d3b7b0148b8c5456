"""An operator's bad data file is refused with one message naming the file, record and field,
and the database keeps its previous snapshot whole."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHIPPED, run_cli


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


def _score_index(d: dict, model: str = "gpt-4.1", benchmark: str = "gpqa") -> int:
    return next(
        i for i, s in enumerate(d["scores"]) if s["model"] == model and s["benchmark"] == benchmark
    )


def _model_index(d: dict, model: str = "gpt-4.1") -> int:
    return next(i for i, m in enumerate(d["models"]) if m["id"] == model)


def _strict(raw: dict, how: str) -> dict:
    d = copy.deepcopy(raw)
    gpt = _model_index(d)
    if how == "score true":
        d["scores"][_score_index(d)]["value"] = True
    elif how == "score string":
        d["scores"][_score_index(d)]["value"] = "66.3"
    elif how == "context string":
        d["models"][gpt]["context_window"] = "1047576"
    elif how == "context float":
        d["models"][gpt]["context_window"] = 1047576.0
    elif how == "price true":
        d["models"][gpt]["input_price"] = True
    elif how == "weight string":
        d["categories"][0]["weight"] = "0.2"
    elif how == "context 10^30":
        d["models"][gpt]["context_window"] = 10**30
    elif how == "output 2^63":
        d["models"][gpt]["max_output_tokens"] = 2**63
    elif how == "name NUL":
        d["models"][gpt]["name"] = "GPT-4.1\u0000"
    elif how == "name @everyone":
        d["models"][gpt]["name"] = "GPT-4.1 @everyone"
    elif how == "name @here":
        d["models"][gpt]["name"] = "@here GPT-4.1"
    elif how == "alias user mention":
        d["models"][gpt]["aliases"] = ["gpt41", "<@123>"]
    elif how == "alias role mention":
        d["models"][gpt]["aliases"] = ["<@&1>"]
    elif how == "alias channel mention":
        d["models"][gpt]["aliases"] = ["see <#1>"]
    elif how == "alias escape":
        d["models"][gpt]["aliases"] = ["gpt\u001b[31m41"]
    elif how == "benchmark name bell":
        d["benchmarks"][0]["name"] = "Bench\u0007"
    return d


STRICT_CASES = {
    "score true": ("scores[", "gpt-4.1 / gpqa", "value", "got true", "plain number"),
    "score string": ("scores[", "gpt-4.1 / gpqa", "value", 'got "66.3"', "without quotes"),
    "context string": ("models[", "gpt-4.1", "context_window"),
    "context float": ("models[", "gpt-4.1", "context_window"),
    "price true": ("models[", "gpt-4.1", "input_price"),
    "weight string": ("categories[0]", "weight"),
    "context 10^30": ("models[", "gpt-4.1", "context_window", "9223372036854775807"),
    "output 2^63": ("models[", "gpt-4.1", "max_output_tokens"),
    "name NUL": ("models[", "gpt-4.1", "'name'", "control character"),
    "name @everyone": ("models[", "gpt-4.1", "'name'", "mention"),
    "name @here": ("models[", "gpt-4.1", "'name'", "mention"),
    "alias user mention": ("models[", "gpt-4.1", "aliases", "mention"),
    "alias role mention": ("models[", "gpt-4.1", "aliases", "mention"),
    "alias channel mention": ("models[", "gpt-4.1", "aliases", "mention"),
    "alias escape": ("models[", "gpt-4.1", "aliases", "control character"),
    "benchmark name bell": ("benchmarks[0]", "'name'", "control character"),
}


@pytest.mark.parametrize("how", sorted(STRICT_CASES))
def test_values_that_only_look_right_are_refused_by_check_and_load(
    how: str, raw_catalog: dict, tmp_path: Path, env: dict[str, str]
) -> None:
    """No booleans or strings as numbers, integers the store can hold, names that cannot ping
    or garble a channel: refused by `data check` exactly as by `data load`, nothing stored."""
    assert run_cli(["data", "load"], env).returncode == 0
    before = json.loads(run_cli(["data", "stats", "--json"], env).stdout)

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_strict(raw_catalog, how)))
    for command in (["data", "check", str(bad)], ["data", "load", str(bad)]):
        result = run_cli(command, env)
        message = result.stderr.strip()
        assert result.returncode == 1, (command, result.stdout, message)
        assert len(message.splitlines()) == 1 and "Traceback" not in message, message
        assert str(bad) in message
        for part in STRICT_CASES[how]:
            assert part in message, message

    after = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert after == before


def test_a_key_given_twice_is_refused(
    raw_catalog: dict, tmp_path: Path, env: dict[str, str]
) -> None:
    """A second "scores" would silently empty the catalog's scores; a second field in a record
    would silently replace the first."""
    assert run_cli(["data", "load"], env).returncode == 0
    before = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    text = json.dumps(raw_catalog)
    twice_top = text[:-1] + ', "scores": []}'
    i = text.index('"value": 66.3')
    twice_record = text[:i] + '"value": 12.0, ' + text[i:]
    for name, body, parts in (
        ("top.json", twice_top, ("'scores'", "twice", "top level")),
        ("record.json", twice_record, ("'value'", "twice", "scores[")),
    ):
        bad = tmp_path / name
        bad.write_text(body)
        for command in (["data", "check", str(bad)], ["data", "load", str(bad)]):
            result = run_cli(command, env)
            message = result.stderr.strip()
            assert result.returncode == 1, (command, result.stdout)
            assert len(message.splitlines()) == 1, message
            assert str(bad) in message
            for part in parts:
                assert part in message, message
    assert json.loads(run_cli(["data", "stats", "--json"], env).stdout) == before


def test_deep_nesting_is_a_clear_error(tmp_path: Path, env: dict[str, str]) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"meta": ' + "[" * 100_000 + "]" * 100_000 + "}")
    for command in (["data", "check", str(deep)], ["data", "load", str(deep)]):
        result = run_cli(command, env)
        message = result.stderr.strip()
        assert result.returncode == 1
        assert "RecursionError" not in message and "Traceback" not in message, message[-500:]
        assert len(message.splitlines()) == 1 and str(deep) in message
        assert "nested too deeply" in message, message


def test_a_named_pipe_is_refused_at_once(tmp_path: Path, env: dict[str, str]) -> None:
    pipe = tmp_path / "catalog.json"
    os.mkfifo(pipe)
    for command in (["data", "check", str(pipe)], ["data", "load", str(pipe)]):
        result = subprocess.run(
            [sys.executable, "-m", "bot", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,  # it used to wait for a writer forever
        )
        message = result.stderr.strip()
        assert result.returncode == 1
        assert len(message.splitlines()) == 1 and str(pipe) in message
        assert "not a regular file" in message, message


def _gutted(raw: dict, keep_models: int | None = None, keep_scores: int | None = None) -> dict:
    d = copy.deepcopy(raw)
    if keep_models is not None:
        d["models"] = d["models"][:keep_models]
        kept = {m["id"] for m in d["models"]}
        d["scores"] = [s for s in d["scores"] if s["model"] in kept]
    if keep_scores is not None:
        d["scores"] = d["scores"][:keep_scores]
    return d


@pytest.mark.parametrize("what", ["models", "scores"])
def test_a_catalog_that_drops_most_of_the_data_needs_force(
    what: str, raw_catalog: dict, tmp_path: Path, env: dict[str, str]
) -> None:
    assert run_cli(["data", "load"], env).returncode == 0
    before = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    small = tmp_path / "small.json"
    keep = {"models": {"keep_models": 30}, "scores": {"keep_scores": 500}}[what]
    small.write_text(json.dumps(_gutted(raw_catalog, **keep)))

    # valid on its own, so a check with no database behind it passes ...
    alone = dict(env, DATABASE_PATH=str(tmp_path / "none.sqlite3"))
    assert run_cli(["data", "check", str(small)], alone).returncode == 0
    assert not (tmp_path / "none.sqlite3").exists()  # and checking created no database
    # ... but against this database `data check` refuses it as `data load` does
    for command in (["data", "check", str(small)], ["data", "load", str(small)]):
        refused = run_cli(command, env)
        message = refused.stderr.strip()
        assert refused.returncode == 1 and len(message.splitlines()) == 1, message
        assert str(small) in message and what in message and "--force" in message
    assert json.loads(run_cli(["data", "stats", "--json"], env).stdout) == before

    forced = run_cli(["data", "load", "--force", str(small)], env)
    assert forced.returncode == 0, forced.stderr
    after = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert after[what] < before[what] / 2

    # and back again: growing is never refused
    assert run_cli(["data", "load"], env).returncode == 0
