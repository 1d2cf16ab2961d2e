"""Term rule kinds: banned terms, preferred forms, one spelling per document, and counted tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import ConfigError
from ...yamlload import YamlMap, describe
from ..findings import Finding
from .base import Common, Rule, compile_term, matches, str_list, str_map

if TYPE_CHECKING:
    from ..document import Document


class Existence(Rule):
    """Flags every occurrence of any of ``tokens`` (regular expressions)."""

    REQUIRED = ("tokens",)

    def __init__(self, common: Common, patterns: list) -> None:
        super().__init__(common)
        self.patterns = patterns

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Existence":
        tokens = str_list(spec, "tokens", f"rule '{common.id}'")
        return cls(common, [compile_term(t, common, spec["tokens"].where(i)) for i, t in enumerate(tokens)])

    def check(self, doc: "Document") -> list[Finding]:
        found = {}
        for pattern in self.patterns:
            for sentence, m in matches(pattern, doc):
                f = self.finding(doc, sentence, m.start(), m.end(), match=m.group())
                found.setdefault((f.line, f.column), f)  # overlapping tokens report once
        return list(found.values())


class Substitution(Rule):
    """Flags each ``old`` form of ``swap: {old: new}``; the message may use ``{old}`` and ``{new}``."""

    REQUIRED = ("swap",)
    PLACEHOLDERS = ("match", "old", "new")

    def __init__(self, common: Common, swaps: list) -> None:
        super().__init__(common)
        self.swaps = swaps

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Substitution":
        pairs = str_map(spec, "swap", f"rule '{common.id}'")
        node = spec["swap"]
        return cls(common, [(compile_term(old, common, node.where(old)), new) for old, new in pairs.items()])

    def check(self, doc: "Document") -> list[Finding]:
        found = {}
        for pattern, new in self.swaps:
            for sentence, m in matches(pattern, doc):
                f = self.finding(doc, sentence, m.start(), m.end(), match=m.group(), old=m.group(), new=new)
                found.setdefault((f.line, f.column), f)
        return list(found.values())


class Consistency(Rule):
    """``either: {a: b}``: a document uses one of the two forms; the minority (or later) form is flagged.

    The message may use ``{found}`` (the flagged text) and ``{use}`` (the form the document prefers).
    """

    REQUIRED = ("either",)
    PLACEHOLDERS = ("match", "found", "use")

    def __init__(self, common: Common, pairs: list) -> None:
        super().__init__(common)
        self.pairs = pairs

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Consistency":
        pairs = str_map(spec, "either", f"rule '{common.id}'")
        node = spec["either"]
        return cls(common, [
            ((a, compile_term(a, common, node.where(a))), (b, compile_term(b, common, node.where(a))))
            for a, b in pairs.items()
        ])

    def check(self, doc: "Document") -> list[Finding]:
        out = []
        for (a, pa), (b, pb) in self.pairs:
            hits_a = [self.finding(doc, s, m.start(), m.end(), match=m.group(), found=m.group(), use=b) for s, m in matches(pa, doc)]
            hits_b = [self.finding(doc, s, m.start(), m.end(), match=m.group(), found=m.group(), use=a) for s, m in matches(pb, doc)]
            if not hits_a or not hits_b:
                continue
            if len(hits_a) != len(hits_b):
                out.extend(hits_a if len(hits_a) < len(hits_b) else hits_b)
            else:
                # A tie goes to the form the reader met first.
                out.extend(hits_b if min(hits_a) < min(hits_b) else hits_a)
        return out


class Occurrence(Rule):
    """``token`` may appear at most ``max`` times per ``scope`` (``document`` or ``sentence``).

    Every occurrence past the limit is flagged; the message may use ``{count}`` and ``{max}``.
    """

    REQUIRED = ("token", "max")
    OPTIONAL = ("scope",)
    PLACEHOLDERS = ("match", "count", "max")
    SCOPES = ("document", "sentence")

    def __init__(self, common: Common, pattern, limit: int, scope: str) -> None:
        super().__init__(common)
        self.pattern, self.limit, self.scope = pattern, limit, scope

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Occurrence":
        token = spec["token"]
        if not isinstance(token, str) or not token:
            raise ConfigError(f"'token' in rule '{common.id}' must be a non-empty text, got {describe(token)}",
                              key="token", **spec.where("token"))
        limit = spec["max"]
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ConfigError(f"'max' in rule '{common.id}' must be a whole number 0 or more, got {describe(limit)}",
                              key="max", **spec.where("max"))
        scope = spec.get("scope", "document")
        if scope not in cls.SCOPES:
            raise ConfigError(f"'scope' in rule '{common.id}' must be one of {', '.join(cls.SCOPES)}, got {describe(scope)}",
                              key="scope", **spec.where("scope"))
        return cls(common, compile_term(token, common, spec.where("token")), limit, scope)

    def check(self, doc: "Document") -> list[Finding]:
        out, counts = [], {}
        for sentence, m in matches(self.pattern, doc):
            key = id(sentence) if self.scope == "sentence" else None
            counts[key] = counts.get(key, 0) + 1
            if counts[key] > self.limit:
                out.append(self.finding(doc, sentence, m.start(), m.end(), match=m.group(),
                                        count=counts[key], max=self.limit))
        return out
