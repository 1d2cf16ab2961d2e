"""Balance planning on the bundled knowledge-services release: main contributors, composition,
the lead's comparison basis and how often the drafts repeat a word.

Every period is drafted once (module fixture); expectations are read from figures.csv by hand.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from drafting import BUNDLED_PERIODS, body_of, copy_bundled


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = copy_bundled(tmp_path_factory.mktemp("ks") / "proj")
    subprocess.run([sys.executable, "-m", "generator", "draft", "--all", "--jobs", "1", "--project", str(root)],
                   check=True, capture_output=True)
    out = root / "output" / "knowledge_services"
    return {p: {"en": body_of((out / p / "release.en.md").read_text()), "ko": body_of((out / p / "release.ko.md").read_text()),
                "facts": json.loads((out / p / "facts.json").read_text())["facts"]} for p in BUNDLED_PERIODS}


def ranks(facts, dimension):
    return {f["extreme"]: f for f in facts if f["kind"] == "rank" and f["dimension"] == dimension and f["metric"] == "balance"}


def test_main_contributors_are_leader_plus_a_third_of_the_side_every_period(drafted):
    # 2025H1 institutions: mid-sized 930, individuals 510 of 1,640 (31%): only the first is main.
    assert ranks(drafted["2025H1"]["facts"], "institution")["surplus"]["main"] == ["inst.midsize"]
    # 2025H1 categories: 4,480 and 2,450 of 6,930 (35%): both; 2024: 7,550 and 3,340 (31%): one.
    assert ranks(drafted["2025H1"]["facts"], "category")["deficit"]["main"] == ["pbs", "ip"]
    assert ranks(drafted["2024"]["facts"], "category")["deficit"]["main"] == ["pbs"]
    for period, d in drafted.items():
        for f in (f for f in d["facts"] if f["kind"] == "rank" and f["metric"] == "balance"):
            total = sum(abs(m["value"]) for m in f["members"])
            named = [m for m in f["members"] if m["item"] in f["main"]]
            assert named[0] == f["members"][0], (period, f["id"])
            assert len(named) <= 2
            for m in f["members"][1:]:
                assert (m["item"] in f["main"]) == (abs(m["value"]) * 3 >= total * 0.999) or len(named) == 2, (period, f["id"], m)


def test_individuals_not_named_as_main_surplus_contributor(drafted):
    contributors = next(p for p in drafted["2025H1"]["en"].split("\n\n") if p.startswith("The main surplus contributors"))
    assert "individuals" not in contributors
    assert "mid-sized enterprises" in contributors


def test_composition_says_together_unless_item_by_item(drafted):
    fact = next(f for f in drafted["2025H1"]["facts"] if f["kind"] == "composition" and f["dimension"] == "category")
    # ics surplus +680; ip deficit widened by 1,010, pbs by 450 (figures.csv): 450 < 680.
    deltas = {m["item"]: abs(m["delta"]) for m in fact["with"]}
    assert min(deltas.values()) < max(abs(m["delta"]) for m in fact["against"])
    assert fact["each"] is False
    en = drafted["2025H1"]["en"]
    assert "together widened by more" in en and "widened even more" not in en
    assert "합쳐 더 크게" in drafted["2025H1"]["ko"]


def test_long_run_comparison_is_labelled_and_headline_does_not_imply_a_rise(drafted):
    en = drafted["2024"]["en"]
    headline = en.splitlines()[0]
    assert "Reaches" not in headline and "Stands at" in headline
    assert "Over the longer run, the deficit has narrowed from 12.77 billion dollars in 2010" in en
    assert "장기적으로 보면" in drafted["2024"]["ko"]
    # 2024H1 has no previous half: the lead compares with a year earlier, and the headline agrees.
    h1 = drafted["2024H1"]["en"]
    assert "widened from 2.72 billion dollars in the first half of 2023" in h1
    assert h1.splitlines()[0].startswith("# Knowledge Services Trade Deficit Reaches")


def test_lead_comparison_not_repeated_in_thin_periods(drafted):
    for period in ("2023H1", "2024H1"):
        en = drafted[period]["en"]
        assert en.count("2.72 billion dollars" if period == "2024H1" else "4.74 billion dollars") == 1, period


def test_record_stated_once_in_the_body_with_its_cause_attached(drafted):
    en, ko = drafted["2025H1"]["en"], drafted["2025H1"]["ko"]
    assert en.count("largest half-year surplus on record") == 1
    assert "on record, as exports linked to" in en
    assert "recorded the largest" not in en
    assert ko.count("반기 기준 역대 최대 흑자") == 2  # subheadline and lead
    assert "늘어난 결과로 반기 기준 역대 최대 흑자를 냈다" in ko
    assert "결과다." not in ko


def test_korean_actor_is_the_subject_and_regions_are_places(drafted):
    ko = drafted["2025H1"]["ko"]
    assert "게임소프트웨어 개발 및 제작업(21억6000만달러)이 흑자를 이끌었다" in ko
    assert "을 중심으로 흑자를 기록했다" not in ko
    assert "아시아가" not in ko and "아시아에서" in ko
    assert "한국은행이 17일 발표한" in ko


@pytest.mark.parametrize("lang,words,limit", [("en", ("respectively", "recorded"), 3), ("ko", ("각각", "기록했다"), 4)])
def test_no_word_repeated_too_often(drafted, lang, words, limit):
    for period, d in drafted.items():
        counts = Counter({w: len(re.findall(re.escape(w), d[lang])) for w in words})
        assert max(counts.values()) <= limit, (period, counts)


def test_korean_side_paragraphs_vary_in_shape(drafted):
    ko = drafted["2025H1"]["ko"]
    shaped = [p for p in ko.split("\n\n") if p.startswith(("산업별로는", "기관형태별로는", "지역별로는"))]
    assert len(shaped) == 3
    assert sum("흑자를 낸 반면" in p for p in shaped) <= 1
