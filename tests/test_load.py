"""Loading figures and items: every bad input gives one located message and exit code 2 via the CLI."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.periods import Period
from generator.project import open_project

from helpers import FIGURES, ITEMS, figures_text, items_text, make_project, run_cli, validate_fails

GOOD_ROWS = [("2024H2", "total", 18500, 22260, -3760), ("2025H1", "total", 19710, 24240, -4530)]


def write_figures(root: Path, content: str | bytes) -> None:
    path = root / FIGURES
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def validate_ok(capsys, root: Path) -> str:
    code, out, err = run_cli(capsys, "validate", "--project", root)
    assert (code, err) == (0, ""), err
    return out


@pytest.fixture
def project(tmp_path):
    """A valid synthetic project with two periods of total figures."""
    return make_project(tmp_path, GOOD_ROWS)


def test_the_good_project_validates(capsys, project):
    out = validate_ok(capsys, project)
    assert out.splitlines() == [
        "config: config/test.yaml: ok (3 metrics, 3 dimensions, 3 sections)",
        "items: data/test/items.csv: ok (10 items)",
        "figures: data/test/figures.csv: ok (6 values in 2 periods)",
    ]


def test_unknown_item_with_did_you_mean(capsys, project):
    write_figures(project, figures_text([*GOOD_ROWS, ("2025H1", "totl", None, None, 5)]))
    first, err = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv:4: unknown item 'totl' (did you mean 'total'?)"
    assert "hint: item codes are defined in data/test/items.csv" in err


def test_duplicate_row_names_the_first_line(capsys, project):
    write_figures(project, figures_text([*GOOD_ROWS, ("2024H2", "total", None, None, -3760)]))
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv:4: duplicate row for item 'total' in period 2024H2 (first on line 2)"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("abc", "'abc' is not a number; expected a figure in millions of US dollars such as -4530 or 19,710, or an empty cell for not published"),
        ("1,2345", "'1,2345' is not a number"),
        ("NaN", "'NaN' is not a number; expected a figure in millions of US dollars"),
        ("-", "'-' is ambiguous (zero or not published?); leave the cell empty for not published, or write 0"),
    ],
    ids=["word", "bad-grouping", "nan", "dash-ambiguous"],
)
def test_non_numbers_are_located_at_line_and_column(capsys, project, cell, message):
    write_figures(project, "period,item,exports,imports,balance\n2025H1,total,100,50,50\n"
                           f'2024H2,total,"{cell}",,\n')
    first, _ = validate_fails(capsys, project)
    assert first.startswith(f"Error: data/test/figures.csv:3: {message}")
    assert first.endswith("(at key 'exports')")


def test_bad_period(capsys, project):
    write_figures(project, figures_text([*GOOD_ROWS, ("2025H3", "total", None, None, 5)]))
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv:4: bad period: '2025H3' is not a period; a year has 2 halves"


def test_balance_beyond_one_rounding_unit_is_an_error(capsys, project):
    write_figures(project, figures_text([("2025H1", "total", 100, 50, 61)]))
    first, err = validate_fails(capsys, project)
    assert first == ("Error: data/test/figures.csv:2: balance 61 differs from exports − imports = 50 "
                     "by more than one rounding unit (10)")
    assert "hint: correct the figure" in err


@pytest.mark.parametrize("balance", [40, 50, 60])
def test_balance_within_one_rounding_unit_is_accepted(capsys, project, balance):
    write_figures(project, figures_text([("2025H1", "total", 100, 50, balance)]))
    validate_ok(capsys, project)
    assert open_project(project).dataset.value("total", Period.parse("2025H1"), "balance") == balance


def test_unknown_column_with_did_you_mean(capsys, project):
    write_figures(project, "period,item,exprts\n2025H1,total,100\n")
    first, _ = validate_fails(capsys, project)
    assert first == ("Error: data/test/figures.csv:1: unknown column 'exprts'; expected period, item, exports, imports, "
                     "balance, note (did you mean 'exports'?)")


def test_missing_column(capsys, project):
    write_figures(project, "period,exports\n2025H1,100\n")
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv:1: missing column 'item'; the header must name period, item"


def test_empty_file(capsys, project):
    write_figures(project, "")
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv: file is empty; expected a header row and figures"


def test_header_without_rows(capsys, project):
    write_figures(project, "period,item,exports,imports,balance\n")
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv: no figures: the file has a header but no rows with values"


def test_binary_file(capsys, project):
    write_figures(project, b"PK\x03\x04\x00\x00binary\x00junk")
    first, err = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv: file is binary, not a CSV table"
    assert "hint: export the figures as CSV (UTF-8) or .xlsx" in err


def test_dots_are_not_published_not_zero(capsys, project):
    write_figures(project, "period,item,exports,imports,balance\n2025H1,total,..,,-4530\n2025H1,a,n/a,…,-10\n")
    validate_ok(capsys, project)
    dataset = open_project(project).dataset
    h1 = Period.parse("2025H1")
    assert dataset.value("total", h1, "exports") is None
    assert dataset.cell("a", h1, "imports") is None
    assert dataset.value("total", h1, "balance") == -4530


def test_thousands_separators_are_accepted(capsys, project):
    write_figures(project, 'period,item,exports,imports,balance\n2025H1,total,"19,710","24,240","-4,530"\n')
    validate_ok(capsys, project)
    dataset = open_project(project).dataset
    h1 = Period.parse("2025H1")
    assert [dataset.value("total", h1, m) for m in ("exports", "imports", "balance")] == [19710, 24240, -4530]


def test_utf8_bom_is_accepted(capsys, project):
    write_figures(project, "\ufeff" + figures_text(GOOD_ROWS))
    validate_ok(capsys, project)
    assert open_project(project).dataset.value("total", Period.parse("2025H1"), "exports") == 19710


def test_cp949_korean_item_table_is_accepted(capsys, project):
    (project / ITEMS).write_bytes(items_text().encode("cp949"))
    validate_ok(capsys, project)
    items = open_project(project).dataset.items
    assert items["total"].names == {"en": "all services", "ko": "전체 서비스"}
    assert items["a"].name("ko") == "가 유형"


def test_xlsx_figures_are_read(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    root = make_project(tmp_path, GOOD_ROWS, config_overrides={"data": {"figures": "../data/test/figures.xlsx"}})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["period", "item", "exports", "imports", "balance", "note"])
    sheet.append(["2024H2", "total", 18500, None, -3760, None])
    sheet.append(["2025H1", "total", 19710, 24240, -4530, "provisional"])
    sheet.append(["2025H1", "a", None, None, -2450.0, None])
    book.save(root / "data" / "test" / "figures.xlsx")
    out = validate_ok(capsys, root)
    assert "figures: data/test/figures.xlsx: ok (6 values in 2 periods)" in out
    dataset = open_project(root).dataset
    h1 = Period.parse("2025H1")
    cell = dataset.cell("total", h1, "imports")
    assert (cell.value, cell.line, cell.path, cell.note) == (24240, 3, "data/test/figures.xlsx", "provisional")
    assert dataset.value("a", h1, "balance") == Decimal(-2450)
    assert dataset.value("total", Period.parse("2024H2"), "imports") is None


def test_xlsx_errors_are_located_at_the_sheet_row(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    root = make_project(tmp_path, GOOD_ROWS, config_overrides={"data": {"figures": "../data/test/figures.xlsx"}})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["period", "item", "balance"])
    sheet.append(["2025H1", "total", -4530])
    sheet.append(["2025H1", "icss", 10])
    book.save(root / "data" / "test" / "figures.xlsx")
    first, _ = validate_fails(capsys, root)
    assert first == "Error: data/test/figures.xlsx:3: unknown item 'icss'"


def test_duplicate_item_in_the_item_table(capsys, project):
    rows = [("total", "total", "", "all", "전체"), ("a", "category", "total", "A", "가"), ("a", "category", "total", "A2", "가2")]
    (project / ITEMS).write_text(items_text(rows), encoding="utf-8")
    write_figures(project, figures_text([("2025H1", "total", None, None, 1)]))
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/items.csv:4: item 'a' is defined twice (first on line 3)"


def test_unknown_dimension_in_the_item_table(capsys, project):
    rows = [("total", "total", "", "all", "전체"), ("a", "categry", "total", "A", "가")]
    (project / ITEMS).write_text(items_text(rows), encoding="utf-8")
    first, _ = validate_fails(capsys, project)
    # The total's own dimension is allowed too: it holds other totals (the monthly trade release's daily averages).
    assert first.startswith("Error: data/test/items.csv:3: item 'a' has unknown dimension 'categry'; expected one of "
                            "category, channel, region, total (did you mean 'category'?)")


def test_missing_figures_file(capsys, project):
    (project / FIGURES).unlink()
    first, _ = validate_fails(capsys, project)
    assert first == "Error: data/test/figures.csv: file not found: data/test/figures.csv"


@pytest.mark.parametrize(
    ("written", "stored"),
    [("445", 450), ("444.9", 440), ("-445", -450), ("-444", -440), ("4530", 4530)],
    ids=["tie-up", "below-tie", "negative-tie", "negative-below", "already-rounded"],
)
def test_figures_are_rounded_once_half_up_to_the_precision(project, written, stored):
    """Round once, at load, as the publisher does (half up, to 10): facts then work on printed values."""
    write_figures(project, f"period,item,balance\n2025H1,total,{written}\n")
    cell = open_project(project).dataset.cell("total", Period.parse("2025H1"), "balance")
    assert cell.value == stored
    assert cell.source()["value"] == stored
    raw = Decimal(written)
    assert cell.raw == (raw if raw != stored else None)
    assert Decimal(str(cell.source().get("raw", stored))) == raw

