"""Release definitions: read ``config/<release>.yaml``, validate every key, return frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import ConfigError, UsageError
from .yamlload import YamlMap, check_keys, describe, get_str, load_yaml, require_list, require_map, suggest, where

LANGUAGES = ("en", "ko")
MONEY_STYLES = {"en": ("words", "symbol"), "ko": ("compact", "spaced", "decimal")}
SECTION_KINDS = ("lead", "category", "industry", "institution", "region", "contributors", "remarks", "special")

# Thresholds with their defaults; a release file may set any of them.
DEFAULT_THRESHOLDS: dict[str, Decimal] = {
    "long_run_min_years": Decimal(5),
    "multiple_min": Decimal(2),
    "since_min_periods": Decimal(2),
    "main_contributor_share": Decimal("0.667"),
    "driver_min_share": Decimal("0.5"),
    "share_min_percent": Decimal(5),
    "list_min_share": Decimal(10),
}


@dataclass(frozen=True)
class Dimension:
    """A breakdown of the figures (category, industry, region, or a special classification)."""

    id: str
    root: str
    label: dict[str, str]
    contributor_label: dict[str, str]
    special: bool = False


@dataclass(frozen=True)
class ReleaseConfig:
    """One release type, fully validated; paths are absolute."""

    id: str
    path: Path
    project: Path
    name: dict[str, str]
    publisher: dict[str, str]
    subject: dict[str, str]
    figures: Path
    items: Path
    annotations: Path
    templates: Path
    languages: tuple[str, ...]
    series_start: int
    unit: str
    precision: int
    total: str
    dimensions: tuple[Dimension, ...]
    sections: tuple[str, ...]
    money_style: dict[str, str]
    thresholds: dict[str, Decimal]
    disabled_rules: frozenset[str]
    aliases: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Levels of the data-agreement rules of `check`, where the release changes the default.
    check_levels: dict[str, str] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        """A path as shown in messages and written into output: relative to the project root (``..`` outside it)."""
        from .paths import project_path

        return project_path(self.project, path)

    def dimension(self, dim_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dim_id), None)


def _bilingual(node: YamlMap, key: str, what: str, *, required: bool = True) -> dict[str, str]:
    if key not in node:
        if required:
            raise ConfigError(f"{what} is missing the required key '{key}'", key=key, **where(node))
        return {}
    value = require_map(node[key], f"'{key}' in {what}", parent=node, key=key)
    check_keys(value, f"'{key}' in {what}", required=LANGUAGES)
    return {lang: get_str(value, lang, f"'{key}' in {what}") for lang in LANGUAGES}


def _path(node: YamlMap, key: str, base: Path, what: str) -> Path:
    return (base / get_str(node, key, what)).resolve()


def _thresholds(node: Any, parent: YamlMap) -> dict[str, Decimal]:
    result = dict(DEFAULT_THRESHOLDS)
    if node is None:
        return result
    node = require_map(node, "'thresholds'", parent=parent, key="thresholds")
    check_keys(node, "'thresholds'", optional=DEFAULT_THRESHOLDS)
    for key, value in node.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"threshold '{key}' must be a number of zero or more, got {describe(value)}", key=key, **where(node, key))
        try:
            result[key] = Decimal(str(value))
        except InvalidOperation:  # pragma: no cover - YAML numbers always convert
            raise ConfigError(f"threshold '{key}' is not a number", key=key, **where(node, key)) from None
    return result


def _dimensions(node: Any, parent: YamlMap) -> tuple[Dimension, ...]:
    items = require_list(node, "'dimensions'", parent=parent, key="dimensions")
    seen: set[str] = set()
    result = []
    for index, entry in enumerate(items):
        what = f"dimension #{index + 1}"
        entry = require_map(entry, what, parent=items, key=index)
        check_keys(entry, what, required=("id", "root", "label"), optional=("special", "contributor_label"))
        dim_id = get_str(entry, "id", what)
        if dim_id in seen:
            raise ConfigError(f"dimension '{dim_id}' is defined twice", key="id", **where(entry, "id"))
        seen.add(dim_id)
        special = entry.get("special", False)
        if not isinstance(special, bool):
            raise ConfigError(f"'special' in dimension '{dim_id}' must be true or false, got {describe(special)}", **where(entry, "special"))
        label = _bilingual(entry, "label", f"dimension '{dim_id}'")
        contributor = _bilingual(entry, "contributor_label", f"dimension '{dim_id}'", required=False) or label
        result.append(Dimension(dim_id, get_str(entry, "root", what), label, contributor, special))
    return tuple(result)


def _aliases(node: Any, parent: YamlMap) -> dict[str, dict[str, tuple[str, ...]]]:
    if node is None:
        return {}
    node = require_map(node, "'aliases'", parent=parent, key="aliases")
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for item, per_lang in node.items():
        per_lang = require_map(per_lang, f"aliases of '{item}'", parent=node, key=item)
        check_keys(per_lang, f"aliases of '{item}'", optional=LANGUAGES)
        result[str(item)] = {}
        for lang, names in per_lang.items():
            names = require_list(names, f"aliases of '{item}' in '{lang}'", parent=per_lang, key=lang)
            for i, name in enumerate(names):
                if not isinstance(name, str) or not name.strip():
                    raise ConfigError(f"alias #{i + 1} of '{item}' in '{lang}' must be a non-empty text, got {describe(name)}", **where(names, i))
            result[str(item)][lang] = tuple(names)
    return result


def _check_levels(node: Any, parent: YamlMap) -> dict[str, str]:
    if node is None:
        return {}
    from .check.lexicon import DATA_RULES  # here: keeps config free of the check package at import time

    node = require_map(node, "'check'", parent=parent, key="check")
    check_keys(node, "'check'", optional=("levels",))
    levels = require_map(node.get("levels") or YamlMap(), "'check.levels'", parent=node, key="levels")
    for rule, level in levels.items():
        if rule not in DATA_RULES:
            raise ConfigError(f"unknown data rule '{rule}' in 'check.levels'; expected one of {', '.join(DATA_RULES)}{suggest(rule, DATA_RULES)}",
                              **where(levels, rule))
        if level not in ("suggestion", "warning", "error"):
            raise ConfigError(f"level of '{rule}' must be suggestion, warning or error, got {describe(level)}", **where(levels, rule))
    return dict(levels)


def load_release(path: Path, project: Path) -> ReleaseConfig:
    """Read and validate one release definition.

    Raises ``ConfigError`` located at the offending key for unknown or missing keys,
    wrong types and out-of-range values.
    """
    shown = _display(path, project)
    doc = load_yaml(path, display=shown)
    doc = require_map(doc, f"release definition {shown}")
    check_keys(
        doc,
        "the release definition",
        required=("id", "name", "publisher", "subject", "data", "templates", "series_start", "precision", "total", "dimensions", "sections"),
        optional=("languages", "unit", "style", "thresholds", "disabled_rules", "aliases", "check"),
    )
    base = path.parent
    what = "the release definition"
    data = require_map(doc["data"], "'data'", parent=doc, key="data")
    check_keys(data, "'data'", required=("figures", "items", "annotations"))

    languages_node = require_list(doc["languages"], "'languages'", parent=doc, key="languages") if "languages" in doc else list(LANGUAGES)
    for index, lang in enumerate(languages_node):
        if lang not in LANGUAGES:
            raise ConfigError(f"unknown language '{lang}'; expected one of {', '.join(LANGUAGES)}{suggest(lang, LANGUAGES)}",
                              **(where(languages_node, index) or where(doc, "languages")))
    languages = tuple(languages_node)

    for key in ("series_start", "precision"):
        value = doc[key]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(f"'{key}' must be a positive whole number, got {describe(value)}", key=key, **where(doc, key))

    money = {"en": "words", "ko": "compact"}
    if "style" in doc:
        style = require_map(doc["style"], "'style'", parent=doc, key="style")
        check_keys(style, "'style'", optional=("money",))
        if "money" in style:
            node = require_map(style["money"], "'style.money'", parent=style, key="money")
            check_keys(node, "'style.money'", optional=LANGUAGES)
            for lang, value in node.items():
                if value not in MONEY_STYLES[lang]:
                    raise ConfigError(
                        f"unknown money style '{value}' for '{lang}'; expected one of {', '.join(MONEY_STYLES[lang])}{suggest(value, MONEY_STYLES[lang])}",
                        key=f"style.money.{lang}", **where(node, lang),
                    )
                money[lang] = value

    sections = require_list(doc["sections"], "'sections'", parent=doc, key="sections")
    for index, section in enumerate(sections):
        if section not in SECTION_KINDS:
            raise ConfigError(
                f"unknown section '{section}'; expected one of {', '.join(SECTION_KINDS)}{suggest(section, SECTION_KINDS)}",
                **where(sections, index),
            )

    disabled = doc.get("disabled_rules") or []
    disabled = require_list(disabled, "'disabled_rules'", parent=doc, key="disabled_rules") if disabled else []
    if disabled:
        from .facts.rules import RULES  # here, not at the top: the rules import this module

        known = [r.code for r in RULES] + [r.name for r in RULES]
        for index, rule in enumerate(disabled):
            if rule not in known:
                raise ConfigError(f"unknown rule '{rule}' in 'disabled_rules'{suggest(rule, known)}",
                                  hint="run 'pressgen rules' for the list", **where(disabled, index))

    check_levels = _check_levels(doc.get("check"), doc)

    return ReleaseConfig(
        check_levels=check_levels,
        id=get_str(doc, "id", what),
        path=path.resolve(),
        project=project.resolve(),
        name=_bilingual(doc, "name", what),
        publisher=_bilingual(doc, "publisher", what),
        subject=_bilingual(doc, "subject", what),
        figures=_path(data, "figures", base, "'data'"),
        items=_path(data, "items", base, "'data'"),
        annotations=_path(data, "annotations", base, "'data'"),
        templates=_path(doc, "templates", base, what),
        languages=languages,
        series_start=doc["series_start"],
        unit=str(doc.get("unit", "million_usd")),
        precision=doc["precision"],
        total=get_str(doc, "total", what),
        dimensions=_dimensions(doc["dimensions"], doc),
        sections=tuple(sections),
        money_style=money,
        thresholds=_thresholds(doc.get("thresholds"), doc),
        disabled_rules=frozenset(str(r) for r in disabled),
        aliases=_aliases(doc.get("aliases"), doc),
    )


def _display(path: Path, project: Path) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return str(path)


def release_files(project: Path) -> list[Path]:
    """The release definitions of a project: ``config/*.yaml`` (wording rules live in ``config/wording/``)."""
    return sorted((project / "config").glob("*.yaml"))


def find_release(project: Path, release: str | None = None) -> ReleaseConfig:
    """Load the project's release definition named ``release`` (or its only one).

    Raises ``UsageError`` when the project has none, or several and none was chosen.
    """
    files = release_files(project)
    if not files:
        raise UsageError(
            f"no release definition found in {project / 'config'}",
            hint="run pressgen inside a release project, or point --project at one (a folder with config/<release>.yaml)",
        )
    if release is None:
        if len(files) > 1:
            names = ", ".join(f.stem for f in files)
            raise UsageError(f"the project defines several releases ({names})", hint="choose one with --release NAME")
        return load_release(files[0], project)
    for file in files:
        if file.stem == release:
            return load_release(file, project)
    names = [f.stem for f in files]
    raise UsageError(f"unknown release '{release}'; the project defines {', '.join(names)}{suggest(release, names)}")
