"""Two models head to head (three to five are ranked, in bot/answers/many.py).

One set of numbers per reply: a category is called, tabled and charted on the benchmarks both
models have (the plain scores, where test difficulty cancels out); each model's full category
score (over its own benchmarks, adjusted for their difficulty) is shown only under that label.
How sure the verdict sounds is sized to the evidence (bot/answers/verdict.py)."""

from __future__ import annotations

from typing import Any

from bot.answers import fmt
from bot.answers.blocks import add, drop_dead_rows, section
from bot.answers.claims import VENDOR_MARK, claimed, claims_note
from bot.answers.context import Context
from bot.answers.figures import (
    OPERATOR_ONLY,
    long_prompt_note,
    long_prompt_row,
    long_prompt_sentence,
    metric_cell,
    short_price,
)
from bot.answers.fmt import NO_DATA, num, plural
from bot.answers.limits import context_sentence, metric_sentence, ops_rows, price_sentence
from bot.answers.many import RADAR_MIN_AXES, compare_many
from bot.answers.model import FAQ, Answer, Chart, ChartSeries, Facts, Short, Table, Text
from bot.answers.notes import caveats
from bot.answers.pair import (
    BenchGap,
    CategoryGap,
    Pair,
    Shared,
    bench_value,
    overall_leader,
    pair_up,
    shared,
)
from bot.answers.speed import speed_note
from bot.answers.verdict import category_lead, no_scores_lead, verdict, why_disagree
from bot.catalog.method import Profile
from bot.measures import CATEGORIES, MEASURES

__all__ = [  # with names kept importable from here
    "Shared",
    "compare_many",
    "compare_two",
    "metric_sentence",
    "ops_rows",
    "shared",
]


def compare_two(
    ctx: Context, a: str, b: str, category: str | None = None, metric: str | None = None
) -> Answer:
    """The verdict (or the category or measure asked about) first, the few numbers that decide
    it beside it, and the details behind buttons: categories, benchmarks, price and limits, an
    FAQ, and why the overall leader can trail head to head."""
    two = pair_up(ctx, a, b, category)
    ans = Answer(
        intent="compare",
        title=f"{two.name_a} vs {two.name_b}",
        model_ids=[a, b],
        models=[two.name_a, two.name_b],
        category=category,
        metric=metric,
    )
    said = verdict(ctx, two.a, two.b, two.overall)
    ans.headline = _lead(ctx, two, said, metric)
    ans.caveats = caveats(ctx, [a, b])
    ans.short = _short_form(ctx, two, ans.headline, metric, ans.caveats)
    cat_blocks = _category_blocks(ctx, ans, two)
    ans.data.update(_data(two))
    bench_blocks = _benchmark_blocks(ctx, ans, two)
    limit_blocks = _limit_blocks(ctx, ans, two)
    faq = _faq(ctx, two, ans.headline if two.empty else said)
    faq_blocks = [add(ans, FAQ(items=faq))]
    why_blocks = _why_blocks(ctx, ans, two)
    section(ans, "categories", "Categories", cat_blocks, caveats=True)
    section(ans, "benchmarks", "Benchmarks", bench_blocks)
    section(ans, "limits", "Price & limits", limit_blocks)
    section(ans, "faq", "FAQ", faq_blocks)
    section(ans, "why", "Why?", why_blocks)
    if not metric:
        ans.chart = _chart(ctx, two)
    return ans


def _lead(ctx: Context, two: Pair, said: str, metric: str | None) -> str:
    """What was asked, answered: the category, the measure, or else the verdict; for a model
    with no scores at all, that (unless a measure was asked)."""
    if two.category:
        lead = category_lead(ctx, two.a, two.b, two.asked, two.category)
    elif metric:
        lead = metric_sentence(two.a.model, two.b.model, metric)
    else:
        lead = said
    if two.empty and not metric:
        lead = no_scores_lead(ctx, two.empty, two.a, two.b)
    return lead


# -- the first message -----------------------------------------------------------------------


class _Cells:
    """The short form's figures, each marked where it rests on a claim; what was marked, for the
    note under the table."""

    def __init__(self, ctx: Context, a: str, b: str) -> None:
        self.ctx = ctx
        self.sides = ((a, claimed(ctx, a)), (b, claimed(ctx, b)))
        self.marked: list[tuple[str, str]] = []  # (model, benchmark) behind a marked figure

    def means(self, h: Shared) -> list[str]:
        out = []
        for (mid, claims_of), v in zip(self.sides, (h.mean_a, h.mean_b), strict=True):
            claims = [(mid, x) for x in h.benchmarks if x in claims_of]
            self.marked.extend(claims)
            out.append(num(v) + (VENDOR_MARK if claims else ""))
        return out

    def bench(self, g: BenchGap) -> list[str]:
        out = []
        for (mid, claims_of), v in zip(self.sides, (g.a, g.b), strict=True):
            claim = g.benchmark in claims_of
            if claim:
                self.marked.append((mid, g.benchmark))
            out.append(bench_value(self.ctx, g.benchmark, v) + (VENDOR_MARK if claim else ""))
        return out


def _short_form(
    ctx: Context, two: Pair, lead: str, metric: str | None, answer_caveats: list[str]
) -> Short:
    """The lead, then the few numbers that decide it side by side, then one note."""
    cells = _Cells(ctx, two.id_a, two.id_b)
    rows: list[list[str]] = []
    if metric:
        rows.append(
            [
                MEASURES[metric].phrase.capitalize(),
                *[metric_cell(m, metric) for m in (two.a.model, two.b.model)],
            ]
        )
    if two.category and two.asked is not None and not two.empty:
        rows += _asked_category_rows(ctx, two, two.asked, cells)
    if not two.category and not two.empty:
        rows += _overall_rows(two, cells, metric)
    rows += _price_and_context_rows(two, metric)
    rows = drop_dead_rows(rows)  # an asked metric no one has: the lead says so once
    return Short(
        lead=lead,
        columns=["", two.short_a, two.short_b],
        rows=rows,
        note=_short_note(ctx, two, cells, metric, answer_caveats),
    )


def _asked_category_rows(
    ctx: Context, two: Pair, gap: CategoryGap, cells: _Cells
) -> list[list[str]]:
    """The category asked about: on the benchmarks both have (all of them, then the three
    farthest apart), or each one's own category score where they share none."""
    if gap.comparable and gap.head.n == 1:
        # one benchmark is the whole head to head: shown once, as itself
        g = two.shown[0]
        return [[ctx.bench_label(g.benchmark), *cells.bench(g)]]
    if gap.comparable:
        rows = [
            [f"{ctx.cat_name(gap.category)} benchmarks both have:", "", ""],
            [f" All {gap.head.n}", *cells.means(gap.head)],
        ]
        top = two.shown[:3]
        labels = ctx.bench_labels([g.benchmark for g in top])
        for g, label in zip(top, labels, strict=True):
            rows.append([f" {label}", *cells.bench(g)])
        return rows
    return [[f"{CATEGORIES[gap.category].short} score", num(gap.score_a), num(gap.score_b)]]


def _overall_rows(two: Pair, cells: _Cells, metric: str | None) -> list[list[str]]:
    """Overall scores, then (unless a measure was asked) the benchmarks both have: all of them,
    and the three categories farthest apart on them."""
    h = two.overall
    rows = [["Overall score", _overall(two.a), _overall(two.b)]]
    if h.n and not metric:
        rows.append([f"{plural(h.n, 'benchmark')} both have:", "", ""])
        rows.append([f" All {h.n}", *cells.means(h)])
        called = sorted((g for g in two.both if g.comparable), key=lambda g: -g.margin())
        for g in called[:3]:
            rows.append([f" {CATEGORIES[g.category].short} ({g.head.n})", *cells.means(g.head)])
    elif h.n:
        rows.append([f"{plural(h.n, 'benchmark')} shared", num(h.mean_a), num(h.mean_b)])
    return rows


def _overall(p: Profile) -> str:
    if p.overall is None:
        return NO_DATA
    return num(p.overall.value, 0) + ("*" if p.overall.provisional else "")


def _price_and_context_rows(two: Pair, metric: str | None) -> list[list[str]]:
    ma, mb = two.a.model, two.b.model
    rows = []
    if metric != "price":
        rows.append(["Price in/out", short_price(ma), short_price(mb)])
    if metric != "context":
        rows.append(["Context", fmt.context(ma.context_window), fmt.context(mb.context_window)])
        if metric in (None, "price") and (long := long_prompt_row([ma, mb])):
            rows.append(long)
    return rows


def _short_note(
    ctx: Context, two: Pair, cells: _Cells, metric: str | None, answer_caveats: list[str]
) -> str | None:
    """What changes the reading of the table: a provisional score, where long-prompt prices
    start, and which figures are claims (or that all of a model's scores are its vendor's)."""
    notes = []
    if any(p.overall and p.overall.provisional for p in (two.a, two.b)) and not two.category:
        notes.append("* provisional: too few benchmarks to rank.")
    if metric in (None, "price") and (
        lp := long_prompt_note([two.a.model, two.b.model], [two.short_a, two.short_b])
    ):
        notes.append(lp)
    if metric in OPERATOR_ONLY and (speed := speed_note(ctx, [two.id_a, two.id_b])):
        notes.append(speed)
    claims = claims_note(ctx, list(dict.fromkeys(cells.marked)), two.shorts, brief=True)
    if claims:
        notes.append(claims)
    elif answer_caveats and any("reported by its vendor" in c for c in answer_caveats):
        notes.append(next(c for c in answer_caveats if "reported by its vendor" in c))
    return " ".join(notes) or None


def _data(two: Pair) -> dict[str, Any]:
    a, b = two.id_a, two.id_b
    h = two.overall
    return {
        "categories": [g.as_data() for g in two.gaps],
        "wins": {a: two.wins(a), b: two.wins(b)},
        "overall": {
            a: two.a.overall.value if two.a.overall else None,
            b: two.b.overall.value if two.b.overall else None,
        },
        "shared": {
            "benchmarks": list(h.benchmarks),
            a: h.mean_a,
            b: h.mean_b,
            "wins": {a: h.wins_a, b: h.wins_b},
        },
    }


# -- the Categories page ---------------------------------------------------------------------


def _category_blocks(ctx: Context, ans: Answer, two: Pair) -> list[int]:
    """One row per category, head to head where they share benchmarks; who leads each, by how
    much, in words under the table (a phone has no room for a column of names); and each
    model's full category scores, labelled as what they are."""
    pa, pb = two.a, two.b
    if not pa.categories or not pb.categories:
        has = pa if pa.categories else pb
        return [add(ans, _own_scores(has))] if has.categories else []
    blocks = []
    if two.gaps:
        blocks.append(add(ans, _by_category(two)))
    paragraphs = [p for p in (_who_leads(two), _full_scores(two)) if p]
    if paragraphs:
        blocks.append(add(ans, Text(text=" ".join(paragraphs))))
    return blocks


def _own_scores(has: Profile) -> Table:
    return Table(
        title=f"{has.model.name}'s category scores",
        columns=["Category", "Score"],
        rows=[[CATEGORIES[c].short, num(cs.value)] for c, cs in has.categories.items()],
        note="Each over its own benchmarks, adjusted for how hard they are.",
    )


def _by_category(two: Pair) -> Table:
    rows = []
    for g in two.gaps:
        label = CATEGORIES[g.category].short
        if g.comparable:
            rows.append([f"{label} ({g.head.n})", num(g.head.mean_a), num(g.head.mean_b)])
        else:
            rows.append([label, _own(g.score_a), _own(g.score_b)])
    return Table(
        title="By category",
        columns=["Category", two.shorts[two.id_a], two.shorts[two.id_b]],
        rows=rows,
        note="(n): head to head on the n benchmarks both have. In brackets: a "
        "model's own category score where they share none, not called.",
    )


def _own(v: float | None) -> str:
    """A category score that is not head to head, in brackets."""
    return NO_DATA if v is None else f"({num(v)})"


def _who_leads(two: Pair) -> str | None:
    """ "Head to head, A leads Coding by 3.1; Math is level; Agentic has no shared benchmark."""
    called = [g for g in two.both if g.comparable]
    if not called:
        return None
    leads = []
    for mid, name in ((two.id_a, two.name_a), (two.id_b, two.name_b)):
        won = [g for g in called if g.winner == mid]
        if won:
            leads.append(
                f"{name} leads "
                + fmt.join([f"{CATEGORIES[g.category].short} by {num(g.margin())}" for g in won])
            )
    level = [CATEGORIES[g.category].short for g in called if g.winner is None]
    if level:
        leads.append(f"{fmt.join(level)} {'is' if len(level) == 1 else 'are'} level")
    apart = [CATEGORIES[g.category].short for g in two.both if not g.comparable]
    if apart:
        leads.append(
            f"{fmt.join(apart)} {'has' if len(apart) == 1 else 'have'} no shared benchmark"
        )
    return "Head to head, " + "; ".join(leads) + "."


def _full_scores(two: Pair) -> str | None:
    """The full category scores where they differ from the head to head."""
    full = [
        f"{CATEGORIES[g.category].short} {num(g.score_a)} / {num(g.score_b)}"
        for g in two.both
        if not g.same_basis and g.comparable
    ]
    if not full:
        return None
    return (
        "Their full category scores differ from these: each is over the model's own "
        "benchmarks, each benchmark adjusted for how hard it is (the scale rankings use), "
        f"{two.name_a} / {two.name_b}: " + "; ".join(full) + "."
    )


# -- the Benchmarks page ---------------------------------------------------------------------


def _benchmark_blocks(ctx: Context, ans: Answer, two: Pair) -> list[int]:
    """The benchmarks both have (those that count, then the rest), the biggest single gap, and
    the ones only one of them has."""
    a, b = two.id_a, two.id_b
    blocks: list[int] = []
    extra = [s for s in two.separators if s not in two.shown]
    if two.shown:
        blocks.append(add(ans, _shared_table(ctx, two)))
    if extra:
        blocks.append(
            add(
                ans,
                Table(
                    title="Both have too (no weight in any score)",
                    columns=["Benchmark", two.short_a, two.short_b],
                    rows=_bench_rows(ctx, a, b, extra[:6]),
                    note=_marks_note(ctx, [a, b], [g.benchmark for g in extra[:6]], two.shorts),
                ),
            )
        )
    biggest = two.shown or two.separators
    if biggest:
        g = biggest[0]
        ans.data["separator"] = {"benchmark": g.benchmark, a: g.a, b: g.b}
        blocks.append(add(ans, Text(text=_biggest_gap(ctx, two, g))))
    else:
        ans.data["separator"] = None
        if not two.empty:
            blocks.append(add(ans, Text(text=_no_separator(ctx, two.category))))
    for mid, other in ((a, b), (b, a)):
        only = _only_rows(ctx, mid, other, two.category)
        if only:
            blocks.append(
                add(
                    ans,
                    Table(
                        title=f"Only {two.shorts[mid]} has"
                        if not two.empty
                        else f"{two.shorts[mid]}'s benchmarks",
                        columns=["Benchmark", "Score"],
                        rows=only,
                    ),
                )
            )
    return blocks


def _shared_table(ctx: Context, two: Pair) -> Table:
    n = len(two.shown)
    what = f"{ctx.cat_name(two.category).lower()} benchmarks" if two.category else "benchmarks"
    first = two.shown[:12]
    return Table(
        title=f"The {n} {what} both have" if n > 1 else f"The one {what[:-1]} both have",
        columns=["Benchmark", two.short_a, two.short_b],
        rows=_bench_rows(ctx, two.id_a, two.id_b, first),
        note=_marks_note(ctx, [two.id_a, two.id_b], [g.benchmark for g in first], two.shorts),
    )


def _biggest_gap(ctx: Context, two: Pair, g: BenchGap) -> str:
    return (
        f"The biggest single gap is {ctx.bench_name(g.benchmark)}: "
        f"{bench_value(ctx, g.benchmark, g.a)} for {two.name_a} and "
        f"{bench_value(ctx, g.benchmark, g.b)} for {two.name_b}."
    )


def _no_separator(ctx: Context, category: str | None) -> str:
    if category:
        return (
            f"They share no {ctx.cat_name(category).lower()} benchmark, so no "
            "single test separates them there."
        )
    return "They share no benchmark, so no single test separates them directly."


def _bench_rows(
    ctx: Context, a: str, b: str, items: tuple[BenchGap, ...] | list[BenchGap]
) -> list[list[str]]:
    labels = ctx.bench_labels([g.benchmark for g in items])
    claims_a, claims_b = claimed(ctx, a), claimed(ctx, b)
    return [
        [
            label,
            bench_value(ctx, bid, va) + (VENDOR_MARK if bid in claims_a else ""),
            bench_value(ctx, bid, vb) + (VENDOR_MARK if bid in claims_b else ""),
        ]
        for (bid, va, vb), label in zip(items, labels, strict=True)
    ]


def _marks_note(ctx: Context, ids: list[str], bids: list[str], names: dict[str, str]) -> str | None:
    lower = [
        ctx.bench_label(b) for b in bids if not ctx.catalog.benchmark_by_id[b].higher_is_better
    ]
    parts = []
    if lower:
        parts.append(f"Lower is better on {fmt.join(lower)}.")
    claims = claims_note(ctx, [(m, b) for b in bids for m in ids], names)
    if claims:
        parts.append(claims + " The rest measured independently.")
    return " ".join(parts) or None


def _only_rows(
    ctx: Context, mid: str, other: str, category: str | None, most: int = 8
) -> list[list[str]]:
    """The weighted benchmarks `mid` has and `other` has not, heaviest first."""
    c = ctx.catalog
    mine, theirs = c.scores_of(mid), c.scores_of(other)
    picked = [
        bid
        for bid in sorted(
            mine.keys() - theirs.keys(), key=lambda x: (-c.benchmark_by_id[x].weight, x)
        )
        if c.benchmark_by_id[bid].weight > 0
        and (not category or c.benchmark_by_id[bid].category == category)
    ][:most]
    labels = ctx.bench_labels(picked)
    claims = claimed(ctx, mid)
    return [
        [label, bench_value(ctx, bid, mine[bid].value) + (VENDOR_MARK if bid in claims else "")]
        for bid, label in zip(picked, labels, strict=True)
    ]


# -- price and limits, the FAQ, why ----------------------------------------------------------


def _limit_blocks(ctx: Context, ans: Answer, two: Pair) -> list[int]:
    ma, mb = two.a.model, two.b.model
    blocks = [
        add(
            ans,
            Facts(
                title="Price and limits",
                columns=[two.short_a, two.short_b],
                rows=ops_rows(ctx, [two.id_a, two.id_b]),
            ),
        )
    ]
    sentences = [
        s
        for s in (price_sentence(ma, mb), long_prompt_sentence([ma, mb]), context_sentence(ma, mb))
        if s
    ]
    if sentences:
        blocks.append(add(ans, Text(text=" ".join(sentences))))
    if speed := speed_note(ctx, [two.id_a, two.id_b]):
        blocks.append(add(ans, Text(text=speed)))
    return blocks


def _faq(ctx: Context, two: Pair, first: str) -> list[tuple[str, str]]:
    """Which is better overall, then per category (those called head to head, and the one
    asked about)."""
    faq = [(f"Which is better, {two.name_a} or {two.name_b}?", first.replace("**", ""))]
    for g in two.both:
        if g.category != two.category and not g.comparable:
            continue
        faq.append(
            (
                f"Which is better for {CATEGORIES[g.category].phrase}, {two.name_a} or {two.name_b}?",
                category_lead(ctx, two.a, two.b, g, g.category).replace("**", ""),
            )
        )
    return faq


def _why_blocks(ctx: Context, ans: Answer, two: Pair) -> list[int]:
    """When the overall leader trails head to head, or wins fewer categories: why."""
    leading = overall_leader(two.a, two.b)
    if leading is None:
        return []
    w, l_ = leading
    behind_more = len(two.wins(l_.model.id)) > len(two.wins(w.model.id))
    if two.overall.leader(two.id_a, two.id_b) not in (None, w.model.id) or behind_more:
        return [
            add(
                ans,
                Text(
                    title=f"Why does {w.model.name} lead overall while {l_.model.name} wins more head to head?",
                    text=why_disagree(ctx, w, l_, two.overall),
                ),
            )
        ]
    return []


def _chart(ctx: Context, two: Pair) -> Chart | None:
    """The chart of the numbers the table shows, rounded as the table rounds them: head to head
    per category (a radar of the categories called, when there are enough of them), or a
    category question's shared benchmarks as bars. One figure the table already shows once
    (a single benchmark, a single category) gets no chart."""
    if two.category:
        weighted = two.shown[:6]
        if len(weighted) < 2:
            return None
        return Chart(
            kind="bars",
            title=f"{ctx.cat_name(two.category)}: benchmarks both have",
            axes=ctx.bench_labels([g.benchmark for g in weighted]),
            series=[
                ChartSeries(name=two.name_a, values=[round(g.a, 1) for g in weighted]),
                ChartSeries(name=two.name_b, values=[round(g.b, 1) for g in weighted]),
            ],
        )
    called = [g for g in two.gaps if g.comparable]
    if len(called) < 2:
        return None
    means = [g.head.means() for g in called]
    return Chart(
        kind="radar" if len(called) >= RADAR_MIN_AXES else "bars",
        title="Head to head by category",
        axes=[ctx.cat_name(g.category) for g in called],
        series=[
            ChartSeries(name=two.name_a, values=[round(a, 1) for a, _ in means]),
            ChartSeries(name=two.name_b, values=[round(b, 1) for _, b in means]),
        ],
        note="On the benchmarks both have.",
    )
