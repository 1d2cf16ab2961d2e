"""Half-up rounding and number, percent and multiple formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.errors import LanguageError
from generator.lang.numbers import multiple, number, percent, round_half_up

D = Decimal


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        (D("3.45"), D("0.1"), D("3.5")),
        (D("3.44"), D("0.1"), D("3.4")),
        (D("2.5"), 1, D("3")),  # half-even would give 2
        (D("0.125"), D("0.01"), D("0.13")),
        (1450, 100, D("1500")),
        (1449, 100, D("1400")),
        (1415, 10, D("1420")),
        (-25, 10, D("-30")),
        (D("-3.45"), D("0.1"), D("-3.5")),
        (7, 1, D("7")),
    ],
)
def test_round_half_up(value, step, expected):
    result = round_half_up(value, step)
    assert result == expected
    assert isinstance(result, Decimal)


def test_round_half_up_to_zero_has_no_sign():
    assert str(round_half_up(D("-0.04"), D("0.1"))) == "0.0"
    assert percent(D("-0.04"), "en") == "0.0%"


@pytest.mark.parametrize("bad", [(3.45, D("0.1")), (D("3.45"), 0.1)])
def test_round_half_up_refuses_floats(bad):
    with pytest.raises(TypeError):
        round_half_up(*bad)


@pytest.mark.parametrize("step", [0, -1])
def test_round_half_up_needs_positive_step(step):
    with pytest.raises(LanguageError):
        round_half_up(D(1), step)


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        (D("23.45"), "en", 1, "23.5%"),
        (D("23.45"), "ko", 1, "23.5%"),
        (D("3.45"), "en", 1, "3.5%"),  # Babel alone would round half-even to 3.4
        (D("0.25"), "en", 1, "0.3%"),
        (D("-3.45"), "en", 1, "-3.5%"),
        (D("12"), "en", 1, "12.0%"),
        (D("2.5"), "en", 0, "3%"),
        (D("1234.5"), "en", 1, "1,234.5%"),
        (D("1.005"), "ko", 2, "1.01%"),
        (5, "ko", 1, "5.0%"),
    ],
)
def test_percent(value, lang, digits, expected):
    assert percent(value, lang, digits) == expected


@pytest.mark.parametrize(
    ("value", "en", "ko"),
    [
        (2, "twofold", "2배"),
        (3, "threefold", "3배"),
        (10, "tenfold", "10배"),
        (D("7.3"), "7.3 times", "7.3배"),
        (D("7.34"), "7.3 times", "7.3배"),
        (D("7.35"), "7.4 times", "7.4배"),
        (D("1.96"), "twofold", "2배"),
        (D("2.0"), "twofold", "2배"),
        (11, "11 times", "11배"),
        (D("1.5"), "1.5 times", "1.5배"),
        (1200, "1,200 times", "1,200배"),
    ],
)
def test_multiple(value, en, ko):
    assert multiple(value, "en") == en
    assert multiple(value, "ko") == ko


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (D("12345.60"), "en", "12,345.6"),
        (D("12345.678901"), "en", "12,345.678901"),  # no silent cut at three decimals
        (1000, "ko", "1,000"),
        (D("1E+3"), "en", "1,000"),
        (D("-0.5"), "en", "-0.5"),
    ],
)
def test_number(value, lang, expected):
    assert number(value, lang) == expected


def test_number_with_digits_rounds_half_up():
    assert number(D("2.45"), "en", digits=1) == "2.5"
    assert number(D("2.4"), "en", digits=2) == "2.40"


@pytest.mark.parametrize("function", [lambda: percent(D(1), "de"), lambda: number(1, "EN"), lambda: multiple(2, "fr")])
def test_unknown_language(function):
    with pytest.raises(LanguageError):
        function()


def test_floats_are_refused():
    with pytest.raises(TypeError):
        percent(23.45, "en")
    with pytest.raises(TypeError):
        number(1.5, "en")
