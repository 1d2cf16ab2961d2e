"""Reading the first sheet of an ``.xlsx`` file as rows of text, streaming and within fixed limits.

A 4 MB workbook can declare a used range of 300,000 × 16,000 cells (one formatted cell
far away is enough); reading it whole, as pandas does, takes gigabytes. openpyxl's
read-only mode streams the sheet row by row, the declared dimension is checked against
the caps before any row is read, and reading stops at the caps whatever the dimension
claims. The caps are far above any statistical release (the bundled figures are 5
columns × 150 rows) and far below what exhausts memory:

* ``MAX_COLUMNS`` = 200 columns,
* ``MAX_ROWS`` = 200,000 rows,
* ``MAX_CELLS`` = 1,000,000 cells in the declared range (rows × columns).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Callable, Iterator

from .errors import DataError

MAX_COLUMNS = 200
MAX_ROWS = 200_000
MAX_CELLS = 1_000_000
_RESAVE = "open it in a spreadsheet program and save it again as .xlsx"
_TRIM = "delete the rows and columns beyond the table (cells formatted far away count too), or export the figures as CSV"


def excel_rows(path: Path, display: str, text: Callable[[object], str]) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells as text)`` for the first sheet; ``text`` turns a cell value into text.

    Raises ``DataError`` for a file openpyxl cannot read (with its reason) and for a sheet
    beyond the caps. Trailing empty cells of a row are dropped, as a CSV export drops them.
    """
    import openpyxl  # only Excel input pays for importing openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt files (zipfile, KeyError, XML errors)
        raise DataError(f"cannot read Excel file: {_reason(exc)}", path=display, hint=_RESAVE) from None
    try:
        if not book.worksheets:
            raise DataError("the workbook has no sheet", path=display, hint=_RESAVE)
        sheet = book.worksheets[0]
        rows, columns = sheet.max_row, sheet.max_column
        if rows and columns and (rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS):
            raise DataError(
                f"the sheet's used range is {rows:,} rows × {columns:,} columns; pressgen reads at most "
                f"{MAX_ROWS:,} rows, {MAX_COLUMNS} columns and {MAX_CELLS:,} cells",
                path=display, hint=_TRIM,
            )
        # The declared range only decides whether to start; rows are read as they are (a
        # dimension can also claim less than the sheet holds, and openpyxl would stop there).
        sheet.reset_dimensions()
        # One column more than the cap, so a value beyond it is reported instead of dropped.
        stream = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True)
        for number, values in enumerate(_guarded(stream, display), start=1):
            if number > MAX_ROWS:
                # Only a sheet whose declared dimension lies (or is missing) gets here.
                raise DataError(f"the sheet has rows beyond row {MAX_ROWS:,}, more than pressgen reads", path=display,
                                line=number, hint=_TRIM)
            cells = [unicodedata.normalize("NFC", text(v)) for v in values]
            if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
                raise DataError(f"the sheet has a value beyond column {MAX_COLUMNS}, more than pressgen reads",
                                path=display, line=number, hint=_TRIM)
            while cells and not cells[-1]:
                cells.pop()
            yield number, cells
    finally:
        book.close()


def _guarded(stream: Iterator, display: str) -> Iterator:
    # A sheet can be corrupt past its first rows; the streaming parser fails only when it gets there.
    try:
        yield from stream
    except DataError:
        raise
    except Exception as exc:
        raise DataError(f"cannot read Excel file: {_reason(exc)}", path=display, hint=_RESAVE) from None


def _reason(exc: BaseException) -> str:
    # Some openpyxl failures carry no message (a bare KeyError); the type is then the reason.
    message = str(exc).strip().strip("'\"")
    return message if message else type(exc).__name__
