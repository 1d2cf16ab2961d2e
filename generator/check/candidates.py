"""What the facts of a period allow a release to state about each item: amounts, percentages, changes, records."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

from ..facts.model import Fact, FactSet


@dataclass(frozen=True)
class Candidate:
    """A number the data gives for an item: its absolute value, signed reference and fact.

    ``role`` says what the number is: the period's own ``value``, the ``base`` a change
    is measured from (stated only with its period), or a change's ``delta`` (stated only
    with a change word).
    """

    value: Decimal
    signed: Decimal
    metric: str
    fact: Fact
    role: str = "value"
    base_period: str | None = None


@dataclass
class ItemFacts:
    money: list[Candidate] = field(default_factory=list)
    percent: list[tuple[Decimal, Fact]] = field(default_factory=list)
    # Rates of other periods (a change's base rate, the value a record is "highest since"):
    # (value, fact, period); stated only next to the period they belong to.
    percent_base: list[tuple[Decimal, Fact, str]] = field(default_factory=list)
    # Differences of rates and contributions, in percentage points.
    points: list[tuple[Decimal, Fact]] = field(default_factory=list)
    streaks: list[Fact] = field(default_factory=list)
    multiple: list[tuple[Decimal, Fact]] = field(default_factory=list)
    changes: list[Fact] = field(default_factory=list)
    records: list[Fact] = field(default_factory=list)


def index_facts(facts: FactSet, units: dict[str, str] | None = None) -> "FactIndex":
    """Every number the facts give per item, by unit: money amounts, percents, percentage points.

    ``units`` maps each metric to its unit; amounts of other units (a rate's 8.4, an
    index's 117.20) are never candidates for a money figure. Read with ``get(code, default)``.
    """
    return FactIndex(facts, units or {})


class FactIndex:
    """``index_facts``' answer, an item's entries built when the check first asks for the item.

    A check asks for the handful of items its text names; building the entries of every
    item (29,356 for the 7,554 facts of a synthetic period, 905 items) was about half of
    checking its draft (CPU 517 ms → 241 ms a period). Which facts give an item entries is listed in one pass
    (``_codes``); an item's entries are those facts' entries for it, in the facts' order,
    so each item's lists are the ones ``index_all`` builds (a test compares the two).
    """

    def __init__(self, facts: FactSet, units: dict[str, str]) -> None:
        self._facts, self._units = facts, units
        self._built: dict[str, ItemFacts] = {}
        self._touching: dict[str, list[Fact]] | None = None

    def get(self, code: str, default: ItemFacts | None = None) -> ItemFacts | None:
        found = self._built.get(code)
        if found is None:
            if self._touching is None:
                self._touching = _touching(self._facts)
            facts = self._touching.get(code)
            if not facts:
                return default
            found = self._built[code] = ItemFacts()
            at = lambda c: found if c == code else _SINK  # noqa: E731
            for fact in facts:
                _add(fact, at, self._units)
        return found if found is not _NONE else default

    # ``in`` and ``[]`` as on ``index_all``'s dict, which holds an item once it has an entry.
    def __contains__(self, code: object) -> bool:
        found = self.get(code) if isinstance(code, str) else None
        if found is not None and not any(getattr(found, f) for f in _FIELDS):
            self._built[code] = _NONE  # listed by a fact that gave it nothing: not in the index
            return False
        return found is not None

    def __getitem__(self, code: str) -> ItemFacts:
        if code not in self:
            raise KeyError(code)
        return self._built[code]

    def setdefault(self, code: str, default: ItemFacts) -> ItemFacts:
        """As on a dict, for entries the check derives itself (``between.derive_flow_balances``):
        the item's own entries are built first, so derived ones are added to them, never in
        their place."""
        if code in self:
            return self._built[code]
        self._built[code] = default
        return default


def index_all(facts: FactSet, units: dict[str, str] | None = None) -> dict[str, ItemFacts]:
    """The entries of every item at once, by item, in the order items first get one."""
    index: dict[str, ItemFacts] = {}

    def at(code: str) -> ItemFacts:
        found = index.get(code)
        if found is None:
            found = index[code] = ItemFacts()
        return found

    for fact in facts:
        _add(fact, at, units or {})
    return index


# Kinds whose entries go to other items than the fact's own (``_codes``).
_SPREADING = frozenset(("share", "rank", "driver"))


def _codes(fact: Fact) -> list[str]:
    """The items ``_add`` gives entries for this fact (it may give none to some of them)."""
    d = fact.data
    if fact.kind == "share":
        return [fact.item, d["of"]]
    if fact.kind == "rank":
        return [member["item"] for member in d["members"]]
    if fact.kind == "driver":
        return [fact.item, d["child"], *(m["item"] for m in (*d.get("members", ()), *d.get("opposite", ())))]
    return [fact.item]


def _touching(facts: FactSet) -> dict[str, list[Fact]]:
    touching: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.kind not in _SPREADING:
            # Most facts give entries to their own item only.
            listed = touching.get(fact.item)
            if listed is None:
                touching[fact.item] = [fact]
            else:
                listed.append(fact)
            continue
        for code in _codes(fact):
            listed = touching.get(code)
            if listed is None:
                touching[code] = [fact]
            elif listed[-1] is not fact:  # a driver's child is among its members too
                listed.append(fact)
    return touching


_FIELDS = tuple(f.name for f in fields(ItemFacts))
_NONE = ItemFacts()  # kept for an item whose facts gave it no entry


class _Discard(list):
    """A list that keeps nothing: another item's entries, while one item's are built."""

    def append(self, _value) -> None:
        pass


_SINK = ItemFacts(*(_Discard() for _ in range(8)))


def _add(fact: Fact, at, units: dict[str, str]) -> None:
    """The entries ``fact`` gives, each added to the lists of ``at(code)`` for its item."""

    def unit_of(metric: str) -> str:
        return units.get(metric, "usd_million")

    def money(code: str, value, metric: str, fact: Fact, role: str = "value", base: str | None = None) -> None:
        if value is None:
            return
        unit = unit_of(metric)
        if unit == "usd_million":
            at(code).money.append(Candidate(abs(Decimal(value)), Decimal(value), metric, fact, role, base))
        elif unit == "percent" and role == "base" and base:
            at(code).percent_base.append((abs(Decimal(value)), fact, str(base)))
        elif unit == "percent":
            at(code).percent.append((abs(Decimal(value)), fact))
        elif unit == "pp":
            at(code).points.append((abs(Decimal(value)), fact))

    d = fact.data
    metric = d.get("metric", "balance")
    if fact.kind == "streak":
        at(fact.item).streaks.append(fact)
        return
    if fact.kind == "cumulative":
        money(fact.item, d["value"], metric, fact)
        if "base_value" in d:
            money(fact.item, d["base_value"], metric, fact, "base", d.get("base_period"))
        if "direction" in d:
            at(fact.item).changes.append(fact)
        if "delta" in d:
            at(fact.item).money.append(Candidate(abs(d["delta"]), d["value"], metric, fact, "delta")) if unit_of(metric) == "usd_million" else None
        if "percent" in d:
            at(fact.item).percent.append((abs(d["percent"]), fact))
        return
    if fact.kind in ("level", "record") and "value" in d:
        money(fact.item, d["value"], metric, fact)
    if fact.kind == "record" and (d.get("since_value") is not None):
        money(fact.item, d["since_value"], metric, fact, "base", d["since"])
    if fact.kind == "record":
        at(fact.item).records.append(fact)
    if fact.kind == "change":
        money(fact.item, d.get("value"), metric, fact)
        money(fact.item, d.get("base_value"), metric, fact, "base", d["base_period"])
        if "delta" in d:
            if d.get("unit") == "pp":
                at(fact.item).points.append((abs(d["delta"]), fact))
            elif unit_of(metric) == "usd_million":
                at(fact.item).money.append(Candidate(abs(d["delta"]), d["value"], metric, fact, "delta"))
        at(fact.item).changes.append(fact)
        if "percent" in d:
            at(fact.item).percent.append((abs(d["percent"]), fact))
        # "more than tripled", "nearly doubled": the ratio of the two amounts of one sign.
        base, value = d.get("base_value"), d.get("value")
        if base and value is not None and unit_of(metric) == "usd_million" and (base > 0) == (value > 0):
            at(fact.item).multiple.append((abs(Decimal(value) / Decimal(base)), fact))
    if fact.kind == "multiple":
        money(fact.item, d["value"], metric, fact)
        money(fact.item, d["base_value"], metric, fact, "base", d["base_period"])
        at(fact.item).multiple.append((d["multiple"], fact))
    if fact.kind == "share":
        money(fact.item, d.get("value"), metric, fact)
        money(d["of"], d.get("total"), metric, fact)
        at(fact.item).percent.append((d["percent"], fact))
    if fact.kind == "rank":
        for member in d["members"]:
            money(member["item"], member["value"], metric, fact)
            if unit_of(metric) == "usd_million":
                at(member["item"]).percent.append((member["share"], fact))
    if fact.kind == "driver":
        at(fact.item).percent.append((d["share"], fact))
        if d["basis"] == "level":
            # "Games accounted for 90 percent of the content industry's surplus": the child's share too.
            at(d["child"]).percent.append((d["share"], fact))
            money(d["child"], d["child_value"], "balance", fact)
            for member in [*d["members"], *d["opposite"]]:
                money(member["item"], member["value"], "balance", fact)
        else:
            at(d["child"]).money.append(Candidate(abs(d["child_delta"]), d["child_value"], "balance", fact, "delta"))
