"""Radar chart: a PNG of fixed size, the same bytes for the same input, and no data never drawn
as zero."""

from __future__ import annotations

import io
import math
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.text import Text

from bot.answers.chart import (
    HEIGHT_PX,
    MAX_MODELS,
    PALETTE,
    RADAR_PX,
    WIDTH_PX,
    radar_figure,
    radar_png,
)

CATEGORIES = [
    ("agentic", "Agentic"),
    ("coding", "Coding"),
    ("reasoning", "Reasoning"),
    ("multimodal", "Multimodal"),
    ("knowledge", "Knowledge"),
    ("multilingual", "Multilingual"),
    ("instruction_following", "Instruction following"),
    ("math", "Math"),
]
IDS = [cid for cid, _ in CATEGORIES]

GEMMA = (
    "Gemma 4 12B",
    {"coding": 72.0, "multimodal": 69.1, "knowledge": 77.8}
    | {c: None for c in ("agentic", "reasoning", "multilingual", "instruction_following", "math")},
)
GPT = (
    "GPT-4.1",
    {
        "agentic": 59.5,
        "coding": 53.6,
        "reasoning": 58.9,
        "multimodal": 68.8,
        "knowledge": 32.2,
        "multilingual": 87.3,
        "instruction_following": 76.5,
        "math": 42.6,
    },
)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _full(name: str, base: float) -> tuple[str, dict[str, float | None]]:
    return name, {cid: base + 7 * i for i, cid in enumerate(IDS)}


def _pixels(png: bytes) -> np.ndarray:
    return imread(io.BytesIO(png), format="png")


def _radar_region(png: bytes) -> np.ndarray:
    # Only the plot itself: the legend and note legitimately differ between the renders compared.
    left, bottom, width, height = RADAR_PX
    top = HEIGHT_PX - bottom - height
    return _pixels(png)[top : top + height, left : left + width]


def _model_lines(fig, colour: str) -> list[Line2D]:
    ax = fig.axes[0]
    return [ln for ln in ax.get_lines() if ln.get_color() == colour]


def _all_text(fig) -> str:
    texts = [t.get_text() for t in fig.findobj(Text)]
    return "\n".join(texts)


def test_png_of_fixed_size() -> None:
    png = radar_png([GEMMA, GPT], CATEGORIES, "Gemma 4 12B vs GPT-4.1")
    assert png.startswith(PNG_MAGIC)
    img = _pixels(png)
    assert img.shape[:2] == (HEIGHT_PX, WIDTH_PX)
    assert WIDTH_PX >= 800 and HEIGHT_PX >= 800


def test_deterministic() -> None:
    a = radar_png([GEMMA, GPT], CATEGORIES, "Gemma 4 12B vs GPT-4.1")
    b = radar_png([GEMMA, GPT], CATEGORIES, "Gemma 4 12B vs GPT-4.1")
    assert a == b
    assert b"Software" not in a and b"matplotlib" not in a.lower()


def test_same_bytes_when_rendered_in_parallel_threads() -> None:
    # The bot renders under asyncio.to_thread; concurrent renders must not disturb each other.
    inputs = [
        ([GEMMA, GPT], "pair"),
        ([_full(f"M{i}", 5 * i) for i in range(MAX_MODELS)], "five"),
        ([GPT, GEMMA, _full("Third", 20)], None),
    ] * 3
    serial = [radar_png(m, CATEGORIES, t) for m, t in inputs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(lambda mt: radar_png(mt[0], CATEGORIES, mt[1]), inputs))
    assert parallel == serial


def test_five_models_each_distinct() -> None:
    models = [_full(f"Model {i}", 10 + 8 * i) for i in range(MAX_MODELS)]
    fig = radar_figure(models, CATEGORIES)
    styles = set()
    for colour in PALETTE:
        (line,) = _model_lines(fig, colour)
        styles.add((line.get_linestyle(), line.get_marker()))
    assert len(styles) == MAX_MODELS  # apart without colour too
    assert radar_png(models, CATEGORIES).startswith(PNG_MAGIC)


def test_too_many_models_refused() -> None:
    with pytest.raises(ValueError):
        radar_png([_full(f"M{i}", 10) for i in range(MAX_MODELS + 1)], CATEGORIES)
    with pytest.raises(ValueError):
        radar_png([], CATEGORIES)


def test_long_names_fit() -> None:
    long_a = "Claude Sonnet 4.5 (Thinking, 64K budget)"  # 40 characters
    long_b = "Qwen3 235B A22B Instruct 2507 (preview) X"
    fig = radar_figure([(long_a, GPT[1]), (long_b, GEMMA[1])], CATEGORIES)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0]
    box = legend.get_window_extent(renderer)
    assert box.x0 >= 0 and box.x1 <= WIDTH_PX and box.y0 >= 0 and box.y1 <= HEIGHT_PX
    labels = [t.get_text().replace("\n", " ") for t in legend.get_texts()]
    assert labels == [long_a, long_b]
    # Every piece of text stays inside the image, category labels included.
    for text in fig.findobj(Text):
        if text.get_text() and text.get_visible():
            b = text.get_window_extent(renderer)
            assert b.x0 >= 0 and b.x1 <= WIDTH_PX and b.y0 >= 0 and b.y1 <= HEIGHT_PX, text


def test_model_with_no_data_at_all() -> None:
    empty = ("Llama 4 Maverick", dict.fromkeys(IDS))
    fig = radar_figure([GPT, empty], CATEGORIES)
    assert _model_lines(fig, PALETTE[1]) == []
    legend_texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend_texts[1] == "Llama 4 Maverick\n(no data)"
    assert "Llama 4 Maverick: all categories" in _all_text(fig).replace("\n  ", " ")
    assert radar_png([GPT, empty], CATEGORIES).startswith(PNG_MAGIC)


def test_category_nobody_has_is_labelled_and_greyed() -> None:
    gpt = (GPT[0], GPT[1] | {"math": None})
    other = ("Other", {cid: 50.0 for cid in IDS if cid != "math"})
    fig = radar_figure([gpt, other], CATEGORIES)
    (math_label,) = [t for t in fig.axes[0].texts if t.get_text().startswith("Math")]
    assert math_label.get_text() == "Math\n(no data)"
    (coding_label,) = [t for t in fig.axes[0].texts if t.get_text() == "Coding"]
    assert math_label.get_color() != coding_label.get_color()
    # It isn't repeated in the note: the chart already says it.
    assert "No data" not in [t.get_text() for t in fig.texts]


def test_note_lists_models_lacking_a_category() -> None:
    fig = radar_figure([GEMMA, GPT], CATEGORIES)
    note = _all_text(fig).replace("\n  ", " ")
    assert "Gemma 4 12B: Agentic, Reasoning, Multilingual, Instruction following, Math" in note
    assert "GPT-4.1:" not in note


def test_missing_is_not_drawn_at_zero() -> None:
    fig = radar_figure([GEMMA, GPT], CATEGORIES)
    thetas = {round(2 * math.pi * i / len(IDS), 6): cid for i, cid in enumerate(IDS)}
    drawn = set()
    for line in _model_lines(fig, PALETTE[0]):
        for t, r in zip(line.get_xdata(), line.get_ydata(), strict=True):
            cid = thetas[round(float(t), 6)]
            assert GEMMA[1][cid] is not None, f"drew {cid}, which has no data"
            assert r == pytest.approx(GEMMA[1][cid])
            drawn.add(cid)
    assert drawn == {"coding", "multimodal", "knowledge"}


def test_missing_differs_from_zero_in_pixels() -> None:
    missing = ("A", GPT[1] | {"reasoning": None})
    zero = ("A", GPT[1] | {"reasoning": 0.0})
    other = ("B", {cid: 50.0 for cid in IDS})
    a = radar_png([missing, other], CATEGORIES)
    b = radar_png([zero, other], CATEGORIES)
    # Compare the plot area alone, so the note about missing data can't make them differ.
    assert not np.array_equal(_radar_region(a), _radar_region(b))


def test_bad_values_count_as_missing_and_out_of_range_is_clamped() -> None:
    weird = ("W", {"agentic": float("nan"), "coding": float("inf"), "reasoning": 140.0})
    fig = radar_figure([weird, GPT], CATEGORIES)
    points = [
        (float(t), float(r)) for ln in _model_lines(fig, PALETTE[0]) for t, r in ln.get_xydata()
    ]
    assert points == [(pytest.approx(2 * math.pi * 2 / 8), 100.0)]


def test_fast_enough() -> None:
    models = [_full(f"Model {i}", 10 + 8 * i) for i in range(MAX_MODELS)]
    radar_png(models, CATEGORIES, "warm-up")  # font cache
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        radar_png(models, CATEGORIES, "Five models")
        best = min(best, time.perf_counter() - start)
    assert best < 0.5


async def test_charts_are_drawn_once_per_chart_in_a_worker_that_comes_back_after_dying() -> None:
    import asyncio
    import os
    import signal

    from bot.catalog.check import read_catalog_file
    from bot.discord_app.charts import ChartCache
    from bot.engine import Engine
    from tests.conftest import SHIPPED

    engine = Engine(read_catalog_file(SHIPPED))
    charts = ChartCache(workers=1)
    await charts.start()
    try:
        ids = ["gpt-4.1", "o3"]
        # three askers at once, one drawing
        pngs = await asyncio.gather(*(charts.png_for(engine, ids, wait=30) for _ in range(3)))
        assert all(p is not None and p.startswith(b"\x89PNG") for p in pngs)
        assert charts.renders == 1 and len(set(pngs)) == 1
        # no wait: nothing now, the drawing still lands in the cache
        assert await charts.png_for(engine, ["gpt-4.1", "claude-sonnet-4"], wait=0) is None
        for _ in range(200):
            if not charts._pending:
                break
            await asyncio.sleep(0.05)
        assert await charts.png_for(engine, ["gpt-4.1", "claude-sonnet-4"], wait=0) is not None
        # the worker dies while idle: the next chart still comes, from a new worker
        for pid in list(charts._pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        again = await charts.png_for(engine, ["o3", "claude-sonnet-4"], wait=30)
        assert again is not None and again.startswith(b"\x89PNG")
    finally:
        charts.close()
