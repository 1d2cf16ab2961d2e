"""A cell's source entry is shared by every fact it backs, so it must not be changeable; and
deriving facts leaves the collector's frozen objects (a draft --all worker's) frozen."""

from __future__ import annotations

import copy
import gc
import json
import pickle

import pytest

from conftest import REPO_ROOT
from generator.facts import derive_facts
from generator.project import open_project


def _facts():
    project = open_project(REPO_ROOT, "knowledge_services")
    period = project.period(None)
    return project, period, derive_facts(project.dataset, project.config, period, project.annotations(period))


def test_one_source_object_per_cell_and_none_can_be_changed():
    project, period, facts = _facts()
    level = facts.by_id(f"level:total:balance:{period}")
    change = facts.by_id(f"change:total:balance:previous_period:{period.previous()}:{period}")
    assert level.sources[0] is change.sources[0]  # the same cell: the same entry
    source = level.sources[0]
    before = dict(source)
    for attempt in (lambda: source.__setitem__("value", 0), lambda: source.update(value=0), lambda: source.pop("value"),
                    lambda: source.setdefault("x", 1), lambda: source.clear(), lambda: source.__delitem__("value")):
        with pytest.raises(TypeError, match="cannot be changed"):
            attempt()
    with pytest.raises(TypeError):
        source |= {"value": 0}
    assert level.sources[0] == before and change.sources[0] == before
    # Copies are plain and free to change; the entry survives pickling and JSON as a dict.
    mine = dict(source)
    mine["value"] = 0
    assert source == before
    assert pickle.loads(pickle.dumps(source)) == before and copy.deepcopy(source) == before
    assert json.loads(json.dumps(source)) == before


def test_deriving_facts_keeps_frozen_objects_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        _facts()
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
