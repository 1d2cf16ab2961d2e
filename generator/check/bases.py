"""Which comparison bases a sentence names, each bound to its own period.

"a year earlier" names the year-ago base only, "the previous six months" the previous
period only, "the July-December period of last year" whichever base *is* that half. The
words come from the vocabulary files (``bases.<basis>.<frequency>.read``); the names of
particular periods are built from the base periods themselves, so "the second half of
last year" is the previous half in a first-half release and the year-ago half in a
second-half one.
"""

from __future__ import annotations

import re
from ..lang.periods_text import period_name
from ..periods import Period

_EN_HALF = {1: ("first", "January-June"), 2: ("second", "July-December")}
_KO_HALF = {1: "상반기", 2: "하반기"}
_EN_MONTHS = ("January February March April May June July August September October November December").split()
# A half by its months in Korean ("지난해 7~12월"), as a pattern: the tilde is written several ways.
_KO_HALF_MONTHS = {1: r"1\s?[~∼〜-]\s?6월", 2: r"7\s?[~∼〜-]\s?12월"}


def _period_names(period: Period, lang: str, release_year: int | None) -> set[str]:
    """The ways coverage names one period: absolute, relative to the release year, and, for
    halves, by months ("the July-December period of last year")."""
    names = {period_name(period, lang)}
    if release_year:
        names.add(period_name(period, lang, release_year=release_year, relative=True))
    if period.kind == "Y":
        names.add(str(period.year) if lang == "en" else f"{period.year}년")
    years = [str(period.year)]
    if release_year == period.year:
        years.append("this year")
    elif release_year == period.year + 1:
        years.append("last year")
    if period.kind == "H":
        ordinal, months = _EN_HALF[period.n]
        if lang == "en":
            for year in years:
                names.add(f"the {ordinal} half of {year}")
                names.add(f"{ordinal} half of {year}")
                names.add(f"the {months} period of {year}")
                names.add(f"{months} {year}")
            # Wire shorthand: "H2 2024", "2H 2024", "2H24".
            names.update({f"H{period.n} {period.year}", f"{period.n}H {period.year}", f"{period.n}H{period.year % 100:02d}"})
        else:
            part = _KO_HALF[period.n]
            names.add(f"{period.year}년 {part}")
            months = _KO_HALF_MONTHS[period.n]
            names.add(_Pattern(rf"{period.year}년\s?{months}"))
            if release_year == period.year + 1:
                names.update({f"작년 {part}", f"지난해 {part}", f"전년 {part}", _Pattern(rf"(?:작년|지난해)\s?{months}")})
            elif release_year == period.year:
                names.update({f"올해 {part}", f"올 {part}", _Pattern(rf"올해\s?{months}")})
    return {n for n in names if n}


class _Pattern(str):
    """A period name written as a regular expression (several spellings), not as literal text."""


def _pattern(phrases, lang: str) -> re.Pattern:
    # Dashes as written: "July–December", "July-December".
    body = "|".join(sorted((p.replace("-", "[-–—]") if "\\" not in p and "(" not in p else p for p in phrases),
                           key=lambda p: -len(p)))
    if not body:
        return re.compile(r"(?!x)x")
    # Korean names take particles straight after them ("전년 동기보다"): no boundary on the right.
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])" if lang == "en" else rf"(?<![가-힣])(?:{body})", re.IGNORECASE)


class BaseNames:
    """The bases of one release period and the phrases that name each."""

    def __init__(self, period: Period, bases: dict[str, str], lang: str, release_year: int | None, words: dict) -> None:
        """``bases`` maps each basis the facts use to its base period ("previous_period": "2024H2")."""
        self.lang = lang
        self.patterns: dict[str, re.Pattern] = {}
        self._named: dict[str, frozenset[str]] = {}
        self._spans: dict[str, tuple[tuple[int, int, str], ...]] = {}
        specific = {basis: _period_names(Period.parse(base), lang, release_year) for basis, base in bases.items()}
        # "the first half of this year" in a first-half release names the period itself, no base.
        current = _period_names(period, lang, release_year)
        previous = bases.get("previous_period")
        if period.kind == "H" and previous and "previous_period" in specific:
            # Within a half-year release the other half needs no year: "the July-December period",
            # "the second half", 하반기 are the previous half (not "the second half of 2023").
            base = Period.parse(previous)
            if lang == "en":
                ordinal, months = _EN_HALF[base.n]
                first, last = months.split("-")
                unyeared = r"(?!\s+(?:period\s+)?(?:of\s+|in\s+)?(?:\d{4}|last year|this year|20))"
                specific["previous_period"] |= {_Pattern(rf"(?:the\s+)?{first}[-–—]{last}(?:\s+period)?{unyeared}"),
                                                _Pattern(rf"the\s+{ordinal}\s+half{unyeared}")}
            else:
                months = _KO_HALF_MONTHS[base.n]
                specific["previous_period"] |= {_Pattern(rf"(?<!년 )(?<!년)(?<!해 )(?<!해)(?<!올 )(?:{_KO_HALF[base.n]}|{months})")}
        if period.kind == "M":
            # A month without a year is the latest such month before this one ("up from $9.73
            # billion in November" in a December release published in January): a base less than
            # a year back is named by its month alone, as long as no year or "last" dates it.
            for basis, base in bases.items():
                back = Period.parse(base)
                if back.kind != "M" or not 0 < (period.year * 12 + period.n) - (back.year * 12 + back.n) < 12:
                    continue
                if lang == "en":
                    month = _EN_MONTHS[back.n - 1]
                    specific[basis] = specific[basis] | {_Pattern(rf"(?<!last )(?<!since )(?<![-–—]){month}(?![-–—]|\s*,?\s*(?:\d|of\s+last|last\s+year))")}
                else:
                    specific[basis] = specific[basis] | {_Pattern(rf"(?<![\d~∼〜\-년해])(?<!년 )(?<!해 )(?<!\d )(?<!올 ){back.n}월(?!\s?이후)")}
                if back.year == period.year and back.n > 1:
                    # The year to date of that month ("1~11월 누적", "January-November") names it too.
                    specific[basis] = specific[basis] | ({_Pattern(rf"(?:the\s+)?January\s?(?:[-–—]|through|to)\s?{_EN_MONTHS[back.n - 1]}(?!\s*,?\s*\d)")}
                                                         if lang == "en" else {_Pattern(rf"(?<!\d)1\s?[~∼〜-]\s?{back.n}월")})
        for basis in bases:
            generic = words.get(basis, {}).get(period.kind, {}).get("read", [])
            # A generic phrase that names a particular period ("the second half of 20\d\d") counts
            # only when it names this basis's period: the names built from the period decide.
            others = set(current).union(*(names for b, names in specific.items() if b != basis))
            phrases = [p for p in generic if not any(re.fullmatch(p, o, re.IGNORECASE) for o in others)]
            own = specific[basis] - (others - specific[basis])
            # Dashes as written in names too: "January–June 2024" is "January-June 2024".
            self.patterns[basis] = _pattern([*phrases, *(n if isinstance(n, _Pattern) else re.escape(n).replace(r"\-", "[-–—]") for n in own)], lang)

    def named(self, text: str) -> set[str]:
        """The bases ``text`` names."""
        # Asked of each sentence and clause several times over a check: each text is searched once.
        found = self._named.get(text)
        if found is None:
            if len(self._named) > 50_000:
                self._named.clear()
            found = self._named[text] = frozenset(basis for basis, pattern in self.patterns.items() if pattern.search(text))
        return set(found)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        # Asked for each figure and direction word of a sentence: each text is searched once.
        found = self._spans.get(text)
        if found is None:
            if len(self._spans) > 50_000:
                self._spans.clear()
            found = self._spans[text] = tuple(sorted((m.start(), m.end(), basis) for basis, pattern in self.patterns.items()
                                                     for m in pattern.finditer(text)))
        return list(found)
