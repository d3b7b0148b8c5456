"""Old catalog vs new catalog -> change events, each with a stable key, numbers and a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.answers import fmt
from bot.catalog.method import Scoreboard

KINDS = ("new_model", "removed_model", "score", "price", "context", "leader", "top10")
# Most important first: the order of a digest.
IMPORTANCE = {
    k: i
    for i, k in enumerate(
        ("leader", "new_model", "removed_model", "price", "score", "context", "top10")
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


def _scope_name(sb: Scoreboard, scope: str) -> str:
    return "overall" if scope == "overall" else f"in {sb.catalog.category_by_id[scope].name}"


def diff(old: Scoreboard, new: Scoreboard) -> list[Change]:
    oc, nc = old.catalog, new.catalog
    out: list[Change] = []
    old_ids, new_ids = set(oc.model_by_id), set(nc.model_by_id)
    for mid in sorted(new_ids - old_ids):
        m = nc.model_by_id[mid]
        bits = [m.creator]
        if m.input_price is not None or m.output_price is not None:
            bits.append(f"{fmt.price(m)} per 1M tokens")
        if m.context_window:
            bits.append(f"{fmt.context(m.context_window)} context")
        out.append(
            Change(
                "new_model",
                f"model:{mid}",
                f"New model: {m.name} ({', '.join(bits)}).",
                mid,
                new=m.name,
            )
        )
    for mid in sorted(old_ids - new_ids):
        m = oc.model_by_id[mid]
        out.append(
            Change(
                "removed_model",
                f"model:{mid}",
                f"Removed: {m.name} is no longer in the data.",
                mid,
                old=m.name,
            )
        )
    for mid in sorted(old_ids & new_ids):
        a, b = oc.model_by_id[mid], nc.model_by_id[mid]
        if (a.input_price, a.output_price) != (b.input_price, b.output_price):
            delta = None
            if a.output_price and b.output_price is not None:
                delta = (b.output_price - a.output_price) / a.output_price * 100
            verb = "cut" if delta is not None and delta < 0 else ("raised" if delta else "changed")
            pct = f" ({'+' if delta > 0 else ''}{fmt.num(delta, 0)}% on output)" if delta else ""
            out.append(
                Change(
                    "price",
                    f"price:{mid}",
                    f"Price {verb}: {b.name} {fmt.price(a)} → {fmt.price(b)} per 1M tokens{pct}.",
                    mid,
                    old=[a.input_price, a.output_price],
                    new=[b.input_price, b.output_price],
                    delta=delta,
                )
            )
        if a.context_window != b.context_window:
            out.append(
                Change(
                    "context",
                    f"context:{mid}",
                    f"Context window: {b.name} {fmt.context(a.context_window)} → {fmt.context(b.context_window)}.",
                    mid,
                    old=a.context_window,
                    new=b.context_window,
                )
            )
        sa, sb_ = oc.scores_of(mid), nc.scores_of(mid)
        for bid in sorted(sa.keys() | sb_.keys()):
            va = sa[bid].value if bid in sa else None
            vb = sb_[bid].value if bid in sb_ else None
            if va == vb:
                continue
            bench = (nc.benchmark_by_id.get(bid) or oc.benchmark_by_id[bid]).name
            if va is None:
                text = f"New score: {b.name} on {bench}: {fmt.num(vb)}."
                delta = None
            elif vb is None:
                text = f"Score withdrawn: {b.name} on {bench} (was {fmt.num(va)})."
                delta = None
            else:
                delta = vb - va
                text = f"Score: {b.name} on {bench} {fmt.num(va)} → {fmt.num(vb)} ({'+' if delta > 0 else ''}{fmt.num(delta)})."
            out.append(
                Change("score", f"score:{mid}:{bid}", text, mid, old=va, new=vb, delta=delta)
            )
    for scope in ("overall", *[c.id for c in nc.categories]):
        cat = None if scope == "overall" else scope
        before = [m for m, _ in old.ranked(cat)[:TOP]]
        after_full = new.ranked(cat)
        after = [m for m, _ in after_full[:TOP]]
        if before[:1] != after[:1] and after:
            leader = nc.model_by_id[after[0]]
            was = oc.model_by_id[before[0]].name if before else "nobody"
            out.append(
                Change(
                    "leader",
                    f"leader:{scope}",
                    f"New #1 {_scope_name(new, scope)}: {leader.name} ({fmt.num(after_full[0][1])}), taking over from {was}.",
                    after[0],
                    scope,
                    old=before[0] if before else None,
                    new=after[0],
                )
            )
        for mid in after:
            rank_new = after.index(mid) + 1
            if mid not in before:
                out.append(
                    Change(
                        "top10",
                        f"top10:{scope}:{mid}",
                        f"Into the top {TOP} {_scope_name(new, scope)}: {nc.model_by_id[mid].name} at #{rank_new}.",
                        mid,
                        scope,
                        old=None,
                        new=rank_new,
                    )
                )
            elif before.index(mid) + 1 != rank_new:
                rank_old = before.index(mid) + 1
                out.append(
                    Change(
                        "top10",
                        f"top10:{scope}:{mid}",
                        f"{nc.model_by_id[mid].name} moves #{rank_old} → #{rank_new} {_scope_name(new, scope)}.",
                        mid,
                        scope,
                        old=rank_old,
                        new=rank_new,
                        delta=rank_old - rank_new,
                    )
                )
        for mid in before:
            if mid not in after:
                name = (nc.model_by_id.get(mid) or oc.model_by_id[mid]).name
                out.append(
                    Change(
                        "top10",
                        f"top10:{scope}:{mid}",
                        f"Out of the top {TOP} {_scope_name(new, scope)}: {name} (was #{before.index(mid) + 1}).",
                        mid,
                        scope,
                        old=before.index(mid) + 1,
                        new=None,
                    )
                )
    out.sort(key=Change.sort_key)
    return out
