"""What keeps the bot fast as the catalog grows, checked for behaviour (timings live in
`python -m benchmarks`): synthetic catalogs, understanding that a crowd of names does not change,
autocomplete by word prefixes, engines that free themselves, the store's catalog cache and the
migration that reshaped the scores table."""

from __future__ import annotations

import codecs
import copy
import dataclasses
import gc
import json
import weakref
from pathlib import Path

import pytest

from benchmarks.synthetic import changed, synthetic_catalog
from bot.alerts.refresh import refresh
from bot.catalog.check import catalog_to_json, check_consistency, read_catalog_file
from bot.catalog.models import Catalog, Model
from bot.engine import Engine
from bot.settings import Settings
from bot.store import Store
from bot.store import migrations as store_migrations
from bot.store import rows as store_rows
from bot.store.db import KEEP_SNAPSHOTS, content_hash
from bot.store.migrations import MIGRATIONS
from bot.store.snapshots import Delta, Snapshots
from tests.conftest import ROOT, SHIPPED

LABELLED = ROOT / "tests" / "data" / "labelled_messages.jsonl"


@pytest.fixture(scope="module")
def crowd(catalog: Catalog) -> Catalog:
    return synthetic_catalog(1000, seed=7, base=catalog)


@pytest.fixture(scope="module")
def engine(catalog: Catalog) -> Engine:
    return Engine(catalog)


@pytest.fixture(scope="module")
def crowded(crowd: Catalog) -> Engine:
    return Engine(crowd)


def names(choices) -> list[str]:  # noqa: ANN001
    return [c.name.split(" · ")[0] for c in choices]


def test_synthetic_catalogs_are_reproducible_valid_and_apart_from_real_names(
    catalog: Catalog, crowd: Catalog
) -> None:
    assert catalog_to_json(synthetic_catalog(1000, seed=7, base=catalog)) == catalog_to_json(crowd)
    assert catalog_to_json(synthetic_catalog(1000, seed=8, base=catalog)) != catalog_to_json(crowd)
    check_consistency(crowd, "synthetic")
    assert len(crowd.models) == 1000
    made_up = [m for m in crowd.models if "synthetic" in m.sources]
    assert len(made_up) == 1000 - len(catalog.models)
    assert all(len(crowd.scores_of(m.id)) == 50 for m in made_up)
    real = {w for m in catalog.models for w in m.name.lower().replace("-", " ").split()}
    assert not {m.family.lower() for m in made_up if m.family} & real
    nxt = changed(crowd)
    assert len(nxt.models) == len(crowd.models) + 15
    assert content_hash(nxt) != content_hash(crowd)


def test_a_crowd_of_names_does_not_change_what_messages_mean(
    engine: Engine, crowded: Engine
) -> None:
    texts = [json.loads(x)["text"] for x in LABELLED.read_text().splitlines() if x.strip()]
    differ = []
    for text in texts:
        a, b = engine.understander.parse(text), crowded.understander.parse(text)
        if (a.intent, a.models, a.category, a.metric) != (b.intent, b.models, b.category, b.metric):
            differ.append(text)
    assert differ == []


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("gpt-4.1", ["GPT-4.1", "GPT-4.1 mini", "GPT-4.1 nano"]),
        ("gemnii 2.5 pro", ["Gemini 2.5 Pro"]),  # a typo in a word is corrected
        ("claud sonet 4", ["Claude Sonnet 4"]),
        ("o3", ["o3", "o3-pro", "o3-mini"]),  # newest first after the name itself
        ("command r+", ["Command R+ (Aug 2024)", "Command R+ (Apr 2024)"]),
        ("gemma 4 12", ["Gemma 4 12B"]),
    ],
)
def test_autocomplete_offers_the_name_being_typed_first(
    engine: Engine, crowded: Engine, typed: str, first: list[str]
) -> None:
    for e in (engine, crowded):  # the same with 700 made-up names in the way
        assert names(e.lookup.suggest(typed))[: len(first)] == first


def test_autocomplete_words_makers_versions_and_nothing(engine: Engine) -> None:
    sonnets = names(engine.lookup.suggest("claude son"))
    assert sonnets and all("Sonnet" in n for n in sonnets[:8])
    openai = engine.lookup.suggest("openai")
    assert len(openai) == 25
    assert {engine.catalog.model_by_id[c.value].creator for c in openai} == {"OpenAI"}
    llamas = names(engine.lookup.suggest("lama 3"))
    assert llamas and all(n.lower().startswith("llama") for n in llamas[:5])
    # "4.1" is a version, never a prefix of 4o
    assert "GPT-4o mini" not in names(engine.lookup.suggest("gpt-4.1"))[:3]
    assert engine.lookup.suggest("xyzzy") == []
    assert len(engine.lookup.suggest("")) == 25
    assert all(len(c.name) <= 100 for c in engine.lookup.suggest("g"))


def test_engines_hold_no_reference_cycles(catalog: Catalog) -> None:
    # A replaced engine (a catalog's worth of objects) is freed the moment it is dropped, by
    # reference counting, not whenever the next full collection walks the whole heap.
    gc.collect()
    gc.disable()
    try:
        e = Engine(catalog)
        for text in ["gemma 4 12b vs gpt-4.1?", "best model for math", "gtp 4.1 vs claud sonet"]:
            e.ask(text)
        e.lookup.suggest("gem")
        e.lookup.resolve("gpt-4.1")
        del e
        assert gc.collect() == 0
    finally:
        gc.enable()


async def test_the_store_keeps_its_last_catalog_but_never_another_writers(
    catalog: Catalog, crowd: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "db.sqlite3"
    async with Store(path) as a, Store(path) as b:
        await a.load_catalog(crowd, origin="a")  # records out of the store's order
        kept = await a.read_catalog()
        assert kept is await a.read_catalog()  # kept, not read back
        assert [m.id for m in kept.models] == sorted(m.id for m in crowd.models)
        async with Store(path) as fresh:  # what a restarted bot would answer from
            again = await fresh.read_catalog()
        assert again is not None
        assert [s.model for s in again.scores] == [s.model for s in kept.scores]
        await a.load_catalog(catalog, origin="a2")
        assert content_hash(await a.read_catalog()) == content_hash(catalog)
        await b.load_catalog(crowd, origin="b")  # another writer moves the current snapshot
        back = await a.read_catalog()
        assert back is not None
        assert content_hash(back) == content_hash(crowd)
        assert await a.read_catalog() is back


async def test_scores_survive_the_migration_to_a_clustered_table(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    # what a schema-5 store held: no difficulty, effort or vendor figure (migration 8), no
    # short labels (migration 9), no long-prompt prices (migration 10)
    long_prices = dict.fromkeys(("long_context_from", "long_input_price", "long_output_price"))
    catalog = catalog.model_copy(
        update={
            "models": tuple(m.model_copy(update=long_prices) for m in catalog.models),
            "benchmarks": tuple(
                b.model_copy(update={"difficulty": 0.0, "short": None}) for b in catalog.benchmarks
            ),
            "scores": tuple(
                dataclasses.replace(s, variant=None, vendor_value=None, vendor_source_url=None)
                for s in catalog.scores
            ),
        }
    )
    # the tables as a schema-5 store wrote them
    later = {
        *long_prices,
        *("difficulty", "short", "variant", "vendor_value", "vendor_source_url"),
        "speed_measurement",
    }
    with monkeypatch.context() as m:
        m.setattr(store_migrations, "MIGRATIONS", MIGRATIONS[:5])
        for name in ("BENCHMARKS", "MODELS", "SCORES"):
            t = getattr(store_rows, name)
            kept = tuple(c for c in t.columns if c.name not in later)
            table = store_rows.Table(t.name, given=t.given, key=t.key, columns=kept, order=t.order)
            m.setattr(store_rows, name, table)
        async with Store(path) as store:
            await store.load_catalog(catalog, origin="before")
            assert await store.schema_version() == 5
    async with Store(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
        back = await store.read_catalog()
        assert back is not None and content_hash(back) == content_hash(catalog)
        async with store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'scores'") as cur:
            assert "WITHOUT ROWID" in (await cur.fetchone())[0]
        # a dropped snapshot takes its scores with it
        for i in range(KEEP_SNAPSHOTS + 1):
            await store.load_catalog(synthetic_catalog(330 + i, base=catalog), origin=f"{i}")
        async with store.db.execute("SELECT COUNT(DISTINCT snapshot_id) FROM scores") as cur:
            assert (await cur.fetchone())[0] == KEEP_SNAPSHOTS


def test_everyday_words_are_never_corrected_into_model_names(catalog: Catalog) -> None:
    # In a big catalog some name sits two edits from "better"; the question still means what
    # it says, and a real misspelling of a name is still fixed.
    bender = Model(id="bender-2", name="Bender 2", creator="Planet Express")
    crowd = Catalog(
        meta=catalog.meta,
        categories=catalog.categories,
        benchmarks=catalog.benchmarks,
        models=(*catalog.models, bender),
        scores=catalog.scores,
    )
    e = Engine(crowd)
    assert e.understander.parse("is gemini better than llama").intent == "clarify"
    fixed = e.understander.parse("gemnii 2.5 pro vs gpt-4.1")
    assert fixed.intent == "compare" and fixed.models == ["gemini-2.5-pro", "gpt-4.1"]
    # beside a version an everyday word can still be a slip for a name
    slip = e.understander.parse("got 4.1 vs claude sonnet 4")
    assert slip.intent == "compare" and slip.models == ["gpt-4.1", "claude-sonnet-4"]
    assert e.understander.parse("o4 mind vs o3").models == ["o4-mini", "o3"]


async def test_a_snapshot_written_as_changes_to_the_last_reads_back_whole(
    crowd: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    nxt = changed(crowd)  # prices, scores, new models and gone ones
    deltas: list[int] = []
    write_delta = Snapshots._write_delta

    async def spy(self: Snapshots, sid: int, base: int, d: Delta) -> None:
        rows = (d.models_gone, d.models_changed, d.models_new)
        rows += (d.scores_gone, d.scores_changed, d.scores_new)
        deltas.append(sum(map(len, rows)))
        await write_delta(self, sid, base, d)

    monkeypatch.setattr(Snapshots, "_write_delta", spy)
    async with Store(path) as store:
        await store.load_catalog(crowd, origin="today")
        await store.load_catalog(nxt, origin="tomorrow")
        await store.load_catalog(crowd, origin="back again")
    assert len(deltas) == 2 and 0 < deltas[0] < len(crowd.scores) // 10
    async with Store(path) as fresh:  # nothing cached: the rows themselves
        for sid, expected in zip(await fresh.snapshot_ids(), (crowd, nxt, crowd), strict=True):
            back = await fresh.read_catalog(sid)
            assert back is not None and content_hash(back) == content_hash(expected)


def test_catalog_files_in_other_encodings_read_the_same(tmp_path: Path) -> None:
    raw = SHIPPED.read_bytes()
    for name, body in (
        ("bom.json", codecs.BOM_UTF8 + raw),
        ("utf16.json", raw.decode("utf-8").encode("utf-16")),
    ):
        (tmp_path / name).write_bytes(body)
        assert content_hash(read_catalog_file(tmp_path / name)) == content_hash(
            read_catalog_file(SHIPPED)
        )


async def test_a_reordered_provenance_is_stored_as_written(
    catalog: Catalog, tmp_path: Path
) -> None:
    m = next(m for m in catalog.models if len(m.provenance) >= 2)
    flipped = m.model_copy(update={"provenance": dict(reversed(m.provenance.items()))})
    other = Catalog(
        meta=catalog.meta,
        categories=catalog.categories,
        benchmarks=catalog.benchmarks,
        models=tuple(flipped if x.id == m.id else x for x in catalog.models),
        scores=catalog.scores,
    )
    path = tmp_path / "db.sqlite3"
    async with Store(path) as store:
        await store.load_catalog(catalog, origin="one")
        await store.load_catalog(other, origin="two")
    async with Store(path) as fresh:
        back = await fresh.read_catalog()
    assert back is not None and back.model_by_id[m.id].provenance == flipped.provenance
    assert list(back.model_by_id[m.id].provenance) == list(flipped.provenance)


async def test_two_native_sources_and_a_feed_dated_with_a_time(
    raw_catalog: dict, tmp_path: Path
) -> None:
    # A second, small native source is not "gutted" for being smaller than the whole catalog,
    # and a feed's values are stored as validated, not as sent.
    big = copy.deepcopy(raw_catalog)
    big["meta"]["data_as_of"] = big["meta"]["data_as_of"] + "T00:00:00"
    keep = {m["id"] for m in raw_catalog["models"][:20]}
    small = copy.deepcopy(raw_catalog)
    small["models"] = [m for m in small["models"] if m["id"] in keep]
    small["scores"] = [x for x in small["scores"] if x["model"] in keep]
    (tmp_path / "big.json").write_text(json.dumps(big))
    (tmp_path / "small.json").write_text(json.dumps(small))
    settings = Settings(
        _env_file=None,
        database_path=tmp_path / "db.sqlite3",
        refresh_sources=[f"native={tmp_path / 'big.json'}", f"native={tmp_path / 'small.json'}"],
        refresh_interval_minutes=0,
    )
    async with Store(settings.database_path) as store:
        first = await refresh(store, settings)
        assert [o.status for o in first.outcomes] == ["updated", "updated"]
        for price in (1.5, 2.5):
            small["models"][0]["input_price"] = price
            (tmp_path / "small.json").write_text(json.dumps(small))
            later = await refresh(store, settings)
            assert [o.status for o in later.outcomes] == ["unchanged", "updated"]
            assert later.catalog is not None
            assert later.catalog.model_by_id[small["models"][0]["id"]].input_price == price


def test_a_cycle_dropped_during_a_bulk_build_is_still_collected() -> None:
    from bot.bulk import gc_paused

    class Node:
        pass

    gc.collect()
    with gc_paused():
        n = Node()
        n.me = n  # a cycle, dropped while the collector is off
        probe = weakref.ref(n)
        del n
    gc.collect()
    assert probe() is None


def test_an_answer_about_a_model_without_scores_reads_summaries_not_every_profile(
    crowd: Catalog,
) -> None:
    """The closest models with scores are found from the scoreboard's summaries: building every
    model's full profile made the first such answer at 10,000 models take two seconds."""
    engine = Engine(crowd)
    board = engine.context.scoreboard
    unscored = next(
        m
        for m in crowd.models
        if not board.profiles[m.id].categories and "synthetic" not in m.sources
    )
    reply = engine.ask(f"{unscored.name} vs gpt-4.1")
    assert reply.query.intent == "compare" and unscored.id in reply.query.models
    assert len(board._full) <= 4  # the two compared, and the closest scored shown
