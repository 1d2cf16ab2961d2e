"""Charts in drafts: written for each release that declares them, deterministic, true to the data, optional."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from generator.draft import build_draft, draft_files
from generator.draft_charts import axis, chart_points
from generator.project import open_project

ROOT = Path(__file__).resolve().parent.parent
LATEST = {"knowledge_services": "2025H1", "monthly_trade": "2025-11", "consumer_prices": "2025-11"}


def _copy(target: Path) -> Path:
    for part in ("config", "data", "templates"):
        shutil.copytree(ROOT / part, target / part)
    return target


def _env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(changes)
    return env


@pytest.mark.parametrize("release", sorted(LATEST))
def test_declared_charts_are_written_and_linked(release: str) -> None:
    project = open_project(ROOT, release)
    assert project.config.charts, "the release declares charts"
    files = draft_files(build_draft(project, project.period(LATEST[release])))
    for rule in project.config.charts:
        for lang in project.config.languages:
            assert files[f"chart-{rule.id}.{lang}.svg"].startswith(b"<?xml")
            assert files[f"chart-{rule.id}.{lang}.png"][:8] == b"\x89PNG\r\n\x1a\n"
            assert f"](chart-{rule.id}.{lang}.svg)" in files[f"release.{lang}.md"].decode()


def test_chart_bytes_identical_across_processes_locale_tz_and_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for name, env in (("a", _env(LC_ALL="C.UTF-8", TZ="UTC", PYTHONHASHSEED="0")),
                      ("b", _env(LC_ALL="ko_KR.UTF-8", LANG="ko_KR.UTF-8", TZ="Asia/Seoul", PYTHONHASHSEED="4242"))):
        root = _copy(tmp_path / name)
        for release, period in LATEST.items():
            run = subprocess.run([sys.executable, "-m", "generator", "draft", "--release", release, "--period", period,
                                  "--project", str(root)], capture_output=True, text=True, env=env, timeout=300)
            assert run.returncode == 0, run.stderr
        outputs.append({p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "output").rglob("chart-*"))})
    assert len(outputs[0]) == 2 * 2 * 2 * 3  # 2 charts × 2 languages × svg/png × 3 releases
    assert outputs[0] == outputs[1]


def test_highlighted_point_is_the_level_fact_the_draft_states() -> None:
    for release, period in LATEST.items():
        project = open_project(ROOT, release)
        p = project.period(period)
        facts = project.facts(p, project.annotations(p))
        for rule in project.config.charts:
            if rule.kind != "series":
                continue
            for lang in ("en", "ko"):
                _, points, _ = chart_points(project, rule, p, facts, lang)
                current = [pt for pt in points if pt.highlight]
                assert len(current) == 1 and current[0] is points[-1]
                level = facts.find("level", item=rule.item or project.config.total, metric=rule.metric)
                level = [f for f in level if f.period == period]
                assert level, (release, rule.id)
                divisor = axis(project.config.metrics[rule.metric].unit, lang)[1]
                assert current[0].value * divisor == Decimal(str(level[0].get("value")))


def test_product_growth_bars_match_the_data_and_keep_the_falls() -> None:
    project = open_project(ROOT, "monthly_trade")
    p = project.period("2025-11")
    rule = next(r for r in project.config.charts if r.id == "product-growth")
    _, points, _ = chart_points(project, rule, p, project.facts(p, project.annotations(p)), "en")
    data = project.dataset
    by_label = {project.dataset.items[c].short("en"): c for c in project.dataset.items}
    for pt in points:
        assert pt.value == data.value(by_label[pt.label], p, "exports_yoy_pct")
    assert [pt.value for pt in points] == sorted((pt.value for pt in points), reverse=True)
    assert any(pt.value < 0 for pt in points), "the largest products are charted, falls included"


def test_product_chart_sits_under_the_product_section() -> None:
    project = open_project(ROOT, "monthly_trade")
    text = build_draft(project, project.period("2025-11")).releases["en"]
    image = text.index("](chart-product-growth.en.svg)")
    assert text.index("### Exports by product") < image < text.index("### Exports by destination")


def test_series_leaves_a_gap_where_the_data_has_none() -> None:
    project = open_project(ROOT, "knowledge_services")
    p = project.period("2025H1")
    rule = next(r for r in project.config.charts if r.kind == "series")
    _, points, _ = chart_points(project, rule, p, project.facts(p, project.annotations(p)), "ko")
    positions = [pt.position for pt in points]
    assert positions == sorted(positions) and positions[0] == 0
    # A half missing from the figures keeps its slot (the line is broken there, not bridged).
    assert positions[-1] == len(points) - 1 + sum(b - a - 1 for a, b in zip(positions, positions[1:]))
    assert all("반기" in pt.label for pt in points)


_PROBE = """
import sys
from generator.cli import main
code = main(sys.argv[1:])
print("matplotlib" in sys.modules)
sys.exit(code)
"""


@pytest.mark.parametrize("extra", [["--no-charts"]])
def test_no_matplotlib_with_no_charts(tmp_path: Path, extra: list[str]) -> None:
    root = _copy(tmp_path / "p")
    run = subprocess.run([sys.executable, "-c", _PROBE, "draft", "--release", "monthly_trade", "--period", "2025-11",
                          "--project", str(root), *extra], capture_output=True, text=True, env=_env(), timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "False"
    assert not list((root / "output").rglob("chart-*"))


def test_no_matplotlib_when_a_release_declares_no_charts(tmp_path: Path) -> None:
    root = _copy(tmp_path / "p")
    config = root / "config" / "monthly_trade.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.split("\n# Charts beside")[0] + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", _PROBE, "draft", "--release", "monthly_trade", "--period", "2025-11",
                          "--project", str(root)], capture_output=True, text=True, env=_env(), timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "False"
    # And with charts declared (and an empty chart cache, so they are drawn), the same probe sees
    # matplotlib: the probe can fail.
    config.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", _PROBE, "draft", "--release", "monthly_trade", "--period", "2025-11",
                          "--project", str(root), "--force"], capture_output=True, text=True,
                         env=_env(PRESSGEN_CACHE_DIR=str(tmp_path / "empty-cache")), timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "True"


def test_image_lines_give_check_nothing_to_report(tmp_path: Path) -> None:
    root = _copy(tmp_path / "p")
    for release, period in LATEST.items():
        args = ["--release", release, "--project", str(root)]
        draft = subprocess.run([sys.executable, "-m", "generator", "draft", "--period", period, *args],
                               capture_output=True, text=True, env=_env(), timeout=300)
        assert draft.returncode == 0, draft.stderr
        folder = root / "output" / release / period
        assert "](chart-" in (folder / "release.en.md").read_text(encoding="utf-8")
        with_images = subprocess.run([sys.executable, "-m", "generator", "check", str(folder), *args],
                                     capture_output=True, text=True, env=_env(), timeout=300)
        for lang in ("en", "ko"):
            path = folder / f"release.{lang}.md"
            path.write_text("\n".join(l for l in path.read_text(encoding="utf-8").split("\n")
                                      if not l.startswith("![")), encoding="utf-8")
        without = subprocess.run([sys.executable, "-m", "generator", "check", str(folder), *args],
                                 capture_output=True, text=True, env=_env(), timeout=300)
        # Whatever check says of the texts, the image lines add nothing to it.
        assert with_images.returncode == without.returncode, (with_images.stdout, without.stdout)
        assert "chart-" not in with_images.stdout and "Chart:" not in with_images.stdout and "차트" not in with_images.stdout


def test_check_draft_finds_a_wrong_amount_and_the_page_shows_it() -> None:
    from generator.draft_check import check_draft
    from generator.review_page import review_page

    project = open_project(ROOT, "knowledge_services")
    draft = build_draft(project, project.period("2025H1"), charts=False)
    clean = {(f.rule_id, f.line) for f in check_draft(project, draft)["en"]}
    assert not any(rule.startswith("data.number") for rule, _ in clean)
    text = draft.releases["en"]
    assert "4.53 billion dollars" in text
    draft.releases["en"] = text.replace("4.53 billion dollars", "4.63 billion dollars")
    found = check_draft(project, draft)
    wrong = [f for f in found["en"] if f.rule_id.startswith("data.number") and (f.rule_id, f.line) not in clean]
    assert wrong, found["en"]
    assert all("4.53 billion dollars" in str(f.data) or "4.53" in f.message for f in wrong)
    page = review_page(project, draft, found)
    assert "data.number" in page and "4.63" in page
