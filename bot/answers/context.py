"""What every answer reads from: the scoreboard, the change log, and the pieces answers share
(names that fit a phone, prices, caveats, the footer)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from bot.answers import fmt
from bot.answers.fmt import NO_DATA, num, plural
from bot.answers.model import Answer, Block, Candidate, Section
from bot.catalog.method import Profile, Scoreboard
from bot.catalog.models import Benchmark, Catalog, Model, Score, SpeedMeasurement
from bot.catalog.stats import newest_score_date
from bot.measures import CATEGORIES, MEASURES

# What answers call each measure and category (bot/measures.py describes them once).
METRIC_NAMES = {mid: m.phrase for mid, m in MEASURES.items()}
CATEGORY_PHRASE = {cid: c.phrase for cid, c in CATEGORIES.items()}
# Category names that fit a phone-width table's label column.
CATEGORY_SHORT = {cid: c.short for cid, c in CATEGORIES.items()}
VENDOR_MARK = "†"  # beside a figure that is a claim, not an independent measurement
MOSTLY_CLAIMS = (
    f"{VENDOR_MARK} mostly vendor-reported: over half of that score rests on published claims, "
    "not independent measurements."
)
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
    "speed-probe": "speed probe",
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
    # What "now" is for answers about recency (the wall clock unless a test fixes it).
    today: dt.date | None = None

    @property
    def catalog(self) -> Catalog:
        return self.scoreboard.catalog

    def model(self, mid: str) -> Model:
        return self.catalog.model_by_id[mid]

    def profile(self, mid: str) -> Profile:
        return self.scoreboard.profiles[mid]

    def bench_name(self, bid: str) -> str:
        return self.catalog.benchmark_by_id[bid].name

    def bench_label(self, bid: str) -> str:
        """The benchmark's label for a phone-width table or a chart axis: its short name, unique
        in the catalog (where two benchmarks would shorten alike, the one the data names keeps
        it and the other keeps more of its name)."""
        labels = self._memo.get("labels")
        if labels is None:
            labels = {b.id: bench_short(b) for b in self.catalog.benchmarks}
            owners: dict[str, list[str]] = {}
            for b, label in labels.items():
                owners.setdefault(label, []).append(b)
            for label, ids in owners.items():
                if len(ids) > 1:
                    for b in ids:
                        bench = self.catalog.benchmark_by_id[b]
                        if bench.short != label:
                            labels[b] = _distinct(bench.name)
            self._memo["labels"] = labels
        return labels.get(bid) or bench_short(self.catalog.benchmark_by_id[bid])

    def bench_labels(self, bids: list[str]) -> list[str]:
        return [self.bench_label(b) for b in bids]

    def cat_name(self, cid: str) -> str:
        return self.catalog.category_by_id[cid].name

    def by_metric(self, metric: str) -> list[tuple[str, float]]:
        """Models with a figure for `metric`, best first (cheapest, fastest, ...): sorted once per
        catalog, on first use. Speed and latency rank only the models measured under the same
        conditions (`speed_group`)."""
        order = self._metric_orders.get(metric)
        if order is None:
            models = self.catalog.models
            group = self.speed_group() if metric in ("speed", "latency") else None
            if group is not None:
                models = tuple(m for m in models if m.id in group)
            vals = [(m.id, v, m.name) for m in models if (v := metric_key(m, metric)) is not None]
            order = [(mid, v) for mid, v, _ in sorted(vals, key=lambda t: (t[1], t[2]))]
            self._metric_orders[metric] = order
        return order

    def speed_group(self) -> frozenset[str] | None:
        """The models whose speed and latency rank together: those measured under the same
        conditions (endpoint and prompt) as the most models, this bot's own runs first at a tie.
        None when no figure says how it was measured (the only figures then are an aggregator's,
        all from one source)."""
        if "speed_group" not in self._memo:
            groups: dict[tuple[str, str], list[Model]] = {}
            for m in self.catalog.models:
                if m.speed_measurement is not None:
                    groups.setdefault(m.speed_measurement.conditions, []).append(m)
            best = max(
                groups.values(),
                key=lambda ms: (
                    len(ms),
                    any(_own(m) for m in ms),
                    max(_measured(m).last_run for m in ms),
                ),
                default=None,
            )
            self._memo["speed_group"] = frozenset(m.id for m in best) if best is not None else None
        return self._memo["speed_group"]

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

    def now(self) -> dt.datetime:
        if self.today is not None:
            return dt.datetime.combine(self.today, dt.time(12), dt.UTC)
        return dt.datetime.now(dt.UTC)

    def data_date(self) -> dt.date | None:
        """The newest day our data speaks for: the sources' snapshot date or the newest score,
        whichever is later."""
        days = [d for d in (self.catalog.meta.data_as_of, self.newest_score()) if d]
        return max(days) if days else None

    def staleness(self) -> str | None:
        """One plain sentence when the data is older than STALE_DAYS, for answers about what is
        recent (the change log, the newest models, releases this year) and /about."""
        d = self.data_date()
        if d is None:
            return None
        age = (self.now().date() - d).days
        if age <= STALE_DAYS:
            return None
        ago = plural(age, "day") if age < 60 else f"about {plural(round(age / 30.4), 'month')}"
        return (
            f"Our data runs to {d.day} {d:%b %Y}, {ago} ago: newer models, scores and prices "
            "are not in it."
        )

    def footer(self) -> str:
        """How fresh the data is and whose it is, as their licences ask (/about has the rest)."""
        if "footer" not in self._memo:
            self._memo["footer"] = self._footer()
        return self._memo["footer"]

    def _footer(self) -> str:
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


STALE_DAYS = 30  # data older than this is said to be old wherever recency is asked about
SNAPSHOT = re.compile(r"\s*\((?:[A-Z][a-z]{2} \d{4})\)$")
LABEL_WIDTH = 17  # a benchmark's label in a phone-width table beside two models' values
# How long benchmark names are shortened when the data gives no short label.
_SHORTER = (
    ("LiveBench ", "LB "),
    ("SWE-bench ", "SWE "),
    ("τ²-bench ", "τ² "),
    ("Terminal-Bench ", "Terminal "),
    ("LiveCodeBench", "LCB"),
    (" Long Context ", " LC "),
    ("Translation ", ""),
)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _abbreviated(name: str) -> str:
    for long, short in _SHORTER:
        name = name.replace(long, short)
    return name


def _distinct(name: str) -> str:
    """A label for a benchmark whose usual short form another one has: what tells it apart
    kept ("SWE-bench Verified (Agentless)" -> "SWE Agentless"), else both ends of its name."""
    words = _abbreviated(name).replace("(", "").replace(")", "").split()
    if len(words) > 2 and len(ends := f"{words[0]} {words[-1]}") <= LABEL_WIDTH:
        return ends
    if len(name) <= LABEL_WIDTH:
        return name
    half = (LABEL_WIDTH - 1) // 2
    return name[:half].rstrip() + "…" + name[-half:].lstrip()


def bench_short(b: Benchmark) -> str:
    """A benchmark's label that fits a phone-width table: its curated short name, its name when
    short enough, or the name with the usual abbreviations, and last its words kept from both
    ends ("SWE-Atlas Codebase QnA" -> "SWE-Atlas QnA")."""
    if b.short:
        return b.short
    if len(b.name) <= LABEL_WIDTH:
        return b.name
    name = _abbreviated(b.name)
    if len(name) > LABEL_WIDTH and "(" in name:
        bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
        name = bare if len(bare) >= 3 else name
    words = name.split()
    if (
        len(name) > LABEL_WIDTH
        and len(words) > 2
        and len(ends := f"{words[0]} {words[-1]}") <= LABEL_WIDTH
    ):
        return ends
    return _cut(name, LABEL_WIDTH)


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


def _measured(m: Model) -> SpeedMeasurement:
    assert m.speed_measurement is not None
    return m.speed_measurement


def _own(m: Model) -> bool:
    return m.speed_measurement is not None and m.speed_measurement.measured_by == "this bot"


def _days(first: dt.date, last: dt.date) -> str:
    """ "3 Dec 2026", "1–3 Dec 2026", "28 Nov – 3 Dec 2026"."""
    if first == last:
        return f"{last.day} {last:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def speed_source(m: Model) -> str | None:
    """Who measured a model's speed and latency, where and when, in a few words ("measured by
    this bot via OpenRouter, median of 5 runs, 1–3 Dec 2026"); None without figures."""
    sm = m.speed_measurement
    if sm is None:
        if m.output_speed is None and m.ttft is None:
            return None
        src = m.provenance.get("output_speed") or m.provenance.get("ttft") or ""
        if src.startswith("benchlm export:"):
            return "Artificial Analysis measurements, from the BenchLM export"
        return None
    return (
        f"measured by {sm.measured_by} via {sm.provider}, median of {plural(sm.runs, 'run')}, "
        f"{_days(sm.first_run, sm.last_run)}"
    )


def _span(low: float, high: float, digits: int, unit: str) -> str:
    lo, hi = num(low, digits), num(high, digits)
    return f"every run {lo} {unit}" if lo == hi else f"runs ranged {lo}–{hi} {unit}"


def speed_note(ctx: Context, ids: list[str]) -> str | None:
    """One sentence on where the speed and latency beside these models come from, with how far
    the runs spread; None when none of them has a figure."""
    ms = [ctx.model(i) for i in ids]
    with_figures = [m for m in ms if speed_source(m) is not None]
    if not with_figures:
        return None
    if len(with_figures) == 1:
        m = with_figures[0]
        text = f"Speed and latency: {speed_source(m)}"
        sm = m.speed_measurement
        if sm is not None and sm.runs > 1:
            text += (
                f" ({_span(sm.speed_low, sm.speed_high, 1, 'tokens/s')}; "
                f"{_span(sm.ttft_low, sm.ttft_high, 2, 's to the first token')})"
            )
        return text + "."
    text = (
        "Speed and latency, "
        + "; ".join(f"{m.name}: {speed_source(m)}" for m in with_figures)
        + "."
    )
    sms = [m.speed_measurement for m in with_figures if m.speed_measurement is not None]
    who = {(sm.measured_by, sm.provider) for sm in sms}
    if len(sms) == len(with_figures) and len(who) == 1:
        by, provider = who.pop()
        same = {(sm.runs, sm.first_run, sm.last_run) for sm in sms}
        if len(same) == 1:
            runs, first, last = same.pop()
            each = f"median of {plural(runs, 'run')} each, {_days(first, last)}"
        else:
            each = "; ".join(
                f"{m.name} median of {plural(sm.runs, 'run')}, {_days(sm.first_run, sm.last_run)}"
                for m, sm in zip(with_figures, sms, strict=True)
            )
        text = f"Speed and latency: measured by {by} via {provider}, {each}."
    conditions = {
        m.speed_measurement.conditions if m.speed_measurement else ("elsewhere", m.id)
        for m in with_figures
    }
    if len(conditions) > 1:
        text += " They were measured under different conditions, so compare them with care."
    return text


def speed_basis(ctx: Context) -> str | None:
    """How the speed and latency a ranking uses were measured, for its note; None when they are
    not the probe's."""
    group = ctx.speed_group()
    if group is None:
        return None
    ms = [ctx.model(i) for i in sorted(group)]
    first = min(_measured(m).first_run for m in ms)
    last = max(_measured(m).last_run for m in ms)
    runs = sorted({_measured(m).runs for m in ms})
    counts = plural(runs[0], "run") if len(runs) == 1 else f"{runs[0]} to {runs[-1]} runs"
    who = sorted({f"{_measured(m).measured_by} via {_measured(m).provider}" for m in ms})
    return (
        f"Measured by {fmt.join(who)}: each model's median of its latest {counts}, "
        f"{_days(first, last)}, streaming one fixed prompt (docs/METHOD.md)"
    )


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


def long_prompt_row(ms: list[Model]) -> list[str] | None:
    """The row beside Context for a higher price on long prompts ("Prompt >272K  $10/$45"),
    when any of the models charges one; "same" for one that does not, "no data" for one with no
    price. Where the models' thresholds differ, the row is "Long prompts" and
    long_prompt_note says where each starts."""
    tiered = [m for m in ms if fmt.long_price(m)]
    if not tiered:
        return None
    sizes = {m.long_context_from for m in tiered}
    one = len(sizes) == 1
    cells = []
    for m in ms:
        p = fmt.long_price(m)
        if p is not None:
            p = p.replace(" / ", "/")
            cells.append(p)
        else:
            cells.append("same" if blended(m) is not None else NO_DATA)
    label = f"Prompt >{fmt.context(sizes.pop())}" if one else "Long prompts"
    return [label, *cells]


def long_prompt_note(ms: list[Model], names: list[str]) -> str | None:
    """Where each model's long-prompt price starts, when they start at different sizes."""
    tiered = [(m, n) for m, n in zip(ms, names, strict=True) if fmt.long_price(m)]
    if len({m.long_context_from for m, _ in tiered}) < 2:
        return None
    return (
        "Long prompts: past "
        + fmt.join([f"{fmt.context(m.long_context_from)} tokens for {n}" for m, n in tiered])
        + "."
    )


def long_prompt_sentence(ms: list[Model]) -> str | None:
    """ "Past 272K tokens of prompt, GPT-5.5 charges $10 / $45 per 1M input / output tokens." """
    said = [
        f"past {fmt.context(m.long_context_from)} tokens of prompt, {m.name} charges {p}"
        for m in ms
        if (p := fmt.long_price(m)) is not None
    ]
    if not said:
        return None
    text = "; ".join(said)
    return text[0].upper() + text[1:] + " per 1M input / output tokens."


def short_names(names: list[str], width: int = 18) -> list[str]:
    """Names that fit a narrow column and still tell the models apart: "Claude Opus 4.8" ->
    "Opus 4.8", "Gemini 3.1 Pro Preview" -> "Gemini 3.1 Pro"; names still too long lose their
    release tag ("-2507"), then their active-parameter count ("A22B"), then "Instruct" and
    "Thinking" shrink to "Inst" and "Think", all names of a list alike, before any is cut."""
    return list(_short_names(tuple(names), width))


@functools.lru_cache(maxsize=4096)
def _shorten(n: str, level: int) -> str:
    n = re.sub(r"^Claude ", "", n)
    n = re.sub(r" Preview\b", "", n)
    n = re.sub(r"\s*\(([A-Z][a-z]{2}) 20(\d\d)\)$", r" \1 \2", n)  # (May 2024) -> May 24
    n = re.sub(r" Instruct$", "", n)  # "Mistral Small 3.2 24B Instruct"
    if level >= 1:
        n = re.sub(r"-(?:2[4-9])\d\d$", "", n)  # Qwen's "-2507": the month it shipped
    if level >= 2:
        n = re.sub(r"[- ]A\d+(?:\.\d+)?B(?=$|[- ])", "", n)  # active parameters of a MoE
    if level >= 3:
        n = re.sub(r"-Instruct\b", "-Inst", re.sub(r"-Thinking\b", "-Think", n))
    return re.sub(r"\s{2,}", " ", n).strip(" -")


@functools.lru_cache(maxsize=2048)  # the same lists come up answer after answer
def _short_names(names: tuple[str, ...], width: int) -> list[str]:
    shorten = _shorten
    # one level of shortening for the whole list, the least that fits, so names stay alike
    level = next((k for k in range(4) if all(len(shorten(n, k)) <= width for n in names)), 3)
    cut = [shorten(n, level) for n in names]
    if len(set(cut)) == len(cut):
        return [n if len(n) <= width else n[: width - 1] + "…" for n in cut]
    cut = [shorten(n, 0) for n in names]
    out = [n if len(n) <= width else n[: width - 1] + "…" for n in cut]
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


# Sites that are one model maker's own (a score published there is that maker's claim); a
# claim published anywhere else (a paper, a model card) is taken as the model's own maker's.
PUBLISHER_SITES = {
    "anthropic.com": "Anthropic",
    "openai.com": "OpenAI",
    "deepmind.google": "Google",
    "blog.google": "Google",
    "ai.google.dev": "Google",
    "developers.googleblog.com": "Google",
    "cloud.google.com": "Google",
    "x.ai": "xAI",
    "mistral.ai": "Mistral AI",
    "z.ai": "Z.ai",
    "moonshotai.github.io": "Moonshot AI",
    "moonshot.cn": "Moonshot AI",
    "qwenlm.github.io": "Alibaba",
    "qwen-ai.com": "Alibaba",
    "deepseek.com": "DeepSeek",
    "ai.meta.com": "Meta",
    "amazon.science": "Amazon",
    "ibm.com": "IBM",
    "nvidia.com": "NVIDIA",
}


def publisher(score: Score, maker: str) -> str:
    """Who published a vendor-reported score: the maker whose site it is on, else the model's
    own maker (a model card, a paper, a leaderboard submission)."""
    return _site_owner(score.source_url or "") or maker


@functools.lru_cache(maxsize=4096)
def _site_owner(url: str) -> str | None:
    host = urlparse(url).netloc.lower().removeprefix("www.")
    while host:
        if host in PUBLISHER_SITES:
            return PUBLISHER_SITES[host]
        host = host.partition(".")[2]
    return None


# Leaderboards a compiled source (models.dev) cites for an independent measurement.
MEASURER_SITES = {
    "labs.scale.com": "Scale AI",
    "aider.chat": "Aider",
    "swebench.com": "SWE-bench",
}


def measured_by(score: Score) -> str:
    """Who ran an independent measurement: the leaderboard itself, or the one its compiler
    cites."""
    host = urlparse(score.source_url or "").netloc.lower().removeprefix("www.")
    if score.source in CREDIT and score.source not in (
        "models.dev",
        "models.dev-live",
        "llm-stats",
    ):
        return CREDIT[score.source]
    return MEASURER_SITES.get(host) or CREDIT.get(score.source, score.source)


def claim(ctx: Context, score: Score) -> str | None:
    """How a score that is no independent measurement reads: "vendor-reported" when its model's
    maker published it, "reported by Anthropic" when another maker did (a rival's figure in a
    launch post); None for an independent measurement."""
    if not score.self_reported:
        return None
    maker = ctx.model(score.model).creator
    who = publisher(score, maker)
    return "vendor-reported" if who == maker else f"reported by {who}"


def claims_note(
    ctx: Context, cells: list[tuple[str, str]], names: dict[str, str], brief: bool = False
) -> str | None:
    """One line saying which of the shown scores (model, benchmark) are claims rather than
    measurements, and whose: "† Not measured independently: SWE Pro for Opus 4.7
    (vendor-reported) and for GPT-5.5 (reported by Anthropic)." Brief, for a first message:
    "† Not measured independently: SWE Pro and Terminal-Bench, as reported by Anthropic."."""
    found: list[tuple[str, str, str, str]] = []  # (benchmark, model, how, publisher)
    for mid, bid in cells:
        s = ctx.catalog.scores_of(mid).get(bid)
        how = claim(ctx, s) if s is not None else None
        if s is not None and how is not None:
            found.append((bid, mid, how, publisher(s, ctx.model(mid).creator)))
    if not found:
        return None
    head = f"{VENDOR_MARK} Not measured independently: "
    benches = list(dict.fromkeys(b for b, *_ in found))
    labels = fmt.join([ctx.bench_label(b) for b in benches])
    if brief:
        if all(how == "vendor-reported" for _, _, how, _ in found):
            return f"{head}{labels} (vendor-reported)."
        publishers = {p for *_, p in found}
        if len(publishers) == 1:
            return f"{head}{labels}, as reported by {publishers.pop()}."
    by_bench: dict[str, list[str]] = {}
    for bid in benches:
        hows: dict[str, list[str]] = {}
        for b, mid, how, _ in found:
            if b == bid:
                hows.setdefault(how, []).append(mid)
        by_bench[bid] = [
            (
                "for both"
                if len(names) == 2 and len(mids) == 2
                else "for " + fmt.join([names.get(m, ctx.model(m).name) for m in mids])
            )
            + f" ({how})"
            for how, mids in hows.items()
        ]
    parts = [f"{ctx.bench_label(b)} {fmt.join(v)}" for b, v in by_bench.items()]
    return head + "; ".join(parts) + "."


def score_parts(ctx: Context, mid: str, category: str | None) -> tuple:
    """The benchmark parts behind a model's score: one category's, or its overall's."""
    p = ctx.profile(mid)
    if category:
        cs = p.categories.get(category)
        return cs.parts if cs else ()
    if p.overall is None:
        return ()
    return tuple(x for c in p.overall.categories for x in p.categories[c].parts)


def vendor_share(parts: tuple) -> float:
    """How much of a score's weight rests on vendors' claims (0: all measured independently)."""
    total = sum(p.weight for p in parts)
    return sum(p.weight for p in parts if not p.independent) / total if total else 0.0


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


def scale_note(ctx: Context, category: str | None) -> str:
    """What a category (or overall) score is, in one line, so that it is never read as the
    head-to-head figure on shared benchmarks or as a raw percentage."""
    if category is None:
        return (
            "Overall score: the category scores averaged by weight, 0-100; not a head-to-head "
            "result."
        )
    return (
        f"{CATEGORY_SHORT[category]} score: each model over its own "
        f"{ctx.cat_name(category).lower()} benchmarks, each adjusted for how hard it is "
        "(0-100), so not a raw percentage."
    )


def nearest_scored(ctx: Context, mid: str, most: int = 3) -> list[str]:
    """For a model with no benchmark scores, the closest ones that have some: its own line
    first ("Gemma 4 12B" -> the Gemma 4 models with scores), then its family, newest first."""
    m = ctx.model(mid)
    words = SNAPSHOT.sub("", m.name).split()
    by_maker = ctx._memo.get("scored_by_maker")
    if by_maker is None:
        by_maker = {}
        for o in ctx.catalog.models:
            if ctx.profile(o.id).categories:
                by_maker.setdefault(o.creator, []).append(o)
        ctx._memo["scored_by_maker"] = by_maker
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
