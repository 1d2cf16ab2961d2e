"""One pressgen run at a time per output folder (``output/.pressgen.lock``).

Two runs writing the same period at once would each move the other's folders about; so
a run takes an exclusive ``flock`` on the lock file for as long as it writes, and a second
run waits a bounded time and then stops with the holder's pid and command. The kernel
releases the lock when the holder dies, however it dies, so a stale lock cannot block anyone.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError

LOCK = ".pressgen.lock"
# Seconds a second run waits for the first; the tests shorten it.
TIMEOUT_ENV = "PRESSGEN_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 10.0

# Folders this process already holds: flock on a second descriptor would wait for ourselves.
_HELD: set[str] = set()


@contextmanager
def output_lock(output: Path, *, shown: str | None = None, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``output`` (which must exist) inside the ``with`` block."""
    key = os.path.realpath(output)
    if key in _HELD:
        yield
        return
    path = output / LOCK
    shown = shown or str(path)
    if timeout is None:
        timeout = float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot open the lock file {shown}: {exc.strerror}",
                          path=shown, hint=_hint(exc, shown)) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"another pressgen run is writing this output folder ({_holder(path)}); waited {timeout:g} s",
                        path=shown, hint="wait for that run to finish and run draft again (or stop it)") from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}: {' '.join(sys.argv) or 'pressgen'}\n".encode("utf-8", "replace"), 0)
        _HELD.add(key)
        try:
            yield
        finally:
            _HELD.discard(key)
            # Empty again, so the output tree does not depend on who drafted it last.
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return f"held by {text}" if text else "held by a run that has just started"


def _hint(exc: OSError, shown: str) -> str:
    folder = str(Path(shown).parent)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"make {folder} writable and run draft again"
    if exc.errno == errno.EISDIR:
        return f"{shown} is a folder; move or delete it, pressgen keeps its lock file there"
    return f"check {folder} and run draft again"
