"""Findings (one problem at one place) and the rule metadata formatters need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import total_ordering
from typing import Any

LEVELS = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Suggestion:
    """A replacement that would fix a finding: ``text`` in place of columns ``column`` to
    ``end_column`` (character columns, 1-based, end exclusive) of ``line``, which defaults
    to the finding's line. ``column == end_column`` inserts; ``text == ""`` deletes.
    """

    column: int
    end_column: int
    text: str
    line: int | None = None


@total_ordering
@dataclass(frozen=True)
class Finding:
    """One problem found in a checked file, located by 1-based line and character column.

    ``data`` says what the figures say when a data-agreement rule fires (any JSON value,
    e.g. ``"4.53 billion dollars"``); wording rules leave it ``None``. It takes no part
    in equality or ordering because it may be a dict. ``suggestion`` is an optional fix
    (a ``Suggestion``, or a ``(column, end_column, text)`` tuple, or its JSON object),
    which the SARIF and rdjson formats pass on; it takes no part in equality either.
    Findings sort by ``(path, line, column, rule_id)``.
    """

    path: str
    line: int
    column: int
    level: str
    rule_id: str
    message: str
    end_column: int | None = None
    data: Any = field(default=None, compare=False)
    suggestion: Suggestion | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Accept the shorthand tuple and the JSON form, so ``Finding(**as_dict(f))`` round-trips.
        fix = self.suggestion
        if isinstance(fix, dict):
            object.__setattr__(self, "suggestion", Suggestion(**fix))
        elif isinstance(fix, (tuple, list)):
            object.__setattr__(self, "suggestion", Suggestion(*fix))

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule_id, self.message, self.end_column or 0, self.level)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.sort_key < other.sort_key


@dataclass(frozen=True)
class RuleInfo:
    """What a formatter needs to know about a rule (SARIF ``tool.driver.rules``)."""

    id: str
    level: str
    description: str
    source: str = ""
    help_uri: str | None = None
