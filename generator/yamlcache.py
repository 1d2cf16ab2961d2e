"""Parsed YAML kept between runs, keyed by the file's text and the code that parses it.

PyYAML's pure-Python parser (chosen on purpose: its error messages are part of
pressgen's output) was the largest part of a cold ``draft`` after the imports: the
release definition, both wording files, both vocabularies and the Korean readings,
about 0.1 s on every run (cProfile put 0.6 s under the profiler). The parsed values
only depend on the text and on the parsing code, so both are the key: a SHA-256 of
the text, the name shown in messages (stored in every located value), pressgen's
version, the source of the loader modules, PyYAML's version and Python's. An edited
file, an upgraded PyYAML or an edited loader therefore misses the cache and is parsed
as before; only documents that parsed without error are ever stored, so every error
message comes from a real parse.

Entries live in ``<cache root>/yaml`` (``cachedir.cache_root``:
``$PRESSGEN_CACHE_DIR``, ``$XDG_CACHE_HOME/pressgen`` or ``~/.cache/pressgen``;
``PRESSGEN_CACHE_DIR=off`` turns caches off). An entry that cannot be read, is damaged
or holds anything but plain YAML values is ignored and rewritten: the cache only ever
saves time. Unpickling is restricted to the types YAML builds (dates, ``YamlMap``,
``YamlList``), so a planted cache file cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Callable

import yaml

# Bumped by hand when the stored layout changes; part of every key.
FORMAT = 1
# Parsed documents kept on disk, the most recently parsed (cachedir.prune).
KEEP_ON_DISK = 1024
# Only what a parsed document can contain (plain values are not looked up by name).
_ALLOWED = {
    ("generator.yamlload", "YamlMap"), ("generator.yamlload", "YamlList"),
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"),
}
_fingerprint: str | None = None


def _code_fingerprint() -> str:
    """What, besides the text, decides a parsed value: versions and the loaders' own source."""
    global _fingerprint
    if _fingerprint is None:
        from . import __version__

        here = Path(__file__).parent
        digest = hashlib.sha256(f"{FORMAT}|{__version__}|{yaml.__version__}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
        for name in ("yamlcache.py", "yamlload.py", "errors.py"):
            try:
                digest.update(name.encode() + b"\0" + (here / name).read_bytes())
            except OSError:  # an unreadable source: never share entries with another build
                digest.update(os.urandom(16))
        _fingerprint = digest.hexdigest()
    return _fingerprint


def _folder() -> Path | None:
    from .cachedir import cache_root

    root = cache_root()
    return None if root is None else root / "yaml"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a YAML value")
        return super().find_class(module, name)


def key(kind: str, text: str, display: str) -> str:
    """The cache key of one document: its text, how it is parsed (``kind``) and the name messages show."""
    digest = hashlib.sha256(_code_fingerprint().encode())
    for part in (kind, display, text):
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little") + encoded)
    return digest.hexdigest()


def load(kind: str, text: str, display: str, parse: Callable[[], Any]) -> Any:
    """``parse()``'s value for ``text``, from the cache when a run already parsed the same text."""
    folder = _folder()
    if folder is None:
        return parse()
    name = key(kind, text, display)
    entry = folder / f"{name}.pickle"
    try:
        return _Unpickler(io.BytesIO(entry.read_bytes())).load()
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: parse as if there were no cache
        pass
    value = parse()  # errors propagate unchanged, and nothing is stored for them
    from .cachedir import store_pickle

    store_pickle(folder, name, value, keep=KEEP_ON_DISK)
    return value


def safe_load(text: str, display: str) -> Any:
    """``yaml.safe_load(text)`` through the cache, for YAML files shipped inside the package."""
    return load("safe_load", text, display, lambda: yaml.safe_load(text))

