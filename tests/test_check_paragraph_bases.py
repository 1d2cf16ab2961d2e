"""A percent whose sentence names no base takes the base the paragraph named before it.

knowledge_services, 2025H1 (data/knowledge_services/figures.csv): the deficit widened from
3,500 (2024H1) and 3,760 (2024H2) to 4,530, so 29.4% on the year and 20.5% on the previous half.
The release's headline basis is the previous half.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.run import check_paths

REPO = Path(__file__).resolve().parents[1]
LEAD = "The knowledge services trade deficit widened to 4.53 billion dollars in the first half from 3.5 billion dollars a year earlier."


def _errors(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "release.en.md"
    path.write_text(f"---\nrelease: knowledge_services\nperiod: \"2025H1\"\nlanguage: en\n---\n{body}\n", encoding="utf-8")
    return [f.rule_id for f in check_paths([path], REPO).findings if f.level == "error"]


@pytest.mark.parametrize("body, expected", [
    (f"{LEAD} The deficit widened 29.4 percent.", []),                   # the year-ago base carries over
    (f"{LEAD} The deficit widened 20.5 percent.", ["data.percent"]),     # the other base's percent
    (f"{LEAD}\n\nThe deficit widened 20.5 percent.", []),                # a new paragraph: the headline basis
    (f"{LEAD}\n\nThe deficit widened 29.4 percent.", ["data.percent"]),
    ("The deficit widened 20.5 percent from the previous half. It widened 29.4 percent on the year.", []),
])
def test_a_base_named_earlier_in_the_paragraph_carries_over(tmp_path, body, expected):
    assert _errors(tmp_path, body) == expected
