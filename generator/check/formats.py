"""Formatters for findings: text lines, JSON, GitHub Actions annotations, SARIF 2.1.0 and reviewdog rdjson."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import quote

from .. import __version__
from ..errors import UsageError
from ..yamlload import suggest
from .findings import LEVELS as LEVEL_ORDER, Finding, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
_RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}

RulesMeta = Mapping[str, RuleInfo] | Iterable[RuleInfo] | None


@dataclass(frozen=True)
class Context:
    """What some formats need beyond the findings.

    ``sources`` maps a finding's path to the file's lines (rdjson counts columns in UTF-8
    bytes, so it needs the text); ``suppressed`` is how many findings pressgen-disable
    comments hid (SARIF reports it in the run's properties).
    """

    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    suppressed: int = 0


def text(findings: list[Finding], rules: dict[str, RuleInfo], context: Context | None = None) -> str:
    """``path:line:col: level rule-id message``, one finding per line (line breaks in a message become spaces)."""
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule_id} {' '.join(f.message.split())}\n" for f in findings)


def as_dict(finding: Finding) -> dict:
    """A finding as a JSON object with a fixed key order (``Finding(**obj)`` rebuilds it).

    ``suggestion`` is there only when the finding has one, so the common shape is unchanged.
    """
    obj = {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_column": finding.end_column, "level": finding.level, "rule_id": finding.rule_id,
        "message": finding.message, "data": finding.data,
    }
    fix = finding.suggestion
    if fix is not None:
        obj["suggestion"] = {"column": fix.column, "end_column": fix.end_column, "text": fix.text, "line": fix.line}
    return obj


def json_(findings: list[Finding], rules: dict[str, RuleInfo], context: Context | None = None) -> str:
    return json.dumps([as_dict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], rules: dict[str, RuleInfo], context: Context | None = None) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…,title=…::message``)."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_column is not None:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_escape_property(f.rule_id)}")
        lines.append(f"::{_GITHUB_COMMAND[f.level]} {','.join(props)}::{_escape_data(f.message)}\n")
    return "".join(lines)


def sarif(findings: list[Finding], rules: dict[str, RuleInfo], context: Context | None = None) -> str:
    """A SARIF 2.1.0 log with one run; rules listed by id, results pointing at them by index."""
    infos = dict(rules)
    for f in findings:
        infos.setdefault(f.rule_id, RuleInfo(f.rule_id, f.level, f.rule_id))
    ordered = sorted(infos)
    index = {rule_id: i for i, rule_id in enumerate(ordered)}
    driver_rules = []
    for rule_id in ordered:
        info = infos[rule_id]
        entry = {
            "id": rule_id,
            "shortDescription": {"text": info.description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[info.level]},
        }
        if info.source:
            entry["properties"] = {"source": info.source}
        if info.help_uri:
            entry["helpUri"] = info.help_uri
        driver_rules.append(entry)
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column}
        if f.end_column is not None:
            region["endColumn"] = f.end_column
        result = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": _SARIF_LEVEL[f.level],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": sarif_uri(f.path)}, "region": region}}],
        }
        if f.suggestion is not None:
            fix = f.suggestion
            result["fixes"] = [{
                "description": {"text": f"replace with '{fix.text}'" if fix.text else "delete"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": sarif_uri(f.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": fix.line or f.line, "startColumn": fix.column, "endColumn": fix.end_column},
                        "insertedContent": {"text": fix.text},
                    }],
                }],
            }]
        if f.data is not None:
            result["properties"] = {"data": f.data}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "pressgen", "version": __version__, "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"suppressedFindings": context.suppressed if context else 0},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def sarif_uri(path: str) -> str:
    """``artifactLocation.uri`` for a finding's path: a URI reference, percent-encoded (spaces,
    Hangul, ``%``, ``#``). Paths are project-relative; a file outside the project keeps its
    absolute path, and a Windows one (``C:\\…``) becomes a ``file:`` URI, as a drive letter
    would read as a URI scheme."""
    windows = PureWindowsPath(path)
    if windows.drive:
        return windows.as_uri() if windows.is_absolute() else quote(windows.as_posix(), safe="/")
    return quote(path, safe="/")


def byte_column(line: str | None, column: int) -> int:
    """The 1-based UTF-8 byte column of character ``column`` in ``line`` (past its end counts one each)."""
    if line is None:
        return column  # text unknown: characters are the best guess
    before = line[:column - 1]
    return len(before.encode("utf-8")) + 1 + max(column - 1 - len(line), 0)


def rdjson(findings: list[Finding], rules: dict[str, RuleInfo], context: Context | None = None) -> str:
    """Reviewdog Diagnostic Format (``DiagnosticResult``) for ``reviewdog -f=rdjson``.

    reviewdog.proto: a Position's column is a "byte count in UTF-8", 1-based, and a
    Range's end is exclusive; findings count characters, so columns are converted here
    with the file's text. reviewdog reads this with protojson, which rejects unknown
    fields, so nothing beyond the proto's fields is written (the suppressed count goes
    to stderr with the other formats).
    """
    sources = context.sources if context else {}

    def position(path: str, line: int, column: int) -> dict:
        lines = sources.get(path)
        text = lines[line - 1] if lines is not None and 0 < line <= len(lines) else None
        return {"line": line, "column": byte_column(text, column)}

    diagnostics = []
    for f in findings:
        span = {"start": position(f.path, f.line, f.column)}
        if f.end_column is not None:
            span["end"] = position(f.path, f.line, f.end_column)
        code = {"value": f.rule_id}
        info = rules.get(f.rule_id)
        if info is not None and info.help_uri:
            code["url"] = info.help_uri
        diagnostic = {
            "message": f.message,
            "location": {"path": f.path, "range": span},
            "severity": _RDJSON_SEVERITY[f.level],
            "code": code,
        }
        if f.suggestion is not None:
            fix, line = f.suggestion, f.suggestion.line or f.line
            diagnostic["suggestions"] = [{
                "range": {"start": position(f.path, line, fix.column), "end": position(f.path, line, fix.end_column)},
                "text": fix.text,
            }]
        diagnostics.append(diagnostic)
    # No url: pressgen has no public home page to point at (the field is optional).
    result: dict = {"source": {"name": "pressgen"}}
    if findings:
        worst = max(findings, key=lambda f: LEVEL_ORDER.index(f.level)).level
        result["severity"] = _RDJSON_SEVERITY[worst]
    result["diagnostics"] = diagnostics
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[list[Finding], dict[str, RuleInfo], Context | None], str]] = {
    "text": text,
    "json": json_,
    "github": github,
    "sarif": sarif,
    "rdjson": rdjson,
}


def render(findings: Iterable[Finding], fmt: str, rules_meta: RulesMeta = None, *,
           sources: Mapping[str, Sequence[str]] | None = None, suppressed: int = 0) -> str:
    """Render findings (sorted here, so output is deterministic) in format ``fmt``.

    ``rules_meta`` maps rule ids to ``RuleInfo`` (or is a list of them); SARIF lists them.
    ``sources`` maps paths to file lines (rdjson's byte columns); ``suppressed`` counts the
    findings suppression comments hid (SARIF's run properties). Raises UsageError for an
    unknown format.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format '{fmt}'; expected one of {', '.join(FORMATS)}{suggest(fmt, FORMATS)}", value=fmt)
    if rules_meta is None:
        meta: dict[str, RuleInfo] = {}
    elif isinstance(rules_meta, Mapping):
        meta = dict(rules_meta)
    else:
        meta = {info.id: info for info in rules_meta}
    return FORMATS[fmt](sorted(findings), meta, Context(sources or {}, suppressed))
