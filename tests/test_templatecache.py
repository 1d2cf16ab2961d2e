"""The compiled-template cache: reused across runs, never stale, never in the way."""

from __future__ import annotations

import jinja2

from generator import render
from generator.templatecache import TemplateCache, cache_root, template_cache


def _env(folder, cache, **options):
    return jinja2.sandbox.SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache,
                                               keep_trailing_newline=True, **options)


def _spy(cache: TemplateCache) -> list[str]:
    """Record which buckets came from disk (code present after loading)."""
    hits: list[str] = []
    original = cache.load_bytecode

    def load(bucket):
        original(bucket)
        if bucket.code is not None:
            hits.append(bucket.key)

    cache.load_bytecode = load
    return hits


def test_second_environment_reuses_compiled_template_with_same_output(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.j2").write_text("{% for x in xs %}{{ x }},{% endfor %}\n", encoding="utf-8")
    first = _env(tmp_path / "t", TemplateCache(tmp_path / "cache")).get_template("a.j2").render(xs=[1, 2])
    assert list((tmp_path / "cache").iterdir()), "nothing was cached"
    cache = TemplateCache(tmp_path / "cache")
    hits = _spy(cache)
    second = _env(tmp_path / "t", cache).get_template("a.j2").render(xs=[1, 2])
    assert hits, "the second environment compiled again"
    assert first == second == "1,2,\n"


def test_edited_template_is_never_served_stale(tmp_path):
    (tmp_path / "t").mkdir()
    source = tmp_path / "t" / "a.j2"
    source.write_text("exports rose\n", encoding="utf-8")
    assert _env(tmp_path / "t", TemplateCache(tmp_path / "cache")).get_template("a.j2").render() == "exports rose\n"
    source.write_text("exports fell\n", encoding="utf-8")
    cache = TemplateCache(tmp_path / "cache")
    hits = _spy(cache)
    assert _env(tmp_path / "t", cache).get_template("a.j2").render() == "exports fell\n"
    assert not hits


def test_other_environment_options_miss_the_cache(tmp_path):
    # trim_blocks changes the compiled code, not the source: the key must tell them apart.
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.j2").write_text("{% if true %}\nyes\n{% endif %}\n", encoding="utf-8")
    plain = _env(tmp_path / "t", TemplateCache(tmp_path / "cache")).get_template("a.j2").render()
    trimmed = _env(tmp_path / "t", TemplateCache(tmp_path / "cache"), trim_blocks=True).get_template("a.j2").render()
    assert plain == "\nyes\n\n"
    assert trimmed == "yes\n"


def test_damaged_cache_file_compiles_afresh(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.j2").write_text("{{ 1 + 1 }}\n", encoding="utf-8")
    _env(tmp_path / "t", TemplateCache(tmp_path / "cache")).get_template("a.j2")
    for path in (tmp_path / "cache").iterdir():
        path.write_bytes(b"\x00garbage")
    assert _env(tmp_path / "t", TemplateCache(tmp_path / "cache")).get_template("a.j2").render() == "2\n"


def test_missing_cache_folder_is_created_and_a_file_in_its_place_is_ignored(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.j2").write_text("ok\n", encoding="utf-8")
    assert _env(tmp_path / "t", TemplateCache(tmp_path / "new" / "cache")).get_template("a.j2").render() == "ok\n"
    assert list((tmp_path / "new" / "cache").iterdir())
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    assert _env(tmp_path / "t", TemplateCache(tmp_path / "blocker" / "cache")).get_template("a.j2").render() == "ok\n"


def test_cache_location_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_root() == tmp_path / "mine"
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", "off")
    assert cache_root() is None and template_cache() is None
    monkeypatch.delenv("PRESSGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "pressgen"


def test_release_templates_compile_into_the_cache_outside_the_project(tmp_path, monkeypatch):
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(render, "_ENVIRONMENTS", {})
    env = render.environment(repo / "templates" / "knowledge_services")
    assert isinstance(env.bytecode_cache, TemplateCache)
    env.get_template("en/sentences.md.j2")
    assert len(list((tmp_path / "cache" / "templates").iterdir())) == 1
