"""A text already checked is not checked again, unless the text, the data, the rules or the code
changed: every one of those must make the remembered answer stale."""

from __future__ import annotations

import pickle

import pytest
from drafting import copy_bundled

from generator.check import memo
from generator.check import run as check_run

PERIOD = "2025H1"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    memo.forget()
    root = copy_bundled(tmp_path / "project")
    out = root / "output" / "knowledge_services" / PERIOD
    out.mkdir(parents=True)
    release = out / "release.en.md"
    release.write_text(f"---\nrelease: knowledge_services\nperiod: '{PERIOD}'\nlanguage: en\n---\n# Headline\n\n"
                       "The knowledge services trade deficit widened to $4.53 billion.\n", encoding="utf-8")
    yield root, release
    memo.forget()


def _errors(root, release):
    return [f.rule_id for f in check_run.check_paths([release], root, jobs=1).findings if f.level == "error"]


def _no_fresh_checks(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("checked afresh, not remembered")
    monkeypatch.setattr(check_run, "_check_file_afresh", refuse)


def test_a_text_checked_again_is_remembered(project, monkeypatch):
    root, release = project
    assert _errors(root, release) == []
    _no_fresh_checks(monkeypatch)
    assert _errors(root, release) == []
    memo.forget()  # a new process: read back from disk
    assert _errors(root, release) == []


def test_an_edited_text_is_checked_afresh(project):
    root, release = project
    assert _errors(root, release) == []
    release.write_text(release.read_text(encoding="utf-8").replace("4.53", "4.35"), encoding="utf-8")
    assert _errors(root, release) == ["data.number"]


def test_revised_figures_make_the_remembered_answer_stale(project):
    # The office revises the data after editors wrote the release: the same text is now wrong.
    root, release = project
    assert _errors(root, release) == []
    figures = root / "data" / "knowledge_services" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    assert text.count("2025H1,total,19710,24240,-4530,") == 1
    figures.write_text(text.replace("2025H1,total,19710,24240,-4530,", "2025H1,total,19710,24060,-4350,"), encoding="utf-8")
    assert "data.number" in _errors(root, release)
    memo.forget()  # and from disk too
    assert "data.number" in _errors(root, release)


def test_a_new_wording_rule_makes_the_remembered_answer_stale(project):
    root, release = project
    assert _errors(root, release) == []
    (root / "config" / "wording" / "house.yaml").write_text(
        "language: en\nrules:\n  - id: en.no-widened\n    kind: existence\n    level: error\n"
        "    message: \"Say 'grew', not '{match}'.\"\n    source: house style\n    tokens: [widened]\n", encoding="utf-8")
    assert _errors(root, release) == ["en.no-widened"]


def test_a_new_annotation_file_makes_the_remembered_answer_stale(project):
    # A record the data alone does not show is an error until an annotation asserts it.
    root, release = project
    release.write_text(release.read_text(encoding="utf-8") + "\nInformation and communications services posted a "
                       "surplus of $1.96 billion, the largest half-year surplus on record.\n", encoding="utf-8")
    notes = root / "data" / "knowledge_services" / "annotations" / f"{PERIOD}.yaml"
    kept = notes.read_text(encoding="utf-8")
    assert _errors(root, release) == []
    notes.unlink()
    assert "data.record" in _errors(root, release)
    notes.write_text(kept, encoding="utf-8")
    assert _errors(root, release) == []


def test_another_build_of_pressgen_does_not_reuse_results(project, monkeypatch):
    root, release = project
    _errors(root, release)
    before = memo.key("x")
    monkeypatch.setattr(memo, "_code", "another build")
    assert memo.key("x") != before


def test_a_planted_cache_file_is_never_unpickled(project, tmp_path):
    root, release = project
    _errors(root, release)
    entries = list((tmp_path / "cache" / "check").glob("*.pickle"))
    assert entries

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('planted code ran')",))

    for entry in entries:
        entry.write_bytes(pickle.dumps(Boom()))
    memo.forget()
    assert _errors(root, release) == []  # refused, checked afresh


def test_caches_off_writes_nothing(project, tmp_path, monkeypatch):
    root, release = project
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", "off")
    memo.forget()
    _errors(root, release)
    assert not (tmp_path / "cache" / "check").exists()


def test_a_redraft_of_unchanged_inputs_reuses_the_review_pages_check(project, monkeypatch):
    from generator import draft_check
    from generator.draft import build_draft
    from generator.periods import Period
    from generator.project import open_project

    root, _ = project
    first = build_draft(open_project(root), Period.parse(PERIOD), charts=False)
    real = draft_check._check_draft
    monkeypatch.setattr(draft_check, "_check_draft", lambda *a: (_ for _ in ()).throw(AssertionError("checked afresh")))
    again = build_draft(open_project(root), Period.parse(PERIOD), charts=False)
    assert again.page == first.page
    # Revised figures change the texts, and an annotation edit changes the inputs: checked afresh.
    monkeypatch.setattr(draft_check, "_check_draft", real)
    calls = []
    monkeypatch.setattr(draft_check, "_check_draft", lambda *a: calls.append(1) or real(*a))
    notes = root / "data" / "knowledge_services" / "annotations" / f"{PERIOD}.yaml"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_draft(open_project(root), Period.parse(PERIOD), charts=False)
    assert calls == [1]


def test_inside_off_every_check_is_done_afresh(project, monkeypatch, tmp_path):
    root, release = project
    calls = []
    real = check_run._check_file_afresh
    monkeypatch.setattr(check_run, "_check_file_afresh", lambda *a: calls.append(1) or real(*a))
    with memo.off():
        _errors(root, release)
        _errors(root, release)
    assert calls == [1, 1]
    assert not (tmp_path / "cache" / "check").exists()


def test_the_same_text_in_another_project_is_checked_against_that_projects_data(project, tmp_path):
    root, release = project
    assert _errors(root, release) == []
    other = copy_bundled(tmp_path / "other")
    figures = other / "data" / "knowledge_services" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("2025H1,total,19710,24240,-4530,", "2025H1,total,19710,24060,-4350,"),
                       encoding="utf-8")
    copied = other / release.relative_to(root)
    copied.parent.mkdir(parents=True)
    copied.write_bytes(release.read_bytes())
    assert "data.number" in _errors(other, copied)
