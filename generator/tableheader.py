"""Is the first line of a table a header of column names? Decided without echoing it.

Errors about a table name its cells ("unknown column 'exprts'"), which is right for a
table and wrong for a file that is not one: pointed at ``/etc/shadow``, such a message
would print a secret. pressgen's column names are lower-case identifiers (``period``,
``name_ko``), at least two per table, so a first line made of anything else is reported
by its line and column number only, and nothing of the file is shown.
"""

from __future__ import annotations

import re

from .errors import DataError

_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_HINT = "the first line must name the columns, e.g. period,item,exports,imports,balance; check the 'data' paths"


def check_header(names: list[str], display: str, line: int) -> None:
    """Raise ``DataError`` (naming the line and column, never the content) unless ``names`` look like column names."""
    named = [n for n in names if n]
    if len(named) < 2:
        raise DataError(f"line {line} is not a header of column names (a table needs at least two columns); "
                        "this does not look like a CSV table", path=display, line=line, hint=_HINT)
    for position, name in enumerate(names, start=1):
        if name and not _NAME.fullmatch(name):
            raise DataError(f"column {position} of the header is not a column name (lower-case letters, digits and _); "
                            "this does not look like a CSV table", path=display, line=line, hint=_HINT)
