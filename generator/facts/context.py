"""What a rule sees: the dataset, the release config and the period, with shared computations."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..config import ReleaseConfig
from ..dataset import METRICS, Cell, Dataset, Item
from ..lang.numbers import round_half_up
from ..periods import Period
from .model import Fact

PERCENT_STEP = Decimal("0.1")


@dataclass(frozen=True)
class Context:
    """Inputs of every rule. Rules are pure: they read this and return facts."""

    dataset: Dataset
    config: ReleaseConfig
    period: Period

    def threshold(self, name: str) -> Decimal:
        return self.config.thresholds[name]

    def items(self) -> Iterable[Item]:
        return self.dataset.items.values()

    def cells_now(self, item: str) -> list[Cell]:
        """The item's published cells for the period, in metric order."""
        cells = (self.dataset.cell(item, self.period, m) for m in METRICS)
        return [c for c in cells if c is not None]

    def same_dimension_children(self, item: Item) -> list[Item]:
        """Children in the parent's own dimension (a category's sub-categories, a region's countries)."""
        return [c for c in self.dataset.children(item.code) if c.dimension == item.dimension]

    def dimension_members(self, dim_id: str, root: str) -> list[Item]:
        """The top-level items of a dimension: its items whose parent is the dimension's root."""
        return [c for c in self.dataset.children(root) if c.dimension == dim_id]


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


def change_fact(ctx: Context, rule: str, item: str, metric: str, base_period: Period, basis: str) -> Fact | None:
    """A ``change`` fact between the period and ``base_period``, or None if either cell is missing."""
    now = ctx.dataset.cell(item, ctx.period, metric)
    base = ctx.dataset.cell(item, base_period, metric)
    if now is None or base is None:
        return None
    delta = now.value - base.value
    data: dict = {
        "metric": metric,
        "basis": basis,
        "base_period": str(base_period),
        "value": now.value,
        "base_value": base.value,
        "delta": delta,
    }
    if metric == "balance":
        data["direction"] = balance_direction(base.value, now.value)
        data["sign"] = balance_sign(now.value)
        data["base_sign"] = balance_sign(base.value)
    else:
        data["direction"] = flow_direction(base.value, now.value)
        if base.value > 0:
            data["percent"] = round_half_up(delta * 100 / base.value, PERCENT_STEP)
    # Both figures are published rounded, so the change can be one unit off the publisher's own.
    data["from_rounded"] = True
    return Fact(
        id=f"change:{item}:{metric}:{basis}:{base_period}:{ctx.period}",
        kind="change",
        rule=rule,
        item=item,
        period=str(ctx.period),
        data=data,
        sources=(now.source(), base.source()),
    )
