"""Hostile and careless inputs (a red-team report): each mechanism is tested on its whole class of input.

Every failing case must be exit 2 with one located message, no traceback and nothing
written; see tests/corpus/120-* … 132-* for the same cases in corpus form.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from generator import paths, yamlload
from generator.annotation_names import suggested_name
from generator.check.document import parse_document
from generator.errors import ConfigError, DataError, InputError
from generator.output import split_front_matter
from generator.prose import check_prose

from helpers import run_cli, snapshot

CONFIG = "config/knowledge_services.yaml"
ANNOTATIONS = "data/knowledge_services/annotations/2025H1.yaml"
ITEMS = "data/knowledge_services/items.csv"


def fails(capsys, root: Path, *args: str) -> str:
    """Run pressgen expecting exit 2 with one message and no change under ``root``; return stderr."""
    before = snapshot(root)
    code, out, err = run_cli(capsys, *args)
    assert code == 2, err
    assert out == "" and "Traceback" not in err and err.count("Error:") == 1, err
    assert snapshot(root) == before, "a failing command must write nothing"
    return err


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# 1. Templates are sandboxed ------------------------------------------------------------------

@pytest.mark.parametrize("template, anchor", [
    ("en/sentences.md.j2", "{% macro headline(s) -%}"),
    ("ko/release.md.j2", "{% for section in story.sections %}"),
])
@pytest.mark.parametrize("payload", [
    "cycler.__init__.__globals__.os.popen('touch {marker}').read()",
    "lipsum.__globals__['os'].system('touch {marker}')",
    "''.__class__.__mro__[1].__subclasses__()",
])
def test_a_template_reaching_for_python_internals_is_refused_and_runs_nothing(capsys, project_copy, tmp_path, template, anchor, payload):
    marker = tmp_path / "pwned"
    rel = f"templates/knowledge_services/{template}"
    edit(project_copy, rel, anchor, anchor + "{{ " + payload.format(marker=marker) + " }}")
    err = fails(capsys, project_copy, "draft", "--project", project_copy, "--period", "2025H1")
    assert err.startswith(f"Error: {rel}:"), err
    assert "Python internals" in err
    assert not marker.exists(), "the template ran a shell command"


# 2. YAML limits --------------------------------------------------------------------------------

def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_an_annotation_file_fails_fast_and_located(capsys, project_copy):
    (project_copy / ANNOTATIONS).write_text(_bomb(), encoding="utf-8")
    start = time.perf_counter()
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert time.perf_counter() - start < 1.0
    assert err.startswith(f"Error: {ANNOTATIONS}:5:"), err
    assert "aliases" in err


def test_an_alias_bomb_in_front_matter_fails_fast_in_check_and_in_draft_edit_detection():
    text = "---\n" + _bomb() + "---\n\nThe deficit widened.\n"
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        parse_document(text, "release.en.md")
    assert info.value.line == 6 and "aliases" in info.value.message  # line 6 of the file: after the '---'
    assert split_front_matter(text)[0] is None  # not a release pressgen wrote: treated as edited
    assert time.perf_counter() - start < 1.0


def test_aliases_are_counted_one_by_one_and_by_what_they_expand_to():
    many = "a: &a x\nb: [" + ",".join(["*a"] * (yamlload.MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(yamlload.YamlLimitError, match="more than 100 aliases"):
        yamlload.safe_load_bounded(many)
    few = "a: &a x\nb: [" + ",".join(["*a"] * yamlload.MAX_ALIASES) + "]\n"
    assert len(yamlload.safe_load_bounded(few)["b"]) == yamlload.MAX_ALIASES
    with pytest.raises(yamlload.YamlLimitError, match="expand to more than"):
        yamlload.safe_load_bounded(_bomb(5))  # 36 aliases, 7,380 values behind the last ones
    # A value or two repeated through an alias stays fine (a shared source, a label pair).
    assert yamlload.safe_load_bounded("s: &s {en: a, ko: b}\nt: *s\n") == {"s": {"en": "a", "ko": "b"}, "t": {"en": "a", "ko": "b"}}


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: &a [1, *a]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="contains it") as info:
        yamlload.load_yaml(path, display="x.yaml")
    assert info.value.line == 1


@pytest.mark.parametrize("text", [
    "a: " + "[" * 500 + "]" * 500 + "\n",
    "".join(" " * n + "k:\n" for n in range(500)) + " " * 500 + "k: 1\n",
])
def test_yaml_nested_500_deep_is_a_located_error_not_a_recursion_error(tmp_path, text):
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="nested more than 50 levels") as info:
        yamlload.load_yaml(path, display="deep.yaml")
    assert info.value.path == "deep.yaml" and info.value.line is not None
    assert yamlload.load_yaml(_nested(tmp_path, 40), display="ok.yaml") is not None  # below the limit: read


def _nested(tmp_path: Path, depth: int) -> Path:
    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


def test_a_yaml_file_above_the_size_cap_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.write(b"a: 1\n")
        handle.truncate(yamlload.MAX_YAML_BYTES + 1)
    with pytest.raises(ConfigError, match="larger than 2 MB"):
        yamlload.load_yaml(path, display="big.yaml")


# 3. Data paths ----------------------------------------------------------------------------------

@pytest.mark.parametrize("key, target", [
    ("figures: ../data/knowledge_services/figures.csv", "figures: /etc/shadow"),
    ("figures: ../data/knowledge_services/figures.csv", "figures: ../../figures.csv"),
    ("items: ../data/knowledge_services/items.csv", "items: /dev/zero"),
    ("annotations: ../data/knowledge_services/annotations", "annotations: /etc"),
    ("templates: ../templates/knowledge_services", "templates: /usr/lib"),
])
def test_data_paths_must_stay_inside_the_project(capsys, project_copy, key, target):
    edit(project_copy, CONFIG, key, target)
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    name = key.split(":")[0]
    assert err.startswith(f"Error: {CONFIG}:"), err
    assert f"'{'' if name == 'templates' else 'data.'}{name}' points outside the project folder" in err
    assert "allow_outside_project: true" in err


def test_a_symlink_inside_the_project_pointing_out_of_it_is_caught(capsys, project_copy, tmp_path):
    outside = tmp_path / "elsewhere.csv"
    shutil.copyfile(project_copy / ITEMS, outside)
    (project_copy / "data/knowledge_services/link.csv").symlink_to(outside)
    edit(project_copy, CONFIG, "items: ../data/knowledge_services/items.csv", "items: ../data/knowledge_services/link.csv")
    assert "points outside the project folder" in fails(capsys, project_copy, "validate", "--project", project_copy)


def test_allow_outside_project_reads_regular_files_outside(capsys, project_copy, tmp_path):
    outside = tmp_path / "shared" / "items.csv"
    outside.parent.mkdir()
    shutil.copyfile(project_copy / ITEMS, outside)
    edit(project_copy, CONFIG, "items: ../data/knowledge_services/items.csv", f"items: {outside}")
    edit(project_copy, CONFIG, "id: knowledge_services", "id: knowledge_services\nallow_outside_project: true")
    code, out, err = run_cli(capsys, "validate", "--project", project_copy)
    assert code == 0, err
    edit(project_copy, CONFIG, "allow_outside_project: true", "allow_outside_project: 'yes'")
    assert "'allow_outside_project' must be true or false" in fails(capsys, project_copy, "validate", "--project", project_copy)


def _special(kind: str, tmp_path: Path) -> Path:
    if kind == "fifo":
        path = tmp_path / "figures.csv"
        os.mkfifo(path)
        return path
    if kind == "device":
        return Path("/dev/zero")
    path = tmp_path / "folder.csv"
    path.mkdir()
    return path


@pytest.mark.parametrize("kind, message", [("fifo", "not a regular file"), ("device", "not a regular file"),
                                           ("folder", "found a folder")])
@pytest.mark.parametrize("error", [DataError, ConfigError])
def test_only_regular_files_are_opened(tmp_path, kind, message, error):
    path = _special(kind, tmp_path)
    from generator.tables import read_rows
    from generator.textfile import read_text

    start = time.perf_counter()
    with pytest.raises(DataError, match=message):
        read_rows(path, "shown.csv")
    with pytest.raises(error, match=message):
        read_text(path, "shown.yaml", error, "YAML text")
    assert time.perf_counter() - start < 1.0  # neither blocked on the FIFO nor read /dev/zero


def test_a_fifo_as_figures_does_not_hang_the_cli(capsys, project_copy):
    figures = project_copy / "data/knowledge_services/figures.csv"
    figures.unlink()
    os.mkfifo(figures)
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert err.startswith("Error: data/knowledge_services/figures.csv: not a regular file"), err


def test_a_file_that_grows_past_the_cap_after_the_check_is_still_refused(tmp_path, monkeypatch):
    path = tmp_path / "t.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(paths, "check_regular_file", lambda *a, **k: 5)
    path.write_text("a: 1\n" * 100, encoding="utf-8")
    with pytest.raises(ConfigError, match="larger than 10 bytes"):
        paths.read_bytes_capped(path, "t.yaml", 10)


@pytest.mark.parametrize("failure, text", [(FileNotFoundError(2, "No such file or directory"), "file not found: shown"),
                                           (PermissionError(13, "Permission denied"), "cannot read file: Permission denied")])
def test_a_file_that_vanishes_or_may_not_be_read_is_a_located_error(tmp_path, monkeypatch, failure, text):
    path = tmp_path / "t.csv"
    path.write_text("period,item\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise failure

    monkeypatch.setattr("builtins.open", refuse)  # after the check: the file vanished or lost its permissions
    with pytest.raises(DataError, match=text) as info:
        paths.read_bytes_capped(path, "shown", 100, error=DataError)
    assert info.value.path == "shown"


def test_a_folder_without_permission_is_exit_2_with_the_path(capsys, project_copy, monkeypatch):
    # Tests run as root here, where chmod does not deny; refuse stat() the way the kernel would.
    real_stat = os.stat
    folder = str(project_copy / "data")

    def stat(path, *args, **kwargs):
        if str(path).startswith(folder + os.sep):
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)

    before = snapshot(project_copy)
    with monkeypatch.context() as patch:
        patch.setattr(os, "stat", stat)
        code, out, err = run_cli(capsys, "validate", "--project", project_copy)
    assert code == 2 and out == "" and "Traceback" not in err, err
    assert err.startswith("Error: data/knowledge_services/items.csv: cannot read file: Permission denied"), err
    assert snapshot(project_copy) == before


def test_an_unlistable_annotations_folder_is_exit_2_with_the_path(capsys, project_copy, monkeypatch):
    real = os.listdir

    def listdir(path="."):
        if str(path).endswith("annotations"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert err.startswith("Error: data/knowledge_services/annotations: cannot read the annotations folder"), err


SECRET = "root:$6$Xy9.s3cr3t$Hash/Value:19000:0:99999:7:::"


@pytest.mark.parametrize("text", [
    SECRET + "\n",
    "password hunter2\n",
    SECRET + ",period,item\n",
    "hunter2\nperiod,item,balance\n",
])
def test_errors_about_a_file_that_is_no_table_never_show_its_content(capsys, project_copy, tmp_path, text):
    secret = tmp_path / "secret"
    secret.write_text(text, encoding="utf-8")
    edit(project_copy, CONFIG, "figures: ../data/knowledge_services/figures.csv", f"figures: {secret}")
    edit(project_copy, CONFIG, "id: knowledge_services", "id: knowledge_services\nallow_outside_project: true")
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert "this does not look like a CSV table" in err
    for word in ("s3cr3t", "hunter2", "Hash/Value", "99999"):
        assert word not in err


# 4. Excel ----------------------------------------------------------------------------------------

def _workbook(path: Path, rows: list[list], dimension: str | None = None) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    if dimension is None:
        return
    # Rewrite the sheet's declared used range, as a workbook with one cell formatted far away has it.
    patched = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                start = text.index('<dimension ref="')
                end = text.index('"', start + 16)
                data = (text[:start + 16] + dimension + text[end:]).encode("utf-8")
            target.writestr(info, data)
    patched.replace(path)


def _use_xlsx(root: Path) -> Path:
    edit(root, CONFIG, "figures.csv", "figures.xlsx")
    return root / "data/knowledge_services/figures.xlsx"


FIGURE_ROWS = [["period", "item", "exports", "imports", "balance"], ["2025H1", "total", 19710, 24240, -4530]]


@pytest.mark.parametrize("dimension, shown", [("A1:WQJ300000", "300,000 rows × 16,000 columns"),
                                              ("A1:E300000", "300,000 rows × 5 columns"),
                                              ("A1:GS5001", "5,001 rows × 201 columns")])
def test_a_workbook_declaring_a_huge_used_range_is_refused_before_reading(capsys, project_copy, dimension, shown):
    _workbook(_use_xlsx(project_copy), FIGURE_ROWS, dimension)
    start = time.perf_counter()
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert time.perf_counter() - start < 2.0
    assert err.startswith(f"Error: data/knowledge_services/figures.xlsx: the sheet's used range is {shown}"), err


def test_a_workbook_whose_dimension_lies_stops_at_the_row_cap(tmp_path, monkeypatch):
    from generator import excel
    from generator.tables import read_rows

    monkeypatch.setattr(excel, "MAX_ROWS", 3)
    path = tmp_path / "f.xlsx"
    _workbook(path, FIGURE_ROWS + [["2024H2", "total", 1, 1, 0]] * 5, "A1:E2")
    header, rows = read_rows(path, "f.xlsx")
    with pytest.raises(DataError, match="rows beyond row 3") as info:
        list(rows)
    assert info.value.line == 4


def test_a_value_beyond_the_column_cap_is_reported_not_dropped(tmp_path, monkeypatch):
    from generator import excel
    from generator.tables import read_rows

    monkeypatch.setattr(excel, "MAX_COLUMNS", 5)
    path = tmp_path / "f.xlsx"
    _workbook(path, [FIGURE_ROWS[0], FIGURE_ROWS[1] + ["x"]], "A1:E2")
    header, rows = read_rows(path, "f.xlsx")
    with pytest.raises(DataError, match="beyond column 5"):
        list(rows)


def test_a_corrupt_workbook_message_gives_the_reason(capsys, project_copy):
    path = _use_xlsx(project_copy)
    _workbook(path, FIGURE_ROWS)
    broken = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/workbook.xml":
                target.writestr(info, source.read(info.filename))
    broken.replace(path)
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    first = err.split("\n")[0]
    assert first.startswith("Error: data/knowledge_services/figures.xlsx: cannot read Excel file: ")
    assert len(first.split("cannot read Excel file: ", 1)[1].strip()) > 3, first


def test_excel_figures_read_the_same_as_csv_without_pandas(project_copy):
    import subprocess
    import sys

    import openpyxl

    book = openpyxl.Workbook()
    text = (project_copy / "data/knowledge_services/figures.csv").read_text(encoding="utf-8").splitlines()
    import csv

    for row in csv.reader(text):
        book.active.append([int(c) if c.lstrip("-").isdigit() else c for c in row])
    book.save(_use_xlsx(project_copy))
    code = ("import sys; from generator.project import open_project; p = open_project(sys.argv[1]);"
            "print(len(p.dataset.cells())); print('pandas' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code, str(project_copy)], capture_output=True, text=True, check=True)
    count, pandas_loaded = run.stdout.split()
    from generator.project import open_project

    shutil.copyfile(Path(__file__).resolve().parents[1] / CONFIG, project_copy / CONFIG)
    assert int(count) == len(open_project(project_copy).dataset.cells())
    assert pandas_loaded == "False"


# 5. Annotation file names -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["2025h1.yaml", "２０２５H1.yaml", "2025H1 .yaml", "2025 H1.yaml", " 2025H1.yaml",
                                  "2025H1.yml", "2025H1.YAML", "２０２５ｈ１.yaml"])
@pytest.mark.parametrize("command", ["validate", "draft"])
def test_an_annotation_file_named_almost_after_a_period_is_reported_with_the_right_name(capsys, project_copy, name, command):
    folder = project_copy / "data/knowledge_services/annotations"
    (folder / "2025H1.yaml").rename(folder / name)
    args = [command, "--project", project_copy] + (["--period", "2025H1"] if command == "draft" else [])
    err = fails(capsys, project_copy, *args)
    assert err.startswith(f"Error: data/knowledge_services/annotations/{name}: "), err
    assert "2025H1.yaml" in err.split("\n")[0] and "hint: rename it to 2025H1.yaml" in err


def test_suggestions_take_period_names_as_strings_and_parse_nothing():
    months = ["2025-10", "2025-11"]
    assert suggested_name("2025-11 .yaml", months) == "2025-11.yaml"
    assert suggested_name("２０２５－１１.yaml", months) == "2025-11.yaml"
    assert suggested_name("2025-11.yaml", months) is None  # exact: nothing to suggest
    assert suggested_name("2025-12.yaml", months) is None  # another period, not a misspelling of one
    assert suggested_name("notes.txt", months) is None
    assert suggested_name("2025h1.yaml", ["2025H1"]) == "2025H1.yaml"


def test_a_file_for_a_period_without_figures_keeps_its_message(capsys, project_copy):
    (project_copy / "data/knowledge_services/annotations/2023H2.yaml").write_text("causes: []\n", encoding="utf-8")
    assert "annotations for 2023H2, a period with no figures" in fails(capsys, project_copy, "validate", "--project", project_copy)


# 6. NFC everywhere text is read ---------------------------------------------------------------------

def test_nfd_item_names_and_annotations_draft_exactly_like_nfc(capsys, tmp_path, repo_root):
    roots = {}
    for form in ("NFC", "NFD"):
        root = tmp_path / form
        root.mkdir()
        for part in ("config", "data", "templates"):
            shutil.copytree(repo_root / part, root / part)
        if form == "NFD":
            for rel in (ITEMS, ANNOTATIONS):
                path = root / rel
                text = path.read_text(encoding="utf-8")
                decomposed = unicodedata.normalize("NFD", text)
                assert decomposed != text
                path.write_bytes(decomposed.encode("utf-8"))
        code, _, err = run_cli(capsys, "draft", "--project", root, "--release", "knowledge_services", "--all")
        assert code == 0, err
        roots[form] = root / "output" / "knowledge_services"
    comparison = filecmp.dircmp(roots["NFC"], roots["NFD"])
    files = []
    for folder, _, names in os.walk(roots["NFC"]):
        files += [Path(folder, n).relative_to(roots["NFC"]) for n in names]
    assert files and comparison.left_only == comparison.right_only == []
    # The input hash covers the files' bytes, which differ (that is what it is for); all else must not.
    for rel in files:
        if rel.suffix == ".png":  # charts: the same bytes (their text is drawn from the same NFC names)
            assert (roots["NFD"] / rel).read_bytes() == (roots["NFC"] / rel).read_bytes(), rel
            continue
        want = (roots["NFC"] / rel).read_text(encoding="utf-8")
        got = (roots["NFD"] / rel).read_text(encoding="utf-8")
        assert _unhash(got) == _unhash(want), rel


def _unhash(text: str) -> str:
    import re

    # Per-period input hashes, and the file hashes in manifest.json that depend on them.
    return re.sub(r"sha256:[0-9a-f]{16,64}|\b[0-9a-f]{64}\b", "<hash>", text)


# 7. Editors' prose is printed, never interpreted ------------------------------------------------------

PROSE_PLACES = [
    "Exports linked to the electrical and electronics manufacturing sector rose sharply.",  # cause text
    "Pre-Installed Apps on Samsung Phones and the Arrival of Gemini Give a Lift",          # cause headline
    "the largest half-year surplus on record",                                            # asserted text
    "Provisional Knowledge Services Trade Statistics for the First Half of 2025",         # publication
]


@pytest.mark.parametrize("marker", ["<!-- pressgen-disable all -->", "-->", "<!--", "pressgen-disable", "PRESSGEN-ENABLE data.number"])
@pytest.mark.parametrize("text", PROSE_PLACES)
def test_annotation_prose_with_a_comment_or_directive_is_refused_located(capsys, project_copy, marker, text):
    original = (project_copy / ANNOTATIONS).read_text(encoding="utf-8")
    line = original[: original.index(text)].count("\n") + 1
    edit(project_copy, ANNOTATIONS, text, f"'{text} {marker}'")
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert err.startswith(f"Error: {ANNOTATIONS}:{line}:"), err
    assert "hint: editors' prose is printed as is; remove the HTML comment" in err


def test_remark_speakers_and_sources_are_prose_too(capsys, project_copy):
    text = (project_copy / ANNOTATIONS).read_text(encoding="utf-8")
    assert "speaker:" in text
    for key in ("source: >-\n", "speaker:\n      en: "):
        root = project_copy
        shutil.copyfile(Path(__file__).resolve().parents[1] / ANNOTATIONS, root / ANNOTATIONS)
        edit(root, ANNOTATIONS, key, key + ("      <!-- " if key.startswith("source") else "<!-- "))
        assert "would be read as an HTML comment" in fails(capsys, root, "validate", "--project", root)


def test_check_prose_accepts_ordinary_prose():
    check_prose("Imports rose -> exports fell; a 5% rise (R&D) — pressgen's draft.", "text")
    with pytest.raises(DataError):
        check_prose("a <!-- b", "text", error=DataError)


def test_item_names_with_a_directive_are_refused_located(capsys, project_copy):
    edit(project_copy, ITEMS, "지식재산권 사용료", "지식재산권 사용료 <!-- pressgen-disable -->")
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert err.startswith(f"Error: {ITEMS}:3: the ko name of item 'ip' contains '<!--'"), err


# 8. Release ids -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ['"[x"', '"*x"', '"a #b"', "Knowledge_Services", "1st", "knowledge-services", "''", "12"])
def test_release_ids_are_plain_names(capsys, project_copy, value):
    edit(project_copy, CONFIG, "id: knowledge_services", f"id: {value}")
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert err.startswith(f"Error: {CONFIG}:4:1: release id "), err
    assert "is not a plain name" in err and "hint: use lower-case letters" in err


def test_the_release_id_is_the_file_name(capsys, project_copy):
    edit(project_copy, CONFIG, "id: knowledge_services", "id: knowledge")
    err = fails(capsys, project_copy, "validate", "--project", project_copy)
    assert "differs from the file name knowledge_services.yaml" in err
