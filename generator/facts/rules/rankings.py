"""Rankings: the main contributors of each dimension on any metric, and shares of a total."""

from __future__ import annotations

from decimal import Decimal

from ..context import Context, round_tenth
from ..model import Fact, new_fact


def rank(ctx: Context) -> list[Fact]:
    """For each dimension and metric: its members in order.

    Balances rank each side (surplus, deficit) by size; ``main`` holds the leading items
    that together make up ``main_contributor_share`` of that side, ``only`` marks a side
    with a single published item. Other metrics rank members by value, largest first
    (``extreme: largest``), with ``main`` the leaders making up that share of the members' sum.

    With ``main_contributor_min_share`` set, ``main`` is instead the leader plus every item
    carrying at least that share of its side on its own, so a distant runner-up (510 beside
    930) is never named just because the cumulative cut-off had not been reached yet; the
    same test applies every period. ``main_contributor_max`` caps the names per side.
    """
    cutoff = ctx.threshold("main_contributor_share")
    own_min = ctx.threshold("main_contributor_min_share")
    most = int(ctx.threshold("main_contributor_max"))
    facts = []
    for dim in ctx.config.dimensions:
        members_of = ctx.dimension_members(dim.id, dim.root)
        for metric in ctx.metrics():
            if metric.derived and not metric.percent_of:
                continue
            cells = [c for item in members_of if (c := ctx.dataset.cell(item.code, ctx.period, metric.id)) is not None]
            if not cells:
                continue
            sides = (("surplus", 1), ("deficit", -1)) if metric.kind == "balance" else (("largest", 0),)
            for extreme, sense in sides:
                if sense:
                    side = sorted((c for c in cells if c.value * sense > 0), key=lambda c: -abs(c.value))
                else:
                    if len(cells) < 2:
                        continue
                    side = sorted(cells, key=lambda c: -c.value)
                if not side:
                    continue
                total = sum(abs(c.value) for c in side)
                members, main, running = [], [], Decimal(0)
                for cell in side:
                    share = round_tenth(abs(cell.value) * 100 / total) if total else Decimal(0)
                    members.append({"item": cell.item, "value": cell.value, "share": share})
                    if own_min:
                        named = not main or abs(cell.value) >= own_min * total
                    else:
                        named = running < cutoff * total
                    if named and (not most or len(main) < most):
                        main.append(cell.item)
                    running += abs(cell.value)
                suffix = extreme if metric.kind == "balance" else f"{metric.id}:{extreme}"
                facts.append(new_fact(
                    id=f"rank:{dim.id}:{suffix}:{ctx.period}",
                    kind="rank", rule="rank", item=dim.root, period=str(ctx.period),
                    data={"metric": metric.id, "dimension": dim.id, "extreme": extreme, "members": members,
                          "main": main, "only": len(side) == 1, "special": dim.special},
                    sources=tuple(c.source() for c in side),
                ))
    return facts


def share(ctx: Context) -> list[Fact]:
    """A flow of an item as a share of its parent's (``share_min_percent`` and up), or the publisher's own share."""
    minimum = ctx.threshold("share_min_percent")
    facts = []
    published = [m for m in ctx.metrics() if m.share_of]
    stated: set[tuple[str, str]] = set()
    for item in ctx.items():
        for metric in published:
            cell = ctx.dataset.cell(item.code, ctx.period, metric.id)
            if cell is None:
                continue
            part = ctx.dataset.cell(item.code, ctx.period, metric.share_of)
            whole = ctx.dataset.cell(ctx.config.total, ctx.period, metric.share_of)
            stated.add((item.code, metric.share_of))
            facts.append(new_fact(
                id=f"share:{item.code}:{metric.share_of}:{ctx.period}",
                kind="share", rule="share", item=item.code, period=str(ctx.period),
                data={"metric": metric.share_of, "of": ctx.config.total, "percent": cell.value, "percent_source": "published",
                      **({"value": part.value} if part else {}), **({"total": whole.value} if whole else {})},
                sources=tuple(c.source() for c in (cell, part, whole) if c is not None),
            ))
        if not item.parent:
            continue
        for metric in ctx.metrics():
            if metric.kind != "flow" or metric.derived:
                continue
            if (item.code, metric.id) in stated:
                continue  # the publisher's own share is stated instead
            part = ctx.dataset.cell(item.code, ctx.period, metric.id)
            whole = ctx.dataset.cell(item.parent, ctx.period, metric.id)
            # A part larger than its whole means the figures are not a breakdown of it: no share.
            if part is None or whole is None or whole.value <= 0 or part.value < 0 or part.value > whole.value:
                continue
            percent = round_tenth(part.value * 100 / whole.value)
            if percent < minimum:
                continue
            facts.append(new_fact(
                id=f"share:{item.code}:{metric.id}:{ctx.period}",
                kind="share", rule="share", item=item.code, period=str(ctx.period),
                data={"metric": metric.id, "of": item.parent, "value": part.value, "total": whole.value, "percent": percent},
                sources=(part.source(), whole.source()),
            ))
    return facts
