"""Charts: byte-identical SVG and PNG, Korean glyphs from the packaged font, matplotlib only on demand."""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import textwrap
import warnings
import xml.etree.ElementTree as ET
import zlib
from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.charts import (
    CHART_KINDS,
    HEIGHT_PX,
    WIDTH_PX,
    ChartSpec,
    ChartsUnavailable,
    Point,
    font_path,
    format_value,
    render_chart,
    require_charts,
)
from generator.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parents[1]

EXPORTS = ChartSpec(
    "exports-13m",
    "series",
    {"en": "Exports over the last 13 months", "ko": "최근 13개월 수출 추이"},
    {"en": "billion dollars", "ko": "억달러"},
)
INFLATION = ChartSpec(
    "cpi-24m", "series", {"en": "Consumer price inflation", "ko": "소비자물가 상승률"}, {"en": "%", "ko": "%"}
)
BALANCES = ChartSpec(
    "region-balance",
    "bars",
    {"en": "Current account balance by region", "ko": "지역별 경상수지"},
    {"en": "billion dollars", "ko": "억달러"},
)
_MONTHS = {
    "en": ["Oct 2024", "Nov", "Dec", "Jan 2025", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct 2025"],
    "ko": ["24.10", "11", "12", "25.1", "2", "3", "4", "5", "6", "7", "8", "9", "25.10"],
}
_EXPORT_VALUES = ["552.1", "563.9", "613.2", "491.2", "525.6", "582.8", "582.1", "572.7", "598.0", "608.2", "584.0",
                  "659.5", "595.7"]
_RECORD = {"en": "record", "ko": "역대 최대"}
_REGIONS = {
    "en": ["China", "United States", "Southeast Asia", "EU", "Japan", "Middle East", "Latin America"],
    "ko": ["중국", "미국", "동남아", "EU", "일본", "중동", "중남미"],
}
_BALANCE_VALUES = ["12.4", "91.2", "88.5", "-5.3", "-23.1", "-61.7", "14.0"]


def exports_points(lang: str) -> list[Point]:
    return [
        Point(m, D(v), highlight=i == 12, note=_RECORD[lang] if i == 11 else None)
        for i, (m, v) in enumerate(zip(_MONTHS[lang], _EXPORT_VALUES))
    ]


def inflation_points(lang: str) -> list[Point]:
    values = ["3.1", "2.9", "3.0", "2.7", "2.4", "2.1", "2.0", "1.9", "1.8", "2.0", "2.3", "2.6", "2.8", "2.9",
              "3.1", "3.0", "2.7", "2.3", "2.0", "1.7", "1.9", "2.1", "2.4", "-0.2"]
    labels = [f"{2023 + (k + 10) // 12}.{(k + 10) % 12 + 1}" for k in range(24)]
    return [Point(lbl, D(v), highlight=i == 23) for i, (lbl, v) in enumerate(zip(labels, values))]


def balance_points(lang: str) -> list[Point]:
    return [
        Point(name, D(v), highlight=i == 1, note=_RECORD[lang] if i == 1 else None)
        for i, (name, v) in enumerate(zip(_REGIONS[lang], _BALANCE_VALUES))
    ]


# (spec, points, style) for every kind and style, drawn in both languages.
CASES = {
    "exports-columns": (EXPORTS, exports_points, "columns"),
    "inflation-line": (INFLATION, inflation_points, "line"),
    "balances-bars": (BALANCES, balance_points, None),
}


def _render_all() -> dict[str, str]:
    """sha256 of every output of every case in both languages."""
    out = {}
    for name, (spec, points, style) in CASES.items():
        for lang in ("en", "ko"):
            for fmt, data in render_chart(spec, points(lang), lang, style=style).items():
                out[f"{name}.{lang}.{fmt}"] = hashlib.sha256(data).hexdigest()
    return out


@pytest.fixture(scope="module")
def ko_exports() -> dict[str, bytes]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return render_chart(EXPORTS, exports_points("ko"), "ko", style="columns")


# -- determinism -------------------------------------------------------------------------


def test_same_bytes_twice_in_one_process():
    assert _render_all() == _render_all()


def test_same_bytes_in_another_process_whatever_its_environment(tmp_path):
    """Hash seed, time zone, locale and the user's matplotlibrc do not reach the output."""
    config = tmp_path / "mplconfig"
    config.mkdir()
    (config / "matplotlibrc").write_text(
        "font.size: 20\nlines.linewidth: 6\naxes.facecolor: black\nsvg.hashsalt: other\n"
        "savefig.dpi: 300\nsvg.fonttype: none\nfont.family: serif\ngrid.linestyle: dotted\n"
        "lines.antialiased: False\ntext.hinting: none\npath.sketch: 1, 100, 2\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        import test_charts
        print(json.dumps(test_charts._render_all()))
        """
    )
    env = dict(os.environ, PYTHONHASHSEED="12345", TZ="Pacific/Chatham", LC_ALL="de_DE.UTF-8",
               LANG="de_DE.UTF-8", MPLCONFIGDIR=str(config), SOURCE_DATE_EPOCH="0")
    env.pop("MATPLOTLIBRC", None)
    done = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _render_all()


def test_callers_rcparams_neither_leak_in_nor_are_changed():
    import matplotlib

    before = _render_all()
    rc = {"lines.linewidth": 7, "font.size": 22, "svg.hashsalt": "x", "svg.fonttype": "none", "grid.linestyle": ":",
          "lines.antialiased": False, "text.hinting": "none", "path.sketch": (1, 100, 2)}
    with matplotlib.rc_context(rc):
        snapshot = dict(matplotlib.rcParams)
        assert _render_all() == before
        assert dict(matplotlib.rcParams) == snapshot


def test_svg_has_no_date_path_or_random_id(ko_exports):
    svg = ko_exports["svg"].decode("utf-8")
    ET.fromstring(ko_exports["svg"])  # well-formed XML
    assert not re.search(r"(19|20)\d\d-\d\d-\d\d", svg), "a date in the SVG"
    assert "<dc:date" not in svg
    for path in {str(font_path()), str(font_path().parent), os.getcwd(), str(Path.home()), sys.prefix, "/tmp"}:
        assert path not in svg, f"absolute path {path} in the SVG"
    assert "site-packages" not in svg
    assert "<text" not in svg and "font-family" not in svg, "text must be paths, not fonts the viewer needs"
    assert f'viewBox="0 0 {WIDTH_PX * 72 / 100:g} {HEIGHT_PX * 72 / 100:g}"' in svg


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + length
    return chunks


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_png_is_valid_with_the_expected_size_and_no_metadata(name, lang):
    from PIL import Image
    import io

    spec, points, style = CASES[name]
    png = render_chart(spec, points(lang), lang, style=style)["png"]
    chunks = _png_chunks(png)
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height = struct.unpack(">II", chunks[0][1][:8])
    assert (width, height) == (WIDTH_PX, HEIGHT_PX) == (640, 360)
    kinds = {kind for kind, _ in chunks}
    assert not kinds & {b"tIME", b"tEXt", b"iTXt", b"zTXt"}, kinds
    with Image.open(io.BytesIO(png)) as image:
        image.verify()


# -- Korean glyphs -------------------------------------------------------------------------


def test_korean_glyphs_come_from_the_packaged_font(ko_exports):
    """No tofu: every Hangul character has a real glyph of the packaged Noto Sans KR in the SVG."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(font_path()))
    assert font.family_name == "Noto Sans KR"
    svg = ko_exports["svg"].decode("utf-8")
    text = EXPORTS.title["ko"] + EXPORTS.unit["ko"] + _RECORD["ko"]
    for char in sorted(set(text) - {" "}):
        index = font.get_char_index(ord(char))
        assert index != 0, f"{char!r} is not in the packaged font"
        assert f'id="{font.postscript_name}-{index:x}"' in svg, f"no glyph for {char!r} in the SVG"
    assert f'id="{font.postscript_name}-0"' not in svg, "a .notdef (tofu) glyph was drawn"
    assert "DejaVu" not in svg


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_text_uses_the_packaged_font_and_fits_the_picture(name, lang):
    from matplotlib.font_manager import findfont
    from matplotlib.text import Text

    from generator.charts.render import draw_figure

    spec, points, style = CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing from font(s)" warning fails the test
        fig = draw_figure(spec, points(lang), lang, style=style)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_text() and t.get_visible()]
    shown = {t.get_text() for t in texts}
    assert spec.title[lang] in shown and spec.unit[lang] in shown
    for t in texts:
        assert Path(findfont(t.get_fontproperties())) == font_path(), t.get_text()
        box = t.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= WIDTH_PX and box.y1 <= HEIGHT_PX, (t.get_text(), box)


def test_a_character_missing_from_the_font_is_caught():
    """The check above would see tofu: matplotlib warns about a missing glyph."""
    spec = ChartSpec("odd", "bars", {"en": "Odd \U0001f600"}, {"en": ""})
    with pytest.warns(UserWarning, match="missing from font"):
        render_chart(spec, [Point("a", D(1))], "en")


def test_the_highlighted_value_and_the_note_are_labelled():
    from matplotlib.text import Text

    from generator.charts.render import draw_figure

    for name, (spec, points, style) in CASES.items():
        fig = draw_figure(spec, points("ko"), "ko", style=style)
        shown = "\n".join(t.get_text() for t in fig.findobj(Text))
        for p in points("ko"):
            if p.highlight or p.note:
                assert format_value(p.value) in shown, (name, p)
            if p.note:
                assert p.note in shown, (name, p)


# -- optional extra ------------------------------------------------------------------------


def test_importing_generator_does_not_import_matplotlib():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import generator, generator.charts
        from generator.charts import ChartSpec, Point, render_chart, require_charts
        require_charts()
        skip = {"generator.__main__", "generator.charts.render"}
        for mod in pkgutil.walk_packages(generator.__path__, "generator."):
            if mod.name not in skip:
                importlib.import_module(mod.name)
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"matplotlib", "PIL"})
        print(heavy)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO_ROOT,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("missing", ["matplotlib", "pylopdf_fonts_ko"])
def test_a_clear_error_when_the_extra_is_not_installed(monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # makes the import fail as if not installed
    with pytest.raises(ChartsUnavailable) as caught:
        require_charts("config/release.yaml")
    assert isinstance(caught.value, ConfigError)
    assert "pip install 'pressgen[charts]'" in str(caught.value)
    assert str(caught.value).startswith("config/release.yaml: ")
    with pytest.raises(ChartsUnavailable, match=r"pressgen\[charts\]"):
        render_chart(BALANCES, balance_points("en"), "en")


# -- inputs --------------------------------------------------------------------------------


def test_kinds_and_bad_inputs():
    assert CHART_KINDS == ("series", "bars")
    with pytest.raises(ValueError, match="kind"):
        ChartSpec("x", "pie", {"en": "t"}, {"en": "u"})
    with pytest.raises(ValueError, match="id"):
        ChartSpec("../x", "bars", {"en": "t"}, {"en": "u"})
    with pytest.raises(ValueError, match="Decimal"):
        Point("a", 1.5)
    with pytest.raises(ValueError, match="finite"):
        Point("a", D("NaN"))
    assert Point("a", 3).value == D(3)
    with pytest.raises(ValueError, match="style"):
        render_chart(BALANCES, balance_points("en"), "en", style="line")
    with pytest.raises(ValueError, match="style"):
        render_chart(EXPORTS, exports_points("en"), "en", style="pie")
    with pytest.raises(ValueError, match="language"):
        render_chart(EXPORTS, exports_points("en"), "fr")
    with pytest.raises(ValueError, match="no title in 'ko'"):
        render_chart(ChartSpec("x", "bars", {"en": "t"}, {"en": "u"}), [Point("a", D(1))], "ko")
    with pytest.raises(ValueError, match="no points"):
        render_chart(EXPORTS, [], "en")
    assert hash(EXPORTS) == hash(ChartSpec(EXPORTS.id, EXPORTS.kind, dict(EXPORTS.title), dict(EXPORTS.unit)))


@pytest.mark.parametrize(
    ("value", "text"),
    [("1234.5", "1,234.5"), ("-61.70", "\u221261.70"), ("0", "0"), ("-0.0", "0.0"), ("1E+3", "1,000"),
     ("1234567", "1,234,567")],
)
def test_format_value(value, text):
    assert format_value(D(value)) == text


def test_edge_cases_draw():
    """One point, all equal, all negative, many bars: no error, no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_chart(EXPORTS, [Point("Oct", D("5"), highlight=True)], "en")
        render_chart(EXPORTS, [Point(str(i), D("5")) for i in range(6)], "en", style="columns")
        render_chart(BALANCES, [Point(f"item {i}", D(-i - 1)) for i in range(5)], "en")
        render_chart(BALANCES, [Point(f"품목 {i}", D(i * 7 - 40), note="주") for i in range(16)], "ko")
        render_chart(INFLATION, [Point(str(i), D(0)) for i in range(3)], "ko")
