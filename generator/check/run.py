"""``pressgen check``: wording rules and data agreement over release files, as one list of findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError, UsageError
from ..gcpause import paused
from ..inputs import project_inputs
from ..periods import Period
from . import suppress
from .agreement import DATA_RULES, Agreement, rule_infos as data_rule_infos
from .document import Document, read_document
from .findings import Finding, RuleInfo
from .wording import default_rule_paths, lint, load_rules, rule_infos, rules_for_release


@dataclass
class CheckResult:
    """Findings of a check run, sorted, with what the formatters need to describe the rules."""

    findings: list[Finding]
    rules: dict[str, RuleInfo]
    files: list[str] = field(default_factory=list)
    # Findings that pressgen-disable comments hid: reported, so a waiver is never invisible.
    suppressed: int = 0
    # Each checked file's lines as written, for formats that count columns in bytes (rdjson).
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # What ``--fix`` needs: each display path's file, language, first body line, and the
    # release and period it was checked as (to find the characters no fix may touch: quotes
    # and annotation prose, which the data did not write).
    locations: dict[str, Path] = field(default_factory=dict, repr=False)
    guards: dict[str, tuple[str, int, str | None, str | None]] = field(default_factory=dict, repr=False)

    def exit_code(self, strict: bool = False) -> int:
        failing = ("error", "warning") if strict else ("error",)
        return 1 if any(f.level in failing for f in self.findings) else 0


def expand(paths: list[Path]) -> list[Path]:
    """Files to check: files as given; folders give their ``release.*.md`` files, recursively."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("release.*.md") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return list(dict.fromkeys(files))


_PROJECTS: dict[tuple, object] = {}


def _open_cached(root: Path, release: str | None):
    """``open_project``, reused while the project's config and data files are unchanged.

    ``check`` runs on every save in an editor; reloading the figures each time is the
    slowest part of a warm check.
    """
    from ..config import release_files
    from ..project import open_project

    def stamp(path: Path) -> tuple:
        try:
            st = path.stat()
            return (str(path), st.st_mtime_ns, st.st_size)
        except OSError:
            return (str(path), None, None)

    configs = tuple(stamp(f) for f in release_files(root))
    key = (str(root.resolve()), release, configs)
    project = _PROJECTS.get(key)
    if project is not None:
        config = project.config
        if (stamp(config.figures), stamp(config.items)) == project._cache.get("stamps"):
            return project
    project = open_project(root, release)
    project._cache["stamps"] = (stamp(project.config.figures), stamp(project.config.items))
    _PROJECTS[key] = project
    return project


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 16


def check_paths(paths: list[Path], root: Path, *, release: str | None = None, period: str | None = None,
                jobs: int | None = None) -> CheckResult:
    """Check release markdown files against the project's data, facts and wording rules.

    The release and period come from each file's front matter, or from ``release`` /
    ``period`` when given. Raises ``InputError`` for a file that cannot be read as a
    release, ``UsageError`` for an unknown period. Many files are checked in parallel
    worker processes; the result does not depend on it.
    """
    if period is not None:
        from ..periods import parse_period

        period = str(parse_period(period, source="--period"))
    files = expand(paths)
    if not files:
        raise UsageError("no release files to check", hint="give release markdown files, or folders holding release.*.md")
    with paused():
        # Reading a release builds a position for every character and findings for every
        # sentence, none in reference cycles: the cyclic collector's full scans of them were
        # about a tenth of a long release's check (see gcpause).
        return _check_files(files, root, release, period, jobs)


def _check_files(files: list[Path], root: Path, release: str | None, period: str | None, jobs: int | None) -> CheckResult:
    wording = _rules_cached(root)
    infos = {**rule_infos(wording), **data_rule_infos()}
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers > 1 and len(files) >= PARALLEL_MIN_FILES:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
            results = list(pool.map(_check_file, [root] * len(files), files, [release] * len(files), [period] * len(files),
                                    chunksize=max(1, len(files) // (workers * 4))))
    else:
        results = [_check_file(root, file, release, period, workers) for file in files]
    findings: list[Finding] = []
    hidden: set[Finding] = set()
    sources: dict[str, tuple[str, ...]] = {}
    stated_by: dict[tuple, dict[str, tuple[Document, dict]]] = {}
    levels: dict[tuple, dict[str, str]] = {}
    locations: dict[str, Path] = {}
    guards: dict[str, tuple[str, int, str | None, str | None]] = {}
    for file, (doc, doc_findings, key, stated, doc_levels, doc_hidden) in zip(files, results):
        locations[doc.path] = file
        guards[doc.path] = (doc.language, doc.body_line, release, period)
        findings.extend(doc_findings)
        hidden.update(doc_hidden)
        sources[doc.path] = doc.file_lines
        levels[key] = doc_levels
        # Parity pairs the English and Korean releases of one period in one folder
        # (release.en.md with release.ko.md, release.en.new.md with release.ko.new.md).
        pair = (str(file.resolve().parent), ".new." in file.name)
        stated_by.setdefault((*key, *pair), {})[doc.language] = (doc, stated)
    for key, by_lang in stated_by.items():
        if len(by_lang) == 2:
            kept, parity_hidden = _parity(by_lang, levels[key[:2]])
            findings.extend(kept)
            hidden.update(parity_hidden)
    return CheckResult(sorted(set(findings)), infos, [_display(f, root) for f in files], len(hidden), sources,
                       locations, guards)


def fix_paths(paths: list[Path], root: Path, *, write: bool = True, release: str | None = None,
              period: str | None = None, jobs: int | None = None) -> tuple[list, CheckResult]:
    """``check --fix``: apply every finding's suggestion, then check again.

    Returns each file's ``FileFix`` (its text before and after) and the check of the files as
    they stand afterwards. With ``write=False`` (``--diff``) nothing is written and the second
    check is of the files unchanged. Files are written atomically, and only when they change.
    """
    from .fix import FileFix, apply_suggestions, write_atomic

    first = check_paths(paths, root, release=release, period=period, jobs=jobs)
    by_path: dict[str, list[Finding]] = {}
    for finding in first.findings:
        if finding.suggestion is not None:
            by_path.setdefault(finding.path, []).append(finding)
    fixes = []
    for display in first.files:
        file = first.locations[display]
        lang, body_line, doc_release, doc_period = first.guards[display]
        # The file's own text: a BOM and line breaks survive, as the check's columns are the file's.
        before = file.read_bytes().decode("utf-8")
        suggested = by_path.get(display, [])
        # Worked out only for a file with something to fix: it costs a pass over every character.
        protected = protected_cells(root, file, doc_release, doc_period) if suggested else set()
        after, applied = apply_suggestions(before, lang, suggested, protected, body_line)
        fixes.append(FileFix(file, display, before, after, tuple(applied)))
    if not write or not any(f.changed for f in fixes):
        return fixes, first
    for fix in fixes:
        if fix.changed:
            write_atomic(fix.path, fix.after)
    return fixes, check_paths(paths, root, release=release, period=period, jobs=jobs)


_AGREEMENTS: dict[tuple, tuple] = {}
_RULES: dict[tuple, object] = {}


def _rules_cached(root: Path):
    paths = default_rule_paths(root)
    key = (str(Path(root).resolve()), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))
    if key not in _RULES:
        _RULES[key] = load_rules(paths, root)
    return _RULES[key]


def _check_file(root: Path, file: Path, release: str | None, period: str | None, jobs: int | None = None):
    """Check one file: its findings (wording and data), and what the parity check needs.

    A text already checked against the same inputs by the same code gives the same answer,
    so it is remembered (``memo``); the document comes back without its sentences.
    """
    from . import memo

    try:
        raw = file.read_bytes()
    except OSError:  # reading it again says what is wrong, as for any file check cannot read
        return _check_file_afresh(root, file, release, period, jobs)[:-1]
    display = _display(file, root)
    # The project's own folder is part of the key: its inputs are what the stored answer is checked against.
    name = memo.key("check-file", str(Path(root).resolve()), display, str(release), str(period), raw)

    def compute():
        doc, *rest, inputs = _check_file_afresh(root, file, release, period, jobs)
        return (replace(doc, sentences=(), body=""), *rest, inputs)

    return memo.remembered(name, compute, valid=lambda value: memo.unchanged(value[-1]))[:-1]


def _check_file_afresh(root: Path, file: Path, release: str | None, period: str | None, jobs: int | None = None):
    from . import memo
    from .split import check_document

    wording = _rules_cached(root)
    known = [*(r.id for group in wording.values() for r in group), *DATA_RULES]
    doc, project, key, agreement = _prepare(root, file, release, period)
    # Keyed by the rules loaded: a wording file added or edited since gives new ones.
    key_rules = ("rules", project.config.id, id(wording))
    if key_rules not in project._cache:
        project._cache[key_rules] = rules_for_release(wording, project.config, root)
    rules = project._cache[key_rules]
    # Linted without its suppressions, so the findings they hide can be counted.
    data_findings, stated, linted = check_document(doc, agreement, lambda d: lint(replace(d, suppressions=()), rules), jobs)
    wording_kept, wording_hidden = suppress.partition(linted, doc)
    data_kept, data_hidden = suppress.partition(data_findings, doc)
    doc_findings = wording_kept + data_kept + suppress.directive_findings(doc, known)
    inputs = memo.stamp_inputs(project_inputs(root, project.config))
    return doc, doc_findings, key, stated, agreement.levels, wording_hidden + data_hidden, inputs


def _prepare(root: Path, file: Path, release: str | None, period: str | None):
    """The file read as a release, its project, its (release, period) and the agreement check of that period."""
    doc = read_document(file, _display(file, root))
    doc_release = release or doc.release
    doc_period = period or doc.period
    if not doc_period:
        raise InputError("no period: the front matter has no 'period' and --period was not given", path=doc.path, line=1,
                         hint="add front matter such as '---\\nrelease: <release id>\\nperiod: 2025H1\\nlanguage: en\\n---' "
                              "(pressgen releases lists the ids), or pass --period")
    try:
        project = _open_cached(root, doc_release)
    except UsageError:
        if not doc_release or release:
            raise
        from ..config import release_files

        defined = ", ".join(f"'{f.stem}'" for f in release_files(root))
        raise InputError(f"front matter names release '{doc_release}', but the project defines {defined}",
                         path=doc.path, line=1, hint="check the 'release' key of the front matter, or pass --release") from None
    if doc_release and doc_release != project.config.id:
        raise InputError(f"front matter names release '{doc_release}', but the project defines '{project.config.id}'", path=doc.path, line=1)
    try:
        parsed = Period.parse(str(doc_period))
    except ValueError as exc:
        raise InputError(f"bad period in front matter: {exc}", path=doc.path, line=1) from None
    if parsed not in project.dataset.periods:
        listed = ", ".join(str(p) for p in project.dataset.periods)
        origin = "--period names" if period else "front matter names"
        raise InputError(f"{origin} period {parsed}, which has no figures", path=doc.path, line=1,
                         hint=f"periods in the data: {listed}")
    key = (project.config.id, str(parsed))
    annotations = project.annotations(parsed)
    facts = project.facts(parsed, annotations)
    # Kept with the facts it was built on and used only for those very facts (an id alone could
    # be reused by the facts of a project reloaded after its figures changed).
    kept = _AGREEMENTS.get((str(project.root), *key))
    if kept is not None and kept[0] is facts:
        agreement = kept[1]
    else:
        year = Period.parse(str(parsed.year))
        whole = project.facts(year) if parsed.kind in ("H", "Q") and parsed.next().year != parsed.year and year in project.dataset.periods else None
        last_year = Period.parse(str(parsed.year - 1))
        if whole is None and parsed.kind == "H" and last_year in project.dataset.periods:
            # A first half recalls the whole of last year ("지난해 연간 적자는 72억6000만달러").
            whole = project.facts(last_year)
        agreement = Agreement(project.config, project.dataset.items, facts, annotations, project.config.check_levels, whole)
        agreement.dataset = project.dataset
        _AGREEMENTS[(str(project.root), *key)] = (facts, agreement)
    return doc, project, key, agreement


def protected_cells(root: Path, file: Path, release: str | None = None, period: str | None = None) -> set[tuple[int, int]]:
    """The file (line, column) of every character ``--fix`` must leave alone in ``file``."""
    doc, _, _, agreement = _prepare(root, file, release, period)
    return _protected(doc, agreement)


def _protected(doc: Document, agreement: Agreement) -> set:
    """The file (line, column) of every character of a quote or of annotation prose: words the
    editors or the office wrote, not the data, so ``--fix`` never rewrites them."""
    cells = set()
    for sentence in doc.sentences:
        if sentence.kind == "quote" or agreement.is_annotation(sentence.text):
            cells.update(sentence.position(i) for i in range(len(sentence.text)))
            continue
        # A cause joined to the statement it explains is still the editors' prose.
        for start, end in agreement.annotation_spans(sentence.text):
            cells.update(sentence.position(i) for i in range(start, end))
    return cells


def _parity(by_lang: dict, levels: dict[str, str]) -> tuple[list[Finding], list[Finding]]:
    """Figures one language states and the other does not, located where they are stated."""
    (doc_a, stated_a), (doc_b, stated_b) = (by_lang[lang] for lang in sorted(by_lang))
    findings = []
    for doc, own, other, other_doc in ((doc_a, stated_a, stated_b, doc_b), (doc_b, stated_b, stated_a, doc_a)):
        for key in sorted(set(own) - set(other)):
            line, column, text = own[key]
            findings.append(Finding(doc.path, line, column, levels["data.parity"], "data.parity",
                                    f"'{text}' is stated here but {other_doc.path} states no such figure",
                                    data={"missing_in": other_doc.path}))
    kept: list[Finding] = []
    hidden: list[Finding] = []
    for doc in (doc_a, doc_b):
        doc_kept, doc_hidden = suppress.partition([x for x in findings if x.path == doc.path], doc)
        kept += doc_kept
        hidden += doc_hidden
    return kept, hidden


__all__ = ["check_paths", "fix_paths", "CheckResult", "DATA_RULES"]
