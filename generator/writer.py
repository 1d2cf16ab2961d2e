"""Replacing a period folder all at once, and recovering from a run that was killed midway.

A period's files must change together (a release and the facts.json and manifest.json it
belongs to), and renaming five files one by one is not atomic as a group. So the complete
new folder is built in ``output/.pressgen-staging/``, synced to disk, and then switched
with two directory renames recorded beforehand in a journal (``output/.pressgen-journal.json``):

1. ``output/<period>``  → ``.pressgen-staging/<period>.<pid>.old``  (only if it exists)
2. ``.pressgen-staging/<period>.<pid>`` → ``output/<period>``

``recover`` reads the journal and finishes or undoes the switch: once rename 2 has
happened the new folder stays and the old one is deleted; before that the old folder is
put back (if it was moved) and the staged one deleted. It then deletes whatever staging is left (a run
killed while staging never wrote a journal, so nothing live was touched). Each step looks
at what exists on disk, so recovery can itself be interrupted and run again.

Files the new folder shares with the old one (an editor's release, files pressgen did not
write) are hard links to the same file, not copies, so an edit saved into them while the
folder is staged is not lost.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path
from typing import Callable

STAGING = ".pressgen-staging"
JOURNAL = ".pressgen-journal.json"


# ------------------------------------------------------------------------------- fault points
_FAULT_COUNTS: dict[str, int] = {}


def _step(kind: str) -> None:
    """A point where a crash could happen (kind: write, fsync, rename, remove).

    ``PRESSGEN_FAULT_AT=rename:2`` (or ``any:7``) kills the process with SIGKILL at that
    point, so the tests can prove recovery with real kills at every step; in-process
    tests replace this function instead. Unset, it does nothing.
    """
    spec = os.environ.get("PRESSGEN_FAULT_AT")
    if not spec:
        return
    want, _, number = spec.partition(":")
    for key in (kind, "any"):
        _FAULT_COUNTS[key] = _FAULT_COUNTS.get(key, 0) + 1
    if want in (kind, "any") and _FAULT_COUNTS[want] == int(number or 1):
        os.kill(os.getpid(), signal.SIGKILL)


# ------------------------------------------------------------------------------- primitives
def write_file(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) with ``data``, synced to disk.

    ``os.open`` with mode 0666 lets the user's umask decide the permissions, as for any
    file the user creates (mkstemp would make every output file 0600).
    """
    _step("write")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        _step("fsync")
        os.fsync(fd)
    finally:
        os.close(fd)


def place_file(source: Path, path: Path) -> None:
    """Create ``path`` (it must not exist) with the bytes of ``source`` (a spooled file), synced to disk.

    A hard link where the file system allows it (the spool is written once and never
    changed, and a link moves no bytes), else a copy.
    """
    _step("write")
    try:
        os.link(source, path, follow_symlinks=False)
    except OSError:
        shutil.copyfile(source, path, follow_symlinks=False)
    _fsync(path)


def fsync_dir(path: Path) -> None:
    """Make the renames and new names in a folder durable (a crash could otherwise undo them)."""
    _fsync(path)


def _fsync(path: Path) -> None:
    """Flush a file's or a folder's contents to disk."""
    _step("fsync")
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rename(source: Path, target: Path, *, undoing: bool = False) -> None:
    _step("rename")
    # Undoing uses rename, not replace: the failure being undone may be in os.replace (and a
    # test may make it fail on purpose); on POSIX both are the same rename(2).
    (os.rename if undoing else os.replace)(source, target)


def _remove_tree(path: Path) -> None:
    _step("remove")
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _share(source: Path, target: Path) -> None:
    """Put ``source`` into the staged folder under ``target``: a hard link, or a copy where links are not allowed."""
    _step("write")
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(source, target)


def _link_or_copy(source, target) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


# ------------------------------------------------------------------------------- the switch
def replace_folder(output: Path, folder: Path, writes: dict[str, bytes | Path], removes: set[str],
                   check: Callable[[], None] | None = None) -> None:
    """Make ``folder`` (inside ``output``) hold its current files with ``writes`` written
    over them and ``removes`` gone, all at once: a crash leaves either the old or the new folder.

    Each of ``writes`` is the file's bytes, or a file (outside the folder) holding them.

    ``check`` is called just before the switch (to stop if someone changed a file meanwhile).
    The caller holds the output lock; on any failure the switch is undone before re-raising.
    """
    staging = output / STAGING
    staged = staging / f"{folder.name}.{os.getpid()}"
    aside = staging / f"{folder.name}.{os.getpid()}.old"
    try:
        staging.mkdir(exist_ok=True)
        _remove_tree(staged)
        _remove_tree(aside)
        _step("write")
        os.mkdir(staged)
        had_old = folder.is_dir()
        if had_old:
            # An editor may have chosen the folder's permissions; keep them.
            os.chmod(staged, folder.stat().st_mode & 0o7777)
            for entry in sorted(folder.iterdir()):
                if entry.name not in writes and entry.name not in removes:
                    _share(entry, staged / entry.name)
        for name, data in writes.items():
            if isinstance(data, Path):
                place_file(data, staged / name)
            else:
                write_file(staged / name, data)
        fsync_dir(staged)
        fsync_dir(staging)
        if check is not None:
            check()
        _write_journal(output, {"folder": folder.name, "staged": staged.name, "aside": aside.name, "had_old": had_old})
        if had_old:
            _rename(folder, aside)
        _rename(staged, folder)
    except BaseException:
        _undo_after_failure(output)
        raise
    # The new folder is in place: a failure from here on must not report the run as failed
    # (the files are new); what is left over, the next run's recovery deletes.
    try:
        fsync_dir(output)
        if had_old:
            _rescue_late_saves(aside, folder, set(writes) | removes)
        recover(output)
    except OSError:
        _undo_after_failure(output)  # recovery once more: a transient failure leaves nothing behind


def _write_journal(output: Path, entry: dict) -> None:
    temp = output / STAGING / "journal.tmp"
    _remove_tree(temp)
    write_file(temp, (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8"))
    _rename(temp, output / JOURNAL)
    fsync_dir(output)


def _rescue_late_saves(aside: Path, folder: Path, replaced: set[str]) -> None:
    """An editor who saved a shared file by writing a new one and renaming it (as many
    editors do) between staging and switching saved it into the old folder: move it over."""
    for old in aside.iterdir():
        new = folder / old.name
        if old.name in replaced or not old.is_file() or old.is_symlink() or not new.is_file():
            continue
        if not os.path.samestat(old.stat(), new.stat()) and old.read_bytes() != new.read_bytes():
            _rename(old, new)


def _undo_after_failure(output: Path) -> None:
    # Separate from ``recover`` so tests can switch it off to play a process killed at this instant.
    try:
        recover(output)
    except OSError:
        pass  # the next run's recovery tries again; the journal says what to do


def recover(output: Path) -> list[str]:
    """Finish or undo an interrupted switch and delete staging leftovers; return what was done.

    Safe to run any number of times, and at any time the output lock is held.
    """
    done: list[str] = []
    journal = output / JOURNAL
    staging = output / STAGING
    if journal.is_file():
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            folder, staged, aside = output / entry["folder"], staging / entry["staged"], staging / entry["aside"]
        except (ValueError, KeyError, TypeError):
            entry = None  # written by replace, so never half a journal; unreadable means not ours
        if entry is not None:
            if staged.exists() and not folder.exists() and aside.exists():
                _rename(aside, folder, undoing=True)  # killed between the two renames: put the old folder back
                done.append(f"restored {entry['folder']} (an interrupted run had moved it aside)")
            fsync_dir(output)
        _step("remove")
        journal.unlink()
        fsync_dir(output)
    if staging.is_dir():
        for leftover in sorted(staging.iterdir()):
            _remove_tree(leftover)
        _step("remove")
        staging.rmdir()
        fsync_dir(output)
    return done
