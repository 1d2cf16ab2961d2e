"""The rules engine: derive every fact a release may state from the dataset (and annotations)."""

from __future__ import annotations

from ..config import ReleaseConfig
from ..dataset import Dataset
from ..gcpause import paused
from ..periods import Period
from .context import Context
from .model import Fact, FactSet
from .rules import RULES, Rule

__all__ = ["Fact", "FactSet", "Rule", "RULES", "derive_facts"]


def derive_facts(dataset: Dataset, config: ReleaseConfig, period: Period, annotations=None) -> FactSet:
    """Run every enabled rule for ``period`` and add the annotation's asserted facts.

    Facts come out in registry order, then item-table order: the same inputs always
    give the same list. A rule is disabled by its code or name in ``disabled_rules``.
    """
    # The figures as known on the release date: a later revision must not change an old draft.
    release_date = getattr(annotations, "release_date", None)
    with paused():
        ctx = Context(dataset.as_of(release_date), config, period)
        facts: list[Fact] = []
        try:
            for rule in RULES:
                if rule.code in config.disabled_rules or rule.name in config.disabled_rules:
                    continue
                facts.extend(rule.fn(ctx))
        finally:
            # The memo holds closures over the context (streak conditions): a cycle, which
            # clearing breaks, so the context is freed now rather than at a later collection.
            ctx._memo.clear()
        if annotations is not None:
            facts.extend(annotations.asserted_facts())
        return FactSet(config.id, str(period), tuple(facts))
