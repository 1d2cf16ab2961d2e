"""Several periods are built to disk (generator/spool.py), not held in memory, and written as before.

``draft --all`` builds every period before writing any. Its files now wait in a private
temporary folder, and planning works from their digests: the tree written is the same
as from bytes in memory, an editor's file is still kept, no plan holds a spooled file's
bytes, and a run that fails while building leaves no spool and no output behind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import generator.draft as draft_module
import generator.spool as spool_module
from generator.draft import build_draft, build_periods, draft_files
from generator.errors import TemplateError
from generator.project import open_project
from generator.publish import plan_period, write_periods
from generator.spool import SpooledFiles

from drafting import copy_bundled

EDITED = "2024H1/release.en.md"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _edit(output: Path) -> None:
    path = output / EDITED
    path.write_text(path.read_text(encoding="utf-8") + "\nAn editor's paragraph.\n", encoding="utf-8")


def test_spooled_periods_are_the_files_a_draft_has_and_write_the_same_tree(tmp_path):
    one, two = copy_bundled(tmp_path / "one"), copy_bundled(tmp_path / "two")
    trees, said = [], []
    for root, spooled in ((one, True), (two, False)):
        project = open_project(root)
        periods = list(project.dataset.periods)
        assert len(periods) >= draft_module.SPOOL_MIN_PERIODS
        # A first draft, then an editor's edit, then a redraft of changed inputs: new files,
        # a kept edited release (its new version beside it) and a manifest to merge.
        write_periods(project, build_periods(project, periods, jobs=1, charts=False))
        _edit(project.output)
        config = root / "config" / "knowledge_services.yaml"
        config.write_text(config.read_text(encoding="utf-8").replace("  en: South Korea's knowledge services trade balance",
                                                                     "  en: Korea's knowledge services trade balance"), encoding="utf-8")
        project = open_project(root)
        if spooled:
            contents = build_periods(project, periods, jobs=1, charts=False)
            assert all(type(files) is SpooledFiles for files in contents.values())
            for period, files in contents.items():
                assert files == draft_files(build_draft(project, period, charts=False))
        else:
            contents = {p: draft_files(build_draft(project, p, charts=False)) for p in periods}
            assert all(type(files) is dict for files in contents.values())
        said.append(write_periods(project, contents))
        trees.append(_tree(project.output))
    assert said[0] == said[1]
    assert trees[0] == trees[1]
    assert any(line.startswith(f"kept output/knowledge_services/{EDITED}: edited") for line in said[0])
    assert "release.en.new.md" in {Path(name).name for name in trees[0]}


def test_plans_of_spooled_periods_hold_paths_and_digests_not_bytes(tmp_path):
    project = open_project(copy_bundled(tmp_path / "project"))
    contents = build_periods(project, list(project.dataset.periods), jobs=1, charts=False)
    for period, files in contents.items():
        plan = plan_period(project, period, files)
        held = {name: data for name, data in plan.writes.items() if name != "manifest.json"}
        assert set(held) == set(files)
        assert all(isinstance(data, Path) and data.parent == files.folder for data in held.values())
        # The manifest the plan writes records each file's digest as the spool computed it.
        manifest = json.loads(plan.writes["manifest.json"])
        assert manifest == {name: "sha256:" + files.digest(name) for name in sorted(files)}


def test_the_spool_goes_when_its_files_are_no_longer_wanted(tmp_path):
    project = open_project(copy_bundled(tmp_path / "project"))
    contents = build_periods(project, list(project.dataset.periods), jobs=1, charts=False)
    spool = next(iter(contents.values())).folder.parent
    assert spool.is_dir() and not spool.is_relative_to(project.root)
    write_periods(project, contents)
    written = _tree(project.output)
    del contents
    assert not spool.exists()
    assert _tree(project.output) == written  # the written files were links or copies, not the spool's own names


def test_a_failure_while_building_leaves_no_spool_and_no_output(tmp_path, monkeypatch):
    project = open_project(copy_bundled(tmp_path / "project"))
    periods = list(project.dataset.periods)
    made = []

    class Recorded(spool_module.Spool):
        def __init__(self) -> None:
            super().__init__()
            made.append(self.root)

    real = draft_module.build_draft

    def failing(project, period, *args, **kwargs):
        if period == periods[-1]:
            raise TemplateError("broken on purpose", path="templates/x.md.j2")
        return real(project, period, *args, **kwargs)

    monkeypatch.setattr(spool_module, "Spool", Recorded)
    monkeypatch.setattr(draft_module, "build_draft", failing)
    with pytest.raises(TemplateError) as caught:
        build_periods(project, periods, jobs=1, charts=False)
    # Deleted at once, not when the error (whose traceback holds the spool) is let go.
    assert caught.traceback and len(made) == 1 and not made[0].exists()
    assert not (project.root / "output").exists()


def test_building_many_periods_keeps_neither_their_facts_nor_their_drafts(tmp_path, monkeypatch):
    from generator import draftmemo

    # The copied files are new, and the draft memo trusts no file changed in the last two seconds.
    monkeypatch.setattr(draftmemo, "SETTLED_NS", 0)
    project = open_project(copy_bundled(tmp_path / "project"))
    periods = list(project.dataset.periods)
    build_periods(project, periods, jobs=1, charts=False)
    kept = [k for k in project._cache if type(k) is tuple and k[:1] == ("facts",)]
    assert kept == [] and draftmemo._KEY not in project._cache
    # A single period is drafted as before: the project keeps its facts and its draft.
    build_periods(project, periods[-1:], jobs=1, charts=False)
    assert [k[1] for k in project._cache if type(k) is tuple and k[:1] == ("facts",)] == periods[-1:]
    assert project._cache[draftmemo._KEY][0][0] == periods[-1]


def test_a_full_temporary_folder_is_one_clear_error_and_nothing_is_written(tmp_path, monkeypatch):
    import errno

    from generator.errors import OutputError

    project = open_project(copy_bundled(tmp_path / "project"))
    made = []

    def full(folder, pieces):
        made.append(folder.parent)
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "facts.json"))

    monkeypatch.setattr(spool_module, "write_pieces", full)
    with pytest.raises(OutputError) as caught:
        build_periods(project, list(project.dataset.periods), jobs=1, charts=False)
    assert "no space left on the device" in str(caught.value) and "nothing was written" in str(caught.value)
    assert "TMPDIR" in caught.value.hint
    assert made and not made[0].exists() and not (project.root / "output").exists()


def test_folders_of_killed_runs_are_deleted_by_the_next_run_and_no_others(tmp_path):
    import os
    import subprocess
    import sys
    import time

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    old = time.time() - 2 * spool_module.STALE_AFTER
    folders = {
        "killed": tmp_path / f"{spool_module.PREFIX}{gone}-abc",  # its process is gone, and it is old: deleted
        "recent": tmp_path / f"{spool_module.PREFIX}{gone}-def",  # gone, but changed a moment ago: kept
        "running": tmp_path / f"{spool_module.PREFIX}{os.getppid()}-ghi",  # its process runs: kept
        "other": tmp_path / "pressgen-spool-notapid",  # not a spool's name: kept
        "unrelated": tmp_path / f"unrelated-{gone}",
    }
    for name, folder in folders.items():
        (folder / "2025H1").mkdir(parents=True)
        (folder / "2025H1" / "facts.json").write_text("{}", encoding="utf-8")
        if name != "recent":
            os.utime(folder, (old, old))
    assert spool_module.sweep(str(tmp_path)) == [folders["killed"].name]
    assert {name for name, folder in folders.items() if folder.exists()} == {"recent", "running", "other", "unrelated"}
