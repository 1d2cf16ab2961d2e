"""Number-style rule kind: money written in the house style ("4.53 billion dollars", ``45억3000만달러``)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ...errors import ConfigError
from ...yamlload import YamlMap, describe
from ..findings import Finding
from .base import Common, Rule

if TYPE_CHECKING:
    from ..document import Document

STYLES = {"en": ("words", "symbol"), "ko": ("compact", "spaced", "decimal")}

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_EN_SYMBOL = re.compile(rf"(?<![\w$])(?:US|U\.S\.\s?)?\$\s?(?P<num>{_NUMBER})(?:\s(?P<unit>trillion|billion|million|thousand)\b|\s?(?P<short>trln|bln|tn|bn|mln|mn)\b)?", re.I)
# "$4.53bn" is 4.53 billion: the shorthand's word, for the message.
_EN_SHORT = {"tn": "trillion", "trln": "trillion", "bn": "billion", "bln": "billion", "mln": "million", "mn": "million"}
_EN_WORDS = re.compile(rf"(?<![\w.,$])(?P<num>{_NUMBER})\s(?:(?P<unit>trillion|billion|million|thousand)\s)?(?:US\s|U\.S\.\s)?dollars?\b", re.I)
_KO_PART = rf"{_NUMBER}(?:\s?천)?\s?[조억만]"
_KO_AMOUNT = re.compile(rf"(?<![\d.,])(?P<amount>{_KO_PART}(?:\s?{_KO_PART})*)(?:(?P<space>\s*)(?P<currency>달러|원))?")
_KO_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}


class NumberStyle(Rule):
    """Flags money amounts not in ``style``: en ``words``/``symbol``; ko ``compact``/``spaced``/``decimal``.

    The message may use ``{match}`` and ``{expected}`` (the amount rewritten in the house style).
    """

    REQUIRED = ("style",)
    PLACEHOLDERS = ("match", "expected")

    def __init__(self, common: Common, style: str) -> None:
        super().__init__(common)
        self.style = style

    @classmethod
    def from_spec(cls, spec: YamlMap, common: Common) -> "NumberStyle":
        styles = STYLES[common.language]
        style = spec["style"]
        if style not in styles:
            raise ConfigError(
                f"'style' in rule '{common.id}' must be one of {', '.join(styles)} for language {common.language}, got {describe(style)}",
                key="style", value=style, **spec.where("style"),
            )
        return cls(common, style)

    def check(self, doc: "Document") -> list[Finding]:
        out = []
        for sentence in doc.sentences:
            for start, end, text, expected in self._violations(sentence.text):
                out.append(self.finding(doc, sentence, start, end, match=text, expected=expected))
        return out

    def _violations(self, text: str):
        if self.common.language == "en":
            pattern = _EN_SYMBOL if self.style == "words" else _EN_WORDS
            for m in pattern.finditer(text):
                num, unit = m["num"], m["unit"] or _EN_SHORT.get((m.groupdict().get("short") or "").lower())
                if self.style == "words":
                    expected = f"{num} {unit} dollars" if unit else f"{num} dollars"
                else:
                    expected = f"${num} {unit}" if unit else f"${num}"
                yield m.start(), m.end(), m.group(), expected
            return
        for m in _KO_AMOUNT.finditer(text):
            expected = self._korean(m)
            if expected is not None and expected != m.group():
                yield m.start(), m.end(), m.group(), expected

    def _korean(self, m: re.Match) -> str | None:
        """The amount in the house style, or None when it is not a money amount the rule can judge."""
        value = _korean_value(m["amount"])
        if value is None:
            return None
        if not m["currency"]:
            # Without a currency only the 천 spelling is judged: "1.5만 명" is not money.
            if "천" not in m["amount"] or self.style == "decimal":
                return None
            return _compact(value)
        if self.style == "decimal" and value >= 10**8:
            amount = format((Decimal(value) / 10**8).normalize(), ",f") + "억"
        else:
            amount = _compact(value)
        return amount + (" " if self.style == "spaced" else "") + m["currency"]


def _korean_value(amount: str) -> int | None:
    total = Decimal(0)
    for num, thousand, unit in re.findall(rf"({_NUMBER})(\s?천)?\s?([조억만])", amount):
        try:
            part = Decimal(num.replace(",", ""))
        except InvalidOperation:
            return None
        total += part * (1000 if thousand else 1) * _KO_UNITS[unit]
    return int(total) if total == total.to_integral_value() else None


def _compact(value: int) -> str:
    """``4530000000`` → ``45억3000만``."""
    parts = []
    for unit, size in _KO_UNITS.items():
        count, value = divmod(value, size)
        if count:
            parts.append(f"{count}{unit}")
    if value:
        parts.append(str(value))
    return "".join(parts) or "0"
