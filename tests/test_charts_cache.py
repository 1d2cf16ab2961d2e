"""Drawn charts are kept between runs by content: a hit gives exactly the bytes drawing gives (issue 13)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.charts import ChartSpec, Point, cache, render_chart


@pytest.fixture
def spec() -> ChartSpec:
    return ChartSpec(id="exports-13m", kind="series", title={"en": "Exports", "ko": "수출"}, unit={"en": "billion dollars", "ko": "억달러"})


def points(last: str = "61.04") -> list[Point]:
    return [Point("Oct", Decimal("59.57")), Point("Nov", Decimal(last), highlight=True)]


def test_a_cached_chart_is_byte_identical_to_a_drawn_one(tmp_path, monkeypatch, spec):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path))
    digest = cache.key(spec, points(), "en", "columns")
    assert cache.load(digest) is None
    drawn = render_chart(spec, points(), "en", style="columns")
    cache.store(digest, drawn)
    assert cache.load(digest) == drawn


def test_every_input_of_a_chart_is_in_its_key(spec):
    base = cache.key(spec, points(), "en", "columns")
    assert cache.key(spec, points("61.05"), "en", "columns") != base
    assert cache.key(spec, points(), "ko", "columns") != base
    assert cache.key(spec, points(), "en", "line") != base
    other = ChartSpec(id=spec.id, kind=spec.kind, title={"en": "Shipments", "ko": "수출"}, unit=spec.unit)
    assert cache.key(other, points(), "en", "columns") != base


def test_the_cache_can_be_switched_off(monkeypatch, spec):
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", "off")
    digest = cache.key(spec, points(), "en", None)
    cache.store(digest, {"svg": b"x", "png": b"y"})
    assert cache.load(digest) is None
