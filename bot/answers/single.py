"""One model: where it ranks, what it is good at, what it costs; or the one thing asked."""

from __future__ import annotations

from typing import NamedTuple

from bot.answers import fmt
from bot.answers.blocks import add, section
from bot.answers.claims import claim, measured_by
from bot.answers.context import Context
from bot.answers.figures import OPERATOR_ONLY, long_prompt_row, metric_value, short_price
from bot.answers.fmt import NO_DATA, num, pct, plural
from bot.answers.labels import a_
from bot.answers.limits import ops_rows
from bot.answers.model import Answer, Facts, Short, Table, Text
from bot.answers.notes import caveats, closest_scored, nearest_scored, scale_note
from bot.answers.speed import speed_note, speed_source
from bot.catalog.method import Profile
from bot.catalog.models import Score
from bot.measures import CATEGORIES, MEASURES


class CategoryPlace(NamedTuple):
    category: str
    value: float  # the model's category score
    rank: tuple[int, int] | None  # (place, of how many); None: not ranked


def profile(
    ctx: Context,
    mid: str,
    category: str | None = None,
    metric: str | None = None,
    asks_open: bool = False,
) -> Answer:
    """What was asked (a measure, a category, whether its weights are open) first, then where
    the model stands; its best categories and price beside it; its categories, benchmarks and
    limits behind buttons."""
    p = ctx.profile(mid)
    m = p.model
    ans = Answer(
        intent="profile",
        title=m.name,
        model_ids=[mid],
        models=[m.name],
        category=category,
        metric=metric,
    )
    scores = ctx.catalog.scores_of(mid)
    independent = sum(1 for s in scores.values() if s.self_reported is False)
    when = f", {m.release_date:%b %Y}" if m.release_date else ""
    who = f"**{m.name}** ({m.creator}{when})"
    standing = _standing(ctx, p)
    asked = _asked(ctx, p, category, metric, asks_open)
    lead = f"{who}: " + "; ".join(asked) + ". It " + standing if asked else f"{who} {standing}"
    ans.headline = lead
    places = _places(ctx, p)
    ans.caveats = caveats(ctx, [mid])
    ans.short = _short_form(ctx, p, lead, places, category, metric, asks_open)
    cat_blocks = _category_blocks(ctx, ans, p, places)
    bench_blocks = _benchmark_blocks(ctx, ans, p)
    limit_blocks = [
        add(ans, Facts(title="Price and limits", columns=[m.name], rows=ops_rows(ctx, [mid])))
    ]
    if speed := speed_note(ctx, [mid]):
        limit_blocks.append(add(ans, Text(text=speed)))
    section(ans, "categories", "Categories", cat_blocks, caveats=bool(cat_blocks))
    section(ans, "benchmarks", "Benchmarks", bench_blocks)
    section(ans, "limits", "Price & limits", limit_blocks)
    ans.data = {
        "overall": p.overall.value if p.overall else None,
        "overall_rank": ctx.scoreboard.overall_rank(mid),
        "categories": {c: s.value for c, s in p.categories.items()},
        "independent": independent,
    }
    return ans


def _standing(ctx: Context, p: Profile) -> str:
    """Where the model stands overall, as much as its scores allow."""
    if p.overall and not p.overall.provisional:
        rank = ctx.scoreboard.overall_rank(p.model.id)
        where = f"#{rank[0]} of {rank[1]} overall" if rank else "unranked"
        measured = p.overall.independent
        return (
            f"is {where} with {num(p.overall.value, 0)}, on "
            f"{plural(p.overall.benchmarks, 'benchmark')}"
            + (f" ({measured} measured independently)" if measured else " (all its vendor's own)")
            + "."
        )
    if p.overall:
        return (
            f"scores {num(p.overall.value, 0)} overall, provisional: "
            f"{plural(p.overall.benchmarks, 'benchmark')} is too few to rank."
        )
    if p.categories:
        return (
            f"has scores in {plural(len(p.categories), 'category', 'categories')}, too few for an "
            "overall score."
        )
    return _no_scores(ctx, p.model.id)


def _asked(
    ctx: Context, p: Profile, category: str | None, metric: str | None, asks_open: bool
) -> list[str]:
    """The answers to what was asked, in the order a lead says them."""
    m = p.model
    asked: list[str] = []
    if asks_open:
        if m.open_weights is None:
            asked.append("whether its weights are open: no data")
        else:
            asked.append("open-weights" if m.open_weights else "not open-weights (API only)")
    if metric:
        value = metric_value(m, metric)
        if value == NO_DATA:
            asked.append(f"{MEASURES[metric].phrase}: no data in our sources")
        elif metric == "price":
            asked.append(
                f"{value} per 1M input / output tokens"
                + (
                    f"; {lp} past {fmt.context(m.long_context_from)} tokens of prompt"
                    if (lp := fmt.long_price(m))
                    else ""
                )
            )
        else:
            asked.append(f"{MEASURES[metric].phrase} {value}")
    if category:
        asked.append(_asked_category(ctx, p, category))
    return asked


def _asked_category(ctx: Context, p: Profile, category: str) -> str:
    cs = p.categories.get(category)
    if not cs:
        return f"no {ctx.cat_name(category).lower()} score in our data"
    r = ctx.scoreboard.category_rank(p.model.id, category)
    return (
        f"{a_(ctx.cat_name(category).lower())} score of {num(cs.value)}"
        + (
            f" (#{r[0]} of {r[1]})"
            if r
            else " (not ranked: too little weight on current benchmarks)"
        )
        + f", over {fmt.join([ctx.bench_name(x) for x in cs.benchmarks[:3]])}"
        + (f" and {len(cs.benchmarks) - 3} more" if len(cs.benchmarks) > 3 else "")
    )


def _places(ctx: Context, p: Profile) -> list[CategoryPlace]:
    """Each category the model has a score in, in the catalog's order, with its rank."""
    out = []
    for cat in ctx.catalog.categories:
        cs = p.categories.get(cat.id)
        if cs is None:
            continue
        out.append(
            CategoryPlace(cat.id, cs.value, ctx.scoreboard.category_rank(p.model.id, cat.id))
        )
    return out


def _short_form(
    ctx: Context,
    p: Profile,
    lead: str,
    places: list[CategoryPlace],
    category: str | None,
    metric: str | None,
    asks_open: bool,
) -> Short:
    """Overall and the category asked (or the three it ranks best in), then price and limits."""
    m = p.model
    rows: list[list[str]] = []
    if p.overall:
        rank = ctx.scoreboard.overall_rank(m.id)
        rows.append(
            [
                "Overall",
                num(p.overall.value, 0) + ("*" if p.overall.provisional else ""),
                f"#{rank[0]}" if rank else "-",
            ]
        )
    focus = [c for c in places if c.category == category] or sorted(
        places, key=lambda c: (c.rank is None, c.rank[0] / c.rank[1] if c.rank else 1)
    )[:3]
    for cid, v, r in focus:
        rows.append([CATEGORIES[cid].short, num(v), f"#{r[0]}" if r else "-"])
    facts = _facts(p, asks_open)
    notes = []
    if p.overall and p.overall.provisional:
        notes.append("* provisional: too few benchmarks to rank.")
    if category and category in p.categories:
        notes.append(scale_note(ctx, category))
    if metric in OPERATOR_ONLY and (source := speed_source(p.model)):
        notes.append(f"Speed and latency: {source}.")
    if p.categories:
        short_rows = rows + [[label, value, ""] for label, value in facts]
        columns = ["", "Score", "Rank"]
    else:  # nothing to score: what is known, without an empty score column
        short_rows, columns = facts, ["", ""]
    return Short(lead=lead, columns=columns, rows=short_rows, note=" ".join(notes) or None)


def _facts(p: Profile, asks_open: bool) -> list[list[str]]:
    m = p.model
    facts = [
        ["Price in/out", short_price(m)],
        ["Context", fmt.context(m.context_window)],
    ]
    if long := long_prompt_row([m]):
        facts.append(long)
    if asks_open or m.open_weights is not None:
        facts.append(["Open weights", fmt.yes_no(m.open_weights)])
    if not p.categories and m.release_date:
        facts.append(["Released", f"{m.release_date:%b %Y}"])
    return [r for r in facts if r[1] != NO_DATA or r[0] == "Price in/out"]


def _category_blocks(
    ctx: Context, ans: Answer, p: Profile, places: list[CategoryPlace]
) -> list[int]:
    if not places:
        return []
    rows = [
        [
            CATEGORIES[cid].short,
            num(v),
            f"#{r[0]} of {r[1]}" if r else "-",
            str(len(p.categories[cid].parts)),
        ]
        for cid, v, r in places
    ]
    table = Table(
        title="By category",
        columns=["Category", "Score", "Rank", "Tests"],
        rows=rows,
        note="Tests: the benchmarks behind each score; - not ranked. " + _scale_text(ctx, p),
    )
    return [add(ans, table)]


def _benchmark_blocks(ctx: Context, ans: Answer, p: Profile) -> list[int]:
    """The benchmarks behind its scores, heaviest first, then the rest of its scores; at most
    BENCH_ROWS rows in all."""
    scores = ctx.catalog.scores_of(p.model.id)
    counted = (
        {x.benchmark for c in p.overall.categories for x in p.categories[c].parts}
        if p.overall
        else {x.benchmark for cs in p.categories.values() for x in cs.parts}
    )
    ordered = sorted(
        scores.values(),
        key=lambda s: (-ctx.catalog.benchmark_by_id[s.benchmark].weight, s.benchmark),
    )
    behind = [s for s in ordered if s.benchmark in counted]
    rest = [s for s in ordered if s.benchmark not in counted]
    blocks: list[int] = []
    room = BENCH_ROWS
    what = "overall score" if p.overall else "category scores"
    for title, group in (
        (f"The {plural(len(behind), 'benchmark')} behind its {what}", behind),
        ("Also in the data, not counted" if behind else "Benchmarks (none counted)", rest),
    ):
        shown = group[:room]
        room -= len(shown)
        if not shown:
            continue
        first = not blocks
        blocks.append(
            add(
                ans,
                Table(
                    title=title,
                    columns=["Benchmark", "Score", "Source"],
                    rows=_score_rows(ctx, shown),
                    note=_runs_note(ctx, shown, len(group) - len(shown), legend=first),
                ),
            )
        )
    return blocks


BENCH_ROWS = 20  # benchmark rows on a profile's page; the rest are counted


def _no_scores(ctx: Context, mid: str) -> str:
    """A model with nothing to score: said once, with what is known and where a close model
    has scores."""
    if ctx.catalog.scores_of(mid):
        text = "has benchmark scores in our data, but none that count in a category score."
    else:
        text = "has no benchmark scores in our data."
    return text + closest_scored(ctx, nearest_scored(ctx, mid))


def _score_rows(ctx: Context, scores: list[Score]) -> list[list[str]]:
    rows = []
    labels = ctx.bench_labels([s.benchmark for s in scores])
    for s, label in zip(scores, labels, strict=True):
        bench = ctx.catalog.benchmark_by_id[s.benchmark]
        shown = pct(s.value) if bench.unit == "percent" else num(s.value)
        how = claim(ctx, s)
        if how is None:
            source = measured_by(s) if s.self_reported is False else ""
        else:
            source = "vendor" if how == "vendor-reported" else how.replace("reported ", "")
        rows.append([label, shown, source])
    return rows


def _runs_note(ctx: Context, scores: list[Score], more: int, legend: bool = True) -> str | None:
    """What the Source column cannot hold: the run each measurement stands for, the vendor's own
    figure where a measurement replaced it, and how many rows are left out."""
    runs: dict[str, list[str]] = {}
    vendor_says = []
    for s in scores:
        bench = ctx.catalog.benchmark_by_id[s.benchmark]
        if s.variant and s.self_reported is False:
            runs.setdefault(s.variant, []).append(measured_by(s))
        if s.vendor_value is not None:
            v = pct(s.vendor_value) if bench.unit == "percent" else num(s.vendor_value)
            vendor_says.append(f"{ctx.bench_label(s.benchmark)} {v}")
    parts = []
    if runs:
        parts.append(
            "Runs: "
            + "; ".join(f"{v} ({fmt.join(list(dict.fromkeys(src)))})" for v, src in runs.items())
            + "."
        )
    if vendor_says:
        parts.append(f"The vendor's own figures: {fmt.join(vendor_says)}.")
    if legend:
        parts.append("Source: who measured it; vendor: its maker's claim; by X: another maker's.")
    if more:
        parts.append(f"{more} more in the data.")
    return " ".join(parts) or None


def _scale_text(ctx: Context, p: Profile) -> str:
    """How a category score relates to the percentages it rests on, with this model's most
    striking case spelled out (a score far from its raw percentages, or capped at 100)."""
    text = (
        "A category score puts its benchmarks on one scale, each adjusted for how hard it is "
        "(0-100), so it is not a raw percentage."
    )
    worst = None
    for cid, cs in p.categories.items():
        total = sum(x.weight for x in cs.parts)
        raw = sum(x.value * x.weight for x in cs.parts) / total if total else cs.value
        if abs(cs.value - raw) >= 10 and (worst is None or abs(cs.value - raw) > worst[0]):
            worst = (abs(cs.value - raw), cid, cs, raw)
    if worst is not None:
        _, cid, cs, raw = worst
        if len(cs.parts) == 1:
            x = cs.parts[0]
            basis = f"{ctx.bench_label(x.benchmark)} at {pct(x.value)}"
        else:
            basis = f"its {len(cs.parts)} benchmarks, {num(raw)} on average"
        harder = "harder" if cs.value > raw else "easier"
        text += (
            f" {CATEGORIES[cid].short} {num(cs.value)} rests on {basis}: {harder} tests than the "
            "category's typical one count "
            + ("up" if cs.value > raw else "down")
            + (", capped at 100." if cs.value >= 99.95 else ".")
        )
    return text
