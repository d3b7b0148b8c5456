"""Rankings (best, cheapest, fastest, with conditions) and the change log ("what's new?")."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.answers import fmt
from bot.answers.blocks import add, section
from bot.answers.claims import MOSTLY_CLAIMS, VENDOR_MARK, score_parts, vendor_share
from bot.answers.context import Context
from bot.answers.figures import blended, metric_cell, short_price
from bot.answers.fmt import num, plural
from bot.answers.labels import a_, short_names
from bot.answers.model import Answer, Short, Table, Text
from bot.answers.notes import scale_note
from bot.catalog.models import Model
from bot.measures import CATEGORIES, MEASURES
from bot.query import MAX_TOP, Filters

SHORT_ROWS = 10  # a leaderboard's first message lists this many; the rest are behind a button
MODALITY_WORDS = {"image": "images", "audio": "audio", "video": "video", "pdf": "PDFs"}


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


def _checks(f: Filters, open_weights: bool) -> list[tuple[str, Callable[[Model], bool]]]:
    checks: list[tuple[str, Callable[[Model], bool]]] = []
    if open_weights:
        checks.append(("open weights", lambda m: m.open_weights is True))
    if f.reasoning is not None:
        want = f.reasoning
        checks.append(("reasoning" if want else "non-reasoning", lambda m: m.reasoning is want))
    if f.maker:
        maker = f.maker
        checks.append((f"from {maker}", lambda m: m.creator == maker))
    if f.min_context:
        need = f.min_context
        # "1M" is sold as 1,000,000 and 1,048,576 alike: within 5% counts
        checks.append(
            (f"{fmt.context(need)} context", lambda m: (m.context_window or 0) >= need * 0.95)
        )
    if f.max_price is not None:
        cap = f.max_price
        checks.append(
            (f"{fmt.money(cap)} price", lambda m: (b := blended(m)) is not None and b <= cap)
        )
    if f.modality:
        mod = f.modality
        checks.append((f"{mod} input", lambda m: mod in m.input_modalities))
    if f.since:
        since = f.since
        checks.append(
            (
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


def leaderboard(
    ctx: Context,
    category: str | None,
    metric: str | None,
    count: int | None,
    open_weights: bool,
    filters: Filters | None = None,
) -> Answer:
    f = filters or Filters()
    n = min(count or 5, MAX_TOP)
    sb = ctx.scoreboard
    kind = " ".join(kinds(f, open_weights))
    conds = describe(f)
    scope = (" " + " ".join(conds)) if conds else ""
    noun = f"{kind} models" if kind else "models"
    ans = Answer(intent="leaderboard", category=category, metric=metric)
    checks = _checks(f, open_weights)
    if metric in ("speed", "latency") and not ctx.has_metric(metric):
        ans.title = (
            f"{MEASURES[metric].leader} models" if metric == "speed" else MEASURES[metric].leader
        )
        ans.headline = (
            f"None of our sources publishes {MEASURES[metric].phrase}: the public measurements are "
            "Artificial Analysis's, which may not be redistributed. Ask for price or context instead."
        )
        ans.short = Short(lead=ans.headline)
        return ans

    def ok(mid: str) -> bool:
        m = ctx.model(mid)
        return all(check(m) for _, check in checks)

    if metric:
        base: list[tuple[str, float]] = list(ctx.by_metric(metric))
        if category:  # "cheapest model for math": among models with a ranked math score
            base = [kv for kv in base if sb.category_rank(kv[0], category) is not None]

        def shown(mid: str, v: float) -> str:
            return metric_cell(ctx.model(mid), metric)

        label, word = MEASURES[metric].column, MEASURES[metric].leader
        ans.title = f"{word} {noun}{scope}" + (
            f" for {CATEGORIES[category].phrase}" if category else ""
        )
    else:
        base = list(sb.ranked_iter(category))
        digits = 1 if category else 0  # an overall score reads in whole points everywhere

        def shown(mid: str, v: float) -> str:
            return num(v, digits)

        label = ctx.cat_name(category) if category else "Overall"
        head = f"Best {noun}" if n > 1 else f"Best {noun[:-1]}"
        ans.title = f"{head}{scope}" + (
            f" for {CATEGORIES[category].phrase}" if category else " overall"
        )
    free: list[str] = []
    if metric == "price":
        # A $0 listing is a free tier, not the cheapest price anyone pays at scale: named, not
        # ranked as a tie at the top (unless nothing priced meets the conditions).
        # (Cheapest first, so the $0 listings lead: only they and the top priced are checked.)
        zero = sum(1 for _ in itertools.takewhile(lambda kv: kv[1] == 0, base))
        if any(ok(mid) for mid, _ in base[zero:]):
            free = [mid for mid, _ in base[:zero] if ok(mid)]
            base = base[zero:]
    top = list(itertools.islice(filter(lambda kv: ok(kv[0]), base), n))
    ans.model_ids = [mid for mid, _ in top]
    ans.models = [ctx.model(mid).name for mid in ans.model_ids]
    ans.data["ranking"] = [{"model": mid, "value": v} for mid, v in top]
    ans.data["filters"] = {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in f.active().items()
    }

    if not top:
        nearest = _nearest(ctx, base, checks)
        ans.headline = (
            f"No {kind + ' ' if kind else ''}model{' ' + ' '.join(conds) if conds else ''} has "
            + (
                f"{a_(ctx.cat_name(category).lower())} score to rank."
                if category and not metric
                else (
                    f"{a_(MEASURES[metric].phrase)} figure." if metric else "enough data to rank."
                )
            )
        )
        if nearest is not None:
            mid, label_missed = nearest
            m = ctx.model(mid)
            ans.headline += (
                f" Nearest: **{m.name}**, which meets the rest ({_miss(m, label_missed)})."
            )
        ans.short = Short(lead=ans.headline)
        return ans

    first = ctx.model(top[0][0])
    if metric:
        one = f"{kind} model" if kind else "model"
        paid = " paid" if free else ""
        lead = f"**{first.name}** is the {word.lower()}{paid} {one}{scope}: {shown(*top[0])}"
        if metric == "price" and blended(first) != 0:
            lead += " per 1M input / output tokens"
        if len(top) > 1:
            lead += f", then {ctx.model(top[1][0]).name} ({shown(*top[1])})"
        lead += "."
        if free:
            names_free = [ctx.model(m).name for m in free]
            shown_free = fmt.join(
                names_free[:4] + ([f"{len(names_free) - 4} more"] if len(names_free) > 4 else [])
            )
            lead += f" Listed free by their makers: {shown_free}."
    else:
        where = f" for {CATEGORIES[category].phrase}" if category else " overall"
        among = f" the {noun}{scope}" if (kind or conds) else ""
        if len(top) > 1 and shown(*top[0]) == shown(*top[1]):
            lead = f"**{first.name}** and **{ctx.model(top[1][0]).name}** share the lead{among}{where} with {shown(*top[0])}."
        else:
            lead = f"**{first.name}** leads{among}{where} with {shown(*top[0])}"
            if len(top) > 1:
                lead += f", ahead of {ctx.model(top[1][0]).name} ({shown(*top[1])})"
            lead += "."
    ans.headline = lead
    names = short_names([ctx.model(mid).name for mid, _ in top], 20)
    parts_of = {mid: score_parts(ctx, mid, category) for mid, _ in top} if not metric else {}
    # a score resting mostly on claims (its maker's, or a rival's launch post) rather than on
    # independent measurements is marked; a price is no claim of that kind
    marks = [
        VENDOR_MARK if not metric and vendor_share(parts_of[mid]) > 0.5 else "" for mid, _ in top
    ]
    head = label if metric else f"{CATEGORIES[category].short if category else 'Overall'} score"
    rows = []
    for i, ((mid, v), name, mark) in enumerate(zip(top, names, marks, strict=True), start=1):
        rows.append([str(i), name, shown(mid, v) + mark])
    notes = []
    if any(marks):
        notes.append(MOSTLY_CLAIMS)
    if category and not metric:
        notes.append(scale_note(ctx, category))
    if len(top) < n:
        notes.append(
            f"Only {plural(len(top), 'model')} {'meets' if len(top) == 1 else 'meet'} that."
        )
    if f.since and (stale := ctx.staleness()):
        notes.append(stale)
    ans.short = Short(
        lead=lead,
        columns=["#", "Model", head],
        rows=rows[:SHORT_ROWS],
        note=" ".join(notes) or None,
    )

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
        columns = ["#", "Model", label, "Context" if metric == "price" else "Price in/out"]
    else:
        columns = ["#", "Model", head, "Measured", "Price in/out"]
    blocks = [
        add(
            ans,
            Table(
                title=ans.title,
                columns=columns,
                rows=table_rows,
                note=None
                if metric
                else "Measured: of the benchmarks each score rests on, how many someone other "
                "than its maker ran.",
                keys=2,
            ),
        )
    ]
    rule = ctx.catalog.meta.overall_rule
    how = []
    if not metric:
        how.append(
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
        )
        if category:
            bases = {
                tuple(sorted(ctx.profile(mid).categories[category].benchmarks)) for mid, _ in top
            }
            if len(bases) > 1:
                how.append(
                    "These scores rest on different benchmarks from model to model (the "
                    "“Measured” column counts them), so neighbouring places are not "
                    "head-to-head results."
                )
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
    if metric in ("speed", "latency"):
        how.append(
            f"{MEASURES[metric].phrase.capitalize()} figures come from the BenchLM export the operator "
            "turned on (Artificial Analysis measurements), not from the shipped data."
        )
    if how:
        blocks.append(add(ans, Text(title="How this is ranked", text=" ".join(how))))
    section(ans, "list", "Full list", blocks, caveats=True)
    return ans


def _nearest(
    ctx: Context, base: list[tuple[str, Any]], checks: list[tuple[str, Callable[[Model], bool]]]
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


# -- the change log -----------------------------------------------------------------------------

KIND_LABEL = {
    "leader": "New leaders",
    "new_model": "New models",
    "removed_model": "Removed",
    "price": "Prices",
    "score": "Scores",
    "context": "Context windows",
    "top10": "Top-10 moves",
}
KIND_COUNT = {
    "leader": ("new leader", "new leaders"),
    "new_model": ("new model", "new models"),
    "removed_model": ("removed model", "removed models"),
    "price": ("price change", "price changes"),
    "score": ("score change", "score changes"),
    "context": ("context change", "context changes"),
    "top10": ("top-10 move", "top-10 moves"),
}
KIND_ORDER = ("leader", "new_model", "price", "score", "context", "removed_model", "top10")
SHOWN_CHANGES = 8


def changes(
    ctx: Context,
    since_days: int | None,
    kind: str | None,
    models: list[str],
    now: dt.datetime | None = None,
) -> Answer:
    now = now or ctx.now()
    stale = ctx.staleness()
    days = since_days or 7
    start = now - dt.timedelta(days=days)
    span = {1: "today", 7: "this week", 30: "this month"}.get(
        days, f"in the last {plural(days, 'day')}"
    )
    rows = [c for c in ctx.changes if _when(c) >= start]
    if kind:
        rows = [c for c in rows if c["kind"] == kind]
    if models:
        rows = [c for c in rows if c.get("model_id") in models]
    names = fmt.join([ctx.model(m).name for m in models]) if models else ""
    what = KIND_LABEL.get(kind or "", "changes").lower() if kind else "changes"
    ans = Answer(intent="changes", title="What changed" + (f" for {names}" if names else ""))
    ans.model_ids = list(models)
    ans.models = [ctx.model(m).name for m in models]
    ans.data["since"] = start.isoformat()
    ans.data["changes"] = [{k: c.get(k) for k in ("at", "kind", "key", "text")} for c in rows]
    if not rows:
        about = f" for {names}" if names else ""
        if kind == "price" and models:
            lead = (
                f"No price change{about} recorded {span}: "
                + "; ".join(f"{ctx.model(m).name} costs {fmt.price(ctx.model(m))}" for m in models)
                + "."
            )
        else:
            lead = f"No {what}{about} recorded {span}."
        newest = sorted(
            (m for m in ctx.catalog.models if m.release_date),
            key=lambda m: m.release_date or dt.date.min,
            reverse=True,
        )[:3]
        if stale:
            lead += " " + stale
        if not models and newest and kind in (None, "new_model"):
            lead += (
                " Newest models in the data: "
                + ", ".join(
                    f"{m.name} ({d.day} {d:%b %Y})" for m in newest if (d := m.release_date)
                )
                + "."
            )
        ans.headline = lead
        ans.short = Short(lead=lead)
        return ans
    counts = Counter(c["kind"] for c in rows)
    # newest first within the most important kinds first
    order = sorted(rows, key=lambda c: c["at"], reverse=True)
    order = sorted(
        order, key=lambda c: KIND_ORDER.index(c["kind"]) if c["kind"] in KIND_ORDER else 9
    )
    summary = ", ".join(plural(counts[k], *KIND_COUNT[k]) for k in KIND_ORDER if counts.get(k))
    lead = (
        f"{plural(len(rows), 'change')} {span}"
        + (f" for {names}" if names else "")
        + f": {summary}."
    )
    if stale:
        lead += " " + stale
    ans.headline = lead
    shown = order[:SHOWN_CHANGES]
    lines = "\n".join(f"• {_day(c)} · {_plain(c['text'])}" for c in shown)
    ans.short = Short(
        lead=f"{lead}\n{lines}",
        note=f"{len(rows) - len(shown)} more behind “All changes”."
        if len(rows) > len(shown)
        else None,
    )
    blocks = [
        add(
            ans,
            Table(
                title=f"Changes {span}, most important first",
                columns=["When", "Kind", "What"],
                rows=[
                    [_day(c), KIND_LABEL.get(c["kind"], c["kind"]), _plain(c["text"])]
                    for c in order[:60]
                ],
                note=f"{len(order) - 60} older or smaller ones left out."
                if len(order) > 60
                else None,
            ),
        )
    ]
    section(ans, "changes", "All changes", blocks)
    return ans


def _when(c: dict[str, Any]) -> dt.datetime:
    at = dt.datetime.fromisoformat(str(c["at"]).replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _day(c: dict[str, Any]) -> str:
    return f"{_when(c):%d %b}"


def _plain(text: str) -> str:
    return text.replace("**", "")
