"""Parsed YAML kept between runs: reused for the same text, never for other text, never in the way."""

from __future__ import annotations

import os
import pickle

import pytest
import yaml

from generator import yamlcache, yamlload
from generator.errors import ConfigError

TEXT = "id: demo\nname:\n  en: Demo\n  ko: 데모\nsince: 2025-01-31\nlist: [a, b]\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache folder, and a count of real parses (the located loader's ``_parse``)."""
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    parses: list[str] = []
    original = yamlload._parse

    def counting(text, shown, error):
        parses.append(shown)
        return original(text, shown, error)

    monkeypatch.setattr(yamlload, "_parse", counting)
    return parses


def _load(path, display="config/demo.yaml"):
    # A new run: the in-process cache (keyed by modification time) starts empty.
    yamlload._CACHE.clear()
    return yamlload.load_yaml(path, display=display)


def _entries(tmp_path):
    folder = tmp_path / "cache" / "yaml"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_second_run_reuses_the_parse_with_positions(tmp_path, cache):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    first = _load(path)
    assert cache == ["config/demo.yaml"] and len(_entries(tmp_path)) == 1
    second = _load(path)
    assert cache == ["config/demo.yaml"], "the second run parsed again"
    assert second == first == yaml.safe_load(TEXT)
    # The located values keep what error messages need.
    assert isinstance(second, yamlload.YamlMap) and isinstance(second["list"], yamlload.YamlList)
    assert second.where("since") == {"path": "config/demo.yaml", "line": 5, "column": 1}
    assert second["name"].where("ko") == first["name"].where("ko") == {"path": "config/demo.yaml", "line": 4, "column": 3}
    assert second["list"].marks == [(6, 8), (6, 11)]


def test_changed_text_misses_the_cache(tmp_path, cache):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    _load(path)
    path.write_text(TEXT.replace("Demo", "Changed"), encoding="utf-8")
    assert _load(path)["name"]["en"] == "Changed"
    assert len(cache) == 2 and len(_entries(tmp_path)) == 2


def test_same_text_shown_under_another_name_is_parsed_for_that_name(tmp_path, cache):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    _load(path, "config/a.yaml")
    assert _load(path, "config/b.yaml").where("id")["path"] == "config/b.yaml"
    assert cache == ["config/a.yaml", "config/b.yaml"]


def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path, cache):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    expected = _load(path)
    (entry,) = _entries(tmp_path)
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:20]):
        entry.write_bytes(damage)
        assert _load(path) == expected
        assert pickle.loads(entry.read_bytes()) == expected, "the damaged entry was not rewritten"
    assert len(cache) == 4


def test_an_entry_that_would_run_code_is_refused(tmp_path, cache):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    expected = _load(path)
    (entry,) = _entries(tmp_path)
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    entry.write_bytes(pickle.dumps(Planted()))
    assert _load(path) == expected
    assert not marker.exists()


def test_off_stores_nothing_and_parses_every_run(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", "off")
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert _load(path) == _load(path) == yaml.safe_load(TEXT)
    assert len(cache) == 2 and not (tmp_path / "cache").exists()


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path, cache, monkeypatch):
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "blocker"))
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert _load(path) == _load(path) == yaml.safe_load(TEXT)


@pytest.mark.parametrize("bad, message", [
    ("a: 1\na: 2\n", "duplicate key 'a' (first given on line 1)"),
    ("a: [1, 2\n", "YAML syntax error"),
    ("a: 2025-13-01\n", "invalid value '2025-13-01'"),
])
def test_errors_come_from_a_real_parse_every_run_and_nothing_is_stored(tmp_path, cache, bad, message):
    path = tmp_path / "bad.yaml"
    path.write_text(TEXT, encoding="utf-8")
    _load(path, "bad.yaml")  # the good text is cached; the bad one must not be served from it
    path.write_text(bad, encoding="utf-8")
    errors = []
    for _ in range(2):
        with pytest.raises(ConfigError) as info:
            _load(path, "bad.yaml")
        errors.append(str(info.value))
    assert errors[0] == errors[1] and message in errors[0] and "bad.yaml" in errors[0]
    assert len(cache) == 3 and len(_entries(tmp_path)) == 1


def test_package_yaml_through_the_cache_equals_a_plain_parse(tmp_path, monkeypatch):
    from importlib import resources

    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    text = resources.files("generator.vocabulary").joinpath("ko.yaml").read_text(encoding="utf-8")
    assert yamlcache.safe_load(text, "v/ko.yaml") == yaml.safe_load(text)
    assert len(_entries(tmp_path)) == 1
    monkeypatch.setattr(yaml, "safe_load", lambda _text: pytest.fail("parsed again"))
    assert yamlcache.safe_load(text, "v/ko.yaml")["directions"]


def test_a_new_version_of_the_loader_misses_the_cache(tmp_path, cache, monkeypatch):
    path = tmp_path / "demo.yaml"
    path.write_text(TEXT, encoding="utf-8")
    _load(path)
    monkeypatch.setattr(yamlcache, "_fingerprint", "another build of pressgen")
    _load(path)
    assert len(cache) == 2 and len(_entries(tmp_path)) == 2
