"""Writing drafts safely: front matter with hashes, edit detection, and atomic multi-file writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .yamlload import safe_load_bounded

FRONT_MATTER_KEYS = ("release", "period", "language", "status", "generator", "input_hash", "body_hash")


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def normalise_body(body: str) -> str:
    """Line endings and trailing blank lines do not count as edits (editors' tools change them)."""
    return body.replace("\r\n", "\n").rstrip("\n") + "\n"


def with_front_matter(meta: dict[str, str], body: str) -> str:
    """The markdown file: YAML front matter (with the body's hash) followed by the body."""
    body = normalise_body(body)
    meta = {**meta, "body_hash": sha256(body)}
    lines = ["---"] + [f"{key}: {_scalar(meta[key])}" for key in FRONT_MATTER_KEYS if key in meta] + ["---", ""]
    return "\n".join(lines) + body


def _scalar(value: str) -> str:
    # Quote only what YAML would misread (a period such as 2024 must stay a string).
    text = str(value)
    return f'"{text}"' if text.isdigit() or ":" in text and not text.startswith("sha256:") else text


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """Front matter (or None) and the body of a markdown file."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n")
    for n in range(1, len(lines)):
        if lines[n].strip() == "---":
            try:
                meta = safe_load_bounded("\n".join(lines[1:n]))  # bounded: front matter is user input
            except yaml.YAMLError:
                return None, text
            body = "\n".join(lines[n + 1:])
            return (meta if isinstance(meta, dict) else None), body[1:] if body.startswith("\n") else body
    return None, text


def is_edited(path: Path) -> bool:
    """True when ``path`` exists and its body no longer matches the hash recorded when it was generated."""
    if not path.exists():
        return False
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    meta, body = split_front_matter(text)
    if not meta or "body_hash" not in meta:
        return True  # written or rewritten by hand
    return sha256(normalise_body(body)) != meta["body_hash"]


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    content: bytes


def write_all(files: list[PlannedFile]) -> None:
    """Write every file or none.

    All files are first written to temporary files beside their targets. Then each
    existing target is moved aside to a backup and the new file renamed into place. If
    anything fails, the files already replaced are restored from their backups and the
    temporary files removed, so the previous files are left exactly as they were.
    """
    temps: list[tuple[Path, Path]] = []
    swapped: list[tuple[Path, Path | None]] = []  # (target, backup or None if it was new)
    try:
        for planned in files:
            planned.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{planned.path.name}.", suffix=".tmp", dir=planned.path.parent)
            temps.append((Path(temp), planned.path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(planned.content)
                handle.flush()
                os.fsync(handle.fileno())
        for temp, target in temps:
            backup = None
            if target.exists():
                backup = target.with_name(f".{target.name}.bak")
                os.replace(target, backup)
            swapped.append((target, backup))
            os.replace(temp, target)
    except BaseException:
        _roll_back(swapped, [temp for temp, _ in temps])
        raise
    for _, backup in swapped:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _roll_back(swapped: list[tuple[Path, Path | None]], temps: list[Path]) -> None:
    """Put the previous files back and remove every temporary file, as far as the system allows."""
    for target, backup in reversed(swapped):
        try:
            if backup is not None and backup.exists():
                os.rename(backup, target)  # rename, not replace: the failure may have been in os.replace
            elif backup is None:
                target.unlink(missing_ok=True)
        except OSError:
            pass  # the backup stays beside the target, named .<name>.bak, for a person to restore
    for temp in temps:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
