"""A period drafted again on unchanged inputs is given the files it was drafted into, and any change
to what decides those files (figures, annotations, templates, config, wording, options) drafts it
afresh: a stale cached draft would be a release that does not say what the data says."""

from __future__ import annotations

import pickle

import pytest
from drafting import copy_bundled

import generator.draft as draft_module
from generator import draftcache
from generator.check import memo
from generator.draft import build_periods
from generator.project import open_project

RELEASE = "knowledge_services"
PERIOD = "2025H1"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    memo.forget()
    yield copy_bundled(tmp_path / "project")
    memo.forget()


def _build(root, languages=None, periods=(PERIOD,)):
    project = open_project(root, RELEASE)  # a new process's project: nothing kept in memory
    return draftcache.build_cached(project, [project.period(p) for p in periods], languages, charts=False)


def _refuse_building(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("drafted afresh, not taken from the cache")
    monkeypatch.setattr(draft_module, "build_periods", refuse)


def _entries(root):
    return sorted((root.parent / "cache" / "drafts").glob("*.pickle"))


def test_unchanged_inputs_give_the_same_files_without_drafting(root, monkeypatch):
    first = _build(root)
    project = open_project(root, RELEASE)
    fresh = build_periods(project, [project.period(PERIOD)], None, charts=False)
    assert first == fresh  # what the cache stores is exactly what drafting gives
    _refuse_building(monkeypatch)
    assert _build(root) == first
    assert len(_entries(root)) == 1


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    # Music's surplus in the first half of 2025, 590 million dollars, revised to 591.
    "figures": lambda root: _edit(root / "data" / RELEASE / "figures.csv", "2025H1,content.music,,,590,", "2025H1,content.music,,,591,"),
    "annotation": lambda root: (root / "data" / RELEASE / "annotations" / f"{PERIOD}.yaml").write_text(
        (root / "data" / RELEASE / "annotations" / f"{PERIOD}.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"),
    "new annotation file": lambda root: (root / "data" / RELEASE / "annotations" / "2099H1.yaml").write_text("{}\n", encoding="utf-8"),
    "template": lambda root: (root / "templates" / RELEASE / "en" / "release.md.j2").write_text(
        (root / "templates" / RELEASE / "en" / "release.md.j2").read_text(encoding="utf-8") + "\n", encoding="utf-8"),
    "wording": lambda root: (root / "config" / "wording" / "en.yaml").write_text(
        (root / "config" / "wording" / "en.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"),
    "a new file in config/": lambda root: (root / "config" / "notes.txt").write_text("new\n", encoding="utf-8"),
    "items": lambda root: (root / "data" / RELEASE / "items.csv").write_text(
        (root / "data" / RELEASE / "items.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_changed_input_drafts_afresh(root, change, monkeypatch):
    before = _build(root)
    CHANGES[change](root)
    built = []

    def counting(project, periods, *args, **kwargs):
        built.extend(periods)
        return build_periods(project, periods, *args, **kwargs)

    monkeypatch.setattr(draft_module, "build_periods", counting)
    after = _build(root)
    assert [str(p) for p in built] == [PERIOD], f"a changed {change} was given the cached draft"
    if change == "figures":
        assert after != before and b"591" in after[next(iter(after))]["facts.json"]


def test_options_are_part_of_the_key(root, monkeypatch):
    both = _build(root)
    english = _build(root, languages=("en",))
    assert set(english[next(iter(english))]) < set(both[next(iter(both))])
    assert len(_entries(root)) == 2


def test_cache_off_always_drafts(root, monkeypatch):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", "off")
    _build(root)
    _refuse_building(monkeypatch)
    with pytest.raises(AssertionError, match="drafted afresh"):
        _build(root)


def test_a_damaged_entry_is_ignored_and_rewritten(root, monkeypatch):
    first = _build(root)
    (entry,) = _entries(root)
    entry.write_bytes(b"not a pickle")
    assert _build(root) == first
    _refuse_building(monkeypatch)
    assert _build(root) == first  # rewritten by the draft that ignored it


class Planted:
    def __reduce__(self):
        return (exec, ("raise SystemExit('planted code ran')",))


def test_a_planted_entry_cannot_run_code(root):
    _build(root)
    (entry,) = _entries(root)
    entry.write_bytes(pickle.dumps(({"release.en.md": Planted()}, ((), (), ()))))
    assert _build(root)  # drafted afresh; the planted entry named a function and was refused


def test_long_runs_are_not_stored(root, monkeypatch):
    monkeypatch.setattr(draftcache, "MAX_STORED_PERIODS", 2)
    project = open_project(root, RELEASE)
    periods = [str(p) for p in project.dataset.periods][-3:]
    _build(root, periods=periods)
    assert _entries(root) == []
    _build(root, periods=periods[-2:])
    assert len(_entries(root)) == 2


def test_another_library_version_drafts_afresh(root, monkeypatch):
    # Jinja, Babel, matplotlib… shape the bytes: an upgrade must not be given files drafted before it.
    _build(root)
    monkeypatch.setattr(draftcache, "_versions", lambda: "jinja2=99.0")
    _refuse_building(monkeypatch)
    with pytest.raises(AssertionError, match="drafted afresh"):
        _build(root)


def test_the_cli_drafts_again_from_the_cache_and_still_keeps_an_editors_edit(root, capsys, monkeypatch):
    from helpers import run_cli

    assert run_cli(capsys, "draft", "--project", root, "--period", PERIOD, "--no-charts")[0] == 0
    folder = root / "output" / RELEASE / PERIOD
    edited = (folder / "release.en.md").read_text(encoding="utf-8").replace("4.53 billion dollars", "4.53 billion dollars (provisional)", 1)
    (folder / "release.en.md").write_text(edited, encoding="utf-8")
    assert len(_entries(root)) == 1
    _refuse_building(monkeypatch)  # publishing is done afresh; the files come from the cache
    code, out, err = run_cli(capsys, "draft", "--project", root, "--period", PERIOD, "--no-charts")
    assert code == 0
    assert (folder / "release.en.md").read_text(encoding="utf-8") == edited
    assert "kept output/knowledge_services/2025H1/release.en.md: edited since it was generated" in err
    assert (folder / "release.en.new.md").exists()


def test_the_cache_keeps_only_the_most_recent_entries(root, monkeypatch):
    monkeypatch.setattr(draftcache, "MAX_ENTRIES", 2)
    project = open_project(root, RELEASE)
    periods = [str(p) for p in project.dataset.periods][-3:]
    for period in periods:
        _build(root, periods=[period])
    assert len(_entries(root)) == 2
    _refuse_building(monkeypatch)
    assert _build(root, periods=periods[-1:])  # the latest is still there
