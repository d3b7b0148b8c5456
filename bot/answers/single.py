"""One model: where it ranks, what it is good at, what it costs; or the one thing asked."""

from __future__ import annotations

from bot.answers import fmt
from bot.answers.compare import ops_rows
from bot.answers.context import (
    CATEGORY_PHRASE,
    CATEGORY_SHORT,
    METRIC_NAMES,
    Context,
    add,
    caveats,
    metric_value,
    section,
    short_price,
)
from bot.answers.fmt import NO_DATA, num, pct, plural
from bot.answers.model import Answer, Facts, Short, Table


def profile(
    ctx: Context,
    mid: str,
    category: str | None = None,
    metric: str | None = None,
    asks_open: bool = False,
) -> Answer:
    p = ctx.profile(mid)
    m = p.model
    sb = ctx.scoreboard
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
    if p.overall and not p.overall.provisional:
        rank = sb.overall_rank(mid)
        where = f"#{rank[0]} of {rank[1]} overall" if rank else "unranked"
        measured = p.overall.independent
        standing = (
            f"is {where} with {num(p.overall.value, 0)}, on "
            f"{plural(p.overall.benchmarks, 'benchmark')}"
            + (f" ({measured} measured independently)" if measured else " (all its vendor's own)")
            + "."
        )
    elif p.overall:
        standing = (
            f"scores {num(p.overall.value, 0)} overall, provisional: "
            f"{plural(p.overall.benchmarks, 'benchmark')} is too few to rank."
        )
    elif p.categories:
        standing = (
            f"has scores in {plural(len(p.categories), 'category', 'categories')}, too few for an "
            "overall score."
        )
    else:
        standing = "has no weighted benchmark scores in our data yet."
    # What was asked comes first, then where the model stands.
    asked: list[str] = []
    if asks_open:
        if m.open_weights is None:
            asked.append("whether its weights are open: no data")
        else:
            asked.append("open-weights" if m.open_weights else "not open-weights (API only)")
    if metric:
        value = metric_value(m, metric)
        if value == NO_DATA:
            asked.append(f"{METRIC_NAMES[metric]}: no data in our sources")
        elif metric == "price":
            asked.append(f"{value} per 1M input / output tokens")
        else:
            asked.append(f"{METRIC_NAMES[metric]} {value}")
    if category:
        cs = p.categories.get(category)
        if cs:
            r = sb.category_rank(mid, category)
            asked.append(
                f"{num(cs.value)} for {CATEGORY_PHRASE[category]}"
                + (
                    f" (#{r[0]} of {r[1]})"
                    if r
                    else " (not ranked: too little weight on current benchmarks)"
                )
                + f", on {fmt.join([ctx.bench_name(x) for x in cs.benchmarks[:3]])}"
                + (f" and {len(cs.benchmarks) - 3} more" if len(cs.benchmarks) > 3 else "")
            )
        else:
            asked.append(f"no {ctx.cat_name(category).lower()} score in our data")
    lead = f"{who}: " + "; ".join(asked) + ". It " + standing if asked else f"{who} {standing}"
    ans.headline = lead

    rows: list[list[str]] = []
    if p.overall:
        rank = sb.overall_rank(mid)
        rows.append(
            [
                "Overall",
                num(p.overall.value, 0) + ("*" if p.overall.provisional else ""),
                f"#{rank[0]}" if rank else "-",
            ]
        )
    ranked_cats = []
    for cat in ctx.catalog.categories:
        cs = p.categories.get(cat.id)
        if cs is None:
            continue
        r = sb.category_rank(mid, cat.id)
        ranked_cats.append((cat.id, cs.value, r))
    focus = [c for c in ranked_cats if c[0] == category] or sorted(
        ranked_cats, key=lambda c: (c[2] is None, c[2][0] / c[2][1] if c[2] else 1)
    )[:3]
    for cid, v, r in focus:
        rows.append([CATEGORY_SHORT[cid], num(v), f"#{r[0]}" if r else "-"])
    rows.append(["Price in/out", short_price(m), ""])
    rows.append(["Context", fmt.context(m.context_window), ""])
    if asks_open or m.open_weights is not None:
        rows.append(["Open weights", fmt.yes_no(m.open_weights), ""])
    rows = [r for r in rows if r[1] != NO_DATA or r[0] in ("Overall", "Price in/out")]
    ans.caveats = caveats(ctx, [mid])
    ans.short = Short(
        lead=lead,
        columns=["", "Score", "Rank"],
        rows=rows,
        note="* provisional: too few benchmarks to rank."
        if p.overall and p.overall.provisional
        else None,
    )

    cat_rows = [
        [
            ctx.cat_name(cid),
            num(v),
            f"#{r[0]} of {r[1]}" if r else "not ranked",
            fmt.join([ctx.bench_name(b) for b in p.categories[cid].benchmarks]),
        ]
        for cid, v, r in ranked_cats
    ]
    cat_blocks = []
    if cat_rows:
        cat_blocks.append(
            add(
                ans,
                Table(
                    title="By category",
                    columns=["Category", "Score", "Rank", "Benchmarks"],
                    rows=cat_rows,
                    note="Each category score averages its benchmarks, adjusted for how hard they are.",
                ),
            )
        )
    bench_rows = []
    for s in sorted(
        scores.values(),
        key=lambda s: (-ctx.catalog.benchmark_by_id[s.benchmark].weight, s.benchmark),
    ):
        bench = ctx.catalog.benchmark_by_id[s.benchmark]
        shown = pct(s.value) if bench.unit == "percent" else num(s.value)
        who = "vendor" if s.self_reported else ("measured" if s.self_reported is False else "")
        if s.variant:
            who += f" ({s.variant})"
        if s.vendor_value is not None:
            who += f"; vendor says {pct(s.vendor_value) if bench.unit == 'percent' else num(s.vendor_value)}"
        bench_rows.append([bench.name, shown, who])
    bench_blocks = []
    if bench_rows:
        bench_blocks.append(
            add(
                ans,
                Table(
                    title="Benchmarks",
                    columns=["Benchmark", "Score", "Source"],
                    rows=bench_rows[:20],
                    note=(
                        f"{len(bench_rows) - 20} more in the data."
                        if len(bench_rows) > 20
                        else None
                    ),
                ),
            )
        )
    limit_blocks = [
        add(ans, Facts(title="Price and limits", columns=[m.name], rows=ops_rows(ctx, [mid])))
    ]
    section(ans, "categories", "Categories", cat_blocks, caveats=True)
    section(ans, "benchmarks", "Benchmarks", bench_blocks)
    section(ans, "limits", "Price & limits", limit_blocks)
    ans.data = {
        "overall": p.overall.value if p.overall else None,
        "overall_rank": sb.overall_rank(mid),
        "categories": {c: s.value for c, s in p.categories.items()},
        "independent": independent,
    }
    return ans
