"""Compiled patterns by source, for the check's many lexicon and inline patterns.

``re.search(pattern, text, re.IGNORECASE)`` looks the pattern up in ``re``'s own cache on every
call, reading the flag enum's value each time; on a long release that look-up was about a tenth
of the agreement check (cProfile: 17,661 ``re._compile`` calls per 100 KB). A plain dict keyed
by the source and an int flag is several times cheaper.
"""

from __future__ import annotations

import re

I = int(re.IGNORECASE)
_COMPILED: dict[tuple[str, int], re.Pattern] = {}


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled with ``flags`` (``I`` for IGNORECASE), once per process."""
    try:
        return _COMPILED[pattern, flags]
    except KeyError:
        if len(_COMPILED) > 10_000:  # patterns built from words: bounded, but never unbounded
            _COMPILED.clear()
        compiled = _COMPILED[pattern, flags] = re.compile(pattern, flags)
        return compiled


_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_ANY: dict[tuple[tuple[str, ...], int], re.Pattern | None] = {}


def rx_any(patterns: tuple[str, ...], flags: int = 0) -> re.Pattern | None:
    """One pattern that matches somewhere in a text exactly when one of ``patterns`` does, to skip
    a loop over a lexicon for the many texts that hold none of its words; None when the patterns
    cannot be joined (a back-reference, which joining would renumber)."""
    key = (patterns, flags)
    if key not in _ANY:
        if any("(?P=" in p or re.search(r"\\[1-9]", p) for p in patterns):
            _ANY[key] = None
        else:
            # Group names would clash when joined; the groups themselves stay, as plain groups.
            joined = "|".join(f"(?:{_GROUP_NAME.sub('(', p)})" for p in patterns)
            _ANY[key] = re.compile(joined, flags) if patterns else re.compile(r"(?!)")
    return _ANY[key]


def holds_any(patterns: tuple[str, ...], text: str, flags: int = 0) -> bool:
    """Whether one of ``patterns`` matches somewhere in ``text`` (True when that cannot be told cheaply)."""
    joined = rx_any(patterns, flags)
    return joined is None or joined.search(text) is not None
