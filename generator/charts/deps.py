"""The optional extra: find matplotlib and the packaged Korean font, or say how to install them."""

from __future__ import annotations

import importlib.resources
import importlib.util
from pathlib import Path

from ..errors import ConfigError

FONT_PACKAGE = "pylopdf_fonts_ko"  # PyPI: pylopdf-fonts-ko (Noto Sans KR, SIL OFL 1.1)
FONT_FILE = "NotoSansKR-Regular.otf"
INSTALL_HINT = "pip install 'pressgen[charts]'"


class ChartsUnavailable(ConfigError):
    """A release declares charts but the ``charts`` extra (matplotlib, the Korean font) is missing."""


def require_charts(where: str | None = None) -> None:
    """Raise :class:`ChartsUnavailable` unless charts can be drawn; imports nothing heavy.

    ``draft`` can call this once when a release declares charts, before any work is done.
    """
    missing = [name for name in ("matplotlib", FONT_PACKAGE) if importlib.util.find_spec(name) is None]
    if missing:
        raise ChartsUnavailable(
            f"the release declares charts, but {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'}"
            " not installed",
            path=where,
            hint=f"install the charts extra: {INSTALL_HINT}",
        )
    font_path()


def font_path() -> Path:
    """The Korean font file inside the installed font package (never a system font)."""
    try:
        path = importlib.resources.files(FONT_PACKAGE) / FONT_FILE
    except ModuleNotFoundError:
        raise ChartsUnavailable(
            f"the Korean font package {FONT_PACKAGE} is not installed",
            hint=f"install the charts extra: {INSTALL_HINT}",
        ) from None
    if not path.is_file():
        raise ChartsUnavailable(
            f"the font package {FONT_PACKAGE} has no {FONT_FILE}",
            hint=f"reinstall the charts extra: {INSTALL_HINT}",
        )
    # Installed wheels are plain directories, so this is a real path FreeType can open.
    return Path(str(path))
