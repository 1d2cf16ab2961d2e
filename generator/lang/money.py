"""Dollar amounts (given in millions of US dollars) written the English and the Korean way."""

from __future__ import annotations

from decimal import Decimal

from ..errors import LanguageError
from .numbers import format_number, plain, round_half_up, to_decimal

EN_STYLES = ("words", "symbol")
KO_STYLES = ("compact", "spaced", "decimal")

# English scales in millions; the largest that fits leads ("1.2 trillion", not "1,200 billion").
_EN_SCALES = ((Decimal(1_000_000), "trillion"), (Decimal(1_000), "billion"), (Decimal(1), "million"))
# Korean groups in dollars: the 만-based myriad system.
_KO_GROUPS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


def _check_style(style: str, valid: tuple[str, ...], function: str) -> None:
    if style not in valid:
        raise LanguageError(
            f"unknown money style '{style}' for {function}",
            hint="use one of: " + ", ".join(valid),
            value=style,
        )


def _prepare(millions: Decimal | int, precision: Decimal | int | None) -> tuple[str, Decimal]:
    """Round (if asked), then split into a sign and an absolute value."""
    value = to_decimal(millions, "millions")
    if precision is not None:
        value = round_half_up(value, precision)
    return ("-" if value < 0 else ""), abs(value)


def money_en(millions: Decimal | int, style: str = "words", precision: Decimal | int | None = None) -> str:
    """English amount: "4.53 billion dollars" ("words") or "$4.53 billion" ("symbol").

    ``precision`` (in millions, e.g. 10 or 100) rounds half up first; ``None`` keeps the
    amount exact. Trailing zeros are never shown.

    >>> money_en(4530), money_en(770, "symbol"), money_en(1410, precision=100)
    ('4.53 billion dollars', '$770 million', '1.4 billion dollars')
    """
    _check_style(style, EN_STYLES, "money_en")
    sign, value = _prepare(millions, precision)
    for size, unit in _EN_SCALES:
        if value >= size or size == 1:
            break
    amount = format_number(plain(value / size), "en")
    if style == "symbol":
        return f"{sign}${amount} {unit}"
    return f"{sign}{amount} {unit} dollars"


def _ko_grouped(dollars: int) -> str:
    """45억3000만 style: each group in plain digits, empty groups left out."""
    parts = []
    rest = dollars
    for size, unit in _KO_GROUPS:
        group, rest = divmod(rest, size)
        if group:
            # No thousands separators inside a group: newspapers write 3000만, 1234억.
            parts.append(f"{group}{unit}")
    if rest or not parts:
        parts.append(str(rest))
    return "".join(parts)


def money_ko(millions: Decimal | int, style: str = "compact", precision: Decimal | int | None = None) -> str:
    """Korean amount: "45억3000만달러" ("compact"), "45억3000만 달러" ("spaced"), "45.3억달러" ("decimal").

    "decimal" is the central bank's style: the amount in 억 with Babel's Korean number
    format (so large amounts get commas, 1,234.5억달러, as the bank prints them).

    >>> money_ko(4530), money_ko(90), money_ko(1_200_000), money_ko(4530, "decimal")
    ('45억3000만달러', '9000만달러', '1조2000억달러', '45.3억달러')
    """
    _check_style(style, KO_STYLES, "money_ko")
    sign, value = _prepare(millions, precision)
    if style == "decimal":
        return f"{sign}{format_number(plain(value / 100), 'ko')}억달러"
    dollars = value * 1_000_000
    if dollars != dollars.to_integral_value():
        raise LanguageError(
            f"{millions} million dollars has a fraction of a dollar, which the 억/만 form cannot show",
            hint="pass a precision (e.g. precision=10) or use the 'decimal' style",
            value=millions,
        )
    space = " " if style == "spaced" else ""
    return f"{sign}{_ko_grouped(int(dollars))}{space}달러"
