"""Rankings: the best models (overall or in a category), or the cheapest, fastest, quickest to
answer or biggest context, among those that meet the conditions asked (a maker, a price, open
weights, an input, a release date)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.answers import fmt
from bot.answers.blocks import add, section
from bot.answers.changelog import changes
from bot.answers.claims import MOSTLY_CLAIMS, VENDOR_MARK, score_parts, vendor_share
from bot.answers.context import Context
from bot.answers.figures import OPERATOR_ONLY, READINGS, blended, metric_key, short_price
from bot.answers.fmt import num, plural
from bot.answers.labels import a_, short_names
from bot.answers.model import Answer, Short, Table, Text
from bot.answers.notes import scale_note
from bot.answers.speed import speed_basis
from bot.catalog.method import Part
from bot.catalog.models import Model
from bot.measures import CATEGORIES, MEASURES
from bot.query import MAX_TOP, Filters

__all__ = ["changes", "describe", "kinds", "leaderboard"]  # the change log kept importable here

SHORT_ROWS = 10  # a leaderboard's first message lists this many; the rest are behind a button
MODALITY_WORDS = {"image": "images", "audio": "audio", "video": "video", "pdf": "PDFs"}


class Condition(NamedTuple):
    label: str  # how a model missing it is described: "1M context", "from Google"
    met: Callable[[Model], bool]


def kinds(f: Filters, open_weights: bool = False) -> list[str]:
    """The conditions that say what kind of model: "open-weights", "reasoning"."""
    out = []
    if open_weights:
        out.append("open-weights")
    if f.reasoning is True:
        out.append("reasoning")
    if f.reasoning is False:
        out.append("non-reasoning")
    return out


def describe(f: Filters, open_weights: bool = False) -> list[str]:
    """The other conditions in words: "with at least 1M context", "at most $1 per 1M tokens"."""
    out = []
    if f.maker:
        out.append(f"from {f.maker}")
    if f.min_context:
        out.append(f"with at least {fmt.context(f.min_context)} context")
    if f.max_price is not None:
        out.append(f"at most {fmt.money(f.max_price)} per 1M tokens (3:1 input:output)")
    if f.modality:
        out.append(f"that take {MODALITY_WORDS.get(f.modality, f.modality)}")
    if f.since:
        out.append(f"released since {f.since.day} {f.since:%b %Y}")
    return out


def _checks(f: Filters, open_weights: bool) -> list[Condition]:
    checks: list[Condition] = []
    if open_weights:
        checks.append(Condition("open weights", lambda m: m.open_weights is True))
    if f.reasoning is not None:
        want = f.reasoning
        checks.append(
            Condition("reasoning" if want else "non-reasoning", lambda m: m.reasoning is want)
        )
    if f.maker:
        maker = f.maker
        checks.append(Condition(f"from {maker}", lambda m: m.creator == maker))
    if f.min_context:
        need = f.min_context
        # "1M" is sold as 1,000,000 and 1,048,576 alike: within 5% counts
        checks.append(
            Condition(
                f"{fmt.context(need)} context", lambda m: (m.context_window or 0) >= need * 0.95
            )
        )
    if f.max_price is not None:
        cap = f.max_price
        checks.append(
            Condition(
                f"{fmt.money(cap)} price", lambda m: (b := blended(m)) is not None and b <= cap
            )
        )
    if f.modality:
        mod = f.modality
        checks.append(Condition(f"{mod} input", lambda m: mod in m.input_modalities))
    if f.since:
        since = f.since
        checks.append(
            Condition(
                f"released since {since:%b %Y}",
                lambda m: m.release_date is not None and m.release_date >= since,
            )
        )
    return checks


def _miss(m: Model, label: str) -> str:
    """How a nearest model misses one condition, in a few words."""
    if "context" in label:
        return f"{fmt.context(m.context_window)} context"
    if "price" in label:
        b = blended(m)
        return f"{fmt.money(b)} per 1M" if b is not None else "no published price"
    if "released" in label:
        return f"released {m.release_date:%b %Y}" if m.release_date else "release date unknown"
    if "input" in label:
        return "takes " + (", ".join(m.input_modalities) or "text") + " only"
    if label == "open weights":
        return "not open-weights"
    if "reasoning" in label:
        return "a reasoning model" if m.reasoning else "not a reasoning model"
    return f"from {m.creator}"


@dataclass(frozen=True)
class Board:
    """What a ranking is over and how its figures read: by a measure (cheapest, fastest, ...) or
    by score (overall, or a category's), among the models that meet the conditions."""

    ctx: Context
    category: str | None
    metric: str | None
    n: int  # places asked for
    kind: str  # the conditions that say what kind of model: "open-weights reasoning"
    conds: list[str]  # the others, in words: "with at least 1M context"
    scope: str  # ...as they follow a noun: " with at least 1M context"
    noun: str  # "open-weights models"
    checks: list[Condition]
    base: list[tuple[str, float]]  # every model with a figure, best first
    title: str
    # Asked of model after model, so plain functions made once per board:
    ok: Callable[[str], bool]  # whether a model meets every condition
    shown: Callable[[str, float], str]  # a model's figure as the table writes it


def _meets(ctx: Context, checks: list[Condition]) -> Callable[[str], bool]:
    def ok(mid: str) -> bool:
        m = ctx.model(mid)
        return all(check(m) for _, check in checks)

    return ok


def _figure(ctx: Context, category: str | None, metric: str | None) -> Callable[[str, float], str]:
    """The measure's figure, or a score (a category's to a tenth, an overall score in whole
    points, as everywhere)."""
    if metric:
        reading = READINGS[metric].cell

        def shown(mid: str, v: float) -> str:
            return reading(ctx.model(mid))

        return shown
    digits = 1 if category else 0

    def score(mid: str, v: float) -> str:
        return num(v, digits)

    return score


def leaderboard(
    ctx: Context,
    category: str | None,
    metric: str | None,
    count: int | None,
    open_weights: bool,
    filters: Filters | None = None,
) -> Answer:
    """The top `count` (five unless said) by the measure or score asked, among the models that
    meet the conditions; when none does, the nearest one that misses a single condition."""
    f = filters or Filters()
    ans = Answer(intent="leaderboard", category=category, metric=metric)
    if metric in OPERATOR_ONLY and not ctx.has_metric(metric):
        return _unpublished(ans, metric)
    board = _board(ctx, category, metric, min(count or 5, MAX_TOP), f, open_weights)
    ans.title = board.title
    top, free, base = _placed(board)
    ans.model_ids = [mid for mid, _ in top]
    ans.models = [ctx.model(mid).name for mid in ans.model_ids]
    ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in top]
    ans.data["filters"] = {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in f.active().items()
    }
    if not top:
        ans.headline = _none_meet(ctx, board, base)
        ans.short = Short(lead=ans.headline)
        return ans
    ans.headline = _measure_lead(board, top, free) if metric else _score_lead(board, top)
    names = short_names([ctx.model(mid).name for mid, _ in top], 20)
    parts_of = {mid: score_parts(ctx, mid, category) for mid, _ in top} if not metric else {}
    # a score resting mostly on claims (its maker's, or a rival's launch post) rather than on
    # independent measurements is marked; a price is no claim of that kind
    marks = [
        VENDOR_MARK if not metric and vendor_share(parts_of[mid]) > 0.5 else "" for mid, _ in top
    ]
    rows = [
        [str(i), name, board.shown(mid, v) + mark]
        for i, ((mid, v), name, mark) in enumerate(zip(top, names, marks, strict=True), start=1)
    ]
    ans.short = _short_form(ctx, board, ans.headline, rows, any(marks), len(top), f)
    blocks = [add(ans, _full_table(ctx, board, rows, top, parts_of))]
    how = _how_ranked(ctx, board, top, bool(free), open_weights)
    if how:
        blocks.append(add(ans, Text(title="How this is ranked", text=" ".join(how))))
    section(ans, "list", "Full list", blocks, caveats=True)
    return ans


def _unpublished(ans: Answer, metric: str) -> Answer:
    """Speed or latency asked with no source for it (the shipped data has none)."""
    ans.title = (
        f"{MEASURES[metric].leader} models" if metric == "speed" else MEASURES[metric].leader
    )
    ans.headline = (
        f"None of our sources publishes {MEASURES[metric].phrase}: the public measurements are "
        "Artificial Analysis's, which may not be redistributed. Ask for price or context instead."
    )
    ans.short = Short(lead=ans.headline)
    return ans


def _board(
    ctx: Context, category: str | None, metric: str | None, n: int, f: Filters, open_weights: bool
) -> Board:
    kind = " ".join(kinds(f, open_weights))
    conds = describe(f)
    scope = (" " + " ".join(conds)) if conds else ""
    noun = f"{kind} models" if kind else "models"
    sb = ctx.scoreboard
    base: list[tuple[str, float]]
    if metric:
        base = list(ctx.by_metric(metric))
        if category:  # "cheapest model for math": among models with a ranked math score
            base = [kv for kv in base if sb.category_rank(kv[0], category) is not None]
        title = f"{MEASURES[metric].leader} {noun}{scope}" + (
            f" for {CATEGORIES[category].phrase}" if category else ""
        )
    else:
        base = list(sb.ranked_iter(category))
        head = f"Best {noun}" if n > 1 else f"Best {noun[:-1]}"
        title = f"{head}{scope}" + (
            f" for {CATEGORIES[category].phrase}" if category else " overall"
        )
    checks = _checks(f, open_weights)
    return Board(
        ctx=ctx,
        category=category,
        metric=metric,
        n=n,
        kind=kind,
        conds=conds,
        scope=scope,
        noun=noun,
        checks=checks,
        base=base,
        title=title,
        ok=_meets(ctx, checks),
        shown=_figure(ctx, category, metric),
    )


def _placed(
    board: Board,
) -> tuple[list[tuple[str, float]], list[str], list[tuple[str, float]]]:
    """The top places among the models that meet the conditions; the ones listed free; and
    what the places were picked from."""
    base, ok = board.base, board.ok
    free: list[str] = []
    if board.metric == "price":
        # A $0 listing is a free tier, not the cheapest price anyone pays at scale: named, not
        # ranked as a tie at the top (unless nothing priced meets the conditions).
        # (Cheapest first, so the $0 listings lead: only they and the top priced are checked.)
        zero = sum(1 for _ in itertools.takewhile(lambda kv: kv[1] == 0, base))
        if any(ok(mid) for mid, _ in base[zero:]):
            free = [mid for mid, _ in base[:zero] if ok(mid)]
            base = base[zero:]
    top = list(itertools.islice(filter(lambda kv: ok(kv[0]), base), board.n))
    return top, free, base


def _none_meet(ctx: Context, board: Board, base: list[tuple[str, float]]) -> str:
    category, metric, kind, conds = board.category, board.metric, board.kind, board.conds
    nearest = _nearest(ctx, base, board.checks)
    headline = (
        f"No {kind + ' ' if kind else ''}model{' ' + ' '.join(conds) if conds else ''} has "
        + (
            f"{a_(ctx.cat_name(category).lower())} score to rank."
            if category and not metric
            else (f"{a_(MEASURES[metric].phrase)} figure." if metric else "enough data to rank.")
        )
    )
    if nearest is not None:
        mid, label_missed = nearest
        m = ctx.model(mid)
        headline += f" Nearest: **{m.name}**, which meets the rest ({_miss(m, label_missed)})."
    return headline


def _measure_lead(board: Board, top: list[tuple[str, float]], free: list[str]) -> str:
    """ "**X** is the cheapest model: $0.1 / $0.4 per 1M input / output tokens, then Y (...)." """
    ctx, metric = board.ctx, board.metric
    assert metric is not None
    first = ctx.model(top[0][0])
    one = f"{board.kind} model" if board.kind else "model"
    paid = " paid" if free else ""
    word = MEASURES[metric].leader
    lead = (
        f"**{first.name}** is the {word.lower()}{paid} {one}{board.scope}: {board.shown(*top[0])}"
    )
    if metric == "price" and blended(first) != 0:
        lead += " per 1M input / output tokens"
    if len(top) > 1:
        lead += f", then {ctx.model(top[1][0]).name} ({board.shown(*top[1])})"
    lead += "."
    if free:
        names_free = [ctx.model(m).name for m in free]
        shown_free = fmt.join(
            names_free[:4] + ([f"{len(names_free) - 4} more"] if len(names_free) > 4 else [])
        )
        lead += f" Listed free by their makers: {shown_free}."
    return lead


def _score_lead(board: Board, top: list[tuple[str, float]]) -> str:
    """ "**X** leads for coding with 71.2, ahead of Y (70.5)."; a tie shares the lead."""
    ctx, category = board.ctx, board.category
    first = ctx.model(top[0][0])
    where = f" for {CATEGORIES[category].phrase}" if category else " overall"
    among = f" the {board.noun}{board.scope}" if (board.kind or board.conds) else ""
    if len(top) > 1 and board.shown(*top[0]) == board.shown(*top[1]):
        return f"**{first.name}** and **{ctx.model(top[1][0]).name}** share the lead{among}{where} with {board.shown(*top[0])}."
    lead = f"**{first.name}** leads{among}{where} with {board.shown(*top[0])}"
    if len(top) > 1:
        lead += f", ahead of {ctx.model(top[1][0]).name} ({board.shown(*top[1])})"
    return lead + "."


def _head(board: Board) -> str:
    """The figure's column head: the measure's, or the score's."""
    if board.metric:
        return MEASURES[board.metric].column
    return f"{CATEGORIES[board.category].short if board.category else 'Overall'} score"


def _short_form(
    ctx: Context,
    board: Board,
    lead: str,
    rows: list[list[str]],
    marked: bool,
    placed: int,
    f: Filters,
) -> Short:
    notes = []
    if marked:
        notes.append(MOSTLY_CLAIMS)
    if board.category and not board.metric:
        notes.append(scale_note(ctx, board.category))
    if placed < board.n and board.metric in OPERATOR_ONLY and not board.checks:
        notes.append(f"Only {plural(placed, 'model')} measured so far.")
    elif placed < board.n:
        notes.append(f"Only {plural(placed, 'model')} {'meets' if placed == 1 else 'meet'} that.")
    if f.since and (stale := ctx.staleness()):
        notes.append(stale)
    if board.metric in OPERATOR_ONLY and (basis := speed_basis(ctx)):
        notes.append(basis + ".")
    return Short(
        lead=lead,
        columns=["#", "Model", _head(board)],
        rows=rows[:SHORT_ROWS],
        note=" ".join(notes) or None,
    )


def _full_table(
    ctx: Context,
    board: Board,
    rows: list[list[str]],
    top: list[tuple[str, float]],
    parts_of: dict[str, tuple[Part, ...]],
) -> Table:
    """Every place, with price (or context, for a price ranking), and for a score how many of
    the benchmarks behind it were measured independently."""
    metric = board.metric
    table_rows: list[list[str]] = []
    for (place, name, value), (mid, _) in zip(rows, top, strict=True):
        m = ctx.model(mid)
        if metric:
            extra = fmt.context(m.context_window) if metric == "price" else short_price(m)
            table_rows.append([place, name, value, extra])
        else:
            parts = parts_of[mid]
            measured = sum(x.independent for x in parts)
            table_rows.append([place, name, value, f"{measured} of {len(parts)}", short_price(m)])
    if metric:
        columns = ["#", "Model", _head(board), "Context" if metric == "price" else "Price in/out"]
    else:
        columns = ["#", "Model", _head(board), "Measured", "Price in/out"]
    return Table(
        title=board.title,
        columns=columns,
        rows=table_rows,
        note=None
        if metric
        else "Measured: of the benchmarks each score rests on, how many someone other "
        "than its maker ran.",
        keys=2,
    )


def _how_ranked(
    ctx: Context, board: Board, top: list[tuple[str, float]], free: bool, open_weights: bool
) -> list[str]:
    category, metric = board.category, board.metric
    how = []
    if not metric:
        how += _score_method(ctx, category, top, open_weights)
    elif metric == "price":
        how.append(
            "Ranked by price per 1M tokens at 3 input tokens to 1 output; models with no published "
            "price are left out, and a price of 0 from a reseller or a self-hosting listing is not "
            "counted as free."
            + (
                " Models their makers list at $0 (a free tier) are named above the list rather "
                "than ranked as ties at the top."
                if free
                else ""
            )
        )
    if category and metric:
        how.append(f"Among the models with a ranked {ctx.cat_name(category).lower()} score.")
    if metric in OPERATOR_ONLY:
        how.append(_speed_method(ctx, metric))
    return how


def _speed_method(ctx: Context, metric: str) -> str:
    """Where a speed or latency ranking's figures come from, and which models it leaves out."""
    basis = speed_basis(ctx)
    if basis is None:
        return (
            f"{MEASURES[metric].phrase.capitalize()} figures come from the BenchLM export the "
            "operator turned on (Artificial Analysis measurements), not from the shipped data."
        )
    group = ctx.speed_group() or frozenset()
    others = sum(
        1 for m in ctx.catalog.models if metric_key(m, metric) is not None and m.id not in group
    )
    return (
        basis + ". Only models measured under the same conditions (endpoint and prompt) are "
        "ranked together"
        + (
            f"; {plural(others, 'model')} with figures measured elsewhere "
            f"{'is' if others == 1 else 'are'} left out."
            if others
            else "."
        )
    )


def _score_method(
    ctx: Context, category: str | None, top: list[tuple[str, float]], open_weights: bool
) -> list[str]:
    """How a score ranks: adjusted for difficulty, what an overall score needs, how many
    qualify; and, for a category, whether the places rest on different benchmarks."""
    rule = ctx.catalog.meta.overall_rule
    how = [
        "Ranked by "
        + (f"{ctx.cat_name(category).lower()} score" if category else "overall score")
        + ", each benchmark adjusted for how hard it is; only scores resting on current "
        "benchmarks rank"
        + (
            ""
            if category
            else f", and an overall score needs {plural(rule.min_categories, 'category', 'categories')}, "
            f"{round(rule.min_weight * 100)}% of the weight and {rule.ranked_min_benchmarks} "
            f"benchmarks ({rule.ranked_min_independent} if measured independently)"
        )
        + ". A score with at least one independent measurement ranks before one resting on "
        f"claims alone. {plural(ctx.qualifying(category, open_weights), 'model')} qualify."
    ]
    if category:
        bases = {tuple(sorted(ctx.profile(mid).categories[category].benchmarks)) for mid, _ in top}
        if len(bases) > 1:
            how.append(
                "These scores rest on different benchmarks from model to model (the "
                "“Measured” column counts them), so neighbouring places are not "
                "head-to-head results."
            )
    return how


def _nearest(
    ctx: Context, base: list[tuple[str, Any]], checks: list[Condition]
) -> tuple[str, str] | None:
    """The model closest to meeting the conditions: of those that miss exactly one, the one that
    misses it by least (the biggest context short of the one asked, the cheapest above the price
    asked, the newest before the date asked), else the best placed."""
    misses: dict[str, list[str]] = {}
    for mid, _ in base:
        m = ctx.model(mid)
        failed = [label for label, check in checks if not check(m)]
        if len(failed) == 1:
            misses.setdefault(failed[0], []).append(mid)
    if not misses:
        return None
    label, ids = next(iter(misses.items()))

    def price_of(m: Model) -> float:
        p = blended(m)
        return float("inf") if p is None else p

    closeness: dict[str, Callable[[Model], float]] = {
        "context": lambda m: -(m.context_window or 0),
        "price": price_of,
        "released": lambda m: -(m.release_date.toordinal() if m.release_date else 0),
    }
    for word, key in closeness.items():
        if word in label:
            ids = sorted(ids, key=lambda mid: key(ctx.model(mid)))
            break
    return ids[0], label
