"""Find which items a sentence talks about, by their names and aliases in the release's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import ReleaseConfig


@dataclass(frozen=True)
class ItemMention:
    """A name in a sentence and the item codes it can stand for (one name may name several items)."""

    codes: tuple[str, ...]
    start: int
    end: int


class ItemMatcher:
    """Longest-name-first matching of item names; English ignores case and a leading "the"."""

    def __init__(self, items: dict, config: ReleaseConfig, lang: str) -> None:
        names: dict[str, set[str]] = {}
        # The release's own name for what the total measures ("South Korea's services trade balance").
        names.setdefault(self._normal(config.subject[lang], lang), set()).add(config.total)
        for code, item in items.items():
            short = item.shorts.get(lang) if hasattr(item, "shorts") else None
            for name in (item.name(lang), *((short,) if short else ()), *config.aliases.get(code, {}).get(lang, ())):
                names.setdefault(self._normal(name, lang), set()).add(code)
        self.lang = lang
        ordered = sorted(names, key=lambda n: (-len(n), n))
        self.codes = {n: tuple(sorted(names[n])) for n in ordered}
        alternatives = "|".join(re.escape(n) for n in ordered if n)
        if lang == "en":
            self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        else:
            # Korean names take particles directly after them: no boundary on the right.
            self.pattern = re.compile(rf"(?:{alternatives})")

    @staticmethod
    def _normal(name: str, lang: str) -> str:
        name = name.strip()
        if lang == "en":
            name = name.lower()
            if name.startswith("the "):
                name = name[4:]
        return name

    def find(self, text: str) -> list[ItemMention]:
        found = []
        for m in self.pattern.finditer(text):
            key = self._normal(m.group(0), self.lang)
            codes = self.codes.get(key)
            if codes:
                found.append(ItemMention(codes, m.start(), m.end()))
        return found
