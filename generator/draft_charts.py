"""The charts a release declares, for one period: points from the data, files, and image lines.

Values come from the same dataset the facts are derived from (as known on the release
date, so a revised figure is charted as the draft states it), scaled to the unit the
chart's axis names; nothing is computed but that scaling. The period's own record and
streak facts annotate the current point. ``generator.charts`` (and matplotlib) is
imported only when a release declares charts.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .config import ChartRule
    from .facts import FactSet
    from .periods import Period
    from .project import Project

# Axis unit per metric unit and language, and the divisor from the data's unit to it.
# Money is charted in the unit the drafts read amounts in: billions (en), 억 (ko, 100 million).
_AXIS = {
    "usd_million": {"en": ("billion dollars", Decimal(1000)), "ko": ("억달러", Decimal(100))},
    "percent": {"en": ("%", Decimal(1)), "ko": ("%", Decimal(1))},
    "pp": {"en": ("percentage points", Decimal(1)), "ko": ("%p", Decimal(1))},
    "index": {"en": ("index", Decimal(1)), "ko": ("지수", Decimal(1))},
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FLOW_KINDS = ("flow",)  # drawn as columns; levels, rates and balances as a line


def chart_file(rule_id: str, lang: str, fmt: str) -> str:
    return f"chart-{rule_id}.{lang}.{fmt}"


def axis(unit: str, lang: str) -> tuple[str, Decimal]:
    per_lang = _AXIS.get(unit)
    if per_lang is None:
        return unit, Decimal(1)
    return per_lang.get(lang, per_lang["en"])


def period_label(period: "Period", lang: str) -> str:
    """A short x label: "Nov 25" / "25.11" for months, "H1 2025" / "25년 상반기" for halves, the year alone for years."""
    year, n = str(period.year), period.n
    if period.kind == "M":
        return f"{_MONTHS_EN[n - 1]} {year[2:]}" if lang == "en" else f"{year[2:]}.{n:02d}"
    if period.kind == "H":
        # "25 상" read as a number and a syllable; a half needs its year and its name.
        return f"H{n} {year}" if lang == "en" else f"{year[2:]}년 {'상' if n == 1 else '하'}반기"
    if period.kind == "Q":
        return f"Q{n} {year[2:]}" if lang == "en" else f"{year[2:]} {n}분기"
    return year


def _note(facts: "FactSet", item: str, metric: str, lang: str) -> str | None:
    """A record or a streak of the charted item and metric this period, as a short note."""
    for fact in facts.find("record", item=item, metric=metric):
        if fact.get("scope") == "all" and fact.get("since") is None:
            return ("record high" if fact.get("extreme") == "highest" else "record low") if lang == "en" else \
                ("역대 최대" if fact.get("extreme") == "highest" else "역대 최저")
    for fact in facts.find("streak", item=item, metric=metric):
        if fact.get("ended") or fact.get("open"):
            continue
        # "6 in a row" alone does not say of what: name the periods it counts.
        length = fact.get("length")
        en, ko = _STEP_NAMES.get(period_kind(fact), ("periods", "기"))
        return f"{length} {en} in a row" if lang == "en" else f"{length}{ko} 연속"
    return None


_STEP_NAMES = {"M": ("months", "개월"), "H": ("halves", "개 반기"), "Q": ("quarters", "개 분기"), "Y": ("years", "년")}


def period_kind(fact) -> str:
    from .periods import Period

    try:
        return Period.parse(str(fact.get("end") or fact.period)).kind
    except Exception:  # a fact without a parsable period: the generic wording
        return ""


def chart_points(project: "Project", rule: "ChartRule", period: "Period", facts: "FactSet", lang: str):
    """``(ChartSpec, points, style)`` of one chart in one language."""
    from .charts import ChartSpec, Point

    config = project.config
    metric = config.metrics[rule.metric]
    unit, divisor = axis(metric.unit, lang)
    release_date = getattr(project.annotations(period), "release_date", None)
    data = project.dataset.as_of(release_date)
    spec = ChartSpec(rule.id, rule.kind, dict(rule.title), {"en": axis(metric.unit, "en")[0], "ko": axis(metric.unit, "ko")[0]})
    points = []
    if rule.kind == "series":
        item = rule.item or config.total
        periods = [period]
        while len(periods) < rule.periods:
            periods.append(periods[-1].previous())
        for slot, p in enumerate(reversed(periods)):
            value = data.value(item, p, rule.metric)
            if value is None:  # before the series starts, or not published: left out, never drawn as zero
                continue
            current = p == period
            points.append(Point(period_label(p, lang), value / divisor, highlight=current,
                                note=_note(facts, item, rule.metric, lang) if current else None,
                                position=slot))
        # Slots count from the first period drawn, so a series starting late is not squeezed right.
        first = points[0].position if points else 0
        points = [replace(pt, position=pt.position - first) for pt in points]
        style = "columns" if metric.kind in _FLOW_KINDS else "line"
    else:
        items = [i for i in project.dataset.items.values() if i.dimension == rule.dimension]
        valued = [(data.value(i.code, period, rule.metric), i) for i in items]
        valued = [(v, i) for v, i in valued if v is not None]
        if metric.percent_of and len(valued) > rule.limit:
            # Growth rates ranked by themselves would keep only the risers: chart the largest
            # items (by the level the percent is of, as the release's breakdowns rank them),
            # falls included.
            size = {i.code: data.value(i.code, period, metric.percent_of) for _, i in valued}
            by_size = sorted(valued, key=lambda pair: -(size[pair[1].code] if size[pair[1].code] is not None else Decimal("-Infinity")))
            keep = {i.code for _, i in by_size[: rule.limit]}
            valued = [(v, i) for v, i in valued if i.code in keep]
        # Largest first, ties in item-table order (sorted is stable), so the order never depends on hashing.
        valued.sort(key=lambda pair: -pair[0])
        for value, item in valued[: rule.limit]:
            points.append(Point(item.short(lang), value / divisor))
        style = None
    return spec, points, style


def draft_charts(project: "Project", period: "Period", facts: "FactSet", languages) -> dict[str, dict]:
    """Each declared chart's files by language: ``{chart id: {lang: {"svg": bytes, "png": bytes}}}``.

    A chart with no data for the period (a breakdown the period lacks) is left out.
    """
    rules = project.config.charts
    if not rules:
        return {}
    from .charts import cache, require_charts

    require_charts(project.config.display(project.config.path))
    out: dict[str, dict] = {}
    for rule in rules:
        for lang in languages:
            spec, points, style = chart_points(project, rule, period, facts, lang)
            if len(points) < (2 if rule.kind == "series" else 1):
                break
            digest = cache.key(spec, points, lang, style)
            files = cache.load(digest)
            if files is None:
                from .charts import render_chart  # matplotlib is imported only when a chart is drawn

                files = render_chart(spec, points, lang, style=style)
                cache.store(digest, files)
            out.setdefault(rule.id, {})[lang] = files
    return out


def _belongs(rule: "ChartRule", fact, items, metrics) -> bool:
    # A published percent (config ``percent_of``: the metric's name) is stated in the sentences
    # of the change of the metric it is the percent of, on that basis: those facts carry the
    # other metric's id, so matching the chart's own metric alone never finds its section.
    metric = metrics.get(rule.metric)
    of_metric = getattr(metric, "percent_of", None)
    if fact.get("metric") != rule.metric:
        if of_metric is None or fact.get("metric") != of_metric:
            return False
        basis = getattr(metric, "percent_basis", None)
        if fact.kind == "change" and basis is not None and fact.get("basis") != basis:
            return False
    if rule.kind == "series":
        return fact.item == (rule.item or "")
    item = items.get(fact.item)
    return item is not None and item.dimension == rule.dimension


def with_chart_lines(body: str, project: "Project", story, charts: dict, lang: str) -> str:
    """``body`` with an image line per chart, after the paragraph of the last sentence about what it shows.

    A series belongs with the first sentence stating its item's metric (the lead), a breakdown
    after the last sentence about its dimension's items (the end of that section); a chart
    no sentence speaks of goes at the end. The alt text is the chart's title: no figures,
    so ``check`` has nothing in it to misread.
    """
    from .review_page import _is_heading_kind, sentence_positions

    config = project.config
    items = project.dataset.items
    sentences = story.sentences()
    positions = sentence_positions(body, sentences, lang)
    lines = body.split("\n")
    inserts: dict[int, list[str]] = {}
    for rule in config.charts:
        if lang not in charts.get(rule.id, {}):
            continue
        target = None
        probe = rule if rule.item else _with_total(rule, config.total)
        for sentence, position in zip(sentences, positions):
            if position is None or _is_heading_kind(sentence.kind) or lines[position[0] - 1].startswith("#"):
                continue
            if any(_belongs(probe, f, items, config.metrics) for f in sentence.facts):
                target = position[0]
                if rule.kind == "series":
                    break
        end = len(lines)
        if target is not None:
            end = target
            while end < len(lines) and lines[end].strip():
                end += 1
        title = rule.title.get(lang, rule.title.get("en", rule.id))
        alt = f"Chart: {title}" if lang == "en" else f"차트: {title}"
        inserts.setdefault(end, []).append(f"![{alt}]({chart_file(rule.id, lang, 'svg')})")
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        if index + 1 in inserts:
            for image in inserts[index + 1]:
                out += ["", image]
    text = "\n".join(out)
    return text if text.endswith("\n") else text + "\n"


def _with_total(rule: "ChartRule", total: str) -> "ChartRule":
    from dataclasses import replace

    return replace(rule, item=total) if rule.kind == "series" else rule
