"""The benchmark's command launcher: a command past its limit is stopped with its worker processes.

The synthetic ``draft --all`` once hung ``benchmarks/run.py``: at the cap only ``pressgen``
was killed, and its worker processes kept the stderr pipe open, which the launcher read.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import run as bench  # noqa: E402

# A parent that starts a long-lived worker sharing its stderr, fills more than a pipe
# buffer of stderr, then sleeps: what a stuck `draft --all` looks like from outside.
_STUCK = """
import subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
open(sys.argv[1], "w").write(str(worker.pid))
sys.stderr.write("x" * 200_000)
sys.stderr.flush()
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie waiting for its parent counts as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def test_a_capped_command_is_stopped_with_its_workers(tmp_path):
    started = time.monotonic()
    wall, rss, rc, timed_out = bench._run_child([sys.executable, "-c", _STUCK, str(tmp_path / "pid")], tmp_path, timeout=2)
    assert timed_out and rc != 0
    assert time.monotonic() - started < 60, "the launcher waited on the worker"
    worker = int((tmp_path / "pid").read_text())
    for _ in range(50):
        if not _alive(worker):
            break
        time.sleep(0.1)
    assert not _alive(worker), "the worker process outlived the cap"


def test_a_step_past_the_step_limit_ends_the_benchmark_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "STEP_TIMEOUT", 1.0)
    with pytest.raises(SystemExit) as info:
        bench._run_child([sys.executable, "-c", "import time; time.sleep(60)"], tmp_path)
    assert "timed out after 1 s" in str(info.value) and "time.sleep(60)" in str(info.value)


def test_memory_of_a_process_group_counts_every_process(tmp_path):
    # Two processes holding 60 MB each: the group's peak is above what either holds alone.
    code = ("import subprocess, sys, time\n"
            "child = subprocess.Popen([sys.executable, '-c', 'import time; x = bytearray(60_000_000); time.sleep(1.5)'])\n"
            "x = bytearray(60_000_000); time.sleep(1.5); child.wait()\n")
    wall, rss, rc, timed_out = bench._run_child([sys.executable, "-c", code], tmp_path)
    assert rc == 0 and not timed_out
    assert rss > 110, rss
