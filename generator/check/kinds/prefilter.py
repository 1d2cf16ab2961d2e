"""A literal every match of a wording term must contain, so sentences without it are not scanned.

Python's regex engine skips ahead to a literal prefix only when the pattern starts with
one and is case-sensitive; our terms start with a word-boundary look-behind and are mostly
case-insensitive, so each was tried at every character of every sentence (most of the
wording lint's time on a long release). A substring test on the lowered sentence is far
cheaper and exact: a term with no safe literal, or a sentence holding one of the few
characters that case-fold onto ASCII letters, is simply scanned as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The boundary forms ``compile_term`` wraps terms in, and look-behinds written in terms.
_LEADING = re.compile(r"\(\?:\(\?<!\\w\)\|\(\?=\\W\)\)|\(\?<[!=](?:[^()\\]|\\.)*\)")
_SPECIAL = frozenset("()[]{}\\.^$*+?|")
_QUANTIFIERS = frozenset("?*{")
# More alternatives than this and a class ends the literal (each costs one substring test).
_MAX_PREFIXES = 8
# Characters that IGNORECASE matches to an ASCII letter while ``str.lower`` does not map them to
# it (İ, dotless ı, long ſ, the Kelvin sign): a sentence holding one is scanned (see the test).
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def _alternatives(source: str) -> list[str] | None:
    """The top-level ``|`` branches of ``source``, or None when its brackets do not balance."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if source[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return None if depth or in_class else [*parts, source[start:]]


def _group_end(source: str) -> int | None:
    """Index just past the group that opens ``source`` with ``(?:``, or None."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _leading(source: str) -> tuple[str, ...] | None:
    """Literals one of which every match of ``source`` contains, or None if none is sure."""
    while True:
        m = _LEADING.match(source)
        if not m:
            break
        source = source[m.end():]
    branches = _alternatives(source)
    if branches is None:
        return None
    if len(branches) > 1:
        found = [_leading(b) for b in branches]
        return None if any(f is None for f in found) else tuple(x for f in found for x in f)
    if source.startswith("(?:"):
        end = _group_end(source)
        if end is None or source[end:end + 1] in _QUANTIFIERS:
            return None
        return _leading(source[3:end - 1])
    # The longest run of atoms at the start: literal characters, escaped punctuation, and
    # small classes ([12]H gives 1H and 2H). An atom a quantifier may repeat zero times ends it.
    prefixes, i = [""], 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source) and not source[i + 1].isalnum():
            options, width = (source[i + 1],), 2
        elif c == "[":
            close = source.find("]", i + 1)
            members = source[i + 1:close] if close > i + 1 else ""
            if not members or any(x in _SPECIAL or x in "^-" for x in members) or len(members) * len(prefixes) > _MAX_PREFIXES:
                break
            options, width = tuple(members), close - i + 1
        elif c in _SPECIAL:
            break
        else:
            options, width = (c,), 1
        after = source[i + width:i + width + 1]
        if after in _QUANTIFIERS and not re.match(r"\{[1-9]", source[i + width:]):
            break
        prefixes = [p + o for p in prefixes for o in options]
        i += width
    return tuple(prefixes) if prefixes != [""] else None


@lru_cache(maxsize=None)
def literals(pattern: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    """Literals one of which every match of ``pattern`` contains, and whether they are lowered
    (for a case-insensitive pattern, to be looked for in the lowered sentence); None: scan every sentence."""
    if pattern.flags & re.VERBOSE:
        return None
    found = _leading(pattern.pattern)
    if not found or any(not x for x in found):
        return None
    if not pattern.flags & re.IGNORECASE:
        return found, False
    if not all(c.isascii() or c.lower() == c.upper() for x in found for c in x):
        return None
    return tuple(x.lower() for x in found), True
