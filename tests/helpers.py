"""Builders for tiny synthetic release projects, and small helpers to run the CLI and read facts.

``make_project`` writes ``config/test.yaml`` (same schema as
``config/knowledge_services.yaml``), ``data/test/items.csv`` and
``data/test/figures.csv`` under a folder and returns that folder.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from generator.cli import main
from generator.periods import Period
from generator.project import open_project

FIGURES = "data/test/figures.csv"
ITEMS = "data/test/items.csv"
CONFIG = "config/test.yaml"
ANNOTATIONS = "data/test/annotations"

# item, dimension, parent, name_en, name_ko
DEFAULT_ITEMS: tuple[tuple[str, str, str, str, str], ...] = (
    ("total", "total", "", "all services", "전체 서비스"),
    ("a", "category", "total", "category A", "가 유형"),
    ("b", "category", "total", "category B", "나 유형"),
    ("c", "category", "total", "category C", "다 유형"),
    ("a.x", "category", "a", "sub-category AX", "가 세부 1"),
    ("a.y", "category", "a", "sub-category AY", "가 세부 2"),
    ("a.z", "category", "a", "sub-category AZ", "가 세부 3"),
    ("a.online", "channel", "a", "A sold online", "가 온라인"),
    ("r.east", "region", "total", "the East", "동부"),
    ("r.west", "region", "total", "the West", "서부"),
)

BASE_CONFIG: dict[str, Any] = {
    "id": "test",
    "name": {"en": "Test Trade Statistics", "ko": "시험 무역통계"},
    "publisher": {"en": "the Test Office", "ko": "시험청"},
    "subject": {"en": "the test trade balance", "ko": "시험 무역수지"},
    "data": {
        "figures": "../data/test/figures.csv",
        "items": "../data/test/items.csv",
        "annotations": "../data/test/annotations",
    },
    "templates": "../templates/test",
    "languages": ["en", "ko"],
    "frequency": "half",
    "series_start": 2010,
    "metrics": {
        "exports": {"kind": "flow", "unit": "usd_million", "precision": 10, "name": {"en": "exports", "ko": "수출"}},
        "imports": {"kind": "flow", "unit": "usd_million", "precision": 10, "name": {"en": "imports", "ko": "수입"}},
        "balance": {"kind": "balance", "unit": "usd_million", "precision": 10, "name": {"en": "balance", "ko": "수지"},
                    "identity": "exports - imports"},
    },
    "headline": {"item": "total", "metric": "balance", "basis": "previous_period"},
    "total": "total",
    "dimensions": [
        {"id": "category", "root": "total", "label": {"en": "by category", "ko": "유형별"}},
        {"id": "region", "root": "total", "label": {"en": "by region", "ko": "지역별"}},
        {"id": "channel", "root": "total", "special": True,
         "label": {"en": "by channel", "ko": "경로별"}},
    ],
    "sections": [{"kind": "lead"}, {"kind": "breakdown", "dimension": "category", "metrics": ["balance"]},
                 {"kind": "breakdown", "dimension": "region", "metrics": ["balance"]}],
    "style": {"money": {"en": "words", "ko": "compact"}},
    "thresholds": {
        "long_run_min_years": 5,
        "multiple_min": 2,
        "since_min_periods": 2,
        "main_contributor_share": 0.667,
        "driver_min_share": 0.5,
        "share_min_percent": 5,
    },
    "disabled_rules": [],
}


def _merge(base: dict, overrides: dict) -> dict:
    """Deep-merge ``overrides`` into a copy of ``base``; a value of None deletes the key."""
    result = copy.deepcopy(base)
    for key, value in overrides.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def config_dict(config_overrides: dict | None = None) -> dict:
    """The minimal valid release definition, with ``config_overrides`` deep-merged in."""
    return _merge(BASE_CONFIG, config_overrides or {})


def config_text(config_overrides: dict | None = None) -> str:
    """The release definition as YAML text (keys in schema order)."""
    return yaml.safe_dump(config_dict(config_overrides), sort_keys=False, allow_unicode=True)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return f'"{text}"' if "," in text else text


def figures_text(rows: Iterable[Sequence[Any]]) -> str:
    """CSV text for figure rows: ``(period, item, balance)`` or ``(period, item, exports, imports, balance)``.

    ``None`` writes an empty cell (not published).
    """
    lines = ["period,item,exports,imports,balance"]
    for row in rows:
        if len(row) == 3:
            period, item, balance = row
            exports = imports = None
        elif len(row) == 5:
            period, item, exports, imports, balance = row
        else:
            raise ValueError(f"a figure row has 3 or 5 values, got {row!r}")
        lines.append(",".join(_cell(v) for v in (period, item, exports, imports, balance)))
    return "\n".join(lines) + "\n"


def items_text(rows: Iterable[Sequence[str]] = DEFAULT_ITEMS) -> str:
    lines = ["item,dimension,parent,name_en,name_ko"]
    lines += [",".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def make_project(
    tmp_path: Path,
    figures_rows: Iterable[Sequence[Any]],
    items_rows: Iterable[Sequence[str]] | None = None,
    config_overrides: dict | None = None,
    *,
    name: str = "proj",
) -> Path:
    """Write a minimal release project under ``tmp_path / name`` and return its root."""
    root = tmp_path / name
    (root / "config").mkdir(parents=True)
    (root / "data" / "test" / "annotations").mkdir(parents=True)
    (root / CONFIG).write_text(config_text(config_overrides), encoding="utf-8")
    (root / ITEMS).write_text(items_text(DEFAULT_ITEMS if items_rows is None else items_rows), encoding="utf-8")
    (root / FIGURES).write_text(figures_text(figures_rows), encoding="utf-8")
    return root


def write_annotations(root: Path, period: str, text: str) -> Path:
    path = root / ANNOTATIONS / f"{period}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def facts_for(root: Path, period: str):
    """The FactSet the project derives for ``period`` (annotations included when present)."""
    project = open_project(root)
    return project.facts(Period.parse(period))


def by_rule(facts, rule: str) -> list[dict]:
    """The JSON forms of the facts one rule produced."""
    return [f.to_dict() for f in facts if f.rule == rule]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``pressgen ARGS`` in-process; return (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and mtime, to prove a command wrote nothing."""
    result = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            stat = path.stat()
            result[path.relative_to(root).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return result


def validate_fails(capsys, root: Path) -> tuple[str, str]:
    """Run ``pressgen validate`` expecting exit 2; return (first line of stderr, whole stderr)."""
    before = snapshot(root)
    code, out, err = run_cli(capsys, "validate", "--project", root)
    assert code == 2
    assert out == ""
    assert err.startswith("Error: ")
    assert err.count("Error:") == 1
    assert "Traceback" not in err
    lines = err.rstrip("\n").split("\n")
    assert len(lines) <= 2 and all(line.startswith("  hint: ") for line in lines[1:]), err
    assert snapshot(root) == before, "a failing validate must write nothing"
    return lines[0], err
