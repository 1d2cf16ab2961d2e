"""Drafting: facts → story → bilingual markdown, facts.json and review.md for one period, written safely."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import UsageError
from .facts import FactSet
from .gcpause import paused
from .jsontext import dumps_indented
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
    """Every file the draft depends on: config, item table, figures, annotations, templates."""
    config = project.config
    files = [config.path, config.items, config.figures, *((config.revisions,) if config.revisions else ())]
    annotation = config.annotations / f"{period}.yaml"
    if annotation.exists():
        files.append(annotation)
    if config.templates.is_dir():
        files.extend(sorted(p for p in config.templates.rglob("*") if p.is_file()))
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
    contents = {f"release.{lang}.md": text for lang, text in draft.releases.items()}
    with paused():  # facts.json is 7.8 MB on the synthetic release, built from as many small objects
        contents["facts.json"] = dumps_indented(draft.facts.to_dict()) + "\n"
    contents["review.md"] = draft.review
    if draft.page:
        contents["review.html"] = draft.page
    files = {name: text.encode("utf-8") for name, text in contents.items()}
    for chart_id, per_lang in draft.charts.items():
        for lang, formats in per_lang.items():
            for fmt, data in formats.items():
                files[chart_file(chart_id, lang, fmt)] = data
    return files


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
                  on_period=None, jobs: int | None = None, charts: bool = True) -> dict[Period, dict[str, bytes]]:
    """Every file of every period, in memory and in period order; nothing is written.

    Every period's annotations and the templates are validated first, so the usual
    mistakes stop the run early. Periods are built in parallel worker processes when
    there are at least ``PARALLEL_MIN_PERIODS`` periods and more than one core.
    ``write_periods`` then checks every target for obstacles and replaces each period
    folder atomically, under the output lock. ``on_period(label)`` is called as each
    period is built (for progress).
    """
    from .render import check_templates

    languages = _languages(project, languages)
    for period in periods:
        project.annotations(period)
    check_templates(project.config, languages)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    contents: dict[Period, dict[str, bytes]] = {}
    if workers > 1 and len(periods) >= PARALLEL_MIN_PERIODS:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # Forked workers start with this process's memory: they are handed the project
        # already loaded instead of each loading it again (1 s of a synthetic draft --all
        # per worker). Freezing the collector's view of it first keeps a worker's
        # collections from writing to every inherited object, which would copy the pages
        # the processes share.
        key = (str(project.root), project.config.id)
        forked = multiprocessing.get_start_method() == "fork"
        if forked:
            _WORKER_PROJECTS[key] = project
            gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=min(workers, len(periods))) as pool:
                futures = {pool.submit(_draft_in_worker, str(project.root), project.config.id, str(p), languages, charts): p
                           for p in periods}
                for future in as_completed(futures):
                    contents[futures[future]] = future.result()
                    if on_period is not None:
                        on_period(str(futures[future]))
        finally:
            if forked:
                _WORKER_PROJECTS.pop(key, None)
                gc.unfreeze()
    else:
        for period in periods:
            contents[period] = draft_files(build_draft(project, period, languages, charts=charts))
            if on_period is not None:
                on_period(str(period))
    # Only this process writes (workers only build), so one lock covers the whole run.
    return {period: contents[period] for period in periods}


_WORKER_PROJECTS: dict[tuple[str, str], Project] = {}


def _draft_in_worker(root: str, release: str, period: str, languages, charts: bool = True) -> dict[str, bytes]:
    """Build one period's files in a worker process (the project is loaded once per worker)."""
    from .project import open_project

    key = (root, release)
    if key not in _WORKER_PROJECTS:
        _WORKER_PROJECTS[key] = open_project(root, release)
    project = _WORKER_PROJECTS[key]
    return draft_files(build_draft(project, Period.parse(period), languages, charts=charts))
