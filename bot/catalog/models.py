"""The domain: models, benchmarks, categories, scores and the catalog that holds them.

These are the boundary types: the shipped data file, feeds and the store all go through them, so a
value that is wrong (a negative price, a percent of 140, a score for a benchmark nobody defined) is
refused here with the record and field named, before it reaches anything a user sees.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import re
from collections.abc import Callable
from functools import cached_property
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass

CategoryId = Literal[
    "agentic",
    "coding",
    "reasoning",
    "multimodal",
    "knowledge",
    "multilingual",
    "instruction_following",
    "math",
]
CATEGORY_IDS: tuple[str, ...] = (
    "agentic",
    "coding",
    "reasoning",
    "multimodal",
    "knowledge",
    "multilingual",
    "instruction_following",
    "math",
)
Unit = Literal["percent", "elo", "rating", "index", "score"]

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._+\-]*$"

# The largest integer SQLite stores: a bigger one is refused here, not by the store mid-write.
SQLITE_MAX_INT = 2**63 - 1

# Numbers are numbers: `true` or "66.3" where a number belongs is a mistake in the file, not a
# value to coerce (an int is still a float: 66 reads as 66.0).
Num = Annotated[float, Strict()]
Count = Annotated[int, Strict(), Field(le=SQLITE_MAX_INT)]

# Control characters (NUL, escape, bidi overrides, line separators) garble a reply or the log;
# mention syntax would ping a channel wherever a name is shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MENTION = re.compile(r"@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>", re.IGNORECASE)


def _plain_text(value: str) -> str:
    bad = _CONTROL.search(value)
    if bad:
        raise ValueError(
            f"holds a control character (U+{ord(bad.group()):04X}); names are plain text"
        )
    bad = _MENTION.search(value)
    if bad:
        raise ValueError(
            f"holds mention syntax ({bad.group()!r}), which would ping people where it is shown"
        )
    return value


Text = Annotated[str, AfterValidator(_plain_text)]


# NaN and infinity are not numbers a user should ever read.
_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class _Strict(BaseModel):
    model_config = ConfigDict(**_STRICT, frozen=True)


class Category(_Strict):
    id: CategoryId
    name: Text = Field(min_length=1)
    weight: Num = Field(ge=0, le=1, description="Share of the overall score.")
    description: str = ""


class Benchmark(_Strict):
    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    name: Text = Field(min_length=1, max_length=120)
    category: CategoryId | None = Field(
        default=None, description="None: shown on a model's page but in no category."
    )
    weight: Num = Field(default=0, ge=0, le=1, description="0 = shown but not weighted.")
    unit: Unit = "percent"
    scale_max: Num | None = Field(default=100, gt=0)
    higher_is_better: bool = True
    saturated: bool = Field(
        default=False,
        description="Most current models score near the top: counts, but cannot rank on its own.",
    )
    description: str = ""
    url: str | None = None
    aliases: tuple[Text, ...] = ()
    difficulty: Num = Field(
        default=0,
        ge=-100,
        le=100,
        description="Points harder than its category's typical weighted benchmark, measured on "
        "the models that took both (set by the build; see docs/METHOD.md).",
    )
    short: Text | None = Field(
        default=None,
        min_length=1,
        max_length=17,
        description='A label for a phone-width table ("SWE Pro", "LB coding"); without '
        "one, answers derive it from the name.",
    )

    @field_validator("weight")
    @classmethod
    def _weight(cls, v: float) -> float:
        return round(v, 6)


def _no_credentials(value: str) -> str:
    """An endpoint is shown and published: a user name, password or query in it (where keys
    sometimes ride) never is."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("is not an http(s) URL")
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise ValueError("holds credentials or a query; give the bare base URL")
    return value


class SpeedMeasurement(_Strict):
    """How a model's output_speed and ttft were measured: by a speed probe streaming one fixed
    prompt from an OpenAI-compatible endpoint (this bot's probe, or another operator's whose
    published figures were loaded). See docs/METHOD.md."""

    measured_by: Text = Field(
        default="this bot", min_length=1, max_length=80, description="Whose probe ran it."
    )
    provider: Text = Field(
        min_length=1, max_length=80, description="The endpoint's name: OpenRouter, a vendor."
    )
    endpoint: Annotated[str, AfterValidator(_no_credentials)] = Field(
        max_length=300, description="The base URL the requests went to."
    )
    endpoint_model: Text = Field(min_length=1, max_length=200)
    prompt: str = Field(
        pattern=SLUG_PATTERN,
        max_length=40,
        description="The fixed prompt's id. Same endpoint and prompt: same conditions.",
    )
    runs: Count = Field(ge=1, description="Runs behind the medians.")
    first_run: dt.date
    last_run: dt.date
    speed_low: Num = Field(gt=0, description="The slowest of those runs, tokens per second.")
    speed_high: Num = Field(gt=0)
    ttft_low: Num = Field(gt=0, description="The quickest first token of those runs, seconds.")
    ttft_high: Num = Field(gt=0)
    reference_speed: Num = Field(
        gt=0,
        description="The median as it stood after its last big move: a change (and an alert) "
        "is a median that moves more than the stated share away from it.",
    )
    reference_ttft: Num = Field(gt=0)

    @property
    def conditions(self) -> tuple[str, str]:
        """What two figures must share to be ranked together: the endpoint and the prompt."""
        return (self.endpoint.rstrip("/"), self.prompt)


class Model(_Strict):
    id: str = Field(pattern=SLUG_PATTERN, max_length=100)
    name: Text = Field(min_length=1, max_length=100)
    aliases: tuple[Text, ...] = ()
    creator: Text = Field(min_length=1)
    family: Text | None = None
    release_date: dt.date | None = None
    reasoning: bool | None = None
    open_weights: bool | None = None
    context_window: Count | None = Field(default=None, gt=0)
    max_output_tokens: Count | None = Field(default=None, gt=0)
    input_price: Num | None = Field(default=None, ge=0, description="USD per 1M input tokens.")
    output_price: Num | None = Field(default=None, ge=0, description="USD per 1M output tokens.")
    long_context_from: Count | None = Field(
        default=None, gt=0, description="Prompt tokens past which the long-context prices apply."
    )
    long_input_price: Num | None = Field(
        default=None, ge=0, description="USD per 1M input tokens for a prompt that long."
    )
    long_output_price: Num | None = Field(
        default=None, ge=0, description="USD per 1M output tokens for a prompt that long."
    )
    output_speed: Num | None = Field(default=None, gt=0, description="Output tokens per second.")
    ttft: Num | None = Field(default=None, gt=0, description="Seconds to the first token.")
    speed_measurement: SpeedMeasurement | None = Field(
        default=None,
        description="Where output_speed and ttft were measured, when this bot's "
        "speed probe (or another operator's) measured them.",
    )
    input_modalities: tuple[str, ...] = ()
    params_b: Num | None = Field(default=None, gt=0, description="Parameters, billions.")
    sources: tuple[str, ...] = Field(default=(), description="Which sources describe this model.")
    provenance: dict[str, str] = Field(
        default_factory=dict, description="Field name -> source URL, for hand-curated values."
    )

    @model_validator(mode="after")
    def _measured_figures(self) -> Model:
        if self.speed_measurement is not None and (self.output_speed is None or self.ttft is None):
            raise ValueError(
                "speed_measurement describes figures it has none of: give output_speed and ttft"
            )
        return self


# A catalog holds half a million scores at 10,000 models: each is a slotted dataclass (about
# 120 bytes) rather than a BaseModel (about 1.2 KB, with its __dict__ and fields-set), validated
# the same way wherever one is made.
@pydantic_dataclass(frozen=True, slots=True, config=_STRICT)
class Score:
    model: str
    benchmark: str
    value: Num
    source_url: str | None = None
    self_reported: bool | None = Field(
        default=None, description="True: the vendor's own number; False: measured independently."
    )
    date: dt.date | None = None
    source: str = Field(default="", description="Which source this row came from.")
    variant: Text | None = Field(
        default=None, description="The run it stands for: reasoning effort, agent harness."
    )
    vendor_value: Num | None = Field(
        default=None, description="The vendor's own figure, where an independent one replaced it."
    )
    vendor_source_url: str | None = None


# A copy with some fields changed is dataclasses.replace(score, value=...), validated again.
SCORE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Score))


class SourceInfo(_Strict):
    id: str
    name: Text
    licence: str
    url: str
    revision: str | None = None
    note: str = ""


class OverallRule(_Strict):
    """The least coverage a score needs before it is ranked."""

    min_category_weight: Num = Field(
        ge=0, le=1, description="Weight of current benchmarks a category score needs to rank."
    )
    min_benchmarks: Count = Field(ge=1)
    min_categories: Count = Field(ge=1)
    min_weight: Num = Field(ge=0, le=1, description="Share of category weight covered.")
    ranked_min_benchmarks: Count = Field(
        default=8, ge=1, description="Below this an overall score is provisional: not ranked..."
    )
    ranked_min_independent: Count = Field(
        default=6,
        ge=1,
        description="...unless at least this many of its benchmarks were measured independently.",
    )


class CatalogMeta(_Strict):
    built_at: dt.datetime
    data_as_of: dt.date | None = None
    sources: tuple[SourceInfo, ...] = ()
    overall_rule: OverallRule


# Sort keys for records in the order the store keeps them (C-level getters: a 10,000-model
# catalog sorts half a million scores).
SCORE_KEY = operator.attrgetter("model", "benchmark")
BY_ID = operator.attrgetter("id")


class Catalog(_Strict):
    """One full snapshot of what the bot knows.  Cross-record rules live in `bot.catalog.check`."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    meta: CatalogMeta
    categories: tuple[Category, ...]
    benchmarks: tuple[Benchmark, ...]
    models: tuple[Model, ...]
    scores: tuple[Score, ...]

    # Indexes, built on first use; the catalog is frozen so they never go stale.
    @cached_property
    def model_by_id(self) -> dict[str, Model]:
        return {m.id: m for m in self.models}

    @cached_property
    def benchmark_by_id(self) -> dict[str, Benchmark]:
        return {b.id: b for b in self.benchmarks}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def scores_by_model(self) -> dict[str, dict[str, Score]]:
        out: dict[str, dict[str, Score]] = {m.id: {} for m in self.models}
        for s in self.scores:
            out.setdefault(s.model, {})[s.benchmark] = s
        return out

    def model(self, model_id: str) -> Model:
        return self.model_by_id[model_id]

    def scores_of(self, model_id: str) -> dict[str, Score]:
        return self.scores_by_model.get(model_id, {})


def in_store_order(catalog: Catalog, *, validate: bool = True) -> Catalog:
    """The catalog with its records in the order the store reads them back in, a canonical
    order: benchmarks and models by id, scores by model and benchmark (the catalog itself when
    already so)."""
    benchmarks = _sorted(catalog.benchmarks, BY_ID)
    models = _sorted(catalog.models, BY_ID)
    scores = _sorted(catalog.scores, SCORE_KEY)
    if benchmarks is catalog.benchmarks and models is catalog.models and scores is catalog.scores:
        return catalog
    make = Catalog if validate else Catalog.model_construct
    return make(
        meta=catalog.meta,
        categories=catalog.categories,
        benchmarks=benchmarks,
        models=models,
        scores=scores,
    )


def _sorted(records: tuple[Any, ...], key: Callable[[Any], Any]) -> tuple[Any, ...]:
    keys = list(map(key, records))
    if all(a <= b for a, b in zip(keys, keys[1:], strict=False)):
        return records
    return tuple(sorted(records, key=key))
