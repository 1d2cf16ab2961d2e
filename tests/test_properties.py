"""Property-based tests: random datasets, period strings and texts never crash pressgen.

The budget comes from the hypothesis profile registered in conftest.py ("ci": 25
examples, derandomized); ``HYPOTHESIS_PROFILE=thorough`` runs many more.
"""

from __future__ import annotations

import shutil
import tempfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from generator.check.agreement import Agreement
from generator.check.document import parse_document
from generator.check.run import check_paths
from generator.check.wording import default_rule_paths, lint, load_rules
from generator.draft import build_draft, write_draft
from generator.errors import GeneratorError, UsageError
from generator.lang.numbers import round_half_up
from generator.periods import Period, parse_period
from generator.project import open_project

from drafting import amounts, fact_money
from helpers import make_project

REPO_ROOT = Path(__file__).resolve().parents[1]

# Two dimensions under the total: categories a, b, c and regions east, west.
ITEMS = (
    ("total", "total", "", "all services", "전체 서비스"),
    ("a", "category", "total", "category A", "가 유형"),
    ("b", "category", "total", "category B", "나 유형"),
    ("c", "category", "total", "category C", "다 유형"),
    ("r.east", "region", "total", "the East", "동부"),
    ("r.west", "region", "total", "the West", "서부"),
)
CHILDREN = [row[0] for row in ITEMS[1:]]
CONFIG = {"dimensions": [
    {"id": "category", "root": "total", "label": {"en": "by category", "ko": "유형별"}},
    {"id": "region", "root": "total", "label": {"en": "by region", "ko": "지역별"}},
]}


def _millions(draw, low: int = -6000, high: int = 6000) -> int:
    """A figure in millions of dollars as published: rounded to 10, random sign and size."""
    size = draw(st.sampled_from([10, 100, 1000, 10000]))
    return draw(st.integers(low * size // 1000, high * size // 1000)) * 10


@st.composite
def datasets(draw) -> tuple[list[tuple], list[str]]:
    """1-3 consecutive half years; the total always has a balance, other cells may be missing."""
    count = draw(st.integers(1, 3))
    start = Period(draw(st.integers(2019, 2024)), "H", draw(st.integers(1, 2)))
    periods = [start]
    for _ in range(count - 1):
        periods.append(periods[-1].next())
    rows = []
    for period in periods:
        for item in ("total", *CHILDREN):
            if item != "total" and draw(st.booleans()) and draw(st.booleans()):
                continue  # the item is not published for this period
            if draw(st.booleans()):
                exports = abs(_millions(draw)) + 10
                imports = abs(_millions(draw)) + 10
                balance = exports - imports
                if draw(st.integers(0, 4)) == 0:
                    exports = None  # a missing cell
                rows.append((str(period), item, exports, imports, balance))
            else:
                rows.append((str(period), item, None, None, _millions(draw)))
    return rows, [str(p) for p in periods]


def _project(base: Path, rows: list[tuple]) -> Path:
    root = make_project(base, rows, items_rows=ITEMS, config_overrides=CONFIG)
    shutil.copytree(REPO_ROOT / "templates" / "knowledge_services", root / "templates" / "test")
    return root


def _printed_precision(text: str) -> Decimal:
    """The place value of the last digit written in a money amount, in millions of dollars."""
    if "억" in text or "만" in text or "조" in text:
        return Decimal(10)  # the Korean forms in the compact style are written to 10 million
    number = next(part for part in text.replace(",", "").replace("$", "").split() if part[0].isdigit())
    scale = Decimal(1000) if "billion" in text else Decimal(1_000_000) if "trillion" in text else Decimal(1)
    decimals = len(number.split(".", 1)[1]) if "." in number else 0
    return scale / Decimal(10) ** decimals


# Drafting is the slow part: a failure is reported as found, not shrunk (shrinking drafts takes minutes).
NO_SHRINK = settings(phases=(Phase.explicit, Phase.reuse, Phase.generate))


@NO_SHRINK
@given(datasets())
def test_random_datasets_give_facts_and_drafts_whose_numbers_all_come_from_facts(data) -> None:
    rows, periods = data
    with tempfile.TemporaryDirectory() as tmp:
        root = _project(Path(tmp), rows)
        project = open_project(root)
        for text in periods:
            for fact in project.facts(Period.parse(text)):
                assert fact.period == text and fact.sources, fact
        draft = build_draft(project, Period.parse(periods[-1]))  # drafting is the slow part: the latest period
        if True:
            for lang, story in draft.story.items():
                for sentence in story.sentences():
                    if sentence.annotation is not None:
                        continue
                    allowed = set()
                    for fact in sentence.facts:
                        allowed |= fact_money(fact)
                    for amount in amounts(sentence.text, lang):
                        precision = _printed_precision(amount.text)
                        matches = {round_half_up(v, precision) for v in allowed}
                        assert amount.millions in matches, (
                            f"{lang} {periods[-1]}: '{amount.text}' in {sentence.text!r} is not a value, base value or change "
                            f"of the sentence's facts ({sorted(allowed)})"
                        )


@NO_SHRINK
@given(datasets())
def test_check_finds_no_errors_in_a_fresh_draft(data) -> None:
    rows, periods = data
    with tempfile.TemporaryDirectory() as tmp:
        root = _project(Path(tmp), rows)
        project = open_project(root)
        period = project.period(periods[-1])
        write_draft(project, build_draft(project, period))
        result = check_paths([root / "output" / "test" / str(period)], root)
        errors = [f for f in result.findings if f.level == "error"]
        assert not errors, "\n".join(f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}" for f in errors)


PERIOD_TEXT = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"\A\s?[0-9０-９٠-٩]{0,5}[HQhqYM]?[0-9]{0,2}\s?\Z"),
    st.builds(lambda y, k, n: f"{y}{k}{n}", st.integers(-5, 99999), st.sampled_from(["", "H", "Q", "h", "q", "M", "-"]), st.integers(-1, 13)),
)


@given(PERIOD_TEXT)
def test_period_parse_raises_only_value_error(text: str) -> None:
    try:
        period = Period.parse(text)
    except ValueError:
        return
    assert Period.parse(str(period)) == period
    assert period.previous().next() == period


@given(PERIOD_TEXT)
def test_parse_period_raises_only_usage_error(text: str) -> None:
    known = [Period.parse("2024H2"), Period.parse("2025H1")]
    try:
        period = parse_period(text, known=known)
    except UsageError as exc:
        assert exc.exit_code == 2 and str(exc).startswith("--period: ")
        return
    assert period in known


@lru_cache(maxsize=1)
def _bundled_checkers():
    project = open_project(REPO_ROOT, "knowledge_services")
    period = Period.parse("2025H1")
    annotations = project.annotations(period)
    agreement = Agreement(project.config, project.dataset.items, project.facts(period, annotations), annotations,
                          project.config.check_levels)
    return load_rules(default_rule_paths(REPO_ROOT), REPO_ROOT), agreement


FRAGMENTS = [
    "---\n", "release: knowledge_services\n", "period: 2025H1\n", "period: 2025H3\n", "language: ko\n", "language: en\n",
    "language: fr\n", "# ", "## ", "\n", "\n\n", "```\n", "`", "> ", "- ", "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "<!-- pressgen-disable-next-line data.number -->\n", "<!-- pressgen-disable en.no-hype -->", "<!-- pressgen-enable -->",
    "<!--", "-->", "[link](http://x.org)", "![img](a.png)", "www.example.com", "\ufeff", "\r\n", "\x00", "…",
    "The deficit widened to 4.53 billion dollars. ", "$4.53 billion", "770 million dollars", "1.4 billion",
    "a record half-year surplus", "largest since 2020H1", "45억3000만달러", "45억 3천만 달러", "45.3억달러", "9000만달러",
    "1조2000억달러", "적자 폭이 확대됐다. ", "흑자로 전환했다", "역대 최대", "6.5%", "5.5 times", "tenfold", "5.5배",
    "intellectual property royalties", "지식재산권", "information and communications services", "skyrocketed!", "TODO",
    "{{ value }}", "U.S. ", "No. 1 ", "e.g. ", "99999999999999999999 billion dollars", "0.000000001 million",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=15)), max_size=30).map("".join)


@given(TEXTS)
def test_check_of_random_text_raises_only_generator_errors(text: str) -> None:
    rules, agreement = _bundled_checkers()
    try:
        doc = parse_document(text, "random.md")
        lint(doc, rules)
        agreement.check(doc)
    except GeneratorError as exc:
        assert exc.exit_code == 2 and exc.path == "random.md", exc


@pytest.mark.parametrize("amount_text", ["4.53 billion dollars", "$4.53 billion", "770 million dollars", "22 billion dollars"])
def test_the_printed_precision_helper(amount_text: str) -> None:
    # The helper the draft property relies on: "4.53 billion" is written to 10 million.
    expected = {"4.53 billion dollars": 10, "$4.53 billion": 10, "770 million dollars": 1, "22 billion dollars": 1000}
    assert _printed_precision(amount_text) == expected[amount_text]
