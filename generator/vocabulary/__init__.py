"""The vocabulary of each language (directions, bases, signs, streaks, records, units) as data.

Templates write with it and ``check`` reads with it, so the two cannot drift apart. The
package ships ``en.yaml`` and ``ko.yaml``; a project may extend them with
``config/vocabulary/<lang>.yaml`` (lists there are appended, mappings merged).
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlcache
from ..errors import ConfigError

LANGUAGES = ("en", "ko")


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


@functools.lru_cache(maxsize=8)
def _package(lang: str) -> dict:
    text = resources.files(__package__).joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    # Parsed once per text and kept between runs (yamlcache.py): the pure-Python parse cost 0.1 s a run.
    return yamlcache.safe_load(text, f"generator/vocabulary/{lang}.yaml")


@functools.lru_cache(maxsize=16)
def _load(lang: str, project: str | None, stamp: tuple | None) -> dict:
    data = _package(lang)
    if project is not None and stamp is not None:
        from ..yamlload import load_yaml

        path = Path(project) / "config" / "vocabulary" / f"{lang}.yaml"
        extra = load_yaml(path, display=f"config/vocabulary/{lang}.yaml")
        if extra is not None and not isinstance(extra, dict):
            raise ConfigError("a vocabulary file must be a mapping (directions, bases, signs, streaks, records, units)",
                              path=f"config/vocabulary/{lang}.yaml", line=1)
        data = _merge(data, dict(extra or {}))
    return data


def vocabulary(lang: str, project: Path | None = None) -> dict:
    """The merged vocabulary of ``lang`` for a project (or the package's own when ``project`` is None)."""
    if lang not in LANGUAGES:
        raise ConfigError(f"no vocabulary for language '{lang}'; expected one of {', '.join(LANGUAGES)}")
    stamp = None
    if project is not None:
        path = Path(project) / "config" / "vocabulary" / f"{lang}.yaml"
        try:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
    return _load(lang, str(project) if project is not None else None, stamp)
