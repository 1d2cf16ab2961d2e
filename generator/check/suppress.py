"""Inline suppression: ``<!-- pressgen-disable… RULE-ID -->`` comments that silence findings.

A comment names rule ids, a family (``data.*``, ``en.*``) or ``all``. ``all`` silences the
wording rules only: a data rule (``data.*``) says a figure contradicts the data, and hiding
that takes a comment that names it, so a reviewer sees which data finding was waived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..yamlload import suggest
from .findings import Finding

if TYPE_CHECKING:
    from .document import Document

WILDCARD = "all"
# Rules that "all" does not reach; they must be named, or their family ("data.*").
PROTECTED_PREFIX = "data."
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


def covers(rule: str, rule_id: str) -> bool:
    """Whether a suppression naming ``rule`` (an id, ``family.*`` or ``all``) applies to ``rule_id``."""
    if rule == rule_id:
        return True
    if rule == WILDCARD:
        return not rule_id.startswith(PROTECTED_PREFIX)
    return rule.endswith(".*") and rule_id.startswith(rule[:-1])


def is_suppressed(finding: Finding, regions: Sequence[tuple[str, int, int]]) -> bool:
    return any(first <= finding.line <= last and covers(rule, finding.rule_id) for rule, first, last in regions)


def partition(findings: Iterable[Finding], document: "Document") -> tuple[list[Finding], list[Finding]]:
    """``(kept, hidden)``: the findings a suppression comment in ``document`` does not silence, and those it does."""
    regions = _regions(document.suppressions, len(document.lines))
    kept: list[Finding] = []
    hidden: list[Finding] = []
    for f in findings:
        (hidden if f.path == document.path and regions and is_suppressed(f, regions) else kept).append(f)
    return kept, hidden


def apply(findings: Iterable[Finding], document: "Document") -> list[Finding]:
    """Drop the findings that a suppression comment in ``document`` silences."""
    return partition(findings, document)[0]


def directive_findings(document: "Document", known_ids: Iterable[str]) -> list[Finding]:
    """Warnings for suppression comments that name no rule or a rule that does not exist.

    A typo in a suppression would otherwise silently suppress nothing.
    """
    known = set(known_ids) | {WILDCARD}
    families = {rule_id.rsplit(".", 1)[0] + ".*" for rule_id in known if "." in rule_id}
    out = []
    for d in document.suppressions:
        if not d.rules:
            message = f"suppression comment 'pressgen-{d.kind}' names no rule; add a rule id or '{WILDCARD}'"
            out.append(Finding(document.path, d.line, d.column, "warning", "check.bad-suppression", message))
        for rule in d.rules:
            if rule not in known and rule not in families:
                message = f"suppression comment names unknown rule '{rule}'{suggest(rule, sorted(known))}"
                out.append(Finding(document.path, d.line, d.column, "warning", "check.bad-suppression", message))
    return out
