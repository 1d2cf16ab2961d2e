"""``pressgen check`` end to end: data agreement rules, parity, suppression, output formats and exit codes.

Snippets are hand-written release markdown checked against the bundled project's data
(``data/knowledge_services``, and at the end ``data/monthly_trade`` and ``data/consumer_prices``);
the expected values were read off their ``figures.csv`` and facts.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.check.run import check_paths
from helpers import run_cli

REFERENCE = Path(__file__).resolve().parent / "fixtures" / "reference" / "asiae-2025H1-en.txt"
EXEMPLAR = Path(__file__).resolve().parent / "fixtures" / "reference" / "exemplar-2025H1-ko.md"
TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|suggestion) (?P<rule>[\w.-]+) (?P<message>.+)$")


def front(lang: str, period: str = "2025H1") -> str:
    return f'---\nrelease: knowledge_services\nperiod: "{period}"\nlanguage: {lang}\n---\n'


def write(tmp_path: Path, body: str, lang: str = "en", period: str = "2025H1", name: str | None = None) -> Path:
    path = tmp_path / (name or f"release.{lang}.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front(lang, period) + body + "\n", encoding="utf-8")
    return path


def findings_of(path: Path, repo_root: Path, **kwargs) -> list:
    return check_paths([path], repo_root, **kwargs).findings


def errors(findings) -> list:
    return [f for f in findings if f.level == "error"]


def col(line: str, needle: str) -> int:
    """1-based character column of ``needle`` in ``line``."""
    assert needle in line, (needle, line)
    return line.index(needle) + 1


# -- the committed drafts ------------------------------------------------------------------


@pytest.mark.parametrize("fmt, expected", [("text", ""), ("json", None)])
def test_committed_drafts_are_clean(capsys, monkeypatch, repo_root, fmt, expected):
    monkeypatch.chdir(repo_root)
    code, out, err = run_cli(capsys, "check", "output/", "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "text":
        assert out == ""
    else:
        assert json.loads(out) == []


def test_committed_drafts_through_the_library(repo_root):
    result = check_paths([repo_root / "output"], repo_root)
    assert result.findings == []
    assert sorted(result.files) == sorted(p.relative_to(repo_root).as_posix() for p in (repo_root / "output").glob("*/*/release.*.md"))
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 0


# -- the reference article and the Korean exemplar -----------------------------------------


def reference_markdown(tmp_path: Path) -> tuple[Path, list[str]]:
    lines = REFERENCE.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path = tmp_path / "asiae-2025H1-en.md"
    path.write_text("---\nrelease: knowledge_services\nperiod: 2025H1\nlanguage: en\n---\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return path, path.read_text(encoding="utf-8").split("\n")


def test_reference_article(tmp_path, repo_root):
    path, file_lines = reference_markdown(tmp_path)
    result = check_paths([path], repo_root)
    found = result.findings

    # The one error: "560 million dollars" for the information services sector (data: 550 million).
    line_560 = next(n for n, text in enumerate(file_lines, 1) if "560 million dollars" in text)
    assert [(f.line, f.column, f.level, f.rule_id) for f in errors(found)] == [
        (line_560, col(file_lines[line_560 - 1], "560 million dollars"), "error", "data.number"),
    ]
    assert "data: 550 million dollars" in errors(found)[0].message
    assert result.exit_code() == 1

    # The other figures are accepted, including "1.4 billion dollars" (1,410) and "660 million dollars".
    figure = re.compile(r"\d+(?:\.\d+)? (?:billion|million) dollars|\d+(?:\.\d+)?%", re.IGNORECASE)
    for n, text in enumerate(file_lines, 1):
        for m in figure.finditer(text):
            at = [f for f in found if f.line == n and f.column == m.start() + 1]
            if m.group(0) != "560 million dollars" or n != line_560:
                assert at == [], (n, m.group(0), at)
    assert any("1.4 billion dollars" in t for t in file_lines) and any("660 million dollars" in t for t in file_lines)

    # The industries' changes against the previous half cannot be verified: warnings.
    line_industry = next(n for n, text in enumerate(file_lines, 1) if text.startswith("By industry,"))
    industry_text = file_lines[line_industry - 1]
    at_industry = [(f.column, f.level, f.rule_id) for f in found if f.line == line_industry]
    assert (col(industry_text, "increased, but"), "warning", "data.unverifiable") in at_industry
    assert (col(industry_text, "widened."), "warning", "data.unverifiable") in at_industry
    assert all(level == "warning" for _, level, _ in at_industry)
    # Everything else is below error.
    assert all(f.level in ("warning", "suggestion") for f in found if f.rule_id != "data.number")


def test_reference_article_through_the_cli(tmp_path, capsys, repo_root):
    path, _ = reference_markdown(tmp_path)
    code, out, err = run_cli(capsys, "check", path, "--project", repo_root)
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert all(TEXT_LINE.match(l) for l in lines)
    assert [l for l in lines if " error " in l] == [next(l for l in lines if "data.number" in l)]


def test_korean_exemplar_has_no_errors(tmp_path, repo_root):
    path = tmp_path / "exemplar.ko.md"
    path.write_text(front("ko") + EXEMPLAR.read_text(encoding="utf-8"), encoding="utf-8")
    found = findings_of(path, repo_root)
    assert errors(found) == [], errors(found)


# -- the data rules, firing and not firing --------------------------------------------------

FIRING = [
    # (rule, lang, period, body, the stated text the finding points at, text the message must contain)
    ("data.number", "en", "2025H1", "South Korea's knowledge services trade balance posted a deficit of 4.35 billion dollars.",
     "4.35 billion dollars", "data: 4.53 billion dollars"),
    ("data.number", "ko", "2025H1", "올해 상반기 우리나라 지식서비스 무역수지가 43억5000만달러 적자를 기록했다.",
     "43억5000만달러", "data: 45억3000만달러"),
    ("data.number", "en", "2025H1", "The ICT industry recorded a surplus of 1.75 billion dollars.", "1.75 billion dollars", "data: 1.57 billion dollars"),
    ("data.sign", "en", "2025H1", "By region, Asia posted a deficit of 3.57 billion dollars.", "3.57 billion dollars", "surplus"),
    ("data.sign", "en", "2025H1", "The information services sector recorded a surplus of 550 million dollars.", "550 million dollars", "deficit"),
    ("data.sign", "ko", "2025H1", "지역별로는 아시아가 35억7000만달러 적자를 냈다.", "35억7000만달러", "surplus"),
    ("data.direction", "en", "2025H1", "The deficit narrowed from 3.76 billion dollars in the second half of last year.", "narrowed", "widened"),
    ("data.direction", "ko", "2025H1", "지난해 하반기(-37억6000만달러)보다 적자 폭이 축소됐다.", "축소", "widened"),
    ("data.direction", "en", "2024", "Compared with 2010 (12.77 billion dollars), the deficit widened by 5.51 billion dollars.", "widened", "narrowed"),
    ("data.record", "en", "2025H1", "Cultural and leisure services posted the largest half-year surplus on record.", "on record", "no record fact"),
    ("data.record", "ko", "2025H1", "문화·여가서비스는 반기 기준 역대 최대 흑자를 냈다.", "반기 기준 역대 최대", "no record fact"),
    ("data.percent", "en", "2025H1", "Compared with the second half of last year, exports rose by 1.21 billion dollars (7.5%).", "7.5%", "data: 6.5%"),
    ("data.percent", "ko", "2025H1", "지난해 하반기와 비교하면 수출은 12억1000만달러(7.5%) 늘었다.", "7.5%", "data: 6.5%"),
    ("data.multiple", "en", "2024",
     "Exports of information and communications services reached 5.2 billion dollars, 12 times their 2010 level (510 million dollars).",
     "12 times", "data: ×10.2"),
    ("data.multiple", "ko", "2024", "정보·통신서비스 수출은 52억달러로 2010년(5억1000만달러)의 12배 수준이다.", "12배", "data: ×10.2"),
]

NOT_FIRING = [
    ("en", "2025H1", "South Korea's knowledge services trade balance posted a deficit of 4.53 billion dollars."),
    ("ko", "2025H1", "올해 상반기 우리나라 지식서비스 무역수지가 45억3000만달러 적자를 기록했다."),
    ("en", "2025H1", "By region, Asia posted a surplus of 3.57 billion dollars."),
    ("ko", "2025H1", "지역별로는 아시아가 35억7000만달러 흑자를 냈다."),
    ("en", "2025H1", "The deficit widened from 3.76 billion dollars in the second half of last year."),
    ("ko", "2025H1", "지난해 하반기(-37억6000만달러)보다 적자 폭이 확대됐다."),
    ("en", "2025H1", "Information and communications services posted the largest half-year surplus on record."),
    ("ko", "2025H1", "정보·통신서비스는 반기 기준 역대 최대 흑자를 냈다."),
    ("en", "2025H1", "Compared with the second half of last year, exports rose by 1.21 billion dollars (6.5%)."),
    ("ko", "2025H1", "지난해 하반기와 비교하면 수출은 12억1000만달러(6.5%) 늘었다."),
    ("en", "2024", "Exports of information and communications services reached 5.2 billion dollars, tenfold their 2010 level (510 million dollars)."),
    ("en", "2024", "Exports of information and communications services reached 5.2 billion dollars, 10.2 times their 2010 level (510 million dollars)."),
    ("ko", "2024", "정보·통신서비스 수출은 52억달러로 2010년(5억1000만달러)의 10.2배 수준이다."),
    ("en", "2025H1", "Information and communications services, led by information provision and platform services (1.4 billion dollars), grew."),
    ("ko", "2025H1", "기관형태별로는 소기업이 9000만달러 흑자를 냈다."),
]


@pytest.mark.parametrize("rule, lang, period, body, stated, says", FIRING, ids=[f"{r}-{l}-{p}-{n}" for n, (r, l, p, *_) in enumerate(FIRING)])
def test_data_rule_fires(tmp_path, repo_root, rule, lang, period, body, stated, says):
    found = findings_of(write(tmp_path, body, lang, period), repo_root)
    assert [(f.line, f.column, f.level, f.rule_id) for f in errors(found)] == [(6, col(body, stated), "error", rule)], found
    assert says in errors(found)[0].message


@pytest.mark.parametrize("lang, period, body", NOT_FIRING)
def test_data_rules_accept_correct_sentences(tmp_path, repo_root, lang, period, body):
    found = findings_of(write(tmp_path, body, lang, period), repo_root)
    assert errors(found) == []
    assert [f for f in found if f.rule_id.startswith("data.")] == []


@pytest.mark.parametrize("lang, body, word", [
    ("en", "The surplus of information and communications services grew from a year earlier.", "grew"),
    ("ko", "정보·통신서비스는 전년 동기보다 흑자 폭이 확대됐다.", "확대"),
    ("en", "By industry, compared with the previous half, the surplus in the information and communications sector increased.", "increased"),
])
def test_unverifiable_claims_are_warnings(tmp_path, repo_root, lang, body, word):
    path = write(tmp_path, body, lang)
    result = check_paths([path], repo_root)
    assert [(f.column, f.level, f.rule_id) for f in result.findings] == [(col(body, word), "warning", "data.unverifiable")]
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1



def test_a_direction_against_a_basis_the_data_lacks_is_not_judged_against_another_basis(tmp_path, repo_root):
    """"shrank from a year earlier": information and communications services have only a change
    on the previous half in 2025H1, so the claim is unverifiable either way; it must not be
    confirmed (or refuted) by the previous half's change."""
    for word in ("shrank", "grew"):
        body = f"The surplus of information and communications services {word} from a year earlier."
        found = findings_of(write(tmp_path, body), repo_root)
        assert [(f.column, f.level, f.rule_id) for f in found] == [(col(body, word), "warning", "data.unverifiable")], word

# Missed errors (bugs): each sentence is wrong against the data and check must say so.
MISSED = [
    # data.sign: the total, ICS and culture have a change fact whose value equals the stated
    # amount, and Agreement._sign gives up when any matching candidate comes from a change fact.
    ("data.sign", "en", "2025H1", "South Korea's knowledge services trade balance posted a surplus of 4.53 billion dollars.", "4.53 billion dollars"),
    ("data.sign", "ko", "2025H1", "올해 상반기 우리나라 지식서비스 무역수지가 45억3000만달러 흑자를 기록했다.", "45억3000만달러"),
    ("data.sign", "en", "2025H1", "Information and communications services posted a deficit of 1.96 billion dollars.", "1.96 billion dollars"),
    ("data.sign", "ko", "2025H1", "문화·여가서비스는 4억4000만달러 적자를 냈다.", "4억4000만달러"),
    # data.multiple: "twelve times" (a number word before "times") is not read as a multiple at all.
    ("data.multiple", "en", "2024",
     "Exports of information and communications services reached 5.2 billion dollars, twelve times their 2010 level (510 million dollars).",
     "twelve times"),
    # data.number: the previous half's deficit stated as this half's level is accepted, because
    # any figure of any fact of the item (base value, delta, exports, imports) matches.
    ("data.number", "en", "2025H1",
     "In the first half of this year, South Korea's knowledge services trade balance posted a deficit of 3.76 billion dollars.",
     "3.76 billion dollars"),
    # data.number: the ICT industry's surplus (1.57 billion) stated as its exports (6.37 billion).
    ("data.number", "en", "2025H1", "The ICT industry recorded knowledge services exports of 1.57 billion dollars.", "1.57 billion dollars"),
]


@pytest.mark.parametrize("rule, lang, period, body, stated", MISSED, ids=[f"{r}-{l}-{n}" for n, (r, l, *_) in enumerate(MISSED)])
def test_wrong_sentences_that_check_must_catch(tmp_path, repo_root, rule, lang, period, body, stated):
    found = findings_of(write(tmp_path, body, lang, period), repo_root)
    assert [(f.column, f.level, f.rule_id) for f in errors(found)] == [(col(body, stated), "error", rule)], found


# -- parity ---------------------------------------------------------------------------------


@pytest.fixture
def h1_copy(tmp_path, repo_root) -> Path:
    folder = tmp_path / "2025H1"
    folder.mkdir()
    for lang in ("en", "ko"):
        shutil.copy(repo_root / "output" / "knowledge_services" / "2025H1" / f"release.{lang}.md", folder)
    ko = folder / "release.ko.md"
    paragraphs = ko.read_text(encoding="utf-8").split("\n\n")
    dropped = [p for p in paragraphs if p.startswith("지역별로는")]
    assert len(dropped) == 1
    paragraphs.remove(dropped[0])
    ko.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return folder


def test_parity_finding_sits_in_the_english_sentence_that_states_the_figure(h1_copy, repo_root):
    en = h1_copy / "release.en.md"
    en_lines = en.read_text(encoding="utf-8").split("\n")
    region = next(n for n, text in enumerate(en_lines, 1) if text.startswith("By region,"))
    found = check_paths([h1_copy], repo_root).findings
    parity = [f for f in found if f.rule_id == "data.parity"]
    assert parity, found
    assert all(f.path == str(en) and f.level == "error" and f.line == region for f in parity), parity
    assert {f.column for f in parity} == {col(en_lines[region - 1], s) for s in ("3.57 billion dollars", "3.77 billion dollars", "2.18 billion dollars")}
    assert all("release.ko.md" in f.message for f in parity)
    assert [f for f in found if f.rule_id != "data.parity"] == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_language_alone_has_no_parity_findings(h1_copy, repo_root, lang):
    found = check_paths([h1_copy / f"release.{lang}.md"], repo_root).findings
    assert found == []


def test_parity_of_the_committed_drafts(repo_root):
    assert check_paths([repo_root / "output" / "knowledge_services" / "2025H1"], repo_root).findings == []


# -- inline suppression ---------------------------------------------------------------------


def test_disable_next_line_suppresses_only_the_next_line(tmp_path, repo_root):
    body = ("<!-- pressgen-disable-next-line data.number -->\n"
            "The ICT industry recorded a surplus of 1.75 billion dollars.\n\n"
            "Asia recorded a surplus of 3.75 billion dollars.")
    found = findings_of(write(tmp_path, body), repo_root)
    assert [(f.line, f.rule_id) for f in found] == [(9, "data.number")]


def test_disable_next_line_names_the_rule_it_suppresses(tmp_path, repo_root):
    body = "<!-- pressgen-disable-next-line data.sign -->\nThe ICT industry recorded a surplus of 1.75 billion dollars."
    found = findings_of(write(tmp_path, body), repo_root)
    assert [(f.line, f.rule_id) for f in found] == [(7, "data.number")]


def test_disable_enable_region(tmp_path, repo_root):
    body = ("Asia recorded a surplus of 3.75 billion dollars.\n\n"
            "<!-- pressgen-disable data.number -->\n\n"
            "The ICT industry recorded a surplus of 1.75 billion dollars.\n\n"
            "The content industry recorded a surplus of 2.15 billion dollars.\n\n"
            "<!-- pressgen-enable data.number -->\n\n"
            "Europe recorded a deficit of 2.81 billion dollars.")
    found = findings_of(write(tmp_path, body), repo_root)
    assert [(f.line, f.rule_id) for f in found] == [(6, "data.number"), (16, "data.number")]


def test_korean_suppression(tmp_path, repo_root):
    body = "<!-- pressgen-disable-next-line data.number -->\n아시아는 53억7000만달러 흑자를 냈다.\n\n아시아는 53억7000만달러 흑자를 냈다."
    found = findings_of(write(tmp_path, body, "ko"), repo_root)
    assert [(f.line, f.column, f.rule_id) for f in found] == [(9, 6, "data.number")]


# -- output formats -----------------------------------------------------------------------

MIXED = ("The ICT industry recorded a surplus of 1.75 billion dollars.\n\n"
         "The surplus of information and communications services grew from a year earlier.")


def test_text_format(tmp_path, capsys, repo_root):
    path = write(tmp_path, MIXED)
    code, out, err = run_cli(capsys, "check", path, "--project", repo_root)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    parsed = [TEXT_LINE.match(l) for l in lines]
    assert all(parsed), lines
    assert [(m["path"], m["line"], m["col"], m["level"], m["rule"]) for m in parsed] == [
        (str(path), "6", str(col(MIXED, "1.75 billion")), "error", "data.number"),
        (str(path), "8", "56", "warning", "data.unverifiable"),
    ]
    assert "data: 1.57 billion dollars" in parsed[0]["message"]


def test_github_format(tmp_path, capsys, repo_root):
    path = write(tmp_path, MIXED)
    code, out, _ = run_cli(capsys, "check", path, "--project", repo_root, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"::error file={path},line=6,col=40,")
    assert "title=data.number::" in lines[0]
    assert lines[1].startswith(f"::warning file={path},line=8,col=56,")


def test_json_format(tmp_path, capsys, repo_root):
    path = write(tmp_path, MIXED)
    code, out, _ = run_cli(capsys, "check", path, "--project", repo_root, "--format", "json")
    assert code == 1
    objects = json.loads(out)
    assert [(o["path"], o["line"], o["column"], o["level"], o["rule_id"]) for o in objects] == [
        (str(path), 6, 40, "error", "data.number"), (str(path), 8, 56, "warning", "data.unverifiable"),
    ]
    assert objects[0]["data"] == "1.57 billion dollars"


def test_sarif_format(tmp_path, capsys, repo_root):
    path = write(tmp_path, MIXED)
    code, out, _ = run_cli(capsys, "check", path, "--project", repo_root, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "pressgen"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"data.number", "data.sign", "data.direction", "data.record", "data.percent", "data.multiple",
            "data.parity", "data.unverifiable"} <= set(rule_ids)
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("data.number", "error"), ("data.unverifiable", "warning")]
    for r in results:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == str(path)
        assert location["region"]["startLine"] in (6, 8)
        assert r["message"]["text"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 40


# -- exit codes and bad input -------------------------------------------------------------


def test_exit_codes(tmp_path, capsys, repo_root):
    clean = write(tmp_path / "clean", "By region, Asia posted a surplus of 3.57 billion dollars.")
    wrong = write(tmp_path / "wrong", "By region, Asia posted a surplus of 3.75 billion dollars.")
    warned = write(tmp_path / "warned", "The surplus of information and communications services grew from a year earlier.")
    assert run_cli(capsys, "check", clean, "--project", repo_root)[:2] == (0, "")
    assert run_cli(capsys, "check", clean, "--project", repo_root, "--strict")[:2] == (0, "")
    assert run_cli(capsys, "check", wrong, "--project", repo_root)[0] == 1
    code, out, err = run_cli(capsys, "check", warned, "--project", repo_root)
    assert (code, err) == (0, "") and " warning data.unverifiable " in out
    assert run_cli(capsys, "check", warned, "--project", repo_root, "--strict")[0] == 1


def _usage_error(capsys, *args) -> str:
    code, out, err = run_cli(capsys, "check", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("Error: ")
    assert "Traceback" not in err
    return err


def test_no_front_matter_and_no_period(tmp_path, capsys, repo_root):
    path = tmp_path / "bare.md"
    path.write_text("The deficit was 4.53 billion dollars.\n", encoding="utf-8")
    err = _usage_error(capsys, path, "--project", repo_root)
    assert str(path) in err and "period" in err


def test_period_not_in_the_data(tmp_path, capsys, repo_root):
    path = write(tmp_path, "Hello.", period="2019H1")
    err = _usage_error(capsys, path, "--project", repo_root)
    assert str(path) in err and "2019H1" in err
    for period in ("2010", "2024", "2024H2", "2025H1"):
        assert re.search(rf"\b{period}\b", err.split("2019H1", 1)[1]), err


def test_binary_file(tmp_path, capsys, repo_root):
    path = tmp_path / "release.en.md"
    path.write_bytes(b"---\nperiod: 2025H1\n---\n\x00\x01\x02binary")
    err = _usage_error(capsys, path, "--project", repo_root)
    assert str(path) in err and "binary" in err


def test_nonexistent_path(tmp_path, capsys, repo_root):
    err = _usage_error(capsys, tmp_path / "missing.md", "--project", repo_root)
    assert "missing.md" in err


def test_unknown_format(tmp_path, capsys, repo_root):
    path = write(tmp_path, "By region, Asia posted a surplus of 3.57 billion dollars.")
    err = _usage_error(capsys, path, "--project", repo_root, "--format", "xml")
    assert "xml" in err and "sarif" in err


def test_period_option_checks_a_file_without_front_matter(tmp_path, capsys, repo_root):
    right = tmp_path / "right.md"
    right.write_text("By region, Asia posted a surplus of 3.57 billion dollars.\n", encoding="utf-8")
    wrong = tmp_path / "wrong.md"
    wrong.write_text("By region, Asia posted a surplus of 3.75 billion dollars.\n", encoding="utf-8")
    assert run_cli(capsys, "check", right, "--project", repo_root, "--release", "knowledge_services", "--period", "2025H1")[:3] == (0, "", "")
    code, out, err = run_cli(capsys, "check", wrong, "--project", repo_root, "--release", "knowledge_services", "--period", "2025H1")
    assert code == 1 and err == ""
    assert out.startswith(f"{wrong}:1:{col('By region, Asia posted a surplus of 3.75 billion dollars.', '3.75')}: error data.number ")


# -- columns in Korean lines ----------------------------------------------------------------


def test_korean_columns_count_characters(tmp_path, repo_root):
    body = "지역별로는 아시아가 35억7000만달러 흑자를, 북미는 37억7000만달러 적자를, 유럽은 12억8000만달러 적자를 냈다."
    path = write(tmp_path, body, "ko")
    found = errors(findings_of(path, repo_root))
    assert [(f.line, f.column, f.rule_id) for f in found] == [(6, col(body, "12억8000만달러"), "data.number")]
    # in bytes the column would be far larger: the test means characters
    assert len(body[: body.index("12억")].encode("utf-8")) + 1 != found[0].column
    assert found[0].end_column == col(body, "12억8000만달러") + len("12억8000만달러")


def test_korean_sign_column(tmp_path, repo_root):
    body = "지역별로는 아시아가 35억7000만달러 적자를 냈다."
    found = findings_of(write(tmp_path, body, "ko"), repo_root)
    assert [(f.column, f.rule_id) for f in found] == [(12, "data.sign")]


# -- monthly trade and consumer prices: figures, rates, streaks and records in their terms ------

def write_release(tmp_path: Path, release: str, period: str, lang: str, body: str) -> Path:
    path = tmp_path / f"release.{lang}.md"
    path.write_text(f'---\nrelease: {release}\nperiod: "{period}"\nlanguage: {lang}\n---\n{body}\n', encoding="utf-8")
    return path


OTHER_RELEASES_FIRING = [
    # (rule, release, period, lang, body, the stated text the finding points at)
    # A streak is judged against the streaks of what it is a streak of: exports' gains, not the
    # cumulative balance's surplus (known only to be at least 4 months long).
    ("data.streak", "monthly_trade", "2025-11", "en",
     "South Korea's exports rose 8.4 percent on-year to $61.04 billion in November, the seventh straight month of gains.", "seventh straight month"),
    ("data.streak", "monthly_trade", "2025-11", "en",
     "The trade balance posted a surplus of $9.73 billion, the 11th straight month of surplus.", "11th straight month"),
    ("data.streak", "monthly_trade", "2025-11", "ko", "수출은 610억4000만달러로 집계됐다. 7개월 연속 증가세다.", "7개월 연속"),
    ("data.streak", "monthly_trade", "2025-11", "ko", "수출은 610억4000만달러로 집계됐다. 6개월 연속 감소세다.", "6개월 연속"),
    # A direction is judged against the change whose percent the clause states.
    ("data.direction", "monthly_trade", "2025-11", "en", "Imports fell 1.2 percent to $51.3 billion.", "fell"),
    ("data.direction", "monthly_trade", "2025-12", "en",
     "For the January–December period, exports fell 3.8 percent on-year to $709.7 billion, imports fell 0.02 percent on-year to $631.7 billion.", "fell"),
    # A rate's word is judged against the rate whose change or base the clause states (not the monthly rate).
    ("data.direction", "consumer_prices", "2025-10", "en",
     "Consumer prices rose 2.4 percent from a year earlier in October, slowing 0.3 percentage point from 2.1 percent in September.", "slowing"),
    ("data.direction", "consumer_prices", "2025-10", "ko", "상승률은 9월(2.1%)보다 0.3%포인트 둔화했다.", "둔화"),
    ("data.direction", "consumer_prices", "2025-10", "ko", "공업제품(2.3%) 등도 1년 전보다 내렸다.", "내렸"),
    # A record word belongs to the item of its clause, not to the total's generic name ("Prices of").
    ("data.record", "consumer_prices", "2025-10", "en", "Prices of goods rose at a record pace.", "record"),
    ("data.record", "consumer_prices", "2025-10", "ko", "상품 물가는 역대 최고 상승률을 기록했다.", "역대 최고"),
    # Written decimals of a percentage are significant: 18.0 is not 18.4 (nor 17.0).
    ("data.percent", "monthly_trade", "2025-11", "en", "Energy imports fell 18.4 percent on-year to $8.72 billion, 18.0 percent of the total.", "18.0 percent"),
    # A rate of another period counts only next to that period: 2.6 is the rate of February 2024.
    ("data.percent", "consumer_prices", "2025-10", "en",
     "Prices excluding agricultural and petroleum products rose 2.6 percent from a year earlier, the highest since February 2024.", "2.6 percent"),
    ("data.percent", "consumer_prices", "2025-10", "en",
     "Prices excluding agricultural and petroleum products rose 2.5 percent from a year earlier, accelerating 0.1 percentage point from 2.5 percent in September.",
     "2.5 percent in"),
    ("data.percent", "consumer_prices", "2025-11", "en", "On a monthly basis, prices fell 0.3 percent from October.", "0.3 percent"),
    # In a list, a figure belongs to the name before it, not to any item of the clause.
    ("data.percent", "consumer_prices", "2025-10", "en",
     "Prices also rose from a year earlier for industrial products (2.3 percent), electricity, gas and water (0.5 percent).", "0.5 percent"),
    # "the 2 percent range" is judged against the band streak.
    ("data.percent", "consumer_prices", "2025-11", "en",
     "Consumer prices rose 2.4 percent from a year earlier in November, staying in the 3 percent range for the third straight month.", "3 percent"),
    ("data.percent", "consumer_prices", "2025-11", "ko", "3%대 상승률은 3개월 연속이다.", "3%"),
]

OTHER_RELEASES_CLEAN = [
    ("monthly_trade", "2025-11", "en",
     "South Korea's exports rose 8.4 percent on-year to $61.04 billion in November, the sixth straight month of gains."),
    ("monthly_trade", "2025-11", "en", "The trade balance posted a surplus of $9.73 billion, the 10th straight month of surplus."),
    ("monthly_trade", "2025-11", "ko", "수출은 610억4000만달러로 집계됐다. 6개월 연속 증가세다."),
    ("monthly_trade", "2025-11", "en", "Energy imports fell 18.4 percent on-year to $8.72 billion, 17.0 percent of the total."),
    ("consumer_prices", "2025-10", "en",
     "Consumer prices rose 2.4 percent from a year earlier in October, accelerating 0.3 percentage point from 2.1 percent in September."),
    ("consumer_prices", "2025-10", "ko", "상승률은 9월(2.1%)보다 0.3%포인트 확대됐다."),
    ("consumer_prices", "2025-10", "en", "Consumer prices rose 2.4% in October, up from 2.1%."),
    ("consumer_prices", "2025-11", "en", "On a monthly basis, prices fell 0.2 percent from October."),
    ("consumer_prices", "2025-11", "en",
     "Consumer prices rose 2.4 percent from a year earlier in November, staying in the 2 percent range for the third straight month."),
    ("consumer_prices", "2025-11", "ko", "2%대 상승률은 3개월 연속이다."),
]


@pytest.mark.parametrize("rule, release, period, lang, body, stated", OTHER_RELEASES_FIRING,
                         ids=[f"{r}-{rel}-{l}-{n}" for n, (r, rel, _, l, *_) in enumerate(OTHER_RELEASES_FIRING)])
def test_other_releases_rule_fires(tmp_path, repo_root, rule, release, period, lang, body, stated):
    found = findings_of(write_release(tmp_path, release, period, lang, body), repo_root)
    assert [(f.line, f.column, f.rule_id) for f in errors(found)] == [(6, col(body, stated), rule)], found


@pytest.mark.parametrize("release, period, lang, body", OTHER_RELEASES_CLEAN)
def test_other_releases_accept_correct_sentences(tmp_path, repo_root, release, period, lang, body):
    found = findings_of(write_release(tmp_path, release, period, lang, body), repo_root)
    assert [f for f in found if f.level == "error" or f.rule_id.startswith("data.")] == [], found


# A percent with no base named is read on the headline basis (monthly trade: a year earlier).
# October 2025, the United States: 8,710 million, -16.2% on-year (published), -15.2% on
# September's 10,270 (8,710 / 10,270 - 1 = -15.19%).
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("en", "Shipments to the United States dropped 15.2 percent to $8.71 billion.", "15.2 percent", False),
    ("ko", "대미 수출은 87억1000만달러로 15.2% 감소했다.", "15.2%", False),
    ("en", "Shipments to the United States dropped 16.2 percent to $8.71 billion.", "16.2 percent", True),
    ("en", "Shipments to the United States dropped 15.2 percent from September to $8.71 billion.", "15.2 percent", True),
    ("ko", "대미 수출은 87억1000만달러로 전월 대비 15.2% 감소했다.", "15.2%", True),
    # A from-to amount ties the percent to its base: 10.27 billion is September's.
    ("en", "Shipments to the United States dropped 15.2 percent to $8.71 billion from $10.27 billion.", "15.2 percent", True),
    ("ko", "대미 수출은 102억7000만달러에서 87억1000만달러로 15.2% 감소했다.", "15.2%", True),
])
def test_a_percent_with_no_base_named_is_on_the_headline_basis(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-10", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.percent")]), found


# A record counted in months names its "since": November 2025 imports (51,300 million) are the
# lowest since June (50,720; every month July-October higher), five months back; cars (6,410)
# the highest since April (6,500), seven months back. And the extreme must be the data's.
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("ko", "수입은 5개월 만에 최저를 기록했다.", "만에 최저", True),
    ("ko", "수입은 석 달 만에 최저를 기록했다.", "만에 최저", False),
    ("en", "Imports were the lowest in five months.", "lowest in five months", True),
    ("en", "Imports hit a three-month low.", "three-month low", False),
    ("en", "Car exports hit a seven-month high.", "seven-month high", True),
    ("en", "Car exports were the highest level in six months.", "highest level in six months", False),
    ("ko", "수입은 6월 이후 최저를 기록했다.", "이후 최저", True),
    ("ko", "수입은 6월 이후 최대를 기록했다.", "이후 최대", False),
    ("en", "Imports were the highest since June.", "highest since", False),
])
def test_a_record_counted_in_months_and_its_extreme_are_the_datas(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-11", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.record")]), found


# The year's balance carries its sign like the month's: December 2023's year-to-date balance is
# a deficit of 9,970 million (the month's a surplus of 4,480).
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("en", "The annual trade deficit came to $9.97 billion.", "$9.97 billion", True),
    ("en", "The annual trade surplus came to $9.97 billion.", "$9.97 billion", False),
    ("ko", "연간 무역수지는 99억7000만달러 흑자를 기록했다.", "99억7000만달러", False),
])
def test_a_year_to_date_balance_has_its_sign_checked(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2023-12", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.sign")]), found


# "exports" names the quarter's, half's and year's exports too: their amounts are exports figures,
# and a direction is judged against their change. First half 2024: 334,800 (+9.1%); first
# quarter 2025: 159,900 (-2.1%, while March rose 3.1%); the year 2023: -7.4% (December +5.1%).
@pytest.mark.parametrize("period, lang, body, stated, rule", [
    ("2024-06", "en", "In the first half, exports rose 9.1 percent to $334.8 billion.", None, None),
    ("2024-06", "en", "In the first half, exports fell 9.1 percent to $334.8 billion.", "fell", "data.direction"),
    ("2025-03", "en", "First-quarter exports fell 2.1 percent to $159.9 billion.", None, None),
    ("2025-03", "ko", "1분기 수출은 1599억달러로 2.1% 증가했다.", "증가", "data.direction"),
    ("2023-12", "en", "For the full year, exports fell to $632.69 billion.", None, None),
    ("2023-12", "en", "For the full year, exports rose to $632.69 billion.", "rose", "data.direction"),
    ("2023-12", "ko", "연간 수출은 6326억9000만달러로 증가했다.", "증가", "data.direction"),
])
def test_exports_of_the_quarter_half_and_year_are_exports(tmp_path, repo_root, period, lang, body, stated, rule):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", period, lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if rule is None else [(col(body, stated), rule)]), found


# Streak lengths in words, as dailies write them: July 2025 exports rose on-year in June and July
# only (May -1.3%), a streak of 2; the surplus ran February-July, 6.
@pytest.mark.parametrize("body, stated, ok", [
    ("수출은 두 달 연속 증가했다.", "두 달 연속", True),
    ("수출은 석 달 연속 증가했다.", "석 달 연속", False),
    ("수출은 두 달째 증가했다.", "두 달째", True),
    ("수출은 넉 달째 증가했다.", "넉 달째", False),
    ("무역수지는 여섯 달째 흑자를 냈다.", "여섯 달째", True),
])
def test_korean_streaks_counted_in_words(tmp_path, repo_root, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-07", "ko", body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.streak")]), found


# June 2024 chips: 13,420 on 8,900 a year earlier, x1.51. "About" is either side of the figure,
# "nearly" only below it.
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("en", "Chip exports rose about 1.5 times from a year earlier.", "1.5 times", True),
    ("en", "Chip exports rose about 1.7 times from a year earlier.", "1.7 times", False),
    ("ko", "반도체 수출은 1년 전의 약 1.5배로 늘었다.", "1.5배", True),
    ("ko", "반도체 수출은 1년 전의 1.5배 가량으로 늘었다.", "1.5배", True),
    ("ko", "반도체 수출은 1년 전의 1.7배 가량으로 늘었다.", "1.7배", False),
])
def test_about_a_multiple_is_either_side_of_it(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-06", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.multiple")]), found


# "Respectively" pairs percents with names as it pairs amounts. June 2024: the U.S. +14.7%,
# China +1.8%.
@pytest.mark.parametrize("lang, body, wrong", [
    ("en", "Exports to the U.S. and China rose 14.7 percent and 1.8 percent, respectively.", []),
    ("ko", "미국과 중국 수출은 각각 14.7%, 1.8% 늘었다.", []),
    ("en", "Exports to the U.S. and China rose 1.8 percent and 14.7 percent, respectively.", ["1.8 percent", "14.7 percent"]),
    ("ko", "미국과 중국 수출은 각각 1.8%, 14.7% 늘었다.", ["1.8%", "14.7%"]),
])
def test_respectively_pairs_percents_with_names(tmp_path, repo_root, lang, body, wrong):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-06", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == [(col(body, w), "data.percent") for w in wrong], found


# A rate compared with another rate ("slowed to 5.1 percent from 11.7 percent in May") is the
# rate's level, not a change measured on May: June 2024 export growth 5.1 (May 11.7).
@pytest.mark.parametrize("body, stated, ok", [
    ("Export growth slowed to 5.1 percent from 11.7 percent in May.", "5.1 percent", True),
    ("Export growth slowed to 6.1 percent from 11.7 percent in May.", "6.1 percent", False),
])
def test_a_rate_compared_with_another_rate_is_its_level(tmp_path, repo_root, body, stated, ok):
    found = [f for f in errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-06", "en", body), repo_root)) if f.rule_id == "data.percent"]
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.percent")]), found


# A figure after "first-half" / 상반기 / 1분기 is the half's or the quarter's, unless a month is
# named after that word: June 2024 57,070 (+5.1%), the first half 334,800 (+9.1%); the first
# quarter of 2025 159,900 (-2.1%), March +3.1%.
@pytest.mark.parametrize("period, lang, body, wrong", [
    ("2024-06", "en", "First-half exports rose 9.1 percent to $334.8 billion.", None),
    ("2024-06", "en", "First-half exports rose 5.1 percent to $334.8 billion.", ("5.1 percent", "data.percent")),
    ("2024-06", "en", "First-half exports rose 9.1 percent to $57.07 billion.", ("$57.07 billion", "data.number")),
    ("2024-06", "en", "In the first half, exports rose 9.1 percent to $334.8 billion, with June shipments up 5.1 percent at $57.07 billion.", None),
    ("2024-06", "ko", "상반기 수출은 3348억달러로 5.1% 늘었다.", ("5.1%", "data.percent")),
    ("2024-06", "ko", "상반기 수출은 570억7000만달러로 9.1% 늘었다.", ("570억7000만달러", "data.number")),
    ("2024-06", "ko", "상반기 수출은 3348억달러로 9.1% 늘었고 6월 수출은 570억7000만달러로 5.1% 늘었다.", None),
    ("2025-03", "ko", "1분기 수출은 1599억달러로 2.1% 감소했다.", None),
])
def test_a_figure_of_the_half_or_quarter_is_the_halfs_or_quarters(tmp_path, repo_root, period, lang, body, wrong):
    found = [f for f in errors(findings_of(write_release(tmp_path, "monthly_trade", period, lang, body), repo_root)) if f.rule_id != "data.direction"]
    assert [(f.column, f.rule_id) for f in found] == ([] if wrong is None else [(col(body, wrong[0]), wrong[1])]), found


# "Export growth", "import growth" name a rate, not a rise: June 2024 imports fell 7.5% on-year
# and import growth slowed (-2.0% in May to -7.5%).
@pytest.mark.parametrize("body, ok", [
    ("Import growth slowed to minus 7.5 percent.", True),
    ("Import growth was the weakest in three months.", True),
    ("Imports posted growth of 7.5 percent.", False),
])
def test_export_or_import_growth_names_a_rate(tmp_path, repo_root, body, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-06", "en", body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, "growth"), "data.direction")]), found


# A record of an amount is not one of its rate: June 2024 imports (49,070) are the lowest since
# February (48,110), four months; import growth (-7.5%) the lowest since March, three months.
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("en", "Imports were the lowest in three months.", "lowest in three months", False),
    ("en", "Imports were the lowest in four months.", "lowest in four months", True),
    ("en", "Imports fell 7.5 percent to $49.07 billion, the lowest in three months.", "lowest in three months", False),
    ("en", "Import growth was the lowest in three months.", "lowest in three months", True),
    ("ko", "수입은 석 달 만에 최저를 기록했다.", "만에 최저", False),
    ("ko", "수입 증가율은 석 달 만에 최저를 기록했다.", "만에 최저", True),
    ("ko", "수입은 넉 달 만에 최저를 기록했다.", "만에 최저", True),
])
def test_a_record_of_an_amount_is_not_one_of_its_rate(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-06", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.record")]), found


# May 2025: the surplus (6,940) is the largest since June 2024 (8,000), 11 months; "a year" is 12
# months, and a largest surplus is not a lowest.
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("en", "The trade surplus was $6.94 billion, the largest in 11 months.", "largest in 11 months", True),
    ("en", "The trade surplus was $6.94 billion, the largest in a year.", "largest in a year", False),
    ("en", "The trade surplus was the smallest in 11 months.", "smallest in 11 months", False),
    ("ko", "무역수지는 69억4000만달러로 11개월 만에 최저였다.", "만에 최저", False),
])
def test_a_balance_record_in_months(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-05", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.record")]), found


# The year to date as wires write it ("from January to November", "January-December", "the first
# 11 months") binds its figures like "for the full year": December 2024, the year 683,760 (+8.2%),
# the month 61,380 (+6.6%).
@pytest.mark.parametrize("lang, body, wrong", [
    ("en", "Exports for January-December rose 8.2 percent to $683.76 billion.", None),
    ("en", "Exports for January-December rose 6.6 percent to $683.76 billion.", ("6.6 percent", "data.percent")),
    ("en", "In the first 12 months, exports rose 6.6 percent.", ("6.6 percent", "data.percent")),
    ("en", "For the full year, exports reached $61.38 billion.", ("$61.38 billion", "data.number")),
    ("en", "Annual exports rose 8.2 percent to $683.76 billion, with December shipments at $61.38 billion.", None),
    ("ko", "연간 수출은 613억8000만달러로 집계됐다.", ("613억8000만달러", "data.number")),
    ("ko", "1~12월 누적 수출은 6837억6000만달러였다.", None),
    ("ko", "연간 수출은 6837억6000만달러, 12월 수출은 613억8000만달러였다.", None),
])
def test_year_to_date_words_bind_their_figures(tmp_path, repo_root, lang, body, wrong):
    found = [f for f in errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-12", lang, body), repo_root)) if f.rule_id != "data.direction"]
    assert [(f.column, f.rule_id) for f in found] == ([] if wrong is None else [(col(body, wrong[0]), wrong[1])]), found


def test_a_month_named_after_year_to_date_words_takes_its_figure_back(tmp_path, repo_root):
    body = "Annual exports rose 8.2 percent to $683.76 billion, with December shipments up 6.6 percent."
    assert errors(findings_of(write_release(tmp_path, "monthly_trade", "2024-12", "en", body), repo_root)) == []


def test_a_year_to_date_direction_is_not_judged_against_the_month(tmp_path, repo_root):
    """May 2023: the year's deficit (27,340 million) has no change in the data; the month's deficit
    narrowed (2,720 to 2,100). "Grew" is unverifiable, not a contradiction."""
    body = "올해 누적 무역적자는 273억4000만달러로 불어났다."
    found = findings_of(write_release(tmp_path, "monthly_trade", "2023-05", "ko", body), repo_root)
    assert [(f.level, f.rule_id) for f in found if f.rule_id.startswith("data.")] == [("warning", "data.unverifiable")], found


# "US$" and "U.S. dollars" are the currency, not the United States: November 2025 exports 61,040,
# the U.S. 10,350.
@pytest.mark.parametrize("body, wrong", [
    ("Exports were US$61.04 billion.", None),
    ("Exports were 61.04 billion U.S. dollars.", None),
    ("Exports to the U.S. fell 0.2 percent to US$10.35 billion.", None),
    ("Exports to the U.S. fell 0.2 percent to US$11.35 billion.", "US$11.35 billion"),
])
def test_a_currency_is_not_the_country(tmp_path, repo_root, body, wrong):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-11", "en", body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if wrong is None else [(col(body, wrong), "data.number")]), found


# A record of a month of the year on record needs the whole history of that month: November 2025
# imports (51,300) are the highest November since 2023 (52,000) only; October 2025 chips have no
# record but the lowest October growth since 2023.
@pytest.mark.parametrize("period, lang, body, stated", [
    ("2025-11", "en", "Imports were the highest November on record.", "on record"),
    ("2025-11", "ko", "수입은 11월 기준 역대 최대를 기록했다.", "역대 최대"),
    ("2025-11", "ko", "수입은 역대 11월 중 최대를 기록했다.", "역대 11월 중 최대"),
    ("2025-10", "ko", "반도체는 157억3000만달러로 25.4% 늘어 역대 10월 중 최대 실적을 냈다.", "역대 10월 중 최대"),
])
def test_a_record_for_a_month_of_the_year_needs_its_whole_history(tmp_path, repo_root, period, lang, body, stated):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", period, lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == [(col(body, stated), "data.record")], found


def test_a_record_for_a_month_since_a_year_is_that_record(tmp_path, repo_root):
    body = "Imports were the highest for a November since 2023."
    assert errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-11", "en", body), repo_root)) == []


# An amount the sign word names ("a surplus of $2.1 billion", 21억달러 흑자) is the balance, even
# when it could also be another change: May 2023, a deficit of 2,100 million; imports rose 2,110.
@pytest.mark.parametrize("lang, body, stated, ok", [
    ("ko", "무역수지는 21억달러 흑자였다.", "21억달러", False),
    ("ko", "무역수지는 21억달러 적자였다.", "21억달러", True),
    ("en", "The country posted a trade surplus of $2.1 billion.", "$2.1 billion", False),
    ("en", "The country posted a trade deficit of $2.1 billion.", "$2.1 billion", True),
    ("ko", "수입은 21억달러 늘었다.", "21억달러", True),
])
def test_an_amount_named_by_its_sign_word_is_the_balance(tmp_path, repo_root, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2023-05", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.sign")]), found


# Two bases in one sentence: each percent on the base named right beside it. October 2025 exports
# +3.6% on a year earlier, -9.7% on September (59,570 / 65,950 - 1).
@pytest.mark.parametrize("lang, body, wrong", [
    ("ko", "수출은 전년 동월 대비 3.6% 늘었지만 전월 대비로는 9.7% 줄었다.", None),
    ("ko", "수출은 전년 동월 대비 9.7% 늘었지만 전월 대비로는 3.6% 줄었다.", "9.7%"),
    ("en", "Exports rose 3.6 percent from a year earlier but fell 9.7 percent from September.", None),
    ("en", "Exports rose 9.7 percent from a year earlier but fell 3.6 percent from September.", "9.7 percent"),
])
def test_each_percent_is_on_the_base_beside_it(tmp_path, repo_root, lang, body, wrong):
    found = [f for f in errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-10", lang, body), repo_root)) if f.rule_id == "data.percent"]
    assert [f.column for f in found][:1] == ([] if wrong is None else [col(body, wrong)]), found


# "Car parts" and 자동차 부품 are auto parts, not cars: October 2025 auto parts 1,520 (-18.9%),
# automobiles 5,550 (-10.5%).
@pytest.mark.parametrize("lang, body, wrong", [
    ("en", "Car parts exports fell 18.9 percent to $1.52 billion.", None),
    ("en", "Automotive parts exports fell 10.5 percent to $1.52 billion.", "10.5 percent"),
    ("ko", "자동차 부품 수출은 15억2000만달러로 18.9% 감소했다.", None),
    ("ko", "자동차 부품 수출은 55억5000만달러로 18.9% 감소했다.", "55억5000만달러"),
])
def test_auto_parts_written_other_ways_are_auto_parts(tmp_path, repo_root, lang, body, wrong):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-10", lang, body), repo_root))
    assert [f.column for f in found] == ([] if wrong is None else [col(body, wrong)]), found


# "The first decline since March" is "the first decline in three months" counted from that month:
# June 2024 cars fell after two gains (April, May; March -5.0%); July 2025 the U.S. rose after
# three falls (April-June; March +2.3%). A month before 이후 is a since, not the percent's base.
@pytest.mark.parametrize("period, lang, body, stated, ok", [
    ("2024-06", "en", "Car exports fell 0.4 percent, the first decline since March.", "the first decline since March", True),
    ("2024-06", "en", "Car exports fell 0.4 percent, the first decline since February.", "the first decline since February", False),
    ("2024-06", "ko", "자동차 수출은 0.4% 줄며 3월 이후 처음 감소했다.", "3월 이후 처음 감소", True),
    ("2024-06", "ko", "자동차 수출은 0.4% 줄며 2월 이후 처음으로 감소했다.", "2월 이후 처음으로 감소", False),
    ("2025-07", "en", "Shipments to the U.S. rose 1.4 percent, the first gain since March.", "the first gain since March", True),
    ("2025-07", "en", "Shipments to the U.S. rose 1.4 percent, the first gain since April.", "the first gain since April", False),
])
def test_the_first_change_since_a_month(tmp_path, repo_root, period, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", period, lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.streak")]), found


# "Double-digit growth", 두 자릿수 증가율 is the size of the item's percent change: November 2025
# chips +38.6%, exports +8.4%, the U.S. -0.2%; October 2025 ships +131.2%. Not a multiple.
@pytest.mark.parametrize("period, lang, body, stated, ok", [
    ("2025-11", "en", "Chip exports posted double-digit growth.", "double-digit", True),
    ("2025-11", "en", "Exports posted double-digit growth.", "double-digit", False),
    ("2025-11", "en", "Exports to the U.S. fell by double digits.", "double digits", False),
    ("2025-11", "ko", "반도체 수출은 두 자릿수 증가율을 이어갔다.", "두 자릿수", True),
    ("2025-11", "ko", "수출은 두 자릿수 증가율을 기록했다.", "두 자릿수", False),
    ("2025-10", "en", "Ship exports posted triple-digit growth.", "triple-digit", True),
    ("2025-10", "en", "Chip exports posted triple-digit growth.", "triple-digit", False),
])
def test_a_double_digit_change(tmp_path, repo_root, period, lang, body, stated, ok):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", period, lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if ok else [(col(body, stated), "data.percent")]), found


# The previous month as coverage names it, and a month named as the comparison's base ("versus
# October", 10월보다): November 2025 exports +2.5% on October, +8.4% on a year earlier.
@pytest.mark.parametrize("lang, body, wrong", [
    ("en", "On a monthly basis, exports rose 2.5 percent.", None),
    ("en", "Exports rose 2.5 percent month-over-month.", None),
    ("en", "Exports rose 2.5 percent sequentially.", None),
    ("en", "Exports rose 2.5 percent versus October.", None),
    ("en", "Exports rose 8.4 percent versus October.", "8.4 percent"),
    ("ko", "수출은 직전 달보다 2.5% 늘었다.", None),
    ("ko", "수출은 10월보다 2.5% 늘었다.", None),
    ("ko", "수출은 10월 대비 8.4% 증가했다.", "8.4%"),
])
def test_the_previous_month_as_coverage_names_it(tmp_path, repo_root, lang, body, wrong):
    found = errors(findings_of(write_release(tmp_path, "monthly_trade", "2025-11", lang, body), repo_root))
    assert [(f.column, f.rule_id) for f in found] == ([] if wrong is None else [(col(body, wrong), "data.percent")]), found


def test_a_korean_amount_with_man_twice_is_read_whole(tmp_path, repo_root):
    """"103만5000만달러" (만 typed for 억) is one wrong amount, not "5000만달러" after some digits."""
    body = "반면 대미국(103만5000만달러, -0.2%) 수출은 감소했다."
    found = findings_of(write_release(tmp_path, "monthly_trade", "2025-11", "ko", body), repo_root)
    assert [(f.column, f.end_column, f.rule_id) for f in errors(found)] == [
        (col(body, "103만"), col(body, "103만") + len("103만5000만달러"), "data.number")], found


def test_respectively_pairs_the_amounts_after_it_with_the_names_just_before(tmp_path, repo_root):
    """A list's figure belongs to the name before it, so a 각각 clause after another item's amount
    must still pair its amounts with its own names (the exemplar's sentence, then swapped)."""
    right = "기관형태별로는 중견기업이 9억3000만달러 흑자를 냈고, 대기업과 디지털 중개 플랫폼은 각각 37억5000만달러, 22억달러 적자를 봤다."
    assert errors(findings_of(write(tmp_path / "right", right, "ko"), repo_root)) == []
    wrong = right.replace("37억5000만달러, 22억달러", "22억달러, 37억5000만달러")
    found = errors(findings_of(write(tmp_path / "wrong", wrong, "ko"), repo_root))
    assert [(f.column, f.rule_id) for f in found] == [(col(wrong, "22억달러"), "data.number"), (col(wrong, "37억5000만달러"), "data.number")]


def test_respectively_pairs_only_the_list_straight_after_it(tmp_path, repo_root):
    """"북미와 유럽에서 각각 A, B 적자를 나타낸 가운데 아시아에서는 C 흑자": the list after 각각
    pairs with the names before it in order (North America -3,770, Europe -2,180 in 2025H1);
    Asia's 3,570 after it has its own name."""
    right = "지역별로는 북미와 유럽에서 각각 37억7000만달러, 21억8000만달러 적자를 나타낸 가운데 아시아에서는 35억7000만달러 흑자를 거뒀다."
    assert [f for f in findings_of(write(tmp_path / "right", right, "ko"), repo_root) if f.rule_id.startswith("data.")] == []
    wrong = right.replace("37억7000만달러, 21억8000만달러", "21억8000만달러, 37억7000만달러")
    found = errors(findings_of(write(tmp_path / "wrong", wrong, "ko"), repo_root))
    assert [(f.column, f.rule_id) for f in found] == [(col(wrong, "21억8000만달러"), "data.number"), (col(wrong, "37억7000만달러"), "data.number")]


@pytest.mark.parametrize("lang, body, inside", [
    ("en", "Information and communications services posted the largest half-year surplus on record, "
           "as exports linked to the electrical and electronics manufacturing sector rose sharply.", "rose"),
    ("ko", "정보·통신서비스는 전기전자 제조업 관련 수출이 크게 늘어난 결과로 반기 기준 역대 최대 흑자를 냈다.", "늘어"),
])
def test_annotation_prose_merged_into_a_sentence_is_not_checked(tmp_path, repo_root, lang, body, inside):
    """The 2025H1 annotation on the ICS record ("Exports linked to … rose sharply." / "… 늘어난
    결과다.") joined to the record sentence, lower-cased or with another ending: its direction is
    the office's word, not checked; the record claim outside it still is (professional and
    business services set no record in 2025H1)."""
    assert [f for f in findings_of(write(tmp_path / "right", body, lang), repo_root) if f.rule_id.startswith("data.")] == []
    wrong = body.replace("Information and communications services", "Professional and business services") if lang == "en" \
        else body.replace("정보·통신서비스", "전문·사업서비스")
    found = [f for f in findings_of(write(tmp_path / "wrong", wrong, lang), repo_root) if f.rule_id.startswith("data.")]
    assert [f.rule_id for f in found] == ["data.record"], found
    assert all(f.column < col(wrong, inside) or f.column > col(wrong, inside) + len(inside) for f in found)


@pytest.mark.parametrize("lang, body, wrong", [
    # 2024-11: inflation 1.5%, below 2.0% for three months (Sept 1.6, Oct 1.3, Nov 1.5; config streaks: below 2.0).
    ("en", "Consumer prices rose 1.5 percent from a year earlier, staying below 2.0 percent for the third straight month.",
     ("third straight month", "fourth straight month")),
    ("ko", "소비자물가는 1년 전보다 1.5% 상승했다. 2.0% 미만은 3개월 연속이다.", ("3개월 연속", "4개월 연속")),
])
def test_a_threshold_streak_is_read_as_a_threshold(tmp_path, repo_root, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", "2024-11", lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2024-11", lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.streak"], found


def test_a_korean_streak_counted_in_native_words_is_read(tmp_path, repo_root):
    """석 달, 넉 달 (three, four months) count as 3 and 4: 2024-12, below 2.0% Sep..Dec = 4 months."""
    body = "물가 상승률은 넉 달 연속 2%를 밑돌았다."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2024-12", "ko", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2024-12", "ko", body.replace("넉 달", "석 달")), repo_root))
    assert [f.rule_id for f in found] == ["data.streak"], found


@pytest.mark.parametrize("period, lang, body, wrong", [
    # 2025-02: the rate slowed from 2.2% to 2.0% while the index rose 2.0% on a year earlier.
    ("2025-02", "ko", "소비자물가 상승률은 1월 2.2%에서 2월 2.0%로 둔화했다.", ("둔화했다", "확대됐다")),
    ("2025-02", "en", "Consumer inflation eased to 2.0 percent in February.", ("eased", "rose")),
    # 2023-03: core inflation (ex food and energy) 4.0% in February and March; its index rose 4.0% on-year.
    ("2023-03", "en", "Core inflation held steady at 4.0 percent.", ("held steady", "rose")),
    # 2024-07: the rate rose from 2.4% to 2.6%, in the 2% range for the fourth month: 유지 is the band's.
    ("2024-07", "ko", "7월 소비자물가 상승률은 2.6%로 4개월 연속 2%대를 유지했다.", ("2.6%로 4개월 연속 2%대를 유지했다", "2.6%로 높아진 뒤 유지됐다")),
    # 2025-11: inflation 2.4% as in October, while the index rose 2.4% on a year earlier.
    ("2025-11", "en", "Inflation stayed at 2.4 percent, unchanged from October.", ("unchanged from", "rising from")),
    ("2025-11", "en", "Inflation stayed at 2.4 percent in November, unchanged from October.", ("unchanged from", "rising from")),
    # 2025-10: the rate rose from 2.1% to 2.4% while the month-on-month rate slowed from 0.5% to 0.3%.
    ("2025-10", "en", "Inflation accelerated to 2.4 percent in October.", ("accelerated", "slowed")),
    ("2025-10", "ko", "소비자물가 상승률은 2.4%로 확대됐다.", ("확대됐다", "둔화했다")),
    # 2025-06: the index was flat on the month (0.0%) while the on-year rate rose.
    ("2025-06", "en", "Consumer prices were flat from the previous month in June.", ("were flat", "fell")),
])
def test_a_direction_whose_subject_is_the_rate_is_the_rates(tmp_path, repo_root, period, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", period, lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", period, lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.direction"], found


@pytest.mark.parametrize("lang, body, wrong", [
    # 2025-06: processed food 4.6%, dining out 3.1% ("dining-out prices": the hyphenated name, and
    # "prices" after it is its head noun, not the total's name).
    ("en", "Processed food and dining-out prices rose 4.6 percent and 3.1 percent, respectively.", ("4.6 percent and 3.1", "3.1 percent and 4.6")),
    ("ko", "가공식품과 외식 물가는 각각 4.6%, 3.1% 올랐다.", ("4.6%, 3.1%", "3.1%, 4.6%")),
])
def test_respectively_pairs_percentages_with_the_names_before(tmp_path, repo_root, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-06", lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-06", lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.percent", "data.percent"], found


@pytest.mark.parametrize("lang, body, wrong", [
    # 2025-09: the on-year rate rose from 1.7% to 2.1% (+0.4 pp); the month-on-month rate rose from
    # -0.1% to 0.5% (+0.6 pp), which is not the change of the rate whose base the clause states.
    ("ko", "상승률은 전월(1.7%)보다 0.4%포인트 높아졌다.", ("0.4%포인트", "0.6%포인트")),
    ("en", "Inflation accelerated 0.4 percentage point from 1.7 percent in August.", ("0.4 percentage", "0.6 percentage")),
])
def test_a_change_in_points_is_of_the_rate_whose_base_the_clause_states(tmp_path, repo_root, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-09", lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-09", lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


@pytest.mark.parametrize("period, lang, body, wrong", [
    # 2024-04: 2.9%, back in the 2% range after 3.1% in February and March (no run of the band yet);
    # 2024-03: 3.1%, in the 3% range.
    ("2024-04", "ko", "4월 소비자물가는 1년 전보다 2.9% 올라 석 달 만에 2%대로 내려왔다.", ("2%대로", "3%대로")),
    ("2024-03", "en", "Inflation stayed in the 3 percent range in March.", ("3 percent range", "2 percent range")),
    # 2025-08: 1.7%, in the 1% range for the first time in nine months (the 2% range ran June-July).
    ("2025-08", "ko", "8월 소비자물가 상승률은 1.7%로 9개월 만에 1%대로 내려왔다.", ("1%대로", "3%대로")),
])
def test_a_band_without_a_run_is_the_band_of_the_rate(tmp_path, repo_root, period, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", period, lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", period, lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


@pytest.mark.parametrize("lang, body, wrong", [
    # 2025-09: the all-items index 117.06 (2020 = 100), 116.45 in August.
    ("en", "The consumer price index stood at 117.06 (2020=100).", ("117.06", "117.60")),
    ("en", "The consumer price index rose to 117.06 from 116.45.", ("116.45", "116.54")),
    # August's index stated as September's: a base period's index only counts as a base.
    ("en", "The CPI stood at 117.06 in September.", ("117.06", "116.45")),
    ("ko", "소비자물가지수는 117.06(2020=100)으로 집계됐다.", ("117.06", "117.60")),
])
def test_an_index_level_is_checked_against_the_index(tmp_path, repo_root, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-09", lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-09", lang, body.replace(*wrong)), repo_root))
    assert [(f.rule_id, f.column) for f in found] == [("data.number", col(body, wrong[0]))], found


def test_a_name_with_prices_for_products_names_the_item(tmp_path, repo_root):
    """"oil prices" for "oil products" (2024-02: petroleum -1.5%, the all-items index +3.1%)."""
    body = "Oil prices fell 1.5 percent from a year earlier."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2024-02", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2024-02", "en", body.replace("1.5", "1.2")), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


@pytest.mark.parametrize("period, lang, body, wrong", [
    # 2023-06: utilities 25.9%, the highest since March 2023 (28.4%): March's rate is the record's
    # reference, not the figure's. 2025-08: agri 4.8%, the highest since July 2024 (5.5%).
    ("2023-06", "en", "Electricity, gas and water charges rose 25.9 percent, the highest since March.", ("25.9", "28.4")),
    ("2023-06", "ko", "전기·가스·수도는 25.9% 올라 3월 이후 최고 상승률을 기록했다.", ("25.9", "28.4")),
    ("2025-08", "ko", "농축수산물은 4.8% 올라 지난해 7월 이후 최고 상승률을 보였다.", ("4.8", "5.5")),
])
def test_a_since_period_after_a_figure_is_not_the_figures_period(tmp_path, repo_root, period, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", period, lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", period, lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


def test_a_record_is_of_the_item_named_before_it(tmp_path, repo_root):
    """2025-08: inflation 1.7%, the lowest since November 2024 (nine months); mobile phone charges,
    named after the record word, have no record."""
    body = "Inflation slowed to 1.7 percent in August, the lowest in nine months, as mobile phone charges fell 21.0 percent."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-08", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-08", "en", body.replace("nine", "ten")), repo_root))
    assert [f.rule_id for f in found] == ["data.record"], found


def test_a_streak_of_a_band_the_release_keeps_no_streaks_of_is_only_a_warning(tmp_path, repo_root):
    """2024-10: 1.6% and 1.3% (two months in the 1% range); config keeps streaks of the 2% range and
    of below 2% only, so "두 달 연속 1%대" can be neither confirmed nor refuted, while the 2% range's is."""
    found = findings_of(write_release(tmp_path, "consumer_prices", "2024-10", "ko", "물가 상승률은 두 달 연속 1%대에 머물렀다."), repo_root)
    assert found and {(f.level, f.rule_id) for f in found} == {("warning", "data.unverifiable")}, found
    (tmp_path / "w").mkdir()
    found = findings_of(write_release(tmp_path / "w", "consumer_prices", "2024-07", "ko", "물가 상승률은 5개월 연속 2%대에 머물렀다."), repo_root)
    assert [f.rule_id for f in errors(found)] == ["data.streak"], found


@pytest.mark.parametrize("lang, body", [
    # 2025-11: the index fell 0.2% on the month after rises in September and October; the data keeps
    # streaks of on-year changes only, so a month-on-month streak is neither confirmed nor refuted.
    ("ko", "전월 대비로는 0.2% 내려 석 달 만에 하락 전환했다."),
    ("en", "Consumer prices fell 0.2 percent month-on-month, the first monthly decline in three months."),
])
def test_a_month_on_month_streak_without_such_streaks_in_the_data_is_a_warning(tmp_path, repo_root, lang, body):
    found = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", lang, body), repo_root)
    assert [(f.level, f.rule_id) for f in found if f.rule_id.startswith("data.")] == [("warning", "data.unverifiable")], found


def test_a_straight_monthly_decline_is_an_on_year_streak(tmp_path, repo_root):
    """2024-02: petroleum fell on a year earlier for 13 months (February 2023 on)."""
    body = "Oil prices fell 1.5 percent, the 13th straight monthly decline."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2024-02", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2024-02", "en", body.replace("13th", "12th")), repo_root))
    assert [f.rule_id for f in found] == ["data.streak"], found


def test_a_name_with_inflation_for_prices_names_the_item(tmp_path, repo_root):
    """"living-cost inflation" for "living-cost prices" (2025-11: 2.9%, from 2.5% in October)."""
    body = "Living-cost inflation accelerated to 2.9 percent."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-11", "en", body.replace("2.9", "2.7")), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


def test_a_gap_from_a_rate_in_parentheses_is_in_points(tmp_path, repo_root):
    """2025-10: 2.4% from 2.1% in September (+0.3 pp); the month-on-month change was also 0.3%,
    so "0.3%" after "(2.1%)보다" would otherwise match a figure of the data."""
    body = "10월 소비자물가 상승률은 2.4%로 전달(2.1%)보다 0.3%포인트 확대됐다."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-10", "ko", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-10", "ko", body.replace("0.3%포인트", "0.3%")), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


def test_a_streak_in_part_of_a_band_is_only_a_warning(tmp_path, repo_root):
    """2025-11: 2.4% in October and November (두 달 연속 2%대 중반), the 2% range for three months."""
    found = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", "ko",
                                      "11월 소비자물가가 1년 전보다 2.4% 오르며 두 달 연속 2%대 중반을 기록했다."), repo_root)
    assert [(f.level, f.rule_id) for f in found if f.rule_id.startswith("data.")] == [("warning", "data.unverifiable")], found


def test_a_base_phrase_after_a_from_rate_dates_that_rate(tmp_path, repo_root):
    """2025-11: core inflation 2.0%, 2.2% in October: "a month earlier" dates the 2.2%, it is not the
    basis of the 2.0% (an on-year rate)."""
    body = "Core inflation slowed to 2.0% from 2.2% a month earlier."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-11", "en", body.replace("2.0%", "2.1%")), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


def test_a_name_in_a_defining_relative_clause_is_not_an_item_of_the_figures(tmp_path, repo_root):
    """2025-11: "prices" (the total's name) inside ", which strips out … prices," describes core inflation."""
    body = "Core inflation, which strips out volatile food and energy prices, slowed to 2.0% from 2.2% a month earlier."
    right = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", "en", body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", "2025-11", "en", body.replace("2.2%", "2.3%")), repo_root))
    assert [f.rule_id for f in found] == ["data.percent"], found


def test_a_base_word_inside_an_item_name_names_no_base(tmp_path, repo_root):
    """전기 (the previous period) inside 전기·가스·수도 must not make "1년 전보다 … 상승" a change on
    the previous month (2023-01: utilities +28.3% year on year, no index a month back checked)."""
    body = "전기·가스·수도는 1년 전보다 28.3% 상승했다."
    found = findings_of(write_release(tmp_path, "consumer_prices", "2023-01", "ko", body), repo_root)
    assert [f for f in found if f.rule_id.startswith("data.")] == [], found


@pytest.mark.parametrize("period, lang, body, wrong", [
    # 2023-12: 3.2%, the lowest since July 2023 (five months back); June 2.7 and July 2.4 were lower.
    ("2023-12", "en", "Inflation eased to 3.2 percent in December, the lowest in five months.", ("five months", "six months")),
    ("2023-12", "en", "Inflation eased to 3.2 percent in December, the lowest in five months.", ("lowest", "highest")),
    ("2023-12", "ko", "12월 소비자물가 상승률은 3.2%로 5개월 만에 최저를 기록했다.", ("5개월", "6개월")),
    ("2023-12", "ko", "12월 소비자물가 상승률은 3.2%로 5개월 만에 최저를 기록했다.", ("최저", "최고")),
    # 2024-04: the on-year rate 2.9% is the lowest since January (three months); the month-on-month
    # 0.0% is the lowest since December 2023 (four months), which is not what the clause is about.
    ("2024-04", "en", "Consumer prices rose 2.9 percent on-year in April, the lowest in three months.", ("three months", "four months")),
    ("2024-04", "ko", "상승률은 3월(3.1%)보다 0.2%p 낮아져 3개월 만에 최저를 기록했다.", ("3개월", "4개월")),
    # 2024-10: petroleum -10.9%, the lowest since August 2023 (-11.0%): a steepest decline is a low.
    ("2024-10", "en", "Petroleum product prices fell 10.9 percent, the steepest decline since August 2023.", ("August 2023", "September 2023")),
    ("2025-10", "en", "Consumer inflation rose to 2.4 percent in October, a 15-month high.", ("15-month", "16-month")),
    # 2025-10: 2.4%, the highest since July 2024 (2.6%), 15 months back, however the months are written.
    ("2025-10", "ko", "10월 소비자물가 상승률은 2.4%로 1년 3개월 만에 최고치를 기록했다.", ("3개월", "4개월")),
    ("2025-10", "ko", "10월 소비자물가 상승률은 2.4%로 15개월 만의 최고치다.", ("15개월", "16개월")),
    ("2025-10", "en", "Inflation rose to 2.4 percent, the highest level in 15 months.", ("15 months", "16 months")),
    ("2025-10", "en", "Inflation rose to 2.4 percent, its fastest pace since July last year.", ("July", "June")),
    # 2024-02: petroleum -1.5%, the highest since October 2023 (-1.3%): the smallest decline is a high.
    ("2024-02", "en", "Fuel prices fell 1.5 percent, the smallest decline since October.", ("smallest", "steepest")),
])
def test_a_record_is_of_its_end_its_rate_and_the_months_it_counts(tmp_path, repo_root, period, lang, body, wrong):
    right = findings_of(write_release(tmp_path, "consumer_prices", period, lang, body), repo_root)
    assert [f for f in right if f.rule_id.startswith("data.")] == [], right
    (tmp_path / "w").mkdir()
    found = errors(findings_of(write_release(tmp_path / "w", "consumer_prices", period, lang, body.replace(*wrong)), repo_root))
    assert [f.rule_id for f in found] == ["data.record"], found


def _mutated_amounts(md: Path, lang: str):
    """Each money figure of a committed draft with its first non-zero digit changed: (file text, line, column, original)."""
    from generator.check.amounts import find_mentions

    lines = md.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    for number, line in enumerate(lines[closing + 1:], closing + 2):
        if line.startswith("#"):
            continue
        for m in find_mentions(line, lang):
            if m.kind != "money":
                continue
            digit = re.search(r"[1-9]", m.text)
            wrong = m.text[:digit.start()] + str(int(digit.group(0)) % 9 + 1) + m.text[digit.end():]
            changed = list(lines)
            changed[number - 1] = line[:m.start] + wrong + line[m.end:]
            yield "\n".join(changed), number, m.start + 1, m.text


@pytest.mark.parametrize("release, period, lang, needed", [
    # The lead's balance and the exports and imports of knowledge services; trade's top destinations.
    ("knowledge_services", "2025H1", "en", {"4.53 billion dollars", "19.71 billion dollars", "24.24 billion dollars"}),
    ("knowledge_services", "2025H1", "ko", {"45억3000만달러", "197억1000만달러", "242억4000만달러"}),
    ("monthly_trade", "2025-11", "en", {"$1.73 billion", "$3.28 billion"}),
    ("monthly_trade", "2025-11", "ko", {"17억3000만달러", "32억8000만달러"}),
])
def test_a_wrong_amount_gets_a_suggestion_that_restores_the_original(tmp_path, repo_root, release, period, lang, needed):
    """A digit typo in a committed draft's amount: where the sentence gives one right value, the
    suggestion is that value written as the draft wrote it; no suggestion is ever another number."""
    restored = set()
    for index, (text, line, column, original) in enumerate(_mutated_amounts(repo_root / "output" / release / period / f"release.{lang}.md", lang)):
        path = tmp_path / f"{index}" / period / f"release.{lang}.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        found = [f for f in findings_of(path, repo_root) if f.line == line and f.column == column and f.suggestion]
        for finding in found:
            assert finding.rule_id == "data.number" and finding.suggestion.text == original, (original, finding)
            assert (finding.suggestion.column, finding.suggestion.end_column) == (column, column + len(original))
            restored.add(original)
    assert needed <= restored, needed - restored


# -- bases named other ways, each bound to its period (issue 10, cause 1 and 2) ---------------

@pytest.mark.parametrize("lang, period, body, wrong", [
    # 3.5 billion is 2024H1 (a year earlier), 3.76 billion 2024H2 (the previous half).
    ("en", "2025H1", "The deficit widened from 3.5 billion dollars in the preceding half to 4.53 billion dollars.", "3.5 billion dollars"),
    ("en", "2025H1", "The deficit came in at 4.53 billion dollars against 3.5 billion dollars in H2 2024.", "3.5 billion dollars"),
    ("en", "2025H1", "The deficit grew 20.5% from the same half a year before.", "20.5%"),
    ("ko", "2025H1", "지식서비스 적자는 반년 새 35억달러에서 45억3000만달러로 커졌다.", "35억달러"),
    ("ko", "2025H1", "지식서비스 수지 적자는 1년 새 20.5% 불어났다.", "20.5%"),
    ("ko", "2025H1", "지난해 1~6월(37억6000만달러)보다 적자 폭이 확대됐다.", "37억6000만달러"),
    ("ko", "2025H1", "적자는 전 반기보다 10억3000만달러 많은 45억3000만달러였다.", "10억3000만달러"),
    # 2023H1 has no figure a year earlier: 4.74 billion is the previous half's (2022H2).
    ("en", "2023H1", "In the first half of 2023, the deficit narrowed to 2.72 billion dollars from 4.74 billion dollars a year earlier.", "4.74 billion dollars"),
    ("ko", "2023H1", "2023년 상반기 적자는 27억2000만달러로 1년 전(47억4000만달러)보다 줄었다.", "47억4000만달러"),
])
def test_a_base_named_another_way_binds_the_figure_to_its_period(tmp_path, repo_root, lang, period, body, wrong):
    found = findings_of(write(tmp_path, body, lang, period), repo_root)
    assert [f.column for f in errors(found)] == [col(body, wrong)], found


@pytest.mark.parametrize("lang, period, body", [
    ("en", "2025H1", "The deficit widened from 3.76 billion dollars in the preceding half to 4.53 billion dollars."),
    ("en", "2025H1", "The deficit came in at 4.53 billion dollars against 3.76 billion dollars in H2 2024."),
    ("en", "2025H1", "The deficit grew 29.4% from the same half a year before."),
    ("ko", "2025H1", "지식서비스 적자는 1년 새 35억달러에서 45억3000만달러로 커졌다."),
    ("ko", "2025H1", "직전 반기인 지난해 7∼12월(37억6000만달러)보다 적자 폭이 확대됐다."),
    ("ko", "2025H1", "적자는 전 반기보다 7억7000만달러 많은 45억3000만달러였다."),
    ("ko", "2025H1", "2024년 하반기 37억6000만달러였던 적자는 올 상반기 45억3000만달러로 늘었다."),
])
def test_a_base_named_another_way_accepts_its_own_figure(tmp_path, repo_root, lang, period, body):
    assert errors(findings_of(write(tmp_path, body, lang, period), repo_root)) == []


# -- editors' own names for items (issue 10, cause 3) ------------------------------------------

@pytest.mark.parametrize("lang, period, body, right, wrong", [
    # Korean spacing and glosses: pbs -4,480, pbs.rnd -3,090, ics +1,960.
    ("ko", "2025H1", "전문·사업 서비스 적자는 {}였다.", "44억8000만달러", "45억3000만달러"),
    ("ko", "2025H1", "연구개발(R&D)서비스 적자는 {}로 집계됐다.", "30억9000만달러", "35억달러"),
    ("ko", "2025H1", "정보·통신 서비스 흑자는 {}였다.", "19억6000만달러", "12억8000만달러"),
    # 연구개발 for R&D, 권 on each part, 대미 for the United States.
    ("ko", "2025H1", "연구개발 관련 산업재산권 적자는 {}였다.", "7억7000만달러", "17억5000만달러"),
    ("ko", "2025H1", "상표권·프랜차이즈권 적자는 {}였다.", "9억9000만달러", "6억5000만달러"),
    ("ko", "2024", "대미 적자는 {}였다.", "56억1000만달러", "57억3000만달러"),
    # midsize, IP, R&D-related, the U.S.
    ("en", "2025H1", "Midsize companies logged a surplus of {}.", "930 million dollars", "1.03 billion dollars"),
    ("en", "2025H1", "The IP deficit came to {}.", "2.45 billion dollars", "1.44 billion dollars"),
    ("en", "2025H1", "R&D-related industrial property rights showed a deficit of {}.", "770 million dollars", "470 million dollars"),
    ("en", "2024", "The deficit with the U.S. was {} last year.", "5.61 billion dollars", "5.73 billion dollars"),
])
def test_an_item_named_the_editors_way_is_judged_against_that_item(tmp_path, repo_root, lang, period, body, right, wrong):
    assert errors(findings_of(write(tmp_path / "right", body.format(right), lang, period), repo_root)) == []
    found = errors(findings_of(write(tmp_path / "wrong", body.format(wrong), lang, period), repo_root))
    assert [(f.rule_id, f.column) for f in found] == [("data.number", col(body.format(wrong), wrong))], found


def test_a_change_written_as_larger_or_smaller_is_a_change(tmp_path, repo_root):
    """"$1.03 billion larger than in January-June 2024" states the year-on-year widening (4,530 - 3,500)."""
    body = "Versus the January-June period of 2024, the shortfall was 1.03 billion dollars larger."
    assert errors(findings_of(write(tmp_path / "right", body), repo_root)) == []
    wrong = body.replace("1.03 billion", "770 million")  # 770 is the widening on the previous half
    assert [f.rule_id for f in errors(findings_of(write(tmp_path / "wrong", wrong), repo_root))] == ["data.number"]


def test_financial_press_shorthand_bn_is_read_as_billions(tmp_path, repo_root):
    from generator.check.fix import restyle

    assert errors(findings_of(write(tmp_path / "right", "The knowledge services deficit swelled to $4.53bn."), repo_root)) == []
    found = findings_of(write(tmp_path / "wrong", "The knowledge services deficit swelled to $4.35bn."), repo_root)
    assert [f.rule_id for f in errors(found)] == ["data.number"]
    # The house-style message names the amount whole, and --fix keeps away from a style it cannot write.
    assert [f.message for f in found if f.rule_id == "en.money-style"] == ["write '4.35 billion dollars' instead of '$4.35bn' (house money style)"]
    assert restyle("$4.35bn", "en", 4530) is None


# -- percentages of balances, signs and streaks as Korean and wire copy write them -------------

@pytest.mark.parametrize("lang, body, right, wrong, rule", [
    # ics +1,280 -> +1,960: 53.1%; 71.9% is platform services' share of it, not a change.
    ("ko", "정보·통신서비스 흑자는 6억8000만달러 늘어 {} 증가했다.", "53.1%", "71.9%", "data.percent"),
    # content.games is 90.0% of the content industry's +2,510 (2,260); 76.6% is its share of the surpluses' sum.
    ("en", "Games accounted for {} of the content industry's surplus.", "90 percent", "71.9 percent", "data.percent"),
    # "적자는 19억6000만달러": ics had a surplus.
    ("ko", "정보·통신서비스 {}는 19억6000만달러였다.", "흑자", "적자", "data.sign"),
    # "3개 반기 연속": the total has been in deficit, not surplus, for at least three halves.
    ("ko", "지식서비스 무역수지는 3개 반기 연속 {}를 냈다.", "적자", "흑자", "data.streak"),
    # A bare "compared with $X" is the base, of either basis.
    ("en", "The deficit came to 4.53 billion dollars, compared with {}.", "3.76 billion dollars", "3.67 billion dollars", "data.number"),
])
def test_korean_and_wire_forms_of_percents_signs_and_streaks(tmp_path, repo_root, lang, body, right, wrong, rule):
    assert errors(findings_of(write(tmp_path / "right", body.format(right), lang), repo_root)) == []
    found = errors(findings_of(write(tmp_path / "wrong", body.format(wrong), lang), repo_root))
    assert [f.rule_id for f in found] == [rule], found


def test_a_korean_sign_word_before_another_amount_is_not_this_amounts(tmp_path, repo_root):
    """"중견기업 흑자는 9억3000만달러, 대기업은 37억5000만달러였다": 흑자 belongs to the first amount only."""
    body = "중견기업 흑자는 9억3000만달러, 대기업은 37억5000만달러 적자였다."
    assert errors(findings_of(write(tmp_path, body, "ko"), repo_root)) == []
    body = "중견기업 흑자는 9억3000만달러, 대기업은 37억5000만달러였다."
    assert errors(findings_of(write(tmp_path, body, "ko"), repo_root)) == []


# -- hedged figures and record words (issue 10, causes 4 and 5) --------------------------------

@pytest.mark.parametrize("lang, body, ok", [
    # ics +53.1% on the previous half; the total's deficit +29.4% on a year earlier, 4,530 in all.
    ("en", "The surplus in information and communications services jumped more than 50 percent.", True),
    ("en", "The surplus in information and communications services jumped more than 60 percent.", False),
    ("en", "The deficit widened by nearly 30 percent from a year earlier.", True),
    ("en", "The deficit widened by more than 30 percent from a year earlier.", False),
    ("en", "The knowledge services deficit came to more than 4 billion dollars.", True),
    ("en", "The knowledge services deficit came to more than 5 billion dollars.", False),
    ("ko", "정보·통신서비스 흑자는 50% 넘게 늘었다.", True),
    ("ko", "적자는 1년 전보다 30% 가까이 불었다.", True),
    ("ko", "적자는 1년 전보다 30% 넘게 불었다.", False),
    ("ko", "지식서비스 적자는 45억달러를 넘었다.", True),
    ("ko", "지식서비스 적자는 46억달러를 넘었다.", False),
])
def test_a_hedged_figure_states_a_range(tmp_path, repo_root, lang, body, ok):
    found = errors(findings_of(write(tmp_path, body, lang), repo_root))
    assert (found == []) == ok, found
    assert all(f.suggestion is None for f in found)  # a range has no one number to restore


@pytest.mark.parametrize("lang, body", [
    ("en", "The game industry's surplus hit a new high of 2.26 billion dollars."),
    ("en", "The deficit in professional and business services has never been larger."),
    ("en", "Platform services' surplus of 1.41 billion dollars was unprecedented."),
    ("ko", "연구개발서비스 적자 규모는 역대 가장 컸다."),
    ("ko", "콘텐츠산업 흑자는 25억1000만달러로 최고 기록을 세웠다."),
    ("ko", "게임산업 흑자는 22억6000만달러로 종전 최대치를 넘어섰다."),
])
def test_record_wording_variants_are_record_claims(tmp_path, repo_root, lang, body):
    assert [f.rule_id for f in errors(findings_of(write(tmp_path, body, lang), repo_root))] == ["data.record"]


def test_a_record_variant_of_an_asserted_record_passes(tmp_path, repo_root):
    body = "Information and communications services' surplus of 1.96 billion dollars was unprecedented, a new high."
    assert errors(findings_of(write(tmp_path, body), repo_root)) == []


# -- lists of names and amounts (issue 10, cause 3) --------------------------------------------

@pytest.mark.parametrize("lang, right, wrong", [
    # North America -3,770, Europe -2,180: the names after the amounts, before "respectively".
    ("en", "South Korea ran deficits of 3.77 billion dollars and 2.18 billion dollars with North America and Europe, respectively.",
     "South Korea ran deficits of 2.18 billion dollars and 3.77 billion dollars with North America and Europe, respectively."),
    # inst.midsize +930, inst.individuals +510 ("individuals and others"): in order, "respectively" unsaid.
    ("en", "Mid-sized firms and individuals posted surpluses of 930 million dollars and 510 million dollars.",
     "Mid-sized firms and individuals posted surpluses of 510 million dollars and 930 million dollars."),
    ("ko", "대기업과 디지털 중개 플랫폼은 37억5000만달러, 22억달러 적자를 냈다.",
     "대기업과 디지털 중개 플랫폼은 22억달러, 37억5000만달러 적자를 냈다."),
    ("ko", "중견기업(9억3000만달러)과 개인(5억1000만달러)은 흑자를 냈다.", "중견기업(5억1000만달러)과 개인(9억3000만달러)은 흑자를 냈다."),
])
def test_a_list_of_names_pairs_with_a_list_of_amounts_in_order(tmp_path, repo_root, lang, right, wrong):
    assert errors(findings_of(write(tmp_path / "right", right, lang), repo_root)) == []
    assert [f.rule_id for f in errors(findings_of(write(tmp_path / "wrong", wrong, lang), repo_root))] == ["data.number"] * 2


def test_one_name_with_several_amounts_is_no_list(tmp_path, repo_root):
    body = "The ICT industry posted a surplus of 1.57 billion dollars on exports of 6.37 billion dollars and imports of 4.8 billion dollars."
    assert errors(findings_of(write(tmp_path, body), repo_root)) == []


@pytest.mark.parametrize("lang, body, ok", [
    # Within a half-year release the other half needs no year: 2024H2 -3,760, 2024H1 -3,500.
    ("en", "The July-December period saw a deficit of 3.76 billion dollars.", True),
    ("en", "The July-December period saw a deficit of 3.5 billion dollars.", False),
    ("ko", "상반기 적자는 하반기(37억6000만달러)보다 커졌다.", True),
    ("ko", "상반기 적자는 하반기(35억달러)보다 커졌다.", False),
    # "about 1.5 times": ics 1,960 / 1,280 = 1.53.
    ("en", "The surplus in information and communications services grew about 1.5 times.", True),
    ("en", "The surplus in information and communications services grew about 1.8 times.", False),
    # "down from" and "up from" are directions: performances and exhibitions 180 -> 200.
    ("en", "Performances and exhibitions posted a surplus of 200 million dollars, up from 180 million dollars.", True),
    ("en", "Performances and exhibitions posted a surplus of 200 million dollars, down from 180 million dollars.", False),
])
def test_unyeared_halves_about_multiples_and_up_down(tmp_path, repo_root, lang, body, ok):
    assert (errors(findings_of(write(tmp_path, body, lang), repo_root)) == []) == ok


def test_an_imports_percent_is_never_the_exports_or_the_balances(tmp_path, repo_root):
    """2025H1's data has no imports figure for 2024H2, but exports (18,500) and the balance (-3,760)
    give it: 22,260, so imports rose 8.9% to 24,240. "imports rose 6.5%" (the exports' change) is
    never confirmed by another metric's percent: an error that says the imports' 8.9%; the right
    8.9% passes. A percent of a metric with no data on its base at all stays a warning."""
    body = "Exports gained 6.5% to 19.71 billion dollars, while imports rose 6.5% to 24.24 billion dollars."
    found = [f for f in findings_of(write(tmp_path, body), repo_root) if f.rule_id.startswith("data.")]
    second = body.rindex("6.5%") + 1
    assert [(f.level, f.rule_id) for f in found if f.column == second] == [("error", "data.percent")]
    assert "8.9%" in next(f.message for f in found if f.column == second)
    other = body.replace("imports rose 6.5%", "imports rose 8.9%")
    found = [f for f in findings_of(write(tmp_path, other), repo_root) if f.rule_id.startswith("data.")]
    assert [f for f in found if f.column == second] == []
    assert errors(found) == []
    # The ICT industry's imports have no base on the previous half at all: unverifiable, not another metric's.
    ict = "The ICT industry's imports rose 6.5% from the previous half."
    found = [f for f in findings_of(write(tmp_path, ict), repo_root) if f.rule_id.startswith("data.")]
    assert found and {(f.level, f.rule_id) for f in found} == {("warning", "data.unverifiable")}


@pytest.mark.parametrize("lang, body, ok", [
    # Wire and daily headline money: "$4.53 bln", "45억弗" (the total's deficit 4,530).
    ("en", "# S.Korea knowledge services deficit widens to $4.53 bln", True),
    ("en", "# S.Korea knowledge services deficit widens to $4.35 bln", False),
    ("ko", "# 상반기 지식서비스 적자 45억弗", True),
    ("ko", "# 상반기 지식서비스 적자 54억弗", False),
    # Sign words: a shortfall, in the red (ics and Asia had surpluses, North America a deficit).
    ("en", "Information and communications services ran a shortfall of 1.96 billion dollars.", False),
    ("en", "Asia was in the red by 3.57 billion dollars.", False),
    ("en", "North America was in the red by 3.77 billion dollars.", True),
    # "down 6.5%": exports rose 6.5% on the previous half.
    ("en", "Knowledge services exports were up 6.5% on the previous half at 19.71 billion dollars.", True),
    ("en", "Knowledge services exports were down 6.5% on the previous half at 19.71 billion dollars.", False),
])
def test_headline_money_sign_words_and_down(tmp_path, repo_root, lang, body, ok):
    assert (errors(findings_of(write(tmp_path, body, lang), repo_root)) == []) == ok


@pytest.mark.parametrize("lang, right, wrong", [
    # Two bases in one sentence: each figure is on the base next to it (20.5% / 770 on 2024H2,
    # 29.4% / 1,030 on 2024H1; the bases -3,760 and -3,500).
    ("en", "The deficit widened 20.5% from the previous half and 29.4% from a year earlier.",
     "The deficit widened 29.4% from the previous half and 20.5% from a year earlier."),
    ("en", "The deficit widened by 770 million dollars from the previous half and by 1.03 billion dollars from a year earlier.",
     "The deficit widened by 1.03 billion dollars from the previous half and by 770 million dollars from a year earlier."),
    ("en", "The deficit came to 4.53 billion dollars, versus 3.76 billion dollars in the prior half and 3.5 billion dollars a year earlier.",
     "The deficit came to 4.53 billion dollars, versus 3.5 billion dollars in the prior half and 3.76 billion dollars a year earlier."),
    ("ko", "적자는 직전 반기보다 20.5%, 1년 전보다 29.4% 늘었다.", "적자는 직전 반기보다 29.4%, 1년 전보다 20.5% 늘었다."),
    ("ko", "적자는 직전 반기(37억6000만달러)와 1년 전(35억달러)보다 모두 커졌다.", "적자는 직전 반기(35억달러)와 1년 전(37억6000만달러)보다 모두 커졌다."),
])
def test_two_bases_in_one_sentence_bind_each_figure_to_its_own(tmp_path, repo_root, lang, right, wrong):
    assert errors(findings_of(write(tmp_path / "right", right, lang), repo_root)) == []
    assert len(errors(findings_of(write(tmp_path / "wrong", wrong, lang), repo_root))) == 2


def test_us_dollars_name_the_currency_not_the_united_states(tmp_path, repo_root):
    found = errors(findings_of(write(tmp_path, "The deficit was 4.35 billion U.S. dollars."), repo_root))
    assert [f.rule_id for f in found] == ["data.number"] and "4.53 billion" in found[0].message
    assert errors(findings_of(write(tmp_path, "The deficit was 4.53 billion U.S. dollars."), repo_root)) == []


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_base_named_by_its_months_takes_any_dash(tmp_path, repo_root, dash):
    """January-June 2024 is 2024H1: the deficit widened 1,030 on it (770 is on 2024H2)."""
    right = f"Versus January{dash}June 2024, the shortfall was 1.03 billion dollars larger."
    assert errors(findings_of(write(tmp_path / "right", right), repo_root)) == []
    wrong = right.replace("1.03 billion", "770 million")
    assert [f.rule_id for f in errors(findings_of(write(tmp_path / "wrong", wrong), repo_root))] == ["data.number"]


def test_a_subject_the_release_does_not_name_is_not_the_total(tmp_path, repo_root):
    """"Conglomerates" (large corporations' -3,750) is no name the release knows: its figure is
    judged against the items (under "Among institutions," those of that dimension), never against
    the total's 4,530 — and a wrong one gets no suggestion, there being no one item to take it from.
    An item the release does not publish at all ("Rice prices") is unverifiable, not an error."""
    right = "Conglomerates ran a $3.75 billion deficit."
    assert errors(findings_of(write(tmp_path, right), repo_root)) == []
    wrong = errors(findings_of(write(tmp_path, "Among institutions, conglomerates ran a $3.57 billion deficit."), repo_root))
    assert [f.rule_id for f in wrong] == ["data.number"] and "any institution" in wrong[0].message
    assert wrong[0].suggestion is None
    rice = findings_of(write_release(tmp_path, "consumer_prices", "2025-11", "en", "Rice prices soared 23.1 percent."), repo_root)
    assert [(f.level, f.rule_id) for f in rice if f.rule_id.startswith("data.")] == [("warning", "data.unverifiable")]
