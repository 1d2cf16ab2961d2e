"""The review page in headless Chromium, offline: its script marks, clicks and shows provenance.

There is no webdriver: the page's own script, when the URL ends in ``#selftest``, clicks
every marked figure and writes what the panel showed into ``<pre id="selftest">`` as
JSON; ``--dump-dom`` gives the DOM after scripts ran. The test is never skipped: without
Chromium it fails and says how to install it (``.ci/run`` installs it in CI).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.draft import build_draft
from generator.periods import Period
from generator.project import open_project
from generator.review_page import review_page

REPO_ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--virtual-time-budget=5000"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.fail("headless Chromium is needed for the review page browser test and was not found; install it with "
                "`apt-get update -qq && apt-get install -y -qq chromium` (Debian package 'chromium'; .ci/run does this in CI)",
                pytrace=False)


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def page():
    project = open_project(REPO_ROOT, "knowledge_services")
    draft = build_draft(project, Period.parse("2025H1"))
    return project, draft, review_page(project, draft)


def test_selftest_in_headless_chromium(page, tmp_path):
    project, draft, text = page
    target = tmp_path / "review.html"
    target.write_text(text, encoding="utf-8")
    dom = run_chromium(tmp_path, "--dump-dom", target.as_uri() + "#selftest").stdout
    found = re.search(r'<pre id="selftest"[^>]*data-done="1"[^>]*>(.*?)</pre>', dom, re.S)
    assert found, "the page's self-test did not run (no <pre id=selftest data-done=1> in the dumped DOM)"
    result = json.loads(html.unescape(found.group(1)))

    # offline: the page asked for nothing beyond itself
    assert result["resources"] == []
    # every number is marked, and the browser sees as many marks as Python wrote
    python_count = len(re.findall(r'<mark class="fig[ "]', text.split('<section id="text">', 1)[1].split("</section>", 1)[0]))
    assert result["marks"] == result["declared"] == python_count > 0
    assert result["unmarked"] == []
    assert result["missing"] == []
    assert len(result["clicks"]) == python_count

    # the panel for the lead's deficit names the source file and line of the cell
    cell = next(c for c in project.dataset.cells_for(draft.period) if c.item == "total" and c.metric == "balance")
    lead = next(n for n, s in enumerate(draft.story["en"].sentences(), start=1) if s.kind == "lead_level")
    for lang, figure in (("en", "4.53 billion dollars"), ("ko", "45억3000만달러")):
        click = next(c for c in result["clicks"] if c["row"] == f"s-{lead}" and c["lang"] == lang and c["text"] == figure)
        assert f"{cell.path}:{cell.line}" in click["panel"]
        assert "level = −4,530" in click["panel"]
    # a change shows its arithmetic
    click = next(c for c in result["clicks"] if c["text"] == "6.5%" and c["lang"] == "en")
    assert "percent = 1,210 / 18,500 = 6.5%" in click["panel"]
    # editor's text says so when a figure in it has no fact
    editor_rows = {f"s-{n}" for n, s in enumerate(draft.story["en"].sentences(), start=1) if s.annotation is not None}
    for click in result["clicks"]:
        if click["row"] in editor_rows and not click["fact"]:
            assert "not checked against the figures" in click["panel"]


def test_screenshot(page, tmp_path):
    _, _, text = page
    target = tmp_path / "review.html"
    target.write_text(text, encoding="utf-8")
    shot = tmp_path / "review.png"
    run_chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", target.as_uri() + "#selftest")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a rendered page, not a blank one
