"""Annotation files are found by their exact name, ``<period>.yaml``; near misses are reported, not skipped.

``2025h1.yaml``, ``２０２５H1.yaml`` (full-width digits, as a Korean input method types them)
or ``2025H1 .yaml`` look right to an editor, but ``draft`` reads only ``2025H1.yaml``, so
the causes and remarks in them would silently vanish from the release. The names of the
known periods come from the dataset as strings; nothing here parses a period, so new
period kinds (months, ``2025-11``) need no change.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Sequence

from .errors import AnnotationError

SUFFIX = ".yaml"
_SUFFIXES = (".yaml", ".yml")
_SPACE = re.compile(r"\s+")


def _normal(name: str) -> str:
    # What an editor may get wrong without noticing: letter case, full-width forms, stray spaces.
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).upper()


def suggested_name(file_name: str, periods: Sequence[str]) -> str | None:
    """The exact file name ``file_name`` should have (``2025H1.yaml``), or None when it is right or matches no period."""
    stem, dot, suffix = file_name.rpartition(".")
    if not dot or _normal("." + suffix).lower() not in _SUFFIXES:
        return None
    if stem in periods and "." + suffix == SUFFIX:
        return None
    wanted = _normal(stem)
    for period in periods:
        if _normal(period) == wanted:
            return period + SUFFIX
    return None


def annotation_files(folder: Path, shown: str) -> list[Path]:
    """Every ``.yaml``/``.yml`` file in the annotations folder (any letter case), sorted by name.

    Raises ``AnnotationError`` naming the folder when it cannot be listed; a missing folder has no files.
    """
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise AnnotationError(f"cannot read the annotations folder: {exc.strerror or exc}", path=shown,
                              hint="check the folder's permissions") from None
    return sorted(folder / n for n in names if _normal(Path(n).suffix).lower() in _SUFFIXES)


def check_name(file: Path, periods: Sequence[str], shown: str) -> None:
    """Raise ``AnnotationError`` when ``file`` is a near miss of a period's annotation file name."""
    right = suggested_name(file.name, periods)
    if right is not None:
        raise AnnotationError(
            f"annotation file {file.name!r} is not named exactly after a period, so draft would not read it "
            f"(did you mean {right}?)",
            path=shown, hint=f"rename it to {right}",
        )
    if Path(file.name).suffix != SUFFIX:
        raise AnnotationError(f"annotation file {file.name!r} does not end in {SUFFIX}, so draft would not read it",
                              path=shown, hint=f"name annotation files <period>{SUFFIX}, e.g. {(list(periods) or ['2025H1'])[-1]}{SUFFIX}")


def check_folder_for(folder: Path, period: str, periods: Sequence[str], display) -> None:
    """Raise ``AnnotationError`` when the folder holds a near miss of ``period``'s file, whose exact name is absent.

    ``display`` turns a path into the text shown in messages.
    """
    for file in annotation_files(folder, display(folder)):
        if suggested_name(file.name, periods) == period + SUFFIX:
            check_name(file, periods, display(file))


def exists(path: Path, shown: str) -> bool:
    """Whether the annotation file exists; a folder pressgen may not look into is a located error, not a crash."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise AnnotationError(f"cannot read file: {exc.strerror or exc}", path=shown, hint="check the permissions of the file and its folder") from None
    return True
