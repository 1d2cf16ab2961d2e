"""Reading a user's text file (YAML, markdown) as UTF-8, with one located message for each way it can fail."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import GeneratorError
from .paths import read_bytes_capped

# Releases and annotations are a few kilobytes; anything this large is a mistake or an attack.
MAX_TEXT_BYTES = 8 * 1024 * 1024


def read_text(path: str | Path, shown: str, error: type[GeneratorError], what: str, hint: str = "check the path",
              *, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """The file's text (a UTF-8 BOM is fine), normalised to NFC; ``what`` names the expected content in messages.

    Raises ``error`` for a missing or unreadable file, a folder, device or FIFO, a file
    above ``max_bytes``, a binary file or text that is not UTF-8.
    """
    raw = read_bytes_capped(Path(path), shown, max_bytes, error=error, what=what)
    if b"\x00" in raw:
        raise error(f"file is binary, not {what}", path=shown, hint=hint)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("file is not UTF-8 text", path=shown, line=line, hint="save the file as UTF-8") from None
    # Composed (NFC) everywhere: a Korean name typed on macOS (NFD) must match the same name typed elsewhere.
    return unicodedata.normalize("NFC", text)
