"""check reads a long run of digits or letters in one pass, and reads the same as before.

A run of digits or word letters was scanned to its end from every one of its characters by
the patterns that read amounts and streaks ("\\d+…조", "\\w+th straight"), so a 10,000-character
word took a minute to check. The patterns now start a run only where a run starts; these tests
show they find exactly what the unanchored patterns found (no timing here: speed is measured
by benchmarks/run.py), and that every streak pattern of the vocabulary is anchored.
"""

from __future__ import annotations

import random
import re

import pytest

from generator.check import amounts
from generator.vocabulary import vocabulary

# The patterns as they were before the anchors; same flags.
_UNANCHORED = {
    "EN_MONEY": amounts.EN_MONEY.pattern.replace(r"|(?<!\d)\d+", r"|\d+"),
    "KO_MONEY": amounts.KO_MONEY.pattern.replace(r"(?<!\d)(?P<jo>", r"(?P<jo>"),
    "PERCENT": amounts.PERCENT.pattern.replace(r"|(?<!\d)\d+", r"|\d+"),
    "EN_MULTIPLE": amounts.EN_MULTIPLE.pattern.replace(r"(?<!\d)(?P<num>", r"(?P<num>"),
    "KO_MULTIPLE": amounts.KO_MULTIPLE.pattern.replace(r"(?<!\d)(?P<num>", r"(?P<num>"),
}
_PIECES = ["1", "2", "0", "45", "1234", ",", ",000", ".", ".5", " ", "-", "$", "US$", "조", "억", "만", "천", "달러", "미국 ",
           " billion", " million", "%", "%p", " percent", " times", "-fold", "배", "두 ", "x", "가"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(count)]


@pytest.mark.parametrize("name", sorted(_UNANCHORED))
def test_anchored_amount_patterns_find_what_the_unanchored_ones_found(name):
    anchored = getattr(amounts, name)
    assert anchored.pattern != _UNANCHORED[name], "the anchor this test strips is gone"
    before = re.compile(_UNANCHORED[name], anchored.flags)
    for text in _texts(13, 4000) + ["12345억달러", "1,234,567% 12.5%", "3조4500억 달러", "x12 times", "103만5000만달러"]:
        assert [(m.span(), m.groupdict()) for m in anchored.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in before.finditer(text)], text


def test_mentions_in_a_long_run_of_digits_are_the_ones_after_it():
    # The run itself is no amount; the amount that follows it is still read.
    for lang, tail in (("en", " rose 5.2 percent to 4.53 billion dollars"), ("ko", " 5.2% 늘어난 45억3000만달러")):
        mentions = amounts.find_mentions("1" * 5000 + tail, lang)
        assert [m.text.strip() for m in mentions] == (["5.2 percent", "4.53 billion dollars"] if lang == "en"
                                                      else ["5.2%", "45억3000만달러"])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_streak_pattern_starting_with_a_run_is_anchored(lang):
    words = vocabulary(lang)["streaks"]
    for pattern in words["read"] + words.get("ended", []):
        body = pattern.removeprefix("(?P<n>")
        if re.match(r"\\[wd]\+", body) or re.match(r"\\[wd]\+", pattern):
            pytest.fail(f"{pattern!r} starts with an unanchored run: add \\b or (?<!\\d) before it")


def test_anchored_streak_patterns_read_the_same_streaks():
    en = vocabulary("en")["streaks"]["read"]
    text = ("Exports rose for the sixth straight month, a 12th consecutive month of gains and a three-month "
            "winning streak; imports fell for 10 consecutive months, x5th straight month")
    found = [m.group(0) for p in en for m in re.finditer(p, text, re.IGNORECASE)]
    unanchored = [m.group(0) for p in en for m in re.finditer(p.replace(r"\b(?P<n>", "(?P<n>"), text, re.IGNORECASE)]
    assert found == unanchored
    assert "sixth straight month" in found and "12th consecutive month" in found and "three-month winning streak" in found
