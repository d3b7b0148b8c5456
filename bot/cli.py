"""Command line: `python -m bot <command>`.  Every command honours the settings (DATABASE_PATH,
DATA_DIR, LOG_LEVEL, ...), so a second database is one environment variable away."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.catalog.check import read_catalog_file
from bot.catalog.errors import CatalogError
from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.store import Store, StoreError

log = logging.getLogger("bot")


def _setup_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
        stream=sys.stderr,
    )
    # discord.py's per-request debug lines drown everything else.
    logging.getLogger("discord.http").setLevel(max(logging.INFO, logging.getLogger().level))


def _parser() -> argparse.ArgumentParser:
    # About 60 lines: one declaration per command and option, a flat table rather than logic.
    p = argparse.ArgumentParser(prog="python -m bot", description="AI model comparison bot.")
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="start the bot (console when DISCORD_TOKEN is unset)")

    ask = sub.add_parser("ask", help="answer one message (or a file of them) and print it")
    ask.add_argument("message", nargs="*", help="the message, as typed in Discord")
    ask.add_argument("--json", action="store_true", help="one JSON object per message")
    ask.add_argument("--batch", type=Path, help="a file with one message per line ('-' = stdin)")

    sync = sub.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", type=int, help="one server (instant); default: global (slow)")

    ch = sub.add_parser("changes", help="list recorded changes in the data")
    ch.add_argument("--since", help="ISO date or time, or a span like 24h, 7d")
    ch.add_argument("--json", action="store_true")

    data = sub.add_parser("data", help="build, check, load and describe the catalog")
    dsub = data.add_subparsers(dest="data_command", required=True)
    b = dsub.add_parser("build", help="build data/catalog.json from the source snapshots")
    b.add_argument("--sources", type=Path, help="folder of source snapshots (SOURCES_DIR)")
    b.add_argument("--out", type=Path, help="where to write (default DATA_DIR/catalog.json)")
    c = dsub.add_parser("check", help="validate a catalog file without loading it")
    c.add_argument("file", type=Path, nargs="?", help="default DATA_DIR/catalog.json")
    ld = dsub.add_parser(
        "load",
        help="validate a catalog file (or a published file of speed figures) and load it into "
        "the database",
    )
    ld.add_argument("file", type=Path, nargs="?", help="default DATA_DIR/catalog.json")
    ld.add_argument(
        "--force",
        action="store_true",
        help="load it even when it holds under half the current models or scores",
    )
    rf = dsub.add_parser("refresh", help="read the live sources now and record what changed")
    rf.add_argument(
        "--source",
        action="append",
        metavar="KIND=PATH_OR_URL",
        help="a source to read (repeatable; KIND: native, modelsdev, benchlm, epoch, livebench, "
        "vectara, tau2, aider); default: REFRESH_SOURCES",
    )
    rf.add_argument(
        "--force",
        action="store_true",
        help="take a source even when it drops more than half of its entries or of the scores",
    )
    st = dsub.add_parser("stats", help="what the database holds")
    st.add_argument("--json", action="store_true")

    speed = sub.add_parser("speed", help="the speed probe: measure speed and latency, list them")
    ssub = speed.add_subparsers(dest="speed_command", required=True)
    pr = ssub.add_parser("probe", help="probe the configured models (SPEED_PROBE_*)")
    pr.add_argument("--once", action="store_true", help="a few runs of each model now, then stop")
    pr.add_argument("--runs", type=int, help="runs per model with --once (SPEED_PROBE_RUNS)")
    sh = ssub.add_parser("show", help="the measured figures, where and when they were measured")
    sh.add_argument(
        "--json", action="store_true", help="as a file other bots load with `data load FILE`"
    )
    return p


async def _data_load(settings: Settings, file: Path, force: bool) -> int:
    from bot.service import load_checked

    catalog = await asyncio.to_thread(read_catalog_file, file)
    async with Store(settings.database_path) as store:
        result = await load_checked(store, catalog, file, force=force)
    if result.changed:
        print(
            f"Loaded {result.models} models, {result.benchmarks} benchmarks and "
            f"{result.scores} scores from {file} into {settings.database_path} "
            f"(snapshot {result.snapshot_id})."
        )
    else:
        print(
            f"{file} holds the data already loaded (snapshot {result.snapshot_id}); nothing changed."
        )
    return 0


async def _refused_by_load(settings: Settings, catalog: Catalog, file: Path) -> None:
    """What `data load` would refuse beyond the file itself: dropping most of the data the
    database holds (checked only where a database already is; checking creates none)."""
    from bot.service import refuse_dropping_most

    if not settings.database_path.is_file():
        return
    async with Store(settings.database_path) as store:
        current = await store.snapshot_info()
    refuse_dropping_most(current, catalog, file)


async def _data_stats(settings: Settings, as_json: bool) -> int:
    from bot.catalog.method import scoreboard_for
    from bot.catalog.stats import catalog_stats

    async with Store(settings.database_path) as store:
        info = await store.snapshot_info()
        catalog = await store.read_catalog() if info is not None else None
    payload: dict[str, object] = {
        "models": 0,
        "models_with_scores": 0,
        "models_ranked": 0,
        "scores": 0,
        "scores_independent": 0,
        "benchmarks": 0,
        "newest_score_date": None,
        "sources": {},
        "loaded_at": None,
        "data_as_of": None,
        "origin": None,
        "snapshot": None,
    }
    if info is not None and catalog is not None:
        payload.update(catalog_stats(scoreboard_for(catalog)))
        payload.update(
            loaded_at=info.loaded_at,
            data_as_of=info.data_as_of,
            origin=info.origin,
            snapshot=info.id,
        )
    if as_json:
        print(json.dumps(payload))
    elif info is None:
        print(f"{settings.database_path} holds no data yet: run `python -m bot data load`.")
    else:
        p = payload
        print(
            f"{p['models']} models ({p['models_with_scores']} with scores, {p['models_ranked']} "
            f"ranked), {p['benchmarks']} benchmarks, {p['scores']} scores "
            f"({p['scores_independent']} measured independently); newest score "
            f"{p['newest_score_date']}; data as of {p['data_as_of']}, loaded {p['loaded_at']} "
            f"from {p['origin']}."
        )
        sources = p["sources"]
        assert isinstance(sources, dict)  # catalog_stats gives counts per source
        for src, n in sources.items():
            print(f"  {src:<12} {n['scores']:>6} scores, {n['independent']:>6} independent")
    return 0


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runner import load_engine

    if args.batch is None and not args.message:
        print('error: give a message, e.g. python -m bot ask "gpt-4.1 vs o3"', file=sys.stderr)
        return 2
    engine = asyncio.run(load_engine(settings))
    if args.batch is not None:
        name = "standard input" if str(args.batch) == "-" else str(args.batch)
        try:
            stream = sys.stdin.buffer if name == "standard input" else args.batch.open("rb")
        except OSError as err:
            raise CatalogError(name, f"cannot read it: {err.strerror or err}") from None
        failed = 0
        with stream:
            # bytes, decoded line by line: one bad byte is that line's error, not the batch's
            for number, raw in enumerate(stream, start=1):
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as err:
                    failed += 1
                    why = (
                        f"byte 0x{raw[err.start]:02x} at column {err.start + 1} is not UTF-8; "
                        "skipped (save the file as UTF-8)"
                    )
                    print(f"error: {name}, line {number}: {why}", file=sys.stderr)
                    if args.json:
                        print(json.dumps({"error": why, "line": number}))
                    continue
                if not line.strip():
                    continue
                try:
                    reply = engine.ask(line)
                except Exception:  # one bad message must not end the batch
                    log.exception("could not answer %r", line[:200])
                    failed += 1
                    if args.json:
                        print(json.dumps({"error": "could not answer", "message": line[:200]}))
                    continue
                _emit(reply, args.json)
        return 1 if failed else 0
    _emit(engine.ask(" ".join(args.message)), args.json)
    return 0


def _emit(reply, as_json: bool) -> None:
    if as_json:
        print(json.dumps(reply.to_json(), ensure_ascii=False))
    else:
        print(reply.text)
        print()


async def _data_refresh(settings: Settings, sources: list[str] | None, force: bool) -> int:
    from bot.alerts.refresh import refresh, specs_from
    from bot.service import ensure_loaded

    try:
        specs = specs_from(settings, sources)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    async with Store(settings.database_path) as store:
        if await store.current_snapshot_id() is None:
            await ensure_loaded(store, settings)
        report = await refresh(store, settings, specs, force=force)
    for o in report.outcomes:
        print(f"{o.source}: {o.status}" + (f" ({o.detail})" if o.detail else ""))
    from bot.answers.fmt import plural

    print(
        f"Refresh {report.run_id}: {plural(report.changes, 'change')} recorded, "
        f"{plural(report.confirmed, 'alert')} confirmed, "
        f"{plural(report.queued, 'channel digest')} queued."
    )
    return 1 if any(o.status in ("failed", "invalid") for o in report.outcomes) else 0


def _since(text: str | None) -> str | None:
    import datetime as dt
    import re

    if not text:
        return None
    m = re.fullmatch(r"(\d+)\s*([hdw])", text.strip())
    if m:
        hours = int(m.group(1)) * {"h": 1, "d": 24, "w": 168}[m.group(2)]
        return (dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)).isoformat(timespec="seconds")
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CatalogError(
            "--since", f"{text!r} is not a date, a time or a span like 24h or 7d"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    # stored times are UTC strings: compare like with like
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")


async def _changes(settings: Settings, since: str | None, as_json: bool) -> int:
    start = _since(since)
    async with Store(settings.database_path) as store:
        rows = await store.list_changes(start)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print("No changes recorded" + (f" since {start}." if start else "."))
        return 0
    for r in rows:
        mark = "confirmed" if r["alerted"] else "logged"
        print(f"{r['at']}  {r['kind']:<13} {mark:<9}  {r['text']}")
    return 0


def _data_build(settings: Settings, sources: Path | None, out: Path | None) -> int:
    from bot.sources.build import BuildReport, build, report_lines, write_catalog, write_report

    src = sources or settings.sources_dir
    if not src.is_dir():
        raise CatalogError(
            str(src), "no such folder of source snapshots (set SOURCES_DIR or --sources)"
        )
    report = BuildReport()
    catalog = build(src, settings.data_dir, report)
    target = out or settings.catalog_file
    write_catalog(catalog, target)
    with_scores = len({s.model for s in catalog.scores})
    print(
        f"Wrote {target}: {len(catalog.models)} models ({with_scores} with scores), "
        f"{len(catalog.benchmarks)} benchmarks, {len(catalog.scores)} scores; "
        f"{len(report.merged)} models merged across sources."
    )
    for line in report_lines(report):
        print(f"  {line}")
    if out is None:
        where = settings.data_dir / "build-report.json"
        write_report(report, where)
        print(f"Every match and every refused score: {where}")
    return 0


def _data(settings: Settings, args: argparse.Namespace) -> int:
    """`python -m bot data build|check|load|refresh|stats`."""
    if args.data_command == "build":
        return _data_build(settings, args.sources, args.out)
    if args.data_command in ("check", "load") and args.file is not None:
        from bot.speed import cli as speed_cli

        if speed_cli.is_figures(args.file):  # another operator's speed figures
            if args.data_command == "check":
                return speed_cli.check_file(args.file)
            return asyncio.run(speed_cli.load_file(settings, args.file))
    if args.data_command == "check":
        file = args.file or settings.catalog_file
        catalog = read_catalog_file(file)
        asyncio.run(_refused_by_load(settings, catalog, file))
        with_scores = len({s.model for s in catalog.scores})
        print(
            f"{file} is valid: {len(catalog.models)} models ({with_scores} with scores), "
            f"{len(catalog.benchmarks)} benchmarks, {len(catalog.scores)} scores."
        )
        return 0
    if args.data_command == "load":
        return asyncio.run(_data_load(settings, args.file or settings.catalog_file, args.force))
    if args.data_command == "refresh":
        return asyncio.run(_data_refresh(settings, args.source, args.force))
    if args.data_command == "stats":
        return asyncio.run(_data_stats(settings, args.json))
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as err:
        first = err.errors()[0]
        name = str(first["loc"][0]).upper() if first.get("loc") else "a setting"
        print(f"error: {name}: {first['msg']} (check the environment or .env)", file=sys.stderr)
        return 2
    _setup_logging(settings.log_level)
    try:
        if args.command == "data":
            return _data(settings, args)
        if args.command == "ask":
            return _ask(settings, args)
        if args.command == "speed":
            from bot.speed import cli as speed_cli

            if args.speed_command == "probe":
                if args.runs is not None and not 1 <= args.runs <= 20:
                    print("error: --runs takes 1 to 20", file=sys.stderr)
                    return 2
                return asyncio.run(speed_cli.probe(settings, args.once, args.runs))
            return asyncio.run(speed_cli.show(settings, args.json))
        if args.command == "changes":
            return asyncio.run(_changes(settings, args.since, args.json))
        if args.command == "sync":
            from bot.discord_app.app import sync_commands

            return asyncio.run(sync_commands(settings, args.guild))
        if args.command == "run":
            from bot.runner import run

            return run(settings)
    except CatalogError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except sqlite3.Error as err:
        print(
            f"error: the database at {settings.database_path} refused a write ({err}); "
            "nothing was changed. Check DATABASE_PATH and the disk.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return 2
