"""The output folder: front matter emitted as YAML, whole-file edit protection, the lock,
file modes, obstacles and unwritable folders reported before anything is written, and
project-relative paths in what is written."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.writer as writer
from generator.output import split_front_matter, with_front_matter

from drafting import REPO_ROOT, copy_bundled
from helpers import run_cli


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` (links not followed) with size and mtime; the lock file's
    mtime changes with every run that takes it, so it is left out."""
    result = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            if name != ".pressgen.lock":
                info = path.lstat()
                # A folder's mtime is left out too: creating the lock file changes it.
                result[path.relative_to(root).as_posix()] = (0, 0) if name in dirs else (info.st_size, info.st_mtime_ns)
    return result

PERIOD = "2024H2"


@pytest.fixture
def fresh(tmp_path) -> Path:
    return copy_bundled(tmp_path / "project")


def _draft(capsys, root: Path, *args: str):
    return run_cli(capsys, "draft", "--project", root, "--period", PERIOD, *args)


def _change_inputs(root: Path) -> None:
    config = root / "config" / "knowledge_services.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  en: South Korea's knowledge services trade balance",
                                                                 "  en: Korea's knowledge services trade balance"), encoding="utf-8")


# ------------------------------------------------------------------------------- front matter
@pytest.mark.parametrize("value", ["[x", "*x", "a #b", "2024", "yes", "no", "null", "~", "a: b", "- x", "", "한국어 값",
                                   "'q'", '"d"', "x\ny", " lead", "1.0", "&a", "!tag", "%p", "@x", "`x", "{x}"])
def test_front_matter_values_round_trip(value):
    text = with_front_matter({"release": value, "period": value, "status": value}, "# Body\n")
    meta, body = split_front_matter(text)
    assert (meta["release"], meta["period"], meta["status"]) == (value, value, value)
    assert body == "# Body\n"


def test_front_matter_keeps_the_form_pressgen_always_wrote():
    text = with_front_matter({"release": "knowledge_services", "period": "2024", "generator": "pressgen 0.1.0",
                              "input_hash": "sha256:ab"}, "# B\n")
    assert text.startswith('---\nrelease: knowledge_services\nperiod: "2024"\ngenerator: pressgen 0.1.0\n'
                           'input_hash: sha256:ab\nbody_hash: sha256:')
    assert text.endswith("\n---\n# B\n")


# ------------------------------------------------------------------------------- whole-file edits
@pytest.mark.parametrize("edit", ["status", "reviewed_by"])
def test_a_front_matter_only_edit_is_an_edit(capsys, fresh, edit):
    assert _draft(capsys, fresh)[0] == 0
    path = fresh / "output" / "knowledge_services" / PERIOD / "release.en.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: draft", "status: approved") if edit == "status" else text.replace("---\n#", "reviewed_by: Kim\n---\n#", 1)
    path.write_text(text, encoding="utf-8")
    _change_inputs(fresh)
    code, _, err = _draft(capsys, fresh)
    assert code == 0
    assert path.read_text(encoding="utf-8") == text
    assert f"kept output/knowledge_services/{PERIOD}/release.en.md: edited since it was generated" in err
    assert (path.parent / "release.en.new.md").is_file()


def test_an_edited_new_file_is_never_overwritten_or_deleted_without_force(capsys, fresh):
    assert _draft(capsys, fresh)[0] == 0
    folder = fresh / "output" / "knowledge_services" / PERIOD
    release, beside = folder / "release.en.md", folder / "release.en.new.md"
    release.write_text(release.read_text(encoding="utf-8") + "\nEditor.\n", encoding="utf-8")
    _change_inputs(fresh)
    assert _draft(capsys, fresh)[0] == 0
    assert "sha256:" in json.loads((folder / "manifest.json").read_text())["release.en.new.md"]
    beside.write_text(beside.read_text(encoding="utf-8") + "\nMerging here.\n", encoding="utf-8")
    merged = beside.read_bytes()
    template = fresh / "templates/knowledge_services/en/release.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("statistics cover", "statistics describe"), encoding="utf-8")
    code, out, err = _draft(capsys, fresh)
    assert code == 0 and beside.read_bytes() == merged
    assert (f"kept output/knowledge_services/{PERIOD}/release.en.md and output/knowledge_services/{PERIOD}/release.en.new.md: both edited since they were generated; "
            "the new draft was not written") in err
    # The editor deletes their edit of the release: it is rewritten, and the edited .new.md still stays.
    release.unlink()
    code, out, err = _draft(capsys, fresh)
    assert code == 0 and beside.read_bytes() == merged
    assert f"kept output/knowledge_services/{PERIOD}/release.en.new.md: edited since it was generated, so not removed" in err
    code, out, _ = _draft(capsys, fresh, "--force")
    assert code == 0 and not beside.exists() and f"removed output/knowledge_services/{PERIOD}/release.en.new.md (superseded)" in out


def test_a_missing_manifest_does_not_make_unchanged_files_edited(capsys, fresh):
    assert _draft(capsys, fresh)[0] == 0
    folder = fresh / "output" / "knowledge_services" / PERIOD
    (folder / "manifest.json").unlink()
    code, _, err = _draft(capsys, fresh)
    assert (code, err) == (0, "")
    recorded = sorted(json.loads((folder / "manifest.json").read_text()))
    assert [n for n in recorded if not n.startswith("chart-")] == ["facts.json", "release.en.md", "release.ko.md", "review.html", "review.md"]


# ------------------------------------------------------------------------------- the lock
def test_a_second_run_waits_then_stops_naming_the_holder(tmp_path, fresh):
    output = fresh / "output" / "knowledge_services"
    output.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(output / '.pressgen.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, b'pid %d: pressgen draft --all --force\\n' % os.getpid())\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        env = {**os.environ, "PRESSGEN_LOCK_TIMEOUT": "0.5", "PYTHONPATH": str(REPO_ROOT)}
        started = time.monotonic()
        run = subprocess.run([sys.executable, "-m", "generator", "draft", "--project", str(fresh), "--period", PERIOD],
                             env=env, capture_output=True, text=True, timeout=60)
        assert time.monotonic() - started >= 0.5
        assert run.returncode == 2, run.stderr
        assert f"held by pid {holder.pid}: pressgen draft --all --force" in run.stderr
        assert "Traceback" not in run.stderr and not (output / PERIOD).exists()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_two_concurrent_drafts_both_succeed(fresh):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "generator", "draft", "--project", str(fresh), "--all", "--force", "--jobs", "1"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert not [p.name for p in (fresh / "output").iterdir() if p.name.startswith(".") and p.name != ".pressgen.lock"]


# ------------------------------------------------------------------------------- modes
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_output_files_get_the_users_umask(capsys, fresh, umask, mode):
    old = os.umask(umask)
    try:
        assert _draft(capsys, fresh)[0] == 0
        _change_inputs(fresh)
        assert _draft(capsys, fresh)[0] == 0  # a replaced folder too
    finally:
        os.umask(old)
    files = [p for p in (fresh / "output").rglob("*") if p.is_file()]
    assert files and {stat.S_IMODE(p.stat().st_mode) for p in files} == {mode}
    assert stat.S_IMODE((fresh / "output" / "knowledge_services" / PERIOD).stat().st_mode) == mode | 0o111 & ~umask


# ------------------------------------------------------------------------------- obstacles
def _obstacle(root: Path, kind: str) -> Path:
    output = root / "output"
    if kind == "output-file":
        output.write_text("x")
        return output
    if kind == "output-dangling-link":
        output.symlink_to(root / "nowhere")
        return output
    folder = output / "knowledge_services" / PERIOD
    folder.mkdir(parents=True)
    (folder / kind).mkdir()
    return folder / kind


@pytest.mark.parametrize(("kind", "message"), [
    ("output-file", "output: output is a file, but draft writes its folders there"),
    ("output-dangling-link", "output: output is a symbolic link to"),
    ("facts.json", f"expected a file, found a folder: output/knowledge_services/{PERIOD}/facts.json"),
    ("manifest.json", f"expected a file, found a folder: output/knowledge_services/{PERIOD}/manifest.json"),
])
def test_an_obstacle_is_reported_before_anything_is_written(capsys, fresh, kind, message):
    _obstacle(fresh, kind)
    before = snapshot(fresh)
    code, out, err = run_cli(capsys, "draft", "--project", fresh, "--period", f"2025H1,{PERIOD}")
    assert code == 2, err
    assert message in err and "hint: " in err and "Traceback" not in err
    assert snapshot(fresh) == before, "nothing written, not even the periods before the obstacle"


# ------------------------------------------------------------------------------- disk full, read-only
def test_a_full_disk_is_exit_2_and_says_what_to_do(capsys, fresh, monkeypatch):
    assert _draft(capsys, fresh)[0] == 0
    _change_inputs(fresh)
    before = snapshot(fresh / "output")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "write", full)
    code, _, err = _draft(capsys, fresh)
    monkeypatch.undo()
    assert code == 2 and "Traceback" not in err
    assert "no space left on the device; the previous files are unchanged" in err
    assert "hint: free space on the disk that holds output/knowledge_services/ and run draft again" in err
    assert snapshot(fresh / "output") == before


def test_a_read_only_output_folder_is_exit_2_and_says_what_to_do(capsys, fresh, monkeypatch):
    assert _draft(capsys, fresh)[0] == 0
    _change_inputs(fresh)
    output = fresh / "output" / "knowledge_services"
    before = snapshot(output)
    output.chmod(0o555)
    if os.geteuid() == 0:  # root writes anyway: make the system refuse as it would for a user
        real_mkdir = os.mkdir

        def refuse(path, *args, **kwargs):
            if Path(path).parent == output:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_mkdir(path, *args, **kwargs)

        monkeypatch.setattr(writer.os, "mkdir", refuse)
    try:
        code, _, err = _draft(capsys, fresh)
    finally:
        monkeypatch.undo()
        output.chmod(0o755)
    assert code == 2 and "Traceback" not in err, err
    assert "cannot write here: Permission denied; the previous files are unchanged" in err
    assert "hint: make output/knowledge_services/ and the folders in it writable" in err
    assert snapshot(output) == before


# ------------------------------------------------------------------------------- paths
def test_figures_outside_the_project_are_written_relative_to_it(capsys, tmp_path):
    root = copy_bundled(tmp_path / "a" / "project")
    shared = tmp_path / "shared"
    shutil.move(root / "data", shared)
    config = root / "config" / "knowledge_services.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("../data/", f"{shared}/") + "allow_outside_project: true\n", encoding="utf-8")
    assert str(shared) in config.read_text(encoding="utf-8")
    code, _, err = run_cli(capsys, "draft", "--project", root, "--period", "2025H1")
    assert code == 0, err
    for name in ("facts.json", "review.md", "release.en.md"):
        text = (root / "output" / "knowledge_services" / "2025H1" / name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text, name
    facts = json.loads((root / "output" / "knowledge_services" / "2025H1" / "facts.json").read_text(encoding="utf-8"))
    files = {s.get("file") for f in facts["facts"] for s in f.get("sources", []) if isinstance(s, dict)} - {None}
    assert "../../shared/knowledge_services/figures.csv" in files
    assert all(name.startswith("../../shared/knowledge_services/") for name in files), files
    review = (root / "output" / "knowledge_services" / "2025H1" / "review.md").read_text(encoding="utf-8")
    assert "../../shared/knowledge_services/annotations/2025H1.yaml:" in review
