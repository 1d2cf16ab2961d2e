"""The files of a period's draft kept between runs, keyed by everything that decides their bytes.

``pressgen draft`` run again on inputs that have not changed (a second run in a Makefile or CI
job, an editor drafting again to see nothing moved) would derive, plan, render, draw and check
exactly what it did before. Profiled on the bundled releases, importing the drafting modules
alone took about 1.7× the time Python takes to import Jinja, Babel and PyYAML; the work itself
as much again. A period whose inputs are unchanged is given the files it was drafted into last
time instead, and only publishing (which protects editors' edits) is done afresh.

The key is pressgen's code (``check.memo.code_fingerprint``), the installed versions of the
libraries that shape the bytes (Jinja, Babel, PyYAML, markdown-it, matplotlib, Pillow, the
font), the project folder, release, period, languages and whether charts are drawn. Stored
with the files is the digest of every input (``inputs.project_inputs`` and the templates
folder): an input edited, added or removed since makes the entry stale, and the period is
drafted. Only the files are cached, never an error: a draft that fails is never stored, so
every error message comes from a real draft. ``PRESSGEN_CACHE_DIR=off`` turns it off.

Runs of many periods (``draft --all``) are not stored: they would copy every period's files
(7.8 MB of facts.json a period on the synthetic release) into the cache.
"""

from __future__ import annotations

import io
import pickle
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .periods import Period
    from .project import Project

# Bumped by hand when what is stored changes shape; part of every key.
FORMAT = 1
# Runs of more periods than this build without storing (see the module's docstring).
MAX_STORED_PERIODS = 8
# A period's files above this size are not stored.
MAX_STORED_BYTES = 16 * 1024 * 1024
# Entries kept in the cache folder, the most recent ones (about a megabyte each for the bundled releases).
MAX_ENTRIES = 64
_LIBRARIES = ("jinja2", "babel", "pyyaml", "markdown-it-py", "matplotlib", "pillow")


class _Unpickler(pickle.Unpickler):
    """Stored entries hold only dicts, tuples, strings and bytes, which need no class at all: a
    planted cache file naming any class cannot run code."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a cached draft")


def _versions() -> str:
    from .charts.cache import _installed_version
    from .charts.deps import FONT_PACKAGE

    return ";".join(f"{name}={_installed_version(name) or '?'}" for name in (*_LIBRARIES, FONT_PACKAGE))


def _name(project: "Project", period: "Period", languages, charts: bool) -> str:
    from .check import memo

    return memo.key("draft-files", str(FORMAT), str(project.root.resolve()), project.config.id, str(period),
                    repr(languages), repr(bool(charts)), _versions())


def _inputs(project: "Project"):
    from .inputs import project_inputs

    folders, files = project_inputs(project.root, project.config)
    return (*folders, project.config.templates), files


def _folder():
    from .cachedir import cache_root

    root = cache_root()
    return None if root is None else root / "drafts"


def lookup(project: "Project", period: "Period", languages, charts: bool) -> dict[str, bytes] | None:
    """The files ``period`` was drafted into with these inputs, or None."""
    from .check import memo

    folder = _folder()
    if folder is None:
        return None
    try:
        contents, stamped = _Unpickler(io.BytesIO((folder / f"{_name(project, period, languages, charts)}.pickle").read_bytes())).load()
        if not isinstance(contents, dict) or not all(isinstance(k, str) and isinstance(v, bytes) for k, v in contents.items()):
            return None
        return contents if memo.unchanged(stamped) else None
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: draft as if there were no cache
        return None


def store(project: "Project", period: "Period", languages, charts: bool, contents, stamped) -> None:
    from .cachedir import prune, store_pickle

    folder = _folder()
    if folder is None:
        return
    files = dict(contents)  # a spooled period's files are read from disk once, here
    if sum(len(v) for v in files.values()) > MAX_STORED_BYTES:
        return
    name = _name(project, period, languages, charts)
    store_pickle(folder, name, (files, stamped))
    # Pruned on every store, not once in cachedir.PRUNE_EVERY: 64 entries list in no time, and
    # an entry is per project folder and period, which come and go (every test run's copies).
    prune(folder, MAX_ENTRIES, spare=f"{name}.pickle")


def build_cached(project: "Project", periods: list["Period"], languages=None, *, on_period: Callable[[str], None] | None = None,
                 jobs: int | None = None, charts: bool = True) -> dict["Period", dict[str, bytes]]:
    """``draft.build_periods``, with each period whose inputs are unchanged since it was last
    drafted given its files from the cache (and the drafting modules not even imported)."""
    found: dict = {}
    keep = len(periods) <= MAX_STORED_PERIODS
    if keep:
        for period in periods:
            contents = lookup(project, period, languages, charts)
            if contents is not None:
                found[period] = contents
                if on_period is not None:
                    on_period(str(period))
    missing = [p for p in periods if p not in found]
    if missing:
        from .check import memo
        from .draft import build_periods

        # Stamped before building: an input edited while the draft is built makes the stored
        # entry stale at once instead of passing for the new input's draft.
        stamped = memo.stamp_inputs(_inputs(project)) if keep else None
        built = build_periods(project, missing, languages, on_period=on_period, jobs=jobs, charts=charts)
        for period, contents in built.items():
            if keep:
                store(project, period, languages, charts, contents, stamped)
        found.update(built)
    return {period: found[period] for period in periods}


__all__ = ["build_cached", "lookup", "store", "MAX_STORED_PERIODS"]
