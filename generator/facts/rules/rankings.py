"""Rankings: the main surplus and deficit contributors of each dimension, and shares of a total."""

from __future__ import annotations

from decimal import Decimal

from ..context import Context, round_half_up
from ..model import Fact

SHARE_STEP = Decimal("0.1")


def rank(ctx: Context) -> list[Fact]:
    """For each dimension and side (surplus, deficit): its items in order of size.

    ``main`` holds the leading items that together make up ``main_contributor_share``
    of that side; ``only`` marks a side with a single published item.
    """
    cutoff = ctx.threshold("main_contributor_share")
    facts = []
    for dim in ctx.config.dimensions:
        cells = [c for item in ctx.dimension_members(dim.id, dim.root)
                 if (c := ctx.dataset.cell(item.code, ctx.period, "balance")) is not None]
        for extreme, sense in (("surplus", 1), ("deficit", -1)):
            side = sorted((c for c in cells if c.value * sense > 0), key=lambda c: -abs(c.value))
            if not side:
                continue
            total = sum(abs(c.value) for c in side)
            members, main, running = [], [], Decimal(0)
            for cell in side:
                share = round_half_up(abs(cell.value) * 100 / total, SHARE_STEP)
                members.append({"item": cell.item, "value": cell.value, "share": share})
                if running < cutoff * total:
                    main.append(cell.item)
                running += abs(cell.value)
            facts.append(Fact(
                id=f"rank:{dim.id}:{extreme}:{ctx.period}",
                kind="rank", rule="rank", item=dim.root, period=str(ctx.period),
                data={"metric": "balance", "dimension": dim.id, "extreme": extreme, "members": members,
                      "main": main, "only": len(side) == 1, "special": dim.special},
                sources=tuple(c.source() for c in side),
            ))
    return facts


def share(ctx: Context) -> list[Fact]:
    """Exports or imports of an item as a share of its parent's (``share_min_percent`` and up)."""
    minimum = ctx.threshold("share_min_percent")
    facts = []
    for item in ctx.items():
        if not item.parent:
            continue
        for metric in ("exports", "imports"):
            part = ctx.dataset.cell(item.code, ctx.period, metric)
            whole = ctx.dataset.cell(item.parent, ctx.period, metric)
            # A part larger than its whole means the figures are not a breakdown of it: no share.
            if part is None or whole is None or whole.value <= 0 or part.value < 0 or part.value > whole.value:
                continue
            percent = round_half_up(part.value * 100 / whole.value, SHARE_STEP)
            if percent < minimum:
                continue
            facts.append(Fact(
                id=f"share:{item.code}:{metric}:{ctx.period}",
                kind="share", rule="share", item=item.code, period=str(ctx.period),
                data={"metric": metric, "of": item.parent, "value": part.value, "total": whole.value, "percent": percent},
                sources=(part.source(), whole.source()),
            ))
    return facts
