"""Records: "the largest surplus on record" and "the largest deficit since 2019H1", never across a gap."""

from __future__ import annotations

from ...dataset import METRICS, Cell
from ...periods import Period
from ..context import Context
from ..model import Fact

# Which extremes are news for each metric: a record surplus or deficit, the highest exports or imports.
_EXTREMES = {
    "balance": (("largest_surplus", 1), ("largest_deficit", -1)),
    "exports": (("highest", 1),),
    "imports": (("highest", 1),),
}


def _unbroken_run(series: list[Cell], period: Period) -> list[Cell]:
    """The cells ending at ``period`` with no missing period between them, oldest first."""
    run: list[Cell] = []
    for cell in reversed(series):
        if cell.period > period:
            continue
        if not run:
            if cell.period != period:
                return []
        elif run[-1].period.previous() != cell.period:
            break
        run.append(cell)
    return run[::-1]


def record(ctx: Context) -> list[Fact]:
    """A record (``since: null``) or "largest since P" for each item and metric of the period.

    "On record" needs unbroken history back to the series start in config; otherwise
    the latest earlier period at least as extreme gives "since", if it lies at least
    ``since_min_periods`` back and inside the unbroken run.
    """
    start = Period(ctx.config.series_start, ctx.period.kind, 1)
    min_since = int(ctx.threshold("since_min_periods"))
    facts = []
    for item in ctx.items():
        for metric in METRICS:
            run = _unbroken_run(ctx.dataset.series(item.code, metric, ctx.period.kind), ctx.period)
            if len(run) < 2:
                continue
            now, earlier = run[-1], run[:-1]
            for extreme, sense in _EXTREMES[metric]:
                if metric == "balance" and now.value * sense <= 0:
                    continue  # only a surplus can be a record surplus
                beaten = [c for c in earlier if c.value * sense >= now.value * sense]
                if not beaten:
                    if earlier[0].period > start:
                        continue  # history does not reach the series start: no "on record"
                    since, used = None, run
                else:
                    since_cell = beaten[-1]
                    if since_cell.period.steps_to(now.period) < min_since:
                        continue
                    since, used = str(since_cell.period), run[run.index(since_cell):]
                facts.append(Fact(
                    id=f"record:{item.code}:{metric}:{extreme}:{ctx.period}",
                    kind="record", rule="record", item=item.code, period=str(ctx.period),
                    data={"metric": metric, "extreme": extreme, "since": since, "value": now.value,
                          "period_kind": ctx.period.kind_name,
                          "since_value": None if since is None else used[0].value},
                    sources=tuple(c.source() for c in reversed(used)),
                ))
    return facts
