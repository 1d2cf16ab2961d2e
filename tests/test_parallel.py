"""Batch work in worker processes gives exactly what the sequential path gives (issue: performance, batch)."""

from __future__ import annotations

import pickle
from pathlib import Path

import generator.check.run as check_run
import generator.draft as draft_module
from generator.check.run import check_paths
from generator.errors import AnnotationError
from generator.project import open_project


def _copy(repo_root: Path, target: Path) -> Path:
    """The bundled knowledge services release (its config, data and templates)."""
    from drafting import copy_bundled

    return copy_bundled(target)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_parallel_draft_all_writes_the_same_bytes_as_sequential(tmp_path, repo_root, monkeypatch):
    one = _copy(repo_root, tmp_path / "one")
    two = _copy(repo_root, tmp_path / "two")
    project = open_project(one)
    sequential = draft_module.draft_periods(project, list(project.dataset.periods), jobs=1)
    monkeypatch.setattr(draft_module, "PARALLEL_MIN_PERIODS", 2)
    project = open_project(two)
    parallel = draft_module.draft_periods(project, list(project.dataset.periods), jobs=2)
    assert parallel == sequential  # messages in period order, whichever worker finished first
    # Per period: both releases, facts.json, review.md and review.html, plus the declared charts.
    assert len([m for m in sequential if not m.rsplit("/", 1)[1].startswith("chart-")]) == 5 * len(project.dataset.periods)
    assert _tree(one / "output" / "knowledge_services") == _tree(two / "output" / "knowledge_services")


def test_parallel_check_gives_the_same_findings_as_sequential(tmp_path, repo_root, monkeypatch):
    root = _copy(repo_root, tmp_path / "project")
    project = open_project(root)
    draft_module.draft_periods(project, list(project.dataset.periods), jobs=1)
    english = root / "output" / "knowledge_services" / "2025H1" / "release.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("4.53 billion dollars", "4.35 billion dollars"), encoding="utf-8")
    sequential = check_paths([root / "output"], root, jobs=1)
    monkeypatch.setattr(check_run, "PARALLEL_MIN_FILES", 2)
    parallel = check_paths([root / "output"], root, jobs=2)
    assert parallel.findings == sequential.findings
    assert {f.rule_id for f in sequential.findings} == {"data.number"} and len(sequential.findings) >= 1


def test_errors_keep_their_location_across_processes():
    error = AnnotationError("bad date", path="data/x/annotations/2025H1.yaml", line=6, column=1, hint="write 2025-09-17")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is AnnotationError
    assert str(copy) == str(error) == "data/x/annotations/2025H1.yaml:6:1: bad date\n  hint: write 2025-09-17"
