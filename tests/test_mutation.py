"""Mutation score of ``pressgen check``: deliberate errors put into the committed drafts must be caught.

The mutants (see ``mutation.py``) change money amounts, percentages, percentage points and
multiples, swap two items' figures, flip direction words, add false record claims, change
Korean amount units and lengthen streaks, in sentences derived from the data of the
committed drafts of every release. A mutant is caught when checking it alone gives at least
one error-level finding. The score per release and kind is printed in the terminal summary.
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

DRAFTS = mutation.DRAFTS
# The kinds each release's drafts give (English drafts have no Korean units). Multiples come
# only from annual drafts, none of which is committed: see test_multiple_mutants_are_caught.
KINDS_BY_RELEASE = {
    "knowledge_services": {"money", "percent", "swap", "direction", "record", "unit"},
    "monthly_trade": {"money", "percent", "swap", "direction", "record", "unit", "streak"},
    "consumer_prices": {"percent", "points", "swap", "direction", "record", "streak"},
}
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
    assert {d.split("/")[0] for d in DRAFTS} == set(mutation.RELEASES) == set(KINDS_BY_RELEASE)
    assert len(DRAFTS) == 12
    for release, kinds in KINDS_BY_RELEASE.items():
        assert {m.kind for m in first if m.source.startswith(release + "/")} == kinds, release
    assert set().union(*KINDS_BY_RELEASE.values()) == set(mutation.KINDS) - {"multiple"}
    for draft in DRAFTS:
        original = (repo_root / "output" / draft).read_text(encoding="utf-8")
        own = [m for m in first if m.source == draft]
        assert {m.kind for m in own} >= {"direction", "record", "percent"} or draft.startswith("knowledge_services/2024H2"), draft
        assert ("unit" in {m.kind for m in own}) == (draft.endswith(".ko.md") and not draft.startswith("consumer_prices")), draft
        for m in own:
            assert m.text != original, m.label()
            # front matter kept as it was
            assert m.text.split("\n---\n", 1)[0] == original.split("\n---\n", 1)[0], m.label()


def test_mutants_leave_annotation_text_alone(repo_root):
    for draft in DRAFTS:
        release, period = draft.split("/")[:2]
        texts = mutation.annotation_texts(repo_root / "data" / release / "annotations" / f"{period}.yaml")
        original = (repo_root / "output" / draft).read_text(encoding="utf-8")
        present = [t for t in texts if t in original]
        for m in (m for m in _all_mutants(repo_root) if m.source == draft):
            for text in present:
                assert m.text.count(text) == original.count(text), (m.label(), text)


def test_mutation_examples(repo_root):
    """A few mutants spelled out, so the generator's behaviour is pinned down."""
    found = {(m.kind, m.source, m.line, m.description) for m in _all_mutants(repo_root)}
    descriptions = [d for *_, d in found]
    ks, mt, cp = "knowledge_services/2025H1/release", "monthly_trade/2025-11/release", "consumer_prices/2025-10/release"
    expected = [
        ("money", f"{ks}.en.md", 10, "'4.53 Billion Dollars' → '4.54 Billion Dollars'"),
        ("money", f"{ks}.ko.md", 10, "'45억3000만달러' → '45억4000만달러'"),
        ("percent", f"{ks}.en.md", 24, "'6.5%' → '6.6%'"),
        ("unit", f"{ks}.ko.md", 30, "'22억달러' → '22만달러'"),
        ("unit", f"{ks}.ko.md", 30, "'22억달러' → '22조달러'"),
        ("unit", f"{ks}.ko.md", 10, "'45억3000만달러' → '45만3000만달러'"),
        ("swap", f"{ks}.en.md", 26, "'1.96 billion dollars' ⇄ '440 million dollars'"),
        ("swap", f"{ks}.ko.md", 26, "'19억6000만달러' ⇄ '4억4000만달러'"),
        ("record", f"{ks}.en.md", 26, "appended 'Cultural and leisure services posted the largest half-year surplus on record.'"),
        ("record", f"{ks}.ko.md", 26, "appended '문화·여가서비스는 반기 기준 역대 최대 흑자를 냈다.'"),
        ("money", f"{mt}.en.md", 14, "'$61.04 billion' → '$61.05 billion'"),
        ("percent", f"{mt}.en.md", 14, "'8.4 percent' → '8.5 percent'"),
        ("percent", f"{mt}.en.md", 32, "'17.0 percent' → '18.0 percent'"),
        ("unit", f"{mt}.ko.md", 18, "'513억달러' → '513조달러'"),
        ("streak", f"{mt}.en.md", 14, "'sixth straight month' → 'seventh straight month'"),
        ("streak", f"{mt}.en.md", 12, "'10th Straight Month' → '11th Straight Month'"),
        ("streak", f"{mt}.ko.md", 14, "'6개월 연속' → '7개월 연속'"),
        ("record", f"{mt}.en.md", 22, "appended 'Exports to Japan hit an all-time high.'"),
        ("points", f"{cp}.en.md", 12, "'0.3 percentage point' → '0.4 percentage point'"),
        ("points", f"{cp}.ko.md", 12, "'0.3%포인트' → '0.4%포인트'"),
        ("streak", "consumer_prices/2025-11/release.ko.md", 12, "'3개월 연속' → '4개월 연속'"),
    ]
    for key in expected:
        assert key in found, key
    assert any(d.startswith("'widened' → 'narrowed' in 'The deficit widened from 3.76") for d in descriptions)
    assert any(d.startswith("'커졌' → '줄었' in '") and "적자 폭이" in d for d in descriptions)
    assert any(d.startswith("'accelerating' → 'slowing' in 'The consumer price index stood at 117.42") for d in descriptions)
    # A rate's 확대 flips to 둔화, a balance's to 축소; 상승률 (a noun) is never flipped.
    assert any(d.startswith("'확대' → '둔화' in '# 10월 소비자물가 2.4% 상승…상승폭 0.3%포인트 확대") for d in descriptions)
    assert any(d.startswith("'높아졌' → '낮아졌' in '상승률이 전월(2.1%)보다 0.3%포인트 높아졌") for d in descriptions)
    assert any(d.startswith("'확대' → '축소' in '무역수지는 97억3000만달러 흑자로") for d in descriptions)
    assert not any(d.startswith("'상승' → '하락' in '상승률") for d in descriptions)
    # Swaps keep to different items: the total's level and its previous-half base are one item.
    assert not any(d.startswith("'4.53 billion dollars' ⇄ '3.76 billion dollars'") for d in descriptions)
    # In a list, two items' rates trade places.
    assert any(d.startswith("'5.9 percent' ⇄ '3.3 percent'") for d in descriptions)
    # Annotation text (the cause after the lead) is never touched: "Rise" in its headline, "rose" in its text.
    assert not any("Exports rose in areas" in d for d in descriptions)


def test_multiple_mutants_are_caught(repo_root, tmp_path):
    """No committed draft states a multiple (annual drafts do); a 2024 sentence stands in."""
    source = tmp_path / "release.en.md"
    source.write_text("---\nrelease: knowledge_services\nperiod: 2024\nlanguage: en\n---\n"
                      "Exports of information and communications services reached 5.2 billion dollars, "
                      "10.2 times their 2010 level (510 million dollars).\n", encoding="utf-8")
    assert check_paths([source], repo_root).findings == []
    multiples = [m for m in mutation.mutants(source, tmp_path / "none.yaml", "multiple.en.md") if m.kind == "multiple"]
    assert [m.description for m in multiples] == ["'10.2 times' → '10.3 times'"]
    mutant = tmp_path / "mutant" / "release.en.md"
    mutant.parent.mkdir()
    mutant.write_text(multiples[0].text, encoding="utf-8")
    assert [(f.level, f.rule_id) for f in check_paths([mutant], repo_root).findings] == [("error", "data.multiple")]


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
    for release, periods in mutation.RELEASES.items():
        project = open_project(repo_root, release)
        for period in periods:
            recorded = {f.item for f in project.facts(Period.parse(period)) if f.kind == "record"}
            for code, *_ in mutation.RECORD_ITEMS[release]:
                assert code in project.dataset.items, (release, code)
                assert code not in recorded, (release, period, code)


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
        key = (m.source.split("/")[0], m.kind)
        totals[key] += 1
        if any(f.level == "error" for f in result.findings):
            caught[key] += 1
        else:
            survivors.append(m.label())
    elapsed = time.perf_counter() - started
    overall = sum(caught.values()) / len(mutants)
    width = max(len(r) for r in mutation.RELEASES) + 1
    by_kind = {f"{release:<{width}}{kind:<10}": (caught[release, kind], totals[release, kind])
               for release in mutation.RELEASES for kind in mutation.KINDS if totals[release, kind]}
    by_kind |= {f"{'(all)':<{width}}{kind:<10}": (sum(caught[r, kind] for r in mutation.RELEASES), sum(totals[r, kind] for r in mutation.RELEASES))
                for kind in mutation.KINDS if any(totals[r, kind] for r in mutation.RELEASES)}
    request.config.stash[mutation.REPORT_KEY] = {
        "kinds": by_kind,
        "overall": (sum(caught.values()), len(mutants)),
        "survivors": survivors,
        "seconds": elapsed,
    }
    for release, kinds in KINDS_BY_RELEASE.items():
        assert all(totals[release, kind] for kind in kinds), release
    listing = "\n".join(survivors)
    assert overall >= THRESHOLD, (
        f"mutation score {overall:.1%} is below {THRESHOLD:.0%}; {len(survivors)} of {len(mutants)} mutants survive:\n{listing}"
    )
