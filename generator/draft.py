"""Drafting: facts → story → bilingual markdown, facts.json and review.md for one period, written safely."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from . import __version__
from .errors import OutputError, UsageError
from .facts import FactSet
from .gcpause import paused
from .output import sha256, with_front_matter
from .paths import project_path
from .publish import write_periods
from .periods import Period
from .plan import Story, plan_story
from .project import Project
from .render import render_story
from .draft_charts import chart_file, draft_charts, with_chart_lines
from .draft_check import check_draft
from .draftmemo import kept_or_built
from .review import review_sheet
from .review_page import review_page


@dataclass
class Draft:
    """One period's generated texts, in memory: nothing is written until ``write_draft``."""

    period: Period
    facts: FactSet
    story: dict[str, Story]
    releases: dict[str, str]
    input_hash: str
    review: str = ""
    notes: list[str] = field(default_factory=list)
    # The release's metrics (units and precisions), for the review sheet.
    metrics: dict = field(default_factory=dict)
    # The review page (review.html) and the charts: {chart id: {lang: {"svg": bytes, "png": bytes}}}.
    page: str = ""
    charts: dict = field(default_factory=dict)


def input_files(project: Project, period: Period) -> list[Path]:
    """Every file the draft depends on: config, item table, figures, annotations, templates, and
    what the review sheet's check reads: the wording rules (``config/wording/``, and the
    release's own ``wording.files``) and the project's vocabularies (``config/vocabulary/``)."""
    config = project.config
    files = [config.path, config.items, config.figures, *((config.revisions,) if config.revisions else ())]
    annotation = config.annotations / f"{period}.yaml"
    if annotation.exists():
        files.append(annotation)
    if config.templates.is_dir():
        files.extend(sorted(p for p in config.templates.rglob("*") if p.is_file()))
    for folder in ("wording", "vocabulary"):
        shared = project.root / "config" / folder
        if shared.is_dir():
            files.extend(sorted(p for p in shared.glob("*.yaml") if p.is_file()))
    for path in dict.fromkeys(p for group in config.wording_files.values() for p in group):
        # As the wording loader reads them: a folder stands for its *.yaml.
        for one in (sorted(path.glob("*.yaml")) if path.is_dir() else [path]):
            if one not in files and one.is_file():
                files.append(one)
    return files


def input_hash(project: Project, period: Period) -> str:
    """A hash of the inputs by their project-relative names and bytes (not absolute paths or dates)."""
    parts = []
    for path in input_files(project, period):
        parts.append(project_path(project.root, path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return sha256(b"".join(parts) + __version__.encode())


def build_draft(project: Project, period: Period, languages: tuple[str, ...] | None = None, *,
                charts: bool = True) -> Draft:
    """Derive facts, plan and render the releases of ``period`` in memory.

    ``charts=False`` skips drawing the declared charts (0.2–0.6 s each) and their image
    lines, and never imports matplotlib: for quick redrafts and the determinism tests.

    Raises ``GeneratorError`` subclasses for bad annotations or templates; nothing is written.
    Drafting the same period of the same ``Project`` again gives the kept draft while no
    file it read has changed (``draftmemo``).
    """
    languages = _languages(project, languages)
    return kept_or_built(project, period, (languages, charts), lambda: _build_paused(project, period, languages, charts))


def _build_paused(project: Project, period: Period, languages: tuple[str, ...], charts: bool) -> Draft:
    # A draft allocates hundreds of thousands of objects on a large release and keeps
    # most of them until it is written (see gcpause.py).
    with paused():
        return _build_draft(project, period, languages, charts)


def _build_draft(project: Project, period: Period, languages: tuple[str, ...], charts: bool) -> Draft:
    annotations = project.annotations(period)
    facts = project.facts(period, annotations)
    digest = input_hash(project, period)
    stories, releases = {}, {}
    # One plan for both languages: they state the same facts in the same order.
    story = plan_story(project.config, facts, annotations, project.dataset.items)
    charts = draft_charts(project, period, facts, languages) if charts else {}
    for lang in languages:
        body = render_story(story, project.config, project.dataset.items, lang)
        if charts:
            body = with_chart_lines(body, project, story.in_language(lang), charts, lang)
        meta = {
            "release": project.config.id,
            "period": str(period),
            "language": lang,
            "status": "draft",
            "generator": f"pressgen {__version__}",
            "input_hash": digest,
        }
        releases[lang] = with_front_matter(meta, body)
    for lang in languages:
        stories[lang] = story.in_language(lang)
    draft = Draft(period, facts, stories, releases, digest, metrics=project.config.metrics, charts=charts)
    draft.review = review_sheet(project, draft)
    # check's findings on the text as it will be written: a fresh draft should have none.
    draft.page = review_page(project, draft, check_draft(project, draft), charts=charts)
    return draft


def _languages(project: Project, languages: tuple[str, ...] | None) -> tuple[str, ...]:
    languages = languages or project.config.languages
    for lang in languages:
        if lang not in project.config.languages:
            raise UsageError(f"--lang: unknown language '{lang}'; this release is written in {', '.join(project.config.languages)}")
    return languages


def draft_files(draft: Draft) -> dict[str, bytes]:
    """The bytes of each file of a draft, by file name (what ``write_draft`` writes)."""
    return {name: b"".join(chunks) for name, chunks in _draft_pieces(draft)}


def _draft_pieces(draft: Draft) -> Iterator[tuple[str, Iterable[bytes]]]:
    """Each file of a draft as (name, its bytes in pieces), in the order the files are listed."""
    for lang, text in draft.releases.items():
        yield f"release.{lang}.md", (text.encode("utf-8"),)
    yield "facts.json", _facts_json(draft.facts)
    yield "review.md", (draft.review.encode("utf-8"),)
    if draft.page:
        yield "review.html", (draft.page.encode("utf-8"),)
    for chart_id, per_lang in draft.charts.items():
        for lang, formats in per_lang.items():
            for fmt, data in formats.items():
                yield chart_file(chart_id, lang, fmt), (data,)


def _facts_json(facts: FactSet) -> Iterator[bytes]:
    # facts.json is 7.8 MB on the synthetic release, built from as many small objects.
    with paused():
        for chunk in facts.json_chunks():
            yield chunk.encode("utf-8")


def write_draft(project: Project, draft: Draft, *, force: bool = False) -> list[str]:
    """Write the draft's files into its period folder; return what was done, one line each.

    Nothing an editor changed is overwritten or deleted without ``force`` (see
    ``publish``), and the folder changes all at once (see ``writer``). Raises
    ``OutputError`` when the output folder cannot take the files.
    """
    return write_periods(project, {draft.period: draft_files(draft)}, force=force)


# Below this many periods, starting worker processes costs more than it saves.
PARALLEL_MIN_PERIODS = 8


def draft_periods(project: Project, periods: list[Period], languages: tuple[str, ...] | None = None, *,
                  force: bool = False, on_period=None, jobs: int | None = None, charts: bool = True) -> list[str]:
    """Build and write several periods of one release (see ``build_periods``); return what was done."""
    contents = build_periods(project, periods, languages, on_period=on_period, jobs=jobs, charts=charts)
    return write_periods(project, contents, force=force)


def build_periods(project: Project, periods: list[Period], languages: tuple[str, ...] | None = None, *,
                  on_period=None, jobs: int | None = None, charts: bool = True) -> dict[Period, Mapping[str, bytes]]:
    """Every file of every period, in period order (file name → bytes); nothing is written to the project.

    Every period's annotations and the templates are validated first, so the usual
    mistakes stop the run early. Periods are built in parallel worker processes when
    there are at least ``PARALLEL_MIN_PERIODS`` periods and more than one core.
    ``write_periods`` then checks every target for obstacles and replaces each period
    folder atomically, under the output lock. ``on_period(label)`` is called as each
    period is built (for progress).

    With more than one period, each period's files go to a private temporary folder as
    they are built (``spool``), and the mapping reads them from there: memory holds one
    period's files at a time, not all of them. One period is kept in memory.
    """
    from .render import check_templates

    languages = _languages(project, languages)
    for period in periods:
        project.annotations(period)
    check_templates(project.config, languages)
    if len(periods) < SPOOL_MIN_PERIODS:
        kept: dict[Period, Mapping[str, bytes]] = {}
        for period in periods:
            kept[period] = draft_files(build_draft(project, period, languages, charts=charts))
            if on_period is not None:
                on_period(str(period))
        return kept
    from .spool import Spool, SpooledFiles

    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    try:
        spool = Spool()
    except OSError as exc:
        raise _spool_error(exc) from None
    contents: dict[Period, Mapping[str, bytes]] = {}
    try:
        if workers > 1 and len(periods) >= PARALLEL_MIN_PERIODS:
            for period, digests in _build_in_workers(project, periods, languages, charts, spool, min(workers, len(periods))):
                contents[period] = SpooledFiles(spool, spool.folder(str(period)), digests)
                if on_period is not None:
                    on_period(str(period))
        else:
            for period in periods:
                digests = _spool_period(project, period, languages, charts, spool.folder(str(period)))
                contents[period] = SpooledFiles(spool, spool.folder(str(period)), digests)
                if on_period is not None:
                    on_period(str(period))
    except OSError as exc:
        spool.cleanup()
        raise _spool_error(exc) from None
    except BaseException:
        spool.cleanup()
        raise
    # Only this process writes (workers only build), so one lock covers the whole run.
    return {period: contents[period] for period in periods}


# Below this many periods, a draft's files stay in memory (nothing to gain from the disk).
SPOOL_MIN_PERIODS = 2


def _spool_error(exc: OSError) -> OutputError:
    import errno
    import tempfile

    where = tempfile.gettempdir()
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "no space left on the device"
    else:
        what = exc.strerror or str(exc)
    return OutputError(f"cannot keep the built periods in the temporary folder {where}: {what}; nothing was written",
                       path=exc.filename or where,
                       hint="free space there, or set TMPDIR to a folder with room, and run draft again")


def _spool_period(project: Project, period: Period, languages, charts: bool, folder: Path) -> dict[str, str]:
    from . import draftmemo
    from .spool import write_pieces

    digests = write_pieces(folder, _draft_pieces(build_draft(project, period, languages, charts=charts)))
    # Each period is built once here: what the project keeps of it would only hold memory.
    project.forget(period)
    draftmemo.forget(project, period)
    return digests


def _build_in_workers(project: Project, periods: list[Period], languages, charts: bool, spool, workers: int):
    """(period, file digests) as forked workers finish building periods into the spool."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Forked workers start with this process's memory: they are handed the project
    # already loaded instead of each loading it again (1 s of a synthetic draft --all
    # per worker). Freezing the collector's view of it first keeps a worker's
    # collections from writing to every inherited object, which would copy the pages
    # the processes share. Workers write the files themselves and send back digests.
    key = (str(project.root), project.config.id)
    forked = multiprocessing.get_start_method() == "fork"
    if forked:
        _WORKER_PROJECTS[key] = project
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_draft_in_worker, str(project.root), project.config.id, str(p), languages, charts,
                                   str(spool.folder(str(p)))): p for p in periods}
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        if forked:
            _WORKER_PROJECTS.pop(key, None)
            gc.unfreeze()


_WORKER_PROJECTS: dict[tuple[str, str], Project] = {}


def _draft_in_worker(root: str, release: str, period: str, languages, charts: bool, folder: str) -> dict[str, str]:
    """Build one period's files into ``folder`` in a worker process (the project is loaded once per worker)."""
    from .project import open_project

    key = (root, release)
    if key not in _WORKER_PROJECTS:
        _WORKER_PROJECTS[key] = open_project(root, release)
    project = _WORKER_PROJECTS[key]
    return _spool_period(project, Period.parse(period), languages, charts, Path(folder))
