"""Periods (``2025``, ``2025H1``, ``2025Q1``, ``2025-11``): parsing, ordering and calendar arithmetic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .errors import UsageError

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:(?P<kind>[HQ])(?P<n>\d))?$")
# Months: 2025-11 (ISO), 2025M11 (Eurostat, KOSIS) and 202511 (ECOS) all read the same.
_MONTH = re.compile(r"^(?P<year>\d{4})(?:-|M)?(?P<n>\d{2})$")
_PER_YEAR = {"Y": 1, "H": 2, "Q": 4, "M": 12}
_KIND_NAMES = {"Y": "year", "H": "half", "Q": "quarter", "M": "month"}
# Frequencies as release definitions name them.
FREQUENCIES = {"annual": "Y", "half": "H", "quarterly": "Q", "monthly": "M"}


@dataclass(frozen=True, init=False, eq=False)
class Period:
    """A calendar period: a year (kind ``Y``), a half (``H``, n 1-2), a quarter (``Q``, n 1-4) or a month (``M``, n 1-12).

    >>> Period.parse("2025H1").previous()
    Period(year=2024, kind='H', n=2)
    >>> str(Period.parse("2025Q1").year_ago())
    '2024Q1'
    """

    year: int
    kind: str = "Y"
    n: int = 1

    # One object per period (see _INTERNED): equal periods are the same object, so
    # equality and hashing are the object's own, done in C. Every figure is looked up by a
    # key holding a period, and a Python-level __hash__ was 130,000 calls (a tenth of the
    # time) in a profile of one period's facts on the synthetic release.
    def __new__(cls, year: int, kind: str = "Y", n: int = 1) -> "Period":
        key = (cls, year, kind, n)
        found = _INTERNED.get(key)
        if found is None:
            found = object.__new__(cls)
            object.__setattr__(found, "year", year)
            object.__setattr__(found, "kind", kind)
            object.__setattr__(found, "n", n)
            found = _INTERNED.setdefault(key, found)
        return found

    __hash__ = object.__hash__
    __eq__ = object.__eq__

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Parse ``2025``, ``2025H1``, ``2025Q3`` or ``2025-11`` (also ``2025M11``, ``202511``); raise ``ValueError`` otherwise."""
        if cls is Period and isinstance(text, str):
            found = _PARSED.get(text)
            if found is None:
                found = _PARSED[text] = cls._parse(text)
            return found
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> "Period":
        if not isinstance(text, str):
            raise ValueError(f"expected a period like 2025, 2025H1, 2025Q1 or 2025-11, got {text!r}")
        cleaned = text.strip().upper()
        match = _PATTERN.match(cleaned)
        month = None if match else _MONTH.match(cleaned)
        if not match and not month:
            raise ValueError(f"'{text}' is not a period; expected a year (2025), a half (2025H1, 2025H2), "
                             "a quarter (2025Q1..2025Q4) or a month (2025-01..2025-12)")
        if month:
            year, kind, n = int(month["year"]), "M", int(month["n"])
        else:
            year = int(match["year"])
            kind = match["kind"] or "Y"
            n = int(match["n"] or 1)
        if not 1 <= n <= _PER_YEAR[kind]:
            parts = {"H": "halves", "Q": "quarters", "M": "months"}[kind]
            raise ValueError(f"'{text}' is not a period; a year has {_PER_YEAR[kind]} {parts}")
        if year < 1900:
            raise ValueError(f"'{text}' is not a period; years before 1900 are not supported")
        return cls(year, kind, n)

    @property
    def per_year(self) -> int:
        return _PER_YEAR[self.kind]

    # Periods are immutable values, so the derived numbers are computed once per object
    # (cached_property writes the instance dict, which a frozen dataclass allows). The
    # rules engine walks history period by period: profiles showed str(), ordering,
    # hashing and previous() as a quarter of the time of deriving facts.
    @cached_property
    def index(self) -> int:
        """A running number: consecutive periods of one kind differ by one."""
        return self.year * _PER_YEAR[self.kind] + self.n - 1

    @cached_property
    def _order(self) -> tuple[int, int]:
        # By end date; at the same end (2024Q4, 2024H2, 2024) the shorter period first.
        months = 12 // _PER_YEAR[self.kind]
        return (self.year * 12 + self.n * months, months)

    def __reduce__(self):
        # Only the fields: the cached neighbours would drag a chain of periods into a pickle.
        return (_make, (self.year, self.kind, self.n))

    @classmethod
    def _from_index(cls, kind: str, index: int) -> "Period":
        per_year = _PER_YEAR[kind]
        return cls(index // per_year, kind, index % per_year + 1)

    @cached_property
    def _previous(self) -> "Period":
        return self._from_index(self.kind, self.index - 1)

    def previous(self) -> "Period":
        """The period just before this one, of the same kind (2025H1 → 2024H2)."""
        return self._previous

    @cached_property
    def _next(self) -> "Period":
        return self._from_index(self.kind, self.index + 1)

    def next(self) -> "Period":
        return self._next

    @cached_property
    def _year_ago(self) -> "Period":
        return Period(self.year - 1, self.kind, self.n)

    def year_ago(self) -> "Period":
        """The same period a year earlier (2025H1 → 2024H1; 2025 → 2024)."""
        return self._year_ago

    def steps_to(self, other: "Period") -> int:
        """How many periods of this kind lie from self to other (other later → positive)."""
        if other.kind != self.kind:
            raise ValueError(f"cannot count from {self} to {other}: different kinds of period")
        return other.index - self.index

    @property
    def kind_name(self) -> str:
        return _KIND_NAMES[self.kind]

    def year_start(self) -> "Period":
        """The first period of the same kind in the same year (2025-11 → 2025-01): where year-to-date begins."""
        return Period(self.year, self.kind, 1)

    @property
    def start_month(self) -> int:
        """The calendar month (1-12) in which the period starts."""
        return (self.n - 1) * self.months + 1

    @cached_property
    def _text(self) -> str:
        if self.kind == "M":
            return f"{self.year}-{self.n:02d}"
        return str(self.year) if self.kind == "Y" else f"{self.year}{self.kind}{self.n}"

    def __str__(self) -> str:
        return self._text

    @property
    def months(self) -> int:
        return 12 // self.per_year

    @property
    def end_month(self) -> int:
        """Months since year 0 at the period's end: orders periods of different kinds in time."""
        return self.year * 12 + self.n * self.months

    # All four comparisons written out: functools.total_ordering's derived ones cost a
    # second call each, and records and streaks compare periods tens of thousands of times.
    def __lt__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order < other._order

    def __le__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order <= other._order

    def __gt__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order > other._order

    def __ge__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order >= other._order


# One object per period: the figures file names each period on thousands of rows, and the
# cached numbers above (text, order, previous) are then computed once per period, not per
# cell. Keyed by the class too, so that a subclass never hands out a plain Period.
_INTERNED: dict[tuple, Period] = {}
_PARSED: dict[str, Period] = {}


def _make(year: int, kind: str, n: int) -> Period:
    return Period(year, kind, n)


def parse_period(text: str, *, known: "list[Period] | None" = None, source: str = "--period",
                 release: str | None = None) -> Period:
    """Parse a period given by a user, raising ``UsageError`` (exit code 2) when it is bad.

    With ``known`` the period must also be one the data has.
    """
    try:
        period = Period.parse(text)
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from None
    if known is not None and period not in known:
        listed = ", ".join(str(p) for p in sorted(known))
        raise UsageError(
            f"{source}: no figures for period {period}",
            hint=f"periods in the data: {listed} (run 'pressgen periods{' --release ' + release if release else ''}')",
        )
    return period
