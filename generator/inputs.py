"""What a release's drafts and checks read besides the text: one list, for every cache keyed by it."""

from __future__ import annotations

from pathlib import Path


def project_inputs(root: Path, config) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Folders read whole — the project's ``config/`` (release definitions, wording rules,
    vocabularies) and the release's annotations — and single files: the release definition,
    figures, items, revisions and the release's own wording files, wherever they are.
    (Drafts also read the templates folder.)"""
    folders = (Path(root) / "config", config.annotations)
    files = (config.path, config.figures, config.items, *((config.revisions,) if config.revisions else ()),
             *(p for group in config.wording_files.values() for p in group))
    return folders, files
