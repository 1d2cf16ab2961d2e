"""Shares ``check`` derives or reads in words: fractions ("two-thirds of", 3분의 2), a part's share
of a named whole computed from the data, and "less than" hedges (issue 10, blind batches 5-10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.check.amounts import find_mentions, matches
from generator.check.run import check_paths


def errors(tmp_path, repo_root, lang: str, text: str, period: str = "2025H1") -> list[str]:
    path = tmp_path / f"release.{lang}.md"
    path.write_text(f"---\nrelease: knowledge_services\nperiod: \"{period}\"\nlanguage: {lang}\n---\n{text}\n", encoding="utf-8")
    return [f.rule_id for f in check_paths([path], repo_root).findings if f.level == "error"]


@pytest.mark.parametrize("text", ["In the first half of 2025, the deficit widened.", "the second half of last year",
                                  "the third quarter of 2024", "half of this year", "a half-year surplus"])
def test_a_half_or_quarter_that_is_a_period_is_no_fraction(text):
    assert [m for m in find_mentions(text, "en") if m.fraction] == []


def test_fractions_and_their_hedges():
    (m,) = [m for m in find_mentions("made up more than two-thirds of the deficit", "en") if m.fraction]
    assert (m.text, m.hedge) == ("two-thirds", "more") and matches(m, Decimal("71.4")) and not matches(m, Decimal("60"))
    (m,) = [m for m in find_mentions("less than half of the surplus", "en") if m.fraction]
    assert matches(m, Decimal("40")) and not matches(m, Decimal("71.4"))
    (m,) = [m for m in find_mentions("지재권 적자의 절반에 못 미쳤다", "ko") if m.fraction]
    assert m.hedge == "less" and not matches(m, Decimal("71.4"))
    (m,) = [m for m in find_mentions("흑자의 3분의 1을 차지했다", "ko") if m.fraction]
    assert matches(m, Decimal("33.3")) and not matches(m, Decimal("90"))
    # "절반으로 줄었다" halves an amount: a ratio of change, not a share.
    assert [m for m in find_mentions("적자가 절반으로 줄었다", "ko") if m.fraction] == []


@pytest.mark.parametrize("lang, text, ok", [
    # ip.copyright -600 of ip -2,450 = 24.5%: no published fact, derived from the two amounts.
    ("en", "Copyrights accounted for 24.5 percent of the IP deficit.", True),
    ("en", "Copyrights accounted for 35 percent of the IP deficit.", False),
    ("ko", "저작권 적자가 지재권 적자의 24.5%를 차지했다.", True),
    ("ko", "저작권 적자가 지재권 적자의 4분의 1에 달했다.", True),
    # 35.4% is intellectual property's share of the categories' deficits, not copyrights' share of it.
    ("ko", "저작권 적자가 지재권 적자의 35%를 차지했다.", False),
    ("ko", "산업재산권이 지재권 적자의 70% 이상을 차지했다.", True),
    ("ko", "산업재산권이 지재권 적자의 절반에 못 미쳤다.", False),
])
def test_a_share_of_a_named_whole_is_derived(tmp_path, repo_root, lang, text, ok):
    assert (errors(tmp_path, repo_root, lang, text) == []) is ok


@pytest.mark.parametrize("lang, text, ok", [
    ("en", "The deficit was less than $5 billion.", True),
    ("en", "The deficit was less than $4.5 billion.", False),
    ("ko", "지식서비스 적자는 50억달러 미만이었다.", True),
    ("ko", "지식서비스 적자는 45억달러 미만이었다.", False),
])
def test_less_than_an_amount(tmp_path, repo_root, lang, text, ok):
    assert (errors(tmp_path, repo_root, lang, text) == []) is ok
