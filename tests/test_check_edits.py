"""Editors rewrite sentences in their own words; check must accept true rewrites (no false alarms)."""

from __future__ import annotations


import pytest

from generator.check.run import check_paths

FRONT = "---\nrelease: knowledge_services\nperiod: 2025H1\nlanguage: {lang}\n---\n"

REWRITES = [
    ("en", "The deficit widened by 770 million dollars from the second half of last year."),
    ("en", "Exports rose 6.5% to 19.71 billion dollars, while imports reached 24.24 billion dollars."),
    ("en", "ICT exports rose 19.3% from a year earlier to 6.37 billion dollars."),
    ("en", "Information provision and platform services posted a surplus of 1.4 billion dollars, up 660 million dollars from the previous half."),
    ("en", "The surplus in cultural and leisure services held steady at 440 million dollars."),
    ("en", "Asia posted a surplus of 3.57 billion dollars, while North America ran a deficit of 3.77 billion dollars."),
    ("ko", "수출은 전기보다 6.5% 늘어난 197억1000만달러, 수입은 242억4000만달러였다."),
    ("ko", "정보제공 및 플랫폼서비스 흑자는 14억1000만달러로 전기보다 6억6000만달러 증가했다."),
    ("ko", "지역별로 보면 아시아는 35억7000만달러 흑자, 북미는 37억7000만달러 적자였다."),
]


@pytest.mark.parametrize("lang, sentence", REWRITES, ids=[s[:40] for _, s in REWRITES])
def test_a_true_rewrite_has_no_data_findings(tmp_path, repo_root, lang, sentence):
    path = tmp_path / f"release.{lang}.md"
    path.write_text(FRONT.format(lang=lang) + "\n" + sentence + "\n", encoding="utf-8")
    findings = [f for f in check_paths([path], repo_root).findings if f.rule_id.startswith("data.")]
    assert findings == []


@pytest.mark.parametrize("lang, sentence, rule", [
    ("en", "Information provision and platform services posted a surplus of 660 million dollars.", "data.number"),
    ("en", "The deficit in professional and business services narrowed to 4.48 billion dollars.", "data.direction"),
    ("ko", "북미는 37억7000만달러 흑자를 냈다.", "data.sign"),
])
def test_a_false_rewrite_is_caught(tmp_path, repo_root, lang, sentence, rule):
    path = tmp_path / f"release.{lang}.md"
    path.write_text(FRONT.format(lang=lang) + "\n" + sentence + "\n", encoding="utf-8")
    assert [f.rule_id for f in check_paths([path], repo_root).findings if f.level == "error"] == [rule]
