"""The planned story: sentences (a template macro plus the facts it states), paragraphs, sections, and fact lookups."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..annotations import Annotations, Cause, Remark
from ..facts.model import Fact, FactSet


@dataclass
class Sentence:
    """One sentence to render: the macro (``kind``), the facts it states and its arguments."""

    kind: str
    facts: tuple[Fact, ...] = ()
    args: dict[str, Any] = field(default_factory=dict)
    # Text supplied by an annotation (a cause or remark), not derived from the data.
    annotation: Cause | Remark | None = None
    # Where the sentence stands: ``variant`` counts every sentence before it, ``turn`` only
    # those of its own kind, so a template can alternate shapes between sentences of a kind
    # ("respectively" in one, amounts in parentheses in the next) wherever they fall.
    variant: int = 0
    turn: int = 0
    streak_turn: int = 0
    # The sentence as rendered, per language (set by render_story); ``text`` is the latest.
    texts: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def __getattr__(self, name: str) -> Any:
        args = self.__dict__.get("args", {})
        if name in args:
            return args[name]
        raise AttributeError(f"sentence '{self.__dict__.get('kind')}' has no argument '{name}'")


@dataclass
class Paragraph:
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    id: str
    heading: Sentence | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Story:
    """The planned release, before wording: headline, subheadlines, lead and sections."""

    release: str
    period: str
    headline: Sentence
    subheadlines: list[Sentence]
    lead: Paragraph
    sections: list[Section]
    annotations: Annotations | None

    def in_language(self, lang: str) -> "Story":
        """A view of the story with each sentence's ``text`` in ``lang`` (after rendering)."""
        def one(sentence: Sentence | None) -> Sentence | None:
            return None if sentence is None else replace(sentence, text=sentence.texts.get(lang, ""))

        def paragraph(p: Paragraph) -> Paragraph:
            return Paragraph([one(s) for s in p.sentences])

        sections = [Section(sec.id, one(sec.heading), [paragraph(p) for p in sec.paragraphs]) for sec in self.sections]
        return Story(self.release, self.period, one(self.headline), [one(s) for s in self.subheadlines],
                     paragraph(self.lead), sections, self.annotations)

    def sentences(self) -> list[Sentence]:
        """Every sentence in reading order."""
        found = [self.headline, *self.subheadlines, *self.lead.sentences]
        for section in self.sections:
            if section.heading:
                found.append(section.heading)
            for paragraph in section.paragraphs:
                found.extend(paragraph.sentences)
        return found


class _Index:
    """Lookups over a fact set by what the planner asks for, built once per story."""

    def __init__(self, facts: FactSet) -> None:
        self.facts = facts
        self._by: dict[tuple, list[Fact]] = {}
        self._records: dict[str, list[Fact]] = {}
        self._ranks: dict[tuple[str, str], Fact] = {}
        self._compositions: dict[tuple[str, str], Fact] = {}
        for fact in facts:
            data = fact.data
            metric = data.get("metric")
            self._by.setdefault((fact.kind, fact.item, metric, data.get("basis")), []).append(fact)
            if fact.kind == "record" and metric == "balance":
                self._records.setdefault(fact.item, []).append(fact)
            elif fact.kind == "rank":
                self._ranks.setdefault((fact.dimension, fact.extreme), fact)
            elif fact.kind == "composition":
                self._compositions.setdefault((fact.item, fact.dimension), fact)

    def one(self, kind: str, item: str, metric: str | None = "balance", basis: str | None = None) -> Fact | None:
        found = self._by.get((kind, item, metric, basis))
        return found[0] if found else None

    def records(self, item: str) -> list[Fact]:
        """Record facts of an item's balance: asserted ones first (they carry the publisher's wording)."""
        return sorted(self._records.get(item, []), key=lambda f: not f.asserted)[:1]

    def rank(self, dim: str, extreme: str) -> Fact | None:
        return self._ranks.get((dim, extreme))

    def composition(self, item: str, dim: str) -> Fact | None:
        return self._compositions.get((item, dim))
