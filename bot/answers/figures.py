"""A model's price, speed, latency and context as answers read and show them. bot/measures.py
describes each measure (what it is called, which way is better); `READINGS` says the rest, which a
measure needs a model for: the figure it reads and how that figure is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answers import fmt
from bot.answers.fmt import NO_DATA
from bot.catalog.models import Model
from bot.measures import MEASURES


def blended(m: Model) -> float | None:
    """USD per 1M tokens at 3 input tokens to 1 output token, the mix of a typical chat."""
    if m.input_price is None or m.output_price is None:
        return None
    if m.input_price == 0 and m.output_price == 0:
        return 0.0
    return (3 * m.input_price + m.output_price) / 4


def short_price(m: Model) -> str:
    """ "$5/$30" for a narrow table."""
    p = fmt.price(m)
    return p.replace(" / ", "/") if p != NO_DATA else NO_DATA


def _output_speed(m: Model) -> float | None:
    return m.output_speed


def _ttft(m: Model) -> float | None:
    return m.ttft


def _context_window(m: Model) -> float | None:
    return m.context_window or None  # 0 is no figure


def _speed_cell(m: Model) -> str:
    return fmt.speed(m).replace(" tokens/s", " t/s")


def _context(m: Model) -> str:
    return fmt.context(m.context_window)


@dataclass(frozen=True, slots=True)
class Reading:
    """How answers read one measure off a model."""

    figure: Callable[[Model], float | None]  # None: no data
    text: Callable[[Model], str]  # in a sentence: "$2 / $8", "120 tokens/s"
    cell: Callable[[Model], str]  # in a narrow table: "$2/$8", "120 t/s"


# Measures no shipped source publishes: only the BenchLM export an operator turns on has them.
OPERATOR_ONLY = ("speed", "latency")

READINGS: dict[str, Reading] = {
    "price": Reading(blended, fmt.price, short_price),
    "latency": Reading(_ttft, fmt.latency, fmt.latency),
    "speed": Reading(_output_speed, fmt.speed, _speed_cell),
    "context": Reading(_context_window, _context, _context),
}


def metric_key(m: Model, metric: str) -> float | None:
    """A model's place on a metric, smaller first: a figure where lower is better as it is, one
    where higher is better (speed, context) reversed."""
    v = READINGS[metric].figure(m)
    if v is None:
        return None
    return v if MEASURES[metric].better == "lower" else -v


def metric_value(m: Model, metric: str) -> str:
    """The figure as a sentence writes it: "$2 / $8", "120 tokens/s", "0.45 s", "1M"."""
    return READINGS[metric].text(m)


def metric_cell(m: Model, metric: str) -> str:
    """The figure as a narrow table writes it: "$2/$8", "120 t/s", "0.45 s", "1M"."""
    return READINGS[metric].cell(m)


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
