"""Reading a user's text file (YAML, markdown) as UTF-8, with one located message for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from .errors import GeneratorError


def read_text(path: str | Path, shown: str, error: type[GeneratorError], what: str, hint: str = "check the path") -> str:
    """The file's text (a UTF-8 BOM is fine); ``what`` names the expected content in messages.

    Raises ``error`` for a missing or unreadable file, a binary file or text that is not UTF-8.
    """
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"file not found: {shown}", path=shown) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror}", path=shown) from None
    if b"\x00" in raw:
        raise error(f"file is binary, not {what}", path=shown, hint=hint)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("file is not UTF-8 text", path=shown, line=line, hint="save the file as UTF-8") from None
