"""Editor annotations (``annotations/<period>.yaml``): causes, asserted facts and remarks, in both languages.

Everything here comes from editors with a source. The draft states causes and
remarks only from this file, and asserted facts enter the fact list marked
``asserted: true``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import annotation_names
from .config import LANGUAGES, ReleaseConfig
from .dataset import Dataset
from .errors import AnnotationError
from .facts.model import Fact
from .periods import Period
from .prose import check_prose, check_prose_map
from .yamlload import YamlMap, check_keys, describe, get_str, load_yaml, require_list, require_map, suggest, where

CAUSE_TARGETS = ("level", "change", "record")
ASSERTED_KINDS = ("record", "level", "change")
EXTREMES = ("largest_surplus", "largest_deficit", "highest", "lowest")
REMARK_SECTIONS = ("remarks", "special")


@dataclass(frozen=True)
class Cause:
    """Why an item moved, as an editor wrote it: a full sentence per language, and a headline phrase."""

    item: str
    applies_to: str
    text: dict[str, str]
    headline: dict[str, str] | None
    line: int


@dataclass(frozen=True)
class Remark:
    """An official's remark in indirect speech, attributed to a speaker."""

    speaker: dict[str, str]
    section: str
    text: dict[str, str]
    line: int


@dataclass(frozen=True)
class Annotations:
    """One period's annotations, validated against the dataset."""

    period: str
    path: str
    release_date: dt.date | None
    publication: dict[str, str] | None
    causes: tuple[Cause, ...]
    remarks: tuple[Remark, ...]
    asserted: tuple[Fact, ...]
    # The publisher's name for this period when it differs from the release definition's
    # (an agency renamed mid-series: Statistics Korea became the Ministry of Data and Statistics).
    publisher: dict[str, str] | None = None

    def asserted_facts(self) -> tuple[Fact, ...]:
        return self.asserted

    def causes_for(self, item: str, applies_to: str) -> list[Cause]:
        return [c for c in self.causes if c.item == item and c.applies_to == applies_to]


def annotation_path(config: ReleaseConfig, period: Period) -> Path:
    return config.annotations / f"{period}.yaml"


def load_annotations(config: ReleaseConfig, dataset: Dataset, period: Period) -> Annotations | None:
    """The period's annotations, or None when the file does not exist (annotations are optional)."""
    path = annotation_path(config, period)
    if not annotation_names.exists(path, config.display(path)):
        annotation_names.check_folder_for(config.annotations, str(period), [str(p) for p in dataset.periods], config.display)
        return None
    return read_annotations(path, config, dataset, period)


def _bilingual(node: YamlMap, key: str, what: str, *, required: bool = True) -> dict[str, str] | None:
    if key not in node:
        if required:
            raise AnnotationError(f"{what} is missing the required key '{key}'", key=key, **where(node))
        return None
    value = require_map(node[key], f"'{key}' of {what}", error=AnnotationError, parent=node, key=key)
    check_keys(value, f"'{key}' of {what}", required=LANGUAGES, error=AnnotationError)
    texts = {lang: get_str(value, lang, f"'{key}' of {what}", error=AnnotationError) for lang in LANGUAGES}
    check_prose_map(value, texts, f"'{key}' of {what}")  # printed verbatim: no comments or directives
    return texts


def _item(node: YamlMap, what: str, dataset: Dataset, period: Period) -> str:
    code = get_str(node, "item", what, error=AnnotationError)
    if code not in dataset.items:
        raise AnnotationError(f"unknown item '{code}' in {what}{suggest(code, dataset.items)}", key="item", **where(node, "item"))
    if not any(dataset.cell(code, period, m) for m in dataset.metrics):
        raise AnnotationError(
            f"{what} is about item '{code}', which has no figures for {period}",
            key="item", **where(node, "item"), hint="attach it to an item with figures for this period, or add the figures",
        )
    return code


def read_annotations(path: Path, config: ReleaseConfig, dataset: Dataset, period: Period) -> Annotations:
    """Read and validate an annotation file; raise ``AnnotationError`` located at the key."""
    shown = config.display(path)
    doc = load_yaml(path, error=AnnotationError, display=shown)
    if doc is None:
        doc = YamlMap()
        doc.path = shown
    doc = require_map(doc, f"annotations {shown}", error=AnnotationError)
    check_keys(doc, "the annotations", optional=("period", "release_date", "publication", "publisher", "causes", "remarks", "asserted"), error=AnnotationError)
    if period not in dataset.periods:
        raise AnnotationError(f"annotations for {period}, a period with no figures", path=shown, hint="rename the file after a period in the data")
    if "period" in doc and str(doc["period"]) != str(period):
        raise AnnotationError(f"'period' says {doc['period']} but the file is named for {period}", key="period", **where(doc, "period"))

    release_date = doc.get("release_date")
    if release_date is not None and not isinstance(release_date, dt.date):
        raise AnnotationError(f"'release_date' must be a date like 2025-09-17, got {describe(release_date)}", key="release_date", **where(doc, "release_date"))
    if isinstance(release_date, dt.datetime):
        release_date = release_date.date()

    causes = []
    for index, node in enumerate(require_list(doc.get("causes") or [], "'causes'", error=AnnotationError, parent=doc, key="causes")):
        what = f"cause #{index + 1}"
        node = require_map(node, what, error=AnnotationError)
        check_keys(node, what, required=("item", "text"), optional=("applies_to", "headline"), error=AnnotationError)
        applies = node.get("applies_to", "change")
        if applies not in CAUSE_TARGETS:
            raise AnnotationError(f"'applies_to' of {what} must be one of {', '.join(CAUSE_TARGETS)}{suggest(applies, CAUSE_TARGETS)}", **where(node, "applies_to"))
        causes.append(Cause(_item(node, what, dataset, period), applies, _bilingual(node, "text", what),
                            _bilingual(node, "headline", what, required=False), node.line or 0))

    remarks = []
    for index, node in enumerate(require_list(doc.get("remarks") or [], "'remarks'", error=AnnotationError, parent=doc, key="remarks")):
        what = f"remark #{index + 1}"
        node = require_map(node, what, error=AnnotationError)
        check_keys(node, what, required=("speaker", "text"), optional=("section",), error=AnnotationError)
        section = node.get("section", "remarks")
        if section not in REMARK_SECTIONS:
            raise AnnotationError(f"'section' of {what} must be one of {', '.join(REMARK_SECTIONS)}{suggest(section, REMARK_SECTIONS)}", **where(node, "section"))
        remarks.append(Remark(_bilingual(node, "speaker", what), section, _bilingual(node, "text", what), node.line or 0))

    asserted = []
    seen: set[str] = set()
    for index, node in enumerate(require_list(doc.get("asserted") or [], "'asserted'", error=AnnotationError, parent=doc, key="asserted")):
        what = f"asserted fact #{index + 1}"
        node = require_map(node, what, error=AnnotationError)
        check_keys(node, what, required=("id", "kind", "item", "metric", "source", "text"), optional=("extreme", "since", "value", "scope"), error=AnnotationError)
        fact_id = get_str(node, "id", what, error=AnnotationError)
        if fact_id in seen:
            raise AnnotationError(f"asserted fact id '{fact_id}' is used twice", key="id", **where(node, "id"))
        seen.add(fact_id)
        kind = node["kind"]
        if kind not in ASSERTED_KINDS:
            raise AnnotationError(f"'kind' of {what} must be one of {', '.join(ASSERTED_KINDS)}{suggest(kind, ASSERTED_KINDS)}", **where(node, "kind"))
        metric = node["metric"]
        if metric not in dataset.metrics:
            raise AnnotationError(f"'metric' of {what} must be one of {', '.join(dataset.metrics)}{suggest(metric, dataset.metrics)}", **where(node, "metric"))
        item = _item(node, what, dataset, period)
        data: dict = {"metric": metric}
        if kind == "record":
            extreme = node.get("extreme")
            if extreme not in EXTREMES:
                raise AnnotationError(f"a record needs 'extreme', one of {', '.join(EXTREMES)}{suggest(extreme, EXTREMES) if extreme else ''}", key="extreme", **where(node, "extreme" if "extreme" in node else None))
            since = node.get("since")
            if since is not None:
                try:
                    since = str(Period.parse(str(since)))
                except ValueError as exc:
                    raise AnnotationError(f"'since' of {what}: {exc}", **where(node, "since")) from None
            scope = node.get("scope", "all")
            if scope not in ("all", "same_period_of_year"):
                raise AnnotationError(f"'scope' of {what} must be all or same_period_of_year, got {describe(scope)}", **where(node, "scope"))
            data.update(extreme=extreme, scope=scope, since=since, period_kind=period.kind_name)
        data["text"] = _bilingual(node, "text", what)
        source = get_str(node, "source", what, error=AnnotationError)
        check_prose(source, f"'source' of {what}", key="source", **where(node, "source"))  # shown in review.md
        line = node.marks.get("id", (node.line, 0))[0]
        asserted.append(Fact(
            id=f"asserted:{fact_id}", kind=kind, rule="annotation", item=item, period=str(period),
            data=data, sources=({"annotation": shown, "line": line, "source": source},), asserted=True,
        ))

    publication = _bilingual(doc, "publication", "the annotations", required=False)
    publisher = _bilingual(doc, "publisher", "the annotations", required=False)
    return Annotations(str(period), shown, release_date, publication, tuple(causes), tuple(remarks), tuple(asserted), publisher)
