"""The speed probe, end to end against a local OpenAI-compatible streaming stand-in
(tests/speed_standin.py): measured values, refused responses, 429s, the budget, the key, the
figures in answers, rankings, change events, and other operators' published files.

Tolerances (the machine may be loaded): time to first token within 20 ms below and 300 ms above
what the stand-in was told (it can only be late); output speed within 15% of it. Streams last
about half a second, so one late wake-up moves a figure by a few percent at most."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.alerts.refresh import refresh
from bot.catalog.models import Catalog, SpeedMeasurement
from bot.engine import Engine
from bot.service import ensure_loaded
from bot.settings import Settings
from bot.speed import probe as probe_mod
from bot.speed.figures import FiguresFile, Run, summarise
from bot.speed.probe import ProbeConfigError, Prober, curated_ids, probe_config, publish
from bot.speed.prompt import MAX_TOKENS, PROMPT_TOKENS, worst_case_cost
from bot.speed.stream import RunFailed, _timed, retry_after
from bot.store import Store
from bot.store.speed import day_start
from tests.conftest import ROOT
from tests.speed_standin import Behaviour, SpeedStandin

KEY = "sk-test-SECRET-0123456789"
GPT = "openai/gpt-4.1"
O3 = "openai/o3"
SONNET = "anthropic/claude-sonnet-4"


@pytest.fixture
async def standin() -> AsyncIterator[SpeedStandin]:
    s = SpeedStandin()
    await s.start()
    yield s
    await s.stop()


def settings_for(tmp_path: Path, standin: SpeedStandin, **values: Any) -> Settings:
    return Settings(
        **{
            "database_path": tmp_path / "bot.sqlite3",
            "refresh_sources": ["native=shipped"],
            "speed_probe_base_url": standin.base_url,
            "speed_probe_api_key": KEY,
            "speed_probe_models": {"gpt-4.1": GPT},
            "speed_probe_run_gap_seconds": 0,
            "speed_probe_provider": "the stand-in",
            **values,
        },
        _env_file=None,
    )


async def probe_round(settings: Settings, runs: int = 3) -> tuple[probe_mod.RoundReport, Catalog]:
    """One round and its publication; the catalog the bot would answer from afterwards."""
    config = probe_config(settings)
    assert config is not None
    async with Store(settings.database_path) as store:
        catalog = await ensure_loaded(store, settings)
        report = await Prober(store, config).round(catalog, runs)
        await publish(store, settings)
        after = await store.read_catalog()
    assert after is not None
    return report, after


def within(measured: float, told: float, share: float = 0.15) -> bool:
    return abs(measured - told) <= share * told


def ttft_ok(measured: float, told: float) -> bool:
    return told - 0.02 <= measured <= told + 0.3


def shown(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    assert found, (pattern, text[:2000])
    return float(found.group(1))


# -- measuring ----------------------------------------------------------------------------------


async def test_measures_what_the_standin_streams(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=0.4, tokens=11, gap=0.05))  # 20 tokens/s
    standin.queue(SONNET, Behaviour(ttft=0.25, tokens=21, gap=0.025))  # 40 tokens/s
    settings = settings_for(
        tmp_path, standin, speed_probe_models={"gpt-4.1": GPT, "claude-sonnet-4": SONNET}
    )
    report, catalog = await probe_round(settings)
    runs = {
        mid: [r for r in report.runs if r.model_id == mid] for mid in ("gpt-4.1", "claude-sonnet-4")
    }
    for mid, told_speed, told_ttft in (("gpt-4.1", 20, 0.4), ("claude-sonnet-4", 40, 0.25)):
        assert [r.status for r in runs[mid]] == ["ok"] * 3
        for r in runs[mid]:
            assert r.output_speed is not None and r.ttft is not None
            assert within(r.output_speed, told_speed), (mid, r.output_speed)
            assert ttft_ok(r.ttft, told_ttft), (mid, r.ttft)
            assert r.tokens_from == "usage" and r.prompt_tokens == 40
        m = catalog.model_by_id[mid]
        assert m.output_speed is not None and within(m.output_speed, told_speed)
        assert m.ttft is not None and ttft_ok(m.ttft, told_ttft)
        sm = m.speed_measurement
        assert sm is not None
        assert (sm.measured_by, sm.provider, sm.endpoint, sm.runs) == (
            "this bot",
            "the stand-in",
            standin.base_url,
            3,
        )
        assert sm.endpoint_model in (GPT, SONNET) and sm.prompt == "speed-v1"
        assert sm.speed_low <= m.output_speed <= sm.speed_high
        assert sm.last_run == dt.datetime.now(dt.UTC).date()
    # the request is the one the rule states: streamed, usage asked for, the fixed cap
    body = standin.seen[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["max_tokens"] == MAX_TOKENS and body["temperature"] == 0
    assert standin.seen[0].authorization == f"Bearer {KEY}"


async def test_without_usage_tokens_are_counted(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=0.3, tokens=11, gap=0.05, usage=False))
    report, _ = await probe_round(settings_for(tmp_path, standin), runs=1)
    (r,) = report.runs
    assert r.status == "ok" and r.tokens_from == "counted" and r.output_tokens == 11
    assert r.output_speed is not None and within(r.output_speed, 20)


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (Behaviour(mode="http", status=503), "HTTP 503"),
        (Behaviour(mode="http", status=404), "has no model"),
        (Behaviour(mode="json"), "not a stream of server-sent events"),
        (Behaviour(mode="garbage"), "not JSON"),
        (Behaviour(mode="cut"), "cut before it finished"),
        (Behaviour(mode="drop"), "cut before it finished"),
        (Behaviour(mode="one_chunk"), "one chunk"),
        (Behaviour(mode="empty"), "no output tokens"),
        (Behaviour(mode="error_event"), "error mid-stream"),
    ],
)
async def test_bad_responses_are_refused(
    tmp_path: Path, standin: SpeedStandin, behaviour: Behaviour, reason: str
) -> None:
    standin.queue(GPT, behaviour)
    report, catalog = await probe_round(settings_for(tmp_path, standin))
    assert len(report.runs) == 3
    assert all(r.status == "failed" and reason in (r.detail or "") for r in report.runs), [
        r.detail for r in report.runs
    ]
    assert all(r.output_speed is None for r in report.runs)
    gpt = catalog.model_by_id["gpt-4.1"]
    assert gpt.output_speed is None and gpt.speed_measurement is None
    # and answers carry no dead speed row
    text = Engine(catalog).ask("gpt-4.1").text
    assert "Speed" not in text and "Latency" not in text


async def test_a_slow_endpoint_times_out(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=5))
    settings = settings_for(tmp_path, standin, speed_probe_timeout_seconds=0.5)
    report, _ = await probe_round(settings, runs=1)
    (r,) = report.runs
    assert r.status == "failed" and "no complete answer within 0.5 s" in (r.detail or "")
    # it began answering, so it may have been billed: the worst case is counted
    assert r.cost_usd > 0


@pytest.mark.parametrize(
    ("tokens", "chars", "first", "last", "reason"),
    [
        (11, 44, 1.0, 1.0001, "faster than any endpoint"),
        (5000, 20000, 1.0, 2.0, "for a cap of 256"),
        (200, 44, 1.0, 2.0, "unseen tokens would inflate the speed"),
    ],
)
def test_absurd_values_are_refused(
    tokens: int, chars: int, first: float, last: float, reason: str
) -> None:
    usage = {"prompt_tokens": 40, "completion_tokens": tokens}
    with pytest.raises(RunFailed, match=reason):
        _timed(0.5, first, last, 11, chars, 0, usage, None, True)


def test_hidden_reasoning_tokens_are_not_counted_as_streamed() -> None:
    usage = {
        "completion_tokens": 111,
        "completion_tokens_details": {"reasoning_tokens": 100},
    }
    timed = _timed(0.0, 1.0, 1.5, 11, 44, 0, usage, None, True)
    assert timed.output_tokens == 11 and timed.output_speed == pytest.approx(20)
    assert timed.ttft == 1.0


# -- 429, providers, the budget, the key --------------------------------------------------------


def test_retry_after_reads_seconds_and_dates() -> None:
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    assert retry_after("2") == 2
    assert retry_after("1.5") == 1.5
    assert retry_after("Tue, 01 Dec 2026 12:00:30 GMT", now) == 30
    assert retry_after(None) == 60 and retry_after("soon") == 60
    assert retry_after("999999") == 3600
    assert retry_after("-5") == 0


async def test_429_waits_for_retry_after(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(mode="429", retry_after="1"), Behaviour(ttft=0.2))
    report, catalog = await probe_round(
        settings_for(tmp_path, standin, speed_probe_min_runs=1), runs=1
    )
    first, second = standin.requests_for(GPT)
    assert second.at - first.at >= 0.95  # it waited as long as it was told
    assert [r.status for r in report.runs] == ["failed", "ok"]
    assert "HTTP 429" in (report.runs[0].detail or "") and report.runs[0].cost_usd == 0
    assert catalog.model_by_id["gpt-4.1"].output_speed is not None


async def test_a_long_retry_after_waits_for_the_next_round(
    tmp_path: Path, standin: SpeedStandin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe_mod, "MAX_WAIT", 0.5)
    standin.queue(GPT, Behaviour(mode="429", retry_after="30"))
    standin.queue(SONNET, Behaviour(ttft=0.2))
    settings = settings_for(
        tmp_path, standin, speed_probe_models={"gpt-4.1": GPT, "claude-sonnet-4": SONNET}
    )
    report, _ = await probe_round(settings, runs=2)
    assert len(standin.requests_for(GPT)) == 1  # asked once, then left alone
    assert any("rate limited for" in line for line in report.skipped)
    assert [r.status for r in report.runs if r.model_id == "claude-sonnet-4"] == ["ok", "ok"]


async def test_one_request_at_a_time_per_provider(tmp_path: Path, standin: SpeedStandin) -> None:
    for model in (GPT, O3, "openai/gpt-4.1-mini", SONNET, "anthropic/claude-opus-4"):
        standin.queue(model, Behaviour(ttft=0.15, tokens=6, gap=0.03))
    settings = settings_for(
        tmp_path,
        standin,
        speed_probe_models={
            "gpt-4.1": GPT,
            "o3": O3,
            "gpt-4.1-mini": "openai/gpt-4.1-mini",
            "claude-sonnet-4": SONNET,
            "claude-opus-4": "anthropic/claude-opus-4",
        },
    )
    report, _ = await probe_round(settings, runs=2)
    assert len(report.runs) == 10 and all(r.status == "ok" for r in report.runs)
    assert standin.most_active == {"openai": 1, "anthropic": 1}


async def test_the_daily_budget_is_honoured(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=0.05, tokens=64, gap=0.004))
    settings = settings_for(tmp_path, standin, speed_probe_daily_budget_usd=0.004)
    async with Store(settings.database_path) as store:
        catalog = await ensure_loaded(store, settings)
        gpt = catalog.model_by_id["gpt-4.1"]
    worst = worst_case_cost(gpt)
    assert worst == pytest.approx((PROMPT_TOKENS * 2 + MAX_TOKENS * 8) / 1e6)
    report, _ = await probe_round(settings, runs=10)
    # each run reserves its worst case and gives back what it did not use: with this budget,
    # four runs fit and a fifth could pass it
    assert len(report.runs) == 4
    assert report.spent <= 0.004 and report.spent + worst > 0.004
    assert any("daily budget" in line for line in report.skipped)
    # the same UTC day, nothing more runs
    again, _ = await probe_round(settings, runs=10)
    assert again.runs == [] and any("daily budget" in line for line in again.skipped)
    async with Store(settings.database_path) as store:
        assert await store.speed_spent_since(day_start()) <= 0.004


async def test_models_without_a_price_are_not_probed(tmp_path: Path, standin: SpeedStandin) -> None:
    # Aya Expanse has no price in the catalog: its runs cannot be budgeted
    settings = settings_for(tmp_path, standin, speed_probe_models={"c4ai-aya-expanse-32b": "x/aya"})
    report, _ = await probe_round(settings)
    assert report.runs == [] and "no price" in report.skipped[0]
    assert standin.seen == []


async def test_the_key_is_never_logged_or_stored(
    tmp_path: Path, standin: SpeedStandin, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    standin.queue(
        GPT, Behaviour(mode="http", status=401, message=f"Incorrect API key provided: {KEY}")
    )
    standin.queue(O3, Behaviour(mode="garbage"))
    settings = settings_for(tmp_path, standin, speed_probe_models={"gpt-4.1": GPT, "o3": O3})
    report, _ = await probe_round(settings)
    refused = report.runs[0]
    assert "refused the API key (HTTP 401)" in (refused.detail or "")
    assert "[key]" in (refused.detail or "")  # echoed back by the endpoint, redacted
    # a refused key stops the round: every other run would fail the same way
    assert len(standin.requests_for(GPT)) == 1
    assert "SPEED_PROBE_API_KEY" in caplog.text
    assert KEY not in caplog.text
    assert KEY not in repr(settings) and KEY not in str(probe_config(settings))
    with sqlite3.connect(settings.database_path) as db:
        assert not any(KEY in line for line in db.iterdump())


# -- what answers show --------------------------------------------------------------------------


async def test_answers_label_the_figures(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=0.3, tokens=11, gap=0.05))
    standin.queue(O3, Behaviour(ttft=0.3, tokens=21, gap=0.025))
    settings = settings_for(tmp_path, standin, speed_probe_models={"gpt-4.1": GPT, "o3": O3})
    _, catalog = await probe_round(settings)
    engine = Engine(catalog)
    today = dt.datetime.now(dt.UTC).date()
    when = f"{today.day} {today:%b %Y}"
    label = f"measured by this bot via the stand-in, median of 3 runs, {when}"

    profile = engine.ask("gpt-4.1")
    assert within(shown(r"Speed +([\d.]+) t/s", profile.text), 20)
    assert ttft_ok(shown(r"Latency +([\d.]+) s", profile.text), 0.3)
    assert f"Speed and latency: {label}" in profile.text
    short = profile.answer.short
    assert short is not None and not any(r[0] in ("Speed", "Latency") for r in short.rows)

    asked = engine.ask("how fast is gpt-4.1")
    assert asked.answer.short is not None and label in (asked.answer.short.note or "")

    compare = engine.ask("gpt-4.1 vs o3 which is faster")
    assert compare.answer.short is not None
    assert compare.answer.short.lead.startswith("**o3** is faster: ")
    assert f"measured by this bot via the stand-in, median of 3 runs each, {when}" in (
        compare.answer.short.note or ""
    )

    top = engine.ask("fastest model")
    assert [m for m in top.answer.model_ids] == ["o3", "gpt-4.1"]
    assert "Measured by this bot via the stand-in" in top.text


def test_rankings_keep_to_one_set_of_conditions(catalog: Catalog) -> None:
    def measured(endpoint: str, speed: float, ttft: float) -> dict[str, Any]:
        sm = SpeedMeasurement(
            measured_by="this bot" if "one" in endpoint else "a friend's bot",
            provider="One" if "one" in endpoint else "Two",
            endpoint=endpoint,
            endpoint_model="x",
            prompt="speed-v1",
            runs=5,
            first_run=dt.date(2026, 11, 30),
            last_run=dt.date(2026, 12, 1),
            speed_low=speed,
            speed_high=speed,
            ttft_low=ttft,
            ttft_high=ttft,
            reference_speed=speed,
            reference_ttft=ttft,
        )
        return {"output_speed": speed, "ttft": ttft, "speed_measurement": sm}

    figures = {
        "gpt-4.1": measured("https://one.example/v1", 80, 0.5),
        "o3": measured("https://one.example/v1", 60, 0.9),
        "claude-sonnet-4": measured("https://one.example/v1", 70, 0.6),
        # faster, but through another endpoint: not comparable with the three above
        "gpt-4.1-mini": measured("https://two.example/v1", 300, 0.2),
    }
    models = tuple(
        m.model_copy(update=figures[m.id]) if m.id in figures else m for m in catalog.models
    )
    # a new catalog, not a copy: a copy would keep the original's cached indexes
    engine = Engine(
        Catalog(
            meta=catalog.meta,
            categories=catalog.categories,
            benchmarks=catalog.benchmarks,
            models=models,
            scores=catalog.scores,
        )
    )
    top = engine.ask("fastest model")
    assert top.answer.model_ids == ["gpt-4.1", "claude-sonnet-4", "o3"]
    assert "1 model with figures measured elsewhere is left out" in top.text
    low = engine.ask("lowest latency model")
    assert low.answer.model_ids[0] == "gpt-4.1"
    both = engine.ask("gpt-4.1 vs gpt-4.1 mini speed")
    assert "measured under different conditions" in both.text


def test_without_a_probe_nothing_shows(engine: Engine) -> None:
    text = engine.ask("gpt-4.1").text
    assert "Speed" not in text and "Latency" not in text and "measured by this bot" not in text
    assert "None of our sources publishes output speed" in engine.ask("fastest model").text


async def test_without_a_probe_refresh_is_unchanged(tmp_path: Path) -> None:
    settings = Settings(
        database_path=tmp_path / "bot.sqlite3", refresh_sources=["native=shipped"], _env_file=None
    )
    assert probe_config(settings) is None
    async with Store(settings.database_path) as store:
        assert probe_mod.start(store, settings) is None
        await ensure_loaded(store, settings)
        report = await refresh(store, settings)
    assert [o.source for o in report.outcomes] == ["native=shipped"]


# -- changes and alerts -------------------------------------------------------------------------


def _runs(speeds: list[float], ttft: float = 0.5, start: int = 0) -> list[Run]:
    base = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    return [
        Run(
            base + dt.timedelta(hours=start + i),
            "gpt-4.1",
            "https://x.example/v1",
            "X",
            "g",
            "speed-v1",
            ttft,
            s,
        )
        for i, s in enumerate(speeds)
    ]


def test_the_reference_moves_only_on_a_big_move() -> None:
    drift = summarise(_runs([100, 104, 97, 110, 92, 108, 95, 118, 90]), keep=5, min_runs=3)
    assert drift is not None and drift.reference_speed == 100  # wobbles are not news
    big = summarise(_runs([100, 100, 100, 60, 62, 58, 61, 60]), keep=5, min_runs=3)
    assert big is not None and big.reference_speed == 62  # the first median past 25% away
    assert summarise(_runs([100, 100]), keep=5, min_runs=3) is None


async def test_a_big_move_is_a_change_that_alerts(tmp_path: Path, standin: SpeedStandin) -> None:
    settings = settings_for(
        tmp_path,
        standin,
        alert_confirmations=1,
        speed_probe_keep_runs=3,
        speed_probe_min_runs=3,
    )
    async with Store(settings.database_path) as store:
        await ensure_loaded(store, settings)
        await store.subscribe(1, 42, ["speed"], 0, None)
    standin.queue(GPT, Behaviour(ttft=0.4, tokens=11, gap=0.05))  # 20 tokens/s
    await probe_round(settings)
    standin.queue(GPT, Behaviour(ttft=0.4, tokens=11, gap=0.045))  # 22: a drift
    await probe_round(settings)
    standin.queue(GPT, Behaviour(ttft=0.4, tokens=11, gap=0.1))  # 10: halved
    await probe_round(settings)
    async with Store(settings.database_path) as store:
        changes = [c for c in await store.list_changes() if c["kind"] == "speed"]
        outbox = await store.outbox()
    texts = [c["text"] for c in changes]
    assert len(changes) == 2, texts  # measured, then halved; the drift is no change
    measured = next(t for t in texts if t.startswith("Speed measured: GPT-4.1 "))
    assert within(shown(r"GPT-4\.1 ([\d.]+) tokens/s", measured), 20), measured
    halved = next(c for c in changes if c["text"].startswith("Speed: GPT-4.1 is slower"))
    assert halved["delta"] == pytest.approx(-50, abs=10)
    assert "measured by this bot via the stand-in" in halved["text"]
    assert any("GPT-4.1 is slower" in row.payload["description"] for row in outbox)


# -- configuration ------------------------------------------------------------------------------


def test_the_curated_table_names_catalog_models(catalog: Catalog) -> None:
    table = curated_ids(ROOT / "data")
    assert len(table) >= 20
    missing = [mid for mid in table if mid not in catalog.model_by_id]
    assert missing == []
    # each can be budgeted: the catalog prices it
    assert [mid for mid in table if worst_case_cost(catalog.model_by_id[mid]) is None] == []
    assert all("/" in v for v in table.values())  # OpenRouter's vendor/model ids


def test_a_list_of_models_maps_through_the_table() -> None:
    s = Settings(
        speed_probe_base_url="https://openrouter.ai/api/v1/",
        speed_probe_models=["gpt-4.1", "o3"],
        _env_file=None,
    )
    config = probe_config(s)
    assert config is not None
    assert config.models == {"gpt-4.1": "openai/gpt-4.1", "o3": "openai/o3"}
    assert config.provider == "OpenRouter" and config.base_url == "https://openrouter.ai/api/v1"
    with pytest.raises(ProbeConfigError, match="gpt-9"):
        probe_config(s.model_copy(update={"speed_probe_models": ["gpt-9"]}))
    with pytest.raises(ProbeConfigError, match="credentials"):
        probe_config(s.model_copy(update={"speed_probe_base_url": "https://u:p@x.example/v1"}))


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPEED_PROBE_MODELS", '{"gpt-4.1": "openai/gpt-4.1"}')
    monkeypatch.setenv("SPEED_PROBE_BASE_URL", "https://openrouter.ai/api/v1")
    monkeypatch.setenv("SPEED_PROBE_DAILY_BUDGET_USD", "0.25")
    s = Settings(_env_file=None)
    assert s.speed_probe_models == {"gpt-4.1": "openai/gpt-4.1"}
    assert s.speed_probe_daily_budget_usd == 0.25
    monkeypatch.setenv("SPEED_PROBE_MODELS", "")
    assert Settings(_env_file=None).speed_probe_models == {}


# -- the command line, and other operators' figures ---------------------------------------------


async def cli(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """`python -m bot ...` in a subprocess, without blocking the loop the stand-in serves on."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


def cli_env(tmp_path: Path, standin: SpeedStandin, db: str = "bot.sqlite3") -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_", "SPEED_"))
    }
    env.update(
        DATABASE_PATH=str(tmp_path / db),
        LOG_LEVEL="INFO",
        REFRESH_SOURCES='["native=shipped"]',
        SPEED_PROBE_BASE_URL=standin.base_url,
        SPEED_PROBE_API_KEY=KEY,
        SPEED_PROBE_MODELS=json.dumps({"gpt-4.1": GPT, "o3": O3}),
        SPEED_PROBE_RUN_GAP_SECONDS="0",
        SPEED_PROBE_PROVIDER="the stand-in",
        SPEED_PROBE_PUBLISHER="the example.org bot",
    )
    return env


async def test_cli_probe_once_then_ask(tmp_path: Path, standin: SpeedStandin) -> None:
    standin.queue(GPT, Behaviour(ttft=0.3, tokens=11, gap=0.05))
    standin.queue(O3, Behaviour(mode="http", status=502))
    env = cli_env(tmp_path, standin)
    code, out, err = await cli(["speed", "probe", "--once"], env)
    assert code == 0, err
    assert "gpt-4.1" in out and "refused: HTTP 502" in out
    assert "3 runs measured, 3 refused" in out
    assert KEY not in out + err
    code, out, err = await cli(["ask", "gpt-4.1"], env)
    assert code == 0, err
    assert within(shown(r"Speed +([\d.]+) t/s", out), 20)
    assert "Speed and latency: measured by this bot via the stand-in, median of 3 runs" in out
    code, out, _ = await cli(["speed", "show"], env)
    assert within(shown(r"gpt-4\.1: ([\d.]+) tokens/s", out), 20) and "3 refused" in out
    code, out, _ = await cli(["ask", "o3"], env)
    assert "Speed" not in out  # no figure: no dead row


async def test_published_figures_load_into_another_bot(
    tmp_path: Path, standin: SpeedStandin
) -> None:
    standin.queue(GPT, Behaviour(ttft=0.3, tokens=11, gap=0.05))
    standin.queue(O3, Behaviour(ttft=0.3, tokens=21, gap=0.025))
    env = cli_env(tmp_path, standin)
    assert (await cli(["speed", "probe", "--once"], env))[0] == 0
    code, out, err = await cli(["speed", "show", "--json"], env)
    assert code == 0, err
    file = FiguresFile.model_validate_json(out)
    assert {f.model for f in file.figures} == {"gpt-4.1", "o3"}
    assert all(f.measurement.measured_by == "the example.org bot" for f in file.figures)
    assert all(len(f.samples) == 3 for f in file.figures)
    published_path = tmp_path / "speed.json"
    data = json.loads(out)
    data["figures"].append({**data["figures"][0], "model": "not-a-model"})
    published_path.write_text(json.dumps(data))

    # another operator, no probe of their own
    other = {
        k: v
        for k, v in cli_env(tmp_path, standin, "other.sqlite3").items()
        if not k.startswith("SPEED_")
    }
    code, out, err = await cli(["data", "check", str(published_path)], other)
    assert code == 0 and "valid file of 3 speed figures" in out, err
    code, out, err = await cli(["data", "load", str(published_path)], other)
    assert code == 0, err
    assert "Loaded 2 speed figures measured by the example.org bot" in out
    assert "not-a-model" in out
    code, out, _ = await cli(["ask", "gpt-4.1 vs o3 speed"], other)
    assert "measured by the example.org bot via the stand-in, median of 3 runs each" in out
    assert "this bot" not in out

    broken = tmp_path / "broken.json"
    data["figures"][1]["measurement"]["runs"] = 0
    broken.write_text(json.dumps(data))
    code, _, err = await cli(["data", "load", str(broken)], other)
    assert code == 1 and "figure 2 (o3)" in err and "measurement.runs" in err


async def test_cli_without_a_probe_says_how_to_turn_it_on(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_", "SPEED_"))
    }
    env["DATABASE_PATH"] = str(tmp_path / "bot.sqlite3")
    code, _, err = await cli(["speed", "probe", "--once"], env)
    assert code == 2 and "SPEED_PROBE_BASE_URL" in err


# -- the running bot ----------------------------------------------------------------------------


async def test_stopping_mid_round_does_not_wait_for_the_endpoint(
    tmp_path: Path, standin: SpeedStandin
) -> None:
    standin.queue(GPT, Behaviour(ttft=30))
    settings = settings_for(tmp_path, standin)
    config = probe_config(settings)
    assert config is not None
    async with Store(settings.database_path) as store:
        catalog = await ensure_loaded(store, settings)
        task = asyncio.create_task(Prober(store, config).round(catalog, 1))
        for _ in range(200):  # until the request is in
            if standin.seen:
                break
            await asyncio.sleep(0.05)
        task.cancel()
        started = asyncio.get_running_loop().time()
        with pytest.raises(asyncio.CancelledError):
            await task
    # the thread's requests are abandoned promptly, not waited for (30 s)
    assert asyncio.get_running_loop().time() - started < 10


async def test_the_running_bot_probes_on_its_interval(
    tmp_path: Path, standin: SpeedStandin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe_mod, "FIRST_ROUND_DELAY", 0.0)
    standin.default = Behaviour(ttft=0.1, tokens=6, gap=0.02)
    settings = settings_for(
        tmp_path, standin, speed_probe_interval_minutes=0.01, speed_probe_min_runs=2
    )
    async with Store(settings.database_path) as store:
        await ensure_loaded(store, settings)
        task = probe_mod.start(store, settings)
        assert task is not None and task.get_name() == "speed-probe"
        try:
            for _ in range(200):
                catalog = await store.read_catalog()
                if catalog is not None and catalog.model_by_id["gpt-4.1"].output_speed:
                    break
                await asyncio.sleep(0.1)
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
    assert catalog is not None and catalog.model_by_id["gpt-4.1"].speed_measurement is not None
    assert len(standin.requests_for(GPT)) >= 2  # one run per round, round after round


def test_a_measurement_without_figures_is_refused(catalog: Catalog) -> None:
    from pydantic import ValidationError

    m = catalog.model_by_id["gpt-4.1"]
    sm = SpeedMeasurement(
        provider="X",
        endpoint="https://x.example/v1",
        endpoint_model="x",
        prompt="speed-v1",
        runs=1,
        first_run=dt.date(2026, 12, 1),
        last_run=dt.date(2026, 12, 1),
        speed_low=1,
        speed_high=1,
        ttft_low=1,
        ttft_high=1,
        reference_speed=1,
        reference_ttft=1,
    )
    with pytest.raises(ValidationError, match="speed_measurement describes figures"):
        type(m).model_validate({**m.model_dump(), "speed_measurement": sm.model_dump()})
    with pytest.raises(ValidationError, match="credentials"):
        SpeedMeasurement.model_validate({**sm.model_dump(), "endpoint": "https://k:s@x.example/v1"})


def test_env_example_lists_every_setting() -> None:
    from bot.settings import Settings as S

    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert [k.upper() for k in S.model_fields if f"\n{k.upper()}=" not in text] == []


def test_only_a_big_move_reads_as_a_change(scoreboard: Any) -> None:
    from bot.alerts.diff import describe

    assert describe("speed:gpt-4.1", [100.0, 0.5], [110.0, 0.55], scoreboard) is None
    change = describe("speed:gpt-4.1", [100.0, 0.5], [60.0, 0.5], scoreboard)
    assert change is not None and change.kind == "speed" and change.delta == pytest.approx(-40)
    assert change.text == "Speed: GPT-4.1 is slower, 100 → 60 tokens/s (-40%)."
    later = describe("speed:gpt-4.1", [100.0, 0.5], [100.0, 1.0], scoreboard)
    assert later is not None and "first token 0.5 → 1 s" in later.text
    assert later.delta is not None and later.delta < 0  # a slower start is a loss


def test_the_spread_reads_in_one_clause() -> None:
    from bot.answers.speed import spread

    base: dict[str, Any] = {
        "provider": "X",
        "endpoint": "https://x.example/v1",
        "endpoint_model": "x",
        "prompt": "speed-v1",
        "runs": 5,
        "first_run": dt.date(2026, 12, 1),
        "last_run": dt.date(2026, 12, 2),
        "reference_speed": 80,
        "reference_ttft": 0.5,
    }
    both = SpeedMeasurement(**base, speed_low=71, speed_high=88, ttft_low=0.41, ttft_high=0.66)
    assert spread(both) == "runs ranged 71–88 tokens/s and 0.41–0.66 s to the first token"
    steady = SpeedMeasurement(**base, speed_low=71, speed_high=88, ttft_low=0.5, ttft_high=0.5)
    assert spread(steady) == "runs ranged 71–88 tokens/s; every run 0.5 s to the first token"
    still = SpeedMeasurement(**base, speed_low=80, speed_high=80, ttft_low=0.5, ttft_high=0.5)
    assert spread(still) == "every run 80 tokens/s and 0.5 s to the first token"
