"""Editor annotations: validated against the dataset, located errors with exit code 2, asserted facts marked."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.periods import Period
from generator.project import open_project

from helpers import facts_for, make_project, run_cli, validate_fails, write_annotations

ROWS = [("2024H2", "total", None, None, -3760), ("2025H1", "total", 19710, 24240, -4530),
        ("2025H1", "a", None, None, 1960), ("2024H2", "b", None, None, -100)]

GOOD = """\
period: 2025H1
release_date: 2025-09-17
causes:
  - item: total
    applies_to: change
    text:
      en: Imports rose faster than exports.
      ko: 수입이 수출보다 더 크게 늘었다.
asserted:
  - id: a-record
    kind: record
    item: a
    metric: balance
    extreme: largest_surplus
    since: null
    text:
      en: the largest half-year surplus on record
      ko: 반기 기준 역대 최대 흑자
    source: Test Office release of 2025-09-17
"""
SHOWN = "data/test/annotations/2025H1.yaml"


@pytest.fixture
def project(tmp_path):
    """A synthetic project with figures for 2024H2 and 2025H1 (item b only in 2024H2)."""
    return make_project(tmp_path, ROWS)


def position(text: str, needle: str) -> str:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def annotate(root, old: str | None = None, new: str = "", *, period: str = "2025H1") -> str:
    text = GOOD if old is None else GOOD.replace(old, new)
    assert old is None or GOOD.count(old) == 1
    write_annotations(root, period, text)
    return text


def test_valid_annotations_validate_and_add_asserted_facts(capsys, project):
    text = annotate(project)
    code, out, err = run_cli(capsys, "validate", "--project", project)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == f"annotations: {SHOWN}: ok (1 causes, 0 remarks, 1 asserted facts)"
    project_ = open_project(project)
    annotations = project_.annotations(Period.parse("2025H1"))
    assert annotations.release_date == dt.date(2025, 9, 17)
    assert [c.item for c in annotations.causes_for("total", "change")] == ["total"]
    asserted = [f.to_dict() for f in facts_for(project, "2025H1") if f.asserted]
    assert asserted == [{
        "id": "asserted:a-record", "kind": "record", "rule": "annotation", "item": "a", "period": "2025H1",
        "metric": "balance", "extreme": "largest_surplus", "scope": "all", "since": None, "period_kind": "half",
        "text": {"en": "the largest half-year surplus on record", "ko": "반기 기준 역대 최대 흑자"},
        "sources": [{"annotation": SHOWN, "line": int(position(text, "id: a-record").split(":")[0]),
                     "source": "Test Office release of 2025-09-17"}],
        "asserted": True,
    }]


def test_annotations_are_optional(project):
    facts = facts_for(project, "2025H1")
    assert len(facts) > 0
    assert not any(f.asserted for f in facts)


def test_unknown_item_with_did_you_mean(capsys, project):
    text = annotate(project, "  - item: total", "  - item: totl")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: {SHOWN}:{position(text, 'item: totl')}: unknown item 'totl' in cause #1 (did you mean 'total'?)"


def test_bad_release_date_text(capsys, project):
    annotate(project, "release_date: 2025-09-17", "release_date: 17 September 2025")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: {SHOWN}:2:1: 'release_date' must be a date like 2025-09-17, got '17 September 2025'"


@pytest.mark.parametrize("date", ["2025-13-01", "2025-02-30"])
def test_impossible_release_date_is_a_located_error_not_a_crash(capsys, project, date):
    """YAML reads 2025-13-01 as a timestamp and fails building it: that must still be one located message."""
    annotate(project, "release_date: 2025-09-17", f"release_date: {date}")
    first, _ = validate_fails(capsys, project)
    assert first.startswith(f"Error: {SHOWN}:2:")
    assert "release_date" in first or date in first


def test_cause_for_an_item_without_figures_in_the_period(capsys, project):
    text = annotate(project, "  - item: total", "  - item: b")
    first, err = validate_fails(capsys, project)
    assert first == f"Error: {SHOWN}:{position(text, 'item: b')}: cause #1 is about item 'b', which has no figures for 2025H1"
    assert "hint: attach it to an item with figures for this period, or add the figures" in err


def test_unknown_applies_to(capsys, project):
    text = annotate(project, "applies_to: change", "applies_to: chnage")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: {SHOWN}:{position(text, 'applies_to')}: 'applies_to' of cause #1 must be one of "
                     "level, change, record (did you mean 'change'?)")


def test_annotation_file_for_a_period_without_data(capsys, project):
    write_annotations(project, "2023H2", "release_date: 2024-03-01\n")
    first, err = validate_fails(capsys, project)
    assert first == "Error: data/test/annotations/2023H2.yaml: annotations for 2023H2, a period with no figures"
    assert "hint: rename the file after a period in the data" in err


def test_annotation_file_not_named_for_a_period(capsys, project):
    write_annotations(project, "notes", "release_date: 2024-03-01\n")
    first, _ = validate_fails(capsys, project)
    assert first.startswith("Error: data/test/annotations/notes.yaml: annotation file name is not a period: 'notes' is not a period")


def test_period_key_must_match_the_file_name(capsys, project):
    annotate(project, "period: 2025H1", "period: 2024H2")
    first, _ = validate_fails(capsys, project)
    assert first == f"Error: {SHOWN}:1:1: 'period' says 2024H2 but the file is named for 2025H1"


def test_asserted_record_needs_an_extreme(capsys, project):
    text = annotate(project, "    extreme: largest_surplus\n", "")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: {SHOWN}:{position(text, 'id: a-record')}: a record needs 'extreme', one of "
                     "largest_surplus, largest_deficit, highest, lowest")


def test_unknown_key_in_annotations(capsys, project):
    text = annotate(project, "causes:", "cause:")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: {SHOWN}:{position(text, 'cause:')}: unknown key 'cause' in the annotations; expected one of "
                     "period, release_date, publication, publisher, causes, remarks, asserted (did you mean 'causes'?)")


def test_facts_command_stops_on_bad_annotations(capsys, project):
    annotate(project, "  - item: total", "  - item: totl")
    code, out, err = run_cli(capsys, "facts", "--project", project, "--period", "2025H1", "--format", "json")
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {SHOWN}:")
    # Another period's facts do not read 2025H1's annotations.
    code, out, err = run_cli(capsys, "facts", "--project", project, "--period", "2024H2", "--format", "json")
    assert (code, err) == (0, "")


def test_asserted_record_with_the_same_period_of_year_scope(project):
    """"the largest first-half surplus on record" is a record among first halves only."""
    annotate(project, "    since: null\n", "    since: null\n    scope: same_period_of_year\n")
    asserted = [f for f in facts_for(project, "2025H1") if f.asserted]
    assert [(f.id, f.data["scope"]) for f in asserted] == [("asserted:a-record", "same_period_of_year")]


def test_asserted_record_with_an_unknown_scope(capsys, project):
    text = annotate(project, "    since: null\n", "    since: null\n    scope: same_half\n")
    first, _ = validate_fails(capsys, project)
    assert first == (f"Error: {SHOWN}:{position(text, 'scope: same_half')}: 'scope' of asserted fact #1 must be "
                     "all or same_period_of_year, got 'same_half'")
