"""The shape every source adapter produces before the merge."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

_DATE_SUFFIX = re.compile(r"-(20\d\d-?[01]\d-?[0-3]\d|[01]\d-20\d\d)$")


@dataclass(slots=True)
class RawScore:
    benchmark_key: str  # the source's own key; the build maps it to a canonical benchmark
    benchmark_name: str
    value: float  # already on the benchmark's display scale (percent for fractions)
    source_url: str | None
    self_reported: bool | None
    date: dt.date | None
    source: str
    variant: str | None = None  # effort or harness of the run ("xhigh", "Codex")


@dataclass(slots=True)
class RawModel:
    source: str  # "llm-stats", "models.dev", "curated"
    source_id: str  # the id inside that source
    org: str
    fields: dict[str, Any] = field(default_factory=dict)
    scores: list[RawScore] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def tail(self) -> str:
        return self.source_id.rsplit("/", 1)[-1].lower()


def strip_date(model_id: str) -> str:
    """`gpt-4.1-2025-04-14` -> `gpt-4.1`; `claude-opus-4-20250514` -> `claude-opus-4`."""
    return _DATE_SUFFIX.sub("", model_id)


def date_in(model_id: str) -> dt.date | None:
    m = _DATE_SUFFIX.search(model_id)
    if not m:
        return None
    digits = m.group(1).replace("-", "")
    if len(digits) == 6:  # Cohere's month-year form: command-r-plus-08-2024
        digits = digits[2:] + digits[:2] + "01"
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def slugify(text: str) -> str:
    s = text.lower().replace("’", "").replace("'", "").replace("τ", "tau").replace("²", "2")
    s = re.sub(r"[^a-z0-9.+]+", "-", s).strip("-.")
    return re.sub(r"-{2,}", "-", s) or "x"


def parse_date(value: Any) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:7] + "-01")
        except ValueError:
            return None


# Leaderboards that measure models themselves; any other host is the vendor's own report.
INDEPENDENT_HOSTS = (
    "aider.chat",
    "swebench.com",
    "labs.scale.com",
    "scale.com",
    "tbench.ai",
    "arcprize.org",
    "livebench.ai",
    "epoch.ai",
    "lastexam.ai",
    "simple-bench.com",
)


def self_reported_url(url: Any) -> bool:
    """A score is the vendor's own claim unless its source is a leaderboard that runs models."""
    host = urlparse(str(url or "")).netloc.lower()
    return not any(host == h or host.endswith("." + h) for h in INDEPENDENT_HOSTS)
