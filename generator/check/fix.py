"""``check --fix``: rewrite a wrong figure in the text's own style, when the data gives exactly one right value.

Contract with the data rules (``agreement.py``): a ``data.number`` finding whose sentence
names its item, metric and base without ambiguity carries a ``suggestion`` — the figure as
written, with the right value — built by ``restyle``.
"""

from __future__ import annotations

from decimal import Decimal


def restyle(written: str, lang: str, value: Decimal, unit: str = "usd_million") -> str | None:
    """``written`` (a figure as it stands in the text) with ``value`` instead, in the same style and precision.

    "$4.53 billion" → "$4.35 billion"; "45억 3천만 달러" keeps its spaces and 천; "1.4 billion"
    keeps one decimal. None when the style cannot be kept (then no fix is offered).
    """
    return None
