"""What a rule sees: the dataset, the release config and the period, with shared computations.

Which facts a metric gets follows from its kind (DESIGN.md, "Metric kinds"): a flow,
level or index changes by a difference and a percent, a rate or contribution by
percentage points, a balance by a difference whose sign matters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from ..config import Metric, ReleaseConfig
from ..dataset import Cell, Dataset, Item
from ..lang.numbers import round_tenth
from ..periods import Period
from .model import Fact, new_fact

# Kinds whose change is measured in percentage points rather than in percent.
POINT_KINDS = ("rate", "contribution")


@dataclass(frozen=True)
class Context:
    """Inputs of every rule. Rules are pure: they read this and return facts."""

    dataset: Dataset
    config: ReleaseConfig
    period: Period
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Looked up tens of thousands of times per period: the figures' own dict.get, keyed
        # (item, period, metric) like Dataset.cell, without a Python call per look-up.
        object.__setattr__(self, "get", self.dataset.cell_lookup())
        object.__setattr__(self, "period_text", str(self.period))

    def threshold(self, name: str) -> Decimal:
        return self.config.thresholds[name]

    def items(self) -> Iterable[Item]:
        return self.dataset.items.values()

    def metrics(self) -> Iterable[Metric]:
        return self.config.metrics.values()

    def metric(self, metric_id: str) -> Metric:
        return self.config.metrics[metric_id]

    def cells_now(self, item: str) -> list[Cell]:
        """The item's published cells for the period, in metric order."""
        get, period = self.get, self.period
        cells = (get((item, period, m)) for m in self.config.metrics)
        return [c for c in cells if c is not None]

    def same_dimension_children(self, item: Item) -> list[Item]:
        """Children in the parent's own dimension (a category's sub-categories, a region's countries)."""
        return self.dataset.children_in(item.code, item.dimension)

    def dimension_members(self, dim_id: str, root: str) -> list[Item]:
        """The top-level items of a dimension: its items whose parent is the dimension's root."""
        return [c for c in self.dataset.children(root) if c.dimension == dim_id]

    def percent_metric(self, metric: str, basis: str) -> Metric | None:
        """The metric holding the publisher's own percent change of ``metric`` on ``basis``, if declared."""
        key = ("percent_metric", metric, basis)
        if key not in self._memo:
            self._memo[key] = next((m for m in self.config.metrics.values()
                                    if m.percent_of == metric and m.percent_basis == basis), None)
        return self._memo[key]

    def base_period(self, basis: str, period: Period | None = None) -> Period:
        period = period or self.period
        return period.previous() if basis == "previous_period" else period.year_ago()


def balance_sign(value: Decimal) -> str:
    return "surplus" if value > 0 else "deficit" if value < 0 else "balanced"


def balance_direction(base: Decimal, value: Decimal) -> str:
    """How a balance moved: widened / narrowed (in size), turned_surplus / turned_deficit, unchanged."""
    if value == base:
        return "unchanged"
    if base <= 0 < value:
        return "turned_surplus"
    if base >= 0 > value:
        return "turned_deficit"
    return "widened" if abs(value) > abs(base) else "narrowed"


def flow_direction(base: Decimal, value: Decimal) -> str:
    return "increased" if value > base else "decreased" if value < base else "unchanged"


def sign_direction(percent: Decimal) -> str:
    return "increased" if percent > 0 else "decreased" if percent < 0 else "unchanged"


def change_fact(ctx: Context, rule: str, item: str, metric: str, base_period: Period, basis: str,
                period: Period | None = None) -> Fact | None:
    """A ``change`` fact between a period (default: the context's) and ``base_period``.

    Uses the publisher's own percent where the data has it (``percent_source:
    published``), else computes it from the printed levels. A change the publisher
    gives only as a percent (no levels) is still a change: its direction is the
    percent's sign. None when neither levels nor a published percent exist.
    """
    fact = shared_change(ctx, rule, item, metric, base_period, basis, period)
    if fact is None or fact.rule == rule:
        return fact
    return new_fact(fact.id, fact.kind, rule, fact.item, fact.period, fact.data, fact.sources)


def shared_change(ctx: Context, rule: str, item: str, metric: str, base_period: Period, basis: str,
                  period: Period | None = None) -> Fact | None:
    """The same change as ``change_fact``, but its ``rule`` is whichever rule asked first.

    For rules that read a change's figures and sources to build facts of their own
    (drivers, composition, year-to-date totals) and never return the change itself.
    """
    period = period or ctx.period
    # The same change is asked for by several rules (change-previous, driver-change,
    # composition, every streak condition of a metric, multiple via change-long-run):
    # a profile of the synthetic release counted 15,598 calls for 6,000 distinct
    # changes. The context lives for one derivation over one dataset, so the memo
    # cannot outlive its inputs.
    key = ("change", item, metric, base_period, basis, period)
    memo = ctx._memo
    if key in memo:
        return memo[key]
    fact = memo[key] = _change_fact(ctx, rule, item, metric, base_period, basis, period)
    return fact


def changes(ctx: Context, rule: str, metrics: list[str], base_period: Period, basis: str) -> list[Fact]:
    """``change_fact(ctx, rule, item, metric, base_period, basis)`` for every item, then metric,
    in that order, without the Nones: the same facts, the same memo entries.

    The change rules ask for every item and metric (14,000 times a month of the synthetic
    monthly release, four in five with no change): three Python calls each, before a
    look-up found no cell, are spared.
    """
    memo, get, period = ctx._memo, ctx.get, ctx.period
    infos = [(metric, _metric_basis(ctx, metric, basis)) for metric in metrics]
    found = []
    for item in ctx.items():
        code = item.code
        for metric, info in infos:
            key = ("change", code, metric, base_period, basis, period)
            fact = memo.get(key, _MISSING)
            if fact is _MISSING:
                if info[2] is None and get((code, period, metric)) is None:
                    fact = memo[key] = None  # what _change_fact finds: no level and no published percent
                else:
                    fact = memo[key] = _change_fact(ctx, rule, code, metric, base_period, basis, period, info)
            if fact is None:
                continue
            if fact.rule != rule:
                fact = new_fact(fact.id, fact.kind, rule, fact.item, fact.period, fact.data, fact.sources)
            found.append(fact)
    return found


def change_direction(ctx: Context, item: str, metric: str, base_period: Period, basis: str, period: Period) -> str | None:
    """``change_fact(...).direction`` (None where there is no change), without building the fact.

    Streaks test the direction of every period back along a run; only the context's own
    period needs the whole fact. The branches mirror ``_change_fact``'s (tests compare
    the two on every item, metric and period of the bundled and synthetic releases).
    """
    fact = ctx._memo.get(("change", item, metric, base_period, basis, period), _MISSING)
    if fact is not _MISSING:
        return None if fact is None else fact.data["direction"]
    kind = ctx.metric(metric).kind
    get = ctx.get
    now = get((item, period, metric))
    base = get((item, base_period, metric))
    if kind == "balance":
        return None if now is None or base is None else balance_direction(base.value, now.value)
    if kind in POINT_KINDS:
        return None if now is None or base is None else flow_direction(base.value, now.value)
    pct_metric = ctx.percent_metric(metric, basis)
    published = get((item, period, pct_metric.id)) if pct_metric is not None else None
    if published is not None:
        return sign_direction(published.value)
    return None if now is None or base is None else flow_direction(base.value, now.value)


_MISSING = object()
_TENTH = Decimal("0.1")


def _tenth(value: Decimal) -> Decimal:
    """``round_tenth`` of a quotient of two finite Decimals (so finite, and a Decimal): its one ``quantize``."""
    result = value.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return result if result else abs(result)


def _metric_basis(ctx: Context, metric: str, basis: str) -> tuple[str, str, str | None]:
    """A metric's kind, the unit of its change, and the id of its published percent on ``basis`` (None if none)."""
    key = ("metric-basis", metric, basis)
    found = ctx._memo.get(key)
    if found is None:
        info = ctx.metric(metric)
        point = info.kind in POINT_KINDS
        pct = None if point else ctx.percent_metric(metric, basis)
        found = ctx._memo[key] = (info.kind, "pp" if point else info.unit, pct.id if pct is not None else None)
    return found


def _change_fact(ctx: Context, rule: str, item: str, metric: str, base_period: Period, basis: str,
                 period: Period, info: tuple[str, str, str | None] | None = None) -> Fact | None:
    kind, unit, percent_id = info or _metric_basis(ctx, metric, basis)
    get = ctx.get
    now = get((item, period, metric))
    base = get((item, base_period, metric))
    published = get((item, period, percent_id)) if percent_id is not None else None
    if (now is None or base is None) and published is None:
        return None
    base_text = str(base_period)
    if published is None:
        # Both levels and no published percent, the common case (6,900 of 7,524 changes of a
        # synthetic period): the general code below, with the dict built in one go.
        value, base_value = now.value, base.value
        if kind == "balance":
            sign = "surplus" if value > 0 else "deficit" if value < 0 else "balanced"
            base_sign = "surplus" if base_value > 0 else "deficit" if base_value < 0 else "balanced"
            data = {"metric": metric, "basis": basis, "base_period": base_text, "value": value, "base_value": base_value,
                    "delta": value - base_value, "unit": unit, "direction": balance_direction(base_value, value),
                    "sign": sign, "base_sign": base_sign}
            if value * base_value > 0:
                data["percent"] = _tenth((abs(value) - abs(base_value)) * 100 / abs(base_value))
                data["percent_source"] = "computed"
        else:
            direction = "increased" if value > base_value else "decreased" if value < base_value else "unchanged"
            data = {"metric": metric, "basis": basis, "base_period": base_text, "value": value, "base_value": base_value,
                    "delta": value - base_value, "unit": unit, "direction": direction}
            if kind not in POINT_KINDS and base_value > 0:
                data["percent"] = _tenth((value - base_value) * 100 / base_value)
                data["percent_source"] = "computed"
        data["from_rounded"] = True
        period_text = ctx.period_text if period is ctx.period else str(period)
        return new_fact(f"change:{item}:{metric}:{basis}:{base_text}:{period_text}", "change", rule, item, period_text,
                        data, (now.source(), base.source()))
    data: dict = {"metric": metric, "basis": basis, "base_period": base_text}
    sources: list[dict] = []
    if now is not None:
        data["value"] = now.value
        sources.append(now.source())
    if base is not None:
        data["base_value"] = base.value
        sources.append(base.source())
    if now is not None and base is not None:
        data["delta"] = now.value - base.value
        data["unit"] = unit
    if kind == "balance":
        if now is None or base is None:
            return None  # a balance's change needs both levels
        data["direction"] = balance_direction(base.value, now.value)
        data["sign"] = balance_sign(now.value)
        data["base_sign"] = balance_sign(base.value)
        if now.value * base.value > 0:
            # "the surplus grew 53 percent": the change of the balance's size, same sign only.
            data["percent"] = round_tenth((abs(now.value) - abs(base.value)) * 100 / abs(base.value))
            data["percent_source"] = "computed"
    elif kind in POINT_KINDS:
        if now is None or base is None:
            return None
        data["direction"] = flow_direction(base.value, now.value)
    else:
        computed = None
        if now is not None and base is not None and base.value > 0:
            computed = round_tenth((now.value - base.value) * 100 / base.value)
        if published is not None:
            data["percent"] = published.value
            data["percent_source"] = "published"
            data["percent_metric"] = published.metric
            sources.append(published.source())
            # The publisher's percent decides the direction: it is measured on its own
            # (revised, unrounded) figures, which printed levels may not show.
            data["direction"] = sign_direction(published.value)
            if computed is not None and computed != published.value:
                data["percent_computed"] = computed
        else:
            data["direction"] = flow_direction(base.value, now.value)
            if computed is not None:
                data["percent"] = computed
                data["percent_source"] = "computed"
    if "delta" in data:
        # Both figures are published rounded, so the change can be one unit off the publisher's own.
        data["from_rounded"] = True
    period_text = ctx.period_text if period is ctx.period else str(period)
    return new_fact(f"change:{item}:{metric}:{basis}:{base_text}:{period_text}", "change", rule, item, period_text,
                    data, tuple(sources))
