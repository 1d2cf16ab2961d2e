"""Drafting end to end: numbers traced to facts, English/Korean parity, annotations, front
matter, edit protection, all-or-nothing writes, template errors, and the CLI switches."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

import generator
from generator.draft import build_draft
from generator.errors import OutputError
from generator.project import open_project

from drafting import (
    BUNDLED_PERIODS, REPO_ROOT, amounts, body_of, copy_bundled, fact_money, fact_multiples,
    fact_percents, multiples, percents, split_front_matter, squash,
)
from helpers import BASE_CONFIG, DEFAULT_ITEMS, make_project, run_cli, snapshot, write_annotations

LANGS = ("en", "ko")
TEMPLATES = Path("templates") / "knowledge_services"
# Sentences that name a rank's members without amounts.
_NAMES_ONLY = {"contributors", "leaders_headline"}
# The balance stated in words only: "turned to a surplus", "was unchanged".
_WORDED_DIRECTIONS = {"unchanged", "turned_surplus", "turned_deficit"}


# ------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    """A copy of the bundled project with every period drafted once (``draft --all``)."""
    root = copy_bundled(tmp_path_factory.mktemp("bundled") / "project")
    from generator.cli import main

    assert main(["draft", "--all", "--project", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def drafts(bundled) -> dict:
    """Every bundled period's Draft, built in memory from the drafted copy."""
    project = open_project(bundled)
    return {p: build_draft(project, project.period(p)) for p in BUNDLED_PERIODS}


@pytest.fixture
def fresh(tmp_path) -> Path:
    """A copy of the bundled project with nothing drafted yet."""
    return copy_bundled(tmp_path / "project")


def _draft(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "draft", "--project", root, *args)


def _key_numbers(sentence) -> list[tuple[str, set[Decimal]]]:
    """For each fact of a sentence, the amounts of which at least one must be written."""
    wanted = []
    for fact in sentence.facts:
        data = fact.to_dict()
        if fact.kind == "level":
            wanted.append((fact.id, {abs(Decimal(str(data["value"])))}))
        elif fact.kind == "driver" and "child_value" in data:
            wanted.append((fact.id, {abs(Decimal(str(data["child_value"])))}))
        elif fact.kind == "change" and data.get("direction") not in _WORDED_DIRECTIONS and sentence.kind != "headline":
            wanted.append((fact.id, {abs(Decimal(str(data[k]))) for k in ("value", "base_value", "delta")}))
        elif fact.kind == "rank" and sentence.kind not in _NAMES_ONLY:
            wanted.append((fact.id, {abs(Decimal(str(data["members"][0]["value"])))}))
        elif fact.kind == "multiple":
            wanted.append((fact.id, {abs(Decimal(str(data["base_value"])))}))
    return wanted


# ------------------------------------------------------------------------------- the number reader
@pytest.mark.parametrize(("lang", "text", "expected"), (
    ("en", "4.53 billion dollars, 770 million dollars, 2.2 Billion Dollars and $1.4 billion in 2024",
     [Decimal(4530), Decimal(770), Decimal(2200), Decimal(1400)]),
    ("ko", "45억3000만달러, 9000만달러, 22억달러, -37억6000만달러, 1조2000억달러, 45억3000만 달러, 45.3억달러 (2024년 9월 17일)",
     [Decimal(4530), Decimal(90), Decimal(2200), Decimal(3760), Decimal(1200000), Decimal(4530), Decimal(4530)]),
))
def test_the_number_reader_reads_the_house_styles(lang, text, expected):
    """The tests below are only as good as this reader: it must find every amount and nothing else."""
    assert [a.millions for a in amounts(text, lang)] == expected


# ------------------------------------------------------------------------------- every period
@pytest.mark.parametrize("period", BUNDLED_PERIODS)
def test_every_bundled_period_drafts_in_both_languages(bundled, period):
    folder = bundled / "output" / "knowledge_services" / period
    names = sorted(p.name for p in folder.iterdir())
    assert {"facts.json", "manifest.json", "release.en.md", "release.ko.md", "review.md", "review.html"} <= set(names)
    # Besides those, only the release's declared charts, each in both languages and both formats.
    charts = [n for n in names if n.startswith("chart-")]
    assert set(names) - set(charts) == {"facts.json", "manifest.json", "release.en.md", "release.ko.md", "review.md", "review.html"}
    assert all(re.fullmatch(r"chart-[a-z0-9-]+\.(en|ko)\.(svg|png)", n) for n in charts) and len(charts) % 4 == 0
    for lang in LANGS:
        meta, body = split_front_matter((folder / f"release.{lang}.md").read_text(encoding="utf-8"))
        assert (meta["period"], meta["language"]) == (period, lang)
        assert body.startswith("# ") and len(body.splitlines()) >= 3


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("period", BUNDLED_PERIODS)
def test_every_number_in_a_sentence_comes_from_its_own_facts(drafts, period, lang):
    """Amounts, percentages and multiples in a sentence are values, base values, deltas or
    percents of the facts that sentence states; and each fact's key number is written."""
    for sentence in drafts[period].story[lang].sentences():
        if sentence.annotation is not None:
            continue  # an editor's text, not checked against the figures
        text = sentence.text
        money = set().union(*(fact_money(f) for f in sentence.facts)) if sentence.facts else set()
        written = {a.millions for a in amounts(text, lang)}
        assert written <= money, f"{sentence.kind}: {text!r} writes {sorted(written - money)} not in its facts"
        pct = {abs(p) for f in sentence.facts for p in fact_percents(f)}
        assert {abs(p) for p in percents(text)} <= pct, f"{sentence.kind}: {text!r}"
        times = {m for f in sentence.facts for m in fact_multiples(f)}
        assert set(multiples(text, lang)) <= times, f"{sentence.kind}: {text!r}"
        for fact_id, options in _key_numbers(sentence):
            assert written & options, f"{sentence.kind}: {text!r} does not state {fact_id} ({sorted(options)})"
        for fact in sentence.facts:
            if fact.kind == "share":
                assert Decimal(str(fact.percent)) in set(percents(text)), text
            if fact.kind == "multiple":
                assert Decimal(str(fact.multiple)) in set(multiples(text, lang)), text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("period", BUNDLED_PERIODS)
def test_the_release_body_is_exactly_its_sentences(drafts, period, lang):
    """Every sentence is in the release, and the layout adds no number of its own."""
    draft = drafts[period]
    body = body_of(draft.releases[lang])
    sentences = draft.story[lang].sentences()
    for sentence in sentences:
        assert sentence.text and sentence.text in body, sentence.kind
    in_body = sorted(a.millions for a in amounts(body, lang))
    in_sentences = sorted(a.millions for s in sentences for a in amounts(s.text, lang))
    assert in_body == in_sentences


@pytest.mark.parametrize("period", BUNDLED_PERIODS)
def test_english_and_korean_state_the_same_facts_with_the_same_numbers(drafts, period):
    en, ko = (drafts[period].story[lang].sentences() for lang in LANGS)
    assert [s.kind for s in en] == [s.kind for s in ko]
    assert [[f.id for f in s.facts] for s in en] == [[f.id for f in s.facts] for s in ko]
    for s_en, s_ko in zip(en, ko):
        if s_en.annotation is not None:
            continue
        assert sorted(a.millions for a in amounts(s_en.text, "en")) == sorted(a.millions for a in amounts(s_ko.text, "ko")), \
            (s_en.text, s_ko.text)
        assert sorted(map(abs, percents(s_en.text))) == sorted(map(abs, percents(s_ko.text))), (s_en.text, s_ko.text)
        assert sorted(multiples(s_en.text, "en")) == sorted(multiples(s_ko.text, "ko")), (s_en.text, s_ko.text)


@pytest.mark.parametrize("period", BUNDLED_PERIODS)
def test_every_fact_a_draft_refers_to_is_in_facts_json(bundled, drafts, period):
    folder = bundled / "output" / "knowledge_services" / period
    doc = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    assert doc["period"] == period and doc["release"] == "knowledge_services"
    known = {f["id"] for f in doc["facts"]}
    assert len(known) == len(doc["facts"]), "fact ids are unique"
    stated = {f.id for lang in LANGS for s in drafts[period].story[lang].sentences() for f in s.facts}
    assert stated <= known
    review = (folder / "review.md").read_text(encoding="utf-8")
    referenced = set(re.findall(r"`([a-z_]+:[^`\s]+)`", review))
    assert referenced and referenced <= known
    assert stated <= referenced, "the review sheet lists every fact the releases state"


# ------------------------------------------------------------------------------- annotations
def test_a_period_without_annotations_states_only_the_figures(drafts, bundled):
    draft = drafts["2024H2"]
    assert not (bundled / "data" / "knowledge_services" / "annotations" / "2024H2.yaml").exists()
    for lang in LANGS:
        sentences = draft.story[lang].sentences()
        assert all(s.annotation is None for s in sentences)
        assert not {s.kind for s in sentences} & {"cause", "cause_headline", "remark"}
        assert all(not f.asserted for s in sentences for f in s.facts)
    # Without a release date the periods are absolute.
    assert "the second half of 2024" in draft.releases["en"] and "2024년 하반기" in draft.releases["ko"]
    for word in ("this year", "last year"):
        assert word not in draft.releases["en"]
    for word in ("올해", "지난해"):
        assert word not in draft.releases["ko"]
    review = draft.review
    first = review.split("## Look at these first", 1)[1].split("\n## ", 1)[0]
    assert "Editor's" not in first and "Asserted" not in first
    assert "**No cause given**" in first and "2024H1" in first


def test_a_period_with_annotations_has_its_causes_record_and_remarks(drafts, bundled):
    draft = drafts["2025H1"]
    annotations = draft.story["en"].annotations
    assert annotations is not None and annotations.causes and annotations.remarks
    for lang in LANGS:
        text = squash(body_of(draft.releases[lang]))
        for cause in annotations.causes:
            # A record's cause is joined to the record it explains ("…, as exports … rose sharply" /
            # "…늘어난 결과로 …"): its words are there, from the second word to the last but one.
            core = squash(cause.text[lang]).rstrip(".").split(" ")
            assert " ".join(core[1:-1]) in text
            if cause.headline:
                assert f"## {cause.headline[lang]}" in draft.releases[lang]
        for remark in annotations.remarks:
            assert squash(remark.text[lang]) in text
        record = "the largest half-year surplus on record" if lang == "en" else "반기 기준 역대 최대 흑자"
        assert record in text
    first = draft.review.split("## Look at these first", 1)[1].split("\n## ", 1)[0]
    assert "**Asserted, not in the data** (sentence" in first and "the largest half-year surplus on record" in first
    # The editors' texts are listed once, by sentence number, with the annotation file.
    listed = next(line for line in first.splitlines() if line.startswith("- **Editors' causes and remarks**"))
    assert "data/knowledge_services/annotations/2025H1.yaml" in listed
    assert len(listed.split("sentences ", 1)[1].split(" (")[0].split(", ")) >= len(annotations.causes)


# ------------------------------------------------------------------------------- the article
ARTICLE_SECTIONS = (
    ("category", "By category,", ("1.96 billion dollars", "440 million dollars", "4.48 billion dollars", "2.45 billion dollars",
                                  "660 million dollars", "750 million dollars", "1.07 billion dollars", "610 million dollars")),
    ("industry", "By industry,", ("1.64 billion dollars", "2.47 billion dollars", "2.2 billion dollars")),
    ("institution", "By type of institution,", ("930 million dollars", "3.75 billion dollars")),
    ("region", "By region,", ("3.57 billion dollars", "3.77 billion dollars", "2.18 billion dollars")),
    ("contributors", "The main surplus contributors", ()),
    ("remarks", "Park Sungkon", ()),
    ("special", "The special classifications", ("6.37 billion dollars", "4.8 billion dollars", "1.57 billion dollars",
                                                "2.16 billion dollars", "5.78 billion dollars", "3.28 billion dollars",
                                                "2.51 billion dollars", "830 million dollars", "2.26 billion dollars",
                                                "590 million dollars")),
)


def test_the_2025h1_english_draft_has_the_articles_figures_in_the_articles_order(drafts):
    body = body_of(drafts["2025H1"].releases["en"])
    article = Path(__file__).resolve().parent / "fixtures" / "reference" / "asiae-2025H1-en.txt"
    lead_end = body.index(ARTICLE_SECTIONS[0][1])
    lead = body[:lead_end]
    for figure in ("4.53 billion dollars", "3.76 billion dollars", "770 million dollars", "19.71 billion dollars", "24.24 billion dollars"):
        assert figure in lead
    starts = [body.index(marker) for _, marker, _ in ARTICLE_SECTIONS]
    assert starts == sorted(starts), "category, industry, institution, region, contributors, remarks, special"
    ends = starts[1:] + [len(body)]
    for (name, _, figures), start, end in zip(ARTICLE_SECTIONS, starts, ends):
        for figure in figures:
            assert figure in body[start:end], f"{figure} missing from the {name} section"
            if article.exists():
                assert figure in article.read_text(encoding="utf-8")
    assert body.startswith("# Knowledge Services Trade Deficit Reaches 4.53 Billion Dollars in First Half\n")
    assert "In the first half of this year" in lead and "the second half of last year" in lead


# ------------------------------------------------------------------------------- front matter
@pytest.mark.parametrize("lang", LANGS)
def test_front_matter_records_the_release_and_the_body_hash(bundled, lang):
    text = (bundled / "output" / "knowledge_services" / "2024" / f"release.{lang}.md").read_text(encoding="utf-8")
    meta, body = split_front_matter(text)
    assert list(meta) == ["release", "period", "language", "status", "generator", "input_hash", "body_hash"]
    assert meta["release"] == "knowledge_services"
    assert meta["period"] == "2024"  # a string, not the number 2024
    assert meta["language"] == lang and meta["status"] == "draft"
    assert meta["generator"] == f"pressgen {generator.__version__}"
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", meta["input_hash"])
    assert meta["body_hash"] == "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def test_input_hash_changes_with_the_inputs_and_not_with_the_folder(capsys, tmp_path):
    first, second = copy_bundled(tmp_path / "one"), copy_bundled(tmp_path / "two")
    for root in (first, second):
        assert _draft(capsys, root, "--period", "2024H2")[0] == 0
    hashes = [split_front_matter((r / "output/knowledge_services/2024H2/release.en.md").read_text(encoding="utf-8"))[0]["input_hash"] for r in (first, second)]
    assert hashes[0] == hashes[1]
    (second / "data/knowledge_services/figures.csv").write_text(
        (first / "data/knowledge_services/figures.csv").read_text(encoding="utf-8").replace("2024H2,culture,,,440,", "2024H2,culture,,,450,"),
        encoding="utf-8")
    assert _draft(capsys, second, "--period", "2024H2")[0] == 0
    changed = split_front_matter((second / "output/knowledge_services/2024H2/release.en.md").read_text(encoding="utf-8"))[0]["input_hash"]
    assert changed != hashes[0]


# ------------------------------------------------------------------------------- edit protection
def test_an_edited_release_is_kept_and_the_new_draft_goes_beside_it(capsys, fresh):
    assert _draft(capsys, fresh, "--period", "2025H1")[0] == 0
    folder = fresh / "output" / "knowledge_services" / "2025H1"
    generated = (folder / "release.en.md").read_text(encoding="utf-8")
    edited = generated.replace("posted a deficit of 4.53 billion dollars", "posted a deficit of 4.53 billion dollars (provisional)")
    assert edited != generated
    (folder / "release.en.md").write_text(edited, encoding="utf-8")
    ko_before = (folder / "release.ko.md").read_bytes()

    code, out, err = _draft(capsys, fresh, "--period", "2025H1")
    assert code == 0
    assert (folder / "release.en.md").read_text(encoding="utf-8") == edited
    assert (folder / "release.en.new.md").read_text(encoding="utf-8") == generated
    assert (folder / "release.ko.md").read_bytes() == ko_before
    assert err == ("Warning: kept output/knowledge_services/2025H1/release.en.md: edited since it was generated; new draft written to "
                   "output/knowledge_services/2025H1/release.en.new.md (use --force to overwrite)\n")
    assert "wrote output/knowledge_services/2025H1/release.ko.md" in out and "release.en.md" not in out.replace("release.en.new.md", "")

    code, out, err = _draft(capsys, fresh, "--period", "2025H1", "--force")
    assert (code, err) == (0, "")
    assert (folder / "release.en.md").read_text(encoding="utf-8") == generated
    assert not (folder / "release.en.new.md").exists()
    assert "removed output/knowledge_services/2025H1/release.en.new.md (superseded)" in out


def test_an_edit_to_line_endings_only_is_not_an_edit(capsys, fresh):
    assert _draft(capsys, fresh, "--period", "2024H2")[0] == 0
    path = fresh / "output" / "knowledge_services" / "2024H2" / "release.ko.md"
    generated = path.read_text(encoding="utf-8")
    path.write_bytes((generated.replace("\n", "\r\n") + "\r\n").encode("utf-8"))
    code, _, err = _draft(capsys, fresh, "--period", "2024H2")
    assert (code, err) == (0, "")
    assert path.read_text(encoding="utf-8") == generated
    assert not (path.parent / "release.ko.new.md").exists()


def test_an_unedited_release_is_rewritten_when_the_inputs_change(capsys, fresh):
    assert _draft(capsys, fresh, "--period", "2024H2")[0] == 0
    path = fresh / "output" / "knowledge_services" / "2024H2" / "release.en.md"
    before = path.read_text(encoding="utf-8")
    template = fresh / TEMPLATES / "en" / "release.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("Knowledge services trade statistics cover",
                                                                     "Knowledge services trade statistics describe"), encoding="utf-8")
    code, _, err = _draft(capsys, fresh, "--period", "2024H2")
    assert (code, err) == (0, "")
    after = path.read_text(encoding="utf-8")
    assert "statistics describe" in after and "statistics describe" not in before
    assert not (path.parent / "release.en.new.md").exists()
    assert split_front_matter(after)[0]["input_hash"] != split_front_matter(before)[0]["input_hash"]


def test_a_second_run_without_changes_gives_identical_files(capsys, fresh):
    assert _draft(capsys, fresh, "--period", "2025H1,2024")[0] == 0
    files = sorted((fresh / "output" / "knowledge_services").rglob("*"))
    before = {p: p.read_bytes() for p in files if p.is_file()}
    code, _, err = _draft(capsys, fresh, "--period", "2025H1,2024")
    assert (code, err) == (0, "")
    after = {p: p.read_bytes() for p in sorted((fresh / "output" / "knowledge_services").rglob("*")) if p.is_file()}
    assert after == before


# ------------------------------------------------------------------------------- all-or-nothing writes
def _change_wording(root: Path) -> None:
    """Make the next draft differ from the last in both languages."""
    for lang, old, new in (("en", "Knowledge services trade statistics cover", "Knowledge services trade statistics describe"),
                           ("ko", "포괄한다.", "아우른다.")):
        path = root / TEMPLATES / lang / "release.md.j2"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fail_in", ("write", "replace"))
def test_a_write_failing_midway_leaves_the_previous_files_and_no_temporary_files(capsys, fresh, monkeypatch, fail_in):
    """Whether the second file's write or its rename into place fails, the folder keeps
    the previous release files exactly (no mix of old and new) and no temporary files."""
    assert _draft(capsys, fresh, "--period", "2025H1")[0] == 0
    folder = fresh / "output" / "knowledge_services" / "2025H1"
    before = _files(folder)
    _change_wording(fresh)

    calls = {"n": 0}
    if fail_in == "write":
        real = os.fsync

        def failing(fd):
            calls["n"] += 1
            if calls["n"] >= 2:
                raise OSError(28, "No space left on device")
            return real(fd)

        monkeypatch.setattr(os, "fsync", failing)
    else:
        real = os.replace

        def failing(src, dst, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] >= 2:
                raise OSError(28, "No space left on device")
            return real(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match="no space left on the device"):
        build_and_write(fresh)
    monkeypatch.undo()
    assert calls["n"] >= 2
    assert _files(folder) == before
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def build_and_write(root: Path) -> None:
    from generator.draft import write_draft

    project = open_project(root)
    write_draft(project, build_draft(project, project.period("2025H1")))


# ------------------------------------------------------------------------------- broken templates
BROKEN = (
    # (file, line, replacement text appended to that line, expected message part)
    ("ko/sentences.md.j2", 5, " {% if %}", "template syntax error"),
    ("en/release.md.j2", 3, "{{ no_such_variable }}", "undefined variable in template"),
    ("en/sentences.md.j2", None, "{{ s.no_such_argument }}", "undefined variable in template"),
)


@pytest.mark.parametrize(("name", "line", "insert", "message"), BROKEN, ids=["syntax", "undefined-in-layout", "undefined-in-macro"])
def test_a_broken_template_stops_with_its_file_and_line_and_writes_nothing(capsys, fresh, name, line, insert, message):
    path = fresh / TEMPLATES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    if line is None:  # inside the lead_level macro, which every draft uses
        line = next(n for n, text in enumerate(lines, start=1) if text.startswith("{% macro lead_level")) + 1
    lines[line - 1] += insert
    path.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(fresh)
    code, out, err = _draft(capsys, fresh, "--period", "2025H1")
    assert code == 2
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith(f"Error: {(TEMPLATES / name).as_posix()}:{line}: "), err
    assert message in first
    assert "Traceback" not in err
    assert snapshot(fresh) == before
    assert not (fresh / "output").exists()


def test_the_languages_have_the_same_template_files(repo_root):
    folder = repo_root / TEMPLATES
    names = {lang: sorted(p.relative_to(folder / lang).as_posix() for p in (folder / lang).rglob("*") if p.is_file()) for lang in LANGS}
    assert names["en"] == names["ko"]
    assert "release.md.j2" in names["en"] and "sentences.md.j2" in names["en"]


# What the planner calls for each section kind of a release (generator/plan/__init__.py,
# ``plan_story``): the methods always called first, then one per section kind. A new
# section kind must be added here (test_the_planner_dispatch_covers_every_section_kind).
_ALWAYS = {"balance": ("headline", "subheadlines", "lead"), "metric": ("metric_top",)}
_DISPATCH = {
    "balance": {"lead": "overview", "breakdown": "dimension", "contributors": "contributors",
                "remarks": "remarks", "special": "special", "cumulative": None},
    "metric": {"lead": "metric_overview", "breakdown": "metric_breakdown", "contributors": None,
               "remarks": "remarks", "special": None, "cumulative": "cumulative"},
}
_PLANNERS = {"balance": "BalancePlanner", "metric": "MetricPlanner"}


def _planner_methods() -> dict[str, dict[str, tuple[set[str], set[str]]]]:
    """Per planner class: method -> (sentence kinds it makes itself, ``self.`` methods it calls).

    Read from the source of generator/plan/: ``Sentence("kind", ...)`` and
    ``self._sentence("kind", ...)`` make sentences; a base class's methods are inherited.
    """
    import ast

    classes: dict[str, tuple[list[str], dict]] = {}
    for path in sorted((REPO_ROOT / "generator" / "plan").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            methods = {}
            for fn in node.body:
                if not isinstance(fn, ast.FunctionDef):
                    continue
                kinds, calls = set(), set()
                for call in ast.walk(fn):
                    if not isinstance(call, ast.Call):
                        continue
                    func = call.func
                    is_sentence = (isinstance(func, ast.Name) and func.id == "Sentence") or \
                        (isinstance(func, ast.Attribute) and func.attr == "_sentence")
                    if is_sentence and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                        kinds.add(call.args[0].value)
                    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
                        calls.add(func.attr)
                methods[fn.name] = (kinds, calls)
            classes[node.name] = ([b.id for b in node.bases if isinstance(b, ast.Name)], methods)

    def resolved(name: str) -> dict:
        bases, methods = classes[name]
        merged = {}
        for base in bases:
            if base in classes:
                merged.update(resolved(base))
        merged.update(methods)
        return merged

    return {story: resolved(cls) for story, cls in _PLANNERS.items()}


def _story_type(config) -> str:
    """'balance' or 'metric', as plan_story decides it."""
    if config.headline is None or config.metric(config.headline.metric).kind == "balance":
        return "balance"
    return "metric"


def _kinds_for(config) -> set[str]:
    """Every sentence kind the planner can make for ``config``'s sections."""
    story = _story_type(config)
    methods = _planner_methods()[story]
    todo = list(_ALWAYS[story]) + [_DISPATCH[story][spec.kind] for spec in config.sections if _DISPATCH[story][spec.kind]]
    seen, kinds = set(), set()
    while todo:
        name = todo.pop()
        if name in seen or name not in methods:
            continue
        seen.add(name)
        made, calls = methods[name]
        kinds |= made
        todo.extend(calls)
    return kinds


def _bundled_configs():
    from generator.config import release_names

    return {name: open_project(REPO_ROOT, name).config for name in release_names(REPO_ROOT)}


def test_the_planner_dispatch_covers_every_section_kind():
    """The table above names a real planner method for every section kind the config accepts."""
    from generator.config import SECTION_KINDS

    methods = _planner_methods()
    for story in _DISPATCH:
        assert set(_DISPATCH[story]) == set(SECTION_KINDS), story
        for name in [*_ALWAYS[story], *filter(None, _DISPATCH[story].values())]:
            assert name in methods[story], f"{_PLANNERS[story]} has no method {name}"
    balance = _kinds_for(_bundled_configs()["knowledge_services"])
    assert {"headline", "lead_level", "cause", "remark", "dim_side", "special_change"} <= balance
    metric = _kinds_for(_bundled_configs()["monthly_trade"])
    assert {"headline_metric", "lead_metric", "breakdown_first", "breakdown_group", "cumulative", "remark"} <= metric


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("release", ("knowledge_services", "monthly_trade", "consumer_prices"))
def test_every_sentence_kind_the_planner_makes_has_a_macro(release, lang):
    """Per release: each sentence kind the planner makes for its sections has a macro in its templates."""
    config = _bundled_configs()[release]
    kinds = _kinds_for(config)
    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    source = (config.templates / lang / "sentences.md.j2").read_text(encoding="utf-8")
    macros = {m.name for m in env.parse(source).find_all(nodes.Macro)}
    assert kinds <= macros, f"{release}: missing in {lang}: {sorted(kinds - macros)}"


def test_the_bundled_releases_are_the_ones_tested():
    assert sorted(_bundled_configs()) == ["consumer_prices", "knowledge_services", "monthly_trade"]


def test_every_period_of_every_release_drafts():
    """Every period of every bundled release drafts in memory, and uses only the sentence
    kinds the planner table above expects for it (so that table cannot fall behind)."""
    failures = []
    for release, config in _bundled_configs().items():
        project = open_project(REPO_ROOT, release)
        expected = _kinds_for(config)
        for period in project.dataset.periods:
            try:
                draft = build_draft(project, period)
            except Exception as exc:  # noqa: BLE001 - reported with the period it failed on
                failures.append(f"{release} {period}: {type(exc).__name__}: {exc}")
                continue
            used = {s.kind for story in draft.story.values() for s in story.sentences()}
            if not used <= expected:
                failures.append(f"{release} {period}: kinds not in the planner table: {sorted(used - expected)}")
    assert not failures, "\n".join(failures)


# ------------------------------------------------------------------------------- CLI switches
def test_lang_en_writes_only_the_english_release(capsys, fresh):
    code, out, err = _draft(capsys, fresh, "--period", "2025H1", "--lang", "en")
    assert (code, err) == (0, "")
    folder = fresh / "output" / "knowledge_services" / "2025H1"
    names = sorted(p.name for p in folder.iterdir())
    assert {n for n in names if not n.startswith("chart-")} == {"facts.json", "manifest.json", "release.en.md", "review.md", "review.html"}
    assert all(".en." in n for n in names if n.startswith("chart-"))
    assert not any(".ko." in line for line in out.splitlines())
    review = (folder / "review.md").read_text(encoding="utf-8")
    assert "`release.en.md`" in review and "release.ko.md" not in review


def test_all_drafts_every_period(capsys, fresh):
    code, _, _ = _draft(capsys, fresh, "--all")
    assert code == 0
    assert sorted(p.name for p in (fresh / "output" / "knowledge_services").iterdir()) == sorted([*BUNDLED_PERIODS, ".pressgen.lock"])


# ------------------------------------------------------------------------------- wording edge cases
def _synthetic(tmp_path: Path, rows, *, items=None, overrides=None, annotations: str | None = None, period: str) -> dict[str, str]:
    root = make_project(tmp_path, rows, items_rows=items, config_overrides=overrides)
    shutil.copytree(REPO_ROOT / TEMPLATES, root / "templates" / "test")
    if annotations:
        write_annotations(root, period, annotations)
    project = open_project(root)
    draft = build_draft(project, project.period(period))
    return {lang: body_of(text) for lang, text in draft.releases.items()}


def test_flows_that_did_not_change_agree_with_a_plural_subject(tmp_path):
    """"exports"/"imports" are plural: "imports were unchanged", not "imports was unchanged"."""
    text = _synthetic(tmp_path, [("2024H2", "total", 1000, 900, 100), ("2025H1", "total", 1100, 900, 200)], period="2025H1")
    assert "imports were unchanged" in text["en"]
    assert "imports was unchanged" not in text["en"]
    assert "수입은 같은 수준을 유지했다" in text["ko"]


def test_a_fall_is_written_with_an_unsigned_percentage(tmp_path):
    """"fell by 100 million dollars (-9.1%)" says the fall twice; the amount is unsigned, so is the percent."""
    text = _synthetic(tmp_path, [("2024H2", "total", 1000, 1100, -100), ("2025H1", "total", 1000, 1000, 0),
                                 ("2025H1", "a", 100), ("2025H1", "b", -100)], period="2025H1")
    assert "imports fell by 100 million dollars (9.1%)" in text["en"]
    assert "(-9.1%)" not in text["en"]
    assert "수입은 1억달러(9.1%) 줄었다" in text["ko"]


def test_a_deficit_that_closes_to_zero_is_not_a_shrinking_balance(tmp_path):
    """A balance of zero has no size: no "균형 폭", no "균형를", no "balance shrank"."""
    text = _synthetic(tmp_path, [("2024H2", "total", 1000, 1100, -100), ("2025H1", "total", 1000, 1000, 0),
                                 ("2025H1", "a", 100), ("2025H1", "b", -100)], period="2025H1")
    assert "balance shrank" not in text["en"].lower() and "balance narrows to" not in text["en"].lower()
    assert "0 million dollars" not in text["en"].replace("100 million dollars", "")
    assert "균형를" not in text["ko"] and "균형 폭" not in text["ko"]


def test_korean_particles_after_the_year_on_year_comparison(tmp_path):
    """For a year the comparison is 전년, which takes 과: "전년과 같은", never "전년와"."""
    text = _synthetic(tmp_path, [("2023", "total", 2000, 1500, 500), ("2023", "a", 300), ("2023", "b", -100),
                                 ("2024", "total", 2100, 1600, 500), ("2024", "a", 300), ("2024", "b", -90)], period="2024")
    assert "전년와" not in text["ko"]
    assert "전년과 같은" in text["ko"]
    assert "전년 대비 전년" not in text["ko"]


def test_a_turn_to_surplus_is_worded_as_a_turn_of_the_balance(tmp_path):
    rows = [("2024H2", "total", 1000, 1300, -300), ("2024H2", "a", -300),
            ("2025H1", "total", 1500, 1300, 200), ("2025H1", "a", 200)]
    text = _synthetic(tmp_path, rows, period="2025H1")
    headline = text["en"].splitlines()[0]
    assert "Surplus Turns to 200" not in headline
    assert re.search(r"Turns to (a )?Surplus", headline), headline
    assert "Surplus Turns to a Surplus" not in text["en"]
    assert "The balance turned to a surplus from a deficit of 300 million dollars" in text["en"]
    assert text["ko"].splitlines()[0].endswith("…흑자 전환")
    assert "3억달러 적자에서 흑자로 전환했다" in text["ko"]


def test_a_special_classifications_balance_change_takes_the_right_particle(tmp_path):
    """special_change lists exports, imports and the balance: 무역수지는 (not 무역수지은), and
    English names the balance as a surplus."""
    items = tuple(i for i in DEFAULT_ITEMS if i[1] != "channel") + (
        ("sp", "special", "", "the special industry", "특수산업"),
        ("sp.x", "special", "sp", "special part X", "특수 1부"),
    )
    dims = BASE_CONFIG["dimensions"][:2] + [{"id": "special", "root": "sp", "special": True,
                                             "label": {"en": "special industry", "ko": "특수산업"}}]
    rows = [("2024H1", "total", 1000, 900, 100), ("2024H1", "sp", 500, 400, 100),
            ("2025H1", "total", 1100, 900, 200), ("2025H1", "sp", 600, 300, 300), ("2025H1", "sp.x", 300)]
    text = _synthetic(tmp_path, rows, items=items, overrides={"dimensions": dims, "sections": ["lead", "special"]}, period="2025H1")
    assert "무역수지은" not in text["ko"]
    assert "무역수지는 2억달러" in text["ko"] or "흑자는 2억달러" in text["ko"]
    assert " balance grew" not in text["en"]
    assert re.search(r"surplus (?:of [\w ]+ )?grew by 200 million dollars", text["en"])


def test_an_edited_review_sheet_is_kept_too(capsys, fresh):
    """Nothing pressgen writes may silently destroy an edit, the review sheet included."""
    assert _draft(capsys, fresh, "--period", "2025H1")[0] == 0
    review = fresh / "output" / "knowledge_services" / "2025H1" / "review.md"
    review.write_text(review.read_text(encoding="utf-8") + "\nChecked by the desk: OK.\n", encoding="utf-8")
    code, _, err = _draft(capsys, fresh, "--period", "2025H1")
    assert code == 0
    assert "Checked by the desk: OK." in review.read_text(encoding="utf-8")
    assert "kept output/knowledge_services/2025H1/review.md: edited since it was generated; new version written to output/knowledge_services/2025H1/review.new.md" in err
    assert (fresh / "output" / "knowledge_services" / "2025H1" / "review.new.md").exists()
    code, _, _ = _draft(capsys, fresh, "--period", "2025H1", "--force")
    assert code == 0 and "Checked by the desk" not in review.read_text(encoding="utf-8")
    assert not (fresh / "output" / "knowledge_services" / "2025H1" / "review.new.md").exists()


# ------------------------------------------------------------------------------- review sheet
@pytest.mark.parametrize("precision, unit, expected", [
    ("10", "usd_million", "10 million dollars"),
    ("0.1", "percent", "0.1 percentage point"),
    ("0.01", "pp", "0.01 percentage point"),
    ("0.01", "index", "0.01 index point"),
    ("1", "thousand_persons", "1 thousand persons"),
    ("100", "persons", "100 persons"),
])
def test_the_review_sheet_states_one_unit_of_precision_as_an_amount(precision, unit, expected):
    """"may differ ... by one unit, 10 million dollars", not "one unit of 10 (millions of US dollars)"."""
    from generator.review import unit_amount

    assert unit_amount(Decimal(precision), unit) == expected


def test_the_review_sheet_says_how_far_a_rounded_change_may_be_off(drafts):
    from generator.review import review_sheet

    text = review_sheet(open_project(REPO_ROOT, "knowledge_services"), drafts["2025H1"])
    assert "(may differ from the publisher's own by one unit, 10 million dollars" in text


@pytest.mark.parametrize("edited", ["config/wording/en.yaml", "config/vocabulary/en.yaml"])
def test_input_hash_covers_the_wording_rules_and_vocabularies_the_review_sheet_is_checked_with(capsys, tmp_path, edited):
    root = copy_bundled(tmp_path / "p")
    assert _draft(capsys, root, "--period", "2024H2")[0] == 0
    release = root / "output/knowledge_services/2024H2/release.en.md"
    before = split_front_matter(release.read_text(encoding="utf-8"))[0]["input_hash"]
    path = root / edited
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(old + "\n# an editor's note, changing the file's bytes only\n", encoding="utf-8")
    assert _draft(capsys, root, "--period", "2024H2")[0] == 0
    assert split_front_matter(release.read_text(encoding="utf-8"))[0]["input_hash"] != before
