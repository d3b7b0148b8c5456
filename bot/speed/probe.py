"""A probe round over the configured models, and publishing the figures into the catalog.

- Off unless SPEED_PROBE_BASE_URL and SPEED_PROBE_MODELS are set; nothing else changes then.
- The requests run in a thread of their own with its own event loop: the bot's loop only writes
  each finished run to the store, so a slow or failing endpoint never delays an answer, and the
  bot's own work never lands inside a measured stream.
- One request at a time per provider: per endpoint and, on a router whose ids name the vendor
  (`openai/gpt-4.1`), per vendor. A 429 stops that provider until its Retry-After has passed.
- A daily budget (UTC day), estimated from the catalog's prices: a run starts only when what the
  probe spent today plus that run's worst case (the whole output cap) stays within it.
- Publishing is a refresh of one source, the probe's figures: the merged catalog becomes a new
  snapshot, and a big move of a median is recorded as a change (bot/alerts/diff.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from pydantic import ValidationError

from bot.catalog.errors import CatalogError
from bot.catalog.models import Catalog, Model
from bot.settings import Settings
from bot.speed import prompt
from bot.speed.figures import (
    OTHER_BOT,
    OWN,
    Figure,
    FiguresFile,
    Run,
    Sample,
    medians,
    published,
    summarise,
)
from bot.speed.stream import RunFailed, Timed, run_once
from bot.store import Store
from bot.store.speed import RunRecord, day_start

if TYPE_CHECKING:
    from bot.alerts.refresh import RefreshReport

log = logging.getLogger(__name__)

ATTEMPTS = 3  # per run, when the endpoint answers 429
MAX_WAIT = 300.0  # seconds a round waits out a Retry-After; a longer one waits for the next round
CURATED = "curated/speed_probe_models.json"
KNOWN_ENDPOINTS = {
    "openrouter.ai": "OpenRouter",
    "api.openai.com": "OpenAI",
    "api.anthropic.com": "Anthropic",
    "generativelanguage.googleapis.com": "Google AI Studio",
    "api.groq.com": "Groq",
    "api.together.xyz": "Together AI",
    "api.fireworks.ai": "Fireworks AI",
    "api.deepseek.com": "DeepSeek",
    "api.mistral.ai": "Mistral",
    "api.x.ai": "xAI",
    "api.cerebras.ai": "Cerebras",
    "api.deepinfra.com": "DeepInfra",
}


class ProbeConfigError(ValueError):
    """The probe's settings cannot be used; the message names the setting and the fix."""


@dataclass(frozen=True)
class ProbeConfig:
    base_url: str
    api_key: str | None = field(repr=False)  # never in a log line, whatever logs the config
    provider: str = ""
    models: dict[str, str] = field(default_factory=dict)  # catalog id -> the endpoint's id
    budget_usd: float = 0.0
    keep: int = 9
    min_runs: int = 3
    timeout: float = 60.0


def curated_ids(data_dir: Path) -> dict[str, str]:
    """data/curated/speed_probe_models.json: catalog id -> OpenRouter's id."""
    path = data_dir / CURATED
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ProbeConfigError(f"cannot read {path}: {err}") from None
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in models.items()
    ):
        raise ProbeConfigError(f"{path} must hold a 'models' object of catalog id -> model id")
    return dict(models)


def provider_name(base_url: str) -> str:
    host = urlsplit(base_url).hostname or base_url
    return KNOWN_ENDPOINTS.get(host) or (urlsplit(base_url).netloc or host)


def probe_config(settings: Settings) -> ProbeConfig | None:
    """The probe's settings, or None when it is off (no base URL or no models)."""
    base = settings.speed_probe_base_url
    if not base or not settings.speed_probe_models:
        return None
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ProbeConfigError(
            f"SPEED_PROBE_BASE_URL {base!r} is not an http(s) URL (for example "
            "https://openrouter.ai/api/v1)"
        )
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise ProbeConfigError(
            "SPEED_PROBE_BASE_URL holds credentials or a query: give the bare base URL and put "
            "the key in SPEED_PROBE_API_KEY"
        )
    base = base.rstrip("/")
    if base.endswith("/chat/completions"):
        base = base[: -len("/chat/completions")]
    wanted = settings.speed_probe_models
    if isinstance(wanted, list):
        table = curated_ids(settings.data_dir)
        missing = [m for m in wanted if m not in table]
        if missing:
            raise ProbeConfigError(
                f"SPEED_PROBE_MODELS lists {', '.join(missing)}, which "
                f"{settings.data_dir / CURATED} does not map to an endpoint id; give a JSON "
                'object instead, e.g. {"gpt-4.1": "openai/gpt-4.1"}'
            )
        models = {m: table[m] for m in wanted}
    else:
        models = dict(wanted)
    empty = [k for k, v in models.items() if not k.strip() or not v.strip()]
    if empty:
        raise ProbeConfigError("SPEED_PROBE_MODELS has an empty model id")
    key = settings.speed_probe_api_key
    return ProbeConfig(
        base_url=base,
        api_key=key.get_secret_value() if key is not None else None,
        provider=settings.speed_probe_provider or provider_name(base),
        models=models,
        budget_usd=settings.speed_probe_daily_budget_usd,
        keep=settings.speed_probe_keep_runs,
        min_runs=min(settings.speed_probe_min_runs, settings.speed_probe_keep_runs),
        timeout=settings.speed_probe_timeout_seconds,
    )


def provider_key(endpoint_model: str) -> str:
    """Who serves a model behind the endpoint: a router's vendor prefix, else the endpoint."""
    return endpoint_model.split("/", 1)[0] if "/" in endpoint_model else ""


@dataclass
class RoundReport:
    runs: list[RunRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a model, or a provider, was not run
    spent_before: float = 0.0

    @property
    def spent(self) -> float:
        return sum(r.cost_usd for r in self.runs)


@dataclass
class _Plan:
    model: Model
    endpoint_model: str
    worst: float


class _Budget:
    """What this round may still spend; every run reserves its worst case before it starts
    (groups run side by side) and gives back what it did not use."""

    def __init__(self, left: float) -> None:
        self.left = left

    def take(self, amount: float) -> bool:
        if amount > self.left + 1e-12:
            return False
        self.left -= amount
        return True

    def settle(self, reserved: float, spent: float) -> None:
        self.left += reserved - spent


class Prober:
    """Runs rounds for one configuration. The bot keeps one for as long as it runs, so that a
    provider's Retry-After outlives the round it came in."""

    def __init__(self, store: Store, config: ProbeConfig) -> None:
        self.store = store
        self.config = config
        self._not_before: dict[str, float] = {}  # provider key -> time.monotonic()
        self._cancelled = threading.Event()

    async def round(
        self, catalog: Catalog, runs_per_model: int = 1, gap_seconds: float = 0.0
    ) -> RoundReport:
        """Run each configured model `runs_per_model` times (`gap_seconds` between two runs of
        one model) and record every run; the figures are published by `publish`."""
        cfg = self.config
        report = RoundReport()
        plans: list[_Plan] = []
        for mid, endpoint_model in cfg.models.items():
            m = catalog.model_by_id.get(mid)
            if m is None:
                report.skipped.append(f"{mid}: not in the catalog (check SPEED_PROBE_MODELS)")
                continue
            worst = prompt.worst_case_cost(m)
            if worst is None:
                report.skipped.append(
                    f"{mid}: the catalog has no price for it, so its runs cannot be budgeted"
                )
                continue
            plans.append(_Plan(m, endpoint_model, worst))
        for line in report.skipped:
            log.warning("speed probe skips %s", line)
        report.spent_before = await self.store.speed_spent_since(day_start())
        budget = _Budget(cfg.budget_usd - report.spent_before)
        if not plans:
            return report
        main = asyncio.get_running_loop()

        async def record(rec: RunRecord) -> None:
            await self.store.record_speed_run(rec)
            report.runs.append(rec)

        def on_main(rec: RunRecord) -> Awaitable[None]:
            # the store's connection belongs to the caller's loop: writes go back there
            return asyncio.wrap_future(asyncio.run_coroutine_threadsafe(record(rec), main))

        self._cancelled.clear()
        try:
            await asyncio.to_thread(
                lambda: asyncio.run(
                    self._run(plans, runs_per_model, gap_seconds, budget, on_main, report)
                )
            )
        except asyncio.CancelledError:
            self._cancelled.set()  # the bot is stopping: so does the thread, mid-request
            raise
        return report

    async def _run(
        self,
        plans: Sequence[_Plan],
        runs_per_model: int,
        gap: float,
        budget: _Budget,
        record: Callable[[RunRecord], Awaitable[None]],
        report: RoundReport,
    ) -> None:
        groups: dict[str, list[_Plan]] = defaultdict(list)
        for p in plans:
            groups[provider_key(p.endpoint_model)].append(p)
        stop = asyncio.Event()
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=self.config.timeout)
        async with aiohttp.ClientSession(
            timeout=timeout, headers={"User-Agent": "model-comparison-bot speed probe"}
        ) as session:
            work = asyncio.gather(
                *(
                    self._group(
                        session, key, group, runs_per_model, gap, budget, record, report, stop
                    )
                    for key, group in groups.items()
                )
            )
            while not work.done():
                await asyncio.wait({work}, timeout=0.25)
                if self._cancelled.is_set():
                    work.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await work
                    return
            work.result()

    async def _group(
        self,
        session: aiohttp.ClientSession,
        key: str,
        group: list[_Plan],
        runs_per_model: int,
        gap: float,
        budget: _Budget,
        record: Callable[[RunRecord], Awaitable[None]],
        report: RoundReport,
        stop: asyncio.Event,
    ) -> None:
        """One provider's runs, one request at a time: each model once, then each again."""
        who = key or self.config.provider
        for n in range(runs_per_model):
            if n and gap:
                await asyncio.sleep(gap)
            for p in group:
                if stop.is_set():
                    return
                if not budget.take(p.worst):
                    line = (
                        f"{p.model.id}: the daily budget of ${self.config.budget_usd:g} would be "
                        f"passed (a run costs up to ${p.worst:.5f}); the probe waits for the next "
                        "UTC day"
                    )
                    report.skipped.append(line)
                    log.warning("speed probe skips %s", line)
                    return
                try:
                    spent = await self._attempts(session, key, p, record, stop)
                except _Wait as wait:
                    budget.settle(p.worst, 0.0)
                    line = f"{who}: rate limited for {wait.seconds:.0f} s more; the next round tries again"
                    report.skipped.append(line)
                    log.warning("speed probe skips %s", line)
                    return
                budget.settle(p.worst, spent)

    async def _attempts(
        self,
        session: aiohttp.ClientSession,
        key: str,
        p: _Plan,
        record: Callable[[RunRecord], Awaitable[None]],
        stop: asyncio.Event,
    ) -> float:
        """One run of one model, waiting out 429s; what it cost."""
        cfg = self.config
        for _ in range(ATTEMPTS):
            wait = self._not_before.get(key, 0.0) - time.monotonic()
            if wait > MAX_WAIT:
                raise _Wait(wait)
            if wait > 0:
                await asyncio.sleep(wait)
            at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
            try:
                timed = await run_once(
                    session, cfg.base_url, cfg.api_key, p.endpoint_model, cfg.timeout
                )
            except RunFailed as err:
                cost = 0.0
                if err.started:  # it may have been billed: count the worst case
                    cost = prompt.cost(
                        p.model, err.prompt_tokens, max(err.output_tokens or 0, prompt.MAX_TOKENS)
                    )
                await record(self._record(p, at, None, err.reason, cost))
                if err.retry_after is not None:
                    self._not_before[key] = time.monotonic() + err.retry_after
                    log.info("speed run of %s: %s", p.model.id, err.reason)
                    continue
                level = logging.ERROR if err.fatal else logging.WARNING
                log.log(level, "speed run of %s failed: %s", p.model.id, err.reason)
                if err.fatal:
                    stop.set()
                return cost
            cost = prompt.cost(p.model, timed.prompt_tokens, timed.output_tokens)
            await record(self._record(p, at, timed, None, cost))
            return cost
        return 0.0

    def _record(
        self, p: _Plan, at: str, timed: Timed | None, failure: str | None, cost: float
    ) -> RunRecord:
        cfg = self.config
        return RunRecord(
            at=at,
            model_id=p.model.id,
            endpoint=cfg.base_url,
            provider=cfg.provider,
            endpoint_model=p.endpoint_model,
            prompt=prompt.PROMPT_ID,
            status="ok" if timed is not None else "failed",
            detail=failure,
            ttft=timed.ttft if timed else None,
            output_speed=timed.output_speed if timed else None,
            output_tokens=timed.output_tokens if timed else None,
            prompt_tokens=timed.prompt_tokens if timed else None,
            tokens_from=timed.tokens_from if timed else None,
            upstream=timed.upstream if timed else None,
            cost_usd=round(cost, 8),
        )


class _Wait(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"wait {seconds:.0f} s")
        self.seconds = seconds


# -- figures ------------------------------------------------------------------------------------


async def current_figures(store: Store, settings: Settings) -> list[Figure]:
    """Each model's figure: its own runs' (the conditions it was last measured under), else the
    newest one loaded from another operator's file."""
    runs = await store.speed_runs(ok_only=True)
    loaded = await store.speed_imports()
    return await asyncio.to_thread(_figures, runs, loaded, settings)


def _figures(
    runs: list[RunRecord], loaded: list[dict[str, Any]], settings: Settings
) -> list[Figure]:
    keep = settings.speed_probe_keep_runs
    need = min(settings.speed_probe_min_runs, keep)
    groups: dict[tuple[str, str, str], list[Run]] = defaultdict(list)
    for r in runs:
        if r.ttft is None or r.output_speed is None:
            continue
        # rounded once, here, to the digits figures are shown with: the medians, the spread
        # and the published samples are all worked out from the same numbers
        groups[(r.model_id, r.endpoint, r.prompt)].append(
            Run(
                at=dt.datetime.fromisoformat(r.at),
                model_id=r.model_id,
                endpoint=r.endpoint,
                provider=r.provider,
                endpoint_model=r.endpoint_model,
                prompt=r.prompt,
                ttft=round(r.ttft, 3),
                output_speed=round(r.output_speed, 1),
            )
        )
    own: dict[str, tuple[dt.datetime, Figure]] = {}
    for (mid, _, _), group in groups.items():
        m = summarise(group, keep, need, OWN)
        if m is None:
            continue
        window = group[-keep:]
        speed, ttft = medians(window, keep)
        figure = Figure(
            model=mid,
            output_speed=speed,
            ttft=ttft,
            measurement=m,
            samples=tuple(
                Sample(at=r.at, ttft=r.ttft, output_speed=r.output_speed) for r in window
            ),
        )
        latest = group[-1].at
        if mid not in own or own[mid][0] < latest:
            own[mid] = (latest, figure)
    out = {mid: f for mid, (_, f) in own.items()}
    others: dict[str, Figure] = {}
    for raw in loaded:
        try:
            f = Figure.model_validate(raw)
        except ValidationError as err:
            log.warning("a loaded speed figure no longer validates, left out: %s", err)
            continue
        if f.model in out:
            continue
        held = others.get(f.model)
        if held is None or held.measurement.last_run < f.measurement.last_run:
            others[f.model] = f
    out.update(others)
    return [out[k] for k in sorted(out)]


async def source_body(store: Store, settings: Settings) -> bytes:
    """The probe's figures as the refresh reads them (a published file, dated by its newest
    run so that the same figures give the same bytes)."""
    figures = await current_figures(store, settings)
    newest = max(
        (dt.datetime.combine(f.measurement.last_run, dt.time(), dt.UTC) for f in figures),
        default=None,
    )
    file = FiguresFile(
        format="model-comparison-bot speed figures",
        version=1,
        published_at=newest,
        figures=tuple(figures),
    )
    return file.model_dump_json().encode()


async def publish(store: Store, settings: Settings) -> RefreshReport:
    """Lay the current figures over the catalog: a refresh of the probe's source alone. Returns
    the refresh's report (its catalog is the new one when anything changed)."""
    from bot.alerts.refresh import SPEED_SPEC, refresh

    return await refresh(store, settings, [SPEED_SPEC])


async def published_file(store: Store, settings: Settings) -> FiguresFile:
    figures = await current_figures(store, settings)
    return published(
        figures, settings.speed_probe_publisher, dt.datetime.now(dt.UTC).replace(microsecond=0)
    )


# -- loading another operator's figures ---------------------------------------------------------


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # models this catalog does not have
    publisher: str = OTHER_BOT


def read_figures_file(path: Path, body: bytes) -> FiguresFile:
    """A published file of figures, validated; CatalogError names the figure and field."""
    try:
        return FiguresFile.model_validate_json(body)
    except ValidationError as err:
        first = err.errors()[0]
        loc = list(first.get("loc", ()))
        record = None
        if len(loc) >= 2 and loc[0] == "figures" and isinstance(loc[1], int):
            record = f"figure {loc[1] + 1}"
            try:
                model = json.loads(body)["figures"][loc[1]].get("model")
                if isinstance(model, str):
                    record += f" ({model[:60]})"
            except (ValueError, KeyError, IndexError, TypeError, AttributeError):
                pass
            loc = loc[2:]
        where = ".".join(str(x) for x in loc) or None
        raise CatalogError(str(path), first["msg"], record, where) from None


async def load_figures(store: Store, path: Path, file: FiguresFile, catalog: Catalog) -> LoadReport:
    """Keep another operator's published figures; `publish` then shows them. Figures for models
    this catalog does not have are left out and named; none is ever taken as this bot's own."""
    report = LoadReport(publisher=file.publisher or OTHER_BOT)
    keep: list[dict[str, Any]] = []
    for f in file.figures:
        if f.model not in catalog.model_by_id:
            report.unknown.append(f.model)
            continue
        by = f.measurement.measured_by
        if by == OWN:
            by = file.publisher or OTHER_BOT
        f = f.model_copy(
            update={"measurement": f.measurement.model_copy(update={"measured_by": by})}
        )
        keep.append(f.model_dump(mode="json"))
        report.loaded.append(f.model)
    if keep:
        await store.save_speed_imports(keep, str(path))
    return report


# -- the running bot ----------------------------------------------------------------------------


FIRST_ROUND_DELAY = 60.0  # seconds after start: the bot's own start-up comes first


async def probe_loop(store: Store, settings: Settings, first_delay: float | None = None) -> None:
    """One run of every configured model every SPEED_PROBE_INTERVAL_MINUTES, published after
    each round; a failing round is logged and the next one tries again."""
    try:
        config = probe_config(settings)
    except ProbeConfigError as err:
        log.error("speed probe is off: %s", err)
        return
    if config is None or settings.speed_probe_interval_minutes <= 0:
        return
    log.info(
        "speed probe on: %d models via %s every %g minutes, budget $%g a day",
        len(config.models),
        config.provider,
        settings.speed_probe_interval_minutes,
        config.budget_usd,
    )
    prober = Prober(store, config)
    await asyncio.sleep(FIRST_ROUND_DELAY if first_delay is None else first_delay)
    while True:
        try:
            catalog = await store.read_catalog()
            if catalog is not None:
                report = await prober.round(catalog)
                if report.runs:
                    await publish(store, settings)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("speed probe round failed; answers keep the figures they had")
        await asyncio.sleep(settings.speed_probe_interval_minutes * 60)


def start_wanted(settings: Settings) -> bool:
    """Whether the running bot probes: an endpoint, models and an interval configured."""
    return bool(
        settings.speed_probe_base_url
        and settings.speed_probe_models
        and settings.speed_probe_interval_minutes > 0
    )


def start(store: Store, settings: Settings) -> asyncio.Task[None] | None:
    """The probe's background task; None when the probe is off."""
    if not start_wanted(settings):
        return None
    return asyncio.create_task(probe_loop(store, settings), name="speed-probe")
