"""Crash safety: a draft killed at any instant leaves every period folder all old or all new.

Two ways of killing it. In process, every step of the writer (each file write, fsync,
rename and removal) is made to fail in turn, either like a kill (nothing runs after it:
the in-process undo is switched off) or like an error (ENOSPC: the undo runs). Then the
next run's recovery is run — itself killed at each of its own steps once — and the tree
is compared byte for byte with the old and the new tree. In subprocesses, ``draft`` gets
real SIGKILL/SIGTERM/SIGINT at random instants (fixed seed) and at every rename point
(``PRESSGEN_FAULT_AT``). The counts are printed.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.writer as writer
from generator.draft import build_draft, draft_files
from generator.errors import OutputError
from generator.project import open_project
from generator.publish import open_output, write_periods

from drafting import REPO_ROOT, copy_bundled

PERIODS = ("2025H1", "2024")
EDITED = "2024/release.en.md"
LOCK = ".pressgen.lock"


class Killed(BaseException):
    """Stands for SIGKILL in process: not an Exception, so nothing catches it on the way out."""


def tree(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def period_files(files: dict[str, bytes], period: str) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if k.startswith(f"{period}/")}


def _change_inputs(root: Path) -> None:
    """Make every file of both periods differ between the old and the new draft."""
    config = root / "config" / "knowledge_services.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  en: South Korea's knowledge services trade balance",
                                                                 "  en: Korea's knowledge services trade balance"), encoding="utf-8")


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A project whose output holds the old drafts (one release edited by an editor), the
    new inputs in place, and the exact old and new output trees, with and without --force."""
    base = tmp_path_factory.mktemp("crash")
    root = copy_bundled(base / "project")
    assert write_draft_cli(root) == 0
    edited = root / "output" / "knowledge_services" / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's paragraph.\n", encoding="utf-8")
    old = tree(root / "output" / "knowledge_services")
    _change_inputs(root)
    project = open_project(root)
    contents = {project.period(p): draft_files(build_draft(project, project.period(p))) for p in PERIODS}
    saved = base / "old-output"
    shutil.copytree(root / "output" / "knowledge_services", saved, symlinks=True)
    new = {}
    for force in (False, True):
        _reset(root, saved)
        write_periods(project, contents, force=force)
        new[force] = tree(root / "output" / "knowledge_services")
    _reset(root, saved)
    for period in PERIODS:
        for force in (False, True):
            assert period_files(old, period) != period_files(new[force], period)
    assert new[False][EDITED] == old[EDITED] and new[True][EDITED] != old[EDITED]
    return {"root": root, "saved": saved, "old": old, "new": new, "project": project, "contents": contents}


def write_draft_cli(root: Path, *extra: str) -> int:
    from generator.cli import main

    return main(["draft", "--project", str(root), "--period", ",".join(PERIODS), *extra])


def _reset(root: Path, saved: Path) -> None:
    shutil.rmtree(root / "output" / "knowledge_services")
    shutil.copytree(saved, root / "output" / "knowledge_services", symlinks=True)


def assert_all_old_or_all_new(output: Path, old: dict, new: dict) -> tuple[int, int]:
    """Each period folder is byte for byte the old or the new one; nothing else under output/."""
    now = tree(output)
    counts = [0, 0]
    for period in PERIODS:
        mine = period_files(now, period)
        assert mine in (period_files(old, period), period_files(new, period)), \
            f"{period} is a mix: {sorted(k for k in mine if mine.get(k) != period_files(new, period).get(k))}"
        counts[mine == period_files(new, period)] += 1
    extra = sorted(p.relative_to(output).as_posix() for p in output.iterdir() if p.name not in (*PERIODS, LOCK))
    assert not extra, f"left behind: {extra}"
    assert (output / LOCK).read_bytes() == b""
    return counts[0], counts[1]


def _recover(project) -> None:
    with open_output(project):
        pass


def _fault_at(monkeypatch, number: int, error: BaseException, counter: dict | None = None):
    counter = counter if counter is not None else {"n": 0}

    def step(kind: str) -> None:
        counter["n"] += 1
        if counter["n"] == number:
            raise error

    monkeypatch.setattr(writer, "_step", step)
    return counter


def _count_steps(states, force: bool) -> int:
    _reset(states["root"], states["saved"])
    with pytest.MonkeyPatch.context() as mp:
        counter = _fault_at(mp, 0, Killed(), {"n": 0})
        write_periods(states["project"], states["contents"], force=force)
    _reset(states["root"], states["saved"])
    return counter["n"]


@pytest.mark.parametrize("force", [False, True])
def test_a_failure_at_every_step_leaves_each_period_all_old_or_all_new(states, monkeypatch, force):
    root, output, project = states["root"], states["root"] / "output" / "knowledge_services", states["project"]
    old, new = states["old"], states["new"][force]
    # What is proven here is the order of the steps, not the disk's durability; syncing
    # hundreds of times would only make the test slow (the subprocess test syncs for real).
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    steps = _count_steps(states, force)
    assert steps >= 50, "every write, fsync, rename and removal of both periods is a fault point"
    tally = {"killed": 0, "killed in recovery too": 0, "errors": 0, "old": 0, "new": 0}
    started = time.monotonic()
    for number in range(1, steps + 1):
        # Killed: nothing of the writer runs after the fault; the next run's recovery must cope.
        _reset(root, states["saved"])
        with pytest.MonkeyPatch.context() as mp:
            _fault_at(mp, number, Killed())
            mp.setattr(writer, "_undo_after_failure", lambda output: None)
            with pytest.raises(Killed):
                write_periods(project, states["contents"], force=force)
        tally["killed"] += 1
        if (output / writer.JOURNAL).exists():
            # Recovery killed at each of its own steps, then run again: still all old or all new.
            saved_crash = root.parent / "crashed-output"
            shutil.rmtree(saved_crash, ignore_errors=True)
            shutil.copytree(output, saved_crash, symlinks=True)
            recovery_steps = {"n": 0}
            with pytest.MonkeyPatch.context() as mp:
                _fault_at(mp, 0, Killed(), recovery_steps)
                _recover(project)
            for second in range(1, recovery_steps["n"] + 1):
                _reset(root, saved_crash)
                with pytest.MonkeyPatch.context() as mp:
                    _fault_at(mp, second, Killed())
                    with pytest.raises(Killed):
                        _recover(project)
                _recover(project)
                assert_all_old_or_all_new(output, old, new)
                tally["killed in recovery too"] += 1
            _reset(root, saved_crash)
        _recover(project)
        _recover(project)  # idempotent
        n_old, n_new = assert_all_old_or_all_new(output, old, new)
        tally["old"] += n_old
        tally["new"] += n_new

        # An error instead (disk full): undone in process, reported as exit 2, nothing left behind.
        _reset(root, states["saved"])
        with pytest.MonkeyPatch.context() as mp:
            _fault_at(mp, number, OSError(errno.ENOSPC, "No space left on device"))
            try:
                write_periods(project, states["contents"], force=force)
                failed = False
            except OutputError as exc:
                failed = True
                assert "no space left on the device" in str(exc)
        n_old, n_new = assert_all_old_or_all_new(output, old, new)
        if failed:
            assert n_old >= 1, "a run reported as failed replaced every period"
        tally["errors"] += 1
    assert tally["old"] and tally["new"], tally
    print(f"\nin-process faults (force={force}): {steps} fault points, {tally}, {time.monotonic() - started:.1f} s")


def _subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESSGEN_FAULT_AT"}
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _command(root: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "draft", "--project", str(root), "--period", ",".join(PERIODS)]


def _run_draft(root: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(_command(root), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_real_kills_at_random_instants_and_at_every_rename(states):
    root, output, project = states["root"], states["root"] / "output" / "knowledge_services", states["project"]
    old, new = states["old"], states["new"][False]
    # How long a run takes, and how many renames it makes.
    _reset(root, states["saved"])
    started = time.monotonic()
    run = subprocess.run(_command(root), env=_subprocess_env(), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    duration = time.monotonic() - started
    assert tree(output) == new
    rng = random.Random(20250601)
    tally = {"SIGKILL random": 0, "SIGTERM random": 0, "SIGINT random": 0, "SIGKILL at rename": 0,
             "finished before the kill": 0, "killed while staging": 0, "killed mid-switch": 0, "old": 0, "new": 0}
    # A run costs about a second here (interpreter, data, two periods), hence not more.
    plan = [("SIGKILL", None)] * 14 + [("SIGTERM", None)] * 3 + [("SIGINT", None)] * 3
    plan += [("SIGKILL", n) for n in range(1, 7)]  # per period: the journal, old folder aside, new folder in
    started = time.monotonic()
    for signame, rename in plan:
        _reset(root, states["saved"])
        env = _subprocess_env(**({"PRESSGEN_FAULT_AT": f"rename:{rename}"} if rename else {}))
        run = _run_draft(root, env)
        if rename is None:
            # Half over the whole run, half over its last third, where the files are written.
            delay = rng.uniform(0, duration) if rng.random() < 0.5 else rng.uniform(duration * 0.66, duration * 1.05)
            time.sleep(delay)
            run.send_signal(getattr(signal, signame))
            tally[f"{signame} random"] += 1
        else:
            tally["SIGKILL at rename"] += 1
        code = run.wait(timeout=60)
        if rename is not None:
            assert code == -signal.SIGKILL, f"rename {rename} was not reached"
        if code == 0:
            tally["finished before the kill"] += 1
        if (output / writer.JOURNAL).exists():
            tally["killed mid-switch"] += 1
        elif (output / writer.STAGING).exists():
            tally["killed while staging"] += 1
        _recover(project)
        n_old, n_new = assert_all_old_or_all_new(output, old, new)
        tally["old"] += n_old
        tally["new"] += n_new
    # Renames 1 and 4 put a journal in place (killed there: staging only); 2, 3, 5, 6 switch folders.
    assert tally["killed mid-switch"] >= 4 and tally["killed while staging"] >= 2, tally
    print(f"\nsubprocess kills: {len(plan)} runs of {duration:.2f} s, {tally}, {time.monotonic() - started:.1f} s")
