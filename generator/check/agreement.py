"""Data agreement: the numbers, directions, signs and records a release states, against the facts.

For each sentence: find the items it names (or carry the subject over from the
sentences before), the figures it states and the direction and record words it
uses, and compare them with the facts of those items. Editor annotation text
(causes, remarks) is not derived from the data and is skipped.
"""

from __future__ import annotations

from dataclasses import replace
import re
from decimal import Decimal
from typing import Iterable

from ..annotations import Annotations
from ..config import ReleaseConfig
from ..facts.model import Fact, FactSet
from ..lang import money_en, money_ko
from ..lang.periods_text import comparison_phrase, period_name
from ..periods import Period
from .amounts import Mention, find_mentions, matches, multiple_matches
from .document import Document, Sentence
from .findings import Finding, RuleInfo
from .bases import BaseNames
from .candidates import Candidate, ItemFacts, index_facts
from .items import ItemMatcher, ItemMention
from .lexicon import AGREES, CHANGE_WORDS, CLAUSE, DATA_RULES, DIRECTIONS, METRIC_WORDS, RECORD, RESPECTIVELY, SIGN_WORDS, STREAK_CONDITIONS, YEAR_TO_DATE, rate_directions

def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Agreement:
    """Checks documents of one release period against its facts."""

    def __init__(self, config: ReleaseConfig, items: dict, facts: FactSet, annotations: Annotations | None,
                 levels: dict[str, str] | None = None) -> None:
        self.config = config
        self.items = items
        self.facts = facts
        self.period = Period.parse(facts.period)
        self.index = index_facts(facts, {m.id: m.unit for m in config.metrics.values()})
        # Without a metric word, a direction is judged against the release's lead metric when
        # that is a balance (a balance-led release), else against any metric's change.
        head = config.headline
        self.default_metric = head.metric if head and config.metric(head.metric).kind == "balance" else (
            "balance" if head is None and "balance" in config.metrics else None)
        self.rate_metrics = {m.id for m in config.metrics.values() if m.kind in ("rate", "contribution")}
        self.levels = {rule: level for rule, (level, _) in DATA_RULES.items()} | (levels or {})
        self.release_year = annotations.release_date.year if annotations and annotations.release_date else None
        self.annotation_texts: list[str] = []
        self.annotation_headlines: set[str] = set()
        if annotations is not None:
            for cause in annotations.causes:
                self.annotation_texts.extend(_normal(t) for t in cause.text.values())
                if cause.headline:
                    self.annotation_headlines.update(_normal(t) for t in cause.headline.values())
            for remark in annotations.remarks:
                self.annotation_texts.extend(_normal(t) for t in remark.text.values())
        self._matchers: dict[str, ItemMatcher] = {}
        self._annotation_cores: list[re.Pattern] | None = None
        self._base_names: dict[str, BaseNames] = {}
        # Each basis has one base period in a release period (previous_period: 2024H2, …).
        self.base_periods: dict[str, str] = {}
        for fact in facts:
            if fact.kind == "change" and fact.get("base_period") and fact.get("basis") in ("previous_period", "year_ago"):
                self.base_periods.setdefault(fact.basis, str(fact.base_period))

    # -- helpers -----------------------------------------------------------------------
    def matcher(self, lang: str) -> ItemMatcher:
        if lang not in self._matchers:
            self._matchers[lang] = ItemMatcher(self.items, self.config, lang)
        return self._matchers[lang]

    def base_names(self, lang: str) -> BaseNames:
        if lang not in self._base_names:
            from ..vocabulary import vocabulary

            words = vocabulary(lang, self.config.project).get("bases", {})
            self._base_names[lang] = BaseNames(self.period, self.base_periods, lang, self.release_year, words)
        return self._base_names[lang]

    def money_text(self, value: Decimal, lang: str) -> str:
        style = self.config.money_style[lang]
        return money_en(value, style) if lang == "en" else money_ko(value, style)

    def name(self, code: str, lang: str) -> str:
        return self.items[code].name(lang) if code in self.items else code

    def is_annotation(self, text: str) -> bool:
        text = _normal(text)
        if text in self.annotation_headlines:
            return True
        return len(text) > 8 and any(text in t for t in self.annotation_texts)

    def annotation_spans(self, text: str) -> list[tuple[int, int]]:
        """Where a sentence carries an annotation's prose merged into it ("…, as exports linked
        to … rose sharply."; "… 수출이 크게 늘어난 결과로 …"): the office's words, not the data's.

        Each annotation sentence is found by its core: its first letter in either case, its final
        punctuation dropped, and in Korean its last few characters too (the ending changes when a
        sentence is joined: 결과다 → 결과로). A span runs to the end of the word it ends in.
        """
        spans: list[tuple[int, int]] = []
        for pattern in self._annotation_patterns():
            for m in pattern.finditer(text):
                end = m.end()
                while end < len(text) and not text[end].isspace() and text[end] not in ",.;:!?)":
                    end += 1
                spans.append((m.start(), end))
        return sorted(spans)

    def _annotation_patterns(self) -> list[re.Pattern]:
        # Built once per check, not once per sentence: escaping the annotations again for every
        # sentence was a third of the time of checking a long release.
        if self._annotation_cores is None:
            self._annotation_cores = []
            for whole in self.annotation_texts:
                for part in re.split(r"(?<=[.!?])\s+", whole):
                    core = part.rstrip(" .!?。")
                    if re.search(r"[\uac00-\ud7a3]", core):
                        core = core[:-3] if len(core) > 15 else ""
                    if len(core) < 12:
                        continue
                    self._annotation_cores.append(re.compile(
                        f"(?:{re.escape(core[0].lower())}|{re.escape(core[0].upper())}){re.escape(core[1:])}"))
        return self._annotation_cores

    def finding(self, doc: Document, sentence: Sentence, start: int, end: int, rule: str, message: str, data=None) -> Finding:
        line, column = sentence.position(start)
        end_line, end_column = sentence.position(end)
        return Finding(doc.path, line, column, self.levels[rule], rule, message,
                       end_column if end_line == line else None, data)

    def base_phrases(self, lang: str) -> list[tuple[str, str]]:
        """Phrases naming a comparison base in this language, and the basis they name."""
        phrases: list[tuple[str, str]] = []
        for fact in self.facts:
            if fact.kind != "change":
                continue
            base = Period.parse(fact.base_period)
            names = {period_name(base, lang)}
            if self.release_year:
                names.add(period_name(base, lang, release_year=self.release_year, relative=True))
            if fact.basis in ("previous_period", "year_ago"):
                names.add(comparison_phrase(fact.basis, self.period, lang))
            for name in names:
                phrases.append((name, fact.basis))
        if lang == "en":
            phrases += [("a year earlier", "year_ago"), ("a year ago", "year_ago"), ("same period", "year_ago"),
                        ("previous half", "previous_period"), ("previous quarter", "previous_period")]
        else:
            phrases += [("전년 동기", "year_ago"), ("전기", "previous_period")]
        return sorted(set(phrases), key=lambda p: -len(p[0]))

    # -- the check -----------------------------------------------------------------------
    def check(self, doc: Document) -> tuple[list[Finding], dict[tuple[str, Decimal], tuple[int, int, str]]]:
        """Findings for one document, and the figures it states, where, as written (for the parity check)."""
        lang = doc.language
        findings: list[Finding] = []
        stated: dict[tuple[str, Decimal], tuple[int, int, str]] = {}
        context: list[ItemMention] = [ItemMention((self.config.total,), -1, -1)]
        phrases = self.base_phrases(lang)
        previous_end = 0
        for sentence in _merge_headline_parts(doc.sentences):
            # A heading or a new paragraph (a blank line before it) starts from the total again.
            if sentence.kind == "heading" or sentence.line > previous_end + 1:
                context = [ItemMention((self.config.total,), -1, -1)]
            previous_end = sentence.position(max(len(sentence.text) - 1, 0))[0]
            if self.is_annotation(sentence.text):
                continue
            spans = self.annotation_spans(sentence.text)
            if spans:
                # Blanked, not cut: offsets (and so file positions) stay those of the sentence.
                chars = list(sentence.text)
                for start, end in spans:
                    chars[start:end] = " " * (end - start)
                sentence = replace(sentence, text="".join(chars))
            mentions_items = self.matcher(lang).find(sentence.text)
            figures = find_mentions(sentence.text, lang)
            findings += self._sentence(doc, sentence, lang, mentions_items, figures, context, phrases, stated)
            if mentions_items:
                context = mentions_items
        return findings, stated

    def _clauses(self, text: str, lang: str) -> list[tuple[int, int]]:
        cuts = [m.start() for m in re.finditer(CLAUSE[lang], text, re.IGNORECASE)]
        bounds = [0, *cuts, len(text)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def _attribute(self, position: int, items: list[ItemMention], clause: tuple[int, int], context: list[ItemMention]) -> list[ItemMention]:
        inside = [m for m in items if clause[0] <= m.start < clause[1]]
        before = [m for m in inside if m.end <= position]
        if before:
            return [before[-1]]
        after = [m for m in inside if m.start >= position]
        if after:
            return [after[0]]
        earlier = [m for m in items if m.end <= position]
        if earlier:
            return [earlier[-1]]
        return context[-1:] if context else []

    def _sentence(self, doc, sentence, lang, items, figures, context, phrases, stated) -> list[Finding]:
        text = sentence.text
        findings: list[Finding] = []
        clauses = self._clauses(text, lang)
        for clause in clauses:
            in_clause = [f for f in figures if clause[0] <= f.start < clause[1]]
            money = [f for f in in_clause if f.kind == "money"]
            pairs: dict[Mention, list[ItemMention]] = {}
            if money and re.search(RESPECTIVELY[lang], text[clause[0]:clause[1]], re.IGNORECASE):
                named = [m for m in items if clause[0] <= m.start < money[0].start]
                # "Surpluses of A and B, respectively" may follow the sentence that named the items.
                unique = list(dict.fromkeys(named)) or [m for m in context if m.start >= 0]
                if len(unique) == len(money) and len(money) > 1:
                    pairs = {f: [m] for f, m in zip(money, unique)}
                else:
                    # "중견기업이 9억3000만달러 흑자를 냈고, 대기업과 플랫폼은 각각 37억5000만달러,
                    # 22억달러 적자를": the amounts after 각각 (before "respectively") pair with
                    # as many names just before them.
                    marker = re.search(RESPECTIVELY[lang], text[clause[0]:clause[1]], re.IGNORECASE)
                    at = clause[0] + marker.start()
                    run = [f for f in money if (f.start > at if lang == "ko" else f.start < at)]
                    if lang == "ko":
                        # Only the list straight after 각각 ("각각 37억7000만달러, 21억8000만달러 적자를
                        # 나타낸 가운데 아시아에서는 35억7000만달러 흑자"): a later amount has its own name.
                        listed = run[:1]
                        for f in run[1:]:
                            if not re.fullmatch(r"[\s,，·및와과]*", text[listed[-1].end:f.start]):
                                break
                            listed.append(f)
                        run = listed
                        named_before = list(dict.fromkeys(m for m in items if clause[0] <= m.start and m.end <= at))
                        if len(run) > 1 and len(named_before) >= len(run):
                            pairs = {f: [m] for f, m in zip(run, named_before[-len(run):])}
                    if lang != "ko":
                        first_after_name = max((m.end for m in items if clause[0] <= m.start < at), default=clause[0])
                        run = [f for f in run if f.start >= first_after_name] or run
                    before = list(dict.fromkeys(m for m in items if clause[0] <= m.start and run and m.end <= run[0].start))
                    if len(run) > 1 and len(before) >= len(run) and not pairs:
                        pairs = {f: [m] for f, m in zip(run, before[-len(run):])}
            for figure in in_clause:
                owners = pairs.get(figure) or self._attribute(figure.start, items, clause, context)
                findings += self._figure(doc, sentence, lang, figure, owners, items, context, clause, stated, figure in pairs)
            findings += self._directions(doc, sentence, lang, clause, items, context, phrases)
        findings += self._records(doc, sentence, lang, items, context)
        findings += self._streaks(doc, sentence, lang, items, context)
        return findings

    def _codes(self, owners: Iterable[ItemMention]) -> list[str]:
        return list(dict.fromkeys(code for m in owners for code in m.codes))

    def _figure(self, doc, sentence, lang, figure: Mention, owners, items, context, clause, stated, pairs_mode=False) -> list[Finding]:
        codes = self._codes(owners)
        names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        if figure.kind == "money":
            candidates = [c for code in codes for c in self.index.get(code, ItemFacts()).money]
            if not candidates:
                return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                     f"'{figure.text}': the data has no figures for {names} in {self.period}; it can neither confirm nor refute this amount")]
            hits = [c for c in candidates if matches(figure, c.value)]
            generic = set(codes) <= {self.config.total} or not any(clause[0] <= m.start < clause[1] for m in owners)
            if not hits and not pairs_mode and generic:
                # The nearest name may be a generic one ("services exports"), or carried over
                # from an earlier sentence; the figure may belong to another item named in the
                # same clause. A list's figure ("automobiles (13.7 percent, $6.41 billion) and
                # wireless devices (…)") belongs to the name before it.
                clause_codes = self._codes(m for m in items if clause[0] <= m.start < clause[1])
                hits = [c for code in clause_codes for c in self.index.get(code, ItemFacts()).money if matches(figure, c.value)]
                if hits:
                    codes = clause_codes
            if not hits:
                closest = min(candidates, key=lambda c: (abs(c.value - figure.value), c.value))
                said = self.money_text(closest.value, lang)
                finding = self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                       f"'{figure.text}' does not match the data for {names} (data: {said})", said)
                return [self._suggest(finding, sentence.text, lang, figure, codes, clause, candidates, owners, pairs_mode)]
            wrong = self._wrong_role(sentence.text, lang, figure, hits, clause, codes)
            if wrong:
                message, said = wrong
                return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                     f"'{figure.text}' {message} (data: {said})", said)]
            stated.setdefault(("money", hits[0].value), (*sentence.position(figure.start), figure.text))
            return self._sign(doc, sentence, lang, figure, hits, clause, names)
        fits = multiple_matches if figure.kind == "multiple" else matches
        pool = [p for code in codes for p in getattr(self.index.get(code, ItemFacts()), figure.kind)]
        pool = self._narrow(sentence.text, lang, figure, clause, pool)
        if figure.kind == "percent":
            band = self._band(sentence.text, lang, figure, codes)
            if band is not None:
                return [] if band is True else self._band_finding(doc, sentence, figure, band, names)
            based = self._stated_base(sentence.text, lang, figure, codes)
            if based is not None:
                pool = based
            elif _FROM[lang].search(sentence.text[max(0, figure.start - 12):figure.start]) if lang == "en" else \
                    _FROM[lang].match(sentence.text, figure.end):
                # "Up from 2.1%": a change's base rate, its period left unsaid.
                pool = pool + [(value, fact) for code in codes for value, fact, _ in self.index.get(code, ItemFacts()).percent_base
                               if fact.kind == "change"]
        # The item named nearest is the owner; the clause's other items are tried only when that
        # name is the total's (often generic: "Prices of goods", "services exports") or was carried
        # over from an earlier sentence: in a list, "services (2.5 percent), public services (1.2
        # percent)", a figure belongs to the name before it.
        generic = set(codes) <= {self.config.total} or not any(clause[0] <= m.start < clause[1] for m in owners)
        if generic and not any(fits(figure, value) for value, _ in pool):
            clause_codes = self._codes(m for m in items if clause[0] <= m.start < clause[1])
            wider = self._narrow(sentence.text, lang, figure, clause,
                                 [p for code in clause_codes for p in getattr(self.index.get(code, ItemFacts()), figure.kind)])
            if any(fits(figure, value) for value, _ in wider) or not pool:
                codes, pool = clause_codes or codes, wider or pool
                names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        if figure.kind == "points" and not any(fits(figure, value) for value, _ in pool):
            percents = [p for code in codes for p in self.index.get(code, ItemFacts()).percent]
            hit = next((value for value, _ in percents if matches(figure, value)), None)
            if hit is not None:
                return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                     f"'{figure.text}' is a percent in the data, not percentage points (data: {hit}%)", f"{hit}%")]
        rule = "data.multiple" if figure.kind == "multiple" else "data.percent"
        if not pool:
            return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                 f"'{figure.text}': no {figure.kind} for {names} in the facts of {self.period}; it can neither be confirmed nor refuted")]
        hit = next((value for value, _ in pool if fits(figure, value)), None)
        if hit is not None:
            stated.setdefault((figure.kind, hit), (*sentence.position(figure.start), figure.text))
            return []
        closest = min(pool, key=lambda p: abs(p[0] - figure.value))[0]
        if figure.kind == "multiple":
            closest = closest.quantize(Decimal("0.01"))
        said = {"percent": f"{closest}%", "points": f"{closest} percentage points"}.get(figure.kind, f"×{closest}")
        return [self.finding(doc, sentence, figure.start, figure.end, rule,
                             f"'{figure.text}' does not match the data for {names} (data: {said})", said)]

    def _suggest(self, finding: Finding, text: str, lang: str, figure: Mention, codes, clause, candidates, owners, pairs_mode) -> Finding:
        """The finding with the one right amount in place of the wrong one, when there is one.

        Only for a figure that can be just one number: one item, the only one named in the clause
        (or paired by "respectively"), not carried over; the level of the metric the text names (or the
        item's only level); and no base, change word or from-to around it, which could make the
        figure a base or a difference instead.
        """
        from .findings import Suggestion
        from .fix import restyle

        if len(codes) != 1 or finding.end_column is None:
            return finding
        if not pairs_mode and not any(clause[0] <= m.start < clause[1] for m in owners):
            return finding
        # "The ICT industry recorded services exports of …": two items in the clause
        # (the total's name often generic), so which one the figure is of is not certain.
        # A list's figure in parentheses straight after its name ("automobiles (13.7 percent,
        # $6.41 billion)", "무선통신(17억3000만달러, 1.6%)") is that name's.
        listed = any(re.fullmatch(r"\s*[(（][^()（）]*", text[m.end:figure.start]) for m in owners if m.end <= figure.start)
        if not pairs_mode and not listed and len(self._codes(m for m in self.matcher(lang).find(text) if clause[0] <= m.start < clause[1])) > 1:
            return finding
        if self.base_names(lang).named(text) or self._from_to(text, lang, figure):
            return finding
        near = text[max(clause[0], figure.start - 12):figure.start] if lang == "en" else text[figure.end:figure.end + 8]
        if re.search(CHANGE_WORDS[lang], near, re.IGNORECASE) or (lang == "ko" and re.match(r"\s*(?:보다|에서|대비|증가|감소|늘|줄|확대|축소)", text[figure.end:])):
            return finding
        metric = self._stated_metric(text, lang, figure, clause)
        levels = [c for c in candidates if c.role == "value" and (metric is None or c.metric == metric)]
        if len({(c.metric, c.value) for c in levels}) != 1:
            return finding
        right = levels[0]
        unit = self.config.metrics[right.metric].unit if right.metric in self.config.metrics else "usd_million"
        replacement = restyle(figure.text, lang, right.signed, unit)
        if replacement is None or replacement == figure.text:
            return finding
        return replace(finding, suggestion=Suggestion(finding.column, finding.end_column, replacement))

    def _narrow(self, text: str, lang: str, figure: Mention, clause, pool: list) -> list:
        """The percents or multiples a figure can be, given what the sentence says around it.

        A change's percent or ratio counts only on the base the sentence names ("29.4 percent
        from the previous half" is not the year-on-year 29.4), and of the metric it names
        ("exports rose 12.1 percent" is not the imports' 12.1); a percent straight after a
        direction word ("rose 71.9 percent") is a change, not a share.
        """
        if figure.kind not in ("percent", "multiple") or not pool:
            return pool
        named = self.base_names(lang).named(text)
        metric = self._stated_metric(text, lang, figure, clause)
        before = text[max(clause[0], figure.start - 16):figure.start]
        moved = figure.kind == "percent" and any(re.search(rf"(?:{pattern})\W*(?:by\s+|about\s+|some\s+|nearly\s+|almost\s+)?$", before, re.IGNORECASE)
                                                 for _, pattern in DIRECTIONS[lang]) if lang == "en" else False

        # The base the figure itself is measured on: "8.4 percent from the previous month", "전월 대비 8.4%".
        window = text[figure.end:min(clause[1], figure.end + 30)] if lang == "en" else text[max(clause[0], figure.start - 16):figure.start]
        beside = self.base_names(lang).named(window) if (re.match(r"\s*(?:from|on|than|over|against|compared with)\b", window, re.IGNORECASE)
                                                          if lang == "en" else re.search(r"(?:대비|보다|에 비해|비)\s*$", window)) else set()

        # "연간 수출은 … 3.8% 증가": a year-to-date figure is a cumulative metric's, not the month's.
        to_date = bool(re.search(YEAR_TO_DATE[lang], text[clause[0]:clause[1]], re.IGNORECASE)) and any(
            "ytd" in (f.get("metric") or "") for _, f in pool)

        def keep(fact) -> bool:
            if to_date and "ytd" not in (fact.get("metric") or ""):
                return False
            if fact.kind in ("change", "cumulative") and named and fact.get("basis") in ("previous_period", "year_ago") \
                    and fact.basis not in named:
                return False
            fm = fact.get("metric") or ""
            # A published rate of a basis ("exports_yoy_pct": percent_of exports, year_ago) is a
            # change on that basis: not on the base another phrase names.
            defined = self.config.metrics.get(fm)
            if beside and defined is not None and defined.percent_basis and defined.percent_basis not in beside:
                return False
            if metric in ("exports", "imports") and fm and not (fm == metric or fm.startswith(metric + "_")) \
                    and any((f.get("metric") or "").startswith(metric) for _, f in pool):
                return False
            if moved and fact.kind in ("share", "driver", "rank"):
                return False
            return True

        return [p for p in pool if keep(p[1])]

    def _stated_base(self, text: str, lang: str, figure: Mention, codes) -> list | None:
        """The base rates a percentage must match when the period nearest it is a base period.

        "accelerating from 2.1 percent in September", "9월(2.1%)보다": a rate next to the name
        of another period is that period's rate, not this period's. None when no period is
        named next to the figure, or the nearest one is this period.
        """
        entries = [e for code in codes for e in self.index.get(code, ItemFacts()).percent_base]
        if not entries:
            return None
        window_start, window_end = max(0, figure.start - 25), min(len(text), figure.end + 25)
        lowered = text.lower()

        def distance(phrase: str) -> int | None:
            best = None
            for m in re.finditer(re.escape(phrase.lower()), lowered[window_start:window_end]):
                a, b = window_start + m.start(), window_start + m.end()
                if a >= figure.end and _COMPARED[lang].match(text, figure.end):
                    continue  # "fell 0.2 percent from October": the period is the comparison's base
                gap = figure.start - b if b <= figure.start else a - figure.end if a >= figure.end else 0
                best = gap if best is None else min(best, gap)
            return best

        def names(period: Period) -> set[str]:
            out = {period_name(period, lang)}
            if self.release_year:
                out.add(period_name(period, lang, release_year=self.release_year, relative=True))
            return out

        def basis_phrase(period: Period) -> str | None:
            # "전월(2.4%)보다": a basis phrase names its period too, when the rate stands in
            # parentheses right after it ("전월 대비 0.3%" is a comparison, not that month's rate).
            for basis, base in (("previous_period", self.period.previous()), ("year_ago", self.period.year_ago())):
                if period == base and self.period.kind != "Y":
                    return comparison_phrase(basis, self.period, lang)
            return None

        periods = {p for *_, p in entries}
        nearest, where = None, None
        for period in sorted(periods):
            phrase = basis_phrase(Period.parse(period))
            if phrase and text[max(0, figure.start - len(phrase) - 2):figure.start].rstrip().endswith(phrase + "(") :
                return [(value, fact) for value, fact, p in entries if p == period]
        for period in sorted(periods | {str(self.period)}):
            for phrase in names(Period.parse(period)):
                gap = distance(phrase)
                if gap is not None and (where is None or gap < where or (gap == where and len(phrase) > len(nearest[1]))):
                    nearest, where = (period, phrase), gap
        if nearest is None or nearest[0] == str(self.period):
            return None
        return [(value, fact) for value, fact, period in entries if period == nearest[0]]

    def _band(self, text: str, lang: str, figure: Mention, codes):
        """"in the 2 percent range", "2%대": True when a band streak of the item holds the figure, else
        the band facts (to report); None when the figure is not a band or the item has no band facts."""
        following = text[figure.end:figure.end + 8]
        side = re.search(r"\b(below|under|above)\s+$", text[max(0, figure.start - 8):figure.start], re.IGNORECASE) if lang == "en" \
            else re.match(r"\s?(미만|밑|아래|초과|웃|이상)", following)
        if side:
            # "below 2.0 percent for the third straight month", "2.0% 미만은 3개월 연속": a threshold
            # the release reports streaks of (config streaks:), not a rate; the streak words are
            # checked against the streak facts.
            condition = "below" if side.group(1).lower() in ("below", "under", "미만", "밑", "아래") else "above"
            rules = [r for r in self.config.streaks if r.condition == condition and len(r.threshold) == 1
                     and (r.item is None or r.item in codes)]
            if rules:
                if any(r.threshold[0] == figure.value for r in rules):
                    return True
                return [("threshold", condition, r.threshold[0]) for r in rules]
        if not (re.match(r"\s?range\b", following, re.IGNORECASE) if lang == "en" else following.startswith("대")):
            return None
        bands = [f for code in codes for f in self.index.get(code, ItemFacts()).streaks
                 if f.condition == "band" and f.get("threshold")]
        if not bands:
            return None
        if any(Decimal(str(f.threshold[0])) <= figure.value <= Decimal(str(f.threshold[1])) for f in bands):
            return True
        return bands

    def _band_finding(self, doc, sentence, figure: Mention, bands, names) -> list[Finding]:
        if isinstance(bands[0], tuple):
            _, condition, value = bands[0]
            said = f"{condition} {value}%"
            return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                 f"'{figure.text}' is not a threshold the data reports for {names} (data: {said})", said)]
        low, high = bands[0].threshold
        said = f"{low}–{high}%"
        return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                             f"'{figure.text}' range does not match the data for {names} (data: {said})", said)]

    def _stated_metric(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """What the amount is said to be: exports, imports or a balance (surplus/deficit), if the text says."""
        if lang == "ko" and re.match(r"\s?(흑자|적자)", text[figure.end:figure.end + 4]):
            return "balance"
        best, where = None, -1
        for metric, pattern in METRIC_WORDS[lang]:
            for m in re.finditer(pattern, text[clause[0]:figure.start], re.IGNORECASE):
                if m.start() > where:
                    best, where = metric, m.start()
        return best

    def _wrong_role(self, text: str, lang: str, figure: Mention, hits: list[Candidate], clause, codes) -> tuple[str, str] | None:
        """A matching number used in the wrong role: another metric, or a base or change stated as a level."""
        metric = self._stated_metric(text, lang, figure, clause)
        if metric is not None and not any(h.metric == metric for h in hits):
            own = [c for code in codes for c in self.index.get(code, ItemFacts()).money if c.metric == metric and c.role == "value"]
            said = self.money_text(own[0].value, lang) if own else f"no {metric} figure"
            return f"is not the {metric} figure of {' / '.join(dict.fromkeys(self.name(c, lang) for c in codes))}", said
        lowered = text.lower()
        segment = text[clause[0]:clause[1]]
        # The bases the sentence names, each bound to its own period: "from $3.76 billion a year
        # earlier" names the year-ago base, so the previous half's 3.76 billion is not it.
        named = self.base_names(lang).named(text)
        for hit in hits:
            if hit.role == "value":
                return None
            basis = hit.fact.get("basis") if hit.fact.kind in ("change", "cumulative") else None
            if hit.role == "base":
                if basis in ("previous_period", "year_ago"):
                    if basis in named or (not named and self._from_to(text, lang, figure)):
                        return None
                elif any(p.lower() in lowered for p in self.period_phrases(hit.base_period, hit.fact, lang)) or (
                        not named and self._from_to(text, lang, figure)):
                    return None
            if hit.role == "delta":
                if basis in ("previous_period", "year_ago") and named and basis not in named:
                    continue
                if (re.search(CHANGE_WORDS[lang], segment, re.IGNORECASE)
                        or any(re.search(pattern, segment, re.IGNORECASE) for _, pattern in DIRECTIONS[lang])
                        or any(p.lower() in lowered for p in self.period_phrases(hit.fact.get("base_period"), hit.fact, lang))):
                    return None
        own = [c for code in codes for c in self.index.get(code, ItemFacts()).money if c.role == "value" and c.metric == hits[0].metric]
        said = self.money_text(own[0].value, lang) if own else self.money_text(hits[0].value, lang)
        if hits[0].role == "base":
            if named:
                return f"is the figure for {hits[0].base_period}, not for the base the sentence names", said
            return f"is the figure for {hits[0].base_period}, but the sentence does not say so", said
        if named and hits[0].fact.get("basis") not in named:
            return f"is the change on {hits[0].fact.get('base_period')}, not on the base the sentence names", said
        return "is a change, but the sentence states no change", said

    @staticmethod
    def _from_to(text: str, lang: str, figure: Mention) -> bool:
        """A from-to construction with the base left unnamed: "from $3.76 billion to $4.53 billion",
        "widened to $4.53 billion from $3.76 billion", "37억6000만달러에서 45억3000만달러로"."""
        if lang == "en":
            return bool(re.search(r"\bfrom\s*$", text[max(0, figure.start - 8):figure.start], re.IGNORECASE))
        return bool(re.match(r"\)?\s?(?:에서|보다)", text[figure.end:figure.end + 4]))

    def period_phrases(self, period: str | None, fact: Fact, lang: str) -> list[str]:
        """Ways of naming a comparison base: "the second half of last year", "2010", "전기", "previous half"."""
        if period is None:
            return []
        base = Period.parse(period)
        names = {period_name(base, lang), str(base.year) if base.kind == "Y" else period_name(base, lang)}
        if self.release_year:
            names.add(period_name(base, lang, release_year=self.release_year, relative=True))
        basis = fact.get("basis")
        if basis in ("previous_period", "year_ago", "cumulative"):
            names.add(comparison_phrase(basis, self.period, lang))
            if lang == "en":
                names.update({"previous " + self.period.kind_name, "a year earlier", "a year ago", "same period"})
        if lang == "ko" and base.kind == "Y":
            names.add(f"{base.year}년")
        return sorted(names)

    def _sign(self, doc, sentence, lang, figure, hits: list[Candidate], clause, names) -> list[Finding]:
        text = sentence.text
        if lang == "en":
            window = text[max(clause[0], figure.start - 40):figure.start]
            words = re.findall(SIGN_WORDS["en"], window, re.IGNORECASE)
            word = words[-1].lower() if words else None
        else:
            after = re.match(r"\s?(흑자|적자)", text[figure.end:figure.end + 4])
            word = after.group(1) if after else None
        stated = None
        if word:
            stated = "surplus" if word.startswith(("surplus", "흑자")) else "deficit"
        elif figure.negative:
            stated = "deficit"
        # Every balance figure carries a sign (a change's delta carries the sign of the balance
        # it changed); an amount that may also be an export or import figure is not judged.
        balance = [h for h in hits if h.metric == "balance"]
        if stated is None or not balance or len(balance) < len(hits) or any(h.signed == 0 for h in balance):
            return []  # zero is neither a surplus nor a deficit
        if any((h.signed > 0) == (stated == "surplus") for h in balance):
            return []
        actual = "surplus" if balance[0].signed > 0 else "deficit"
        return [self.finding(doc, sentence, figure.start, figure.end, "data.sign",
                             f"'{figure.text}' is called a {stated} but {names} had a {actual} (data: {actual} of {self.money_text(balance[0].value, lang)})",
                             f"{actual} of {self.money_text(balance[0].value, lang)}")]

    def _metric_at(self, text: str, start: int, end: int, clause, lang: str, look_ahead: bool = True) -> str | None:
        best, where = self.default_metric, -1
        for metric, pattern in METRIC_WORDS[lang]:
            for m in re.finditer(pattern, text[clause[0]:start], re.IGNORECASE):
                if m.start() > where:
                    best, where = metric, m.start()
        # "an increase in exports": English may name the metric just after the word.
        if where < 0 and look_ahead and lang == "en":
            following = text[end:min(clause[1], end + 20)]
            for metric, pattern in METRIC_WORDS[lang]:
                if re.search(pattern, following, re.IGNORECASE):
                    return metric
        return best

    def _directions(self, doc, sentence, lang, clause, items, context, phrases) -> list[Finding]:
        text = sentence.text
        segment = text[clause[0]:clause[1]]
        # A base phrase inside an item's name is not one: 전기 (the previous period) in 전기·가스·수도.
        lowered = text.lower()
        bases = {basis for phrase, basis in phrases
                 if any(not any(i.start <= m.start() < i.end for i in items) for m in re.finditer(re.escape(phrase.lower()), lowered))}
        findings = []
        taken: list[tuple[int, int]] = []
        lexicon = [(c, p, False) for c, p in DIRECTIONS[lang]]
        if self.rate_metrics:
            lexicon += [(c, p, True) for c, p in rate_directions(lang, self.config.project)]
        stated = [abs(f.value) for f in find_mentions(segment, lang) if f.kind == "percent"]
        points = [abs(f.value) for f in find_mentions(segment, lang) if f.kind == "points"]
        for category, pattern, rate_only in lexicon:
            for m in re.finditer(pattern, segment, re.IGNORECASE):
                start, end = clause[0] + m.start(), clause[0] + m.end()
                if any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                metric = None if rate_only else self._metric_at(text, start, end, clause, lang, look_ahead=category in ("grow", "shrink"))
                owners = self._attribute(start, items, clause, context)
                inside = [i for i in items if clause[0] <= i.start < clause[1]]
                codes = self._codes(inside or owners)

                def wanted(f) -> bool:
                    if rate_only:
                        return f.metric in self.rate_metrics
                    return metric is None or f.metric == metric

                changes = [f for code in codes for f in self.index.get(code, ItemFacts()).changes
                           if wanted(f) and (not bases or f.basis in bases)]
                names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
                word = text[start:end]
                if not changes:
                    findings.append(self.finding(doc, sentence, start, end, "data.unverifiable",
                                                 f"'{word}': the data has no change in {metric or 'any figure'} for {names} to confirm or refute it"))
                    continue
                # "rose 2.4 percent": the change whose percent the clause states is the one meant,
                # whatever other period the sentence also names (a rate's own words state its level).
                every = [f for code in codes for f in self.index.get(code, ItemFacts()).changes]
                if not rate_only:
                    pinned = [f for f in every if wanted(f) and "percent" in f.data and abs(f.percent) in stated]
                else:
                    # "slowing 0.2 percentage point from 2.5 percent": the rate whose change (in points)
                    # or base the clause states, not another rate of the item.
                    pinned = [f for f in every if wanted(f) and (abs(f.get("delta", 0) or 0) in points
                                                                 or abs(f.get("base_value", -1) or 0) in stated)]
                if pinned:
                    changes = pinned
                if any(f.direction in AGREES[category] for f in changes):
                    continue
                fact = changes[0]
                said = self._describe_change(fact, lang)
                findings.append(self.finding(doc, sentence, start, end, "data.direction",
                                             f"'{word}' contradicts the data for {self.name(fact.item, lang)} (data: {said})", said))
        return findings

    def _streaks(self, doc, sentence, lang, items, context) -> list[Finding]:
        """"the sixth straight month", "6개월 연속", "the first fall in seven months" against streak facts."""
        from ..vocabulary import vocabulary

        words = vocabulary(lang, self.config.project)["streaks"]
        text = sentence.text
        findings = []
        codes = self._codes(items or context)
        facts = [f for code in codes for f in self.index.get(code, ItemFacts()).streaks]
        for ended, patterns in ((False, words["read"]), (True, words.get("ended", []))):
            for pattern in patterns:
                for m in re.finditer(pattern, text, re.IGNORECASE):
                    raw = (m.groupdict().get("n") or "").lower()
                    n = _count(raw, words)
                    if n is None:
                        continue
                    if ended:
                        ok = [f for f in facts if f.ended and f.length + 1 == n and not f.open]
                        ok += [f for f in facts if f.ended and f.open and f.length + 1 <= n]
                    else:
                        ok = [f for f in facts if not f.ended and (f.length == n or (f.open and f.length <= n))]
                    # Of what: "of gains" / "of surplus" after it, else the nearest word before it
                    # in the clause ("Exports Rise …, Up for Sixth Straight Month", "6개월 연속 증가세").
                    # (An ended streak names what ended it, not what it was of: not filtered.)
                    condition, metric = (None, None) if ended else self._streak_of(text, m.start(), m.end(), lang)
                    ok = [f for f in ok if (condition is None or f.condition == condition)
                          and (metric is None or f.metric == metric or not any(g.metric == metric for g in facts))]
                    if ok:
                        continue
                    names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
                    known = sorted({(f.length, f.condition, f.ended, f.open) for f in facts}, reverse=True)
                    said = ", ".join(f"{'at least ' if o else ''}{length} ({cond}{', ended' if e else ''})" for length, cond, e, o in known[:3]) or "no streak"
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.streak",
                                                 f"'{m.group(0)}': no such streak for {names} in the data (data: {said})", said))
        return findings

    def _streak_of(self, text: str, start: int, end: int, lang: str) -> tuple[str | None, str | None]:
        """The condition (increased, surplus, band, …) and metric a streak at ``start:end`` is of, if the text says."""
        clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= start < b), (0, len(text)))
        after, before = text[end:min(clause[1], end + 30)], text[clause[0]:start]
        condition = None
        band = STREAK_CONDITIONS[lang][0]
        if re.search(band[1], text[clause[0]:clause[1]], re.IGNORECASE):
            condition = band[0]
        else:
            for name, pattern in STREAK_CONDITIONS[lang][1:]:
                if re.search(pattern, after, re.IGNORECASE):
                    condition = name
                    break
            if condition is None:
                where = -1
                for name, pattern in STREAK_CONDITIONS[lang][1:]:
                    for m in re.finditer(pattern, before, re.IGNORECASE):
                        if m.start() > where:
                            condition, where = name, m.start()
        metric, where = None, -1
        for name, pattern in METRIC_WORDS[lang]:
            if re.search(pattern, after, re.IGNORECASE):
                return condition, name
            for m in re.finditer(pattern, before, re.IGNORECASE):
                if m.start() > where:
                    metric, where = name, m.start()
        return condition, metric

    def _describe_change(self, fact: Fact, lang: str) -> str:
        unit = self.config.metrics[fact.metric].unit if fact.metric in self.config.metrics else "usd_million"
        if "base_value" not in fact.data or "value" not in fact.data:
            return f"{fact.metric} {fact.direction}, {fact.percent}% on {fact.base_period}"
        if unit != "usd_million":
            pct = f", {fact.percent}%" if "percent" in fact.data else ""
            return f"{fact.metric} {fact.direction} from {fact.base_value} to {fact.value}{pct} ({fact.base_period} to {fact.period})"
        base, now = self.money_text(abs(fact.base_value), lang), self.money_text(abs(fact.value), lang)
        if self.config.metrics.get(fact.metric) is None or self.config.metrics[fact.metric].kind != "balance":
            return f"{fact.metric} {fact.direction} from {base} to {now}"
        if fact.direction.startswith("turned") or fact.sign == "balanced":
            target = "zero" if fact.sign == "balanced" else f"a {fact.sign}"
            return f"the balance went from a {fact.base_sign} of {base} in {fact.base_period} to {target}" + (
                "" if fact.sign == "balanced" else f" of {now}")
        sign = fact.sign
        words = {"widened": "widened" if sign == "deficit" else "grew", "narrowed": "narrowed" if sign == "deficit" else "shrank",
                 "turned_surplus": "turned to a surplus", "turned_deficit": "turned to a deficit", "unchanged": "was unchanged"}
        return f"the {sign} {words[fact.direction]}, from {base} in {fact.base_period} to {now}"

    def _records(self, doc, sentence, lang, items, context) -> list[Finding]:
        """Record claims ("largest-ever", "all-time high", 최대치, "the lowest since June") against
        the record facts of their clause's item: of the metric the clause names, and from the
        period a "since" names."""
        from ..vocabulary import vocabulary

        words = vocabulary(lang, self.config.project).get("records", {})
        # English words whole ("recorded" is not "record"); Korean takes particles after them.
        edge = r"\b" if lang == "en" else ""
        pattern = "|".join(f"{edge}(?:{p}){edge}" for p in words.get("read", [])) or RECORD[lang]
        text = sentence.text
        findings = []
        taken: list[tuple[int, int]] = []
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            # The items of the record word's clause; the total's generic name ("Prices of
            # goods", "상품 물가") gives way to the item it qualifies.
            clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= m.start() < b), (0, len(text)))
            inside = [i for i in items if clause[0] <= i.start < clause[1]] or items
            codes = self._codes(inside or context)
            if len(codes) > 1 and self.config.total in codes:
                codes = [c for c in codes if c != self.config.total]
            records = [f for code in codes for f in self.index.get(code, ItemFacts()).records]
            names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
            metric = self._stated_metric(text, lang, Mention("money", Decimal(0), Decimal(1), m.start(), m.end(), ""), clause)
            if metric is None:
                following = text[m.end():min(clause[1], m.end() + 30)]
                metric = next((name for name, p in METRIC_WORDS[lang] if re.search(p, following, re.IGNORECASE)), None)
            if records and metric is not None and any(f.get("metric") for f in records):
                of_metric = [f for f in records if not f.get("metric") or f.metric == metric or f.metric.startswith(metric + "_")
                             or (metric == "balance" and self.config.metrics.get(f.metric) is not None
                                 and self.config.metrics[f.metric].kind == "balance")]
                if not of_metric:
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': the records of {names} in the data are not of {metric} "
                                                 f"(data: {', '.join(sorted({f.metric for f in records}))})", "no record of that metric"))
                    continue
                records = of_metric
            since = self._since(text[max(clause[0], m.start() - 12):min(clause[1], m.end() + 40)], lang)
            claim = m.group(0).lower()
            if records and since is None and not re.search(r"since|이후|만에|-month|-year| in \w+ (?:months|years)", claim):
                # A record without a "since" ("record high", 사상 최고) is a record of the whole
                # history: a fact of the same period of the year, or one that runs only from
                # some period, is not it.
                whole = [f for f in records if not f.get("since") and f.get("scope", "all") == "all"]
                # "the highest November on record", "for any November", "11월 기준 역대": a record of
                # the same period of the year.
                month_scope = re.search(r"(?:highest|largest|lowest|smallest|biggest|best|worst) (?:for any )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
                                        r"|for any (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\d+월\s?(?:기준|중|로는)",
                                        text[clause[0]:clause[1]], re.IGNORECASE)
                seasonal = [f for f in records if f.get("scope") == "same_period_of_year"]
                if not whole and not (month_scope and seasonal):
                    said = ", ".join(sorted({f"{f.extreme} since {f.since}" + (" (same period of the year)" if f.get("scope") == "same_period_of_year" else "")
                                             for f in records if f.get("since")}))
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': {names} has no record of its whole history in the data (data: {said})", said))
                    continue
            if records and since is not None:
                if not any(f.get("since") == since for f in records):
                    said = ", ".join(sorted({f"{f.extreme} since {f.since}" for f in records if f.get("since")})) or "no such record"
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': no record of {names} since {since} in the data (data: {said})", said))
                continue
            if records:
                continue
            findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                         f"'{m.group(0)}': no record for {names} in the data or the annotations "
                                         f"(data: no record fact); a record from a longer history needs an asserted fact with a source",
                                         "no record fact"))
        return findings

    def _since(self, text: str, lang: str) -> str | None:
        """The period a "since" names: "since June" / "since February 2021" / "6월 이후" / "2021년 2월 이후"."""
        months = ("january february march april may june july august september october november december").split()
        if lang == "en":
            m = re.search(r"\bsince (?P<month>" + "|".join(months) + r")(?:\s+(?P<year>\d{4}))?", text, re.IGNORECASE)
            if not m:
                return None
            month = months.index(m.group("month").lower()) + 1
            year = int(m.group("year")) if m.group("year") else None
        else:
            m = re.search(r"(?:(?P<year>\d{4})년\s?|(?P<last>지난해|작년)\s?)?(?P<month>\d{1,2})월\s?이후", text)
            if not m:
                return None
            month = int(m.group("month"))
            year = int(m.group("year")) if m.group("year") else (self.period.year - 1 if m.group("last") else None)
        if self.period.kind != "M":
            return None
        if year is None:
            # A month without a year is the latest such month before this one.
            year = self.period.year if month < self.period.n else self.period.year - 1
        return f"{year}-{month:02d}"


# A figure followed by the base it is measured against: "0.2 percent from October", "10월 대비".
_COMPARED = {"en": re.compile(r"\s*(?:from|on|than|over|against|compared with)\b", re.IGNORECASE),
             "ko": re.compile(r"\s*(?:대비|보다)")}
# A rate stated as the base of a comparison: "up from 2.1%", "9월(2.1%)보다".
_FROM = {"en": re.compile(r"\bfrom\s$", re.IGNORECASE), "ko": re.compile(r"\)?\s?(?:보다|에서)")}


def _count(raw: str, words: dict) -> int | None:
    """A streak's length as written: 6, "6th", "sixth", "six", 여섯, 석."""
    raw = raw.strip()
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)?$", raw)
    if digits:
        return int(digits.group(1))
    for table in ("ordinals", "numbers"):
        if raw in words.get(table, {}):
            return int(words[table][raw])
    return None


def _merge_headline_parts(sentences) -> list[Sentence]:
    """A headline split at "…" is read as one sentence, so its figures keep their items."""
    merged: list[Sentence] = []
    for sentence in sentences:
        last = merged[-1] if merged else None
        if last is not None and sentence.kind == "heading" and last.kind == "heading" and last.line == sentence.line:
            joiner = " … "
            filler = (last.position(len(last.text)),) * len(joiner)
            merged[-1] = Sentence(last.text + joiner + sentence.text, last.line, last.column, last.kind, last.level,
                                  tuple(last.positions) + filler + tuple(sentence.positions))
            continue
        merged.append(sentence)
    return merged


def rule_infos() -> dict[str, RuleInfo]:
    return {rule: RuleInfo(rule, level, text, "DESIGN.md, check") for rule, (level, text) in DATA_RULES.items()}
