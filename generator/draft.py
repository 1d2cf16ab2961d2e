"""Drafting: facts → story → bilingual markdown, facts.json and review.md for one period, written safely."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import UsageError
from .facts import FactSet
from .output import PlannedFile, is_edited, sha256, with_front_matter, write_all
from .periods import Period
from .plan import Story, plan_story
from .project import Project
from .render import render_story
from .review import review_sheet


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


def input_files(project: Project, period: Period) -> list[Path]:
    """Every file the draft depends on: config, item table, figures, annotations, templates."""
    config = project.config
    files = [config.path, config.items, config.figures]
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
        parts.append(project.config.display(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return sha256(b"".join(parts) + __version__.encode())


def build_draft(project: Project, period: Period, languages: tuple[str, ...] | None = None) -> Draft:
    """Derive facts, plan and render the releases of ``period`` in memory.

    Raises ``GeneratorError`` subclasses for bad annotations or templates; nothing is written.
    """
    languages = _languages(project, languages)
    annotations = project.annotations(period)
    facts = project.facts(period, annotations)
    digest = input_hash(project, period)
    stories, releases = {}, {}
    # One plan for both languages: they state the same facts in the same order.
    story = plan_story(project.config, facts, annotations, project.dataset.items)
    for lang in languages:
        body = render_story(story, project.config, project.dataset.items, lang)
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
    draft = Draft(period, facts, stories, releases, digest)
    draft.review = review_sheet(project, draft)
    return draft


def _languages(project: Project, languages: tuple[str, ...] | None) -> tuple[str, ...]:
    languages = languages or project.config.languages
    for lang in languages:
        if lang not in project.config.languages:
            raise UsageError(f"--lang: unknown language '{lang}'; this release is written in {', '.join(project.config.languages)}")
    return languages


MANIFEST = "manifest.json"


def write_draft(project: Project, draft: Draft, *, force: bool = False) -> list[str]:
    """Write the draft's files into ``output/<period>/``; return what was done, one line each.

    Nothing a person changed is overwritten without ``force``: a release whose body no
    longer matches the hash in its front matter, or a ``facts.json`` / ``review.md`` that
    no longer matches the hash recorded in ``manifest.json`` when pressgen wrote
    it, is kept, and the new file goes beside it (``release.en.new.md``, ``review.new.md``).
    All files are written atomically together (see ``output.write_all``).
    """
    folder = project.output / str(draft.period)
    recorded = _read_manifest(folder)
    facts_json = json.dumps(draft.facts.to_dict(), ensure_ascii=False, indent=2) + "\n"
    contents = {f"release.{lang}.md": text for lang, text in draft.releases.items()}
    contents["facts.json"] = facts_json
    contents["review.md"] = draft.review
    planned: list[PlannedFile] = []
    messages: list[str] = []
    stale: list[Path] = []
    manifest: dict[str, str] = {}
    for name, text in contents.items():
        target = folder / name
        beside = target.with_name(f"{target.stem}.new{target.suffix}")
        edited = is_edited(target) if name.startswith("release.") else _changed_since_written(target, recorded.get(name))
        if edited and not force:
            kind = "draft" if name.startswith("release.") else "version"
            messages.append(f"kept {_shown(project, target)}: edited since it was generated; new {kind} written to "
                            f"{_shown(project, beside)} (use --force to overwrite)")
            target = beside
            if name in recorded:
                manifest[name] = recorded[name]
        else:
            messages.append(f"wrote {_shown(project, target)}")
            stale.append(beside)
            manifest[name] = sha256(text)
        planned.append(PlannedFile(target, text.encode("utf-8")))
    body = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    planned.append(PlannedFile(folder / MANIFEST, body.encode("utf-8")))
    write_all(planned)
    # A side-by-side file from an earlier run is ours and out of date once the file itself is rewritten.
    for path in stale:
        if path.exists():
            path.unlink()
            messages.append(f"removed {_shown(project, path)} (superseded)")
    return messages


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _changed_since_written(path: Path, recorded: str | None) -> bool:
    """True when ``path`` exists and is not the file pressgen last wrote there."""
    if not path.exists():
        return False
    if recorded is None:
        return True  # a file pressgen has no record of writing: treat it as someone's work
    return sha256(path.read_bytes()) != recorded


def _shown(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)


# Below this many periods, starting worker processes costs more than it saves.
PARALLEL_MIN_PERIODS = 8


def draft_periods(project: Project, periods: list[Period], languages: tuple[str, ...] | None = None, *,
                  force: bool = False, on_period=None, jobs: int | None = None) -> list[str]:
    """Draft several periods and write them; return what was done, in period order.

    Every period's annotations and the templates are validated first, so the usual
    mistakes stop the run before anything is written. Each period is then built and
    written on its own (atomically), in parallel worker processes when there are at least
    ``PARALLEL_MIN_PERIODS`` periods and more than one core. ``on_period(label)`` is
    called as each period completes (for progress).
    """
    from .render import check_templates

    languages = _languages(project, languages)
    for period in periods:
        project.annotations(period)
    check_templates(project.config, languages)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    messages: dict[Period, list[str]] = {}
    if workers > 1 and len(periods) >= PARALLEL_MIN_PERIODS:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(workers, len(periods))) as pool:
            futures = {pool.submit(_draft_in_worker, str(project.root), project.config.id, str(p), languages, force): p
                       for p in periods}
            for future in as_completed(futures):
                messages[futures[future]] = future.result()
                if on_period is not None:
                    on_period(str(futures[future]))
    else:
        for period in periods:
            messages[period] = write_draft(project, build_draft(project, period, languages), force=force)
            if on_period is not None:
                on_period(str(period))
    return [line for period in periods for line in messages[period]]


_WORKER_PROJECTS: dict[tuple[str, str], Project] = {}


def _draft_in_worker(root: str, release: str, period: str, languages, force: bool) -> list[str]:
    """Build and write one period in a worker process (the project is loaded once per worker)."""
    from .project import open_project

    key = (root, release)
    if key not in _WORKER_PROJECTS:
        _WORKER_PROJECTS[key] = open_project(root, release)
    project = _WORKER_PROJECTS[key]
    return write_draft(project, build_draft(project, Period.parse(period), languages), force=force)
