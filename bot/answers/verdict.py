"""The sentences of a head to head: the verdict, a category's lead, why an overall leader can
trail on the benchmarks both have, and what is said when a model has no scores at all.

Verdicts are sized to the evidence: "clearly ahead" needs ranked overall scores, a gap of 4 or
more, and the benchmarks both have agreeing by 2 points or more."""

from __future__ import annotations

from bot.answers import fmt
from bot.answers.context import Context
from bot.answers.figures import blended
from bot.answers.fmt import num, plural
from bot.answers.labels import a_
from bot.answers.notes import closest_scored, nearest_scored
from bot.answers.pair import CategoryGap, Shared, bench_value
from bot.catalog.method import Overall, Profile
from bot.catalog.models import Model
from bot.measures import CATEGORIES

CLEAR_GAP = 4  # whole points of overall score for "clearly ahead"
CLEAR_SHARED = 5  # ...with at least this many benchmarks both have, agreeing
CLEAR_SHARED_GAP = 2  # ...and ahead on them by at least this much


def benchmark_names(ctx: Context, ids: tuple[str, ...], most: int = 3) -> str:
    """ " (GPQA, HLE and SimpleQA)" when there are `most` or fewer, else nothing."""
    if len(ids) > most:
        return ""
    return " (" + fmt.join([ctx.bench_name(b) for b in ids]) + ")"


def verdict(ctx: Context, pa: Profile, pb: Profile, h: Shared) -> str:
    """Who is ahead overall and whether the benchmarks both have agree; where either overall
    score is missing or provisional, what is known instead."""
    oa, ob = pa.overall, pb.overall
    if oa is not None and ob is not None and not oa.provisional and not ob.provisional:
        return _ranked(pa, pb, oa, ob, h)
    if h.n:
        return _on_shared(ctx, pa, pb, h)
    return _nothing_shared(pa, pb)


def _ranked(pa: Profile, pb: Profile, oa: Overall, ob: Overall, h: Shared) -> str:
    """Both ranked overall: the overall gap, sized, then what the shared benchmarks say."""
    name_a, name_b = pa.model.name, pb.model.name
    a, b = pa.model.id, pb.model.id
    gap = round(oa.value) - round(ob.value)
    if gap == 0:
        text = f"**{name_a}** and **{name_b}** are level overall at {num(oa.value, 0)}"
        if h.n:
            text += (
                f"; on the {plural(h.n, 'benchmark')} they share, {name_a} wins {h.wins_a} and "
                f"{name_b} {h.wins_b}"
            )
        return text + "."
    w, lo_, hi, low = (pa, pb, oa.value, ob.value) if gap > 0 else (pb, pa, ob.value, oa.value)
    h_lead = h.leader(a, b)
    agree = h.n == 0 or h_lead in (None, w.model.id)
    shared_gap = abs(h.mean_a - h.mean_b) if h.mean_a is not None and h.mean_b is not None else 0.0
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
        text = f"**{w.model.name}** edges {lo_.model.name} overall, {num(hi, 0)} to {num(low, 0)}"
    if h.n == 0:
        return text + ", on different benchmarks: they share none."
    assert h.mean_a is not None and h.mean_b is not None
    hw, hl = (h.mean_a, h.mean_b) if w is pa else (h.mean_b, h.mean_a)
    on = f"on the {plural(h.n, 'benchmark')} they share"
    if h_lead is None:
        return text + f"; {on} they are level, {num(hw)} to {num(hl)}."
    if agree:
        return text + f", and leads {on}, {num(hw)} to {num(hl)}."
    return text + f", but {lo_.model.name} leads {on}, {num(hl)} to {num(hw)}."


def _on_shared(ctx: Context, pa: Profile, pb: Profile, h: Shared) -> str:
    """Not both ranked, but sharing benchmarks: who leads on those, and who has too few."""
    name_a, name_b = pa.model.name, pb.model.name
    a = pa.model.id
    lead = h.leader(a, pb.model.id)
    names = benchmark_names(ctx, h.benchmarks)
    if lead is None:
        text = f"On the {plural(h.n, 'benchmark')} they share{names}, **{name_a}** and **{name_b}** are level"
    else:
        wname, lname = (name_a, name_b) if lead == a else (name_b, name_a)
        ww, wl = (h.wins_a, h.wins_b) if lead == a else (h.wins_b, h.wins_a)
        hv, lv = (h.mean_a, h.mean_b) if lead == a else (h.mean_b, h.mean_a)
        text = (
            f"On the {plural(h.n, 'benchmark')} they share{names}, **{wname}** leads {lname}: "
            f"{num(hv)} to {num(lv)}, {ww} won to {wl}"
        )
    thin = [p.model.name for p in (pa, pb) if p.overall is None or p.overall.provisional]
    if thin:
        text += f". Too few scores for a ranked overall: {fmt.join(thin)}"
    return text + "."


def _nothing_shared(pa: Profile, pb: Profile) -> str:
    """Not both ranked and no benchmark in common: each one's overall score, if any."""
    name_a, name_b = pa.model.name, pb.model.name
    oa, ob = pa.overall, pb.overall
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
        return f"Neither {name_a} nor {name_b} has enough scores for an overall score, and they share no benchmark."
    return f"Neither {name_a} nor {name_b} has benchmark scores in our data yet; price and limits below."


def category_lead(
    ctx: Context, pa: Profile, pb: Profile, gap: CategoryGap | None, category: str
) -> str:
    """Who leads in one category, on the benchmarks both have there; or why that cannot be said
    (neither has it, one has it, they share no benchmark in it)."""
    name_a, name_b = pa.model.name, pb.model.name
    phrase = CATEGORIES[category].phrase
    cname = ctx.cat_name(category).lower()
    if gap is None:
        return f"Neither {name_a} nor {name_b} has {a_(cname)} score in our data."
    if gap.score_a is None or gap.score_b is None:
        return _one_sided_lead(ctx, pa, pb, gap, cname)
    if not gap.comparable:
        return (
            f"For {phrase} they share no benchmark: {name_a} scores {num(gap.score_a)} and "
            f"{name_b} {num(gap.score_b)} on different tests, so this is not a head-to-head result."
        )
    h = gap.head
    names = benchmark_names(ctx, h.benchmarks)
    if gap.winner is None:
        return (
            f"For {phrase}, **{name_a}** and **{name_b}** are level on the "
            f"{plural(h.n, 'benchmark')} they share{names}: {num(h.mean_a)} to {num(h.mean_b)}."
        )
    a_leads = gap.winner == pa.model.id
    w, lo_ = (name_a, name_b) if a_leads else (name_b, name_a)
    hi, low = (h.mean_a, h.mean_b) if a_leads else (h.mean_b, h.mean_a)
    return f"For {phrase}, **{w}** leads {lo_} on the {plural(h.n, 'benchmark')} they share{names}: {num(hi)} to {num(low)}."


def _one_sided_lead(ctx: Context, pa: Profile, pb: Profile, gap: CategoryGap, cname: str) -> str:
    """Only one of the two has a score in the category: its benchmarks' own figures first (the
    category score is on the adjusted scale)."""
    a_has = gap.score_a is not None
    has, hasnt = (pa, pb) if a_has else (pb, pa)
    v = gap.score_a if a_has else gap.score_b
    bench = gap.benchmarks_a if a_has else gap.benchmarks_b
    own = ctx.catalog.scores_of(has.model.id)
    raw = [
        f"{ctx.bench_name(x)} {bench_value(ctx, x, own[x].value)}" for x in bench[:3] if x in own
    ]
    on = fmt.join(raw) if raw else fmt.join([ctx.bench_name(x) for x in bench[:3]])
    return (
        f"Only **{has.model.name}** has {a_(cname)} benchmark: {on} ({cname} score {num(v)}, "
        f"adjusted for difficulty); {hasnt.model.name}: no data."
    )


def why_disagree(ctx: Context, w: Profile, l_: Profile, h: Shared) -> str:
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


def no_scores_lead(ctx: Context, empty: tuple[Model, ...], pa: Profile, pb: Profile) -> str:
    """A pair where one model (or both) has no benchmark score at all: said once, with what is
    known, and where a close model does have scores, that one named."""
    parts = []
    for m in empty:
        known = _known(m)
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
    return text + closest_scored(ctx, near[:3])


def _known(m: Model) -> str:
    """What is known of a model with no scores: "1M context, open weights, released May 2026"."""
    return fmt.join(
        [
            x
            for x in (
                f"{fmt.context(m.context_window)} context" if m.context_window else "",
                "open weights" if m.open_weights else "",
                f"released {m.release_date:%b %Y}" if m.release_date else "",
                f"{fmt.price(m)} per 1M input / output tokens" if blended(m) is not None else "",
            )
            if x
        ]
    )
