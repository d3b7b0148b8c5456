"""Live refresh from the five independent leaderboards, against a local server that serves the
snapshots in ../shared/sources at the paths the real sites use: Epoch AI's benchmark_data.zip,
LiveBench's table_<date>.csv with categories_<date>.json beside it, Vectara's README.md,
tau2-bench's submissions/manifest.json with <name>/submission.json beside it, Aider's YAML."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiohttp import web
from pydantic import TypeAdapter

from bot.alerts.refresh import refresh
from bot.catalog.check import read_catalog_file
from bot.catalog.models import Score
from bot.service import ensure_loaded
from bot.settings import Settings
from bot.store import Store
from tests.conftest import SHIPPED, run_cli

pytestmark = pytest.mark.timeout(60)

SOURCES = Settings(_env_file=None).sources_dir
if not (SOURCES / "tau2-bench").is_dir():
    pytest.skip(f"source snapshots not found at {SOURCES}", allow_module_level=True)

BASE = json.loads(SHIPPED.read_text())
# Epoch's own runs and two compiled leaderboards: enough of the zip to read as the real one does
EPOCH_CSVS = (
    "gpqa_diamond.csv",
    "terminalbench_external.csv",
    "arc_agi_2_external.csv",
    "epoch_capabilities_index.csv",
    "mmlu_external.csv",  # vendors' paper figures: in the zip, not read
)
EPOCH_BENCHMARKS = {"gpqa", "terminal-bench-2.0", "arc-agi-v2", "epoch-capabilities-index"}
TAU2 = SOURCES / "tau2-bench" / "submissions"
SUBMISSIONS = sorted(p.parent.name for p in TAU2.glob("*/submission.json"))
# kind -> (the source it is in the catalog, the path of its main file on the server)
PATHS = {
    "epoch": ("epoch-ai", "data/benchmark_data.zip"),
    "livebench": ("livebench", "public/table_2026_01_08.csv"),
    "vectara": ("vectara", "vectara/hallucination-leaderboard/main/README.md"),
    "tau2": ("tau2-bench", "web/leaderboard/public/submissions/manifest.json"),
    "aider": ("aider", "aider/website/_data/polyglot_leaderboard.yml"),
}


class Boards:
    """The leaderboards' sites: `files[path]` is served at /path with an ETag, and answers 304 to
    a request that names it; `status[path]` answers with that HTTP status instead."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.status: dict[str, int] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.url = ""

    def spec(self, kind: str) -> str:
        return f"{kind}={self.url}/{PATHS[kind][1]}"

    def load_snapshots(self) -> None:
        zipped = io.BytesIO()
        with zipfile.ZipFile(zipped, "w") as z:
            for name in EPOCH_CSVS:
                z.writestr(name, (SOURCES / "epoch-ai" / name).read_bytes())
        self.files["data/benchmark_data.zip"] = zipped.getvalue()
        lb = SOURCES / "livebench"
        self.files["public/table_2026_01_08.csv"] = (lb / "table.csv").read_bytes()
        self.files["public/categories_2026_01_08.json"] = (lb / "categories.json").read_bytes()
        self.files["vectara/hallucination-leaderboard/main/README.md"] = (
            SOURCES / "vectara-hallucination" / "README.md"
        ).read_bytes()
        where = "web/leaderboard/public/submissions"
        manifest = {"submissions": SUBMISSIONS, "last_updated": "2026-08-18T00:00:00Z"}
        self.files[f"{where}/manifest.json"] = json.dumps(manifest).encode()
        for name in SUBMISSIONS:
            self.files[f"{where}/{name}/submission.json"] = (
                TAU2 / name / "submission.json"
            ).read_bytes()
        self.files["aider/website/_data/polyglot_leaderboard.yml"] = (
            SOURCES / "aider" / "polyglot_leaderboard.yml"
        ).read_bytes()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        self.seen.append((path, dict(request.headers)))
        if path in self.status:
            return web.Response(status=self.status[path])
        if path not in self.files:
            return web.Response(status=404)
        body = self.files[path]
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=body, headers={"ETag": etag})

    def asked(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.seen if p == path]


@pytest.fixture
async def boards():
    b = Boards()
    b.load_snapshots()
    app = web.Application()
    app.router.add_get("/{path:.*}", b.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    b.url = f"http://127.0.0.1:{port}"
    yield b
    await runner.cleanup()


def settings_for(tmp_path: Path, sources: list[str]) -> Settings:
    return Settings(
        _env_file=None,
        database_path=tmp_path / "bot.sqlite3",
        refresh_sources=sources,
        refresh_interval_minutes=0,
        alert_confirmations=1,
        http_timeout_seconds=2,
        http_retries=2,
        http_backoff_seconds=0,
    )


def without_source(tmp_path: Path, source: str) -> str:
    """The shipped catalog without the scores one leaderboard gave it, as a native source."""
    data = copy.deepcopy(BASE)
    data["scores"] = [s for s in data["scores"] if s["source"] != source]
    path = tmp_path / f"without-{source}.json"
    path.write_text(json.dumps(data))
    return f"native={path}"


async def start_from(store: Store, native: str) -> None:
    """The store as a bot that has served `native` so far."""
    path = Path(native.split("=", 1)[1])
    await store.load_catalog(await asyncio.to_thread(read_catalog_file, path), str(path))


FIELDS = ("model", "benchmark", "value", "variant", "source_url", "self_reported")
SCORE_JSON = TypeAdapter(Score)


def credited(scores: list[Any], source: str, benchmarks: set[str] | None = None) -> set:
    """What a user sees of a leaderboard's scores (a catalog's, or the shipped file's): model,
    benchmark, value, run, link, and whether it is the vendor's own figure."""
    rows = [s if isinstance(s, dict) else SCORE_JSON.dump_python(s, mode="json") for s in scores]
    return {
        tuple(r.get(f) for f in FIELDS)  # a file leaves out a score's fields at their defaults
        for r in rows
        if r["source"] == source and (benchmarks is None or r["benchmark"] in benchmarks)
    }


async def _texts(store: Store) -> list[str]:
    return [c["text"] for c in await store.list_changes()]


# One score per leaderboard as the shipped catalog holds it (model, benchmark, value, run, date).
KNOWN = {
    "epoch": ("gpt-5.5", "gpqa", 94.002, "xhigh", dt.date(2026, 4, 24)),
    "livebench": ("gpt-5.5", "livebench-coding", 82.471, "xhigh", None),  # dated the day read
    "vectara": ("gpt-5.1", "vectara-hallucination", 12.1, "high", dt.date(2026, 3, 10)),
    "tau2": ("claude-opus-4-5", "tau2-airline", 84.0, "high", dt.date(2026, 2, 26)),
    "aider": ("gpt-5", "aider-polyglot", 88.0, "high", dt.date(2025, 8, 23)),
}


@pytest.mark.parametrize("kind", list(PATHS))
async def test_a_first_refresh_stores_the_leaderboards_scores(
    tmp_path: Path, boards: Boards, kind: str
) -> None:
    """Against a catalog without that leaderboard's scores, a refresh brings back every one the
    build gave it: matched to the same models, at the same run, independent, with its link."""
    source = PATHS[kind][0]
    native = without_source(tmp_path, source)
    settings = settings_for(tmp_path, [native, boards.spec(kind)])
    async with Store(settings.database_path) as s:
        await start_from(s, native)
        r = await refresh(s, settings)
        assert [o.status for o in r.outcomes] == ["updated", "updated"], r.outcomes
        cat = await s.read_catalog()
        texts = await _texts(s)
    only = EPOCH_BENCHMARKS if kind == "epoch" else None
    assert credited(cat.scores, source, only) == credited(BASE["scores"], source, only)
    model, bench, value, variant, date = KNOWN[kind]
    score = cat.scores_of(model)[bench]
    assert (score.value, score.variant, score.source, score.self_reported) == (
        value,
        variant,
        source,
        False,
    )
    assert score.date == (date or dt.date.today())
    name = cat.model_by_id[model].name
    bname = cat.benchmark_by_id[bench].name
    assert any(t.startswith(f"New score: {name} on {bname}: ") for t in texts)
    assert any(src.id == source for src in cat.meta.sources)


async def test_unchanged_leaderboards_are_asked_for_conditionally(
    tmp_path: Path, boards: Boards
) -> None:
    kinds = list(PATHS)
    settings = settings_for(tmp_path, ["native=shipped", *(boards.spec(k) for k in kinds)])
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        await refresh(s, settings)
        before = await s.snapshot_ids()
        r = await refresh(s, settings)
        status = {o.source.split("=")[0]: o.status for o in r.outcomes}
        assert await s.snapshot_ids() == before and r.changes == 0 and not r.changed
    for kind in ("epoch", "livebench", "vectara", "aider"):
        assert status[kind] == "not modified", kind
        second = boards.asked(PATHS[kind][1])[-1]
        assert second.get("If-None-Match"), kind
    # tau2-bench is read in full every time (a submission can change without its manifest),
    # and the same files are "unchanged"
    assert status["tau2"] == "unchanged"


async def test_a_first_refresh_from_the_snapshots_the_catalog_was_built_from_changes_nothing(
    tmp_path: Path, boards: Boards
) -> None:
    """The build and a refresh read a leaderboard alike: the shipped catalog, refreshed from the
    very files it was built from, has nothing new to say."""
    settings = settings_for(tmp_path, ["native=shipped", *(boards.spec(k) for k in PATHS)])
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        before = await s.snapshot_ids()
        r = await refresh(s, settings)
        assert {o.status for o in r.outcomes} == {"updated"}
        assert await _texts(s) == []
        assert r.changes == 0 and not r.changed and await s.snapshot_ids() == before


async def test_a_regraded_submission_is_a_score_change_and_a_new_leader(
    tmp_path: Path, boards: Boards
) -> None:
    """tau2-bench re-grades GPT-5.4's banking run in place: the manifest stays as it was."""
    settings = settings_for(tmp_path, ["native=shipped", boards.spec("tau2")])
    path = "web/leaderboard/public/submissions/gpt-5-4_sierra_2026-03-25/submission.json"
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        await refresh(s, settings)
        sub = json.loads(boards.files[path])
        assert sub["results"]["banking_knowledge"]["pass_1"] == 39.43
        sub["results"]["banking_knowledge"]["pass_1"] = 52.6
        boards.files[path] = json.dumps(sub).encode()
        r = await refresh(s, settings)
        assert [o.status for o in r.outcomes][-1] == "updated"
        changes = {c["kind"]: c for c in await s.list_changes() if c["kind"] != "top10"}
        banking = (await s.read_catalog()).scores_of("gpt-5.4")["tau2-banking"]
    assert changes["score"]["text"] == "Score: GPT-5.4 on τ²-bench Banking 39.4 → 52.6 (+13.2)."
    assert changes["leader"]["text"].startswith("New #1 in Agentic: GPT-5.4 (")
    assert changes["leader"]["text"].endswith("), taking over from GPT-5.5.")
    assert (banking.value, banking.variant, banking.self_reported) == (52.6, "xhigh", False)


async def test_a_failing_leaderboard_changes_nothing_and_keeps_its_last_good_part(
    tmp_path: Path, boards: Boards
) -> None:
    native = without_source(tmp_path, "vectara")
    settings = settings_for(tmp_path, [native, boards.spec("vectara"), boards.spec("livebench")])
    readme = PATHS["vectara"][1]
    async with Store(settings.database_path) as s:
        await start_from(s, native)
        await refresh(s, settings)
        stored = await s.read_catalog()
        vectara = credited(stored.scores, "vectara")
        assert len(vectara) == len(credited(BASE["scores"], "vectara")) > 50
        boards.status[readme] = 500
        r = await refresh(s, settings)
        outcome = {o.source.split("=")[0]: o for o in r.outcomes}["vectara"]
        assert outcome.status == "failed" and "HTTP 500" in outcome.detail
        assert not r.changed and await s.read_catalog() == stored
        # LiveBench moves while Vectara is still down: the merge keeps Vectara's last good part
        table = boards.files[PATHS["livebench"][1]].decode().splitlines()
        row = next(i for i, line in enumerate(table) if line.startswith("gpt-5.5-xhigh,"))
        head = table[0].split(",")
        cells = table[row].split(",")
        cells[head.index("python")] = "100.0"
        table[row] = ",".join(cells)
        boards.files[PATHS["livebench"][1]] = ("\n".join(table) + "\n").encode()
        r = await refresh(s, settings)
        assert {o.source.split("=")[0]: o.status for o in r.outcomes} == {
            "native": "unchanged",
            "vectara": "failed",
            "livebench": "updated",
        }
        now = await s.read_catalog()
    assert r.changed
    assert credited(now.scores, "vectara") == vectara
    assert now.scores_of("gpt-5.5")["livebench-agentic-coding"].value != (
        stored.scores_of("gpt-5.5")["livebench-agentic-coding"].value
    )


async def test_a_gutted_leaderboard_is_refused(tmp_path: Path, boards: Boards) -> None:
    settings = settings_for(tmp_path, ["native=shipped", boards.spec("livebench")])
    path = PATHS["livebench"][1]
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        await refresh(s, settings)
        stored = await s.read_catalog()
        lines = boards.files[path].decode().splitlines()
        boards.files[path] = ("\n".join(lines[:6]) + "\n").encode()  # the header and five models
        r = await refresh(s, settings)
        livebench = r.outcomes[-1]
        assert livebench.status == "invalid"
        assert "refusing to drop more than half" in livebench.detail
        assert not r.changed and await s.read_catalog() == stored
        assert credited(stored.scores, "livebench") == credited(BASE["scores"], "livebench")


async def test_an_independent_run_replaces_a_vendor_claim_and_keeps_it_beside(
    tmp_path: Path, boards: Boards
) -> None:
    """DeepSeek's own card claims 68.4 on Aider's polyglot; Aider then runs the model itself."""
    settings = settings_for(tmp_path, ["native=shipped", boards.spec("aider")])
    path = PATHS["aider"][1]
    async with Store(settings.database_path) as s:
        await ensure_loaded(s, settings)
        claim = (await s.read_catalog()).scores_of("deepseek-v3.1")["aider-polyglot"]
        assert (claim.value, claim.self_reported) == (68.4, True)
        runs = yaml.safe_load(boards.files[path])
        runs.append(
            {
                "dirname": "2025-08-21-deepseek-v3.1",
                "test_cases": 225,
                "model": "DeepSeek V3.1",
                "edit_format": "diff",
                "pass_rate_1": 30.2,
                "pass_rate_2": 61.3,
                "command": "aider --model deepseek/deepseek-chat",
                "date": dt.date(2025, 8, 21),
            }
        )
        boards.files[path] = yaml.safe_dump(runs, sort_keys=False).encode()
        await refresh(s, settings)
        score = (await s.read_catalog()).scores_of("deepseek-v3.1")["aider-polyglot"]
        texts = await _texts(s)
    assert (score.value, score.source, score.self_reported, score.date) == (
        61.3,
        "aider",
        False,
        dt.date(2025, 8, 21),
    )
    assert score.source_url == "https://aider.chat/docs/leaderboards/"
    assert (score.vendor_value, score.vendor_source_url) == (
        68.4,
        "https://huggingface.co/deepseek-ai/DeepSeek-V3.1",
    )
    assert "Score: DeepSeek-V3.1 on Aider Polyglot 68.4 → 61.3 (-7.1)." in texts


def test_an_operator_refreshes_a_leaderboard_from_the_command_line(
    tmp_path: Path, env: dict[str, str], boards_in_thread: Boards
) -> None:
    boards = boards_in_thread
    env["REFRESH_SOURCES"] = '["native=shipped"]'  # nothing else is read, nothing online
    aider = boards.spec("aider")
    path = PATHS["aider"][1]
    first = run_cli(["data", "refresh", "--source", aider], env)
    assert first.returncode == 0, first.stderr
    assert f"{aider}: updated" in first.stdout
    assert "0 changes recorded" in first.stdout
    runs = yaml.safe_load(boards.files[path])
    gpt5 = next(r for r in runs if r["model"] == "gpt-5 (high)")
    assert gpt5["pass_rate_2"] == 88.0
    gpt5["pass_rate_2"] = 90.2
    boards.files[path] = yaml.safe_dump(runs, sort_keys=False).encode()
    second = run_cli(["data", "refresh", "--source", aider], env)
    assert second.returncode == 0 and "1 change recorded" in second.stdout, second.stdout
    listing = run_cli(["changes"], env).stdout
    assert "Score: GPT-5 on Aider Polyglot 88 → 90.2 (+2.2)." in listing
    third = run_cli(["data", "refresh", "--source", aider], env)
    assert f"{aider}: not modified" in third.stdout and "0 changes recorded" in third.stdout
    boards.files[path] = b"- model: o3 (high)\n  pass_rate_2: [79.6\n"
    broken = run_cli(["data", "refresh", "--source", aider], env)
    assert broken.returncode == 1
    assert f"{aider}: invalid (" in broken.stdout and "broken YAML" in broken.stdout


@pytest.fixture
def boards_in_thread():
    """The same sites for a test that waits on a subprocess: served from their own thread."""
    import threading

    b = Boards()
    b.load_snapshots()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state: dict[str, Any] = {}

    async def start() -> None:
        app = web.Application()
        app.router.add_get("/{path:.*}", b.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state["runner"] = runner
        b.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
        ready.set()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(10)
    yield b
    asyncio.run_coroutine_threadsafe(state["runner"].cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()
