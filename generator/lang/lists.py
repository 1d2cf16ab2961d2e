"""Joining names into a list ("A, B, and C"; "A와 B", "A, B 및 C")."""

from __future__ import annotations

from typing import Mapping

from babel.lists import format_list

from ..errors import LanguageError
from .josa import attach
from .numbers import check_lang

STYLES = {"and": "standard", "or": "or"}


def join(items: list[str], lang: str, style: str = "and", readings: Mapping[str, str] | None = None) -> str:
    """Join ``items`` as a list in running text.

    English is Babel's list pattern (with the serial comma, as CLDR gives it). Korean
    "and" lists of two use the particle 와/과 ("정보·통신서비스와 문화·여가서비스"), which is
    how dailies pair two subjects; Babel's "A 및 B" reads like an official notice there.
    With three or more, chained 와/과 ("A와 B와 C") is clumsy, and "A, B 및 C" (Babel's
    Korean pattern) is common newspaper practice, so Babel is used. "or" lists are
    Babel's in both languages ("A 또는 B"). ``readings`` goes to the particle choice.

    >>> join(["A", "B", "C"], "en"), join(["정보·통신서비스", "문화·여가서비스"], "ko")
    ('A, B, and C', '정보·통신서비스와 문화·여가서비스')
    """
    check_lang(lang)
    if style not in STYLES:
        raise LanguageError(f"unknown list style '{style}'", hint="use one of: " + ", ".join(STYLES), value=style)
    items = list(items)
    if lang == "ko" and style == "and" and len(items) == 2:
        return f"{attach(items[0], '와/과', readings)} {items[1]}"
    return format_list(items, style=STYLES[style], locale=lang)
