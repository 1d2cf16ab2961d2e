"""Story planning: choose and order a period's facts into headline, lead and sections.

What leads is decided by the facts (a widened deficit, a record, a streak), and every
sentence carries the facts it states, so the review sheet can trace each one. Wording
belongs to the templates: a sentence here is a template macro name plus the facts it needs.
"""

from __future__ import annotations

from ..annotations import Annotations
from ..config import ReleaseConfig
from ..facts.model import FactSet
from .balance import BalancePlanner
from .metric import MetricPlanner
from .story import Paragraph, Section, Sentence, Story


def plan_story(config: ReleaseConfig, facts: FactSet, annotations: Annotations | None, items: dict) -> Story:
    """Choose and order the facts into a story following the release's section list.

    A release led by a balance (a trade balance of services, say) is planned as a balance
    story: sides, main contributors, composition. Any other lead (exports, an inflation
    rate, employment) is planned as a metric story: level, change, streak and record of
    the lead, then each section's members with their own changes.
    """
    balance_led = config.headline is None or config.metric(config.headline.metric).kind == "balance"
    planner = (BalancePlanner if balance_led else MetricPlanner)(config, facts, annotations)
    planner.items = items
    if balance_led:
        headline = planner.headline()
        subheadlines = planner.subheadlines()
        lead = planner.lead()
    else:
        headline, subheadlines, lead = planner.metric_top()
    sections: list[Section] = []
    for spec in config.sections:
        section: Section | None
        if spec.kind == "lead":
            section = planner.overview() if balance_led else planner.metric_overview(spec)
        elif spec.kind == "contributors":
            section = planner.contributors() if balance_led else None
        elif spec.kind == "remarks":
            remarks = planner.remarks("remarks")
            section = Section("remarks", None, [Paragraph(remarks)]) if remarks else None
        elif spec.kind == "special":
            section = planner.special() if balance_led else None
        elif spec.kind == "cumulative":
            section = planner.cumulative(spec) if not balance_led else None
        else:
            dim = config.dimension(spec.params["dimension"])
            section = planner.dimension(dim) if balance_led else planner.metric_breakdown(spec, dim)
        if section is not None and any(p.sentences for p in section.paragraphs):
            section.paragraphs = [p for p in section.paragraphs if p.sentences]
            sections.append(section)
    story = Story(config.id, facts.period, headline, subheadlines, lead, sections, annotations)
    turns: dict[str, int] = {}
    streaks = 0
    for n, sentence in enumerate(story.sentences()):
        sentence.variant = n
        sentence.turn = turns.get(sentence.kind, 0)
        turns[sentence.kind] = sentence.turn + 1
        # Sentences stating a streak count among themselves too, whatever their kind, so the
        # streak's wording alternates ("…연속 증가다" / "…연속 증가세를 이어갔다").
        if any(f.kind == "streak" for f in sentence.facts):
            sentence.streak_turn = streaks
            streaks += 1
    return story


__all__ = ["Sentence", "Paragraph", "Section", "Story", "plan_story"]
