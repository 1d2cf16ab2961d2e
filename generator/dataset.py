"""The validated dataset: items, periods and figures, each value remembering its source cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .periods import Period

METRICS = ("exports", "imports", "balance")


@dataclass(frozen=True)
class Item:
    """One row of the item table: a code, its dimension, its parent and its names."""

    code: str
    dimension: str
    parent: str | None
    names: dict[str, str] = field(compare=False)
    line: int = field(default=0, compare=False)

    def name(self, lang: str) -> str:
        return self.names[lang]


@dataclass(frozen=True)
class Cell:
    """A published figure and where it came from (file, line, column)."""

    item: str
    period: Period
    metric: str
    value: Decimal
    path: str
    line: int
    note: str = ""
    # The figure as written in the file, when rounding to the published precision changed it.
    raw: Decimal | None = None

    def source(self) -> dict:
        """The fact-contract form of this cell (``sources`` entries in facts.json)."""
        return {
            "period": str(self.period),
            "item": self.item,
            "metric": self.metric,
            "value": _plain(self.value),
            "file": self.path,
            "line": self.line,
            **({"raw": _plain(self.raw)} if self.raw is not None else {}),
        }


def _plain(value: Decimal) -> int | float:
    """A JSON number: integers stay integers so facts.json reads like the CSV."""
    return int(value) if value == value.to_integral_value() else float(value)


class Dataset:
    """Figures indexed by (item, period, metric), with the item hierarchy.

    Missing means missing: ``value()`` returns ``None`` for a cell that was not
    published, never zero.
    """

    def __init__(self, items: dict[str, Item], cells: list[Cell], *, figures_path: str = "", items_path: str = "") -> None:
        self.items = items
        self.figures_path = figures_path
        self.items_path = items_path
        self._cells: dict[tuple[str, Period, str], Cell] = {(c.item, c.period, c.metric): c for c in cells}
        self.periods: tuple[Period, ...] = tuple(sorted({c.period for c in cells}))
        self._children: dict[str, list[Item]] = {}
        for item in items.values():
            if item.parent:
                self._children.setdefault(item.parent, []).append(item)
        # Each item's series per metric and period kind, oldest first, for records and long runs.
        self._series: dict[tuple[str, str, str], list[Cell]] = {}
        for cell in sorted(cells, key=lambda c: c.period):
            self._series.setdefault((cell.item, cell.metric, cell.period.kind), []).append(cell)

    def cell(self, item: str, period: Period, metric: str) -> Cell | None:
        return self._cells.get((item, period, metric))

    def value(self, item: str, period: Period, metric: str) -> Decimal | None:
        cell = self._cells.get((item, period, metric))
        return cell.value if cell else None

    def children(self, code: str) -> list[Item]:
        """Direct children in item-table order."""
        return self._children.get(code, [])

    def series(self, item: str, metric: str, kind: str) -> list[Cell]:
        """Published cells of one item and metric for periods of one kind, oldest first."""
        return self._series.get((item, metric, kind), [])

    def cells(self) -> list[Cell]:
        return list(self._cells.values())

    def cells_for(self, period: Period) -> list[Cell]:
        return [c for c in self._cells.values() if c.period == period]

    def coverage(self) -> dict[Period, dict[str, list[str]]]:
        """For each period, which metrics each item has: what ``pressgen periods`` shows."""
        result: dict[Period, dict[str, list[str]]] = {p: {} for p in self.periods}
        order = {code: i for i, code in enumerate(self.items)}
        for (item, period, metric) in sorted(self._cells, key=lambda k: (k[1], order[k[0]], METRICS.index(k[2]))):
            result[period].setdefault(item, []).append(metric)
        return result
