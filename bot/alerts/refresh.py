"""One refresh run: read the sources, rebuild the merged catalog from every source's last good
part, record what changed, hold alerts until a change has lasted, and queue digests.

- The merge always uses every configured source's part: refreshing one source replaces that
  source's part and nothing else.
- Everything a run writes (source parts, the new snapshot, change events, pending and confirmed
  alerts, outbox rows) lands in one transaction, which first checks that no other refresh (another
  process, say) moved the data since this one read it; if one did, this run starts again from it.
- A change alerts once it has held for ALERT_CONFIRMATIONS consecutive refreshes that read every
  configured source; one that goes back before then (a flicker) never alerts, and an alert states
  the net move from the value before to the value now."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.alerts import digest
from bot.alerts.diff import Change, current_value, describe, diff
from bot.alerts.feeds import (
    Fetched,
    FetchError,
    HttpPolicy,
    Part,
    SourceSpec,
    fetch,
    parse_part,
)
from bot.alerts.merge import merge
from bot.catalog.check import refuse_shrinking
from bot.catalog.errors import CatalogError
from bot.catalog.method import Scoreboard, scoreboard_for
from bot.catalog.models import Catalog
from bot.settings import Settings
from bot.store import Store
from bot.store.alerts import now_iso
from bot.store.db import content_hash

log = logging.getLogger(__name__)
ATTEMPTS = 3
FORCE_HINT = "accept it with `python -m bot data refresh --force`"
_LOCKS: dict[str, asyncio.Lock] = {}  # one refresh at a time per database, in this process
# The speed probe's figures (bot/speed/), read from this store; a source of every refresh once
# there are any, and always the last laid over the catalog.
SPEED_SPEC = SourceSpec("speed", "store")


class _Moved(Exception):
    """Another refresh wrote between this one's reads and its write."""


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


def _pins(settings: Settings) -> dict[str, dict[str, str | None]]:
    """Leaderboard names pinned to catalog models (data/curated/source_names.json)."""
    path = settings.data_dir / "curated" / "source_names.json"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _skip_list(settings: Settings) -> set[str]:
    """Vendor listings the base build set aside on purpose (aliases), so a refresh does not
    bring them back as "new" models."""
    path = settings.data_dir / "curated" / "models.json"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {s.split("/", 1)[-1] for s in data.get("skip", []) if s.startswith("models.dev:")}


async def refresh(
    store: Store,
    settings: Settings,
    specs: list[SourceSpec] | None = None,
    session: aiohttp.ClientSession | None = None,
    *,
    force: bool = False,
) -> RefreshReport:
    """One refresh run. `force` takes sources that drop more than half of what they or the
    catalog held (an operator's decision; a broken export is refused without it)."""
    configured = specs_from(settings)
    run_specs = specs or configured
    if await store.has_speed_data():
        # read by every run (from the store itself: cheap), so that a run that reads the
        # other sources still reads them all and can confirm a held change
        configured = [*configured, SPEED_SPEC]
        if SPEED_SPEC not in run_specs:
            run_specs = [*run_specs, SPEED_SPEC]
    policy = HttpPolicy(
        settings.http_timeout_seconds, settings.http_retries, settings.http_backoff_seconds
    )
    skip = await asyncio.to_thread(_skip_list, settings)
    pins = await asyncio.to_thread(_pins, settings)
    own_session = session is None
    if session is None:
        session = aiohttp.ClientSession(headers={"User-Agent": "model-comparison-bot"})
    lock = _LOCKS.setdefault(str(store.path), asyncio.Lock())
    try:
        async with lock:
            for attempt in range(ATTEMPTS):
                try:
                    return await _refresh(
                        store, settings, configured, run_specs, session, policy, skip, pins, force
                    )
                except _Moved:
                    log.info(
                        "another refresh wrote first; starting again from its data (%d)",
                        attempt + 1,
                    )
            raise CatalogError("refresh", "the data kept changing under this refresh; try again")
    finally:
        if own_session:
            await session.close()


Key = tuple[str, str]  # a source: (kind, location)


@dataclass
class _Read:
    """What one run read of its sources: the fresh parts (with what fetching them said), the
    sources found unchanged or broken, and each one's outcome."""

    fresh: dict[Key, tuple[Part, Any]] = field(default_factory=dict)
    checked: dict[Key, tuple[Any, str | None]] = field(default_factory=dict)
    outcomes: dict[Key, SourceOutcome] = field(default_factory=dict)

    def failed(self, spec: SourceSpec, status: str, error: str) -> None:
        key = (spec.kind, spec.location)
        self.outcomes[key] = SourceOutcome(str(spec), status, error)
        self.checked[key] = (None, error)


async def _refresh(
    store: Store,
    settings: Settings,
    configured: list[SourceSpec],
    run_specs: list[SourceSpec],
    session: aiohttp.ClientSession,
    policy: HttpPolicy,
    skip: set[str],
    pins: dict[str, dict[str, str | None]],
    force: bool,
) -> RefreshReport:
    """Read the sources, merge what changed with the last good copies of the rest, diff it
    against the current catalog and write it all in one transaction."""
    before = await store.current_snapshot_id()
    current_info = await store.snapshot_info()
    states = await store.source_states()
    saved = _SavedParts(store, {k for k, v in states.items() if v.get("has_part")})
    read = _Read()
    for spec in run_specs:
        await _read_source(store, settings, spec, states, saved, session, policy, force, read)
    order = [(s.kind, s.location) for s in configured]
    order += [(s.kind, s.location) for s in run_specs if (s.kind, s.location) not in order]
    current = await store.read_catalog()
    merger = _Merger(order, saved, current, skip, pins, force)
    merged = await merger.merge_fresh(read) if read.fresh else None
    digest = await asyncio.to_thread(content_hash, merged) if merged is not None else None
    if merged is not None and current_info is not None and digest == current_info.content_hash:
        merged = None  # the sources changed their bytes, not their meaning
    old_sb = await asyncio.to_thread(scoreboard_for, current) if current is not None else None
    new_sb: Scoreboard | None = old_sb
    changes: list[Change] = []
    if merged is not None:
        # Not overlapped with writing the snapshot: SQLite drops the GIL for every row and
        # then waits up to 5 ms to get it back from a busy thread, which doubled the write.
        new_sb, changes = await asyncio.to_thread(_score_and_diff, old_sb, merged)
    # Only a run that read every configured source can confirm (or break) a held change.
    read_all = all(
        (s.kind, s.location) in read.outcomes
        and read.outcomes[(s.kind, s.location)].status in ("updated", "unchanged", "not modified")
        for s in configured
    )
    report = RefreshReport(
        run_id=0,
        outcomes=[read.outcomes[k] for k in [(s.kind, s.location) for s in run_specs]],
    )
    written = _Written(merged, digest, merged or current, changes, new_sb, read_all)
    await _write_run(store, settings, run_specs, before, states, read, written, report)
    if changes or report.confirmed:
        log.info(
            "refresh %d: %d changes, %d alerts confirmed, %d digests queued",
            report.run_id,
            len(changes),
            report.confirmed,
            report.queued,
        )
    return report


async def _read_source(
    store: Store,
    settings: Settings,
    spec: SourceSpec,
    states: dict[Key, dict[str, Any]],
    saved: _SavedParts,
    session: aiohttp.ClientSession,
    policy: HttpPolicy,
    force: bool,
    read: _Read,
) -> None:
    """Fetch one source and parse what changed; a source that fails or sends invalid data is
    recorded as such and its last good copy keeps serving."""
    key = (spec.kind, spec.location)
    try:
        if spec == SPEED_SPEC:
            got = await _speed_fetched(store, settings, states.get(key))
        else:
            got = await fetch(
                spec, settings.resolve_location(spec.location), states.get(key), session, policy
            )
        if not got.changed:
            read.outcomes[key] = SourceOutcome(
                str(spec), "not modified" if "304" in got.note else "unchanged"
            )
            read.checked[key] = (got, None)
            return
        part = await asyncio.to_thread(parse_part, spec, got.body or b"")
        if spec.kind != "native":  # a native part is a JSON dump already
            part = Part.from_json(part.to_json())  # the same JSON types a saved part has
        if key in saved and not force and spec != SPEED_SPEC:
            had = states[key].get("entries")
            if had is None:  # saved before the count was kept
                had = (await saved.load(key)).entries()
            _check_not_gutted(spec, part, had)
    except FetchError as err:
        log.warning("refresh from %s failed: %s; the last good data keeps serving", spec, err)
        read.failed(spec, "failed", str(err))
        return
    except CatalogError as err:
        log.warning(
            "refresh from %s sent invalid data: %s; the last good data keeps serving", spec, err
        )
        read.failed(spec, "invalid", str(err))
        return
    read.fresh[key] = (part, got)
    read.outcomes[key] = SourceOutcome(str(spec), "updated")


@dataclass
class _Merger:
    """The fresh parts merged with the last good copies of the other sources, in the
    configured order; the current catalog stands in for a native source when there is none."""

    order: list[Key]
    saved: _SavedParts
    current: Catalog | None
    skip: set[str]
    pins: dict[str, dict[str, str | None]]
    force: bool

    def parts(self, use: dict[Key, Part]) -> list[Part]:
        saved = self.saved
        parts = [use.get(k) or saved[k] for k in self.order if k in use or k in saved]
        if not any(p.kind == "native" for p in parts) and self.current is not None:
            parts.insert(0, Part("native", "store", validated=self.current))
        return parts

    def merged_from(self, use: dict[Key, Part]) -> Catalog:
        new = merge(self.parts(use), self.skip, self.pins)
        current = self.current
        if current is not None and not self.force:
            refuse_shrinking(
                "the refreshed catalog",
                (len(current.models), len(current.scores)),
                (len(new.models), len(new.scores)),
                FORCE_HINT,
            )
        return new

    async def merge_fresh(self, read: _Read) -> Catalog | None:
        """The merged catalog; when it cannot be made, the one made without each fresh source
        that breaks it (that source is then invalid, and its last good copy serves)."""
        good = {k: p for k, (p, _) in read.fresh.items()}
        await self.saved.load_all(k for k in self.order if k not in good)
        try:
            return await asyncio.to_thread(self.merged_from, good)
        except CatalogError as err:
            await self.saved.load_all(good)
            for k in list(good):
                try:
                    await asyncio.to_thread(self.merged_from, {k: good[k]})
                except CatalogError as alone:
                    del good[k]
                    read.fresh.pop(k)
                    read.checked[k] = (None, str(alone))
                    read.outcomes[k].status, read.outcomes[k].detail = "invalid", str(alone)
                    log.warning(
                        "refresh from %s=%s cannot be used: %s; keeping its last good data",
                        k[0],
                        k[1],
                        alone,
                    )
            merged = await asyncio.to_thread(self.merged_from, good) if good else None
            if merged is None:
                log.warning("no refreshed source could be used (%s)", err)
            return merged


@dataclass
class _Written:
    """What a run writes besides its sources' states: a new snapshot (None when nothing
    moved), the catalog now serving, its changes and the scoreboard alerts are read from."""

    merged: Catalog | None
    digest: str | None
    now: Catalog | None
    changes: list[Change]
    scoreboard: Scoreboard | None
    read_all: bool


async def _write_run(
    store: Store,
    settings: Settings,
    run_specs: list[SourceSpec],
    before: int | None,
    states: dict[Key, dict[str, Any]],
    read: _Read,
    w: _Written,
    report: RefreshReport,
) -> None:
    """The run in one transaction: each source's state and last good copy, the snapshot, the
    changes, the alerts they confirm and the digests queued. Another refresh that wrote
    first (a new snapshot, a source's new copy) starts this one again."""
    part_json = {k: await asyncio.to_thread(p.to_json) for k, (p, _) in read.fresh.items()}
    async with store.transaction():
        if await store.current_snapshot_id() != before or await _digests(store) != _digests_of(
            states
        ):
            raise _Moved
        for (kind, loc), (part, got) in read.fresh.items():
            await store.save_source_state(
                kind,
                loc,
                etag=got.etag,
                last_modified=got.last_modified,
                digest=got.digest,
                part=part_json[(kind, loc)],
                error=None,
                entries=part.entries(),
            )
        for (kind, loc), (got, error) in read.checked.items():
            await store.save_source_state(
                kind,
                loc,
                etag=got.etag if got else None,
                last_modified=got.last_modified if got else None,
                digest=None,
                part=None,
                error=error,
            )
        run_id = await store.start_run([str(s) for s in run_specs], before)
        report.run_id = run_id
        snapshot = None
        if w.merged is not None:
            origin = "refresh: " + ", ".join(f"{k[0]}={k[1]}" for k in read.fresh)
            snapshot = (await store.insert_snapshot(w.merged, origin, w.digest)).snapshot_id
            report.catalog = w.merged
        ids = await store.record_changes(run_id, now_iso(), w.changes)
        sb = w.scoreboard
        confirmed = await _gate(store, settings, run_id, ids, sb, w.read_all) if sb else []
        queued = await _queue(store, settings, run_id, confirmed, w.now)
        await store.finish_run(run_id, snapshot, len(w.changes), len(confirmed))
    report.changes, report.confirmed, report.queued, report.snapshot = (
        len(w.changes),
        len(confirmed),
        queued,
        snapshot,
    )


async def _speed_fetched(store: Store, settings: Settings, state: dict[str, Any] | None) -> Fetched:
    from bot.speed.probe import source_body

    body = await source_body(store, settings)
    digest = hashlib.sha256(body).hexdigest()
    if state is not None and digest == state.get("digest"):
        return Fetched(False, digest=digest, note="unchanged")
    return Fetched(True, body, digest=digest)


def _score_and_diff(old_sb: Scoreboard | None, merged: Catalog) -> tuple[Scoreboard, list[Change]]:
    new_sb = scoreboard_for(merged)
    return new_sb, (diff(old_sb, new_sb) if old_sb is not None else [])


class _SavedParts:
    """Each source's last good part, read and parsed only when a merge needs it: a native part
    is a whole catalog, and most refreshes replace it with a fresh one without looking at it."""

    def __init__(self, store: Store, keys: set[tuple[str, str]]) -> None:
        self._store = store
        self._keys = keys
        self._parts: dict[tuple[str, str], Part] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    async def load(self, key: tuple[str, str]) -> Part:
        if key not in self._parts:
            text = await self._store.source_part(*key)
            assert text is not None  # listed as saved
            self._parts[key] = await asyncio.to_thread(Part.from_json, text)
        return self._parts[key]

    async def load_all(self, keys: Iterable[tuple[str, str]]) -> None:
        for key in keys:
            if key in self._keys:
                await self.load(key)

    def __getitem__(self, key: tuple[str, str]) -> Part:
        return self._parts[key]  # loaded before any merge that can ask for it


def _check_not_gutted(spec: SourceSpec, part: Part, had: int) -> None:
    """A well-formed but nearly empty feed is a broken feed, not news that everything went away:
    `had` is how many entries this source's last good part held."""
    new = part.entries()
    if had >= 10 and new < had / 2:
        raise CatalogError(
            str(spec),
            f"has {new} entries where it had {had}; refusing to drop more than half ({FORCE_HINT})",
        )


async def _digests(store: Store) -> dict[tuple[str, str], str | None]:
    return _digests_of(await store.source_states())  # without the saved parts themselves


def _digests_of(states: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], str | None]:
    return {k: v.get("digest") for k, v in states.items()}


async def _gate(
    store: Store,
    settings: Settings,
    run_id: int,
    changed: dict[str, tuple[Any, int]],
    now: Scoreboard,
    read_all: bool,
) -> list[dict[str, Any]]:
    need = settings.alert_confirmations
    pending = await store.pending()
    ready: list[tuple[str, int, Any, Any]] = []  # key, change id, value before, value now
    drops: list[str] = []
    bumps: list[str] = []
    puts: list[tuple[str, int, Any, Any, int]] = []  # key, change id, baseline, value, count
    for key, p in pending.items():
        baseline = json.loads(p["baseline"]) if p["baseline"] is not None else None
        if key in changed:
            c, cid = changed[key]
            if json.dumps(c.new) == p["baseline"]:
                drops.append(key)
                log.info("change %s went back before it was confirmed: no alert", key)
                continue
            puts.append((key, cid, baseline, c.new, 1))
            if need == 1:
                ready.append((key, cid, baseline, c.new))
        elif read_all:
            value = current_value(now, key)
            if json.dumps(value) != p["value"]:
                drops.append(key)  # it no longer holds (its model went away, say)
                continue
            bumps.append(key)
            if p["count"] + 1 >= need:
                ready.append((key, p["change_id"], baseline, value))
    new = [(key, cid, c.old, c.new, 1) for key, (c, cid) in changed.items() if key not in pending]
    if need == 1:
        ready += [(key, cid, old, value) for key, cid, old, value, _ in new]
    # One statement per kind of write: a 10,000-model refresh holds thousands of changes.
    await store.drop_pendings(drops)
    await store.bump_pendings(bumps, run_id)
    await store.put_pendings(puts + new, run_id)
    await store.drop_pendings([key for key, _, _, _ in ready])
    nets = [(cid, describe(key, old, value, now)) for key, cid, old, value in ready]
    # back where it started: nothing to say
    return await store.record_alerts([(cid, net) for cid, net in nets if net is not None], run_id)


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
        if await store.enqueue(sub.id, sub.channel_id, run_id, parts):
            queued += 1
    return queued
