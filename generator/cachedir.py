"""Where pressgen keeps what it may reuse between runs (compiled templates, parsed YAML, drawn charts).

Outside the project, so drafting never adds files to a project tree or a commit:
``$PRESSGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/pressgen``, else ``~/.cache/pressgen``;
``PRESSGEN_CACHE_DIR=off`` turns every cache off. A module of its own, importing nothing
heavy: ``check`` reads parsed YAML from here and should not import Jinja to find it.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """Where pressgen keeps caches, or None when they are off."""
    chosen = os.environ.get("PRESSGEN_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "pressgen"
