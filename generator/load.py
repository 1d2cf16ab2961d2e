"""Load the item table and the figures of a release into a validated ``Dataset``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from .config import LANGUAGES, ReleaseConfig
from .dataset import METRICS, Cell, Dataset, Item
from .errors import DataError
from .lang.numbers import round_half_up
from .periods import Period
from .prose import check_prose
from .tables import parse_number, read_rows
from .yamlload import suggest

ITEM_COLUMNS = ("item", "dimension", "parent", *(f"name_{lang}" for lang in LANGUAGES))
FIGURE_KEYS = ("period", "item")
FIGURE_OPTIONAL = (*METRICS, "note")


def load_dataset(config: ReleaseConfig) -> Dataset:
    """Read and validate the release's item table and figures.

    Raises ``DataError`` located at the file, line and column of the first problem.
    """
    items = load_items(config.items, config)
    return load_figures(config.figures, items, config)


def _columns(header: list[str], display: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, int]:
    allowed = required + optional
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        if not name:
            if position == len(header) - 1:  # a trailing comma in the header
                continue
            raise DataError(f"column {position + 1} has no name; expected one of {', '.join(allowed)}", path=display, line=1)
        if name not in allowed:
            raise DataError(
                f"unknown column '{name}'; expected {', '.join(allowed)}{suggest(name, allowed)}",
                path=display, line=1, key=name,
            )
        if name in index:
            raise DataError(f"column '{name}' appears twice in the header", path=display, line=1, key=name)
        index[name] = position
    for name in required:
        if name not in index:
            raise DataError(f"missing column '{name}'; the header must name {', '.join(required)}", path=display, line=1, key=name)
    return index


def _cell(row: list[str], index: dict[str, int], name: str) -> str:
    position = index.get(name)
    if position is None or position >= len(row):
        return ""
    return row[position].strip()


def load_items(path: Path, config: ReleaseConfig) -> dict[str, Item]:
    """Read the item table: codes, dimensions, parents and names in every language."""
    display = config.display(path)
    header, rows = read_rows(path, display)
    index = _columns(header, display, ITEM_COLUMNS, ())
    dimensions = {d.id for d in config.dimensions}
    items: dict[str, Item] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise DataError(f"row has {len(row)} cells but the header names {len(header)} columns", path=display, line=line)
        code = _cell(row, index, "item")
        if not code:
            raise DataError("empty item code", path=display, line=line, key="item")
        if code in items:
            raise DataError(f"item '{code}' is defined twice (first on line {items[code].line})", path=display, line=line, key="item")
        dimension = _cell(row, index, "dimension")
        if code != config.total and dimension not in dimensions:
            raise DataError(
                f"item '{code}' has unknown dimension '{dimension}'; expected one of {', '.join(sorted(dimensions))}{suggest(dimension, dimensions)}",
                path=display, line=line, key="dimension",
                hint="dimensions are defined under 'dimensions' in the release definition",
            )
        names = {}
        for lang in LANGUAGES:
            name = _cell(row, index, f"name_{lang}")
            if not name:
                raise DataError(f"item '{code}' has no {lang} name", path=display, line=line, key=f"name_{lang}", hint=f"fill in the name_{lang} column")
            check_prose(name, f"the {lang} name of item '{code}'", error=DataError, path=display, line=line, key=f"name_{lang}")
            names[lang] = name
        items[code] = Item(code, dimension, _cell(row, index, "parent") or None, names, line)
    if config.total not in items:
        raise DataError(f"the total item '{config.total}' named in the release definition is not in the item table", path=display)
    _check_hierarchy(items, display)
    for dim in config.dimensions:
        if dim.root not in items:
            raise DataError(f"dimension '{dim.id}' has root item '{dim.root}', which is not in the item table", path=display)
    return items


def _check_hierarchy(items: dict[str, Item], display: str) -> None:
    for item in items.values():
        if item.parent and item.parent not in items:
            raise DataError(
                f"item '{item.code}' has unknown parent '{item.parent}'{suggest(item.parent, items)}",
                path=display, line=item.line, key="parent",
            )
    for item in items.values():
        seen = [item.code]
        parent = item.parent
        while parent:
            if parent in seen:
                chain = " → ".join([*seen, parent])
                raise DataError(f"the item hierarchy has a cycle: {chain}", path=display, line=item.line, key="parent")
            seen.append(parent)
            parent = items[parent].parent


def load_figures(path: Path, items: dict[str, Item], config: ReleaseConfig) -> Dataset:
    """Read the figures table (tidy: one row per period and item)."""
    display = config.display(path)
    header, rows = read_rows(path, display)
    index = _columns(header, display, FIGURE_KEYS, FIGURE_OPTIONAL)
    if not any(m in index for m in METRICS):
        raise DataError(f"no figure columns; the header must name at least one of {', '.join(METRICS)}", path=display, line=1)
    tolerance = Decimal(config.precision)
    cells: list[Cell] = []
    seen: dict[tuple[str, Period], int] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            raise DataError(f"row has {len(row)} cells but the header names {len(header)} columns", path=display, line=line, hint="check for unquoted commas inside a cell")
        raw_period = _cell(row, index, "period")
        try:
            period = Period.parse(raw_period)
        except ValueError as exc:
            raise DataError(f"bad period: {exc}", path=display, line=line, key="period") from None
        code = _cell(row, index, "item")
        if code not in items:
            raise DataError(
                f"unknown item '{code}'{suggest(code, items)}",
                path=display, line=line, key="item",
                hint=f"item codes are defined in {config.display(config.items)}",
            )
        if (code, period) in seen:
            raise DataError(
                f"duplicate row for item '{code}' in period {period} (first on line {seen[code, period]})",
                path=display, line=line, hint="keep one row per item and period",
            )
        seen[code, period] = line
        note = _cell(row, index, "note")
        values: dict[str, Decimal] = {}
        for metric in METRICS:
            if metric not in index:
                continue
            try:
                value = parse_number(_cell(row, index, metric))
            except ValueError as exc:
                raise DataError(f"{exc}", path=display, line=line, key=metric) from None
            if value is not None:
                values[metric] = value
        if all(m in values for m in METRICS):
            gap = values["exports"] - values["imports"] - values["balance"]
            if abs(gap) > tolerance:
                raise DataError(
                    f"balance {values['balance']} differs from exports − imports = {values['exports'] - values['imports']} "
                    f"by more than one rounding unit ({config.precision})",
                    path=display, line=line, key="balance", hint="correct the figure, or leave a cell empty if it was not published",
                )
        for metric, raw in values.items():
            # Round once, here, as the publisher does: every fact then works on printed values.
            value = round_half_up(raw, config.precision)
            cells.append(Cell(code, period, metric, value, display, line, note, raw if value != raw else None))
    if not cells:
        raise DataError("no figures: the file has a header but no rows with values", path=display)
    return Dataset(items, cells, figures_path=display, items_path=config.display(config.items))

