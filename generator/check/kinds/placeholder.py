"""Placeholder rule kind: leftovers such as TODO, XXX, TK, ``{{ amount }}``, ``[[cause]]``, ``<금액>``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...yamlload import YamlMap
from ..findings import Finding
from .base import Common, Rule, compile_term, matches, str_list

if TYPE_CHECKING:
    from ..document import Document

# ASCII-only boundaries: in Korean text "TODO확인" has no \b, since Hangul counts as \w.
DEFAULT_PATTERNS = (
    r"(?<![A-Za-z0-9])(?:TODO|TBD|FIXME|XXX|TK)(?![A-Za-z0-9])",
    r"\{\{.*?\}\}",
    r"\{%.*?%\}",
    r"\[\[.*?\]\]",
    r"<[^<>\s][^<>]*>",
    r"[○△□]{2,}",
)


class Placeholder(Rule):
    """Flags leftover placeholders; ``patterns`` (regular expressions, used as written) replaces the defaults."""

    OPTIONAL = ("patterns",)

    def __init__(self, common: Common, patterns: list) -> None:
        super().__init__(common)
        self.patterns = patterns

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Placeholder":
        if "patterns" not in spec:
            return cls(common, [compile_term(p, common, spec.where(), pad=False) for p in DEFAULT_PATTERNS])
        texts = str_list(spec, "patterns", f"rule '{common.id}'")
        return cls(common, [compile_term(p, common, spec["patterns"].where(i), pad=False) for i, p in enumerate(texts)])

    def check(self, doc: "Document") -> list[Finding]:
        found = {}
        for pattern in self.patterns:
            for sentence, m in matches(pattern, doc):
                f = self.finding(doc, sentence, m.start(), m.end(), match=m.group())
                found.setdefault((f.line, f.column), f)
        return list(found.values())
