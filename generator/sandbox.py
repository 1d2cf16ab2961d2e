"""The template sandbox with limits: a template may not reach Python internals (Jinja's
SandboxedEnvironment), nor make pressgen hang or run out of memory.

Templates are project files an editor or a contributor changes, not code the tool trusts:
``'a' * 10**10``, ``range(10**12)``, ``'x'|center(10**10)``, ``10**10**10`` or a macro that
calls itself would otherwise be a hang, a MemoryError or a RecursionError (exit 3). Each is
refused before it is computed, as ``TemplateLimitError`` (a ValueError, so the renderer
reports it with the template's file and line, exit 2). A wall-clock budget per render
catches what no single operation shows, such as loops nested inside loops.
"""

from __future__ import annotations

import math
import re
import signal
import string
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

from jinja2 import pass_eval_context
from jinja2.filters import do_join, do_replace
from jinja2.sandbox import SandboxedEnvironment

# The longest text or list one template operation may build. A whole release is a few
# thousand characters; a limit far above that never touches an honest template.
MAX_SIZE = 1_000_000
# Widths, repeat counts and range lengths above this are refused outright.
MAX_COUNT = 100_000
# Integers a template computes stay below this many bits (10**300 is about 1000 bits).
MAX_BITS = 4096
# Seconds one render of one language may take; an honest one takes milliseconds.
RENDER_SECONDS = 10.0


class TemplateLimitError(ValueError):
    """A template asked for more text, numbers, steps or time than a release can need."""


_state = threading.local()


def _tick() -> None:
    deadline = getattr(_state, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimitError(f"template took longer than {RENDER_SECONDS:g} seconds (a loop that does not end?)")


@contextmanager
def budget(seconds: float = RENDER_SECONDS) -> Iterator[None]:
    """Run one render under a wall-clock budget. Operations check it; in the main thread a
    timer also interrupts loops that call nothing (nested loops over long lists)."""
    previous = getattr(_state, "deadline", None)
    _state.deadline = time.monotonic() + seconds
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timer:
        def expired(signum, frame):
            raise TemplateLimitError(f"template took longer than {seconds:g} seconds (a loop that does not end?)")

        old_handler = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
        _state.deadline = previous


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_repeat(left: Any, right: Any) -> None:
    for seq, count in ((left, right), (right, left)):
        size = _size(seq)
        if size is not None and isinstance(count, int) and not isinstance(count, bool):
            if count > MAX_COUNT or size * max(count, 0) > MAX_SIZE:
                raise TemplateLimitError(f"template repeats a text or list {count} times; at most {MAX_SIZE:,} characters may be built")


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
        if exponent * math.log2(abs(base)) > MAX_BITS:
            raise TemplateLimitError(f"template raises {base} to the power {exponent}, a number too large to compute")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _too_wide(numbers: list[str]) -> bool:
    return any(len(n) > 6 or int(n) > MAX_COUNT for n in numbers)


def _ints(args: Any) -> list[int]:
    values = args if isinstance(args, (tuple, list)) else (args.values() if isinstance(args, dict) else (args,))
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def _check_percent(fmt: str, args: Any) -> None:
    numbers, star = [], False
    for match in _PERCENT_SPEC.finditer(fmt):
        for group in match.groups():
            if group == "*":
                star = True
            elif group:
                numbers.append(group)
    if _too_wide(numbers) or (star and any(abs(v) > MAX_COUNT for v in _ints(args))):
        raise TemplateLimitError(f"template formats with a width above {MAX_COUNT:,}")


def _check_format(fmt: str, args: tuple, kwargs: dict) -> None:
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format raises its own ValueError, reported like any other
    for _, _, spec, _ in fields:
        if not spec:
            continue
        if _too_wide(_DIGITS.findall(spec)) or ("{" in spec and any(abs(v) > MAX_COUNT for v in _ints(args) + _ints(kwargs))):
            raise TemplateLimitError(f"template formats with a width above {MAX_COUNT:,}")


class _Steps:
    """A range (length, indexing, iteration) whose iteration checks the render budget."""

    def __init__(self, steps: range) -> None:
        self._steps = steps

    def __len__(self) -> int:
        return len(self._steps)

    def __getitem__(self, index):
        return self._steps[index]

    def __iter__(self) -> Iterator[int]:
        for n in self._steps:
            _tick()
            yield n


def _bounded_range(*args: Any) -> _Steps:
    steps = range(*args)
    if len(steps) > MAX_COUNT:
        raise TemplateLimitError(f"template asks for a range of {len(steps):,} numbers; at most {MAX_COUNT:,}")
    return _Steps(steps)


def _width_filter(name: str, original):
    def bounded(value, width=80, *args, **kwargs):
        if isinstance(width, int) and width > MAX_COUNT:
            raise TemplateLimitError(f"template asks '{name}' for a width of {width}; at most {MAX_COUNT:,}")
        return original(value, width, *args, **kwargs)

    return bounded


@pass_eval_context
def _join(eval_ctx, value, d: str = "", attribute=None):
    items = list(value) if not isinstance(value, (list, tuple, str)) else value
    if len(items) * len(str(d)) > MAX_SIZE:
        raise TemplateLimitError(f"template joins {len(items):,} parts, more than a release can hold")
    result = do_join(eval_ctx, items, d, attribute)
    if len(result) > MAX_SIZE:
        raise TemplateLimitError(f"template joins {len(result):,} characters, more than a release can hold")
    return result


@pass_eval_context
def _replace(eval_ctx, s, old, new, count=None):
    text, old, new = str(s), str(old), str(new)
    hits = text.count(old) if old else len(text) + 1
    if count is not None:
        hits = min(hits, count)
    if len(text) + hits * (len(new) - len(old)) > MAX_SIZE:
        raise TemplateLimitError(f"template's replace would build more than {MAX_SIZE:,} characters")
    return do_replace(eval_ctx, s, old, new, count)


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with ``*``, ``**`` and ``%`` checked before they compute, bounded
    ``range``, width filters and ``str.format``, and calls that check the render budget."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        # Only these two widen a text by their width; wordwrap and truncate never lengthen it.
        for name in ("center", "indent"):
            self.filters[name] = _width_filter(name, self.filters[name])
        self.filters["join"] = _join
        self.filters["replace"] = _replace

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt, is_map = value.__self__, value.__name__ == "format_map"

        def checked(*args: Any, **kwargs: Any) -> str:
            if is_map and len(args) == 1 and isinstance(args[0], dict):
                _check_format(fmt, (), args[0])
            else:
                _check_format(fmt, args, kwargs)
            return wrapped(*args, **kwargs)

        return checked

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        _tick()
        try:
            return super().call(__context, __obj, *args, **kwargs)
        except RecursionError:
            raise TemplateLimitError("template calls a macro inside itself without end") from None
