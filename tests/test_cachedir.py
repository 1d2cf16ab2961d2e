"""Every cache outside the project stays bounded: old entries are pruned, recent ones kept, and
pruning never touches what is not an entry."""

from __future__ import annotations

import os
import zlib

import jinja2
import pytest
from drafting import copy_bundled

from generator import cachedir, yamlcache
from generator.charts import cache as chart_cache
from generator.check import memo
from generator.check import run as check_run
from generator.templatecache import TemplateCache


def _entries(folder, suffix=".pickle"):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith("."))


def _aged(folder, names, suffix=".pickle"):
    """Write entries whose modification times follow ``names``' order, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        path = folder / f"{name}{suffix}"
        path.write_bytes(b"x")
        os.utime(path, ns=(1_000_000_000 * (i + 1), 1_000_000_000 * (i + 1)))


def test_prune_keeps_the_most_recently_written_entries(tmp_path):
    _aged(tmp_path, ["e", "d", "c", "b", "a"])  # "a" is the newest, whatever the names sort to
    cachedir.prune(tmp_path, 2)
    assert _entries(tmp_path) == ["a.pickle", "b.pickle"]


def test_prune_leaves_other_files_and_writers_temporary_files_alone(tmp_path):
    _aged(tmp_path, ["old", "new"])
    (tmp_path / ".new.123.tmp").write_bytes(b"half")  # another process is writing this one
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    cachedir.prune(tmp_path, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".new.123.tmp", "notes.txt"]


def test_prune_of_a_missing_folder_is_not_an_error(tmp_path):
    cachedir.prune(tmp_path / "never-made", 1)
    assert not (tmp_path / "never-made").exists()


def _name(pruning: bool) -> str:
    """An entry name whose store prunes (or does not), by the rule ``maybe_prune`` applies."""
    for i in range(100_000):
        name = f"{i:064x}"
        if (zlib.crc32(name.encode()) % cachedir.PRUNE_EVERY == 0) == pruning:
            return name
    raise AssertionError("no such name")


def test_a_store_prunes_only_for_about_one_name_in_prune_every(tmp_path):
    folder = tmp_path / "c"
    _aged(folder, ["a", "b", "c"])
    cachedir.store_pickle(folder, _name(pruning=False), 1, keep=1)
    assert len(_entries(folder)) == 4, "pruned on a store whose name does not call for it"
    pruned = _name(pruning=True)
    cachedir.store_pickle(folder, pruned, 1, keep=1)
    assert _entries(folder) == [f"{pruned}.pickle"], "the entry just stored is the one kept"


@pytest.fixture
def prune_always(monkeypatch):
    monkeypatch.setattr(cachedir, "PRUNE_EVERY", 1)


def test_the_check_cache_is_bounded(tmp_path, monkeypatch, prune_always):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "KEEP_ON_DISK", 3)
    memo.forget()
    root = copy_bundled(tmp_path / "project")
    out = root / "output" / "knowledge_services" / "2025H1"
    out.mkdir(parents=True)
    release = out / "release.en.md"
    try:
        for n in range(6):
            release.write_text("---\nrelease: knowledge_services\nperiod: '2025H1'\nlanguage: en\n---\n# Headline\n\n"
                               f"The deficit widened to $4.53 billion.{' Yes.' * n}\n", encoding="utf-8")
            result = check_run.check_paths([release], root, jobs=1)
            assert not [f for f in result.findings if f.level == "error"]
    finally:
        memo.forget()
    assert 1 <= len(_entries(tmp_path / "cache" / "check")) <= 3


def test_the_yaml_cache_is_bounded(tmp_path, monkeypatch, prune_always):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(yamlcache, "KEEP_ON_DISK", 2)
    for n in range(5):
        assert yamlcache.load("doc", f"a: {n}\n", "a.yaml", lambda n=n: {"a": n}) == {"a": n}
    assert len(_entries(tmp_path / "cache" / "yaml")) == 2
    # the newest is kept, and is read back rather than parsed again
    assert yamlcache.load("doc", "a: 4\n", "a.yaml", lambda: pytest.fail("parsed again")) == {"a": 4}


def test_the_template_cache_is_bounded_and_still_renders(tmp_path, monkeypatch, prune_always):
    import generator.templatecache as templatecache

    monkeypatch.setattr(templatecache, "KEEP_ON_DISK", 2)
    for n in range(5):
        folder = tmp_path / f"t{n}"  # another project's templates: another entry
        folder.mkdir()
        (folder / "a.j2").write_text(f"{n}:{{{{ x }}}}\n", encoding="utf-8")
        env = jinja2.sandbox.SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(folder)),
                                                  bytecode_cache=TemplateCache(tmp_path / "cache"))
        assert env.get_template("a.j2").render(x="y") == f"{n}:y"
    assert len(_entries(tmp_path / "cache", ".jinja")) == 2


def test_the_chart_cache_is_bounded_per_format(tmp_path, monkeypatch, prune_always):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(chart_cache, "KEEP_ON_DISK", 2)
    for n in range(5):
        chart_cache.store(f"{n:064x}", {"svg": b"<svg/>", "png": b"png"})
    folder = tmp_path / "cache" / "charts"
    assert len(_entries(folder, ".svg")) == 2 and len(_entries(folder, ".png")) == 2
    assert chart_cache.load(f"{4:064x}") == {"svg": b"<svg/>", "png": b"png"}
