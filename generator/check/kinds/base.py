"""What every wording rule kind shares: common fields, pattern compiling, and making findings."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import ConfigError
from ...yamlload import YamlMap, describe, require_list, require_map
from ..findings import Finding, RuleInfo
from .prefilter import FOLDS_TO_ASCII, literals

if TYPE_CHECKING:
    from ..document import Document, Sentence

PERIOD_KINDS = ("year", "half", "quarter")


@dataclass(frozen=True)
class Common:
    """Fields every rule has, already validated; ``path``/``line`` say where the rule is defined."""

    id: str
    kind: str
    level: str
    message: str
    source: str
    language: str
    ignorecase: bool = False
    nonword: bool = False
    periods: tuple[str, ...] = ()
    description: str = ""
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None
    column: int | None = None


class Rule:
    """Base of the rule kinds: subclasses set the key tuples and implement ``from_spec`` and ``check``."""

    REQUIRED: ClassVar[tuple[str, ...]] = ()
    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)

    def __init__(self, common: Common) -> None:
        self.common = common

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "Rule":
        raise NotImplementedError

    def check(self, doc: "Document") -> list[Finding]:
        raise NotImplementedError

    @property
    def id(self) -> str:
        return self.common.id

    @property
    def language(self) -> str:
        return self.common.language

    @property
    def info(self) -> RuleInfo:
        return RuleInfo(self.id, self.common.level, self.common.description or self.common.message, self.common.source)

    def applies(self, doc: "Document") -> bool:
        """False when the rule is limited to some kinds of period and the document is of another (or unknown)."""
        return not self.common.periods or doc.period_kind in self.common.periods

    def finding(self, doc: "Document", sentence: "Sentence", start: int, end: int, **values: Any) -> Finding:
        line, column = sentence.position(start)
        end_line, end_column = sentence.position(max(end - 1, start))
        return Finding(
            doc.path, line, column, self.common.level, self.id,
            self.common.message.format(**values),
            end_column=end_column + 1 if end_line == line and end > start else None,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


def check_placeholders(spec: YamlMap, message: str, allowed: tuple[str, ...], what: str) -> None:
    """Reject ``{name}`` fields in a message that the kind does not fill in (or broken braces)."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise ConfigError(f"message of {what} is not a valid template: {exc}", key="message",
                          hint="write a literal brace as '{{' or '}}'", **spec.where("message")) from None
    for name in names:
        if name not in allowed:
            offered = ", ".join("{" + a + "}" for a in allowed)
            raise ConfigError(f"message of {what} uses unknown placeholder '{{{name}}}'; this kind offers {offered}",
                              key="message", value=name, **spec.where("message"))


def str_list(spec: YamlMap, key: str, what: str, *, required: bool = True) -> list[str]:
    """A non-empty list of non-empty texts under ``key``."""
    if key not in spec:
        if required:
            raise ConfigError(f"{what} is missing the required key '{key}'", key=key, **spec.where())
        return []
    items = require_list(spec[key], f"'{key}' in {what}", parent=spec, key=key)
    if required and not items:
        raise ConfigError(f"'{key}' in {what} must list at least one entry", key=key, **spec.where(key))
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"entry {i + 1} of '{key}' in {what} must be a non-empty text, got {describe(item)}",
                              key=key, **items.where(i))
    return list(items)


def str_map(spec: YamlMap, key: str, what: str) -> dict[str, str]:
    node = require_map(spec[key], f"'{key}' in {what}", parent=spec, key=key)
    if not node:
        raise ConfigError(f"'{key}' in {what} must have at least one entry", key=key, **spec.where(key))
    for old, new in node.items():
        if not isinstance(old, str) or not isinstance(new, str) or not old.strip() or not new.strip():
            raise ConfigError(f"'{key}' in {what} must map texts to texts, got {describe(old)}: {describe(new)}",
                              key=key, **node.where(old))
    return dict(node)


# A term starting with a literal letter or digit (after any opening groups), and one
# ending with a literal letter or digit (before any closing groups and quantifiers).
_WORD_START = re.compile(r"^(?:\(\?:|\()*[A-Za-z0-9\uac00-\ud7a3]")
_WORD_END = re.compile(r"(?<!\\)[A-Za-z0-9\uac00-\ud7a3][)?*+]*$")


def compile_term(term: str, common: Common, located: dict[str, Any], *, pad: bool | None = None) -> re.Pattern:
    """Compile one term (a regular expression) with the rule's case and word-boundary options.

    Padding uses look-arounds rather than ``\\b`` so a term that starts or ends with
    punctuation (``!``, ``$``) still matches; Korean rules default to no padding because
    particles and endings attach to the stem (``증가했다``).
    """
    source = term
    if common.nonword if pad is None else pad:
        # A term that begins (ends) with a letter or digit needs only "no word character
        # before (after)", which the regex engine runs about twice as fast as the general form.
        left = r"(?<!\w)" if _WORD_START.match(term) else r"(?:(?<!\w)|(?=\W))"
        right = r"(?!\w)" if _WORD_END.search(term) else r"(?:(?!\w)|(?<=\W))"
        source = rf"{left}(?:{term}){right}"
    try:
        return re.compile(source, re.IGNORECASE if common.ignorecase else 0)
    except re.error as exc:
        raise ConfigError(f"rule '{common.id}' has an invalid regular expression '{term}': {exc.msg}",
                          value=term, hint="escape special characters such as . ( ) [ ] ? * + with a backslash",
                          **located) from None


def matches(pattern: re.Pattern, doc: "Document"):
    """``(sentence, match)`` for every non-empty match in the document's prose.

    Sentences that lack every literal a match must contain are skipped unscanned (see
    ``prefilter``); a document that lacks them all is not even walked (most rules match
    nothing in a release: one scan of the whole text in C instead of one test per sentence).
    """
    needed = literals(pattern)
    sentences, whole = _lowered(doc)
    if needed is not None:
        texts, folded = needed
        if not (folded and whole[2]):
            hay = whole[1] if folded else whole[0]
            for x in texts:
                if x in hay:
                    break
            else:
                return
    for sentence, lowered, folds in sentences:
        if needed is not None and not (folded and folds):
            hay = lowered if folded else sentence.text
            for x in texts:  # a plain loop: a generator per sentence cost more than the tests
                if x in hay:
                    break
            else:
                continue
        for m in pattern.finditer(sentence.text):
            if m.end() > m.start():
                yield sentence, m


_LOWERED: list = [None, [], ("", "", False)]
_FOLDS = re.compile("[" + "".join(sorted(FOLDS_TO_ASCII)) + "]")


def _lowered(doc: "Document") -> tuple[list, tuple[str, str, bool]]:
    """Each sentence with its lowered text and whether it holds a character ``lower`` does not fold
    as IGNORECASE does, and the same for all of them joined; kept for the last document, which
    every rule of a lint reads in turn."""
    if _LOWERED[0] is not doc:
        rows = [(s, s.text.lower(), _FOLDS.search(s.text) is not None) for s in doc.sentences]
        # Joined by a character no literal holds, so a literal is never found across two sentences
        # (that would only cost a needless walk, never a missed match).
        raw = "\n".join(s.text for s in doc.sentences)
        _LOWERED[:] = [doc, rows, (raw, raw.lower(), any(f for _, _, f in rows))]
    return _LOWERED[1], _LOWERED[2]
