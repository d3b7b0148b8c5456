"""Comparing models: two head to head, or three to five ranked.

One set of numbers per reply: a category is called, tabled and charted on the benchmarks both
models have (the plain scores, where test difficulty cancels out); each model's full category
score (over its own benchmarks, adjusted for their difficulty) is shown only under that label.
Verdicts are sized to the evidence: "clearly ahead" needs ranked overall scores, a gap of 4 or
more, and the benchmarks both have agreeing by 2 points or more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answers import fmt
from bot.answers.blocks import add, drop_dead_rows, section
from bot.answers.claims import MOSTLY_CLAIMS, VENDOR_MARK, claims_note, score_parts, vendor_share
from bot.answers.context import Context
from bot.answers.figures import (
    blended,
    long_prompt_note,
    long_prompt_row,
    long_prompt_sentence,
    metric_cell,
    metric_key,
    metric_value,
    short_price,
)
from bot.answers.fmt import NO_DATA, num, pct, plural
from bot.answers.labels import a_, short_names
from bot.answers.model import FAQ, Answer, Chart, ChartSeries, Facts, Short, Table, Text
from bot.answers.notes import caveats, nearest_scored, scale_note
from bot.catalog.method import Profile, part_value
from bot.catalog.models import Model
from bot.measures import CATEGORIES, MEASURES

CLEAR_GAP = 4  # whole points of overall score for "clearly ahead"
CLEAR_SHARED = 5  # ...with at least this many benchmarks both have, agreeing
LEVEL = 0.5  # points apart on the benchmarks both have that still read as level
CLEAR_SHARED_GAP = 2  # ...and ahead on them by at least this much


# -- head to head -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shared:
    """Two models on the weighted benchmarks both have (in one category, or all)."""

    benchmarks: tuple[str, ...]
    a: float | None  # weighted mean, each benchmark weighted by its weight x its category's
    b: float | None
    wins_a: int
    wins_b: int

    @property
    def n(self) -> int:
        return len(self.benchmarks)

    def leader(self, a: str, b: str) -> str | None:
        """Who leads on these benchmarks: None when level (within LEVEL points)."""
        if self.a is None or self.b is None or abs(self.a - self.b) < LEVEL:
            return None
        return a if self.a > self.b else b


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
        return Shared((), None, None, 0, 0)
    total = sum(w for *_, w in items)
    return Shared(
        tuple(i[0] for i in items),
        sum(va * w for _, va, _, w in items) / total,
        sum(vb * w for _, _, vb, w in items) / total,
        sum(1 for _, va, vb, _ in items if round(va, 1) > round(vb, 1)),
        sum(1 for _, va, vb, _ in items if round(vb, 1) > round(va, 1)),
    )


def category_rows(ctx: Context, a: str, b: str) -> list[dict]:
    """One row per category either model has: `ha`/`hb` head to head on the weighted benchmarks
    both have (None when they share none), `a`/`b` each model's full category score."""
    pa, pb = ctx.profile(a), ctx.profile(b)
    rows = []
    for cat in ctx.catalog.categories:
        ca, cb = pa.categories.get(cat.id), pb.categories.get(cat.id)
        if ca is None and cb is None:
            continue
        h = shared(ctx, a, b, cat.id) if ca and cb else Shared((), None, None, 0, 0)
        rows.append(
            {
                "category": cat.id,
                "a": ca.value if ca else None,
                "b": cb.value if cb else None,
                "ha": h.a,
                "hb": h.b,
                "shared": list(h.benchmarks),
                "winner": h.leader(a, b),
                "comparable": h.n > 0,
                "a_benchmarks": list(ca.benchmarks) if ca else [],
                "b_benchmarks": list(cb.benchmarks) if cb else [],
                "same_basis": bool(ca and cb and set(ca.benchmarks) == set(cb.benchmarks)),
            }
        )
    return rows


# -- prices, limits -------------------------------------------------------------------------------


def ops_rows(ctx: Context, ids: list[str], keep: set[str] | None = None) -> list[list[str]]:
    ms = [ctx.model(i) for i in ids]
    long = long_prompt_row(ms)
    rows = [
        ["Price in/out", *[short_price(m) for m in ms]],
        ["Speed", *[fmt.speed(m).replace(" tokens/s", " t/s") for m in ms]],
        ["Latency", *[fmt.latency(m) for m in ms]],
        ["Context", *[fmt.context(m.context_window) for m in ms]],
        *([long] if long else []),
        ["Max output", *[fmt.context(m.max_output_tokens) for m in ms]],
        ["Reasoning", *[fmt.yes_no(m.reasoning) for m in ms]],
        ["Open weights", *[fmt.yes_no(m.open_weights) for m in ms]],
        ["Released", *[m.release_date.isoformat() if m.release_date else NO_DATA for m in ms]],
    ]
    return drop_dead_rows(rows, keep)


def _cheaper(a: Model, b: Model) -> tuple[Model, Model] | None:
    """(cheaper, pricier) by blended price; None when unknown or equal."""
    ka, kb = blended(a), blended(b)
    if ka is None or kb is None or ka == kb:
        return None
    return (a, b) if ka < kb else (b, a)


def price_sentence(a: Model, b: Model) -> str | None:
    if blended(a) is None and blended(b) is None:
        return None
    if blended(a) is None or blended(b) is None:
        known, unknown = (a, b) if blended(a) is not None else (b, a)
        return (
            f"Only {known.name} has a published price ({fmt.price(known)} per 1M input / output "
            f"tokens); {unknown.name}: no data."
        )
    pair = _cheaper(a, b)
    if pair is None:
        return f"Both cost the same: {fmt.price(a)} per 1M input / output tokens."
    cheap, dear = pair
    if blended(cheap) == 0:
        return f"{cheap.name} is free to use; {dear.name} costs {fmt.price(dear)} per 1M input / output tokens."
    r = fmt.ratio(blended(dear) or 0, blended(cheap) or 0)
    tail = f", {r} the cost" if r else ""
    return (
        f"{dear.name} costs more: {fmt.price(dear)} per 1M input / output tokens against "
        f"{fmt.price(cheap)} for {cheap.name}{tail}."
    )


def context_sentence(a: Model, b: Model) -> str | None:
    if not a.context_window and not b.context_window:
        return None
    if not a.context_window or not b.context_window:
        known, unknown = (a, b) if a.context_window else (b, a)
        return f"{known.name} takes {fmt.context(known.context_window)} tokens of context; {unknown.name}: no data."
    if fmt.context(a.context_window) == fmt.context(b.context_window):
        return f"Both take {fmt.context(a.context_window)} tokens of context."
    big, small = (a, b) if a.context_window > b.context_window else (b, a)
    return (
        f"{big.name} gives you the larger context window at {fmt.context(big.context_window)}, "
        f"compared with {fmt.context(small.context_window)} for {small.name}."
    )


def metric_sentence(a: Model, b: Model, metric: str) -> str:
    if metric == "price":
        pair = _cheaper(a, b)
        if blended(a) is None or blended(b) is None:
            return (price_sentence(a, b) or "Neither has a published price: no data.") + (
                " So I can't say which is cheaper."
            )
        if pair is None:
            return f"Same price: {fmt.price(a)} per 1M input / output tokens for both."
        cheap, dear = pair
        r = fmt.ratio(blended(dear) or 0, blended(cheap) or 0)
        tail = f", {r} less" if r else ""
        return (
            f"**{cheap.name}** is cheaper: {fmt.price(cheap)} vs {fmt.price(dear)} per 1M input / "
            f"output tokens{tail}."
        )
    if metric == "context":
        if not a.context_window or not b.context_window:
            return (context_sentence(a, b) or "Neither has a known context window: no data.") + (
                " So I can't say which takes more."
            )
        if fmt.context(a.context_window) == fmt.context(b.context_window):
            return f"Same context window: {fmt.context(a.context_window)} tokens each."
        big, small = (a, b) if a.context_window > b.context_window else (b, a)
        return (
            f"**{big.name}** has the bigger context window: {fmt.context(big.context_window)} vs "
            f"{fmt.context(small.context_window)} tokens."
        )
    show: Callable[[float], str]
    if metric == "speed":
        va, vb, unit, label, show = a.output_speed, b.output_speed, "tokens/s", "faster", num
        better = max
    else:
        va, vb, unit, label = a.ttft, b.ttft, "s to the first token", "quicker to start"
        show, better = (lambda v: num(v, 2)), min
    if va is None and vb is None:
        return f"Neither has a measured {MEASURES[metric].phrase} in our data: no data for either."
    if va is None or vb is None:
        known, unknown, v = (a, b, va) if va is not None else (b, a, vb)
        assert v is not None  # one of the two is known
        return f"Only {known.name} has a measurement ({show(v)} {unit}); {unknown.name}: no data, so I can't say which is {label}."
    if va == vb:
        return f"They are level: {show(va)} {unit} each."
    win, lose = (a, b) if better(va, vb) == va else (b, a)
    wv, lv = (va, vb) if win is a else (vb, va)
    return f"**{win.name}** is {label}: {show(wv)} vs {show(lv)} {unit}."


# -- two models ---------------------------------------------------------------------------------


def _benchmark_names(ctx: Context, ids: tuple[str, ...] | list[str], most: int = 3) -> str:
    if len(ids) > most:
        return ""
    return " (" + fmt.join([ctx.bench_name(b) for b in ids]) + ")"


def _verdict(ctx: Context, pa: Profile, pb: Profile, h: Shared) -> str:
    na, nb = pa.model.name, pb.model.name
    a, b = pa.model.id, pb.model.id
    oa, ob = pa.overall, pb.overall
    ranked = oa is not None and ob is not None and not oa.provisional and not ob.provisional
    if ranked:
        assert oa is not None and ob is not None
        gap = round(oa.value) - round(ob.value)
        if gap == 0:
            text = f"**{na}** and **{nb}** are level overall at {num(oa.value, 0)}"
            if h.n:
                text += (
                    f"; on the {plural(h.n, 'benchmark')} they share, {na} wins {h.wins_a} and "
                    f"{nb} {h.wins_b}"
                )
            return text + "."
        w, lo_, hi, low = (pa, pb, oa.value, ob.value) if gap > 0 else (pb, pa, ob.value, oa.value)
        h_lead = h.leader(a, b)
        agree = h.n == 0 or h_lead in (None, w.model.id)
        shared_gap = abs(h.a - h.b) if h.a is not None and h.b is not None else 0.0
        if (
            abs(gap) >= CLEAR_GAP
            and h_lead == w.model.id
            and h.n >= CLEAR_SHARED
            and shared_gap >= CLEAR_SHARED_GAP
        ):
            text = f"**{w.model.name}** is clearly ahead of {lo_.model.name} overall, {num(hi, 0)} to {num(low, 0)}"
        elif abs(gap) >= 2:
            text = f"**{w.model.name}** is ahead of {lo_.model.name} overall, {num(hi, 0)} to {num(low, 0)}"
        else:
            text = (
                f"**{w.model.name}** edges {lo_.model.name} overall, {num(hi, 0)} to {num(low, 0)}"
            )
        if h.n == 0:
            return text + ", on different benchmarks: they share none."
        assert h.a is not None and h.b is not None
        hw, hl = (h.a, h.b) if w is pa else (h.b, h.a)
        on = f"on the {plural(h.n, 'benchmark')} they share"
        if h_lead is None:
            return text + f"; {on} they are level, {num(hw)} to {num(hl)}."
        if agree:
            return text + f", and leads {on}, {num(hw)} to {num(hl)}."
        return text + f", but {lo_.model.name} leads {on}, {num(hl)} to {num(hw)}."
    # Not both ranked: say what is known.
    if h.n:
        lead = h.leader(a, b)
        names = _benchmark_names(ctx, h.benchmarks)
        if lead is None:
            text = f"On the {plural(h.n, 'benchmark')} they share{names}, **{na}** and **{nb}** are level"
        else:
            wname, lname = (na, nb) if lead == a else (nb, na)
            ww, wl = (h.wins_a, h.wins_b) if lead == a else (h.wins_b, h.wins_a)
            hv, lv = (h.a, h.b) if lead == a else (h.b, h.a)
            text = (
                f"On the {plural(h.n, 'benchmark')} they share{names}, **{wname}** leads {lname}: "
                f"{num(hv)} to {num(lv)}, {ww} won to {wl}"
            )
        thin = [p.model.name for p in (pa, pb) if p.overall is None or p.overall.provisional]
        if thin:
            text += f". Too few scores for a ranked overall: {fmt.join(thin)}"
        return text + "."
    if (oa is None) != (ob is None):
        has = pa if oa is not None else pb
        assert has.overall is not None
        other = pb if has is pa else pa
        return (
            f"Only **{has.model.name}** has enough scores for an overall score "
            f"({num(has.overall.value, 0)}); {other.model.name} has too few, and they share no "
            "benchmark."
        )
    if oa is not None and ob is not None:
        said = []
        for p in (pa, pb):
            assert p.overall is not None
            if p.overall.provisional:
                said.append(
                    f"{p.model.name}'s {num(p.overall.value, 0)} overall is provisional "
                    f"({plural(p.overall.benchmarks, 'benchmark')})"
                )
            else:
                said.append(f"{p.model.name} scores {num(p.overall.value, 0)} overall")
        return f"{said[0]} and {said[1]}, and they share no benchmark: not a head-to-head result."
    if pa.categories or pb.categories:
        return f"Neither {na} nor {nb} has enough scores for an overall score, and they share no benchmark."
    return f"Neither {na} nor {nb} has benchmark scores in our data yet; price and limits below."


def _category_lead(
    ctx: Context, row: dict | None, na: str, nb: str, a: str, category: str, b: str = ""
) -> str:
    phrase = CATEGORIES[category].phrase
    cname = ctx.cat_name(category).lower()
    if row is None:
        return f"Neither {na} nor {nb} has {a_(cname)} score in our data."
    if row["a"] is None or row["b"] is None:
        has, hasnt = (na, nb) if row["a"] is not None else (nb, na)
        v = row["a"] if row["a"] is not None else row["b"]
        bench = row["a_benchmarks"] if row["a"] is not None else row["b_benchmarks"]
        own = ctx.catalog.scores_of(a if row["a"] is not None else b)
        raw = [f"{ctx.bench_name(x)} {_shown(ctx, x, own[x].value)}" for x in bench[:3] if x in own]
        on = fmt.join(raw) if raw else fmt.join([ctx.bench_name(x) for x in bench[:3]])
        # the benchmark's own figure first; the category score is on the adjusted scale
        return (
            f"Only **{has}** has {a_(cname)} benchmark: {on} ({cname} score {num(v)}, "
            f"adjusted for difficulty); {hasnt}: no data."
        )
    if not row["comparable"]:
        return (
            f"For {phrase} they share no benchmark: {na} scores {num(row['a'])} and {nb} "
            f"{num(row['b'])} on different tests, so this is not a head-to-head result."
        )
    n = len(row["shared"])
    names = _benchmark_names(ctx, row["shared"])
    if row["winner"] is None:
        return (
            f"For {phrase}, **{na}** and **{nb}** are level on the {plural(n, 'benchmark')} they "
            f"share{names}: {num(row['ha'])} to {num(row['hb'])}."
        )
    w, lo_ = (na, nb) if row["winner"] == a else (nb, na)
    hi, low = (row["ha"], row["hb"]) if row["winner"] == a else (row["hb"], row["ha"])
    return f"For {phrase}, **{w}** leads {lo_} on the {plural(n, 'benchmark')} they share{names}: {num(hi)} to {num(low)}."


def _why_disagree(ctx: Context, w: Profile, l_: Profile, rows: list[dict], h: Shared) -> str | None:
    """Why the overall leader trails on the benchmarks both have: always a true statement."""
    assert w.overall is not None and l_.overall is not None
    only_w = [c for c in w.overall.categories if c not in l_.overall.categories]
    only_l = [c for c in l_.overall.categories if c not in w.overall.categories]
    bits = []
    if only_w:
        bits.append(
            f"{w.model.name}'s overall also counts "
            + fmt.join([f"{ctx.cat_name(c)} ({num(w.categories[c].value)})" for c in only_w])
        )
    if only_l:
        bits.append(
            f"{l_.model.name}'s also counts "
            + fmt.join([f"{ctx.cat_name(c)} ({num(l_.categories[c].value)})" for c in only_l])
        )
    text = (
        f"The overall score averages each model's full category scores, over all of its own "
        f"benchmarks ({w.model.name}: {w.overall.benchmarks}, {l_.model.name}: "
        f"{l_.overall.benchmarks}), adjusted for how hard each benchmark is; the head-to-head "
        f"count uses only the {plural(h.n, 'benchmark')} both have."
    )
    if bits:
        text += " " + "; ".join(bits) + "."
    return text


def compare_two(
    ctx: Context, a: str, b: str, category: str | None = None, metric: str | None = None
) -> Answer:
    ma, mb = ctx.model(a), ctx.model(b)
    na, nb = ma.name, mb.name
    sa, sb = short_names([na, nb])
    shorts = {a: sa, b: sb}
    pa, pb = ctx.profile(a), ctx.profile(b)
    rows = category_rows(ctx, a, b)
    both = [r for r in rows if r["a"] is not None and r["b"] is not None]
    wins_a = [r["category"] for r in both if r["winner"] == a]
    wins_b = [r["category"] for r in both if r["winner"] == b]
    h = shared(ctx, a, b)
    seps = _separators(ctx, a, b, category)
    counted = [s for s in seps if _counts(ctx, s[0])]
    ans = Answer(
        intent="compare",
        title=f"{na} vs {nb}",
        model_ids=[a, b],
        models=[na, nb],
        category=category,
        metric=metric,
    )
    verdict = _verdict(ctx, pa, pb, h)
    crow = next((r for r in rows if r["category"] == category), None) if category else None
    if category:
        lead = _category_lead(ctx, crow, na, nb, a, category, b)
    elif metric:
        lead = metric_sentence(ma, mb, metric)
    else:
        lead = verdict
    empty = [p.model for p in (pa, pb) if not ctx.catalog.scores_of(p.model.id)]
    if empty and not metric:
        lead = _no_scores_lead(ctx, empty, pa, pb)
    ans.headline = lead

    # -- the few numbers that decide it --------------------------------------------------------
    short_rows: list[list[str]] = []
    marked: list[tuple[str, str]] = []  # (model, benchmark) behind a figure marked as a claim

    def overall(p: Profile) -> str:
        if p.overall is None:
            return NO_DATA
        return num(p.overall.value, 0) + ("*" if p.overall.provisional else "")

    def mean_cells(
        bids: list[str] | tuple[str, ...], va: float | None, vb: float | None
    ) -> list[str]:
        out = []
        for mid, v in ((a, va), (b, vb)):
            claims = [(mid, x) for x in bids if _is_claim(ctx, mid, x)]
            marked.extend(claims)
            out.append(num(v) + (VENDOR_MARK if claims else ""))
        return out

    def bench_cells(bid: str, va: float, vb: float) -> list[str]:
        out = []
        for mid, v in ((a, va), (b, vb)):
            claim = _is_claim(ctx, mid, bid)
            if claim:
                marked.append((mid, bid))
            out.append(_shown(ctx, bid, v) + (VENDOR_MARK if claim else ""))
        return out

    if metric:
        short_rows.append(
            [MEASURES[metric].phrase.capitalize(), *[metric_cell(m, metric) for m in (ma, mb)]]
        )
    if category and crow is not None and not empty:
        cat_counted = [s for s in counted if s[0] in crow["shared"]]
        if crow["comparable"] and len(crow["shared"]) == 1:
            # one benchmark is the whole head to head: shown once, as itself
            bid, va, vb = cat_counted[0]
            short_rows.append([ctx.bench_label(bid), *bench_cells(bid, va, vb)])
        elif crow["comparable"]:
            n = len(crow["shared"])
            short_rows.append([f"{ctx.cat_name(category)} benchmarks both have:", "", ""])
            short_rows.append([f" All {n}", *mean_cells(crow["shared"], crow["ha"], crow["hb"])])
            labels = ctx.bench_labels([s[0] for s in cat_counted[:3]])
            for (bid, va, vb), label in zip(cat_counted[:3], labels, strict=True):
                short_rows.append([f" {label}", *bench_cells(bid, va, vb)])
        else:
            short_rows.append(
                [f"{CATEGORIES[category].short} score", num(crow["a"]), num(crow["b"])]
            )
    if not category and not empty:
        short_rows.append(["Overall score", overall(pa), overall(pb)])
        if h.n and not metric:
            short_rows.append([f"{plural(h.n, 'benchmark')} both have:", "", ""])
            short_rows.append([f" All {h.n}", *mean_cells(h.benchmarks, h.a, h.b)])
            called = sorted(
                (r for r in both if r["comparable"]),
                key=lambda r: -abs(r["ha"] - r["hb"]),
            )
            for r in called[:3]:
                short_rows.append(
                    [
                        f" {CATEGORIES[r['category']].short} ({len(r['shared'])})",
                        *mean_cells(r["shared"], r["ha"], r["hb"]),
                    ]
                )
        elif h.n:
            short_rows.append([f"{plural(h.n, 'benchmark')} shared", num(h.a), num(h.b)])
    if metric != "price":
        short_rows.append(["Price in/out", short_price(ma), short_price(mb)])
    if metric != "context":
        short_rows.append(
            ["Context", fmt.context(ma.context_window), fmt.context(mb.context_window)]
        )
        if metric in (None, "price") and (long := long_prompt_row([ma, mb])):
            short_rows.append(long)
    short_rows = drop_dead_rows(short_rows)  # an asked metric no one has: the lead says so once
    ans.caveats = caveats(ctx, [a, b])
    notes = []
    if any(p.overall and p.overall.provisional for p in (pa, pb)) and not category:
        notes.append("* provisional: too few benchmarks to rank.")
    if metric in (None, "price") and (lp := long_prompt_note([ma, mb], [sa, sb])):
        notes.append(lp)
    claims = claims_note(ctx, list(dict.fromkeys(marked)), shorts, brief=True)
    if claims:
        notes.append(claims)
    elif ans.caveats and any("reported by its vendor" in c for c in ans.caveats):
        notes.append(next(c for c in ans.caveats if "reported by its vendor" in c))
    ans.short = Short(
        lead=lead, columns=["", sa, sb], rows=short_rows, note=" ".join(notes) or None
    )

    # -- details ---------------------------------------------------------------------------
    cat_blocks = _category_blocks(ctx, ans, rows, pa, pb, shorts)
    ans.data["categories"] = rows
    ans.data["wins"] = {a: wins_a, b: wins_b}
    ans.data["overall"] = {
        a: pa.overall.value if pa.overall else None,
        b: pb.overall.value if pb.overall else None,
    }
    ans.data["shared"] = {
        "benchmarks": list(h.benchmarks),
        a: h.a,
        b: h.b,
        "wins": {a: h.wins_a, b: h.wins_b},
    }

    bench_blocks: list[int] = []
    shown = [s for s in counted if category is None or s[0] in (crow or {}).get("shared", [])]
    extra = [s for s in seps if s not in shown]
    if shown:
        n = len(shown)
        what = f"{ctx.cat_name(category).lower()} benchmarks" if category else "benchmarks"
        bench_blocks.append(
            add(
                ans,
                Table(
                    title=f"The {n} {what} both have"
                    if n > 1
                    else f"The one {what[:-1]} both have",
                    columns=["Benchmark", sa, sb],
                    rows=_bench_rows(ctx, a, b, shown[:12]),
                    note=_marks_note(ctx, [a, b], [bid for bid, *_ in shown[:12]], shorts),
                ),
            )
        )
    if extra:
        bench_blocks.append(
            add(
                ans,
                Table(
                    title="Both have too (no weight in any score)",
                    columns=["Benchmark", sa, sb],
                    rows=_bench_rows(ctx, a, b, extra[:6]),
                    note=_marks_note(ctx, [a, b], [bid for bid, *_ in extra[:6]], shorts),
                ),
            )
        )
    gap = shown or seps
    if gap:
        bid, va, vb = gap[0]
        ans.data["separator"] = {"benchmark": bid, a: va, b: vb}
        bench_blocks.append(
            add(
                ans,
                Text(
                    text=f"The biggest single gap is {ctx.bench_name(bid)}: {_shown(ctx, bid, va)} "
                    f"for {na} and {_shown(ctx, bid, vb)} for {nb}."
                ),
            )
        )
    else:
        ans.data["separator"] = None
        if not empty:
            bench_blocks.append(
                add(
                    ans,
                    Text(
                        text=(
                            f"They share no {ctx.cat_name(category).lower()} benchmark, so no "
                            "single test separates them there."
                            if category
                            else "They share no benchmark, so no single test separates them "
                            "directly."
                        )
                    ),
                )
            )
    for mid, other in ((a, b), (b, a)):
        only = _only_rows(ctx, mid, other, category)
        if only:
            bench_blocks.append(
                add(
                    ans,
                    Table(
                        title=f"Only {shorts[mid]} has"
                        if not empty
                        else f"{shorts[mid]}'s benchmarks",
                        columns=["Benchmark", "Score"],
                        rows=only,
                    ),
                )
            )

    limit_blocks = [
        add(
            ans,
            Facts(
                title="Price and limits",
                columns=[sa, sb],
                rows=ops_rows(ctx, [a, b]),
            ),
        )
    ]
    sentences = [
        s
        for s in (price_sentence(ma, mb), long_prompt_sentence([ma, mb]), context_sentence(ma, mb))
        if s
    ]
    if sentences:
        limit_blocks.append(add(ans, Text(text=" ".join(sentences))))

    faq = [(f"Which is better, {na} or {nb}?", (lead if empty else verdict).replace("**", ""))]
    for r in both:
        if r["category"] != category and not r["comparable"]:
            continue
        faq.append(
            (
                f"Which is better for {CATEGORIES[r['category']].phrase}, {na} or {nb}?",
                _category_lead(ctx, r, na, nb, a, r["category"], b).replace("**", ""),
            )
        )
    faq_blocks = [add(ans, FAQ(items=faq))]

    why_blocks: list[int] = []
    lead_overall = _overall_leader(pa, pb)
    if lead_overall is not None:
        w, l_ = lead_overall
        w_wins = wins_a if w is pa else wins_b
        l_wins = wins_b if w is pa else wins_a
        if h.leader(a, b) not in (None, w.model.id) or len(l_wins) > len(w_wins):
            why = _why_disagree(ctx, w, l_, rows, h)
            if why:
                why_blocks.append(
                    add(
                        ans,
                        Text(
                            title=f"Why does {w.model.name} lead overall while {l_.model.name} wins more head to head?",
                            text=why,
                        ),
                    )
                )

    section(ans, "categories", "Categories", cat_blocks, caveats=True)
    section(ans, "benchmarks", "Benchmarks", bench_blocks)
    section(ans, "limits", "Price & limits", limit_blocks)
    section(ans, "faq", "FAQ", faq_blocks)
    section(ans, "why", "Why?", why_blocks)
    if not metric:
        ans.chart = _two_chart(ctx, category, rows, counted, [na, nb], crow)
    return ans


def _counts(ctx: Context, bid: str) -> bool:
    """Whether a benchmark counts in category scores (a weighted one, in a category)."""
    bench = ctx.catalog.benchmark_by_id[bid]
    return bench.weight > 0 and bench.category is not None


def _is_claim(ctx: Context, mid: str, bid: str) -> bool:
    s = ctx.catalog.scores_of(mid).get(bid)
    return s is not None and bool(s.self_reported)


def _bench_rows(
    ctx: Context, a: str, b: str, items: list[tuple[str, float, float]]
) -> list[list[str]]:
    labels = ctx.bench_labels([bid for bid, *_ in items])
    return [
        [
            label,
            _shown(ctx, bid, va) + (VENDOR_MARK if _is_claim(ctx, a, bid) else ""),
            _shown(ctx, bid, vb) + (VENDOR_MARK if _is_claim(ctx, b, bid) else ""),
        ]
        for (bid, va, vb), label in zip(items, labels, strict=True)
    ]


def _no_scores_lead(ctx: Context, empty: list[Model], pa: Profile, pb: Profile) -> str:
    """A pair where one model (or both) has no benchmark score at all: said once, with what is
    known, and where a close model does have scores, that one named."""
    parts = []
    for m in empty:
        known = fmt.join(
            [
                x
                for x in (
                    f"{fmt.context(m.context_window)} context" if m.context_window else "",
                    "open weights" if m.open_weights else "",
                    f"released {m.release_date:%b %Y}" if m.release_date else "",
                    f"{fmt.price(m)} per 1M input / output tokens"
                    if blended(m) is not None
                    else "",
                )
                if x
            ]
        )
        parts.append(
            f"**{m.name}** has no benchmark scores in our data"
            + (f" (we know: {known})" if known else "")
        )
    other = [p for p in (pa, pb) if p.model not in empty]
    text = "; ".join(parts)
    if other:
        p = other[0]
        if p.overall:
            text += f", so they can't be compared on scores; {p.model.name} scores {num(p.overall.value, 0)} overall"
            if p.overall.provisional:
                text += " (provisional)"
        else:
            text += ", so they can't be compared on scores"
    text += "."
    near = [n for m in empty for n in nearest_scored(ctx, m.id)]
    if near:
        text += (
            " Closest models with scores: "
            + fmt.join(
                [
                    ctx.model(n).name
                    + (
                        f" ({num(o.value, 0)} overall)"
                        if (o := ctx.profile(n).overall) is not None
                        else ""
                    )
                    for n in near[:3]
                ]
            )
            + "."
        )
    return text


def _category_blocks(
    ctx: Context,
    ans: Answer,
    rows: list[dict],
    pa: Profile,
    pb: Profile,
    shorts: dict[str, str],
) -> list[int]:
    """The Categories page: one row per category, head to head where they share benchmarks;
    who leads each, by how much, in words under the table (a phone has no room for a column of
    names); and each model's full category scores, labelled as what they are."""
    a, b = pa.model.id, pb.model.id
    na, nb = pa.model.name, pb.model.name
    blocks: list[int] = []
    if not pa.categories or not pb.categories:
        has = pa if pa.categories else pb
        if has.categories:
            blocks.append(
                add(
                    ans,
                    Table(
                        title=f"{has.model.name}'s category scores",
                        columns=["Category", "Score"],
                        rows=[
                            [CATEGORIES[c].short, num(cs.value)] for c, cs in has.categories.items()
                        ],
                        note="Each over its own benchmarks, adjusted for how hard they are.",
                    ),
                )
            )
        return blocks
    table_rows = []
    for r in rows:
        label = CATEGORIES[r["category"]].short
        if r["comparable"]:
            table_rows.append([f"{label} ({len(r['shared'])})", num(r["ha"]), num(r["hb"])])
        else:
            table_rows.append([label, _own(r["a"]), _own(r["b"])])
    if table_rows:
        blocks.append(
            add(
                ans,
                Table(
                    title="By category",
                    columns=["Category", shorts[a], shorts[b]],
                    rows=table_rows,
                    note="(n): head to head on the n benchmarks both have. In brackets: a "
                    "model's own category score where they share none, not called.",
                ),
            )
        )
    both = [r for r in rows if r["a"] is not None and r["b"] is not None]
    called = [r for r in both if r["comparable"]]
    paragraphs = []
    if called:
        leads = []
        for mid, name in ((a, na), (b, nb)):
            won = [r for r in called if r["winner"] == mid]
            if won:
                leads.append(
                    f"{name} leads "
                    + fmt.join(
                        [
                            f"{CATEGORIES[r['category']].short} by {num(abs(r['ha'] - r['hb']))}"
                            for r in won
                        ]
                    )
                )
        level = [CATEGORIES[r["category"]].short for r in called if r["winner"] is None]
        if level:
            leads.append(f"{fmt.join(level)} {'is' if len(level) == 1 else 'are'} level")
        apart = [CATEGORIES[r["category"]].short for r in both if not r["comparable"]]
        if apart:
            leads.append(
                f"{fmt.join(apart)} {'has' if len(apart) == 1 else 'have'} no shared benchmark"
            )
        paragraphs.append("Head to head, " + "; ".join(leads) + ".")
    full = [
        f"{CATEGORIES[r['category']].short} {num(r['a'])} / {num(r['b'])}"
        for r in both
        if not r["same_basis"] and r["comparable"]
    ]
    if full:
        paragraphs.append(
            "Their full category scores differ from these: each is over the model's own "
            "benchmarks, each benchmark adjusted for how hard it is (the scale rankings use), "
            f"{na} / {nb}: " + "; ".join(full) + "."
        )
    if paragraphs:
        blocks.append(add(ans, Text(text=" ".join(paragraphs))))
    return blocks


def _own(v: float | None) -> str:
    """A category score that is not head to head, in brackets."""
    return NO_DATA if v is None else f"({num(v)})"


def _shown(ctx: Context, bid: str, value: float | None) -> str:
    bench = ctx.catalog.benchmark_by_id[bid]
    if value is None:
        return NO_DATA
    return pct(value) if bench.unit == "percent" else num(value)


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


def _separators(
    ctx: Context, a: str, b: str, category: str | None
) -> list[tuple[str, float, float]]:
    """Percent benchmarks both have (in the category, for a category question), largest gap
    first."""
    c = ctx.catalog
    sa, sb = c.scores_of(a), c.scores_of(b)
    out = []
    for bid in sa.keys() & sb.keys():
        bench = c.benchmark_by_id[bid]
        if bench.unit != "percent" or (category and (bench.category != category)):
            continue
        out.append((bid, sa[bid].value, sb[bid].value))
    out.sort(key=lambda t: (-round(abs(t[1] - t[2]), 6), -c.benchmark_by_id[t[0]].weight, t[0]))
    return out


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
    return [
        [
            label,
            _shown(ctx, bid, mine[bid].value) + (VENDOR_MARK if _is_claim(ctx, mid, bid) else ""),
        ]
        for bid, label in zip(picked, labels, strict=True)
    ]


def _overall_leader(pa: Profile, pb: Profile) -> tuple[Profile, Profile] | None:
    if pa.overall and pb.overall and round(pa.overall.value) != round(pb.overall.value):
        return (pa, pb) if pa.overall.value > pb.overall.value else (pb, pa)
    return None


RADAR_MIN_AXES = 5  # fewer spokes than this read better as bars


def _two_chart(
    ctx: Context,
    category: str | None,
    rows: list[dict],
    counted: list[tuple[str, float, float]],
    names: list[str],
    crow: dict | None,
) -> Chart | None:
    """The chart of the numbers the table shows, rounded as the table rounds them: head to head
    per category (a radar of the categories called, when there are enough of them), or a
    category question's shared benchmarks as bars. One figure the table already shows once
    (a single benchmark, a single category) gets no chart."""
    if category:
        weighted = [s for s in counted if s[0] in (crow or {}).get("shared", [])][:6]
        if len(weighted) < 2:
            return None
        return Chart(
            kind="bars",
            title=f"{ctx.cat_name(category)}: benchmarks both have",
            axes=ctx.bench_labels([bid for bid, *_ in weighted]),
            series=[
                ChartSeries(name=names[0], values=[round(va, 1) for _, va, _ in weighted]),
                ChartSeries(name=names[1], values=[round(vb, 1) for _, _, vb in weighted]),
            ],
        )
    called = [r for r in rows if r["comparable"]]
    if len(called) < 2:
        return None
    return Chart(
        kind="radar" if len(called) >= RADAR_MIN_AXES else "bars",
        title="Head to head by category",
        axes=[ctx.cat_name(r["category"]) for r in called],
        series=[
            ChartSeries(name=names[0], values=[round(r["ha"], 1) for r in called]),
            ChartSeries(name=names[1], values=[round(r["hb"], 1) for r in called]),
        ],
        note="On the benchmarks both have.",
    )


# -- three to five ----------------------------------------------------------------------------


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
    if metric:
        ranked = sorted(
            ((mid, metric_key(ctx.model(mid), metric)) for mid in ids),
            key=lambda kv: (
                kv[1] is None,
                kv[1] if kv[1] is not None else 0,
                ctx.model(kv[0]).name,
            ),
        )
        known = [mid for mid, v in ranked if v is not None]
        if known:
            best = ctx.model(known[0])
            ans.headline = f"**{best.name}** comes first on {MEASURES[metric].phrase}: {metric_value(best, metric)}."
        else:
            ans.headline = f"None of them has {MEASURES[metric].phrase} data: no data."
        missing = [ctx.model(mid).name for mid, v in ranked if v is None]
        if missing and known:
            ans.headline += f" No data for {fmt.join(missing)}."
        order = [mid for mid, _ in ranked]
        value = {mid: metric_cell(ctx.model(mid), metric) for mid in order}
        label = MEASURES[metric].phrase.capitalize()
        ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in ranked]
    else:
        scored = []
        for mid in ids:
            p = ctx.profile(mid)
            if category:
                cs = p.categories.get(category)
                scored.append((mid, cs.value if cs else None, len(cs.parts) if cs else 0))
            else:
                scored.append(
                    (
                        mid,
                        p.overall.value if p.overall else None,
                        p.overall.benchmarks if p.overall else 0,
                    )
                )
        scored.sort(key=lambda x: (x[1] is None, -(x[1] or 0)))
        order = [mid for mid, *_ in scored]
        label = ctx.cat_name(category) if category else "Overall"
        digits = 1 if category else 0  # an overall score reads in whole points everywhere
        value = {mid: num(v, digits) for mid, v, _ in scored}
        top = [x for x in scored if x[1] is not None]
        where = f" for {CATEGORIES[category].phrase}" if category else " overall"
        if top:
            lead = f"**{ctx.model(top[0][0]).name}** leads{where} with {num(top[0][1], digits)}"
            if len(top) > 1:
                lead += ", ahead of " + fmt.join(
                    [f"{ctx.model(m).name} ({num(v, digits)})" for m, v, _ in top[1:3]]
                )
            ans.headline = lead + "."
        else:
            ans.headline = f"None of them has {a_(label.lower()) + ' score' if category else 'an overall score'} in our data."
        missing = [ctx.model(mid).name for mid, v, _ in scored if v is None]
        if missing and top:
            ans.caveats.append(
                f"No {label.lower() if category else 'overall'} score for {fmt.join(missing)}: not ranked, not counted as zero."
            )
        ans.data["ranking"] = [{"model": mid, "value": v, "benchmarks": n} for mid, v, n in scored]
    shorts = short_names([ctx.model(m).name for m in order], 16)
    place = 0
    rows = []
    for mid, s in zip(order, shorts, strict=True):
        known_value = value[mid] != NO_DATA
        place += known_value
        # a score resting mostly on claims rather than measurements is marked, as leaderboards do
        mark = (
            VENDOR_MARK
            if known_value and not metric and vendor_share(score_parts(ctx, mid, category)) > 0.5
            else ""
        )
        rows.append(
            [str(place) if known_value else "-", s, value[mid] + mark, short_price(ctx.model(mid))]
        )
    head = label if metric else f"{CATEGORIES[category].short if category else 'Overall'} score"
    notes = []
    if any(r[2].endswith(VENDOR_MARK) for r in rows):
        notes.append(MOSTLY_CLAIMS)
    if category and not metric:
        notes.append(scale_note(ctx, category))
    note = " ".join(notes) or None
    ans.short = Short(
        lead=ans.headline,
        columns=["#", "Model", head, "Price"] if metric != "price" else ["#", "Model", "Price"],
        rows=[r[:3] if metric == "price" else r for r in rows],
        note=note,
    )
    measured = []
    for mid in order:
        parts = score_parts(ctx, mid, category)
        measured.append(f"{sum(x.independent for x in parts)} of {len(parts)}" if parts else "")
    full_cols = ["#", "Model", head, "Measured"] if not metric else ["#", "Model", label]
    full = add(
        ans,
        Table(
            title=f"Ranked by {label.lower() if metric else head.lower()}",
            columns=full_cols,
            rows=[
                [r[0], r[1], r[2], m][: len(full_cols)] for r, m in zip(rows, measured, strict=True)
            ],
            note=None
            if metric
            else "Measured: how many of the benchmarks behind each score someone other than "
            "its maker ran.",
            keys=2,
        ),
    )
    limits = add(
        ans,
        Facts(
            title="Price and limits", columns=shorts_in(ids, order, shorts), rows=ops_rows(ctx, ids)
        ),
    )
    ans.caveats += caveats(ctx, ids)
    if category and not metric:
        sets = [
            set(ctx.profile(mid).categories[category].benchmarks)
            for mid in order
            if category in ctx.profile(mid).categories
        ]
        if len(sets) > 1 and not set.intersection(*sets):
            ans.caveats.append(
                "These scores rest on different benchmarks, adjusted for how hard each is: "
                "indicative, not head to head."
            )
    section(ans, "ranking", "Full table", [full], caveats=True)
    section(ans, "limits", "Price & limits", [limits])
    if not metric:
        ans.chart = _many_chart(ctx, order, category, [ctx.model(m).name for m in order])
    return ans


def shorts_in(ids: list[str], order: list[str], shorts: list[str]) -> list[str]:
    """The short names (made for `order`) in the order of `ids`."""
    by = dict(zip(order, shorts, strict=True))
    return [by[i] for i in ids]


def _many_chart(
    ctx: Context, order: list[str], category: str | None, names: list[str]
) -> Chart | None:
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
                name=n,
                values=[
                    None if v is None else round(v, digits)
                    for v in [
                        (p.categories[category].value if category in p.categories else None)
                        if category
                        else (p.overall.value if p.overall else None)
                    ]
                ],
            )
            for n, p in zip(names, profiles, strict=True)
        ],
    )
