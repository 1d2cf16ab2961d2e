"""The kept draft (generator/draftmemo.py): the same bytes as a fresh draft, and never kept past an edit.

Each kind of file a draft reads is edited in turn, and the next ``build_draft`` on the
same ``Project`` must build again rather than hand back the kept draft.
"""

from __future__ import annotations

import os
import time

import pytest

import generator.draft as draft_module
import generator.draftmemo as draftmemo
from drafting import copy_bundled
from generator.draft import build_draft, draft_files, input_files
from generator.project import open_project

PERIOD = "2025H1"


@pytest.fixture
def counted(monkeypatch):
    """How many times a draft was really built (not handed back from the memo)."""
    calls = []
    real = draft_module._build_draft

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(draft_module, "_build_draft", counting)
    return calls


@pytest.fixture
def settled(monkeypatch):
    """Files just written count as settled, so that the tests can edit and redraft at once."""
    monkeypatch.setattr(draftmemo, "SETTLED_NS", 0)


@pytest.fixture
def project(tmp_path):
    root = copy_bundled(tmp_path / "project")
    return open_project(root)


def _draft(project):
    return build_draft(project, project.period(PERIOD), charts=False)


def test_a_kept_draft_is_byte_for_byte_a_fresh_one(project, counted, settled):
    first = draft_files(_draft(project))
    again = draft_files(_draft(project))
    assert len(counted) == 1  # the second came from the memo
    fresh = draft_files(_draft(open_project(project.root)))  # a new Project: built again
    assert len(counted) == 2
    assert again == first == fresh


def test_changing_a_handed_out_draft_does_not_change_the_kept_one(project, counted, settled):
    one = _draft(project)
    text = one.releases["en"]
    one.releases["en"] = "changed"
    one.notes.append("changed")
    two = _draft(project)
    assert len(counted) == 1 and two.releases["en"] == text and "changed" not in two.notes


def _append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


EDITS = {
    "release definition": lambda root: _append(root / "config" / "knowledge_services.yaml", "\n# edited\n"),
    "item table": lambda root: _append(root / "data" / "knowledge_services" / "items.csv", "\n"),
    "figures": lambda root: _append(root / "data" / "knowledge_services" / "figures.csv", "\n"),
    "annotations": lambda root: _append(root / "data" / "knowledge_services" / "annotations" / f"{PERIOD}.yaml", "\n# edited\n"),
    "a new annotation file": lambda root: (root / "data" / "knowledge_services" / "annotations" / "2024H2.yaml").write_text(
        "causes: []\n", encoding="utf-8"),
    "a template": lambda root: _append(root / "templates" / "knowledge_services" / "en" / "release.md.j2", "{# edited #}"),
    "wording rules": lambda root: _append(root / "config" / "wording" / "en.yaml", "\n# edited\n"),
    "a project vocabulary": lambda root: ((root / "config" / "vocabulary").mkdir(),
                                          (root / "config" / "vocabulary" / "en.yaml").write_text("{}\n", encoding="utf-8")),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_an_edited_input_is_drafted_again(project, counted, settled, what):
    _draft(project)
    _draft(project)
    assert len(counted) == 1
    EDITS[what](project.root)
    _draft(project)
    assert len(counted) == 2, f"after editing {what} the kept draft was handed back"
    _draft(project)
    assert len(counted) == 2  # and the new draft is kept in turn


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(project, counted, settled):
    path = project.root / "config" / "wording" / "en.yaml"
    _draft(project)
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    time.sleep(0.01)  # past the file system clock's tick
    path.write_text(text.replace("#", "%", 1) if "#" in text else text + " ", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time cannot be set back
    assert os.stat(path).st_size == before.st_size or "#" not in text
    _draft(project)
    assert len(counted) == 2


def test_files_changed_just_now_are_never_trusted(project, counted):
    # The copy was written a moment ago: its stamps are not trusted, so nothing is kept.
    _draft(project)
    _draft(project)
    assert len(counted) == 2


def test_the_stamp_covers_every_input_file(project, settled):
    period = project.period(PERIOD)
    stamped = {entry[0] for entry in draftmemo.stamp(project, period)}
    assert {str(path) for path in input_files(project, period)} <= stamped
