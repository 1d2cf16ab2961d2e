"""Built files kept on disk until they are published, instead of in memory.

``draft --all`` builds every period before it writes any, so that a bad template or
annotation in the last period stops the run before the first folder changes. Holding
every period's bytes for that was most of its memory: 60 periods × 7.8 MB of
facts.json on the synthetic release. Each period's files now go into a private folder
in the system's temporary directory as they are built (by the worker that built them),
with their SHA-256; publishing plans with the digests and hard-links the files into the
staged period folder (``writer.replace_folder``), copying where links are not possible.

The folder is deleted when the last ``SpooledFiles`` of it is (or at exit); it is never
inside the project, so a run that stops early leaves the project as it was. A run killed
outright (SIGKILL, SIGTERM) cannot delete its folder: its name carries the process id, and
the next run deletes the folders of processes that no longer exist, once they are
``STALE_AFTER`` seconds old (a folder is never taken for stale while its run may be alive).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import time
import weakref
from pathlib import Path
from typing import Iterable, Iterator, Mapping


PREFIX = "pressgen-spool-"
# A leftover folder is deleted only when its process is gone and it has not changed for this long.
STALE_AFTER = 600.0


class Spool:
    """A private temporary folder with one subfolder per period."""

    def __init__(self) -> None:
        parent = tempfile.gettempdir()
        sweep(parent)
        self.root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent))
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.root), True)

    def folder(self, name: str) -> Path:
        return self.root / name

    def cleanup(self) -> None:
        self._finalizer()


def sweep(parent: str, now: float | None = None) -> list[str]:
    """Delete the spool folders in ``parent`` left by this user's processes that no longer run; return their names."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        pid = entry.name[len(PREFIX):].split("-", 1)[0] if entry.name.startswith(PREFIX) else ""
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or now - info.st_mtime < STALE_AFTER:
            continue
        if _running(int(pid)):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(entry.name)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to tell: keep its folder
        return True
    return True


def write_pieces(folder: Path, pieces: Iterable[tuple[str, Iterable[bytes]]]) -> dict[str, str]:
    """Write each (file name, chunks) into ``folder`` (created); return name → SHA-256 (hex), in order."""
    folder.mkdir()
    digests: dict[str, str] = {}
    for name, chunks in pieces:
        digest = hashlib.sha256()
        with open(folder / name, "wb") as handle:
            for chunk in chunks:
                digest.update(chunk)
                handle.write(chunk)
        digests[name] = digest.hexdigest()
    return digests


class SpooledFiles(Mapping[str, bytes]):
    """One period's files in a spool: name → bytes (read from disk on access), with digests and paths."""

    def __init__(self, spool: Spool, folder: Path, digests: dict[str, str]) -> None:
        self._spool = spool  # the folder lives as long as any of its files is wanted
        self.folder = folder
        self._digests = dict(digests)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._digests:
            raise KeyError(name)
        return (self.folder / name).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._digests)

    def __len__(self) -> int:
        return len(self._digests)

    def digest(self, name: str) -> str:
        """The file's SHA-256, hex."""
        return self._digests[name]

    def path(self, name: str) -> Path:
        return self.folder / name
