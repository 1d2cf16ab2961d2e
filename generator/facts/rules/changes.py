"""Changes against the previous period, the same period a year earlier and the long run; multiples."""

from __future__ import annotations

from ...periods import Period
from ..context import Context, change_fact, round_tenth
from ..model import Fact, new_fact


def _changing_metrics(ctx: Context, basis: str) -> list[str]:
    """Metrics that get a change on ``basis``: not the published percents and shares themselves,
    except that a published rate (export growth, inflation) changes against the previous period."""
    result = []
    for metric in ctx.metrics():
        if metric.share_of:
            continue
        if metric.percent_of and basis != "previous_period":
            continue
        result.append(metric.id)
    return result


def change_previous(ctx: Context) -> list[Fact]:
    """Change against the period just before (2025H1 against 2024H2, November against October)."""
    base = ctx.period.previous()
    metrics = _changing_metrics(ctx, "previous_period")
    return [f for item in ctx.items() for m in metrics
            if (f := change_fact(ctx, "change-previous", item.code, m, base, "previous_period"))]


def change_year_ago(ctx: Context) -> list[Fact]:
    """Change against the same period a year earlier; for years that is the previous period, so none."""
    if ctx.period.kind == "Y":
        return []
    base = ctx.period.year_ago()
    metrics = _changing_metrics(ctx, "year_ago")
    return [f for item in ctx.items() for m in metrics
            if (f := change_fact(ctx, "change-year-ago", item.code, m, base, "year_ago"))]


def _long_run_base(ctx: Context, item: str, metric: str) -> Period | None:
    """The earliest period of the same kind at least ``long_run_min_years`` back, if published."""
    min_months, skip = _long_run_window(ctx)
    series = ctx.dataset.series(item, metric, ctx.period.kind)
    if not series:
        return None
    # Only the series' first cell can be the base: it is oldest first, and once inside
    # the window no earlier base remains.
    period = series[0].period
    # Periods of one kind: their running numbers order them, and a step is 12 // per_year months.
    steps = ctx.period.index - period.index
    if steps <= 0:
        return None
    # Measured end to end in months, so 2020H2 → 2025H1 is four and a half years, not five.
    if steps * (12 // ctx.period.per_year) >= min_months and period not in skip:
        return period
    return None


def _long_run_window(ctx: Context) -> tuple[int, tuple[Period, Period]]:
    key = "long-run-window"
    if key not in ctx._memo:
        ctx._memo[key] = (int(ctx.threshold("long_run_min_years")) * 12, (ctx.period.previous(), ctx.period.year_ago()))
    return ctx._memo[key]


def change_long_run(ctx: Context) -> list[Fact]:
    """Change against the earliest comparable period (e.g. 2010 → 2024), for half-yearly and annual figures.

    A two-point comparison: it claims nothing about the periods in between, so gaps
    in between do not matter. Monthly and quarterly releases compare with a year earlier instead.
    """
    if ctx.period.kind not in ("H", "Y"):
        return []
    # ``multiple`` reads the same list: derived once per context.
    if "change-long-run" in ctx._memo:
        return list(ctx._memo["change-long-run"])
    facts = []
    metrics = [m for m in ctx.metrics() if not m.derived]
    for item in ctx.items():
        for metric in metrics:
            base = _long_run_base(ctx, item.code, metric.id)
            if base is not None and (fact := change_fact(ctx, "change-long-run", item.code, metric.id, base, "long_run")):
                facts.append(fact)
    ctx._memo["change-long-run"] = tuple(facts)
    return facts


def multiple(ctx: Context) -> list[Fact]:
    """Flows or levels that grew by a factor of at least ``multiple_min`` since the long-run base ("tenfold since 2010")."""
    minimum = ctx.threshold("multiple_min")
    facts = []
    for change in change_long_run(ctx):
        data = change.data
        if ctx.metric(data["metric"]).kind not in ("flow", "level", "index"):
            continue
        if data["base_value"] <= 0 or data["value"] <= 0:
            continue
        ratio = round_tenth(data["value"] / data["base_value"])
        if ratio < minimum:
            continue
        facts.append(new_fact(
            id=f"multiple:{change.item}:{data['metric']}:{data['base_period']}:{ctx.period_text}",
            kind="multiple", rule="multiple", item=change.item, period=ctx.period_text,
            data={"metric": data["metric"], "basis": "long_run", "base_period": data["base_period"],
                  "value": data["value"], "base_value": data["base_value"], "multiple": ratio},
            sources=change.sources,
        ))
    return facts
