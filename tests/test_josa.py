"""Korean particles: the 448 reference cases and the words that must be refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generator.errors import LanguageError
from generator.lang.josa import attach, last_syllable, particle

CASES_FILE = Path(__file__).parent / "fixtures" / "korean_josa_cases.csv"


def _cases():
    with CASES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [pytest.param(r["word"], r["particle_pair"], r["expected"], id=f"{r['word']}+{r['particle_pair']}") for r in rows]


CASES = _cases()


def test_all_reference_cases_are_present():
    assert len(CASES) == 448


@pytest.mark.parametrize(("word", "pair", "expected"), CASES)
def test_reference_case(word, pair, expected):
    assert attach(word, pair) == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("수출", "으로", "수출로"),  # single form means its pair; ㄹ takes 로
        ("수입", "로", "수입으로"),
        ("반도체", "은", "반도체는"),
        ("흑자", "과", "흑자와"),
    ],
)
def test_single_forms_mean_the_pair(word, pair, expected):
    assert attach(word, pair) == expected


def test_pair_in_either_order():
    assert attach("미국", "과/와") == "미국과"
    assert attach("미국", "는/은") == "미국은"


@pytest.mark.parametrize(
    ("word", "syllable"),
    [
        ("1,000", "천"),
        ("2.1", "일"),
        ("10%", "트"),
        ("1.5%p", "트"),
        ("3개월", "월"),
        ("10000", "만"),
        ("20000", "만"),
        ("110000", "만"),
        ("101000", "천"),
        ("1100", "백"),
        ("100000000", "억"),
        ("3.0", "영"),
        ("ICT", "티"),
        ("R&D", "디"),
        ("5G", "지"),
        ("IT", "티"),
        ("K-DRAM", "램"),
        ("삼성SDS", "스"),
        ("미국(1위)", "국"),
        ("ICT(정보통신기술)", "티"),
        ("정보(통신(기술))", "보"),
        ("‘K-푸드’", "드"),
        ("“반도체”", "체"),
        ("『지식서비스』", "스"),
    ],
)
def test_last_pronounced_syllable(word, syllable):
    assert last_syllable(word) == syllable


def test_extra_readings_add_words():
    assert attach("Gemini", "은/는", readings={"Gemini": "제미나이"}) == "Gemini는"
    assert attach("Netflix", "을/를", readings={"Netflix": "넷플릭스"}) == "Netflix를"
    # A project reading overrides the bundled one.
    assert attach("DRAM", "이/가", readings={"DRAM": "디램칩"}) == "DRAM이"


def test_particle_returns_only_the_particle():
    assert particle("수출", "으로/로") == "로"
    assert particle("OPEC", "이/가") == "이"


@pytest.mark.parametrize("word", ["Gemini", "iPhone", "Samsung", "", "   ", "...", "—", "😀", "對中", "(1위)", "미국1위)"])
def test_unreadable_words_raise(word):
    with pytest.raises(LanguageError) as info:
        attach(word, "은/는")
    assert info.value.hint
    assert f"'{word}'" in str(info.value)


@pytest.mark.parametrize("word", ["Gemini", "미국 iPhone"])
def test_unknown_latin_words_point_to_the_readings(word):
    with pytest.raises(LanguageError) as info:
        attach(word, "이/가")
    assert "readings" in info.value.hint


def test_unknown_pair_raises_with_the_valid_pairs():
    with pytest.raises(LanguageError) as info:
        attach("미국", "에서")
    assert "은/는" in info.value.hint


def test_bad_reading_value_raises():
    with pytest.raises(LanguageError):
        attach("Gemini", "은/는", readings={"Gemini": "Jemini"})


def test_non_string_word_is_a_type_error():
    with pytest.raises(TypeError):
        attach(3, "은/는")
