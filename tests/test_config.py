"""Release definitions: every invalid key or value is one located message, exit code 2, via ``pressgen validate``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.config import DEFAULT_THRESHOLDS, load_release
from generator.errors import ConfigError
from generator.facts.rules import RULES

from helpers import CONFIG, config_text, make_project, run_cli, validate_fails

TOP_KEYS = ("id, name, publisher, subject, data, templates, series_start, precision, total, dimensions, sections, "
            "languages, unit, style, thresholds, disabled_rules, aliases, check, allow_outside_project")


@pytest.fixture
def project(tmp_path):
    """A valid synthetic project whose config/test.yaml the tests rewrite."""
    return make_project(tmp_path, [("2025H1", "total", None, None, -4530)])


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
    assert config.series_start == 2010 and config.precision == 10 and config.total == "total"


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
        ("series_start: 2010", "series_start: '2010'", "series_start", "'series_start' must be a positive whole number, got '2010'"),
        ("precision: 10", "precision: 0", "precision", "'precision' must be a positive whole number, got a number (0)"),
        ("precision: 10", "precision: true", "precision", "'precision' must be a positive whole number, got a yes/no value (true)"),
        ("  multiple_min: 2", "  multiple_min: -1", "multiple_min",
         "threshold 'multiple_min' must be a number of zero or more, got a number (-1)"),
        ("  multiple_min: 2", "  multiple_min: two", "multiple_min",
         "threshold 'multiple_min' must be a number of zero or more, got 'two'"),
        ("total: total", "total: [total]", "total: [", "'total' in the release definition must be a non-empty text, got a list"),
        ("  special: true", "  special: 'yes'", "special: 'yes'", "'special' in dimension 'channel' must be true or false, got 'yes'"),
    ],
    ids=["series-start-text", "precision-zero", "precision-bool", "threshold-negative", "threshold-text", "total-list",
         "special-text"],
)
def test_wrong_types(capsys, project, old, new, needle, message):
    text = rewrite(project, old, new)
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: config/test.yaml:{position(text, needle)}: {message}"


def test_dimensions_must_be_a_list(capsys, project):
    text = config_text()
    start, end = text.index("dimensions:\n"), text.index("sections:\n")
    (project / CONFIG).write_text(text[:start] + "dimensions: category\n" + text[end:], encoding="utf-8")
    first, _ = validate_fails(capsys, project)
    assert first == "Error: config/test.yaml:23:1: 'dimensions' must be a list, got 'category'"


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


def test_unknown_section(capsys, project):
    text = rewrite(project, "- region\nstyle:", "- lede\nstyle:")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: config/test.yaml:{position(text, 'lede')}: unknown section 'lede'; expected one of lead, "
                     "category, industry, institution, region, contributors, remarks, special (did you mean 'lead'?)")


def test_yaml_syntax_error_names_the_line(capsys, project):
    rewrite(project, "  en: Test Trade Statistics", "  en: Test: Trade Statistics")
    first, err = validate_fails(capsys, project)
    assert first == "Error: config/test.yaml:3:11: YAML syntax error: mapping values are not allowed here"
    assert "hint: check indentation, colons and quotes around this line" in err


def test_duplicate_key_names_the_first_line(capsys, project):
    text = rewrite(project, "disabled_rules: []\n", "disabled_rules: []\nprecision: 100\n")
    first, _ = validate_fails(capsys, project)
    line = text.count("\n", 0, text.index("precision: 100")) + 1
    assert first == f"Error: config/test.yaml:{line}:1: duplicate key 'precision' (first given on line 21)"


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
    rewrite(project, "precision: 10", "precision: ten")
    with pytest.raises(ConfigError) as info:
        load_release(project / CONFIG, project)
    assert (info.value.path, info.value.line, info.value.column) == ("config/test.yaml", 21, 1)
    assert info.value.exit_code == 2


def test_two_release_definitions_need_release(capsys, project):
    (project / "config" / "other.yaml").write_text(config_text(), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--project", project)
    assert (code, out) == (2, "")
    assert err.startswith("Error: the project defines several releases (other, test)\n  hint: choose one with --release NAME")
    code, out, err = run_cli(capsys, "validate", "--project", project, "--release", "test")
    assert (code, err) == (0, "")
    code, out, err = run_cli(capsys, "validate", "--project", project, "--release", "tset")
    assert code == 2
    assert err.startswith("Error: unknown release 'tset'; the project defines other, test (did you mean 'test'?)")


def test_impossible_date_value_is_a_located_error_not_a_crash(capsys, project):
    """PyYAML builds 2025-13-01 as a date and raises ValueError: load_yaml must turn it into a located error."""
    text = rewrite(project, "unit: million_usd", "unit: 2025-13-01")
    first, _ = validate_fails(capsys, project)
    assert first.startswith(f"Error: config/test.yaml:{position(text, 'unit').split(':')[0]}:")
