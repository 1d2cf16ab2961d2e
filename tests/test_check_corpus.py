"""``pressgen check`` on sentences written the way coverage writes them: real journalism passes, real errors fail.

The corpus (``tests/check_corpus/<release>.<lang>.yaml``) holds sentences and short snippets
about the bundled releases, each marked ``ok: true`` (every figure, direction, streak and
record it states is right) or ``ok: false`` with the ``rule`` that should fire, and a ``why``
worked out from ``data/<release>/figures.csv`` and ``pressgen facts``, not from the checker.
Each snippet is checked alone (front matter, then the snippet), so a correct sentence must
pass without a lead before it.

Scores: caught = wrong snippets with at least one error-level finding; false alarms =
correct snippets with any error-level finding. Both per language, thresholds below.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from generator.check.run import check_paths

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "check_corpus"
MIN_CAUGHT = 0.98
MAX_FALSE_ALARMS = 0.02
REPORT_KEY: pytest.StashKey[dict] = pytest.StashKey()


def load_corpus() -> list[dict]:
    entries = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, entry in enumerate(data["entries"], 1):
            assert set(entry) <= {"text", "ok", "why", "rule", "period"}, (path.name, number, entry)
            assert isinstance(entry.get("ok"), bool) and entry.get("text") and entry.get("why"), (path.name, number)
            assert entry["ok"] or entry.get("rule", "").startswith("data."), (path.name, number, "a wrong entry names its rule")
            entries.append({**entry, "release": data["release"], "language": data["language"],
                            "period": str(entry.get("period", data["period"])), "where": f"{path.name}#{number}"})
    return entries


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> list[tuple[dict, list]]:
    entries = load_corpus()
    root = tmp_path_factory.mktemp("check-corpus")
    paths = []
    for index, entry in enumerate(entries):
        # One folder per snippet: no parity between unrelated English and Korean snippets.
        path = root / f"{index:04d}" / f"release.{entry['language']}.md"
        path.parent.mkdir()
        path.write_text(f"---\nrelease: {entry['release']}\nperiod: \"{entry['period']}\"\nlanguage: {entry['language']}\n---\n"
                        f"{entry['text'].strip()}\n", encoding="utf-8")
        paths.append(path)
    result = check_paths(paths, REPO_ROOT)
    by_file = defaultdict(list)
    for finding in result.findings:
        if finding.level == "error":
            by_file[Path(finding.path).parent.name].append(finding)
    return [(entry, by_file.get(f"{i:04d}", [])) for i, entry in enumerate(entries)]


def test_corpus_is_large_and_balanced():
    entries = load_corpus()
    # Issue 10 asks for at least 300 sentences or snippets, in both languages and every release.
    assert len(entries) >= 300
    for release in ("knowledge_services", "monthly_trade", "consumer_prices"):
        for lang in ("en", "ko"):
            assert sum(e["release"] == release and e["language"] == lang for e in entries) >= 50, (release, lang)
    for lang in ("en", "ko"):
        own = [e for e in entries if e["language"] == lang]
        assert {e["release"] for e in own} == {"knowledge_services", "monthly_trade", "consumer_prices"}
        wrong = sum(not e["ok"] for e in own)
        assert 0.35 <= wrong / len(own) <= 0.65, (lang, wrong, len(own))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_caught_and_false_alarms(request, scored, lang):
    own = [(e, errors) for e, errors in scored if e["language"] == lang]
    report = request.config.stash.setdefault(REPORT_KEY, {})
    for release in sorted({e["release"] for e, _ in own}) + ["all"]:
        part = [(e, errs) for e, errs in own if release in ("all", e["release"])]
        wrong = [(e, errs) for e, errs in part if not e["ok"]]
        right = [(e, errs) for e, errs in part if e["ok"]]
        report[(lang, release)] = (sum(bool(errs) for _, errs in wrong), len(wrong), sum(bool(errs) for _, errs in right), len(right))
    missed = [f"{e['where']}: {e['text'].strip()}  [{e['why']}]" for e, errs in own if not e["ok"] and not errs]
    alarms = [f"{e['where']}: {e['text'].strip()}  -> {errs[0].rule_id} {errs[0].message}" for e, errs in own if e["ok"] and errs]
    caught, wrong, false, right = report[(lang, "all")]
    report.setdefault("details", {})[lang] = (missed, alarms)
    assert caught / wrong >= MIN_CAUGHT and false / right <= MAX_FALSE_ALARMS, "\n".join(
        [f"caught {caught}/{wrong}, false alarms {false}/{right}", "missed:", *missed, "false alarms:", *alarms])


def test_wrong_entries_fire_their_rule(scored):
    """A caught error is caught for the reason the entry gives (or, for an amount, as a number or sign)."""
    related = {"data.number": {"data.number", "data.sign"}, "data.sign": {"data.sign", "data.number"},
               "data.percent": {"data.percent"}, "data.multiple": {"data.multiple", "data.percent"},
               "data.direction": {"data.direction", "data.percent"}, "data.record": {"data.record"},
               "data.streak": {"data.streak"}}
    off = [f"{e['where']}: expected {e['rule']}, got {sorted({f.rule_id for f in errs})}: {e['text'].strip()}"
           for e, errs in scored if not e["ok"] and errs and not {f.rule_id for f in errs} & related.get(e["rule"], {e["rule"]})]
    caught = sum(1 for e, errs in scored if not e["ok"] and errs)
    assert len(off) <= 0.05 * caught, "\n".join(off)
