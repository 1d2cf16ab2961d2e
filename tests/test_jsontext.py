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
