"""Records: "on record", "the largest deficit since 2019H1", "the highest November on record", never across a gap."""

from __future__ import annotations

from bisect import bisect_left

from ...dataset import Cell
from ...periods import Period
from ..context import Context
from ..model import Fact, new_fact

# Which extremes each metric kind has: a balance's largest surplus or deficit, else highs and lows.
_EXTREMES = {
    "balance": (("largest_surplus", 1), ("largest_deficit", -1)),
    "flow": (("highest", 1), ("lowest", -1)),
    "level": (("highest", 1), ("lowest", -1)),
    "index": (("highest", 1), ("lowest", -1)),
    "rate": (("highest", 1), ("lowest", -1)),
    "contribution": (("highest", 1), ("lowest", -1)),
}


def _unbroken_run(ctx: Context, item: str, metric: str, step) -> list[Cell]:
    """The item's cells ending at the context's period with no missing period between them, oldest first.

    ``step`` goes one back (``Period.previous``, or ``Period.year_ago`` for the same month
    of earlier years). Walking back cell by cell costs the length of the run; filtering
    the whole series for the same month was most of the record rule's time on 20 years
    of monthly data in a profile. Going back one period at a time is a slice of the
    item's series (``Dataset.series_numbered``).
    """
    period = ctx.period
    if step is Period.previous:
        found = _series_run(ctx, item, metric)
        return [] if found is None else found[0][found[1]:found[2] + 1]
    run: list[Cell] = []
    get = ctx.get
    while (found := get((item, period, metric))) is not None:
        run.append(found)
        period = step(period)
    run.reverse()
    return run


def _series_run(ctx: Context, item: str, metric: str):
    """(series, first, last, values) of the unbroken run ending at the context's period, or None."""
    period = ctx.period
    series, numbers, values, starts = ctx.dataset.series_numbered(item, metric, period.kind)
    last = bisect_left(numbers, period.index)
    if last == len(numbers) or numbers[last] != period.index:
        return None
    return series, starts[last], last, values


def _latest_at_least_as_extreme(values: list, first: int, last: int, sense: int) -> int:
    """The position of the latest value in ``values[first:last]`` at least as extreme as
    ``values[last]`` (ties count), or -1.

    The latest such value is most often a few periods back, so those are tried first, one
    by one; only then do ``max``/``min`` (one pass in C) tell whether any earlier value is
    (a record, the common case in a growing series, has none), instead of a pass over the
    whole run (240 months) for each extreme of each series.
    """
    value = values[last]
    near = max(first, last - _NEAR)
    at = last - 1
    if sense > 0:
        while at >= near:
            if values[at] >= value:
                return at
            at -= 1
        if at < first or max(values[first:at + 1]) < value:
            return -1
        while values[at] < value:
            at -= 1
    else:
        while at >= near:
            if values[at] <= value:
                return at
            at -= 1
        if at < first or min(values[first:at + 1]) > value:
            return -1
        while values[at] > value:
            at -= 1
    return at


# How many periods back are tried one by one before a pass over the rest of the run.
_NEAR = 6


def _scopes(ctx: Context) -> list[str]:
    # "The highest November on record" is a monthly (and quarterly) idea; a half-year
    # record is already stated against every half.
    return ["all", "same_period_of_year"] if ctx.period.kind in ("M", "Q") else ["all"]


def record(ctx: Context) -> list[Fact]:
    """A record (``since: null``) or "highest since P" for each item and metric of the period.

    "On record" needs unbroken history back to the series start in config; otherwise
    the latest earlier period at least as extreme gives "since", if it lies at least
    ``since_min_periods`` back and inside the unbroken run. Ties count ("the lowest since
    July 2023 (2.4%)" for a 2.4). When nothing in the run is as extreme and the run does
    not reach the series start, there is no fact: the data cannot say since when.
    """
    min_since = int(ctx.threshold("since_min_periods"))
    start = ctx.config.series_start_for(ctx.period.kind)
    text = ctx.period_text
    get, period = ctx.get, ctx.period
    index, kind, kind_name, per_year = period.index, period.kind, period.kind_name, period.per_year
    scopes = _scopes(ctx)
    # "The highest November since 2023" must reach back at least two years to say anything.
    min_years = 2 * (12 if kind == "M" else 4)
    start_same = Period(start.year, start.kind, period.n) if len(scopes) > 1 else None
    numbered = ctx.dataset.series_numbered
    metrics = [m for m in ctx.metrics() if not (m.share_of or m.cumulative_of)]
    facts = []
    for item in ctx.items():
        code = item.code
        for metric in metrics:
            metric_id = metric.id
            if get((code, period, metric_id)) is None:
                continue
            series, numbers, values, starts = numbered(code, metric_id, kind)
            last = bisect_left(numbers, index)
            if last == len(numbers) or numbers[last] != index:
                continue  # not reached: the period's cell is in the series
            for scope in scopes:
                if scope == "all":
                    first = starts[last]
                    if last - first < 1:
                        continue
                    run, run_values, end = series, values, last
                else:
                    run, run_values = _same_period_run(series, numbers, starts, last, per_year, values)
                    if len(run) < 2:
                        continue
                    first, end = 0, len(run) - 1
                now = run[end]
                for extreme, sense in _EXTREMES[metric.kind]:
                    if metric.kind == "balance" and now.value * sense <= 0:
                        continue  # only a surplus can be a record surplus
                    # The latest earlier cell at least as extreme (ties count), as a position in the run.
                    at = _latest_at_least_as_extreme(run_values, first, end, sense)
                    # Most extremes of most series give no fact: the fact's data only once it does.
                    if at < 0:
                        if run[first].period > (start if scope == "all" else start_same):
                            continue  # history does not reach the series start: no "on record", and no "since"
                        data = {"metric": metric_id, "extreme": extreme, "scope": scope, "value": now.value,
                                "period_kind": kind_name, "since": None, "since_value": None}
                        used = run[first:end + 1]
                    else:
                        since_cell = run[at]
                        steps = now.period.index - since_cell.period.index  # the same kind: steps_to
                        if steps < (min_since if scope == "all" else min_years):
                            continue
                        used = run[at:end + 1]
                        data = {"metric": metric_id, "extreme": extreme, "scope": scope, "value": now.value,
                                "period_kind": kind_name, "since": str(since_cell.period), "since_value": since_cell.value,
                                "periods_since": steps if scope == "all" else steps // 12 if kind == "M" else steps // 4}
                    suffix = "" if scope == "all" else f":{scope}"
                    facts.append(new_fact(f"record:{code}:{metric_id}:{extreme}{suffix}:{text}", "record", "record",
                                          code, text, data, tuple([c.source() for c in reversed(used)])))
    return facts


def _same_period_run(series: list[Cell], numbers: list[int], starts: list[int], at: int, per_year: int,
                     values: list | None = None) -> list[Cell] | tuple[list[Cell], list]:
    """``_unbroken_run`` with ``Period.year_ago``, from the series: the cells of the same period of
    each earlier year back to the first year missing, oldest first (with their values when
    ``values`` is the series' values).

    Inside an unbroken stretch the same period of each year is every ``per_year``-th cell, a
    slice; only a gap needs a search (a year back may still be published across it).
    """
    pieces = []
    while True:
        low = at - per_year * ((at - starts[at]) // per_year)
        pieces.append(slice(low, at + 1, per_year))
        target = numbers[low] - per_year
        base = bisect_left(numbers, target, 0, starts[low])
        if base == starts[low] or numbers[base] != target:
            break
        at = base
    pieces.reverse()
    cells: list[Cell] = []
    for piece in pieces:
        cells += series[piece]
    if values is None:
        return cells
    found: list = []
    for piece in pieces:
        found += values[piece]
    return cells, found
