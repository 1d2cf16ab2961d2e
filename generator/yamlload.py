"""YAML reading that keeps line numbers, and small validators that report located errors.

``yaml.safe_load`` forgets where things were; a release editor needs
``config/release.yaml:14:3: unknown key 'treshold'``. Mappings and lists loaded here
remember the line and column of each key and item.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import ConfigError, GeneratorError
from .textfile import read_text


class YamlMap(dict):
    """A dict that remembers where it and each of its keys stood in the file."""

    path: str = ""
    line: int | None = None
    column: int | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marks: dict[Any, tuple[int, int]] = {}

    def where(self, key: Any = None) -> dict[str, Any]:
        """Keyword arguments locating ``key`` (or the mapping itself) for an error."""
        line, column = self.marks.get(key, (self.line, self.column))
        return {"path": self.path, "line": line, "column": column}


class YamlList(list):
    """A list that remembers where it and each of its items stood in the file."""

    path: str = ""
    line: int | None = None
    column: int | None = None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.marks: list[tuple[int, int]] = []

    def where(self, index: int | None = None) -> dict[str, Any]:
        if index is not None and index < len(self.marks):
            line, column = self.marks[index]
        else:
            line, column = self.line, self.column
        return {"path": self.path, "line": line, "column": column}


class _Loader(yaml.SafeLoader):
    """SafeLoader building YamlMap/YamlList; rejects duplicate keys (YAML allows them silently).

    The pure-Python loader on purpose: libyaml's error messages differ, and messages are
    part of pressgen's tested output.
    """

    source_path = ""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.path = loader.source_path
    result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        try:
            duplicate = key in result
        except TypeError:
            raise ConfigError(
                "a mapping key must be a plain value, not a list or mapping",
                path=loader.source_path, line=mark[0], column=mark[1],
            ) from None
        if duplicate:
            first = result.marks[key][0]
            raise ConfigError(
                f"duplicate key '{key}' (first given on line {first})",
                path=loader.source_path, line=mark[0], column=mark[1],
                hint="keep one of the two entries",
            )
        result[key] = _construct_value(loader, value_node)
        result.marks[key] = mark
    return result


def _construct_value(loader: _Loader, node: yaml.Node) -> Any:
    """Construct a value; an impossible date (2025-13-01) becomes a located error, not a crash."""
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        raise ConfigError(
            f"invalid value '{node.value}': {exc}",
            path=loader.source_path, line=node.start_mark.line + 1, column=node.start_mark.column + 1,
        ) from None


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList()
    result.path = loader.source_path
    result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
    for child in node.value:
        result.append(_construct_value(loader, child))
        result.marks.append((child.start_mark.line + 1, child.start_mark.column + 1))
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


_CACHE: dict[tuple, Any] = {}


def load_yaml(path: str | Path, *, error: type[GeneratorError] = ConfigError, display: str | None = None) -> Any:
    """Read a YAML file into YamlMap/YamlList values that keep their positions.

    ``display`` is the path shown in messages (relative to the project root).
    Raises ``error`` (a ``GeneratorError`` subclass) for unreadable files and syntax errors.
    Results are cached in-process by file identity, size and modification time: the
    pure-Python parser is slow, and every caller only reads what it gets.
    """
    try:
        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size, display, error)
    except OSError:
        key = None
    if key is not None and key in _CACHE:
        return _CACHE[key]
    result = _load_yaml(path, error=error, display=display)
    if key is not None:
        _CACHE[key] = result
    return result


def _load_yaml(path: str | Path, *, error: type[GeneratorError], display: str | None) -> Any:
    shown = display or str(path)
    text = read_text(path, shown, error, "YAML text")
    loader = _Loader(text)
    loader.source_path = shown
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise error(
            f"YAML syntax error: {problem}",
            path=shown,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation, colons and quotes around this line",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", path=shown) from None
    except GeneratorError as exc:
        if isinstance(exc, error):
            raise
        raise error(exc.message, path=exc.path, line=exc.line, column=exc.column, hint=exc.hint) from None
    finally:
        loader.dispose()


def suggest(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def where(node: Any, key: Any = None) -> dict[str, Any]:
    """Location keywords for ``key`` in a YamlMap/YamlList, or nothing for plain values."""
    if isinstance(node, (YamlMap, YamlList)):
        return node.where(key)
    return {}


def require_map(node: Any, what: str, *, error: type[GeneratorError] = ConfigError, parent: Any = None, key: Any = None) -> YamlMap:
    """Return ``node`` if it is a mapping; otherwise raise a located error naming ``what``."""
    if isinstance(node, dict):
        return node  # type: ignore[return-value]
    loc = where(parent, key) if parent is not None else where(node)
    raise error(f"{what} must be a mapping of keys to values, got {_kind(node)}", **loc)


def require_list(node: Any, what: str, *, error: type[GeneratorError] = ConfigError, parent: Any = None, key: Any = None) -> YamlList:
    if isinstance(node, list):
        return node  # type: ignore[return-value]
    loc = where(parent, key) if parent is not None else where(node)
    raise error(f"{what} must be a list, got {_kind(node)}", **loc)


def check_keys(
    node: YamlMap,
    what: str,
    *,
    required: Iterable[str] = (),
    optional: Iterable[str] = (),
    error: type[GeneratorError] = ConfigError,
) -> None:
    """Reject unknown keys (with a did-you-mean) and report the first missing required key."""
    required = list(required)
    allowed = required + list(optional)
    for key in node:
        if key not in allowed:
            raise error(
                f"unknown key '{key}' in {what}; expected one of {', '.join(allowed)}{suggest(key, allowed)}",
                key=str(key), **where(node, key),
            )
    for key in required:
        if key not in node:
            raise error(f"{what} is missing the required key '{key}'", key=key, **where(node))


def get_str(node: YamlMap, key: str, what: str, *, error: type[GeneratorError] = ConfigError, default: Any = ..., allow_empty: bool = False) -> Any:
    """A string value (or ``default`` when absent); anything else is a located error."""
    if key not in node:
        if default is ...:
            raise error(f"{what} is missing the required key '{key}'", key=key, **where(node))
        return default
    value = node[key]
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise error(f"'{key}' in {what} must be a non-empty text, got {_kind(value)}", key=key, **where(node, key))
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return f"'{value}'"


describe = _kind
