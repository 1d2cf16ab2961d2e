"""Release definitions: every invalid key or value is one located message, exit code 2, via ``pressgen validate``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.config import DEFAULT_THRESHOLDS, load_release
from generator.errors import ConfigError
from generator.facts.rules import RULES
from generator.periods import Period

from helpers import CONFIG, config_text, make_project, run_cli, validate_fails

TOP_KEYS = ("id, name, publisher, subject, frequency, data, templates, series_start, metrics, total, dimensions, "
            "sections, languages, headline, style, thresholds, disabled_rules, aliases, check, streaks, charts, wording, "
            "allow_outside_project")


@pytest.fixture
def project(tmp_path):
    """A valid synthetic project whose config/test.yaml the tests rewrite."""
    return make_project(tmp_path, [("2025H1", "total", None, None, -4530)])


# The exports metric's precision: "precision: 10" occurs once per metric, this text only once.
EXPORTS_PRECISION = "    precision: 10\n    name:\n      en: exports"


def rewrite(root, old: str, new: str) -> str:
    """Replace ``old`` (which must occur once) in the release definition; return the new text."""
    text = config_text()
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    (root / CONFIG).write_text(text, encoding="utf-8")
    return text


def position(text: str, needle: str) -> str:
    """``line:col`` (1-based) of the first occurrence of ``needle``."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def test_the_minimal_config_is_valid_and_frozen(project):
    config = load_release(project / CONFIG, project)
    assert config.id == "test"
    assert config.figures == (project / "data" / "test" / "figures.csv").resolve()
    assert [d.id for d in config.dimensions] == ["category", "region", "channel"]
    assert config.thresholds["main_contributor_share"] == Decimal("0.667")
    assert config.money_style == {"en": "words", "ko": "compact"}
    assert config.display(config.figures) == "data/test/figures.csv"


def test_thresholds_default_when_absent(tmp_path):
    root = make_project(tmp_path, [("2025H1", "total", None, None, 1)], config_overrides={"thresholds": None})
    assert load_release(root / CONFIG, root).thresholds == DEFAULT_THRESHOLDS


def test_the_bundled_config_is_valid(repo_root):
    config = load_release(repo_root / "config" / "knowledge_services.yaml", repo_root)
    assert config.series_start == Period(2010, "Y", 1) and config.total == "total"
    assert config.frequency == "half" and config.frequency_kind == "H"
    assert {m: config.metric(m).precision for m in config.metrics} == {"exports": 10, "imports": 10, "balance": 10}
    assert config.metric("balance").identity == ((1, "exports"), (-1, "imports"))
    assert config.headline is not None and (config.headline.item, config.headline.metric) == ("total", "balance")


@pytest.mark.parametrize("release", ["knowledge_services", "monthly_trade", "consumer_prices"])
def test_every_bundled_release_definition_is_valid(repo_root, release):
    config = load_release(repo_root / "config" / f"{release}.yaml", repo_root)
    assert config.id == release
    assert config.sections[0].kind == "lead"


def test_unknown_top_level_key_with_did_you_mean(capsys, project):
    text = rewrite(project, "disabled_rules: []\n", "disabled_rules: []\ntreshold: {}\n")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'treshold')}: unknown key 'treshold' in the release "
                     f"definition; expected one of {TOP_KEYS} (did you mean 'thresholds'?)")


def test_unknown_threshold_with_did_you_mean(capsys, project):
    text = rewrite(project, "  driver_min_share: 0.5", "  driver_min_shar: 0.5")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'driver_min_shar')}: unknown key 'driver_min_shar' in "
                     f"'thresholds'; expected one of {', '.join(DEFAULT_THRESHOLDS)} (did you mean 'driver_min_share'?)")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("series_start: 2010", "series_start: twenty ten", "series_start",
         "'series_start': 'twenty ten' is not a period; expected a year (2025), a half (2025H1, 2025H2), a quarter "
         "(2025Q1..2025Q4) or a month (2025-01..2025-12)"),
        ("series_start: 2010", "series_start: 10.5", "series_start",
         "'series_start' must be a year (2010) or a period (1956-01), got a number (10.5)"),
        (EXPORTS_PRECISION, EXPORTS_PRECISION.replace("10", "0"), "precision: 0",
         "'precision' of metric 'exports' must be a positive number, got a number (0)"),
        (EXPORTS_PRECISION, EXPORTS_PRECISION.replace("10", "true"), "precision: true",
         "'precision' of metric 'exports' must be a positive number such as 10 or 0.1, got a yes/no value (true)"),
        (EXPORTS_PRECISION, EXPORTS_PRECISION.replace("10", "'10'"), "precision: '10'",
         "'precision' of metric 'exports' must be a positive number such as 10 or 0.1, got '10'"),
        ("  multiple_min: 2", "  multiple_min: -1", "multiple_min",
         "threshold 'multiple_min' must be a number of zero or more, got a number (-1)"),
        ("  multiple_min: 2", "  multiple_min: two", "multiple_min",
         "threshold 'multiple_min' must be a number of zero or more, got 'two'"),
        ("total: total", "total: [total]", "total: [", "'total' in the release definition must be a non-empty text, got a list"),
        ("  special: true", "  special: 'yes'", "special: 'yes'", "'special' in dimension 'channel' must be true or false, got 'yes'"),
    ],
    ids=["series-start-text", "series-start-fraction", "precision-zero", "precision-bool", "precision-text", "threshold-negative", "threshold-text", "total-list",
         "special-text"],
)
def test_wrong_types(capsys, project, old, new, needle, message):
    text = rewrite(project, old, new)
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{position(text, needle)}: {message}"


def test_dimensions_must_be_a_list(capsys, project):
    text = config_text()
    start, end = text.index("dimensions:\n"), text.index("sections:\n")
    text = text[:start] + "dimensions: category\n" + text[end:]
    (project / CONFIG).write_text(text, encoding="utf-8")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{position(text, 'dimensions')}: 'dimensions' must be a list, got 'category'"


def test_languages_must_be_a_list(capsys, project):
    """``languages: en`` is a text, not the list [e, n]: say so instead of "unknown language 'e'"."""
    text = rewrite(project, "languages:\n- en\n- ko\n", "languages: en\n")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{position(text, 'languages')}: 'languages' must be a list, got 'en'"


def test_unknown_money_style(capsys, project):
    text = rewrite(project, "    en: words", "    en: word")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'en: word')}: unknown money style 'word' for 'en'; "
                     "expected one of words, symbol (did you mean 'words'?) (at key 'style.money.en')")


SECTION_KINDS = "lead, breakdown, contributors, cumulative, remarks, special"
REGION_SECTION = "- kind: breakdown\n  dimension: region\n  metrics:\n  - balance\n"


def test_unknown_section(capsys, project):
    text = rewrite(project, "- kind: lead\n", "- kind: lede\n")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'kind: lede')}: unknown section kind 'lede'; expected one of "
                     f"{SECTION_KINDS} (did you mean 'lead'?)")


def test_a_bare_section_kind_is_accepted(project):
    rewrite(project, "- kind: lead\n", "- lead\n")
    assert [s.kind for s in load_release(project / CONFIG, project).sections] == ["lead", "breakdown", "breakdown"]


def test_a_dimension_as_a_bare_section_says_how_to_break_it_down(capsys, project):
    """Sections used to be dimension names; now a dimension is a parameter of a breakdown section."""
    text = rewrite(project, REGION_SECTION, "- region\n")
    first, err = validate_fails(capsys, project)
    at = position(text, "region\nstyle:")
    assert first == (f"Error: config/test.yaml:{at}: unknown section kind 'region'; "
                     f"expected one of {SECTION_KINDS}")
    assert "hint: a dimension is broken down with {kind: breakdown, dimension: region}" in err


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("    kind: flow\n    unit: usd_million\n    precision: 10\n    name:\n      en: exports",
         "    kind: flux\n    unit: usd_million\n    precision: 10\n    name:\n      en: exports", "kind: flux",
         "unknown kind 'flux' of metric 'exports'; expected one of flow, balance, level, index, rate, contribution"),
        ("    unit: usd_million\n    precision: 10\n    name:\n      en: exports",
         "    unit: usd_millions\n    precision: 10\n    name:\n      en: exports", "unit: usd_millions",
         "unknown unit 'usd_millions' of metric 'exports'; expected one of usd_million, percent, pp, index, "
         "thousand_persons, persons (did you mean 'usd_million'?)"),
        ("    identity: exports - imports", "    identity: exports - import", "identity",
         "the identity of metric 'balance' names undeclared metric 'import' (did you mean 'imports'?)"),
        ("    identity: exports - imports", "    identity: exports minus imports", "identity",
         "'identity' of metric 'balance' must be a sum such as 'exports - imports', got 'exports minus imports'"),
        ("      ko: 수입\n  balance:", "      ko: 수입\n    percent_of: {metric: export, basis: year_ago}\n  balance:",
         "metric: export,", "'percent_of' of metric 'imports' names undeclared metric 'export' (did you mean 'exports'?)"),
        ("      ko: 수입\n  balance:", "      ko: 수입\n    percent_of: {metric: exports, basis: last_year}\n  balance:",
         "basis: last_year", "unknown basis 'last_year' in 'percent_of' of metric 'imports'; expected one of "
         "previous_period, year_ago"),
        ("  dimension: region\n", "  dimension: regoin\n", "dimension: regoin",
         "section #3 breaks down unknown dimension 'regoin'; defined: category, region, channel (did you mean 'region'?)"),
        ("  dimension: region\n", "  dimension: region\n  limit: ten\n", "limit",
         "'limit' of section #3 must be a whole number of 1 or more, got 'ten'"),
        ("  dimension: region\n", "  dimension: region\n  limit: 0\n", "limit",
         "'limit' of section #3 must be a whole number of 1 or more, got a number (0)"),
        ("  dimension: region\n", "  dimension: region\n  order: size\n", "order",
         "'order' of section #3 must be 'value', 'change' or 'contribution', got 'size'"),
        ("  metric: balance\n  basis", "  metric: balanse\n  basis", "metric: balanse",
         "'metric' of 'headline' names undeclared metric 'balanse'; declared: exports, imports, balance "
         "(did you mean 'balance'?)"),
        ("  basis: previous_period", "  basis: last_period", "basis: last_period",
         "'basis' of 'headline' names unknown basis 'last_period'; expected one of previous_period, year_ago "
         "(did you mean 'previous_period'?)"),
        ("frequency: half", "frequency: halfyear", "frequency",
         "unknown frequency 'halfyear'; expected one of annual, half, quarterly, monthly (did you mean 'half'?)"),
    ],
    ids=["metric-kind", "metric-unit", "identity-undeclared", "identity-not-a-sum", "percent-of-undeclared",
         "percent-of-basis", "breakdown-unknown-dimension", "limit-text", "limit-zero", "order", "headline-metric",
         "headline-basis", "frequency"],
)
def test_metric_section_and_headline_values(capsys, project, old, new, needle, message):
    text = rewrite(project, old, new)
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{_at(text, needle)}: {message}"


STREAK = "disabled_rules: []\nstreaks:\n- {item: total, metric: balance, "
CHART = "disabled_rules: []\ncharts:\n- {id: trend, kind: series, metric: balance, title: {en: Trend, ko: 추이}}\n"


@pytest.mark.parametrize(
    ("new", "needle", "message", "hint"),
    [
        (STREAK + "condition: over, threshold: 2}", "condition",
         "'condition' of streak #1 must be above, below or band, got 'over' (did you mean 'above'?)",
         "surplus, deficit and rises or falls are found for every metric without a threshold"),
        (STREAK + "condition: surplus, threshold: 2}", "condition",
         "'condition' of streak #1 must be above, below or band, got 'surplus'",
         "surplus, deficit and rises or falls are found for every metric without a threshold"),
        (STREAK + "condition: below, threshold: two}", "threshold",
         "'threshold' of streak #1 must be a number such as 10 or 0.1, got 'two'", None),
        (STREAK + "condition: band, threshold: 2}", "threshold",
         "'threshold' of streak #1 (a band) must be a list of two numbers such as [2.0, 2.9], got a number (2)", None),
        (STREAK + "condition: band, threshold: [3, 2]}", "threshold",
         "'threshold' of streak #1: the band's lower bound 3 is above its upper bound 2", None),
        (STREAK.replace("balance", "balanse") + "condition: below, threshold: 2}", "metric",
         "'metric' of streak #1 names undeclared metric 'balanse'; declared: exports, imports, balance "
         "(did you mean 'balance'?)", None),
        (CHART.replace("trend", "Trend", 1), "id: Trend",
         "chart id 'Trend' must use lower-case letters, digits and '-'", None),
        (CHART + CHART.split("\n", 2)[2], "id: trend, kind: series, metric: balance, title: {en: Trend, ko: 추이}}\n- {",
         "chart id 'trend' is given twice; give each chart its own id", None),
        (CHART.replace("series", "pie"), "kind: pie", "'kind' of chart #1 must be series or bars, got 'pie'", None),
        (CHART.replace("series", "bars"), "{id", "chart #1 (bars) needs 'dimension', one of category, region, channel", None),
    ],
    ids=["condition-unknown", "condition-without-threshold", "threshold-text", "band-not-a-list", "band-reversed",
         "streak-metric", "chart-id-case", "chart-id-twice", "chart-kind", "bars-without-dimension"],
)
def test_streak_and_chart_values(capsys, project, new, needle, message, hint):
    text = rewrite(project, "disabled_rules: []\n", new if new.endswith("\n") else new + "\n")
    first, err = validate_fails(capsys, project)
    if needle.endswith("- {"):  # the second chart's id
        location = _at(text, "id: trend", text.index(needle) + len(needle) - 3)
    else:
        location = _at(text, needle, text.index("disabled_rules: []\n") + 1)
    assert first == f"Error: config/test.yaml:{location}: {message}"
    assert (f"hint: {hint}" in err) if hint else ("hint:" not in err)


def _at(text: str, needle: str, start: int = 0) -> str:
    """``line:col`` (1-based) of the first ``needle`` at or after ``start``; for flow mappings, of the key."""
    offset = text.index(needle, start)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def test_yaml_syntax_error_names_the_line(capsys, project):
    rewrite(project, "  en: Test Trade Statistics", "  en: Test: Trade Statistics")
    first, err = validate_fails(capsys, project)
    assert first == "Error: config/test.yaml:3:11: YAML syntax error: mapping values are not allowed here"
    assert "hint: check indentation, colons and quotes around this line" in err


def test_duplicate_key_names_the_first_line(capsys, project):
    text = rewrite(project, "disabled_rules: []\n", "disabled_rules: []\ntotal: all\n")
    first, _ = validate_fails(capsys, project)
    line = text.count("\n", 0, text.index("total: all")) + 1
    assert first == (f"Error: config/test.yaml:{line}:1: duplicate key 'total' "
                     f"(first given on line {position(text, 'total: total').split(':')[0]})")


def test_the_old_top_level_precision_is_an_unknown_key(capsys, project):
    """Precision (and unit) moved into each metric: a left-over top-level key must not be silently ignored."""
    text = rewrite(project, "disabled_rules: []\n", "disabled_rules: []\nprecision: 100\n")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'precision: 100')}: unknown key 'precision' in the release "
                     f"definition; expected one of {TOP_KEYS}")


def test_missing_required_key(capsys, project):
    rewrite(project, "total: total\n", "")
    first, _ = validate_fails(capsys, project)
    assert first == "Error: config/test.yaml:1:1: the release definition is missing the required key 'total'"


def test_unknown_disabled_rule_with_did_you_mean(capsys, project):
    """A typo in ``disabled_rules`` must not silently leave the rule switched on."""
    text = rewrite(project, "disabled_rules: []", "disabled_rules: [levl]")
    first, err = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'levl')}: unknown rule 'levl' in 'disabled_rules' "
                     "(did you mean 'level'?)")
    assert "hint: run 'pressgen rules' for the list" in err


def test_known_disabled_rules_are_accepted(project):
    rewrite(project, "disabled_rules: []", f"disabled_rules: [{RULES[0].code}, {RULES[1].name}]")
    config = load_release(project / CONFIG, project)
    assert config.disabled_rules == frozenset({RULES[0].code, RULES[1].name})


def test_config_error_is_a_located_exception(project):
    text = rewrite(project, EXPORTS_PRECISION, EXPORTS_PRECISION.replace("10", "ten"))
    with pytest.raises(ConfigError) as info:
        load_release(project / CONFIG, project)
    line, column = position(text, "precision: ten").split(":")
    assert (info.value.path, info.value.line, info.value.column) == ("config/test.yaml", int(line), int(column))
    assert info.value.exit_code == 2


def test_two_release_definitions_validate_together_or_one_by_one(capsys, project):
    (project / "config" / "other.yaml").write_text(config_text({"id": "other"}), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", project)
    assert (code, err) == (0, "")
    code, out, err = run_cli(capsys, "validate", "--project", project, "--release", "test")
    assert (code, err) == (0, "")
    code, out, err = run_cli(capsys, "validate", "--project", project, "--release", "tset")
    assert code == 2
    assert err.startswith("Error: unknown release 'tset'; the project defines other, test (did you mean 'test'?)")


def test_impossible_date_value_is_a_located_error_not_a_crash(capsys, project):
    """PyYAML builds 2025-13-01 as a date and raises ValueError: load_yaml must turn it into a located error."""
    text = rewrite(project, "series_start: 2010", "series_start: 2025-13-01")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{position(text, '2025-13-01')}: invalid value '2025-13-01': month must be in 1..12"


def test_a_release_id_must_equal_the_file_name(capsys, project):
    """--release names a file: a release whose id differs from its file's name could not be chosen by it."""
    (project / "config" / "other.yaml").write_text(config_text(), encoding="utf-8")
    first, err = validate_fails(capsys, project)
    assert first == "Error: config/other.yaml:1:1: release id 'test' differs from the file name other.yaml"
    assert "hint: set 'id: other' or rename the file to test.yaml (--release uses the file name)" in err
