"""What every answer reads from: the scoreboard, the change log, and the pieces answers share
(names that fit a phone, prices, caveats, the footer)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from bot.answers import fmt
from bot.answers.fmt import NO_DATA, num, plural
from bot.answers.model import Answer, Block, Candidate, Section
from bot.catalog.method import Profile, Scoreboard
from bot.catalog.models import Catalog, Model
from bot.catalog.stats import newest_score_date

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
# Category names that fit a phone-width table's label column.
CATEGORY_SHORT = {
    "agentic": "Agentic",
    "coding": "Coding",
    "reasoning": "Reasoning",
    "multimodal": "Multimodal",
    "knowledge": "Knowledge",
    "multilingual": "Multilingual",
    "instruction_following": "Instructions",
    "math": "Math",
}
VENDOR_MARK = "†"  # beside a score that rests on its vendor's claims alone
# How the footer names each source (the full credit lines are in /about and data/README.md).
CREDIT = {
    "epoch-ai": "Epoch AI",
    "livebench": "LiveBench",
    "vectara": "Vectara",
    "tau2-bench": "tau2-bench",
    "aider": "Aider",
    "llm-stats": "LLM Stats",
    "models.dev": "models.dev",
    "models.dev-live": "models.dev",
    "benchlm-live": "BenchLM",
}


@dataclass(frozen=True)
class Context:
    scoreboard: Scoreboard
    loaded_at: str | None = None
    # The change log, newest first: dicts as the store lists them (at, kind, key, model_id,
    # scope, old, new, delta, text).
    changes: tuple[dict[str, Any], ...] = ()
    # Per-catalog orders and counts, filled on first use (the context lives as long as its data).
    _metric_orders: dict[str, list[tuple[str, float]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _names: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

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
            vals = [(m.id, metric_key(m, metric), m.name) for m in self.catalog.models]
            order = [
                (mid, v)
                for mid, v, _ in sorted(
                    (t for t in vals if t[1] is not None), key=lambda t: (t[1], t[2])
                )
            ]
            self._metric_orders[metric] = order
        return order

    def same_name(self, base: str) -> list[str]:
        """Every model whose name, less a snapshot month, is `base` ("GPT-4o (May 2024)")."""
        if not self._names:
            for m in self.catalog.models:
                self._names.setdefault(SNAPSHOT.sub("", m.name), []).append(m.id)
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

    def has_metric(self, metric: str) -> bool:
        """Whether any model has a figure for `metric` (no speed data: no speed question)."""
        return bool(self.by_metric(metric))

    def newest_score(self) -> dt.date | None:
        if "newest" not in self._memo:
            self._memo["newest"] = newest_score_date(self.scoreboard)
        return self._memo["newest"]

    def footer(self) -> str:
        """How fresh the data is and whose it is, as their licences ask (/about has the rest)."""
        meta = self.catalog.meta
        newest = self.newest_score()
        if newest:
            when = f"Newest score {newest.day} {newest:%b %Y}"
        else:
            when = f"Data as of {meta.data_as_of.isoformat()}" if meta.data_as_of else "Data"
        names = []
        for s in meta.sources:
            if s.id == "curated":
                continue
            short = CREDIT.get(s.id) or s.name.split(" (")[0].split(",")[0]
            names.append(f"{short} ({s.licence})" if "CC BY" in s.licence else short)
        return f"{when} · {', '.join(names)}; adapted, see /about"


SNAPSHOT = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4})\)$")


def metric_key(m: Model, metric: str) -> float | None:
    """A model's place on a metric, smaller first: blended price, speed and context reversed."""
    if metric == "price":
        return blended(m)
    if metric == "speed":
        return None if m.output_speed is None else -m.output_speed
    if metric == "latency":
        return m.ttft
    return None if not m.context_window else -m.context_window


def blended(m: Model) -> float | None:
    """USD per 1M tokens at 3 input tokens to 1 output token, the mix of a typical chat."""
    if m.input_price is None or m.output_price is None:
        return None
    if m.input_price == 0 and m.output_price == 0:
        return 0.0
    return (3 * m.input_price + m.output_price) / 4


def metric_value(m: Model, metric: str) -> str:
    return {
        "price": fmt.price(m),
        "speed": fmt.speed(m),
        "latency": fmt.latency(m),
        "context": fmt.context(m.context_window),
    }[metric]


def short_price(m: Model) -> str:
    """ "$5/$30" for a narrow table."""
    p = fmt.price(m)
    return p.replace(" / ", "/") if p != NO_DATA else NO_DATA


def short_names(names: list[str], width: int = 18) -> list[str]:
    """Names that fit a narrow column and still tell the models apart: "Claude Opus 4.8" ->
    "Opus 4.8", "Gemini 3.1 Pro Preview" -> "Gemini 3.1 Pro"."""

    def shorten(n: str) -> str:
        n = re.sub(r"^Claude ", "", n)
        n = re.sub(r" Preview\b", "", n)
        n = re.sub(r"\s*\(([A-Z][a-z]{2}) 20(\d\d)\)$", r" \1 \2", n)  # (May 2024) -> May 24
        n = n.replace("Instruct", "").replace("  ", " ").strip()
        return n if len(n) <= width else n[: width - 1] + "…"

    out = [shorten(n) for n in names]
    if len(set(out)) < len(out):  # two shortened alike: cut the full names instead
        out = [n if len(n) <= width else n[: width - 1] + "…" for n in names]
    if len(set(out)) < len(out):
        out = [f"{i + 1}. {n}"[:width] for i, n in enumerate(names)]
    return out


def a_(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def safe(text: str, limit: int = 60) -> str:
    """Echo a user's words without letting them ping anyone or break formatting."""
    text = text.replace("@", "@\u200b").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def candidates(ctx: Context, ids: list[str]) -> list[Candidate]:
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


def vendor_only(ctx: Context, mid: str) -> bool:
    """All of the model's scores are its vendor's own."""
    scores = ctx.catalog.scores_of(mid)
    return bool(scores) and all(s.self_reported for s in scores.values())


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


def add(ans: Answer, block: Block) -> int:
    """Append a block; its index, for a section to point to."""
    ans.blocks.append(block)
    return len(ans.blocks) - 1


def section(ans: Answer, sid: str, label: str, blocks: list[int], caveats: bool = False) -> None:
    if blocks or (caveats and ans.caveats):
        ans.sections.append(Section(id=sid, label=label, blocks=blocks, caveats=caveats))


def drop_dead_rows(rows: list[list[str]], keep: set[str] | None = None) -> list[list[str]]:
    """Rows whose every value is "no data" are left out (unless the question asked for them)."""
    keep = keep or set()
    return [r for r in rows if r[0] in keep or any(v != NO_DATA for v in r[1:])]
