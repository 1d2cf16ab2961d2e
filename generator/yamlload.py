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

from . import yamlcache
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


# Limits on every YAML pressgen reads (release definitions, wording rules, annotations,
# release front matter). Anchors and aliases are allowed, to repeat a value or two (a
# source, a label pair), but counted: an "alias bomb" of a few lines — nine aliases of
# nine aliases of ... — expands to a billion values when walked. So at most MAX_ALIASES
# alias references per document, together expanding to at most MAX_ALIAS_NODES values,
# and no alias inside its own anchor. Nesting stops at MAX_DEPTH, long before Python's
# recursion limit; the deepest real file nests 5 levels. Files stop at MAX_YAML_BYTES.
MAX_ALIASES = 100
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 50
MAX_YAML_BYTES = 2 * 1024 * 1024


class YamlLimitError(yaml.MarkedYAMLError):
    """A document beyond one of the limits above; a ``MarkedYAMLError``, so callers that locate
    syntax errors locate this one too."""

    def __init__(self, problem: str, mark: Any, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _Limits:
    """Composer hooks enforcing the limits while the document is composed, before anything is built."""

    def compose_document(self):  # type: ignore[no-untyped-def]
        self._aliases = 0
        self._alias_nodes = 0
        self._depth = 0
        self._open: set[str] = set()
        self._weights: dict[int, int] = {}
        return super().compose_document()  # type: ignore[misc]

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            self._check_alias(event)
            return super().compose_node(parent, index)  # type: ignore[misc]
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlLimitError(f"values nested more than {MAX_DEPTH} levels deep", event.start_mark,
                                 "flatten the structure; no pressgen file needs this depth")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._open.add(anchor)
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1
            if anchor is not None:
                self._open.discard(anchor)

    def _check_alias(self, event: yaml.AliasEvent) -> None:
        hint = "write the values out instead of repeating them through aliases (*name)"
        self._aliases += 1
        if self._aliases > MAX_ALIASES:
            raise YamlLimitError(f"more than {MAX_ALIASES} aliases (*name) in one document", event.start_mark, hint)
        if event.anchor in self._open:
            raise YamlLimitError(f"alias *{event.anchor} refers to a value that contains it", event.start_mark, hint)
        target = self.anchors.get(event.anchor)  # type: ignore[attr-defined]
        if target is not None:  # an undefined alias is PyYAML's own error, raised next
            self._alias_nodes += self._weight(target)
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise YamlLimitError(f"aliases (*name) expand to more than {MAX_ALIAS_NODES:,} values", event.start_mark, hint)

    def _weight(self, node: yaml.Node) -> int:
        """How many values ``node`` stands for with every alias in it expanded (memoised: nodes are shared)."""
        known = self._weights.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.SequenceNode):
            total = 1 + sum(self._weight(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total = 1 + sum(self._weight(k) + self._weight(v) for k, v in node.value)
        else:
            total = 1
        self._weights[id(node)] = total
        return total


class _Loader(_Limits, yaml.SafeLoader):
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


class _BoundedSafeLoader(_Limits, yaml.SafeLoader):
    """``yaml.safe_load``'s loader (plain dicts and lists) with pressgen's limits."""


def safe_load_bounded(text: str, display: str = "") -> Any:
    """``yaml.safe_load(text)`` within the limits above, for YAML held in memory (release front matter).

    Raises ``YamlLimitError`` (a ``yaml.MarkedYAMLError``, located in ``text``) beyond a
    limit, and PyYAML's own errors for invalid YAML, so callers handle both alike.
    """
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(f"YAML text longer than {MAX_YAML_BYTES // (1024 * 1024)} MB",
                             yaml.Mark(display, 0, 0, 0, None, None), "front matter holds a few short keys")
    loader = _BoundedSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


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
    text = read_text(path, shown, error, "YAML text", max_bytes=MAX_YAML_BYTES)
    # Parsed values are kept between runs by text (yamlcache.py); a miss parses here, errors included.
    return yamlcache.load("located", text, shown, lambda: _parse(text, shown, error))


def _parse(text: str, shown: str, error: type[GeneratorError]) -> Any:
    loader = _Loader(text)
    loader.source_path = shown
    try:
        return loader.get_single_data()
    except YamlLimitError as exc:
        mark = exc.problem_mark
        raise error(f"YAML limit exceeded: {exc.problem}", path=shown, line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None, hint=exc.hint) from None
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
