"""Changes against the previous period, the same period a year earlier and the long run; multiples."""

from __future__ import annotations

from ...dataset import METRICS
from ...periods import Period
from ..context import Context, change_fact, round_half_up
from ..model import Fact
from decimal import Decimal

MULTIPLE_STEP = Decimal("0.1")


def change_previous(ctx: Context) -> list[Fact]:
    """Change against the period just before (2025H1 against 2024H2, 2024 against 2023)."""
    base = ctx.period.previous()
    return [f for item in ctx.items() for m in METRICS
            if (f := change_fact(ctx, "change-previous", item.code, m, base, "previous_period"))]


def change_year_ago(ctx: Context) -> list[Fact]:
    """Change against the same period a year earlier; for years that is the previous period, so none."""
    if ctx.period.kind == "Y":
        return []
    base = ctx.period.year_ago()
    return [f for item in ctx.items() for m in METRICS
            if (f := change_fact(ctx, "change-year-ago", item.code, m, base, "year_ago"))]


def _long_run_base(ctx: Context, item: str, metric: str) -> Period | None:
    """The earliest period of the same kind at least ``long_run_min_years`` back, if published."""
    min_years = int(ctx.threshold("long_run_min_years"))
    skip = {ctx.period.previous(), ctx.period.year_ago()}
    for cell in ctx.dataset.series(item, metric, ctx.period.kind):
        if cell.period >= ctx.period:
            return None
        # Measured end to end in months, so 2020H2 → 2025H1 is four and a half years, not five.
        if ctx.period.end_month - cell.period.end_month >= min_years * 12 and cell.period not in skip:
            return cell.period
        # The series is oldest first: once inside the window no earlier base remains.
        return None
    return None


def change_long_run(ctx: Context) -> list[Fact]:
    """Change against the earliest comparable period (e.g. 2010 → 2024).

    A two-point comparison: it claims nothing about the periods in between, so gaps
    in between do not matter.
    """
    facts = []
    for item in ctx.items():
        for metric in METRICS:
            base = _long_run_base(ctx, item.code, metric)
            if base is not None and (fact := change_fact(ctx, "change-long-run", item.code, metric, base, "long_run")):
                facts.append(fact)
    return facts


def multiple(ctx: Context) -> list[Fact]:
    """Exports or imports that grew by a factor of at least ``multiple_min`` since the long-run base ("tenfold since 2010")."""
    minimum = ctx.threshold("multiple_min")
    facts = []
    for change in change_long_run(ctx):
        if change.metric == "balance" or change.base_value <= 0 or change.value <= 0:
            continue
        ratio = round_half_up(change.value / change.base_value, MULTIPLE_STEP)
        if ratio < minimum:
            continue
        facts.append(Fact(
            id=f"multiple:{change.item}:{change.metric}:{change.base_period}:{ctx.period}",
            kind="multiple", rule="multiple", item=change.item, period=str(ctx.period),
            data={"metric": change.metric, "basis": "long_run", "base_period": change.base_period,
                  "value": change.value, "base_value": change.base_value, "multiple": ratio},
            sources=change.sources,
        ))
    return facts
