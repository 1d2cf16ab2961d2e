"""Lists of names in running text."""

from __future__ import annotations

import pytest

from generator.errors import LanguageError
from generator.lang.lists import join


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Asia"], "Asia"),
        (["North America", "Europe"], "North America and Europe"),
        (["copyrights", "information provision", "platform services"], "copyrights, information provision, and platform services"),
    ],
)
def test_english_and(items, expected):
    assert join(items, "en") == expected


def test_english_or():
    assert join(["A", "B", "C"], "en", style="or") == "A, B, or C"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["아시아"], "아시아"),
        (["정보·통신서비스", "문화·여가서비스"], "정보·통신서비스와 문화·여가서비스"),
        (["북미", "유럽"], "북미와 유럽"),
        (["제조업", "대기업"], "제조업과 대기업"),
        (["정보통신업(16억4000만달러)", "제조업"], "정보통신업(16억4000만달러)과 제조업"),
        (["ICT", "콘텐츠"], "ICT와 콘텐츠"),
        (["저작권", "정보제공", "플랫폼서비스"], "저작권, 정보제공 및 플랫폼서비스"),
    ],
)
def test_korean_and(items, expected):
    assert join(items, "ko") == expected


def test_korean_or():
    assert join(["북미", "유럽"], "ko", style="or") == "북미 또는 유럽"


def test_readings_reach_the_particle():
    assert join(["Gemini", "앱"], "ko", readings={"Gemini": "제미나이"}) == "Gemini와 앱"
    with pytest.raises(LanguageError):
        join(["Gemini", "앱"], "ko")


def test_bad_style_or_language():
    with pytest.raises(LanguageError):
        join(["A", "B"], "en", style="but")
    with pytest.raises(LanguageError):
        join(["A", "B"], "de")
