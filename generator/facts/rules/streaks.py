"""Streaks ("the tenth straight month of surplus", "the first fall in seven months") and year-to-date totals."""

from __future__ import annotations

from bisect import bisect_left

from decimal import Decimal
from typing import Callable, Iterator

from ...periods import Period
from ..context import POINT_KINDS, Context, change_direction, shared_change, sign_direction
from ..model import Fact, new_fact

# Runs are only traced this far back; a longer one is reported as open ("at least").
_MAX_RUN = 600


def _conditions(ctx: Context, metric) -> list[tuple[str, str | None, tuple[Decimal, ...], Callable]]:
    """(condition, basis, threshold, test) for a metric by kind; test(item, period) is True, False or None (unknown)."""
    # The same for every item: built once per metric and derivation.
    key = ("streak-conditions", metric.id)
    if key not in ctx._memo:
        ctx._memo[key] = _build_conditions(ctx, metric)
    return ctx._memo[key]


def _build_conditions(ctx: Context, metric) -> list[tuple[str, str | None, tuple[Decimal, ...], Callable]]:
    result: list = []
    get = ctx.get
    if metric.kind == "balance":
        def sign(wanted: int):
            def test(item: str, period: Period):
                cell = get((item, period, metric.id))
                return None if cell is None else (cell.value > 0 if wanted > 0 else cell.value < 0)
            return test
        result += [("surplus", None, (), sign(1), ("sign", 1)), ("deficit", None, (), sign(-1), ("sign", -1))]
    elif not metric.derived or metric.percent_of:
        # A flow rises on the year (monthly and quarterly releases) or on the previous period;
        # a rate accelerates or slows against the previous period.
        if metric.kind in POINT_KINDS or metric.percent_of:
            basis = "previous_period"
        else:
            basis = "year_ago" if ctx.period.kind in ("M", "Q") else "previous_period"

        def direction(wanted: str, basis=basis):
            def test(item: str, period: Period):
                base = period.previous() if basis == "previous_period" else period.year_ago()
                direction = change_direction(ctx, item, metric.id, base, basis, period)
                return None if direction is None else direction == wanted
            return test
        if not metric.percent_of:
            # Without a published percent the direction is the levels' own: read from the series.
            steps = 1 if basis == "previous_period" else ctx.period.per_year
            fast = ctx.percent_metric(metric.id, basis) is None
            result += [("increased", basis, (), direction("increased"), ("rise", 1, steps) if fast else None),
                       ("decreased", basis, (), direction("decreased"), ("rise", -1, steps) if fast else None)]
    for rule in ctx.config.streaks:
        if rule.metric != metric.id:
            continue

        def threshold(rule=rule):
            def test(item: str, period: Period):
                if rule.item is not None and item != rule.item:
                    return None
                cell = get((item, period, metric.id))
                if cell is None:
                    return None
                if rule.condition == "above":
                    return cell.value > rule.threshold[0]
                if rule.condition == "below":
                    return cell.value < rule.threshold[0]
                return rule.threshold[0] <= cell.value <= rule.threshold[1]
            return test
        result.append((rule.condition, None, rule.threshold, threshold(), None))
    return result


def _run(test: Callable, item: str, end: Period) -> tuple[int, Period, bool]:
    """Length of the run of periods ending at ``end`` where test holds, its first period, and
    whether it is open (it reaches a period the data cannot judge, so it may be longer)."""
    def verdicts():
        period = end
        while True:
            yield test(item, period)
            period = period.previous()
    return _walk(verdicts(), end)


def _walk(verdicts: Iterator[bool | None], end: Period) -> tuple[int, Period, bool]:
    """The run's length, first period and openness, from the verdicts of ``end`` and the periods before it."""
    length, period = 0, end
    while length < _MAX_RUN:
        verdict = next(verdicts)
        if verdict is None:
            return length, period.next(), True
        if not verdict:
            return length, period.next(), False
        length += 1
        period = period.previous()
    return length, period.next(), True


def _series_verdict(fast: tuple, numbers: list[int], values: list, starts: list[int], at: int | None) -> bool | None:
    """A condition's test at position ``at`` of the item's series (None: no cell there), as ``test`` gives it.

    ``("sign", s)``: in surplus (s = 1) or deficit (-1). ``("rise", s, k)``: the level rose
    (s = 1) or fell (-1) against the period ``k`` periods back (1: the previous period;
    the periods per year: a year earlier), unknown when either level is missing.
    """
    if at is None:
        return None
    value = values[at]
    if fast[0] == "sign":
        return value > 0 if fast[1] > 0 else value < 0
    steps = fast[2]
    base = at - steps
    if base < starts[at]:
        # Not inside this unbroken stretch: a year back may still be published across a gap.
        if steps == 1:
            return None
        base = bisect_left(numbers, numbers[at] - steps)
        if base == len(numbers) or numbers[base] != numbers[at] - steps:
            return None
    return value > values[base] if fast[1] > 0 else value < values[base]


def _series_run(fast: tuple, series: tuple, at: int | None, end: Period) -> tuple[int, Period, bool]:
    """``_run`` read along the item's series: the same length, first period and openness.

    The verdicts of ``_walk``, in a plain loop: a generator resumed per period was a third
    of the streak rule on the synthetic release.
    """
    numbers, values, starts = series
    length, period, here = 0, end, at
    verdict = _series_verdict
    while length < _MAX_RUN:
        found = verdict(fast, numbers, values, starts, here)
        if found is None:
            return length, period.next(), True
        if not found:
            return length, period.next(), False
        length += 1
        period = period.previous()
        # The previous period's cell is the one before in the series only inside an unbroken stretch.
        here = here - 1 if here > starts[here] else None
    return length, period.next(), True


def streak(ctx: Context) -> list[Fact]:
    """Runs of consecutive periods in which a condition held ("the tenth straight month of surplus").

    The conditions: in surplus or deficit, rising or falling against a named basis, above or
    below a threshold (or within a band) from config.

    ``length`` counts only periods the data has, all consecutive; ``open`` marks a run
    that reaches back to a period the data cannot judge (it may be longer: "at least").
    ``ended`` marks a run that stopped this period ("the first fall in seven months").
    """
    facts = []
    get, text, period_now = ctx.get, ctx.period_text, ctx.period
    previous = period_now.previous()
    index, kind = period_now.index, period_now.kind
    numbered = ctx.dataset.series_numbered
    # What depends on the metric only, once: its conditions and published percents.
    # A metric without conditions (a year-to-date total, a share) has no streaks: not looked at.
    metrics = [(metric, metric.id, conditions, _percent_ids(ctx, metric.id)) for metric in ctx.metrics()
               if (conditions := _conditions(ctx, metric))]
    for item in ctx.items():
        code = item.code
        for metric, metric_id, conditions, percents in metrics:
            if get((code, period_now, metric_id)) is None and (
                    not percents or not any(get((code, period_now, m)) is not None for m in percents)):
                continue
            series = None
            for condition, basis, threshold, test, fast in conditions:
                cells = None
                if fast is not None:
                    # The same verdicts as ``test``, from the series' values instead of a look-up per period.
                    if series is None:
                        series_cells, numbers, values, starts = numbered(code, metric_id, kind)
                        series = (numbers, values, starts)
                        here = bisect_left(numbers, index)
                        here = here if here < len(numbers) and numbers[here] == index else None
                    cells = series_cells
                    now = _series_verdict(fast, *series, here)
                    if now is None:
                        continue
                    if now:
                        length, start, open_ = _series_run(fast, series, here, period_now)
                        ended, end, last = False, period_now, here
                    else:
                        last = here - 1 if here > series[2][here] else None
                        length, start, open_ = _series_run(fast, series, last, previous)
                        ended, end = True, previous
                elif (now := test(code, period_now)) is None:
                    continue
                elif now:
                    length, start, open_ = _run(test, code, period_now)
                    ended, end = False, period_now
                else:
                    length, start, open_ = _run(test, code, previous)
                    ended, end = True, previous
                if length < 2:
                    continue
                data = {"metric": metric_id, "condition": condition, "length": length, "start": str(start),
                        "end": str(end), "ended": ended, "open": open_}
                if basis:
                    data["basis"] = basis
                if threshold:
                    data["threshold"] = list(threshold)
                key = f"{condition}:{basis}" if basis else condition
                if threshold:
                    key += ":" + "-".join(str(t) for t in threshold)
                count = min(length, 24)
                if cells is not None:
                    # Every period of a run read from the series has its cell, one after another
                    # in the series: the cells a look-up per period would find.
                    sources = tuple(c.source() for c in reversed(cells[last - count + 1:last + 1]))
                else:
                    found = []
                    period = end
                    for _ in range(count):
                        cell = get((code, period, metric_id))
                        if cell is not None:
                            found.append(cell.source())
                        period = period.previous()
                    sources = tuple(found)
                facts.append(new_fact(f"streak:{code}:{metric_id}:{key}:{text}", "streak", "streak",
                                      code, text, data, sources))
    return facts


def _percent_ids(ctx: Context, metric: str) -> tuple[str, ...]:
    """The metrics holding a published percent of ``metric``."""
    return tuple(m.id for m in ctx.metrics() if m.percent_of == metric)


def cumulative(ctx: Context) -> list[Fact]:
    """Year-to-date totals the publisher gives (January–November), with their own change on a year earlier.

    Only published totals: summing first-published monthly figures does not give the
    publisher's cumulative figure, which uses revised months.
    """
    if ctx.period.kind not in ("M", "Q"):
        return []
    facts = []
    for metric in ctx.metrics():
        if not metric.cumulative_of:
            continue
        for item in ctx.items():
            cell = ctx.dataset.cell(item.code, ctx.period, metric.id)
            if cell is None:
                continue
            data = {"metric": metric.cumulative_of, "cumulative_metric": metric.id, "start": str(ctx.period.year_start()),
                    "end": str(ctx.period), "value": cell.value, "unit": metric.unit}
            sources = [cell.source()]
            change = shared_change(ctx, "cumulative", item.code, metric.id, ctx.period.year_ago(), "year_ago")
            if change is not None:
                data["basis"] = "cumulative"
                data["base_period"] = str(ctx.period.year_ago())
                for key in ("base_value", "delta", "percent", "percent_source", "percent_metric", "percent_computed", "direction"):
                    if key in change.data:
                        data[key] = change.data[key]
                if ctx.config.metrics[metric.id].kind == "balance" and "sign" in change.data:
                    data["sign"], data["base_sign"] = change.data["sign"], change.data["base_sign"]
                sources = list(change.sources)
            if ctx.config.metrics[metric.id].kind == "balance":
                data.setdefault("sign", "surplus" if cell.value > 0 else "deficit" if cell.value < 0 else "balanced")
            facts.append(new_fact(f"cumulative:{item.code}:{metric.cumulative_of}:{ctx.period.year_start()}:{ctx.period_text}",
                                  "cumulative", "cumulative", item.code, ctx.period_text, data, tuple(sources)))
    return facts


__all__ = ["streak", "cumulative", "sign_direction"]
