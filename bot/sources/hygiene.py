"""Scores the build refuses, each with its reason in the build report.

- No source, or a placeholder for one (`https://example.com/benchmark-image`): a number nobody can
  check is not shown.
- A figure cited to another model's card (a Hugging Face model page that is some other catalog
  model's): it was copied onto the wrong model.
- An outlier against the same benchmark's other results *and* the model's own family: a vendor
  figure at least 25 points and twice above every other model's on that benchmark, where the
  vendor's other models score near the rest (GPT-5's "100%" on a SWE-Lancer split where every
  other model scores 7 to 17); or a 0 where every other model scores above 25.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

PLACEHOLDER_HOSTS = frozenset(
    {"example.com", "example.org", "example.net", "localhost", "127.0.0.1"}
)
PLACEHOLDER_WORDS = ("benchmark-image", "placeholder", "lorem", "todo")
OUTLIER_POINTS = 25.0
MIN_PEERS = 3


def missing_or_placeholder(url: str | None) -> str | None:
    """Why this source URL cannot back a score, or None when it can."""
    if not url or not url.strip():
        return "no source URL"
    parsed = urlparse(url.strip())
    host = parsed.hostname or ""  # without a port or user: localhost:8000 is localhost
    if parsed.scheme not in ("http", "https") or not host:
        return f"source is not a web address ({url[:60]})"
    # example.com's subdomains are as reserved as it is (docs.example.com)
    placeholder = any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)
    if placeholder or any(w in url.lower() for w in PLACEHOLDER_WORDS):
        return f"placeholder source URL ({url[:60]})"
    return None


def card_model(url: str | None) -> str | None:
    """The model a Hugging Face model-card URL is the card of (`org/Repo-Name`), else None."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.netloc.lower() not in ("huggingface.co", "www.huggingface.co"):
        return None
    parts = [p for p in parsed.path.split("/") if p]
    if len(parts) < 2 or parts[0] in ("datasets", "spaces", "papers", "blog", "docs"):
        return None
    return f"{parts[0]}/{parts[1]}"


def other_models_card(
    url: str | None, model_id: str, resolve: Callable[[str], str | None]
) -> str | None:
    """Why the score is not this model's, when its URL is another catalog model's card."""
    card = card_model(url)
    if card is None:
        return None
    owner = resolve(card)
    if owner is not None and owner != model_id:
        return f"cites another model's card ({card}, which is {owner})"
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    model: str
    benchmark: str
    value: float
    creator: str
    vendor: bool  # the vendor's own figure


def outliers(cands: list[Candidate]) -> dict[tuple[str, str], str]:
    """(model, benchmark) -> why, for vendor figures far outside their benchmark's other results and
    their own family's.  Only vendor claims are judged: an independent leaderboard's number is what
    it measured."""
    by_bench: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_bench[c.benchmark].append(c)
    out: dict[tuple[str, str], str] = {}
    for bench, group in by_bench.items():
        if len(group) < MIN_PEERS + 1:  # the model and at least MIN_PEERS others
            continue
        for c in group:
            if not c.vendor:
                continue
            peers = [p.value for p in group if p.model != c.model]
            family = [p.value for p in group if p.model != c.model and p.creator == c.creator]
            hi, lo = max(peers), min(peers)
            fam_hi = max(family) if family else hi
            if (
                c.value >= hi + OUTLIER_POINTS
                and c.value >= 2 * hi
                and c.value >= fam_hi + OUTLIER_POINTS
            ):
                out[(c.model, bench)] = (
                    f"outlier: {c.value:g} where the other {len(peers)} models score "
                    f"{lo:g} to {hi:g} (median {statistics.median(peers):g})"
                )
            elif c.value == 0 and lo > OUTLIER_POINTS:
                out[(c.model, bench)] = (
                    f"outlier: 0 where the other {len(peers)} models score {lo:g} to {hi:g}"
                )
    return out
