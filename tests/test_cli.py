"""The command line on the bundled project: output and exit codes are a contract."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from generator.facts.rules import RULES

from helpers import run_cli, snapshot

DATA_PERIODS = "2010, 2022H2, 2023H1, 2024H1, 2024H2, 2024, 2025H1"
RELEASES = ("consumer_prices", "knowledge_services", "monthly_trade")
# The bundled project holds three releases: commands that serve one need --release.
KS = ("--release", "knowledge_services")


@pytest.fixture
def figures_rows(repo_root) -> list[dict]:
    """The bundled figures.csv as dictionaries."""
    with open(repo_root / "data" / "knowledge_services" / "figures.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_facts_json_and_table_agree(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, *KS, "--period", "2025H1", "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert set(doc) == {"release", "period", "facts"}
    for fact in doc["facts"]:
        assert {"id", "kind", "rule", "item", "period", "sources"} <= set(fact)
    code, table, err = run_cli(capsys, "facts", "--project", repo_root, *KS, "--period", "2025H1")
    assert (code, err) == (0, "")
    lines = table.splitlines()
    assert lines[0].split() == ["KIND", "ITEM", "METRIC", "STATEMENT"]
    assert lines[-1] == (f"{len(doc['facts'])} facts for knowledge_services 2025H1 "
                         "(values in millions of US dollars; * asserted by annotation)")
    assert len(lines) == len(doc["facts"]) + 3
    body = lines[1:-2]
    assert [line.split()[0].rstrip("*") for line in body] == [f["kind"] for f in doc["facts"]]
    assert [line.split()[1] for line in body] == [f["item"] for f in doc["facts"]]
    # A balance that kept its sign has a percent too: 770 / 3,760 = 20.48%.
    assert "-3,760 in 2024H2 → -4,530: widened by 770, 20.5% (previous_period)" in table


def test_facts_default_period_is_the_latest(capsys, repo_root):
    code, out, _ = run_cli(capsys, "facts", "--project", repo_root, *KS, "--format", "json")
    assert code == 0
    assert json.loads(out)["period"] == "2025H1"


def test_periods_lists_every_period_with_counts_from_the_csv(capsys, repo_root, figures_rows):
    code, out, err = run_cli(capsys, "periods", "--project", repo_root, *KS)
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
    # Every release is validated, in the order of their files.
    assert [line.split()[1] for line in out.splitlines() if line.startswith("config: ")] == [
        f"config/{release}.yaml:" for release in RELEASES]
    code, out, err = run_cli(capsys, "validate", "--project", repo_root, *KS)
    assert (code, err) == (0, "")
    values = sum(1 for r in figures_rows for m in ("exports", "imports", "balance") if r[m].strip())
    with open(repo_root / "data" / "knowledge_services" / "items.csv", encoding="utf-8") as handle:
        items = sum(1 for _ in handle) - 1
    config = yaml.safe_load((repo_root / "config" / "knowledge_services.yaml").read_text(encoding="utf-8"))
    assert out.splitlines()[:3] == [
        f"config: config/knowledge_services.yaml: ok ({len(config['metrics'])} metrics, {len(config['dimensions'])} dimensions, "
        f"{len(config['sections'])} sections)",
        f"items: data/knowledge_services/items.csv: ok ({items} items)",
        f"figures: data/knowledge_services/figures.csv: ok ({values} values in 7 periods)",
    ]
    assert any(line.startswith("annotations: data/knowledge_services/annotations/2025H1.yaml: ok") for line in out.splitlines())
    assert snapshot(repo_root / "data") == before


def test_unknown_period_lists_the_periods(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, *KS, "--period", "2023H2")
    assert (code, out) == (2, "")
    assert err == ("Error: --period: no figures for period 2023H2\n"
                   f"  hint: periods in the data: {DATA_PERIODS} (run 'pressgen periods --release knowledge_services')\n")


def test_malformed_period(capsys, repo_root):
    code, out, err = run_cli(capsys, "facts", "--project", repo_root, *KS, "--period", "2025H3")
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
        main(["--traceback", "facts", "--project", str(repo_root), *KS, "--period", "2023H2"])


def test_facts_of_a_release_with_several_units_says_each_metric_has_its_own(capsys, repo_root):
    code, table, err = run_cli(capsys, "facts", "--project", repo_root, "--release", "consumer_prices", "--period", "2025-11")
    assert (code, err) == (0, "")
    assert table.splitlines()[-1].endswith("facts for consumer_prices 2025-11 (values in each metric's unit; "
                                           "* asserted by annotation)")


def test_releases_lists_every_release_with_its_frequency_and_own_periods(capsys, repo_root):
    code, out, err = run_cli(capsys, "releases", "--project", repo_root)
    assert (code, err) == (0, "")
    assert [line.split()[:3] for line in out.splitlines()] == [
        ["consumer_prices", "monthly", "2023-01–2025-11"],
        ["knowledge_services", "half", "2022H2–2025H1"],
        ["monthly_trade", "monthly", "2022-08–2025-12"],
    ]
    assert out.splitlines()[1].endswith("Knowledge Services Trade Statistics (the Bank of Korea)")
    code, out, err = run_cli(capsys, "releases", "--project", repo_root, *KS)
    assert (code, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == ["knowledge_services"]


@pytest.mark.parametrize("command", [("facts",), ("facts", "--period", "2025H1"), ("periods",)])
def test_a_one_release_command_without_release_names_the_releases(capsys, repo_root, command):
    code, out, err = run_cli(capsys, *command, "--project", repo_root)
    assert (code, out) == (2, "")
    assert err == (f"Error: '{command[0]}' works on one release; the project defines {', '.join(RELEASES)}\n"
                   f"  hint: choose one with --release NAME, e.g. pressgen {command[0]} --release consumer_prices\n")


def test_draft_period_needs_release_in_a_multi_release_project(capsys, tmp_path):
    from drafting import copy_bundled

    root = copy_bundled(tmp_path / "project", release=None)
    code, out, err = run_cli(capsys, "draft", "--project", root, "--period", "2025H1")
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: 'draft --period' works on one release; the project defines {', '.join(RELEASES)}\n")
    assert not (root / "output").exists()


def test_draft_without_options_drafts_the_latest_period_of_each_release(capsys, tmp_path):
    from drafting import copy_bundled, split_front_matter

    root = copy_bundled(tmp_path / "project", release=None)
    code, out, err = run_cli(capsys, "draft", "--project", root)
    assert (code, err) == (0, "")
    latest = {"consumer_prices": "2025-11", "knowledge_services": "2025H1", "monthly_trade": "2025-12"}
    wrote = out.splitlines()
    for release, period in latest.items():
        for name in ("release.en.md", "release.ko.md", "facts.json", "review.md", "review.html"):
            assert f"wrote output/{release}/{period}/{name}" in wrote
    # Nothing else but each release's declared charts.
    assert all(line.startswith("wrote output/") and (line.rsplit("/", 1)[1].startswith("chart-")
                                                     or line.rsplit("/", 1)[1] in ("release.en.md", "release.ko.md", "facts.json", "review.md", "review.html"))
               for line in wrote)
    for release, period in latest.items():
        folder = root / "output" / release
        assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == [period]
        for lang in ("en", "ko"):
            meta, body = split_front_matter((folder / period / f"release.{lang}.md").read_text(encoding="utf-8"))
            assert (meta["release"], str(meta["period"]), meta["language"]) == (release, period, lang)
            assert body.startswith("# ")
        assert json.loads((folder / period / "facts.json").read_text(encoding="utf-8"))["release"] == release


def test_validate_prints_nothing_until_every_release_validated(capsys, tmp_path):
    """The first release is fine, the last is broken: no "ok" lines for the first on stdout."""
    from drafting import copy_bundled

    root = copy_bundled(tmp_path / "project", release=None)
    path = root / "config" / "monthly_trade.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("frequency: monthly", "frequency: montly"), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", root)
    assert (code, out) == (2, "")
    assert err.startswith("Error: config/monthly_trade.yaml:")
    assert "unknown frequency 'montly'" in err
