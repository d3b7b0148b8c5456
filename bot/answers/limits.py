"""Price, speed, latency and limits side by side: the facts table every model answer has, and
the sentences that say who is cheaper, quicker or takes more context."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers import fmt
from bot.answers.blocks import drop_dead_rows
from bot.answers.context import Context
from bot.answers.figures import blended, long_prompt_row, short_price
from bot.answers.fmt import NO_DATA, num
from bot.catalog.models import Model
from bot.measures import MEASURES


def ops_rows(ctx: Context, ids: list[str], keep: set[str] | None = None) -> list[list[str]]:
    ms = [ctx.model(i) for i in ids]
    long = long_prompt_row(ms)
    rows = [
        ["Price in/out", *[short_price(m) for m in ms]],
        ["Speed", *[fmt.speed(m).replace(" tokens/s", " t/s") for m in ms]],
        ["Latency", *[fmt.latency(m) for m in ms]],
        ["Context", *[fmt.context(m.context_window) for m in ms]],
        *([long] if long else []),
        ["Max output", *[fmt.context(m.max_output_tokens) for m in ms]],
        ["Reasoning", *[fmt.yes_no(m.reasoning) for m in ms]],
        ["Open weights", *[fmt.yes_no(m.open_weights) for m in ms]],
        ["Released", *[m.release_date.isoformat() if m.release_date else NO_DATA for m in ms]],
    ]
    return drop_dead_rows(rows, keep)


def _cheaper(a: Model, b: Model) -> tuple[Model, Model] | None:
    """(cheaper, pricier) by blended price; None when unknown or equal."""
    ka, kb = blended(a), blended(b)
    if ka is None or kb is None or ka == kb:
        return None
    return (a, b) if ka < kb else (b, a)


def price_sentence(a: Model, b: Model) -> str | None:
    if blended(a) is None and blended(b) is None:
        return None
    if blended(a) is None or blended(b) is None:
        known, unknown = (a, b) if blended(a) is not None else (b, a)
        return (
            f"Only {known.name} has a published price ({fmt.price(known)} per 1M input / output "
            f"tokens); {unknown.name}: no data."
        )
    pair = _cheaper(a, b)
    if pair is None:
        return f"Both cost the same: {fmt.price(a)} per 1M input / output tokens."
    cheap, dear = pair
    if blended(cheap) == 0:
        return f"{cheap.name} is free to use; {dear.name} costs {fmt.price(dear)} per 1M input / output tokens."
    r = fmt.ratio(blended(dear) or 0, blended(cheap) or 0)
    tail = f", {r} the cost" if r else ""
    return (
        f"{dear.name} costs more: {fmt.price(dear)} per 1M input / output tokens against "
        f"{fmt.price(cheap)} for {cheap.name}{tail}."
    )


def context_sentence(a: Model, b: Model) -> str | None:
    if not a.context_window and not b.context_window:
        return None
    if not a.context_window or not b.context_window:
        known, unknown = (a, b) if a.context_window else (b, a)
        return f"{known.name} takes {fmt.context(known.context_window)} tokens of context; {unknown.name}: no data."
    if fmt.context(a.context_window) == fmt.context(b.context_window):
        return f"Both take {fmt.context(a.context_window)} tokens of context."
    big, small = (a, b) if a.context_window > b.context_window else (b, a)
    return (
        f"{big.name} gives you the larger context window at {fmt.context(big.context_window)}, "
        f"compared with {fmt.context(small.context_window)} for {small.name}."
    )


def metric_sentence(a: Model, b: Model, metric: str) -> str:
    if metric == "price":
        pair = _cheaper(a, b)
        if blended(a) is None or blended(b) is None:
            return (price_sentence(a, b) or "Neither has a published price: no data.") + (
                " So I can't say which is cheaper."
            )
        if pair is None:
            return f"Same price: {fmt.price(a)} per 1M input / output tokens for both."
        cheap, dear = pair
        r = fmt.ratio(blended(dear) or 0, blended(cheap) or 0)
        tail = f", {r} less" if r else ""
        return (
            f"**{cheap.name}** is cheaper: {fmt.price(cheap)} vs {fmt.price(dear)} per 1M input / "
            f"output tokens{tail}."
        )
    if metric == "context":
        if not a.context_window or not b.context_window:
            return (context_sentence(a, b) or "Neither has a known context window: no data.") + (
                " So I can't say which takes more."
            )
        if fmt.context(a.context_window) == fmt.context(b.context_window):
            return f"Same context window: {fmt.context(a.context_window)} tokens each."
        big, small = (a, b) if a.context_window > b.context_window else (b, a)
        return (
            f"**{big.name}** has the bigger context window: {fmt.context(big.context_window)} vs "
            f"{fmt.context(small.context_window)} tokens."
        )
    show: Callable[[float], str]
    if metric == "speed":
        va, vb, unit, label, show = a.output_speed, b.output_speed, "tokens/s", "faster", num
    else:
        va, vb, unit, label = a.ttft, b.ttft, "s to the first token", "quicker to start"
        show = _hundredths
    better = max if MEASURES[metric].better == "higher" else min
    if va is None and vb is None:
        return f"Neither has a measured {MEASURES[metric].phrase} in our data: no data for either."
    if va is None or vb is None:
        known, unknown, v = (a, b, va) if va is not None else (b, a, vb)
        assert v is not None  # one of the two is known
        return f"Only {known.name} has a measurement ({show(v)} {unit}); {unknown.name}: no data, so I can't say which is {label}."
    if va == vb:
        return f"They are level: {show(va)} {unit} each."
    win = a if better(va, vb) == va else b
    wv, lv = (va, vb) if win is a else (vb, va)
    text = f"**{win.name}** is {label}: {show(wv)} vs {show(lv)} {unit}."
    ca = a.speed_measurement.conditions if a.speed_measurement else None
    cb = b.speed_measurement.conditions if b.speed_measurement else None
    if ca != cb:
        text += " They were measured under different conditions, so take it as a rough guide."
    return text


def _hundredths(v: float) -> str:
    return num(v, 2)
