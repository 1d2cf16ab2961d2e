"""pressgen benchmark suite: cold CLI, warm in-process stages, draft --all, memory and scaling.

Run from a clone after ``pip install .`` (use the Python that has pressgen installed):

    python benchmarks/run.py            # full run
    python benchmarks/run.py --quick    # fewer repetitions (14 minutes on a busy 2-core machine)
    python benchmarks/run.py --profile  # also print a cProfile summary of each failing in-process target

Prints a table and PASS/FAIL per target, and writes ``benchmarks/results/last-run.json``
and ``last-run.md`` (git-ignored; ``--update`` writes the committed ``latest.*``). Every
command has a time limit. Not part of the unit tests. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import SEED, latest_month, latest_period, make_monthly_project, make_project  # noqa: E402

try:
    import generator
    from generator.draft import build_draft
    from generator.project import open_project
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("pressgen is not installed in this Python: run 'pip install .' in the repository, then use that Python")

BUNDLED_PERIOD = "2025H1"
BUNDLED_RELEASE = "knowledge_services"
MB = 1024 * 1024

# Every release of the repository, drafted cold and warm (the period each benchmark drafts).
BUNDLED_RELEASES = (("knowledge_services", "2025H1"), ("monthly_trade", "2025-11"), ("consumer_prices", "2025-11"))
# The floor a cold command cannot beat: the interpreter starting and importing what pressgen needs.
FLOOR_IMPORTS = "import jinja2, babel, yaml"
FLOOR_FACTOR = 2.0

# name, what is measured (result key), field, limit, unit; a limit in unit "floor" is a multiple of the import floor.
TARGETS = (
    *((f"cold bilingual draft ({r}, CLI)", f"cold_draft_{r}", "median_s", FLOOR_FACTOR, "floor") for r, _ in BUNDLED_RELEASES),
    *((f"warm bilingual draft again ({r}, in-process)", f"warm_redraft_{r}", "median_s", 0.001, "s") for r, _ in BUNDLED_RELEASES),
    ("warm check of a release again (bundled, en+ko; results remembered)", "warm_check_bundled", "median_s", 0.003, "s"),
    ("synthetic draft --all: time", "draft_all_synthetic", "median_s", 4.0, "s"),
    ("synthetic draft --all: peak memory", "draft_all_synthetic", "peak_mb", 200.0, "MB"),
    ("check of a 1 MB release (in-process, en)", "check_1mb", "median_s", 2.0, "s"),
    ("facts for one period (synthetic 1,000 items, half-years)", "warm_facts_synthetic", "median_s", 0.1, "s"),
    ("facts for one period (synthetic 1,000 items, 240 months)", "warm_facts_monthly", "median_s", 0.1, "s"),
)
# Lengths of the long releases `check` reads (bytes of body): linear cost means a 1 MB release in 2 s.
LENGTHS = {"100kb": 100_000, "1mb": 1_000_000}
LINEAR_LIMIT = 1.5  # time per unit at the largest size / at the smallest size


# -- measuring ----------------------------------------------------------------------------

def _timed(fn: Callable[[], Any], *, runs: int | None = None, budget: float = 1.0, min_runs: int = 5, max_runs: int = 500,
           warmup: bool = True) -> list[float]:
    """Wall times of ``fn()`` after one warm-up call: ``runs`` calls, or as many as fit ``budget`` seconds."""
    if warmup:
        fn()
    times: list[float] = []
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if runs is not None:
            if len(times) >= runs:
                break
        elif len(times) >= max_runs or (len(times) >= min_runs and time.perf_counter() - start >= budget):
            break
    return times


def _peak(fn: Callable[[], Any]) -> float:
    """Peak Python heap (tracemalloc) in MB while ``fn()`` runs once."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def _summary(times: list[float], **extra: Any) -> dict[str, Any]:
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": len(times), **extra}


# Run in a small helper process: a child forked from this (large) process would report
# this process's memory as its own peak RSS (Linux keeps the pre-exec high-water mark).
# The command runs in its own process group, so that on timeout its worker processes die
# with it (killing only the parent left `draft --all`'s workers holding the stderr pipe,
# and the benchmark waited on them forever), and its stderr goes to a file, which can
# never fill up and block the command the way an unread pipe does. While it runs the
# helper adds up the resident memory of every process in the group (sampled every
# 20 ms), since `ru_maxrss` is the largest single process, not the workers together.
_LAUNCHER = r"""
import json, os, signal, subprocess, sys, tempfile, time
timeout = float(sys.argv[1]) or None
cmd = sys.argv[2:]
page = os.sysconf("SC_PAGE_SIZE")

def group_rss(pgid):
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) == pgid:  # field 5 of stat, the process group
                total += int(fields[21]) * page  # field 24, resident pages
        except (OSError, IndexError, ValueError):
            pass
    return total

err_file = tempfile.TemporaryFile()
t0 = time.perf_counter()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, stdin=subprocess.DEVNULL, start_new_session=True)
deadline = None if timeout is None else t0 + timeout
timed_out = False
tree_peak = 0
sampled = os.path.isdir("/proc")
next_sample = t0
while True:
    pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
    if pid:
        break
    now = time.perf_counter()
    if deadline is not None and now > deadline:
        os.killpg(proc.pid, signal.SIGKILL)
        pid, status, usage = os.wait4(proc.pid, 0)
        timed_out = True
        break
    if sampled and now >= next_sample:
        tree_peak = max(tree_peak, group_rss(proc.pid))
        next_sample = now + 0.02
    time.sleep(0.001)
wall = time.perf_counter() - t0
try:
    os.killpg(proc.pid, signal.SIGKILL)  # workers the command left behind
except OSError:
    pass
err_file.seek(0)
err = err_file.read().decode(errors="replace")[-2000:]
print(json.dumps({"wall": wall, "maxrss": usage.ru_maxrss, "tree_rss": tree_peak if sampled else None,
                  "rc": os.waitstatus_to_exitcode(status), "timed_out": timed_out, "stderr": err}))
"""
# No step of the benchmark may take longer than this (unless given its own cap): a hung
# command is reported, by name, instead of hanging the benchmark.
STEP_TIMEOUT = 600.0


def _run_child(cmd: list[str], cwd: Path, timeout: float | None = None, ok: tuple[int, ...] = (0,),
               env: dict[str, str] | None = None) -> tuple[float, float, int, bool]:
    """Run ``cmd`` in ``cwd``; return (wall seconds, peak RSS MB, exit code, timed out).

    With ``timeout`` the command is stopped there and reported as timed out (the capped
    synthetic ``draft --all``); without it, running past ``STEP_TIMEOUT`` ends the
    benchmark with a message naming the command. The peak is the larger of the biggest
    process's ``ru_maxrss`` and the sampled sum over the command's process group.
    """
    cap = timeout if timeout is not None else STEP_TIMEOUT
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _LAUNCHER, str(cap), *cmd], cwd=cwd, env=env or _child_env(),
                              capture_output=True, text=True, check=False, timeout=cap + 60)
    except subprocess.TimeoutExpired:
        sys.exit(f"benchmark launcher did not return within {cap + 60:.0f} s: {' '.join(cmd)}")
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        sys.exit(f"benchmark launcher failed: {done.stderr[-2000:]}")
    if result["timed_out"] and timeout is None:
        sys.exit(f"benchmark step timed out after {cap:.0f} s (stopped with its worker processes): {' '.join(cmd)}\n{result['stderr']}")
    if result["rc"] not in ok and not result["timed_out"]:
        sys.exit(f"benchmark command failed ({result['rc']}): {' '.join(cmd)}\n{result['stderr']}")
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss = result["maxrss"] / (MB if sys.platform == "darwin" else 1024)
    if result.get("tree_rss"):
        rss = max(rss, result["tree_rss"] / MB)
    return result["wall"], rss, result["rc"], result["timed_out"]


# Child processes write their bytecode to a private folder: this machine's environment
# may set PYTHONDONTWRITEBYTECODE, and then every cold run compiled pressgen's ~75
# modules from source (0.25 s of a 1.1 s draft), which no installed copy does
# (`pip install .` writes the bytecode). The floor runs with the same setting.
_PYCACHE: dict[str, str] = {}


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(_PYCACHE)
    return env


def _long_releases(release: Path, folder: Path, lengths: dict[str, int]) -> dict[str, Path]:
    """``release``'s prose paragraphs repeated to each length, and once joined into one 100 KB paragraph."""
    text = release.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    head, body = text[:end], text[end:]
    paragraphs = [p for p in body.split("\n\n") if p.strip() and p.lstrip()[0] not in "#!|<"]
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for label, size in (*lengths.items(), ("paragraph", 100_000)):
        joiner = " " if label == "paragraph" else "\n\n"
        chunk = joiner.join(paragraphs)
        long_body = joiner.join([chunk] * (size // len(chunk) + 1))
        path = folder / f"long-{label}.{release.name.split('.')[-2]}.md"
        path.write_text(f"{head}# Headline\n\n{long_body}\n", encoding="utf-8")
        files[label] = path
    # A run-on "sentence" of figures with no full stop (a pasted column): it was quadratic.
    clause = "the deficit was 4.53 billion dollars and"
    path = folder / f"long-runon.{release.name.split('.')[-2]}.md"
    path.write_text(f"{head}# Headline\n\n{' '.join([clause] * (100_000 // (len(clause) + 1) + 1))}\n", encoding="utf-8")
    files["runon"] = path
    return files


def _draft_all_estimate(results: dict[str, Any], cores: int, periods: int) -> dict[str, Any]:
    """What a stopped synthetic ``draft --all`` would have taken: each worker loads the project,
    then the periods are drafted ``cores`` at a time at the warm draft's median (a lower bound:
    the workers share the machine)."""
    load, draft = results["load_synthetic"]["median_s"], results["warm_draft_synthetic"]["median_s"]
    workers = max(1, min(cores, periods))
    return {"estimated_s": load + periods * draft / workers,
            "estimate": f"load ({_fmt_s(load)}) + {periods} periods × warm draft ({_fmt_s(draft)}) ÷ {workers} workers"}


def _afresh(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` run with pressgen's check results not remembered (``generator.check.memo.off``)."""
    try:
        from generator.check import memo
    except ImportError:
        return fn

    def run() -> Any:
        with memo.off():
            return fn()
    return run


def _fresh(project: Any) -> Any:
    """The same loaded project (config, dataset) without the facts and annotations it cached."""
    return type(project)(project.root, project.config, project.dataset)


def _derive(project: Any, period: Any) -> Any:
    """Facts for one period computed afresh (``Project.facts`` caches them): annotations + every rule."""
    from generator.facts import derive_facts

    return derive_facts(project.dataset, project.config, period, _fresh(project).annotations(period))


def _count(result: Any) -> int:
    """Findings in what a check function returned (a list, or a result holding ``findings``)."""
    findings = getattr(result, "findings", result)
    return len(findings) if hasattr(findings, "__len__") else -1


def _cold(cmd: list[str], cwd: Path, runs: int, ok: tuple[int, ...] = (0,), before: Callable[[], Any] | None = None) -> dict[str, Any]:
    results = []
    for _ in range(runs):
        if before is not None:
            before()
        results.append(_run_child(cmd, cwd, ok=ok))
    return _summary([r[0] for r in results], peak_mb=max(r[1] for r in results), memory="peak RSS (of the process, or the sampled sum over its process group when larger)")


def _pressgen() -> list[str]:
    """The CLI of the installed pressgen next to this Python (falls back to ``python -m generator``)."""
    exe = Path(sys.executable).parent / "pressgen"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "generator"]


def _profile(fn: Callable[[], Any], top: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
    return text.getvalue()


# -- check: the fullest check function the package has -------------------------------------

def _check_runner(root: Path, paths: list[Path]) -> tuple[str, Callable[[], Any]]:
    """A callable checking ``paths`` as ``pressgen check`` would, and a description of it.

    ``generator.check`` is still being extended: if it grows a whole-check entry point
    (``check_paths`` and the like) that accepts the paths, it is used; otherwise the
    wording lint: ``read_document`` + ``lint`` with the project's wording rules.
    """
    import importlib

    candidates = ("check_paths", "check_files", "check_documents", "run_check", "check_all")
    for module_name in ("generator.check", "generator.check.run", "generator.check.api", "generator.check.checker", "generator.check.data"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in candidates:
            fn = getattr(module, name, None)
            if not callable(fn):
                continue
            for call in (lambda: fn(paths, root=root), lambda: fn(paths, root), lambda: fn(paths)):
                try:
                    call()
                except TypeError:
                    continue
                except Exception:
                    break
                return f"{module_name}.{name}", call
    return _lint_runner(root, paths)


def _lint_runner(root: Path, paths: list[Path]) -> tuple[str, Callable[[], Any]]:
    """The wording half of check alone: ``read_document`` + ``lint``, rules loaded once."""
    from generator.check.document import read_document
    from generator.check.wording import default_rule_paths, lint, load_rules

    rules = load_rules(default_rule_paths(root), root)

    def wording() -> list:
        findings = []
        for path in paths:
            findings.extend(lint(read_document(path, path.relative_to(root).as_posix()), rules))
        return findings

    return "wording lint (read_document + lint, rules loaded once)", wording


# -- the suite --------------------------------------------------------------------------------

def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = ""
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "generator", "templates", "config"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        commit += "+changes" if dirty and commit else ""
    except (OSError, subprocess.SubprocessError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "pressgen": generator.__version__,
        "commit": commit,
        "date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }


def _copy_bundled(dest: Path) -> Path:
    for part in ("config", "data", "templates"):
        shutil.copytree(REPO / part, dest / part)
    return dest


def _ratio(sizes: list[int], times: list[float]) -> dict[str, Any]:
    per_unit = [t / n for n, t in zip(sizes, times)]
    ratio = per_unit[-1] / per_unit[0]
    import math

    exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
    verdict = "sublinear" if ratio < 1 / LINEAR_LIMIT else "linear" if ratio <= LINEAR_LIMIT else "worse than linear"
    return {"sizes": sizes, "median_s": times, "per_unit_ratio": ratio, "exponent": exponent, "verdict": verdict}


def run(args: argparse.Namespace) -> dict[str, Any]:
    saved = os.environ.get("PRESSGEN_CACHE_DIR")
    try:
        return _run(args)
    finally:
        if saved is None:
            os.environ.pop("PRESSGEN_CACHE_DIR", None)
        else:
            os.environ["PRESSGEN_CACHE_DIR"] = saved


def _run(args: argparse.Namespace) -> dict[str, Any]:
    quick = args.quick
    cold_runs = args.runs or (3 if quick else 7)
    budget = 0.3 if quick else 1.0
    heavy_runs = 2 if quick else 3
    items_sizes = [250, 500, 1000]
    period_sizes = [15, 30, 60]
    month_sizes = [60, 120, 240]
    results: dict[str, Any] = {}
    profiles: dict[str, Callable[[], Any]] = {}
    cli = _pressgen()
    started = time.perf_counter()

    def note(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="pressgen-bench-") as tmp:
        tmp = Path(tmp)
        bundled = _copy_bundled(tmp / "bundled")
        synth: dict[tuple[int, int], Path] = {}
        for size in {(n, 60) for n in items_sizes} | {(1000, p) for p in period_sizes}:
            synth[size] = make_project(tmp / f"synthetic-{size[0]}x{size[1]}", REPO, *size)
        main = synth[1000, 60]
        main_period = latest_period(60)

        # Cold CLI: process start to files written, both languages.
        monthly = make_monthly_project(tmp / "synthetic-monthly", REPO)
        monthly_period = latest_month(240)
        note("projects ready")

        # Compiled templates are cached between runs (generator/templatecache.py): a
        # private cache, filled by the first run, so every cold run below starts alike.
        os.environ["PRESSGEN_CACHE_DIR"] = str(tmp / "cache")
        _PYCACHE["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        floor_cmd = [sys.executable, "-c", FLOOR_IMPORTS]
        _run_child(floor_cmd, tmp)  # writes the bytecode of the floor's imports
        results["floor"] = _cold(floor_cmd, tmp, max(cold_runs, 5))
        for release, period_text in BUNDLED_RELEASES:
            cmd = [*cli, "draft", "--release", release, "--period", period_text]
            _run_child(cmd, bundled)
            results[f"cold_draft_{release}"] = _cold(cmd, bundled, cold_runs)
        # The same draft after an input changed: the period's files are drafted again (the drafts
        # cache misses), with the templates, YAML, charts and review-page checks still cached.
        drafts = tmp / "cache" / "drafts"
        results["cold_draft_bundled_changed"] = _cold([*cli, "draft", "--release", BUNDLED_RELEASE, "--period", BUNDLED_PERIOD], bundled, cold_runs,
                                                      before=lambda: shutil.rmtree(drafts, ignore_errors=True))
        os.environ["PRESSGEN_CACHE_DIR"] = "off"
        results["cold_draft_bundled_nocache"] = _cold([*cli, "draft", "--release", BUNDLED_RELEASE, "--period", BUNDLED_PERIOD], bundled, cold_runs)
        os.environ["PRESSGEN_CACHE_DIR"] = str(tmp / "cache")
        note("cold draft (bundled) done")
        results["cold_draft_synthetic"] = _cold([*cli, "draft", "--period", main_period], main, heavy_runs,
                                                before=lambda: shutil.rmtree(drafts, ignore_errors=True))
        note("cold draft (synthetic) done")
        results["cold_facts_synthetic"] = _cold([*cli, "facts", "--period", main_period, "--format", "json"], main, heavy_runs)
        note("cold facts (synthetic) done")

        # Warm, in-process.
        project = open_project(bundled, BUNDLED_RELEASE)
        period = project.period(BUNDLED_PERIOD)
        draft_fn = lambda: build_draft(_fresh(project), period)  # noqa: E731
        results["warm_draft_bundled"] = _summary(_timed(draft_fn, budget=budget), peak_mb=_peak(draft_fn), memory="tracemalloc peak")
        profiles["warm_draft_bundled"] = draft_fn
        for release, period_text in BUNDLED_RELEASES:
            each = open_project(bundled, release)
            each_period = each.period(period_text)
            repeat_fn = lambda each=each, each_period=each_period: build_draft(each, each_period)  # noqa: E731
            results[f"warm_redraft_{release}"] = _summary(_timed(repeat_fn, budget=budget), peak_mb=_peak(repeat_fn), memory="tracemalloc peak")
            profiles[f"warm_redraft_{release}"] = repeat_fn
        facts_fn = lambda: _derive(project, period)  # noqa: E731
        results["warm_facts_bundled"] = _summary(_timed(facts_fn, budget=budget), peak_mb=_peak(facts_fn), memory="tracemalloc peak")
        release_files = [bundled / "output" / BUNDLED_RELEASE / BUNDLED_PERIOD / f"release.{lang}.md" for lang in project.config.languages]
        mode, check_fn = _check_runner(bundled, release_files)
        results["warm_check_bundled"] = _summary(_timed(check_fn, budget=budget), peak_mb=_peak(check_fn), memory="tracemalloc peak",
                                                 mode=mode, findings=_count(check_fn()))
        profiles["warm_check_bundled"] = check_fn
        # The same texts read and checked as if new (check.memo off): what a changed text costs.
        afresh_fn = _afresh(check_fn)
        results["warm_check_afresh_bundled"] = _summary(_timed(afresh_fn, budget=budget), peak_mb=_peak(afresh_fn),
                                                        memory="tracemalloc peak", mode=mode)
        profiles["warm_check_afresh_bundled"] = afresh_fn
        mode, lint_fn = _lint_runner(bundled, release_files)
        results["warm_lint_bundled"] = _summary(_timed(lint_fn, budget=budget), peak_mb=_peak(lint_fn), memory="tracemalloc peak",
                                                mode=mode, findings=_count(lint_fn()))
        # exit 1 means error-level findings: still a complete run.
        results["cold_check_bundled"] = _cold([*cli, "check", *(str(p.relative_to(bundled)) for p in release_files)], bundled, cold_runs, ok=(0, 1))
        note("warm (bundled) done")

        # check by document length: the bundled English release's paragraphs repeated to
        # 100 KB and 1 MB (and one 100 KB paragraph), in a copy of the project, checked in-process.
        long_root = _copy_bundled(tmp / "long")
        long_files = _long_releases(release_files[0], long_root / "output" / BUNDLED_RELEASE / BUNDLED_PERIOD, LENGTHS)
        length_times = []
        for label, path in long_files.items():
            _, long_fn = _check_runner(long_root, [path])
            long_fn = _afresh(long_fn)  # every run checks: a remembered text would cost nothing
            times = _timed(long_fn, runs=1 if quick or label == "1mb" else heavy_runs, warmup=label == "100kb")
            results[f"check_{label}"] = _summary(times, peak_mb=0.0, memory="not measured", bytes=path.stat().st_size,
                                                 findings=_count(long_fn()) if label != "1mb" else None)
            if label in LENGTHS:
                length_times.append(statistics.median(times))
            note(f"check {label} done")
        length_scaling = _ratio([long_files[k].stat().st_size for k in ("100kb", "1mb")], length_times)

        t0 = time.perf_counter()
        big = open_project(main)
        load_s = time.perf_counter() - t0
        big_period = big.period(main_period)
        load_fn = lambda: open_project(main)  # noqa: E731
        results["load_synthetic"] = _summary([load_s, *_timed(load_fn, runs=heavy_runs - 1 or 1)], peak_mb=_peak(load_fn), memory="tracemalloc peak")
        facts_fn = lambda: _derive(big, big_period)  # noqa: E731
        results["warm_facts_synthetic"] = _summary(_timed(facts_fn, runs=heavy_runs + 2), peak_mb=_peak(lambda: _derive(open_project(main), big_period)),
                                                   memory="tracemalloc peak of load + facts", facts=len(facts_fn()))
        profiles["warm_facts_synthetic"] = facts_fn
        draft_fn = lambda: build_draft(_fresh(big), big_period)  # noqa: E731
        results["warm_draft_synthetic"] = _summary(_timed(draft_fn, runs=heavy_runs, warmup=False), peak_mb=_peak(draft_fn), memory="tracemalloc peak")
        profiles["warm_draft_synthetic"] = draft_fn
        _run_child([*cli, "draft", "--period", main_period], main)  # releases to check (already written by the cold runs)
        mode, check_fn = _check_runner(main, [main / "output" / big.config.id / main_period / f"release.{lang}.md" for lang in big.config.languages])
        results["warm_check_synthetic"] = _summary(_timed(check_fn, runs=heavy_runs, warmup=False), peak_mb=_peak(check_fn),
                                                   memory="tracemalloc peak", mode=mode)
        t0 = time.perf_counter()
        months = open_project(monthly)
        results["load_monthly"] = _summary([time.perf_counter() - t0], peak_mb=0.0, memory="not measured")
        months_period = months.period(monthly_period)
        facts_fn = lambda: _derive(months, months_period)  # noqa: E731
        results["warm_facts_monthly"] = _summary(_timed(facts_fn, runs=heavy_runs + 2), peak_mb=_peak(facts_fn),
                                                 memory="tracemalloc peak", facts=len(facts_fn()))
        profiles["warm_facts_monthly"] = facts_fn
        draft_fn = lambda: build_draft(_fresh(months), months_period)  # noqa: E731
        results["warm_draft_monthly"] = _summary(_timed(draft_fn, runs=heavy_runs, warmup=False), peak_mb=_peak(draft_fn), memory="tracemalloc peak")
        profiles["warm_draft_monthly"] = draft_fn
        del months
        note("warm (synthetic) done")

        # Scaling with items (60 periods) and with periods (1,000 items): facts and bilingual draft for the latest period.
        scaling: dict[str, Any] = {}
        for axis, sizes, key in (("items", items_sizes, lambda n: (n, 60)), ("periods", period_sizes, lambda n: (1000, n))):
            facts_times, draft_times = [], []
            for n in sizes:
                p = open_project(synth[key(n)])
                per = p.period(None)
                # Warm: the project is loaded and every module imported (the warm benchmarks above ran the same code).
                facts_times.append(statistics.median(_timed(lambda: _derive(p, per), runs=heavy_runs, warmup=False)))
                draft_times.append(statistics.median(_timed(lambda: build_draft(_fresh(p), per), runs=heavy_runs, warmup=False)))
                note(f"scaling {axis}={n} done")
            scaling[f"facts_by_{axis}"] = _ratio(sizes, facts_times)
            scaling[f"draft_by_{axis}"] = _ratio(sizes, draft_times)
        # The monthly release by months (1,000 items): streaks, same-month records and year-to-date totals.
        facts_times = []
        for n in month_sizes:
            folder = monthly if n == 240 else make_monthly_project(tmp / f"synthetic-monthly-{n}", REPO, 1000, n)
            p = open_project(folder)
            per = p.period(latest_month(n))
            facts_times.append(statistics.median(_timed(lambda: _derive(p, per), runs=heavy_runs, warmup=False)))
            del p
            note(f"scaling months={n} done")
        scaling["facts_by_months"] = _ratio(month_sizes, facts_times)
        scaling["check_by_length"] = length_scaling
        results["scaling"] = scaling

        # draft --all, as a user runs it.
        results["draft_all_bundled"] = _cold([*cli, "draft", "--all"], bundled, 1 if quick else 3)
        note("draft --all (bundled) done")
        cap = args.all_timeout if args.all_timeout is not None else (30.0 if quick else 60.0)
        wall, rss, _, timed_out = _run_child([*cli, "draft", "--all"], main, timeout=cap)
        entry: dict[str, Any] = {"median_s": wall, "min_s": wall, "max_s": wall, "runs": 1, "peak_mb": rss,
                                 "memory": "peak RSS of the process group (sampled sum; workers included)", "periods": 60,
                                 "timed_out": timed_out}
        if timed_out:
            # Worker processes hand their files back at the end, so a stopped run leaves no
            # count of what it finished; the estimate comes from the warm figures instead.
            entry.update(_draft_all_estimate(results, os.cpu_count() or 1, 60))
        results["draft_all_synthetic"] = entry
        note("draft --all (synthetic) done")

        targets = []
        floor = results["floor"]["median_s"]
        for name, key, field, limit, unit in TARGETS:
            value = results[key][field]
            if unit == "floor":
                # Both sides measured in this run: on a busy machine the ratio holds where times do not.
                entry = {"measured": value, "limit": limit * floor, "unit": "s", "floor_s": floor, "factor": limit,
                         "ratio": value / floor}
            else:
                entry = {"measured": value, "limit": limit, "unit": unit}
            targets.append({"target": name, "result": key, **entry, "pass": entry["measured"] <= entry["limit"]})
        for key, value in results["scaling"].items():
            targets.append({"target": f"linear cost: {key.replace('_by_', ' by ')}", "result": f"scaling.{key}", "measured": value["per_unit_ratio"],
                            "limit": LINEAR_LIMIT, "unit": "x per unit", "pass": value["per_unit_ratio"] <= LINEAR_LIMIT})
        # Inside the temporary folder: profiles re-run benchmarks on its projects.
        report = {
            "machine": machine_info(),
            "settings": {"quick": quick, "cold_runs": cold_runs, "seed": SEED, "synthetic": {"items": 1000, "periods": 60, "dimensions": 5},
                         "items_sizes": items_sizes, "period_sizes": period_sizes, "month_sizes": month_sizes,
                         "monthly": {"items": 1000, "months": 240, "period": monthly_period}, "bundled_period": BUNDLED_PERIOD, "synthetic_period": main_period,
                         "child_bytecode": "written to a private PYTHONPYCACHEPREFIX (PYTHONDONTWRITEBYTECODE removed"
                                           + (", which this environment set)" if "PYTHONDONTWRITEBYTECODE" in os.environ else ")"),
                         "total_s": round(time.perf_counter() - started, 1)},
            "results": results,
            "targets": targets,
        }
        if args.profile:
            # A failing scaling target is profiled at its largest size (the synthetic 1,000 items, 60 periods).
            for axis in ("items", "periods"):
                profiles[f"scaling.facts_by_{axis}"] = profiles["warm_facts_synthetic"]
                profiles[f"scaling.draft_by_{axis}"] = profiles["warm_draft_synthetic"]
            report["profiles"] = {}
            done: dict[int, str] = {}
            for t in targets:
                fn = profiles.get(t["result"])
                if t["pass"] or fn is None:
                    continue
                report["profiles"][t["result"]] = f"(same as {done[id(fn)]})\n" if id(fn) in done else _profile(fn)
                done.setdefault(id(fn), t["result"])

    return report


# -- output ----------------------------------------------------------------------------------

_LABELS = {
    "floor": f"floor: `python -c \"{FLOOR_IMPORTS}\"`",
    **{f"cold_draft_{r}": f"cold CLI `draft --period {p}` en+ko, {r}, inputs unchanged since its last draft" for r, p in BUNDLED_RELEASES},
    "cold_draft_bundled_changed": f"cold CLI `draft --period {BUNDLED_PERIOD}`, {BUNDLED_RELEASE}, drafted again (drafts cache emptied; other caches kept)",
    "cold_draft_bundled_nocache": f"cold CLI `draft --period {BUNDLED_PERIOD}`, {BUNDLED_RELEASE}, caches off (`PRESSGEN_CACHE_DIR=off`)",
    "cold_draft_synthetic": "cold CLI `draft --period` en+ko, synthetic, drafted again (drafts cache emptied)",
    "cold_facts_synthetic": "cold CLI `facts --format json`, synthetic",
    "warm_draft_bundled": "warm build_draft en+ko, bundled",
    **{f"warm_redraft_{r}": f"warm build_draft en+ko again, same project, {r}" for r, _ in BUNDLED_RELEASES},
    "warm_facts_bundled": "warm facts, one period, bundled",
    "warm_check_bundled": "warm check of release en+ko, bundled, again (check results remembered)",
    "warm_check_afresh_bundled": "warm check of release en+ko, bundled, checked afresh (check results not remembered)",
    "warm_lint_bundled": "warm wording lint only, en+ko, bundled",
    "cold_check_bundled": "cold CLI `check` en+ko, bundled",
    "load_synthetic": "load project (config + figures), synthetic",
    "warm_facts_synthetic": "warm facts, one period, synthetic",
    "warm_draft_synthetic": "warm build_draft en+ko, synthetic",
    "warm_check_synthetic": "warm check of release en+ko, synthetic",
    "check_100kb": "check of a 100 KB release (en, its paragraphs repeated), in-process",
    "check_1mb": "check of a 1 MB release (en, its paragraphs repeated), in-process",
    "check_paragraph": "check of one 100 KB paragraph (en), in-process",
    "check_runon": "check of one 100 KB run-on sentence of amounts (en, no full stop), in-process",
    "load_monthly": "load project, synthetic monthly (1,000 items × 240 months)",
    "warm_facts_monthly": "warm facts, one month, synthetic monthly",
    "warm_draft_monthly": "warm build_draft en+ko, synthetic monthly",
    "draft_all_bundled": "cold CLI `draft --all`, bundled",
    "draft_all_synthetic": "cold CLI `draft --all`, synthetic (60 periods)",
}


def _fmt_s(value: float) -> str:
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


def _fmt_target(t: dict[str, Any]) -> tuple[str, str]:
    if "factor" in t:
        return _fmt_s(t["measured"]), f"≤ {t['factor']:g}× floor = {_fmt_s(t['limit'])}"
    if t["unit"] == "s":
        return _fmt_s(t["measured"]), "≤ " + _fmt_s(t["limit"])
    if t["unit"] == "MB":
        return f"{t['measured']:.1f} MB", f"≤ {t['limit']:.0f} MB"
    return f"{t['measured']:.2f}×", f"≤ {t['limit']:.1f}×"


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    s = report["settings"]
    lines = [
        f"Benchmarks of pressgen {m['pressgen']} ({m['commit'] or 'no commit'}) on {m['cpu']}, {m['cores']} cores, "
        f"Python {m['python']}, {m['date'][:10]}{' (quick run)' if s['quick'] else ''}. "
        f"Synthetic data: {s['synthetic']['items']:,} items, {s['synthetic']['dimensions']} dimensions, "
        f"{s['synthetic']['periods']} half-years, seed {s['seed']}.",
        "",
        "| benchmark | median | min | runs | peak memory | × floor | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    floor = report["results"]["floor"]["median_s"]
    limits: dict[str, list[str]] = {}
    for t in report["targets"]:
        limits.setdefault(t["result"], []).append(_fmt_target(t)[1] + ("" if t["pass"] else " **FAIL**"))
    for key, label in _LABELS.items():
        if key not in report["results"]:
            continue
        r = report["results"][key]
        median = _fmt_s(r["median_s"])
        if r.get("timed_out"):
            median = f"> {_fmt_s(r['median_s'])} (capped; est. {_fmt_s(r['estimated_s'])} = {r['estimate']})"
        kind = "RSS" if "RSS" in r.get("memory", "") else "heap"
        # Only a new process compares with the import floor.
        times_floor = f"{r['median_s'] / floor:.1f}×" if kind == "RSS" else ""
        lines.append(f"| {label} | {median} | {_fmt_s(r['min_s'])} | {r['runs']} | {r['peak_mb']:.1f} MB {kind} | {times_floor} "
                     f"| {'; '.join(limits.get(key, []))} |")
    lines += ["", "| scaling (latest period) | sizes | median times | time per unit, largest ÷ smallest | exponent | verdict |",
              "| --- | --- | --- | ---: | ---: | --- |"]
    for key, v in report["results"]["scaling"].items():
        what, axis = key.split("_by_")
        lines.append(f"| {what} by {axis} | {' / '.join(str(n) for n in v['sizes'])} | {' / '.join(_fmt_s(t) for t in v['median_s'])} "
                     f"| {v['per_unit_ratio']:.2f}× | {v['exponent']:.2f} | {v['verdict']} |")
    lines += ["", "| target | measured | limit | result |", "| --- | ---: | ---: | --- |"]
    for t in report["targets"]:
        measured, limit = _fmt_target(t)
        lines.append(f"| {t['target']} | {measured} | {limit} | {'PASS' if t['pass'] else '**FAIL**'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a 30 s cap on the synthetic draft --all")
    parser.add_argument("--runs", type=int, help="runs of each cold CLI benchmark (default 7; 3 with --quick)")
    parser.add_argument("--all-timeout", type=float, help="cap in seconds on the synthetic draft --all (default 60; 30 with --quick)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of each failing in-process target")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for the results (default benchmarks/results)")
    parser.add_argument("--update", action="store_true",
                        help="write latest.json and latest.md (the committed results); otherwise last-run.json and last-run.md, which git ignores")
    parser.add_argument("--from-json", type=Path, help="print and write the tables of a stored report (no benchmark run)")
    args = parser.parse_args(argv)
    if args.from_json:
        report = json.loads(args.from_json.read_text(encoding="utf-8"))
        entry = report["results"].get("draft_all_synthetic", {})
        if entry.get("timed_out"):  # derived figures follow the current code
            entry.pop("periods_done_before_cap", None)
            entry.update(_draft_all_estimate(report["results"], report["machine"]["cores"], entry.get("periods", 60)))
    else:
        report = run(args)
    table = markdown(report)
    print(table)
    for name, text in report.get("profiles", {}).items():
        print(f"## profile: {name}\n\n```\n{text}```\n")
    args.out.mkdir(parents=True, exist_ok=True)
    # A run leaves the committed tree clean unless asked to replace the committed results.
    stem = "latest" if args.update else "last-run"
    (args.out / f"{stem}.json").write_text(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / f"{stem}.md").write_text(table, encoding="utf-8")
    failed = [t["target"] for t in report["targets"] if not t["pass"]]
    print(f"{len(report['targets']) - len(failed)} passed, {len(failed)} failed" + (": " + "; ".join(failed) if failed else ""))
    print(f"wrote {args.out / (stem + '.json')} and {args.out / (stem + '.md')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
