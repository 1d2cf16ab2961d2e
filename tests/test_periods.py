"""Periods: parsing, labels, calendar arithmetic and ordering across kinds."""

from __future__ import annotations

import pytest

from generator.errors import UsageError
from generator.periods import Period, parse_period


@pytest.mark.parametrize(
    ("text", "year", "kind", "n", "label"),
    [
        ("2025", 2025, "Y", 1, "2025"),
        ("2025H1", 2025, "H", 1, "2025H1"),
        ("2025H2", 2025, "H", 2, "2025H2"),
        ("2025Q1", 2025, "Q", 1, "2025Q1"),
        ("2025Q4", 2025, "Q", 4, "2025Q4"),
        ("2025h1", 2025, "H", 1, "2025H1"),
        (" 2024q3 ", 2024, "Q", 3, "2024Q3"),
        ("2025-11", 2025, "M", 11, "2025-11"),
        ("2025M11", 2025, "M", 11, "2025-11"),
        ("202511", 2025, "M", 11, "2025-11"),
        ("2025m01", 2025, "M", 1, "2025-01"),
    ],
    ids=["year", "h1", "h2", "q1", "q4", "lowercase", "padded", "month-iso", "month-m", "month-ecos", "month-lower"],
)
def test_parse_and_label(text, year, kind, n, label):
    period = Period.parse(text)
    assert (period.year, period.kind, period.n) == (year, kind, n)
    assert str(period) == label
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    ("text", "kind_name", "months"),
    [("2025", "year", 12), ("2025H1", "half", 6), ("2025Q2", "quarter", 3)],
)
def test_kind_name_and_length(text, kind_name, months):
    period = Period.parse(text)
    assert period.kind_name == kind_name
    assert period.months == months


@pytest.mark.parametrize(
    ("text", "previous", "year_ago"),
    [
        ("2025H1", "2024H2", "2024H1"),
        ("2025H2", "2025H1", "2024H2"),
        ("2025Q1", "2024Q4", "2024Q1"),
        ("2025Q3", "2025Q2", "2024Q3"),
        ("2025", "2024", "2024"),
    ],
)
def test_previous_and_year_ago(text, previous, year_ago):
    period = Period.parse(text)
    assert str(period.previous()) == previous
    assert str(period.year_ago()) == year_ago
    assert period.previous().next() == period


def test_steps_between_periods_of_one_kind():
    assert Period.parse("2023H1").steps_to(Period.parse("2025H1")) == 4
    assert Period.parse("2025Q1").steps_to(Period.parse("2024Q4")) == -1
    assert Period.parse("2010").steps_to(Period.parse("2024")) == 14
    with pytest.raises(ValueError, match="different kinds"):
        Period.parse("2025").steps_to(Period.parse("2025H1"))


def test_ordering_is_by_end_date_across_kinds():
    texts = ["2025H1", "2024", "2025Q1", "2024H2", "2024H1", "2023", "2024Q4"]
    ordered = [str(p) for p in sorted(Period.parse(t) for t in texts)]
    # Same end date (2024Q4, 2024H2, 2024): the shorter period comes first.
    assert ordered == ["2023", "2024H1", "2024Q4", "2024H2", "2024", "2025Q1", "2025H1"]
    assert Period.parse("2024H2") < Period.parse("2024") < Period.parse("2025Q1") < Period.parse("2025H1")
    assert Period.parse("2025H1") > Period.parse("2025Q1")
    assert Period.parse("2025H1") == Period.parse("2025h1")
    assert len({Period.parse("2025H1"), Period.parse("2025h1")}) == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025H3", "a year has 2 halves"),
        ("2025H0", "a year has 2 halves"),
        ("2025Q5", "a year has 4 quarters"),
        ("2025Q0", "a year has 4 quarters"),
        ("25H1", "is not a period"),
        ("2025-H1", "is not a period"),
        ("2025H", "is not a period"),
        ("H1", "is not a period"),
        ("", "is not a period"),
        ("1899", "years before 1900"),
    ],
)
def test_bad_strings_are_rejected_with_the_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        Period.parse(text)


def test_non_text_is_rejected():
    with pytest.raises(ValueError, match="expected a period"):
        Period.parse(2025)  # type: ignore[arg-type]


def test_parse_period_for_users_raises_usage_error_with_hint():
    known = [Period.parse(t) for t in ("2025H1", "2024", "2024H2")]
    assert parse_period("2024", known=known) == Period(2024)
    with pytest.raises(UsageError) as info:
        parse_period("2023H2", known=known)
    assert info.value.exit_code == 2
    assert info.value.message == "--period: no figures for period 2023H2"
    assert info.value.hint == "periods in the data: 2024H2, 2024, 2025H1 (run 'pressgen periods')"
    with pytest.raises(UsageError, match="--period: '2025H9' is not a period"):
        parse_period("2025H9")


@pytest.mark.parametrize(("text", "previous", "year_ago"), [("2025-01", "2024-12", "2024-01"), ("2025-11", "2025-10", "2024-11")])
def test_months_previous_and_year_ago(text, previous, year_ago):
    period = Period.parse(text)
    assert (str(period.previous()), str(period.year_ago())) == (previous, year_ago)
    assert period.kind_name == "month" and period.months == 1
    assert str(period.year_start()) == text[:4] + "-01"


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025M13", "202513"])
def test_impossible_months_are_rejected(text):
    with pytest.raises(ValueError, match="a year has 12 months"):
        Period.parse(text)


def test_months_order_among_other_kinds():
    labels = ["2025-07", "2025H1", "2025-06", "2025Q2", "2025-05"]
    assert [str(p) for p in sorted(Period.parse(t) for t in labels)] == ["2025-05", "2025-06", "2025Q2", "2025H1", "2025-07"]
