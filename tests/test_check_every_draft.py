"""`check` passes every draft pressgen writes: every period of every bundled release, both languages.

The committed examples cover two periods per release; the checker's readings (records of amounts
or of rates, counted months, bases carried over) must also agree with the drafts of all the other
periods, or the gate cries wolf on text the engine itself wrote from the data.
"""

from __future__ import annotations

from collections import Counter

import pytest

from drafting import copy_bundled
from helpers import run_cli

from generator.check.run import check_paths


def test_every_draft_of_every_period_checks_clean(tmp_path, capsys):
    root = copy_bundled(tmp_path / "project", release=None)
    code, _, err = run_cli(capsys, "draft", "--project", root, "--all", "--no-charts", "--jobs", "1")
    assert code == 0, err
    drafts = sorted((root / "output").glob("*/*/release.*.md"))
    periods = Counter(p.parent.parent.name for p in drafts)
    # Every release drafts more than its two committed periods, in two languages each.
    assert set(periods) == {"knowledge_services", "monthly_trade", "consumer_prices"} and min(periods.values()) >= 14, periods
    errors = [f for f in check_paths(drafts, root).findings if f.level == "error"]
    assert errors == [], "\n".join(f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}" for f in errors[:20])


@pytest.mark.parametrize("kind", ["halves", "months"])
def test_every_draft_of_a_synthetic_release_checks_clean(tmp_path, capsys, repo_root, kind):
    """Releases the bundled data cannot show: 120 items in five dimensions, random figures,
    records of the same month of the year, long-run multiples, shares of totals."""
    import sys

    sys.path.insert(0, str(repo_root / "benchmarks"))
    from synthetic import make_monthly_project, make_project

    if kind == "halves":
        root, which = make_project(tmp_path / "p", repo_root, 120, 12), ("--all",)
    else:
        root, which = make_monthly_project(tmp_path / "p", repo_root, 120, 30), ("--latest", "12")
    code, _, err = run_cli(capsys, "draft", "--project", root, *which, "--no-charts")
    assert code == 0, err
    drafts = sorted((root / "output").glob("*/*/release.*.md"))
    assert len(drafts) >= 24
    errors = [f for f in check_paths(drafts, root).findings if f.level == "error"]
    assert errors == [], "\n".join(f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}" for f in errors[:20])
