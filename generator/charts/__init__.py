"""Charts for a release: a series over time, or a breakdown as bars, as SVG and PNG bytes.

Plain values in, bytes out: the caller (``draft``) supplies the points, already in display
units and with labels in the chart's language; this package knows nothing about facts or
config. Drawing needs the optional extra ``pip install 'pressgen[charts]'`` (matplotlib and a
packaged Korean font). Nothing here imports matplotlib until a chart is drawn::

    from generator.charts import ChartSpec, Point, render_chart
    spec = ChartSpec("exports-13m", "series", {"en": "Exports", "ko": "수출"},
                     {"en": "billion dollars", "ko": "억달러"})
    files = render_chart(spec, points, "ko", style="columns")   # {"svg": b"...", "png": b"..."}
"""

from __future__ import annotations

from .spec import (
    CHART_KINDS,
    CHART_LANGS,
    CHART_STYLES,
    HEIGHT_PX,
    WIDTH_PX,
    ChartSpec,
    Point,
    format_value,
)
from .deps import ChartsUnavailable, font_path, require_charts


def render_chart(spec: ChartSpec, points: list[Point], lang: str, *, style: str | None = None) -> dict[str, bytes]:
    """Draw one chart in one language; return ``{"svg": bytes, "png": bytes}``.

    ``style`` applies to series only: ``"line"`` (the default; for rates and indexes) or
    ``"columns"`` (for flows such as monthly exports). The output is byte-identical for the
    same inputs and the same versions of matplotlib, Pillow and the font package.
    Raises :class:`ChartsUnavailable` (a ``ConfigError``) when the extra is not installed and
    ``ValueError`` for inputs a caller should have validated (unknown kind, language, style).
    """
    from .render import render

    return render(spec, points, lang, style=style)


__all__ = [
    "CHART_KINDS",
    "CHART_LANGS",
    "CHART_STYLES",
    "WIDTH_PX",
    "HEIGHT_PX",
    "ChartSpec",
    "Point",
    "ChartsUnavailable",
    "format_value",
    "font_path",
    "render_chart",
    "require_charts",
]
