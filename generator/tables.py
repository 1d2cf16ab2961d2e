"""Reading tables (CSV or Excel) into header and numbered rows, tolerant of common export quirks."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from .errors import DataError
from .paths import check_regular_file, read_bytes_capped
from .tableheader import check_header

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
# Cells that mean "not published" in statistical exports, besides an empty cell.
MISSING_MARKERS = ("", "..", "…", "n/a", "N/A", "NA")
MAX_BYTES = 200 * 1024 * 1024
_PLAIN = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")


def read_rows(path: Path, display: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Return the header and an iterator of ``(line, cells)`` for a CSV or Excel file.

    Lines are 1-based file lines for CSV and sheet row numbers for Excel. Raises
    ``DataError`` for missing, empty, binary or undecodable files.
    """
    # Regular file under the cap, checked before opening: a FIFO or /dev/zero must not hang or fill memory.
    check_regular_file(path, display, MAX_BYTES, error=DataError, what="figures table",
                       hint="check the 'data' paths in the release definition")
    if path.suffix.lower() in EXCEL_SUFFIXES:
        rows = _excel_rows(path, display)
    elif path.suffix.lower() == ".xls":
        raise DataError("old Excel files (.xls) are not supported", path=display, hint="save the sheet as .xlsx or .csv")
    else:
        rows = _csv_rows(path, display)
    for line, header in rows:
        if any(cell.strip() for cell in header):
            names = [cell.strip().lstrip("\ufeff").lower() for cell in header]
            check_header(names, display, line)
            return names, rows
    raise DataError("file is empty; expected a header row and figures", path=display)


def _decode(raw: bytes, display: str) -> str:
    # NFC: an item name saved decomposed (NFD, as macOS does) must equal the same name composed.
    return unicodedata.normalize("NFC", _decode_raw(raw, display))


def _decode_raw(raw: bytes, display: str) -> str:
    if b"\x00" in raw[:8192]:
        raise DataError("file is binary, not a CSV table", path=display, hint="export the figures as CSV (UTF-8) or .xlsx")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Korean spreadsheets often export CP949 (a superset of EUC-KR): unambiguous when it decodes.
    try:
        return raw.decode("cp949")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError("file is neither UTF-8 nor CP949/EUC-KR text", path=display, line=line, hint="save the file as UTF-8 CSV") from None


def _csv_rows(path: Path, display: str) -> Iterator[tuple[int, list[str]]]:
    text = _decode(read_bytes_capped(path, display, MAX_BYTES, error=DataError, what="figures table"), display)
    reader = csv.reader(io.StringIO(text, newline=""))
    # Only a quoted cell can hold a line break: a file without quote marks skips the per-cell
    # scan, which was a tenth of loading 58,000 figures in a profile.
    quoted = '"' in text
    try:
        start = 1
        for row in reader:
            if quoted and any("\n" in cell or "\r" in cell for cell in row):
                # Figures tables have no multi-line cells: this is a quote opened and never closed.
                raise DataError("a quoted cell runs over several lines (is a quote mark missing its closing quote?)",
                                path=display, line=start, hint="close the quote, or remove the stray quote mark")
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", path=display, line=reader.line_num) from None


def _excel_rows(path: Path, display: str) -> Iterator[tuple[int, list[str]]]:
    from .excel import excel_rows  # only Excel input pays for importing openpyxl

    return excel_rows(path, display, _excel_text)


def _excel_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def parse_number(text: str) -> Decimal | None:
    """A figure from a cell: ``None`` for not published, a ``Decimal`` otherwise.

    Accepts thousands separators (``19,710``). Raises ``ValueError`` with the reason
    for anything else, including ``-`` (which some tables use for zero and others for
    "not published": ambiguous, so the user must say which).
    """
    cell = text.strip()
    if cell in MISSING_MARKERS:
        return None
    if cell in ("-", "–", "—"):
        raise ValueError(f"'{cell}' is ambiguous (zero or not published?); leave the cell empty for not published, or write 0")
    plain = cell.replace(",", "") if "," in cell and _has_thousands(cell) else cell
    # Plain decimals only: exponents (2450e300) and non-ASCII digits are not how figures are published.
    if not _PLAIN.match(plain):
        raise ValueError(f"'{cell}' is not a number; expected a figure in millions of US dollars such as -4530 or 19,710, "
                         "or an empty cell for not published")
    return Decimal(plain)


def _has_thousands(cell: str) -> bool:
    body = cell.lstrip("+-")
    whole = body.split(".", 1)[0]
    groups = whole.split(",")
    return len(groups) > 1 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups[1:]) and groups[0].isdigit()
