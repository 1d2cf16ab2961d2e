"""Revised figures: facts use the latest value known on the period's release date, and say so.

Monthly figures are first published provisionally and revised later (issue "Any release,
not one", point 8). ``data/monthly_trade/revisions.csv`` holds later values with their
publication dates; a draft of an old period must not change when a later revision arrives.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from generator.draft import build_draft
from generator.periods import Period
from generator.project import open_project

REPO = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for part in ("config", "data", "templates"):
        shutil.copytree(REPO / part, root / part)
    return root


def test_a_revision_published_before_the_release_date_is_used(repo_root):
    project = open_project(repo_root, "monthly_trade")
    # July 2025 exports: first published 60,820 (2025-08-01); the ministry's revised 60,800 came
    # out on 2025-08-19, before the August release of 2025-09-01.
    august = project.facts(Period.parse("2025-08"))
    change = august.by_id("change:total:exports:previous_period:2025-07:2025-08")
    assert change.base_value == Decimal("60800")
    revised = [s for s in change.sources if s["period"] == "2025-07"][0]["revised"]
    assert revised["first_published"] == 60820 and revised["published"] == "2025-08-19" and revised["basis"] == "revised"


def test_a_revision_published_after_the_release_date_is_not_used(repo_root):
    project = open_project(repo_root, "monthly_trade")
    july = project.facts(Period.parse("2025-07"))
    level = july.by_id("level:total:exports:2025-07")
    assert level.value == Decimal("60820") and "revised" not in level.sources[0]


def test_another_agencys_figures_are_not_revisions(repo_root):
    """The customs service's confirmed July chips (14,910) use its own item grouping, not the ministry's (14,710)."""
    project = open_project(repo_root, "monthly_trade")
    august = project.facts(Period.parse("2025-08"))
    change = august.by_id("change:prod.semiconductors:exports:previous_period:2025-07:2025-08")
    assert change is None or change.base_value == Decimal("14710")


def test_the_november_surplus_widened_by_the_first_published_figures(repo_root):
    """The ministry said 4.17 billion against a revised November 2024 that the file does not hold: 9,730 − 5,610."""
    facts = open_project(repo_root, "monthly_trade").facts(Period.parse("2025-11"))
    change = facts.by_id("change:total:balance:year_ago:2024-11:2025-11")
    assert (change.value, change.base_value, change.delta, change.direction) == (9730, 5610, 4120, "widened")


def test_an_old_draft_stays_the_same_when_a_later_revision_arrives(tmp_path):
    root = _copy(tmp_path)
    before = build_draft(open_project(root, "monthly_trade"), Period.parse("2025-10")).releases
    with (root / "data" / "monthly_trade" / "revisions.csv").open("a", encoding="utf-8") as handle:
        handle.write("2025-10,total,exports,59000,2026-03-01,revised,a revision published long after the release\n")
    after = build_draft(open_project(root, "monthly_trade"), Period.parse("2025-10")).releases
    strip = lambda text: text.split("---", 2)[2]  # the front matter's input hash covers the revisions file
    assert {lang: strip(t) for lang, t in before.items()} == {lang: strip(t) for lang, t in after.items()}
    # Nor does the next month, released (2025-12-01) before that revision was published.
    november = open_project(root, "monthly_trade").facts(Period.parse("2025-11"))
    assert november.by_id("change:total:exports:previous_period:2025-10:2025-11").base_value == Decimal("59570")


def test_the_review_sheet_says_which_figures_are_revised(repo_root):
    draft = build_draft(open_project(repo_root, "monthly_trade"), Period.parse("2025-08"))
    assert ("**Revised figure used** (sentence 1, 3; the latest known on the release date): 2025-07 South Korea's trade "
            "exports = $60.8 billion, first published as $60.82 billion; revised on 2025-08-19") in draft.review
