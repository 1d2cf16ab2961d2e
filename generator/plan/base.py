"""What every planner shares: the release, the period's facts, the annotations, and cause and remark sentences."""

from __future__ import annotations


from ..annotations import Annotations, Cause
from ..config import ReleaseConfig
from ..facts.model import Fact, FactSet
from .story import Sentence, _Index


class Planner:
    """The shared part of the balance and metric planners."""

    def __init__(self, config: ReleaseConfig, facts: FactSet, annotations: Annotations | None) -> None:
        self.config = config
        self.index = _Index(facts)
        self.annotations = annotations
        self.total = config.total
        self.used_causes: set[int] = set()
        self.list_min = config.thresholds["list_min_share"]
        self.streak_min = int(config.thresholds["streak_min_periods"])
        self.lead_metric: tuple[str, str] | None = None
        self.since_min = int(config.thresholds["since_min_periods"])
        # What the story has already said, so later sections do not say it again.
        self.stated_bases: set[str] = set()
        self.stated_records: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------
    def causes(self, item: str, applies_to: str) -> list[Cause]:
        if not self.annotations:
            return []
        return [c for c in self.annotations.causes_for(item, applies_to)]

    def cause_sentences(self, item: str, applies_to: str, *, first_only: bool = False, rest: bool = False) -> list[Sentence]:
        causes = self.causes(item, applies_to)
        if first_only:
            causes = causes[:1]
        elif rest:
            causes = causes[1:]
        result = []
        for cause in causes:
            if id(cause) in self.used_causes:
                continue
            self.used_causes.add(id(cause))
            result.append(Sentence("cause", (), {"cause": cause}, annotation=cause))
        return result

    def listed(self, rank: Fact) -> list[dict]:
        """Members of a rank worth naming in a paragraph (at least ``list_min_share`` of their side)."""
        members = [m for m in rank.members if m["share"] >= self.list_min]
        return members or rank.members[:1]

    def change_chain(self, item: str) -> list[Fact]:
        """Following driver-of-change facts down from ``item``: the children whose change led."""
        chain = []
        while (driver := self.index.one("driver", item, basis="previous_period")) is not None:
            child_change = self.index.one("change", driver.child, basis="previous_period")
            if child_change is None:
                break
            chain.append(child_change)
            item = driver.child
        return chain

    def remarks(self, which: str) -> list[Sentence]:
        if not self.annotations:
            return []
        return [Sentence("remark", (), {"remark": r}, annotation=r) for r in self.annotations.remarks if r.section == which]
