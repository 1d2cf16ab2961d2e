"""A release project opened for work: its config and validated dataset, and the library's entry points."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import annotation_names
from .annotations import Annotations, annotation_path, load_annotations
from .config import ReleaseConfig, find_release
from .dataset import Dataset
from .errors import UsageError
from .facts import FactSet, derive_facts
from .gcpause import paused
from .load import load_dataset
from .periods import Period, parse_period


# How many periods' facts a Project keeps (see Project.facts).
FACTS_KEPT = 4


@dataclass(frozen=True)
class Project:
    """A loaded release project (``config/``, ``data/``, ``templates/``, ``output/``)."""

    root: Path
    config: ReleaseConfig
    dataset: Dataset
    # Derived data kept for the life of the object: the dataset is immutable, and an
    # annotation file is re-read when it changes on disk.
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def output(self) -> Path:
        """Where this release's drafts go: ``output/<release>/``, so releases never overwrite each other."""
        return self.root / "output" / self.config.id

    def latest(self, count: int = 1) -> list[Period]:
        """The ``count`` latest periods of the release's own frequency (the latest month, half…), newest last."""
        own = self.dataset.periods_of(self.config.frequency_kind) or self.dataset.periods
        return list(own[-count:])

    def period(self, text: str | None) -> Period:
        """The period named by the user, or the latest of the release's frequency in the data."""
        if text is None:
            return self.latest()[-1]
        return parse_period(text, known=list(self.dataset.periods), release=self.config.id)

    def annotations(self, period: Period) -> Annotations | None:
        path = annotation_path(self.config, period)
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        key = ("annotations", period, stamp)
        if key not in self._cache:
            self._cache[key] = load_annotations(self.config, self.dataset, period)
        return self._cache[key]

    def facts(self, period: Period, annotations: Annotations | None = None) -> FactSet:
        """Every fact for the period, with the annotation's asserted facts when it has one."""
        if annotations is None:
            annotations = self.annotations(period)
        key = ("facts", period, id(annotations))
        found = self._cache.pop(key, None)
        if found is None:
            found = (annotations, derive_facts(self.dataset, self.config, period, annotations))
            # Only the latest few periods: a worker of draft --all drafts dozens of periods
            # with one Project, and kept them all (about 10 MB each on the synthetic release).
            kept = [k for k in self._cache if type(k) is tuple and k[:1] == ("facts",)]
            for old in kept[: max(0, len(kept) - (FACTS_KEPT - 1))]:
                del self._cache[old]
        self._cache[key] = found  # (re)inserted last: the most recently used
        return found[1]

    def forget(self, period: Period) -> None:
        """Drop the facts kept for ``period`` (``build_periods`` drafts each period once: kept,
        they were 38 MB of a worker drafting twelve synthetic periods)."""
        for key in [k for k in self._cache if type(k) is tuple and k[:2] == ("facts", period)]:
            del self._cache[key]


def open_projects(root: str | Path = ".", release: str | None = None) -> list[Project]:
    """Every release of the project (or only ``release``), each loaded and validated."""
    from .config import release_names

    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"project folder not found: {root}", hint="--project must name a folder holding config/, data/ and templates/")
    if release is not None:
        return [open_project(root, release)]
    names = release_names(root)
    if not names:
        find_release(root, None)  # raises the "no release definition" message
    return [open_project(root, name) for name in names]


def open_project(root: str | Path = ".", release: str | None = None) -> Project:
    """Load and validate a project's release definition and figures.

    Raises ``UsageError`` when ``root`` is not a project, and ``ConfigError`` /
    ``DataError`` for invalid config or figures.
    """
    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"project folder not found: {root}", hint="--project must name a folder holding config/, data/ and templates/")
    with paused():
        config = find_release(root, release)
        return Project(root, config, load_dataset(config))


def validate_project(project: Project) -> list[str]:
    """Check data, config and every annotation file; return one summary line per part checked.

    Raises the first located error found.
    """
    lines = [
        f"config: {project.config.display(project.config.path)}: ok ({len(project.config.metrics)} metrics, "
        f"{len(project.config.dimensions)} dimensions, {len(project.config.sections)} sections)",
        f"items: {project.dataset.items_path}: ok ({len(project.dataset.items)} items)",
        f"figures: {project.dataset.figures_path}: ok ({len(project.dataset.cells())} values in {len(project.dataset.periods)} periods)",
    ]
    folder = project.config.annotations
    files = annotation_names.annotation_files(folder, project.config.display(folder))
    for file in files:
        shown = project.config.display(file)
        annotation_names.check_name(file, [str(p) for p in project.dataset.periods], shown)  # before parsing: near misses
        try:
            period = Period.parse(file.stem)
        except ValueError as exc:
            from .errors import AnnotationError

            raise AnnotationError(f"annotation file name is not a period: {exc}", path=shown, hint="name annotation files <period>.yaml, e.g. 2025H1.yaml") from None
        if period not in project.dataset.periods:
            from .errors import AnnotationError

            raise AnnotationError(f"annotations for {period}, a period with no figures", path=shown, hint="rename the file after a period in the data, or add its figures")
        if annotation_path(project.config, period) != file:  # a spelling Period.parse accepts but draft does not read
            from .errors import AnnotationError

            raise AnnotationError(f"annotation file {file.name!r} is not named exactly after period {period}, so draft would not read it",
                                  path=shown, hint=f"rename it to {period}.yaml")
        annotations = load_annotations(project.config, project.dataset, period)
        assert annotations is not None
        lines.append(f"annotations: {shown}: ok ({len(annotations.causes)} causes, {len(annotations.remarks)} remarks, {len(annotations.asserted)} asserted facts)")
    return lines
