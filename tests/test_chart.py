"""The answer's chart: drawn from the spec the answer carries, readable at the ~400 px Discord
shows it, and no data never drawn as zero."""

from __future__ import annotations

import asyncio
import io
import math
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.projections.polar import PolarAxes
from matplotlib.text import Text
from pydantic import ValidationError

from bot.answers.chart import (
    MAX_SERIES,
    MIN_SHOWN_PX,
    PALETTE,
    RADAR_HEIGHT_PX,
    SHOWN_WIDTH_PX,
    WIDTH_PX,
    draws_radar,
    figure,
    render_png,
    shown_px,
    size,
)
from bot.answers.compose import compare_many, compare_two
from bot.answers.context import CATEGORY_SHORT
from bot.answers.fmt import num, pct
from bot.answers.model import Chart, ChartSeries
from bot.discord_app.charts import ChartCache, spec_key

AXES = [
    "Agentic",
    "Coding",
    "Reasoning",
    "Multimodal",
    "Knowledge",
    "Multilingual",
    "Instruction following",
    "Math",
]
GPT = ChartSeries(name="GPT-4.1", values=[59.5, 53.6, 58.9, 68.8, 32.2, 87.3, 76.5, 42.6])
# No Reasoning score: its outline must break there.
OPUS = ChartSeries(name="Claude Opus 4", values=[58.4, 72.3, None, 76.5, 79.6, 88.8, 90.1, 75.5])
GEMMA = ChartSeries(name="Gemma 3 27B", values=[None, 43.5, 36.4, 70.9, 48.5, 75.1, 90.4, 92.5])
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def radar(*series: ChartSeries, **kw: object) -> Chart:
    return Chart(kind="radar", title="Category averages", axes=AXES, series=list(series), **kw)


def five_overall() -> Chart:
    names = ["Claude 3.5 Sonnet (Oct 2024)", "GPT-4o (May 2024)", "Gemini 2.5 Flash-Lite"]
    names += ["Qwen3 235B A22B", "Llama 3.1 Nemotron Ultra 253B v1"]
    values = [64.1, None, 39.4, 65.6, 73.4]
    return Chart(
        kind="bars",
        title="Overall score",
        axes=["Overall"],
        series=[ChartSeries(name=n, values=[v]) for n, v in zip(names, values, strict=True)],
    )


def full(name: str, base: float, n: int = len(AXES)) -> ChartSeries:
    return ChartSeries(name=name, values=[base + 7 * i for i in range(n)])


def _pixels(png: bytes) -> np.ndarray:
    return imread(io.BytesIO(png), format="png")


def _lines(fig, colour: str) -> list[Line2D]:
    ax = fig.axes[0]
    return [ln for ln in ax.get_lines() if to_hex(ln.get_color()) == to_hex(colour)]


def _bars_of(fig, colour: str) -> list[Rectangle]:
    ax = fig.axes[0]
    return [
        p
        for p in ax.patches
        if isinstance(p, Rectangle) and to_hex(p.get_facecolor()) == to_hex(colour)
    ]


def _texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


# -- size, bytes ---------------------------------------------------------------------------------


def test_png_is_the_size_it_says_and_never_wider_than_tall() -> None:
    for chart in (radar(GPT, OPUS), radar(GPT, OPUS, GEMMA), five_overall()):
        png = render_png(chart)
        assert png.startswith(PNG_MAGIC)
        h, w = _pixels(png).shape[:2]
        assert (w, h) == size(chart)
        assert w == WIDTH_PX and h >= w  # square or portrait: Discord shows it 400 px wide
    assert size(radar(GPT, OPUS)) == (WIDTH_PX, RADAR_HEIGHT_PX)


def test_deterministic() -> None:
    a = render_png(radar(GPT, OPUS))
    assert render_png(radar(GPT, OPUS)) == a
    assert b"Software" not in a and b"matplotlib" not in a.lower()
    assert render_png(five_overall()) == render_png(five_overall())


def test_same_bytes_when_rendered_in_parallel_threads() -> None:
    # Workers render in threads when CHART_WORKERS=0; concurrent renders must not disturb
    # each other.
    charts = [radar(GPT, OPUS), five_overall(), radar(GPT, OPUS, GEMMA)] * 3
    serial = [render_png(c) for c in charts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(render_png, charts)) == serial


def test_fast_enough() -> None:
    chart = radar(GPT, OPUS, GEMMA)
    render_png(chart)  # font cache
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        render_png(chart)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5


# -- what is drawn ------------------------------------------------------------------------------


def test_a_missing_value_breaks_the_outline_and_is_not_shaded() -> None:
    fig = figure(radar(GPT, OPUS))
    n, step = len(AXES), 2 * math.pi / len(AXES)
    missing = OPUS.values.index(None)
    vertices = []
    for line in _lines(fig, PALETTE[1]):
        thetas = [float(t) for t in line.get_xdata()]
        radii = [float(r) for r in line.get_ydata()]
        vertices += list(zip(thetas, radii, strict=True))
        # every drawn segment joins neighbouring spokes: none jumps across the gap
        for t0, t1 in zip(thetas, thetas[1:], strict=False):
            assert math.isclose((t1 - t0) % (2 * math.pi), step, abs_tol=1e-9)
    drawn = {round(t / step) % n: r for t, r in vertices}
    assert missing not in drawn  # no vertex at the missing spoke, at the centre or anywhere
    assert min(r for _, r in vertices) > 0
    assert drawn == {i: v for i, v in enumerate(OPUS.values) if v is not None}
    # Shading a broken outline would close it through the centre: only the whole one is shaded.
    fills = [p for p in fig.axes[0].patches if isinstance(p, Polygon)]
    assert [to_hex(p.get_facecolor(), keep_alpha=False) for p in fills] == [to_hex(PALETTE[0])]


def test_missing_differs_from_zero() -> None:
    zero = OPUS.model_copy(update={"values": [0.0 if v is None else v for v in OPUS.values]})
    fig = figure(radar(GPT, zero))
    (whole,) = _lines(fig, PALETTE[1])
    assert 0.0 in list(whole.get_ydata())  # a real zero is drawn, at the centre
    a, b = _pixels(render_png(radar(GPT, OPUS))), _pixels(render_png(radar(GPT, zero)))
    assert not np.array_equal(a, b)


def test_the_answer_also_says_which_scores_are_missing() -> None:
    # A gap in an outline is easy to miss at phone size.
    text = " ".join(t.get_text().replace("\n", " ") for t in figure(radar(GPT, OPUS)).texts)
    assert "No data for Claude Opus 4: Reasoning." in text
    assert "No data for GPT-4.1" not in text


def test_an_axis_no_model_has_is_greyed_and_labelled() -> None:
    gpt = GPT.model_copy(update={"values": [*GPT.values[:-1], None]})
    opus = OPUS.model_copy(update={"values": [*OPUS.values[:-1], None]})
    fig = figure(radar(gpt, opus))
    (maths,) = [t for t in fig.texts if t.get_text().startswith("Math")]
    (coding,) = [t for t in fig.texts if t.get_text() == "Coding"]
    assert maths.get_text() == "Math\n(no data)"
    assert maths.get_color() != coding.get_color()
    assert not any("Math" in t.get_text() for t in fig.texts if t is not maths)  # not a note too


def test_a_model_with_no_data_at_all_says_so_in_the_legend() -> None:
    empty = ChartSeries(name="Llama 4 Maverick", values=[None] * len(AXES))
    fig = figure(radar(GPT, empty))
    assert _lines(fig, PALETTE[1]) == []
    assert [t.get_text() for t in fig.legends[0].get_texts()][1] == "Llama 4 Maverick (no data)"


def test_bad_values_count_as_missing_and_out_of_range_is_clamped() -> None:
    weird = ChartSeries(name="W", values=[math.nan, math.inf, 140.0, *[None] * 5])
    fig = figure(radar(weird, GPT))
    points = [(float(t), float(r)) for ln in _lines(fig, PALETTE[0]) for t, r in ln.get_xydata()]
    assert points == [(pytest.approx(2 * math.pi * 2 / 8), 100.0)]


def test_a_missing_bar_says_no_data_and_a_zero_bar_says_zero() -> None:
    chart = five_overall()
    chart.series[0].values = [0.0]
    fig = figure(chart)
    texts = [t.get_text().strip() for t in _texts(fig)]
    assert _bars_of(fig, PALETTE[1]) == []  # None: no bar, not a bar of length zero
    assert texts.count("no data") == 1
    (zero,) = _bars_of(fig, PALETTE[0])
    assert zero.get_width() == 0 and "0" in texts
    for k, v in ((2, 39.4), (3, 65.6), (4, 73.4)):
        (bar,) = _bars_of(fig, PALETTE[k])
        assert bar.get_width() == pytest.approx(v) and f"{v:g}" in texts


def test_grouped_bars_one_per_model_per_axis() -> None:
    series = [GPT, OPUS, GEMMA, full("o3", 30)]
    fig = figure(Chart(kind="bars", title="By category", axes=AXES, series=series))
    for k, s in enumerate(series):
        widths = [b.get_width() for b in _bars_of(fig, PALETTE[k])]
        assert widths == pytest.approx([v for v in s.values if v is not None])
    texts = [t.get_text() for t in _texts(fig)]
    assert [t.strip() for t in texts].count("no data") == 2  # Opus's Reasoning, Gemma's Agentic
    assert all(label in texts for label in AXES)  # each group is labelled


def test_radar_only_up_to_three_models_then_bars() -> None:
    assert draws_radar(radar(GPT, OPUS, GEMMA))
    four = radar(GPT, OPUS, GEMMA, full("o3", 30))
    assert not draws_radar(four)
    fig = figure(four)
    assert not any(isinstance(ax, PolarAxes) for ax in fig.axes)
    assert len(_bars_of(fig, PALETTE[3])) == len(AXES)
    # a radar of two spokes is no radar
    two = Chart(kind="radar", title="t", axes=["A", "B"], series=[full("a", 10, 2)])
    assert not draws_radar(two)
    with pytest.raises(ValueError, match="at most"):
        figure(radar(*(full(f"M{i}", 10) for i in range(MAX_SERIES + 1))))
    with pytest.raises(ValueError):
        figure(radar())


def test_spec_values_must_match_its_axes() -> None:
    with pytest.raises(ValidationError, match="values for 8 axes"):
        radar(ChartSeries(name="short", values=[1.0, 2.0]))


def test_names_are_drawn_in_their_series_colours_and_styles_differ() -> None:
    fig = figure(radar(GPT, OPUS, GEMMA))
    legend = fig.legends[0]
    colours = {t.get_text(): to_hex(t.get_color()) for t in legend.get_texts()}
    assert colours == {s.name: to_hex(PALETTE[k]) for k, s in enumerate((GPT, OPUS, GEMMA))}
    styles = set()
    for k, s in enumerate((GPT, OPUS, GEMMA)):
        lines = _lines(fig, PALETTE[k])
        assert lines, s.name
        styles |= {(ln.get_linestyle(), ln.get_marker()) for ln in lines}
    assert len(styles) == 3  # apart without colour too
    # the legend runs across the top, not down a side column
    box = legend.get_window_extent(fig.canvas.get_renderer())
    assert box.width > WIDTH_PX / 2 and box.y0 > fig.axes[0].get_window_extent().y1 - 1

    four = Chart(kind="bars", title="By category", axes=AXES, series=[GPT, OPUS, GEMMA])
    fig = figure(four)
    for t in fig.legends[0].get_texts():
        k = [s.name for s in four.series].index(t.get_text())
        assert {to_hex(b.get_facecolor()) for b in _bars_of(fig, PALETTE[k])} == {
            to_hex(t.get_color())
        }


def test_one_group_of_bars_names_each_bar_in_its_colour() -> None:
    chart = five_overall()
    fig = figure(chart)
    for k, s in enumerate(chart.series):
        (name,) = [t for t in _texts(fig) if t.get_text() == s.name]
        assert to_hex(name.get_color()) == to_hex(PALETTE[k])


READABLE = {
    "two": radar(GPT, OPUS, note="Head to head on shared benchmarks"),
    "three": radar(GPT, OPUS, GEMMA),
    "long names": radar(
        GPT.model_copy(update={"name": "Claude Sonnet 4.5 (Thinking, 64K budget)"}),
        OPUS.model_copy(update={"name": "Qwen3 235B A22B Instruct 2507 (preview) X"}),
    ),
    "five bars": five_overall(),
    "four by eight bars": Chart(
        kind="bars", title="By category", axes=AXES, series=[GPT, OPUS, GEMMA, full("o3", 30)]
    ),
}


@pytest.mark.parametrize("name", READABLE)
def test_every_label_is_readable_at_400px_and_inside_the_image(name: str) -> None:
    chart = READABLE[name]
    fig = figure(chart)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    w, h = size(chart)
    scale = SHOWN_WIDTH_PX / w
    texts = _texts(fig)
    assert texts
    for t in texts:
        assert shown_px(t.get_fontsize()) >= MIN_SHOWN_PX, t
        box = t.get_window_extent(renderer)
        # a line of text, ascender to descender, as it appears on screen
        lines = t.get_text().count("\n") + 1
        assert box.height / lines * scale >= MIN_SHOWN_PX, t
        assert box.x0 >= 0 and box.x1 <= w and box.y0 >= 0 and box.y1 <= h, t


@pytest.mark.parametrize("name", ["two", "three", "long names"])
def test_radar_texts_do_not_overlap(name: str) -> None:
    fig = figure(READABLE[name])
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.texts if t.get_text()]
    boxes.append(fig.legends[0].get_window_extent(renderer))
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)


def test_long_legend_names_are_kept_whole() -> None:
    fig = figure(READABLE["long names"])
    labels = [t.get_text().replace("\n", " ") for t in fig.legends[0].get_texts()]
    assert labels == [s.name for s in READABLE["long names"].series]


# -- the answer's chart --------------------------------------------------------------------------


def test_a_compare_answer_charts_the_numbers_it_shows(engine) -> None:
    """The radar draws each category called head to head, the same figures as the table's
    columns, rounded as the table rounds them; a category with no benchmark both have is no
    spoke at all (not an empty one, not its own-benchmark score)."""
    ctx = engine.context
    ans = compare_two(ctx, "gpt-4.1", "o3")
    chart = ans.chart
    assert chart is not None and chart.kind == "radar"
    assert [s.name for s in chart.series] == ans.models
    rows = [r for r in ans.data["categories"] if r["comparable"]]
    assert chart.axes == [ctx.cat_name(r["category"]) for r in rows]
    table = next(b for b in ans.blocks if b.kind == "table" and b.title == "By category")
    shown = {r[0].split(" (")[0]: (r[1], r[2]) for r in table.rows}
    for i, r in enumerate(rows):
        got = (chart.series[0].values[i], chart.series[1].values[i])
        assert got == (round(r["ha"], 1), round(r["hb"], 1))
        assert shown[CATEGORY_SHORT[r["category"]]] == (num(got[0]), num(got[1]))


def test_few_shared_categories_are_bars_and_one_figure_no_chart(engine) -> None:
    ctx = engine.context
    # GPT-5.5 and Gemini 3.5 Flash share four categories: bars, not a radar of empty spokes
    few = compare_two(ctx, "gpt-5.5", "gemini-3.5-flash").chart
    called = compare_two(ctx, "gpt-5.5", "gemini-3.5-flash").data["categories"]
    assert few is not None and few.kind == "bars" and not draws_radar(few)
    assert len(few.axes) == sum(r["comparable"] for r in called) < 5
    assert all(v is not None for s in few.series for v in s.values)
    # one shared instruction-following benchmark: the table shows it once, no one-bar chart
    one = compare_two(ctx, "claude-sonnet-5", "gemini-3.5-flash", "instruction_following")
    assert one.chart is None


def test_a_category_question_charts_the_benchmarks_it_calls_on(engine) -> None:
    ans = engine.ask("which is better for coding, claude sonnet 4.5 or gpt-5").answer
    chart = ans.chart
    assert chart is not None and chart.kind == "bars"
    bench = next(
        b for b in ans.blocks if b.kind == "table" and "benchmarks both have" in (b.title or "")
    )
    by_label = {r[0]: (r[1].rstrip("†"), r[2].rstrip("†")) for r in bench.rows}
    # the chart's axes are the table's labels, the same figures beside them
    assert chart.axes == list(by_label)[: len(chart.axes)]
    for i, axis in enumerate(chart.axes):
        assert by_label[axis] == (pct(chart.series[0].values[i]), pct(chart.series[1].values[i]))


def test_a_price_or_speed_answer_has_no_chart(engine) -> None:
    ctx = engine.context
    assert compare_two(ctx, "gpt-4.1", "o3", metric="price").chart is None
    assert compare_many(ctx, ["gpt-4.1", "o3", "claude-sonnet-4"], None, "speed").chart is None
    assert engine.ask("which is cheaper, gpt-4.1 or o3?").answer.chart is None
    assert engine.ask("tell me about o3").answer.chart is None
    assert engine.ask("best model for coding").answer.chart is None


def test_five_models_are_compared_as_bars_of_the_overall_score(engine) -> None:
    ids = ["gpt-4.1", "o3", "claude-sonnet-4", "gpt-4.1-mini", "gpt-4o-2024-08-06"]
    ans = compare_many(engine.context, ids, None, None)
    assert ans.chart is not None and ans.chart.kind == "bars"
    # in the order of the ranked table, with its figures
    ranking = ans.data["ranking"]
    assert [s.name for s in ans.chart.series] == [
        engine.catalog.model(r["model"]).name for r in ranking
    ]
    # rounded as the table and the message show them: 60, not 59.8
    assert [s.values for s in ans.chart.series] == [[round(r["value"])] for r in ranking]
    assert [r[2].rstrip("†") for r in ans.short.rows] == [
        num(v[0], 0) for v in (s.values for s in ans.chart.series)
    ]
    assert not draws_radar(ans.chart)


# -- the cache and the worker --------------------------------------------------------------------


async def test_the_cache_keys_on_the_spec() -> None:
    charts = ChartCache(workers=0)  # drawn in a thread
    a = radar(GPT, OPUS)
    png = await charts.png_for(a, wait=30)
    assert png is not None and png.startswith(PNG_MAGIC)
    # the same spec, however it was built, is the same picture
    again = Chart.model_validate_json(a.model_dump_json())
    assert await charts.png_for(again, wait=30) == png and charts.renders == 1
    # any number, name or order that differs is another picture
    changed = radar(GPT, OPUS.model_copy(update={"values": [*OPUS.values[:-1], 75.6]}))
    swapped = radar(OPUS, GPT)
    assert len({spec_key(c) for c in (a, changed, swapped)}) == 3
    assert await charts.png_for(changed, wait=30) not in (None, png)
    assert charts.renders == 2


async def test_charts_are_drawn_once_per_chart_in_a_worker_that_comes_back_after_dying(
    engine,
) -> None:
    import os
    import signal

    def chart(a: str, b: str) -> Chart:
        spec = compare_two(engine.context, a, b).chart
        assert spec is not None
        return spec

    charts = ChartCache(workers=1)
    await charts.start()
    try:
        first = chart("gpt-4.1", "o3")
        # three askers at once, one drawing
        pngs = await asyncio.gather(*(charts.png_for(first, wait=30) for _ in range(3)))
        assert all(p is not None and p.startswith(PNG_MAGIC) for p in pngs)
        assert charts.renders == 1 and len(set(pngs)) == 1
        assert pngs[0] == render_png(first)  # the worker draws what this process would
        # no wait: nothing now, the drawing still lands in the cache
        second = chart("gpt-4.1", "claude-sonnet-4")
        assert await charts.png_for(second, wait=0) is None
        for _ in range(200):
            if not charts._pending:
                break
            await asyncio.sleep(0.05)
        assert await charts.png_for(second, wait=0) is not None
        # the worker dies while idle: the next chart still comes, from a new worker
        for pid in list(charts._pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        again = await charts.png_for(chart("o3", "claude-sonnet-4"), wait=30)
        assert again is not None and again.startswith(PNG_MAGIC)
    finally:
        charts.close()
