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
    """``_run`` read along the item's series: the same length, first period and openness."""
    numbers, values, starts = series

    def verdicts():
        here = at
        while True:
            yield _series_verdict(fast, numbers, values, starts, here)
            # The previous period's cell is the one before in the series only inside an unbroken stretch.
            here = here - 1 if here is not None and here > starts[here] else None
    return _walk(verdicts(), end)


def streak(ctx: Context) -> list[Fact]:
    """Runs of consecutive periods in which a condition held ("the tenth straight month of surplus").

    The conditions: in surplus or deficit, rising or falling against a named basis, above or
    below a threshold (or within a band) from config.

    ``length`` counts only periods the data has, all consecutive; ``open`` marks a run
    that reaches back to a period the data cannot judge (it may be longer: "at least").
    ``ended`` marks a run that stopped this period ("the first fall in seven months").
    """
    facts = []
    get, text = ctx.get, ctx.period_text
    for item in ctx.items():
        for metric in ctx.metrics():
            if get((item.code, ctx.period, metric.id)) is None and not _has_percent(ctx, item.code, metric.id):
                continue
            series = None
            for condition, basis, threshold, test, fast in _conditions(ctx, metric):
                if fast is not None:
                    # The same verdicts as ``test``, from the series' values instead of a look-up per period.
                    if series is None:
                        cells, numbers, values, starts = ctx.dataset.series_numbered(item.code, metric.id, ctx.period.kind)
                        series = (numbers, values, starts)
                        here = bisect_left(numbers, ctx.period.index)
                        here = here if here < len(numbers) and numbers[here] == ctx.period.index else None
                    now = _series_verdict(fast, *series, here)
                    if now is None:
                        continue
                    if now:
                        length, start, open_ = _series_run(fast, series, here, ctx.period)
                        ended, end = False, ctx.period
                    else:
                        before = here - 1 if here > series[2][here] else None
                        length, start, open_ = _series_run(fast, series, before, ctx.period.previous())
                        ended, end = True, ctx.period.previous()
                elif (now := test(item.code, ctx.period)) is None:
                    continue
                elif now:
                    length, start, open_ = _run(test, item.code, ctx.period)
                    ended, end = False, ctx.period
                else:
                    length, start, open_ = _run(test, item.code, ctx.period.previous())
                    ended, end = True, ctx.period.previous()
                if length < 2:
                    continue
                data = {"metric": metric.id, "condition": condition, "length": length, "start": str(start),
                        "end": str(end), "ended": ended, "open": open_}
                if basis:
                    data["basis"] = basis
                if threshold:
                    data["threshold"] = list(threshold)
                key = f"{condition}:{basis}" if basis else condition
                if threshold:
                    key += ":" + "-".join(str(t) for t in threshold)
                sources = []
                period = end
                for _ in range(min(length, 24)):
                    cell = get((item.code, period, metric.id))
                    if cell is not None:
                        sources.append(cell.source())
                    period = period.previous()
                facts.append(new_fact(f"streak:{item.code}:{metric.id}:{key}:{text}", "streak", "streak",
                                      item.code, text, data, tuple(sources)))
    return facts


def _has_percent(ctx: Context, item: str, metric: str) -> bool:
    key = ("percent_metrics", metric)
    if key not in ctx._memo:
        ctx._memo[key] = tuple(m.id for m in ctx.metrics() if m.percent_of == metric)
    get, period = ctx.get, ctx.period
    return any(get((item, period, m)) is not None for m in ctx._memo[key])


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
