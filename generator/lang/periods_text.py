"""Names of periods ("the first half of this year", "올해 상반기") and of comparison bases."""

from __future__ import annotations

from ..errors import LanguageError
from ..periods import Period
from .numbers import check_lang

_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_EN_KIND = {"H": "half", "Q": "quarter"}
_KO_PART = {("H", 1): "상반기", ("H", 2): "하반기"}
BASES = ("previous_period", "year_ago")


def _check_period(period: Period) -> Period:
    if not isinstance(period, Period):
        raise TypeError(f"period must be a Period, got {type(period).__name__}")
    return period


def _ko_part(period: Period) -> str:
    return _KO_PART.get((period.kind, period.n), f"{period.n}분기")


def _relative_year(period: Period, release_year: int | None, relative: bool) -> str | None:
    """"this" / "last" when the period's year can be named relative to the release, else None."""
    if not relative:
        return None
    if release_year is None:
        raise LanguageError(
            "a relative period name needs the release year",
            hint="pass release_year=..., or relative=False for the absolute name",
        )
    # Older years have no natural relative name ("the year before last" reads badly).
    return {release_year: "this", release_year - 1: "last"}.get(period.year)


def period_name(
    period: Period,
    lang: str,
    *,
    release_year: int | None = None,
    relative: bool = False,
    capital: bool = False,
) -> str:
    """The period as running text, absolute or relative to the release year.

    >>> p = Period.parse("2024H2")
    >>> period_name(p, "en"), period_name(p, "en", release_year=2025, relative=True)
    ('the second half of 2024', 'the second half of last year')
    >>> period_name(p, "ko", release_year=2025, relative=True)
    '지난해 하반기'
    """
    _check_period(period)
    check_lang(lang)
    which = _relative_year(period, release_year, relative)
    if lang == "ko":
        year = {"this": "올해", "last": "지난해"}.get(which, f"{period.year}년")
        return year if period.kind == "Y" else f"{year} {_ko_part(period)}"
    if period.kind == "Y":
        text = f"{which} year" if which else str(period.year)
    else:
        year = f"{which} year" if which else str(period.year)
        text = f"the {_ORDINALS[period.n]} {_EN_KIND[period.kind]} of {year}"
    return text[:1].upper() + text[1:] if capital else text


def period_headline(period: Period, lang: str) -> str:
    """The short form used in headlines: "First Half", "2024", "상반기", "1분기", "2024년".

    >>> period_headline(Period.parse("2025Q1"), "en"), period_headline(Period.parse("2025H2"), "ko")
    ('First Quarter', '하반기')
    """
    _check_period(period)
    check_lang(lang)
    if period.kind == "Y":
        return f"{period.year}년" if lang == "ko" else str(period.year)
    if lang == "ko":
        return _ko_part(period)
    return f"{_ORDINALS[period.n]} {_EN_KIND[period.kind]}".title()


def comparison_phrase(basis: str, period: Period, lang: str) -> str:
    """What a change is measured against: "the previous half", "the same period a year earlier", "전기", "전년 동기".

    For a whole year the two bases coincide, so both give "the previous year" / "전년".
    Korean uses 전기 for the previous half as well as the previous quarter (전기 대비).

    >>> h1 = Period.parse("2025H1")
    >>> comparison_phrase("previous_period", h1, "en"), comparison_phrase("previous_period", h1, "ko")
    ('the previous half', '전기')
    """
    _check_period(period)
    check_lang(lang)
    if basis not in BASES:
        raise LanguageError(f"unknown comparison basis '{basis}'", hint="use one of: " + ", ".join(BASES), value=basis)
    if period.kind == "Y":
        return "전년" if lang == "ko" else "the previous year"
    if basis == "year_ago":
        return "전년 동기" if lang == "ko" else "the same period a year earlier"
    return "전기" if lang == "ko" else f"the previous {_EN_KIND[period.kind]}"
