"""Where pressgen keeps what it may reuse between runs (compiled templates, parsed YAML, drawn charts).

Outside the project, so drafting never adds files to a project tree or a commit:
``$PRESSGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/pressgen``, else ``~/.cache/pressgen``;
``PRESSGEN_CACHE_DIR=off`` turns every cache off. A module of its own, importing nothing
heavy: ``check`` reads parsed YAML from here and should not import Jinja to find it.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

# A store prunes its folder about once in this many new entries: listing a folder of a few
# thousand entries costs milliseconds, so doing it on every store would cost more than the
# cache saves, and never doing it let a developer's cache reach 4 GB (one entry per
# temporary project of every test run, per text checked, per code version).
PRUNE_EVERY = 64


def cache_root() -> Path | None:
    """Where pressgen keeps caches, or None when they are off."""
    chosen = os.environ.get("PRESSGEN_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "pressgen"


def store_pickle(folder: Path, name: str, value, *, keep: int | None = None) -> None:
    """Write ``value`` pickled as ``folder/<name>.pickle``, whole or not at all; a read-only or full
    disk or an unpicklable value only means the next run computes it again. With ``keep``, the
    folder is pruned to about that many entries (``maybe_prune``)."""
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{name}.{os.getpid()}.tmp"
        temp.write_bytes(data)
        os.replace(temp, folder / f"{name}.pickle")  # whole entries only: a reader never sees a half-written file
    except Exception:  # noqa: BLE001 - see above
        return
    if keep is not None:
        maybe_prune(folder, name, keep)


def maybe_prune(folder: Path, name: str, keep: int, suffix: str = ".pickle") -> None:
    """After storing the entry ``name``, prune ``folder`` for about one new name in ``PRUNE_EVERY``.

    Chosen by the name rather than at random, so a run's effect on the cache is the same on
    every machine; a warm run, which stores nothing, never prunes."""
    if zlib.crc32(name.encode("utf-8")) % PRUNE_EVERY == 0:
        prune(folder, keep, suffix, spare=name + suffix)


def prune(folder: Path, keep: int, suffix: str = ".pickle", *, spare: str = "") -> None:
    """Delete all but the ``keep`` most recently written entries (files ending in ``suffix``) of
    ``folder``, never ``spare`` (the one just written: entries written in the same clock tick
    have equal times). What is deleted is only cache: the next run that needs it computes it
    again."""
    try:
        with os.scandir(folder) as listing:
            entries = [(e.stat().st_mtime_ns, e.name) for e in listing
                       if e.name.endswith(suffix) and not e.name.startswith(".") and e.name != spare]
    except OSError:
        return
    entries.sort()
    for _, old in entries[:max(len(entries) - keep + (spare != ""), 0)]:
        try:
            os.unlink(folder / old)
        except OSError:  # another process pruning at the same time, or a read-only folder
            pass
