"""Reliability: output is reproducible across environments, and a failed or interrupted run loses nothing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.draft as draft_module
import generator.writer
from helpers import run_cli

REPO_ROOT = Path(__file__).resolve().parents[1]
A25 = "data/knowledge_services/annotations/2025H1.yaml"
A24 = "data/knowledge_services/annotations/2024.yaml"


def copy_project(target: Path, *, reverse: bool = False, release: str | None = "knowledge_services") -> Path:
    """Copy the knowledge services release (its config, data/ and templates/ folders), or with
    ``release=None`` every release of the project; with ``reverse`` every folder's files are
    created in reverse order."""
    target.mkdir(parents=True)
    parts = ("config", "data", "templates") if release is None else ("config", f"data/{release}", f"templates/{release}")
    for part in parts:
        sources = sorted((REPO_ROOT / part).rglob("*"), reverse=reverse)
        if part == "config" and release is not None:
            sources = [p for p in sources if p.suffix != ".yaml" or p.parent != REPO_ROOT / "config" or p.stem == release]
        for source in sorted(sources, key=lambda p: len(p.parts)):  # folders before their files
            dest = target / source.relative_to(REPO_ROOT)
            if source.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)
    return target


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(changes)
    return env


def test_draft_all_is_byte_identical_across_locale_timezone_hashseed_cwd_and_file_order(tmp_path: Path) -> None:
    """``draft --all`` of the whole project (every period of every release) twice, in different
    environments and from differently ordered copies: the output trees are byte-identical."""
    first = copy_project(tmp_path / "one", release=None)
    second = copy_project(tmp_path / "two", reverse=True, release=None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [sys.executable, "-m", "generator", "draft", "--all", "--no-charts"]  # charts: test_charts_in_draft
    run_a = subprocess.run(command, cwd=first, capture_output=True, text=True, timeout=300,
                           env=_env(LC_ALL="C.UTF-8", LANG="C.UTF-8", TZ="UTC", PYTHONHASHSEED="0"))
    run_b = subprocess.run([*command, "--project", str(second)], cwd=elsewhere, capture_output=True, text=True, timeout=300,
                           env=_env(LC_ALL="ko_KR.UTF-8", LANG="ko_KR.UTF-8", LANGUAGE="ko", TZ="Asia/Seoul", PYTHONHASHSEED="12345"))
    assert run_a.returncode == 0, run_a.stderr
    assert run_b.returncode == 0, run_b.stderr
    out_a, out_b = files_of(first / "output"), files_of(second / "output")
    assert out_a, "draft --all wrote nothing"
    # Every period of every release was drafted.
    from generator.project import open_projects

    for project in open_projects(first):
        drafted = {name.split("/")[1] for name in out_a if name.startswith(f"{project.config.id}/") and name.count("/") == 2}
        assert drafted == {str(p) for p in project.dataset.periods}, project.config.id
    assert sorted(out_a) == sorted(out_b)
    different = [name for name in out_a if out_a[name] != out_b[name]]
    assert not different, f"output differs between environments: {different}"
    assert not list(elsewhere.iterdir()), "running from another folder must not write there"
    # Nothing in the output depends on the day it was generated.
    today = {dt.date.today(), dt.datetime.now(dt.timezone.utc).date(),
             dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()}
    stamps = set()
    for day in today:
        stamps |= {day.isoformat(), day.strftime("%Y%m%d"), f"{day.year}년 {day.month}월 {day.day}일",
                   f"{day:%B} {day.day}, {day.year}"}
    for name, data in out_a.items():
        text = data.decode("utf-8")
        for stamp in stamps:
            assert stamp not in text, f"{name} contains today's date ({stamp})"


# ------------------------------------------------------------------------------- nothing lost
@pytest.fixture(scope="module")
def drafted_once(tmp_path_factory) -> Path:
    from generator.cli import main

    root = copy_project(tmp_path_factory.mktemp("drafted") / "project")
    assert main(["draft", "--project", str(root), "--period", "2025H1"]) == 0
    return root


@pytest.fixture
def drafted(tmp_path: Path, drafted_once: Path) -> Path:
    """A project copy with output/2025H1 drafted once; then its inputs change, so a new draft would differ."""
    root = tmp_path / "project"
    shutil.copytree(drafted_once, root)
    config = root / "config" / "knowledge_services.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  en: South Korea's knowledge services trade balance",
                                                                 "  en: Korea's knowledge services trade balance"), encoding="utf-8")
    return root


def _no_temporary_files(root: Path) -> None:
    # The lock file stays (empty): removing a lock file lets two runs lock different files.
    leftovers = [p.name for p in (root / "output" / "knowledge_services").rglob("*")
                 if p.relative_to(root / "output" / "knowledge_services").as_posix() != ".pressgen.lock"
                 and (p.name.startswith(".") or p.suffix in (".tmp", ".bak"))]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def _failing_after(calls: int, real, error: BaseException):
    count = {"n": 0}

    def wrapper(*args, **kwargs):
        count["n"] += 1
        if count["n"] > calls:
            raise error
        return real(*args, **kwargs)

    return wrapper


def test_a_failing_rename_leaves_the_previous_release_untouched(drafted: Path, capsys, monkeypatch) -> None:
    """Whichever rename fails (journal, moving the old folder aside, moving the new one in),
    the run exits 2 and the previous release is untouched; with no failure it is replaced."""
    before = files_of(drafted / "output" / "knowledge_services")
    succeed = 0
    while True:
        monkeypatch.setattr(generator.writer.os, "replace", _failing_after(succeed, os.replace, OSError(28, "No space left on device")))
        code, _, err = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1")
        monkeypatch.undo()
        _no_temporary_files(drafted)
        if code == 0:
            break
        assert code == 2 and "Traceback" not in err, err
        assert "no space left on the device" in err and "free space on the disk that holds output/" in err
        assert files_of(drafted / "output" / "knowledge_services") == before, f"a failed rename {succeed + 1} changed the previous release"
        succeed += 1
    assert succeed >= 3, "journal, old folder aside, new folder in"
    assert files_of(drafted / "output" / "knowledge_services") != before


@pytest.mark.parametrize("succeed", [0, 2])
def test_a_failing_temporary_write_leaves_the_previous_release_untouched(drafted: Path, capsys, monkeypatch, succeed: int) -> None:
    before = files_of(drafted / "output" / "knowledge_services")
    monkeypatch.setattr(generator.writer.os, "fsync", _failing_after(succeed, os.fsync, OSError(5, "Input/output error")))
    code, _, err = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1")
    monkeypatch.undo()
    assert code == 2 and "Traceback" not in err
    assert files_of(drafted / "output" / "knowledge_services") == before
    _no_temporary_files(drafted)


@pytest.mark.parametrize("where", ["rename", "render"])
def test_keyboard_interrupt_during_a_draft_loses_nothing(drafted: Path, capsys, monkeypatch, where: str) -> None:
    before = files_of(drafted / "output" / "knowledge_services")
    if where == "rename":
        monkeypatch.setattr(generator.writer.os, "replace", _failing_after(1, os.replace, KeyboardInterrupt()))
    else:
        monkeypatch.setattr(draft_module, "review_sheet", _failing_after(0, None, KeyboardInterrupt()))
    code, out, err = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1")
    monkeypatch.undo()
    assert code == 130, err
    assert "Traceback" not in err
    assert files_of(drafted / "output" / "knowledge_services") == before
    _no_temporary_files(drafted)


def _edit(root: Path) -> tuple[Path, bytes]:
    release = root / "output" / "knowledge_services" / "2025H1" / "release.en.md"
    edited = release.read_text(encoding="utf-8").rstrip("\n") + "\n\nAn editor added this paragraph.\n"
    release.write_text(edited, encoding="utf-8")
    return release, release.read_bytes()


def test_an_edited_release_is_kept_and_the_new_draft_goes_beside_it(drafted: Path, capsys) -> None:
    release, edited = _edit(drafted)
    code, _, err = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1")
    assert code == 0
    assert "kept output/knowledge_services/2025H1/release.en.md" in err
    assert release.read_bytes() == edited
    assert (release.parent / "release.en.new.md").is_file()
    code, _, _ = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1", "--force")
    assert code == 0 and release.read_bytes() != edited


def test_an_edited_release_survives_a_run_that_fails_afterwards(drafted: Path, capsys) -> None:
    release, edited = _edit(drafted)
    (drafted / A24).write_text((drafted / A24).read_text(encoding="utf-8").replace("release_date: 2025-03-19", "release_date: soon"),
                               encoding="utf-8")
    before = files_of(drafted / "output" / "knowledge_services")
    code, _, err = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1,2024")
    assert code == 2, err
    assert release.read_bytes() == edited
    assert files_of(drafted / "output" / "knowledge_services") == before, "a run that fails on bad input must write nothing"


@pytest.mark.parametrize("succeed", [0, 1, 2])
def test_an_edited_release_survives_a_failing_write_even_with_force(drafted: Path, capsys, monkeypatch, succeed: int) -> None:
    release, edited = _edit(drafted)
    monkeypatch.setattr(generator.writer.os, "replace", _failing_after(succeed, os.replace, OSError(28, "No space left on device")))
    code, _, _ = run_cli(capsys, "draft", "--project", drafted, "--period", "2025H1", "--force")
    monkeypatch.undo()
    assert code != 0
    assert release.read_bytes() == edited
    _no_temporary_files(drafted)
