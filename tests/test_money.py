"""Money in English and Korean, from amounts in millions of dollars."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.errors import LanguageError
from generator.lang.money import money_en, money_ko


@pytest.mark.parametrize(
    ("millions", "words", "symbol"),
    [
        (4530, "4.53 billion dollars", "$4.53 billion"),
        (770, "770 million dollars", "$770 million"),
        (2200, "2.2 billion dollars", "$2.2 billion"),
        (19710, "19.71 billion dollars", "$19.71 billion"),
        (90, "90 million dollars", "$90 million"),
        (1000, "1 billion dollars", "$1 billion"),
        (1_200_000, "1.2 trillion dollars", "$1.2 trillion"),
        (Decimal("4530.0"), "4.53 billion dollars", "$4.53 billion"),
        (Decimal("0.5"), "0.5 million dollars", "$0.5 million"),
        (-550, "-550 million dollars", "-$550 million"),
        (-3760, "-3.76 billion dollars", "-$3.76 billion"),
    ],
)
def test_money_en(millions, words, symbol):
    assert money_en(millions) == words
    assert money_en(millions, "words") == words
    assert money_en(millions, style="symbol") == symbol


def test_money_en_uses_thousands_separators():
    assert money_en(Decimal("999999.5")) == "999.9995 billion dollars"
    assert money_en(12_345_000_000) == "12,345 trillion dollars"


@pytest.mark.parametrize(
    ("millions", "precision", "expected"),
    [
        (1410, 100, "1.4 billion dollars"),
        (1450, 100, "1.5 billion dollars"),  # half up, not half even
        (1350, 100, "1.4 billion dollars"),
        (555, 10, "560 million dollars"),
        (-555, 10, "-560 million dollars"),  # ties away from zero
        (960, 100, "1 billion dollars"),  # scale chosen after rounding
        (4534, None, "4.534 billion dollars"),
        (4534, Decimal(10), "4.53 billion dollars"),
    ],
)
def test_money_en_precision(millions, precision, expected):
    assert money_en(millions, precision=precision) == expected


@pytest.mark.parametrize(
    ("millions", "compact", "spaced", "decimal"),
    [
        (4530, "45억3000만달러", "45억3000만 달러", "45.3억달러"),
        (770, "7억7000만달러", "7억7000만 달러", "7.7억달러"),
        (90, "9000만달러", "9000만 달러", "0.9억달러"),
        (2200, "22억달러", "22억 달러", "22억달러"),
        (19710, "197억1000만달러", "197억1000만 달러", "197.1억달러"),
        (1_200_000, "1조2000억달러", "1조2000억 달러", "12,000억달러"),
        (1_234_123_450, "1234조1234억5000만달러", "1234조1234억5000만 달러", "12,341,234.5억달러"),
        (-3760, "-37억6000만달러", "-37억6000만 달러", "-37.6억달러"),
        (Decimal("0.5"), "50만달러", "50만 달러", "0.005억달러"),
        (Decimal("0.0125"), "1만2500달러", "1만2500 달러", "0.000125억달러"),
        (0, "0달러", "0 달러", "0억달러"),
    ],
)
def test_money_ko(millions, compact, spaced, decimal):
    assert money_ko(millions) == compact
    assert money_ko(millions, "compact") == compact
    assert money_ko(millions, style="spaced") == spaced
    assert money_ko(millions, style="decimal") == decimal


def test_money_ko_precision():
    assert money_ko(1415, precision=10) == "14억2000만달러"
    assert money_ko(1410, precision=100) == "14억달러"
    assert money_ko(4535, style="decimal", precision=10) == "45.4억달러"


def test_money_ko_refuses_fractions_of_a_dollar():
    with pytest.raises(LanguageError):
        money_ko(Decimal("0.0000005"))


@pytest.mark.parametrize("function", [money_en, money_ko])
@pytest.mark.parametrize("bad", [4.53, "4530", True, None])
def test_non_exact_amounts_are_type_errors(function, bad):
    with pytest.raises(TypeError):
        function(bad)


def test_float_precision_is_a_type_error():
    with pytest.raises(TypeError):
        money_en(1410, precision=100.0)


@pytest.mark.parametrize(("function", "style", "valid"), [(money_en, "compact", "words"), (money_ko, "words", "compact")])
def test_unknown_style_lists_valid_styles(function, style, valid):
    with pytest.raises(LanguageError) as info:
        function(100, style)
    assert valid in info.value.hint
