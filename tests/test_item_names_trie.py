"""Item names are matched through a trie; it must find what the longest-first list of names finds."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.items import ItemMatcher, _alternation
from generator.project import open_project

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ("knowledge_services", "monthly_trade", "consumer_prices")


def _listed(names):
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])", re.IGNORECASE)


def _trie(names):
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])", re.IGNORECASE)


def _spans(pattern, text):
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_a_trie_branch_tries_the_longer_name_first():
    names = ["exports of services", "exports of goods", "exports", "ex"]
    assert _spans(_trie(names), "Exports of services rose; exports of goodsx fell; ex-ante") == [(0, 19), (26, 33)]


@pytest.mark.parametrize("release", RELEASES)
def test_the_trie_finds_what_the_list_finds_in_every_committed_release(release):
    matcher = ItemMatcher.__new__(ItemMatcher)
    project = open_project(ROOT, release)
    matcher = ItemMatcher(project.dataset.items, project.config, "en")
    names = list(matcher.codes)
    listed = _listed(names)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "output" / release).glob("*/release.en.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "check_corpus").glob("*.yaml"))]
    assert texts
    found = 0
    for text in texts:
        expected = _spans(listed, text)
        assert _spans(matcher.pattern, text) == expected
        found += len(expected)
    assert found > 100


WORDS = st.sampled_from(["export", "exports", "services", "of", "goods", "trade", "a", "the", "-", " ", ",", "s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8, unique=True),
       st.lists(WORDS, max_size=30).map("".join))
def test_the_trie_finds_what_the_longest_first_list_finds(names, text):
    names = sorted({n.lower().strip() for n in names if n.strip()}, key=lambda n: (-len(n), n))
    if not names:
        return
    assert _spans(_trie(names), text) == _spans(_listed(names), text)
