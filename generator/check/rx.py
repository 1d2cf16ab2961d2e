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
