"""Golden files: whole drafts (both releases and the review sheet) compared byte for byte.

Each case is a folder under ``tests/golden/``: ``case.yaml`` says which project to build
(``bundled``: a copy of one release of this repository's project, ``release:`` naming it,
knowledge services by default; ``synthetic``: ``helpers.make_project`` with the case's
``figures.csv``, optional ``annotations/`` and the knowledge services templates) and which
period to draft; the expected ``release.en.md``, ``release.ko.md`` and ``review.md``
sit beside it. ``pytest --update-golden`` rewrites them; review the diff like code.

The expected files were generated once and then read line by line against
``data/knowledge_services/figures.csv``, the reference article and the Korean exemplar.
Where the generated text was wrong, the expected file holds the corrected text (see the
comments on each case below), so these tests fail until the generator is fixed.
"""

from __future__ import annotations

import pytest

import yaml

from drafting import GOLDEN, copy_bundled, golden_case_project
from helpers import run_cli

FILES = ("release.en.md", "release.ko.md", "review.md")

CASES = (
    # The reference release: every number was checked against figures.csv and the article.
    "2025H1",
    # The first annual compilation (2010-2024): long-run change, shares and multiples.
    "2024",
    # Balance turns from a deficit to a surplus; release date given, so relative periods.
    # Corrected from the first generation: the English headline said "Trade Surplus Turns
    # to 200 Million Dollars", the overview heading "Surplus Turns to a Surplus from the
    # Previous Half", the subheadline "Category a" (headline case lowered the item's
    # letter A), and "imports was unchanged".
    "turned-surplus",
    # A surplus unchanged from the previous year, no annotations. Corrected from the first
    # generation: Korean "전년와" (the particle after 전년 is 과) in the headline and the
    # category paragraph, the heading "전년 대비 전년와 같은 수준" (said the comparison twice),
    # and "Category a" in the English subheadline.
    "unchanged",
    # The monthly trade release (customs figures), November 2025: exports lead, on a year
    # earlier; product, destination and energy breakdowns; the year so far.
    "monthly_trade-2025-11",
    # The consumer price release, November 2025: the inflation rate leads (a rate, not a
    # balance); core measures, kinds of item with contributions, special indices.
    "consumer_prices-2025-11",
)


def _case(case: str, tmp_path):
    """(project root, period, release id, files compared) of golden case ``case``."""
    spec = yaml.safe_load((GOLDEN / case / "case.yaml").read_text(encoding="utf-8"))
    files = tuple(spec.get("files", FILES))
    if spec["project"] == "synthetic":
        root, period = golden_case_project(case, tmp_path)
        return root, period, "test", files
    release = spec.get("release", "knowledge_services")
    return copy_bundled(tmp_path / "project", release), str(spec["period"]), release, files


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_draft_matches_golden_files(case, tmp_path, capsys, update_golden):
    """The draft of each golden case is byte-identical to the reviewed expected files."""
    root, period, release, files = _case(case, tmp_path)
    code, _, err = run_cli(capsys, "draft", "--period", period, "--project", root)
    assert (code, err) == (0, "")
    out = root / "output" / release / period
    folder = GOLDEN / case
    mismatched = []
    for name in files:
        produced = (out / name).read_bytes()
        expected_path = folder / name
        if update_golden:
            expected_path.write_bytes(produced)
            continue
        assert expected_path.exists(), f"{expected_path} is missing; run pytest --update-golden and review it"
        if produced != expected_path.read_bytes():
            mismatched.append(name)
    if mismatched:
        # Show the first differing file as text so the failure reads as a diff.
        name = mismatched[0]
        assert (out / name).read_text(encoding="utf-8") == (folder / name).read_text(encoding="utf-8"), \
            f"{case}: {', '.join(mismatched)} differ from the golden files"


def test_every_golden_folder_is_a_case():
    """A golden folder that no test runs is a stale file nobody reviews."""
    folders = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
    assert folders == sorted(CASES)
    for case in CASES:
        assert (GOLDEN / case / "case.yaml").is_file()
