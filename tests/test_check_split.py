"""A long release is checked by several processes (runs of paragraphs, and the wording lint beside
them); the findings must be those of one process reading it whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.check import agreement as agreement_module
from generator.check import run as check_run
from generator.check import split

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "check_corpus"


def _long_release(tmp_path: Path, release: str, lang: str, copies: int) -> tuple[Path, Path]:
    """The corpus's snippets of ``release`` in ``lang`` (right and wrong, of its main period), three
    to a paragraph (so what one sentence names carries to the next), ``copies`` times over, as one
    release file in a copy of the project."""
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".venv", ".git", "output", "__pycache__", "tests", "benchmarks", ".pressgen-cache"))
    corpus = yaml.safe_load((CORPUS / f"{release}.{lang}.yaml").read_text(encoding="utf-8"))
    snippets = [e["text"].strip() for e in corpus["entries"] if "period" not in e and not e["text"].lstrip().startswith("---")]
    paragraphs = [" ".join(snippets[i:i + 3]) for i in range(0, len(snippets), 3)]
    body = "\n\n".join(["## A heading\n\n" + "\n\n".join(paragraphs)] * copies)
    out = root / "output" / release / str(corpus["period"])
    out.mkdir(parents=True)
    path = out / f"release.{lang}.md"
    path.write_text(f"---\nrelease: {release}\nperiod: '{corpus['period']}'\nlanguage: {lang}\n---\n# Headline\n\n{body}\n", encoding="utf-8")
    return root, path


def test_this_machine_forks_so_the_split_is_exercised():
    assert split.can_fork()


@pytest.mark.parametrize("release, lang", [("knowledge_services", "en"), ("knowledge_services", "ko"),
                                           ("monthly_trade", "en"), ("consumer_prices", "ko")])
def test_split_check_finds_what_one_process_finds(tmp_path, monkeypatch, release, lang):
    root, path = _long_release(tmp_path, release, lang, copies=3)
    whole = check_run.check_paths([path], root, jobs=1)
    assert sum(f.level == "error" for f in whole.findings) >= 9  # wrong snippets: something to agree on
    monkeypatch.setattr(split, "PARALLEL_MIN_CHARS", 0)
    apart = check_run.check_paths([path], root, jobs=2)
    assert apart.findings == whole.findings
    assert apart.suppressed == whole.suppressed


def test_runs_cover_every_sentence_once_and_start_paragraphs(tmp_path):
    root, path = _long_release(tmp_path, "knowledge_services", "en", copies=2)
    doc = check_run.read_document(path, "x")
    sentences = agreement_module._paragraph_starts(agreement_module._merge_headline_parts(doc.sentences))
    runs = agreement_module.parts(doc, 8)
    assert len(runs) == 8
    assert runs[0][0] == 0 and runs[-1][1] == len(sentences)
    assert all(a[1] == b[0] for a, b in zip(runs, runs[1:]))
    assert all(sentences[start][1] for start, _ in runs)  # each run starts afresh: nothing carries over


def test_figures_stated_keep_their_first_place(tmp_path, monkeypatch):
    # Parity needs where each figure is first stated; the runs are merged in order.
    root, path = _long_release(tmp_path, "monthly_trade", "en", copies=3)
    project = check_run._open_cached(root, "monthly_trade")
    doc, _, _, agreement = check_run._prepare(root, path, None, None)
    _, stated = agreement.check(doc)
    monkeypatch.setattr(split, "PARALLEL_MIN_CHARS", 0)
    _, apart, _ = split.check_document(doc, agreement, lambda d: [], jobs=2)
    assert apart == stated and list(apart) == list(stated)
    assert project is not None
