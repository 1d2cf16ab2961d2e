"""The chart's plain-value inputs: what to draw (``ChartSpec``) and the points (``Point``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

CHART_KINDS = ("series", "bars")
"""``series``: one item's metric over the last N periods; ``bars``: items of a dimension for one period."""

CHART_STYLES = {"series": ("line", "columns"), "bars": ("bars",)}
"""Styles each kind accepts; the first is the default."""

CHART_LANGS = ("en", "ko")

WIDTH_PX, HEIGHT_PX = 640, 360
"""Size of the PNG (and of the SVG's viewBox, in px at 100 dpi)."""

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
_MINUS = "\u2212"


@dataclass(frozen=True)
class ChartSpec:
    """One chart as a release definition declares it."""

    id: str  # "exports-13m": safe for a file name
    kind: str  # one of CHART_KINDS
    title: dict[str, str]  # {"en": ..., "ko": ...}
    unit: dict[str, str]  # axis unit label per language, e.g. {"en": "billion dollars", "ko": "억달러"}

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ValueError(f"chart id {self.id!r} must be lower-case letters, digits, '.', '_' or '-'")
        if self.kind not in CHART_KINDS:
            raise ValueError(f"chart '{self.id}': kind {self.kind!r} is not one of {', '.join(CHART_KINDS)}")
        for name in ("title", "unit"):
            value = getattr(self, name)
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ValueError(f"chart '{self.id}': {name} must map a language to a text")

    def __hash__(self) -> int:  # dict fields: hash what identifies the chart
        return hash((self.id, self.kind, tuple(sorted(self.title.items())), tuple(sorted(self.unit.items()))))


@dataclass(frozen=True)
class Point:
    """One x position: a period of a series, or an item of a breakdown."""

    label: str  # x label (period name or item name) in the chart's language
    value: Decimal  # already in display units (Decimal or int; floats are refused)
    highlight: bool = False  # e.g. the current period: drawn in the accent colour and labelled
    note: str | None = None  # annotation such as "record" / "역대 최대": drawn beside the value
    # A series' slot on the x axis (0 = the first period charted). Given, a period the data
    # lacks keeps its empty slot and breaks the line, so two points a year apart never
    # read as neighbours; None = the point's place in the list.
    position: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.label, str):
            raise ValueError(f"point label {self.label!r} must be a string")
        value = self.value
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise ValueError(f"point '{self.label}': value {value!r} must be a Decimal (in display units)")
        if isinstance(value, int):
            object.__setattr__(self, "value", Decimal(value))
        elif not value.is_finite():
            raise ValueError(f"point '{self.label}': value {value} is not a finite number")
        if self.note is not None and not isinstance(self.note, str):
            raise ValueError(f"point '{self.label}': note must be a string or None")


def format_value(value: Decimal) -> str:
    """``Decimal("-1234.5")`` → ``"−1,234.5"``: the digits as given, thousands separated, a true minus.

    Korean releases group digits the same way, so one format serves both languages.
    """
    text = f"{abs(value):,f}"
    return f"{_MINUS}{text}" if value < 0 else text


def check_inputs(spec: ChartSpec, points: list[Point], lang: str, style: str | None) -> str:
    """Validate a render request; return the style to use."""
    if not isinstance(spec, ChartSpec):
        raise ValueError(f"expected a ChartSpec, got {type(spec).__name__}")
    if lang not in CHART_LANGS:
        raise ValueError(f"chart '{spec.id}': language {lang!r} is not one of {', '.join(CHART_LANGS)}")
    for name in ("title", "unit"):
        if lang not in getattr(spec, name):
            raise ValueError(f"chart '{spec.id}': no {name} in '{lang}'")
    styles = CHART_STYLES[spec.kind]
    style = styles[0] if style is None else style
    if style not in styles:
        raise ValueError(f"chart '{spec.id}': style {style!r} is not one of {', '.join(styles)} for {spec.kind}")
    points = list(points)
    if not points:
        raise ValueError(f"chart '{spec.id}': no points to draw")
    if not all(isinstance(p, Point) for p in points):
        raise ValueError(f"chart '{spec.id}': points must be Point instances")
    return style
