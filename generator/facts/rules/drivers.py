"""Drivers and composition: which child leads a parent's level or change, and what offset what."""

from __future__ import annotations

from ..context import Context, balance_direction, balance_sign, round_tenth, shared_change
from ..model import Fact, new_fact


def _balances(ctx: Context) -> list[str]:
    return [m.id for m in ctx.metrics() if m.kind == "balance" and not m.derived]


def driver_level(ctx: Context) -> list[Fact]:
    """The child carrying at least ``driver_min_share`` of its parent's balance, same sign.

    Children of the parent's own dimension only (a category's sub-categories), listed
    with the other children of the same sign (``members``) and of the opposite sign
    (``opposite``), largest first.
    """
    minimum = ctx.threshold("driver_min_share")
    get, period = ctx.get, ctx.period
    facts = []
    for item, metric in ((i, m) for m in _balances(ctx) for i in ctx.items()):
        parent = get((item.code, period, metric))
        if parent is None or parent.value == 0:
            continue
        kids = [c for child in ctx.same_dimension_children(item) if (c := get((child.code, period, metric))) is not None]
        same = sorted((c for c in kids if c.value * parent.value > 0), key=lambda c: -abs(c.value))
        if not same or abs(same[0].value) < minimum * abs(parent.value):
            continue
        opposite = sorted((c for c in kids if c.value * parent.value < 0), key=lambda c: -abs(c.value))
        facts.append(new_fact(
            id=f"driver:{item.code}:{metric}:level:{ctx.period}",
            kind="driver", rule="driver-level", item=item.code, period=str(ctx.period),
            data={"metric": metric, "basis": "level", "value": parent.value, "sign": balance_sign(parent.value),
                  "child": same[0].item, "child_value": same[0].value,
                  "share": round_tenth(abs(same[0].value) * 100 / abs(parent.value)),
                  "members": [{"item": c.item, "value": c.value} for c in same],
                  "opposite": [{"item": c.item, "value": c.value} for c in opposite]},
            sources=(parent.source(), *(c.source() for c in same), *(c.source() for c in opposite)),
        ))
    return facts


def driver_change(ctx: Context) -> list[Fact]:
    """The child whose change carries at least ``driver_min_share`` of its parent's change (previous period)."""
    minimum = ctx.threshold("driver_min_share")
    base = ctx.period.previous()
    facts = []
    for item, metric in ((i, m) for m in _balances(ctx) for i in ctx.items()):
        parent = shared_change(ctx, "driver-change", item.code, metric, base, "previous_period")
        if parent is None or parent.data["delta"] == 0:
            continue
        kids = [f for child in ctx.same_dimension_children(item)
                if (f := shared_change(ctx, "driver-change", child.code, metric, base, "previous_period"))]
        same = sorted((k for k in kids if k.data["delta"] * parent.data["delta"] > 0), key=lambda k: -abs(k.data["delta"]))
        if not same or abs(same[0].delta) < minimum * abs(parent.data["delta"]):
            continue
        top = same[0]
        facts.append(new_fact(
            id=f"driver:{item.code}:{metric}:change:{base}:{ctx.period}",
            kind="driver", rule="driver-change", item=item.code, period=str(ctx.period),
            data={"metric": metric, "basis": "previous_period", "base_period": str(base),
                  "delta": parent.data["delta"], "direction": parent.direction,
                  "child": top.item, "child_delta": top.delta, "child_direction": top.direction,
                  "child_value": top.value, "child_base_value": top.base_value,
                  "share": round_tenth(abs(top.delta) * 100 / abs(parent.data["delta"]))},
            sources=(*parent.sources, *top.sources),
        ))
    return facts


def composition(ctx: Context) -> list[Fact]:
    """A parent's balance change against the previous period, split into children pulling each way.

    Fires only when children moved both ways and the side moving with the parent
    outweighs the other ("the surplus grew, but the deficits grew more").
    """
    base = ctx.period.previous()
    facts = []
    for item, metric in ((i, m) for m in _balances(ctx) for i in ctx.items()):
        parent = shared_change(ctx, "composition", item.code, metric, base, "previous_period")
        if parent is None or parent.data["delta"] == 0:
            continue
        groups: dict[str, list] = {}
        for child in ctx.dataset.children(item.code):
            groups.setdefault(child.dimension, []).append(child)
        for dimension, children in groups.items():
            moves = [f for child in children
                     if (f := shared_change(ctx, "composition", child.code, metric, base, "previous_period"))]
            with_ = [m for m in moves if m.data["delta"] * parent.data["delta"] > 0]
            against = [m for m in moves if m.data["delta"] * parent.data["delta"] < 0]
            if not with_ or not against:
                continue
            pull = sum(m.data["delta"] for m in with_)
            # "X widened even more" compares items, not sums: it holds item by item only
            # when the smallest move named on the winning side beats the largest on the
            # other; otherwise the sentence may only say the items moved more together.
            each = min(abs(m.data["delta"]) for m in with_) > max(abs(m.data["delta"]) for m in against)
            push = sum(m.data["delta"] for m in against)
            if abs(pull) <= abs(push):
                continue

            def part(m: Fact) -> dict:
                return {"item": m.item, "value": m.value, "base_value": m.base_value, "delta": m.data["delta"],
                        "direction": m.direction, "sign": balance_sign(m.value)}

            facts.append(new_fact(
                id=f"composition:{item.code}:{dimension}:{base}:{ctx.period}",
                kind="composition", rule="composition", item=item.code, period=str(ctx.period),
                data={"metric": metric, "basis": "previous_period", "base_period": str(base), "dimension": dimension,
                      "delta": parent.data["delta"], "direction": parent.direction,
                      "sign": balance_sign(parent.value),
                      "with": [part(m) for m in sorted(with_, key=lambda m: -abs(m.data["delta"]))],
                      "against": [part(m) for m in sorted(against, key=lambda m: -abs(m.data["delta"]))],
                      "with_delta": pull, "against_delta": push, "each": each},
                sources=(*parent.sources, *(s for m in moves for s in m.sources)),
            ))
    return facts


__all__ = ["driver_level", "driver_change", "composition", "balance_direction"]
