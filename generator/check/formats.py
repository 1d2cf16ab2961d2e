"""Formatters for findings: text lines, JSON, GitHub Actions annotations and SARIF 2.1.0."""

from __future__ import annotations

import json
from typing import Callable, Iterable, Mapping

from .. import __version__
from ..errors import UsageError
from ..yamlload import suggest
from .findings import Finding, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}

RulesMeta = Mapping[str, RuleInfo] | Iterable[RuleInfo] | None


def text(findings: list[Finding], rules: dict[str, RuleInfo]) -> str:
    """``path:line:col: level rule-id message``, one finding per line (line breaks in a message become spaces)."""
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule_id} {' '.join(f.message.split())}\n" for f in findings)


def as_dict(finding: Finding) -> dict:
    """A finding as a JSON object with a fixed key order (``Finding(**obj)`` rebuilds it)."""
    return {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_column": finding.end_column, "level": finding.level, "rule_id": finding.rule_id,
        "message": finding.message, "data": finding.data,
    }


def json_(findings: list[Finding], rules: dict[str, RuleInfo]) -> str:
    return json.dumps([as_dict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], rules: dict[str, RuleInfo]) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…,title=…::message``)."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_column is not None:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_escape_property(f.rule_id)}")
        lines.append(f"::{_GITHUB_COMMAND[f.level]} {','.join(props)}::{_escape_data(f.message)}\n")
    return "".join(lines)


def sarif(findings: list[Finding], rules: dict[str, RuleInfo]) -> str:
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
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path}, "region": region}}],
        }
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
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[list[Finding], dict[str, RuleInfo]], str]] = {
    "text": text,
    "json": json_,
    "github": github,
    "sarif": sarif,
}


def render(findings: Iterable[Finding], fmt: str, rules_meta: RulesMeta = None) -> str:
    """Render findings (sorted here, so output is deterministic) in format ``fmt``.

    ``rules_meta`` maps rule ids to ``RuleInfo`` (or is a list of them); SARIF lists them.
    Raises UsageError for an unknown format.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format '{fmt}'; expected one of {', '.join(FORMATS)}{suggest(fmt, FORMATS)}", value=fmt)
    if rules_meta is None:
        meta: dict[str, RuleInfo] = {}
    elif isinstance(rules_meta, Mapping):
        meta = dict(rules_meta)
    else:
        meta = {info.id: info for info in rules_meta}
    return FORMATS[fmt](sorted(findings), meta)
