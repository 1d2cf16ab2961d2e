"""One long release checked by several processes: the agreement check by runs of paragraphs, the
wording lint beside them.

A release is read paragraph by paragraph, each starting afresh (``Agreement.check``), so runs of
whole paragraphs check alone and their findings together are the document's. Worker processes
are forked, so they share the loaded project, facts and document without pickling them; where
forking is not safe (not Linux, other threads running, already in a worker) the document is
checked in this process, with the same result.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .agreement import Agreement
    from .document import Document

# Below this many characters of prose, starting processes costs more than it saves (a bundled
# release is about 5,000; forking and collecting cost some 30 ms, a tenth of a 100 KB check).
PARALLEL_MIN_CHARS = 150_000
# Runs per worker: small enough that a slow run does not leave the other workers idle.
RUNS_PER_WORKER = 4

_SHARED: tuple | None = None


def can_fork() -> bool:
    """Forking copies only the calling thread, so other threads' locks could stay held in the
    child; and a worker (of this or of ``check_paths``'s pool) does not start workers of its own."""
    import multiprocessing

    return sys.platform.startswith("linux") and multiprocessing.parent_process() is None and threading.active_count() == 1


def check_document(doc: "Document", agreement: "Agreement", lint, jobs: int | None = None):
    """``(data findings, figures stated, wording findings)`` of ``doc``; ``lint(doc)`` gives the last."""
    from . import agreement as agreement_module

    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    size = sum(len(s.text) for s in doc.sentences)
    if workers < 2 or size < PARALLEL_MIN_CHARS or not can_fork():
        data, stated = agreement.check(doc)
        return data, stated, lint(doc)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    runs = agreement_module.parts(doc, workers * RUNS_PER_WORKER)
    _SHARED = (doc, agreement, lint)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            wording = pool.submit(_lint)
            checked = [pool.submit(_agreement, run) for run in runs]
            data, stated = [], {}
            for future in checked:
                run_data, run_stated = future.result()
                data += run_data
                for key, where in run_stated.items():
                    stated.setdefault(key, where)
            return data, stated, wording.result()
    finally:
        _SHARED = None


def _agreement(run: tuple[int, int]):
    doc, agreement, _ = _SHARED
    return agreement.check(doc, run)


def _lint():
    doc, _, lint = _SHARED
    return lint(doc)
