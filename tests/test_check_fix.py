"""``pressgen check --fix`` / ``--diff``: wrong figures rewritten in the text's own style, nothing else touched."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.check.fix import restyle

# -- restyle: the figure as written, with the new value --------------------------------------------

RESTYLED = [
    # English money: symbol and words kept, precision kept, scale follows the value.
    ("$4.53 billion", "en", "4350", "usd_million", "$4.35 billion"),
    ("4.53 billion dollars", "en", "4356", "usd_million", "4.36 billion dollars"),
    ("US$4.53 billion", "en", "4290", "usd_million", "US$4.29 billion"),
    ("4.53 billion US dollars", "en", "4290", "usd_million", "4.29 billion US dollars"),
    ("1.4 billion", "en", "1449", "usd_million", "1.4 billion"),
    ("1.4 billion", "en", "1450", "usd_million", "1.5 billion"),  # tie rounds up, not to even
    ("1.4 billion", "en", "1250", "usd_million", "1.3 billion"),  # half-even would give 1.2
    ("770 million", "en", "784", "usd_million", "780 million"),
    ("770 million", "en", "785", "usd_million", "790 million"),
    ("770 million", "en", "1234", "usd_million", "1.23 billion"),  # crosses into billions
    ("$1.02 billion", "en", "984", "usd_million", "$980 million"),  # and back down
    ("1,230 million", "en", "1456", "usd_million", "1,460 million"),  # the writer's own scale
    ("$1.2 trillion", "en", "1_350_000", "usd_million", "$1.4 trillion"),
    ("-$4.5 billion", "en", "-4600", "usd_million", "-$4.6 billion"),
    # Korean money: compact, spaced with 천, decimal (the bank's), 조.
    ("45억3000만달러", "ko", "4560", "usd_million", "45억6000만달러"),
    ("45억3000만달러", "ko", "4500", "usd_million", "45억달러"),
    ("45억3000만달러", "ko", "4555", "usd_million", "45억6000만달러"),  # tie: 1000만 place rounds up
    ("45억3000만 달러", "ko", "4610", "usd_million", "46억1000만 달러"),
    ("45억 3천만 달러", "ko", "4560", "usd_million", "45억 6천만 달러"),
    ("45억 3천만 달러", "ko", "4515", "usd_million", "45억 2천만 달러"),
    ("9천만 달러", "ko", "1234", "usd_million", "12억 3천만 달러"),
    ("45.3억달러", "ko", "4565", "usd_million", "45.7억달러"),
    ("45.3억달러", "ko", "4564", "usd_million", "45.6억달러"),
    ("1,234.5억달러", "ko", "123456", "usd_million", "1,234.6억달러"),
    ("1조2000억달러", "ko", "1_350_000", "usd_million", "1조4000억달러"),
    ("45억 미국 달러", "ko", "5150", "usd_million", "52억 미국 달러"),
    ("2500달러", "ko", "0.0035", "usd_million", "3500달러"),
    # Percentages: every written decimal is kept, trailing zeros too.
    ("8.4%", "en", "8.45", "percent", "8.5%"),
    ("8.4 percent", "en", "2.35", "percent", "2.4 percent"),
    ("17.0 percent", "en", "16.96", "percent", "17.0 percent"),
    ("8.4 per cent", "en", "3", "percent", "3.0 per cent"),
    ("8.4%", "ko", "-2.05", "percent", "2.1%"),  # the direction is in the words, not a sign
    ("8.4 퍼센트", "ko", "3.05", "percent", "3.1 퍼센트"),
    # Percentage points: singular up to one, as the drafts write them.
    ("0.3%p", "ko", "0.25", "pp", "0.3%p"),
    ("0.3%포인트", "ko", "0.15", "pp", "0.2%포인트"),
    ("0.3 percentage point", "en", "1.25", "pp", "1.3 percentage points"),
    ("1.3 percentage points", "en", "0.95", "pp", "1.0 percentage point"),
    ("1.3 percentage points", "en", "1.04", "pp", "1.0 percentage point"),
    ("0.3 percentage point", "en", "0.15", "pp", "0.2 percentage point"),
]


@pytest.mark.parametrize("written,lang,value,unit,expected", RESTYLED)
def test_restyle_keeps_the_written_style(written, lang, value, unit, expected):
    assert restyle(written, lang, D(value.replace("_", "")), unit) == expected


@pytest.mark.parametrize("written,lang,value,unit", [
    ("8.4%", "en", "1", "pp"),                     # a percent is not percentage points
    ("0.3%p", "ko", "1", "percent"),
    ("$4.5 billion", "en", "2", "percent"),
    ("$0.1 billion", "en", "30", "usd_million"),   # would round a real amount to "$0 billion"
    ("2500달러", "ko", "1", "usd_million"),          # plain digits cannot hold 만 and above
    ("exports of $4.5 billion", "en", "4600", "usd_million"),  # not one figure alone
    ("$4.5 billion", "en", "4600", "thousand_persons"),
    ("7.3 times", "en", "8", "usd_million"),
])
def test_restyle_declines_when_the_style_cannot_be_kept(written, lang, value, unit):
    assert restyle(written, lang, D(value), unit) is None


def test_restyle_refuses_floats():
    assert restyle("$4.53 billion", "en", 4350.0) is None
