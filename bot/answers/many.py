"""Three to five models compared: ranked by the score or the measure asked about, each score
marked where it rests mostly on claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from bot.answers import fmt
from bot.answers.blocks import add, section
from bot.answers.claims import MOSTLY_CLAIMS, VENDOR_MARK, score_parts, vendor_share
from bot.answers.context import Context
from bot.answers.figures import (
    OPERATOR_ONLY,
    metric_cell,
    metric_key,
    metric_value,
    short_price,
)
from bot.answers.fmt import NO_DATA, num
from bot.answers.labels import a_, short_names
from bot.answers.limits import ops_rows
from bot.answers.model import Answer, Chart, ChartSeries, Facts, Short, Table, Text
from bot.answers.notes import caveats, scale_note
from bot.answers.speed import speed_note
from bot.catalog.method import Profile
from bot.measures import CATEGORIES, MEASURES

RADAR_MIN_AXES = 5  # fewer spokes than this read better as bars


@dataclass(frozen=True)
class Ranking:
    """The models in the order the answer lists them, and what each is ranked by."""

    order: list[str]  # best first; those with no figure last
    shown: dict[str, str]  # each model's figure as the table writes it
    label: str  # what they are ranked by: "Price", "Coding", "Overall"


class Placed(NamedTuple):
    model: str
    value: float | None  # its score (overall or in the category); None: it has none
    benchmarks: int  # how many the score rests on


def compare_many(ctx: Context, ids: list[str], category: str | None, metric: str | None) -> Answer:
    names = [ctx.model(i).name for i in ids]
    ans = Answer(
        intent="compare",
        title=" vs ".join(names),
        model_ids=ids,
        models=names,
        category=category,
        metric=metric,
    )
    ranking = _by_metric(ctx, ans, ids, metric) if metric else _by_score(ctx, ans, ids, category)
    shorts = short_names([ctx.model(m).name for m in ranking.order], 16)
    rows = _rows(ctx, ranking, shorts, category, metric)
    head = (
        ranking.label
        if metric
        else f"{CATEGORIES[category].short if category else 'Overall'} score"
    )
    ans.short = _short_form(ctx, ans.headline, rows, head, category, metric, ranking.order)
    full = add(ans, _full_table(ctx, ranking, rows, head, category, metric))
    limits = add(
        ans,
        Facts(
            title="Price and limits",
            columns=shorts_in(ids, ranking.order, shorts),
            rows=ops_rows(ctx, ids),
        ),
    )
    ans.caveats += caveats(ctx, ids)
    if category and not metric and _apart(ctx, ranking.order, category):
        ans.caveats.append(
            "These scores rest on different benchmarks, adjusted for how hard each is: "
            "indicative, not head to head."
        )
    section(ans, "ranking", "Full table", [full], caveats=True)
    limit_blocks = [limits]
    if speed := speed_note(ctx, ranking.order):
        limit_blocks.append(add(ans, Text(text=speed)))
    section(ans, "limits", "Price & limits", limit_blocks)
    if not metric:
        ans.chart = _chart(ctx, ranking.order, category, [ctx.model(m).name for m in ranking.order])
    return ans


def _by_metric(ctx: Context, ans: Answer, ids: list[str], metric: str) -> Ranking:
    """Ranked by a measure, best first (those with no figure last, by name); the lead names
    the first."""
    ranked = sorted(
        ((mid, metric_key(ctx.model(mid), metric)) for mid in ids),
        key=lambda kv: (
            kv[1] is None,
            kv[1] if kv[1] is not None else 0,
            ctx.model(kv[0]).name,
        ),
    )
    phrase = MEASURES[metric].phrase
    known = [mid for mid, v in ranked if v is not None]
    if known:
        best = ctx.model(known[0])
        ans.headline = f"**{best.name}** comes first on {phrase}: {metric_value(best, metric)}."
    else:
        ans.headline = f"None of them has {phrase} data: no data."
    missing = [ctx.model(mid).name for mid, v in ranked if v is None]
    if missing and known:
        ans.headline += f" No data for {fmt.join(missing)}."
    order = [mid for mid, _ in ranked]
    ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in ranked]
    return Ranking(
        order=order,
        shown={mid: metric_cell(ctx.model(mid), metric) for mid in order},
        label=phrase.capitalize(),
    )


def _by_score(ctx: Context, ans: Answer, ids: list[str], category: str | None) -> Ranking:
    """Ranked by overall score, or by the category's; the lead names the first three, a model
    with no score is said to be unranked."""
    scored = [_placed(ctx.profile(mid), category) for mid in ids]
    scored.sort(key=lambda x: (x.value is None, -(x.value or 0)))
    label = ctx.cat_name(category) if category else "Overall"
    digits = 1 if category else 0  # an overall score reads in whole points everywhere
    top = [x for x in scored if x.value is not None]
    where = f" for {CATEGORIES[category].phrase}" if category else " overall"
    if top:
        lead = f"**{ctx.model(top[0].model).name}** leads{where} with {num(top[0].value, digits)}"
        if len(top) > 1:
            lead += ", ahead of " + fmt.join(
                [f"{ctx.model(m).name} ({num(v, digits)})" for m, v, _ in top[1:3]]
            )
        ans.headline = lead + "."
    else:
        ans.headline = f"None of them has {a_(label.lower()) + ' score' if category else 'an overall score'} in our data."
    missing = [ctx.model(x.model).name for x in scored if x.value is None]
    if missing and top:
        ans.caveats.append(
            f"No {label.lower() if category else 'overall'} score for {fmt.join(missing)}: not ranked, not counted as zero."
        )
    ans.data["ranking"] = [{"model": mid, "value": v, "benchmarks": n} for mid, v, n in scored]
    return Ranking(
        order=[x.model for x in scored],
        shown={x.model: num(x.value, digits) for x in scored},
        label=label,
    )


def _placed(p: Profile, category: str | None) -> Placed:
    if category:
        cs = p.categories.get(category)
        return Placed(p.model.id, cs.value if cs else None, len(cs.parts) if cs else 0)
    return Placed(
        p.model.id,
        p.overall.value if p.overall else None,
        p.overall.benchmarks if p.overall else 0,
    )


def _rows(
    ctx: Context,
    ranking: Ranking,
    shorts: list[str],
    category: str | None,
    metric: str | None,
) -> list[list[str]]:
    """[place, name, figure, price] per model; no place for one without a figure."""
    place = 0
    rows = []
    for mid, s in zip(ranking.order, shorts, strict=True):
        value = ranking.shown[mid]
        known_value = value != NO_DATA
        place += known_value
        # a score resting mostly on claims rather than measurements is marked, as leaderboards do
        mark = (
            VENDOR_MARK
            if known_value and not metric and vendor_share(score_parts(ctx, mid, category)) > 0.5
            else ""
        )
        rows.append(
            [str(place) if known_value else "-", s, value + mark, short_price(ctx.model(mid))]
        )
    return rows


def _short_form(
    ctx: Context,
    lead: str,
    rows: list[list[str]],
    head: str,
    category: str | None,
    metric: str | None,
    order: list[str],
) -> Short:
    notes = []
    if any(r[2].endswith(VENDOR_MARK) for r in rows):
        notes.append(MOSTLY_CLAIMS)
    if category and not metric:
        notes.append(scale_note(ctx, category))
    if metric in OPERATOR_ONLY and (speed := speed_note(ctx, order)):
        notes.append(speed)
    return Short(
        lead=lead,
        columns=["#", "Model", head, "Price"] if metric != "price" else ["#", "Model", "Price"],
        rows=[r[:3] if metric == "price" else r for r in rows],
        note=" ".join(notes) or None,
    )


def _full_table(
    ctx: Context,
    ranking: Ranking,
    rows: list[list[str]],
    head: str,
    category: str | None,
    metric: str | None,
) -> Table:
    """The ranking with, for a score, how many of the benchmarks behind it were measured
    independently."""
    measured = []
    for mid in ranking.order:
        parts = score_parts(ctx, mid, category)
        measured.append(f"{sum(x.independent for x in parts)} of {len(parts)}" if parts else "")
    columns = ["#", "Model", head, "Measured"] if not metric else ["#", "Model", ranking.label]
    return Table(
        title=f"Ranked by {ranking.label.lower() if metric else head.lower()}",
        columns=columns,
        rows=[[r[0], r[1], r[2], m][: len(columns)] for r, m in zip(rows, measured, strict=True)],
        note=None
        if metric
        else "Measured: how many of the benchmarks behind each score someone other than "
        "its maker ran.",
        keys=2,
    )


def _apart(ctx: Context, order: list[str], category: str) -> bool:
    """No benchmark is behind every one of these category scores."""
    sets = [
        set(ctx.profile(mid).categories[category].benchmarks)
        for mid in order
        if category in ctx.profile(mid).categories
    ]
    return len(sets) > 1 and not set.intersection(*sets)


def shorts_in(ids: list[str], order: list[str], shorts: list[str]) -> list[str]:
    """The short names (made for `order`) in the order of `ids`."""
    by = dict(zip(order, shorts, strict=True))
    return [by[i] for i in ids]


def _chart(ctx: Context, order: list[str], category: str | None, names: list[str]) -> Chart | None:
    """Category scores (a radar of the categories any of them has, for up to three models), or
    the one score the table ranks by, rounded as the table shows it."""
    profiles = [ctx.profile(mid) for mid in order]
    if len(order) <= 3 and not category:
        cats = [c for c in ctx.catalog.categories if any(c.id in p.categories for p in profiles)]
        if len(cats) < 2:
            return None
        return Chart(
            kind="radar" if len(cats) >= RADAR_MIN_AXES else "bars",
            title="Category scores",
            axes=[c.name for c in cats],
            series=[
                ChartSeries(
                    name=n,
                    values=[
                        round(cs.value, 1) if (cs := p.categories.get(c.id)) else None for c in cats
                    ],
                )
                for n, p in zip(names, profiles, strict=True)
            ],
            note="Each over its own benchmarks, adjusted for how hard they are.",
        )
    label = f"{ctx.cat_name(category)} score" if category else "Overall score"
    digits = 1 if category else 0  # as the table shows it
    return Chart(
        kind="bars",
        title=label,
        axes=[label],
        series=[
            ChartSeries(
                name=n, values=[None if (v := _score(p, category)) is None else round(v, digits)]
            )
            for n, p in zip(names, profiles, strict=True)
        ],
    )


def _score(p: Profile, category: str | None) -> float | None:
    if category:
        return p.categories[category].value if category in p.categories else None
    return p.overall.value if p.overall else None
