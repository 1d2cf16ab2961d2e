"""Finding formatters: text lines, GitHub annotations, JSON and SARIF are a tested contract."""

from __future__ import annotations

import json

import pytest

from generator import __version__
from generator.check.findings import Finding, RuleInfo
from generator.check.formats import FORMATS, render
from generator.errors import UsageError

FINDINGS = [
    Finding("output/2025H1/release.ko.md", 17, 46, "warning", "ko.width-spacing", "'적자폭' 대신 띄어 쓴 '적자 폭'", end_column=49),
    Finding("output/2025H1/release.en.md", 9, 3, "suggestion", "en.balance-verb", "write 'deficit widened', not 'deficit rose'"),
    Finding("output/2025H1/release.en.md", 9, 3, "error", "data.number", "4.35 billion dollars, but the data says 4.53",
            data={"value": -4530, "unit": "million dollars"}),
    Finding("output/2025H1/release.en.md", 2, 10, "error", "en.placeholder", "leftover placeholder 'TODO', fill it in: now\n100%"),
]
META = {
    "ko.width-spacing": RuleInfo("ko.width-spacing", "warning", "적자 폭, 흑자 폭은 띄어 쓴다", "DESIGN.md, Korean style"),
    "en.placeholder": RuleInfo("en.placeholder", "error", "leftover placeholder", "GUIDELINES.md 13", help_uri="https://example.org/rules#placeholder"),
}


def test_findings_sort_by_path_line_column_rule():
    assert [(f.path[-5:], f.line, f.rule_id) for f in sorted(FINDINGS)] == [
        ("en.md", 2, "en.placeholder"), ("en.md", 9, "data.number"), ("en.md", 9, "en.balance-verb"), ("ko.md", 17, "ko.width-spacing"),
    ]


def test_text_format_is_one_line_per_finding():
    assert render(FINDINGS, "text") == (
        "output/2025H1/release.en.md:2:10: error en.placeholder leftover placeholder 'TODO', fill it in: now 100%\n"
        "output/2025H1/release.en.md:9:3: error data.number 4.35 billion dollars, but the data says 4.53\n"
        "output/2025H1/release.en.md:9:3: suggestion en.balance-verb write 'deficit widened', not 'deficit rose'\n"
        "output/2025H1/release.ko.md:17:46: warning ko.width-spacing '적자폭' 대신 띄어 쓴 '적자 폭'\n"
    )
    assert render([], "text") == ""


def test_github_format_maps_levels_and_escapes():
    assert render(FINDINGS, "github").splitlines() == [
        "::error file=output/2025H1/release.en.md,line=2,col=10,title=en.placeholder::"
        "leftover placeholder 'TODO', fill it in: now%0A100%25",
        "::error file=output/2025H1/release.en.md,line=9,col=3,title=data.number::4.35 billion dollars, but the data says 4.53",
        "::notice file=output/2025H1/release.en.md,line=9,col=3,title=en.balance-verb::write 'deficit widened', not 'deficit rose'",
        "::warning file=output/2025H1/release.ko.md,line=17,col=46,endColumn=49,title=ko.width-spacing::'적자폭' 대신 띄어 쓴 '적자 폭'",
    ]


def test_json_round_trips_with_a_stable_key_order():
    out = render(FINDINGS, "json")
    objects = json.loads(out)
    assert list(objects[0]) == ["path", "line", "column", "end_column", "level", "rule_id", "message", "data"]
    rebuilt = [Finding(**obj) for obj in objects]
    assert rebuilt == sorted(FINDINGS)
    assert rebuilt[1].data == {"value": -4530, "unit": "million dollars"}
    assert "적자폭" in out  # not \\u-escaped
    assert render([], "json") == "[]\n"


def test_sarif_has_the_required_structure():
    log = json.loads(render(FINDINGS, "sarif", META.values()))
    assert log["$schema"].endswith("sarif-2.1.0.json") and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("pressgen", __version__)
    assert [r["id"] for r in driver["rules"]] == ["data.number", "en.balance-verb", "en.placeholder", "ko.width-spacing"]
    placeholder = driver["rules"][2]
    assert placeholder["shortDescription"] == {"text": "leftover placeholder"}
    assert placeholder["helpUri"] == "https://example.org/rules#placeholder"
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("en.placeholder", "error"), ("data.number", "error"), ("en.balance-verb", "note"), ("ko.width-spacing", "warning"),
    ]
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
    last = run["results"][-1]["locations"][0]["physicalLocation"]
    assert last == {
        "artifactLocation": {"uri": "output/2025H1/release.ko.md"},
        "region": {"startLine": 17, "startColumn": 46, "endColumn": 49},
    }
    assert run["results"][1]["properties"] == {"data": {"value": -4530, "unit": "million dollars"}}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_whatever_the_input_order(fmt):
    assert render(FINDINGS, fmt, META) == render(list(reversed(FINDINGS)), fmt, META)


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match=r"unknown output format 'sarf'; expected one of text, json, github, sarif, rdjson \(did you mean 'sarif'\?\)"):
        render(FINDINGS, "sarf")


# -- rdjson (reviewdog), suggestions, SARIF URIs ------------------------------------------

KO_PATH = "output/my release/보도자료.ko.md"
KO_LINE = "지식서비스 무역적자는 45억3000만달러였다."
FIXABLE = Finding(KO_PATH, 3, KO_LINE.index("45억") + 1, "error", "data.number", "'45억3000만달러' does not match the data",
                  end_column=KO_LINE.index("였다") + 1, suggestion=(KO_LINE.index("45억") + 1, KO_LINE.index("였다") + 1, "45억4000만달러"))


def test_rdjson_is_a_reviewdog_diagnostic_result_with_utf8_byte_columns():
    sources = {KO_PATH: ("# 제목", "", KO_LINE)}
    result = json.loads(render([FIXABLE, *FINDINGS], "rdjson", META, sources=sources))
    assert set(result) == {"source", "severity", "diagnostics"}
    assert result["source"] == {"name": "pressgen"} and result["severity"] == "ERROR"
    by_path = {(d["location"]["path"], d["location"]["range"]["start"]["line"], d["code"]["value"]): d for d in result["diagnostics"]}
    ko = by_path[(KO_PATH, 3, "data.number")]
    # reviewdog.proto: "Column number, starting at 1 (byte count in UTF-8)"; end exclusive
    start_bytes = len(KO_LINE[:KO_LINE.index("45억")].encode("utf-8")) + 1
    end_bytes = len(KO_LINE[:KO_LINE.index("였다")].encode("utf-8")) + 1
    assert (start_bytes, end_bytes) == (33, 51)  # 10 Hangul x 3 + 2 spaces before; "45억3000만달러" is 18 bytes
    assert ko == {
        "message": "'45억3000만달러' does not match the data",
        "location": {"path": KO_PATH, "range": {"start": {"line": 3, "column": 33}, "end": {"line": 3, "column": 51}}},
        "severity": "ERROR",
        "code": {"value": "data.number"},
        "suggestions": [{"range": {"start": {"line": 3, "column": 33}, "end": {"line": 3, "column": 51}}, "text": "45억4000만달러"}],
    }
    placeholder = by_path[("output/2025H1/release.en.md", 2, "en.placeholder")]
    assert placeholder["code"] == {"value": "en.placeholder", "url": "https://example.org/rules#placeholder"}
    assert placeholder["location"]["range"] == {"start": {"line": 2, "column": 10}}  # no source, no end: as given
    assert [d["severity"] for d in result["diagnostics"]].count("INFO") == 1
    assert "suggestions" not in placeholder


def test_rdjson_with_nothing_found():
    assert json.loads(render([], "rdjson")) == {"source": {"name": "pressgen"}, "diagnostics": []}


def test_sarif_percent_encodes_uris_and_carries_fixes():
    log = json.loads(render([FIXABLE], "sarif", META))
    (result,) = log["runs"][0]["results"]
    uri = "output/my%20release/%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C.ko.md"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": uri}
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": uri}
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 3, "startColumn": 13, "endColumn": 23},  # characters: columnKind unicodeCodePoints
        "insertedContent": {"text": "45억4000만달러"},
    }]
    assert fix["description"]["text"]
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_uri_forms():
    from generator.check.formats import sarif_uri

    assert sarif_uri("output/2025H1/release.ko.md") == "output/2025H1/release.ko.md"
    assert sarif_uri("a 100%#b.md") == "a%20100%25%23b.md"
    assert sarif_uri("/tmp/my dir/r.md") == "/tmp/my%20dir/r.md"
    assert sarif_uri("C:\\work\\my dir\\r.md") == "file:///C:/work/my%20dir/r.md"


def test_a_suggestion_round_trips_through_json_and_takes_no_part_in_equality():
    (obj,) = json.loads(render([FIXABLE], "json"))
    assert obj["suggestion"] == {"column": 13, "end_column": 23, "text": "45억4000만달러", "line": None}
    rebuilt = Finding(**obj)
    assert rebuilt == FIXABLE and rebuilt.suggestion == FIXABLE.suggestion
    assert "suggestion" not in json.loads(render(FINDINGS, "json"))[0]
    assert Finding(**{**obj, "suggestion": None}) == FIXABLE
