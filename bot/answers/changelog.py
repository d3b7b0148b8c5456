"""The change log ("what's new?", "did gpt-5.5 get cheaper?"): what changed in the data over a
span, the most important kinds first."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.answers import fmt
from bot.answers.blocks import add, section
from bot.answers.context import Context
from bot.answers.fmt import plural
from bot.answers.model import Answer, Short, Table


@dataclass(frozen=True, slots=True)
class ChangeKind:
    label: str  # a table's word for it: "New leaders"
    one: str  # counted: "1 new leader", "2 new leaders"
    many: str


# The kinds of change the log records, the most important first.
CHANGE_KINDS: dict[str, ChangeKind] = {
    "leader": ChangeKind("New leaders", "new leader", "new leaders"),
    "new_model": ChangeKind("New models", "new model", "new models"),
    "price": ChangeKind("Prices", "price change", "price changes"),
    "score": ChangeKind("Scores", "score change", "score changes"),
    "speed": ChangeKind("Speed", "speed change", "speed changes"),
    "context": ChangeKind("Context windows", "context change", "context changes"),
    "removed_model": ChangeKind("Removed", "removed model", "removed models"),
    "top10": ChangeKind("Top-10 moves", "top-10 move", "top-10 moves"),
}
KIND_ORDER = tuple(CHANGE_KINDS)
SHOWN_CHANGES = 8  # in the first message; the rest behind a button
TABLE_ROWS = 60  # on the "All changes" page


def changes(
    ctx: Context,
    since_days: int | None,
    kind: str | None,
    models: list[str],
    now: dt.datetime | None = None,
) -> Answer:
    """The changes of the last `since_days` days (a week unless said), of one kind or all, for
    the models named or all; when there are none, what is newest in the data instead."""
    now = now or ctx.now()
    stale = ctx.staleness()
    days = since_days or 7
    start = now - dt.timedelta(days=days)
    span = {1: "today", 7: "this week", 30: "this month"}.get(
        days, f"in the last {plural(days, 'day')}"
    )
    rows = _logged(ctx, start, kind, models)
    names = fmt.join([ctx.model(m).name for m in models]) if models else ""
    ans = Answer(intent="changes", title="What changed" + (f" for {names}" if names else ""))
    ans.model_ids = list(models)
    ans.models = [ctx.model(m).name for m in models]
    ans.data["since"] = start.isoformat()
    ans.data["changes"] = [{k: c.get(k) for k in ("at", "kind", "key", "text")} for c in rows]
    if not rows:
        ans.headline = _nothing_changed(ctx, kind, models, names, span, stale)
        ans.short = Short(lead=ans.headline)
        return ans
    order = _most_important_first(rows)
    ans.headline = _summary(rows, span, names, stale)
    shown = order[:SHOWN_CHANGES]
    lines = "\n".join(f"• {_day(c)} · {_plain(c['text'])}" for c in shown)
    ans.short = Short(
        lead=f"{ans.headline}\n{lines}",
        note=f"{len(rows) - len(shown)} more behind “All changes”."
        if len(rows) > len(shown)
        else None,
    )
    section(ans, "changes", "All changes", [add(ans, _table(order, span))])
    return ans


def _logged(
    ctx: Context, start: dt.datetime, kind: str | None, models: list[str]
) -> list[dict[str, Any]]:
    rows = [c for c in ctx.changes if _when(c) >= start]
    if kind:
        rows = [c for c in rows if c["kind"] == kind]
    if models:
        rows = [c for c in rows if c.get("model_id") in models]
    return rows


def _nothing_changed(
    ctx: Context, kind: str | None, models: list[str], names: str, span: str, stale: str | None
) -> str:
    """No change recorded: said (for a price asked about, with today's prices), with why the
    data may be quiet, and the newest models in it."""
    about = f" for {names}" if names else ""
    if kind == "price" and models:
        lead = (
            f"No price change{about} recorded {span}: "
            + "; ".join(f"{ctx.model(m).name} costs {fmt.price(ctx.model(m))}" for m in models)
            + "."
        )
    else:
        what = CHANGE_KINDS[kind].label.lower() if kind in CHANGE_KINDS else "changes"
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
            + ", ".join(f"{m.name} ({d.day} {d:%b %Y})" for m in newest if (d := m.release_date))
            + "."
        )
    return lead


def _most_important_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Newest first within the most important kinds first."""
    order = sorted(rows, key=lambda c: c["at"], reverse=True)
    return sorted(
        order, key=lambda c: KIND_ORDER.index(c["kind"]) if c["kind"] in KIND_ORDER else 9
    )


def _summary(rows: list[dict[str, Any]], span: str, names: str, stale: str | None) -> str:
    """ "3 changes this week: 1 new leader, 1 new model, 1 price change." """
    counts = Counter(c["kind"] for c in rows)
    summary = ", ".join(
        plural(counts[k], CHANGE_KINDS[k].one, CHANGE_KINDS[k].many)
        for k in KIND_ORDER
        if counts.get(k)
    )
    lead = (
        f"{plural(len(rows), 'change')} {span}"
        + (f" for {names}" if names else "")
        + f": {summary}."
    )
    if stale:
        lead += " " + stale
    return lead


def _table(order: list[dict[str, Any]], span: str) -> Table:
    return Table(
        title=f"Changes {span}, most important first",
        columns=["When", "Kind", "What"],
        rows=[[_day(c), _label(c["kind"]), _plain(c["text"])] for c in order[:TABLE_ROWS]],
        note=f"{len(order) - TABLE_ROWS} older or smaller ones left out."
        if len(order) > TABLE_ROWS
        else None,
    )


def _label(kind: str) -> str:
    known = CHANGE_KINDS.get(kind)
    return known.label if known else kind


def _when(c: dict[str, Any]) -> dt.datetime:
    at = dt.datetime.fromisoformat(str(c["at"]).replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _day(c: dict[str, Any]) -> str:
    return f"{_when(c):%d %b}"


def _plain(text: str) -> str:
    return text.replace("**", "")
