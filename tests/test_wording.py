"""House wording rules: every shipped rule's examples, broken rule files, suppression, Korean matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import suppress
from generator.check.document import parse_document
from generator.check.wording import default_rule_paths, example_document, lint, load_rules
from generator.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "wording"
RULES = load_rules(default_rule_paths(ROOT), ROOT)
ALL = {rule.id: rule for group in RULES.values() for rule in group}
REFERENCE = Path(__file__).resolve().parent / "fixtures" / "reference" / "exemplar-2025H1-ko.md"


def doc(body: str, language: str = "ko", period: str = "2025H1"):
    return parse_document(f"---\nlanguage: {language}\nperiod: '{period}'\n---\n{body}", "r.md")


def ids(findings):
    return [f.rule_id for f in findings]


def write_rules(tmp_path, text: str) -> dict:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rules([path], tmp_path)


def test_shipped_files_define_both_languages():
    assert set(RULES) == {"en", "ko"}
    assert all(rule.id.startswith(lang + ".") for lang, group in RULES.items() for rule in group)


@pytest.mark.parametrize("rule_id", sorted(ALL))
def test_rule_examples(rule_id):
    """Each examples_fail sentence fires the rule, each examples_pass does not; a rule without both fails."""
    rule = ALL[rule_id]
    assert rule.common.examples_fail, f"{rule_id} has no examples_fail"
    assert rule.common.examples_pass, f"{rule_id} has no examples_pass"
    assert rule.common.message and rule.common.source
    for sentence in rule.common.examples_fail:
        found = lint(example_document(rule, sentence), RULES)
        assert rule_id in ids(found), f"{rule_id} did not fire on: {sentence}"
    for sentence in rule.common.examples_pass:
        found = lint(example_document(rule, sentence), RULES)
        assert rule_id not in ids(found), f"{rule_id} fired on: {sentence}"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "In the first half of this year, the knowledge services trade balance recorded a deficit of "
           "4.53 billion dollars. The deficit widened by 770 million dollars compared to the second half of last year."),
    ("ko", "올해 상반기 지식서비스 무역수지가 45억3000만달러 적자를 기록했다. 지난해 하반기(-37억6000만달러)보다 "
           "적자 폭이 확대됐다. 전기 대비 흑자 폭은 6억6000만달러 늘었다."),
], ids=["en", "ko"])
def test_smoke_text_in_house_style_has_no_findings(language, text):
    assert lint(doc(text + "\n", language), RULES) == []


def test_korean_exemplar_is_clean():
    from generator.check.document import read_document

    assert lint(read_document(REFERENCE, "exemplar.md"), RULES) == []


BROKEN = {
    "unknown-kind.yaml": "tests/fixtures/wording/unknown-kind.yaml:4:5: unknown rule kind 'substitue'; expected one of "
    "existence, substitution, consistency, occurrence, placeholder, numberstyle (did you mean 'substitution'?)",
    "missing-message.yaml": "tests/fixtures/wording/missing-message.yaml:3:5: rule 'en.no-hype' is missing the required key 'message'",
    "bad-level.yaml": "tests/fixtures/wording/bad-level.yaml:5:5: level of rule 'en.no-hype' must be one of "
    "suggestion, warning, error, got 'eror' (did you mean 'error'?)",
    "bad-regex.yaml": "tests/fixtures/wording/bad-regex.yaml:10:9: rule 'en.no-hype' has an invalid regular expression "
    "'sky(rocket': missing ), unterminated subpattern\n  hint: escape special characters such as . ( ) [ ] ? * + with a backslash",
    "unknown-key.yaml": "tests/fixtures/wording/unknown-key.yaml:8:5: unknown key 'token' in rule 'en.no-hype'; expected one of "
    "id, kind, level, message, source, tokens, description, ignorecase, nonword, periods, examples_fail, examples_pass "
    "(did you mean 'tokens'?)",
    "bad-id.yaml": "tests/fixtures/wording/bad-id.yaml:3:5: rule id 'en.no-hype' does not follow the scheme "
    "'ko.<what-it-detects>' (lower case, words joined by '-')\n  hint: for example 'ko.no-hype'",
    "duplicate-id.yaml": "tests/fixtures/wording/duplicate-id.yaml:9:5: duplicate rule id 'en.no-hype' (first defined at "
    "tests/fixtures/wording/duplicate-id.yaml:3)\n  hint: rule ids must be unique across all wording files",
    "bad-placeholder.yaml": "tests/fixtures/wording/bad-placeholder.yaml:6:5: message of rule 'en.balance-verb' uses unknown "
    "placeholder '{replacement}'; this kind offers {match}, {old}, {new}",
    "bad-style.yaml": "tests/fixtures/wording/bad-style.yaml:8:5: 'style' in rule 'ko.money-style' must be one of "
    "compact, spaced, decimal for language ko, got 'words'",
    "bad-period.yaml": "tests/fixtures/wording/bad-period.yaml:8:15: 'periods' of rule 'ko.half-year-comparison' lists "
    "'halves'; expected some of year, half, quarter (did you mean 'half'?)",
    "bad-language.yaml": "tests/fixtures/wording/bad-language.yaml:1:1: unknown language 'kr'; expected one of en, ko",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_rule_file_gives_a_located_error(name):
    with pytest.raises(ConfigError) as err:
        load_rules([FIXTURES / name], ROOT)
    assert str(err.value) == BROKEN[name]


def test_every_broken_fixture_has_an_expected_message():
    assert sorted(p.name for p in FIXTURES.glob("*.yaml")) == sorted(BROKEN)


def test_rule_ids_must_be_unique_across_files(tmp_path):
    rule = "language: en\nrules:\n  - id: en.no-hype\n    kind: existence\n    level: warning\n    message: m\n    source: s\n    tokens: [x]\n"
    (tmp_path / "a.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^b.yaml:3:5: duplicate rule id 'en.no-hype' \(first defined at a.yaml:3\)"):
        load_rules([tmp_path], tmp_path)


def test_korean_terms_match_inside_words_and_english_terms_do_not():
    findings = lint(doc("지난해 하반기보다 적자폭이 확대됐고 흑자폭은 줄었다.\n"), RULES)
    assert [(f.rule_id, f.column, f.end_column) for f in findings] == [
        ("ko.width-spacing", 11, 14), ("ko.width-spacing", 21, 24),
    ]
    assert findings[0].message == "'적자폭' 대신 띄어 쓴 '적자 폭'"
    english = lint(doc("Growth was soaring; the soarer and Soared words.\n", "en"), RULES)
    assert [(f.rule_id, f.column) for f in english] == [("en.no-hype", 12), ("en.no-hype", 36)]


def test_nonword_can_be_switched_on_for_a_korean_rule(tmp_path):
    rules = write_rules(tmp_path, (
        "language: ko\nrules:\n  - id: ko.standalone\n    kind: existence\n    level: warning\n"
        "    message: '{match}'\n    source: s\n    nonword: true\n    tokens: [증가]\n"
    ))
    assert [f.column for f in lint(doc("수출이 증가했다. 증가 폭은 컸다.\n"), rules)] == [11]


def test_period_filter_uses_the_front_matter_period_kind():
    text = "적자 폭은 전분기 대비 커졌다.\n"
    assert ids(lint(doc(text, period="2025H1"), RULES)) == ["ko.half-year-comparison"]
    assert ids(lint(doc(text, period="2025Q1"), RULES)) == []
    assert ids(lint(parse_document(text, "r.md"), RULES)) == []  # no period, no claim


def test_lint_runs_only_the_rules_of_the_document_language():
    assert lint(doc("Exports skyrocketed! 수입이 폭증했다!\n", "en"), RULES) == lint(
        doc("Exports skyrocketed! 수입이 폭증했다!\n", "en"), RULES["en"] + RULES["ko"])
    assert set(ids(lint(doc("Exports skyrocketed! 수입이 폭증했다!\n", "en"), RULES))) == {"en.no-hype", "en.exclamation-mark"}


def test_findings_are_sorted_and_located_in_the_file():
    findings = lint(doc("# 수입 폭증!\n\n수출은 TODO였다. 작년보다\n적자폭이 커졌다.\n"), RULES)
    assert [(f.line, f.column, f.rule_id, f.level) for f in findings] == [
        (5, 6, "ko.no-hype", "warning"),
        (5, 8, "ko.exclamation-mark", "error"),
        (7, 5, "ko.placeholder", "error"),
        (7, 13, "ko.relative-period-words", "suggestion"),
        (8, 1, "ko.width-spacing", "warning"),
    ]


def test_consistency_flags_the_minority_form_or_on_a_tie_the_later_one():
    tie = lint(doc("Exports rose 5 per cent. Imports rose 2 percent.\n", "en"), RULES)
    assert [(f.rule_id, f.column, f.message) for f in tie] == [
        ("en.percent-spelling", 41, "'percent' here, 'per cent' elsewhere in this release; use one spelling")
    ]
    minority = lint(doc("Up 5 percent. Up 2 per cent. Up 3 per cent.\n", "en"), RULES)
    assert [(f.column, f.end_column) for f in minority] == [(6, 13)]


def test_occurrence_limits_per_document_and_per_sentence(tmp_path):
    rules = write_rules(tmp_path, (
        "language: en\nrules:\n"
        "  - id: en.one-however\n    kind: occurrence\n    level: suggestion\n    ignorecase: true\n"
        "    message: \"'{match}' used {count} times; at most {max}\"\n    source: s\n    token: however\n    max: 1\n"
        "  - id: en.two-commas\n    kind: occurrence\n    level: suggestion\n    scope: sentence\n"
        "    message: too many commas\n    source: s\n    token: ','\n    max: 2\n"
    ))
    findings = lint(doc("However, a, b. However, c. Then, d, e, f.\n", "en"), rules)
    assert [(f.rule_id, f.column, f.message) for f in findings] == [
        ("en.one-however", 16, "'However' used 2 times; at most 1"),
        ("en.two-commas", 38, "too many commas"),
    ]


def test_numberstyle_switches_by_style(tmp_path):
    rules = write_rules(tmp_path, (
        "language: ko\nrules:\n  - id: ko.money-spaced\n    kind: numberstyle\n    level: warning\n"
        "    style: spaced\n    message: '{expected}'\n    source: s\n"
    ))
    findings = lint(doc("적자는 45억3000만달러, 흑자는 22억 달러였다.\n"), rules)
    assert [(f.column, f.message) for f in findings] == [(5, "45억3000만 달러")]
    rules = write_rules(tmp_path, (
        "language: en\nrules:\n  - id: en.money-symbol\n    kind: numberstyle\n    level: warning\n"
        "    style: symbol\n    message: '{match} -> {expected}'\n    source: s\n"
    ))
    findings = lint(doc("A deficit of 4.53 billion dollars and $770 million.\n", "en"), rules)
    assert [f.message for f in findings] == ["4.53 billion dollars -> $4.53 billion"]


SUPPRESSION_CASES = [
    ("<!-- pressgen-disable-next-line ko.no-hype -->\n수입이 폭증했다!\n", ["ko.exclamation-mark"]),
    ("<!-- pressgen-disable-next-line ko.no-hype, ko.exclamation-mark -->\n수입이 폭증했다!\n", []),
    ("<!-- pressgen-disable-next-line all -->\n수입이 폭증했다!\n\n수출이 폭증했다.\n", ["ko.no-hype"]),
    ("<!-- pressgen-disable ko.no-hype -->\n수입이 폭증했다.\n\n수출이 폭증했다!\n<!-- pressgen-enable ko.no-hype -->\n\n폭증.\n",
     ["ko.exclamation-mark", "ko.no-hype"]),
    ("<!-- pressgen-disable all -->\n수입이 폭증했다!\n\n<!-- pressgen-enable all -->\n폭증.\n", ["ko.no-hype"]),
    ("<!-- pressgen-disable ko.no-hype -->\n수입이 폭증했다.\n\n수출이 폭증했다.\n", []),
    ("```\n<!-- pressgen-disable all -->\n```\n\n수입이 폭증했다.\n", ["ko.no-hype"]),
]


@pytest.mark.parametrize(("body", "expected"), SUPPRESSION_CASES,
                         ids=["next-line", "next-line-two", "next-line-all", "region", "region-all", "unclosed", "in-code"])
def test_suppression(body, expected):
    assert ids(lint(doc(body), RULES)) == expected


def test_suppression_comments_naming_unknown_rules_are_reported():
    document = doc("<!-- pressgen-disable-next-line ko.no-hipe -->\n폭증.\n<!-- pressgen-disable -->\n")
    findings = suppress.directive_findings(document, ALL)
    assert [(f.line, f.column, f.rule_id, f.message) for f in findings] == [
        (5, 1, "check.bad-suppression", "suppression comment names unknown rule 'ko.no-hipe' (did you mean 'ko.no-hype'?)"),
        (7, 1, "check.bad-suppression", "suppression comment 'pressgen-disable' names no rule; add a rule id or 'all'"),
    ]
