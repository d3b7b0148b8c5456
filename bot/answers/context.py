"""What every answer reads from: the scoreboard, the change log, tables kept per catalog, and the
footer that credits the data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.answers.claims import CREDIT, claim
from bot.answers.figures import blended, metric_key, short_price
from bot.answers.fmt import plural
from bot.answers.labels import SNAPSHOT, bench_short, distinct_label, short_names
from bot.catalog.method import Profile, Scoreboard
from bot.catalog.models import Catalog, Model, SpeedMeasurement
from bot.catalog.stats import newest_score_date
from bot.measures import CATEGORIES, MEASURES

__all__ = [  # with names kept importable from here for callers outside answers
    "CATEGORY_PHRASE",
    "CATEGORY_SHORT",
    "METRIC_NAMES",
    "Context",
    "blended",
    "claim",
    "short_names",
    "short_price",
]

T = TypeVar("T")

# Views of bot/measures.py for callers outside answers (answers read CATEGORIES and MEASURES).
METRIC_NAMES = {mid: m.phrase for mid, m in MEASURES.items()}
CATEGORY_PHRASE = {cid: c.phrase for cid, c in CATEGORIES.items()}
CATEGORY_SHORT = {cid: c.short for cid, c in CATEGORIES.items()}
STALE_DAYS = 30  # data older than this is said to be old wherever recency is asked about


@dataclass(frozen=True)
class Context:
    scoreboard: Scoreboard
    loaded_at: str | None = None
    # The change log, newest first: dicts as the store lists them (at, kind, key, model_id,
    # scope, old, new, delta, text).
    changes: tuple[dict[str, Any], ...] = ()
    # Per-catalog orders and counts, filled on first use (the context lives as long as its data).
    _metric_orders: dict[str, list[tuple[str, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _names: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # What "now" is for answers about recency (the wall clock unless a test fixes it).
    today: dt.date | None = None

    @property
    def catalog(self) -> Catalog:
        return self.scoreboard.catalog

    def model(self, mid: str) -> Model:
        return self.catalog.model_by_id[mid]

    def profile(self, mid: str) -> Profile:
        """A model's full profile, with the benchmarks behind each category score."""
        return self.scoreboard.profile(mid)

    def summary(self, mid: str) -> Profile:
        """A model's scores without their parts: for what reads only values, across many
        models (a full profile is built on demand, and only a few hundred are kept)."""
        return self.scoreboard.profiles[mid]

    def once(self, name: str, make: Callable[[], T]) -> T:
        """`make()`, worked out on first use and kept as long as the context (its data does not
        change): tables answers fill as they go."""
        try:
            found: T = self._memo[name]
        except KeyError:
            found = self._memo[name] = make()
        return found

    def bench_name(self, bid: str) -> str:
        return self.catalog.benchmark_by_id[bid].name

    def bench_label(self, bid: str) -> str:
        """The benchmark's label for a phone-width table or a chart axis: its short name, unique
        in the catalog (where two benchmarks would shorten alike, the one the data names keeps
        it and the other keeps more of its name)."""
        labels = self._memo.get("labels")
        if labels is None:
            labels = {b.id: bench_short(b) for b in self.catalog.benchmarks}
            owners: dict[str, list[str]] = {}
            for b, label in labels.items():
                owners.setdefault(label, []).append(b)
            for label, ids in owners.items():
                if len(ids) > 1:
                    for b in ids:
                        bench = self.catalog.benchmark_by_id[b]
                        if bench.short != label:
                            labels[b] = distinct_label(bench.name)
            self._memo["labels"] = labels
        return labels.get(bid) or bench_short(self.catalog.benchmark_by_id[bid])

    def bench_labels(self, bids: list[str]) -> list[str]:
        return [self.bench_label(b) for b in bids]

    def cat_name(self, cid: str) -> str:
        return self.catalog.category_by_id[cid].name

    def by_metric(self, metric: str) -> list[tuple[str, float]]:
        """Models with a figure for `metric`, best first (cheapest, fastest, ...): sorted once per
        catalog, on first use. Speed and latency rank only the models measured under the same
        conditions (`speed_group`)."""
        order = self._metric_orders.get(metric)
        if order is None:
            models = self.catalog.models
            group = self.speed_group() if metric in ("speed", "latency") else None
            if group is not None:
                models = tuple(m for m in models if m.id in group)
            vals = [(m.id, v, m.name) for m in models if (v := metric_key(m, metric)) is not None]
            order = [(mid, v) for mid, v, _ in sorted(vals, key=lambda t: (t[1], t[2]))]
            self._metric_orders[metric] = order
        return order

    def speed_group(self) -> frozenset[str] | None:
        """The models whose speed and latency rank together: those measured under the same
        conditions (endpoint and prompt) as the most models, this bot's own runs first at a tie.
        None when no figure says how it was measured (the only figures then are an aggregator's,
        all from one source)."""
        if "speed_group" not in self._memo:
            # conditions -> (model id, how it was measured) for every measured model
            groups: dict[tuple[str, str], list[tuple[str, SpeedMeasurement]]] = {}
            for m in self.catalog.models:
                if (sm := m.speed_measurement) is not None:
                    groups.setdefault(sm.conditions, []).append((m.id, sm))
            best = max(
                groups.values(),
                key=lambda ms: (
                    len(ms),
                    any(sm.measured_by == "this bot" for _, sm in ms),
                    max(sm.last_run for _, sm in ms),
                ),
                default=None,
            )
            self._memo["speed_group"] = frozenset(i for i, _ in best) if best is not None else None
        group: frozenset[str] | None = self._memo["speed_group"]
        return group

    def same_name(self, base: str) -> list[str]:
        """Every model whose name, less a snapshot month, is `base` ("GPT-4o (May 2024)")."""
        if not self._names:
            for m in self.catalog.models:
                self._names.setdefault(SNAPSHOT.sub("", m.name), []).append(m.id)
        return self._names.get(base, [])

    def qualifying(self, category: str | None, open_weights: bool) -> int:
        """How many models have a ranked score (overall or in `category`); counted once."""
        key = f"{category}:{open_weights}"
        if key not in self._counts:
            self._counts[key] = sum(
                1
                for mid, _ in self.scoreboard.ranked_iter(category)
                if not open_weights or self.model(mid).open_weights
            )
        return self._counts[key]

    def has_metric(self, metric: str) -> bool:
        """Whether any model has a figure for `metric` (no speed data: no speed question)."""
        return bool(self.by_metric(metric))

    def newest_score(self) -> dt.date | None:
        return self.once("newest", lambda: newest_score_date(self.scoreboard))

    def now(self) -> dt.datetime:
        if self.today is not None:
            return dt.datetime.combine(self.today, dt.time(12), dt.UTC)
        return dt.datetime.now(dt.UTC)

    def data_date(self) -> dt.date | None:
        """The newest day our data speaks for: the sources' snapshot date or the newest score,
        whichever is later."""
        days = [d for d in (self.catalog.meta.data_as_of, self.newest_score()) if d]
        return max(days) if days else None

    def staleness(self) -> str | None:
        """One plain sentence when the data is older than STALE_DAYS, for answers about what is
        recent (the change log, the newest models, releases this year) and /about."""
        d = self.data_date()
        if d is None:
            return None
        age = (self.now().date() - d).days
        if age <= STALE_DAYS:
            return None
        ago = plural(age, "day") if age < 60 else f"about {plural(round(age / 30.4), 'month')}"
        return (
            f"Our data runs to {d.day} {d:%b %Y}, {ago} ago: newer models, scores and prices "
            "are not in it."
        )

    def footer(self) -> str:
        """How fresh the data is and whose it is, as their licences ask (/about has the rest)."""
        return self.once("footer", self._footer)

    def _footer(self) -> str:
        meta = self.catalog.meta
        newest = self.newest_score()
        if newest:
            when = f"Newest score {newest.day} {newest:%b %Y}"
        else:
            when = f"Data as of {meta.data_as_of.isoformat()}" if meta.data_as_of else "Data"
        names = []
        for s in meta.sources:
            if s.id == "curated":
                continue
            short = CREDIT.get(s.id) or s.name.split(" (")[0].split(",")[0]
            names.append(f"{short} ({s.licence})" if "CC BY" in s.licence else short)
        return f"{when} · {', '.join(names)}; adapted, see /about"
