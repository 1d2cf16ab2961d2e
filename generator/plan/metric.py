"""Metric stories (any lead that is not a balance: exports, an inflation rate, employment)."""

from __future__ import annotations

from decimal import Decimal

from ..config import Dimension
from ..errors import PlanError
from .base import Planner
from .story import Paragraph, Section, Sentence


class MetricPlanner(Planner):
    """Level, change, streak and record of the lead metric, then each section's members with their own changes."""

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
        # A derived record against the grain of the change it is stated with ("rose 50.4 percent …,
        # the lowest since April") reads as a claim about the rise: it is left out, not worded.
        moved = change.direction if change is not None else None
        against = {"increased": "lowest", "decreased": "highest"}.get(moved)
        records = [f for f in records if f.asserted or f.get("extreme") != against]
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
        # A rate that is an index's percent change leads with the index level itself
        # ("소비자물가지수는 117.20(2020=100)으로 전년 동월 대비 2.4% 상승했다"), as dailies
        # write it; the overview then does not state the level again.
        index_level = None
        u = main.get("underlying")
        if u is not None and self.config.metric(u.metric).kind == "index":
            index_level = self.index.one("level", head.item, u.metric)
        self.lead_levels = {(head.item, index_level.metric)} if index_level is not None else set()
        lead = Paragraph([self._sentence("lead_metric", main, annotations=self.annotations, index_level=index_level,
                                         more=(index_level,))])
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
            if self.lead_metric == (item, metric) or (item, metric) in getattr(self, "lead_levels", ()):
                continue
            lead = self.lead_of(item, metric, bases[0])
            if not lead or (lead.get("level") is None and lead.get("change") is None):
                continue
            others = [self.index.one("change", item, metric, b) for b in bases[1:]]
            para.sentences.append(self._sentence("lead_other", lead, others=[o for o in others if o], more=others))
        # Further totals the section names (average daily exports): the first lead metric they have.
        for extra in spec.get("items") or ():
            for metric in spec.get("metrics") or ():
                lead = self.lead_of(extra, metric, bases[0])
                if lead and (lead.get("level") is not None or lead.get("change") is not None):
                    para.sentences.append(self._sentence("lead_item", lead))
                    break
        para.sentences.extend(self.cause_sentences(item, "change", rest=True))
        section.paragraphs.append(para)
        return section

    def members(self, dim: Dimension, depth: int = 1) -> list[str]:
        """Items of a dimension, parents before children, in item-table order (``depth`` levels under the root's children)."""
        codes = []
        for code, item in self.items.items():
            if item.dimension != dim.id:
                continue
            if len(self.ancestors(code, dim.root)) <= depth:
                codes.append(code)
        return codes

    def ancestors(self, code: str, root: str) -> list[str]:
        """The item's parents up to (not including) the dimension's root."""
        chain, parent = [], self.items[code].parent
        while parent and parent != root and parent in self.items:
            chain.append(parent)
            parent = self.items[parent].parent
        return chain

    def by_contribution(self, entries: list[dict], root: str) -> list[dict]:
        """The components that drove the total: the largest contribution first, then the largest rate.

        An item is left out when one of its parents or children is already chosen, so a
        list never names "services" beside "housing rents": whichever moved the total more
        stands for its branch.
        """
        def size(entry: dict) -> tuple:
            contribution = next((x.value for x in entry["extra"] if self.config.metric(x.metric).kind == "contribution"), None)
            underlying, level = entry.get("underlying"), entry.get("level")
            rate = underlying.get("percent") if underlying is not None else (level.value if level is not None else None)
            return (contribution is None, -abs(contribution) if contribution is not None else 0, -abs(rate or 0))

        chosen: list[dict] = []
        for entry in sorted(entries, key=size):  # stable: table order breaks ties
            line = set(self.ancestors(entry["item"], root))
            if any(c["item"] in line or entry["item"] in c["line"] for c in chosen):
                continue
            chosen.append({**entry, "line": line})
        return chosen

    def metric_breakdown(self, spec, dim: Dimension) -> Section | None:
        """Members of a dimension on the section's metrics: the largest first, risers and fallers grouped."""
        metrics = spec.get("metrics") or ()
        if not metrics:
            return None
        metric, extra = metrics[0], metrics[1:]
        basis = (spec.get("bases") or (self.config.headline.basis if self.config.headline else "year_ago",))[0]
        info = self.config.metric(metric)
        entries = []
        for code in self.members(dim, spec.get("depth", 1)):
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
        elif spec.get("order") == "contribution":
            entries = self.by_contribution(entries, dim.root)
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
        # Members moving as the first did come first and "also" moved; the others are the contrast.
        lead_direction = direction(first)
        order = sorted((d for d in ("increased", "decreased", "unchanged", "unknown") if d in groups),
                       key=lambda d: d != lead_direction)
        for n, name in enumerate(order):
            group = groups[name]
            facts = tuple(f for e in group for key in ("level", "change", "underlying") if (f := e.get(key)))
            facts += tuple(f for e in group for f in e["extra"])
            para.sentences.append(Sentence("breakdown_group", facts, {"entries": group, "direction": name, "dim": dim,
                                                                      "metric": metric, "also": name == lead_direction,
                                                                      "contrast": name != lead_direction}))
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
        heading = spec.get("heading")
        title = Sentence("section_heading", (), {"heading": heading}) if heading else None
        return Section("cumulative", title, [Paragraph([Sentence("cumulative", tuple(found), {"facts": found})])])
