"""Changes against the previous period, the same period a year earlier and the long run; multiples."""

from __future__ import annotations

from ...periods import Period
from ..context import Context, change_fact, changes, round_tenth
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
    return changes(ctx, "change-previous", metrics, base, "previous_period")


def change_year_ago(ctx: Context) -> list[Fact]:
    """Change against the same period a year earlier; for years that is the previous period, so none."""
    if ctx.period.kind == "Y":
        return []
    base = ctx.period.year_ago()
    metrics = _changing_metrics(ctx, "year_ago")
    return changes(ctx, "change-year-ago", metrics, base, "year_ago")


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
    # The base is the earliest period of the same kind at least ``long_run_min_years`` back,
    # if published: only a series' first cell can be it (oldest first; once inside the window
    # no earlier base remains).
    min_months, skip = _long_run_window(ctx)
    kind, index, months = ctx.period.kind, ctx.period.index, 12 // ctx.period.per_year
    series_of = ctx.dataset.series
    metrics = [m.id for m in ctx.metrics() if not m.derived]
    facts = []
    for item in ctx.items():
        code = item.code
        for metric in metrics:
            series = series_of(code, metric, kind)
            if not series:
                continue
            base = series[0].period
            # Periods of one kind: their running numbers order them. Measured end to end in
            # months, so 2020H2 → 2025H1 is four and a half years, not five.
            steps = index - base.index
            if steps <= 0 or steps * months < min_months or base in skip:
                continue
            if fact := change_fact(ctx, "change-long-run", code, metric, base, "long_run"):
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
