"""Two models side by side, as typed results every part of a head-to-head answer reads: the
benchmarks both have (overall and per category) and where their scores differ most."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.answers.context import Context
from bot.answers.fmt import NO_DATA, num, pct
from bot.answers.labels import short_names
from bot.catalog.method import Profile, part_value
from bot.catalog.models import Model

LEVEL = 0.5  # points apart on the benchmarks both have that still read as level


@dataclass(frozen=True, slots=True)
class Shared:
    """Two models on the weighted benchmarks both have (in one category, or all)."""

    benchmarks: tuple[str, ...]
    n: int  # how many
    mean_a: float | None  # weighted mean, each benchmark weighted by its weight x its category's
    mean_b: float | None
    wins_a: int  # benchmarks a scores higher on (to a tenth of a point)
    wins_b: int

    def means(self) -> tuple[float, float]:
        """Both means, where they share a benchmark."""
        assert self.mean_a is not None and self.mean_b is not None
        return self.mean_a, self.mean_b

    def leader(self, a: str, b: str) -> str | None:
        """Who leads on these benchmarks: None when level (within LEVEL points)."""
        if self.mean_a is None or self.mean_b is None or abs(self.mean_a - self.mean_b) < LEVEL:
            return None
        return a if self.mean_a > self.mean_b else b


NONE_SHARED = Shared((), 0, None, None, 0, 0)


def shared(ctx: Context, a: str, b: str, category: str | None = None) -> Shared:
    """The weighted benchmarks both have (in a category, or all), and each side's weighted
    mean on them. Kept per pair: an answer asks for the same pair several times."""
    memo: dict[tuple[str, str, str | None], Shared] = ctx.once("shared", dict)
    key = (a, b, category)
    found = memo.get(key)
    if found is None:
        if len(memo) > 20_000:
            memo.clear()
        found = memo[key] = _shared(ctx, a, b, category)
    return found


def _shared(ctx: Context, a: str, b: str, category: str | None) -> Shared:
    c = ctx.catalog
    sa, sb = c.scores_of(a), c.scores_of(b)
    cat_w = {x.id: x.weight for x in c.categories}
    items = []
    for bid in sorted(sa.keys() & sb.keys()):
        bench = c.benchmark_by_id[bid]
        if bench.weight <= 0 or bench.category is None or bench.unit != "percent":
            continue
        if category is not None and bench.category != category:
            continue
        flip = None if bench.higher_is_better else (bench.scale_max or 100)
        w = bench.weight * (1 if category else cat_w[bench.category])
        items.append((bid, part_value(sa[bid].value, flip), part_value(sb[bid].value, flip), w))
    if not items:
        return NONE_SHARED
    total = sum(w for *_, w in items)
    return Shared(
        tuple(i[0] for i in items),
        len(items),
        sum(va * w for _, va, _, w in items) / total,
        sum(vb * w for _, _, vb, w in items) / total,
        sum(1 for _, va, vb, _ in items if round(va, 1) > round(vb, 1)),
        sum(1 for _, va, vb, _ in items if round(vb, 1) > round(va, 1)),
    )


class CategoryGap(NamedTuple):
    """One category either model has: head to head on the weighted benchmarks both have in it,
    and each model's full category score (over all of its own benchmarks, adjusted for how hard
    each is), which is a different number. A named tuple, not a frozen dataclass: a head to
    head makes one per category, and a frozen dataclass sets each field through
    object.__setattr__ (about 5% of a head to head's composing time)."""

    category: str
    score_a: float | None  # a's full category score; None: a has none
    score_b: float | None
    head: Shared  # the category's benchmarks both have (none when either lacks the category)
    winner: str | None  # who leads head to head; None when level or not comparable
    benchmarks_a: tuple[str, ...]  # the benchmarks behind each full category score
    benchmarks_b: tuple[str, ...]
    # Worked out once, as answers ask them again and again:
    both: bool  # both models have a score in it
    comparable: bool  # they share a benchmark in it, so a head-to-head figure exists
    same_basis: bool  # both full scores rest on the same benchmarks (so they are the head to head)

    def margin(self) -> float:
        """How far apart they are head to head (only for a comparable category)."""
        h = self.head
        assert h.mean_a is not None and h.mean_b is not None
        return abs(h.mean_a - h.mean_b)

    def as_data(self) -> dict[str, Any]:
        """The numbers as an answer's data carries them (its JSON, for tests and tools)."""
        return {
            "category": self.category,
            "a": self.score_a,
            "b": self.score_b,
            "ha": self.head.mean_a,
            "hb": self.head.mean_b,
            "shared": list(self.head.benchmarks),
            "winner": self.winner,
            "comparable": self.comparable,
            "a_benchmarks": list(self.benchmarks_a),
            "b_benchmarks": list(self.benchmarks_b),
            "same_basis": self.same_basis,
        }


def category_gaps(ctx: Context, a: str, b: str) -> tuple[CategoryGap, ...]:
    """One per category either model has, in the catalog's order."""
    pa, pb = ctx.profile(a), ctx.profile(b)
    gaps = []
    for cat in ctx.catalog.categories:
        ca, cb = pa.categories.get(cat.id), pb.categories.get(cat.id)
        if ca is None and cb is None:
            continue
        h = shared(ctx, a, b, cat.id) if ca and cb else NONE_SHARED
        benchmarks_a = ca.benchmarks if ca else ()
        benchmarks_b = cb.benchmarks if cb else ()
        gaps.append(
            CategoryGap(
                category=cat.id,
                score_a=ca.value if ca else None,
                score_b=cb.value if cb else None,
                head=h,
                winner=h.leader(a, b),
                benchmarks_a=benchmarks_a,
                benchmarks_b=benchmarks_b,
                both=ca is not None and cb is not None,
                comparable=h.n > 0,
                same_basis=bool(ca and cb and set(benchmarks_a) == set(benchmarks_b)),
            )
        )
    return tuple(gaps)


class BenchGap(NamedTuple):
    """Two models' scores on one benchmark both have. A named tuple, not a frozen dataclass:
    a pair has one per benchmark it shares, and a frozen dataclass sets each field through
    object.__setattr__."""

    benchmark: str
    a: float
    b: float


def separators(ctx: Context, a: str, b: str, category: str | None) -> list[BenchGap]:
    """Percent benchmarks both have (in the category, for a category question), largest gap
    first (on a tie the heavier benchmark, then by id)."""
    c = ctx.catalog
    sa, sb = c.scores_of(a), c.scores_of(b)
    found = []
    for bid in sa.keys() & sb.keys():
        bench = c.benchmark_by_id[bid]
        if bench.unit != "percent" or (category and (bench.category != category)):
            continue
        va, vb = sa[bid].value, sb[bid].value
        found.append((-round(abs(va - vb), 6), -bench.weight, bid, va, vb))  # sorts as it reads
    found.sort()
    return [BenchGap(bid, va, vb) for *_, bid, va, vb in found]


def counts(ctx: Context, bid: str) -> bool:
    """Whether a benchmark counts in category scores (a weighted one, in a category)."""
    bench = ctx.catalog.benchmark_by_id[bid]
    return bench.weight > 0 and bench.category is not None


def bench_value(ctx: Context, bid: str, value: float | None) -> str:
    """A score as its benchmark reads: "72.5%" on a percent benchmark, else the number."""
    bench = ctx.catalog.benchmark_by_id[bid]
    if value is None:
        return NO_DATA
    return pct(value) if bench.unit == "percent" else num(value)


def overall_leader(pa: Profile, pb: Profile) -> tuple[Profile, Profile] | None:
    """(leader, trailer) on overall score, in whole points; None when level or either has none."""
    if pa.overall and pb.overall and round(pa.overall.value) != round(pb.overall.value):
        return (pa, pb) if pa.overall.value > pb.overall.value else (pb, pa)
    return None


@dataclass(frozen=True, slots=True)
class Pair:
    """Two models and what a head to head between them rests on, worked out once for every part
    of the answer."""

    a: Profile
    b: Profile
    id_a: str
    id_b: str
    name_a: str
    name_b: str
    short_a: str  # names that fit a phone's column
    short_b: str
    shorts: dict[str, str]  # model -> its short name
    category: str | None  # the category asked about
    gaps: tuple[CategoryGap, ...]  # one per category either has, in the catalog's order
    both: tuple[CategoryGap, ...]  # ...those both have a score in
    asked: CategoryGap | None  # the category asked about, when either has it
    overall: Shared  # every weighted benchmark both have
    separators: tuple[BenchGap, ...]  # the percent benchmarks both have, biggest gap first
    shown: tuple[BenchGap, ...]  # ...those that count in a score (in the category asked)
    empty: tuple[Model, ...]  # the models with no benchmark score at all

    def wins(self, mid: str) -> list[str]:
        """The categories `mid` leads head to head."""
        return [g.category for g in self.both if g.winner == mid]


def pair_up(ctx: Context, a: str, b: str, category: str | None) -> Pair:
    """Everything a head to head between `a` and `b` reads, for a question about `category`
    (or none)."""
    short_a, short_b = short_names([ctx.model(a).name, ctx.model(b).name])
    pa, pb = ctx.profile(a), ctx.profile(b)
    gaps = category_gaps(ctx, a, b)
    overall = shared(ctx, a, b)
    seps = tuple(separators(ctx, a, b, category))
    counted = [s for s in seps if counts(ctx, s.benchmark)]
    asked = next((g for g in gaps if g.category == category), None) if category else None
    in_asked = asked.head.benchmarks if asked else ()
    return Pair(
        a=pa,
        b=pb,
        id_a=a,
        id_b=b,
        name_a=pa.model.name,
        name_b=pb.model.name,
        short_a=short_a,
        short_b=short_b,
        shorts={a: short_a, b: short_b},
        category=category,
        gaps=gaps,
        both=tuple(g for g in gaps if g.both),
        asked=asked,
        overall=overall,
        separators=seps,
        shown=tuple(s for s in counted if category is None or s.benchmark in in_asked),
        empty=tuple(p.model for p in (pa, pb) if not ctx.catalog.scores_of(p.model.id)),
    )
