"""Old catalog vs new catalog -> change events, each with a stable key, numbers and a sentence.

Every watched fact has a key ("price:gpt-4.1", "score:o3:gpqa", "leader:coding") and a current
value; a change is a key whose value differs.  The same `describe` words a change between two
snapshots and a change confirmed after several refreshes (its first value to its last), so an alert
always states the net move."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.answers import fmt
from bot.catalog.method import Scoreboard
from bot.speed.figures import MOVE

KINDS = ("new_model", "removed_model", "score", "price", "speed", "context", "leader", "top10")
# Most important first: the order of a digest.
IMPORTANCE = {
    k: i
    for i, k in enumerate(
        ("leader", "new_model", "removed_model", "price", "score", "speed", "context", "top10")
    )
}
TOP = 10


@dataclass(frozen=True)
class Change:
    kind: str
    key: str  # what changed, stable across refreshes: "price:gpt-4.1", "leader:coding"
    text: str
    model_id: str | None = None
    scope: str | None = None  # "overall" or a category id, for leaders and top-10 moves
    old: Any = None
    new: Any = None
    delta: float | None = None

    def sort_key(self) -> tuple:
        return (IMPORTANCE[self.kind], -abs(self.delta or 0), self.key)


def watched(sb: Scoreboard) -> dict[str, Any]:
    """Every watched fact of a catalog by key, as a JSON value, but its scores: they are read
    from the catalog itself (`score:MODEL:BENCHMARK`), half a million of them at 10,000 models."""
    c = sb.catalog
    out: dict[str, Any] = {}
    for m in c.models:
        out[f"model:{m.id}"] = m.name
        out[f"price:{m.id}"] = [m.input_price, m.output_price]
        out[f"context:{m.id}"] = m.context_window
        if m.speed_measurement is not None:
            # the references, not the medians: they move only on a big move (bot/speed/figures.py)
            sm = m.speed_measurement
            out[f"speed:{m.id}"] = [sm.reference_speed, sm.reference_ttft]
    for scope in ("overall", *[cat.id for cat in c.categories]):
        ranked = sb.ranked(None if scope == "overall" else scope)[:TOP]
        out[f"leader:{scope}"] = ranked[0][0] if ranked else None
        for i, (mid, _) in enumerate(ranked, start=1):
            out[f"top10:{scope}:{mid}"] = i
    return out


def current_value(sb: Scoreboard | None, key: str) -> Any:
    if sb is None:
        return None
    if key.startswith("score:"):
        _, model, bench = key.split(":", 2)
        score = sb.catalog.scores_of(model).get(bench)
        return score.value if score is not None else None
    return watched_cache(sb).get(key)


def _moved_scores(old: Scoreboard, new: Scoreboard) -> list[str]:
    """Keys of the scores that moved, came or went, on models both catalogs have (a new or
    removed model's scores are in its one line)."""
    olds, news = old.catalog.scores_by_model, new.catalog.scores_by_model
    out: list[str] = []
    for mid, mine in news.items():
        theirs = olds.get(mid)
        if theirs is None:
            continue
        for bid, sc in mine.items():
            o = theirs.get(bid)
            if o is None or o.value != sc.value:
                out.append(f"score:{mid}:{bid}")
        out += [f"score:{mid}:{bid}" for bid in theirs if bid not in mine]
    return out


_CACHE: list[tuple[Scoreboard, dict[str, Any]]] = []


def watched_cache(sb: Scoreboard) -> dict[str, Any]:
    """`watched(sb)`, kept for the last scoreboard asked for: a refresh diffs the old one (the
    last refresh's new one) against the new one, then reads the new one's values. Only one is
    kept: holding the old one too would keep its whole catalog alive."""
    for board, facts in _CACHE:
        if board is sb:
            return facts
    facts = watched(sb)
    _CACHE[:] = [(sb, facts)]
    return facts


def _name(mid: str | None, *boards: Scoreboard | None) -> str:
    if mid is None:
        return "nobody"
    for sb in boards:
        if sb is not None and mid in sb.catalog.model_by_id:
            return sb.catalog.model_by_id[mid].name
    return mid


def _scope_name(sb: Scoreboard, scope: str) -> str:
    return "overall" if scope == "overall" else f"in {sb.catalog.category_by_id[scope].name}"


def _price(pair: list | None) -> str:
    if not pair or (pair[0] is None and pair[1] is None):
        return fmt.NO_DATA
    a, b = pair
    return f"{fmt.money(a)} / {fmt.money(b)}"


def describe(
    key: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None = None
) -> Change | None:
    """The sentence for one fact moving from `old` to `new`; None when they are the same."""
    if old == new:
        return None
    kind, _, rest = key.partition(":")
    describer = _DESCRIBERS.get(kind)
    return describer(key, rest, old, new, new_sb, old_sb) if describer else None


def _model_change(
    key: str, mid: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change | None:
    if new is not None and old is None:
        m = new_sb.catalog.model_by_id[mid]
        bits = [m.creator]
        if m.input_price is not None or m.output_price is not None:
            bits.append(f"{fmt.price(m)} per 1M tokens")
        if m.context_window:
            bits.append(f"{fmt.context(m.context_window)} context")
        return Change("new_model", key, f"New model: {m.name} ({', '.join(bits)}).", mid, new=new)
    if new is None:
        return Change(
            "removed_model", key, f"Removed: {old} is no longer in the data.", mid, old=old
        )
    return None  # a renamed model is not news


def _price_change(
    key: str, mid: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change:
    name = _name(mid, new_sb, old_sb)
    delta = None
    if old and new and old[1] and new[1] is not None:
        delta = (new[1] - old[1]) / old[1] * 100
    verb = "cut" if delta is not None and delta < 0 else ("raised" if delta else "changed")
    pct = f" ({'+' if delta > 0 else ''}{fmt.num(delta, 0)}% on output)" if delta else ""
    return Change(
        "price",
        key,
        f"Price {verb}: {name} {_price(old)} → {_price(new)} per 1M tokens{pct}.",
        mid,
        old=old,
        new=new,
        delta=delta,
    )


def _context_change(
    key: str, mid: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change:
    return Change(
        "context",
        key,
        f"Context window: {_name(mid, new_sb, old_sb)} {fmt.context(old)} → {fmt.context(new)}.",
        mid,
        old=old,
        new=new,
    )


def _score_change(
    key: str, rest: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change:
    mid, _, bid = rest.partition(":")
    name = _name(mid, new_sb, old_sb)
    bench = new_sb.catalog.benchmark_by_id.get(bid) or (
        old_sb.catalog.benchmark_by_id.get(bid) if old_sb else None
    )
    bname = bench.name if bench else bid
    if old is None:
        text = f"New score: {name} on {bname}: {fmt.num(new)}."
        return Change("score", key, text, mid, old=old, new=new)
    if new is None:
        text = f"Score withdrawn: {name} on {bname} (was {fmt.num(old)})."
        return Change("score", key, text, mid, old=old, new=new)
    delta = new - old
    text = (
        f"Score: {name} on {bname} {fmt.num(old)} → {fmt.num(new)} "
        f"({'+' if delta > 0 else ''}{fmt.num(delta)})."
    )
    return Change("score", key, text, mid, old=old, new=new, delta=delta)


def _leader_change(
    key: str, scope: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change | None:
    if new is None:
        return None
    ranked = new_sb.ranked(None if scope == "overall" else scope)
    score = fmt.num(ranked[0][1]) if ranked else fmt.NO_DATA
    text = (
        f"New #1 {_scope_name(new_sb, scope)}: {_name(new, new_sb)} ({score}), "
        f"taking over from {_name(old, new_sb, old_sb)}."
    )
    return Change("leader", key, text, new, scope, old=old, new=new)


def _top10_change(
    key: str, rest: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change:
    scope, _, mid = rest.partition(":")
    name = _name(mid, new_sb, old_sb)
    where = _scope_name(new_sb, scope)
    if old is None:
        text = f"Into the top {TOP} {where}: {name} at #{new}."
        return Change("top10", key, text, mid, scope, old=old, new=new)
    if new is None:
        text = f"Out of the top {TOP} {where}: {name} (was #{old})."
        return Change("top10", key, text, mid, scope, old=old, new=new)
    text = f"{name} moves #{old} → #{new} {where}."
    return Change("top10", key, text, mid, scope, old=old, new=new, delta=old - new)


def _speed_change(
    key: str, mid: str, old: Any, new: Any, new_sb: Scoreboard, old_sb: Scoreboard | None
) -> Change | None:
    name = _name(mid, new_sb, old_sb)
    m = new_sb.catalog.model_by_id.get(mid)
    sm = m.speed_measurement if m is not None else None
    how = f" (measured by {sm.measured_by} via {sm.provider})" if sm is not None else ""
    if old is None:
        return Change(
            "speed",
            key,
            f"Speed measured: {name} {fmt.num(new[0])} tokens/s, {fmt.num(new[1], 2)} s to the "
            f"first token{how}.",
            mid,
            old=old,
            new=new,
        )
    if new is None:
        return Change(
            "speed",
            key,
            f"Speed figures withdrawn: {name} (was {fmt.num(old[0])} tokens/s).",
            mid,
            old=old,
            new=new,
        )
    if all(abs(n / o - 1) <= MOVE for o, n in zip(old, new, strict=True)):
        # within the same share either way: a change of endpoint or a newer published figure
        # that says the same thing, not news
        return None
    parts = []
    delta = None
    if old[0] != new[0]:
        delta = (new[0] - old[0]) / old[0] * 100
        parts.append(
            f"{fmt.num(old[0])} → {fmt.num(new[0])} tokens/s ({'+' if delta > 0 else ''}"
            f"{fmt.num(delta, 0)}%)"
        )
    if old[1] != new[1]:
        moved = (new[1] - old[1]) / old[1] * 100
        if delta is None:
            delta = -moved  # a slower start reads as a loss, like a slower stream
        parts.append(f"first token {fmt.num(old[1], 2)} → {fmt.num(new[1], 2)} s")
    verb = "faster" if delta is not None and delta > 0 else "slower"
    return Change(
        "speed",
        key,
        f"Speed: {name} is {verb}, {'; '.join(parts)}{how}.",
        mid,
        old=old,
        new=new,
        delta=delta,
    )


def diff(old: Scoreboard, new: Scoreboard) -> list[Change]:
    before, after = watched_cache(old), watched_cache(new)
    added = {k.split(":", 1)[1] for k in after if k.startswith("model:") and k not in before}
    removed = {k.split(":", 1)[1] for k in before if k.startswith("model:") and k not in after}
    # A model that left under one id and came back under another with the same name (a live
    # source's model that the base data has now taken over) is the same model: no news.
    by_name = {before[f"model:{m}"].casefold(): m for m in removed}
    paired: set[str] = set()
    for m in list(added):
        twin = by_name.get(after[f"model:{m}"].casefold())
        if twin is not None:
            added.discard(m)
            removed.discard(twin)
            paired |= {m, twin}
    quiet = added | removed | paired
    out: list[Change] = []
    # Only the facts that moved: at 10,000 models there are half a million facts and a refresh
    # moves a few thousand of them.
    moved = [k for k, v in after.items() if k not in before or before[k] != v]
    moved += [k for k in before.keys() - after.keys()]
    moved += _moved_scores(old, new)
    for key in sorted(moved):
        kind, _, rest = key.partition(":")
        if kind == "model" and rest not in added and rest not in removed:
            continue
        if kind == "top10" and rest.split(":")[1] in paired:
            continue
        if kind in ("price", "context", "score", "speed") and rest.split(":")[0] in quiet:
            continue  # a new or removed model's own facts are in its one line
        if kind == "score":
            was, now = current_value(old, key), current_value(new, key)
        else:
            was, now = before.get(key), after.get(key)
        change = describe(key, was, now, new, old)
        if change is not None:
            out.append(change)
    out.sort(key=Change.sort_key)
    return out


# Each kind of fact, and how a move of it reads (the key's part after the kind is passed on).
_DESCRIBERS: dict[str, Callable[..., Change | None]] = {
    "model": _model_change,
    "price": _price_change,
    "speed": _speed_change,
    "context": _context_change,
    "score": _score_change,
    "leader": _leader_change,
    "top10": _top10_change,
}
