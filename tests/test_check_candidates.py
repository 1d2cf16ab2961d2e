"""The check's facts index, built per item when asked, holds what the whole index holds.

``FactIndex`` (issue 13) builds an item's candidates from the facts ``_codes`` lists for
it; ``index_all`` builds every item's at once from every fact. They must agree on every
item, list and order, or the check would read other candidates than before.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import REPO_ROOT
from generator.check.candidates import ItemFacts, index_all, index_facts
from generator.project import open_project

RELEASES = ("knowledge_services", "monthly_trade", "consumer_prices")


@pytest.fixture(scope="module", params=[*RELEASES, "synthetic"])
def project(request, tmp_path_factory):
    if request.param == "synthetic":
        # Five dimensions, a special root, sparse deeper items: ranks, drivers and shares of every shape.
        import sys

        sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
        from synthetic import make_project

        return open_project(make_project(tmp_path_factory.mktemp("synthetic"), REPO_ROOT, 120, 8))
    return open_project(REPO_ROOT, request.param)


def _lists(entry: ItemFacts) -> dict[str, list]:
    return {f.name: list(getattr(entry, f.name)) for f in dataclasses.fields(ItemFacts)}


def test_each_item_gets_the_entries_of_the_whole_index(project):
    units = {m.id: m.unit for m in project.config.metrics.values()}
    compared = 0
    for period in project.dataset.periods:
        facts = project.facts(period, project.annotations(period))
        whole = index_all(facts, units)
        lazy = index_facts(facts, units)
        # Every item the whole index has, and items it lacks (the lazy one must not invent any).
        for code in [*whole, *project.dataset.items, "no-such-item"]:
            expected = whole.get(code)
            got = lazy.get(code)
            if expected is None:
                assert got is None or not any(_lists(got).values()), (period, code)
                default = ItemFacts()
                assert lazy.get(code, default) is default or not any(_lists(lazy.get(code, default)).values())
                continue
            assert _lists(got) == _lists(expected), (str(period), code)
            # Asked again: the same entries (built once, kept).
            assert lazy.get(code) is got
            compared += sum(map(len, _lists(got).values()))
    assert compared > 100  # the comparison saw real entries, not empty lists


def test_membership_and_items_are_the_whole_index_s(project):
    units = {m.id: m.unit for m in project.config.metrics.values()}
    period = project.dataset.periods[-1]
    facts = project.facts(period, project.annotations(period))
    whole = index_all(facts, units)
    lazy = index_facts(facts, units)
    # Each code asked first by ``in``, then by ``get`` (and the other way round for every second one).
    for at, code in enumerate([*project.dataset.items, "no-such-item"]):
        if at % 2:
            lazy.get(code)
        assert (code in lazy) == (code in whole), code
        if code in whole:
            assert _lists(lazy[code]) == _lists(whole[code])
        else:
            with pytest.raises(KeyError):
                lazy[code]


def test_an_item_a_fact_names_but_gives_nothing_is_not_in_the_index():
    from decimal import Decimal

    from generator.facts.model import FactSet, new_fact

    # A published share without the whole's amount: the whole is named (``of``) but gets no candidate.
    share = new_fact("share:a:exports:2025H1", "share", "share", "a", "2025H1",
                     {"metric": "exports", "of": "total", "percent": Decimal("12.5")}, ())
    facts = FactSet("r", "2025H1", (share,))
    whole = index_all(facts, {"exports": "usd_million"})
    assert "total" not in whole and whole["a"].percent == [(Decimal("12.5"), share)]
    for first in ("get", "in"):
        lazy = index_facts(facts, {"exports": "usd_million"})
        if first == "get":
            assert not any(_lists(lazy.get("total")).values())
        assert "total" not in lazy
        default = ItemFacts()
        assert lazy.get("total", default) is default
        with pytest.raises(KeyError):
            lazy["total"]
        assert "a" in lazy and _lists(lazy["a"]) == _lists(whole["a"])


def test_setdefault_adds_to_an_items_own_entries_as_a_dict_would(project):
    units = {m.id: m.unit for m in project.config.metrics.values()}
    period = project.dataset.periods[-1]
    facts = project.facts(period, project.annotations(period))
    whole = index_all(facts, units)
    code = next(iter(whole))
    for index in (dict(whole), index_facts(facts, units)):
        # Never asked for before: setdefault must still give the item's own entries, not the default.
        own = index.setdefault(code, ItemFacts())
        assert _lists(own) == _lists(whole[code])
        fresh = ItemFacts()
        assert index.setdefault("no-such-item", fresh) is fresh and index.get("no-such-item") is fresh
