"""Where a model's speed and latency come from: who measured them, where, when and how far the
runs spread, in the few words an answer puts beside the figures."""

from __future__ import annotations

import datetime as dt

from bot.answers import fmt
from bot.answers.context import Context
from bot.answers.fmt import num, plural
from bot.catalog.models import Model, SpeedMeasurement


def _measured(m: Model) -> SpeedMeasurement:
    assert m.speed_measurement is not None
    return m.speed_measurement


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


def spread(sm: SpeedMeasurement) -> str:
    """How far a figure's runs spread, in one clause: "runs ranged 71–88 tokens/s and 0.41–0.66
    s to the first token"; "every run" for a measure that did not move."""
    parts = []
    for low, high, digits, unit in (
        (sm.speed_low, sm.speed_high, 1, "tokens/s"),
        (sm.ttft_low, sm.ttft_high, 2, "s to the first token"),
    ):
        lo, hi = num(low, digits), num(high, digits)
        parts.append((lo == hi, f"{lo} {unit}" if lo == hi else f"{lo}–{hi} {unit}"))
    (same_s, speed), (same_t, ttft) = parts
    if same_s == same_t:
        return f"{'every run' if same_s else 'runs ranged'} {speed} and {ttft}"
    first = "every run" if same_s else "runs ranged"
    second = "every run" if same_t else "runs ranged"
    return f"{first} {speed}; {second} {ttft}"


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
            text += f" ({spread(sm)})"
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
