"""Runs -> a model's published figure, and the file of figures other operators load.

A figure is the median of a model's latest runs under one set of conditions (the endpoint and
the prompt), with the slowest and fastest of those runs beside it, how many there were and the
days they span. Its reference is what a change is measured against: the median as it stood after
its last big move (more than MOVE either way). Medians drift a little with every run; only a move
past that share from the reference is a change in the log, and can alert.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

from bot.catalog.models import SLUG_PATTERN, Count, Num, SpeedMeasurement, Text
from bot.speed.prompt import MAX_TOKENS, PROMPT, PROMPT_ID
from bot.speed.stream import MAX_SPEED

MOVE = 0.25  # a median this far from its reference (either way) is a big move
FORMAT: Final = "model-comparison-bot speed figures"
OTHER_BOT = "another operator's bot"  # who measured, when a published file does not say
OWN = "this bot"


@dataclass(frozen=True)
class Run:
    """A run that measured, as the store keeps it."""

    at: dt.datetime
    model_id: str
    endpoint: str
    provider: str
    endpoint_model: str
    prompt: str
    ttft: float
    output_speed: float


def _round_speed(v: float) -> float:
    return round(v, 1)


def _round_ttft(v: float) -> float:
    return round(v, 3)


def _moved(value: float, reference: float | None) -> bool:
    return reference is None or abs(value / reference - 1) > MOVE


def summarise(
    runs: Sequence[Run], keep: int, min_runs: int, measured_by: str = OWN
) -> SpeedMeasurement | None:
    """The figure of one model's runs under one set of conditions, oldest first; None with
    fewer than `min_runs`. The reference walks the whole history: after each run, the median of
    the latest `keep` becomes the reference wherever it has moved past MOVE from it. From the
    first run on, so a new run only extends the walk and never redraws it (a year of hourly
    runs is a few milliseconds of medians)."""
    runs = list(runs)
    if len(runs) < min_runs or not runs:
        return None
    ref_speed: float | None = None
    ref_ttft: float | None = None
    for end in range(min_runs, len(runs) + 1):
        window = runs[max(0, end - keep) : end]
        speed = _round_speed(statistics.median(r.output_speed for r in window))
        ttft = _round_ttft(statistics.median(r.ttft for r in window))
        if _moved(speed, ref_speed):
            ref_speed = speed
        if _moved(ttft, ref_ttft):
            ref_ttft = ttft
    assert ref_speed is not None and ref_ttft is not None
    window = runs[-keep:]
    last = window[-1]
    speeds = [r.output_speed for r in window]
    ttfts = [r.ttft for r in window]
    return SpeedMeasurement(
        measured_by=measured_by,
        provider=last.provider,
        endpoint=last.endpoint,
        endpoint_model=last.endpoint_model,
        prompt=last.prompt,
        runs=len(window),
        first_run=window[0].at.date(),
        last_run=last.at.date(),
        speed_low=_round_speed(min(speeds)),
        speed_high=_round_speed(max(speeds)),
        ttft_low=_round_ttft(min(ttfts)),
        ttft_high=_round_ttft(max(ttfts)),
        reference_speed=ref_speed,
        reference_ttft=ref_ttft,
    )


def medians(runs: Sequence[Run], keep: int) -> tuple[float, float]:
    """(output speed, time to first token) of the latest `keep` runs."""
    window = list(runs)[-keep:]
    return (
        _round_speed(statistics.median(r.output_speed for r in window)),
        _round_ttft(statistics.median(r.ttft for r in window)),
    )


# -- the published file --------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class Sample(_Strict):
    at: dt.datetime
    ttft: Num = Field(gt=0, le=600)
    output_speed: Num = Field(gt=0, le=MAX_SPEED)


class PromptInfo(_Strict):
    id: str = Field(pattern=SLUG_PATTERN, max_length=40)
    text: str = Field(min_length=1, max_length=4000)
    max_tokens: Count = Field(gt=0)


class Figure(_Strict):
    model: str = Field(pattern=SLUG_PATTERN, max_length=100, description="A catalog model id.")
    output_speed: Num = Field(gt=0, le=MAX_SPEED, description="Median, tokens per second.")
    ttft: Num = Field(gt=0, le=600, description="Median, seconds to the first token.")
    measurement: SpeedMeasurement
    samples: tuple[Sample, ...] = Field(default=(), description="The runs behind the medians.")

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        m = self.measurement
        if m.last_run < m.first_run:
            raise ValueError("last_run is before first_run")
        if not (m.speed_low <= self.output_speed <= m.speed_high):
            raise ValueError("output_speed is outside its own runs' range")
        if not (m.ttft_low <= self.ttft <= m.ttft_high):
            raise ValueError("ttft is outside its own runs' range")
        if self.samples:
            if len(self.samples) != m.runs:
                raise ValueError(f"{len(self.samples)} samples for {m.runs} runs")
            speed = _round_speed(statistics.median(s.output_speed for s in self.samples))
            ttft = _round_ttft(statistics.median(s.ttft for s in self.samples))
            if abs(speed - self.output_speed) > 0.1 or abs(ttft - self.ttft) > 0.001:
                raise ValueError("the medians are not those of its samples")
        return self


class FiguresFile(_Strict):
    """What `python -m bot speed show --json` prints and `python -m bot data load` reads."""

    format: Literal["model-comparison-bot speed figures"]
    version: Annotated[int, Strict()] = Field(ge=1, le=1)
    published_at: dt.datetime | None = None
    publisher: Text | None = Field(default=None, max_length=80)
    prompts: tuple[PromptInfo, ...] = ()
    figures: tuple[Figure, ...]


def this_prompt() -> PromptInfo:
    return PromptInfo(id=PROMPT_ID, text=PROMPT, max_tokens=MAX_TOKENS)


def published(
    figures: Iterable[Figure], publisher: str | None, when: dt.datetime | None
) -> FiguresFile:
    """Figures as another operator loads them: this bot's own are "measured by" the publisher
    (whoever loads them is not this bot)."""
    out = []
    for f in figures:
        if f.measurement.measured_by == OWN:
            f = f.model_copy(
                update={
                    "measurement": f.measurement.model_copy(
                        update={"measured_by": publisher or OTHER_BOT}
                    )
                }
            )
        out.append(f)
    return FiguresFile(
        format=FORMAT,
        version=1,
        published_at=when,
        publisher=publisher,
        prompts=(this_prompt(),),
        figures=tuple(out),
    )


def overlay(f: Figure) -> dict[str, Any]:
    """A figure as the refresh merge lays it over its model (bot/alerts/merge.py)."""
    m = f.measurement
    return {
        "id": f.model,
        "keys": [f.model],
        "fields": {
            "output_speed": f.output_speed,
            "ttft": f.ttft,
            "speed_measurement": m.model_dump(mode="json"),
        },
        "source": f"speed probe: measured by {m.measured_by} via {m.provider}",
    }


def is_figures_file(head: bytes) -> bool:
    """Whether a file's first bytes are a file of speed figures rather than a catalog."""
    return FORMAT.encode() in head[:400]
