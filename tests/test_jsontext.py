"""generator/jsontext.py writes exactly what json.dumps(..., ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
import random
from enum import IntEnum

from conftest import REPO_ROOT
from generator.draft import build_draft
from generator.jsontext import dumps_indented
from generator.project import open_project

STRINGS = ["", "a", '"quoted"', "back\\slash", "tab\tnew\nline", "\x00\x1f\x7f", "한국어 45억달러", "emoji 🙂", "\u2028\u2029", "/"]
SCALARS = [0, -1, 10**30, 1.5, -0.0, 1e-7, 1e22, float("nan"), float("inf"), float("-inf"), True, False, None, *STRINGS]


def _value(rng: random.Random, depth: int):
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice(SCALARS)
    if roll < 0.7:
        return {rng.choice(STRINGS) + str(i): _value(rng, depth + 1) for i in range(rng.randint(0, 4))}
    if roll < 0.85:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return tuple(_value(rng, depth + 1) for _ in range(rng.randint(0, 3)))


def test_random_documents_are_written_as_json_dumps_writes_them():
    rng = random.Random(2026)
    for _ in range(3000):
        value = _value(rng, 0)
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_it_leaves_to_the_standard_library_still_comes_out_the_same():
    class Level(IntEnum):
        HIGH = 3

    for value in ({1: "int key"}, {None: 1, True: 2, 2.5: 3}, [Level.HIGH], {"nested": [{"k": Level.HIGH}]}):
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_bundled_facts_json_is_unchanged():
    for release in ("knowledge_services", "monthly_trade", "consumer_prices"):
        project = open_project(REPO_ROOT, release)
        facts = build_draft(project, project.period(None), charts=False).facts.to_dict()
        assert dumps_indented(facts) == json.dumps(facts, ensure_ascii=False, indent=2)


def _as_written(facts) -> str:
    return "".join(facts.json_chunks())


def test_facts_json_written_from_the_facts_is_json_dumps_of_their_dicts():
    for release in ("knowledge_services", "monthly_trade", "consumer_prices"):
        project = open_project(REPO_ROOT, release)
        for period in project.dataset.periods_of(project.config.frequency_kind)[-3:]:
            facts = build_draft(project, period, charts=False).facts
            assert _as_written(facts) == json.dumps(facts.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_unusual_facts_are_written_through_their_own_conversion():
    from decimal import Decimal
    from types import MappingProxyType

    from generator.facts.model import FactSet, new_fact

    class Level(IntEnum):
        HIGH = 3

    facts = (
        new_fact("a", "level", "level", "total", "2025H1", {"value": Decimal("1.50"), "whole": Decimal("-0"), "n": [Decimal(2), (1, 2.5)]},
                 ({"period": "2025H1", "value": 3},)),
        new_fact("b", "change", "x", "total", "2025H1", {"period": "overridden", "sources": "overridden too"}, (), asserted=True),
        new_fact("c", "rank", "rank", "total", "2025H1", MappingProxyType({"members": [{"item": "a", "value": Level.HIGH}]}),
                 (MappingProxyType({"period": "2025H1", "value": Decimal("0.1")}),)),
        new_fact("d", "level", "level", "total", "2025H1", {1: "an int key", "nested": {"deeper": MappingProxyType({"k": None})}}),
        new_fact("e", "level", "level", "total", "2025H1", {"nan": float("nan"), "text": "한국어 \"q\"\n"}, ()),
    )
    for chosen in (facts, facts[:1], ()):
        fact_set = FactSet("r", "2025H1", chosen)
        assert _as_written(fact_set) == json.dumps(fact_set.to_dict(), ensure_ascii=False, indent=2) + "\n"
