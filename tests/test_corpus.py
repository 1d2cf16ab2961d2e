"""The bad-input corpus: every directory under ``tests/corpus/`` is one case.

A case is ``tests/corpus/<NN-name>/case.yaml`` plus the input files it names. The
test copies a project (the bundled one, or a small synthetic one), changes the files
the case names, runs the command and checks:

* the exit code (2 for bad input, 0 for inputs that are recoverable and unambiguous);
* for exit 2: exactly one ``Error:`` line, equal to ``stderr`` (or matching
  ``stderr_regex``), an optional ``hint`` line, nothing on stdout, no traceback, and
  not a single file of the project changed, added or removed (``output/`` gains nothing);
* for recoverable inputs: the figures listed under ``values`` come out right.

``case.yaml`` keys::

    description: what the case is about (one line)
    project: bundled | synthetic      # default bundled (a copy of this repository's project)
    files:                            # applied in order
      - path: data/knowledge_services/figures.csv   # project-relative
        text: "..."                   # write this text (``encoding``: utf-8 by default; utf-8-sig, cp949, euc-kr ...)
        source: input.csv             # or copy this file of the case directory byte for byte
        replace: [[old, new], ...]    # or patch the copied file (each old text must occur)
        append: "..."                 # or append text
        delete: true                  # or remove the file (or folder)
        recipe: {kind: ...}           # or generate: binary | sparse (size, or "max+1") | xlsx (rows) | mkdir
    args: [validate, --project, "{project}"]   # {project}, {tmp} and {case} are substituted
    cwd: project | tmp                # default tmp (so paths in messages come from --project)
    exit: 2
    stderr: "Error: data/knowledge_services/figures.csv:3: ..."   # the exact first line
    line_of: [config/knowledge_services.yaml, "monye:"]   # {line} in stderr: the line of the (changed)
                                      # project file that holds this text (it must hold it once; a
                                      # third item N picks the Nth of several), so edits elsewhere in
                                      # the bundled file do not move the expected location
    stderr_regex: "..."               # instead of stderr: a regex the first line must fully match
    hint: "..."                       # a text the hint line must contain
    values: [[period, item, metric, value-or-null], ...]          # for exit 0: figures read back
    run_draft: true                   # for exit 0: a draft of the latest period must also succeed

Large and binary inputs are generated from recipes so the repository stays small; the
"huge" file is sparse (no disk blocks) and one byte over ``generator.tables.MAX_BYTES``.
"""

from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from generator.periods import Period
from generator.project import open_project
from generator.tables import MAX_BYTES

from helpers import make_project, run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"
REPO_ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p for p in CORPUS.iterdir() if (p / "case.yaml").is_file())

# Figures of the synthetic project: two half years, a total and a few items.
SYNTHETIC_ROWS = [
    ("2024H2", "total", 18500, 22260, -3760),
    ("2024H2", "a", 5000, 4000, 1000),
    ("2024H2", "b", 2000, 6000, -4000),
    ("2025H1", "total", 19710, 24240, -4530),
    ("2025H1", "a", 5200, 4100, 1100),
    ("2025H1", "b", 2100, 7700, -5600),
]


def load_case(folder: Path) -> dict:
    spec = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(spec, dict) and "args" in spec and "exit" in spec, f"{folder.name}/case.yaml needs 'args' and 'exit'"
    return spec


def build_project(spec: dict, tmp_path: Path) -> Path:
    if spec.get("project", "bundled") == "synthetic":
        root = make_project(tmp_path, SYNTHETIC_ROWS, name="project")
        shutil.copytree(REPO_ROOT / "templates" / "knowledge_services", root / "templates" / "test")
        return root
    root = tmp_path / "project"
    root.mkdir()
    for part in ("config", "data", "templates"):
        shutil.copytree(REPO_ROOT / part, root / part)
    return root


def _xlsx(path: Path, rows: list[list]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def apply_files(spec: dict, folder: Path, root: Path) -> None:
    for change in spec.get("files") or []:
        path = root / change["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        if "text" in change:
            path.write_bytes(change["text"].encode(change.get("encoding", "utf-8")))
        elif "source" in change:
            shutil.copyfile(folder / change["source"], path)
        elif "replace" in change:
            text = path.read_text(encoding="utf-8")
            for old, new in change["replace"]:
                assert old in text, f"{folder.name}: '{old}' does not occur in {change['path']}"
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
        elif "append" in change:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(change["append"])
        elif change.get("delete"):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        elif "recipe" in change:
            recipe = change["recipe"]
            kind = recipe["kind"]
            if kind == "binary":
                # Bytes of a typical binary file: a PNG signature, NULs and every byte value.
                path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
            elif kind == "sparse":
                size = MAX_BYTES + 1 if recipe["size"] == "max+1" else int(recipe["size"])
                with path.open("wb") as handle:
                    handle.write(recipe.get("head", "period,item,balance\n").encode("utf-8"))
                    handle.truncate(size)  # a hole: no disk blocks are used
            elif kind == "xlsx":
                _xlsx(path, recipe["rows"])
            elif kind == "mkdir":
                if path.exists():
                    path.unlink()
                path.mkdir()
            else:  # pragma: no cover - a broken case file
                raise AssertionError(f"{folder.name}: unknown recipe kind {kind!r}")
        else:  # pragma: no cover
            raise AssertionError(f"{folder.name}: a file change needs text, source, replace, append, delete or recipe")


def tree(root: Path) -> dict[str, tuple]:
    """Every file (size, mtime, first bytes hash) and folder under ``root``."""
    found: dict[str, tuple] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            found[(Path(folder) / name).relative_to(root).as_posix() + "/"] = ("dir",)
        for name in files:
            path = Path(folder) / name
            stat = path.stat()
            found[path.relative_to(root).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def _substitute(value: str, root: Path, tmp_path: Path, folder: Path, line: int | None = None) -> str:
    value = value.replace("{project}", str(root)).replace("{tmp}", str(tmp_path)).replace("{case}", str(folder))
    return value if line is None else value.replace("{line}", str(line))


def line_of(spec: dict, folder: Path, root: Path) -> int | None:
    """The 1-based line of the case's ``line_of`` text in its project file (see the module docstring)."""
    if "line_of" not in spec:
        return None
    path, text, *nth = spec["line_of"]
    lines = [n for n, line in enumerate((root / path).read_text(encoding="utf-8").splitlines(), 1) if text in line]
    if nth:
        assert len(lines) >= nth[0], f"{folder.name}: line_of text {text!r} is on lines {lines} of {path}, fewer than {nth[0]}"
        return lines[nth[0] - 1]
    assert len(lines) == 1, f"{folder.name}: line_of text {text!r} is on lines {lines} of {path}, expected exactly one"
    return lines[0]


def run_case(folder: Path, tmp_path: Path, capsys) -> tuple[dict, Path, int, str, str, dict, dict]:
    spec = load_case(folder)
    root = build_project(spec, tmp_path)
    apply_files(spec, folder, root)
    spec["_line"] = line_of(spec, folder, root)
    args = [_substitute(str(a), root, tmp_path, folder) for a in spec["args"]]
    before = tree(tmp_path)
    cwd = root if spec.get("cwd") == "project" else tmp_path
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code, out, err = run_cli(capsys, *args)
    finally:
        os.chdir(old)
    return spec, root, code, out, err, before, tree(tmp_path)


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_corpus_case(folder: Path, tmp_path: Path, capsys) -> None:
    spec, root, code, out, err, before, after = run_case(folder, tmp_path, capsys)
    assert "Traceback" not in err and "Traceback" not in out, err
    assert "internal error" not in err, f"pressgen crashed instead of reporting the input: {err}"
    assert code == spec["exit"], f"exit code {code}, expected {spec['exit']}; stderr: {err!r}"
    if spec["exit"] == 2:
        assert out == "", f"a failing command must print nothing on stdout, got {out!r}"
        lines = err.rstrip("\n").split("\n")
        assert lines[0].startswith("Error: "), err
        assert err.count("Error:") == 1, f"one message, not several: {err!r}"
        assert all(line.startswith("  hint: ") for line in lines[1:]) and len(lines) <= 2, err
        if "stderr" in spec:
            expected = _substitute(spec["stderr"], root, tmp_path, folder, spec["_line"])
            assert lines[0] == expected
        else:
            assert re.fullmatch(_substitute(spec["stderr_regex"], root, tmp_path, folder, spec["_line"]), lines[0]), lines[0]
        if "hint" in spec:
            assert len(lines) == 2 and spec["hint"] in lines[1], err
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        assert not changed, f"a failing command must write nothing; changed: {sorted(changed)}"
        assert not (root / "output").exists() or not any((root / "output").iterdir()), "output/ must not gain files"
    else:
        assert "Error" not in err, err
        if spec.get("values"):
            dataset = open_project(root).dataset
            for period, item, metric, value in spec["values"]:
                got = dataset.value(item, Period.parse(str(period)), metric)
                want = None if value is None else Decimal(str(value))
                assert got == want, f"{period} {item} {metric}: read {got}, expected {want}"
        if spec.get("run_draft"):
            code, _, err = run_cli(capsys, "draft", "--project", root)
            assert code == 0, err


def test_the_corpus_is_big_enough_and_covers_every_input() -> None:
    assert len(CASES) >= 60
    names = [c.name for c in CASES]
    for prefix in ("figures", "xlsx", "items", "config", "annotations", "templates", "wording", "check", "cli"):
        assert any(re.match(rf"\d+-{prefix}-", n) for n in names), f"no corpus case for {prefix}"
    assert len({n.split("-", 1)[0] for n in names}) == len(names), "case numbers must be unique"
