"""The last draft of a project, kept while no file it was built from has changed on disk.

Drafting the same period again in one process (the review page's "redraft", a library
caller, the benchmark's warm redraft) repeats facts, plan, render, review sheet, check
and review page on the same inputs: 65–127 ms on the bundled releases, where looking at
the inputs' stamps costs a fraction of a millisecond. Reading and hashing the inputs
instead (``input_hash``) alone takes 1–1.7 ms here, so the stamps are what a kept draft
is keyed by.

A stamp is (inode, size, modification and change times in ns) of every file a draft
reads: the draft's input files (release definition, item table, figures, revisions,
annotations, templates; see ``draft.input_files``), everything under ``config/``
(wording rules, vocabularies, other release definitions), the release's own wording
files (``wording.files``, wherever they are) and the folders holding them,
so a file that appears or disappears changes it too (a new annotation file, or a
misnamed one that drafting must refuse). The change time is set by the system on every
write and cannot be set back, so an edit that keeps the size and resets the
modification time still changes the stamp.

Only a file changed at least ``SETTLED_NS`` before the stamp is taken is trusted (the
"racily clean" problem git has: two writes within one tick of the file system's clock
can leave equal times). A draft built from a file changed more recently than that is not
kept, and the stamp is taken again after building: a file that changed meanwhile means
the draft is not kept either. One draft is kept per project (the latest), so
``draft --all`` does not accumulate them.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .draft import Draft
    from .periods import Period
    from .project import Project

SETTLED_NS = 2_000_000_000
_KEY = "last-draft"


def _entry(path: str, now: int) -> tuple | None:
    """(path, inode, size, mtime, ctime), (path, None) if missing; None if it changed too recently to trust."""
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    if now - max(st.st_mtime_ns, st.st_ctime_ns) < SETTLED_NS:
        return None
    return (path, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _tree(folder: str, out: list[str]) -> None:
    """Add the folder, every folder under it and every file in them to ``out``, in a stable order."""
    out.append(folder)
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in listing)
    except OSError:
        return
    for _, path, is_dir in entries:
        if is_dir:
            _tree(path, out)
        else:
            out.append(path)


def stamp(project: "Project", period: "Period") -> tuple | None:
    """The stamp of everything a draft of ``period`` reads, or None when one of them cannot be trusted yet.

    Plain strings and ``os.scandir``: with ``pathlib`` the stamp took most of a kept draft's time.
    """
    from .inputs import project_inputs

    config = project.config
    folders, files = project_inputs(project.root, config)
    paths = [str(p) for p in files]
    paths.append(os.path.join(str(config.annotations), f"{period}.yaml"))
    # A new or misnamed annotation file changes what drafting does; the templates are read too.
    for folder in (*folders, config.templates):
        _tree(str(folder), paths)
    now = time.time_ns()
    entries = []
    for path in paths:
        entry = _entry(path, now)
        if entry is None:
            return None
        entries.append(entry)
    return tuple(entries)


def _copy(draft: "Draft") -> "Draft":
    """A draft whose containers are its own: a caller may change what it is handed without changing what is kept."""
    return replace(draft, story=dict(draft.story), releases=dict(draft.releases), notes=list(draft.notes),
                   charts={cid: {lang: dict(formats) for lang, formats in per_lang.items()}
                           for cid, per_lang in draft.charts.items()})


def kept_or_built(project: "Project", period: "Period", options: tuple[Any, ...], build: Callable[[], "Draft"]) -> "Draft":
    """The kept draft of ``period`` built with ``options`` if nothing it read has changed since, else ``build()``."""
    before = stamp(project, period)
    key = (period, options, id(project.config), id(project.dataset), before)
    kept = project._cache.get(_KEY)
    if before is not None and kept is not None and kept[0] == key:
        return _copy(kept[1])
    draft = build()
    if before is not None and stamp(project, period) == before:
        project._cache[_KEY] = (key, _copy(draft))
    else:
        project._cache.pop(_KEY, None)
    return draft


def forget(project: "Project", period: "Period") -> None:
    """Drop the kept draft if it is ``period``'s."""
    kept = project._cache.get(_KEY)
    if kept is not None and kept[0][0] == period:
        del project._cache[_KEY]
