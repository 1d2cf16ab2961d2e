"""Names of periods ("the first half of this year", "올해 상반기", "November", "지난달") and of comparison bases."""

from __future__ import annotations

from ..errors import LanguageError
from ..periods import Period
from .numbers import check_lang

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_EN_KIND = {"H": "half", "Q": "quarter"}
_KO_PART = {("H", 1): "상반기", ("H", 2): "하반기"}
BASES = ("previous_period", "year_ago", "cumulative")


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


def _month_name(period: Period, lang: str, release_year: int | None, release_month: int | None, relative: bool) -> str:
    """November 2025 / 2025년 11월; relative to the release: "November" / "11월" in its year, 지난달 just before it."""
    en = _MONTHS_EN[period.n - 1]
    if relative and release_year is None:
        raise LanguageError("a relative period name needs the release year",
                            hint="pass release_year=..., or relative=False for the absolute name")
    if not relative:
        return f"{en} {period.year}" if lang == "en" else f"{period.year}년 {period.n}월"
    if lang == "ko":
        if release_month is not None and (release_year * 12 + release_month) - (period.year * 12 + period.n) == 1:
            return "지난달"
        if period.year == release_year:
            return f"{period.n}월"
        if period.year == release_year - 1:
            return f"지난해 {period.n}월"
        return f"{period.year}년 {period.n}월"
    if period.year == release_year or (release_month is not None and period.year == release_year - 1 and period.n == 12 and release_month == 1):
        return en
    return f"{en} {period.year}"


def period_name(
    period: Period,
    lang: str,
    *,
    release_year: int | None = None,
    relative: bool = False,
    capital: bool = False,
    release_month: int | None = None,
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
    if period.kind == "M":
        text = _month_name(period, lang, release_year, release_month, relative)
        return text[:1].upper() + text[1:] if capital else text
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
    if period.kind == "M":
        return f"{period.n}월" if lang == "ko" else _MONTHS_EN[period.n - 1]
    if lang == "ko":
        return _ko_part(period)
    return f"{_ORDINALS[period.n]} {_EN_KIND[period.kind]}".title()


def comparison_phrase(basis: str, period: Period, lang: str, vocabulary: dict | None = None) -> str:
    """What a change is measured against, from the language's vocabulary by frequency:
    "the previous half", "a year earlier", "전기", "전년 동월".

    For a whole year the two bases coincide, so both give "the previous year" / "전년".
    Korean uses 전기 for the previous half (전기 대비).

    >>> h1 = Period.parse("2025H1")
    >>> comparison_phrase("previous_period", h1, "en"), comparison_phrase("previous_period", h1, "ko")
    ('the previous half', '전기')
    >>> comparison_phrase("year_ago", Period.parse("2025-11"), "ko")
    '전년 동월'
    """
    from ..vocabulary import vocabulary as load_vocabulary

    _check_period(period)
    check_lang(lang)
    if basis not in BASES:
        raise LanguageError(f"unknown comparison basis '{basis}'", hint="use one of: " + ", ".join(BASES), value=basis)
    words = (vocabulary or load_vocabulary(lang))["bases"]
    if period.kind == "Y":
        basis = "previous_period"
    entry = words.get(basis, {}).get(period.kind)
    if entry is None:
        raise LanguageError(f"the vocabulary has no phrase for basis '{basis}' of a {period.kind_name}",
                            hint=f"add bases.{basis}.{period.kind} to config/vocabulary/{lang}.yaml", value=basis)
    return entry["write"]
