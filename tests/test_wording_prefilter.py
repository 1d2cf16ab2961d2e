"""The wording lint skips sentences lacking a literal every match needs; it must find exactly what
scanning every sentence finds."""

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.document import parse_document
from generator.check.kinds.base import matches
from generator.check.kinds.prefilter import FOLDS_TO_ASCII, literals
from generator.check.wording import load_rules, default_rule_paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("source, flags, expected", [
    (r"(?<!\w)(?:soar(?:s|ed|ing)?)(?!\w)", re.I, (("soar",), True)),
    (r"(?:(?<!\w)|(?=\W))(?:[12]H ?(?:20)?\d\d)", re.I, (("1h", "2h"), True)),
    (r"(?<![A-Za-z0-9])(?:TODO|TBD)(?![A-Za-z0-9])", 0, (("ODO", "BD"), False)),  # re factors out the T
    (r"\{\{.*?\}\}", 0, (("{{",), False)),
    (r"적자(?:가|는)? 증가", 0, ((" 증가",), False)),
    (r"[○△□]{2,}", 0, (("○", "△", "□"), False)),
    (r"ab*c", 0, (("a",), False)),          # b may be absent
    (r"a{0,2}b", 0, (("b",), False)),       # the a may be absent, the b is not
    (r"(?:ab)?c", 0, (("c",), False)),
    (r"(ab)c", 0, (("ab",), False)),
    (r"(?i)abc", 0, (("abc",), True)),      # inline flags make the pattern case-insensitive
    (r"[^a]b", 0, (("b",), False)),
    (r"x|", 0, None),                       # an empty branch matches anywhere
    (r"a*", 0, None),
    (r"[^a]", 0, None),
    (r"(?:é)", re.I, None),                 # a cased non-ASCII letter folds in ways lower() does not say
])
def test_literals_every_match_must_contain(source, flags, expected):
    assert literals(re.compile(source, flags)) == expected


def test_folds_to_ascii_lists_every_character_ignorecase_maps_onto_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    # A sentence holding one of these is scanned whatever its lowered text holds.
    found = {chr(cp) for cp in range(sys.maxunicode + 1) if not chr(cp).isascii() and letter.fullmatch(chr(cp))}
    assert found == FOLDS_TO_ASCII


def _plain(pattern, doc):
    return [(s.line, m.start(), m.group()) for s in doc.sentences for m in pattern.finditer(s.text) if m.end() > m.start()]


def _filtered(pattern, doc):
    return [(s.line, m.start(), m.group()) for s, m in matches(pattern, doc)]


def _bundled_patterns():
    rules = load_rules(default_rule_paths(ROOT), ROOT)
    out = []
    for group in rules.values():
        for rule in group:
            for attr in ("patterns", "swaps", "pairs", "pattern"):
                value = getattr(rule, attr, None)
                if value is None:
                    continue
                if attr == "pattern":
                    out.append(value)
                elif attr == "swaps":
                    out += [p for p, _ in value]
                elif attr == "pairs":
                    out += [p for pair in value for _, p in pair]
                else:
                    out += list(value)
    return out


PATTERNS = _bundled_patterns()
WORDS = ["soared", "Soaring", "SKYROCKETED", "percent", "per cent", "1H 2025", "H2 2024", "2025h1", "y/y", "YoY",
         "y-o-y", "deficit rose", "Deficit Increased", "surplus narrowed", "TODO", "tbd", "{{ x }}", "[[a]]", "<b>",
         "○○", "전분기", "전년동기", "적자폭", "적자가 증가", "흑자 감소", "수직상승", "역대급", "사상 최대", "작년", "!",
         "ſoared", "\u212aaboom", "İ", "ı", "jaw-dropping", "plummets", "정보 통신업", "fell", "2.4%", "$1.2 billion"]


def test_bundled_rules_have_literals_to_skip_on():
    # Most bundled terms can be skipped on; were none, the prefilter would be doing nothing.
    assert len(PATTERNS) > 40
    assert sum(literals(p) is not None for p in PATTERNS) >= 0.8 * len(PATTERNS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(WORDS), st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=6)), min_size=1, max_size=8),
                min_size=1, max_size=6))
def test_the_prefilter_finds_what_scanning_every_sentence_finds(paragraphs):
    body = "\n\n".join(" ".join(words).replace("\n", " ").replace("\r", " ") for words in paragraphs)
    doc = parse_document("---\nlanguage: en\nperiod: 2025H1\n---\n" + body + "\n", "x.md")
    for pattern in PATTERNS:
        assert _filtered(pattern, doc) == _plain(pattern, doc), pattern.pattern
