"""Drawing with matplotlib (imported here, lazily, only when a chart is drawn).

Everything the output depends on is fixed here: matplotlib's built-in defaults (a user's
matplotlibrc is ignored), then the house style below, the packaged font by file path on every
text, our own number formatting and tick choice, a fixed size and DPI, and metadata without
dates or versions. The figure is drawn on the Agg canvas directly: no pyplot, no GUI backend.
"""

from __future__ import annotations

import contextlib
import io
import math
import threading
from decimal import Decimal
from pathlib import Path

from .deps import INSTALL_HINT, ChartsUnavailable, font_path
from .spec import HEIGHT_PX, WIDTH_PX, ChartSpec, Point, check_inputs, format_value

DPI = 100
SVG_HASHSALT = "pressgen-charts"  # seeds the ids matplotlib writes into the SVG (clip paths)
SVG_METADATA = {"Date": None, "Creator": "pressgen"}
PNG_METADATA = {"Software": None}

# Colours: one accent for what the release talks about, muted tones for context.
INK = "#1b1b1b"
SUBTLE = "#5c5c5c"
GRID = "#e4e4e4"
ZERO = "#3a3a3a"
LINE = "#2b5c8a"
ACCENT = "#c8102e"
POSITIVE = ("#9db7d1", "#1f5a93")  # (context, highlighted)
NEGATIVE = ("#e8aaa0", "#b8322a")

TITLE_PT, UNIT_PT, TICK_PT, LABEL_PT = 12.5, 8.5, 8.5, 8.5
PAD = 14  # px around the figure's content

# On top of matplotlib's own defaults, whatever the machine's matplotlibrc says.
_RC = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "savefig.bbox": None,
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
    "figure.facecolor": "white",
    "svg.fonttype": "path",
    "svg.hashsalt": SVG_HASHSALT,
    "svg.image_inline": True,
    "axes.unicode_minus": True,
    "path.simplify": False,
    "axes.facecolor": "white",
    "axes.edgecolor": SUBTLE,
    "axes.linewidth": 0.8,
    "xtick.color": SUBTLE,
    "ytick.color": SUBTLE,
    "xtick.major.size": 0,
    "ytick.major.size": 0,
    "xtick.major.pad": 5,
    "ytick.major.pad": 5,
}

_LOCK = threading.Lock()  # rcParams are process-global: one chart at a time per process


def render(spec: ChartSpec, points: list[Point], lang: str, *, style: str | None = None) -> dict[str, bytes]:
    out = {}
    with _figure(spec, points, lang, style) as fig:
        for fmt, metadata in (("svg", SVG_METADATA), ("png", PNG_METADATA)):
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata)
            out[fmt] = buf.getvalue()
    return out


def draw_figure(spec: ChartSpec, points: list[Point], lang: str, *, style: str | None = None):
    """The laid-out matplotlib Figure that ``render`` saves (for tests and inspection)."""
    with _figure(spec, points, lang, style) as fig:
        fig.draw_without_rendering()
    return fig


@contextlib.contextmanager
def _figure(spec: ChartSpec, points: list[Point], lang: str, style: str | None):
    style = check_inputs(spec, points, lang, style)
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailable(
            "drawing charts needs matplotlib, which is not installed",
            hint=f"install the charts extra: {INSTALL_HINT}",
        ) from None
    font = font_path()
    with _LOCK, matplotlib.rc_context():
        matplotlib.rcdefaults()  # matplotlib's built-in defaults, not the machine's matplotlibrc
        matplotlib.rcParams.update(_RC)
        if "svg.id" in matplotlib.rcParams:
            matplotlib.rcParams["svg.id"] = None
        fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        FigureCanvasAgg(fig)  # the non-GUI Agg canvas, explicitly; pyplot is never used
        _Chart(fig, font, spec, list(points), lang, style).draw()
        yield fig


def _tick_text(values: list[float]) -> list[str]:
    """Tick labels with the fewest decimals that show every tick exactly."""
    scale = max((abs(v) for v in values), default=1.0) or 1.0
    for decimals in range(7):
        if all(abs(round(v, decimals) - v) <= 1e-9 * scale for v in values):
            break
    return [format_value(Decimal(f"{v:.{decimals}f}")) for v in values]


class _Chart:
    def __init__(self, fig, font: Path, spec: ChartSpec, points: list[Point], lang: str, style: str) -> None:
        from matplotlib.font_manager import FontProperties

        self.fig, self.spec, self.points, self.lang, self.style = fig, spec, points, lang, style
        self._fp = lambda size: FontProperties(fname=str(font), size=size)
        self.values = [float(p.value) for p in points]
        self.any_highlight = any(p.highlight for p in points)
        self.renderer = fig.canvas.get_renderer()

    # -- shared ---------------------------------------------------------------------------
    def draw(self) -> None:
        top = self._header()
        self.ax = self.fig.add_axes((0.1, 0.1, 0.8, 0.7))
        ax = self.ax
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_axisbelow(True)
        if self.spec.kind == "bars":
            self._bars()
        else:
            self._series()
        self._place_axes(top)
        if self.spec.kind == "bars":
            self._fit_bar_labels()

    def _px(self, artist) -> tuple[float, float, float, float]:
        bb = artist.get_window_extent(self.renderer)
        return bb.x0, bb.y0, bb.x1, bb.y1

    def _header(self) -> float:
        """Title and unit line at the top left; returns the y (px from the bottom) below them."""
        fig = self.fig
        title = self.spec.title[self.lang]
        size = TITLE_PT
        t = fig.text(PAD / WIDTH_PX, 1 - PAD / HEIGHT_PX, title, ha="left", va="top",
                     color=INK, fontproperties=self._fp(size))
        while size > 9 and self._px(t)[2] > WIDTH_PX - PAD:  # shrink a long title to fit
            size -= 0.5
            t.set_fontproperties(self._fp(size))
        y = self._px(t)[1] - 4
        unit = self.spec.unit[self.lang]
        if unit:
            u = fig.text(PAD / WIDTH_PX, y / HEIGHT_PX, unit, ha="left", va="top",
                         color=SUBTLE, fontproperties=self._fp(UNIT_PT))
            y = self._px(u)[1]
        return y - 10

    def _place_axes(self, top: float) -> None:
        """Fit the axes between the header and the tick labels, by measuring them."""
        ax = self.ax
        left_w = max((self._px(t)[2] - self._px(t)[0] for t in ax.get_yticklabels() if t.get_text()), default=0)
        bottom_h = max((self._px(t)[3] - self._px(t)[1] for t in ax.get_xticklabels() if t.get_text()), default=0)
        left = PAD + left_w + 8
        bottom = PAD + (bottom_h + 6 if bottom_h else 0)
        right = PAD + (6 if self.spec.kind == "series" else 0)
        ax.set_position((left / WIDTH_PX, bottom / HEIGHT_PX,
                         (WIDTH_PX - left - right) / WIDTH_PX, (top - bottom) / HEIGHT_PX))

    def _value_ticks(self, lo: float, hi: float) -> tuple[float, float, list[float]]:
        from matplotlib.ticker import MaxNLocator

        if lo == hi:
            lo, hi = (lo - 1, hi + 1) if lo == 0 else (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1)
        ticks = [float(t) for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)]
        # Keep the ticks from the last one at or below the data to the first one at or above it.
        start = max((t for t in ticks if t <= lo), default=ticks[0])
        end = min((t for t in ticks if t >= hi), default=ticks[-1])
        ticks = [t for t in ticks if start <= t <= end]
        ticks = [0.0 if abs(t) < 1e-12 * max(abs(lo), abs(hi)) else t for t in ticks]
        return ticks[0], ticks[-1], ticks

    def _label_text(self, point: Point) -> str:
        text = format_value(point.value)
        return f"{text}  {point.note}" if point.note else text

    # -- series ---------------------------------------------------------------------------
    def _series(self) -> None:
        ax, pts, vals = self.ax, self.points, self.values
        xs = [p.position if p.position is not None else i for i, p in enumerate(pts)]
        n = max(xs) + 1  # slots, gaps included
        columns = self.style == "columns"
        lo, hi = min(vals), max(vals)
        if columns:
            lo, hi = min(lo, 0.0), max(hi, 0.0)
        span = (hi - lo) or abs(hi) or 1.0
        labelled = [i for i, p in enumerate(pts) if p.highlight or p.note]
        # Headroom for the labels above (or below) the points.
        lines = max((2 if pts[i].note else 1) for i in labelled) if labelled else 0
        room = span * 0.09 * lines
        lo_t, hi_t, ticks = self._value_ticks(lo - (room if min(vals) < 0 or not columns else 0), hi + room)
        ax.set_ylim(lo_t, hi_t)
        ax.set_yticks(ticks, _tick_text(ticks), fontproperties=self._fp(TICK_PT))
        ax.yaxis.grid(True, color=GRID, linewidth=0.8)
        ax.set_xlim(-0.6, n - 0.4)
        if columns:
            colors = [self._color(p) for p in pts]
            ax.bar(xs, vals, width=0.68, color=colors, linewidth=0, zorder=2)
        else:
            runs: list[list[int]] = []  # indexes of points in adjacent slots: one line each
            for i, x in enumerate(xs):
                if runs and xs[runs[-1][-1]] == x - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
            for run in runs:
                ax.plot([xs[i] for i in run], [vals[i] for i in run], color=LINE, linewidth=2, marker="o",
                        markersize=3.2, solid_capstyle="round", solid_joinstyle="round", zorder=2)
        if lo_t < 0 < hi_t or columns:
            ax.axhline(0, color=ZERO, linewidth=0.9, zorder=3)
        for i in labelled:
            p, v, x = pts[i], vals[i], xs[i]
            if columns:
                color = (POSITIVE if p.value >= 0 else NEGATIVE)[1] if p.highlight else INK
            else:
                color = ACCENT if p.highlight else INK
            if not columns:
                ax.plot([x], [v], marker="o", markersize=7, color=color, markeredgecolor="white",
                        markeredgewidth=1.5, linestyle="none", zorder=4)
                neighbours = [vals[j] for j in (i - 1, i + 1) if 0 <= j < len(pts)]
                up = not neighbours or v >= sum(neighbours) / len(neighbours)
            else:
                up = v >= 0
            value = format_value(p.value)
            lines = [value] if not p.note else ([p.note, value] if up else [value, p.note])
            ax.annotate("\n".join(lines), (x, v), xytext=(0, 6 if up else -6), textcoords="offset points",
                        ha="center", va="bottom" if up else "top", color=color, linespacing=1.15,
                        fontproperties=self._fp(LABEL_PT), zorder=5)
        # Period labels: as many as fit, always the last (the current period).
        widest = max(self._text_width(p.label, TICK_PT) for p in pts)
        plot_w = WIDTH_PX - 2 * PAD - 50
        fit = max(2, int(plot_w // (widest + 14)))
        step = max(1, math.ceil(n / fit))
        last = xs[-1]
        shown = [i for i in range(len(pts)) if (last - xs[i]) % step == 0]
        ax.set_xticks([xs[i] for i in shown], [pts[i].label for i in shown], fontproperties=self._fp(TICK_PT))
        if columns:
            ax.tick_params(axis="x", pad=6)

    def _text_width(self, text: str, size: float) -> float:
        t = self.fig.text(0, 0, text, fontproperties=self._fp(size))
        width = self._px(t)[2] - self._px(t)[0]
        t.remove()
        return width

    def _color(self, p: Point) -> str:
        pair = POSITIVE if p.value >= 0 else NEGATIVE
        return pair[1] if (p.highlight or not self.any_highlight) else pair[0]

    # -- bars -----------------------------------------------------------------------------
    def _bars(self) -> None:
        ax, pts, vals = self.ax, self.points, self.values
        n = len(pts)
        ys = list(range(n))
        ax.barh(ys, vals, height=0.64, color=[self._color(p) for p in pts], linewidth=0, zorder=2)
        ax.set_ylim(n - 0.45, -0.55)  # first item on top
        size = TICK_PT if n <= 12 else 7.5
        ax.set_yticks(ys, [p.label for p in pts], fontproperties=self._fp(size))
        for lbl in ax.get_yticklabels():
            lbl.set_color(INK)
        ax.set_xticks([])
        lo, hi = min(min(vals), 0.0), max(max(vals), 0.0)
        span = (hi - lo) or 1.0
        ax.set_xlim(lo - (span * 0.02 if lo < 0 else 0), hi + (span * 0.02 if hi > 0 else 0))
        ax.axvline(0, color=ZERO, linewidth=0.9, zorder=3)
        self.bar_labels = []
        for i, p in enumerate(pts):
            v = vals[i]
            right = p.value >= 0
            color = INK if (p.highlight or not self.any_highlight) else SUBTLE
            a = ax.annotate(self._label_text(p), (v, i), xytext=(4 if right else -4, 0),
                            textcoords="offset points", ha="left" if right else "right", va="center",
                            color=color, fontproperties=self._fp(size), zorder=5)
            self.bar_labels.append(a)

    def _fit_bar_labels(self) -> None:
        """Widen the value range until every value label fits inside the axes."""
        ax = self.ax
        for _ in range(4):
            x0, x1 = ax.get_xlim()
            box = ax.get_window_extent(self.renderer)
            per_px = (x1 - x0) / box.width
            need_lo, need_hi = x0, x1
            for a in self.bar_labels:
                ax0, _, ax1, _ = self._px(a)
                need_lo = min(need_lo, x0 + (ax0 - box.x0 - 2) * per_px)
                need_hi = max(need_hi, x0 + (ax1 - box.x0 + 2) * per_px)
            if need_lo >= x0 - 1e-9 * abs(per_px) and need_hi <= x1 + 1e-9 * abs(per_px):
                break
            ax.set_xlim(need_lo, need_hi)
