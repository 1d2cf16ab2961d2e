"""Balance stories (a release led by a balance, such as a services trade balance): sides, contributors, composition."""

from __future__ import annotations

from ..config import Dimension
from ..facts.model import Fact
from .base import Planner
from .story import Paragraph, Section, Sentence


class BalancePlanner(Planner):
    """Headline and lead on the total balance; each dimension by its surplus and deficit sides."""

    # -- the story -------------------------------------------------------------------------
    def headline(self) -> Sentence:
        level = self.index.one("level", self.total)
        # The headline's verb implies the lead's comparison (a year earlier when the previous
        # period is missing), never a long-run one the lead labels separately.
        basis = self.lead_basis()
        change = self.index.one("change", self.total, basis=basis) if basis in ("previous_period", "year_ago") else None
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

    def lead_basis(self) -> str | None:
        """The comparison the lead states: the previous period, else a year earlier.

        A long-run comparison ("from 12.77 billion dollars in 2010") leads only when the
        data has nothing nearer, and the template then labels it as one.
        """
        for basis in ("previous_period", "year_ago", "long_run"):
            if self.index.one("change", self.total, basis=basis) is not None:
                return basis
        return None

    def lead(self) -> Paragraph:
        para = Paragraph()
        level = self.index.one("level", self.total)
        if level is not None:
            para.sentences.append(Sentence("lead_level", (level,), {"level": level}))
        basis = self.lead_basis()
        if basis is not None:
            change = self.index.one("change", self.total, basis=basis)
            para.sentences.append(Sentence("lead_change", (change,), {"change": change}))
            self.stated_bases.add(basis)
        para.sentences.extend(self.cause_sentences(self.total, "change", first_only=True))
        for item in self.top_items():
            for record in self.index.records(item):
                para.sentences.append(self.record_sentence(record, None))
                self.stated_records.add(record.id)
        return para

    def record_sentence(self, record: Fact, driver: Fact | None) -> Sentence:
        """A record with its cause attached ("…, as exports … rose sharply"), not left as a sentence of its own."""
        causes = [c for c in self.causes(record.item, "record") if id(c) not in self.used_causes][:1]
        for cause in causes:
            self.used_causes.add(id(cause))
        facts = (record, *((driver,) if driver else ()))
        return Sentence("record", facts, {"record": record, "driver": driver, "cause": causes[0] if causes else None},
                        annotation=causes[0] if causes else None)

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
            if not (flows["exports"] and flows["imports"]) and self.index.one("level", self.total) is not None:
                # One flow alone does not explain the balance the lead already stated: say the flow only.
                flows["balance"] = None
                present = tuple(f for f in flows.values() if f)
            para.sentences.append(Sentence("overview_flows", present, {**flows, "annotations": self.annotations}))
        for basis in ("previous_period", "year_ago", "long_run"):
            balance = self.index.one("change", self.total, basis=basis)
            flows_changed = [f for m in ("exports", "imports") if (f := self.index.one("change", self.total, m, basis))]
            # The lead already stated this comparison: repeat it only to add how the flows moved.
            if balance is not None and basis in self.stated_bases and not flows_changed:
                continue
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
            # After the dimension's surplus and deficit paragraphs the flows do not open with
            # "By category" again.
            for sentence in flows:
                sentence.args["after_sides"] = bool(section.paragraphs)
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
            # A record the lead stated is not stated again; the side names its driver instead.
            records = [r for r in self.index.records(item) if r.id not in self.stated_records]
            if records:
                details.append(self.record_sentence(records[0], driver))
                self.stated_records.add(records[0].id)
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

    def special(self) -> Section | None:
        section = Section("special")
        roots = []
        # What the heading names: each classification's balance, else its flows (a period
        # that publishes only exports and imports still gets a heading, never a bare paragraph).
        heads: list[Fact] = []
        for dim in (d for d in self.config.dimensions if d.special):
            level = self.index.one("level", dim.root)
            flows = {m: self.index.one("level", dim.root, m) for m in ("exports", "imports", "balance")}
            present = tuple(f for f in flows.values() if f)
            if not present:
                continue
            para = Paragraph([Sentence("special_flows", present, {**flows, "dim": dim, "first": not roots})])
            if level is not None:
                roots.append(level)
                heads.append(level)
            else:
                heads.extend(f for f in (flows["exports"], flows["imports"]) if f)
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
        if heads:
            section.heading = Sentence("special_heading", tuple(heads), {"levels": heads})
        section.paragraphs[-1].sentences.extend(self.remarks("special"))
        return section
