"""``pressgen check --fix`` / ``--diff``: wrong figures rewritten in the text's own style, nothing else touched."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.check.fix import restyle

# -- restyle: the figure as written, with the new value --------------------------------------------

RESTYLED = [
    # English money: symbol and words kept, precision kept, scale follows the value.
    ("$4.53 billion", "en", "4350", "usd_million", "$4.35 billion"),
    ("4.53 billion dollars", "en", "4356", "usd_million", "4.36 billion dollars"),
    ("US$4.53 billion", "en", "4290", "usd_million", "US$4.29 billion"),
    ("4.53 billion US dollars", "en", "4290", "usd_million", "4.29 billion US dollars"),
    ("1.4 billion", "en", "1449", "usd_million", "1.4 billion"),
    ("1.4 billion", "en", "1450", "usd_million", "1.5 billion"),  # tie rounds up, not to even
    ("1.4 billion", "en", "1250", "usd_million", "1.3 billion"),  # half-even would give 1.2
    ("770 million", "en", "784", "usd_million", "780 million"),
    ("770 million", "en", "785", "usd_million", "790 million"),
    ("770 million", "en", "1234", "usd_million", "1.23 billion"),  # crosses into billions
    ("$1.02 billion", "en", "984", "usd_million", "$980 million"),  # and back down
    ("1,230 million", "en", "1456", "usd_million", "1,460 million"),  # the writer's own scale
    ("$1.2 trillion", "en", "1_350_000", "usd_million", "$1.4 trillion"),
    ("-$4.5 billion", "en", "-4600", "usd_million", "-$4.6 billion"),
    # Korean money: compact, spaced with 천, decimal (the bank's), 조.
    ("45억3000만달러", "ko", "4560", "usd_million", "45억6000만달러"),
    ("45억3000만달러", "ko", "4500", "usd_million", "45억달러"),
    ("45억3000만달러", "ko", "4555", "usd_million", "45억6000만달러"),  # tie: 1000만 place rounds up
    ("45억3000만 달러", "ko", "4610", "usd_million", "46억1000만 달러"),
    ("45억 3천만 달러", "ko", "4560", "usd_million", "45억 6천만 달러"),
    ("45억 3천만 달러", "ko", "4515", "usd_million", "45억 2천만 달러"),
    ("9천만 달러", "ko", "1234", "usd_million", "12억 3천만 달러"),
    ("45.3억달러", "ko", "4565", "usd_million", "45.7억달러"),
    ("45.3억달러", "ko", "4564", "usd_million", "45.6억달러"),
    ("1,234.5억달러", "ko", "123456", "usd_million", "1,234.6억달러"),
    ("1조2000억달러", "ko", "1_350_000", "usd_million", "1조4000억달러"),
    ("45억 미국 달러", "ko", "5150", "usd_million", "52억 미국 달러"),
    ("2500달러", "ko", "0.0035", "usd_million", "3500달러"),
    # Percentages: every written decimal is kept, trailing zeros too.
    ("8.4%", "en", "8.45", "percent", "8.5%"),
    ("8.4 percent", "en", "2.35", "percent", "2.4 percent"),
    ("17.0 percent", "en", "16.96", "percent", "17.0 percent"),
    ("8.4 per cent", "en", "3", "percent", "3.0 per cent"),
    ("8.4%", "ko", "-2.05", "percent", "2.1%"),  # the direction is in the words, not a sign
    ("8.4 퍼센트", "ko", "3.05", "percent", "3.1 퍼센트"),
    # Percentage points: singular up to one, as the drafts write them.
    ("0.3%p", "ko", "0.25", "pp", "0.3%p"),
    ("0.3%포인트", "ko", "0.15", "pp", "0.2%포인트"),
    ("0.3 percentage point", "en", "1.25", "pp", "1.3 percentage points"),
    ("1.3 percentage points", "en", "0.95", "pp", "1.0 percentage point"),
    ("1.3 percentage points", "en", "1.04", "pp", "1.0 percentage point"),
    ("0.3 percentage point", "en", "0.15", "pp", "0.2 percentage point"),
]


@pytest.mark.parametrize("written,lang,value,unit,expected", RESTYLED)
def test_restyle_keeps_the_written_style(written, lang, value, unit, expected):
    assert restyle(written, lang, D(value.replace("_", "")), unit) == expected


@pytest.mark.parametrize("written,lang,value,unit", [
    ("8.4%", "en", "1", "pp"),                     # a percent is not percentage points
    ("0.3%p", "ko", "1", "percent"),
    ("$4.5 billion", "en", "2", "percent"),
    ("$0.1 billion", "en", "30", "usd_million"),   # would round a real amount to "$0 billion"
    ("2500달러", "ko", "1", "usd_million"),          # plain digits cannot hold 만 and above
    ("exports of $4.5 billion", "en", "4600", "usd_million"),  # not one figure alone
    ("$4.5 billion", "en", "4600", "thousand_persons"),
    ("7.3 times", "en", "8", "usd_million"),
])
def test_restyle_declines_when_the_style_cannot_be_kept(written, lang, value, unit):
    assert restyle(written, lang, D(value), unit) is None


def test_restyle_refuses_floats():
    assert restyle("$4.53 billion", "en", 4350.0) is None


# -- applying suggestions ---------------------------------------------------------------------------

import os
import re
import shutil
import stat
from pathlib import Path

from generator.check import run as check_run
from generator.check.amounts import find_mentions
from generator.check.document import read_document
from generator.check.findings import Finding, Suggestion
from generator.check.fix import apply_suggestions, unified_diff, write_atomic

from helpers import run_cli
from drafting import copy_bundled

REPO = Path(__file__).resolve().parent.parent


def _finding(line, column, end, text, path="r.md"):
    return Finding(path, line, column, "error", "data.number", "wrong", end, suggestion=Suggestion(column, end, text))


def test_apply_replaces_exactly_the_figure_and_keeps_every_other_byte():
    text = "\ufeff---\r\nperiod: 2025H1\r\n---\r\nExports were $4.61 billion.\r\nImports rose 2.0 percent.\r\n"
    # Line 4 col 14-27 is "$4.61 billion"; line 5 col 14-25 is "2.0 percent".
    fixed, applied = apply_suggestions(text, "en", [_finding(4, 14, 27, "$4.53 billion"), _finding(5, 14, 25, "2.1 percent")],
                                       first_line=4)
    assert fixed == "\ufeff---\r\nperiod: 2025H1\r\n---\r\nExports were $4.53 billion.\r\nImports rose 2.1 percent.\r\n"
    assert len(applied) == 2


def test_apply_never_touches_front_matter_protected_text_or_a_drifted_column():
    text = "---\nnote: $1 billion\n---\nExports were $4.61 billion, a record.\n"
    suggestions = [
        _finding(2, 7, 17, "$2 billion"),        # front matter
        _finding(4, 13, 26, "$4.53 billion"),    # drifted one left: " $4.61 billio" is not one figure
        _finding(4, 20, 35, "record-ish"),       # replaces prose, not a figure
    ]
    assert apply_suggestions(text, "en", suggestions, first_line=4) == (text, [])
    protected = {(4, c) for c in range(1, 40)}
    assert apply_suggestions(text, "en", [_finding(4, 14, 27, "$4.53 billion")], protected, first_line=4) == (text, [])


def test_apply_skips_overlapping_suggestions_and_applies_right_to_left():
    text = "A $1.2 billion and $3.4 billion gap.\n"
    fixed, applied = apply_suggestions(text, "en", [
        _finding(1, 3, 15, "$1.3 billion"), _finding(1, 3, 15, "$1.4 billion"), _finding(1, 20, 32, "$3.5 billion")])
    assert fixed == "A $1.3 billion and $3.5 billion gap.\n"
    assert len(applied) == 2


def test_write_atomic_keeps_the_mode(tmp_path):
    path = tmp_path / "release.en.md"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    write_atomic(path, "new ₩\n")
    assert path.read_bytes() == "new ₩\n".encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["release.en.md"]


def test_write_atomic_failing_rename_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "release.en.md"
    path.write_bytes(b"old text\n")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, "new text\n")
    assert path.read_bytes() == b"old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["release.en.md"]  # no temporary file left behind


def test_unified_diff_names_the_file_and_shows_the_change():
    from generator.check.fix import FileFix

    diff = unified_diff([FileFix(Path("x"), "out/release.en.md", "a\n$1 billion\n", "a\n$2 billion\n"),
                         FileFix(Path("y"), "same.md", "a\n", "a\n")])
    assert diff.splitlines()[:2] == ["--- a/out/release.en.md", "+++ b/out/release.en.md"]
    assert "-$1 billion" in diff and "+$2 billion" in diff and "same.md" not in diff


# -- --fix and --diff on real releases ---------------------------------------------------------------

def _ks_project(tmp_path):
    """The knowledge services release (config, data, templates) with its committed 2025H1 drafts."""
    root = copy_bundled(tmp_path / "project")
    out = root / "output" / "knowledge_services" / "2025H1"
    out.parent.mkdir(parents=True)
    shutil.copytree(REPO / "output" / "knowledge_services" / "2025H1", out)
    return root, out


def _corrupt(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _suggesting(monkeypatch, corrections: dict[str, str]):
    """Stand in for the data rules' suggestions: a wrong figure listed in ``corrections`` gets its
    right text as a suggestion (for the machinery; the real suggestions are tested below)."""
    real = check_run.check_paths

    def check_paths(paths, root, **kw):
        result = real(paths, root, **kw)
        extra = []
        for display, lines in result.sources.items():
            for number, line in enumerate(lines, 1):
                for wrong, right in corrections.items():
                    for m in re.finditer(re.escape(wrong), line):
                        extra.append(Finding(display, number, m.start() + 1, "error", "data.number", "wrong figure",
                                             m.end() + 1, suggestion=Suggestion(m.start() + 1, m.end() + 1, right)))
        result.findings = sorted(set(result.findings) | set(extra))
        return result

    monkeypatch.setattr(check_run, "check_paths", check_paths)


def test_diff_prints_the_change_and_writes_nothing(tmp_path, capsys, monkeypatch):
    root, out = _ks_project(tmp_path)
    en = out / "release.en.md"
    _corrupt(en, "surplus of 3.57 billion dollars", "surplus of 3.67 billion dollars")
    before = {p: p.read_bytes() for p in out.iterdir()}
    _suggesting(monkeypatch, {"3.67 billion dollars": "3.57 billion dollars"})
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--diff", out)
    assert code == 1
    changed = [l for l in stdout.splitlines() if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    assert changed == [l for l in changed if "3.67 billion" in l or "3.57 billion" in l] and len(changed) == 2
    assert {p: p.read_bytes() for p in out.iterdir()} == before


def test_fix_rewrites_the_figure_reports_what_is_left_and_exits_by_it(tmp_path, capsys, monkeypatch):
    root, out = _ks_project(tmp_path)
    en = out / "release.en.md"
    original = en.read_bytes()
    os.chmod(en, 0o600)
    _corrupt(en, "surplus of 3.57 billion dollars", "surplus of 3.67 billion dollars")
    # A slip with no suggestion (a wrong direction word: no figure to rewrite) stays, and is reported.
    _corrupt(en, "The deficit widened from 3.76 billion dollars", "The deficit narrowed from 3.76 billion dollars")
    code, stdout, stderr = run_cli(capsys, "check", "--project", root, "--fix", out)
    assert en.read_bytes() == original.replace(b"The deficit widened from 3.76", b"The deficit narrowed from 3.76")
    assert stat.S_IMODE(en.stat().st_mode) == 0o600
    assert "fixed 1 figure in 1 file" in stderr
    assert code == 1 and "'narrowed' contradicts" in stdout and "3.67" not in stdout
    # Fixed again by hand: --fix finds nothing to do and exits 0.
    en.write_bytes(original)
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--fix", out)
    assert (code, en.read_bytes()) == (0, original)


def test_fix_with_another_format_prints_the_remaining_findings_in_it(tmp_path, capsys, monkeypatch):
    import json

    root, out = _ks_project(tmp_path)
    en = out / "release.en.md"
    _corrupt(en, "surplus of 3.57 billion dollars", "surplus of 3.67 billion dollars")
    _corrupt(en, "The deficit widened from 3.76 billion dollars", "The deficit narrowed from 3.76 billion dollars")
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--fix", "--format", "json", out)
    left = json.loads(stdout)
    assert code == 1 and left and all("3.67" not in f["message"] for f in left)
    assert any(f["rule_id"] == "data.direction" for f in left)


def test_fix_never_touches_annotation_prose_or_quotes(tmp_path, capsys, monkeypatch):
    root, out = _ks_project(tmp_path)
    # A cause (annotation prose) that states a figure: the data did not write it, so no fix touches it.
    notes = root / "data" / "knowledge_services" / "annotations" / "2025H1.yaml"
    cause = "linked to the electrical and electronics manufacturing sector rose sharply."
    stated = "linked to the electrical and electronics manufacturing sector rose by $1.5 billion."
    text = notes.read_text(encoding="utf-8")
    assert text.count(cause) == 1
    notes.write_text(text.replace(cause, stated), encoding="utf-8")
    en = out / "release.en.md"
    _corrupt(en, cause, stated)  # the cause joined to the record sentence it explains
    with en.open("a", encoding="utf-8") as handle:
        handle.write("\n> Exports were $1.5 billion, an official said.\n")
    before = en.read_bytes()
    _suggesting(monkeypatch, {"$1.5 billion": "$1.6 billion"})
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--diff", out)
    assert stdout == ""
    run_cli(capsys, "check", "--project", root, "--fix", out)
    assert en.read_bytes() == before


def test_fixes_reach_rdjson_and_sarif_for_a_path_with_spaces(tmp_path, capsys, monkeypatch):
    import json

    root, out = _ks_project(tmp_path)
    spaced = out.parent / "first half 2025"
    out.rename(spaced)
    en = spaced / "release.en.md"
    _corrupt(en, "surplus of 3.57 billion dollars", "surplus of 3.67 billion dollars")
    _, stdout, _ = run_cli(capsys, "check", "--project", root, "--format", "rdjson", en)
    (diagnostic,) = [d for d in json.loads(stdout)["diagnostics"] if d.get("suggestions")]
    assert diagnostic["suggestions"][0]["text"] == "3.57 billion dollars"
    _, stdout, _ = run_cli(capsys, "check", "--project", root, "--format", "sarif", en)
    (result,) = [r for r in json.loads(stdout)["runs"][0]["results"] if "fixes" in r]
    change = result["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "output/knowledge_services/first%20half%202025/release.en.md"
    assert change["replacements"][0]["insertedContent"]["text"] == "3.57 billion dollars"


# -- with the data rules' own suggestions (agreement.py attaches them) -------------------------------
# These need ``data.number`` findings to carry ``suggestion`` (built with ``restyle``); no stand-in.

COMMITTED = sorted(REPO.glob("output/*/*/release.*.md"))


def _mutate_figures(path: Path, guards, root: Path) -> dict[tuple[int, int], tuple[str, str]]:
    """Every money, percent and points figure of the release's own sentences, written wrong in the
    same style (its last non-zero digit moved one up, 9 to 1: same digits, same precision)."""
    doc = read_document(path)
    body_line, protected = guards[1], check_run.protected_cells(root, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    done = {}
    for sentence in doc.sentences:
        for mention in find_mentions(sentence.text, doc.language):
            if mention.kind not in ("money", "percent", "points"):
                continue
            (line, column), (end_line, end_col) = sentence.position(mention.start), sentence.position(mention.end - 1)
            if line != end_line or line < body_line or (line, column) in protected:
                continue
            text = lines[line - 1]
            if text[column - 1:end_col] != mention.text:
                continue
            last = max(i for i, ch in enumerate(mention.text) if ch in "123456789")
            wrong = mention.text[:last] + str(int(mention.text[last]) % 9 + 1) + mention.text[last + 1:]
            lines[line - 1] = text[:column - 1] + wrong + text[end_col:]
            done[(line, column)] = (mention.text, wrong)
    path.write_text("\n".join(lines), encoding="utf-8")
    return done


# Figures fixed back per committed release (of all its money, percent and points figures:
# 48, 44, 26, 104, 74 and 28). What is left, all at once wrong, has two values open: a headline
# or a lead rate with no base written ("Rise 2.5% in November, Same Pace as October": a monthly
# or a yearly rate; "상승폭 0.3%포인트 확대"); "전월 대비로는 0.3%" made 0.4%, another of the total's
# rates, with no item named to pin it; "개인 및 기타", the name of an industry and of an institution, only one of which has
# figures for the half; and "12월 수출 13.4% 늘어" made 13.5%, which is a record's earlier rate.
ROUND_TRIP_FLOORS = {
    "consumer_prices/2025-10": 45, "consumer_prices/2025-11": 41,
    "knowledge_services/2024H2": 26, "knowledge_services/2025H1": 103,
    "monthly_trade/2025-11": 74, "monthly_trade/2025-12": 27,
}


@pytest.mark.parametrize("release_dir", sorted({p.parent for p in COMMITTED}), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_wrong_figures_fixed_back_to_the_committed_bytes(tmp_path, capsys, release_dir):
    root = copy_bundled(tmp_path / "project", release=None)
    out = root / release_dir.relative_to(REPO)
    shutil.copytree(release_dir, out)
    originals = {p: p.read_bytes() for p in out.glob("release.*.md")}
    guards = check_run.check_paths(sorted(originals), root).guards
    mutated = {}
    for path in sorted(originals):
        display = path.relative_to(root).as_posix()
        mutated[path] = _mutate_figures(path, guards[display], root)
    assert all(mutated.values()) and any(p.read_bytes() != b for p, b in originals.items())
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--fix", out)
    # Every figure --fix rewrote is back to its committed text, and nothing else moved; a figure
    # it could not pin to one right value stays wrong and is reported (exit 1), never guessed.
    restored = left = 0
    for path, before in originals.items():
        now, then = path.read_text(encoding="utf-8").split("\n"), before.decode("utf-8").split("\n")
        assert len(now) == len(then)
        for (line, column), (right, wrong) in mutated[path].items():
            text = now[line - 1]
            if text[column - 1:column - 1 + len(right)] == right:
                restored += 1
            else:
                assert text[column - 1:column - 1 + len(wrong)] == wrong, (path.name, line, text)
                left += 1
                assert f"{line}:{column}:" in stdout.replace(path.relative_to(root).as_posix() + ":", ""), (path.name, line, column)
        for n, (a, b) in enumerate(zip(now, then), 1):
            if a != b:
                assert any(line == n for line, _ in mutated[path]), (path.name, n)
    # How many it could fix is coverage, not correctness: reported, and pinned per release at
    # what --fix reaches (the rest are figures whose sentence leaves two values open).
    floor = ROUND_TRIP_FLOORS.get(f"{release_dir.parent.name}/{release_dir.name}", 0)
    assert restored >= floor, f"{restored} of {restored + left} (floor {floor})"
    assert (code == 0) == (left == 0), stdout
    print(f"{release_dir.parent.name}/{release_dir.name}: {restored} of {restored + left} wrong figures fixed back")


def test_a_revised_figure_propagates_through_fix_and_nothing_else_moves(tmp_path, capsys):
    root, out = _ks_project(tmp_path)
    en, ko = out / "release.en.md", out / "release.ko.md"
    # The editor's rewrite of an unrelated sentence, which --fix must keep.
    _corrupt(en, "Park noted that game exports", "Park added that game exports")
    edited = {en: en.read_text(encoding="utf-8"), ko: ko.read_text(encoding="utf-8")}
    # The office revises Asia's surplus (a leaf: no identity or total depends on it) from 3,570 to 3,610.
    figures = root / "data" / "knowledge_services" / "figures.csv"
    _corrupt(figures, "2025H1,reg.asia,,,3570,", "2025H1,reg.asia,,,3610,")
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--fix", out)
    assert en.read_text(encoding="utf-8") == edited[en].replace("surplus of 3.57 billion dollars", "surplus of 3.61 billion dollars")
    # The Korean sentence names three regions around 각각; Asia's amount follows its own name
    # ("아시아에서는 35억7000만달러 흑자"), so it has one right value and is rewritten too.
    assert ko.read_text(encoding="utf-8") == edited[ko].replace("아시아에서는 35억7000만달러", "아시아에서는 36억1000만달러")
    assert code == 0, stdout


# -- which figures get a suggestion, and which do not ------------------------------------------------
# Each right value below is read from data/<release>/figures.csv (and ``pressgen facts``), not
# from the checker: knowledge services 2025H1 exports 19,710 (+1,210, 6.5% on the previous half),
# balance -4,530 (2024H2 -3,760, 2024H1 -3,500: widened by 770 and 1,030); monthly trade 2025-11
# semiconductors 17,260 (38.6% on-year, 28.3% of exports); 2025-12 balance 12,180 (a year earlier
# 6,490), year-to-date exports 709,700 (3.8%); consumer prices 2025-11 core (ex food and energy)
# 2.0% on-year, October 2.2%, 0.2 points slower; agricultural products 5.6%, contribution 0.42 points.

def _suggestions(tmp_path, release: str, period: str, lang: str, text: str) -> list[tuple[str, str | None]]:
    """(figure as written, suggested text or None) for each data finding on a figure of ``text``."""
    path = tmp_path / f"release.{lang}.md"
    path.write_text(f"---\nrelease: {release}\nperiod: \"{period}\"\nlanguage: {lang}\n---\n{text}\n", encoding="utf-8")
    out = []
    for finding in check_run.check_paths([path], REPO).findings:
        if finding.rule_id in ("data.number", "data.percent") and finding.end_column:
            line = text.split("\n")[finding.line - 6]
            out.append((line[finding.column - 1:finding.end_column - 1], finding.suggestion.text if finding.suggestion else None))
    return sorted(out)


SUGGESTED = [
    # A change's percent, on the base bound to it, or on the headline basis (knowledge services:
    # the previous half) when the sentence names none.
    ("knowledge_services", "2025H1", "en", "Exports rose 6.6 percent from the previous half.", [("6.6 percent", "6.5 percent")]),
    ("knowledge_services", "2025H1", "en", "Exports rose 6.6 percent.", [("6.6 percent", "6.5 percent")]),
    ("monthly_trade", "2025-11", "en", "Semiconductor exports rose 38.7 percent.", [("38.7 percent", "38.6 percent")]),
    # The total by default, its exports the nearest figure to what is written: a slip.
    ("knowledge_services", "2025H1", "en", "Exports were 19.17 billion dollars.", [("19.17 billion dollars", "19.71 billion dollars")]),
    # A change's amount, on the base the sentence compares with.
    ("knowledge_services", "2025H1", "en", "Compared with the second half of last year, the deficit widened by 780 million dollars.",
     [("780 million dollars", "770 million dollars")]),
    # A base period's value in parentheses after its name, and the change beside it: both wrong at once.
    ("knowledge_services", "2025H1", "en",
     "Compared with the first half of last year (a deficit of 3.6 billion dollars), the deficit widened by 1.04 billion dollars.",
     [("1.04 billion dollars", "1.03 billion dollars"), ("3.6 billion dollars", "3.5 billion dollars")]),
    # From-to: the "from" figure is the base period's, the "to" figure the current one.
    ("knowledge_services", "2025H1", "en", "The deficit widened to 4.35 billion dollars from 3.67 billion dollars in the second half of last year.",
     [("3.67 billion dollars", "3.76 billion dollars"), ("4.35 billion dollars", "4.53 billion dollars")]),
    ("knowledge_services", "2025H1", "ko", "지식서비스 무역수지 적자는 전기 37억7000만달러에서 45억4000만달러로 확대됐다.",
     [("37억7000만달러", "37억6000만달러"), ("45억4000만달러", "45억3000만달러")]),
    ("knowledge_services", "2025H1", "ko", "지난해 상반기(-36억달러)와 비교하면 적자 폭이 10억4000만달러 커졌다.",
     [("-36억달러", "-35억달러"), ("10억4000만달러", "10억3000만달러")]),
    # A lead that names a base: the level after "to", the percent of the change, the share.
    ("monthly_trade", "2025-11", "en", "Exports of semiconductors rose 38.7 percent on-year to $17.28 billion, 28.4 percent of the total.",
     [("$17.28 billion", "$17.26 billion"), ("28.4 percent", "28.3 percent"), ("38.7 percent", "38.6 percent")]),
    ("monthly_trade", "2025-11", "ko", "품목별로는 반도체 수출이 172억8000만달러로 38.7% 증가했고, 전체 수출의 28.4%를 차지했다.",
     [("172억8000만달러", "172억6000만달러"), ("28.4%", "28.3%"), ("38.7%", "38.6%")]),
    ("monthly_trade", "2025-12", "en", "The trade balance posted a surplus of $12.19 billion, up from $6.41 billion a year earlier.",
     [("$12.19 billion", "$12.18 billion"), ("$6.41 billion", "$6.49 billion")]),
    ("monthly_trade", "2025-12", "ko", "무역수지는 121억9000만달러 흑자로 전년 동월(64억1000만달러)보다 흑자 폭이 확대됐다.",
     [("121억9000만달러", "121억8000만달러"), ("64억1000만달러", "64억9000만달러")]),
    # What the amount came to, the base phrase bound to the percent after it (13.5% is a
    # record's earlier rate, so that percent is left alone: two values are near it).
    ("monthly_trade", "2025-12", "en", "Exports came to $69.58 billion, up 13.5 percent from a year earlier.",
     [("$69.58 billion", "$69.57 billion"), ("13.5 percent", None)]),
    ("monthly_trade", "2025-12", "ko", "수출액은 695억8000만달러로 1년 전보다 13.2% 늘었다.",
     [("13.2%", "13.4%"), ("695억8000만달러", "695억7000만달러")]),
    # The total's name qualifying the trade of the one item before it (ICT industry: exports
    # 6,370, imports 4,800, surplus 1,570; content industry surplus 2,510).
    ("knowledge_services", "2025H1", "en",
     "The ICT industry recorded knowledge services exports of 6.38 billion dollars and imports of 4.9 billion dollars, resulting in a surplus of 1.58 billion dollars.",
     [("1.58 billion dollars", "1.57 billion dollars"), ("4.9 billion dollars", "4.8 billion dollars"), ("6.38 billion dollars", "6.37 billion dollars")]),
    ("knowledge_services", "2025H1", "ko", "ICT 산업의 지식서비스 수출은 63억8000만달러, 수입은 49억달러로 15억8000만달러 흑자를 나타냈다.",
     [("15억8000만달러", "15억7000만달러"), ("49억달러", "48억달러"), ("63억8000만달러", "63억7000만달러")]),
    ("knowledge_services", "2025H1", "ko", "콘텐츠산업은 지식서비스 무역에서 25억2000만달러 흑자를 냈다.", [("25억2000만달러", "25억1000만달러")]),
    # ... but not past "a total of", where the figure may be the total's own (it is left alone).
    ("knowledge_services", "2025H1", "en",
     "The ICT industry recorded knowledge services exports of 6.38 billion dollars, out of a total of 19.72 billion dollars.",
     [("19.72 billion dollars", None), ("6.38 billion dollars", "6.37 billion dollars")]),
    # Year to date: the cumulative figures, not the month's.
    ("monthly_trade", "2025-12", "en", "For the January–December period, exports rose 3.9 percent on-year to $709.8 billion.",
     [("$709.8 billion", "$709.7 billion"), ("3.9 percent", "3.8 percent")]),
    # 에서 after an item's parenthesised figure says where, not "from": the item's own figure
    # (research and development services 3,090), never the previous half's 2,760.
    ("knowledge_services", "2025H1", "ko", "전문·사업서비스 적자는 연구개발서비스(30억1000만달러)에서 주로 발생했다.",
     [("30억1000만달러", "30억9000만달러")]),
    ("knowledge_services", "2025H1", "ko", "지역별로는 북미(37억8000만달러)와 유럽(21억9000만달러)에서 적자를 나타냈다.",
     [("21억9000만달러", "21억8000만달러"), ("37억8000만달러", "37억7000만달러")]),
    # One name, two items (platforms as an industry and as an institution, both -2,200): the
    # same value either way.
    ("knowledge_services", "2025H1", "en", "Manufacturing (2.48 billion dollars) and digital intermediary platforms (2.3 billion dollars) recorded deficits.",
     [("2.3 billion dollars", "2.2 billion dollars"), ("2.48 billion dollars", "2.47 billion dollars")]),
    # A name past a comma after the figure does not compete for it (information services -550).
    ("knowledge_services", "2025H1", "en", "While the information services sector posted a deficit of 560 million dollars, the surplus came mainly from game software.",
     [("560 million dollars", "550 million dollars")]),
    ("knowledge_services", "2025H1", "en", "The ICT industry's knowledge services exports came to 6.38 billion dollars and imports to 4.9 billion dollars.",
     [("4.9 billion dollars", "4.8 billion dollars"), ("6.38 billion dollars", "6.37 billion dollars")]),
    # "Unchanged from the previous half at", 전기와 같은: the level, where the data says unchanged
    # (cultural and leisure services 440 in 2024H2 and 2025H1).
    ("knowledge_services", "2025H1", "en", "The surplus in cultural and leisure services was unchanged from the previous half at 450 million dollars.",
     [("450 million dollars", "440 million dollars")]),
    ("knowledge_services", "2025H1", "ko", "문화·여가서비스 흑자는 전기와 같은 4억5000만달러를 유지했다.", [("4억5000만달러", "4억4000만달러")]),
    # A list of amounts shares the 흑자 after the last (ICT industry 1,570, content industry 2,510).
    ("knowledge_services", "2025H1", "ko", "### ICT 산업·콘텐츠산업…각각 15억8000만달러·25억1000만달러 흑자", [("15억8000만달러", "15억7000만달러")]),
    # The year to date's base a year earlier (2024 January-November surplus 45,200), and in
    # December "For the full year" / 연간 is the year to date (surplus 78,000 on 51,770).
    ("monthly_trade", "2025-11", "ko", "1~11월 누적으로는 무역수지가 660억7000만달러 흑자로 전년 동기(453억달러)보다 흑자 폭이 확대됐다.",
     [("453억달러", "452억달러")]),
    ("monthly_trade", "2025-12", "en",
     "For the full year, exports rose 3.8 percent on-year to $709.7 billion and the trade surplus reached $79 billion, up from $51.78 billion a year earlier.",
     [("$51.78 billion", "$51.77 billion"), ("$79 billion", "$78 billion")]),
    ("monthly_trade", "2025-12", "ko", "연간으로는 무역수지가 790억달러 흑자로 전년 동기(517억8000만달러)보다 흑자 폭이 확대됐다.",
     [("517억8000만달러", "517억7000만달러"), ("790억달러", "780억달러")]),
    # Percentage points of a rate's change, the base rate it is measured from, a contribution.
    ("consumer_prices", "2025-11", "en",
     "Core inflation (excluding food and energy) rose 3.0 percent from a year earlier, slowing 0.3 percentage point from 2.3 percent in October.",
     [("0.3 percentage point", "0.2 percentage point"), ("2.3 percent", "2.2 percent"), ("3.0 percent", "2.0 percent")]),
    # "Prices of services" is services; the contribution is the figure its word is bound to
    # ("adding 1.36 …"), not the rate's change before it (services 2.5% on-year, September 2.2%,
    # 0.3 points faster; contribution 1.35 points).
    ("consumer_prices", "2025-10", "en",
     "Prices of services rose 2.6 percent from a year earlier, accelerating 0.4 percentage point from 2.3 percent in September, adding 1.36 percentage points to headline inflation.",
     [("0.4 percentage point", "0.3 percentage point"), ("1.36 percentage points", "1.35 percentage points"),
      ("2.3 percent", "2.2 percent"), ("2.6 percent", "2.5 percent")]),
    ("consumer_prices", "2025-11", "ko", "농축수산물은 1년 전보다 5.7% 상승했다. 농축수산물의 기여도는 0.43%포인트였다.",
     [("0.43%포인트", "0.42%포인트"), ("5.7%", "5.6%")]),
    # The rate by its configured name: 상승률 is inflation on a year earlier (October 2.4%,
    # September 2.1%: 0.3 points), not the month-on-month rate.
    ("consumer_prices", "2025-10", "ko", "소비자물가는 1년 전보다 2.4% 상승했다. 상승률이 전월(2.1%)보다 0.4%포인트 높아졌다.",
     [("0.4%포인트", "0.3%포인트")]),
    # A band: the item's band streak is 2.0-2.9%, so "the 2 percent range", "2%대".
    ("consumer_prices", "2025-11", "en", "Consumer prices rose 2.4 percent from a year earlier, staying in the 3 percent range for the third straight month.",
     [("3 percent", "2 percent")]),
    ("consumer_prices", "2025-11", "ko", "소비자물가는 1년 전보다 2.4% 상승했다. 3%대 상승률은 3개월 연속이다.", [("3%", "2%")]),
]


@pytest.mark.parametrize("release,period,lang,text,expected", SUGGESTED, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(SUGGESTED)])
def test_a_wrong_figure_gets_the_one_right_value_its_sentence_pins(tmp_path, release, period, lang, text, expected):
    assert _suggestions(tmp_path, release, period, lang, text) == expected


REFUSED = [
    # Two items in the clause: which one the amount is of is not certain.
    ("knowledge_services", "2025H1", "en", "The ICT industry and the content industry recorded exports of 6.38 billion dollars.", ["6.38 billion dollars"]),
    # The total's name with "가운데" (of which) beside it: the first figure may be the total's own.
    ("knowledge_services", "2025H1", "ko", "ICT 산업은 지식서비스 수출 197억2000만달러 가운데 63억8000만달러를 차지했다.", ["197억2000만달러", "63억8000만달러"]),
    # A period named but not compared with: the rate's base is left open (a monthly or a yearly rate).
    ("consumer_prices", "2025-11", "en", "# Consumer Prices Rise 2.5% in November, Same Pace as October", ["2.5%"]),
    ("consumer_prices", "2025-11", "ko", "# 11월 소비자물가 2.5% 상승…상승률 전월과 같아", ["2.5%"]),
    # Two bases named and neither bound to the figure.
    ("knowledge_services", "2025H1", "en",
     "Compared with the second half of last year and the first half of last year, the deficit widened by 780 million dollars.", ["780 million dollars"]),
    # A share and a change word both bound to the figure: which of them it states is open.
    ("monthly_trade", "2025-11", "en", "Semiconductor exports rose 28.4 percent of the total.", ["28.4 percent"]),
    # The total only by default (no item named) and its exports far from what is written:
    # perhaps another item's amount under a name the checker does not know; not rewritten.
    ("knowledge_services", "2025H1", "en", "Exports were 9.17 billion dollars.", ["9.17 billion dollars"]),
    # No base named, so the headline's (on-year: 38.6%) by default; but 9.8 is written next to
    # the month-on-month 9.7%, which the writer may have meant.
    ("monthly_trade", "2025-11", "en", "Semiconductor exports rose 9.8 percent.", ["9.8 percent"]),
    # Two metrics named before the figure, the nearest not its subject: exports' 6.5% is not it.
    ("knowledge_services", "2025H1", "en", "Imports grew faster than exports, rising 8.4 percent.", ["8.4 percent"]),
    # What is left after an item is taken out is not that item (semiconductors rose 38.6%).
    ("monthly_trade", "2025-11", "en", "Exports excluding semiconductors rose 5.0 percent.", ["5.0 percent"]),
    ("monthly_trade", "2025-11", "ko", "반도체를 제외한 수출은 5.0% 증가했다.", ["5.0%"]),
    # A base phrase straight after the amount: that period's, which the sentence does not pin.
    ("monthly_trade", "2025-12", "en", "Exports were $61.39 billion a year earlier.", ["$61.39 billion"]),
    # The words say the other way from the data (exports rose, the deficit widened, Asia had a
    # surplus, core inflation slowed): a new number would leave a false sentence, so none.
    ("knowledge_services", "2025H1", "en", "Exports fell 6.6 percent from the previous half.", ["6.6 percent"]),
    ("knowledge_services", "2025H1", "en", "The deficit narrowed by 780 million dollars from the previous half.", ["780 million dollars"]),
    ("knowledge_services", "2025H1", "en", "Asia ran a deficit of 3.67 billion dollars.", ["3.67 billion dollars"]),
    ("consumer_prices", "2025-11", "en",
     "Core inflation (excluding food and energy) rose 2.0 percent from a year earlier, accelerating 0.3 percentage point from 2.2 percent in October.",
     ["0.3 percentage point"]),
    # An item named only after the figure, where the whole may have come from: the figure may be
    # the total's (4,530), not research and development services' (3,090).
    ("knowledge_services", "2025H1", "en", "The deficit of 4.54 billion dollars came mostly from research and development services.",
     ["4.54 billion dollars"]),
    ("knowledge_services", "2025H1", "en", "The deficit was 4.54 billion dollars, mostly from research and development services.",
     ["4.54 billion dollars"]),
    ("knowledge_services", "2025H1", "ko", "적자 45억4000만달러는 주로 연구개발서비스에서 발생했다.", ["45억4000만달러"]),
    # "Unchanged" where the data moved (exports rose 6.5%): a new number would leave it false.
    ("knowledge_services", "2025H1", "en", "Exports were unchanged from the previous half at 19.72 billion dollars.", ["19.72 billion dollars"]),
    # A base period's value without "from" or parentheses: it could be read as this half's.
    ("knowledge_services", "2025H1", "en", "A year earlier, the deficit was 3.6 billion dollars.", ["3.6 billion dollars"]),
]


@pytest.mark.parametrize("release,period,lang,text,figures", REFUSED, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(REFUSED)])
def test_no_suggestion_where_two_values_remain_possible_or_the_item_is_ambiguous(tmp_path, release, period, lang, text, figures):
    found = _suggestions(tmp_path, release, period, lang, text)
    assert [written for written, _ in found] == figures  # the figure is still reported ...
    assert all(suggestion is None for _, suggestion in found)  # ... but never rewritten


def test_fix_leaves_a_wrong_figure_in_a_quote_with_a_real_suggestion_beside_it(tmp_path, capsys):
    root, out = _ks_project(tmp_path)
    en = out / "release.en.md"
    _corrupt(en, "surplus of 3.57 billion dollars", "surplus of 3.67 billion dollars")
    with en.open("a", encoding="utf-8") as handle:
        handle.write("\n> Exports rose 6.6 percent from the previous half, an official said.\n")
    expected = en.read_text(encoding="utf-8").replace("surplus of 3.67 billion dollars", "surplus of 3.57 billion dollars")
    run_cli(capsys, "check", "--project", root, "--fix", out)
    assert en.read_text(encoding="utf-8") == expected  # the quote keeps its 6.6 percent


def test_a_revised_month_propagates_into_leads_percents_and_headlines_in_both_languages(tmp_path, capsys):
    # The ministry revises December: exports 69,570 -> 69,810 (13.4% -> 13.7% on-year), balance
    # 12,180 -> 12,410. Every sentence stating them is rewritten; imports, the year-ago base and
    # the year-to-date paragraph (not revised here) stay as they are.
    root = copy_bundled(tmp_path / "project", release=None)
    out = root / "output" / "monthly_trade" / "2025-12"
    shutil.copytree(REPO / "output" / "monthly_trade" / "2025-12", out)
    en, ko = out / "release.en.md", out / "release.ko.md"
    before = {en: en.read_text(encoding="utf-8"), ko: ko.read_text(encoding="utf-8")}
    figures = root / "data" / "monthly_trade" / "figures.csv"
    for old, new in (("2025-12,total,exports,69570,", "2025-12,total,exports,69810,"),
                     ("2025-12,total,balance,12180,", "2025-12,total,balance,12410,"),
                     ("2025-12,total,exports_yoy_pct,13.4,", "2025-12,total,exports_yoy_pct,13.7,")):
        _corrupt(figures, old, new)
    code, stdout, _ = run_cli(capsys, "check", "--project", root, "--fix", out)
    assert code == 0, stdout
    expected_en = before[en]
    for old, new in (("Rise 13.4% in December", "Rise 13.7% in December"), ("Surplus of $12.18 Billion", "Surplus of $12.41 Billion"),
                     ("rose 13.4 percent on-year to $69.57 billion", "rose 13.7 percent on-year to $69.81 billion"),
                     ("surplus of $12.18 billion, up from $6.49 billion", "surplus of $12.41 billion, up from $6.49 billion")):
        assert expected_en.count(old) == 1, old
        expected_en = expected_en.replace(old, new)
    expected_ko = before[ko]
    for old, new in (("수출 13.4% 늘어", "수출 13.7% 늘어"), ("무역수지 121억8000만달러 흑자…", "무역수지 124억1000만달러 흑자…"),
                     ("13.4% 증가한 695억7000만달러로", "13.7% 증가한 698억1000만달러로"),
                     ("무역수지는 121억8000만달러 흑자로 전년 동월(64억9000만달러)", "무역수지는 124억1000만달러 흑자로 전년 동월(64억9000만달러)")):
        assert expected_ko.count(old) == 1, old
        expected_ko = expected_ko.replace(old, new)
    assert (en.read_text(encoding="utf-8"), ko.read_text(encoding="utf-8")) == (expected_en, expected_ko)


@pytest.mark.parametrize("release_dir", sorted({p.parent for p in COMMITTED}), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_figure_made_wrong_alone_is_never_given_another_value(tmp_path, release_dir):
    """Each money, percent and points figure of a committed release made wrong alone, in its first
    and then its last non-zero digit: a suggestion, where there is one, is the committed text."""
    root = copy_bundled(tmp_path / "project", release=None)
    out = root / release_dir.relative_to(REPO)
    shutil.copytree(release_dir, out)
    wrong, restored = [], 0
    for target in sorted(out.glob("release.*.md")):
        committed = target.read_text(encoding="utf-8")
        lang, body_line = check_run.check_paths([target], root).guards[target.relative_to(root).as_posix()][:2]
        protected = check_run.protected_cells(root, target)
        lines = committed.split("\n")
        for sentence in read_document(target).sentences:
            for m in find_mentions(sentence.text, lang):
                (line, col), (end_line, end_col) = sentence.position(m.start), sentence.position(m.end - 1)
                if m.kind not in ("money", "percent", "points") or line != end_line or line < body_line \
                        or (line, col) in protected or lines[line - 1][col - 1:end_col] != m.text:
                    continue
                digits = [i for i, ch in enumerate(m.text) if ch in "123456789"]
                for i in sorted({digits[0], digits[-1]}):
                    changed = list(lines)
                    changed[line - 1] = lines[line - 1][:col - 1] + m.text[:i] + str(int(m.text[i]) % 9 + 1) + m.text[i + 1:] + lines[line - 1][end_col:]
                    target.write_text("\n".join(changed), encoding="utf-8")
                    for f in check_run.check_paths([target], root).findings:
                        if (f.line, f.column) == (line, col) and f.suggestion:
                            restored += f.suggestion.text == m.text
                            if f.suggestion.text != m.text:
                                wrong.append((target.name, line, m.text, f.suggestion.text))
        target.write_text(committed, encoding="utf-8")
    assert wrong == []
    assert restored  # the mutations reach the suggestions at all
