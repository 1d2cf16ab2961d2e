"""The review sheet (review.md) is something an editor reads in minutes: short, weak figures first, both languages together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.draft import build_draft
from generator.project import open_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sheet() -> str:
    project = open_project(ROOT, "knowledge_services")
    return build_draft(project, project.period("2025H1"), charts=False).review


def _first_part(sheet: str) -> str:
    return sheet.split("<details>", 1)[0]


def test_the_sheet_is_under_150_lines(sheet: str) -> None:
    assert len(sheet.splitlines()) < 150


def test_look_first_names_the_weakly_sourced_figures_from_the_note_column(sheet: str) -> None:
    look = sheet.split("## Look at these first", 1)[1].split("\n## ", 1)[0]
    # figures.csv notes of 2025H1 cells the draft states (read in data/knowledge_services/figures.csv).
    assert "derived: 2024H2 balance (750) plus the reported increase (660); reported rounded as 1.4 billion" in look
    assert "two Korean reports give -550; the English reference article says 560" in look
    assert "exports from a single report" in look
    # The platform services balance the derived note belongs to, in the drafts' units.
    assert "1.41 billion dollars" in look


def test_no_raw_fact_ids_before_the_appendix(sheet: str) -> None:
    first = _first_part(sheet)
    assert not re.search(r"\b(level|change|record|streak|share|cumulative|contributors|asserted):[a-z]", first)
    assert "level:total:balance:2025H1" in sheet.split("<details>", 1)[1]  # ids are kept, last and collapsed


def test_amounts_read_in_billions_as_the_drafts_do(sheet: str) -> None:
    first = _first_part(sheet)
    assert "-4.53 billion dollars" in first
    assert "-4,530" not in first.split("## Sources", 1)[0]


def test_each_sentence_row_pairs_english_and_korean(sheet: str) -> None:
    rows = [l for l in sheet.splitlines() if re.match(r"\| \d+ \|", l)]
    assert len(rows) > 10
    for row in rows:
        cells = row.split(" | ")
        assert re.search(r"[A-Za-z]", cells[1]) and re.search(r"[가-힣]", cells[2]), row
    assert any("4.53 Billion Dollars" in r and "45억3000만달러" in r for r in rows)


def test_each_source_row_is_listed_once(sheet: str) -> None:
    sources = sheet.split("## Sources", 1)[1].split("<details>", 1)[0]
    entries = [l.split(". ", 1)[1].split(" — ")[0] for l in sources.splitlines() if re.match(r"\d+\. ", l)]
    assert entries and len(entries) == len(set(entries))
    # The 2025H1 total row (line 51) is cited for exports, imports and balance but listed once.
    assert sum(e == "data/knowledge_services/figures.csv:51" for e in entries) == 1


def test_published_figures_left_out_and_judgement_calls(sheet: str) -> None:
    left = sheet.split("## Published figures the draft leaves out", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"- \w+ \(\d+\): ", left)
    calls = sheet.split("## Judgement calls", 1)[1].split("\n## ", 1)[0]
    # The value and the release definition's own comment on it.
    assert "`main_contributor_min_share: 0.333`" in calls and "a third" in calls
