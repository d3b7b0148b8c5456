from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from bot.catalog.models import Catalog
from bot.store import Store
from bot.store.db import KEEP_SNAPSHOTS, content_hash
from bot.store.migrations import MIGRATIONS
from tests.conftest import run_cli


async def test_round_trip_is_exact(catalog: Catalog, tmp_path: Path) -> None:
    async with Store(tmp_path / "db.sqlite3") as store:
        result = await store.load_catalog(catalog, origin="test")
        assert result.changed and result.models == len(catalog.models)
        back = await store.read_catalog()
    assert back is not None
    assert content_hash(back) == content_hash(catalog)
    assert back.model_by_id["gpt-4.1"] == catalog.model_by_id["gpt-4.1"]


async def test_pragmas_and_migrations(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with Store(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
        async with store.db.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"
        async with store.db.execute("PRAGMA foreign_keys") as cur:
            assert (await cur.fetchone())[0] == 1
    # reopening applies nothing twice
    async with Store(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)


async def test_same_data_twice_is_a_no_op_and_snapshots_are_kept(
    catalog: Catalog, tmp_path: Path
) -> None:
    async with Store(tmp_path / "db.sqlite3") as store:
        first = await store.load_catalog(catalog, origin="a")
        again = await store.load_catalog(catalog, origin="a")
        assert not again.changed and again.snapshot_id == first.snapshot_id

        # a changed catalog becomes a new snapshot; the previous one stays readable
        gpt = catalog.model_by_id["gpt-4.1"].model_copy(update={"input_price": 1.5})
        changed = catalog.model_copy(
            update={"models": tuple(gpt if m.id == "gpt-4.1" else m for m in catalog.models)}
        )
        second = await store.load_catalog(changed, origin="b")
        assert second.changed and second.snapshot_id != first.snapshot_id
        old = await store.read_catalog(first.snapshot_id)
        new = await store.read_catalog()
        assert old.model_by_id["gpt-4.1"].input_price == 2.0
        assert new.model_by_id["gpt-4.1"].input_price == 1.5


async def test_only_the_last_snapshots_are_kept(catalog: Catalog, tmp_path: Path) -> None:
    async with Store(tmp_path / "db.sqlite3") as store:
        for i in range(KEEP_SNAPSHOTS + 2):
            gpt = catalog.model_by_id["gpt-4.1"].model_copy(update={"input_price": 1.0 + i})
            c = catalog.model_copy(
                update={"models": tuple(gpt if m.id == "gpt-4.1" else m for m in catalog.models)}
            )
            await store.load_catalog(c, origin=f"load {i}")
        assert len(await store.snapshot_ids()) == KEEP_SNAPSHOTS
        async with store.db.execute("SELECT COUNT(DISTINCT snapshot_id) FROM scores") as cur:
            assert (await cur.fetchone())[0] == KEEP_SNAPSHOTS


async def test_failed_load_leaves_previous_snapshot_whole(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with Store(path) as store:
        await store.load_catalog(catalog, origin="good")
        # A score whose model is missing breaks a foreign key half-way through the write.
        bad = catalog.model_copy(
            update={"models": tuple(m for m in catalog.models if m.id != "gpt-4.1")}
        )
        with pytest.raises(sqlite3.IntegrityError):
            await store.load_catalog(bad, origin="bad")
        info = await store.snapshot_info()
        assert info is not None and info.origin == "good"
        assert len(await store.snapshot_ids()) == 1
        back = await store.read_catalog()
        assert content_hash(back) == content_hash(catalog)


def test_stats_json_and_second_database(tmp_path: Path, env: dict[str, str]) -> None:
    empty = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert empty["models"] == 0 and empty["loaded_at"] is None
    assert run_cli(["data", "load"], env).returncode == 0
    stats = json.loads(run_cli(["data", "stats", "--json"], env).stdout)
    assert stats["models"] >= 200 and stats["models_with_scores"] >= 150
    assert stats["scores"] >= 2000 and stats["benchmarks"] > 50 and stats["loaded_at"]
    # a second database is one variable away, and starts empty
    other = dict(env, DATABASE_PATH=str(tmp_path / "other.sqlite3"))
    assert json.loads(run_cli(["data", "stats", "--json"], other).stdout)["models"] == 0


def test_concurrent_readers_see_a_whole_snapshot(catalog: Catalog, tmp_path: Path) -> None:
    async def main() -> None:
        path = tmp_path / "db.sqlite3"
        async with Store(path) as writer, Store(path) as reader:
            await writer.load_catalog(catalog, origin="one")
            changed = catalog.model_copy(update={"scores": catalog.scores[:-10]})
            load = asyncio.create_task(writer.load_catalog(changed, origin="two"))
            seen = await reader.snapshot_info()
            await load
            assert seen is not None and seen.scores in (
                len(catalog.scores),
                len(catalog.scores) - 10,
            )

    asyncio.run(main())


async def test_a_read_sees_what_is_committed_without_waiting_for_a_write(tmp_path: Path) -> None:
    async with Store(tmp_path / "db.sqlite3") as store:
        inside, release = asyncio.Event(), asyncio.Event()

        async def write(fail: bool) -> None:
            async with store.transaction():
                await store.set_listen(1, None, True, None)
                assert await store.listening_channels() == {1}  # its own write, uncommitted
                inside.set()
                await release.wait()
                if fail:
                    raise RuntimeError("rolled back")

        for fail in (True, False):
            inside.clear()
            release.clear()
            task = asyncio.create_task(write(fail))
            await inside.wait()
            # another task's open transaction is neither seen nor waited for...
            assert await asyncio.wait_for(store.listening_channels(), 5) == set()
            # ...but another write waits for it to end
            other = asyncio.create_task(store.set_listen(2, None, True, None))
            await asyncio.sleep(0.05)
            assert not other.done()
            release.set()
            await asyncio.gather(task, other, return_exceptions=True)
            assert await store.listening_channels() == ({2} if fail else {1, 2})
            await store.set_listen(2, None, False, None)


async def test_two_reads_of_the_catalog_at_once_read_it_once(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "db.sqlite3"
    async with Store(path) as store:
        await store.load_catalog(catalog, origin="one")
    async with Store(path) as fresh:
        a, b = await asyncio.gather(fresh.read_catalog(), fresh.read_catalog())
    assert a is not None and a is b
