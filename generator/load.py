"""Load the item table, the figures and their revisions of a release into a validated ``Dataset``.

Figures are tidy: wide (one column per metric of the release) or long
(``period,item,metric,value``); both read the same. Values are rounded once, here,
to each metric's published precision, and identities (``balance = exports - imports``)
are verified to within one rounding unit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from .config import LANGUAGES, ReleaseConfig
from .dataset import Cell, Dataset, Item, Revision, new_cell
from .errors import DataError
from .lang.numbers import round_half_up
from .periods import Period
from .prose import check_prose
from .tables import parse_number, read_rows
from .yamlload import suggest

ITEM_COLUMNS = ("item", "dimension", "parent", *(f"name_{lang}" for lang in LANGUAGES))
ITEM_OPTIONAL = (*(f"short_{lang}" for lang in LANGUAGES), "note")
FIGURE_KEYS = ("period", "item")
LONG_COLUMNS = ("period", "item", "metric", "value")
REVISION_COLUMNS = ("period", "item", "metric", "value", "published", "basis", "source")


def load_dataset(config: ReleaseConfig) -> Dataset:
    """Read and validate the release's item table, figures and revisions.

    Raises ``DataError`` located at the file, line and column of the first problem.
    """
    items = load_items(config.items, config)
    dataset = load_figures(config.figures, items, config)
    if config.revisions is not None:
        dataset.revisions = load_revisions(config.revisions, dataset, config)
    return dataset


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
    index = _columns(header, display, ITEM_COLUMNS, ITEM_OPTIONAL)
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
        if code == config.total:
            dimensions = dimensions | {dimension}  # the total's own dimension holds other totals (daily averages)
        elif dimension not in dimensions:
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
        shorts = {lang: short for lang in LANGUAGES if (short := _cell(row, index, f"short_{lang}"))}
        items[code] = Item(code, dimension, _cell(row, index, "parent") or None, names, line, shorts)
    if config.total not in items:
        raise DataError(f"the total item '{config.total}' named in the release definition is not in the item table", path=display)
    _check_hierarchy(items, display)
    for dim in config.dimensions:
        if dim.root not in items:
            raise DataError(f"dimension '{dim.id}' has root item '{dim.root}', which is not in the item table", path=display)
    for spec in config.sections:
        for code in spec.get("items") or ():
            if code not in items:
                raise DataError(f"the {spec.kind} section (line {spec.line} of the release definition) names item '{code}', "
                                f"which is not in the item table{suggest(code, items)}", path=display)
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


def _round(raw: Decimal, step: Decimal) -> Decimal:
    """Round half up to the published precision, keeping the digits a coarser figure was written with (48 stays 48)."""
    return raw if raw % step == 0 else round_half_up(raw, step)


_KIND_NAMES = {"Y": "a year", "H": "a half", "Q": "a quarter", "M": "a month"}
_KIND_PLURALS = {"Y": "years", "H": "halves (2025H1)", "Q": "quarters (2025Q1)", "M": "months (2025-01)"}
_FREQUENCY_WORDS = {"monthly": "monthly", "quarterly": "quarterly", "half": "half-yearly", "annual": "annual"}


def load_figures(path: Path, items: dict[str, Item], config: ReleaseConfig) -> Dataset:
    """Read the figures table: wide (a column per metric) or long (``period,item,metric,value``)."""
    display = config.display(path)
    header, rows = read_rows(path, display)
    metrics = config.metrics
    long = "metric" in header and "value" in header
    if long:
        index = _columns(header, display, LONG_COLUMNS, ("note",))
    else:
        index = _columns(header, display, FIGURE_KEYS, (*metrics, "note"))
        if not any(m in index for m in metrics):
            raise DataError(f"no figure columns; the header must name at least one of {', '.join(metrics)} "
                            "(or use the long form period,item,metric,value)", path=display, line=1)
    cells: list[Cell] = []
    seen: dict[tuple[str, Period, str], int] = {}
    rows_of: dict[tuple[str, Period], dict[str, tuple[Decimal, int]]] = {}
    # Each cell holds the item table's own code string, not one per row (a 287,000-figure
    # table otherwise keeps as many copies of its 1,000 codes).
    codes = {code: code for code in items}
    columns_wide = [(m, m, index[m]) for m in metrics if m in index]
    width = len(header)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise DataError(f"row has {len(row)} cells but the header names {len(header)} columns", path=display, line=line, hint="check for unquoted commas inside a cell")
        raw_period = _cell(row, index, "period")
        try:
            period = Period.parse(raw_period)
        except ValueError as exc:
            raise DataError(f"bad period: {exc}", path=display, line=line, key="period") from None
        if period.kind not in (config.frequency_kind, "Y"):
            # A month in a half-yearly table is a typo or a wrong file, never a figure to draft.
            said = _FREQUENCY_WORDS.get(config.frequency, config.frequency)
            raise DataError(f"period '{raw_period}' is {_KIND_NAMES[period.kind]}, but the release is {said}",
                            path=display, line=line, key="period",
                            hint=f"a {said} release takes {_KIND_PLURALS[config.frequency_kind]} and years; "
                                 f"fix the period, or the 'frequency' in {config.display(config.path)}")
        code = codes.get(_cell(row, index, "item"))
        if code is None:
            code = _cell(row, index, "item")
            raise DataError(
                f"unknown item '{code}'{suggest(code, items)}",
                path=display, line=line, key="item",
                hint=f"item codes are defined in {config.display(config.items)}",
            )
        note = _cell(row, index, "note")
        values: dict[str, Decimal] = {}
        if long:
            metric = _cell(row, index, "metric")
            if metric not in metrics:
                raise DataError(f"unknown metric '{metric}'{suggest(metric, metrics)}", path=display, line=line, key="metric",
                                hint=f"declare it under 'metrics' in {config.display(config.path)}")
            columns = [(metric, "value", index["value"])]
        else:
            columns = columns_wide
        for metric, column, position in columns:
            try:
                value = parse_number(row[position] if position < len(row) else "")
            except ValueError as exc:
                raise DataError(f"{exc}", path=display, line=line, key=column) from None
            if value is not None:
                values[metric] = value
        for metric, raw in values.items():
            key = (code, period, metric)
            if key in seen:
                what = f"metric '{metric}' of item '{code}'" if long else f"item '{code}'"
                raise DataError(f"duplicate row for {what} in period {period} (first on line {seen[key]})",
                                path=display, line=line, hint="keep one row per item, period and metric" if long else "keep one row per item and period")
            seen[key] = line
            # Round once, here, as the publisher does: every fact then works on printed values.
            value = _round(raw, metrics[metric].precision)
            cells.append(new_cell(code, period, metric, value, display, line, note, raw if value != raw else None))
            rows_of.setdefault((code, period), {})[metric] = (raw, line)
    if not cells:
        raise DataError("no figures: the file has a header but no rows with values", path=display)
    _check_identities(rows_of, config, display)
    precision = {m.id: m.precision for m in metrics.values()}
    return Dataset(items, cells, figures_path=display, items_path=config.display(config.items),
                   metrics=tuple(metrics), precision=precision)


def _check_identities(rows_of: dict, config: ReleaseConfig, display: str) -> None:
    """Every identity (``balance = exports - imports``) holds to within one rounding unit where all its cells exist."""
    identities = [m for m in config.metrics.values() if m.identity]
    if not identities:
        return
    for (code, period), values in rows_of.items():
        for metric in identities:
            if metric.id not in values or not all(name in values for _, name in metric.identity):
                continue
            total = sum(sign * values[name][0] for sign, name in metric.identity)
            value, line = values[metric.id]
            if abs(value - total) > metric.precision:
                formula = " ".join(f"{'−' if sign < 0 else '+'} {name}" for sign, name in metric.identity).lstrip("+ ")
                raise DataError(
                    f"{metric.id} {value} differs from {formula} = {total} by more than one rounding unit ({metric.precision})",
                    path=display, line=line, key=metric.id,
                    hint="correct the figure, or leave a cell empty if it was not published",
                )


def load_revisions(path: Path, dataset: Dataset, config: ReleaseConfig) -> dict[tuple[str, Period, str], list[Revision]]:
    """Read later values of published cells (``period,item,metric,value,published,basis,source``), oldest first."""
    display = config.display(path)
    header, rows = read_rows(path, display)
    index = _columns(header, display, REVISION_COLUMNS, ())
    result: dict[tuple[str, Period, str], list[Revision]] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        try:
            period = Period.parse(_cell(row, index, "period"))
        except ValueError as exc:
            raise DataError(f"bad period: {exc}", path=display, line=line, key="period") from None
        code, metric = _cell(row, index, "item"), _cell(row, index, "metric")
        if dataset.cell(code, period, metric) is None:
            raise DataError(f"a revision of {code} {metric} in {period}, a figure that was never published in "
                            f"{dataset.figures_path}", path=display, line=line, key="item",
                            hint="revisions change published figures; add the first-published figure first")
        try:
            value = parse_number(_cell(row, index, "value"))
        except ValueError as exc:
            raise DataError(f"{exc}", path=display, line=line, key="value") from None
        if value is None:
            raise DataError("a revision needs a value", path=display, line=line, key="value")
        text = _cell(row, index, "published")
        try:
            published = dt.date.fromisoformat(text)
        except ValueError:
            raise DataError(f"'published' must be a date like 2025-12-01, got '{text}'", path=display, line=line, key="published") from None
        basis = _cell(row, index, "basis") or "revised"
        if config.revision_bases is not None and basis not in config.revision_bases:
            continue  # another agency's figures, on another basis: kept in the file, not used
        result.setdefault((code, period, metric), []).append(
            Revision(value, published, basis, _cell(row, index, "source"), display, line))
    for revisions in result.values():
        revisions.sort(key=lambda r: r.published)  # stable: same-day revisions keep file order
    return result
