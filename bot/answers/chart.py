"""An answer's chart (`Chart`, filled by the composer), drawn as PNG bytes for a Discord embed.

Discord shows an embed image about 400 px wide, on a phone as on a desktop, so everything here is
sized for that: the canvas is 800 px wide at 200 dpi, which makes a point of type 200/72 px in the
PNG and exactly half that on screen; the smallest type (9 pt) is 12.5 px tall when shown. The
legend sits above the plot, never beside it, so the plot keeps the whole width.

Pure and thread-safe: it builds a bare `Figure` on an Agg canvas and never touches pyplot or
rcParams, so it can run in a worker process or thread while others render too. The same chart
gives the same bytes (no timestamp in the PNG), so results can be cached and compared.

Missing data is never drawn as zero: a radar outline breaks at a spoke a model has no score for
(and is only shaded when it is whole), a missing bar says "no data" instead of being a bar of
length zero, and an axis no model has is greyed and labelled "(no data)".
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.projections.polar import PolarAxes
from matplotlib.text import Text

from bot.answers.fmt import num
from bot.answers.model import Chart

WIDTH_PX = 800
RADAR_HEIGHT_PX = 850
# A bar chart grows taller with its bar count so every bar keeps room for its value label; it is
# never shorter than square, and capped so a phone never scrolls through one.
BARS_MIN_HEIGHT_PX = 800
BARS_MAX_HEIGHT_PX = 1800
DPI = 200
SHOWN_WIDTH_PX = 400  # how wide Discord shows an embed image
MIN_SHOWN_PX = 12.0  # no text smaller than this on screen


def shown_px(points: float) -> float:
    """How tall text of `points` size looks once Discord scales the image to SHOWN_WIDTH_PX."""
    return points * DPI / 72 * SHOWN_WIDTH_PX / WIDTH_PX


# Type sizes in points; at 200 dpi and half scale, 1 pt shows as 1.39 px.
TITLE_PT = 13.0  # 18 px on screen
LEGEND_PT = 11.0  # 15.3 px
LABEL_PT = 10.5  # radar spokes and bar groups, 14.6 px
VALUE_PT = 10.0  # numbers at the bar ends, 13.9 px
SMALL_PT = 9.0  # score rings, "no data", notes: 12.5 px, the smallest

# Discord's dark theme; every colour below is chosen against it and still reads if the PNG is
# shown on the light theme, because the chart carries its own background.
BACKGROUND = "#2b2d31"
_PLOT_BG = "#313338"
_TEXT = "#f2f3f5"
_MUTED = "#b5bac1"
_GRID = "#4e5058"
_GREYED = "#80848e"
_FAINT_GRID = "#3f4147"

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
MAX_SERIES = len(PALETTE)
MAX_RADAR_SERIES = 3  # past three, overlapping outlines stop being readable: bars instead

_EDGE_PX = 24  # margin at the canvas edges
_GAP_PX = 18  # between title, legend, plot and notes
_SIDE_EDGE_PX = 12  # spoke labels may come closer to the sides: the radar is as wide as they let it
_SPOKE_PAD_PX = 10  # between the outer ring and a spoke's label
_LEGEND_WRAP = 26  # characters per legend line; a 40-character name takes two lines
_LABEL_WRAP = 12  # "Instruction following" -> two lines, so side labels stay narrow
_NOTE_WRAP = 58
_NOTE_MAX_LINES = 3
_NO_DATA = "no data"


def render_png(chart: Chart) -> bytes:
    """The chart as PNG bytes, of size(chart) pixels."""
    canvas = figure(chart).canvas
    assert isinstance(canvas, FigureCanvasAgg)
    buf = io.BytesIO()
    # No Software/date metadata: identical input must give identical bytes for caching.
    canvas.print_png(buf, metadata={"Software": None})
    return buf.getvalue()


def size(chart: Chart) -> tuple[int, int]:
    """Width and height in pixels: always WIDTH_PX wide; a bar chart's height follows its bars."""
    return WIDTH_PX, RADAR_HEIGHT_PX if draws_radar(chart) else bars_height(chart)


def draws_radar(chart: Chart) -> bool:
    """Whether `chart` is drawn as a radar: asked for, at most three models, three spokes."""
    return chart.kind == "radar" and len(chart.series) <= MAX_RADAR_SERIES and len(chart.axes) >= 3


def figure(chart: Chart) -> Figure:
    """The chart as a Figure on its own Agg canvas; separate from render_png so tests can inspect
    what was drawn rather than guess from pixels."""
    if not chart.series:
        raise ValueError("a chart needs at least one series")
    if len(chart.series) > MAX_SERIES:
        raise ValueError(f"a chart draws at most {MAX_SERIES} series, got {len(chart.series)}")
    if not chart.axes:
        raise ValueError("a chart needs at least one axis")
    values = [[_clean(v, chart.scale_max) for v in s.values] for s in chart.series]
    if draws_radar(chart):
        return _radar(chart, values)
    return _bars(chart, values)


def _clean(v: float | None, top: float) -> float | None:
    # The spec comes from parsed data: anything that is not a finite number is missing. The scale
    # is fixed so charts compare at a glance, so values outside it are clamped.
    if v is None or not math.isfinite(v):
        return None
    return min(top, max(0.0, float(v)))


def _wrap(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return "\n".join(lines)


def _style(k: int) -> dict[str, Any]:
    return {
        "color": PALETTE[k],
        "linestyle": LINESTYLES[k],
        "marker": MARKERS[k],
        "linewidth": 2.0,
        "markersize": 5.5,
        "markeredgecolor": BACKGROUND,
        "markeredgewidth": 0.6,
    }


# -- the parts both kinds share: title, legend, notes -------------------------------------------


@dataclass
class _Canvas:
    fig: Figure
    renderer: RendererAgg
    height: int

    def text(self, x_px: float, top_px: float, text: str, **kw: Any) -> Text:
        """Text placed in pixels measured from the top-left corner."""
        return self.fig.text(x_px / WIDTH_PX, 1 - top_px / self.height, text, **kw)

    def bottom_of(self, artist: Text | Legend) -> float:
        return self.height - float(artist.get_window_extent(self.renderer).y0)

    def top_of(self, artist: Text | Legend) -> float:
        return self.height - float(artist.get_window_extent(self.renderer).y1)


def _new_canvas(height: int) -> _Canvas:
    fig = Figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI, facecolor=BACKGROUND)
    canvas = FigureCanvasAgg(fig)
    return _Canvas(fig, canvas.get_renderer(), height)


def _fits_width(c: _Canvas, artist: Text | Legend) -> bool:
    box = artist.get_window_extent(c.renderer)
    return bool(box.x0 >= _EDGE_PX - 1 and box.x1 <= WIDTH_PX - _EDGE_PX + 1)


def _title(c: _Canvas, title: str) -> float:
    """The title, centred, on at most two lines; returns its bottom edge."""
    for width in (36, 32, 28):  # characters per line; wide glyphs need fewer
        artist = c.text(
            WIDTH_PX / 2,
            _EDGE_PX,
            _wrap(title, width, 2),
            ha="center",
            va="top",
            color=_TEXT,
            fontsize=TITLE_PT,
            fontweight="bold",
            linespacing=1.15,
        )
        if _fits_width(c, artist) or width == 28:
            return c.bottom_of(artist)
        artist.remove()
    raise AssertionError("unreachable")


def _legend_label(name: str, row: list[float | None], wrap: int) -> str:
    label = _wrap(name, wrap, 2)
    if all(v is None for v in row):
        label += " (no data)"
    return label


def _legend(
    c: _Canvas, chart: Chart, values: list[list[float | None]], top_px: float, bars: bool
) -> float:
    """Model names in their own colours, centred under the title in as few rows as fit the
    width; returns the legend's bottom edge."""
    n = len(chart.series)
    # Fewest rows first; one name a row last, when the names are long.
    for cols, wrap in [*((k, _LEGEND_WRAP) for k in range(min(n, 3), 1, -1)), (1, 40), (1, 28)]:
        # Legends fill column by column; this order reads row by row, in the answer's order.
        order = [k for col in range(cols) for k in range(col, n, cols)]
        handles = []
        for k in order:
            style = _style(k)
            if bars:
                # a bar's swatch: a thick stroke in its colour, with the marker on its bar's end
                style |= {"linestyle": "solid", "linewidth": 6, "markersize": 6}
            handles.append(Line2D([], [], **style))
        legend = c.fig.legend(
            handles=handles,
            labels=[_legend_label(chart.series[k].name, values[k], wrap) for k in order],
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - top_px / c.height),
            ncols=cols,
            frameon=False,
            fontsize=LEGEND_PT,
            handlelength=2.6,  # long enough to show each dash pattern
            handletextpad=0.5,
            columnspacing=1.4,
            labelspacing=0.5,
            borderaxespad=0,
            borderpad=0,
        )
        for text, k in zip(legend.get_texts(), order, strict=True):
            text.set_color(PALETTE[k])
        if _fits_width(c, legend) or wrap == 28:
            return c.bottom_of(legend)
        legend.remove()
    raise AssertionError("unreachable")


def _notes(c: _Canvas, lines: list[tuple[str, str]]) -> float:
    """Notes stacked up from the bottom edge, the first one highest; returns the top of them."""
    bottom: float = c.height - _EDGE_PX
    top = float(c.height)
    for text, colour in reversed(lines):
        artist = c.text(
            _EDGE_PX,
            bottom,
            _wrap(text, _NOTE_WRAP, _NOTE_MAX_LINES),
            ha="left",
            va="bottom",
            color=colour,
            fontsize=SMALL_PT,
            linespacing=1.25,
        )
        top = c.top_of(artist)
        bottom = top - 8
    return top


# -- radar ----------------------------------------------------------------------------------------


def _radar(chart: Chart, values: list[list[float | None]]) -> Figure:
    c = _new_canvas(RADAR_HEIGHT_PX)
    n = len(chart.axes)
    unscored = [all(row[i] is None for row in values) for i in range(n)]
    # Top, then clockwise: the reading order people expect from a radar chart.
    thetas = [2 * math.pi * i / n for i in range(n)]

    top = _title(c, chart.title) + _GAP_PX
    top = _legend(c, chart, values, top, bars=False) + _GAP_PX
    notes = [(text, _MUTED) for text in _missing_notes(chart, values, unscored)]
    if chart.note:
        notes.append((chart.note, _MUTED))
    bottom = (_notes(c, notes) - _GAP_PX) if notes else c.height - _EDGE_PX

    labels = _spoke_labels(c, chart.axes, thetas, unscored)
    cx, cy, radius = _fit_radar(labels, thetas, top, bottom)
    for (artist, _), theta in zip(labels, thetas, strict=True):
        pad = radius + _SPOKE_PAD_PX
        x, y = cx + pad * math.sin(theta), cy - pad * math.cos(theta)
        artist.set_position((x / WIDTH_PX, 1 - y / c.height))

    rect = ((cx - radius) / WIDTH_PX, 1 - (cy + radius) / c.height)
    size = (2 * radius / WIDTH_PX, 2 * radius / c.height)
    ax = c.fig.add_axes((*rect, *size), projection="polar", facecolor=_PLOT_BG)
    assert isinstance(ax, PolarAxes)
    _radar_frame(ax, chart.scale_max, thetas, unscored)
    for k, row in enumerate(values):
        _radar_series(ax, row, thetas, _style(k), zorder=3 + k)
    return c.fig


def _spoke_labels(
    c: _Canvas, axes: list[str], thetas: list[float], unscored: list[bool]
) -> list[tuple[Text, tuple[float, float]]]:
    """Each spoke's label, aligned away from the plot, with its size in pixels; placed later,
    once the radius is known."""
    out = []
    for label, theta, nobody in zip(axes, thetas, unscored, strict=True):
        x, y = math.sin(theta), math.cos(theta)
        ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
        text = _wrap(label, _LABEL_WRAP, 3)
        colour, style = _TEXT, "normal"
        if nobody:
            # A category nobody has is greyed and says so, never shown as a zero score.
            text += "\n(no data)"
            colour, style = _GREYED, "italic"
        artist = c.text(
            0,
            0,
            text,
            ha=ha,
            va=va,
            color=colour,
            fontsize=LABEL_PT,
            fontstyle=style,
            multialignment="center",
            linespacing=1.1,
        )
        box = artist.get_window_extent(c.renderer)
        out.append((artist, (float(box.width), float(box.height))))
    return out


def _fit_radar(
    labels: list[tuple[Text, tuple[float, float]]],
    thetas: list[float],
    top: float,
    bottom: float,
) -> tuple[float, float, float]:
    """Centre and radius of the largest radar whose spoke labels stay inside the canvas between
    `top` and `bottom` (pixels from the top)."""
    cx, cy = WIDTH_PX / 2, (top + bottom) / 2
    radius = min(WIDTH_PX / 2 - _EDGE_PX, (bottom - top) / 2)
    for (artist, (w, h)), theta in zip(labels, thetas, strict=True):
        sx, sy = math.sin(theta), -math.cos(theta)  # y grows downwards
        ha, va = artist.get_horizontalalignment(), artist.get_verticalalignment()
        # The label's anchor moves out with the radius; its box reaches this far past it.
        far_x = w if ha != "center" else w / 2
        far_y = h if va != "center" else h / 2
        room_x = WIDTH_PX / 2 - _SIDE_EDGE_PX - far_x
        room_y = (bottom - top) / 2 - far_y
        if abs(sx) > 1e-9:
            radius = min(radius, room_x / abs(sx) - _SPOKE_PAD_PX)
        if abs(sy) > 1e-9:
            radius = min(radius, room_y / abs(sy) - _SPOKE_PAD_PX)
    return cx, cy, max(radius, 60.0)


def _radar_frame(ax: PolarAxes, top: float, thetas: list[float], unscored: list[bool]) -> None:
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, top)
    ax.spines["polar"].set_color(_GRID)
    ax.grid(True, color=_GRID, linewidth=0.7)
    levels = [top * f for f in (0.2, 0.4, 0.6, 0.8, 1.0)]
    # Score rings are labelled halfway between the first two spokes, where no outline runs;
    # the outer ring needs no number.
    ax.set_rgrids(
        levels,
        labels=[num(v) for v in levels[:-1]] + [""],
        angle=math.degrees(thetas[1]) / 2,
        color=_MUTED,
        fontsize=SMALL_PT,
    )
    ax.set_xticks(thetas)
    ax.set_xticklabels([])  # own labels instead, aligned away from the plot
    for theta, nobody in zip(thetas, unscored, strict=True):
        if nobody:
            ax.plot([theta, theta], [0, top], color=_GREYED, linestyle=(0, (2, 3)), zorder=2)


def _runs(row: list[float | None]) -> list[list[int]]:
    """Maximal runs of neighbouring spokes with data, wrapping past the last spoke; a whole
    outline ends where it began.

    Only neighbours that both have a score are joined: a line across a missing spoke would
    invent a value there.
    """
    n = len(row)
    if all(v is not None for v in row):
        return [[*range(n), 0]]
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
    return runs


def _radar_series(
    ax: PolarAxes,
    row: list[float | None],
    thetas: list[float],
    style: dict[str, Any],
    zorder: int,
) -> None:
    for run in _runs(row):
        ts = [thetas[i] for i in run]
        rs = [v for i in run if (v := row[i]) is not None]  # a run holds no gaps
        if run[0] == run[-1] and len(run) > 1:
            # Only a whole outline is shaded: shading a broken one means closing it through the
            # centre, which reads as a score of zero where there is none.
            ax.fill(ts, rs, color=style["color"], alpha=0.15, linewidth=0, zorder=2)
        ax.plot(ts, rs, zorder=zorder, **style)


def _missing_notes(
    chart: Chart, values: list[list[float | None]], unscored: list[bool]
) -> list[str]:
    """Which models lack which spokes, leaving out those no model has (greyed on the chart):
    a gap in an outline is easy to miss at phone size."""
    notes = []
    for s, row in zip(chart.series, values, strict=True):
        if all(v is None for v in row):
            continue  # the legend says "(no data)"
        gaps = [
            label
            for label, v, nobody in zip(chart.axes, row, unscored, strict=True)
            if v is None and not nobody
        ]
        if gaps:
            notes.append(f"No data for {s.name}: {', '.join(gaps)}.")
    return notes


# -- bars -----------------------------------------------------------------------------------------

_BAR_PX = 30  # bar thickness at its smallest: as tall as the value label beside it
_BAR_MAX_PX = 60
_BAR_GAP_PX = 10
_NAME_PX = 42  # a model's name above its bar: nearer its own bar than the one before
_NAMED_GAP_PX = 16
_HEADING_PX = 44  # a group's label above its bars
_GROUP_GAP_PX = 16
_TICKS_PX = 44  # the scale under the bars
_VALUE_ROOM_PX = 70  # right of the plot, for a full-scale bar's value label


@dataclass(frozen=True)
class _BarPlan:
    named: bool  # each bar has its model's name above it (one group), instead of a legend
    headed: bool  # each group has its label above its bars
    rows: int  # bars and "no data" lines
    groups: int

    @property
    def gap_px(self) -> float:
        return _NAMED_GAP_PX if self.named else _BAR_GAP_PX

    @property
    def fixed_px(self) -> float:
        """Height of everything but the bars themselves."""
        names = self.rows * _NAME_PX if self.named else 0
        headings = self.groups * _HEADING_PX if self.headed else 0
        return names + headings + (self.groups - 1) * _GROUP_GAP_PX + self.rows * self.gap_px


def _bar_plan(chart: Chart, values: list[list[float | None]]) -> _BarPlan:
    named = len(chart.axes) == 1
    # "Overall" above the bars of a chart titled "Overall score" would say the same thing twice.
    headed = not (named and chart.axes[0].lower() in chart.title.lower())
    # In a legend chart, a group no model has is one "no data" line, not one per model.
    rows = sum(
        len(values) if named or any(row[i] is not None for row in values) else 1
        for i in range(len(chart.axes))
    )
    return _BarPlan(named, headed, rows, len(chart.axes))


def _bar_surround(
    c: _Canvas, chart: Chart, values: list[list[float | None]], plan: _BarPlan
) -> tuple[float, float]:
    """Title, legend and note on `c`; returns the top and bottom of the room left for the bars,
    in pixels from the top (their distance from the nearer edge does not depend on the height)."""
    top = _title(c, chart.title) + _GAP_PX
    if not plan.named:
        top = _legend(c, chart, values, top, bars=True) + _GAP_PX
    bottom = (_notes(c, [(chart.note, _MUTED)]) - _GAP_PX) if chart.note else c.height - _EDGE_PX
    return top, bottom - _TICKS_PX


def bars_height(chart: Chart) -> int:
    """The canvas height of a bar chart: room for every bar at its thinnest, within limits."""
    values = [[_clean(v, chart.scale_max) for v in s.values] for s in chart.series]
    plan = _bar_plan(chart, values)
    # Measured, not estimated: long names make the legend taller, and the title can wrap.
    scratch = _new_canvas(BARS_MAX_HEIGHT_PX)
    top, bottom = _bar_surround(scratch, chart, values, plan)
    need = top + plan.fixed_px + plan.rows * _BAR_PX + (scratch.height - bottom)
    return math.ceil(min(BARS_MAX_HEIGHT_PX, max(BARS_MIN_HEIGHT_PX, need)))


def _bars(chart: Chart, values: list[list[float | None]]) -> Figure:
    plan = _bar_plan(chart, values)
    c = _new_canvas(bars_height(chart))
    top, bottom = _bar_surround(c, chart, values, plan)
    # Bars grow to fill a roomy canvas, up to a limit, and what is left centres the plot; only
    # a chart too big for the tallest canvas gets bars thinner than their labels.
    thick = max(8.0, min(_BAR_MAX_PX, (bottom - top - plan.fixed_px) / plan.rows))
    used = plan.fixed_px + plan.rows * thick
    top += max(0.0, (bottom - top - used) / 2)

    # The bars' axes span the plot in pixels down the page (y) and in score (x).
    left, right = _EDGE_PX + 4, WIDTH_PX - _EDGE_PX - _VALUE_ROOM_PX
    height = bottom - top
    ax = c.fig.add_axes(
        (left / WIDTH_PX, 1 - bottom / c.height, (right - left) / WIDTH_PX, height / c.height),
        facecolor=BACKGROUND,
    )
    ax.set_xlim(0, chart.scale_max)
    ax.set_ylim(height, 0)
    _bar_frame(ax, chart.scale_max)

    y = 0.0
    for i, label in enumerate(chart.axes):
        nobody = all(row[i] is None for row in values)
        if plan.headed:
            ax.text(
                0,
                y + _HEADING_PX / 2,
                _wrap(label, 60, 1) + (" (no data)" if nobody else ""),
                ha="left",
                va="center",
                color=_GREYED if nobody else _TEXT,
                fontsize=LABEL_PT,
                fontstyle="italic" if nobody else "normal",
                fontweight="normal" if nobody else "bold",
            )
            y += _HEADING_PX
        if nobody and not plan.named:
            _no_data(ax, y + thick / 2)
            y += thick + plan.gap_px
        else:
            for k, (s, row) in enumerate(zip(chart.series, values, strict=True)):
                if plan.named:
                    _bar_name(ax, s.name, y + _NAME_PX, k)
                    y += _NAME_PX
                _bar(ax, row[i], y + thick / 2, thick, k, marker=not plan.named)
                y += thick + plan.gap_px
        y += _GROUP_GAP_PX
    return c.fig


def _bar_frame(ax: Axes, top: float) -> None:
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(_GRID)
    ticks = [top * f for f in (0, 0.2, 0.4, 0.6, 0.8, 1.0)]
    ax.set_xticks(ticks, [num(t) for t in ticks])
    ax.set_yticks([])
    ax.tick_params(axis="x", colors=_MUTED, labelsize=SMALL_PT, length=0, pad=6)
    # fainter than the radar's rings: the value labels carry the numbers, the grid only the scale
    ax.grid(True, axis="x", color=_FAINT_GRID, linewidth=0.7)
    ax.set_axisbelow(True)


def _bar_name(ax: Axes, name: str, baseline: float, k: int) -> None:
    ax.text(
        0,
        baseline - 9,
        _wrap(name, 44, 1),
        ha="left",
        va="baseline",
        color=PALETTE[k],
        fontsize=LEGEND_PT,
    )


def _bar(ax: Axes, v: float | None, y: float, thick: float, k: int, marker: bool) -> None:
    if v is None:
        _no_data(ax, y)
        return
    ax.barh(y, v, height=thick, color=PALETTE[k], linewidth=0, zorder=2)
    if marker:
        # Beside a legend, the model's marker at the bar's end says whose bar it is without colour.
        style = _style(k) | {"linestyle": "none", "markersize": 6.5}
        ax.plot([v], [y], zorder=3, **style)
    ax.annotate(
        num(v),
        (v, y),
        xytext=(7 if marker else 5, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        color=_TEXT,
        fontsize=VALUE_PT,
        fontweight="bold",
        annotation_clip=False,
    )


def _no_data(ax: Axes, y: float) -> None:
    # Said in words where the bar would start: a bar of length zero would read as a score of 0.
    ax.text(
        0,
        y,
        "  " + _NO_DATA,
        ha="left",
        va="center",
        color=_MUTED,
        fontsize=SMALL_PT,
        fontstyle="italic",
    )
