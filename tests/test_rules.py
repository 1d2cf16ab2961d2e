"""Every derivation rule, on tiny synthetic datasets: cases where it must fire and cases where it must not.

One test walks ``generator.facts.rules.RULES``: a rule added to the registry without
examples here fails it (GUIDELINES §13).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from generator.facts import derive_facts
from generator.facts.rules import RULES
from generator.periods import Period
from generator.project import open_project

from helpers import FIGURES, by_rule, facts_for, make_project


@dataclass(frozen=True)
class Example:
    """A figure set, a period and what one rule must say about it.

    ``expect`` lists field subsets; each must match a distinct fact of the rule. An empty
    ``expect`` means the rule must say nothing (about the facts matching ``about``).
    With ``exact`` the rule's facts (after ``about``) must be exactly the expected ones.
    """

    id: str
    rows: tuple
    period: str
    expect: tuple[dict, ...] = ()
    about: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    exact: bool = False
    # Figures CSV text written instead of ``rows`` (for metrics beyond exports, imports, balance).
    figures: str | None = None
    # Keys none of the rule's facts (after ``about``) may have.
    absent: tuple[str, ...] = ()


def fires(id, rows, period, *expect, about=None, config=None, exact=False, figures=None, absent=()):
    assert expect, "a firing example must say what it expects"
    return Example(id, tuple(rows), period, tuple(expect), about or {}, config or {}, exact, figures, tuple(absent))


def silent(id, rows, period, *, about=None, config=None, figures=None):
    return Example(id, tuple(rows), period, (), about or {}, config or {}, figures=figures)


def csv_of(columns: str, *rows) -> str:
    """Figures CSV text: ``columns`` after period,item; ``None`` leaves a cell empty."""
    lines = [f"period,item,{columns}"]
    lines += [",".join("" if v is None else str(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def months(item, start: str, *values):
    """Monthly rows of one item from ``start`` (e.g. "2025-01"), one value per month: (period, item, value)."""
    period = Period.parse(start)
    rows = []
    for value in values:
        rows.append((str(period), item, value))
        period = period.next()
    return rows


def metric(kind, unit="usd_million", precision=10, **extra):
    return {"kind": kind, "unit": unit, "precision": precision, "name": {"en": "a metric", "ko": "지표"}, **extra}


# A monthly release (the data starts in 2022, the official series long before).
MONTHLY = {"frequency": "monthly", "series_start": "2010-01"}
# Published percents and year-to-date totals, as the monthly trade release has them.
PUBLISHED = {**MONTHLY, "metrics": {
    "exports_yoy_pct": metric("rate", "percent", 0.1, percent_of={"metric": "exports", "basis": "year_ago"}),
    "exports_ytd": metric("flow", cumulative_of="exports"),
    "exports_ytd_yoy_pct": metric("rate", "percent", 0.1, percent_of={"metric": "exports_ytd", "basis": "year_ago"}),
    "balance_ytd": metric("balance", cumulative_of="balance"),
}}
# A rate with threshold streaks from config ("below 2% for the fourth month", "in the 2% range").
RATE = {**MONTHLY, "metrics": {"rate_pct": metric("rate", "percent", 0.1)},
        "streaks": [{"item": "total", "metric": "rate_pct", "condition": "below", "threshold": 2.0},
                    {"item": "total", "metric": "rate_pct", "condition": "band", "threshold": [2.0, 2.9]}]}


def matches(fact: dict, expected: dict) -> bool:
    return all(key in fact and fact[key] == value for key, value in expected.items())


# A run of half-year balances for one item, oldest first: ("2023H1", 100), ...
def series(item, *points):
    return [(period, item, value) for period, value in points]


EXAMPLES: dict[str, list[Example]] = {
    "level": [
        fires(
            "half-year levels carry the balance sign",
            [("2025H1", "total", 19710, 24240, -4530), ("2025H1", "a", None, None, 440), ("2025H1", "b", None, None, 0),
             ("2024H2", "c", None, None, 70)],
            "2025H1",
            {"id": "level:total:exports:2025H1", "item": "total", "period": "2025H1", "metric": "exports", "value": 19710},
            {"id": "level:total:imports:2025H1", "item": "total", "metric": "imports", "value": 24240},
            {"id": "level:total:balance:2025H1", "item": "total", "metric": "balance", "value": -4530, "sign": "deficit"},
            {"id": "level:a:balance:2025H1", "item": "a", "metric": "balance", "value": 440, "sign": "surplus"},
            {"id": "level:b:balance:2025H1", "item": "b", "metric": "balance", "value": 0, "sign": "balanced"},
            exact=True,
        ),
        fires(
            "annual level",
            [("2024", "total", None, None, -7260), ("2010", "total", None, None, -12770)],
            "2024",
            {"id": "level:total:balance:2024", "period": "2024", "value": -7260, "sign": "deficit"},
            exact=True,
        ),
        silent(
            "a missing cell is no level (not a zero)",
            [("2025H1", "total", 100, None, None), ("2024H2", "a", None, None, -10)],
            "2025H1",
            about={"metric": "balance"},
        ),
    ],
    "change-previous": [
        fires(
            "balance directions for deficits and surpluses",
            [*series("total", ("2024H2", -3760), ("2025H1", -4530)),
             *series("a", ("2024H2", -500), ("2025H1", -300)),
             *series("b", ("2024H2", 300), ("2025H1", 500)),
             *series("c", ("2024H2", 500), ("2025H1", 300)),
             *series("r.east", ("2024H2", -100), ("2025H1", 50)),
             *series("r.west", ("2024H2", 50), ("2025H1", -100)),
             *series("a.x", ("2024H2", 440), ("2025H1", 440))],
            "2025H1",
            {"id": "change:total:balance:previous_period:2024H2:2025H1", "item": "total", "metric": "balance",
             "basis": "previous_period", "base_period": "2024H2", "value": -4530, "base_value": -3760,
             "delta": -770, "direction": "widened", "sign": "deficit", "base_sign": "deficit"},
            {"item": "a", "delta": 200, "direction": "narrowed", "sign": "deficit"},
            {"item": "b", "delta": 200, "direction": "widened", "sign": "surplus"},
            {"item": "c", "delta": -200, "direction": "narrowed", "sign": "surplus"},
            {"item": "r.east", "delta": 150, "direction": "turned_surplus", "sign": "surplus", "base_sign": "deficit"},
            {"item": "r.west", "delta": -150, "direction": "turned_deficit", "sign": "deficit", "base_sign": "surplus"},
            {"item": "a.x", "delta": 0, "direction": "unchanged", "value": 440, "base_value": 440},
            exact=True,
        ),
        fires(
            "exports and imports increase and decrease, with percent",
            [("2024H2", "total", 18500, 200, 18300), ("2025H1", "total", 19710, 150, 19560)],
            "2025H1",
            {"metric": "exports", "delta": 1210, "direction": "increased", "percent": 6.5},
            {"metric": "imports", "delta": -50, "direction": "decreased", "percent": -25},
            {"metric": "balance", "delta": 1260, "direction": "widened", "sign": "surplus"},
            exact=True,
        ),
        fires(
            "annual period against the year before",
            [*series("total", ("2023", -100), ("2024", -150))],
            "2024",
            {"id": "change:total:balance:previous_period:2023:2024", "base_period": "2023", "delta": -50,
             "direction": "widened"},
            exact=True,
        ),
        fires(
            "quarter against the quarter before",
            [*series("a", ("2024Q4", 100), ("2025Q1", 120))],
            "2025Q1",
            {"base_period": "2024Q4", "delta": 20, "direction": "widened"},
            config={"frequency": "quarterly"}, exact=True,
        ),
        silent(
            "no change across a missing previous period",
            [*series("total", ("2024H1", -100), ("2025H1", -200))],
            "2025H1",
        ),
        silent(
            "a missing cell is not a zero",
            [("2024H2", "total", 100, None, None), ("2025H1", "total", None, None, -50)],
            "2025H1",
        ),
    ],
    "change-year-ago": [
        fires(
            "half-year against the same half a year earlier",
            [*series("total", ("2024H1", -3500), ("2024H2", -3760), ("2025H1", -4530))],
            "2025H1",
            {"id": "change:total:balance:year_ago:2024H1:2025H1", "basis": "year_ago", "base_period": "2024H1",
             "value": -4530, "base_value": -3500, "delta": -1030, "direction": "widened"},
            exact=True,
        ),
        fires(
            "quarter against the same quarter a year earlier",
            [("2024Q1", "total", 100, None, None), ("2025Q1", "total", 150, None, None)],
            "2025Q1",
            {"metric": "exports", "base_period": "2024Q1", "delta": 50, "direction": "increased", "percent": 50},
            config={"frequency": "quarterly"}, exact=True,
        ),
        fires(
            "monthly: the publisher's own growth rate (percent_source: published)",
            [],
            "2025-11",
            # Printed levels give (560 - 500) / 500 = 12.0%, the same as published: no percent_computed.
            {"id": "change:total:exports:year_ago:2024-11:2025-11", "metric": "exports", "basis": "year_ago",
             "value": 560, "base_value": 500, "delta": 60, "unit": "usd_million", "percent": 12.0,
             "percent_source": "published", "percent_metric": "exports_yoy_pct", "direction": "increased"},
            about={"metric": "exports"},
            config=PUBLISHED,
            figures=csv_of("exports,exports_yoy_pct", ("2024-11", "total", 500, None), ("2025-11", "total", 560, 12.0)),
            exact=True,
            absent=("percent_computed",),
        ),
        fires(
            "monthly: published 12.3% where the printed levels give 12.0% (percent_computed)",
            [],
            "2025-11",
            {"percent": 12.3, "percent_source": "published", "percent_computed": 12.0, "delta": 60},
            about={"metric": "exports"},
            config=PUBLISHED,
            figures=csv_of("exports,exports_yoy_pct", ("2024-11", "total", 500, None), ("2025-11", "total", 560, 12.3)),
            exact=True,
        ),
        fires(
            "monthly: the published percent decides the direction when the printed levels are equal",
            [],
            "2025-11",
            {"value": 500, "base_value": 500, "delta": 0, "percent": -0.4, "percent_computed": 0,
             "percent_source": "published", "direction": "decreased"},
            about={"metric": "exports"},
            config=PUBLISHED,
            figures=csv_of("exports,exports_yoy_pct", ("2024-11", "total", 500, None), ("2025-11", "total", 500, -0.4)),
            exact=True,
        ),
        fires(
            "monthly: a change published only as a percent (no year-earlier level) is still a change",
            [],
            "2025-11",
            {"id": "change:total:exports:year_ago:2024-11:2025-11", "value": 560, "percent": 12.0,
             "percent_source": "published", "direction": "increased"},
            about={"metric": "exports"},
            config=PUBLISHED,
            figures=csv_of("exports,exports_yoy_pct", ("2024-10", "total", 480, None), ("2025-11", "total", 560, 12.0)),
            exact=True,
            absent=("base_value", "delta", "percent_computed"),
        ),
        silent(
            "not for annual periods (that is the previous period)",
            [*series("total", ("2023", -100), ("2024", -150))],
            "2024",
        ),
        silent(
            "not when the year-ago period is missing",
            [*series("total", ("2024H2", -100), ("2025H1", -150))],
            "2025H1",
        ),
    ],
    "change-long-run": [
        fires(
            "annual: earliest comparable year at least long_run_min_years back",
            [*series("total", ("2010", -12770), ("2020", -9000), ("2024", -7260))],
            "2024",
            {"id": "change:total:balance:long_run:2010:2024", "basis": "long_run", "base_period": "2010",
             "value": -7260, "base_value": -12770, "delta": 5510, "direction": "narrowed"},
            exact=True,
        ),
        fires(
            "half-year: exactly five years back",
            [*series("a", ("2020H1", 100), ("2025H1", 300))],
            "2025H1",
            {"base_period": "2020H1", "delta": 200, "direction": "widened", "basis": "long_run"},
            exact=True,
        ),
        fires(
            "threshold lowered in config",
            [*series("total", ("2020", -100), ("2024", -150))],
            "2024",
            {"base_period": "2020", "delta": -50},
            config={"thresholds": {"long_run_min_years": 3}},
            exact=True,
        ),
        silent(
            "four and a half years (2020H2 to 2025H1) is not five",
            [*series("a", ("2020H2", 100), ("2025H1", 300))],
            "2025H1",
        ),
        silent(
            "four years is not a long run",
            [*series("total", ("2020", -100), ("2024", -150))],
            "2024",
        ),
    ],
    "multiple": [
        fires(
            "exports grew tenfold; exactly the threshold counts",
            [("2010", "a", 510, None, None), ("2024", "a", 5200, None, None),
             ("2010", "b", 100, None, None), ("2024", "b", 200, None, None)],
            "2024",
            {"id": "multiple:a:exports:2010:2024", "item": "a", "metric": "exports", "basis": "long_run",
             "base_period": "2010", "base_value": 510, "value": 5200, "multiple": 10.2},
            {"item": "b", "metric": "exports", "multiple": 2},
            exact=True,
        ),
        silent(
            "below multiple_min",
            [("2010", "c", 100, None, None), ("2024", "c", 190, None, None)],
            "2024",
        ),
        silent(
            "threshold raised in config",
            [("2010", "a", 510, None, None), ("2024", "a", 5200, None, None)],
            "2024",
            config={"thresholds": {"multiple_min": 12}},
        ),
        silent(
            "balances have no multiples",
            [*series("a", ("2010", 100), ("2024", 1000))],
            "2024",
        ),
        silent(
            "not without a long-run base",
            [("2020", "a", 100, None, None), ("2024", "a", 1000, None, None)],
            "2024",
        ),
    ],
    "record": [
        fires(
            "on record when unbroken history reaches the series start",
            series("a", ("2023H1", 100), ("2023H2", 200), ("2024H1", 150), ("2024H2", 250), ("2025H1", 300)),
            "2025H1",
            {"id": "record:a:balance:largest_surplus:2025H1", "item": "a", "metric": "balance",
             "extreme": "largest_surplus", "since": None, "value": 300, "period_kind": "half", "since_value": None},
            config={"series_start": 2023},
            exact=True,
        ),
        fires(
            "largest since P: latest earlier period at least as large",
            series("a", ("2023H1", 500), ("2023H2", 200), ("2024H1", 150), ("2024H2", 250), ("2025H1", 400)),
            "2025H1",
            {"extreme": "largest_surplus", "since": "2023H1", "since_value": 500, "value": 400},
            exact=True,
        ),
        fires(
            "largest deficit since P",
            series("b", ("2023H2", -900), ("2024H1", -100), ("2024H2", -200), ("2025H1", -800)),
            "2025H1",
            {"id": "record:b:balance:largest_deficit:2025H1", "extreme": "largest_deficit", "since": "2023H2",
             "since_value": -900, "value": -800},
            exact=True,
        ),
        fires(
            "since exactly since_min_periods back",
            series("a", ("2024H1", 500), ("2024H2", 300), ("2025H1", 400)),
            "2025H1",
            {"since": "2024H1", "since_value": 500},
            exact=True,
        ),
        fires(
            "annual highest exports on record",
            [("2020", "total", 100, None, None), ("2021", "total", 150, None, None), ("2022", "total", 120, None, None),
             ("2023", "total", 130, None, None), ("2024", "total", 200, None, None)],
            "2024",
            {"id": "record:total:exports:highest:2024", "metric": "exports", "extreme": "highest", "since": None,
             "period_kind": "year", "value": 200},
            config={"series_start": 2020},
            exact=True,
        ),
        silent(
            "no 'on record' when history does not reach the series start",
            series("a", ("2023H1", 100), ("2023H2", 200), ("2024H1", 150), ("2024H2", 250), ("2025H1", 300)),
            "2025H1",
            config={"series_start": 2010},
        ),
        silent(
            "no record across a missing period",
            series("a", ("2023H1", 100), ("2024H1", 150), ("2024H2", 250), ("2025H1", 300)),
            "2025H1",
            config={"series_start": 2023},
        ),
        silent(
            "no 'since' across a missing period",
            series("a", ("2023H1", 500), ("2024H1", 100), ("2024H2", 200), ("2025H1", 400)),
            "2025H1",
        ),
        silent(
            "no 'since' the previous period",
            series("a", ("2024H2", 500), ("2025H1", 400)),
            "2025H1",
        ),
        silent(
            "since_min_periods raised in config",
            series("a", ("2024H1", 500), ("2024H2", 300), ("2025H1", 400)),
            "2025H1",
            config={"thresholds": {"since_min_periods": 3}},
        ),
        fires(
            "monthly: the highest November since 2022, two years back",
            [("2022-11", "total", 600, None, None), ("2023-11", "total", 400, None, None),
             ("2024-11", "total", 450, None, None), ("2025-11", "total", 550, None, None)],
            "2025-11",
            # Only Novembers: no unbroken run of months, so no record over all months. The lowest
            # November since 2024-11 (450 <= 550) lies only one year back: nothing to say.
            {"id": "record:total:exports:highest:same_period_of_year:2025-11", "metric": "exports",
             "extreme": "highest", "scope": "same_period_of_year", "since": "2022-11", "since_value": 600,
             "value": 550, "periods_since": 3},
            config=MONTHLY,
            exact=True,
        ),
        fires(
            "monthly: the highest November on record when the Novembers reach the series start",
            [("2023-11", "total", 400, None, None), ("2024-11", "total", 450, None, None),
             ("2025-11", "total", 550, None, None)],
            "2025-11",
            {"id": "record:total:exports:highest:same_period_of_year:2025-11", "scope": "same_period_of_year",
             "since": None, "value": 550},
            config={**MONTHLY, "series_start": "2023-01"},
            exact=True,
        ),
        silent(
            "monthly: a November beaten only a year earlier says nothing (the same month needs two years back)",
            [("2023-11", "total", 700, None, None), ("2024-11", "total", 600, None, None),
             ("2025-11", "total", 550, None, None)],
            "2025-11",
            config=MONTHLY,
        ),
    ],
    "rank": [
        fires(
            "surplus and deficit sides of each dimension, with only",
            [("2025H1", "a", None, None, 300), ("2025H1", "b", None, None, 100), ("2025H1", "c", None, None, -200),
             ("2025H1", "r.east", None, None, 50), ("2025H1", "a.x", None, None, 900)],
            "2025H1",
            {"id": "rank:category:surplus:2025H1", "item": "total", "metric": "balance", "dimension": "category",
             "extreme": "surplus", "members": [{"item": "a", "value": 300, "share": 75}, {"item": "b", "value": 100, "share": 25}],
             "main": ["a"], "only": False, "special": False},
            {"id": "rank:category:deficit:2025H1", "extreme": "deficit",
             "members": [{"item": "c", "value": -200, "share": 100}], "main": ["c"], "only": True},
            {"id": "rank:region:surplus:2025H1", "dimension": "region", "members": [{"item": "r.east", "value": 50, "share": 100}],
             "main": ["r.east"], "only": True},
            exact=True,
        ),
        fires(
            "main contributors by cumulative share",
            [("2025H1", "a", None, None, 500), ("2025H1", "b", None, None, 400), ("2025H1", "c", None, None, 100)],
            "2025H1",
            {"extreme": "surplus", "main": ["a", "b"], "only": False,
             "members": [{"item": "a", "value": 500, "share": 50}, {"item": "b", "value": 400, "share": 40},
                         {"item": "c", "value": 100, "share": 10}]},
            exact=True,
        ),
        fires(
            "main_contributor_share from config",
            [("2025H1", "a", None, None, 500), ("2025H1", "b", None, None, 400), ("2025H1", "c", None, None, 100)],
            "2025H1",
            {"extreme": "surplus", "main": ["a"]},
            config={"thresholds": {"main_contributor_share": 0.5}},
            exact=True,
        ),
        fires(
            "annual deficit side",
            [("2024", "a", None, None, -10), ("2024", "b", None, None, -30)],
            "2024",
            {"id": "rank:category:deficit:2024", "main": ["b"],
             "members": [{"item": "b", "value": -30, "share": 75}, {"item": "a", "value": -10, "share": 25}]},
            exact=True,
        ),
        silent(
            "sub-items are not dimension members; missing members are not zeros",
            [("2025H1", "a.x", None, None, 999), ("2025H1", "total", None, None, -5)],
            "2025H1",
        ),
    ],
    "driver-level": [
        fires(
            "child carrying the parent's balance, with members and opposite",
            [("2025H1", "a", None, None, -1000), ("2025H1", "a.x", None, None, -600), ("2025H1", "a.y", None, None, -300),
             ("2025H1", "a.z", None, None, 200)],
            "2025H1",
            {"id": "driver:a:balance:level:2025H1", "item": "a", "metric": "balance", "basis": "level", "value": -1000,
             "sign": "deficit", "child": "a.x", "child_value": -600, "share": 60,
             "members": [{"item": "a.x", "value": -600}, {"item": "a.y", "value": -300}],
             "opposite": [{"item": "a.z", "value": 200}]},
            exact=True,
        ),
        fires(
            "exactly driver_min_share; annual",
            [("2024", "a", None, None, 1000), ("2024", "a.x", None, None, 500), ("2024", "a.y", None, None, 100)],
            "2024",
            {"id": "driver:a:balance:level:2024", "child": "a.x", "share": 50, "sign": "surplus", "opposite": []},
            exact=True,
        ),
        silent(
            "below driver_min_share",
            [("2025H1", "a", None, None, -1000), ("2025H1", "a.x", None, None, -490), ("2025H1", "a.y", None, None, -400)],
            "2025H1",
        ),
        silent(
            "children of another dimension do not drive",
            [("2025H1", "a", None, None, -1000), ("2025H1", "a.online", None, None, -900), ("2025H1", "a.x", None, None, -100)],
            "2025H1",
        ),
        silent(
            "the total's children are other dimensions",
            [("2025H1", "total", None, None, -100), ("2025H1", "a", None, None, -100)],
            "2025H1",
        ),
        silent(
            "no parent figure",
            [("2025H1", "a.x", None, None, -600)],
            "2025H1",
        ),
    ],
    "driver-change": [
        fires(
            "child carrying the parent's change",
            [*series("a", ("2024H2", -1000), ("2025H1", -1500)), *series("a.x", ("2024H2", -500), ("2025H1", -900)),
             *series("a.y", ("2024H2", -400), ("2025H1", -450))],
            "2025H1",
            {"id": "driver:a:balance:change:2024H2:2025H1", "item": "a", "basis": "previous_period",
             "base_period": "2024H2", "delta": -500, "direction": "widened", "child": "a.x", "child_delta": -400,
             "child_direction": "widened", "child_value": -900, "child_base_value": -500, "share": 80},
            exact=True,
        ),
        fires(
            "annual",
            [*series("a", ("2023", 100), ("2024", 200)), *series("a.x", ("2023", 50), ("2024", 120))],
            "2024",
            {"id": "driver:a:balance:change:2023:2024", "child": "a.x", "child_delta": 70, "share": 70},
            exact=True,
        ),
        silent(
            "below driver_min_share",
            [*series("a", ("2024H2", -1000), ("2025H1", -1500)), *series("a.x", ("2024H2", -500), ("2025H1", -700)),
             *series("a.y", ("2024H2", -400), ("2025H1", -600))],
            "2025H1",
        ),
        silent(
            "children of another dimension do not drive",
            [*series("a", ("2024H2", -1000), ("2025H1", -1500)), *series("a.online", ("2024H2", -500), ("2025H1", -950)),
             *series("a.x", ("2024H2", -100), ("2025H1", -150))],
            "2025H1",
        ),
        silent(
            "a child without a base figure has no change (not a change from zero)",
            [*series("a", ("2024H2", -1000), ("2025H1", -1500)), ("2025H1", "a.x", None, None, -900)],
            "2025H1",
        ),
    ],
    "composition": [
        fires(
            "surplus grew, but the deficits grew more",
            [*series("total", ("2024H2", -3760), ("2025H1", -4530)), *series("a", ("2024H2", -1440), ("2025H1", -2450)),
             *series("b", ("2024H2", -4030), ("2025H1", -4480)), *series("c", ("2024H2", 1280), ("2025H1", 1960))],
            "2025H1",
            {"id": "composition:total:category:2024H2:2025H1", "item": "total", "dimension": "category",
             "base_period": "2024H2", "delta": -770, "direction": "widened", "sign": "deficit",
             "with": [{"item": "a", "value": -2450, "base_value": -1440, "delta": -1010, "direction": "widened", "sign": "deficit"},
                      {"item": "b", "value": -4480, "base_value": -4030, "delta": -450, "direction": "widened", "sign": "deficit"}],
             "against": [{"item": "c", "value": 1960, "base_value": 1280, "delta": 680, "direction": "widened", "sign": "surplus"}],
             "with_delta": -1460, "against_delta": 680},
            exact=True,
        ),
        fires(
            "annual",
            [*series("total", ("2023", 100), ("2024", 300)), *series("r.east", ("2023", 50), ("2024", 400)),
             *series("r.west", ("2023", 50), ("2024", -100))],
            "2024",
            {"id": "composition:total:region:2023:2024", "dimension": "region", "delta": 200, "with_delta": 350,
             "against_delta": -150},
            exact=True,
        ),
        silent(
            "all children moved the same way",
            [*series("total", ("2024H2", -100), ("2025H1", -200)), *series("a", ("2024H2", -50), ("2025H1", -120)),
             *series("b", ("2024H2", -50), ("2025H1", -80))],
            "2025H1",
        ),
        silent(
            "the other side outweighs",
            [*series("total", ("2024H2", -100), ("2025H1", -200)), *series("a", ("2024H2", -100), ("2025H1", -300)),
             *series("c", ("2024H2", 100), ("2025H1", 400))],
            "2025H1",
        ),
        silent(
            "a child without a base figure does not count as moving",
            [*series("total", ("2024H2", -100), ("2025H1", -200)), *series("a", ("2024H2", -100), ("2025H1", -300)),
             ("2025H1", "c", None, None, 400)],
            "2025H1",
        ),
    ],
    "share": [
        fires(
            "exports and imports as a share of the parent's; threshold inclusive",
            [("2025H1", "total", 1000, 800, 200), ("2025H1", "a", 300, 40, 260), ("2025H1", "b", 40, None, None)],
            "2025H1",
            {"id": "share:a:exports:2025H1", "item": "a", "metric": "exports", "of": "total", "value": 300,
             "total": 1000, "percent": 30},
            {"id": "share:a:imports:2025H1", "metric": "imports", "value": 40, "total": 800, "percent": 5},
            exact=True,
        ),
        fires(
            "annual, threshold from config",
            [("2024", "total", 1000, None, None), ("2024", "a", 30, None, None)],
            "2024",
            {"metric": "exports", "percent": 3},
            config={"thresholds": {"share_min_percent": 3}},
            exact=True,
        ),
        silent(
            "below share_min_percent",
            [("2025H1", "total", 10000, None, None), ("2025H1", "b", 490, None, None)],
            "2025H1",
        ),
        silent(
            "no parent figure",
            [("2025H1", "a.x", 50, None, None), ("2025H1", "total", 1000, None, None)],
            "2025H1",
        ),
    ],
    "streak": [
        fires(
            "exact length: a surplus run that began after a deficit",
            series("a", ("2023H1", -100), ("2023H2", 50), ("2024H1", 60), ("2024H2", 70), ("2025H1", 80)),
            "2025H1",
            {"id": "streak:a:balance:surplus:2025H1", "item": "a", "metric": "balance", "condition": "surplus",
             "length": 4, "start": "2023H2", "end": "2025H1", "ended": False, "open": False},
            about={"item": "a"},
            exact=True,
        ),
        fires(
            "open run: the data starts inside the run, so 'at least' three",
            series("a", ("2024H1", 50), ("2024H2", 60), ("2025H1", 70)),
            "2025H1",
            {"id": "streak:a:balance:surplus:2025H1", "length": 3, "start": "2024H1", "end": "2025H1", "open": True,
             "ended": False},
            about={"item": "a"},
            exact=True,
        ),
        fires(
            "a deficit run",
            series("total", ("2023H2", 5), ("2024H1", -10), ("2024H2", -20), ("2025H1", -30)),
            "2025H1",
            {"id": "streak:total:balance:deficit:2025H1", "condition": "deficit", "length": 3, "start": "2024H1",
             "open": False, "ended": False},
            about={"item": "total"},
            exact=True,
        ),
        fires(
            "ended run: monthly exports fall on the year after nine rises (the first fall in ten months)",
            [*[(p, i, v, None, None) for p, i, v in months("total", "2024-01", *[100] * 11)],
             *[(p, i, v, None, None) for p, i, v in months("total", "2025-01", 90, *[110] * 9, 95)]],
            "2025-11",
            # 2025-02..2025-10 each 110 against 100 a year earlier; 2025-01 (90) and 2025-11 (95) fell.
            # The fall itself (2025-11) is a run of one: no decreased streak.
            {"id": "streak:total:exports:increased:year_ago:2025-11", "metric": "exports", "condition": "increased",
             "basis": "year_ago", "length": 9, "start": "2025-02", "end": "2025-10", "ended": True, "open": False},
            config=MONTHLY,
            exact=True,
        ),
        fires(
            "threshold from config: below 2% for the fourth month",
            [],
            "2025-11",
            # 1.7, 1.6, 1.8, 1.9 are below 2.0; 2.1 in 2025-07 is not.
            {"id": "streak:total:rate_pct:below:2.0:2025-11", "metric": "rate_pct", "condition": "below",
             "threshold": [2.0], "length": 4, "start": "2025-08", "end": "2025-11", "ended": False, "open": False},
            about={"condition": "below"},
            config=RATE,
            figures=csv_of("rate_pct", *months("total", "2025-06", 2.5, 2.1, 1.9, 1.8, 1.6, 1.7)),
            exact=True,
        ),
        fires(
            "band from config, both bounds inclusive: in the 2% range for the fifth month",
            [],
            "2025-11",
            # 2.9 (2025-07) and 2.0 (2025-08) are inside [2.0, 2.9]; 3.3 (2025-06) is not.
            {"id": "streak:total:rate_pct:band:2.0-2.9:2025-11", "condition": "band", "threshold": [2.0, 2.9],
             "length": 5, "start": "2025-07", "end": "2025-11", "ended": False, "open": False},
            about={"condition": "band"},
            config=RATE,
            figures=csv_of("rate_pct", *months("total", "2025-06", 3.3, 2.9, 2.0, 2.4, 2.6, 2.8)),
            exact=True,
        ),
        silent(
            "a band run is no 'below' run",
            [],
            "2025-11",
            about={"condition": "below"},
            config=RATE,
            figures=csv_of("rate_pct", *months("total", "2025-06", 3.3, 2.9, 2.0, 2.4, 2.6, 2.8)),
        ),
        silent(
            "a threshold streak is only for the item config names",
            [],
            "2025-11",
            about={"condition": "below"},
            config=RATE,
            figures=csv_of("rate_pct", ("2025-11", "total", 2.5), *months("a", "2025-08", 1.5, 1.4, 1.3, 1.2)),
        ),
        silent(
            "one period is not a run",
            series("a", ("2024H2", -10), ("2025H1", 50)),
            "2025H1",
            about={"item": "a"},
        ),
        silent(
            "no streak for an item without the period's figure",
            [*series("a", ("2024H1", 50), ("2024H2", 60)), ("2025H1", "total", None, None, -5)],
            "2025H1",
            about={"item": "a"},
        ),
    ],
    "cumulative": [
        fires(
            "a published year-to-date total with its published percent",
            [],
            "2025-11",
            # (5300 - 5000) / 5000 = 6.0%, as published.
            {"id": "cumulative:total:exports:2025-01:2025-11", "item": "total", "metric": "exports",
             "cumulative_metric": "exports_ytd", "start": "2025-01", "end": "2025-11", "value": 5300,
             "basis": "cumulative", "base_period": "2024-11", "base_value": 5000, "delta": 300, "percent": 6.0,
             "percent_source": "published", "direction": "increased", "unit": "usd_million"},
            config=PUBLISHED,
            figures=csv_of("exports,exports_ytd,exports_ytd_yoy_pct",
                           ("2024-11", "total", 500, 5000, None), ("2025-11", "total", 560, 5300, 6.0)),
            exact=True,
            absent=("percent_computed",),
        ),
        fires(
            "a published year-to-date percent that the printed totals do not give keeps both (percent_computed)",
            [],
            "2025-11",
            # (5300 - 5000) / 5000 = 6.0% from the printed totals; the publisher's own figures give 6.2%.
            {"id": "cumulative:total:exports:2025-01:2025-11", "percent": 6.2, "percent_source": "published",
             "percent_metric": "exports_ytd_yoy_pct", "percent_computed": 6.0},
            config=PUBLISHED,
            figures=csv_of("exports_ytd,exports_ytd_yoy_pct", ("2024-11", "total", 5000, None), ("2025-11", "total", 5300, 6.2)),
            exact=True,
        ),
        fires(
            "a year-to-date balance turned from deficit to surplus",
            [],
            "2025-11",
            {"id": "cumulative:total:balance:2025-01:2025-11", "metric": "balance", "cumulative_metric": "balance_ytd",
             "value": 300, "base_value": -200, "delta": 500, "direction": "turned_surplus", "sign": "surplus",
             "base_sign": "deficit"},
            config=PUBLISHED,
            figures=csv_of("balance_ytd", ("2024-11", "total", -200), ("2025-11", "total", 300)),
            exact=True,
        ),
        silent(
            "none for half-year releases",
            [],
            "2025H1",
            config={**PUBLISHED, "frequency": "half", "series_start": 2010},
            figures=csv_of("exports,exports_ytd", ("2024H2", "total", 500, 5000), ("2025H1", "total", 560, 5300)),
        ),
        silent(
            "never summed from the months when the publisher gives no total",
            [(p, i, v, None, None) for p, i, v in months("total", "2025-01", *[100] * 11)],
            "2025-11",
            config=PUBLISHED,
        ),
    ],
}

ALL_EXAMPLES = [
    pytest.param(name, example, id=f"{name}: {example.id}") for name, examples in EXAMPLES.items() for example in examples
]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_firing_and_silent_examples(rule):
    examples = EXAMPLES.get(rule.name)
    assert examples, f"rule {rule.code} {rule.name} has no examples in tests/test_rules.py"
    assert any(e.expect for e in examples), f"rule {rule.name} has no example where it must fire"
    assert any(not e.expect for e in examples), f"rule {rule.name} has no example where it must not fire"


def test_examples_only_name_registered_rules():
    assert set(EXAMPLES) <= {r.name for r in RULES}


@pytest.mark.parametrize(("rule_name", "example"), ALL_EXAMPLES)
def test_rule_example(tmp_path, rule_name, example):
    root = make_project(tmp_path, example.rows, config_overrides=example.config)
    if example.figures is not None:
        (root / FIGURES).write_text(example.figures, encoding="utf-8")
    produced = [f for f in by_rule(facts_for(root, example.period), rule_name) if matches(f, example.about)]
    if not example.expect:
        assert produced == [], f"{rule_name} must not fire"
        return
    remaining = list(produced)
    for expected in example.expect:
        hit = next((f for f in remaining if matches(f, expected)), None)
        assert hit is not None, f"no {rule_name} fact matches {expected}; got {json.dumps(produced, indent=1)}"
        remaining.remove(hit)
        assert hit["period"] == example.period
        assert hit["sources"], "every fact names its source cells"
    if example.exact:
        assert remaining == [], f"unexpected extra {rule_name} facts: {remaining}"
    for key in example.absent:
        assert all(key not in f for f in produced), f"{rule_name} facts must have no '{key}'"


# --- Behaviour across rules --------------------------------------------------------------

def test_change_is_unchanged_when_printed_figures_are_equal(tmp_path):
    """443 and 441 both print as 440 at the release's precision (10): never a 'widened' surplus (DESIGN: Numbers and rounding)."""
    root = make_project(tmp_path, [*series("a", ("2024H2", 443), ("2025H1", 441)),
                                   ("2024H2", "b", 1004, None, None), ("2025H1", "b", 1001, None, None)])
    changes = {(f["item"], f["metric"]): f for f in by_rule(facts_for(root, "2025H1"), "change-previous")}
    assert changes["a", "balance"]["direction"] == "unchanged"
    assert changes["a", "balance"]["delta"] == 0
    assert changes["b", "exports"]["direction"] == "unchanged"
    assert changes["b", "exports"]["delta"] == 0


def test_record_sources_are_the_unbroken_run_newest_first(tmp_path):
    rows = series("a", ("2023H1", 100), ("2023H2", 200), ("2024H1", 150), ("2024H2", 250), ("2025H1", 300))
    root = make_project(tmp_path, rows, config_overrides={"series_start": 2023})
    (fact,) = by_rule(facts_for(root, "2025H1"), "record")
    assert [(s["period"], s["value"], s["line"]) for s in fact["sources"]] == [
        ("2025H1", 300, 6), ("2024H2", 250, 5), ("2024H1", 150, 4), ("2023H2", 200, 3), ("2023H1", 100, 2)]


def test_since_record_sources_stop_at_the_since_period(tmp_path):
    rows = series("a", ("2023H1", 500), ("2023H2", 200), ("2024H1", 150), ("2024H2", 250), ("2025H1", 400))
    root = make_project(tmp_path, rows)
    (fact,) = by_rule(facts_for(root, "2025H1"), "record")
    assert [s["period"] for s in fact["sources"]] == ["2025H1", "2024H2", "2024H1", "2023H2", "2023H1"]


# A dataset on which every rule fires (series_start 2023, long run of two years).
RICH_ROWS = [
    ("2023H1", "total", 100, 1100, -1000),
    ("2023H2", "total", None, None, -1200),
    ("2024H1", "total", None, None, -3500),
    ("2024H2", "total", 200, 3960, -3760),
    ("2024H2", "a", None, None, -1440),
    ("2024H2", "a.x", None, None, -1000),
    ("2024H2", "b", None, None, -4030),
    ("2024H2", "c", None, None, 1280),
    ("2025H1", "total", 500, 5030, -4530),
    ("2025H1", "a", 300, None, -2450),
    ("2025H1", "a.x", None, None, -2000),
    ("2025H1", "b", None, None, -4480),
    ("2025H1", "c", None, None, 1960),
    ("2025H1", "r.east", None, None, 700),
]
RICH_CONFIG = {"series_start": 2023, "thresholds": {"long_run_min_years": 2}}
# Year-to-date totals are monthly (and quarterly): a small monthly dataset for the cumulative rule.
RICH_MONTHLY_FIGURES = csv_of(
    "exports,imports,balance,exports_yoy_pct,exports_ytd,exports_ytd_yoy_pct,balance_ytd",
    ("2024-10", "total", 480, 400, 80, None, 4500, None, 600),
    ("2024-11", "total", 500, 420, 80, None, 5000, None, 680),
    ("2025-10", "total", 530, 410, 120, 10.4, 4900, 8.9, 900),
    ("2025-11", "total", 560, 430, 130, 12.0, 5300, 6.0, 1030),
)
# Rules that only monthly and quarterly releases have.
MONTHLY_ONLY = {"cumulative"}


def rich(tmp_path, kind: str, config: dict | None = None):
    """(root, period) of the half-year or monthly rich dataset, with ``config`` merged in."""
    if kind == "half":
        return make_project(tmp_path, RICH_ROWS, config_overrides={**RICH_CONFIG, **(config or {})}), "2025H1"
    root = make_project(tmp_path, [], config_overrides={**PUBLISHED, **(config or {})})
    (root / FIGURES).write_text(RICH_MONTHLY_FIGURES, encoding="utf-8")
    return root, "2025-11"


@pytest.fixture
def rich_project(tmp_path):
    """A synthetic half-year project on which every registered rule but the monthly-only ones produces a fact."""
    return rich(tmp_path, "half")[0]


def test_every_rule_fires_on_the_rich_datasets(tmp_path, rich_project):
    facts = facts_for(rich_project, "2025H1")
    assert {f.rule for f in facts} == {r.name for r in RULES} - MONTHLY_ONLY
    record = facts.first("record", "total", metric="balance")
    assert (record.extreme, record.since) == ("largest_deficit", None)
    root, period = rich(tmp_path / "monthly", "monthly")
    assert MONTHLY_ONLY <= {f.rule for f in facts_for(root, period)}


@pytest.mark.parametrize("how", ["code", "name"])
@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_disabled_rules_switch_removes_only_that_rules_facts(tmp_path, rule, how):
    kind = "monthly" if rule.name in MONTHLY_ONLY else "half"
    root, period = rich(tmp_path / "on", kind)
    before = [f.to_dict() for f in facts_for(root, period)]
    assert rule.name in {f["rule"] for f in before}
    disabled = rule.code if how == "code" else rule.name
    root, period = rich(tmp_path / "off", kind, {"disabled_rules": [disabled]})
    after = [f.to_dict() for f in facts_for(root, period)]
    assert after == [f for f in before if f["rule"] != rule.name]


def test_fact_ids_are_unique_and_derivation_is_deterministic(rich_project):
    first = facts_for(rich_project, "2025H1")
    ids = [f.id for f in first]
    assert len(ids) == len(set(ids))
    again = facts_for(rich_project, "2025H1")
    assert json.dumps(first.to_dict(), sort_keys=False) == json.dumps(again.to_dict(), sort_keys=False)


def test_derivation_is_pure(rich_project):
    """Deriving twice from the same loaded dataset gives equal facts, and the period's order is registry order."""
    project = open_project(rich_project)
    period = Period.parse("2025H1")
    one = derive_facts(project.dataset, project.config, period)
    two = derive_facts(project.dataset, project.config, period)
    assert one.to_dict() == two.to_dict()
    order = [r.name for r in RULES]
    positions = [order.index(f.rule) for f in one]
    assert positions == sorted(positions)


def test_sources_are_real_cells_never_invented_zeros(rich_project):
    project = open_project(rich_project)
    for period in project.dataset.periods:
        for fact in project.facts(period):
            for source in fact.sources:
                cell = project.dataset.cell(source["item"], Period.parse(source["period"]), source["metric"])
                assert cell is not None, f"{fact.id} cites a cell that is not in the data: {source}"
                assert source["value"] == cell.value
                assert (source["file"], source["line"]) == ("data/test/figures.csv", cell.line)


def test_missing_cells_are_never_zero_in_any_rule(tmp_path):
    """b has no 2025H1 figure and c no 2024H2 figure: no fact may treat either as zero."""
    rows = [*series("total", ("2024H2", -100), ("2025H1", -300)), *series("a", ("2024H2", -100), ("2025H1", -300)),
            ("2024H2", "b", None, None, -50), ("2025H1", "c", None, None, 200)]
    root = make_project(tmp_path, rows)
    facts = facts_for(root, "2025H1")
    for fact in facts:
        assert not (fact.item == "b"), fact.id
        assert not (fact.item == "c" and fact.kind == "change"), fact.id
    composition = by_rule(facts, "composition")
    assert composition == []
    (deficit_rank,) = [f for f in by_rule(facts, "rank") if f["extreme"] == "deficit"]
    assert [m["item"] for m in deficit_rank["members"]] == ["a"]
