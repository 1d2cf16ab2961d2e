"""The rules engine's fast paths give what the plain computations they replace give.

Each shortcut taken for speed (issue 13) is compared here with the straightforward
computation on the bundled releases, every period: rounding to a tenth in one
``quantize``, a change's direction without building the change, the unbroken run read
from the series, facts built without the dataclass ``__init__``, interned periods.
"""

from __future__ import annotations

import copy
import gc
import pickle
import random
from decimal import Decimal

import pytest

from conftest import REPO_ROOT
from generator.facts.context import Context, change_direction, change_fact
from generator.facts.model import Fact, new_fact
from generator.facts.rules.records import _unbroken_run
from generator.gcpause import paused
from generator.lang.numbers import round_half_up, round_tenth
from generator.periods import Period
from generator.project import open_project

RELEASES = ("knowledge_services", "monthly_trade", "consumer_prices")
TENTH = Decimal("0.1")


@pytest.fixture(scope="module", params=[*RELEASES, "synthetic monthly"])
def project(request, tmp_path_factory):
    if request.param == "synthetic monthly":
        # Sparse deeper items with gaps: year-ago comparisons across a missing month.
        import sys

        sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
        from synthetic import make_monthly_project

        return open_project(make_monthly_project(tmp_path_factory.mktemp("monthly"), REPO_ROOT, 60, 48))
    return open_project(REPO_ROOT, request.param)


def test_round_tenth_is_round_half_up_to_a_tenth_digit_for_digit():
    rng = random.Random(13)
    values = [Decimal(t) for t in ("0.05", "-0.05", "0.04", "-0.04", "0", "-0", "53", "1E+5", "123.45", "-123.45", "9.95")]
    for _ in range(20000):
        a, b = Decimal(rng.randint(-10**9, 10**9)), Decimal(rng.choice([1, 3, 7, 9999, 123456789]))
        values += [a * 100 / b, a / b / 1000]
    for value in values:
        expected = round_half_up(value, TENTH)
        got = round_tenth(value)
        assert (got, str(got)) == (expected, str(expected)), value
    assert str(round_tenth(Decimal("-0.04"))) == "0.0"  # never "-0.0"
    with pytest.raises(TypeError):
        round_tenth(0.25)  # type: ignore[arg-type]  # floats are refused, as round_half_up refuses them


def test_change_direction_is_the_change_facts_direction(project):
    """Every item, metric and period, both bases: the same direction (or none) as the whole fact."""
    dataset, config = project.dataset, project.config
    kind = config.frequency_kind
    periods = [p for p in dataset.periods if p.kind == kind]
    compared = set()
    for period in periods:
        for item in dataset.items:
            for metric in config.metrics:
                for basis, base in (("previous_period", period.previous()), ("year_ago", period.year_ago())):
                    fact = change_fact(Context(dataset, config, period), "x", item, metric, base, basis)
                    # A fresh context: nothing memoised, so the direction is computed from the cells.
                    got = change_direction(Context(dataset, config, period), item, metric, base, basis, period)
                    assert got == (None if fact is None else fact.direction), (period, item, metric, basis)
                    if fact is not None:
                        compared.add((config.metrics[metric].kind, fact.data.get("percent_source")))
    # Each branch of the direction is exercised somewhere: balances, points, computed and published percents.
    expected = {"synthetic_monthly": {("flow", "published"), ("flow", "computed"), ("balance", "computed")},
                "knowledge_services": {("balance", "computed"), ("flow", "computed")},
                "monthly_trade": {("flow", "published"), ("rate", None), ("balance", None)},
                "consumer_prices": {("index", "published"), ("index", "computed"), ("contribution", None)}}[config.id]
    assert expected <= compared


def _walk(dataset, item, metric, period):
    """The unbroken run ending at ``period``, one cell look-up per period back (the rule's former walk)."""
    run = []
    while (cell := dataset.cell(item, period, metric)) is not None:
        run.append(cell)
        period = period.previous()
    return run[::-1]


def test_unbroken_run_from_the_series_is_the_period_by_period_walk(project):
    dataset, config = project.dataset, project.config
    runs = 0
    for period in dataset.periods:
        ctx = Context(dataset, config, period)
        for item in dataset.items:
            for metric in config.metrics:
                got = _unbroken_run(ctx, item, metric, Period.previous)
                assert got == _walk(dataset, item, metric, period), (period, item, metric)
                runs += len(got) > 1
    assert runs  # some runs are longer than one cell


def test_same_period_run_from_the_series_is_the_year_by_year_walk(project):
    from bisect import bisect_left

    from generator.facts.rules.records import _same_period_run

    dataset, config = project.dataset, project.config
    runs = 0
    for period in dataset.periods:
        for item in dataset.items:
            for metric in config.metrics:
                series, numbers, values, starts = dataset.series_numbered(item, metric, period.kind)
                at = bisect_left(numbers, period.index)
                if at == len(numbers) or numbers[at] != period.index:
                    continue
                walked, back = [], period
                while (cell := dataset.cell(item, back, metric)) is not None:
                    walked.append(cell)
                    back = back.year_ago()
                got = _same_period_run(series, numbers, starts, at, period.per_year)
                assert got == walked[::-1], (period, item, metric)
                runs += len(got) > 1
    assert runs  # some runs reach back more than one year


def test_new_fact_is_the_dataclass_fact():
    made = new_fact("a:b", "level", "level", "b", "2025H1", {"value": Decimal(3)}, ({"item": "b"},))
    plain = Fact(id="a:b", kind="level", rule="level", item="b", period="2025H1", data={"value": Decimal(3)},
                 sources=({"item": "b"},))
    assert made == plain and repr(made) == repr(plain) and made.asserted is False
    assert made.value == Decimal(3)
    with pytest.raises(AttributeError):
        made.delta
    with pytest.raises(Exception):
        made.id = "other"  # still frozen


def test_periods_are_interned_so_equal_means_identical():
    period = Period(2025, "H", 1)
    assert period is Period.parse("2025h1") is Period.parse("2025H1").next().previous()
    assert pickle.loads(pickle.dumps(period)) is period and copy.deepcopy(period) is period
    assert len({period, Period.parse("2025H1"), Period(2025, "H", 1)}) == 1
    assert period != Period(2025, "H", 2) and period != Period(2025, "Q", 1) and period != "2025H1"
    assert Period(2024, "Q", 4) < Period(2024) < Period(2025, "Q", 1)


def test_paused_collector_is_restored_even_after_an_error():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one in force
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with paused():
            raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()


def test_fact_set_positions_are_the_first_fact_with_each_id():
    from generator.facts.model import FactSet

    facts = tuple(new_fact(i, "level", "level", "x", "2025H1", {"n": n}) for n, i in enumerate(["a", "b", "a", "c"]))
    fact_set = FactSet("r", "2025H1", facts)
    assert [fact_set.position(i) for i in ("a", "b", "c", "zz")] == [0, 1, 3, None]
    assert fact_set.by_id("a") is facts[0] and fact_set.by_id("c") is facts[3] and fact_set.by_id("zz") is None


def test_formatted_numbers_are_kept_by_exact_value():
    from generator.lang import numbers

    numbers._FORMATTED.clear()
    for text in ("-0", "0", "1.50", "1.5", "1E+3", "1234567.25", "-0.0"):
        for lang in ("en", "ko"):
            for digits in (None, 0, 2):
                first = numbers.format_number(Decimal(text), lang, digits)
                assert first == numbers._format_number(Decimal(text), lang, digits)  # straight from Babel
                assert numbers.format_number(Decimal(text), lang, digits) == first  # and again, from the cache
    assert numbers.format_number(Decimal("-0"), "en") != numbers.format_number(Decimal("0"), "en")
    with pytest.raises(Exception):
        numbers.format_number(Decimal("1"), "fr")  # errors still come from a real call
    with pytest.raises(Exception):
        numbers.format_number(Decimal("1"), "en", -1)


def test_streaks_read_from_the_series_are_the_period_by_period_runs(project):
    """Every condition with a series reading, every item and period: the same verdicts and runs as its test."""
    from bisect import bisect_left

    from generator.facts.rules.streaks import _conditions, _run, _series_run, _series_verdict

    dataset, config = project.dataset, project.config
    compared = 0
    for period in [p for p in dataset.periods if p.kind == config.frequency_kind]:
        ctx = Context(dataset, config, period)
        for metric in config.metrics.values():
            for condition, basis, threshold, test, fast in _conditions(ctx, metric):
                if fast is None:
                    continue
                for item in dataset.items:
                    _, numbers, values, starts = dataset.series_numbered(item, metric.id, period.kind)
                    at = bisect_left(numbers, period.index)
                    at = at if at < len(numbers) and numbers[at] == period.index else None
                    assert _series_verdict(fast, numbers, values, starts, at) == test(item, period), (item, period, condition)
                    if at is not None:
                        assert _series_run(fast, (numbers, values, starts), at, period) == _run(test, item, period)
                        compared += 1
    assert compared


def test_a_project_keeps_the_facts_of_its_latest_periods_only():
    from generator.project import FACTS_KEPT

    project = open_project(REPO_ROOT, "monthly_trade")
    periods = [p for p in project.dataset.periods if p.kind == "M"][-(FACTS_KEPT + 2):]
    first = [project.facts(p) for p in periods]
    kept = [k for k in project._cache if type(k) is tuple and k[0] == "facts"]
    assert len(kept) == FACTS_KEPT and [k[1] for k in kept] == periods[-FACTS_KEPT:]
    assert project.facts(periods[-1]) is first[-1]  # a kept period is not derived again
    again = project.facts(periods[0])  # an evicted one is, with the same facts
    assert again is not first[0] and again.to_dict() == first[0].to_dict()
