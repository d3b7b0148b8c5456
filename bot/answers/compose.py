"""Query + data -> Answer.  Pure: no I/O, no Discord; every sentence is built from the data and
left out when it does not apply."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from bot.answers import fmt
from bot.answers.fmt import NO_DATA, num, pct, plural
from bot.answers.model import FAQ, Answer, Candidate, Chart, ChartSeries, Facts, Table, Text
from bot.catalog.method import CategoryScore, Profile, Scoreboard, shared_benchmarks
from bot.catalog.models import Catalog, Model
from bot.understand.lookup import Resolution
from bot.understand.parse import MAX_TOP, Query

METRIC_NAMES = {
    "price": "price",
    "speed": "output speed",
    "latency": "time to first token",
    "context": "context window",
}
CATEGORY_PHRASE = {
    "agentic": "agentic work",
    "coding": "coding",
    "reasoning": "reasoning",
    "multimodal": "multimodal tasks",
    "knowledge": "knowledge tasks",
    "multilingual": "multilingual work",
    "instruction_following": "instruction following",
    "math": "math",
}


@dataclass(frozen=True)
class Context:
    scoreboard: Scoreboard
    loaded_at: str | None = None
    # Per-catalog orders and counts, filled on first use (the context lives as long as its data).
    _metric_orders: dict[str, list[tuple[str, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _names: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def catalog(self) -> Catalog:
        return self.scoreboard.catalog

    def model(self, mid: str) -> Model:
        return self.catalog.model_by_id[mid]

    def profile(self, mid: str) -> Profile:
        return self.scoreboard.profiles[mid]

    def bench_name(self, bid: str) -> str:
        return self.catalog.benchmark_by_id[bid].name

    def cat_name(self, cid: str) -> str:
        return self.catalog.category_by_id[cid].name

    def by_metric(self, metric: str) -> list[tuple[str, float]]:
        """Models with a figure for `metric`, best first (cheapest, fastest, ...): sorted once per
        catalog, on first use."""
        order = self._metric_orders.get(metric)
        if order is None:
            vals = [(m.id, _metric_key(m, metric), m.name) for m in self.catalog.models]
            order = [
                (mid, v)
                for mid, v, _ in sorted(
                    (t for t in vals if t[1] is not None), key=lambda t: (t[1], t[2])
                )
                # a price of 0 with no input price is a listing with no price, not a free model
                if not (metric == "price" and v == 0 and self.model(mid).input_price is None)
            ]
            self._metric_orders[metric] = order
        return order

    def same_name(self, base: str) -> list[str]:
        """Every model whose name, less a snapshot month, is `base` ("GPT-4o (May 2024)")."""
        if not self._names:
            for m in self.catalog.models:
                self._names.setdefault(_SNAPSHOT.sub("", m.name), []).append(m.id)
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

    def footer(self) -> str:
        meta = self.catalog.meta
        names = ", ".join(
            f"{s.name.split(' (')[0]} ({s.licence})" for s in meta.sources if s.id != "curated"
        )
        when = f"Data as of {meta.data_as_of.isoformat()}" if meta.data_as_of else "Data"
        loaded = f", loaded {self.loaded_at[:10]}" if self.loaded_at else ""
        return f"{when}{loaded} · {names}"


def compose(query: Query, ctx: Context) -> Answer:
    if query.intent == "compare":
        if len(query.models) == 2:
            answer = compare_two(
                ctx, query.models[0], query.models[1], query.category, query.metric
            )
        else:
            answer = compare_many(ctx, query.models, query.category, query.metric)
        if query.dropped:
            left = fmt.join([ctx.model(m).name for m in query.dropped])
            answer.caveats.insert(
                0, f"I compare up to five models at a time, so I left out {left}."
            )
    elif query.intent == "profile":
        answer = profile(ctx, query.models[0], query.category, query.metric)
    elif query.intent == "leaderboard":
        answer = leaderboard(ctx, query.category, query.metric, query.count, query.open_weights)
    elif query.intent == "clarify":
        answer = clarify(ctx, query)
    elif query.intent == "not_found":
        answer = not_found(ctx, query)
    elif query.intent == "help":
        answer = help_answer(ctx)
    else:
        answer = Answer(
            intent="none",
            headline="That doesn't look like a question about AI models. Try `gpt-4.1 vs claude "
            "sonnet 4`, `best model for coding`, or `help`.",
        )
    answer.footer = answer.footer or ctx.footer()
    return answer


# -- shared pieces ---------------------------------------------------------------------------


def _bench_list(ctx: Context, cs: CategoryScore | None) -> str:
    if cs is None:
        return NO_DATA
    return ", ".join(ctx.bench_name(p.benchmark) for p in cs.parts)


def _winner_by_overall(pa: Profile, pb: Profile) -> tuple[Profile, Profile] | None:
    if pa.overall and pb.overall:
        ra, rb = round(pa.overall.value), round(pb.overall.value)
        if ra == rb:
            return None
        return (pa, pb) if ra > rb else (pb, pa)
    return None


def _ops_rows(ctx: Context, ids: list[str]) -> list[list[str]]:
    ms = [ctx.model(i) for i in ids]
    return [
        ["Price (in / out per 1M)", *[fmt.price(m) for m in ms]],
        ["Speed", *[fmt.speed(m) for m in ms]],
        ["Latency (TTFT)", *[fmt.latency(m) for m in ms]],
        ["Context window", *[fmt.context(m.context_window) for m in ms]],
        ["Reasoning model", *[fmt.yes_no(m.reasoning) for m in ms]],
        ["Open weights", *[fmt.yes_no(m.open_weights) for m in ms]],
        ["Released", *[m.release_date.isoformat() if m.release_date else NO_DATA for m in ms]],
    ]


def _cheaper(a: Model, b: Model) -> tuple[Model, Model] | None:
    """(cheaper, pricier) by output price, then input price; None when unknown or equal."""
    if a.output_price is None or b.output_price is None:
        return None
    ka = (a.output_price, a.input_price or 0)
    kb = (b.output_price, b.input_price or 0)
    if ka == kb:
        return None
    return (a, b) if ka < kb else (b, a)


def _price_sentence(a: Model, b: Model) -> str | None:
    if a.output_price is None and b.output_price is None:
        return None
    if a.output_price is None or b.output_price is None:
        known, unknown = (a, b) if a.output_price is not None else (b, a)
        return (
            f"Only {known.name} has a published price ({fmt.price(known)} per 1M input / output "
            f"tokens); {unknown.name}: no data."
        )
    pair = _cheaper(a, b)
    if pair is None:
        return f"Both cost the same: {fmt.price(a)} per 1M input / output tokens."
    cheap, dear = pair
    if cheap.output_price == 0:
        return f"{cheap.name} is free to use ({fmt.price(cheap)}); {dear.name} costs {fmt.price(dear)} per 1M input / output tokens."
    r = fmt.ratio(dear.output_price or 0, cheap.output_price or 0)
    tail = f", {r} on output cost" if r else ""
    return (
        f"{dear.name} is the more expensive one at {fmt.price(dear)} per 1M input / output "
        f"tokens, against {fmt.price(cheap)} for {cheap.name}{tail}."
    )


def _context_sentence(a: Model, b: Model) -> str | None:
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


def _reasoning_sentence(a: Model, b: Model) -> str | None:
    if a.reasoning is None or b.reasoning is None or a.reasoning == b.reasoning:
        return None
    r, n = (a, b) if a.reasoning else (b, a)
    return (
        f"{r.name} is the reasoning model in the pair, while {n.name} is not. That usually helps "
        "on harder multi-step tests, but it can also mean more latency and more tokens spent."
    )


def _speed_sentence(a: Model, b: Model, metric: str) -> str:
    if metric == "speed":
        va, vb, unit, better = a.output_speed, b.output_speed, "tokens/s", max
        label = "faster"
    else:
        va, vb, unit, better = a.ttft, b.ttft, "s to first token", min
        label = "quicker to the first token"
    show = (lambda v: num(v, 2)) if metric == "latency" else num
    if va is None and vb is None:
        return f"Neither has a measured {METRIC_NAMES[metric]} in our data: no data for either."
    if va is None or vb is None:
        known, v = (a, va) if va is not None else (b, vb)
        unknown = b if known is a else a
        return f"Only {known.name} has a measurement ({show(v)} {unit}); {unknown.name}: no data, so we can't say which is {label}."
    if va == vb:
        return f"They are level: {show(va)} {unit} each."
    win = a if better(va, vb) == va else b
    lose = b if win is a else a
    return f"{win.name} is {label}: {show(win.output_speed if metric == 'speed' else win.ttft)} vs {show(lose.output_speed if metric == 'speed' else lose.ttft)} {unit}."


def metric_sentence(a: Model, b: Model, metric: str) -> str:
    if metric == "price":
        if a.output_price is None or b.output_price is None:
            s = _price_sentence(a, b)
            return (
                s or "Neither has a published price: no data."
            ) + " So we can't say which is cheaper."
        pair = _cheaper(a, b)
        if pair is None:
            return f"Same price: {fmt.price(a)} per 1M input / output tokens for both."
        cheap, dear = pair
        r = fmt.ratio(dear.output_price or 0, cheap.output_price or 0)
        tail = f", {r} less on output" if r else ""
        return f"{cheap.name} is cheaper: {fmt.price(cheap)} vs {fmt.price(dear)} per 1M input / output tokens{tail}."
    if metric == "context":
        if not a.context_window or not b.context_window:
            return (
                _context_sentence(a, b) or "Neither has a known context window: no data."
            ) + " So we can't say which takes more."
        if fmt.context(a.context_window) == fmt.context(b.context_window):
            return f"Same context window: {fmt.context(a.context_window)} tokens each."
        big, small = (a, b) if a.context_window > b.context_window else (b, a)
        return f"{big.name} has the bigger context window: {fmt.context(big.context_window)} vs {fmt.context(small.context_window)} tokens."
    return _speed_sentence(a, b, metric)


def _category_rows(ctx: Context, a: str, b: str) -> list[dict]:
    """One row per category either model has.  `a`/`b` are each model's own average; `ha`/`hb`
    compare them head to head on the weighted benchmarks both have (None when they share none)."""
    pa, pb = ctx.profile(a), ctx.profile(b)
    rows = []
    for cat in ctx.catalog.categories:
        ca, cb = pa.categories.get(cat.id), pb.categories.get(cat.id)
        if ca is None and cb is None:
            continue
        shared = sorted(set(ca.benchmarks) & set(cb.benchmarks)) if ca and cb else []
        ha = hb = None
        if shared:
            wa = {p.benchmark: p for p in ca.parts}
            wb = {p.benchmark: p for p in cb.parts}
            total = sum(wa[x].weight for x in shared)
            ha = sum(wa[x].value * wa[x].weight for x in shared) / total
            hb = sum(wb[x].value * wb[x].weight for x in shared) / total
        winner = None
        if ha is not None and hb is not None and round(ha, 1) != round(hb, 1):
            winner = a if ha > hb else b
        rows.append(
            {
                "category": cat.id,
                "a": ca.value if ca else None,
                "b": cb.value if cb else None,
                # from the values shown, so the column always agrees with its neighbours
                "diff": round(round(ca.value, 1) - round(cb.value, 1), 1) if ca and cb else None,
                "shared": shared,
                "ha": ha,
                "hb": hb,
                "winner": winner,
                "a_benchmarks": list(ca.benchmarks) if ca else [],
                "b_benchmarks": list(cb.benchmarks) if cb else [],
                "comparable": bool(shared),
                "same_basis": bool(ca and cb and set(ca.benchmarks) == set(cb.benchmarks)),
            }
        )
    return rows


def _basis(ctx: Context, row: dict, na: str, nb: str) -> str:
    """Which benchmarks a category comparison rests on, shared ones first."""
    shared = [ctx.bench_name(x) for x in row["shared"]]
    only_a = [ctx.bench_name(x) for x in row["a_benchmarks"] if x not in row["shared"]]
    only_b = [ctx.bench_name(x) for x in row["b_benchmarks"] if x not in row["shared"]]
    if not shared:
        return (
            f"The two scores rest on different benchmarks ({na}: {fmt.join(only_a)}; {nb}: "
            f"{fmt.join(only_b)}), so they are not directly comparable."
        )
    parts = [f"Both have {fmt.join(shared)}"]
    if only_a:
        parts.append(f"{na} also counts {fmt.join(only_a)}")
    if only_b:
        parts.append(f"{nb} also counts {fmt.join(only_b)}")
    return "; ".join(parts) + "."


def _category_call(ctx: Context, row: dict, na: str, nb: str, a: str) -> str:
    """One sentence: who is ahead in a category, on which footing."""
    phrase = CATEGORY_PHRASE[row["category"]]
    if row["a"] is None or row["b"] is None:
        has, hasnt = (na, nb) if row["a"] is not None else (nb, na)
        v = row["a"] if row["a"] is not None else row["b"]
        return (
            f"Only {has} has {_a(ctx.cat_name(row['category']).lower())} score ({num(v)}); "
            f"{hasnt}: no data, so there is no call to make for {phrase}."
        )
    if not row["comparable"]:
        hi, lo, w = (row["a"], row["b"], na) if row["a"] >= row["b"] else (row["b"], row["a"], nb)
        return (
            f"For {phrase}, {w} scores higher, {num(hi)} vs {num(lo)}, but the two scores rest "
            "on different benchmarks, so this is not a head-to-head result."
        )
    names = fmt.join([ctx.bench_name(x) for x in row["shared"]])
    if row["winner"] is None:
        text = f"For {phrase}, {na} and {nb} are level on the benchmarks both have ({names})"
    else:
        w = na if row["winner"] == a else nb
        hi, lo = (row["ha"], row["hb"]) if row["winner"] == a else (row["hb"], row["ha"])
        text = f"For {phrase}, {w} has the edge on the benchmarks both have ({names}): {num(hi)} vs {num(lo)}"
    if not row["same_basis"]:
        text += f"; their full {ctx.cat_name(row['category']).lower()} averages are {num(row['a'])} and {num(row['b'])}"
    return text + "."


def _overall_verdict(ctx: Context, pa: Profile, pb: Profile) -> str:
    na, nb = pa.model.name, pb.model.name
    oa = pa.overall.value if pa.overall else None
    ob = pb.overall.value if pb.overall else None
    if oa is not None and ob is not None:
        gap = abs(round(oa) - round(ob))
        if gap == 0:
            verdict = (
                f"{na} and {nb} are tied overall at {num(oa, 0)}; the choice comes down to "
                "the categories below."
            )
        else:
            w, hi, lo = (na, oa, ob) if round(oa) > round(ob) else (nb, ob, oa)
            score = f"{num(hi, 0)} to {num(lo, 0)}"
            if gap == 1:
                verdict = f"{w} is one point ahead overall, {score}: enough to call, not a blowout."
            elif gap <= 3:
                verdict = (
                    f"{w} has the cleaner overall profile, {score}: a real lead, but the "
                    "category strengths below matter more than the headline."
                )
            else:
                verdict = (
                    f"{w} is clearly ahead overall, {score}. The gap is large enough that "
                    "you don't need to squint at the table to see it."
                )
        thin = [p for p in (pa, pb) if p.overall and p.overall.provisional]
        if thin:
            who = fmt.join(
                [
                    f"{p.model.name}'s rests on only {plural(p.overall.benchmarks, 'benchmark')}"
                    for p in thin
                ]
            )
            verdict += f" Treat it as provisional: {who}."
        return verdict
    if oa is not None or ob is not None:
        has, hasnt = (pa, pb) if oa is not None else (pb, pa)
        return (
            f"Only {has.model.name} has enough benchmark coverage for an overall score "
            f"({num(has.overall.value, 0)}); {hasnt.model.name}'s scores cover too little "
            "of the method to score it overall, so compare them category by category."
        )
    if pa.categories or pb.categories:
        return (
            "Neither has enough benchmark coverage for an overall score, so compare them "
            "category by category."
        )
    return (
        f"Neither {na} nor {nb} has weighted benchmark scores in our data yet, so there is "
        "no score to compare; their prices and specs are below."
    )


def _why_disagree(ctx: Context, w: Profile, l_: Profile, rows: list[dict], w_is_a: bool) -> str:
    """Why the overall leader wins fewer head-to-head categories: always a true statement."""
    weights = {c.id: c.weight for c in ctx.catalog.categories}
    only_w = [c for c in w.overall.categories if c not in l_.overall.categories]
    only_l = [c for c in l_.overall.categories if c not in w.overall.categories]
    if only_w or only_l:
        bits = []
        if only_w:
            bits.append(
                f"{w.model.name}'s also counts "
                + fmt.join([f"{ctx.cat_name(c)} ({num(w.categories[c].value)})" for c in only_w])
            )
        if only_l:
            bits.append(
                f"{l_.model.name}'s also counts "
                + fmt.join([f"{ctx.cat_name(c)} ({num(l_.categories[c].value)})" for c in only_l])
            )
        return (
            "each overall score averages the categories that model has ranked scores in: "
            + ", while ".join(bits)
        )
    # Same categories: the overall is the weighted sum of the full category averages, so the
    # leader's weighted margins are larger by construction; say which they are.
    ahead_w, ahead_l = [], []
    for r in rows:
        if r["diff"] is None or r["category"] not in w.overall.categories or r["diff"] == 0:
            continue
        margin = r["diff"] if w_is_a else -r["diff"]
        item = f"+{num(abs(margin))} in {ctx.cat_name(r['category'])} ({round(weights[r['category']] * 100)}%)"
        (ahead_w if margin > 0 else ahead_l).append(item)
    text = (
        "the overall weighs each model's full category averages by category weight, while the "
        "wins compare only the benchmarks both have"
    )
    if ahead_w:
        text += f": {w.model.name}'s leads ({fmt.join(ahead_w)}) outweigh"
        text += f" {l_.model.name}'s ({fmt.join(ahead_l)})" if ahead_l else " everything else"
    return text


# -- compare two ---------------------------------------------------------------------------------


def compare_two(
    ctx: Context, a: str, b: str, category: str | None = None, metric: str | None = None
) -> Answer:
    ma, mb = ctx.model(a), ctx.model(b)
    na, nb = ma.name, mb.name
    pa, pb = ctx.profile(a), ctx.profile(b)
    rows = _category_rows(ctx, a, b)
    both = [r for r in rows if r["a"] is not None and r["b"] is not None]
    wins_a = [r["category"] for r in both if r["winner"] == a]
    wins_b = [r["category"] for r in both if r["winner"] == b]
    apart = [r["category"] for r in both if not r["comparable"]]
    seps = shared_benchmarks(ctx.catalog, a, b)
    sep = seps[0] if seps else None
    lead = _winner_by_overall(pa, pb)
    verdict = _overall_verdict(ctx, pa, pb)

    ans = Answer(
        intent="compare",
        title=f"{na} vs {nb}",
        model_ids=[a, b],
        models=[na, nb],
        category=category,
        metric=metric,
    )
    ans.data["overall"] = {
        a: pa.overall.value if pa.overall else None,
        b: pb.overall.value if pb.overall else None,
    }
    paragraphs: list[str] = []

    if category:
        row = next((r for r in rows if r["category"] == category), None)
        if row is None:
            ans.headline = (
                f"Neither {na} nor {nb} has {_a(ctx.cat_name(category).lower())} score in our data."
            )
        else:
            ans.headline = _category_call(ctx, row, na, nb, a)
            if row["a"] is not None and row["b"] is not None:
                paragraphs.append(_basis(ctx, row, na, nb))
        ans.blocks.append(_category_bench_table(ctx, a, b, category))
        csep = shared_benchmarks(ctx.catalog, a, b, category)
        if len(csep) > 1:  # with one shared benchmark, the basis sentence already names it
            s = csep[0]
            paragraphs.append(
                f"Inside {ctx.cat_name(category)}, {ctx.bench_name(s.benchmark)} "
                f"creates the most daylight: {pct(s.a)} vs {pct(s.b)}."
            )
        paragraphs.append(verdict)
    elif metric:
        ans.headline = metric_sentence(ma, mb, metric)
        paragraphs.append(verdict)
    else:
        ans.headline = verdict

    # Category table: each model's own average, the difference, and on what footing
    table_rows = []
    for r in rows:
        diff = "" if r["diff"] is None else f"{'+' if r['diff'] > 0 else ''}{num(r['diff'])}"
        if r["a"] is None or r["b"] is None or r["same_basis"]:
            note = ""
        elif not r["comparable"]:
            note = "different benchmarks"
        else:
            note = (
                "head to head on "
                + fmt.join([ctx.bench_name(x) for x in r["shared"]])
                + f": {num(r['ha'])} vs {num(r['hb'])}"
            )
        table_rows.append([ctx.cat_name(r["category"]), num(r["a"]), num(r["b"]), diff, note])
    if table_rows:
        ans.blocks.append(
            Table(
                title="By category",
                columns=["Category", na, nb, "Diff", ""],
                rows=table_rows,
                note="Each model's average over its own benchmarks; where those differ, the "
                "note compares them on the benchmarks both have.",
            )
        )
    other = _unweighted_rows(ctx, a, b)
    if other:
        ans.blocks.append(
            Table(
                title="Other benchmarks (shown, not weighted)",
                columns=["Benchmark", na, nb],
                rows=other,
            )
        )
    ans.data["categories"] = rows

    # Category wins (head to head only) and the biggest separator
    if both:
        called = len(both) - len(apart)
        sentence = (
            f"Head to head, on the benchmarks both have, {na} wins "
            f"{plural(len(wins_a), 'category', 'categories')} and {nb} wins {len(wins_b)}"
        )
        level = called - len(wins_a) - len(wins_b)
        if level:
            sentence += f", {level} level"
        if apart:
            sentence += (
                f"; {fmt.join([ctx.cat_name(c) for c in apart])} "
                f"{'rests' if len(apart) == 1 else 'rest'} on different benchmarks and "
                f"{'is' if len(apart) == 1 else 'are'} not called"
            )
        paragraphs.append(sentence + ".")
    ans.data["wins"] = {a: wins_a, b: wins_b}
    if sep is not None:
        paragraphs.append(
            f"The biggest single separator is {ctx.bench_name(sep.benchmark)}: {pct(sep.a)} for {na} "
            f"and {pct(sep.b)} for {nb}."
        )
        ans.data["separator"] = {"benchmark": sep.benchmark, a: sep.a, b: sep.b}
    else:
        paragraphs.append("They share no benchmark, so no single test separates them directly.")
        ans.data["separator"] = None

    # Where the loser hits back, and why the overall and the wins can disagree
    if lead is not None:
        w, l_ = lead
        l_wins = wins_b if l_.model.id == b else wins_a
        w_wins = wins_a if w.model.id == a else wins_b
        if l_wins:
            best = max(
                l_wins,
                key=lambda c: next(abs(r["ha"] - r["hb"]) for r in both if r["category"] == c),
            )
            r = next(r for r in both if r["category"] == best)
            lv, wv = (r["ha"], r["hb"]) if l_.model.id == a else (r["hb"], r["ha"])
            paragraphs.append(
                f"{l_.model.name} hits back in {ctx.cat_name(best)} ({num(lv)} vs {num(wv)} on "
                f"{fmt.join([ctx.bench_name(x) for x in r['shared']])})."
            )
        if len(l_wins) > len(w_wins):
            paragraphs.append(
                f"Why does {w.model.name} lead overall while {l_.model.name} wins more categories? "
                f"Because {_why_disagree(ctx, w, l_, rows, w.model.id == a)}."
            )

    for s in (_price_sentence(ma, mb), _reasoning_sentence(ma, mb), _context_sentence(ma, mb)):
        if s:
            paragraphs.append(s)
    ans.blocks.insert(0, Text(text=" ".join(paragraphs)))
    ans.blocks.append(Facts(title="Operational", columns=[na, nb], rows=_ops_rows(ctx, [a, b])))

    quick = _quick_verdict(ctx, a, b, wins_a, wins_b, lead)
    if quick:
        ans.blocks.append(Text(title="Quick verdict", text=quick))

    # FAQ
    faq = []
    if lead is not None:
        w, l_ = lead
        faq1 = (
            f"{w.model.name} is ahead on our overall score, {num(w.overall.value, 0)} to "
            f"{num(l_.overall.value, 0)}."
        )
        if w.overall.provisional or l_.overall.provisional:
            faq1 += " (Provisional: one of them rests on few benchmarks.)"
    elif pa.overall and pb.overall:
        faq1 = f"They are tied overall at {num(pa.overall.value, 0)}."
    else:
        faq1 = verdict
    if sep is not None:
        faq1 += (
            f" The biggest single separator is {ctx.bench_name(sep.benchmark)}, where the scores "
            f"are {pct(sep.a)} and {pct(sep.b)}."
        )
    faq.append((f"Which is better, {na} or {nb}?", faq1))
    for cid in [category] if category else [r["category"] for r in both]:
        r = next((x for x in rows if x["category"] == cid), None)
        if r is None or r["a"] is None or r["b"] is None:
            continue
        text = _category_call(ctx, r, na, nb, a)
        csep = shared_benchmarks(ctx.catalog, a, b, cid)
        if csep and len(r["shared"]) > 1:
            text += (
                f" {ctx.bench_name(csep[0].benchmark)} is the benchmark that creates the most "
                "daylight between them."
            )
        if r["winner"] is not None and abs(r["ha"] - r["hb"]) < 5:
            loser = nb if r["winner"] == a else na
            text += f" {loser} stays close enough that the answer can flip on your workload."
        faq.append((f"Which is better for {CATEGORY_PHRASE[cid]}, {na} or {nb}?", text))
    ans.blocks.append(FAQ(items=faq))
    ans.caveats = _caveats(ctx, [a, b])
    if not metric:  # a price or speed answer has no scores to draw
        ans.chart = _category_chart(ctx, [a, b], "Category averages")
    return ans


def _category_chart(ctx: Context, ids: list[str], title: str) -> Chart:
    """Each model's category averages as a radar for two or three models, their overall scores
    as bars for more."""
    names = [ctx.model(mid).name for mid in ids]
    profiles = [ctx.profile(mid) for mid in ids]
    if len(ids) <= 3:
        cats = ctx.catalog.categories
        return Chart(
            kind="radar",
            title=title,
            axes=[c.name for c in cats],
            series=[
                ChartSeries(
                    name=name,
                    values=[cs.value if (cs := p.categories.get(c.id)) else None for c in cats],
                )
                for name, p in zip(names, profiles, strict=True)
            ],
            note="Each model's average over its own benchmarks.",
        )
    return Chart(
        kind="bars",
        title=title,
        axes=["Overall"],
        series=[
            ChartSeries(name=name, values=[p.overall.value if p.overall else None])
            for name, p in zip(names, profiles, strict=True)
        ],
    )


def _unweighted_rows(ctx: Context, a: str, b: str, limit: int = 8) -> list[list[str]]:
    """Benchmarks outside the method that either model has, shared ones first."""
    sa, sb = ctx.catalog.scores_of(a), ctx.catalog.scores_of(b)
    ids = [
        bid
        for bid in {**sa, **sb}
        if ctx.catalog.benchmark_by_id[bid].weight == 0
        and ctx.catalog.benchmark_by_id[bid].unit == "percent"
    ]
    # Only worth a table when at least one side has no category score to speak for it.
    if ctx.profile(a).categories and ctx.profile(b).categories:
        return []
    ids.sort(key=lambda bid: (not (bid in sa and bid in sb), ctx.bench_name(bid)))
    return [
        [
            ctx.bench_name(bid),
            pct(sa[bid].value) if bid in sa else NO_DATA,
            pct(sb[bid].value) if bid in sb else NO_DATA,
        ]
        for bid in ids[:limit]
    ]


def _category_bench_table(ctx: Context, a: str, b: str, category: str) -> Table:
    sa, sb = ctx.catalog.scores_of(a), ctx.catalog.scores_of(b)
    ids = [bid for bid in {**sa, **sb} if ctx.catalog.benchmark_by_id[bid].category == category]
    ids.sort(
        key=lambda bid: (
            not (bid in sa and bid in sb),
            -ctx.catalog.benchmark_by_id[bid].weight,
            bid,
        )
    )
    rows = []
    for bid in ids:
        bench = ctx.catalog.benchmark_by_id[bid]
        va = sa[bid].value if bid in sa else None
        vb = sb[bid].value if bid in sb else None
        weight = f"{round(bench.weight * 100)}%" if bench.weight else "shown only"
        rows.append(
            [
                bench.name,
                pct(va) if bench.unit == "percent" else num(va),
                pct(vb) if bench.unit == "percent" else num(vb),
                weight,
            ]
        )
    name = ctx.cat_name(category)
    return Table(
        title=f"{name} benchmarks",
        columns=["Benchmark", ctx.model(a).name, ctx.model(b).name, "Weight"],
        rows=rows or [["no benchmarks in this category", NO_DATA, NO_DATA, ""]],
        note="Shared benchmarks first.",
    )


def _quick_verdict(
    ctx: Context,
    a: str,
    b: str,
    wins_a: list[str],
    wins_b: list[str],
    lead: tuple[Profile, Profile] | None,
) -> str | None:
    if lead is None:
        if len(wins_a) == len(wins_b):
            return None
        w_id, l_id = (a, b) if len(wins_a) > len(wins_b) else (b, a)
    else:
        w_id, l_id = lead[0].model.id, lead[1].model.id
    w, l_ = ctx.model(w_id), ctx.model(l_id)
    l_wins = wins_a if l_id == a else wins_b
    reasons = []
    if len(l_wins) == 1:
        reasons.append(f"{CATEGORY_PHRASE[l_wins[0]]} is the priority")
    elif l_wins:
        reasons.append(f"your priority is {fmt.join([CATEGORY_PHRASE[c] for c in l_wins], 'or')}")
    pair = _cheaper(w, l_)
    if pair is not None and pair[0] is l_:
        reasons.append("you want a cheaper token bill")
    if (
        l_.context_window
        and w.context_window
        and fmt.context(l_.context_window) != fmt.context(w.context_window)
        and l_.context_window > w.context_window
    ):
        reasons.append("you need the larger context window")
    if l_.reasoning is True and w.reasoning is False:
        reasons.append("you want the stronger reasoning-first profile")
    if w.reasoning is True and l_.reasoning is False:
        reasons.append("you want to avoid a reasoning model's latency and token spend")
    basis = "the stronger benchmark profile" if lead else "more head-to-head category wins"
    text = f"Pick {w.name} if you want {basis}."
    if reasons:
        text += f" {l_.name} only becomes the better choice if {fmt.join(reasons, 'or')}."
    else:
        text += f" {l_.name} has no edge over it in our data."
    return text


def _caveats(ctx: Context, ids: list[str]) -> list[str]:
    out = []
    for mid in ids:
        p = ctx.profile(mid)
        m = p.model
        if not p.categories:
            out.append(f"{m.name} has no weighted benchmark scores in our data.")
        unranked = [ctx.cat_name(c) for c, s in p.categories.items() if not s.ranked]
        if unranked:
            out.append(
                f"{m.name}'s {fmt.join(unranked)} {'score rests' if len(unranked) == 1 else 'scores rest'} "
                "on saturated or lightly weighted benchmarks only: shown, not ranked."
            )
        vendor = [s for s in ctx.catalog.scores_of(mid).values() if s.self_reported]
        total = len(ctx.catalog.scores_of(mid))
        if total and len(vendor) == total:
            out.append(f"All of {m.name}'s scores are reported by its vendor.")
        richer = _richer_snapshot(ctx, mid)
        if richer is not None:
            other = ctx.model(richer)
            out.append(
                f"{m.name} has {plural(total, 'benchmark score')}; the {other.name} snapshot has "
                f"{len(ctx.catalog.scores_of(richer))}. Name the month (e.g. "
                f"“{other.name.lower().replace('(', '').replace(')', '')}”) to compare that one."
            )
    return out


_SNAPSHOT = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4})\)$")


def _richer_snapshot(ctx: Context, mid: str) -> str | None:
    """An older snapshot of the same model with far more scores, worth pointing to."""
    m = ctx.model(mid)
    base = _SNAPSHOT.sub("", m.name)
    if base == m.name:
        return None
    mine = len(ctx.catalog.scores_of(mid))
    best = max(
        (o for o in ctx.same_name(base) if o != mid),
        key=lambda o: len(ctx.catalog.scores_of(o)),
        default=None,
    )
    if best is None or mine >= 5 or len(ctx.catalog.scores_of(best)) < 3 * max(1, mine):
        return None
    return best


# -- three to five ---------------------------------------------------------------------------


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
        ranked = _rank_by_metric(ctx, ids, metric)
        rows = [
            [
                str(i + 1) if v is not None else "-",
                ctx.model(mid).name,
                _metric_value(ctx.model(mid), metric),
            ]
            for i, (mid, v) in enumerate(ranked)
        ]
        known = [mid for mid, v in ranked if v is not None]
        if known:
            best = ctx.model(known[0])
            ans.headline = f"{best.name} comes first on {METRIC_NAMES[metric]} ({_metric_value(best, metric)})."
        else:
            ans.headline = f"None of them has {METRIC_NAMES[metric]} data: no data."
        missing = [ctx.model(mid).name for mid, v in ranked if v is None]
        if missing and known:
            ans.headline += f" No data for {fmt.join(missing)}."
        ans.blocks.append(
            Table(
                title=f"By {METRIC_NAMES[metric]}",
                columns=["#", "Model", METRIC_NAMES[metric].capitalize()],
                rows=rows,
            )
        )
        ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in ranked]
    else:
        scored = []
        for mid in ids:
            p = ctx.profile(mid)
            if category:
                cs = p.categories.get(category)
                scored.append(
                    (
                        mid,
                        cs.value if cs else None,
                        len(cs.parts) if cs else 0,
                        _bench_list(ctx, cs) if cs else NO_DATA,
                    )
                )
            else:
                scored.append(
                    (
                        mid,
                        p.overall.value if p.overall else None,
                        p.overall.benchmarks if p.overall else p.weighted_benchmarks,
                        fmt.join([ctx.cat_name(c) for c in p.overall.categories])
                        if p.overall
                        else "too little coverage",
                    )
                )
        scored.sort(key=lambda x: (x[1] is None, -(x[1] or 0)))
        label = ctx.cat_name(category) if category else "Overall"
        rows = []
        rank = 0
        for mid, v, n, _basis in scored:
            rank = rank + 1 if v is not None else rank
            rows.append(
                [
                    str(rank) if v is not None else "-",
                    ctx.model(mid).name,
                    num(v),
                    plural(n, "benchmark"),
                    fmt.price(ctx.model(mid)),
                    fmt.context(ctx.model(mid).context_window),
                ]
            )
        ans.blocks.append(
            Table(
                title=f"Ranked by {label.lower() if category else 'overall score'}",
                columns=["#", "Model", label, "Rests on", "Price in / out", "Context"],
                rows=rows,
            )
        )
        top = [x for x in scored if x[1] is not None]
        if top:
            lead = f"{ctx.model(top[0][0]).name} leads" + (
                f" for {CATEGORY_PHRASE[category]}" if category else " overall"
            )
            lead += f" with {num(top[0][1])}"
            if len(top) > 1:
                lead += f", ahead of {ctx.model(top[1][0]).name} ({num(top[1][1])})"
            ans.headline = lead + "."
        else:
            ans.headline = f"None of them has {_a(label.lower()) + ' score' if category else 'an overall score'} in our data."
        missing = [ctx.model(mid).name for mid, v, _, _ in scored if v is None]
        if missing and top:
            ans.caveats.append(
                f"No {label.lower() if category else 'overall'} score for {fmt.join(missing)}: not ranked, not counted as zero."
            )
        if category and len(top) > 1:
            sets = [set(ctx.profile(mid).categories[category].benchmarks) for mid, *_ in top]
            if not set.intersection(*sets):
                ans.caveats.append(
                    "These scores rest on different benchmarks, so the ranking is indicative, not head to head."
                )
        ans.data["ranking"] = [
            {"model": mid, "value": v, "benchmarks": n} for mid, v, n, _ in scored
        ]
    ans.blocks.append(Facts(title="Operational", columns=names, rows=_ops_rows(ctx, ids)))
    ans.caveats += _caveats(ctx, ids)
    if not metric:
        title = "Category averages" if len(ids) <= 3 else "Overall score"
        ans.chart = _category_chart(ctx, ids, title)
    return ans


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _metric_key(m: Model, metric: str) -> float | None:
    if metric == "price":
        return m.output_price
    if metric == "speed":
        return None if m.output_speed is None else -m.output_speed
    if metric == "latency":
        return m.ttft
    return None if not m.context_window else -m.context_window


def _metric_value(m: Model, metric: str) -> str:
    return {
        "price": fmt.price(m),
        "speed": fmt.speed(m),
        "latency": fmt.latency(m),
        "context": fmt.context(m.context_window),
    }[metric]


def _rank_by_metric(ctx: Context, ids: list[str], metric: str) -> list[tuple[str, float | None]]:
    vals = [(mid, _metric_key(ctx.model(mid), metric)) for mid in ids]
    vals.sort(
        key=lambda kv: (kv[1] is None, kv[1] if kv[1] is not None else 0, ctx.model(kv[0]).name)
    )
    return vals


# -- one model -----------------------------------------------------------------------------------


def profile(
    ctx: Context, mid: str, category: str | None = None, metric: str | None = None
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
    if p.overall:
        rank = sb.overall_rank(mid)
        where = f", #{rank[0]} of {rank[1]} ranked models" if rank else ""
        ans.headline = (
            f"{m.name} ({m.creator}) scores {num(p.overall.value, 0)} overall{where}, from "
            f"{plural(p.overall.benchmarks, 'benchmark')} in {plural(len(p.overall.categories), 'category', 'categories')}."
        )
    elif p.categories:
        ans.headline = (
            f"{m.name} ({m.creator}) has scores in {plural(len(p.categories), 'category', 'categories')}, "
            "too few current benchmarks for an overall score."
        )
    else:
        ans.headline = f"{m.name} ({m.creator}) has no weighted benchmark scores in our data yet."
    if metric:
        value = _metric_value(m, metric)
        ans.headline = (
            f"{m.name}'s {METRIC_NAMES[metric]}: {value}."
            + ("" if value != NO_DATA else " Our sources don't publish it.")
            + " "
            + ans.headline
        )
    if category:
        cs = p.categories.get(category)
        if cs:
            r = sb.category_rank(mid, category)
            ans.headline = (
                f"{m.name} scores {num(cs.value)} for {CATEGORY_PHRASE[category]}"
                + (
                    f" (#{r[0]} of {r[1]})"
                    if r
                    else " (not ranked: too little weight on current benchmarks)"
                )
                + f", from {_bench_list(ctx, cs)}. "
                + ans.headline
            )
        else:
            ans.headline = (
                f"{m.name} has no {ctx.cat_name(category).lower()} score in our data. "
                + ans.headline
            )
    rows = []
    for cat in ctx.catalog.categories:
        cs = p.categories.get(cat.id)
        if cs is None:
            continue
        r = sb.category_rank(mid, cat.id)
        rows.append(
            [
                cat.name,
                num(cs.value),
                f"#{r[0]} of {r[1]}" if r else "not ranked",
                _bench_list(ctx, cs),
            ]
        )
    if rows:
        ans.blocks.append(
            Table(
                title="By category", columns=["Category", "Score", "Rank", "Benchmarks"], rows=rows
            )
        )
    scores = sorted(
        (
            s
            for s in ctx.catalog.scores_of(mid).values()
            if ctx.catalog.benchmark_by_id[s.benchmark].unit == "percent"
        ),
        key=lambda s: -s.value,
    )
    strongest = [f"{ctx.bench_name(s.benchmark)} {pct(s.value)}" for s in scores[:4]]
    if strongest:
        ans.blocks.append(Text(title="Strongest benchmarks", text=", ".join(strongest) + "."))
    ans.blocks.append(Facts(title="Operational", columns=[m.name], rows=_ops_rows(ctx, [mid])))
    ans.data = {
        "overall": p.overall.value if p.overall else None,
        "overall_rank": sb.overall_rank(mid),
        "categories": {c: s.value for c, s in p.categories.items()},
    }
    ans.caveats = _caveats(ctx, [mid])
    return ans


# -- leaderboards -----------------------------------------------------------------------------


def leaderboard(
    ctx: Context, category: str | None, metric: str | None, count: int | None, open_weights: bool
) -> Answer:
    n = min(count or 5, MAX_TOP)
    sb = ctx.scoreboard
    scope = " open-weights" if open_weights else ""
    ans = Answer(intent="leaderboard", category=category, metric=metric)

    def eligible(mid: str) -> bool:
        # "cheapest model for math": by the metric, among models with a ranked math score
        if open_weights and not ctx.model(mid).open_weights:
            return False
        return not (metric and category) or sb.category_rank(mid, category) is not None

    if metric:
        # Walk the order sorted once per catalog; one more than asked tells whether it ran short.
        vals = list(
            itertools.islice(filter(lambda kv: eligible(kv[0]), ctx.by_metric(metric)), n + 1)
        )
        top = vals[:n]
        title = {
            "price": "Cheapest",
            "speed": "Fastest",
            "latency": "Lowest latency",
            "context": "Biggest context",
        }[metric]
        ans.title = f"{title}{scope} models" + (
            f" for {CATEGORY_PHRASE[category]}" if category else ""
        )
        rows = [
            [
                str(i + 1),
                ctx.model(mid).name,
                _metric_value(ctx.model(mid), metric),
                *([num(sb.profiles[mid].categories[category].value)] if category else []),
                ctx.model(mid).creator,
            ]
            for i, (mid, _) in enumerate(top)
        ]
        columns = ["#", "Model", METRIC_NAMES[metric].capitalize()]
        columns += [ctx.cat_name(category)] if category else []
        if rows:
            ans.blocks.append(Table(title=ans.title, columns=[*columns, "Creator"], rows=rows))
        if top:
            first = ctx.model(top[0][0])
            ans.headline = f"{first.name} comes first on {METRIC_NAMES[metric]}: {_metric_value(first, metric)}."
            if metric == "price":
                ans.headline += " Ranked by output price per 1M tokens; models with no published price are left out."
        else:
            ans.headline = f"No{scope} model has {METRIC_NAMES[metric]} data."
        if category:
            ans.caveats.append(
                f"Among the models with a ranked {ctx.cat_name(category).lower()} score."
            )
        if 0 < len(vals) < n:
            ans.caveats.append(
                f"Only {plural(len(vals), 'model')} in our data "
                f"{'has' if len(vals) == 1 else 'have'} {_a(METRIC_NAMES[metric])} figure."
            )
        if metric in ("speed", "latency"):
            ans.caveats.append(
                "The shipped data has no speed or latency figures: the public measurements are "
                "Artificial Analysis's, which may not be redistributed. An operator can turn on "
                "the BenchLM source to show them."
            )
        ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in top]
        ans.model_ids = [mid for mid, _ in top]
        ans.models = [ctx.model(mid).name for mid in ans.model_ids]
        return ans
    top = list(itertools.islice(filter(lambda kv: eligible(kv[0]), sb.ranked_iter(category)), n))
    label = ctx.cat_name(category) if category else "Overall"
    head = f"Top{scope} model" if len(top) == 1 else f"Top {len(top)}{scope} models"
    ans.title = head + (f" for {CATEGORY_PHRASE[category]}" if category else " overall")
    rows = []
    for position, (mid, v) in enumerate(top, start=1):
        p = ctx.profile(mid)
        nb = len(p.categories[category].parts) if category else p.overall.benchmarks
        rank = sb.category_rank(mid, category) if category else sb.overall_rank(mid)
        rows.append(
            [
                # with a filter, the place in this list; else the shared rank (ties share one)
                str(position if open_weights else (rank[0] if rank else position)),
                ctx.model(mid).name,
                num(v),
                plural(nb, "benchmark"),
                fmt.price(ctx.model(mid)),
            ]
        )
    if rows:
        ans.blocks.append(
            Table(
                title=ans.title,
                columns=["#", "Model", label, "Rests on", "Price in / out"],
                rows=rows,
            )
        )
    if top:
        first = ctx.model(top[0][0])
        ans.headline = (
            f"{first.name} leads{scope and ' the' + scope + ' models'}"
            + (f" for {CATEGORY_PHRASE[category]}" if category else " overall")
            + f" with {num(top[0][1])}"
        )
        if len(top) > 1 and num(top[0][1]) == num(top[1][1]):
            ans.headline = (
                f"{first.name} and {ctx.model(top[1][0]).name} share the lead"
                + (f" for {CATEGORY_PHRASE[category]}" if category else " overall")
                + f" with {num(top[0][1])}"
            )
        elif len(top) > 1:
            ans.headline += f", ahead of {ctx.model(top[1][0]).name} ({num(top[1][1])})"
        ans.headline += "."
        if category:
            bases = {
                tuple(sorted(ctx.profile(mid).categories[category].benchmarks)) for mid, _ in top
            }
            if len(bases) > 1:
                ans.caveats.append(
                    "These scores rest on different benchmarks from model to model (see "
                    "“Rests on”), so neighbouring places are not head-to-head results."
                )
    else:
        ans.headline = f"No{scope} model has enough data to rank" + (
            f" for {CATEGORY_PHRASE[category]}." if category else " overall."
        )
    rule = ctx.catalog.meta.overall_rule
    ans.caveats.append(
        "Only scores resting on current benchmarks are ranked"
        + (
            ""
            if category
            else f"; an overall score needs {plural(rule.min_categories, 'category', 'categories')} covering {round(rule.min_weight * 100)}% of the weight"
        )
        + f". {plural(ctx.qualifying(category, open_weights), 'model')} qualify"
        + (" here." if category else ".")
    )
    ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in top]
    ans.model_ids = [mid for mid, _ in top]
    ans.models = [ctx.model(mid).name for mid in ans.model_ids]
    return ans


# -- the rest -----------------------------------------------------------------------------------


def _candidates(ctx: Context, ids: list[str]) -> list[Candidate]:
    out = []
    for mid in ids:
        m = ctx.model(mid)
        p = ctx.profile(mid)
        detail = (
            f"overall {num(p.overall.value, 0)}"
            if p.overall
            else (
                f"{plural(len(p.categories), 'category', 'categories')}"
                if p.categories
                else "no scores yet"
            )
        )
        if m.release_date:
            detail += f", {m.release_date:%b %Y}"
        out.append(Candidate(id=mid, name=m.name, detail=detail))
    return out


def clarify(ctx: Context, query: Query) -> Answer:
    ans = Answer(intent="clarify", category=query.category, metric=query.metric)
    ans.candidates = _candidates(ctx, query.candidates)
    named = [ctx.model(m).name for m in query.models]
    ans.headline = (
        "Which model do you mean? That name covers several"
        + (f" (besides {fmt.join(named)})" if named else "")
        + "."
    )
    ans.blocks.append(Text(text="\n".join(f"• {c.name} ({c.detail})" for c in ans.candidates)))
    ans.model_ids = list(query.models)
    ans.models = named
    ans.data["partial"] = list(query.models)
    return ans


def safe(text: str, limit: int = 60) -> str:
    """Echo a user's words without letting them ping anyone or break formatting."""
    text = text.replace("@", "@\u200b").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def not_found(ctx: Context, query: Query) -> Answer:
    ans = Answer(intent="not_found", category=query.category, metric=query.metric)
    ans.unknown = [safe(u) for u in query.unknown]
    ans.candidates = _candidates(ctx, query.candidates)
    names = fmt.join([f"“{u}”" for u in ans.unknown])
    ans.headline = f"I couldn't find {names} in the catalog."
    known = [ctx.model(m).name for m in query.models]
    if known:
        ans.headline += f" I did find {fmt.join(known)}."
    if ans.candidates:
        ans.blocks.append(
            Text(title="Closest real models", text=", ".join(c.name for c in ans.candidates) + ".")
        )
    ans.model_ids = list(query.models)
    ans.models = known
    return ans


SHOWN_PER_VALUE = 5  # candidates listed per option value: five values' worth fits one message


def options_unresolved(ctx: Context, values: list[tuple[str, str, Resolution]]) -> Answer:
    """Slash-command options, as (option, what was typed, how it resolved), some naming no one
    model: answered as the free-text not_found and clarify answers are, in one reply, but with
    each value named beside its option and followed by its own candidates, and with what the
    other options found."""
    unknown = [(o, safe(t), r) for o, t, r in values if r.model is None and r.problem != "vague"]
    vague = [(o, safe(t), r) for o, t, r in values if r.model is None and r.problem == "vague"]
    found = [(o, r.model) for o, _, r in values if r.model is not None]
    ans = Answer(intent="not_found" if unknown else "clarify")
    ans.unknown = [t for _, t, _ in unknown]
    parts = []
    if unknown:
        parts.append(
            f"I couldn't find {fmt.join([f'“{t}” ({o})' for o, t, _ in unknown])} in the catalog."
        )
    if vague:
        covers = "covers" if len(vague) == 1 else "cover"
        parts.append(f"{fmt.join([f'“{t}” ({o})' for o, t, _ in vague])} {covers} several models.")
    if found:
        parts.append(f"I did find {fmt.join([f'{ctx.model(m).name} ({o})' for o, m in found])}.")
    ans.headline = " ".join(parts)
    for _, t, r in [*unknown, *vague]:
        names = ", ".join(ctx.model(m).name for m in r.suggestions[:SHOWN_PER_VALUE])
        if not names:
            continue
        lead = (
            f"Closest real models to “{t}”:"
            if r.problem != "vague"
            else f"Which “{t}” do you mean?"
        )
        ans.blocks.append(Text(text=f"{lead} {names}."))
    ans.candidates = _candidates(
        ctx, list(dict.fromkeys(m for _, _, r in [*unknown, *vague] for m in r.suggestions))
    )
    ans.model_ids = [m for _, m in found]
    ans.models = [ctx.model(m).name for m in ans.model_ids]
    return ans


HELP_TEXT = (
    "Ask me about AI language models in plain words, for example:\n"
    "• `gemma 4 12b vs gpt-4.1` (a head-to-head: verdict, categories, price, context)\n"
    "• `which is better for coding, claude sonnet 4 or gpt-4.1?`\n"
    "• `tell me about o3` (one model's scores and ranks)\n"
    "• `best model for math`, `top 10 open weights models`, `cheapest model`\n"
    "• `gpt-5 vs gemini 2.5 pro vs claude opus 4.1` (up to five models)\n"
    "Categories: coding, knowledge, math, reasoning, multimodal, agentic, instruction following, "
    "multilingual. Metrics: price, speed, latency, context."
)


def help_answer(ctx: Context) -> Answer:
    c = ctx.catalog
    return Answer(
        intent="help",
        title="How to use me",
        headline=f"I compare {len(c.models)} AI models ({ctx.scoreboard.models_with_scores} of them "
        f"with benchmark scores, {len(c.scores):,} scores in all).",
        blocks=[Text(text=HELP_TEXT)],
    )
