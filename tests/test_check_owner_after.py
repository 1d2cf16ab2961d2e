"""A name after an amount may say where the amount comes from, not whose it is.

knowledge_services 2025H1 (data/knowledge_services/figures.csv): the total deficit is 4,530;
research and development services ran a deficit of 3,090.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.run import check_paths

REPO = Path(__file__).resolve().parents[1]


def _errors(tmp_path: Path, lang: str, body: str) -> list[str]:
    path = tmp_path / f"release.{lang}.md"
    path.write_text(f"---\nrelease: knowledge_services\nperiod: \"2025H1\"\nlanguage: {lang}\n---\n{body}\n", encoding="utf-8")
    return [f.rule_id for f in check_paths([path], REPO).findings if f.level == "error"]


@pytest.mark.parametrize("lang, body, expected", [
    ("en", "The deficit of $4.53 billion came mostly from R&D services.", []),       # the total's, from R&D
    ("en", "The deficit of $3.09 billion came mostly from R&D services.", []),       # read as R&D's own: true
    ("en", "The deficit of $4.63 billion came mostly from R&D services.", ["data.number"]),
    ("ko", "적자 45억3000만달러는 주로 연구개발서비스에서 발생했다.", []),
    ("ko", "적자 46억3000만달러는 주로 연구개발서비스에서 발생했다.", ["data.number"]),
])
def test_an_amount_before_a_name_is_the_subjects_when_not_the_names(tmp_path, lang, body, expected):
    assert _errors(tmp_path, lang, body) == expected
