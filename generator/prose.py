"""The trust boundary for editors' prose: printed into releases as is, never interpreted.

Causes, remarks, headlines, asserted fact texts, publication names and item names are
copied into the markdown verbatim. In there, an HTML comment hides text from readers and
from ``check`` (which skips comments), and ``pressgen-disable`` switches ``check``'s rules
off — so a line of prose could silence the checks on the release it is printed in. Such
text is refused where it is read, located at its file, line and key.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import AnnotationError, GeneratorError

_FORBIDDEN = re.compile(r"<!--|--!?>|pressgen-(?:disable|enable)", re.IGNORECASE)
HINT = "editors' prose is printed as is; remove the HTML comment or pressgen directive"


def check_prose(text: str, what: str, *, error: type[GeneratorError] = AnnotationError, **location: Any) -> None:
    """Raise ``error`` (with ``location``: path, line, column, key) when ``text`` holds a comment marker or directive."""
    match = _FORBIDDEN.search(text)
    if match:
        raise error(f"{what} contains {match.group(0)!r}, which would be read as an HTML comment or a pressgen directive",
                    hint=HINT, **location)


def check_prose_map(node: Any, values: dict[str, str], what: str) -> None:
    """``check_prose`` for each language of a bilingual annotation mapping, located at its key."""
    from .yamlload import where

    for key, text in values.items():
        check_prose(text, f"'{key}' of {what}", key=key, **where(node, key))
