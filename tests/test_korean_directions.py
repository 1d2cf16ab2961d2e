"""Korean direction verbs are read in every ending a news clause gives them.

`check` reads Korean directions with patterns on stems (see ``generator/check/lexicon.py``);
``benchmarks/korean_morphology.py`` compares them with a morphological analyser's lemmas, which
found endings the patterns missed (늘며, 줄면서, 늘렸다, 줄였다, 오르며, 내리며, 급감했다…).
Each form here is put in a sentence about November 2025 exports, which rose 8.4% on the year
(61,040 against 56,310 million dollars in data/monthly_trade/figures.csv).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.run import check_paths

REPO = Path(__file__).resolve().parents[1]
GROW = "늘었다 늘며 늘면서 늘자 늘지만 늘린 늘렸다 늘리며 증가하며 오르며 올랐다 커진 뛰었다 급증했다".split()
SHRINK = "줄었다 줄며 줄면서 줄자 줄지만 줄인 줄였다 줄이며 감소하며 내리며 내렸다 떨어지며 급감했다".split()


def _errors(tmp_path: Path, body: str) -> list:
    path = tmp_path / "release.ko.md"
    path.write_text(f"---\nrelease: monthly_trade\nperiod: \"2025-11\"\nlanguage: ko\n---\n{body}\n", encoding="utf-8")
    return [f for f in check_paths([path], REPO).findings if f.level == "error"]


@pytest.mark.parametrize("form", GROW)
def test_a_rise_in_any_ending_agrees_with_a_rise(tmp_path, form):
    assert _errors(tmp_path, f"수출은 전년 동월 대비 8.4% {form}.") == []


@pytest.mark.parametrize("form", SHRINK)
def test_a_fall_in_any_ending_contradicts_a_rise(tmp_path, form):
    errors = _errors(tmp_path, f"수출은 전년 동월 대비 8.4% {form}.")
    assert [f.rule_id for f in errors] == ["data.direction"], (form, errors)


@pytest.mark.parametrize("word", ["줄기", "뛰어난", "줄곧", "내리막"])
def test_words_built_on_the_same_letters_are_not_directions(tmp_path, word):
    # 줄기 (a stem), 뛰어난 (excellent), 줄곧 (all along): no direction, so nothing to contradict.
    assert _errors(tmp_path, f"수출은 {word} 610억4000만달러 수준이었다.") == []
