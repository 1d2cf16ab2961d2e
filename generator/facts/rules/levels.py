"""Levels: what each item recorded in the period (every metric; balances with their sign)."""

from __future__ import annotations

from ..context import Context, balance_sign
from ..model import Fact


def level(ctx: Context) -> list[Fact]:
    """One ``level`` fact per published cell of the period; balances carry their sign."""
    facts = []
    for item in ctx.items():
        for cell in ctx.cells_now(item.code):
            metric = ctx.metric(cell.metric)
            data = {"metric": cell.metric, "value": cell.value, "unit": metric.unit}
            if metric.kind == "balance":
                data["sign"] = balance_sign(cell.value)
            facts.append(Fact(
                id=f"level:{item.code}:{cell.metric}:{ctx.period}",
                kind="level", rule="level", item=item.code, period=str(ctx.period),
                data=data, sources=(cell.source(),),
            ))
    return facts
