"""Mutation score of ``pressgen check``: deliberate errors put into the committed drafts must be caught.

The mutants (see ``mutation.py``) change numbers, swap two items' amounts, flip direction
words, add false record claims and change Korean amount units, in sentences derived from
the data. A mutant is caught when checking it alone gives at least one error-level
finding. The score per kind is printed in the terminal summary.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

import mutation
from generator.check.run import check_paths
from generator.periods import Period
from generator.project import open_project

DRAFTS = tuple(f"knowledge_services/{d}" for d in ("2025H1/release.en.md", "2025H1/release.ko.md", "2024H2/release.en.md", "2024H2/release.ko.md"))
THRESHOLD = 0.99


@pytest.fixture
def one_project(monkeypatch):
    """check_paths opens the project on every call; open it once (the data does not change here)."""
    import generator.project as project_module

    opened: dict = {}
    original = project_module.open_project

    def cached(root, release=None):
        key = (str(Path(root).resolve()), release)
        if key not in opened:
            opened[key] = original(root, release)
        return opened[key]

    monkeypatch.setattr(project_module, "open_project", cached)


def _all_mutants(repo_root: Path) -> list[mutation.Mutant]:
    return list(mutation.draft_mutants(repo_root, DRAFTS))


def test_unmutated_drafts_give_no_findings(repo_root):
    for draft in DRAFTS:
        result = check_paths([repo_root / "output" / draft], repo_root)
        assert result.findings == [], draft


def test_mutants_are_deterministic_and_cover_every_kind(repo_root):
    first, second = _all_mutants(repo_root), _all_mutants(repo_root)
    assert first == second
    labels = [m.label() for m in first]
    assert len(labels) == len(set(labels)), "two mutants with the same description"
    for draft in DRAFTS:
        original = (repo_root / "output" / draft).read_text(encoding="utf-8")
        own = [m for m in first if m.source == draft]
        kinds = {m.kind for m in own}
        expected = set(mutation.KINDS) - ({"unit"} if draft.endswith(".en.md") else set())
        assert kinds == expected, draft
        for m in own:
            assert m.text != original, m.label()
            # front matter kept as it was
            assert m.text.split("\n---\n", 1)[0] == original.split("\n---\n", 1)[0], m.label()


def test_mutants_leave_annotation_text_alone(repo_root):
    for draft in DRAFTS:
        period = draft.split("/")[0]
        texts = mutation.annotation_texts(repo_root / "data" / "knowledge_services" / "annotations" / f"{period}.yaml")
        original = (repo_root / "output" / draft).read_text(encoding="utf-8")
        present = [t for t in texts if t in original]
        for m in (m for m in _all_mutants(repo_root) if m.source == draft):
            for text in present:
                assert m.text.count(text) == original.count(text), (m.label(), text)


def test_mutation_examples(repo_root):
    """A few mutants spelled out, so the generator's behaviour is pinned down."""
    found = {(m.kind, m.source, m.line, m.description) for m in _all_mutants(repo_root)}
    descriptions = [d for *_, d in found]
    expected = [
        ("number", "2025H1/release.en.md", 10, "'4.53 Billion Dollars' → '4.54 Billion Dollars'"),
        ("number", "2025H1/release.ko.md", 10, "'45억3000만달러' → '45억4000만달러'"),
        ("number", "2025H1/release.en.md", 22, "'6.5%' → '6.6%'"),
        ("number", "2024/release.en.md", 24, "'10.2 times' → '10.3 times'"),
        ("number", "2024/release.ko.md", 24, "'5.5배' → '5.6배'"),
        ("unit", "2025H1/release.ko.md", 28, "'22억달러' → '22만달러'"),
        ("unit", "2025H1/release.ko.md", 10, "'45억3000만달러' → '45만3000만달러'"),
        ("swap", "2025H1/release.en.md", 24, "'1.96 billion dollars' ⇄ '440 million dollars'"),
        ("swap", "2025H1/release.ko.md", 24, "'19억6000만달러' ⇄ '4억4000만달러'"),
        ("record", "2025H1/release.en.md", 24, "appended 'Cultural and leisure services posted the largest half-year surplus on record.'"),
        ("record", "2025H1/release.ko.md", 24, "appended '문화·여가서비스는 반기 기준 역대 최대 흑자를 냈다.'"),
    ]
    for key in expected:
        assert key in found
    assert any(d.startswith("'widened' → 'narrowed' in 'The deficit widened from 3.76") for d in descriptions)
    assert any(d.startswith("'커졌' → '줄었' in '지난해 하반기와 비교하면 적자 폭이 7억7000만달러 줄었") or
               d.startswith("'커졌' → '줄었' in '지난해 하반기와 비교하면 적자 폭이 7억7000만달러 커졌") for d in descriptions)
    # Swaps keep to different items: the total's level and its previous-half base are one item.
    assert not any(d.startswith("'4.53 billion dollars' ⇄ '3.76 billion dollars'") for d in descriptions)
    # Annotation text (the cause after the lead) is never touched: "Rise" in its headline, "rose" in its text.
    assert not any("Exports rose in areas" in d for d in descriptions)


def test_unit_mutants_of_man_amounts_are_caught(repo_root, tmp_path):
    """The drafts have no amount in 만 alone; small enterprises' 2025H1 surplus (90 million) is one."""
    source = tmp_path / "release.ko.md"
    source.write_text("---\nrelease: knowledge_services\nperiod: 2025H1\nlanguage: ko\n---\n"
                      "기관형태별로는 소기업이 9000만달러 흑자를 냈다.\n", encoding="utf-8")
    assert check_paths([source], repo_root).findings == []
    units = [m for m in mutation.mutants(source, tmp_path / "none.yaml", "small.ko.md") if m.kind == "unit"]
    assert [m.description for m in units] == ["'9000만달러' → '9000억달러'"]
    mutant = tmp_path / "mutant" / "release.ko.md"
    mutant.parent.mkdir()
    mutant.write_text(units[0].text, encoding="utf-8")
    findings = check_paths([mutant], repo_root).findings
    assert [(f.level, f.rule_id) for f in findings] == [("error", "data.number")]


def test_record_mutants_name_items_without_a_record_fact(repo_root):
    project = open_project(repo_root)
    for period in ("2025H1", "2024"):
        recorded = {f.item for f in project.facts(Period.parse(period)) if f.kind == "record"}
        for code, *_ in mutation.RECORD_ITEMS:
            assert code in project.dataset.items
            assert code not in recorded, (period, code)


def test_mutation_score(repo_root, tmp_path, request, one_project):
    started = time.perf_counter()
    mutants = _all_mutants(repo_root)
    totals: Counter = Counter()
    caught: Counter = Counter()
    survivors: list[str] = []
    for number, m in enumerate(mutants):
        folder = tmp_path / f"m{number:04d}"
        folder.mkdir()
        path = folder / f"release.{m.language}.md"
        path.write_text(m.text, encoding="utf-8")
        result = check_paths([path], repo_root)
        totals[m.kind] += 1
        if any(f.level == "error" for f in result.findings):
            caught[m.kind] += 1
        else:
            survivors.append(m.label())
    elapsed = time.perf_counter() - started
    overall = sum(caught.values()) / len(mutants)
    request.config.stash[mutation.REPORT_KEY] = {
        "kinds": {kind: (caught[kind], totals[kind]) for kind in mutation.KINDS},
        "overall": (sum(caught.values()), len(mutants)),
        "survivors": survivors,
        "seconds": elapsed,
    }
    assert all(totals[kind] for kind in mutation.KINDS)
    listing = "\n".join(survivors)
    assert overall >= THRESHOLD, (
        f"mutation score {overall:.1%} is below {THRESHOLD:.0%}; {len(survivors)} of {len(mutants)} mutants survive:\n{listing}"
    )
