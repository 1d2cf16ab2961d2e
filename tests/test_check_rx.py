"""The check's cheap test for "does any of these patterns match here": it must answer exactly as
trying each pattern would, for the lexicon's own pattern groups."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.lexicon import DIRECTIONS, METRIC_WORDS, PERIOD_SCOPES, YEAR_TO_DATE
from generator.check.rx import I, holds_any, required_literals
from generator.vocabulary import vocabulary


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\b(?P<n>\w+)(?:th|st|nd|rd)?[ -](?:straight|consecutive) month", re.I, ("straight", "consecutive")),
    (r"x?y", 0, ("y",)),                 # x may be absent
    (r"(?:abc)+d", 0, ("abc",)),         # at least once
    (r"ab|c", 0, ("ab", "c")),
    (r"증가|상승|늘", 0, ("증가", "상승", "늘")),
    (r"\bExports?\b", re.I, ("export",)),  # lowered, to be looked for in the lowered text
    (r"a*", 0, None),
    (r"[^a]b?", 0, None),
    (r"(?i)abc", 0, None),               # inline flags: no shortcut
    (r"a(?-i:B)c", re.I, None),
])
def test_required_literals(pattern, flags, expected):
    assert required_literals(pattern, flags) == expected


def _groups():
    groups = []
    for lang in ("en", "ko"):
        words = vocabulary(lang)["streaks"]
        groups.append((lang, (*words["read"], *words.get("ended", []))))
        groups.append((lang, tuple(p for _, p in METRIC_WORDS[lang])))
        groups.append((lang, (*(p for _, p in PERIOD_SCOPES[lang]), YEAR_TO_DATE[lang])))
        groups.append((lang, tuple(p for _, p in DIRECTIONS[lang])))
    return groups


GROUPS = _groups()
PIECES = ["sixth", "6th", "straight", "consecutive", "months", "month", "in a row", "for the first time in", "exports",
          "Imports", "surplus", "first-half", "H1", "January-June", "year to date", "rose", "fell", "widened", " ", "-",
          "6개월", "연속", "째", "만에", "처음", "수출", "수입", "흑자", "상반기", "누적", "증가", "감소", "늘었다", "ſ", "K",
          "İ", "1", "2.4%", "석 달", "넉 달"]


def test_the_lexicon_groups_have_literals_to_skip_on():
    assert sum(all(required_literals(p, I) for p in patterns) for _, patterns in GROUPS) >= len(GROUPS) // 2


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=12).map("".join))
def test_holds_any_answers_as_trying_each_pattern(text):
    for _, patterns in GROUPS:
        assert holds_any(patterns, text, I) == any(re.search(p, text, re.IGNORECASE) for p in patterns), patterns


def _record_alternatives(lang):
    edge = r"\b" if lang == "en" else ""
    return tuple(f"{edge}(?:{p}){edge}" for p in vocabulary(lang)["records"]["read"])


RECORD_PIECES = ["record", "-high", "all-time", " high", " low", "largest", "biggest", "highest", " ever", " since ",
                 "2019", "the most", "month", "year", "-month", "new", "fresh", "never been", " larger", " in ", "two",
                 "months", "역대", "최대", "최고", "이후", "사상", "처음", "만에", "치", "Ever", "HIGH", "ſ", "K", "İ", " ", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(RECORD_PIECES), st.text(max_size=3)), max_size=14).map("".join))
def test_alternatives_left_out_change_no_match(text):
    # The record words joined whole, and joined from only those whose literals the text holds:
    # the same matches at the same places.
    from generator.check.rx import present

    for lang in ("en", "ko"):
        alternatives = _record_alternatives(lang)
        whole = [m.span() for m in re.finditer("|".join(alternatives), text, re.IGNORECASE)]
        kept = present(alternatives, text, I)
        if kept:
            assert [m.span() for m in re.finditer("|".join(kept), text, re.IGNORECASE)] == whole
        else:
            assert whole == []
