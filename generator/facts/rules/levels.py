"""Levels: what each item recorded in the period (every metric; balances with their sign)."""

from __future__ import annotations

from ..context import Context, balance_sign
from ..model import Fact, new_fact


def level(ctx: Context) -> list[Fact]:
    """One ``level`` fact per published cell of the period; balances carry their sign."""
    facts = []
    get, period, text = ctx.get, ctx.period, ctx.period_text
    metrics = [(m.id, m.unit, m.kind == "balance") for m in ctx.metrics()]
    for item in ctx.items():
        code = item.code
        for metric, unit, balance in metrics:
            cell = get((code, period, metric))
            if cell is None:
                continue
            data = {"metric": metric, "value": cell.value, "unit": unit}
            if balance:
                data["sign"] = balance_sign(cell.value)
            facts.append(new_fact(f"level:{code}:{metric}:{text}", "level", "level", code, text, data, (cell.source(),)))
    return facts
