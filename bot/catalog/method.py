"""The scoring method, as pure functions over a Catalog.

- A category score is the weighted mean of the model's weighted benchmarks in that category, the
  weights renormalised over the benchmarks the model has (each model over its own benchmarks). A
  lower-is-better rate (a hallucination rate) counts as its complement: 100 - rate.
- The overall score is the weighted mean of the category scores, the category weights renormalised
  over the categories the model has, given only when the model meets the catalog's overall rule.
- The biggest separator of two models is the benchmark with the largest gap among those both have
  on the percent scale.
The weights themselves live in data (data/curated/benchmarks.json, data/curated/categories.json).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.bulk import bulk
from bot.catalog.models import Catalog, Model


class Part(NamedTuple):
    # A named tuple, not a frozen dataclass: a 10,000-model catalog makes 400,000 of them, and a
    # frozen dataclass sets each field through object.__setattr__.
    benchmark: str
    value: float  # the score as it counts (a lower-is-better rate as its complement)
    weight: float
    saturated: bool = False
    difficulty: float = 0.0  # points added for a harder benchmark than the category's typical
    independent: bool = False  # measured by someone other than the model's vendor


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    value: float
    parts: tuple[Part, ...]  # empty in a scoreboard's summary (see Scoreboard.profile)
    ranked: bool  # its current (unsaturated) benchmarks carry enough weight to rank it
    count: int = 0  # how many benchmarks it averages
    independent: int = 0  # of them, how many were measured independently

    @property
    def benchmarks(self) -> tuple[str, ...]:
        return tuple(p.benchmark for p in self.parts)


@dataclass(frozen=True, slots=True)
class Overall:
    value: float
    categories: tuple[str, ...]  # the ranked categories it averages
    benchmarks: int
    coverage: float  # share of the total category weight those categories carry
    provisional: bool = False  # too few benchmarks to rank; shown with that label
    independent: int = 0  # how many of those benchmarks were measured independently


@dataclass(frozen=True, slots=True)
class Separator:
    benchmark: str
    a: float
    b: float

    @property
    def gap(self) -> float:
        return abs(self.a - self.b)


@dataclass(slots=True)
class Profile:
    model: Model
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    overall: Overall | None = None
    weighted_benchmarks: int = 0


# benchmark -> (category, weight, saturated, top of its scale when lower is better, difficulty)
Weighted = dict[str, tuple[str, float, bool, float | None, float]]


def weighted_benchmarks(catalog: Catalog) -> Weighted:
    return {
        b.id: (
            b.category,
            b.weight,
            b.saturated,
            None if b.higher_is_better else b.scale_max or 100,
            b.difficulty,
        )
        for b in catalog.benchmarks
        if b.category is not None and b.weight > 0
    }


def part_value(value: float, flip: float | None) -> float:
    """What a score counts for in an average: itself, or for a lower-is-better rate its
    complement (a 5% hallucination rate counts as 95)."""
    return value if flip is None else flip - value


def category_scores(
    catalog: Catalog, model_id: str, weighted: Weighted | None = None, keep_parts: bool = True
) -> dict[str, CategoryScore]:
    """A model's score in each category it has weighted benchmarks in. Without `keep_parts`,
    the scores alone, their parts counted but not kept (a scoreboard's summary)."""
    weighted = weighted if weighted is not None else weighted_benchmarks(catalog)
    # (-weight, benchmark, value as it counts, saturated, difficulty, independent), per category
    grouped: dict[str, list[tuple[float, str, float, bool, float, bool]]] = {}
    for bench_id, score in catalog.scores_of(model_id).items():
        info = weighted.get(bench_id)
        if info is not None:
            grouped.setdefault(info[0], []).append(
                (
                    -info[1],
                    bench_id,
                    part_value(score.value, info[3]),
                    info[2],
                    info[4],
                    score.self_reported is False,
                )
            )
    out: dict[str, CategoryScore] = {}
    if not grouped:
        return out
    floor = catalog.meta.overall_rule.min_category_weight
    for cat in catalog.categories:
        rows = grouped.get(cat.id)
        if not rows:
            continue
        rows.sort(key=_heaviest_first)
        total = weighted_sum = current = 0.0
        independent = 0
        for neg_weight, _, value, saturated, difficulty, ind in rows:
            weight = -neg_weight
            total += weight
            weighted_sum += (value + difficulty) * weight
            if not saturated:
                current += weight
            independent += ind
        parts = (
            tuple(Part(b, v, -w, sat, d, ind) for w, b, v, sat, d, ind in rows)
            if keep_parts
            else ()
        )
        out[cat.id] = CategoryScore(
            cat.id,
            min(100.0, max(0.0, weighted_sum / total)),
            parts,
            current + 1e-9 >= floor,
            len(rows),
            independent,
        )
    return out


# How strongly a benchmark's difficulty is pulled towards 0 (none), in models' worth of evidence:
# a benchmark few models took says little about how hard it is.
DIFFICULTY_PRIOR = 1.0


def fit_difficulty(
    scores: Iterable[tuple[str, str, float]],
    benchmarks: dict[str, tuple[str, float]],
    rounds: int = 60,
) -> dict[str, float]:
    """How many points harder each weighted benchmark is than its category's typical one.

    `scores`: (model, benchmark, value as it counts); `benchmarks`: id -> (category, weight).
    Within a category, a model's score on a benchmark is read as its ability less the benchmark's
    difficulty; both are fitted by alternating weighted means, each benchmark's difficulty pulled
    towards 0 by DIFFICULTY_PRIOR, and the difficulties centred so that their weighted mean in
    the category is 0: a model that took every weighted benchmark of a category keeps its plain
    weighted mean. A model measured only on easy tests then no longer outranks one measured on
    hard ones for that reason alone."""
    by_cat: dict[str, list[tuple[str, str, float]]] = {}
    for model, bench, value in scores:
        if bench in benchmarks:
            by_cat.setdefault(benchmarks[bench][0], []).append((model, bench, value))
    out: dict[str, float] = {}
    for _cat, obs in sorted(by_cat.items()):
        diff = {b: 0.0 for _, b, _ in obs}
        weight = {b: benchmarks[b][1] for b in diff}
        for _ in range(rounds):
            num: dict[str, float] = {}
            den: dict[str, float] = {}
            for m, b, v in obs:
                num[m] = num.get(m, 0.0) + weight[b] * (v + diff[b])
                den[m] = den.get(m, 0.0) + weight[b]
            ability = {m: num[m] / den[m] for m in num}
            gap: dict[str, float] = {}
            count: dict[str, int] = {}
            for m, b, v in obs:
                gap[b] = gap.get(b, 0.0) + ability[m] - v
                count[b] = count.get(b, 0) + 1
            diff = {b: gap[b] / (count[b] + DIFFICULTY_PRIOR) for b in diff}
            total = sum(weight.values())
            centre = sum(weight[b] * diff[b] for b in diff) / total
            diff = {b: d - centre for b, d in diff.items()}
        out.update({b: round(d, 2) for b, d in diff.items()})
    return out


def _heaviest_first(row: tuple[float, str, float, bool, float, bool]) -> tuple[float, str]:
    return (row[0], row[1])


def overall_score(catalog: Catalog, cats: dict[str, CategoryScore]) -> Overall | None:
    """Weighted mean of the ranked category scores, when they cover enough of the method."""
    rule = catalog.meta.overall_rule
    weights: dict[str, float] = {c.id: c.weight for c in catalog.categories}
    used = [c for c, score in cats.items() if score.ranked and weights[c] > 0]
    n_bench = sum(cats[c].count for c in used)
    covered = sum(weights[c] for c in used)
    if n_bench < rule.min_benchmarks or len(used) < rule.min_categories:
        return None
    if covered + 1e-9 < rule.min_weight:
        return None
    value = sum(cats[c].value * weights[c] for c in used) / covered
    n_ind = sum(cats[c].independent for c in used)
    thin = n_bench < rule.ranked_min_benchmarks and n_ind < rule.ranked_min_independent
    return Overall(value, tuple(used), n_bench, covered, thin, n_ind)


def profile(
    catalog: Catalog, model_id: str, weighted: Weighted | None = None, keep_parts: bool = True
) -> Profile:
    cats = category_scores(catalog, model_id, weighted, keep_parts)
    return Profile(
        model=catalog.model(model_id),
        categories=cats,
        overall=overall_score(catalog, cats),
        weighted_benchmarks=sum(c.count for c in cats.values()),
    )


def shared_benchmarks(
    catalog: Catalog, a: str, b: str, category: str | None = None
) -> list[Separator]:
    sa, sb = catalog.scores_of(a), catalog.scores_of(b)
    out = []
    for bench_id in sa.keys() & sb.keys():
        bench = catalog.benchmark_by_id[bench_id]
        if bench.unit != "percent":
            continue
        if category is not None and bench.category != category:
            continue
        out.append(Separator(bench_id, sa[bench_id].value, sb[bench_id].value))
    # Largest gap first; weighted benchmarks before unweighted on equal gaps, then by id for a
    # stable order.
    out.sort(
        key=lambda s: (-round(s.gap, 6), -catalog.benchmark_by_id[s.benchmark].weight, s.benchmark)
    )
    return out


def biggest_separator(
    catalog: Catalog, a: str, b: str, category: str | None = None
) -> Separator | None:
    shared = shared_benchmarks(catalog, a, b, category)
    return shared[0] if shared else None


# Full profiles (with each category's parts) kept by a scoreboard for the models asked about
PROFILES_KEPT = 512


class Scoreboard:
    """Every model's profile and the rankings, computed once per catalog. `profiles` holds each
    model's summary (its scores, their parts counted but not kept: at 10,000 models the parts
    are 400,000 tuples); `profile(mid)` gives the full one an answer shows."""

    @bulk
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._weighted = weighted = weighted_benchmarks(catalog)
        self.profiles: dict[str, Profile] = {
            m.id: profile(catalog, m.id, weighted, keep_parts=False) for m in catalog.models
        }
        self._full: OrderedDict[str, Profile] = OrderedDict()
        # Rankings, sorted once per catalog: a leaderboard question walks a ready list.
        # A score backed by at least one independent measurement ranks before one that rests on
        # its vendor's claims alone (those follow, in score order, marked in answers).
        self._ordered: dict[str | None, list[tuple[str, float]]] = {
            None: self._order(
                (mid, p.overall.value, p.overall.independent == 0)
                for mid, p in self.profiles.items()
                if p.overall and not p.overall.provisional
            )
        }
        for cat in catalog.categories:
            self._ordered[cat.id] = self._order(
                (mid, cs.value, cs.independent == 0)
                for mid, p in self.profiles.items()
                if (cs := p.categories.get(cat.id)) is not None and cs.ranked
            )
        self._overall_rank = self._rank(self._ordered[None])
        self._category_rank: dict[str, dict[str, int]] = {
            cat.id: self._rank(self._ordered[cat.id]) for cat in catalog.categories
        }
        self.models_with_scores = sum(1 for mid in self.profiles if catalog.scores_of(mid))

    @staticmethod
    def _order(items: Iterable[tuple[str, float, bool]]) -> list[tuple[str, float]]:
        return [(mid, v) for mid, v, _ in sorted(items, key=lambda t: (t[2], -t[1], t[0]))]

    @staticmethod
    def _rank(ordered: list[tuple[str, float]]) -> dict[str, int]:
        """Each model's place (equal scores to a tenth share one), out of len(ordered)."""
        ranks: dict[str, int] = {}
        prev_value: float | None = None
        prev_rank = 0
        for i, (mid, v) in enumerate(ordered, start=1):
            rank = (
                prev_rank
                if prev_value is not None
                and round(v, 1) == round(prev_value, 1)
                and v <= prev_value
                else i
            )
            ranks[mid] = rank
            prev_value, prev_rank = v, rank
        return ranks

    def profile(self, model_id: str) -> Profile:
        """A model's full profile, with the benchmarks behind each category score."""
        full = self._full.get(model_id)
        if full is None:
            if model_id not in self.profiles:
                raise KeyError(model_id)
            full = profile(self.catalog, model_id, self._weighted)
            self._full[model_id] = full
            if len(self._full) > PROFILES_KEPT:
                self._full.popitem(last=False)
        else:
            self._full.move_to_end(model_id)
        return full

    def overall_rank(self, model_id: str) -> tuple[int, int] | None:
        """(place, out of how many), overall."""
        rank = self._overall_rank.get(model_id)
        return None if rank is None else (rank, len(self._ordered[None]))

    def category_rank(self, model_id: str, category: str) -> tuple[int, int] | None:
        """(place, out of how many) in a category."""
        rank = self._category_rank.get(category, {}).get(model_id)
        return None if rank is None else (rank, len(self._ordered[category]))

    def ranked(self, category: str | None = None) -> list[tuple[str, float]]:
        """Models in rank order, overall or in one category; only scores that can be ranked."""
        return list(self._ordered.get(category, ()))

    def ranked_iter(self, category: str | None = None) -> Iterator[tuple[str, float]]:
        """The same order without a copy, for callers that stop after the first few."""
        return iter(self._ordered.get(category, ()))


_last: list[tuple[Catalog, Scoreboard]] = []


def scoreboard_for(catalog: Catalog) -> Scoreboard:
    """The scoreboard of `catalog`, reusing the one built last for the very same catalog (the
    engine and a refresh both need the current one; at 10,000 models it takes a second)."""
    last = _last[0] if _last else None
    if last is not None and last[0] is catalog:
        return last[1]
    sb = Scoreboard(catalog)
    _last[:] = [(catalog, sb)]
    return sb
