"""Drawn charts kept between runs, keyed by everything that decides their bytes.

Drawing one chart (SVG and PNG through matplotlib) costs a few hundred milliseconds, and
importing matplotlib more than a second: a profile of ``pressgen draft`` put 6 of its 8
seconds there. A chart's bytes depend only on its spec, points, language and style and on
the versions of the drawing code, matplotlib, Pillow and the font — the key covers them
all, so a hit is exactly what drawing would give. The cache lives beside the template
cache (``templatecache.cache_root``: ``$PRESSGEN_CACHE_DIR``, off with ``off``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path

from . import deps

# Drawn charts kept on disk, per format (an SVG and a PNG of some 10–60 kB each).
KEEP_ON_DISK = 512


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    # Once per process: looking up three installed versions cost 20 ms, for each chart.
    parts = []
    for name in ("matplotlib", "pillow", deps.FONT_PACKAGE):
        parts.append(f"{name}={_installed_version(name) or '?'}")
    code = Path(__file__).with_name("render.py")
    parts.append(hashlib.sha256(code.read_bytes()).hexdigest())
    return ";".join(parts)


def _installed_version(name: str) -> str | None:
    """The installed version of a distribution, from the name of its ``.dist-info`` folder.

    Importing ``importlib.metadata`` (email, zipfile, csv…) was 20 ms of a cold draft of
    charts that are all in the cache; the folder's name is what pip writes for the
    version, and when it is not found ``importlib.metadata`` is asked after all. Only the
    cache key depends on it: a different answer can only cause a redraw.
    """
    wanted = re.sub(r"[-_.]+", "_", name).lower()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if not folder.endswith(".dist-info"):
                continue
            project, _, version = folder[: -len(".dist-info")].rpartition("-")
            if re.sub(r"[-_.]+", "_", project).lower() == wanted and version:
                return version
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def key(spec, points, lang: str, style: str | None) -> str:
    """The cache key of one chart: a hash of every input that decides its bytes."""
    payload = {
        "spec": [spec.id, spec.kind, sorted(spec.title.items()), sorted(spec.unit.items())],
        "points": [[p.label, str(p.value), p.highlight, p.note] for p in points],
        "lang": lang, "style": style, "versions": _versions(),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _folder() -> Path | None:
    from ..templatecache import cache_root

    root = cache_root()
    return None if root is None else root / "charts"


def load(digest: str) -> dict[str, bytes] | None:
    folder = _folder()
    if folder is None:
        return None
    try:
        return {fmt: (folder / f"{digest}.{fmt}").read_bytes() for fmt in ("svg", "png")}
    except OSError:
        return None


def store(digest: str, files: dict[str, bytes]) -> None:
    """Keep a drawn chart; a cache that cannot be written is skipped, never an error."""
    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for fmt, data in files.items():
            temp = folder / f".{digest}.{fmt}.{os.getpid()}.tmp"
            temp.write_bytes(data)
            os.replace(temp, folder / f"{digest}.{fmt}")
    except OSError:
        return
    from ..cachedir import maybe_prune

    for fmt in files:  # a chart whose other format was pruned is drawn again, as if new
        maybe_prune(folder, digest, KEEP_ON_DISK, f".{fmt}")
