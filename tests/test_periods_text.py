"""Period names, headlines and comparison phrases."""

from __future__ import annotations

import pytest

from generator.errors import LanguageError
from generator.lang.periods_text import comparison_phrase, period_headline, period_name
from generator.periods import Period

P = Period.parse


@pytest.mark.parametrize(
    ("period", "en", "ko"),
    [
        ("2025H1", "the first half of 2025", "2025년 상반기"),
        ("2024H2", "the second half of 2024", "2024년 하반기"),
        ("2024", "2024", "2024년"),
        ("2025Q1", "the first quarter of 2025", "2025년 1분기"),
        ("2025Q4", "the fourth quarter of 2025", "2025년 4분기"),
    ],
)
def test_absolute_names(period, en, ko):
    assert period_name(P(period), "en") == en
    assert period_name(P(period), "ko") == ko
    # The release year alone does not make a name relative.
    assert period_name(P(period), "en", release_year=2025) == en


@pytest.mark.parametrize(
    ("period", "en", "ko"),
    [
        ("2025H1", "the first half of this year", "올해 상반기"),
        ("2024H2", "the second half of last year", "지난해 하반기"),
        ("2024", "last year", "지난해"),
        ("2025", "this year", "올해"),
        ("2025Q3", "the third quarter of this year", "올해 3분기"),
        ("2023H2", "the second half of 2023", "2023년 하반기"),
        ("2023", "2023", "2023년"),
    ],
)
def test_relative_names(period, en, ko):
    assert period_name(P(period), "en", release_year=2025, relative=True) == en
    assert period_name(P(period), "ko", release_year=2025, relative=True) == ko


def test_capital():
    assert period_name(P("2025H1"), "en", release_year=2025, relative=True, capital=True) == "The first half of this year"
    assert period_name(P("2024"), "en", release_year=2025, relative=True, capital=True) == "Last year"
    assert period_name(P("2025H1"), "ko", release_year=2025, relative=True, capital=True) == "올해 상반기"


def test_relative_needs_release_year():
    with pytest.raises(LanguageError):
        period_name(P("2025H1"), "en", relative=True)


@pytest.mark.parametrize(
    ("period", "en", "ko"),
    [
        ("2025H1", "First Half", "상반기"),
        ("2025H2", "Second Half", "하반기"),
        ("2024", "2024", "2024년"),
        ("2025Q1", "First Quarter", "1분기"),
        ("2025Q2", "Second Quarter", "2분기"),
    ],
)
def test_headlines(period, en, ko):
    assert period_headline(P(period), "en") == en
    assert period_headline(P(period), "ko") == ko


@pytest.mark.parametrize(
    ("basis", "period", "en", "ko"),
    [
        ("previous_period", "2025H1", "the previous half", "전기"),
        ("previous_period", "2025Q2", "the previous quarter", "전분기"),
        ("previous_period", "2025-11", "the previous month", "전월"),
        ("year_ago", "2025-11", "a year earlier", "전년 동월"),
        ("previous_period", "2025", "the previous year", "전년"),
        ("year_ago", "2025H1", "the same period a year earlier", "전년 동기"),
        ("year_ago", "2025Q2", "a year earlier", "전년 동기"),
        ("year_ago", "2025", "the previous year", "전년"),
    ],
)
def test_comparison_phrases(basis, period, en, ko):
    assert comparison_phrase(basis, P(period), "en") == en
    assert comparison_phrase(basis, P(period), "ko") == ko


def test_half_year_comparison_is_not_previous_quarter():
    assert comparison_phrase("previous_period", P("2025H1"), "ko") != "전분기"


def test_bad_inputs():
    with pytest.raises(LanguageError):
        comparison_phrase("last_month", P("2025H1"), "en")
    with pytest.raises(LanguageError):
        period_name(P("2025H1"), "ja")
    with pytest.raises(TypeError):
        period_name("2025H1", "en")
