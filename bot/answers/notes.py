"""The notes an answer carries about its models (thin or vendor-only scores, a richer snapshot of
the same model, what a score's scale is) and, for a model with no scores, the nearest ones that
have some."""

from __future__ import annotations

import datetime as dt

from bot.answers import fmt
from bot.answers.claims import vendor_only
from bot.answers.context import Context
from bot.answers.fmt import num, plural
from bot.answers.labels import SNAPSHOT
from bot.catalog.models import Model
from bot.measures import CATEGORIES


def caveats(ctx: Context, ids: list[str]) -> list[str]:
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
        total = len(ctx.catalog.scores_of(mid))
        if vendor_only(ctx, mid):
            out.append(f"All of {m.name}'s scores are reported by its vendor.")
        if p.overall and p.overall.provisional:
            out.append(
                f"{m.name}'s overall score is provisional: it rests on "
                f"{plural(p.overall.benchmarks, 'benchmark')}, too few to rank."
            )
        richer = richer_snapshot(ctx, mid)
        if richer is not None:
            other = ctx.model(richer)
            out.append(
                f"{m.name} has {plural(total, 'benchmark score')}; the {other.name} snapshot has "
                f"{len(ctx.catalog.scores_of(richer))}. Name the month (e.g. "
                f"“{other.name.lower().replace('(', '').replace(')', '')}”) to compare that one."
            )
    return out


def richer_snapshot(ctx: Context, mid: str) -> str | None:
    """An older snapshot of the same model with far more scores, worth pointing to."""
    m = ctx.model(mid)
    base = SNAPSHOT.sub("", m.name)
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


def scale_note(ctx: Context, category: str | None) -> str:
    """What a category (or overall) score is, in one line, so that it is never read as the
    head-to-head figure on shared benchmarks or as a raw percentage."""
    if category is None:
        return (
            "Overall score: the category scores averaged by weight, 0-100; not a head-to-head "
            "result."
        )
    return (
        f"{CATEGORIES[category].short} score: each model over its own "
        f"{ctx.cat_name(category).lower()} benchmarks, each adjusted for how hard it is "
        "(0-100), so not a raw percentage."
    )


def nearest_scored(ctx: Context, mid: str, most: int = 3) -> list[str]:
    """For a model with no benchmark scores, the closest ones that have some: its own line
    first ("Gemma 4 12B" -> the Gemma 4 models with scores), then its family, newest first."""
    m = ctx.model(mid)
    words = SNAPSHOT.sub("", m.name).split()
    by_maker = ctx.once("scored_by_maker", lambda: _scored_by_maker(ctx))
    scored = [o for o in by_maker.get(m.creator, ()) if o.id != mid]
    newest = sorted(scored, key=lambda o: (o.release_date or dt.date.min, o.name), reverse=True)
    out: list[str] = []
    for keep in range(len(words) - 1, 0, -1):
        stem = " ".join(words[:keep]).lower()
        out += [
            o.id
            for o in newest
            if o.id not in out and (o.name.lower() + " ").startswith(stem + " ")
        ]
        if out:
            break
    if not out and m.family:
        out = [o.id for o in newest if o.family == m.family]
    return out[:most]


def closest_scored(ctx: Context, ids: list[str]) -> str:
    """ " Closest models with scores: Gemma 4 31B (52 overall) and Gemma 4 4B."; "" for none."""
    if not ids:
        return ""
    return (
        " Closest models with scores: "
        + fmt.join(
            [
                ctx.model(n).name
                + (
                    f" ({num(o.value, 0)} overall)"
                    if (o := ctx.summary(n).overall) is not None
                    else ""
                )
                for n in ids
            ]
        )
        + "."
    )


def _scored_by_maker(ctx: Context) -> dict[str, list[Model]]:
    by_maker: dict[str, list[Model]] = {}
    for o in ctx.catalog.models:
        if ctx.summary(o.id).categories:  # every model: its summary, not a full profile
            by_maker.setdefault(o.creator, []).append(o)
    return by_maker
