"""`check` passes every draft pressgen writes: every period of every bundled release, both languages.

The committed examples cover two periods per release; the checker's readings (records of amounts
or of rates, counted months, bases carried over) must also agree with the drafts of all the other
periods, or the gate cries wolf on text the engine itself wrote from the data.
"""

from __future__ import annotations

from collections import Counter

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
