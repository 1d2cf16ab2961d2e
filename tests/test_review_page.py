"""The HTML review page: structure, marked figures, provenance, findings, escaping (no browser needed)."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.check.findings import Finding
from generator.draft import build_draft
from generator.facts.model import Fact
from generator.periods import Period
from generator.project import open_project
from generator.review_page import explain, find_figures, review_page, sentence_positions

REPO_ROOT = Path(__file__).resolve().parents[1]
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class Page(HTMLParser):
    """What the tests look at in a rendered page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.rows: list[dict] = []  # one per sentence row: id, classes, cells {lang: text}
        self.marks: list[dict] = []  # every mark in the release text: class, data-fact, text, row, lang
        self.unmarked: list[tuple[str, str]] = []  # (row id, text) with a digit outside any mark
        self.cards: dict[str, list[str]] = {}  # fact id → its card's text
        self.urls: list[str] = []
        self.doctype = ""
        self.findings: dict[str, list[str]] = {}  # row id or "top" → finding texts
        self._card: str | None = None
        self._mark: dict | None = None
        self._finding: list[str] | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def _inside(self, tag: str, cls: str | None = None) -> dict | None:
        for name, attrs in reversed(self.stack):
            if name == tag and (cls is None or cls in attrs.get("class", "").split()):
                return attrs
        return None

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        for key in ("src", "href"):
            if key in attrs:
                self.urls.append(attrs[key])
        if tag == "tr" and "s" in attrs.get("class", "").split():
            self.rows.append({"id": attrs["id"], "class": attrs["class"].split(), "cells": {}})
        if tag == "td" and self.rows and self._inside("tr", "s") is not None and "lang" in attrs:
            self.rows[-1]["cells"][attrs["lang"]] = ""
        if tag == "article" and "fact" in attrs.get("class", "").split() and self._inside("section") is not None:
            if self._inside("aside") is None:
                self._card = attrs["data-id"]
                self.cards[self._card] = []
        if tag == "mark" and self._inside("p", "text") is not None:
            td = self._inside("td")
            self._mark = {"class": attrs.get("class", "").split(), "fact": attrs.get("data-fact"), "text": "",
                          "row": self.rows[-1]["id"], "lang": td["lang"] if td else None}
            self.marks.append(self._mark)
        if tag == "li" and "finding" in attrs.get("class", "").split():
            self._finding = []
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, attrs = self.stack.pop()
            if name == "article" and self._card is not None and "fact" in attrs.get("class", "").split():
                self._card = None
            if name == "mark":
                self._mark = None
            if name == "li" and self._finding is not None and "finding" in attrs.get("class", "").split():
                tr = self._inside("tr", "s")
                self.findings.setdefault(tr["id"] if tr else "top", []).append("".join(self._finding))
                self._finding = None
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._card is not None:
            self.cards[self._card].append(data)
        if self._finding is not None:
            self._finding.append(data)
        if self._inside("p", "text") is not None and self.rows:
            td = self._inside("td")
            self.rows[-1]["cells"][td["lang"]] += data
            if self._mark is not None:
                self._mark["text"] += data
            elif self._inside("mark") is None and re.search(r"\d", data):
                self.unmarked.append((self.rows[-1]["id"], data))


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def project():
    return open_project(REPO_ROOT, "knowledge_services")


@pytest.fixture(scope="module", params=[("knowledge_services", "2025H1"), ("knowledge_services", "2024"),
                                        ("monthly_trade", "2025-11"), ("consumer_prices", "2025-11")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def rendered(request):
    """The review page of a period of each release (a balance story and two metric stories)."""
    release, period = request.param
    project = open_project(REPO_ROOT, release)
    draft = build_draft(project, project.period(period))
    page = review_page(project, draft)
    return draft, page, parse(page)


def test_valid_html5_document(rendered):
    _, page, parsed = rendered
    assert page.startswith("<!doctype html>\n<html lang=\"en\">")
    assert parsed.doctype.lower() == "doctype html"
    assert '<meta charset="utf-8">' in page
    assert page.rstrip().endswith("</html>")


def test_one_row_per_sentence_pair(rendered):
    draft, _, parsed = rendered
    en, ko = draft.story["en"].sentences(), draft.story["ko"].sentences()
    assert len(parsed.rows) == len(en) == len(ko)
    for row, a, b in zip(parsed.rows, en, ko):
        assert row["cells"]["en"] == a.text
        assert row["cells"]["ko"] == b.text
        assert ("editor" in row["class"]) == (a.annotation is not None)
    # headings are styled as headings: the headline at least
    assert "heading" in parsed.rows[0]["class"]


def test_every_digit_is_marked(rendered):
    _, _, parsed = rendered
    assert parsed.unmarked == []
    figures = [m for m in parsed.marks if "fig" in m["class"]]
    assert figures, "no figure marked"
    for mark in parsed.marks:
        assert ("fig" in mark["class"]) != ("when" in mark["class"])


def test_marks_link_to_facts_of_the_draft(rendered):
    draft, _, parsed = rendered
    ids = {f.id for f in draft.facts}
    for mark in parsed.marks:
        if "fig" in mark["class"]:
            for fact_id in (mark["fact"] or "").split():
                assert fact_id in ids
                assert fact_id in parsed.cards, f"no card for {fact_id}"
    # a figure in a sentence stating facts is linked to at least one of them
    by_row = {row["id"]: row for row in parsed.rows}
    stated = {f"s-{n}": s for n, s in enumerate(draft.story["en"].sentences(), start=1)}
    for mark in parsed.marks:
        if "fig" in mark["class"] and stated[mark["row"]].facts:
            assert mark["fact"], f"{mark['text']!r} in {mark['row']} is linked to nothing"
    assert by_row


def test_deficit_provenance_names_file_and_line(project):
    draft = build_draft(project, Period.parse("2025H1"))
    parsed = parse(review_page(project, draft))
    cell = next(c for c in project.dataset.cells_for(draft.period) if c.item == "total" and c.metric == "balance")
    assert cell.path == "data/knowledge_services/figures.csv"
    row = "s-" + str(next(n for n, s in enumerate(draft.story["en"].sentences(), start=1) if s.kind == "lead_level"))
    for lang, text in (("en", "4.53 billion dollars"), ("ko", "45억3000만달러")):
        mark = next(m for m in parsed.marks if m["text"] == text and m["lang"] == lang and m["row"] == row)
        assert mark["fact"].split() == ["level:total:balance:2025H1"]
        card = "".join(parsed.cards["level:total:balance:2025H1"])
        assert f"{cell.path}:{cell.line}" in card


def test_derived_figure_is_flagged_first(project):
    draft = build_draft(project, Period.parse("2025H1"))
    page = review_page(project, draft)
    first = page[page.index('<section id="first">'):page.index('<section id="text">')]
    assert "asserted:ics-half-year-record" in first
    assert "derived: 2024H2 balance (750)" in first  # ics.platform, a derived cell
    assert "exports from a single report" in first
    assert re.search(r"\d+ published figures of 2025H1 the draft does not use", first)
    # the note of a row's exports does not flag the row's balance
    assert "2024H2 total balance = −3,760" not in first


def test_judgements_listed_when_present(project):
    draft = build_draft(project, Period.parse("2025H1"))
    draft.judgements = ["main contributor: at least 66.7% <of> the side"]
    page = review_page(project, draft)
    assert "Judgement call:</strong> main contributor: at least 66.7% &lt;of&gt; the side" in page


def test_deterministic(project):
    one = review_page(project, build_draft(project, Period.parse("2025H1")))
    two = review_page(project, build_draft(project, Period.parse("2025H1")))
    assert one == two


def test_no_external_resources(rendered):
    _, page, parsed = rendered
    for url in parsed.urls:
        assert url.startswith("#") or url.startswith("data:"), url
    # A source note may quote a web address as text (the monthly releases' cells cite their
    # articles); no tag, script or style may point at one.
    for tag in re.findall(r"<[^>]*>", page):
        assert "http://" not in tag and "https://" not in tag, tag
    for block in re.findall(r"<(script|style)[^>]*>(.*?)</\1>", page, flags=re.S):
        assert "http://" not in block[1] and "https://" not in block[1] and "url(" not in block[1]
    assert "<link" not in page and "@import" not in page


def test_findings_beside_their_sentence(project):
    draft = build_draft(project, Period.parse("2025H1"))
    sentences = draft.story["ko"].sentences()
    positions = sentence_positions(draft.releases["ko"], sentences, "ko")
    line, column, _ = positions[5]
    findings = {"ko": [Finding("output/knowledge_services/2025H1/release.ko.md", line, column + 3, "error", "amount-mismatch",
                               "figures say <45억3000만달러> & more"),
                       Finding("output/knowledge_services/2025H1/release.ko.md", 1, 1, "warning", "front-matter", "odd front matter")]}
    parsed = parse(review_page(project, draft, findings))
    assert len(parsed.findings["s-6"]) == 1
    assert "figures say <45억3000만달러> & more" in parsed.findings["s-6"][0]
    assert f"{line}:{column + 3}" in parsed.findings["s-6"][0]
    assert any("odd front matter" in f for f in parsed.findings["top"])
    # with explicit lines
    lines = {"en": [0] * len(sentences)}
    lines["en"][2] = 99
    parsed = parse(review_page(project, draft, {"en": [Finding("x", 99, 1, "suggestion", "r", "m")]}, lines))
    assert parsed.findings["s-3"] == [parsed.findings["s-3"][0]] and "m" in parsed.findings["s-3"][0]


def test_sentence_positions_match_the_release_file(project):
    draft = build_draft(project, Period.parse("2025H1"))
    for lang in ("en", "ko"):
        text = draft.releases[lang]
        lines = text.splitlines()
        for sentence, where in zip(draft.story[lang].sentences(), sentence_positions(text, draft.story[lang].sentences(), lang)):
            assert where is not None, sentence.text
            line, first, last = where
            assert lines[line - 1][first - 1:last] == sentence.text


def test_hostile_item_name_is_escaped(project_copy):
    items = project_copy / "data" / "knowledge_services" / "items.csv"
    text = items.read_text(encoding="utf-8")
    hostile = "info <script>alert(1)</script> & co"
    text = text.replace("\nics,category,total,information and communications services,", f"\nics,category,total,{hostile},", 1)
    assert hostile in text
    items.write_text(text, encoding="utf-8")
    project = open_project(project_copy)
    page = review_page(project, build_draft(project, Period.parse("2025H1")))
    assert "<script>alert(1)" not in page
    assert "info &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert page.count("<script>") == 1
    parsed = parse(page)
    assert any(hostile in row["cells"]["en"] for row in parsed.rows)


def _fact(kind: str, **data) -> Fact:
    return Fact(id=f"{kind}:x", kind=kind, rule=kind, item="x", period="2025H1", data=data)


def test_explain_shows_the_arithmetic():
    change = _fact("change", metric="exports", basis="previous_period", base_period="2024H2", value=Decimal(19710),
                   base_value=Decimal(18500), delta=Decimal(1210), direction="increased", percent=Decimal("6.5"))
    text = explain(change)
    assert "change = 19,710 − 18,500 = 1,210" in text
    assert "percent = 1,210 / 18,500 = 6.5%" in text
    deficit = _fact("change", value=Decimal(-4530), base_value=Decimal(-3760), delta=Decimal(-770), direction="widened")
    assert "change = −4,530 − (−3,760) = −770" in explain(deficit)
    assert explain(_fact("share", value=Decimal(19860), total=Decimal(36820), percent=Decimal("53.9"), of="total",
                         metric="exports")).startswith("share = 19,860 / 36,820 = 53.9%")
    assert "multiple = 19,860 / 3,620 = 5.5×" in explain(_fact("multiple", value=Decimal(19860), base_value=Decimal(3620),
                                                                   multiple=Decimal("5.5"), base_period="2010"))
    streak = explain(_fact("streak", length=6, start="2025M03", open=True, direction="increased"))
    assert "6 periods in a row starting 2025M03 (still running)" in streak
    assert "largest surplus since 2019H1" in explain(_fact("record", value=Decimal(10), extreme="largest_surplus",
                                                           since="2019H1", since_value=Decimal(9)))
    assert explain(_fact("level", value=Decimal(-4530), metric="balance")).startswith("level = −4,530")
    assert "odd = 3" in explain(_fact("novel", odd=3))


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Exports rose for the sixth straight month, by 2.4 percent, to $61.04 billion.",
     [("sixth straight month", "streak"), ("2.4 percent", "pct"), ("$61.04 billion", "money")]),
    ("en", "The share rose 0.3%p to 8.4%, 5.5 times the 2010 level, on September 17.",
     [("0.3%p", "pct"), ("8.4%", "pct"), ("5.5 times", "times"), ("2010", "when"), ("September 17", "when")]),
    ("en", "A deficit of 4.53 billion dollars in 2025H1, 770 million dollars wider.",
     [("4.53 billion dollars", "money"), ("2025H1", "when"), ("770 million dollars", "money")]),
    ("ko", "9월 17일 발표에 따르면 45억3000만달러 적자로 6개월 연속 증가했고 0.3%p, 8.4%, 5.5배, 22억달러였다.",
     [("9월 17일", "when"), ("45억3000만달러", "money"), ("6개월 연속", "streak"), ("0.3%p", "pct"), ("8.4%", "pct"),
      ("5.5배", "times"), ("22억달러", "money")]),
    ("ko", "2025년 상반기 (-37억6000만달러) 역대 최대", [("2025년 상반기", "when"), ("-37억6000만달러", "money"),
                                                   ("역대 최대", "claim")]),
])
def test_find_figures(lang, text, expected):
    assert [(text[s:e], kind) for s, e, kind in find_figures(text, lang)] == expected


def test_real_check_finding_lands_on_its_sentence(project, tmp_path):
    from generator.check.run import check_paths

    folder = tmp_path / "2025H1"
    folder.mkdir()
    release = (REPO_ROOT / "output" / "knowledge_services" / "2025H1" / "release.ko.md").read_text(encoding="utf-8")
    wrong = release.replace("45억3000만달러 적자를 기록했다", "46억3000만달러 적자를 기록했다", 1)
    assert wrong != release
    (folder / "release.ko.md").write_text(wrong, encoding="utf-8")
    found = [f for f in check_paths([folder / "release.ko.md"], REPO_ROOT).findings if "46억3000만달러" in f.message]
    assert found
    draft = build_draft(project, Period.parse("2025H1"))
    lead = next(n for n, s in enumerate(draft.story["ko"].sentences(), start=1) if s.kind == "lead_level")
    parsed = parse(review_page(project, draft, {"ko": found}))
    assert any("46억3000만달러" in text for text in parsed.findings[f"s-{lead}"])
