"""Rounding (half up, the publisher's rule) and locale-correct number, percent and multiple text."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from ..errors import LanguageError

LANGUAGES = ("en", "ko")
_ONE = Decimal(1)

_FOLD_WORDS = {
    2: "twofold", 3: "threefold", 4: "fourfold", 5: "fivefold", 6: "sixfold",
    7: "sevenfold", 8: "eightfold", 9: "ninefold", 10: "tenfold",
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language code, else raise ``LanguageError``."""
    if lang not in LANGUAGES:
        raise LanguageError(f"unknown language '{lang}'", hint="use one of: " + ", ".join(LANGUAGES), value=lang)
    return lang


def to_decimal(value: Decimal | int, name: str = "value") -> Decimal:
    """``value`` as a Decimal; floats are refused because they have already lost digits."""
    # bool is an int subclass, but True as an amount is always a bug.
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"{name} must be an int or Decimal, got {type(value).__name__} {value!r}")
    value = Decimal(value)
    if not value.is_finite():
        raise LanguageError(f"{name} must be a finite number, got {value}", value=value)
    return value


def round_half_up(value: Decimal | int, step: Decimal | int) -> Decimal:
    """Round ``value`` to a multiple of ``step``, ties away from zero (the project's only rounding).

    >>> round_half_up(Decimal("3.45"), Decimal("0.1")), round_half_up(1450, 100), round_half_up(-25, 10)
    (Decimal('3.5'), Decimal('1500'), Decimal('-30'))
    """
    # Decimals need no conversion (the rules round thousands of them per period); anything
    # else, and any non-finite Decimal, goes through to_decimal and its errors.
    if type(value) is not Decimal or type(step) is not Decimal or not value.is_finite() or not step.is_finite():
        value = to_decimal(value)
        step = to_decimal(step, "step")
    if step <= 0:
        raise LanguageError(f"rounding step must be positive, got {step}", value=step)
    result = (value / step).quantize(_ONE, rounding=ROUND_HALF_UP) * step
    # -0.04 rounds to zero, and "-0.0%" must never reach a reader.
    return result if result else abs(result)


_TENTH = Decimal("0.1")


def round_tenth(value: Decimal) -> Decimal:
    """``round_half_up(value, Decimal("0.1"))`` for a finite Decimal, in one ``quantize``.

    The same value with the same exponent (dividing by 0.1 only moves the exponent, so the
    two roundings see the same digits); the rules round every percent and share to a
    tenth, thousands of times per period.
    """
    if type(value) is not Decimal or not value.is_finite():
        return round_half_up(value, _TENTH)
    result = value.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return result if result else abs(result)


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing fractional zeros and never in exponent form (2.50 → 2.5, 1E+2 → 100)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# Babel takes about 0.1 ms a number, and a draft formats the same amounts again and
# again (the review sheet lists every published figure of the period, and each period of
# ``draft --all`` shares most of them): kept per process, by the Decimal's exact text, the
# language and the digits. Only Decimals are kept, so every error still comes from a real
# call; the cache is emptied when full.
_FORMATTED: dict[tuple[str, str, int | None], str] = {}
_FORMATTED_MAX = 50_000


def format_number(value: Decimal, lang: str, digits: int | None = None) -> str:
    """Babel formatting of an already-rounded value, showing exactly its own digits.

    With ``digits`` the pattern has that many fraction digits; the value is rounded half up
    first, so Babel (which rounds half-even) never has anything left to round.
    """
    if type(value) is not Decimal or type(lang) is not str or not (digits is None or type(digits) is int):
        return _format_number(value, lang, digits)
    # str() tells apart what == does not (-0 and 0, 1.50 and 1.5): the key is the exact value.
    key = (str(value), lang, digits)
    found = _FORMATTED.get(key)
    if found is None:
        found = _format_number(value, lang, digits)
        if len(_FORMATTED) >= _FORMATTED_MAX:
            _FORMATTED.clear()
        _FORMATTED[key] = found
    return found


def _format_number(value: Decimal, lang: str, digits: int | None = None) -> str:
    check_lang(lang)
    if digits is None:
        # decimal_quantization=False: Babel keeps every digit instead of cutting at three.
        return format_decimal(plain(value), format="#,##0.###", locale=lang, decimal_quantization=False)
    if digits < 0:
        raise LanguageError(f"digits must be 0 or more, got {digits}", value=digits)
    value = round_half_up(value, Decimal(1).scaleb(-digits))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=lang)


def number(value: Decimal | int, lang: str, *, digits: int | None = None) -> str:
    """A plain number in the language's convention (``None`` digits: exactly as given).

    >>> number(Decimal("12345.60"), "en"), number(Decimal("2.45"), "ko", digits=1)
    ('12,345.6', '2.5')
    """
    return format_number(to_decimal(value), lang, digits)


def percent(value: Decimal | int, lang: str, digits: int = 1) -> str:
    """A value already in percent units, rounded half up to ``digits`` places, with ``%``.

    >>> percent(Decimal("23.45"), "en"), percent(Decimal("-3.45"), "ko")
    ('23.5%', '-3.5%')
    """
    return format_number(to_decimal(value), lang, digits) + "%"


def multiple(value: Decimal | int, lang: str, *, digits: int = 1) -> str:
    """How many times as large: en "twofold".."tenfold" for whole 2-10, else "7.3 times"; ko "7.3배".

    The value is rounded half up to ``digits`` places first, so 1.96 reads as "twofold".

    >>> multiple(3, "en"), multiple(Decimal("7.34"), "en"), multiple(Decimal("7.34"), "ko")
    ('threefold', '7.3 times', '7.3배')
    """
    check_lang(lang)
    rounded = plain(round_half_up(to_decimal(value), Decimal(1).scaleb(-digits)))
    text = format_number(rounded, lang)
    if lang == "ko":
        return text + "배"
    if rounded == rounded.to_integral_value() and int(rounded) in _FOLD_WORDS:
        return _FOLD_WORDS[int(rounded)]
    return text + " times"
