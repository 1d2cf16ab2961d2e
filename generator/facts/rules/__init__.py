"""The registry of derivation rules: one explicit table, each rule a small pure function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..context import Context
from ..model import Fact
from .changes import change_long_run, change_previous, change_year_ago, multiple
from .drivers import composition, driver_change, driver_level
from .levels import level
from .rankings import rank, share
from .records import record
from .streaks import cumulative, streak


@dataclass(frozen=True)
class Rule:
    """A derivation rule: a stable code, a readable name, the function and its status."""

    code: str
    name: str
    fn: Callable[[Context], list[Fact]]
    status: str = "stable"

    @property
    def summary(self) -> str:
        return (self.fn.__doc__ or "").strip().splitlines()[0]


RULES: tuple[Rule, ...] = (
    Rule("F001", "level", level),
    Rule("F002", "change-previous", change_previous),
    Rule("F003", "change-year-ago", change_year_ago),
    Rule("F004", "change-long-run", change_long_run),
    Rule("F005", "multiple", multiple),
    Rule("F006", "record", record),
    Rule("F007", "rank", rank),
    Rule("F008", "driver-level", driver_level),
    Rule("F009", "driver-change", driver_change),
    Rule("F010", "composition", composition),
    Rule("F011", "share", share),
    Rule("F012", "streak", streak),
    Rule("F013", "cumulative", cumulative),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}
