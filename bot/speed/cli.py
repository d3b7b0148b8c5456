"""`python -m bot speed probe [--once]`, `python -m bot speed show [--json]`, and loading another
operator's published figures through `python -m bot data load FILE`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.answers.fmt import num, plural
from bot.catalog.check import read_regular_file
from bot.catalog.errors import CatalogError
from bot.service import ensure_loaded
from bot.settings import Settings
from bot.speed.figures import Figure, is_figures_file
from bot.speed.probe import (
    ProbeConfigError,
    Prober,
    current_figures,
    load_figures,
    probe_config,
    probe_loop,
    publish,
    published_file,
    read_figures_file,
)
from bot.store import Store
from bot.store.speed import day_start

OFF = (
    "the speed probe is off: set SPEED_PROBE_BASE_URL and SPEED_PROBE_MODELS (see .env.example "
    "and the README's 'Speed and latency, measured by the bot')"
)


async def probe(settings: Settings, once: bool, runs: int | None) -> int:
    try:
        config = probe_config(settings)
    except ProbeConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if config is None:
        print(f"error: {OFF}", file=sys.stderr)
        return 2
    async with Store(settings.database_path) as store:
        catalog = await ensure_loaded(store, settings)
        if not once:
            if settings.speed_probe_interval_minutes <= 0:
                print(
                    "error: SPEED_PROBE_INTERVAL_MINUTES is 0 (no probing on a schedule): use "
                    "--once, or set an interval",
                    file=sys.stderr,
                )
                return 2
            print(
                f"Probing {plural(len(config.models), 'model')} via {config.provider} every "
                f"{num(settings.speed_probe_interval_minutes)} minutes (Ctrl-C stops)."
            )
            await probe_loop(store, settings, first_delay=0)
            return 0
        n = runs or settings.speed_probe_runs
        report = await Prober(store, config).round(catalog, n, settings.speed_probe_run_gap_seconds)
        refreshed = await publish(store, settings) if report.runs else None
        figures = {f.model: f for f in await current_figures(store, settings)}
    for r in report.runs:
        what = (
            f"{num(r.output_speed)} tokens/s, {num(r.ttft, 2)} s to the first token "
            f"({r.output_tokens} tokens, {'from usage' if r.tokens_from == 'usage' else 'counted'})"
            if r.status == "ok"
            else f"refused: {r.detail}"
        )
        print(f"{r.model_id:<28} {what}")
    for line in report.skipped:
        print(f"skipped {line}")
    print(
        f"{plural(sum(r.status == 'ok' for r in report.runs), 'run')} measured, "
        f"{sum(r.status != 'ok' for r in report.runs)} refused; about "
        f"${report.spent_before + report.spent:.4f} of the ${config.budget_usd:g} daily budget "
        "spent today."
    )
    for mid in config.models:
        f = figures.get(mid)
        if f is not None and f.measurement.measured_by == "this bot":
            print(f"  {_line(f)}")
        elif mid in catalog.model_by_id:
            print(f"  {mid}: no figure yet (needs {settings.speed_probe_min_runs} measured runs)")
    if refreshed is not None and refreshed.changes:
        print(f"{plural(refreshed.changes, 'change')} recorded (see `python -m bot changes`).")
    ok = any(r.status == "ok" for r in report.runs)
    return 0 if ok else 1


def _line(f: Figure) -> str:
    m = f.measurement
    return (
        f"{f.model}: {num(f.output_speed)} tokens/s ({num(m.speed_low)}–{num(m.speed_high)}), "
        f"{num(f.ttft, 2)} s to the first token ({num(m.ttft_low, 2)}–{num(m.ttft_high, 2)}); "
        f"measured by {m.measured_by} via {m.provider} ({m.endpoint_model}), median of "
        f"{plural(m.runs, 'run')}, "
        + (f"on {m.last_run}" if m.first_run == m.last_run else f"{m.first_run} to {m.last_run}")
    )


async def show(settings: Settings, as_json: bool) -> int:
    async with Store(settings.database_path) as store:
        if as_json:
            file = await published_file(store, settings)
            print(file.model_dump_json(indent=1))
            return 0
        figures = await current_figures(store, settings)
        spent = await store.speed_spent_since(day_start())
        today = await store.speed_runs(since=day_start())
    if not figures:
        print(
            "No speed figures yet: `python -m bot speed probe --once` measures the configured "
            "models."
        )
    for f in figures:
        print(_line(f))
    failed = [r for r in today if r.status != "ok"]
    print(
        f"Today (UTC): {plural(len(today) - len(failed), 'run')} measured, {len(failed)} refused; "
        f"about ${spent:.4f} spent of the ${settings.speed_probe_daily_budget_usd:g} budget."
    )
    for r in failed[-5:]:
        print(f"  {r.at} {r.model_id}: {r.detail}")
    return 0


def is_figures(path: Path) -> bool:
    """Whether `data load` / `data check` was given a file of speed figures, not a catalog. Only a
    regular file is looked into: a named pipe would wait for a writer (the catalog path refuses
    it with its own message)."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            return is_figures_file(fh.read(400))
    except OSError:
        return False


def check_file(path: Path) -> int:
    file = read_figures_file(path, read_regular_file(path))
    by = file.publisher or "another operator's bot"
    print(
        f"{path} is a valid file of {plural(len(file.figures), 'speed figure')} measured by {by}."
    )
    return 0


async def load_file(settings: Settings, path: Path) -> int:
    body = await asyncio.to_thread(read_regular_file, path)
    file = read_figures_file(path, body)
    async with Store(settings.database_path) as store:
        catalog = await ensure_loaded(store, settings)
        report = await load_figures(store, path, file, catalog)
        refreshed = await publish(store, settings) if report.loaded else None
    if report.loaded:
        print(
            f"Loaded {plural(len(report.loaded), 'speed figure')} measured by {report.publisher} "
            f"from {path}; answers show them where this bot has no figure of its own."
        )
    if report.unknown:
        print(
            f"Left out {plural(len(report.unknown), 'figure')} for models this catalog does not "
            f"have: {', '.join(report.unknown[:10])}" + (" ..." if len(report.unknown) > 10 else "")
        )
    if not report.loaded:
        raise CatalogError(str(path), "holds no figure for a model this catalog has")
    if refreshed is not None and refreshed.changes:
        print(f"{plural(refreshed.changes, 'change')} recorded (see `python -m bot changes`).")
    return 0
