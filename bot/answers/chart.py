"""Radar chart of category scores, as PNG bytes for a Discord embed.

Pure and thread-safe: it builds a bare `Figure` on an Agg canvas and never touches pyplot or
rcParams, so it can run under `asyncio.to_thread` while other threads render too. The same input
gives the same bytes (no timestamp in the PNG), so results can be cached and compared.

Missing data is never drawn as zero: a model's outline only joins neighbouring spokes that both
have a score, a category no model has is greyed and labelled "(no data)", and the models lacking
a category some other model has are listed in a note beside the legend.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.projections.polar import PolarAxes
from matplotlib.transforms import Bbox

# Fixed pixel size, whatever the input, so embeds don't jump around and tests can check it. Wider
# than tall: the right-hand column holds the legend and the no-data note.
WIDTH_PX = 1100
HEIGHT_PX = 800
_DPI = 100

# Discord's dark theme; every colour below is chosen against it and still reads if the PNG is
# shown on the light theme, because the chart carries its own background.
BACKGROUND = "#2b2d31"
_PLOT_BG = "#313338"
_TEXT = "#f2f3f5"
_MUTED = "#b5bac1"
_GRID = "#4e5058"
_GREYED = "#80848e"

# Okabe-Ito, reordered so the first two (the common two-model case) differ most in hue and
# lightness; its dark blue is left out because it disappears on the dark background.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442")
# Line style and marker vary too, so models stay apart in greyscale or for any colour vision.
LINESTYLES: tuple[str | tuple[float, tuple[float, ...]], ...] = (
    "solid",
    (0, (6, 3)),
    (0, (1.5, 2)),
    (0, (6, 2, 1.5, 2)),
    (0, (6, 2, 1.5, 2, 1.5, 2)),
)
MARKERS = ("o", "s", "^", "D", "v")
MAX_MODELS = len(PALETTE)

_GRID_LEVELS = (20, 40, 60, 80, 100)
# Score labels and legend sizes are large because Discord shrinks embed images to ~400 px wide.
_LABEL_PT = 15
_TICK_PT = 10
_LEGEND_PT = 12.5
_NOTE_PT = 11.5
_TITLE_PT = 18
_TITLE_MIN_PT = 14
_LEGEND_WRAP = 22  # characters per legend line; a 40-character name takes two lines
_LEGEND_MAX_LINES = 3
_LABEL_WRAP = 13  # "Instruction following" -> two lines, so side labels don't run off the edge

# Layout in pixels: a 520 px radar with ~140 px either side for its labels ("Instruction" is
# ~100 px wide at 15 pt), then a ~290 px column for the legend and the no-data note.
RADAR_PX = (140, 85, 520, 520)  # left, bottom, width, height
_COLUMN_X_PX = 815
_COLUMN_TOP_PX = 690
_COLUMN_BOTTOM_PX = 20
_NOTE_WRAP = 30
_EDGE_PX = 6
_MIN_PT = 7


def radar_png(
    models: list[tuple[str, dict[str, float | None]]],
    categories: list[tuple[str, str]],
    title: str | None = None,
) -> bytes:
    """Render category scores (0-100) of 1 to 5 models as a radar chart; return PNG bytes.

    `models` is [(display name, {category_id: score or None})]; `categories` is the spoke order,
    [(category_id, display name)], starting at the top and running clockwise. Scores outside
    0-100 are clamped (the axis is fixed so charts compare at a glance); NaN counts as no data.
    The image is always WIDTH_PX x HEIGHT_PX.
    """
    canvas = radar_figure(models, categories, title).canvas
    assert isinstance(canvas, FigureCanvasAgg)
    buf = io.BytesIO()
    # No Software/date metadata: identical input must give identical bytes for caching.
    canvas.print_png(buf, metadata={"Software": None})
    return buf.getvalue()


def radar_figure(
    models: list[tuple[str, dict[str, float | None]]],
    categories: list[tuple[str, str]],
    title: str | None = None,
) -> Figure:
    """The chart as a Figure on its own Agg canvas; separate from radar_png so tests can inspect
    what was drawn rather than guess from pixels."""
    if not models:
        raise ValueError("radar_png needs at least one model")
    if len(models) > MAX_MODELS:
        raise ValueError(f"radar_png draws at most {MAX_MODELS} models, got {len(models)}")
    if len(categories) < 3:
        raise ValueError("a radar chart needs at least three categories")

    n = len(categories)
    scores = [[_clean(vals.get(cid)) for cid, _ in categories] for _, vals in models]
    unscored = [all(row[i] is None for row in scores) for i in range(n)]
    # Top, then clockwise: the reading order people expect from a radar chart.
    thetas = [2 * math.pi * i / n for i in range(n)]

    fig = Figure(figsize=(WIDTH_PX / _DPI, HEIGHT_PX / _DPI), dpi=_DPI, facecolor=BACKGROUND)
    canvas = FigureCanvasAgg(fig)
    left, bottom, width, height = RADAR_PX
    rect = (left / WIDTH_PX, bottom / HEIGHT_PX, width / WIDTH_PX, height / HEIGHT_PX)
    ax = fig.add_axes(rect, projection="polar", facecolor=_PLOT_BG)
    assert isinstance(ax, PolarAxes)
    _draw_frame(ax, categories, thetas, unscored)

    handles: list[Line2D] = []
    for k, ((name, _), row) in enumerate(zip(models, scores, strict=True)):
        style = {
            "color": PALETTE[k],
            "linestyle": LINESTYLES[k],
            "marker": MARKERS[k],
            "linewidth": 2.4,
            "markersize": 7.5,
            "markeredgecolor": BACKGROUND,
            "markeredgewidth": 0.8,
        }
        _draw_model(ax, row, thetas, style, zorder=3 + k)
        label = _wrap(name, _LEGEND_WRAP, _LEGEND_MAX_LINES)
        if all(v is None for v in row):
            label += "\n(no data)"
        handles.append(Line2D([], [], label=label, **style))

    renderer = canvas.get_renderer()
    if title:
        _place_title(fig, renderer, title)
    legend_bottom = _place_legend(fig, renderer, handles)
    note = _no_data_note([name for name, _ in models], categories, scores, unscored)
    if note:
        _place_note(fig, renderer, note, top_px=legend_bottom - 30)
    return fig


def _clean(v: object) -> float | None:
    # Scores come from parsed data: treat anything that is not a finite number as missing.
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    return min(100.0, max(0.0, f))


def _wrap(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return "\n".join(lines)


def _draw_frame(
    ax: PolarAxes,
    categories: Sequence[tuple[str, str]],
    thetas: list[float],
    unscored: list[bool],
) -> None:
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 100)
    ax.spines["polar"].set_color(_GRID)
    ax.grid(True, color=_GRID, linewidth=0.9)
    # Score ticks sit halfway between the first two spokes so no outline runs through them.
    ax.set_rgrids(
        _GRID_LEVELS,
        labels=[str(v) for v in _GRID_LEVELS],
        angle=math.degrees(thetas[1]) / 2,
        color=_MUTED,
        fontsize=_TICK_PT,
    )
    # Own spoke labels instead of xticklabels: those are always centred, so side labels such as
    # "Instruction following" would overlap the plot or be clipped at the figure edge.
    ax.set_xticks(thetas)
    ax.set_xticklabels([])
    for i, ((_, label), theta) in enumerate(zip(categories, thetas, strict=True)):
        x, y = math.sin(theta), math.cos(theta)
        ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
        text = _wrap(label, _LABEL_WRAP, 3)
        colour, style = _TEXT, "normal"
        if unscored[i]:
            # A category nobody has is greyed and says so, never shown as a zero score.
            text += "\n(no data)"
            colour, style = _GREYED, "italic"
            ax.plot([theta, theta], [0, 100], color=_GREYED, linestyle=(0, (2, 3)), zorder=2)
        ax.text(
            theta,
            109,
            text,
            ha=ha,
            va=va,
            color=colour,
            fontsize=_LABEL_PT,
            fontstyle=style,
            multialignment="center",
            clip_on=False,
        )


def _runs(row: list[float | None]) -> list[list[int]]:
    """Maximal runs of neighbouring spokes with data, wrapping past the last spoke.

    Only neighbours that both have a score are joined: a line across a missing spoke would
    invent a value there.
    """
    n = len(row)
    if all(v is not None for v in row):
        return [list(range(n)) + [0]]  # closed outline
    start = next(i for i, v in enumerate(row) if v is None)
    runs: list[list[int]] = []
    current: list[int] = []
    for step in range(1, n + 1):
        i = (start + step) % n
        if row[i] is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    return runs


def _draw_model(
    ax: PolarAxes,
    row: list[float | None],
    thetas: list[float],
    style: dict[str, object],
    zorder: int,
) -> None:
    colour = style["color"]
    for run in _runs(row):
        ts = [thetas[i] for i in run]
        rs = [row[i] for i in run]
        closed = len(run) > 1 and run[-1] == run[0]
        # A fan from the centre shades only the sectors between spokes that have data.
        fill_t = ts if closed else [ts[0], *ts, ts[-1]]
        fill_r = rs if closed else [0.0, *rs, 0.0]
        if len(run) > 1:
            # Every fill below every outline, so a later model's tint never dims an earlier line.
            ax.fill(fill_t, fill_r, color=colour, alpha=0.16, linewidth=0, zorder=2)
        ax.plot(ts, rs, zorder=zorder, **style)


def _no_data_note(
    names: list[str],
    categories: Sequence[tuple[str, str]],
    scores: list[list[float | None]],
    unscored: list[bool],
) -> str:
    """Which models lack which categories, leaving out those no model has (greyed on the chart)."""
    paragraphs = []
    for name, row in zip(names, scores, strict=True):
        if all(v is None for v in row):
            missing = "all categories"
        else:
            gaps = [
                label
                for (_, label), v, nobody in zip(categories, row, unscored, strict=True)
                if v is None and not nobody
            ]
            if not gaps:
                continue
            missing = ", ".join(gaps)
        paragraphs.append(textwrap.fill(f"{name}: {missing}", _NOTE_WRAP, subsequent_indent="  "))
    return "\n".join(paragraphs)


def _fits(extent: Bbox) -> bool:
    return extent.x1 <= WIDTH_PX - _EDGE_PX and extent.y0 >= _COLUMN_BOTTOM_PX


def _place_title(fig: Figure, renderer: RendererAgg, title: str) -> None:
    # One line only (the radar needs the height), shrunk to fit, then cut with an ellipsis.
    size = _TITLE_PT
    text = _wrap(title, 90, 1)
    while True:
        artist = fig.text(
            0.5,
            0.965,
            text,
            ha="center",
            va="top",
            color=_TEXT,
            fontsize=size,
            fontweight="bold",
        )
        extent = artist.get_window_extent(renderer)
        if (extent.x0 >= _EDGE_PX and extent.x1 <= WIDTH_PX - _EDGE_PX) or len(text) <= 1:
            return
        artist.remove()
        if size > _TITLE_MIN_PT:
            size -= 1
        else:
            text = text[:-2].rstrip(" …") + "…"


def _place_legend(fig: Figure, renderer: RendererAgg, handles: list[Line2D]) -> float:
    """Legend at the top of the right column; returns its bottom edge in pixels."""
    # Wrapping is by characters, so wide glyphs can still overrun the edge: shrink, never clip.
    size = _LEGEND_PT
    while True:
        legend = fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(_COLUMN_X_PX / WIDTH_PX, _COLUMN_TOP_PX / HEIGHT_PX),
            frameon=False,
            fontsize=size,
            labelcolor=_TEXT,
            handlelength=3.2,  # long enough to show each dash pattern
            labelspacing=0.9,
            borderaxespad=0,
            borderpad=0,
        )
        extent = legend.get_window_extent(renderer)
        if _fits(extent) or size <= _MIN_PT:
            return float(extent.y0)
        legend.remove()
        size -= 1


def _place_note(fig: Figure, renderer: RendererAgg, note: str, top_px: float) -> None:
    x = _COLUMN_X_PX / WIDTH_PX
    heading = fig.text(
        x,
        top_px / HEIGHT_PX,
        "No data",
        ha="left",
        va="top",
        color=_TEXT,
        fontsize=_NOTE_PT + 1,
        fontweight="bold",
    )
    top_px = heading.get_window_extent(renderer).y0 - 6
    # Shrink rather than clip when many models lack many categories.
    size = _NOTE_PT
    while True:
        text = fig.text(
            x,
            top_px / HEIGHT_PX,
            note,
            ha="left",
            va="top",
            color=_MUTED,
            fontsize=size,
            linespacing=1.3,
        )
        if _fits(text.get_window_extent(renderer)) or size <= _MIN_PT:
            return
        text.remove()
        size -= 1
