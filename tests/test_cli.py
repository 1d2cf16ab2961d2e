"""The command line on the bundled project: output and exit codes are a contract."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from generator.facts.rules import RULES

from helpers import run_cli, snapshot

DATA_PERIODS = "2010, 2022H2, 2023H1, 2024H1, 2024H2, 2024, 2025H1"


@pytest.fixture
def figures_rows(repo_root) -> list[dict]:
    """The bundled figures.csv as dictionaries."""
    with open(repo_root / "data" / "knowledge_services" / "figures.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_facts_json_and_table_agree(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, "--period", "2025H1", "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert set(doc) == {"release", "period", "facts"}
    for fact in doc["facts"]:
        assert {"id", "kind", "rule", "item", "period", "sources"} <= set(fact)
    code, table, err = run_cli(capsys, "facts", "--project", repo_root, "--period", "2025H1")
    assert (code, err) == (0, "")
    lines = table.splitlines()
    assert lines[0].split() == ["KIND", "ITEM", "METRIC", "STATEMENT"]
    assert lines[-1] == (f"{len(doc['facts'])} facts for knowledge_services 2025H1 "
                         "(values in millions of US dollars; * asserted by annotation)")
    assert len(lines) == len(doc["facts"]) + 3
    body = lines[1:-2]
    assert [line.split()[0].rstrip("*") for line in body] == [f["kind"] for f in doc["facts"]]
    assert [line.split()[1] for line in body] == [f["item"] for f in doc["facts"]]
    assert "-3,760 in 2024H2 → -4,530: widened by 770 (previous_period)" in table


def test_facts_default_period_is_the_latest(capsys, repo_root):
    code, out, _ = run_cli(capsys, "facts", "--project", repo_root, "--format", "json")
    assert code == 0
    assert json.loads(out)["period"] == "2025H1"


def test_periods_lists_every_period_with_counts_from_the_csv(capsys, repo_root, figures_rows):
    code, out, err = run_cli(capsys, "periods", "--project", repo_root)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["PERIOD", "ITEMS", "VALUES"]
    expected = []
    for period in DATA_PERIODS.split(", "):
        rows = [r for r in figures_rows if r["period"] == period]
        values = sum(1 for r in rows for m in ("exports", "imports", "balance") if r[m].strip())
        expected.append([period, str(len(rows)), str(values)])
    assert [line.split() for line in lines[1:8]] == expected
    assert lines[8] == ""
    total_line = next(line for line in lines if line.startswith("total "))
    # total: balance only in 2010, 2022H2, 2023H1, 2024H1; exports+balance in 2024H2; all three in 2024 and 2025H1.
    assert total_line.split() == ["total", "b", "b", "b", "b", "eb", "eib", "eib"]


def test_rules_lists_the_registry(capsys, repo_root):
    code, out, err = run_cli(capsys, "rules", "--project", repo_root)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES):
        assert line.split()[:3] == [rule.code, rule.name, rule.status]
        assert line.endswith(rule.summary)
        assert rule.summary


def test_validate_the_bundled_project(capsys, repo_root, figures_rows):
    before = snapshot(repo_root / "data")
    code, out, err = run_cli(capsys, "validate", "--project", repo_root)
    assert (code, err) == (0, "")
    values = sum(1 for r in figures_rows for m in ("exports", "imports", "balance") if r[m].strip())
    with open(repo_root / "data" / "knowledge_services" / "items.csv", encoding="utf-8") as handle:
        items = sum(1 for _ in handle) - 1
    config = yaml.safe_load((repo_root / "config" / "knowledge_services.yaml").read_text(encoding="utf-8"))
    assert out.splitlines()[:3] == [
        f"config: config/knowledge_services.yaml: ok ({len(config['dimensions'])} dimensions, {len(config['sections'])} sections)",
        f"items: data/knowledge_services/items.csv: ok ({items} items)",
        f"figures: data/knowledge_services/figures.csv: ok ({values} values in 7 periods)",
    ]
    assert any(line.startswith("annotations: data/knowledge_services/annotations/2025H1.yaml: ok") for line in out.splitlines())
    assert snapshot(repo_root / "data") == before


def test_unknown_period_lists_the_periods(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, "--period", "2023H2")
    assert (code, out) == (2, "")
    assert err == ("Error: --period: no figures for period 2023H2\n"
                   f"  hint: periods in the data: {DATA_PERIODS} (run 'pressgen periods')\n")


def test_malformed_period(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, "--period", "2025H3")
    assert (code, out) == (2, "")
    assert err == "Error: --period: '2025H3' is not a period; a year has 2 halves\n"


def test_bad_format(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, "--format", "xml")
    assert (code, out) == (2, "")
    assert err.startswith("Error: argument --format: invalid choice: 'xml'")
    assert err.endswith("  hint: run 'pressgen facts --help' for usage\n")
    assert "Traceback" not in err


def test_unknown_command(capsys):
    code, out, err = run_cli(capsys, "draftt")
    assert (code, out) == (2, "")
    assert err.startswith("Error: argument COMMAND: invalid choice: 'draftt'")


def test_project_that_is_not_a_project(capsys, tmp_path):
    code, out, err = run_cli(capsys, "validate", "--project", tmp_path)
    assert (code, out) == (2, "")
    assert err == (f"Error: no release definition found in {tmp_path / 'config'}\n"
                   "  hint: run pressgen inside a release project, or point --project at one "
                   "(a folder with config/<release>.yaml)\n")
    assert list(tmp_path.iterdir()) == []


def test_project_folder_that_does_not_exist(capsys, tmp_path):
    missing = tmp_path / "nowhere"
    code, out, err = run_cli(capsys, "facts", "--project", missing)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: project folder not found: {missing}\n")
    assert not missing.exists()


def test_traceback_flag_reraises(repo_root):
    from generator.cli import main
    from generator.errors import UsageError

    with pytest.raises(UsageError):
        main(["--traceback", "facts", "--project", str(repo_root), "--period", "2023H2"])
