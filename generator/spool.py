"""Built files kept on disk until they are published, instead of in memory.

``draft --all`` builds every period before it writes any, so that a bad template or
annotation in the last period stops the run before the first folder changes. Holding
every period's bytes for that was most of its memory: 60 periods × 7.8 MB of
facts.json on the synthetic release. Each period's files now go into a private folder
in the system's temporary directory as they are built (by the worker that built them),
with their SHA-256; publishing plans with the digests and hard-links the files into the
staged period folder (``writer.replace_folder``), copying where links are not possible.

The folder is deleted when the last ``SpooledFiles`` of it is (or at exit); it is never
inside the project, so a run that stops early leaves the project as it was.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Iterable, Iterator, Mapping


class Spool:
    """A private temporary folder with one subfolder per period."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pressgen-spool-"))
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.root), True)

    def folder(self, name: str) -> Path:
        return self.root / name

    def cleanup(self) -> None:
        self._finalizer()


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
