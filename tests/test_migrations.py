"""Schema migrations: a database the store wrote at any earlier version upgrades to the current
schema with every row kept; a newer one is refused; a failed migration changes nothing."""

from __future__ import annotations

import asyncio
import dataclasses
import fnmatch
import re
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

import pytest

from bot.catalog.models import Catalog
from bot.store import Store, StoreError
from bot.store import migrations as store_migrations
from bot.store.db import content_hash
from bot.store.migrations import MIGRATIONS, Migration
from tests.conftest import ROOT

DUMPS = ROOT / "tests" / "data" / "store_versions"
VERSIONS = sorted(int(p.stem[1:]) for p in DUMPS.glob("v*.sql"))

# Fields later migrations added, as a database from before them reads them back.
ADDED: dict[int, dict[str, dict[str, Any]]] = {
    8: {
        "benchmarks": {"difficulty": 0.0},
        "scores": {"variant": None, "vendor_value": None, "vendor_source_url": None},
    },
    9: {"benchmarks": {"short": None}},
    10: {"models": dict.fromkeys(("long_context_from", "long_input_price", "long_output_price"))},
}


def restore(version: int, path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript((DUMPS / f"v{version:02d}.sql").read_text(encoding="utf-8"))
    con.close()


def schema(path: Path) -> list[tuple[str, str, str]]:
    """Every table and index with its definition, whitespace aside (a statement's layout in the
    file that created it is kept by SQLite, and means nothing)."""
    con = sqlite3.connect(path)
    rows = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    con.close()
    return [(t, n, re.sub(r"\s+", " ", sql or "").strip()) for t, n, sql in rows]


def tables(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Each table's columns and its rows, in a stable order."""
    con = sqlite3.connect(path)
    out = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cur = con.execute(f"SELECT * FROM {name}")
        cols = [d[0] for d in cur.description]
        out[name] = (cols, sorted(cur.fetchall(), key=repr))
    con.close()
    return out


def _copy(record: Any, values: dict[str, Any]) -> Any:
    if dataclasses.is_dataclass(record):  # a score
        return dataclasses.replace(record, **values)
    return record.model_copy(update=values)


def as_of(catalog: Catalog, version: int) -> Catalog:
    """The catalog as a database at `version` held it: later fields at their defaults."""
    update: dict[str, dict[str, Any]] = {}
    for number, fields in ADDED.items():
        if number > version:
            for table, values in fields.items():
                update.setdefault(table, {}).update(values)
    return catalog.model_copy(
        update={
            table: tuple(_copy(r, values) for r in getattr(catalog, table))
            for table, values in update.items()
        }
    )


@pytest.fixture(scope="module")
def latest_snapshots(tmp_path_factory: pytest.TempPathFactory) -> list[Catalog]:
    """The snapshots in the dump at the latest version the dumps hold, read back."""
    path = tmp_path_factory.mktemp("latest") / "db.sqlite3"
    restore(VERSIONS[-1], path)

    async def read() -> list[Catalog]:
        async with Store(path) as store:
            return [await store.read_catalog(sid) for sid in await store.snapshot_ids()]

    return asyncio.run(read())


def test_the_newest_migration_runs_on_a_database_written_before_it() -> None:
    assert list(range(1, VERSIONS[-1] + 1)) == VERSIONS
    assert VERSIONS[-1] >= len(MIGRATIONS) - 1


@pytest.mark.parametrize("version", VERSIONS)
async def test_a_database_from_an_earlier_version_upgrades_whole(
    version: int, tmp_path: Path, catalog: Catalog, latest_snapshots: list[Catalog]
) -> None:
    path, fresh = tmp_path / "old.sqlite3", tmp_path / "fresh.sqlite3"
    restore(version, path)
    before = tables(path)
    async with Store(fresh) as store:
        pass
    async with Store(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
        assert schema(path) == schema(fresh)
        # every row kept, every column a migration added at its default
        after = tables(path)
        con = sqlite3.connect(path)
        for table, (cols, rows) in before.items():
            new_cols, new_rows = after[table]
            assert [tuple(r[new_cols.index(c)] for c in cols) for r in new_rows] == rows, table
            for column, default in con.execute(
                f"SELECT name, dflt_value FROM pragma_table_info('{table}')"
            ).fetchall():
                if column not in cols:
                    [value] = con.execute(f"SELECT {default or 'NULL'}").fetchone()
                    assert all(r[new_cols.index(column)] == value for r in new_rows), column
        con.close()
        # the snapshots read back as that version stored them
        ids = await store.snapshot_ids()
        assert len(ids) == len(latest_snapshots) == 2
        for sid, expected in zip(ids, latest_snapshots, strict=True):
            back = await store.read_catalog(sid)
            assert back is not None
            assert back.model_dump() == as_of(expected, version).model_dump()
        if version >= 2:
            assert await store.listening_channels() == {111}
        if version >= 3:
            sub = await store.subscription(111)
            assert sub is not None and (sub.status, sub.failures) == ("failing", 1)
            rows = await store.outbox(("pending", "sending", "sent"))
            assert [(r.part, r.status) for r in rows] == [(0, "sent"), (1, "pending")]
            [change] = await store.list_changes()
            assert change["key"] == "price:gpt-4.1:input" and change["alerted"]
        # and it takes a new catalog
        result = await store.load_catalog(catalog, origin="after the upgrade")
        assert result.changed
        back = await store.read_catalog()
        assert back is not None and content_hash(back) == content_hash(catalog)


async def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    restore(VERSIONS[-1], path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    con.close()
    before = tables(path)
    with pytest.raises(StoreError, match=f"schema version {len(MIGRATIONS) + 1}, newer"):
        await Store(path).open()
    assert tables(path) == before


async def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    restore(VERSIONS[-1], path)
    await (await Store(path).open()).close()  # brought up to the newest version first
    before = (schema(path), tables(path))
    broken = Migration(
        len(MIGRATIONS) + 1,
        "broken",
        "CREATE TABLE extra (a INTEGER);\nINSERT INTO nowhere VALUES (1);",
    )
    monkeypatch.setattr(store_migrations, "MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(StoreError, match="no such table: nowhere"):
        await Store(path).open()
    assert (schema(path), tables(path)) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    con.close()


def test_an_installed_package_holds_the_migrations() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["setuptools"]["package-data"]["bot"]
    folder = ROOT / "bot" / "store" / "migrations"
    files = sorted(p.relative_to(ROOT / "bot").as_posix() for p in folder.glob("*.sql"))
    assert len(files) == len(MIGRATIONS)
    assert all(any(fnmatch.fnmatch(f, glob) for glob in shipped) for f in files)
