"""The language filters templates use, per language: money styles, headline case, periods
relative to the release date, comparisons and particles; and the money switch end to end."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.draft import build_draft
from generator.periods import Period
from generator.project import open_project
from generator.render import Language

from drafting import body_of

RELEASE_DATE = dt.date(2025, 9, 17)  # the 2025H1 release


def _language(root, lang, *, release_date=RELEASE_DATE, period="2025H1") -> Language:
    project = open_project(root)
    return Language(lang, project.config, project.dataset.items, release_date, Period.parse(period))


def _set_money_style(root, lang, style) -> None:
    path = root / "config" / "knowledge_services.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["style"]["money"][lang] = style
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


MONEY = (
    ("en", "words", 4530, "4.53 billion dollars"),
    ("en", "words", 770, "770 million dollars"),
    ("en", "words", 2200, "2.2 billion dollars"),
    ("en", "words", -3760, "3.76 billion dollars"),
    ("en", "symbol", 4530, "$4.53 billion"),
    ("en", "symbol", 770, "$770 million"),
    ("ko", "compact", 4530, "45억3000만달러"),
    ("ko", "compact", 90, "9000만달러"),
    ("ko", "compact", 2200, "22억달러"),
    ("ko", "compact", 1_200_000, "1조2000억달러"),
    ("ko", "spaced", 4530, "45억3000만 달러"),
    ("ko", "decimal", 4530, "45.3억달러"),
    ("ko", "decimal", 770, "7.7억달러"),
)


@pytest.mark.parametrize(("lang", "style", "millions", "expected"), MONEY,
                         ids=[f"{lang}-{style}-{m}" for lang, style, m, _ in MONEY])
def test_money_filter_follows_the_configured_style(project_copy, lang, style, millions, expected):
    _set_money_style(project_copy, lang, style)
    assert _language(project_copy, lang).filters()["money"](millions) == expected


@pytest.mark.parametrize(("lang", "expected"), (("en", "-3.76 billion dollars"), ("ko", "-37억6000만달러")))
def test_signed_money_keeps_the_minus(project_copy, lang, expected):
    assert _language(project_copy, lang).filters()["smoney"](-3760) == expected


SWITCHED = (
    ("en", "symbol", ("$4.53 billion", "$770 million", "$19.71 billion", "$2.2 billion"), "billion dollars"),
    ("ko", "spaced", ("45억3000만 달러", "7억7000만 달러", "22억 달러", "9억3000만 달러"), "45억3000만달러"),
    ("ko", "decimal", ("45.3억달러", "7.7억달러", "22억달러", "197.1억달러"), "45억3000만"),
)


@pytest.mark.parametrize(("lang", "style", "present", "absent"), SWITCHED, ids=[s[1] for s in SWITCHED])
def test_the_money_switch_changes_the_whole_draft(project_copy, lang, style, present, absent):
    _set_money_style(project_copy, lang, style)
    project = open_project(project_copy)
    body = body_of(build_draft(project, project.period("2025H1"), (lang,)).releases[lang])
    for amount in present:
        assert amount in body
    assert absent not in body


HEADLINES = (
    ("knowledge services trade deficit reaches 4.53 billion dollars in first half",
     "Knowledge Services Trade Deficit Reaches 4.53 Billion Dollars in First Half"),
    ("information and communications services post record half-year surplus",
     "Information and Communications Services Post Record Half-Year Surplus"),
    ("the content industry posts surplus of 1.98 billion dollars", "Content Industry Posts Surplus of 1.98 Billion Dollars"),
    ("the ICT industry and the content industry", "ICT Industry and the Content Industry"),
    # A capital letter that is an item's name stays: "Category A", not "Category a".
    ("category A leads surpluses", "Category A Leads Surpluses"),
)


@pytest.mark.parametrize("lang", ("en", "ko"))
@pytest.mark.parametrize(("text", "expected"), HEADLINES, ids=[h[1][:30] for h in HEADLINES])
def test_headline_case(project_copy, lang, text, expected):
    headline = _language(project_copy, lang).filters()["headline"]
    assert headline(text) == (expected if lang == "en" else text)


def test_korean_headlines_are_left_as_written(project_copy):
    text = "상반기 지식서비스 무역적자 45억3000만달러…적자 폭 확대"
    assert _language(project_copy, "ko").filters()["headline"](text) == text


PERIODS = (
    # period, en relative, ko relative, en absolute, ko absolute
    ("2025H1", "the first half of this year", "올해 상반기", "the first half of 2025", "2025년 상반기"),
    ("2024H2", "the second half of last year", "지난해 하반기", "the second half of 2024", "2024년 하반기"),
    ("2024H1", "the first half of last year", "지난해 상반기", "the first half of 2024", "2024년 상반기"),
    ("2024", "last year", "지난해", "2024", "2024년"),
    ("2023H1", "the first half of 2023", "2023년 상반기", "the first half of 2023", "2023년 상반기"),
)


@pytest.mark.parametrize("lang", ("en", "ko"))
@pytest.mark.parametrize(("period", "en_rel", "ko_rel", "en_abs", "ko_abs"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period_names_relative_to_the_release_date(project_copy, lang, period, en_rel, ko_rel, en_abs, ko_abs):
    with_date = _language(project_copy, lang).filters()["period"]
    assert with_date(period) == (en_rel if lang == "en" else ko_rel)
    assert with_date(period, False) == (en_abs if lang == "en" else ko_abs)
    without_date = _language(project_copy, lang, release_date=None).filters()["period"]
    assert without_date(period) == (en_abs if lang == "en" else ko_abs)


@pytest.mark.parametrize(("lang", "with_date", "without_date"), (
    ("en", "First Half", "the first half of 2025"),
    ("ko", "상반기", "2025년 상반기"),
))
def test_headline_period_is_short_only_when_the_release_date_says_which_year(project_copy, lang, with_date, without_date):
    period = Period.parse("2025H1")
    assert _language(project_copy, lang).filters()["hperiod"](period) == with_date
    assert _language(project_copy, lang, release_date=None).filters()["hperiod"](period) == without_date


@pytest.mark.parametrize(("lang", "period", "basis", "expected"), (
    ("en", "2025H1", "previous_period", "the previous half"),
    ("ko", "2025H1", "previous_period", "전기"),
    ("en", "2025H1", "year_ago", "the same period a year earlier"),
    ("ko", "2025H1", "year_ago", "전년 동기"),
    ("en", "2024", "previous_period", "the previous year"),
    ("ko", "2024", "previous_period", "전년"),
))
def test_comparison_phrases(project_copy, lang, period, basis, expected):
    assert _language(project_copy, lang, period=period).filters()["compare"](basis) == expected


@pytest.mark.parametrize(("word", "pair", "expected"), (
    ("정보통신업", "이/가", "정보통신업이"),
    ("아시아", "이/가", "아시아가"),
    ("유럽", "은/는", "유럽은"),
    ("전문·사업서비스", "은/는", "전문·사업서비스는"),
    ("242억4000만달러", "으로/로", "242억4000만달러로"),
    ("게임소프트웨어 개발 및 제작업(21억6000만달러)", "을/를", "게임소프트웨어 개발 및 제작업(21억6000만달러)을"),
    ("2010년(-127억7000만달러)", "와/과", "2010년(-127억7000만달러)과"),
    ("전기", "와/과", "전기와"),
    ("전년", "와/과", "전년과"),
    ("53.9%", "을/를", "53.9%를"),
    ("가 세부 1(1억2000만달러)", "이/가", "가 세부 1(1억2000만달러)이"),
    ("ICT", "은/는", "ICT는"),
    ("아시아", "이었다/였다", "아시아였다"),
))
def test_korean_particles_follow_the_pronounced_last_syllable(project_copy, word, pair, expected):
    assert _language(project_copy, "ko").filters()["josa"](word, pair) == expected
    assert _language(project_copy, "en").filters()["josa"](word, pair) == word


@pytest.mark.parametrize(("lang", "expected"), (
    ("en", "information and communications services and cultural and leisure services"),
    ("ko", "정보·통신서비스와 문화·여가서비스"),
))
def test_lists_of_two_names(project_copy, lang, expected):
    names = _language(project_copy, lang).filters()
    assert names["andlist"]([names["name"]("ics"), names["name"]("culture")]) == expected


@pytest.mark.parametrize("lang", ("en", "ko"))
def test_percentages_and_multiples(project_copy, lang):
    f = _language(project_copy, lang).filters()
    assert f["pct"](6.5) == "6.5%"
    assert f["pct"](53.94) == "53.9%"
    assert f["times"](5.5) == ("5.5 times" if lang == "en" else "5.5배")


def test_periods_in_drafts_are_relative_with_a_release_date_and_absolute_without(repo_root):
    project = open_project(repo_root, "knowledge_services")
    with_date = build_draft(project, project.period("2025H1")).releases
    assert "In the first half of this year" in with_date["en"] and "the second half of last year" in with_date["en"]
    assert "올해 상반기" in with_date["ko"] and "지난해 하반기" in with_date["ko"] and "전기(" in with_date["ko"]
    assert "2025년 상반기" not in body_of(with_date["ko"]).replace("'2025년 상반기 지식서비스", "")
    without = build_draft(project, project.period("2024H2")).releases
    assert "In the second half of 2024" in without["en"] and "last year" not in without["en"]
    assert "2024년 하반기" in without["ko"] and "지난해" not in without["ko"] and "올해" not in without["ko"]
