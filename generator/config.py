"""Release definitions: read ``config/<release>.yaml``, validate every key, return frozen records.

A release type is data: its metrics (each with a kind, a unit and a precision), its
dimensions, its sections (generic kinds with parameters), its headline policy, streak
thresholds and house style all live in the release definition. Nothing here knows a
release by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import ConfigError, UsageError
from .configkeys import allow_outside, check_release_id
from .paths import ALLOW_OUTSIDE_KEY, project_path, resolve_inside
from .periods import FREQUENCIES, Period
from .yamlload import YamlMap, check_keys, describe, get_str, load_yaml, require_list, require_map, suggest, where

LANGUAGES = ("en", "ko")
MONEY_STYLES = {"en": ("words", "symbol"), "ko": ("compact", "spaced", "decimal")}
METRIC_KINDS = ("flow", "balance", "level", "index", "rate", "contribution")
# Units an amount can be written in; money units are formatted by the money styles.
UNITS = ("usd_million", "percent", "pp", "index", "thousand_persons", "persons")
BASES = ("previous_period", "year_ago")
STREAK_CONDITIONS = ("surplus", "deficit", "increased", "decreased", "above", "below", "band")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")

# Section kinds and the parameters each takes: (required, optional).
SECTION_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # A lead's ``items`` are further totals stated after its metrics (average daily exports).
    "lead": ((), ("item", "metrics", "bases", "heading", "items")),
    # ``depth``: how many levels under the root a breakdown draws on (1: the root's children).
    "breakdown": (("dimension",), ("metrics", "bases", "limit", "order", "heading", "label", "depth")),
    "contributors": ((), ("metric",)),
    "cumulative": ((), ("item", "metrics", "heading")),
    "remarks": ((), ()),
    "special": ((), ()),
}

# Thresholds with their defaults; a release file may set any of them.
DEFAULT_THRESHOLDS: dict[str, Decimal] = {
    "long_run_min_years": Decimal(5),
    "multiple_min": Decimal(2),
    "since_min_periods": Decimal(2),
    "main_contributor_share": Decimal("0.667"),
    # Main contributors by each item's own share of its side instead (0: off), and at most
    # this many per side (0: no cap); see docs/adding-a-release.md.
    "main_contributor_min_share": Decimal(0),
    "main_contributor_max": Decimal(0),
    "driver_min_share": Decimal("0.5"),
    "share_min_percent": Decimal(5),
    "list_min_share": Decimal(10),
    # A streak is news from this many periods on ("the third straight month").
    "streak_min_periods": Decimal(3),
}


@dataclass(frozen=True)
class Metric:
    """One column of the figures: what it measures, how it moves and how it is printed.

    ``percent_of``/``percent_basis`` mark the publisher's own percent change of another
    metric (exports_yoy_pct is the change of exports against a year earlier);
    ``cumulative_of`` a published year-to-date total; ``share_of`` a published share of
    the total item's metric; ``identity`` a sum such as ``exports - imports``.
    """

    id: str
    kind: str
    unit: str
    precision: Decimal
    name: dict[str, str]
    identity: tuple[tuple[int, str], ...] = ()
    percent_of: str | None = None
    percent_basis: str | None = None
    cumulative_of: str | None = None
    share_of: str | None = None
    line: int = 0

    @property
    def additive(self) -> bool:
        """Whether children's values add up to a parent's (a breakdown of a flow or a balance)."""
        return self.kind in ("flow", "balance", "level") and self.percent_of is None and self.share_of is None

    @property
    def derived(self) -> bool:
        """A metric that restates another (a published percent, share or year-to-date total)."""
        return bool(self.percent_of or self.share_of or self.cumulative_of)


@dataclass(frozen=True)
class Dimension:
    """A breakdown of the figures (category, product, region, or a special classification)."""

    id: str
    root: str
    label: dict[str, str]
    contributor_label: dict[str, str]
    special: bool = False
    # True when the members add up to the root: "the only region in surplus" is then sayable.
    exhaustive: bool = False


@dataclass(frozen=True)
class Section:
    """One section of a release: a generic kind and its parameters."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int = 0

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    @property
    def id(self) -> str:
        return self.params.get("dimension") or self.kind


@dataclass(frozen=True)
class Headline:
    """What may lead the release: an item's metric and the basis its change is measured on."""

    item: str
    metric: str
    basis: str
    # Further (item, metric, basis) leads for subheadlines, in order.
    subheadlines: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class StreakRule:
    """A threshold streak the release reports ("below 2% for the third month")."""

    metric: str
    condition: str
    threshold: tuple[Decimal, ...]
    item: str | None = None


@dataclass(frozen=True)
class ChartRule:
    """A chart a release declares: a series over time or a breakdown as bars."""

    id: str
    kind: str
    metric: str
    title: dict[str, str]
    item: str | None = None
    dimension: str | None = None
    periods: int = 13
    # Bars: how many items, largest first.
    limit: int = 8


@dataclass(frozen=True)
class ReleaseConfig:
    """One release type, fully validated; paths are absolute."""

    id: str
    path: Path
    project: Path
    name: dict[str, str]
    publisher: dict[str, str]
    subject: dict[str, str]
    frequency: str
    figures: Path
    items: Path
    annotations: Path
    templates: Path
    languages: tuple[str, ...]
    series_start: Period
    metrics: dict[str, Metric]
    total: str
    dimensions: tuple[Dimension, ...]
    sections: tuple[Section, ...]
    money_style: dict[str, str]
    thresholds: dict[str, Decimal]
    disabled_rules: frozenset[str]
    headline: Headline | None = None
    revisions: Path | None = None
    # Which bases of revisions count (the publisher's own revisions, not another agency's figures); None: all.
    revision_bases: frozenset[str] | None = None
    streaks: tuple[StreakRule, ...] = ()
    charts: tuple[ChartRule, ...] = ()
    aliases: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Levels of the data-agreement rules of `check`, where the release changes the default.
    check_levels: dict[str, str] = field(default_factory=dict)
    # Wording rules this release switches off, re-levels, or adds (files per language).
    wording_disabled: frozenset[str] = frozenset()
    wording_levels: dict[str, str] = field(default_factory=dict)
    wording_files: dict[str, tuple[Path, ...]] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        """A path as shown in messages and written into output: relative to the project root (``..`` outside it)."""
        return project_path(self.project, path)

    def dimension(self, dim_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dim_id), None)

    def metric(self, metric_id: str) -> Metric:
        return self.metrics[metric_id]

    @property
    def frequency_kind(self) -> str:
        """The period kind of the release's own periods (M, Q, H or Y)."""
        return FREQUENCIES[self.frequency]

    def series_start_for(self, kind: str) -> Period:
        """The first period of ``kind`` in the official series (the start of the year of ``series_start``)."""
        start = self.series_start
        if start.kind == kind:
            return start
        month = start.start_month
        index = (month - 1) // (12 // {"Y": 1, "H": 2, "Q": 4, "M": 12}[kind])
        return Period(start.year, kind, index + 1)


def _bilingual(node: YamlMap, key: str, what: str, *, required: bool = True) -> dict[str, str]:
    if key not in node:
        if required:
            raise ConfigError(f"{what} is missing the required key '{key}'", key=key, **where(node))
        return {}
    value = require_map(node[key], f"'{key}' in {what}", parent=node, key=key)
    check_keys(value, f"'{key}' in {what}", required=LANGUAGES)
    return {lang: get_str(value, lang, f"'{key}' in {what}") for lang in LANGUAGES}


def _path(node: YamlMap, key: str, base: Path, what: str, project: Path, doc: YamlMap) -> Path:
    # Inside the project unless the definition opts out (generator/paths.py says why).
    return resolve_inside(base, get_str(node, key, what), project, allow_outside=allow_outside(doc),
                          key=key if node is doc else f"data.{key}", location=where(node, key))


def _decimal(value: Any, what: str, node: Any, key: Any, *, positive: bool = False) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        kind = "a positive number" if positive else "a number"
        raise ConfigError(f"{what} must be {kind} such as 10 or 0.1, got {describe(value)}", **where(node, key))
    number = Decimal(str(value))
    if positive and number <= 0:
        raise ConfigError(f"{what} must be a positive number, got {describe(value)}", **where(node, key))
    return number


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


_IDENTITY = re.compile(r"^\s*([a-z][a-z0-9_]*)(\s*[-+]\s*[a-z][a-z0-9_]*)+\s*$")


def _metrics(node: Any, parent: YamlMap) -> dict[str, Metric]:
    node = require_map(node, "'metrics'", parent=parent, key="metrics")
    if not node:
        raise ConfigError("'metrics' is empty; declare at least one metric (a column of the figures)", **where(parent, "metrics"))
    result: dict[str, Metric] = {}
    for metric_id, entry in node.items():
        what = f"metric '{metric_id}'"
        if not isinstance(metric_id, str) or not _ID.match(metric_id):
            raise ConfigError(f"metric id {describe(metric_id)} is not an identifier; use lower-case letters, digits and _",
                              **where(node, metric_id))
        entry = require_map(entry, what, parent=node, key=metric_id)
        check_keys(entry, what, required=("kind", "unit", "precision", "name"),
                   optional=("identity", "percent_of", "cumulative_of", "share_of"))
        kind = entry["kind"]
        if kind not in METRIC_KINDS:
            raise ConfigError(f"unknown kind {describe(kind)} of {what}; expected one of {', '.join(METRIC_KINDS)}{suggest(kind, METRIC_KINDS)}",
                              **where(entry, "kind"))
        unit = entry["unit"]
        if unit not in UNITS:
            raise ConfigError(f"unknown unit {describe(unit)} of {what}; expected one of {', '.join(UNITS)}{suggest(unit, UNITS)}",
                              **where(entry, "unit"))
        if entry["precision"] is None:
            raise ConfigError(f"{what} has no precision; give the unit it is published rounded to (e.g. 10, 0.1)",
                              **where(entry, "precision"))
        precision = _decimal(entry["precision"], f"'precision' of {what}", entry, "precision", positive=True)
        percent_of = basis = cumulative_of = share_of = None
        if "percent_of" in entry:
            spec = require_map(entry["percent_of"], f"'percent_of' of {what}", parent=entry, key="percent_of")
            check_keys(spec, f"'percent_of' of {what}", required=("metric", "basis"))
            percent_of = get_str(spec, "metric", f"'percent_of' of {what}")
            basis = spec["basis"]
            if basis not in BASES:
                raise ConfigError(f"unknown basis {describe(basis)} in 'percent_of' of {what}; expected one of {', '.join(BASES)}{suggest(basis, BASES)}",
                                  **where(spec, "basis"))
        if "cumulative_of" in entry:
            cumulative_of = get_str(entry, "cumulative_of", what)
        if "share_of" in entry:
            share_of = get_str(entry, "share_of", what)
        identity: tuple[tuple[int, str], ...] = ()
        if "identity" in entry:
            text = entry["identity"]
            if not isinstance(text, str) or not _IDENTITY.match(text):
                raise ConfigError(f"'identity' of {what} must be a sum such as 'exports - imports', got {describe(text)}",
                                  **where(entry, "identity"))
            tokens = re.findall(r"([-+]?)\s*([a-z][a-z0-9_]*)", text)
            identity = tuple((-1 if sign == "-" else 1, name) for sign, name in tokens)
        result[metric_id] = Metric(metric_id, kind, unit, precision, _bilingual(entry, "name", what), identity,
                                   percent_of, basis, cumulative_of, share_of, (entry.line or 0))
    for metric in result.values():
        entry = node[metric.id]
        for key, other in (("percent_of", metric.percent_of), ("cumulative_of", metric.cumulative_of), ("share_of", metric.share_of)):
            if other is not None and other not in result:
                # At the offending name: inside percent_of's mapping, its 'metric' key.
                location = where(entry[key], "metric") if key == "percent_of" else where(entry, key)
                raise ConfigError(f"'{key}' of metric '{metric.id}' names undeclared metric '{other}'{suggest(other, result)}",
                                  hint="declare every metric under 'metrics'", **location)
        for _, other in metric.identity:
            if other not in result:
                raise ConfigError(f"the identity of metric '{metric.id}' names undeclared metric '{other}'{suggest(other, result)}",
                                  hint="declare every metric under 'metrics'", **where(entry, "identity"))
            if other == metric.id:
                raise ConfigError(f"the identity of metric '{metric.id}' refers to itself", **where(entry, "identity"))
    return result


def _dimensions(node: Any, parent: YamlMap) -> tuple[Dimension, ...]:
    items = require_list(node, "'dimensions'", parent=parent, key="dimensions")
    seen: set[str] = set()
    result = []
    for index, entry in enumerate(items):
        what = f"dimension #{index + 1}"
        entry = require_map(entry, what, parent=items, key=index)
        check_keys(entry, what, required=("id", "root", "label"), optional=("special", "contributor_label", "exhaustive"))
        dim_id = get_str(entry, "id", what)
        if dim_id in seen:
            raise ConfigError(f"dimension '{dim_id}' is defined twice", key="id", **where(entry, "id"))
        seen.add(dim_id)
        flags = {}
        for flag in ("special", "exhaustive"):
            value = entry.get(flag, False)
            if not isinstance(value, bool):
                raise ConfigError(f"'{flag}' in dimension '{dim_id}' must be true or false, got {describe(value)}", **where(entry, flag))
            flags[flag] = value
        label = _bilingual(entry, "label", f"dimension '{dim_id}'")
        contributor = _bilingual(entry, "contributor_label", f"dimension '{dim_id}'", required=False) or label
        result.append(Dimension(dim_id, get_str(entry, "root", what), label, contributor, flags["special"], flags["exhaustive"]))
    return tuple(result)


def _metric_ref(value: Any, what: str, node: Any, key: Any, metrics: dict[str, Metric]) -> str:
    if value not in metrics:
        raise ConfigError(f"{what} names undeclared metric {describe(value)}; declared: {', '.join(metrics)}{suggest(value, metrics)}",
                          **where(node, key))
    return value


def _basis_ref(value: Any, what: str, node: Any, key: Any) -> str:
    if value not in BASES:
        raise ConfigError(f"{what} names unknown basis {describe(value)}; expected one of {', '.join(BASES)}{suggest(value, BASES)}",
                          **where(node, key))
    return value


def _sections(node: Any, parent: YamlMap, metrics: dict[str, Metric], dimensions: tuple[Dimension, ...]) -> tuple[Section, ...]:
    entries = require_list(node, "'sections'", parent=parent, key="sections")
    dims = [d.id for d in dimensions]
    result = []
    for index, entry in enumerate(entries):
        if isinstance(entry, str):
            if entry not in SECTION_KINDS:
                hint = (f"a dimension is broken down with {{kind: breakdown, dimension: {entry}}}" if entry in dims
                        else "run 'pressgen validate' after fixing; see docs/adding-a-release.md")
                raise ConfigError(f"unknown section kind '{entry}'; expected one of {', '.join(SECTION_KINDS)}{suggest(entry, SECTION_KINDS)}",
                                  hint=hint, **where(entries, index))
            entry_map: dict = {"kind": entry}
            line = where(entries, index).get("line") or 0
            spec_node: Any = entries
        else:
            spec_node = require_map(entry, f"section #{index + 1}", parent=entries, key=index)
            entry_map = dict(spec_node)
            line = spec_node.line or 0
        kind = entry_map.get("kind")
        what = f"section #{index + 1}"
        if kind not in SECTION_KINDS:
            raise ConfigError(f"unknown section kind {describe(kind)}; expected one of {', '.join(SECTION_KINDS)}{suggest(kind, SECTION_KINDS)}",
                              **(where(spec_node, "kind") if isinstance(spec_node, YamlMap) else where(entries, index)))
        required, optional = SECTION_KINDS[kind]
        if isinstance(spec_node, YamlMap):
            check_keys(spec_node, f"{what} ({kind})", required=("kind", *required), optional=optional)
        params = {k: v for k, v in entry_map.items() if k != "kind"}
        if "dimension" in params and params["dimension"] not in dims:
            raise ConfigError(f"{what} breaks down unknown dimension {describe(params['dimension'])}; defined: {', '.join(dims)}{suggest(params['dimension'], dims)}",
                              **where(spec_node, "dimension"))
        if "metrics" in params:
            listed = require_list(params["metrics"], f"'metrics' of {what}", parent=spec_node, key="metrics")
            params["metrics"] = tuple(_metric_ref(m, f"'metrics' of {what}", listed, i, metrics) for i, m in enumerate(listed))
        if "metric" in params:
            params["metric"] = _metric_ref(params["metric"], f"'metric' of {what}", spec_node, "metric", metrics)
        if "bases" in params:
            listed = require_list(params["bases"], f"'bases' of {what}", parent=spec_node, key="bases")
            params["bases"] = tuple(_basis_ref(b, f"'bases' of {what}", listed, i) for i, b in enumerate(listed))
        if "limit" in params and (isinstance(params["limit"], bool) or not isinstance(params["limit"], int) or params["limit"] < 1):
            raise ConfigError(f"'limit' of {what} must be a whole number of 1 or more, got {describe(params['limit'])}", **where(spec_node, "limit"))
        if "order" in params and params["order"] not in ("value", "change", "contribution"):
            raise ConfigError(f"'order' of {what} must be 'value', 'change' or 'contribution', got {describe(params['order'])}", **where(spec_node, "order"))
        if "depth" in params and (isinstance(params["depth"], bool) or not isinstance(params["depth"], int) or params["depth"] < 1):
            raise ConfigError(f"'depth' of {what} must be a whole number of 1 or more, got {describe(params['depth'])}", **where(spec_node, "depth"))
        if "items" in params:
            listed = require_list(params["items"], f"'items' of {what}", parent=spec_node, key="items")
            if not all(isinstance(code, str) and code for code in listed):
                raise ConfigError(f"'items' of {what} must be a list of item codes", **where(spec_node, "items"))
            params["items"] = tuple(listed)
        for key in ("heading", "label"):
            if key in params:
                params[key] = _bilingual(spec_node, key, what)
        result.append(Section(kind, params, line))
    return tuple(result)


def _headline(node: Any, parent: YamlMap, metrics: dict[str, Metric]) -> Headline | None:
    if node is None:
        return None
    node = require_map(node, "'headline'", parent=parent, key="headline")
    check_keys(node, "'headline'", required=("item", "metric", "basis"), optional=("subheadlines",))

    def lead(spec: YamlMap, what: str) -> tuple[str, str, str]:
        return (get_str(spec, "item", what), _metric_ref(spec["metric"], f"'metric' of {what}", spec, "metric", metrics),
                _basis_ref(spec["basis"], f"'basis' of {what}", spec, "basis"))

    item, metric, basis = lead(node, "'headline'")
    subs = []
    listed = require_list(node.get("subheadlines") or [], "'subheadlines' of 'headline'", parent=node, key="subheadlines")
    for index, spec in enumerate(listed):
        what = f"subheadline #{index + 1}"
        spec = require_map(spec, what, parent=listed, key=index)
        check_keys(spec, what, required=("item", "metric", "basis"))
        subs.append(lead(spec, what))
    return Headline(item, metric, basis, tuple(subs))


def _streaks(node: Any, parent: YamlMap, metrics: dict[str, Metric]) -> tuple[StreakRule, ...]:
    if node is None:
        return ()
    entries = require_list(node, "'streaks'", parent=parent, key="streaks")
    result = []
    for index, entry in enumerate(entries):
        what = f"streak #{index + 1}"
        entry = require_map(entry, what, parent=entries, key=index)
        check_keys(entry, what, required=("metric", "condition", "threshold"), optional=("item",))
        metric = _metric_ref(entry["metric"], f"'metric' of {what}", entry, "metric", metrics)
        condition = entry["condition"]
        if condition not in ("above", "below", "band"):
            raise ConfigError(f"'condition' of {what} must be above, below or band, got {describe(condition)}"
                              f"{suggest(condition, ('above', 'below', 'band'))}",
                              hint="surplus, deficit and rises or falls are found for every metric without a threshold",
                              **where(entry, "condition"))
        threshold = entry["threshold"]
        if condition == "band":
            if not isinstance(threshold, list) or len(threshold) != 2:
                raise ConfigError(f"'threshold' of {what} (a band) must be a list of two numbers such as [2.0, 2.9], got {describe(threshold)}",
                                  **where(entry, "threshold"))
            values = tuple(_decimal(v, f"'threshold' of {what}", entry, "threshold") for v in threshold)
            if values[0] > values[1]:
                raise ConfigError(f"'threshold' of {what}: the band's lower bound {values[0]} is above its upper bound {values[1]}",
                                  **where(entry, "threshold"))
        else:
            values = (_decimal(threshold, f"'threshold' of {what}", entry, "threshold"),)
        item = get_str(entry, "item", what) if "item" in entry else None
        result.append(StreakRule(metric, condition, values, item))
    return tuple(result)


def _charts(node: Any, parent: YamlMap, metrics: dict[str, Metric], dimensions: tuple[Dimension, ...]) -> tuple[ChartRule, ...]:
    if node is None:
        return ()
    entries = require_list(node, "'charts'", parent=parent, key="charts")
    result = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        what = f"chart #{index + 1}"
        entry = require_map(entry, what, parent=entries, key=index)
        check_keys(entry, what, required=("id", "kind", "metric", "title"), optional=("item", "dimension", "periods", "limit"))
        chart_id = get_str(entry, "id", what)
        if not re.match(r"^[a-z0-9][a-z0-9-]*$", chart_id):
            raise ConfigError(f"chart id '{chart_id}' must use lower-case letters, digits and '-'", **where(entry, "id"))
        if chart_id in seen:
            raise ConfigError(f"chart id '{chart_id}' is given twice; give each chart its own id",
                              **where(entry, "id"))
        seen.add(chart_id)
        kind = entry["kind"]
        if kind not in ("series", "bars"):
            raise ConfigError(f"'kind' of {what} must be series or bars, got {describe(kind)}{suggest(kind, ('series', 'bars'))}", **where(entry, "kind"))
        metric = _metric_ref(entry["metric"], f"'metric' of {what}", entry, "metric", metrics)
        dimension = entry.get("dimension")
        if kind == "bars" and dimension not in {d.id for d in dimensions}:
            raise ConfigError(f"{what} (bars) needs 'dimension', one of {', '.join(d.id for d in dimensions)}", **where(entry, "dimension" if "dimension" in entry else None))
        periods = entry.get("periods", 13)
        if isinstance(periods, bool) or not isinstance(periods, int) or not 2 <= periods <= 120:
            raise ConfigError(f"'periods' of {what} must be a whole number from 2 to 120, got {describe(periods)}", **where(entry, "periods"))
        limit = entry.get("limit", 8)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 30:
            raise ConfigError(f"'limit' of {what} must be a whole number from 1 to 30, got {describe(limit)}", **where(entry, "limit"))
        result.append(ChartRule(chart_id, kind, metric, _bilingual(entry, "title", what),
                                entry.get("item") if isinstance(entry.get("item"), str) else None, dimension, periods, limit))
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


def _wording(node: Any, parent: YamlMap, base: Path) -> tuple[frozenset[str], dict[str, str], dict[str, tuple[Path, ...]]]:
    if node is None:
        return frozenset(), {}, {}
    node = require_map(node, "'wording'", parent=parent, key="wording")
    check_keys(node, "'wording'", optional=("disable", "levels", "files"))
    disabled = require_list(node.get("disable") or [], "'wording.disable'", parent=node, key="disable")
    for index, rule in enumerate(disabled):
        if not isinstance(rule, str):
            raise ConfigError(f"'wording.disable' lists rule ids, got {describe(rule)}", **where(disabled, index))
    levels = require_map(node.get("levels") or YamlMap(), "'wording.levels'", parent=node, key="levels")
    for rule, level in levels.items():
        if level not in ("suggestion", "warning", "error"):
            raise ConfigError(f"level of '{rule}' must be suggestion, warning or error, got {describe(level)}", **where(levels, rule))
    files: dict[str, tuple[Path, ...]] = {}
    if "files" in node:
        per_lang = require_map(node["files"], "'wording.files'", parent=node, key="files")
        check_keys(per_lang, "'wording.files'", optional=LANGUAGES)
        for lang, paths in per_lang.items():
            paths = require_list(paths, f"'wording.files.{lang}'", parent=per_lang, key=lang)
            files[lang] = tuple((base / str(p)).resolve() for p in paths)
    return frozenset(disabled), dict(levels), files


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
        required=("id", "name", "publisher", "subject", "frequency", "data", "templates", "series_start", "metrics",
                  "total", "dimensions", "sections"),
        optional=("languages", "headline", "style", "thresholds", "disabled_rules", "aliases", "check", "streaks",
                  "charts", "wording", ALLOW_OUTSIDE_KEY),
    )
    check_release_id(doc, path)  # pressgen-inputs: the id is written into front matter unquoted
    base = path.parent
    what = "the release definition"
    release_id = get_str(doc, "id", what)
    data = require_map(doc["data"], "'data'", parent=doc, key="data")
    check_keys(data, "'data'", required=("figures", "items", "annotations"), optional=("revisions", "revision_bases"))
    revision_bases = None
    if "revision_bases" in data:
        listed = require_list(data["revision_bases"], "'data.revision_bases'", parent=data, key="revision_bases")
        for index, basis in enumerate(listed):
            if not isinstance(basis, str) or not basis.strip():
                raise ConfigError(f"'data.revision_bases' lists bases such as revised or confirmed, got {describe(basis)}",
                                  **where(listed, index))
        revision_bases = frozenset(listed)

    languages_node = require_list(doc["languages"], "'languages'", parent=doc, key="languages") if "languages" in doc else list(LANGUAGES)
    for index, lang in enumerate(languages_node):
        if lang not in LANGUAGES:
            raise ConfigError(f"unknown language '{lang}'; expected one of {', '.join(LANGUAGES)}{suggest(lang, LANGUAGES)}",
                              **(where(languages_node, index) or where(doc, "languages")))
    languages = tuple(languages_node)

    frequency = doc["frequency"]
    if frequency not in FREQUENCIES:
        raise ConfigError(f"unknown frequency {describe(frequency)}; expected one of {', '.join(FREQUENCIES)}{suggest(frequency, FREQUENCIES)}",
                          key="frequency", **where(doc, "frequency"))

    start = doc["series_start"]
    if isinstance(start, bool) or not isinstance(start, (int, str)):
        raise ConfigError(f"'series_start' must be a year (2010) or a period (1956-01), got {describe(start)}",
                          key="series_start", **where(doc, "series_start"))
    try:
        series_start = Period.parse(str(start))
    except ValueError as exc:
        raise ConfigError(f"'series_start': {exc}", key="series_start", **where(doc, "series_start")) from None

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

    metrics = _metrics(doc["metrics"], doc)
    dimensions = _dimensions(doc["dimensions"], doc)
    sections = _sections(doc["sections"], doc, metrics, dimensions)

    disabled = doc.get("disabled_rules") or []
    disabled = require_list(disabled, "'disabled_rules'", parent=doc, key="disabled_rules") if disabled else []
    if disabled:
        from .facts.rules import RULES  # here, not at the top: the rules import this module

        known = [r.code for r in RULES] + [r.name for r in RULES]
        for index, rule in enumerate(disabled):
            if rule not in known:
                raise ConfigError(f"unknown rule '{rule}' in 'disabled_rules'{suggest(rule, known)}",
                                  hint="run 'pressgen rules' for the list", **where(disabled, index))

    wording_disabled, wording_levels, wording_files = _wording(doc.get("wording"), doc, base)
    return ReleaseConfig(
        id=release_id,
        path=path.resolve(),
        project=project.resolve(),
        name=_bilingual(doc, "name", what),
        publisher=_bilingual(doc, "publisher", what),
        subject=_bilingual(doc, "subject", what),
        frequency=frequency,
        figures=_path(data, "figures", base, "'data'", project, doc),
        items=_path(data, "items", base, "'data'", project, doc),
        annotations=_path(data, "annotations", base, "'data'", project, doc),
        revisions=_path(data, "revisions", base, "'data'", project, doc) if "revisions" in data else None,
        revision_bases=revision_bases,
        templates=_path(doc, "templates", base, what, project, doc),
        languages=languages,
        series_start=series_start,
        metrics=metrics,
        total=get_str(doc, "total", what),
        dimensions=dimensions,
        sections=sections,
        headline=_headline(doc.get("headline"), doc, metrics),
        money_style=money,
        thresholds=_thresholds(doc.get("thresholds"), doc),
        disabled_rules=frozenset(str(r) for r in disabled),
        streaks=_streaks(doc.get("streaks"), doc, metrics),
        charts=_charts(doc.get("charts"), doc, metrics, dimensions),
        aliases=_aliases(doc.get("aliases"), doc),
        check_levels=_check_levels(doc.get("check"), doc),
        wording_disabled=wording_disabled,
        wording_levels=wording_levels,
        wording_files=wording_files,
    )


def _display(path: Path, project: Path) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return str(path)


def release_files(project: Path) -> list[Path]:
    """The release definitions of a project: ``config/*.yaml`` (wording rules live in ``config/wording/``)."""
    return sorted((project / "config").glob("*.yaml"))


def release_names(project: Path) -> list[str]:
    return [f.stem for f in release_files(project)]


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
