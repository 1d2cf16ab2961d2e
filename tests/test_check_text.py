"""``check`` reads every sentence of a real release: nested containers, decomposed Hangul,
and the limits of suppression comments (end to end against the bundled project's data)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from generator.check.run import check_paths
from helpers import run_cli

WRONG = "Knowledge services exports reached 9.99 billion dollars."


def committed(repo_root: Path, lang: str) -> str:
    return (repo_root / "output" / "knowledge_services" / "2025H1" / f"release.{lang}.md").read_text(encoding="utf-8")


def located(path: Path, needle: str) -> list[tuple[int, int]]:
    """(line, column) of every ``needle`` in the file, columns counting characters."""
    return [(n, line.index(needle) + 1) for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line]


def data_numbers(path: Path, repo_root: Path) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in check_paths([path], repo_root).findings if f.rule_id == "data.number"]


def test_the_committed_release_is_clean_before_the_edits(tmp_path, repo_root):
    path = tmp_path / "release.en.md"
    path.write_text(committed(repo_root, "en"), encoding="utf-8")
    assert check_paths([path], repo_root).findings == []


def test_a_wrong_amount_deep_in_a_list_and_a_quote_is_found_where_it_is(tmp_path, repo_root):
    nested_list = "".join("    " * i + f"- Level {i + 1}\n" for i in range(10)) + "    " * 10 + "- " + WRONG + "\n"
    nested_quote = "> " * 20 + WRONG + "\n"
    list_in_quote = "> " * 5 + "- " * 5 + WRONG + "\n"
    path = tmp_path / "release.en.md"
    path.write_text(committed(repo_root, "en") + "\n" + nested_list + "\n" + nested_quote + "\n" + list_in_quote, encoding="utf-8")
    expected = located(path, "9.99 billion")
    assert len(expected) == 3
    assert data_numbers(path, repo_root) == expected


def test_a_wrong_amount_in_decomposed_korean_is_found_at_the_files_column(tmp_path, repo_root):
    text = committed(repo_root, "ko")
    assert "197억1000만달러" in text
    wrong = text.replace("197억1000만달러", "198억1000만달러", 1)
    nfd = tmp_path / "nfd" / "release.ko.md"
    nfd.parent.mkdir()
    nfd.write_text(unicodedata.normalize("NFD", wrong), encoding="utf-8")
    nfc = tmp_path / "nfc" / "release.ko.md"
    nfc.parent.mkdir()
    nfc.write_text(wrong, encoding="utf-8")
    found = data_numbers(nfd, repo_root)
    assert found == located(nfd, "198") and len(found) == 1
    # same line as in NFC, but the column counts the file's (decomposed) characters
    (nfc_at,) = data_numbers(nfc, repo_root)
    assert nfc_at[0] == found[0][0] and found[0][1] > nfc_at[1]


def test_the_unchanged_release_in_nfd_is_clean(tmp_path, repo_root):
    path = tmp_path / "release.ko.md"
    path.write_text(unicodedata.normalize("NFD", committed(repo_root, "ko")), encoding="utf-8")
    assert check_paths([path], repo_root).findings == []


# -- suppression: "all" does not reach the data rules, and what is hidden is counted --------

FRONT = '---\nrelease: knowledge_services\nperiod: "2025H1"\nlanguage: en\n---\n'
WRONG_AND_TODO = "Asia recorded a surplus of 3.75 billion dollars. TODO check."


def checked(tmp_path: Path, repo_root: Path, comment: str):
    path = tmp_path / "release.en.md"
    path.write_text(FRONT + comment + "\n" + WRONG_AND_TODO + "\n", encoding="utf-8")
    result = check_paths([path], repo_root)
    return sorted(f.rule_id for f in result.findings), result.suppressed


def test_unsuppressed_baseline(tmp_path, repo_root):
    assert checked(tmp_path, repo_root, "") == (["data.number", "en.placeholder"], 0)


@pytest.mark.parametrize("comment, expected", [
    ("<!-- pressgen-disable-next-line all -->", (["data.number"], 1)),
    ("<!-- pressgen-disable all -->", (["data.number"], 1)),
    ("<!-- pressgen-disable-next-line all data.number -->", ([], 2)),
    ("<!-- pressgen-disable-next-line data.* -->", (["en.placeholder"], 1)),
    ("<!-- pressgen-disable data.*, en.* -->", ([], 2)),
    ("<!-- pressgen-disable-next-line data.number -->", (["en.placeholder"], 1)),
])
def test_disable_all_does_not_hide_data_rules_unless_they_are_named(tmp_path, repo_root, comment, expected):
    assert checked(tmp_path, repo_root, comment) == expected


def test_an_unknown_rule_family_is_a_bad_suppression(tmp_path, repo_root):
    rules, _ = checked(tmp_path, repo_root, "<!-- pressgen-disable-next-line dta.* -->")
    assert rules == ["check.bad-suppression", "data.number", "en.placeholder"]


def test_text_format_says_on_stderr_how_many_findings_were_suppressed(tmp_path, capsys, repo_root):
    path = tmp_path / "release.en.md"
    path.write_text(FRONT + "<!-- pressgen-disable all -->\n" + WRONG_AND_TODO + " TODO again.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", path, "--project", repo_root)
    assert code == 1
    assert [line.split()[2] for line in out.splitlines()] == ["data.number"]
    assert err == "2 findings suppressed by pressgen-disable comments\n"  # both placeholders

    path.write_text(FRONT + "<!-- pressgen-disable all data.* -->\n" + WRONG_AND_TODO + "\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", path, "--project", repo_root)
    assert (code, out, err) == (0, "", "2 findings suppressed by pressgen-disable comments\n")


def test_machine_formats_report_the_suppressed_count(tmp_path, capsys, repo_root):
    path = tmp_path / "release.en.md"
    path.write_text(FRONT + "<!-- pressgen-disable en.placeholder -->\n" + WRONG_AND_TODO + "\n", encoding="utf-8")
    _, out, err = run_cli(capsys, "check", path, "--project", repo_root, "--format", "sarif")
    assert json.loads(out)["runs"][0]["properties"] == {"suppressedFindings": 1}
    assert err == "1 finding suppressed by pressgen-disable comments\n"
    # JSON stays a list of findings and rdjson a reviewdog DiagnosticResult: the count goes to stderr
    for fmt in ("json", "rdjson"):
        _, out, err = run_cli(capsys, "check", path, "--project", repo_root, "--format", fmt)
        assert err == "1 finding suppressed by pressgen-disable comments\n"
    assert [d["code"]["value"] for d in json.loads(out)["diagnostics"]] == ["data.number"]
    # nothing suppressed, nothing said
    path.write_text(FRONT + WRONG_AND_TODO + "\n", encoding="utf-8")
    _, out, err = run_cli(capsys, "check", path, "--project", repo_root, "--format", "sarif")
    assert err == "" and json.loads(out)["runs"][0]["properties"] == {"suppressedFindings": 0}


def test_rdjson_columns_are_utf8_bytes_of_the_korean_line(tmp_path, capsys, repo_root):
    path = tmp_path / "release.ko.md"
    path.write_text(FRONT.replace("language: en", "language: ko") + "아시아는 53억7000만달러 흑자를 냈다.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", path, "--project", repo_root, "--format", "rdjson")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert diagnostic["code"]["value"] == "data.number" and diagnostic["severity"] == "ERROR"
    line = "아시아는 53억7000만달러 흑자를 냈다."
    start = line.index("53억")
    span = diagnostic["location"]["range"]
    assert span["start"] == {"line": 6, "column": len(line[:start].encode()) + 1}  # 5 Hangul x 3 bytes + space = 14
    assert span["start"]["column"] == 14
    assert span["end"] == {"line": 6, "column": len(line[:start + len("53억7000만달러")].encode()) + 1}
