"""Checks of single release-definition keys that guard pressgen itself, not the release's content."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ConfigError
from .paths import ALLOW_OUTSIDE_KEY
from .yamlload import YamlMap, describe, where

# The id is written unquoted into every release's front matter and names output; YAML
# would misread "[x", "*x" or "a #b" there, so it is a plain identifier.
RELEASE_ID = re.compile(r"[a-z][a-z0-9_]*")


def check_release_id(doc: YamlMap, path: Path) -> None:
    """Raise ``ConfigError`` at the ``id`` key unless it is a plain identifier equal to the file's stem."""
    if "id" not in doc:
        return  # reported as a missing required key by the caller's check_keys
    value = doc["id"]
    if not isinstance(value, str) or not RELEASE_ID.fullmatch(value):
        raise ConfigError(
            f"release id {describe(value) if not isinstance(value, str) else repr(value)} is not a plain name",
            key="id", **where(doc, "id"),
            hint=f"use lower-case letters, digits and _, starting with a letter, e.g. {_suggest_id(path.stem)}",
        )
    if value != path.stem:
        raise ConfigError(
            f"release id '{value}' differs from the file name {path.name}",
            key="id", **where(doc, "id"),
            hint=f"set 'id: {path.stem}' or rename the file to {value}.yaml (--release uses the file name)",
        )


def allow_outside(doc: YamlMap) -> bool:
    """The release's ``allow_outside_project`` switch (default false); anything but true/false is an error."""
    value = doc.get(ALLOW_OUTSIDE_KEY, False)
    if not isinstance(value, bool):
        raise ConfigError(f"'{ALLOW_OUTSIDE_KEY}' must be true or false, got {describe(value)}",
                          key=ALLOW_OUTSIDE_KEY, **where(doc, ALLOW_OUTSIDE_KEY))
    return value


def _suggest_id(stem: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_")
    return cleaned if RELEASE_ID.fullmatch(cleaned) else "my_release"
