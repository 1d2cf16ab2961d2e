"""Where a period's files go, and how a path is written into output (relative to the project)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .periods import Period
    from .project import Project


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
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:
        return target.name
