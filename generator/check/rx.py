"""Compiled patterns by source, for the check's many lexicon and inline patterns.

``re.search(pattern, text, re.IGNORECASE)`` looks the pattern up in ``re``'s own cache on every
call, reading the flag enum's value each time; on a long release that look-up was about a tenth
of the agreement check (cProfile: 17,661 ``re._compile`` calls per 100 KB). A plain dict keyed
by the source and an int flag is several times cheaper.
"""

from __future__ import annotations

import re


I = int(re.IGNORECASE)
# Characters that IGNORECASE matches to an ASCII letter while ``str.lower`` does not map them to
# it (İ, dotless ı, long ſ, the Kelvin sign): a text holding one is scanned, never skipped.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
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


def holds_any(patterns: tuple[str, ...], text: str, flags: int = 0, lowered: str | None = None) -> bool:
    """Whether one of ``patterns`` matches somewhere in ``text`` (True when that cannot be told cheaply).

    A text holding none of the literals the patterns' matches must contain is answered with a
    substring test: the joined pattern, whose branches start with ``\\b\\w+``, is tried at every
    character (a sixth of the agreement check of a long release went to it).
    """
    try:
        joined, needed = _PLANS[patterns, flags]
    except KeyError:
        joined, needed = _plan(patterns, flags)
    if joined is None:
        return True
    if needed is not None and not _holds_literal(needed, text, flags, lowered):
        return False
    return joined.search(text) is not None


def may_hold(patterns: tuple[str, ...], text: str, flags: int = 0) -> bool:
    """False only when ``text`` lacks every literal the matches of ``patterns`` must contain: for
    callers that go on to try each pattern anyway, where ``holds_any``'s joined search would be
    done twice."""
    try:
        needed = _PLANS[patterns, flags][1]
    except KeyError:
        needed = _plan(patterns, flags)[1]
    return needed is None or _holds_literal(needed, text, flags, None)


def may_match(pattern: str, text: str, flags: int = 0, lowered: str | None = None) -> bool:
    """False only when ``text`` lacks every literal a match of ``pattern`` must contain (so the
    pattern cannot match there); ``lowered`` is ``text.lower()`` when the caller has it."""
    try:
        needed = _MAY[pattern, flags]
    except KeyError:
        needed = _MAY[pattern, flags] = _needed((pattern,), flags)
    return needed is None or _holds_literal(needed, text, flags, lowered)


def present(patterns: tuple[str, ...], text: str, flags: int = 0) -> tuple[str, ...]:
    """Those of ``patterns`` that may match in ``text``, in their order: a pattern whose required
    literals are all absent cannot match anywhere, so leaving it out of an alternation changes
    none of the alternation's matches (at each position the first alternative that matches wins,
    and it never would)."""
    try:
        plans = _PRESENT[patterns, flags]
    except KeyError:
        plans = _PRESENT[patterns, flags] = tuple((p, _needed((p,), flags)) for p in patterns)
    if flags & I:
        if not text.isascii() and _FOLDS.search(text) is not None:
            return patterns
        text = text.lower()
    kept = []
    for pattern, needed in plans:  # plain loops: generators here cost more than the tests
        if needed is None:
            kept.append(pattern)
            continue
        for literal in needed:
            if literal in text:
                kept.append(pattern)
                break
    return tuple(kept)


_PRESENT: dict[tuple[tuple[str, ...], int], tuple[tuple[str, tuple[str, ...] | None], ...]] = {}
_FOLDS = re.compile("[" + "".join(sorted(FOLDS_TO_ASCII)) + "]")
_PLANS: dict[tuple[tuple[str, ...], int], tuple[re.Pattern | None, tuple[str, ...] | None]] = {}
_MAY: dict[tuple[str, int], tuple[str, ...] | None] = {}


def _holds_literal(needed: tuple[str, ...], text: str, flags: int, lowered: str | None) -> bool:
    """Whether ``text`` holds one of ``needed`` (lowered literals under IGNORECASE; a text with a
    character that folds to ASCII only in ``re`` is answered yes). Profiled: the test for those
    characters as a set walk over the text cost more than the rest of the shortcut; ``isascii``
    and one scan in C do not."""
    if flags & I:
        if not text.isascii() and _FOLDS.search(text) is not None:
            return True
        text = lowered if lowered is not None else text.lower()
    for literal in needed:  # a plain loop: a generator per call cost more than the tests
        if literal in text:
            return True
    return False


def _plan(patterns: tuple[str, ...], flags: int) -> tuple[re.Pattern | None, tuple[str, ...] | None]:
    _PLANS[patterns, flags] = plan = (rx_any(patterns, flags), _needed(patterns, flags))
    return plan


_NEEDED: dict[tuple[tuple[str, ...], int], tuple[str, ...] | None] = {}


def _needed(patterns: tuple[str, ...], flags: int) -> tuple[str, ...] | None:
    key = (patterns, flags)
    if key not in _NEEDED:
        found = [required_literals(p, flags) for p in patterns]
        _NEEDED[key] = None if any(f is None for f in found) else tuple(dict.fromkeys(x for f in found for x in f))
    return _NEEDED[key]


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains (lowered when ``flags`` has
    IGNORECASE), or None when no such literal is sure: read from the parsed pattern, so a
    mandatory word anywhere counts ("\\w+ straight month" needs "straight")."""
    try:
        from re import _constants as c, _parser
        parsed = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - another Python's internals, or a pattern re rejects: no shortcut
        return None
    if parsed.state.flags & (re.VERBOSE | re.LOCALE) or (parsed.state.flags & re.IGNORECASE) != (flags & re.IGNORECASE):
        return None  # inline flags at the start change how literals compare
    found = _required(parsed.data, c)
    if not found or not all(found):
        return None
    if flags & re.IGNORECASE:
        if not all(ch.isascii() or ch.lower() == ch.upper() for x in found for ch in x):
            return None
        return tuple(x.lower() for x in found)
    return found


def _required(items, c) -> tuple[str, ...] | None:
    best: list = [None]

    def consider(options) -> None:
        if options and all(options) and (best[0] is None or min(map(len, options)) > min(map(len, best[0]))):
            best[0] = tuple(options)

    # The run of literal characters and small classes being read, as its alternatives
    # ([12]H gives 1H and 2H); anything else ends it.
    run: list[str] = [""]
    for op, av in items:
        if op is c.LITERAL:
            run = [r + chr(av) for r in run]
            continue
        if op is c.IN and all(o is c.LITERAL for o, _ in av) and len(av) * len(run) <= 8:
            run = [r + chr(v) for r in run for _, v in av]
            continue
        consider(run if run != [""] else None)
        run = [""]
        if op is c.SUBPATTERN:
            if av[1] or av[2]:
                return None  # a group with its own flags: its case rules differ
            consider(_required(av[3], c))
        elif op is c.BRANCH:
            branches = [_required(b, c) for b in av[1]]
            if all(branches):
                consider(tuple(x for b in branches for x in b))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            if av[0] >= 1:
                consider(_required(av[2], c))
        elif op is c.IN:
            chars = [chr(v) for o, v in av if o is c.LITERAL]
            if len(chars) == len(av) and len(chars) <= 8:
                consider(tuple(chars))
    consider(run if run != [""] else None)
    return best[0]
