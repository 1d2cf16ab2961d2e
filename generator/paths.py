"""Paths: where input files may be (checked before a single byte is read), where output goes, how paths are written.

A release definition names its data files; a careless or hostile one could name
``/etc/shadow`` (whose first line would then be echoed in an error), ``/dev/zero`` (read
until memory runs out) or a FIFO (read forever). Paths therefore stay inside the project
unless the release definition says ``allow_outside_project: true``, and whatever is read
must be a regular file below a size cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, GeneratorError

if TYPE_CHECKING:  # pragma: no cover
    from .periods import Period
    from .project import Project

ALLOW_OUTSIDE_KEY = "allow_outside_project"


def resolve_inside(base: Path, text: str, project: Path, *, allow_outside: bool, key: str,
                   location: dict[str, Any] | None = None) -> Path:
    """``text`` resolved against ``base``; a ``ConfigError`` naming ``key`` when it leaves ``project``.

    Symbolic links are resolved first, so a link inside the project pointing out of it is
    caught too. ``location`` holds the ``path``/``line``/``column`` keywords of the key.
    """
    resolved = (base / text).resolve()
    if allow_outside:
        return resolved
    root = project.resolve()
    if resolved != root and root not in resolved.parents:
        raise ConfigError(
            f"'{key}' points outside the project folder: {text}",
            key=key, **(location or {}),
            hint=f"keep data and templates inside the project, or set '{ALLOW_OUTSIDE_KEY}: true' in the release definition",
        )
    return resolved


def check_regular_file(path: Path, display: str, max_bytes: int, *, error: type[GeneratorError] = ConfigError,
                       what: str = "file", hint: str | None = None) -> int:
    """The size of ``path`` after checking it is a regular file of at most ``max_bytes``.

    Raises ``error`` for a missing file, a folder, a device, FIFO or socket, a file that
    cannot be read (permissions) and one above the cap — never by opening it first, since
    opening a FIFO blocks.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(f"file not found: {display}", path=display, hint=hint) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", path=display, hint="check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"expected a file, found a folder: {display}", path=display)
    if not stat.S_ISREG(info.st_mode):
        raise error(f"not a regular file (a device, pipe or socket): {display}", path=display,
                    hint=f"point at an ordinary {what} file")
    if info.st_size > max_bytes:
        raise error(f"file is larger than {_size(max_bytes)}; this does not look like a {what}", path=display)
    return info.st_size


def read_bytes_capped(path: Path, display: str, max_bytes: int, *, error: type[GeneratorError] = ConfigError,
                      what: str = "file", hint: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (see ``check_regular_file``).

    Reads at most one byte more than the cap, so a file that grows after the check still
    cannot exhaust memory; a file that vanishes or becomes unreadable meanwhile is a
    located error, not a crash.
    """
    check_regular_file(path, display, max_bytes, error=error, what=what, hint=hint)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"file not found: {display}", path=display, hint=hint) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", path=display, hint="check the path and its permissions") from None
    if len(raw) > max_bytes:
        raise error(f"file is larger than {_size(max_bytes)}; this does not look like a {what}", path=display)
    return raw


def _size(count: int) -> str:
    if count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MB"
    return f"{count} bytes"


def period_folder(project: Project, period: Period) -> Path:
    """The folder of one period's files; the only place that knows the output layout."""
    return project.output / str(period)


def project_path(root: Path, path: Path) -> str:
    """``path`` as text relative to the project ``root``, with ``..`` when it lies outside.

    Output must not depend on where the project sits on disk (an absolute path would
    change the input hash and facts.json between two checkouts), so a file outside the
    project is written as the way to it from the root, e.g. ``../shared/figures.csv``.
    Only when no relative path exists (another drive on Windows) is the file name used.
    """
    path = Path(path)
    # The name itself is not resolved: a symbolic link is shown as the link, not its target.
    target, base = path.parent.resolve() / path.name, Path(root).resolve()
    try:
        return target.relative_to(base).as_posix()
    except ValueError:
        pass
    try:
        relative = Path(os.path.relpath(target, base))
    except ValueError:
        return target.name
    # A sibling of the project (../shared/figures.csv) reads well relative; a system path
    # (/dev/zero) far above it reads better as itself.
    if relative.parts[:_MAX_UP + 1].count("..") > _MAX_UP:
        return target.as_posix()
    return relative.as_posix()


# How many folders above the project a path may go and still be shown relative to it.
_MAX_UP = 3
