"""A run-on "sentence" (a pasted column of figures, a list without full stops, Korean typed
without spaces) is checked in pieces: every figure still read whole and against the data,
and a wrong one found where it is."""

from __future__ import annotations

import pytest

from generator.check import memo
from generator.check.run import check_paths

FRONT = "---\nrelease: knowledge_services\nperiod: '2025H1'\nlanguage: {lang}\n---\n\n"
CLAUSE = {"en": "the deficit was $4.53 billion and", "ko": "지식서비스수지는45억3000만달러적자였고"}
WRONG = {"en": "$4.35 billion", "ko": "43억5000만달러"}
RIGHT = {"en": "$4.53 billion", "ko": "45억3000만달러"}


def _errors(path, root):
    with memo.off():
        return [(f.rule_id, f.line, f.column) for f in check_paths([path], root, jobs=1).findings if f.level == "error"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_of_a_run_on_sentence_is_checked(tmp_path, repo_root, lang):
    clauses = [CLAUSE[lang]] * 300
    path = tmp_path / f"release.{lang}.md"
    path.write_text(FRONT.format(lang=lang) + " ".join(clauses) + "\n", encoding="utf-8")
    assert _errors(path, repo_root) == []
    # One wrong figure at each end and one in the middle, wherever the pieces are cut.
    for at in (0, 150, 299):
        clauses[at] = clauses[at].replace(RIGHT[lang], WRONG[lang])
    line = " ".join(clauses)
    path.write_text(FRONT.format(lang=lang) + line + "\n", encoding="utf-8")
    columns = []
    start = 0
    while (found := line.find(WRONG[lang], start)) >= 0:
        columns.append(found + 1)
        start = found + 1
    assert _errors(path, repo_root) == [("data.number", 7, column) for column in columns]
