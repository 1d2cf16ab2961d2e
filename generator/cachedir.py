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


def store_pickle(folder: Path, name: str, value) -> None:
    """Write ``value`` pickled as ``folder/<name>.pickle``, whole or not at all; a read-only or full
    disk or an unpicklable value only means the next run computes it again."""
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{name}.{os.getpid()}.tmp"
        temp.write_bytes(data)
        os.replace(temp, folder / f"{name}.pickle")  # whole entries only: a reader never sees a half-written file
    except Exception:  # noqa: BLE001 - see above
        pass
