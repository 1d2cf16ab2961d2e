"""The validated dataset: items, periods and figures, each value remembering its source cell.

Figures may carry later revisions (a corrected index, a revised monthly total): the
dataset keeps the first-published value and every revision with the date it was
published, and ``as_of(date)`` gives the figures as they were known on a release date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from decimal import Decimal

from .periods import Period


@dataclass(frozen=True)
class Item:
    """One row of the item table: a code, its dimension, its parent and its names."""

    code: str
    dimension: str
    parent: str | None
    names: dict[str, str] = field(compare=False)
    line: int = field(default=0, compare=False)
    # The short form a release uses after the first mention ("chips" after "semiconductors").
    shorts: dict[str, str] = field(default_factory=dict, compare=False)

    def name(self, lang: str) -> str:
        return self.names[lang]

    def short(self, lang: str) -> str:
        return self.shorts.get(lang) or self.names[lang]


@dataclass(frozen=True)
class Revision:
    """A later value of a cell: what it became, when it was published, on what basis, from where."""

    value: Decimal
    published: dt.date
    basis: str
    source: str
    path: str
    line: int


@dataclass(frozen=True)
class Cell:
    """A published figure and where it came from (file, line)."""

    item: str
    period: Period
    metric: str
    value: Decimal
    path: str
    line: int
    note: str = ""
    # The figure as written in the file, when rounding to the published precision changed it.
    raw: Decimal | None = None
    # Set when the value is a revision of the first-published figure (see Dataset.as_of).
    revision: Revision | None = None
    first_published: Decimal | None = None

    def source(self) -> dict:
        """The fact-contract form of this cell (``sources`` entries in facts.json).

        Built once per cell and shared by every fact the cell backs (its level, changes,
        records, streaks): it cannot be changed, so no fact can alter another's sources.
        Copying it for each fact was a tenth of deriving a synthetic period's facts.
        """
        return self._source

    @cached_property
    def _source(self) -> "Source":
        result = {
            "period": str(self.period),
            "item": self.item,
            "metric": self.metric,
            "value": _plain(self.value),
            "file": self.path,
            "line": self.line,
        }
        if self.raw is not None:
            result["raw"] = _plain(self.raw)
        if self.note:
            result["note"] = self.note
        if self.revision is not None:
            result["revised"] = Source({"first_published": _plain(self.first_published), "published": self.revision.published.isoformat(),
                                        "basis": self.revision.basis, "source": self.revision.source,
                                        "file": self.revision.path, "line": self.revision.line})
        return Source(result)


class Source(dict):
    """A cell's entry in a fact's ``sources``: a dict that refuses changes (``dict(source)`` gives a copy to change).

    ``json`` is where facts.json's writer keeps the entry's text (``facts.model``): the
    entry cannot change, and a cell is listed by several facts of a period and by the
    facts of later periods (its changes, records, streaks).
    """

    __slots__ = ("json",)

    def _read_only(self, *args, **kwargs):
        raise TypeError("a fact's source cannot be changed; copy it with dict(source)")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self):
        return (Source, (dict(self),))


_new = object.__new__
_set = object.__setattr__


def new_cell(item: str, period: Period, metric: str, value: Decimal, path: str, line: int, note: str = "",
             raw: Decimal | None = None) -> Cell:
    """``Cell(...)`` without the frozen dataclass's ``__init__`` (a call per field): the same
    object at a third of the cost, for the loader, which makes one per published figure."""
    cell = _new(Cell)
    _set(cell, "__dict__", {"item": item, "period": period, "metric": metric, "value": value, "path": path, "line": line,
                            "note": note, "raw": raw, "revision": None, "first_published": None})
    return cell


def _plain(value: Decimal) -> int | float:
    """A JSON number: integers stay integers so facts.json reads like the CSV."""
    return int(value) if value == value.to_integral_value() else float(value)


class Dataset:
    """Figures indexed by (item, period, metric), with the item hierarchy.

    Missing means missing: ``value()`` returns ``None`` for a cell that was not
    published, never zero.
    """

    def __init__(self, items: dict[str, Item], cells: list[Cell], *, figures_path: str = "", items_path: str = "",
                 metrics: tuple[str, ...] = (), revisions: dict[tuple[str, Period, str], list[Revision]] | None = None,
                 precision: dict[str, Decimal] | None = None) -> None:
        self.items = items
        self.figures_path = figures_path
        self.items_path = items_path
        self.metrics = metrics or tuple(dict.fromkeys(c.metric for c in cells))
        self.revisions = revisions or {}
        self.precision = precision or {}
        self._cells: dict[tuple[str, Period, str], Cell] = {(c.item, c.period, c.metric): c for c in cells}
        self.periods: tuple[Period, ...] = tuple(sorted({c.period for c in cells}))
        self._children: dict[str, list[Item]] = {}
        self._children_in: dict[tuple[str, str], list[Item]] = {}
        for item in items.values():
            if item.parent:
                self._children.setdefault(item.parent, []).append(item)
        # Each item's series per metric and period kind, oldest first, for records, streaks and long runs.
        self._series: dict[tuple[str, str, str], list[Cell]] = {}
        self._by_period: dict[Period, list[Cell]] = {}
        for cell in sorted(cells, key=lambda c: c.period):
            self._series.setdefault((cell.item, cell.metric, cell.period.kind), []).append(cell)
            self._by_period.setdefault(cell.period, []).append(cell)
        self._as_of: dict[dt.date, Dataset] = {}
        self._numbered: dict[tuple[str, str, str], tuple[list[Cell], list[int], list[Decimal], list[int]]] = {}

    def cell(self, item: str, period: Period, metric: str) -> Cell | None:
        return self._cells.get((item, period, metric))

    def cell_lookup(self):
        """``get((item, period, metric))``, the same as ``cell(item, period, metric)`` without its call:
        for the rules, which look up tens of thousands of cells per period."""
        return self._cells.get

    def value(self, item: str, period: Period, metric: str) -> Decimal | None:
        cell = self._cells.get((item, period, metric))
        return cell.value if cell else None

    def children(self, code: str) -> list[Item]:
        """Direct children in item-table order."""
        return self._children.get(code, [])

    def children_in(self, code: str, dimension: str) -> list[Item]:
        """Direct children of one dimension, in item-table order. Kept: the driver rules ask for
        every item's, in every period drafted."""
        key = (code, dimension)
        found = self._children_in.get(key)
        if found is None:
            found = self._children_in[key] = [c for c in self._children.get(code, ()) if c.dimension == dimension]
        return found

    def series(self, item: str, metric: str, kind: str) -> list[Cell]:
        """Published cells of one item and metric for periods of one kind, oldest first."""
        return self._series.get((item, metric, kind), [])

    def series_numbered(self, item: str, metric: str, kind: str) -> tuple[list[Cell], list[int], list[Decimal], list[int]]:
        """``series(item, metric, kind)`` with, for each cell, its period's running number
        (``Period.index``), its value, and where the unbroken run it belongs to starts.

        Built once per series on first use: records look back along a series for every
        period drafted, and consecutive periods are consecutive numbers.
        """
        key = (item, metric, kind)
        found = self._numbered.get(key)
        if found is None:
            series = self._series.get(key, [])
            numbers = [c.period.index for c in series]
            starts = []
            start = 0
            for at in range(len(numbers)):
                if at and numbers[at - 1] != numbers[at] - 1:
                    start = at
                starts.append(start)
            found = self._numbered[key] = (series, numbers, [c.value for c in series], starts)
        return found

    def cells(self) -> list[Cell]:
        return list(self._cells.values())

    @cached_property
    def notes(self) -> dict[tuple[str, str, int, str, str], str]:
        """The note of every cell that has one, by (period, file, line, item, metric)."""
        return {(str(c.period), c.path, c.line, c.item, c.metric): c.note for c in self._cells.values() if c.note}

    def cells_for(self, period: Period) -> list[Cell]:
        return list(self._by_period.get(period, ()))

    def periods_of(self, kind: str) -> tuple[Period, ...]:
        return tuple(p for p in self.periods if p.kind == kind)

    def as_of(self, date: dt.date | None) -> "Dataset":
        """The figures as known on ``date``: each cell takes its latest revision published by then.

        Without a date (no release date known) or without revisions, the first-published
        figures. Results are cached: drafting an old period again gives the same figures.
        """
        if date is None or not self.revisions:
            return self
        if date not in self._as_of:
            from .lang.numbers import round_half_up

            cells = []
            for key, cell in self._cells.items():
                known = [r for r in self.revisions.get(key, ()) if r.published <= date]
                if known:
                    latest = known[-1]
                    step = self.precision.get(cell.metric)
                    value = latest.value if step is None or latest.value % step == 0 else round_half_up(latest.value, step)
                    cell = replace(cell, value=value, raw=None, revision=latest, first_published=cell.value)
                cells.append(cell)
            view = Dataset(self.items, cells, figures_path=self.figures_path, items_path=self.items_path,
                           metrics=self.metrics, precision=self.precision)
            view.revisions = self.revisions
            self._as_of[date] = view
        return self._as_of[date]

    def coverage(self) -> dict[Period, dict[str, list[str]]]:
        """For each period, which metrics each item has: what ``pressgen periods`` shows."""
        result: dict[Period, dict[str, list[str]]] = {p: {} for p in self.periods}
        order = {code: i for i, code in enumerate(self.items)}
        metric_order = {m: i for i, m in enumerate(self.metrics)}
        for (item, period, metric) in sorted(self._cells, key=lambda k: (k[1], order[k[0]], metric_order.get(k[2], 99))):
            result[period].setdefault(item, []).append(metric)
        return result
