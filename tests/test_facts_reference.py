"""The bundled project's facts against the reference article (tests/fixtures/reference/asiae-2025H1-en.txt).

Each expected figure below is stated in the article and present in
data/knowledge_services/figures.csv; the source cells of every fact are checked
against the CSV lines they cite.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.cli import main
from generator.periods import Period

from helpers import run_cli

FIGURES = Path("data/knowledge_services/figures.csv")
DATA_PERIODS = ["2010", "2022H2", "2023H1", "2024H1", "2024H2", "2024", "2025H1"]


def facts_json(capsys, root: Path, period: str) -> dict:
    code, out, err = run_cli(capsys, "facts", "--project", root, "--release", "knowledge_services", "--period", period, "--format", "json")
    assert (code, err) == (0, "")
    return json.loads(out)


def find(facts: list[dict], **fields) -> list[dict]:
    return [f for f in facts if all(k in f and f[k] == v for k, v in fields.items())]


def one(facts: list[dict], **fields) -> dict:
    found = find(facts, **fields)
    assert len(found) == 1, f"expected one fact with {fields}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def h1(repo_root_module) -> list[dict]:
    """The 2025H1 facts of the bundled project, via the CLI (module-scoped: derived once)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["facts", "--project", str(repo_root_module), "--release", "knowledge_services", "--period", "2025H1", "--format", "json"])
    assert code == 0
    doc = json.loads(out.getvalue())
    assert (doc["release"], doc["period"]) == ("knowledge_services", "2025H1")
    return doc["facts"]


@pytest.fixture(scope="module")
def repo_root_module() -> Path:
    """The repository root (module scope, for module-scoped fixtures)."""
    return Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def csv_lines(repo_root_module) -> list[str]:
    """data/knowledge_services/figures.csv as a list of lines (index 0 is line 1)."""
    return (repo_root_module / FIGURES).read_text(encoding="utf-8").splitlines()


def level(facts, item, metric="balance"):
    return one(facts, kind="level", item=item, metric=metric)["value"]


def test_total_deficit_exports_and_imports(h1):
    assert level(h1, "total", "exports") == 19710
    assert level(h1, "total", "imports") == 24240
    balance = one(h1, kind="level", item="total", metric="balance")
    assert (balance["value"], balance["sign"]) == (-4530, "deficit")


def test_total_deficit_widened_by_770_from_the_second_half_of_last_year(h1):
    change = one(h1, kind="change", item="total", metric="balance", basis="previous_period")
    assert (change["base_period"], change["base_value"], change["value"]) == ("2024H2", -3760, -4530)
    assert (change["delta"], change["direction"]) == (-770, "widened")


@pytest.mark.parametrize(
    ("item", "value", "sign"),
    [("ics", 1960, "surplus"), ("culture", 440, "surplus"), ("pbs", -4480, "deficit"), ("ip", -2450, "deficit"),
     ("ind.infocomm", 1640, "surplus"), ("ind.manufacturing", -2470, "deficit"), ("ind.platforms", -2200, "deficit"),
     ("inst.midsize", 930, "surplus"), ("inst.large", -3750, "deficit"), ("inst.platforms", -2200, "deficit"),
     ("reg.asia", 3570, "surplus"), ("reg.north_america", -3770, "deficit"), ("reg.europe", -2180, "deficit")],
)
def test_category_industry_institution_region_levels(h1, item, value, sign):
    fact = one(h1, kind="level", item=item, metric="balance")
    assert (fact["value"], fact["sign"]) == (value, sign)


def test_ics_led_by_platform_services(h1):
    driver = one(h1, kind="driver", item="ics", basis="level")
    assert (driver["child"], driver["child_value"], driver["value"]) == ("ics.platform", 1410, 1960)


def test_platform_surplus_grew_by_660_from_750(h1):
    change = one(h1, kind="change", item="ics.platform", metric="balance", basis="previous_period")
    assert (change["base_value"], change["value"], change["delta"], change["direction"]) == (750, 1410, 660, "widened")
    assert change["sign"] == "surplus"


def test_software_copyright_deficit_widened_from_610_to_1070(h1):
    change = one(h1, kind="change", item="ip.copyright.software", metric="balance", basis="previous_period")
    assert (change["base_value"], change["value"], change["direction"]) == (-610, -1070, "widened")


def test_composition_ics_grew_but_ip_and_pbs_deficits_grew_more(h1):
    fact = one(h1, kind="composition", item="total", dimension="category")
    assert (fact["delta"], fact["direction"], fact["sign"]) == (-770, "widened", "deficit")
    assert {m["item"] for m in fact["with"]} == {"ip", "pbs"}
    assert all(m["sign"] == "deficit" and m["direction"] == "widened" for m in fact["with"])
    against = {m["item"]: m for m in fact["against"]}
    assert set(against) == {"ics"}
    assert (against["ics"]["sign"], against["ics"]["delta"]) == ("surplus", 680)
    assert abs(fact["with_delta"]) > abs(fact["against_delta"])


def test_rank_main_contributors(h1):
    category_surplus = one(h1, kind="rank", dimension="category", extreme="surplus")
    assert category_surplus["main"] == ["ics"]
    category_deficit = one(h1, kind="rank", dimension="category", extreme="deficit")
    assert set(category_deficit["main"]) == {"ip", "pbs"}
    industry_deficit = one(h1, kind="rank", dimension="industry", extreme="deficit")
    assert industry_deficit["members"][0]["item"] == "ind.manufacturing"
    institution_deficit = one(h1, kind="rank", dimension="institution", extreme="deficit")
    assert institution_deficit["members"][0]["item"] == "inst.large"
    region_surplus = one(h1, kind="rank", dimension="region", extreme="surplus")
    assert (region_surplus["main"], region_surplus["only"]) == (["reg.asia"], True)
    region_deficit = one(h1, kind="rank", dimension="region", extreme="deficit")
    assert [m["item"] for m in region_deficit["members"]] == ["reg.north_america", "reg.europe"]
    assert region_deficit["main"][0] == "reg.north_america"
    assert region_deficit["only"] is False


def test_ict_industry(h1):
    assert (level(h1, "ict", "exports"), level(h1, "ict", "imports"), level(h1, "ict")) == (6370, 4800, 1570)
    driver = one(h1, kind="driver", item="ict", basis="level")
    assert (driver["child"], driver["child_value"]) == ("ict.games", 2160)
    assert driver["opposite"] == [{"item": "ict.info_services", "value": -550}]


def test_content_industry(h1):
    assert (level(h1, "content", "exports"), level(h1, "content", "imports"), level(h1, "content")) == (5780, 3280, 2510)
    driver = one(h1, kind="driver", item="content", basis="level")
    assert (driver["child"], driver["child_value"]) == ("content.games", 2260)
    assert {"item": "content.music", "value": 590} in driver["members"]
    assert driver["opposite"] == [{"item": "content.knowledge", "value": -830}]


def test_ics_record_is_asserted_with_a_source(h1):
    record = one(h1, kind="record", item="ics")
    assert record["asserted"] is True
    assert (record["metric"], record["extreme"], record["since"]) == ("balance", "largest_surplus", None)
    assert record["rule"] == "annotation"
    (source,) = record["sources"]
    assert source["annotation"] == "data/knowledge_services/annotations/2025H1.yaml"
    assert "Bank of Korea" in source["source"]
    assert isinstance(source["line"], int) and source["line"] > 0


def test_only_annotation_facts_are_asserted(h1):
    for fact in h1:
        assert fact.get("asserted", False) == (fact["rule"] == "annotation"), fact["id"]


def _check_sources(facts: list[dict], csv_lines: list[str]) -> int:
    header = next(csv.reader([csv_lines[0]]))
    checked = 0
    for fact in facts:
        if fact.get("asserted"):
            continue
        assert fact["sources"], f"{fact['id']} has no sources"
        for source in fact["sources"]:
            assert source["file"] == FIGURES.as_posix()
            row = dict(zip(header, next(csv.reader([csv_lines[source["line"] - 1]]))))
            assert (row["period"], row["item"]) == (source["period"], source["item"]), fact["id"]
            assert Decimal(row[source["metric"]]) == Decimal(str(source["value"])), fact["id"]
            checked += 1
    return checked


def test_every_source_points_to_the_right_csv_row(h1, csv_lines):
    assert _check_sources(h1, csv_lines) > len(h1)


@pytest.mark.parametrize("period", DATA_PERIODS)
def test_every_period_in_the_data_derives(capsys, repo_root, csv_lines, period):
    periods_in_csv = {line.split(",", 1)[0] for line in csv_lines[1:]}
    assert period in periods_in_csv
    doc = facts_json(capsys, repo_root, period)
    assert doc["period"] == period
    ids = [f["id"] for f in doc["facts"]]
    assert len(ids) == len(set(ids)), "fact ids must be unique"
    assert all(f["period"] == period for f in doc["facts"])
    _check_sources(doc["facts"], csv_lines)
    # No record spans a missing period: its cited cells are consecutive periods ending at P.
    for fact in find(doc["facts"], kind="record"):
        if fact.get("asserted"):
            continue
        periods = [Period.parse(s["period"]) for s in fact["sources"]]
        assert periods[0] == Period.parse(period)
        assert all(later.previous() == earlier for later, earlier in zip(periods, periods[1:])), fact["id"]


def test_the_data_periods_are_all_tested(csv_lines):
    assert {line.split(",", 1)[0] for line in csv_lines[1:]} == set(DATA_PERIODS)


def test_2025H1_total_deficit_is_no_record_across_the_2023H2_gap(h1, csv_lines):
    assert not any(line.startswith("2023H2,") for line in csv_lines)
    assert find(h1, kind="record", item="total") == []
    assert [f for f in h1 if f["kind"] == "record" and not f.get("asserted")] == []


def test_facts_are_deterministic(capsys, repo_root):
    first = run_cli(capsys, "facts", "--project", repo_root, "--release", "knowledge_services", "--period", "2025H1", "--format", "json")
    second = run_cli(capsys, "facts", "--project", repo_root, "--release", "knowledge_services", "--period", "2025H1", "--format", "json")
    assert first == second


def test_2024_long_run_comparisons(capsys, repo_root):
    facts = facts_json(capsys, repo_root, "2024")["facts"]
    change = one(facts, kind="change", item="total", metric="balance", basis="long_run")
    assert (change["base_period"], change["base_value"], change["value"]) == ("2010", -12770, -7260)
    assert (change["direction"], change["delta"]) == ("narrowed", 5510)
    multiple = one(facts, kind="multiple", item="ics", metric="exports")
    assert (multiple["base_period"], multiple["base_value"], multiple["value"], multiple["multiple"]) == ("2010", 510, 5200, 10.2)
    # An annual period has no separate year-ago comparison, and 2023 is not in the data.
    assert find(facts, kind="change", basis="year_ago") == []
    assert find(facts, kind="change", basis="previous_period") == []
