"""Story planning: choose and order a period's facts into headline, lead and sections.

What leads is decided by the facts (a widened deficit, a record), and every sentence
carries the facts it states, so the review sheet can trace each one. Wording belongs
to the templates: a sentence here is a template macro name plus the facts it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .annotations import Annotations, Cause, Remark
from .config import Dimension, ReleaseConfig
from .errors import PlanError
from .facts.model import Fact, FactSet


@dataclass
class Sentence:
    """One sentence to render: the macro (``kind``), the facts it states and its arguments."""

    kind: str
    facts: tuple[Fact, ...] = ()
    args: dict[str, Any] = field(default_factory=dict)
    # Text supplied by an annotation (a cause or remark), not derived from the data.
    annotation: Cause | Remark | None = None
    variant: int = 0
    # The sentence as rendered, per language (set by render_story); ``text`` is the latest.
    texts: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def __getattr__(self, name: str) -> Any:
        args = self.__dict__.get("args", {})
        if name in args:
            return args[name]
        raise AttributeError(f"sentence '{self.__dict__.get('kind')}' has no argument '{name}'")


@dataclass
class Paragraph:
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    id: str
    heading: Sentence | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Story:
    """The planned release, before wording: headline, subheadlines, lead and sections."""

    release: str
    period: str
    headline: Sentence
    subheadlines: list[Sentence]
    lead: Paragraph
    sections: list[Section]
    annotations: Annotations | None

    def in_language(self, lang: str) -> "Story":
        """A view of the story with each sentence's ``text`` in ``lang`` (after rendering)."""
        def one(sentence: Sentence | None) -> Sentence | None:
            return None if sentence is None else replace(sentence, text=sentence.texts.get(lang, ""))

        def paragraph(p: Paragraph) -> Paragraph:
            return Paragraph([one(s) for s in p.sentences])

        sections = [Section(sec.id, one(sec.heading), [paragraph(p) for p in sec.paragraphs]) for sec in self.sections]
        return Story(self.release, self.period, one(self.headline), [one(s) for s in self.subheadlines],
                     paragraph(self.lead), sections, self.annotations)

    def sentences(self) -> list[Sentence]:
        """Every sentence in reading order."""
        found = [self.headline, *self.subheadlines, *self.lead.sentences]
        for section in self.sections:
            if section.heading:
                found.append(section.heading)
            for paragraph in section.paragraphs:
                found.extend(paragraph.sentences)
        return found


class _Index:
    """Lookups over a fact set by what the planner asks for, built once per story."""

    def __init__(self, facts: FactSet) -> None:
        self.facts = facts
        self._by: dict[tuple, list[Fact]] = {}
        self._records: dict[str, list[Fact]] = {}
        self._ranks: dict[tuple[str, str], Fact] = {}
        self._compositions: dict[tuple[str, str], Fact] = {}
        for fact in facts:
            key = (fact.kind, fact.item, fact.get("metric"), fact.get("basis"))
            self._by.setdefault(key, []).append(fact)
            if fact.kind == "record" and fact.get("metric") == "balance":
                self._records.setdefault(fact.item, []).append(fact)
            elif fact.kind == "rank":
                self._ranks.setdefault((fact.dimension, fact.extreme), fact)
            elif fact.kind == "composition":
                self._compositions.setdefault((fact.item, fact.dimension), fact)

    def one(self, kind: str, item: str, metric: str | None = "balance", basis: str | None = None) -> Fact | None:
        found = self._by.get((kind, item, metric, basis))
        return found[0] if found else None

    def records(self, item: str) -> list[Fact]:
        """Record facts of an item's balance: asserted ones first (they carry the publisher's wording)."""
        return sorted(self._records.get(item, []), key=lambda f: not f.asserted)[:1]

    def rank(self, dim: str, extreme: str) -> Fact | None:
        return self._ranks.get((dim, extreme))

    def composition(self, item: str, dim: str) -> Fact | None:
        return self._compositions.get((item, dim))


class _Planner:
    def __init__(self, config: ReleaseConfig, facts: FactSet, annotations: Annotations | None) -> None:
        self.config = config
        self.index = _Index(facts)
        self.annotations = annotations
        self.total = config.total
        self.used_causes: set[int] = set()
        self.list_min = config.thresholds["list_min_share"]
        self.streak_min = int(config.thresholds["streak_min_periods"])
        self.lead_metric: tuple[str, str] | None = None
        self.since_min = int(config.thresholds["since_min_periods"])

    # -- helpers ---------------------------------------------------------------------------
    def causes(self, item: str, applies_to: str) -> list[Cause]:
        if not self.annotations:
            return []
        return [c for c in self.annotations.causes_for(item, applies_to)]

    def cause_sentences(self, item: str, applies_to: str, *, first_only: bool = False, rest: bool = False) -> list[Sentence]:
        causes = self.causes(item, applies_to)
        if first_only:
            causes = causes[:1]
        elif rest:
            causes = causes[1:]
        result = []
        for cause in causes:
            if id(cause) in self.used_causes:
                continue
            self.used_causes.add(id(cause))
            result.append(Sentence("cause", (), {"cause": cause}, annotation=cause))
        return result

    def listed(self, rank: Fact) -> list[dict]:
        """Members of a rank worth naming in a paragraph (at least ``list_min_share`` of their side)."""
        members = [m for m in rank.members if m["share"] >= self.list_min]
        return members or rank.members[:1]

    def change_chain(self, item: str) -> list[Fact]:
        """Following driver-of-change facts down from ``item``: the children whose change led."""
        chain = []
        while (driver := self.index.one("driver", item, basis="previous_period")) is not None:
            child_change = self.index.one("change", driver.child, basis="previous_period")
            if child_change is None:
                break
            chain.append(child_change)
            item = driver.child
        return chain

    # -- the story -------------------------------------------------------------------------
    def headline(self) -> Sentence:
        level = self.index.one("level", self.total)
        change = self.index.one("change", self.total, basis="previous_period")
        if level is None:
            flows = [f for m in ("exports", "imports") if (f := self.index.one("level", self.total, m))]
            return Sentence("headline_flows", tuple(flows), {"flows": flows})
        facts = (level,) + ((change,) if change else ())
        return Sentence("headline", facts, {"level": level, "change": change})

    def subheadlines(self) -> list[Sentence]:
        result = []
        for cause in self.causes(self.total, "change")[:1]:
            if cause.headline:
                result.append(Sentence("cause_headline", (), {"cause": cause}, annotation=cause))
        for item in self.top_items():
            for record in self.index.records(item):
                result.append(Sentence("record_headline", (record,), {"record": record}))
        if self.annotations:
            for cause in self.annotations.causes:
                if cause.item != self.total and cause.headline:
                    result.append(Sentence("cause_headline", (), {"cause": cause}, annotation=cause))
        if not result:
            surplus = self.index.rank(self.first_dimension(), "surplus")
            deficit = self.index.rank(self.first_dimension(), "deficit")
            if surplus or deficit:
                facts = tuple(f for f in (surplus, deficit) if f)
                result.append(Sentence("leaders_headline", facts, {"surplus": surplus, "deficit": deficit}))
        return result

    def first_dimension(self) -> str:
        return next((d.id for d in self.config.dimensions if not d.special), "")

    def top_items(self) -> list[str]:
        """Items of the first dimension, biggest balance first: where records make headlines."""
        ranked = []
        for extreme in ("surplus", "deficit"):
            rank = self.index.rank(self.first_dimension(), extreme)
            if rank:
                ranked.extend(m["item"] for m in rank.members)
        return ranked

    def lead(self) -> Paragraph:
        para = Paragraph()
        level = self.index.one("level", self.total)
        if level is not None:
            para.sentences.append(Sentence("lead_level", (level,), {"level": level}))
        for basis in ("previous_period", "year_ago", "long_run"):
            change = self.index.one("change", self.total, basis=basis)
            if change is not None:
                para.sentences.append(Sentence("lead_change", (change,), {"change": change}))
                break
        para.sentences.extend(self.cause_sentences(self.total, "change", first_only=True))
        for item in self.top_items():
            for record in self.index.records(item):
                para.sentences.append(Sentence("record", (record,), {"record": record, "driver": None}))
                para.sentences.extend(self.cause_sentences(item, "record"))
        return para

    def overview(self) -> Section:
        section = Section("lead")
        change = self.index.one("change", self.total, basis="previous_period")
        if change is not None:
            # The cause's headline already leads the subheadlines; here the figures speak.
            section.heading = Sentence("change_heading", (change,), {"change": change})
        para = Paragraph()
        flows = {m: self.index.one("level", self.total, m) for m in ("exports", "imports", "balance")}
        present = tuple(f for f in flows.values() if f)
        if flows["exports"] or flows["imports"]:
            para.sentences.append(Sentence("overview_flows", present, {**flows, "annotations": self.annotations}))
        for basis in ("previous_period", "year_ago", "long_run"):
            balance = self.index.one("change", self.total, basis=basis)
            flows_changed = [f for m in ("exports", "imports") if (f := self.index.one("change", self.total, m, basis))]
            if balance is not None:
                para.sentences.append(Sentence("overview_change", (balance, *flows_changed), {"change": balance, "flows": flows_changed}))
            elif flows_changed:
                para.sentences.append(Sentence("flows_change", tuple(flows_changed), {"changes": flows_changed}))
        para.sentences.extend(self.cause_sentences(self.total, "change", rest=True))
        section.paragraphs.append(para)
        if len(para.sentences) < 2 and section.heading and section.heading.annotation is None:
            section.heading = None  # a heading over one sentence only repeats it
        return section

    def dimension(self, dim: Dimension) -> Section | None:
        section = Section(dim.id)
        surplus, deficit = self.index.rank(dim.id, "surplus"), self.index.rank(dim.id, "deficit")
        sides = [(r, self.side_details(r)) for r in (surplus, deficit) if r]
        composition = self.index.composition(dim.root, dim.id)
        if any(details for _, details in sides):
            for n, (rank, details) in enumerate(sides):
                para = Paragraph([Sentence("dim_side", (rank,), {"rank": rank, "listed": self.listed(rank), "dim": dim, "contrast": n > 0})])
                para.sentences.extend(details)
                section.paragraphs.append(para)
        elif sides:
            section.paragraphs.append(Paragraph([Sentence(
                "dim_both", tuple(r for r, _ in sides),
                {"surplus": surplus, "deficit": deficit, "dim": dim,
                 "surplus_listed": self.listed(surplus) if surplus else [], "deficit_listed": self.listed(deficit) if deficit else []},
            )]))
        if composition is not None:
            if not section.paragraphs:
                section.paragraphs.append(Paragraph())
            section.paragraphs[-1].sentences.append(Sentence("composition", (composition,), {"composition": composition, "dim": dim}))
        flows = self.dimension_flows(dim)
        if flows:
            section.paragraphs.append(Paragraph(flows))
        return section if section.paragraphs else None

    def side_details(self, rank: Fact) -> list[Sentence]:
        """Drivers, records, notable child changes and their causes for the items named on one side."""
        details: list[Sentence] = []
        unchanged: list[Sentence] = []
        chains = []
        for member in self.listed(rank):
            item = member["item"]
            driver = self.index.one("driver", item, basis="level")
            records = self.index.records(item)
            if records:
                details.append(Sentence("record", (records[0], *((driver,) if driver else ())), {"record": records[0], "driver": driver}))
                details.extend(self.cause_sentences(item, "record"))
            elif driver is not None:
                details.append(Sentence("driver_level", (driver,), {"driver": driver}))
            change = self.index.one("change", item, basis="previous_period")
            if change is not None and change.direction == "unchanged":
                unchanged.append(Sentence("unchanged", (change,), {"change": change}))
            chain = self.change_chain(item)
            if chain:
                chains.append(chain)
        # One child change per side: the one an editor explained, else the top item's deepest.
        explained = [c for chain in chains for c in chain if self.causes(c.item, "change")]
        chosen = explained or ([chains[0][-1]] if chains else [])
        for change in chosen:
            details.append(Sentence("child_change", (change,), {"change": change}))
            details.extend(self.cause_sentences(change.item, "change"))
        return details + unchanged

    def dimension_flows(self, dim: Dimension) -> list[Sentence]:
        """Exports and imports of a dimension's items, with their shares and long-run multiples."""
        sentences = []
        members = [f for item in self.dimension_items(dim) for m in ("exports", "imports")
                   if (f := self.index.one("level", item, m))]
        for n, fact in enumerate(members):
            share = self.index.one("share", fact.item, fact.metric)
            multiple = self.index.one("multiple", fact.item, fact.metric, "long_run")
            facts = tuple(f for f in (fact, share, multiple) if f)
            sentences.append(Sentence("item_flow", facts, {"level": fact, "share": share, "multiple": multiple,
                                                           "dim": dim, "first": n == 0, "n": n}))
        return sentences

    def dimension_items(self, dim: Dimension) -> list[str]:
        """The dimension's top-level items, in item-table order."""
        return [code for code, item in self.items.items() if item.dimension == dim.id and item.parent == dim.root]

    def contributors(self) -> Section | None:
        section = Section("contributors")
        for extreme in ("surplus", "deficit"):
            entries = []
            for dim in self.config.dimensions:
                rank = self.index.rank(dim.id, extreme) if not dim.special else None
                if rank is not None:
                    entries.append({"dim": dim, "rank": rank})
            if entries:
                facts = tuple(e["rank"] for e in entries)
                section.paragraphs.append(Paragraph([Sentence("contributors", facts, {"extreme": extreme, "entries": entries,
                                                                                     "contrast": bool(section.paragraphs)})]))
        if len(section.paragraphs) == 2:
            section.paragraphs[0].sentences.extend(section.paragraphs.pop().sentences)
        # A summary across dimensions only says something new when there are several.
        dims = {e["dim"].id for s in section.paragraphs for x in s.sentences for e in x.entries}
        return section if len(dims) > 1 else None

    def remarks(self, which: str) -> list[Sentence]:
        if not self.annotations:
            return []
        return [Sentence("remark", (), {"remark": r}, annotation=r) for r in self.annotations.remarks if r.section == which]

    def special(self) -> Section | None:
        section = Section("special")
        roots = []
        for dim in (d for d in self.config.dimensions if d.special):
            level = self.index.one("level", dim.root)
            flows = {m: self.index.one("level", dim.root, m) for m in ("exports", "imports", "balance")}
            present = tuple(f for f in flows.values() if f)
            if not present:
                continue
            para = Paragraph([Sentence("special_flows", present, {**flows, "dim": dim, "first": not roots})])
            if level is not None:
                roots.append(level)
            driver = self.index.one("driver", dim.root, basis="level")
            same = self.index.rank(dim.id, level.sign) if level is not None and level.sign != "balanced" else None
            if driver is not None:
                listed = [m for m in (same.members if same else []) if m["share"] >= self.list_min] or [{"item": driver.child, "value": driver.child_value}]
                para.sentences.append(Sentence("special_driver", (driver, *((same,) if same else ())), {"driver": driver, "listed": listed, "dim": dim}))
            # One comparison base per sentence: a year earlier if the data has it, else the previous period.
            changes = [f for m in ("exports", "imports", "balance") if (f := self.index.one("change", dim.root, m, "year_ago"))] \
                or [f for m in ("exports", "imports", "balance") if (f := self.index.one("change", dim.root, m, "previous_period"))]
            if changes:
                para.sentences.append(Sentence("special_change", tuple(changes), {"changes": changes, "dim": dim}))
            section.paragraphs.append(para)
        if not section.paragraphs:
            return None
        if len(roots) > 0:
            section.heading = Sentence("special_heading", tuple(roots), {"levels": roots})
        section.paragraphs[-1].sentences.extend(self.remarks("special"))
        return section


    # -- metric stories (any lead that is not a balance) -------------------------------
    def lead_of(self, item: str, metric: str, basis: str) -> dict:
        """What the data says of one item's metric: level, change on ``basis``, streaks, record.

        A published rate that is the percent change of another metric (inflation is the
        index on a year earlier) also brings that change (``underlying``).
        """
        info = self.config.metric(metric)
        level = self.index.one("level", item, metric)
        change = self.index.one("change", item, metric, basis)
        underlying = None
        if info.percent_of:
            underlying = self.index.one("change", item, info.percent_of, info.percent_basis)
        elif change is None and level is None:
            return {}
        # An open run ("at least N") is stated only when long enough to be news on its own.
        def stated(f) -> bool:
            return f.length >= (self.streak_min if not f.get("open") else 12)

        streaks = [f for f in self.index.facts.find("streak", item, metric=metric) if stated(f) and not f.get("threshold")]
        if info.percent_of:
            streaks += [f for f in self.index.facts.find("streak", item, metric=info.percent_of)
                        if stated(f) and f.get("basis") == info.percent_basis]
        bands = [f for f in self.index.facts.find("streak", item, metric=metric) if f.get("threshold") and f.length >= self.streak_min]
        records = [f for f in self.index.facts.find("record", item, metric=metric)
                   if not f.get("open") and (f.get("since") is None or f.get("periods_since", 0) >= self.since_min)]
        # The strongest claim first: asserted ("on record" from a source), then all-time, then the longest "since".
        records.sort(key=lambda f: (not f.asserted, f.get("since") is not None, -(f.get("periods_since") or 999)))
        streaks.sort(key=lambda f: (f.get("ended"), -f.length))
        return {"item": item, "metric": metric, "level": level, "change": change, "underlying": underlying,
                "streak": streaks[0] if streaks else None, "band": bands[0] if bands else None,
                "record": records[0] if records else None}

    def _sentence(self, kind: str, lead: dict, **extra) -> Sentence:
        facts = tuple(f for key in ("level", "change", "underlying", "streak", "band", "record") if (f := lead.get(key)))
        facts += tuple(f for f in extra.get("more", ()) if f)
        return Sentence(kind, facts, {**lead, **extra})

    def metric_top(self) -> tuple[Sentence, list[Sentence], Paragraph]:
        head = self.config.headline
        main = self.lead_of(head.item, head.metric, head.basis)
        subs = list(head.subheadlines)
        if not main.get("level") and not main.get("change"):
            # A period without the lead figure (an old month with only a balance) leads with what it has.
            fallbacks = subs + [(spec.get("item") or self.total, m, (spec.get("bases") or (head.basis,))[0])
                                for spec in self.config.sections if spec.kind == "lead" for m in spec.get("metrics") or ()]
            for item, metric, basis in fallbacks:
                other = self.lead_of(item, metric, basis)
                if other.get("level") or other.get("change"):
                    main, head = other, type(head)(item, metric, basis)
                    subs = [s for s in subs if s != (item, metric, basis)]
                    break
            else:
                raise PlanError(f"period {self.index.facts.period} has no figure to lead with: no {head.metric} of "
                                f"'{head.item}', nor any metric of the lead section",
                                hint="add the lead figure to the figures, or draft another period")
        headline = self._sentence("headline_metric", main)
        subheadlines = []
        for cause in self.causes(head.item, "change")[:1]:
            if cause.headline:
                subheadlines.append(Sentence("cause_headline", (), {"cause": cause}, annotation=cause))
        for item, metric, basis in subs:
            other = self.lead_of(item, metric, basis)
            if other.get("level") or other.get("change"):
                subheadlines.append(self._sentence("subheadline_metric", other))
        self.lead_metric = (head.item, head.metric)
        lead = Paragraph([self._sentence("lead_metric", main, annotations=self.annotations)])
        lead.sentences.extend(self.cause_sentences(head.item, "change", first_only=True))
        return headline, subheadlines, lead

    def metric_overview(self, spec) -> Section | None:
        section = Section("lead")
        head = self.config.headline
        item = spec.get("item") or self.total
        bases = spec.get("bases") or (head.basis,)
        para = Paragraph()
        for metric in spec.get("metrics") or ():
            if item == head.item and metric == head.metric:
                continue
            if self.lead_metric == (item, metric):
                continue
            lead = self.lead_of(item, metric, bases[0])
            if not lead or (lead.get("level") is None and lead.get("change") is None):
                continue
            others = [self.index.one("change", item, metric, b) for b in bases[1:]]
            para.sentences.append(self._sentence("lead_other", lead, others=[o for o in others if o], more=others))
        para.sentences.extend(self.cause_sentences(item, "change", rest=True))
        section.paragraphs.append(para)
        return section

    def members(self, dim: Dimension) -> list[str]:
        """Items of a dimension, parents before children, in item-table order (two levels deep)."""
        codes = []
        for code, item in self.items.items():
            if item.dimension != dim.id:
                continue
            depth, parent = 0, item.parent
            while parent and parent != dim.root and parent in self.items:
                depth += 1
                parent = self.items[parent].parent
            if depth <= 1:
                codes.append(code)
        return codes

    def metric_breakdown(self, spec, dim: Dimension) -> Section | None:
        """Members of a dimension on the section's metrics: the largest first, risers and fallers grouped."""
        metrics = spec.get("metrics") or ()
        if not metrics:
            return None
        metric, extra = metrics[0], metrics[1:]
        basis = (spec.get("bases") or (self.config.headline.basis if self.config.headline else "year_ago",))[0]
        info = self.config.metric(metric)
        entries = []
        for code in self.members(dim):
            lead = self.lead_of(code, metric, basis if not info.percent_of else "previous_period")
            if not lead or (lead.get("level") is None and lead.get("change") is None and lead.get("underlying") is None):
                continue
            more = [self.index.one("level", code, m) for m in extra]
            share = self.index.one("share", code, metric)
            lead["extra"] = [m for m in more if m]
            lead["share"] = share
            entries.append(lead)
        if not entries:
            return None
        if spec.get("order") == "value":
            entries.sort(key=lambda e: -(e["level"].value if e.get("level") else Decimal("-1e18")))
        entries = entries[: spec.get("limit", len(entries))]
        section = Section(dim.id)
        heading = spec.get("heading")
        if heading:
            section.heading = Sentence("section_heading", (), {"heading": heading})
        para = Paragraph()
        first, rest = entries[0], entries[1:]
        para.sentences.append(self._sentence("breakdown_first", first, dim=dim, more=[first.get("share"), *first["extra"]]))
        para.sentences.extend(self.cause_sentences(first["item"], "change"))

        def direction(entry) -> str:
            fact = entry.get("underlying") or entry.get("change")
            return fact.direction if fact is not None else "unknown"

        groups: dict[str, list[dict]] = {}
        for entry in rest:
            groups.setdefault(direction(entry), []).append(entry)
        order = [d for d in ("increased", "decreased", "unchanged", "unknown") if d in groups]
        for n, name in enumerate(order):
            group = groups[name]
            facts = tuple(f for e in group for key in ("level", "change", "underlying") if (f := e.get(key)))
            facts += tuple(f for e in group for f in e["extra"])
            para.sentences.append(Sentence("breakdown_group", facts, {"entries": group, "direction": name, "dim": dim,
                                                                      "metric": metric, "contrast": n > 0}))
            for entry in group:
                para.sentences.extend(self.cause_sentences(entry["item"], "change"))
        section.paragraphs.append(para)
        return section

    def cumulative(self, spec) -> Section | None:
        item = spec.get("item") or self.total
        wanted = spec.get("metrics") or ()
        found = [f for f in self.index.facts.find("cumulative", item) if not wanted or f.metric in wanted]
        found.sort(key=lambda f: list(wanted).index(f.metric) if f.metric in wanted else 99)
        if not found:
            return None
        return Section("cumulative", None, [Paragraph([Sentence("cumulative", tuple(found), {"facts": found})])])


def plan_story(config: ReleaseConfig, facts: FactSet, annotations: Annotations | None, items: dict) -> Story:
    """Choose and order the facts into a story following the release's section list.

    A release led by a balance (a trade balance of services, say) is planned as a balance
    story: sides, main contributors, composition. Any other lead (exports, an inflation
    rate, employment) is planned as a metric story: level, change, streak and record of
    the lead, then each section's members with their own changes.
    """
    planner = _Planner(config, facts, annotations)
    planner.items = items
    balance_led = config.headline is None or config.metric(config.headline.metric).kind == "balance"
    if balance_led:
        headline = planner.headline()
        subheadlines = planner.subheadlines()
        lead = planner.lead()
    else:
        headline, subheadlines, lead = planner.metric_top()
    sections: list[Section] = []
    for spec in config.sections:
        section: Section | None
        if spec.kind == "lead":
            section = planner.overview() if balance_led else planner.metric_overview(spec)
        elif spec.kind == "contributors":
            section = planner.contributors()
        elif spec.kind == "remarks":
            remarks = planner.remarks("remarks")
            section = Section("remarks", None, [Paragraph(remarks)]) if remarks else None
        elif spec.kind == "special":
            section = planner.special()
        elif spec.kind == "cumulative":
            section = planner.cumulative(spec)
        else:
            dim = config.dimension(spec.params["dimension"])
            metrics = spec.get("metrics") or ()
            if metrics and all(config.metric(m).kind == "balance" for m in metrics):
                section = planner.dimension(dim)
            else:
                section = planner.metric_breakdown(spec, dim)
        if section is not None and any(p.sentences for p in section.paragraphs):
            section.paragraphs = [p for p in section.paragraphs if p.sentences]
            sections.append(section)
    story = Story(config.id, facts.period, headline, subheadlines, lead, sections, annotations)
    for n, sentence in enumerate(story.sentences()):
        sentence.variant = n
    return story


__all__ = ["Sentence", "Paragraph", "Section", "Story", "plan_story"]
