"""Deciding what a draft may write into a period folder, and writing it.

The record is ``manifest.json``: the hash of every file as pressgen wrote it (releases,
facts.json, review.md and any ``*.new.*`` file). A file whose bytes no longer match its
record is the editor's, whatever changed (the body, only the front matter, a ``.new.md``);
so is a file with no record, unless it is byte for byte what pressgen would write now.
Line endings and trailing blank lines alone do not count, since editors' tools change them.
The editor's files are never overwritten or deleted without ``force``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from .errors import GeneratorError, OutputError
from .lock import LOCK, output_lock
from .paths import period_folder, project_path
from .writer import JOURNAL, STAGING, recover, replace_folder

if TYPE_CHECKING:  # pragma: no cover
    from .periods import Period
    from .project import Project

MANIFEST = "manifest.json"


@dataclass
class PeriodPlan:
    """What one period's write will do; computed before anything is written."""

    period: Period
    folder: Path
    # Each file to write: its bytes, or the spooled file holding them (``spool.SpooledFiles``).
    writes: dict[str, bytes | Path] = field(default_factory=dict)
    # SHA-256 (hex) of each file to write.
    digests: dict[str, str] = field(default_factory=dict)
    removes: set[str] = field(default_factory=set)
    # Hash of each file to be replaced or removed, as it was when planned (None: absent).
    expected: dict[str, str | None] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def beside_name(name: str) -> str:
    """``release.en.md`` → ``release.en.new.md``: where a new version goes when the file is the editor's."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.new.{suffix}" if dot else f"{name}.new"


def write_periods(project: Project, contents: Mapping[Period, Mapping[str, bytes]], *, force: bool = False) -> list[str]:
    """Write each period's files (name → bytes) into its folder; return what was done.

    Under the output lock, after recovering any interrupted run. Every period is planned
    (and every obstacle reported) before the first folder is replaced; each folder is then
    replaced all at once, in order. Plans hold digests, and for spooled files
    (``spool.SpooledFiles``) only their paths, so planning sixty periods holds no bytes.
    """
    with open_output(project) as messages:
        plans = [plan_period(project, period, files, force=force) for period, files in contents.items()]
        for plan in plans:
            messages += apply_plan(project, plan)
    return messages


# ------------------------------------------------------------------------------- the output folder
@contextmanager
def open_output(project: Project) -> Iterator[list[str]]:
    """Lock the output folder (creating it) and recover any interrupted run; yields recovery messages."""
    output = project.output
    check_output_root(project)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(project, exc, output) from None
    with output_lock(output, shown=_shown(project, output / LOCK)):
        try:
            done = recover(output)
        except OSError as exc:
            raise output_error(project, exc, output) from None
        moved = migrate_legacy(project)
        yield [f"recovered {_shown(project, output)}/: {line}" for line in done] + moved


def migrate_legacy(project: Project) -> list[str]:
    """Move a period folder of the one-release layout (``output/<period>/``) to ``output/<release>/<period>/``.

    The folder moves whole, manifest included, so files an editor changed stay theirs
    (never overwritten) after the move. Only folders whose releases name this release move.
    """
    from .output import split_front_matter
    from .periods import Period

    legacy_root = project.root / "output"
    messages = []
    try:
        entries = sorted(p for p in legacy_root.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []
    for folder in entries:
        try:
            period = Period.parse(folder.name)
        except ValueError:
            continue
        if str(period) != folder.name:
            continue
        owners = set()
        for release in folder.glob("release.*.md"):
            try:
                meta, _ = split_front_matter(release.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, GeneratorError):
                meta = None
            owners.add((meta or {}).get("release"))
        target = project.output / folder.name
        if owners != {project.config.id} or os.path.lexists(target):
            continue
        os.rename(folder, target)
        messages.append(f"moved {_shown(project, folder)}/ to {_shown(project, target)}/ (output is now per release)")
    return messages


def check_output_root(project: Project) -> None:
    """Stop before writing anything when ``output`` or pressgen's own files in it are in the way."""
    root = project.root / "output"
    for folder in (root, project.output) if root != project.output else (root,):
        _check_folder(project, folder)
    for name, kind in ((LOCK, "file"), (JOURNAL, "file"), (STAGING, "folder")):
        _expect(project, project.output / name, kind)


def _check_folder(project: Project, output: Path) -> None:
    shown = _shown(project, output)
    if output.is_symlink() and not output.exists():
        raise OutputError(f"{shown} is a symbolic link to {os.readlink(output)}, which does not exist", path=shown,
                          hint=f"create the folder it points to, or remove the link; draft writes into {shown}/")
    if os.path.lexists(output) and not output.is_dir():
        raise OutputError(f"{shown} is a file, but draft writes its folders there", path=shown,
                          hint="move or delete it, then run draft again")


def _expect(project: Project, path: Path, kind: str) -> None:
    if not os.path.lexists(path):
        return
    if kind == "file" and path.is_file() and not path.is_symlink():
        return
    if kind == "folder" and path.is_dir() and not path.is_symlink():
        return
    found = "a symbolic link" if path.is_symlink() else "a folder" if path.is_dir() else "a file"
    shown = _shown(project, path)
    raise OutputError(f"expected a {kind}, found {found}: {shown}", path=shown,
                      hint="move or delete it, then run draft again")


# ------------------------------------------------------------------------------- planning
def plan_period(project: Project, period: Period, contents: Mapping[str, bytes], *, force: bool = False) -> PeriodPlan:
    """Decide each file's fate; raise ``OutputError`` for an obstacle. Writes nothing."""
    folder = period_folder(project, period)
    plan = PeriodPlan(period, folder)
    if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
        shown = _shown(project, folder)
        found = "a symbolic link" if folder.is_symlink() else "a file"
        raise OutputError(f"expected a folder, found {found}: {shown}", path=shown,
                          hint="move or delete it, then run draft again")
    for name in [*contents, *(beside_name(n) for n in contents), MANIFEST]:
        _expect(project, folder / name, "file")
    recorded = _read_manifest(folder)
    manifest = {name: digest for name, digest in recorded.items() if (folder / name).is_file()}
    spooled = getattr(contents, "digest", None)
    for name in contents:
        if spooled is not None:
            data, digest = contents.path(name), spooled(name)
        else:
            data = contents[name]
            digest = hashlib.sha256(data).hexdigest()
        beside = beside_name(name)
        mine, new = _ours(folder / name, recorded.get(name), digest), _ours(folder / beside, recorded.get(beside), digest)
        shown, shown_beside = _shown(project, folder / name), _shown(project, folder / beside)
        kind = "draft" if name.startswith("release.") else "version"
        if mine or force:
            _write(plan, name, data, digest)
            manifest[name] = "sha256:" + digest
            plan.messages.append(f"wrote {shown}")
            if (folder / beside).exists():
                if new or force:
                    _remove(plan, beside)
                    manifest.pop(beside, None)
                    plan.messages.append(f"removed {shown_beside} (superseded)")
                else:
                    plan.messages.append(f"kept {shown_beside}: edited since it was generated, so not removed "
                                         f"(merge it into {shown} and delete it, or use --force)")
        elif new:
            _write(plan, beside, data, digest)
            manifest[beside] = "sha256:" + digest
            plan.messages.append(f"kept {shown}: edited since it was generated; new {kind} written to "
                                 f"{shown_beside} (use --force to overwrite)")
        else:
            plan.messages.append(f"kept {shown} and {shown_beside}: both edited since they were generated; the new "
                                 f"{kind} was not written (merge your changes into {shown} and delete {shown_beside}, "
                                 "or use --force to overwrite both)")
    listed = (json.dumps(dict(sorted(manifest.items())), indent=2) + "\n").encode("utf-8")
    _write(plan, MANIFEST, listed, hashlib.sha256(listed).hexdigest())
    return plan


def _ours(path: Path, recorded: str | None, new: str) -> bool:
    """True when pressgen may replace ``path``: absent, as pressgen recorded writing it, or what it
    would write now (``new``: the SHA-256, hex, of what it would write)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return True
    found = hashlib.sha256(data).hexdigest()
    if found == new or (recorded is not None and "sha256:" + found == recorded):
        return True
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").rstrip("\n") + "\n"
    except UnicodeDecodeError:
        return False
    found = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return found == new or (recorded is not None and "sha256:" + found == recorded)


def _write(plan: PeriodPlan, name: str, data: bytes | Path, digest: str) -> None:
    plan.writes[name] = data
    plan.digests[name] = digest
    plan.expected[name] = _digest(plan.folder / name)


def _remove(plan: PeriodPlan, name: str) -> None:
    plan.removes.add(name)
    plan.expected[name] = _digest(plan.folder / name)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


# ------------------------------------------------------------------------------- writing
def apply_plan(project: Project, plan: PeriodPlan) -> list[str]:
    """Write one planned period (the caller holds ``open_output``); all of it or none of it."""
    unchanged = not plan.removes and all(_digest(plan.folder / n) == plan.digests[n] for n in plan.writes)
    if unchanged:
        return plan.messages  # the same bytes again: leave the files (and their dates) alone

    def still_as_planned() -> None:
        for name, digest in plan.expected.items():
            if _digest(plan.folder / name) != digest:
                shown = _shown(project, plan.folder / name)
                raise OutputError(f"{shown} changed while pressgen was writing; nothing was replaced", path=shown,
                                  hint="run draft again")

    try:
        replace_folder(project.output, plan.folder, plan.writes, plan.removes, check=still_as_planned)
    except OSError as exc:
        raise output_error(project, exc, plan.folder) from None
    return plan.messages


def output_error(project: Project, exc: OSError, where: Path) -> OutputError:
    """A failed write as the user's problem to fix: which path, and what to do."""
    path = Path(exc.filename) if exc.filename else where
    shown, output = _shown(project, path), _shown(project, project.output)
    after = "the previous files are unchanged"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"no space left on the device; {after}", path=shown,
                           hint=f"free space on the disk that holds {output}/ and run draft again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"cannot write here: {exc.strerror or 'permission denied'}; {after}", path=shown,
                           hint=f"make {output}/ and the folders in it writable (chmod u+w) and run draft again")
    return OutputError(f"cannot write here: {exc.strerror or exc}; {after}", path=shown,
                       hint=f"check {output}/ and run draft again")


def _shown(project: Project, path: Path) -> str:
    return project_path(project.root, path)
