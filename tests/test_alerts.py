"""Refresh from live sources, the change log, flicker-proof alerts, subscriptions and delivery.

Feeds come from a local HTTP server whose content changes between refreshes; delivery goes through
the Discord stand-in with the real discord.py client."""

from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import logging
import os
from pathlib import Path

import pytest
from aiohttp import web

from bot.alerts.feeds import SourceSpec
from bot.alerts.refresh import refresh
from bot.service import ensure_loaded
from bot.settings import Settings
from bot.store import Store
from tests.conftest import SHIPPED, run_cli
from tests.discord_standin import (
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
)

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(60)

BASE = json.loads(SHIPPED.read_text())


def api_json(**changes: dict) -> dict:
    """A small models.dev api.json agreeing with the shipped data, plus `changes` per model."""
    models = {
        "gpt-4.1": {
            "id": "gpt-4.1",
            "name": "GPT-4.1",
            "cost": {"input": 2, "output": 8},
            "limit": {"context": 1047576, "output": 32768},
            "modalities": {"input": ["text", "image", "pdf"], "output": ["text"]},
            "reasoning": False,
            "open_weights": False,
            "release_date": "2025-04-14",
            "family": "gpt",
        },
        "o3": {
            "id": "o3",
            "name": "o3",
            "cost": {"input": 2, "output": 8},
            "limit": {"context": 200000, "output": 100000},
            "modalities": {"input": ["text", "image"], "output": ["text"]},
            "reasoning": True,
            "open_weights": False,
            "release_date": "2025-04-16",
            "family": "o",
        },
    }
    for mid, fields in changes.items():
        models.setdefault(mid, {"id": mid, "modalities": {"input": ["text"], "output": ["text"]}})
        models[mid].update(fields)
    return {"openai": {"id": "openai", "name": "OpenAI", "models": models}}


class Feeds:
    """A local feed server: set `files[name]` between refreshes; it speaks ETag / 304."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.delay: dict[str, float] = {}
        self.status: dict[str, int] = {}  # answer with this HTTP status instead
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.url = ""

    def put(self, name: str, data: object) -> None:
        self.files[name] = data if isinstance(data, bytes) else json.dumps(data).encode()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.seen.append((name, dict(request.headers)))
        if name in self.delay:
            await asyncio.sleep(self.delay[name])
        if name in self.status:
            return web.Response(status=self.status[name])
        if name not in self.files:
            return web.Response(status=404)
        body = self.files[name]
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=body, headers={"ETag": etag, "Content-Type": "application/json"})


@pytest.fixture
async def feeds():
    f = Feeds()
    app = web.Application()
    app.router.add_get("/{name}", f.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    f.url = f"http://127.0.0.1:{port}"
    yield f
    await runner.cleanup()


def make_settings(tmp_path: Path, feeds: Feeds, **extra) -> Settings:
    values = {
        "database_path": tmp_path / "bot.sqlite3",
        "refresh_sources": [f"native={feeds.url}/native.json", f"modelsdev={feeds.url}/api.json"],
        "refresh_interval_minutes": 0,
        "alert_confirmations": 2,
        "http_timeout_seconds": 0.5,
        "http_retries": 2,
        "http_backoff_seconds": 0,
        **extra,
    }
    return Settings(_env_file=None, **values)


@pytest.fixture
async def store(tmp_path: Path, feeds: Feeds):
    feeds.put("native.json", BASE)
    feeds.put("api.json", api_json())
    settings = make_settings(tmp_path, feeds)
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        yield s, settings


async def run(store_and_settings) -> object:  # noqa: ANN001
    s, settings = store_and_settings
    from bot.alerts.refresh import specs_from

    return await refresh(s, settings, specs_from(settings))


def specs(*texts: str) -> list[SourceSpec]:
    return [SourceSpec.parse(t) for t in texts]


async def test_unchanged_sources_record_no_change(store, feeds: Feeds) -> None:
    s, _ = store
    first = await run(store)
    assert {o.status for o in first.outcomes} == {"updated"} and first.changes == 0
    before = await s.snapshot_ids()
    second = await run(store)
    assert [o.status for o in second.outcomes] == ["not modified", "not modified"]
    assert second.changes == 0 and not second.changed
    assert await s.snapshot_ids() == before and await s.list_changes() == []
    # the second request was conditional
    conditional = [h for name, h in feeds.seen if name == "native.json"][-1]
    assert conditional.get("If-None-Match")


async def test_price_cut_alerts_only_after_it_holds(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(
        GUILD_ID, GENERAL_CHANNEL_ID, ["price", "score", "new_model", "leader"], 0, MANAGER_ID
    )
    await run(store)
    feeds.put("api.json", api_json(**{"gpt-4.1": {"cost": {"input": 1.5, "output": 6}}}))
    r1 = await run(store)
    assert r1.changes == 1 and r1.confirmed == 0 and r1.queued == 0
    [change] = await s.list_changes()
    assert change["kind"] == "price" and change["old"] == [2.0, 8.0] and change["new"] == [1.5, 6.0]
    assert (
        change["text"] == "Price cut: GPT-4.1 $2 / $8 → $1.5 / $6 per 1M tokens (-25% on output)."
    )
    r2 = await run(store)  # unchanged: the cut has now held for two refreshes
    assert r2.changes == 0 and r2.confirmed == 1 and r2.queued == 1
    [row] = await s.outbox()
    assert (
        row.channel_id == GENERAL_CHANNEL_ID and "Price cut: GPT-4.1" in row.payload["description"]
    )
    r3 = await run(store)
    assert r3.confirmed == 0 and len(await s.outbox()) == 1  # never doubled


async def test_flicker_never_alerts(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["price"], 0, MANAGER_ID)
    await run(store)
    feeds.put("api.json", api_json(**{"o3": {"cost": {"input": 2, "output": 4}}}))
    assert (await run(store)).changes == 1
    feeds.put("api.json", api_json())  # back to where it was
    back = await run(store)
    assert back.changes == 1 and back.confirmed == 0
    assert (await run(store)).confirmed == 0
    assert await s.outbox() == [] and len(await s.list_changes()) == 2  # both logged, none alerted


async def test_new_model_and_score_change_and_leaders(store, feeds: Feeds) -> None:
    s, settings = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["new_model", "score", "leader"], 0, MANAGER_ID)
    await run(store)
    feeds.put(
        "api.json",
        api_json(
            **{
                "gpt-6": {
                    "name": "GPT-6",
                    "cost": {"input": 3, "output": 12},
                    "limit": {"context": 2000000, "output": 100000},
                    "release_date": "2026-10-01",
                }
            }
        ),
    )
    native = copy.deepcopy(BASE)
    for sc in native["scores"]:
        if sc["model"] == "gpt-4.1" and sc["benchmark"] == "swe-bench-verified":
            sc["value"] = 74.6
    feeds.put("native.json", native)
    r = await run(store)
    kinds = {c["kind"] for c in await s.list_changes()}
    assert {"new_model", "score"} <= kinds
    texts = [c["text"] for c in await s.list_changes()]
    assert "New model: GPT-6 (OpenAI, $3 / $12 per 1M tokens, 2M context)." in texts
    assert "Score: GPT-4.1 on SWE-bench Verified 48.5 → 74.6 (+26.1)." in texts
    assert r.changed
    await run(store)
    [row] = await s.outbox()
    desc = row.payload["description"]
    # most important first: new models before scores
    assert desc.index("New models") < desc.index("Scores")


async def test_min_delta_filters_small_score_moves(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["score"], 5.0, MANAGER_ID)
    await run(store)
    native = copy.deepcopy(BASE)
    for sc in native["scores"]:
        if sc["model"] == "o3" and sc["benchmark"] == "gpqa":
            sc["value"] += 1.0
    feeds.put("native.json", native)
    await run(store)
    await run(store)
    assert await s.outbox() == []
    assert [c["alerted"] for c in await s.list_changes()] == [True]  # confirmed, just filtered out


@pytest.mark.parametrize("trouble", ["broken", "invalid", "timeout", "missing", "server error"])
async def test_a_bad_source_changes_nothing(store, feeds: Feeds, trouble: str, caplog) -> None:
    s, _ = store
    caplog.set_level(logging.WARNING)
    await run(store)
    before = await s.read_catalog()
    if trouble == "broken":
        feeds.put("native.json", b'{"models": [')
    elif trouble == "invalid":
        bad = copy.deepcopy(BASE)
        bad["models"][0]["input_price"] = -1
        feeds.put("native.json", bad)
    elif trouble == "timeout":
        feeds.delay["native.json"] = 2
        feeds.put("native.json", {**BASE, "scores": BASE["scores"][:-5]})
    elif trouble == "missing":
        del feeds.files["native.json"]
    else:
        feeds.status["native.json"] = 500
        feeds.put("native.json", {**BASE, "scores": BASE["scores"][:-5]})
    r = await run(store)
    status = {o.source.split("=")[0]: o for o in r.outcomes}["native"]
    assert status.status == ("invalid" if trouble in ("broken", "invalid") else "failed"), status
    if trouble == "server error":
        assert "HTTP 500" in status.detail
    assert not r.changed and r.changes == 0
    after = await s.read_catalog()
    assert after == before
    assert any(
        "native=" in rec.message and "keeps serving" in rec.message for rec in caplog.records
    )


async def test_refreshing_one_source_keeps_the_others_part(store, feeds: Feeds) -> None:
    s, settings = store
    await run(store)
    feeds.put("api.json", api_json(**{"gpt-4.1": {"cost": {"input": 1, "output": 4}}}))
    await refresh(s, settings, specs(f"modelsdev={feeds.url}/api.json"))
    # now only the native source is refreshed, with a score change; the models.dev price stays
    native = copy.deepcopy(BASE)
    for sc in native["scores"]:
        if sc["model"] == "o3" and sc["benchmark"] == "gpqa":
            sc["value"] = 88.0
    feeds.put("native.json", native)
    r = await refresh(
        s, settings, specs(f"native={feeds.url}/native.json", f"modelsdev={feeds.url}/api.json")
    )
    cat = await s.read_catalog()
    assert cat.model_by_id["gpt-4.1"].output_price == 4.0
    assert cat.scores_of("o3")["gpqa"].value == 88.0
    assert r.changes == 1


MODELSDEV_API = (
    Path(__file__).resolve().parents[2] / "shared" / "sources" / "models.dev" / "api.json"
)
BENCHLM_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "benchlm-sample"


async def test_benchlm_opt_in_brings_speed_and_latency(tmp_path: Path, feeds: Feeds) -> None:
    sample = BENCHLM_SAMPLE
    if not sample.is_dir():  # noqa: ASYNC240 - a test's own setup
        pytest.skip("the BenchLM sample is not beside the project")
    settings = make_settings(tmp_path, feeds)
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        r = await refresh(s, settings, specs(f"native={SHIPPED}", f"benchlm={sample}"))
        cat = await s.read_catalog()
    gpt = cat.model_by_id["gpt-4.1"]
    assert (gpt.output_speed, gpt.ttft) == (101.0, 1.02)
    assert "Artificial Analysis" in gpt.provenance["output_speed"]
    assert any(src.id == "benchlm-live" for src in cat.meta.sources)
    assert r.changed


def test_cli_refresh_and_changes(tmp_path: Path, env: dict[str, str]) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(BASE))
    assert run_cli(["data", "load"], env).returncode == 0
    first = run_cli(["data", "refresh", "--source", f"native={feed}"], env)
    assert first.returncode == 0 and "native=" in first.stdout
    changed = copy.deepcopy(BASE)
    for m in changed["models"]:
        if m["id"] == "gpt-4.1":
            m["output_price"] = 6.0
    feed.write_text(json.dumps(changed))
    second = run_cli(["data", "refresh", "--source", f"native={feed}"], env)
    assert "1 change recorded" in second.stdout
    listing = run_cli(["changes", "--since", "1d", "--json"], env)
    rows = json.loads(listing.stdout)
    assert rows[0]["kind"] == "price" and rows[0]["new"] == [2.0, 6.0]
    text = run_cli(["changes"], env).stdout
    assert "Price cut: GPT-4.1" in text
    bad = run_cli(["data", "refresh", "--source", "nonsense"], env)
    assert bad.returncode == 2 and "KIND=PATH_OR_URL" in bad.stderr


def _with_score(value: float) -> dict:
    data = copy.deepcopy(BASE)
    for sc in data["scores"]:
        if sc["model"] == "o3" and sc["benchmark"] == "gpqa":
            sc["value"] = value
    return data


async def test_refreshing_only_the_native_source_keeps_the_live_prices(store, feeds: Feeds) -> None:
    s, settings = store
    feeds.put("api.json", api_json(**{"gpt-4.1": {"cost": {"input": 2, "output": 4}}}))
    await run(store)
    assert (await s.read_catalog()).model_by_id["gpt-4.1"].output_price == 4.0
    feeds.put("native.json", _with_score(88.0))
    r = await refresh(s, settings, specs(f"native={feeds.url}/native.json"))
    cat = await s.read_catalog()
    assert cat.scores_of("o3")["gpqa"].value == 88.0
    assert cat.model_by_id["gpt-4.1"].output_price == 4.0  # models.dev's part still applies
    assert r.changes == 1


async def test_an_alert_states_the_net_move(store, feeds: Feeds) -> None:
    s, settings = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["score"], 0, MANAGER_ID)
    await run(store)
    feeds.put("native.json", _with_score(93.3))
    await run(store)
    feeds.put("native.json", _with_score(85.7))  # moved again before it was confirmed
    await run(store)
    await run(store)
    [row] = await s.outbox()
    assert "Score: o3 on GPQA 81.8 → 85.7 (+3.9)." in row.payload["description"]


async def test_a_net_move_below_min_delta_stays_quiet(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["score"], 1.0, MANAGER_ID)
    await run(store)
    feeds.put("native.json", _with_score(93.3))
    await run(store)
    feeds.put("native.json", _with_score(82.1))  # +11.5 then -11.2: net +0.3
    await run(store)
    await run(store)
    assert await s.outbox() == []


async def test_a_run_that_could_not_read_a_source_confirms_nothing(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["price"], 0, MANAGER_ID)
    await run(store)
    feeds.put("api.json", api_json(**{"gpt-4.1": {"cost": {"input": 2, "output": 4}}}))
    await run(store)
    feeds.status["native.json"] = 500  # this run sees nothing new, and saw not everything
    r = await run(store)
    assert r.confirmed == 0
    del feeds.status["native.json"]
    feeds.put("api.json", api_json())  # the cut is withdrawn: a flicker after all
    await run(store)
    await run(store)
    assert await s.outbox() == []


async def test_a_change_to_a_model_that_goes_away_is_not_alerted(store, feeds: Feeds) -> None:
    s, _ = store
    await s.subscribe(
        GUILD_ID, GENERAL_CHANNEL_ID, ["score", "new_model", "removed_model"], 0, MANAGER_ID
    )
    await run(store)
    feeds.put("native.json", _with_score(88.0))
    await run(store)
    gone = copy.deepcopy(_with_score(88.0))
    gone["models"] = [m for m in gone["models"] if m["id"] != "o3"]
    gone["scores"] = [x for x in gone["scores"] if x["model"] != "o3"]
    feeds.put("native.json", gone)
    await run(store)
    feeds.put("native.json", BASE)  # back, at its old score
    await run(store)
    await run(store)
    assert await s.outbox() == []


async def test_two_refreshes_at_once_record_one_change(tmp_path: Path, feeds: Feeds) -> None:
    feeds.put("native.json", BASE)
    feeds.put("api.json", api_json())
    settings = make_settings(tmp_path, feeds, alert_confirmations=1)
    # The same file under another name, as a second process would open it: no shared
    # in-process lock, only the database's own.
    (tmp_path / "other").symlink_to(tmp_path)
    async with Store(settings.database_path) as a, Store(tmp_path / "other" / "bot.sqlite3") as b:
        await ensure_loaded(a, settings)
        await a.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["price"], 0, MANAGER_ID)
        await refresh(a, settings)
        feeds.put("api.json", api_json(**{"gpt-4.1": {"cost": {"input": 2, "output": 4}}}))
        # two processes' worth of connections, refreshing at the same moment
        ra, rb = await asyncio.gather(refresh(a, settings), refresh(b, settings))
        assert sorted([ra.changes, rb.changes]) == [0, 1]
        assert len(await a.list_changes()) == 1
        assert len(await a.outbox()) == 1


async def test_a_gutted_feed_is_refused(store, feeds: Feeds) -> None:
    s, _ = store
    await run(store)
    before = await s.read_catalog()
    feeds.put(
        "native.json",
        {
            **BASE,
            "models": BASE["models"][:20],
            "scores": [
                x for x in BASE["scores"] if x["model"] in {m["id"] for m in BASE["models"][:20]}
            ],
        },
    )
    r = await run(store)
    native = next(o for o in r.outcomes if o.source.startswith("native"))
    assert native.status == "invalid" and "refusing to drop more than half" in native.detail
    assert await s.read_catalog() == before


async def test_live_models_dev_leaves_curated_facts_and_dates_alone(
    tmp_path: Path, feeds: Feeds
) -> None:
    """The first refresh against the very snapshot the shipped data was built from changes nothing."""
    api = MODELSDEV_API
    if not api.is_file():  # noqa: ASYNC240 - a test's own setup
        pytest.skip("the models.dev snapshot is not beside the project")
    feeds.put("native.json", BASE)
    feeds.put("api.json", api.read_bytes())  # noqa: ASYNC240
    settings = make_settings(tmp_path, feeds)
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        r = await refresh(s, settings)
        cat = await s.read_catalog()
    assert r.changes == 0
    shipped = {m["id"]: m for m in BASE["models"]}
    assert (
        cat.model_by_id["mistral-large-2512"].release_date.isoformat()
        == shipped["mistral-large-2512"]["release_date"]
    )
    for m in cat.models:
        assert (
            m.release_date is None or m.release_date.isoformat() == shipped[m.id]["release_date"]
        ), m.id


def test_digests_split_cleanly() -> None:
    from bot.alerts import digest

    changes = [
        {
            "kind": "score",
            "key": f"score:m{i}:b",
            "text": f"Score: Model {i} on Bench " + "x" * 120 + ".",
            "delta": float(i),
            "old": 1,
            "new": 2,
        }
        for i in range(120)
    ]
    parts = digest.render(changes, "2026-07-02", "s1-r1")
    assert 1 < len(parts) <= 3
    assert all(len(p["description"]) <= 3900 for p in parts)
    assert all(p["footer"].endswith(f"ref s1-r1-p{i + 1}") for i, p in enumerate(parts))
    lines = "\n".join(p["description"] for p in parts)
    assert "…and 60 more changes" in lines
    # worst first: the biggest move leads
    assert parts[0]["description"].splitlines()[1].startswith("• Score: Model 119 ")


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"limit": {"context": 10**20, "output": 32768}}, "context_window"),
        ({"limit": {"context": 1047576, "output": 10**30}}, "max_output_tokens"),
        ({"limit": {"context": True, "output": 32768}}, "context"),
        (
            {
                "cost": {
                    "input": 2,
                    "output": 8,
                    "tiers": [{"tier": {"size": 10**20}, "input": 4, "output": 16}],
                }
            },
            "long_context_from",
        ),
        ({"name": "GPT-4.1 @everyone"}, "name"),
        ({"name": "GPT-4.1\u0000"}, "name"),
    ],
)
async def test_one_bad_value_in_a_models_dev_record_fails_that_source_alone(
    store, feeds: Feeds, bad: dict, field: str
) -> None:
    s, _ = store
    await run(store)
    feeds.put("api.json", api_json(**{"gpt-4.1": bad}))
    feeds.put("native.json", _with_score(88.0))
    r = await run(store)
    by_kind = {o.source.split("=")[0]: o for o in r.outcomes}
    assert by_kind["native"].status == "updated"
    assert by_kind["modelsdev"].status == "invalid"
    detail = by_kind["modelsdev"].detail
    assert "api.json" in detail and "openai/gpt-4.1" in detail and field in detail, detail
    state = (await s.source_states())[("modelsdev", f"{feeds.url}/api.json")]
    assert state["last_error"] == detail
    # the other source's change is in, the feed's last good values stay, and the store is whole
    cat = await s.read_catalog()
    assert cat.scores_of("o3")["gpqa"].value == 88.0
    gpt = cat.model_by_id["gpt-4.1"]
    assert (gpt.name, gpt.context_window, gpt.max_output_tokens) == ("GPT-4.1", 1047576, 32768)
    assert r.changes == 1


async def test_a_refresh_that_drops_most_scores_needs_force(store, feeds: Feeds) -> None:
    s, settings = store
    await run(store)
    before = await s.read_catalog()
    thin = {**BASE, "scores": BASE["scores"][: len(BASE["scores"]) // 4]}
    feeds.put("native.json", thin)
    r = await run(store)
    native = next(o for o in r.outcomes if o.source.startswith("native"))
    assert native.status == "invalid" and "scores" in native.detail
    assert "refusing to drop more than half" in native.detail and "--force" in native.detail
    assert await s.read_catalog() == before

    forced = await refresh(s, settings, force=True)
    native = next(o for o in forced.outcomes if o.source.startswith("native"))
    assert native.status == "updated" and forced.changed
    assert len((await s.read_catalog()).scores) < len(before.scores) / 2


def test_cli_refresh_force(tmp_path: Path, env: dict[str, str]) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(BASE))
    assert run_cli(["data", "load"], env).returncode == 0
    assert run_cli(["data", "refresh", "--source", f"native={feed}"], env).returncode == 0
    feed.write_text(json.dumps({**BASE, "scores": BASE["scores"][:100]}))
    refused = run_cli(["data", "refresh", "--source", f"native={feed}"], env)
    assert refused.returncode == 1 and "data refresh --force" in refused.stdout
    assert "Traceback" not in refused.stderr
    forced = run_cli(["data", "refresh", "--force", "--source", f"native={feed}"], env)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    stats = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert stats["scores"] < len(BASE["scores"]) / 2


async def test_a_named_pipe_as_a_source_fails_at_once(store, feeds: Feeds, tmp_path: Path) -> None:
    s, settings = store
    pipe = tmp_path / "feed.json"
    os.mkfifo(pipe)
    before = await s.read_catalog()
    r = await asyncio.wait_for(refresh(s, settings, specs(f"native={pipe}")), timeout=10)
    (outcome,) = r.outcomes
    assert outcome.status == "failed" and "not a regular file" in outcome.detail
    assert await s.read_catalog() == before
