"""Metric-led stories (monthly trade, consumer prices): what the planner picks and how the drafts word it.

Expected text is read off the bundled figures (data/<release>/figures.csv) and the house
style in DESIGN.md, not copied from a draft.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting import body_of, copy_bundled
from helpers import run_cli


def draft(capsys, tmp_path: Path, release: str, period: str) -> dict[str, str]:
    root = copy_bundled(tmp_path / release, release)
    code, out, err = run_cli(capsys, "draft", "--project", str(root), "--period", period)
    assert code == 0, err
    folder = root / "output" / release / period
    return {lang: body_of((folder / f"release.{lang}.md").read_text(encoding="utf-8")) for lang in ("en", "ko")}


def section(text: str, heading: str) -> str:
    """The text under a ``### heading`` up to the next heading."""
    match = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#|\Z)", text, re.S | re.M)
    assert match, f"no section {heading!r} in:\n{text}"
    return match.group(1).strip()


def test_trade_lead_states_average_daily_exports(capsys, tmp_path):
    # figures.csv, 2025-11: daily_avg exports 2710 (millions), exports_yoy_pct 13.3 (the ministry's
    # year-ago comparison); October 2025 also rose (14.0), so it is the second month of gains.
    texts = draft(capsys, tmp_path, "monthly_trade", "2025-11")
    assert "Average daily exports rose 13.3 percent to $2.71 billion, the second straight month of gains." in texts["en"]
    assert "일평균 수출은 27억1000만달러로 13.3% 증가했다. 2개월 연속 증가세를 이어갔다." in texts["ko"]


def test_trade_korean_headline_year_to_date_and_destinations(capsys, tmp_path):
    texts = draft(capsys, tmp_path, "monthly_trade", "2025-11")
    ko, en = texts["ko"], texts["en"]
    headline = ko.splitlines()[0]
    assert headline.count("증가") == 1, headline
    ytd = section(ko, "연간 누적")
    # balance_ytd 66070 against 45200 a year earlier: the surplus widened.
    assert ytd.startswith("1~11월 누적으로는")
    assert "660억7000만달러 흑자로 전년 동기(452억달러)보다 흑자 폭이 확대됐다" in ytd
    # Korean coverage writes 대중/대미/대일, never 대중국/대미국/대일본.
    assert not re.search("대(중국|미국|일본)", ko)
    assert "대중 수출이 6.9% 증가한 120억7000만달러로 전체 수출의 19.8%를 차지했다" in ko
    # Energy imports and the year to date have headings of their own, not under destinations.
    assert "Energy imports fell 18.4 percent" not in section(en, "Exports by destination")
    en_ytd = section(en, "Year to date")
    assert en_ytd.count("came to") <= 1 and "$66.07 billion" in en_ytd


def test_trade_balance_that_turned_states_the_year_ago_balance_in_korean(capsys, tmp_path):
    # 2025-01: balance -1890 against +300 a year earlier (2024-01), the first deficit in 20 months.
    texts = draft(capsys, tmp_path, "monthly_trade", "2025-01")
    assert "$300 million" in texts["en"]
    assert "18억9000만달러 적자로 전년 동월(3억달러 흑자)에서 적자로 돌아섰다. 20개월 만의 적자다." in texts["ko"]
    # Every sentence ends in a predicate the particle filter chose ("감소 전환이다", never "전환다").
    assert "전환다" not in texts["ko"]


def test_cpi_components_chosen_by_contribution_then_rate_one_per_branch(capsys, tmp_path):
    # 2025-11: agri has the only published contribution (0.42 pp); then the fastest rates:
    # petroleum 5.9, processed foods 3.3, personal services 3.0, public services 1.4 (their
    # children and parents — agricultural products 5.4, industrial 2.3, services 2.3 — are left out
    # once one of their branch is in).
    texts = draft(capsys, tmp_path, "consumer_prices", "2025-11")
    part = section(texts["en"], "By kind of item")
    assert part.startswith("Prices of agricultural, livestock and fishery products rose 5.6 percent")
    assert "Prices of petroleum products (5.9 percent), processed foods (3.3 percent)" in part
    assert "industrial products" not in part
    assert not re.search(r"(?<!personal )(?<!public )services \(", part)
    assert "rents" not in part
    ko = section(texts["ko"], "품목성질별 동향")
    assert "석유류(5.9%), 가공식품(3.3%)" in ko


def test_cpi_publisher_follows_the_annotations_and_particles_follow_the_number(capsys, tmp_path):
    late = draft(capsys, tmp_path / "late", "consumer_prices", "2025-11")
    early = draft(capsys, tmp_path / "early", "consumer_prices", "2025-08")
    assert re.search("^국가데이터처가 2일 발표한", late["ko"], re.M)
    assert "the Ministry of Data and Statistics said on Tuesday" in late["en"]
    assert "Statistics Korea" not in late["en"] and "통계청" not in late["ko"]
    assert "Statistics Korea said" in early["en"] and "통계청이" in early["ko"]
    # The lead states the index level as Korean dailies do (figures.csv: 117.20 in 2025-11, 116.45 in
    # 2025-08); the particle follows the number's last syllable read: 영 has a final consonant, 오 none.
    assert "지난달 소비자물가지수는 117.20(2020=100)으로 전년 동월 대비 2.4% 상승했다." in late["ko"]
    assert "소비자물가지수는 116.45(2020=100)로 전년 동월 대비" in early["ko"]
    assert "The consumer price index stood at 117.20 (2020 = 100) in November, up 2.4 percent from a year earlier" in late["en"]
    # Stated once: not again in a sentence of its own.
    assert late["ko"].count("117.20") == 1 and late["en"].count("117.20") == 1
    # November's release: a record since August of the same year names no year.
    assert "the lowest since August." in late["en"]
    # One item is no list: no 등 after it.
    assert "생활물가 중 식품(3.7%)도" in late["ko"]
    assert "prices in the living-cost index" not in late["en"]


def test_annotation_publisher_needs_both_languages(capsys, tmp_path):
    root = copy_bundled(tmp_path / "p", "consumer_prices")
    path = root / "data" / "consumer_prices" / "annotations" / "2025-11.yaml"
    text = path.read_text(encoding="utf-8").replace("  ko: 국가데이터처\n", "")
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", str(root))
    assert code == 2
    assert "2025-11.yaml" in err and "'publisher'" in err and "ko" in err


@pytest.mark.parametrize("old, new, needle", [
    ("order: contribution, depth: 3", "order: contribution, depth: 0", "'depth' of section #3 must be a whole number"),
])
def test_breakdown_depth_is_validated(capsys, tmp_path, old, new, needle):
    root = copy_bundled(tmp_path / "p", "consumer_prices")
    path = root / "config" / "consumer_prices.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", str(root))
    assert code == 2 and needle in err, err


def test_lead_items_must_be_in_the_item_table(capsys, tmp_path):
    root = copy_bundled(tmp_path / "p", "monthly_trade")
    path = root / "config" / "monthly_trade.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("items: [daily_avg]", "items: [daily_average]"), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", str(root))
    assert code == 2 and "daily_average" in err and "daily_avg" in err, err
