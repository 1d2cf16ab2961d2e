"""Inline suppression: ``<!-- pressgen-disable… RULE-ID -->`` comments that silence findings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..yamlload import suggest
from .findings import Finding

if TYPE_CHECKING:
    from .document import Document

WILDCARD = "all"
_DIRECTIVE = re.compile(
    r"<!--\s*pressgen-(?P<kind>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
)


@dataclass(frozen=True)
class Directive:
    """One suppression comment: ``kind`` is ``disable-next-line``, ``disable`` or ``enable``."""

    kind: str
    rules: tuple[str, ...]
    line: int
    column: int


def find_directives(lines: Sequence[str], skip: Iterable[int] = ()) -> tuple[Directive, ...]:
    """Directives in ``lines`` (1-based line numbers), ignoring lines in ``skip`` (code blocks)."""
    skipped = set(skip)
    found = []
    for number, text in enumerate(lines, start=1):
        if number in skipped or "pressgen-" not in text:
            continue
        for match in _DIRECTIVE.finditer(text):
            rules = tuple(r for r in re.split(r"[\s,]+", match["rules"]) if r)
            found.append(Directive(match["kind"], rules, number, match.start() + 1))
    return tuple(found)


def _regions(directives: Sequence[Directive], last_line: int) -> list[tuple[str, int, int]]:
    """(rule, first, last) line ranges in which ``rule`` (or ``all``) is silenced."""
    regions: list[tuple[str, int, int]] = []
    open_at: dict[str, int] = {}
    for d in directives:
        if d.kind == "disable-next-line":
            regions.extend((rule, d.line + 1, d.line + 1) for rule in d.rules)
        elif d.kind == "disable":
            for rule in d.rules:
                open_at.setdefault(rule, d.line)
        else:
            # "enable all" closes every open region, not only a "disable all" one.
            closing = list(open_at) if WILDCARD in d.rules else [r for r in d.rules if r in open_at]
            for rule in closing:
                regions.append((rule, open_at.pop(rule), d.line))
    regions.extend((rule, start, last_line) for rule, start in open_at.items())
    return regions


def is_suppressed(finding: Finding, regions: Sequence[tuple[str, int, int]]) -> bool:
    return any(
        rule in (finding.rule_id, WILDCARD) and first <= finding.line <= last
        for rule, first, last in regions
    )


def apply(findings: Iterable[Finding], document: "Document") -> list[Finding]:
    """Drop the findings that a suppression comment in ``document`` silences."""
    regions = _regions(document.suppressions, len(document.lines))
    return [f for f in findings if f.path != document.path or not is_suppressed(f, regions)]


def directive_findings(document: "Document", known_ids: Iterable[str]) -> list[Finding]:
    """Warnings for suppression comments that name no rule or a rule that does not exist.

    A typo in a suppression would otherwise silently suppress nothing.
    """
    known = set(known_ids) | {WILDCARD}
    out = []
    for d in document.suppressions:
        if not d.rules:
            message = f"suppression comment 'pressgen-{d.kind}' names no rule; add a rule id or '{WILDCARD}'"
            out.append(Finding(document.path, d.line, d.column, "warning", "check.bad-suppression", message))
        for rule in d.rules:
            if rule not in known:
                message = f"suppression comment names unknown rule '{rule}'{suggest(rule, sorted(known))}"
                out.append(Finding(document.path, d.line, d.column, "warning", "check.bad-suppression", message))
    return out
