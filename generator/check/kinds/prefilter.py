"""A literal every match of a wording term must contain, so sentences without it are not scanned.

Python's regex engine skips ahead to a literal prefix only when the pattern starts with
one and is case-sensitive; our terms start with a word-boundary look-behind and are mostly
case-insensitive, so each was tried at every character of every sentence (most of the
wording lint's time on a long release). A substring test on the lowered sentence is far
cheaper and exact: a term with no safe literal, or a sentence holding one of the few
characters that case-fold onto ASCII letters, is simply scanned as before. The literals
are read from the parsed pattern, as for the data check's lexicon (``check.rx``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rx import FOLDS_TO_ASCII, required_literals

__all__ = ["FOLDS_TO_ASCII", "literals"]


@lru_cache(maxsize=None)
def literals(pattern: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    """Literals one of which every match of ``pattern`` contains, and whether they are lowered
    (for a case-insensitive pattern, to be looked for in the lowered sentence); None: scan every sentence."""
    found = required_literals(pattern.pattern, pattern.flags & (re.IGNORECASE | re.VERBOSE))
    return None if found is None else (found, bool(pattern.flags & re.IGNORECASE))
