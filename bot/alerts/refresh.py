"""One refresh run: read each configured source, rebuild the merged catalog from the parts, record
what changed, hold alerts until a change has lasted, and queue digests for subscribed channels.

Everything a run writes (source parts, the new snapshot, change events, pending and confirmed
alerts, outbox rows) goes into the store in one transaction, so a crash mid-run changes nothing."""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.alerts import digest
from bot.alerts.diff import diff
from bot.alerts.feeds import FetchError, HttpPolicy, Part, SourceSpec, fetch, parse_part
from bot.alerts.merge import merge
from bot.catalog.errors import CatalogError
from bot.catalog.method import Scoreboard
from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.store import Store
from bot.store.alerts import now_iso
from bot.store.db import content_hash

log = logging.getLogger(__name__)


@dataclass
class SourceOutcome:
    source: str
    status: str  # "updated", "unchanged", "not modified", "failed", "invalid"
    detail: str = ""


@dataclass
class RefreshReport:
    run_id: int
    outcomes: list[SourceOutcome] = field(default_factory=list)
    changes: int = 0
    confirmed: int = 0
    queued: int = 0
    snapshot: int | None = None
    catalog: Catalog | None = None  # the new catalog, when it changed

    @property
    def changed(self) -> bool:
        return self.catalog is not None


def specs_from(settings: Settings, overrides: list[str] | None = None) -> list[SourceSpec]:
    return [SourceSpec.parse(s) for s in (overrides or settings.refresh_sources)]


async def refresh(
    store: Store,
    settings: Settings,
    specs: list[SourceSpec],
    session: aiohttp.ClientSession | None = None,
) -> RefreshReport:
    policy = HttpPolicy(
        settings.http_timeout_seconds, settings.http_retries, settings.http_backoff_seconds
    )
    own_session = session is None
    if own_session:
        session = aiohttp.ClientSession(headers={"User-Agent": "model-comparison-bot"})
    try:
        return await _refresh(store, settings, specs, session, policy)
    finally:
        if own_session:
            await session.close()


async def _refresh(
    store: Store,
    settings: Settings,
    specs: list[SourceSpec],
    session: aiohttp.ClientSession,
    policy: HttpPolicy,
) -> RefreshReport:
    states = await store.source_states()
    saved: dict[tuple[str, str], Part] = {
        k: Part.from_json(v["part"]) for k, v in states.items() if v.get("part")
    }
    fresh: dict[tuple[str, str], tuple[Part, Any]] = {}
    checked: dict[tuple[str, str], tuple[Any, str | None]] = {}
    outcomes: list[SourceOutcome] = []
    for spec in specs:
        key = (spec.kind, spec.location)
        location = settings.resolve_location(spec.location)
        try:
            got = await fetch(spec, location, states.get(key), session, policy)
            if not got.changed:
                outcomes.append(
                    SourceOutcome(str(spec), "not modified" if "304" in got.note else "unchanged")
                )
                checked[key] = (got, None)
                continue
            part = await asyncio.to_thread(parse_part, spec, got.body or b"")
        except FetchError as err:
            log.warning("refresh from %s failed: %s; the last good data keeps serving", spec, err)
            outcomes.append(SourceOutcome(str(spec), "failed", str(err)))
            checked[key] = (None, str(err))
            continue
        except CatalogError as err:
            log.warning(
                "refresh from %s sent invalid data: %s; the last good data keeps serving", spec, err
            )
            outcomes.append(SourceOutcome(str(spec), "invalid", str(err)))
            checked[key] = (None, str(err))
            continue
        fresh[key] = (part, got)
        outcomes.append(SourceOutcome(str(spec), "updated"))

    current = await store.read_catalog()
    merged: Catalog | None = None
    if fresh:
        parts = [
            fresh[k][0] if k in fresh else saved[k]
            for k in ((s.kind, s.location) for s in specs)
            if k in fresh or k in saved
        ]
        if not any(p.kind == "native" for p in parts) and current is not None:
            parts.insert(0, Part("native", "store", catalog=current.model_dump(mode="json")))
        try:
            merged = await asyncio.to_thread(merge, parts)
        except CatalogError as err:
            log.warning(
                "the refreshed sources do not merge into a valid catalog: %s; keeping the last good data",
                err,
            )
            for k in fresh:
                checked[k] = (None, f"merge failed: {err}")
                for o in outcomes:
                    if o.source == f"{k[0]}={k[1]}":
                        o.status, o.detail = "invalid", str(err)
            fresh = {}
            merged = None

    changes = []
    if merged is not None and current is not None and content_hash(merged) == content_hash(current):
        merged = None  # the sources changed their bytes, not their meaning
    if merged is not None and current is not None:
        old_sb, new_sb = await asyncio.to_thread(lambda: (Scoreboard(current), Scoreboard(merged)))
        changes = diff(old_sb, new_sb)

    before = await store.current_snapshot_id()
    report = RefreshReport(run_id=0, outcomes=outcomes)
    async with store.transaction():
        for (kind, loc), (part, got) in fresh.items():
            await store.save_source_state(
                kind,
                loc,
                etag=got.etag,
                last_modified=got.last_modified,
                digest=got.digest,
                part=part.to_json(),
                error=None,
            )
        for (kind, loc), (got, error) in checked.items():
            await store.save_source_state(
                kind,
                loc,
                etag=got.etag if got else None,
                last_modified=got.last_modified if got else None,
                digest=None,
                part=None,
                error=error,
            )
        run_id = await store.start_run([str(s) for s in specs], before)
        report.run_id = run_id
        snapshot = None
        if merged is not None:
            origin = "refresh: " + ", ".join(f"{k[0]}={k[1]}" for k in fresh)
            snapshot = (await store.insert_snapshot(merged, origin)).snapshot_id
            report.catalog = merged
        at = now_iso()
        ids = {}
        for c in changes:
            ids[c.key] = (c, await store.record_change(run_id, at, c))
        confirmed = await _gate(store, settings, run_id, ids)
        queued = await _queue(store, settings, run_id, confirmed, (merged or current))
        await store.finish_run(run_id, snapshot, len(changes), len(confirmed))
    report.changes, report.confirmed, report.queued, report.snapshot = (
        len(changes),
        len(confirmed),
        queued,
        snapshot,
    )
    if changes:
        log.info(
            "refresh %d: %d changes, %d alerts confirmed, %d digests queued",
            run_id,
            len(changes),
            len(confirmed),
            queued,
        )
    return report


async def _gate(
    store: Store, settings: Settings, run_id: int, changed: dict[str, tuple[Any, int]]
) -> list[dict[str, Any]]:
    """A change alerts once it has held for ALERT_CONFIRMATIONS consecutive refreshes; one that
    goes back to where it was before that (a flicker) is dropped without a word."""
    need = settings.alert_confirmations
    pending = await store.pending()
    ready: list[int] = []
    for key, p in pending.items():
        if key in changed:
            c, cid = changed[key]
            if json.dumps(c.new) == p["baseline"]:
                await store.drop_pending(key)
                log.info("change %s went back before it was confirmed: no alert", key)
            else:
                await store.put_pending(key, cid, json.loads(p["baseline"]), c.new, 1, run_id)
                if need == 1:
                    ready.append(cid)
        else:
            await store.bump_pending(key, run_id)
            if p["count"] + 1 >= need:
                ready.append(p["change_id"])
    for key, (c, cid) in changed.items():
        if key not in pending:
            await store.put_pending(key, cid, c.old, c.new, 1, run_id)
            if need == 1:
                ready.append(cid)
    out = []
    for cid in ready:
        change = await store.change(cid)
        await store.drop_pending(change["key"])
        await store.record_alert(cid, run_id)
        out.append(change)
    return out


async def _queue(
    store: Store,
    settings: Settings,
    run_id: int,
    confirmed: list[dict[str, Any]],
    catalog: Catalog | None,
) -> int:
    if not confirmed:
        return 0
    as_of = str(catalog.meta.data_as_of) if catalog and catalog.meta.data_as_of else None
    queued = 0
    for sub in await store.subscriptions():
        if sub.status == "disabled":
            continue
        floor = max(sub.min_delta, settings.alert_min_score_delta)
        items = [c for c in confirmed if digest.wanted(c, sub.kinds, floor)]
        if not items:
            continue
        parts = digest.render(items, as_of, f"s{sub.id}-r{run_id}")
        queued += await store.enqueue(sub.id, sub.channel_id, run_id, parts) and 1
    return queued
