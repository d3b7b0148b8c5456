"""Who stands behind a score: a measurement someone other than the model's maker ran, or a claim
(the maker's own, or a rival's in a launch post), and how answers mark and word the difference."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.answers import fmt
from bot.catalog.method import Part
from bot.catalog.models import Score

if TYPE_CHECKING:  # the context imports CREDIT from here
    from bot.answers.context import Context

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


def claimed(ctx: Context, mid: str) -> frozenset[str]:
    """The benchmarks on which the model's score is a claim, not an independent measurement.
    Kept per model: a head to head asks of benchmark after benchmark, answer after answer."""
    table: dict[str, frozenset[str]] = ctx.once("claimed", dict)
    found = table.get(mid)
    if found is None:
        scores = ctx.catalog.scores_of(mid)
        found = table[mid] = frozenset(bid for bid, s in scores.items() if s.self_reported)
    return found


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
        if bid not in claimed(ctx, mid):
            continue
        s = ctx.catalog.scores_of(mid)[bid]
        how = claim(ctx, s)
        if how is not None:
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


def score_parts(ctx: Context, mid: str, category: str | None) -> tuple[Part, ...]:
    """The benchmark parts behind a model's score: one category's, or its overall's."""
    p = ctx.profile(mid)
    if category:
        cs = p.categories.get(category)
        return cs.parts if cs else ()
    if p.overall is None:
        return ()
    return tuple(x for c in p.overall.categories for x in p.categories[c].parts)


def vendor_share(parts: tuple[Part, ...]) -> float:
    """How much of a score's weight rests on vendors' claims (0: all measured independently)."""
    total = sum(p.weight for p in parts)
    return sum(p.weight for p in parts if not p.independent) / total if total else 0.0


def vendor_only(ctx: Context, mid: str) -> bool:
    """All of the model's scores are its vendor's own."""
    scores = ctx.catalog.scores_of(mid)
    return bool(scores) and all(s.self_reported for s in scores.values())
