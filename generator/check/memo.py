"""Check results kept for a text already checked, keyed by everything that decides them.

The findings of a release text depend only on its bytes, on what it is checked as (display
path, release, period, project folder), on the project's inputs (``inputs.project_inputs``:
every file under ``config/``, the release's figures, items, revisions, annotations and own
wording files) and on pressgen's own code. All of that is the key, by content:
an edited sentence, a revised figure, a new wording rule or another pressgen build misses
it and is checked afresh. Like ruff's cache, this saves repeating work, never changes an
answer; ``PRESSGEN_CACHE_DIR=off`` turns the copy on disk off, as for every cache.

Two layers: a bounded dict in the process (a redraft, a review page, a check run twice in one
process), and files in ``<cache root>/check`` (the next ``pressgen draft`` of unchanged inputs).
Reading a stored entry is restricted to the types findings are made of, so a planted cache
file cannot run code; an entry that cannot be read is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable

from ..cachedir import store_pickle

# Bumped by hand when what is stored changes shape; part of every key.
FORMAT = 1
_IN_PROCESS_LIMIT = 256
# Results kept on disk: one per distinct text and inputs, a few kilobytes each (cachedir.prune).
KEEP_ON_DISK = 4096
_RACY_NS = 2_000_000_000
_ALLOWED = {
    ("generator.check.findings", "Finding"), ("generator.check.findings", "Suggestion"),
    ("generator.check.document", "Document"), ("generator.check.suppress", "Directive"),
    ("generator.yamlload", "YamlMap"), ("generator.yamlload", "YamlList"),
    ("decimal", "Decimal"), ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
    ("datetime", "timedelta"), ("copyreg", "_reconstructor"), ("builtins", "object"),
    ("builtins", "frozenset"), ("builtins", "set"),
}

_enabled = True
_results: dict[str, Any] = {}
_file_digests: dict[tuple[str, int, int], bytes] = {}
_code: str | None = None


def code_fingerprint() -> str:
    """pressgen's version and the name, size and modification time of every file of the package.

    Stamps, not contents: an installed package does not change under a running process, and an
    edited source file (a developer's checkout) changes its size or time.
    """
    global _code
    if _code is None:
        from .. import __version__

        package = Path(__file__).resolve().parents[1]
        digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml", ".csv", ".json", ".txt") and "__pycache__" not in path.parts:
                st = path.stat()
                digest.update(f"{path.relative_to(package).as_posix()}|{st.st_size}|{st.st_mtime_ns}\0".encode())
        _code = digest.hexdigest()
    return _code


def _digest(path: str | Path) -> bytes:
    """The SHA-256 of a file's bytes, read again only when its size or time changes."""
    try:
        st = os.stat(path)
    except OSError:
        return b"missing"
    stamp = (str(path), st.st_size, st.st_mtime_ns)
    found = _file_digests.get(stamp)
    if found is None:
        with open(path, "rb") as handle:
            found = hashlib.sha256(handle.read()).digest()
        # A file changed within the clock's granularity of its last write can change again with
        # the same size and time ("racy" in git's words): its digest is not kept, but read each time.
        if time.time_ns() - st.st_mtime_ns > _RACY_NS:
            if len(_file_digests) > 4096:
                _file_digests.clear()
            _file_digests[stamp] = found
    return found


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        encoded = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little") + encoded)
    return digest.hexdigest()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a check result")
        return super().find_class(module, name)


def _folder() -> Path | None:
    from ..cachedir import cache_root

    root = cache_root()
    return None if root is None else root / "check"


def _listing(folders: Iterable[str], files: Iterable[str]) -> list[str]:
    found = set(files)
    for folder in folders:
        for top, dirs, names in os.walk(folder):
            dirs.sort()
            found.update(os.path.join(top, n) for n in names)
    return sorted(found)


def stamp_inputs(inputs: tuple[tuple[Path, ...], tuple[Path, ...]]) -> tuple:
    """The inputs with the digest of every file, stored beside a result and compared when it is
    read back: a file edited, added to one of the folders or removed makes the result stale."""
    folders, files = (tuple(map(str, group)) for group in inputs)
    return folders, files, tuple((p, _digest(p)) for p in _listing(folders, files))


def unchanged(stamped: tuple) -> bool:
    folders, files, digests = stamped
    now = _listing(folders, files)
    return len(now) == len(digests) and all(p == name and _digest(p) == digest for p, (name, digest) in zip(now, digests))


def remembered(name: str, compute: Callable[[], Any], *, valid: Callable[[Any], bool] | None = None) -> Any:
    """``compute()``'s value for the key ``name``, from memory or disk when already computed and
    ``valid(value)`` still holds (its inputs unchanged).

    Errors propagate and are never stored, so every error message comes from a real check.
    """
    if not _enabled:
        return compute()
    value = _results.get(name, _MISSING)
    if value is not _MISSING and (valid is None or valid(value)):
        return value
    folder = _folder()
    entry = folder / f"{name}.pickle" if folder is not None else None
    value = _MISSING
    if entry is not None:
        try:
            value = _Unpickler(io.BytesIO(entry.read_bytes())).load()
            if valid is not None and not valid(value):
                value = _MISSING
        except Exception:  # noqa: BLE001 - missing, damaged or foreign: check as if there were no cache
            value = _MISSING
    if value is _MISSING:
        value = compute()
        if folder is not None:
            store_pickle(folder, name, value, keep=KEEP_ON_DISK)
    if len(_results) >= _IN_PROCESS_LIMIT:
        _results.clear()
    _results[name] = value
    return value


@contextmanager
def off():
    """Inside ``with memo.off():`` every check is done afresh and nothing is stored (benchmarks
    measuring the check itself, and tests of what it finds)."""
    global _enabled
    before, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = before


def forget() -> None:
    """Drop what this process remembers (the files on disk stay); for tests and benchmarks."""
    _results.clear()
    _file_digests.clear()


_MISSING = object()
