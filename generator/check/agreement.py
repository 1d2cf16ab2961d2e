"""Data agreement: the numbers, directions, signs and records a release states, against the facts.

For each sentence: find the items it names (or carry the subject over from the
sentences before), the figures it states and the direction and record words it
uses, and compare them with the facts of those items. Editor annotation text
(causes, remarks) is not derived from the data and is skipped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
import re
from decimal import ROUND_HALF_UP, Decimal
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
from .rx import I, holds_any, may_hold, may_match, present, rx
from .bases import BaseNames
from . import between, ranks
from .candidates import Candidate, ItemFacts, index_facts
from .items import ItemMatcher, ItemMention
from .lexicon import BAND_OBJECT, agrees, CHANGE_WORDS, CLAUSE, DATA_RULES, DIRECTIONS, INDEX_WORDS, METRIC_WORDS, MONTH_ON_MONTH, MONTH_WORDS, PERIOD_SCOPES, RATE_GAP, RATE_WORDS, RECORD, RECORD_FALLS, RESPECTIVELY, SIGN_WORDS, STREAK_CONDITIONS, YEAR_TO_DATE, rate_directions
from .suggest import Suggester

def _normal(text: str) -> str:
    # What re.sub(r"\s+", " ", text).strip() gives (both read whitespace as str.isspace does),
    # without building a new string at every space: profiled, that was 4% of a long check.
    return " ".join(text.split())


class Agreement:
    """Checks documents of one release period against its facts."""

    def __init__(self, config: ReleaseConfig, items: dict, facts: FactSet, annotations: Annotations | None,
                 levels: dict[str, str] | None = None, year: FactSet | None = None) -> None:
        self.config = config
        self.items = items
        self.facts = facts
        self.period = Period.parse(facts.period)
        units = {m.id: m.unit for m in config.metrics.values()}
        self.index = index_facts(facts, units)
        between.derive_flow_balances(self.index, facts, units)
        between.derive_flow_bases(self.index, facts, units)
        # A release of a year's last half or quarter also reports the whole year ("For the whole of
        # 2024, the deficit came to $7.26 billion", 연간 적자는 72억6000만달러): the year's own
        # amounts, stated only with words of the full year, never as the period's.
        self.year_index: dict[str, list[Candidate]] = {}
        # A first half's "whole year" is last year's, named as such (지난해 연간, "for all of 2024");
        # its own year-to-date words (올해 들어, 1~6월 누적) are the half itself.
        self.last_year = None
        # The project's figures, set by run.py: a figure dated to an earlier period that no fact is
        # of ("2023년 상반기(27억2000만달러)") is read against that period's cell.
        self.dataset = None
        self._year_period = year.period if year is not None else None
        self._year_facts, self._units, self._year_full = year, units, None
        # The periods the facts themselves compare (this one, its bases, the whole year): an amount
        # dated to any other earlier period is read from the data's cell for it.
        self._known_periods = {str(self.period), self._year_period,
                               *(str(f.get("base_period")) for f in self.facts if f.get("base_period"))}
        if year is not None and Period.parse(year.period).year < self.period.year:
            self.last_year = re.compile(rf"지난해|작년|전년|{year.period}\s?년|last year|previous year|\b{year.period}\b", re.IGNORECASE)
        if year is not None:
            for fact in year:
                if fact.kind == "level" and fact.get("value") is not None and units.get(fact.get("metric"), "usd_million") == "usd_million":
                    value = Decimal(fact.value)
                    self.year_index.setdefault(fact.item, []).append(
                        Candidate(abs(value), value, f"{fact.get('metric', 'balance')}_ytd", fact, "value"))
        # Without a metric word, a direction is judged against the release's lead metric when
        # that is a balance (a balance-led release), else against any metric's change.
        head = config.headline
        self.default_metric = head.metric if head and config.metric(head.metric).kind == "balance" else (
            "balance" if head is None and "balance" in config.metrics else None)
        self.rate_metrics = {m.id for m in config.metrics.values() if m.kind in ("rate", "contribution")}
        self.levels = {rule: level for rule, (level, _) in DATA_RULES.items()} | (levels or {})
        # Without a release date, a period is published after it ends: in the year its next period
        # starts (2024H2 in 2025, so "지난해 하반기" is the period itself and "지난해 상반기" the half before).
        self.release_year = annotations.release_date.year if annotations and annotations.release_date else self.period.next().year
        self.annotation_texts: list[str] = []
        self._annotation_cache: list[tuple[str, re.Pattern]] | None = None
        self._vocab_memo: dict = {}
        self._sentence_bases: dict[str, set[str]] = {}
        # Bases named by the paragraph's earlier sentences, for a percent whose sentence names none.
        self._carried_bases: set[str] = set()
        self.annotation_headlines: set[str] = set()
        if annotations is not None:
            for cause in annotations.causes:
                self.annotation_texts.extend(_normal(t) for t in cause.text.values())
                if cause.headline:
                    self.annotation_headlines.update(_normal(t) for t in cause.headline.values())
            for remark in annotations.remarks:
                self.annotation_texts.extend(_normal(t) for t in remark.text.values())
        self.suggest = Suggester(self)  # check --fix: the one right value of a wrong figure
        self._matchers: dict[str, ItemMatcher] = {}
        self._base_names: dict[str, BaseNames] = {}
        # Each basis has one base period in a release period (previous_period: 2024H2, …).
        self.base_periods: dict[str, str] = {}
        for fact in facts:
            if fact.kind == "change" and fact.get("base_period") and fact.get("basis") in ("previous_period", "year_ago"):
                self.base_periods.setdefault(fact.basis, str(fact.base_period))
        # A basis the facts lack (no figure a year before 2023H1) is still named by its words: "from
        # 4.74 billion a year earlier" then names a base no figure belongs to, not an unnamed one.
        if self.period.kind != "Y":
            self.base_periods.setdefault("previous_period", str(self.period.previous()))
            self.base_periods.setdefault("year_ago", str(self.period.year_ago()))

    # -- helpers -----------------------------------------------------------------------
    def matcher(self, lang: str) -> ItemMatcher:
        if lang not in self._matchers:
            # Of the items and the release alone, not the period: built once for every period of a
            # project (0.7 s on the synthetic release of 1,000 items), kept with the objects it was built of.
            key = (id(self.items), id(self.config), lang)
            kept = _MATCHERS.get(key)
            if kept is None or kept[0] is not self.items or kept[1] is not self.config:
                if len(_MATCHERS) >= 16:
                    _MATCHERS.clear()
                kept = _MATCHERS[key] = (self.items, self.config, ItemMatcher(self.items, self.config, lang))
            self._matchers[lang] = kept[2]
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
        for needle, pattern in self._annotation_patterns():
            if needle not in text:
                continue
            for m in pattern.finditer(text):
                end = m.end()
                while end < len(text) and not text[end].isspace() and text[end] not in ",.;:!?)":
                    end += 1
                spans.append((m.start(), end))
        return sorted(spans)

    def _vocabulary(self, lang: str) -> dict:
        # Looked up for every sentence; kept for one check (a long-lived process sees edits next time).
        words = self._vocab_memo.get(lang)
        if words is None:
            from ..vocabulary import vocabulary

            words = self._vocab_memo[lang] = vocabulary(lang, self.config.project)
        return words

    def _annotation_patterns(self) -> list[tuple[str, re.Pattern]]:
        # Built once per period: escaping every annotation for every sentence made a long
        # document's check quadratic in practice (50,000 re.escape calls for 450 sentences).
        if self._annotation_cache is None:
            patterns = []
            for whole in self.annotation_texts:
                for part in re.split(r"(?<=[.!?])\s+", whole):
                    core = part.rstrip(" .!?。")
                    if rx(r"[\uac00-\ud7a3]").search(core):
                        core = core[:-3] if len(core) > 15 else ""
                    if len(core) < 12:
                        continue
                    pattern = f"(?:{re.escape(core[0].lower())}|{re.escape(core[0].upper())}){re.escape(core[1:])}"
                    patterns.append((core[1:], re.compile(pattern)))
            self._annotation_cache = patterns
        return self._annotation_cache

    def finding(self, doc: Document, sentence: Sentence, start: int, end: int, rule: str, message: str, data=None) -> Finding:
        line, column = sentence.position(start)
        end_line, end_column = sentence.position(end)
        return Finding(doc.path, line, column, self.levels[rule], rule, message,
                       end_column if end_line == line else None, data)

    def base_phrases(self, lang: str) -> list[tuple[str, str]]:
        """Phrases naming a comparison base in this language, and the basis they name."""
        phrases: list[tuple[str, str]] = []
        # The phrases depend only on the base period and basis: a synthetic period's 3,800
        # change facts have five such pairs (naming each fact's base was 42% of its check).
        pairs = dict.fromkeys((fact.base_period, fact.basis) for fact in self.facts if fact.kind == "change")
        for base_period, basis in pairs:
            base = Period.parse(base_period)
            names = {period_name(base, lang)}
            if self.release_year:
                names.add(period_name(base, lang, release_year=self.release_year, relative=True))
            if basis in ("previous_period", "year_ago"):
                names.add(comparison_phrase(basis, self.period, lang))
            for name in names:
                phrases.append((name, basis))
        if lang == "en":
            phrases += [("a year earlier", "year_ago"), ("a year ago", "year_ago"), ("same period", "year_ago"),
                        ("previous half", "previous_period"), ("previous quarter", "previous_period")]
        else:
            phrases += [("전년 동기", "year_ago"), ("전기", "previous_period")]
        return sorted(set(phrases), key=lambda p: -len(p[0]))

    # -- the check -----------------------------------------------------------------------
    def check(self, doc: Document, part: tuple[int, int] | None = None) -> tuple[list[Finding], dict[tuple[str, Decimal], tuple[int, int, str]]]:
        """Findings for one document, and the figures it states, where, as written (for the parity check).

        ``part`` limits the check to the sentences ``parts`` numbers from ``start`` to ``end``:
        each part starts a paragraph, where nothing read before carries over, so the parts'
        findings are the whole document's (the figures stated: the first part's win).
        """
        lang = doc.language
        self._vocab_memo, self._sentence_bases = {}, {}
        findings: list[Finding] = []
        stated: dict[tuple[str, Decimal], tuple[int, int, str]] = {}
        context: list[ItemMention] = [ItemMention((self.config.total,), -1, -1)]
        phrases = self.base_phrases(lang)
        carried: set[str] = set()
        sentences = _prepared(doc)
        cells = self._table_cells(doc, sentences, lang) if any(s.kind == "table" for s, _ in sentences) else {}
        for sentence, fresh in (sentences if part is None else sentences[part[0]:part[1]]):
            # A heading or a new paragraph (a blank line before it) starts from the total again.
            if fresh:
                context = [ItemMention((self.config.total,), -1, -1)]
                carried: set[str] = set()
            if self.is_annotation(sentence.text) and not (sentence.kind == "table" and not find_mentions(sentence.text, lang)):
                # A table's row label ("지식재산권 사용료") may also be words of an annotation: it is
                # the row's name, which the row's cells are read with, not the editors' prose.
                continue
            if not _WIDE_CHARS.isdisjoint(sentence.text):
                # "2.4％", "１２월": full-width forms, as Korean input methods type them, read as
                # their ASCII forms (one character for one, so positions stay the file's).
                sentence = replace(sentence, text=sentence.text.translate(_WIDE))
            spans = self.annotation_spans(sentence.text)
            if spans:
                # Blanked, not cut: offsets (and so file positions) stay those of the sentence.
                chars = list(sentence.text)
                for start, end in spans:
                    chars[start:end] = " " * (end - start)
                sentence = replace(sentence, text="".join(chars))
            read_as = cells.get((sentence.line, sentence.column))
            if read_as is not None and sentence.positions:
                # A table cell is read with its column's header, period and unit: "| -3.76 |" under
                # "H2 2024" in a table "($ bn)" states 3.76 billion dollars for 2024H2. The words
                # added sit at the cell's edges; no fix is offered for a cell so read.
                before, after = read_as
                cell = tuple(sentence.positions)  # a table cell is short: one position per character
                sentence = replace(sentence, text=before + sentence.text.strip() + after,
                                   positions=cell[:1] * len(before) + cell[len(sentence.text) - len(sentence.text.lstrip()):len(sentence.text.rstrip())]
                                   + cell[-1:] * len(after))
            else:
                read_as = None
            mentions_items = self.matcher(lang).find(sentence.text)
            if lang == "en":
                # "Core inflation, which strips out food and energy prices, slowed": a name inside a
                # relative clause describes the subject; it is not another item the figures are of.
                # So is the whole of a share put between commas ("Exports of X reached $6.37 billion,
                # 32.3% of total exports, 1.2 times ..."): the share is still
                # read, as a part's share of its ancestors, and what follows stays the part's.
                asides = [(m.start(), m.end()) for m in rx(r",\s(?:about |nearly |almost |some |roughly |around )?\d[\d.,]*\s?(?:%|percent) of (?:total |all |the )?[^,;$\d]*,|,\s(?:which|that)\s(?:strips?|exclud|leav|measur|track|cover|includ|compris|consist|span|range)[^,;]*,|,\s(?:including|such as|like)\s[^,;$\d]*?,(?=\s(?:grew|rose|fell|widened|narrowed|shrank|swelled|increased|decreased|dropped|climbed|jumped|posted|ran|reached|stood|was|were|came|logged|recorded|registered|saw|showed|had|hit|totaled|totalled|amounted|deepened|expanded|remained|stayed|earned|booked))").finditer(sentence.text)]
                mentions_items = [i for i in mentions_items if not any(a <= i.start < b for a, b in asides)]
            elif "전체" in sentence.text and mentions_items:
                # "동부 영상중개 수출은 80억달러로 전체 합성서비스 수출의 7.8%를 차지했으며 1996년 상반기(10억8000만
                # 달러)의 7.4배": the whole a share is of is not the subject of what follows it.
                wholes = [(m.start(), m.end()) for m in rx(r"전체\s?(?:[^\s,.()]+\s?){1,4}?의\s?(?:약\s?)?\d[\d.,]*\s?%").finditer(sentence.text)]
                if wholes:
                    mentions_items = [i for i in mentions_items if not any(a <= i.start < b for a, b in wholes)]
            figures = find_mentions(sentence.text, lang)
            self._carried_bases = carried
            if lang == "en" and len(context) > 1 and ("the former" in sentence.text.lower() or "the latter" in sentence.text.lower()):
                # "… deficits of $2.45 billion and $4.48 billion. The former widened by $1.01 billion":
                # the first or the last of the items named before.
                pointed = rx(r"\bthe (former|latter)\b", I).search(sentence.text)
                named = list(dict.fromkeys(m.codes for m in context))
                if pointed and len(named) > 1 and not any(m.start < pointed.start() for m in mentions_items):
                    codes = named[0] if pointed.group(1).lower() == "former" else named[-1]
                    context = [next(m for m in context if m.codes == codes)]
            if fresh:
                self._year_carried = False
            if lang == "ko" and self._year_facts is not None and self._ko_year_mode(sentence.text, figures, mentions_items or context):
                # "지난해 지식서비스 수출은 368억2000만달러, 수입은 440억8000만달러로 수입이 수출보다 72억6000만달러
                # 많았다": a sentence of the whole year is read against the year's facts (its levels,
                # ranks, shares and the differences between them), as the half's against the half's.
                if self._year_full is None:
                    self._year_full = index_facts(self._year_facts, self._units)
                saved = self.index, self.facts
                self.index, self.facts = self._year_full, self._year_facts
                try:
                    found = self._sentence(doc, sentence, lang, mentions_items, figures, context, phrases, stated)
                finally:
                    self.index, self.facts = saved
            else:
                found = self._sentence(doc, sentence, lang, mentions_items, figures, context, phrases, stated)
            if lang == "ko" and self._year_period:
                # "지난해 지식서비스 수출은 …. 유형별로는 전문·사업서비스가 75억5000만달러 적자로 가장 컸다":
                # a paragraph about the whole year goes on about it until a sentence names a half.
                if rx(r"[상하]반기|\d{1,2}\s?월").search(sentence.text):
                    self._year_carried = False
                elif self._ko_names_year(sentence.text, 0, len(sentence.text)) or "연간" in sentence.text:
                    self._year_carried = True
            findings += [replace(f, suggestion=None) for f in found] if read_as is not None else found
            if mentions_items:
                context = mentions_items
            carried = (self.base_names(lang).named(sentence.text) & {"previous_period", "year_ago"}) or carried
        return findings, stated

    def _table_cells(self, doc: Document, sentences, lang: str) -> dict[tuple[int, int], tuple[str, str]]:
        """What each table cell is read with, as (words before, words after) the cell: the column's
        header before it when the header is no period ("Imports: 4.8", an item or a metric), the
        period its column or row names after it ("(H2 2024)"), and, for a bare number, the
        table's unit ("($ bn)", "(%)", "(억달러)", in the header or the row's label). Cells are
        grouped into rows by line and into tables by consecutive lines (the separator between)."""
        rows: list[list[Sentence]] = []
        for sentence, _ in sentences:
            if sentence.kind != "table":
                continue
            if rows and rows[-1][0].line == sentence.line:
                rows[-1].append(sentence)
            else:
                rows.append([sentence])
        out: dict[tuple[int, int], tuple[str, str]] = {}
        tables: list[list[list[Sentence]]] = []
        for row in rows:
            if tables and 0 < row[0].line - tables[-1][-1][0].line <= 2:
                tables[-1].append(row)
            else:
                tables.append([row])
        names = self.base_names(lang)
        current = {period_name(self.period, lang).lower()}
        if self.release_year:
            current.add(period_name(self.period, lang, release_year=self.release_year, relative=True).lower())

        def period_of(text: str) -> str | None:
            named = names.named(text) or any(p in text.lower() for p in current) or rx(
                r"\b(?:H[12]|[12]H)\s?'?\d{2,4}\b|\b\d{4}\s?H[12]\b|\d{4}년\s?[상하]반기|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d{4}[.-]\d{1,2}\b|\d{1,2}월", I).search(text)
            return text.strip() if named else None

        lines = doc.file_lines

        def index(cell: Sentence) -> int:
            # The cell's column: the pipes before it on its line (an empty cell makes no sentence).
            line = lines[cell.line - 1] if 0 < cell.line <= len(lines) else ""
            before = line[:cell.column - 1].replace("\\|", "")
            return before.count("|") - (1 if line.lstrip().startswith("|") else 0)

        for table in tables:
            header, body = table[0], table[1:]
            if not body:
                continue
            heads = {index(c): c.text.strip() for c in header}
            table_unit = _table_unit(" ".join(heads.values()), lang)
            for row in body:
                labels = [c for c in row if index(c) == 0]
                label = labels[0].text if labels else ""
                row_period = period_of(label)
                for cell in row:
                    column = index(cell)
                    if column <= 0:
                        continue
                    head = heads.get(column, "")
                    unit = _table_unit(label, lang) or _table_unit(head, lang) or table_unit
                    text, after, before = cell.text, "", ""
                    if unit and _BARE_NUMBER.fullmatch(text):
                        after = unit
                    elif not find_mentions(text, lang):
                        continue
                    period = period_of(head) or row_period
                    if period:
                        after += f" ({period})"
                    elif head and "/" not in head:
                        # "Imports", "ICT services": the column's header names what the cell is of
                        # ("Surplus/deficit" names no sign).
                        before = f"{head}: " if lang == "en" else f"{head} "
                    out[(cell.line, cell.column)] = (before, after)
        return out

    def _clauses(self, text: str, lang: str) -> list[tuple[int, int]]:
        # Asked several times of each sentence; most have no clause word at all.
        cuts = [m.start() for m in rx(CLAUSE[lang], I).finditer(text)] if may_match(CLAUSE[lang], text, I) else []
        bounds = [0, *cuts, len(text)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def _attribute(self, position: int, items: list[ItemMention], clause: tuple[int, int], context: list[ItemMention]) -> list[ItemMention]:
        whole = _KO_WHOLE_BEFORE.search(self._text, max(clause[0], position - 24), position) \
            if getattr(self, "_lang", None) == "ko" and "전체" in self._text[max(0, position - 24):position] else None
        if whole and not any(m.end <= whole.start() and not self._text[m.end:whole.start()].strip() for m in items):
            # "전체 적자 확대 폭(7억7000만달러)", "전체 적자는 45억3000만달러": the whole, whatever item
            # the sentence named before it ("북미 전체 적자" is North America's whole, read as usual).
            return [ItemMention((self.config.total,), -2, -2)]
        inside = [m for m in items if clause[0] <= m.start < clause[1]]
        before = [m for m in inside if m.end <= position]
        if before and getattr(self, "_lang", None) == "ko":
            # "지재권은 전문·사업서비스에 이어 두 번째로 큰 적자(…)", "B보다 많은 …": the name compared
            # with is not the subject.
            before = [m for m in before if not _KO_COMPARED_NAME.match(self._text, m.end, position)] or before
        if before:
            return self._past_cause(before[-1], position, items)
        after = [m for m in inside if m.start >= position]
        if after and getattr(self, "_lang", None) == "ko" and _KO_METRIC_BRACKET.match(self._text, clause[0], position):
            # "수출 증가율(6.5%)은 ICT 산업 수출 증가율(19.3%)에 못 미쳤다": a figure bracketed after the
            # sentence's own metric word is that subject's, not the name after it.
            after = []
        if after:
            return [after[0]]
        earlier = [m for m in items if m.end <= position]
        if earlier:
            return self._past_cause(earlier[-1], position, items)
        return context[-1:] if context else []

    def _unknown_subject(self, text: str, figure: Mention, items: list[ItemMention]) -> list[ItemMention] | None:
        """"Conglomerates ran a $3.75 billion deficit", "Among institutions, chaebol units posted …": a
        subject the matcher does not know is not the total (nor the item of the sentence before).
        Under a dimension cue ("By region,", "among institutions") the figure is one of that
        dimension's members; without one, of any item the release has. Judged against those, a wrong
        figure still matches none; a right one is not judged against the total."""
        if not may_hold(_EN_SUBJECT_VERBS, text, I):
            return None
        m = _EN_SUBJECT.match(text)
        if m is None or m.end("subject") > figure.start or any(i.start < m.end("subject") for i in items):
            return None
        subject = m.group("subject")
        owned = _EN_OWNED_METRIC.match(subject)
        if owned and not _EN_NOT_UNKNOWN.search(owned.group("owner")):
            subject = owned.group("owner")  # "Shipbuilders' exports rose …": the owner is the subject's name
        # "The sector posted …" points back; "the Americas" names something.
        if _EN_NOT_UNKNOWN.search(subject) or rx(r"^(?i:the|this|that|these|those|its|their)\s+[a-z][\w-]*$").match(subject) \
                or rx(r"^(?:this|that|these|those|its|their)\s", I).match(subject):
            return None
        cue = _EN_DIMENSION_CUE.search(text, 0, figure.start)
        dimension = None
        if cue:
            word = cue.group("dim").lower()
            dimension = next((d for d in self._dimensions() if word.startswith(d[:-1] if d.endswith("y") else d)), None)
        # Without a cue the subject may be the total by other words ("Korean firms ran a deficit of $4.53 billion").
        codes = tuple(sorted(code for code, item in self.items.items() if (dimension is None or (
            code != self.config.total and getattr(item, "dimension", None) == dimension))))
        if not codes:
            return None
        self._unknown_names = f"any {dimension}" if dimension else "any item of the release"
        return [ItemMention(codes, -3, -3)]

    def _unknown_modifier(self, text: str, mention: ItemMention, items: list[ItemMention]) -> list[ItemMention] | None:
        """"Agricultural, livestock and fisheries prices jumped 5.6%", "Rice prices soared": the total's
        one-word generic name ("prices", "inflation") after a noun the release does not know names some
        other item, not the total. Judged against every item, as an unknown subject is."""
        word = text[mention.start:mention.end]
        if " " in word.strip() or not word[:1].isalpha():
            return None
        before = rx(r"([A-Za-z][\w'’-]*)\s+$").search(text, max(0, mention.start - 40), mention.start)
        if before is None or before.group(1).lower() in _EN_PLAIN_MODIFIERS or before.group(1).lower().endswith(("'s", "’s")) \
                or any(i.start <= before.start(1) < i.end for i in items):
            return None
        codes = tuple(sorted(self.items))
        self._unknown_names = "any item of the release"
        # -4: an item the release may simply not publish (rice, eggs): a figure matching none is unverifiable.
        return [ItemMention(codes, -4, -4)] if codes else None

    def _unknown_between(self, text: str, figure: Mention, owners: list[ItemMention], items: list[ItemMention]) -> list[ItemMention] | None:
        """"Trademark payments accounted for a $990 million deficit, R&D-related patents $770 million",
        "…, with platforms contributing $750 million": a name the release does not know, after a
        comma or "with" and straight before the figure, is the figure's subject, not the name before it."""
        last = max(m.end for m in owners)
        if last > figure.start:
            return None
        boundary = None
        for boundary in _EN_NP_BOUNDARY.finditer(text, last, figure.start):
            pass
        if boundary is None or any(boundary.end() <= i.start < figure.start for i in items):
            return None
        np = _EN_NP_BEFORE.fullmatch(text, boundary.end(), figure.start)
        if np is None:
            return None
        words = np.group("np").lower().split()
        if any(w in _EN_PLAIN_MODIFIERS or w in _EN_NP_STOP for w in words) or _EN_NOT_UNKNOWN.search(np.group("np")):
            return None
        self._unknown_names = "any item of the release"
        return [ItemMention(tuple(sorted(self.items)), -3, -3)]

    def _dimensions(self) -> list[str]:
        return sorted({getattr(item, "dimension", None) for item in self.items.values()} - {None, "total"})

    @staticmethod
    def _named_after(text: str, lang: str, figure: Mention, items: list[ItemMention], clause) -> list[ItemMention]:
        """"a $550 million deficit in information services", "a $3.57 billion surplus with Asia":
        a name straight after the amount (and its balance word) says whose it is."""
        if lang != "en":
            return []
        return [i for i in items if clause[0] <= i.start < clause[1] and i.start >= figure.end
                and (_EN_OWNER_AFTER.fullmatch(text, figure.end, i.start)
                     # "of the $1.44 billion IP deficit": a name between the amount and its balance word
                     or (text[figure.end:i.start].isspace() and _EN_OWNED_AFTER.match(text, i.end)))][:1]

    def _past_cause(self, owner: ItemMention, position: int, items: list[ItemMention]) -> list[ItemMention]:
        """"수입은 에너지 수입 감소(-18.4%)에도 1.2% 늘었다", "수출은 반도체 호조에 힘입어 8.4% 늘었다": a
        name inside a concessive or causal phrase is not the subject of what follows the phrase;
        the sentence's subject is (a name, or the bare metric word, the total's)."""
        text = getattr(self, "_text", "")
        if getattr(self, "_lang", None) != "ko" or not text or not rx(_KO_CONCESSIVE).search(text[owner.end:position]):
            return [owner]
        subject = self._streak_subject(text, position, items, "ko", (0, position))
        if not subject:
            return [owner]
        # -2 marks a subject read from the sentence's structure: the figure is not then handed to
        # another name of the clause, as a figure of the total's generic name may be.
        return [m for m in items if m.end <= position and list(m.codes) == subject][-1:] or [ItemMention(tuple(subject), -2, -2)]

    def _sentence(self, doc, sentence, lang, items, figures, context, phrases, stated) -> list[Finding]:
        text = sentence.text
        self._text, self._lang = text, lang  # for _attribute, which reads the words around a name
        findings: list[Finding] = []
        clauses = self._clauses(text, lang)
        for clause in clauses:
            in_clause = [f for f in figures if clause[0] <= f.start < clause[1]]
            # Amounts pair with the names before "respectively"; without amounts, percentages do
            # ("rose 4.6 percent and 3.1 percent, respectively", 각각 4.6%, 3.1%).
            money = [f for f in in_clause if f.kind == "money"] or [f for f in in_clause if f.kind == "percent"] \
                or ([f for f in in_clause if f.kind == "multiple"] if lang == "ko" else [])  # 각각 1.5배, 1.9배
            pairs: dict[Mention, list[ItemMention]] = {}
            if money and rx(RESPECTIVELY[lang], I).search(text[clause[0]:clause[1]]):
                named = [m for m in items if clause[0] <= m.start < money[0].start]
                # "Surpluses of A and B, respectively" may follow the sentence that named the items.
                unique = list(dict.fromkeys(named)) or [m for m in context if m.start >= 0]
                if len(unique) == len(money) and len(money) > 1:
                    pairs = {f: [m] for f, m in zip(money, unique)}
                else:
                    # "중견기업이 9억3000만달러 흑자를 냈고, 대기업과 플랫폼은 각각 37억5000만달러,
                    # 22억달러 적자를": the amounts after 각각 (before "respectively") pair with
                    # as many names just before them.
                    marker = rx(RESPECTIVELY[lang], I).search(text[clause[0]:clause[1]])
                    at = clause[0] + marker.start()
                    run = [f for f in money if (f.start > at if lang == "ko" else f.start < at)]
                    if lang == "ko":
                        # Only the list straight after 각각 ("각각 37억7000만달러, 21억8000만달러 적자를
                        # 나타낸 가운데 아시아에서는 35억7000만달러 흑자"): a later amount has its own name.
                        listed = run[:1]
                        for f in run[1:]:
                            if not rx(r"[\s,，·및와과]*").fullmatch(text[listed[-1].end:f.start]):
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
                    # "deficits of $3.77 billion and $2.18 billion with North America and Europe,
                    # respectively": the names between the amounts and the word.
                    after = list(dict.fromkeys(m for m in items if run and m.start >= run[-1].end and m.end <= at))
                    if lang != "ko" and len(run) > 1 and len(after) == len(run) and not pairs:
                        pairs = {f: [m] for f, m in zip(run, after)}
            if not pairs and len(money) > 1:
                pairs = self._listed_pairs(text, lang, clause, items, money)
            percents = [f for f in in_clause if f.kind == "percent"]
            if len(percents) > 1 and rx(RESPECTIVELY[lang], I).search(text[clause[0]:clause[1]]):
                # "Exports to the U.S. and China rose 14.7 percent and 1.8 percent, respectively",
                # "미국과 중국 수출은 각각 14.7%, 1.8%": as many names just before the percents, in order.
                named = list(dict.fromkeys(m for m in items if clause[0] <= m.start and m.end <= percents[0].start))
                if len({m.codes for m in named}) == len(named) >= len(percents):
                    pairs.update({f: [m] for f, m in zip(percents, named[-len(percents):])})
            for figure in in_clause:
                owners = pairs.get(figure) or self._named_after(text, lang, figure, items, clause) or self._attribute(figure.start, items, clause, context)
                if lang == "en" and len(owners) == 1 and owners[0] in items and (_EN_WHOLE_ROLE.match(text, owners[0].end) or (
                        # "… was the only content segment in the red, at $830 million": the same, a role noun after the whole.
                        _EN_ROLE_BEFORE.search(text, 0, owners[0].start) and _EN_ROLE_NOUN.match(text, owners[0].end))
                        # "… had the biggest deficit within professional and business services, at $3.09 billion".
                        or _EN_RANK_WITHIN.search(text, 0, owners[0].start)):
                    # "Games were the content industry's biggest earner, with a $2.26 billion surplus": the
                    # whole named in a rank or role phrase does not own the figure; the subject before it does.
                    subject = [m for m in items if clause[0] <= m.start and m.end <= owners[0].start]
                    owners = subject[-1:] or owners
                if lang == "en" and figure.kind == "money" and not pairs and not any(m in items for m in owners):
                    owners = self._unknown_subject(text, figure, items) or owners
                elif lang == "en" and len(owners) == 1 and owners[0].codes == (self.config.total,) and owners[0] in items:
                    owners = self._unknown_modifier(text, owners[0], items) or owners
                if lang == "en" and figure.kind == "money" and not pairs and owners and all(m in items for m in owners):
                    owners = self._unknown_between(text, figure, owners, items) or owners
                findings += self._figure(doc, sentence, lang, figure, owners, items, context, clause, stated, figure in pairs)
            findings += self._directions(doc, sentence, lang, clause, items, context, phrases)
            findings += self._digits(doc, sentence, lang, clause, items, context)
            findings += self._index_levels(doc, sentence, lang, clause, items, context, in_clause)
            if lang == "en" and not any(f.kind == "money" for f in in_clause):
                findings += self._bare_signs(doc, sentence, clause, items)
        if lang == "en" and " than " in text:
            findings += self._compared_with_base(doc, sentence, items, context)
        findings += self._records(doc, sentence, lang, items, context)
        findings += ranks.rank_findings(self, doc, sentence, lang, items)
        findings += self._streaks(doc, sentence, lang, items, context)
        findings += self._ranks(doc, sentence, lang, items, context)
        return findings

    def _bare_signs(self, doc, sentence, clause, items) -> list[Finding]:
        """A sign stated without an amount: "By institution type, large firms posted a surplus",
        "North America and Europe ran deficits", "ran deficits with North America and Europe":
        each item named as its subject (after the last comma before the verb, or straight after
        "with"/"in") against the sign of its balance this period. English only."""
        text = sentence.text
        segment = text[clause[0]:clause[1]].lower()
        if not any(w in segment for w in ("surplus", "deficit", "shortfall", "in the black", "in the red")):
            return []
        findings = []
        for m in _EN_BARE_SIGN.finditer(text, clause[0], clause[1]):
            word = (m.group("sign") or m.group("color")).lower()
            stated = "surplus" if word.startswith(("surplus", "black")) else "deficit"
            if _EN_FORECAST.search(text, max(clause[0], m.start() - 48), m.start() + 1):
                continue
            after = [i for i in items if m.end() <= i.start < clause[1] and rx(r"\s+(?:with|in)\s+(?:the\s+)?", I).fullmatch(text, m.end(), i.start)]
            if after:
                # "ran deficits with North America and Europe": the names listed after "with".
                subjects, end = [after[0]], after[0].end
                for i in items:
                    if i.start >= end and rx(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", I).fullmatch(text, end, i.start):
                        subjects.append(i)
                        end = i.end
            else:
                starts = [x.end() for x in rx(r"[,;:—–(]", I).finditer(text, clause[0], m.start())]
                subjects = [i for i in items if max(starts, default=clause[0]) <= i.start and i.end <= m.start()]
            codes_sets = [[c for c in i.codes if self._levels(c).get("balance")] for i in subjects]
            codes_sets = [cs for cs in codes_sets if cs]
            if len(codes_sets) > 1:
                codes_sets = [cs for cs in codes_sets if cs != [self.config.total]]
            for codes in codes_sets:
                signs = {("surplus" if self._levels(c)["balance"] > 0 else "deficit") for c in codes}
                if stated in signs:
                    continue
                code = codes[0]
                actual = signs.pop()
                value = self.money_text(abs(self._levels(code)["balance"]), "en")
                findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.sign",
                                             f"'{m.group(0)}': {self.name(code, 'en')} had a {actual}, not a {stated} (data: {actual} of {value})",
                                             f"{actual} of {value}"))
        return findings

    def _compared_with_base(self, doc, sentence, items, context) -> list[Finding]:
        """"The deficit was $4.53 billion, narrower than the $3.76 billion of the second half of 2024",
        "…, smaller than in the first half": a comparative after the figure, against a base period the
        words after "than" name, is a direction claim on that base. Two items compared ("smaller than
        North America's") are left to the rank comparison."""
        text = sentence.text
        findings = []
        for m in _EN_THAN_BASE.finditer(text):
            rest = text[m.end():]
            stop = rx(r";|\.(?!\d)|,\s(?:while|but|and|as|with|whereas)\b", I).search(rest)
            tail = rest[:stop.start()] if stop else rest
            if any(m.end() <= i.start < m.end() + len(tail) for i in items):
                continue  # another item after "than": not this item's own move
            bases = self.base_names("en").named(tail) & {"previous_period", "year_ago"}
            if len(bases) != 1:
                continue
            clause = next(((a, b) for a, b in self._clauses(text, "en") if a <= m.start() < b), (0, len(text)))
            owners = self._attribute(m.start(), items, (0, m.start() + 1), context)
            metric = self._metric_at(text, m.start(), m.end(), (0, m.start()), "en", look_ahead=False)
            codes = self._codes(owners)
            changes = [f for code in codes for f in self.index.get(code, ItemFacts()).changes
                       if f.get("basis") in bases and (metric is None or f.metric == metric)]
            if not changes:
                continue
            category = "shrink" if m.group("cmp").lower() in ("narrower", "smaller", "lower", "less") else "grow"
            if any(agrees(category, f) for f in changes):
                continue
            said = self._describe_change(changes[0], "en")
            findings.append(self.finding(doc, sentence, m.start("cmp"), m.end("cmp"), "data.direction",
                                         f"'{m.group('cmp')}' contradicts the data for {self.name(changes[0].item, 'en')} (data: {said})", said))
        return findings

    def _comparisons(self, doc, sentence, items) -> list[Finding]:
        """"The deficit of digital intermediary platforms was bigger than that of manufacturing",
        "Europe's deficit was smaller than North America's": two items' amounts of one metric (the
        balance unless exports or imports are named), compared by size. English only; the item
        after "than" must follow it directly."""
        text = sentence.text
        findings = []
        for m in _EN_COMPARED.finditer(text):
            following = next((i for i in items if i.start == m.end()), None)
            if following is None:
                continue
            clause = next(((a, b) for a, b in self._clauses(text, "en") if a <= m.start() < b), (0, len(text)))
            starts = [x.end() for x in rx(r"[,;:—–]", I).finditer(text, clause[0], m.start())]
            before = [i for i in items if max(starts, default=clause[0]) <= i.start and i.end <= m.start()]
            if not before:
                continue
            metric = next((name for name, pattern in METRIC_WORDS["en"][:2] if rx(pattern, I).search(text, clause[0], m.start())), "balance")
            bigger = m.group("cmp").lower() not in ("smaller", "narrower")
            readings = [(a, b, x, y) for a in before[-1].codes for b in following.codes if a != b
                        for x, y in [(self._levels(a).get(metric), self._levels(b).get(metric))] if x is not None and y is not None]
            # Judged only when every reading of the two names says otherwise.
            if not readings or any(abs(x) == abs(y) or (abs(x) > abs(y)) == bigger for _, _, x, y in readings):
                continue
            a, b, x, y = readings[0]
            said = f"{self.name(a, 'en')} {self.money_text(abs(x), 'en')}, {self.name(b, 'en')} {self.money_text(abs(y), 'en')}"
            findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.rank",
                                         f"'{m.group(0).strip()}': the {metric} of {self.name(a, 'en')} is not {m.group('cmp').lower()} than that of {self.name(b, 'en')} (data: {said})", said))
        return findings

    def _ranks(self, doc, sentence, lang, items, context) -> list[Finding]:
        """Rank claims ("Europe posted the largest regional deficit", "the second-largest deficit
        among categories") against the rank facts of the item's dimension: the item must stand at
        the place claimed among the members of its side. Items with no rank fact are not judged."""
        text = sentence.text
        if lang != "en":
            return []
        findings = self._comparisons(doc, sentence, items) if " than " in text else []
        if "est " not in text and "est-" not in text:
            return findings
        lowered = text.lower()
        if "largest" not in lowered and "biggest" not in lowered and "smallest" not in lowered:
            return findings
        for m in [*_EN_RANK.finditer(text), *_EN_RANK_AMONG.finditer(text)]:
            clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= m.start() < b), (0, len(text)))
            before = [i for i in items if clause[0] <= i.start and i.end <= m.start()]
            after = [i for i in items if m.end() <= i.start < clause[1]]
            owner = before[-1:] or after[:1] or context[-1:]
            sign = m.group("sign")
            if not sign:
                # "Asia's surplus of $3.57 billion was the second-largest among regions": the sign
                # word before it in the clause.
                said = list(rx(r"\b(?:surplus(?:es)?|deficits?|shortfalls?)\b", I).finditer(text, clause[0], m.start()))
                if not said:
                    continue
                sign = said[-1].group(0)
            side = "surplus" if sign.lower().startswith("surplus") or "earner" in sign.lower() or sign.lower().endswith(("surplus", "surpluses")) else "deficit"
            if len(before) > 1 and _EN_WHOLE_ROLE.match(text, before[-1].end) and _EN_WHOLE_ROLE.match(text, before[-1].end).end() >= m.start():
                owner = before[-2:-1]  # "Games were the content industry's biggest earner": the subject, not the whole
            place = _count(m.group("ord").lower(), self._vocabulary(lang).get("streaks", {})) if m.group("ord") else 1
            if place is None:
                continue
            for code in self._codes(owner):
                ranks = [f for _, f in self.index.get(code, ItemFacts()).percent
                         if f.kind == "rank" and f.period == str(self.period) and any(x["item"] == code for x in f.members)]
                if not ranks or any(f.extreme != side for f in ranks):
                    continue  # no rank of the item, or a rank of the other side (data.sign judges the sign)
                members = ranks[0].members
                order = members[::-1] if m.group("sup").lower() == "smallest" else members
                if place <= len(order) and order[place - 1]["item"] == code:
                    continue
                actual = order[place - 1] if place <= len(order) else None
                said = f"{self.name(actual['item'], lang)} ({self.money_text(abs(Decimal(str(actual['value']))), lang)})" if actual else \
                    f"only {len(order)} with a {side}"
                findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.rank",
                                             f"'{m.group(0)}': {self.name(code, lang)} is not at that place among the {side}{'es' if side == 'surplus' else 's'} by {ranks[0].dimension} (data: {said})", said))
        return findings

    def _named_for(self, text: str, lang: str, figure: Mention) -> set[str]:
        """The bases a figure is measured on: those the sentence names, or, when it names several
        ("20.5% from the previous half and 29.4% from a year earlier", "직전 반기보다 20.5%, 1년 전보다
        29.4%"), the one next to the figure: after it in English, before it in Korean, up to the
        neighbouring figure."""
        names = self.base_names(lang)
        named = names.named(text)
        if not named:
            return named
        others = [f for f in find_mentions(text, lang) if f.kind in ("money", "percent") and f.start != figure.start]
        if figure.kind == "percent":
            # "rose 8.4%, up from 3.6% in October", "10월(3.6%)보다", "October's 3.6%": a period
            # named as the date of another rate is that rate's, not the base this change is on.
            named = {basis for _, _, basis, dated in self._dated_spans(text, lang) if dated in (None, figure.start)}
            if len(named) < 2:
                return named
        after = text[figure.end:min([f.start for f in others if f.start >= figure.end] + [len(text)])]
        before = text[max([f.end for f in others if f.end <= figure.start] + [0]):figure.start]
        for segment in ((after, before) if lang == "en" else (before, after)):
            own = names.named(segment)
            if own:
                return own
        return named

    def _dated_spans(self, text: str, lang: str) -> list[tuple[int, int, str, int | None]]:
        """The base names of ``text``, each with the start of the rate it dates, if one: the rate
        just before it ("3.6% in October") or just after it ("October's 3.6%", "10월(3.6%)")."""
        cache = self.__dict__.setdefault("_dated_cache", {})
        found = cache.get((text, lang))
        if found is None:
            if len(cache) > 20_000:
                cache.clear()
            rates = [f for f in find_mentions(text, lang) if f.kind == "percent"]
            ends, starts = [r.end for r in rates], [r.start for r in rates]
            found = []
            for a, b, basis in self.base_names(lang).spans(text):
                dated = None
                i = bisect_right(ends, a) - 1  # the last rate ending before the name
                if i >= 0 and _DATES_RATE[lang][0].fullmatch(text[rates[i].end:a]):
                    dated = rates[i].start
                j = bisect_left(starts, b)  # the first rate starting after it
                if dated is None and j < len(rates) and _DATES_RATE[lang][1].fullmatch(text[b:rates[j].start]):
                    dated = rates[j].start
                found.append((a, b, basis, dated))
            cache[(text, lang)] = found
        return found

    def _listed_pairs(self, text: str, lang: str, clause, items, money) -> dict:
        """"Mid-sized firms and individuals posted surpluses of $930 million and $510 million",
        "대기업과 플랫폼은 37억5000만달러, 22억달러 적자": a list of names straight followed by a
        list of as many amounts pairs them in order, "respectively" (각각) left unsaid."""
        joint = _LIST_JOINT[lang]
        names = sorted(dict.fromkeys(m for m in items if clause[0] <= m.start and m.end <= money[0].start), key=lambda m: m.start)
        if len(names) < 2:
            return {}
        listed = [names[-1]]
        for m in reversed(names[:-1]):
            if not rx(joint, I).fullmatch(text[m.end:listed[0].start]):
                break
            listed.insert(0, m)
        amounts = [money[0]]
        for f in money[1:]:
            if not rx(joint, I).fullmatch(text[amounts[-1].end:f.start]):
                break
            amounts.append(f)
        if len(listed) != len(amounts) or len(amounts) < 2 or len({c for m in listed for c in m.codes}) < len(listed):
            return {}
        return {f: [m] for f, m in zip(amounts, listed)}

    def _codes(self, owners: Iterable[ItemMention]) -> list[str]:
        return list(dict.fromkeys(code for m in owners for code in m.codes))

    def _figure(self, doc, sentence, lang, figure: Mention, owners, items, context, clause, stated, pairs_mode=False) -> list[Finding]:
        if lang == "ko" and figure.negative and figure.kind == "money" and between.hyphen_range(sentence.text, figure):
            figure = replace(figure, negative=False)  # "45억-46억달러": a range, not a minus
        if lang == "ko" and figure.kind in ("money", "multiple", "percent") and not pairs_mode and not self.__dict__.get("_plain"):
            related = between.compared(self.index, self.config.total, sentence.text, figure, items, context, clause)
            if related is not None:
                found = self._related(doc, sentence, lang, figure, related)
                if found or related[0] is None:
                    return found
                # It agrees: the plain reading still records the figure as stated (for the parity
                # check), its findings dropped.
                self._plain = True
                try:
                    self._figure(doc, sentence, lang, figure, owners, items, context, clause, stated, pairs_mode)
                finally:
                    self._plain = False
                return []
        if lang == "ko" and self.period.kind == "H" and "반기" in sentence.text[clause[0]:figure.start]:
            later = self._ko_later_half(sentence.text, clause[0], figure.start)
            if later:
                return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                     f"'{figure.text}' is dated to {later}, after this release's period {self.period}: the data has no figures for it",
                                     str(self.period))]
        if lang == "ko" and figure.kind in ("multiple", "percent") and self.dataset is not None and "년" in sentence.text[clause[0]:figure.start]:
            found = self._earlier_multiple(doc, sentence, figure, self._codes(owners), clause)
            if found is not None:
                return found
        if lang == "ko" and figure.kind == "money" and self.dataset is not None and "년" in sentence.text[clause[0]:figure.start]:
            earlier = self._ko_earlier_period(sentence.text, figure, clause)
            if earlier is not None:
                return self._earlier_figure(doc, sentence, lang, figure, earlier, self._codes(owners), clause)
            compared_with = self._ko_earlier_period(sentence.text, figure, clause, compared=True)
            if compared_with is not None:
                found = self._earlier_change(doc, sentence, lang, figure, compared_with, self._codes(owners), clause)
                if found is not None:
                    return found
        if lang == "ko" and figure.kind == "money" and not pairs_mode and len(items) > 1 and between.joint(self.index, sentence.text, figure, items, clause):
            return []  # the two items named together, as their sum
        if lang == "ko" and figure.kind == "money" and not pairs_mode and len(items) > 1:
            total = between.joint_total(self.index, sentence.text, figure, items, clause)
            if total is not None:
                # "지재권과 전문·사업서비스 적자는 44억8000만달러": one amount for the two named as one
                # subject is their sum, not the nearer one's figure (it agrees, or joint() passed it).
                said = self.money_text(total, lang)
                return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                     f"'{figure.text}' is stated for the items named together, whose sum in the data is {said} (data: {said})", said)]
        codes = self._codes(owners)
        names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        if any(m.start in (-3, -4) for m in owners):
            names = f"{self.__dict__.get('_unknown_names', 'any item')} (the subject's name is not one the release knows)"
        if figure.kind == "money":
            candidates = [c for code in codes for c in self.index.get(code, ItemFacts()).money]
            scope = self._scope(sentence.text, lang, figure, clause)
            if scope == "ytd" and any(code in self.year_index for code in codes) and (
                    self.last_year is None or self._names_last_year(sentence.text, clause[0], figure.start)):
                candidates = [c for code in codes for c in self.year_index.get(code, ())]
            hits = [c for c in candidates if matches(figure, c.value)]
            if not hits and lang == "ko" and scope != "ytd" and self._year_period and any(code in self.year_index for code in codes) \
                    and (self._ko_names_year(sentence.text, clause[0], figure.start)
                         or ((self.__dict__.get("_year_carried") or self._ko_year_is_release())
                             and not rx(r"[상하]반기|\d{1,2}\s?월|올해|올\s|반년|분기").search(sentence.text)
                             and not self.base_names(lang).named(sentence.text))):
                # "2024년 72억6000만달러", "지난해 지식서비스 적자는 72억6000만달러": the year named bare is the
                # whole year, whose figures the release also reports.
                year_hits = [c for code in codes for c in self.year_index.get(code, ()) if matches(figure, c.value)]
                if year_hits or not candidates:
                    candidates, hits = [c for code in codes for c in self.year_index.get(code, ())], year_hits
            if not candidates:
                return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                     f"'{figure.text}': the data has no figures for {names} in {self.period}; it can neither confirm nor refute this amount")]
            low = between.range_low(sentence.text, figure) if lang == "ko" else None
            if low is not None:  # "45억~46억달러": a range holds the value
                hits = [c for c in candidates if between.in_range(low, figure, c.value)]
            if scope and any(f"_{scope}" in c.metric for c in candidates):
                # "상반기 수출은 570억7000만달러": the half's exports, not June's.
                candidates = [c for c in candidates if f"_{scope}" in c.metric]
                hits = [c for c in hits if c in candidates]
            generic = (set(codes) <= {self.config.total} or not any(clause[0] <= m.start < clause[1] for m in owners)) \
                and not any(m.start == -2 for m in owners)
            if not hits and not pairs_mode and generic and not scope:
                # The nearest name may be a generic one ("services exports"), or carried over
                # from an earlier sentence; the figure may belong to another item named in the
                # same clause. A list's figure ("automobiles (13.7 percent, $6.41 billion) and
                # wireless devices (…)") belongs to the name before it.
                clause_codes = self._codes(m for m in items if clause[0] <= m.start < clause[1])
                hits = [c for code in clause_codes for c in self.index.get(code, ItemFacts()).money if matches(figure, c.value)]
                if hits:
                    codes = clause_codes
            if not hits and not pairs_mode and not scope and owners and all(m.start >= figure.end for m in owners):
                # "The deficit of $4.54 billion came mostly from R&D services": a name after the
                # figure may say where it comes from; the subject is the item carried (or the total).
                carried = self._codes(context[-1:]) or [self.config.total]
                hits = [c for code in carried for c in self.index.get(code, ItemFacts()).money if matches(figure, c.value)]
                if hits:
                    codes = carried
            if not hits and lang == "en" and _EN_OF_WHOLE_AMOUNT.search(sentence.text, max(0, figure.start - 24), figure.start):
                # "R&D made up $3.09 billion of the $4.48 billion deficit": the amount after "of the" is
                # the whole's — an item the part belongs to, or one the sentence names ("Within professional services").
                wholes = list(dict.fromkeys([*(a for code in codes for a in self._ancestors(code, with_total=True)),
                                             *(c for c in self._codes(items) if c not in codes)]))
                whole_hits = [c for code in wholes for c in self.index.get(code, ItemFacts()).money if matches(figure, c.value) and c.role == "value"]
                if whole_hits:
                    codes, hits = wholes, whole_hits
            if not hits and self._other_sign_subject(sentence.text, lang, clause, items, owners):
                return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                     f"'{figure.text}': the sentence names no item and calls it a {self._total_sign() == 'deficit' and 'surplus' or 'deficit'}, "
                                     f"which {self.name(self.config.total, lang)} did not have; its subject is in a sentence before")]
            if not hits and any(matches(figure, gap) for gap in self._item_gaps(sentence.text, lang, figure, clause, items)):
                return []  # "A's deficit exceeded B's by $2.03 billion": the gap between two amounts
            if not hits and any(matches(figure, total) for total in self._item_sums(sentence.text, lang, figure, clause, items)):
                return []  # "North America and Europe together ran a combined deficit of $5.95 billion"
            if not hits and any(m.start == -4 for m in owners):
                return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                     f"'{figure.text}' is of an item the release does not name; no item's amount in the data matches it")]
            if not hits:
                closest = min(candidates, key=lambda c: (abs(c.value - figure.value), c.value))
                said = self.money_text(closest.value, lang)
                finding = self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                       f"'{figure.text}' does not match the data for {names} (data: {said})", said)
                if any(m.start in (-3, -4) for m in owners):
                    return [finding]  # a subject of no known item: no one right value to offer
                return [self.suggest.money(finding, sentence.text, lang, figure, codes, clause, candidates, owners, pairs_mode)]
            wrong = self._wrong_role(sentence.text, lang, figure, hits, clause, codes)
            if wrong and generic and not pairs_mode and not scope and set(codes) <= {self.config.total}:
                # "ICT 산업의 지식서비스 수출은 1년 전보다 10억3000만달러 늘어": the total's name qualifies
                # the trade of the item before it; the total's own 10억3000만 (its balance's change) is
                # not the exports' change, the item's is.
                clause_codes = [c for c in self._codes(m for m in items if clause[0] <= m.start < clause[1]) if c != self.config.total]
                other = [c for code in clause_codes for c in self.index.get(code, ItemFacts()).money if matches(figure, c.value)]
                if other and not self._wrong_role(sentence.text, lang, figure, other, clause, clause_codes):
                    codes, hits, wrong = clause_codes, other, None
            if wrong and any(matches(figure, gap) for gap in self._item_gaps(sentence.text, lang, figure, clause, items)):
                wrong = None  # "Imports exceeded exports by $4.53 billion": the gap, not an export figure
            if wrong:
                message, said = wrong
                return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                                     f"'{figure.text}' {message} (data: {said})", said)]
            stated.setdefault(("money", hits[0].value), (*sentence.position(figure.start), figure.text))
            if any(m.start in (-3, -4) for m in owners):
                names = " / ".join(self.name(code, lang) for code in codes
                                   if any(c is h for c in self.index.get(code, ItemFacts()).money for h in hits))
            return self._sign(doc, sentence, lang, figure, hits, clause, names)
        fits = multiple_matches if figure.kind == "multiple" else matches
        pool = [p for code in codes for p in getattr(self.index.get(code, ItemFacts()), figure.kind)]
        pool = self._narrow(sentence.text, lang, figure, clause, pool)
        if lang == "ko" and figure.kind == "percent":
            # "반도체가 42.3%를 차지했다": a flow's ranking lists the main products only, so a member's
            # share of their sum is no share a reader can take (of total exports it is 28.3%).
            pool = [p for p in pool if not (p[1].kind == "rank" and p[1].get("metric") not in ("balance", "balance_ytd")
                                            and (self.config.metrics.get(p[1].get("metric")) is None
                                                 or self.config.metrics[p[1].get("metric")].kind != "balance"))]
        if lang == "ko" and figure.kind == "percent" and _KO_OF_WHOLE.search(sentence.text, clause[0], figure.start):
            # "반도체는 전체 수출의 40%를 넘었다": a share of the whole, not of the members a ranking lists
            # (the 15 products' sum is not total exports).
            pool = [p for p in pool if p[1].kind != "rank"]
        derived = self._derived_shares(sentence.text, lang, figure, clause, items) if figure.kind == "percent" else None
        if derived:
            # "저작권 적자가 지재권 적자의 24.5%", "Copyrights accounted for 24.5 percent of the IP
            # deficit": the part and the whole are both named, so the share is theirs, derived.
            # A whole percent may be rounded from the share as published, to a tenth ("about 69
            # percent" of 68.486, published 68.5).
            pool = derived + [(v.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), f) for v, f in derived if figure.precision >= 1]
            if lang == "en" and _EN_AMONG.search(sentence.text, figure.end, clause[1]):
                # "three-quarters of the deficit among categories": of the side's members, the rank's share.
                pool += [(v, f) for code in codes for v, f in self.index.get(code, ItemFacts()).percent if f.kind == "rank"]
        if figure.kind == "percent" and lang == "en" and not derived:
            # "R&D services accounted for 69 percent of the IP deficit": a whole the part is not part
            # of; the share is still the part's amount over that whole's (126 percent, not 69).
            foreign = self._foreign_whole(sentence.text, figure, clause, items, codes)
            if foreign:
                pool = foreign
        if figure.kind == "percent" and lang == "en":
            # "Exports covered 81 percent of imports", "imports were 23 percent larger than exports".
            ratio = self._trade_ratio(sentence.text, figure, clause, codes)
            if ratio:
                pool = ratio
        if figure.kind == "multiple":
            # "North America's deficit was 1.7 times Europe's": the ratio of two items' amounts.
            ratios = self._item_ratios(sentence.text, lang, figure, clause, items)
            if ratios:
                pool = ratios
        if figure.kind == "percent" and lang == "en" and not derived:
            # "Europe's deficit was less than half of North America's", "58 percent of North America's":
            # one item's amount over another's, neither part of the other.
            ratios = self._item_percents(sentence.text, figure, clause, items)
            if ratios:
                pool = ratios
        if figure.kind == "percent" and rx(RATE_GAP[lang], I).search(sentence.text[max(clause[0], figure.start - 24):figure.start]):
            # "전월(2.1%)보다 0.3% 확대": the gap between two rates is in percentage points.
            return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                 f"'{figure.text}' is a change of a rate, which is in percentage points, not percent", "percentage points")]
        if figure.kind == "percent" and lang == "en" and _EN_RATE_GAP.match(sentence.text, figure.end) \
                and not rx(r"\b(?:to|at|of|was|were|is|stood at)\s+(?:about\s+|around\s+)?$", I).search(sentence.text[max(0, figure.start - 16):figure.start]):
            # "Inflation picked up 0.3 percent from 2.1 percent": the step from one rate to another is
            # in percentage points, when it is the rate's change in points and not a rate the item has.
            facts = [self.index.get(code, ItemFacts()) for code in codes]
            stepped = {fact.get("metric") for f in facts for v, fact in f.points if fact.kind == "change" and matches(figure, v)}
            if stepped and not any(matches(figure, v) for f in facts for v, fact in f.percent
                                   if fact.kind in ("level", "record") and fact.get("metric") in stepped):
                return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                     f"'{figure.text}' is a change of a rate, which is in percentage points, not percent", "percentage points")]
        if figure.kind == "percent":
            band = self._band(sentence.text, lang, figure, codes)
            if band is not None:
                return [] if band is True else [self.suggest.band(f, sentence.text, lang, figure, codes, clause, owners, band)
                                                for f in self._band_finding(doc, sentence, figure, band, names)]
            if lang == "ko" and figure.hedge is None and sentence.text.startswith("대", figure.end):
                figure = replace(figure, hedge="band")  # "수출 증가율은 6%대": from 6 up to 7, any rate
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
        generic = (set(codes) <= {self.config.total} or not any(clause[0] <= m.start < clause[1] for m in owners)) \
            and not any(m.start == -2 for m in owners)
        if generic and not any(fits(figure, value) for value, _ in pool):
            clause_codes = self._codes(m for m in items if clause[0] <= m.start < clause[1])
            wider = self._narrow(sentence.text, lang, figure, clause,
                                 [p for code in clause_codes for p in getattr(self.index.get(code, ItemFacts()), figure.kind)])
            if any(fits(figure, value) for value, _ in wider) or not pool:
                codes, pool = clause_codes or codes, wider or pool
                names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        if figure.kind == "points":
            # "전월(1.7%)보다 0.6%포인트 높아졌다": a change in points is of the rate whose base or
            # level the clause states, not another rate's change (the month-on-month's 0.6).
            stated_rates = {abs(f.value) for f in find_mentions(sentence.text[clause[0]:clause[1]], lang) if f.kind == "percent"}
            tied = [(v, f) for v, f in pool if f.kind == "change" and (abs(f.get("base_value", -1) or 0) in stated_rates or abs(f.get("value", -1) or 0) in stated_rates)]
            if tied:
                pool = [(v, f) for v, f in pool if f.kind != "change"] + tied
        if figure.kind == "points" and lang == "en" and _FROM[lang].search(sentence.text[max(0, figure.start - 12):figure.start]):
            # "contributed 0.24 percentage point, down from 0.27 point in January": a base's points.
            pool = pool + [(abs(Decimal(str(f.base_value))), f) for code in codes for f in self.index.get(code, ItemFacts()).changes
                           if f.get("unit") == "pp" and f.get("base_value") is not None]
        if figure.kind == "points" and not any(fits(figure, value) for value, _ in pool):
            percents = [p for code in codes for p in self.index.get(code, ItemFacts()).percent]
            hit = next((value for value, _ in percents if matches(figure, value)), None)
            if hit is not None:
                return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                     f"'{figure.text}' is a percent in the data, not percentage points (data: {hit}%)", f"{hit}%")]
        rule = "data.multiple" if figure.kind == "multiple" else "data.percent"
        if not pool and figure.kind == "percent":
            # "ICT 산업의 수입 증가율은 19.3%" where the data has no imports change but 19.3% is the
            # exports' own: another metric's figure, the classic slip, not an unknown.
            metric = self._stated_metric(sentence.text, lang, figure, clause)
            if metric is not None:
                other = [(v, f) for code in codes for v, f in self.index.get(code, ItemFacts()).percent
                         if f.kind == "change" and f.get("metric") and f.metric != metric
                         and not f.metric.startswith(metric + "_") and fits(figure, v)]
                if other:
                    fact = other[0][1]
                    return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                         f"'{figure.text}' is the change of {fact.metric} of {names}, not of {metric} (the data has no {metric} change)",
                                         f"{other[0][0]}% ({fact.metric})")]
        if not pool and figure.kind in ("percent", "multiple"):
            # "The IP deficit widened 70 percent from a year earlier" where the data has IP's change
            # on the previous half only, and 70 is that one: the other base's figure, the classic slip.
            slip = self._other_base(sentence.text, lang, figure, codes, fits)
            if slip is not None:
                value, fact, said_basis = slip
                return [self.finding(doc, sentence, figure.start, figure.end, rule,
                                     f"'{figure.text}' is the change of {names} on {fact.base_period}, not on {said_basis} (the data has no change on it)",
                                     f"{value}{'%' if figure.kind == 'percent' else ' times'} on {fact.base_period}")]
        if not pool:
            return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                 f"'{figure.text}': no {figure.kind} for {names} in the facts of {self.period}; it can neither be confirmed nor refuted")]
        hit = next((value for value, _ in pool if fits(figure, value)), None)
        if hit is not None:
            stated.setdefault((figure.kind, hit), (*sentence.position(figure.start), figure.text))
            return []
        if any(m.start == -4 for m in owners):
            return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                 f"'{figure.text}' is of an item the release does not name; no item's {figure.kind} in the data matches it")]
        closest = min(pool, key=lambda p: abs(p[0] - figure.value))[0]
        if figure.kind == "multiple":
            closest = closest.quantize(Decimal("0.01"))
        if figure.kind == "percent" and closest.as_tuple().exponent < -1:
            # A share derived to the thousandth (54.084) is shown as the data would publish it.
            closest = closest.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        said = {"percent": f"{closest}%", "points": f"{closest} percentage points"}.get(figure.kind, f"×{closest}")
        finding = self.finding(doc, sentence, figure.start, figure.end, rule,
                               f"'{figure.text}' does not match the data for {names} (data: {said})", said)
        return [self.suggest.rate(finding, sentence.text, lang, figure, codes, clause, owners, pool, pairs_mode)]

    def _related(self, doc, sentence, lang, figure: Mention, related) -> list[Finding]:
        """A figure relating two items (a difference, a multiple, a sum): judged on what it relates."""
        value, what, _ = related
        if value is None:
            return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                 f"'{figure.text}': {what}; it can neither be confirmed nor refuted")]
        wrong = between.finding_for(sentence.text, figure, related)
        if wrong is None:
            return []
        message, said = wrong
        if figure.kind == "money" and said[:1].isdigit():
            said = self.money_text(value, lang)
            message = f"'{figure.text}' does not match {what} (data: {said})"
        rule = {"multiple": "data.multiple", "percent": "data.percent"}.get(figure.kind, "data.number")
        return [self.finding(doc, sentence, figure.start, figure.end, rule, message, said)]

    def _narrow(self, text: str, lang: str, figure: Mention, clause, pool: list) -> list:
        """The percents or multiples a figure can be, given what the sentence says around it.

        A change's percent or ratio counts only on the base the sentence names ("29.4 percent
        from the previous half" is not the year-on-year 29.4), and of the metric it names
        ("exports rose 12.1 percent" is not the imports' 12.1); a percent straight after a
        direction word ("rose 71.9 percent") is a change, not a share.
        """
        if figure.kind not in ("percent", "multiple") or not pool:
            return pool
        named = self._named_for(text, lang, figure)
        # No base named and no from-to amount to tie it to one: the release's headline basis is
        # meant ("dropped 15.2 percent" in a year-on-year release is not the change on last month).
        # A base named earlier in the paragraph carries over ("… from a year earlier. The deficit
        # widened 29.4 percent."), as a reader reads it.
        implied: set[str] = set()
        froms = [f for f in find_mentions(text, lang) if f.kind == "money" and self._from_to(text, lang, f)]
        if not named and froms:
            # "rose to $4.53 billion (up 20.5%) from $3.76 billion": the from-figure is a base's
            # value, and the percent is on that base (a from-figure of no base leaves it open).
            implied = {fact.basis for _, fact in pool if fact.kind == "change" and fact.get("basis") in ("previous_period", "year_ago")
                       and fact.get("base_value") is not None and any(matches(f, abs(Decimal(fact.base_value))) for f in froms)}
        elif not named:
            implied = set(self._carried_bases) or ({self.config.headline.basis} if self.config.headline is not None else set())
            # An item whose data has no change on that basis (ICT exports: only on the year) is read
            # on the basis it has: the sentence names none, and the data leaves one.
            if not any(f.kind == "change" and f.get("basis") in implied for _, f in pool):
                implied = set()
        metric = self._stated_metric(text, lang, figure, clause)
        before = text[max(clause[0], figure.start - 16):figure.start]
        moved = figure.kind == "percent" and any(rx(rf"(?:{pattern})\W*(?:by\s+|about\s+|some\s+|nearly\s+|almost\s+)?$", I).search(before)
                                                 for _, pattern in DIRECTIONS[lang]) if lang == "en" else (
            # Korean puts the verb after: "53.1% 증가했다", "70.1% 커졌다" is a change, not a share.
            figure.kind == "percent" and any(rx(rf"\s?(?:가량|정도|가까이|넘게|이나|나)?\s?(?:{pattern})").match(text[figure.end:figure.end + 12])
                                             for _, pattern in DIRECTIONS[lang]))

        # A fraction ("two-thirds of", 3분의 2) is a share unless a direction word moves it (절반 가까이 늘었다).
        shared = figure.kind == "percent" and not moved and (figure.fraction or Suggester._share(text, lang, figure))
        # The base the figure itself is measured on: "8.4 percent from the previous month", "전월 대비 8.4%".
        window = text[figure.end:min(clause[1], figure.end + 30)] if lang == "en" else text[max(clause[0], figure.start - 16):figure.start]
        # "slowed to 5.1 percent from 11.7 percent in May": a rate compared with another rate, not a
        # change measured on May.
        rate_to_rate = lang == "en" and rx(r"\s*(?:from|than)\s+(?:a |an )?-?\d[\d.]*\s*(?:percent|per cent|%)", I).match(window)
        beside = set() if rate_to_rate else self.base_names(lang).named(window) if (rx(r"\s*(?:from|on|than|over|against|compared with|versus|vs\.?)(?!\w)", I).match(window)
                                                          if lang == "en" else rx(r"(?:대비|보다|에 비해|비)\s*$").search(window)) else set()
        if lang == "en" and rx(r"\s*from\s+-?\d+(?:\.\d+)?\s?(?:%|percent)", I).match(window):
            beside = set()  # "slowed to 2.0% from 2.2% a month earlier": the base phrase dates the earlier rate

        # "연간 수출은 … 3.8% 증가": a year-to-date figure is a cumulative metric's, not the month's.
        to_date = bool(rx(YEAR_TO_DATE[lang], I).search(text[clause[0]:clause[1]])) and any(
            "ytd" in (f.get("metric") or "") for _, f in pool)
        # "Annual exports rose 8.2 percent, with December shipments up 6.6 percent": a month named
        # after the year-to-date words, before the figure, takes the figure back.
        ends = [m.end() for m in rx(YEAR_TO_DATE[lang], I).finditer(text[clause[0]:figure.start])]
        if to_date and ends and any(m.start() >= ends[-1] for m in rx(MONTH_WORDS[lang], I).finditer(text[clause[0]:figure.start])):
            to_date = False

        scope = self._scope(text, lang, figure, clause)
        scope = scope if scope and any(f"_{scope}" in (f.get("metric") or "") for _, f in pool) else None

        def keep(fact) -> bool:
            if to_date and "ytd" not in (fact.get("metric") or ""):
                return False
            if scope and f"_{scope}" not in (fact.get("metric") or ""):
                return False
            if fact.kind in ("change", "cumulative") and named and fact.get("basis") in ("previous_period", "year_ago") \
                    and fact.basis not in named:
                return False
            if implied and fact.kind == "change" and fact.get("basis") in ("previous_period", "year_ago") and fact.basis not in implied:
                return False
            # "전년 동월 대비 9.7% … 전월 대비 3.6%": each percent on the base named right beside it.
            if beside and fact.kind == "change" and fact.get("basis") in ("previous_period", "year_ago") and fact.basis not in beside:
                return False
            fm = fact.get("metric") or ""
            # A published rate of a basis ("exports_yoy_pct": percent_of exports, year_ago) is a
            # change on that basis: not on the base another phrase names.
            defined = self.config.metrics.get(fm)
            if beside and defined is not None and defined.percent_basis and defined.percent_basis not in beside:
                return False
            # "imports rose 6.5%" is not the exports' 6.5%, even when the data has no imports change.
            if metric in ("exports", "imports") and fm and not (fm == metric or fm.startswith(metric + "_")) \
                    and (fm.startswith(("exports", "imports", "balance")) or any((f.get("metric") or "").startswith(metric) for _, f in pool)):
                return False
            if moved and fact.kind in ("share", "driver", "rank"):
                return False
            # "made up 38.6% of total exports", "28.3%를 차지": a share, not the item's growth.
            if shared and not (fact.kind in ("share", "driver") or (defined is not None and defined.share_of)
                               or (fact.kind == "rank" and (defined is None or defined.unit == "usd_million"))):
                return False
            return True

        return [p for p in pool if keep(p[1])]

    def _ko_earlier_period(self, text: str, figure: Mention, clause, compared: bool = False) -> Period | None:
        """The period an amount is dated to by a name straight before it ("2022년 하반기(47억4000만달러)",
        "2023년 상반기 적자는 27억2000만달러"), when it is earlier than this period and no base of the
        facts: figures of the periods the facts compare are read as before."""
        found = None
        for m in rx(r"(?P<y>20\d\d)년\s?(?:(?P<h>[상하])반기|(?P<m>1[0-2]|[1-9])월)?").finditer(text, clause[0], figure.start):
            found = m
        if found is None:
            return None
        if compared:
            # "2023년 상반기(27억2000만달러)보다 18억1000만달러 많다": the period compared with.
            if not rx(r"\s?(?:\([^()]*\))?\s?(?:보다|대비|에 비해|과 비교해|과 비교하면|에 견줘)\s?(?:약\s?)?").fullmatch(text, found.end(), figure.start):
                return None
        elif not (rx(r"\s?\(\s?[-−]?\s?|\s?(?:에는?|엔)?\s?").fullmatch(text, found.end(), figure.start)
                  or _KO_DATED.fullmatch(text, found.end(), figure.start)):
            return None
        y = int(found.group("y"))
        period = Period.parse(f"{y}H{1 if found.group('h') == '상' else 2}" if found.group("h")
                              else f"{y}-{int(found.group('m')):02d}" if found.group("m") else str(y))
        known = self._known_periods
        if str(period) in known or (period.kind != self.period.kind and period.kind != "Y") or period.end_month >= self.period.end_month:
            return None
        return period

    def _levels_compared(self, codes, metric: str, period: Period) -> list[Decimal]:
        """The levels a comparison with an earlier ``period`` is of: a year's with a year (the whole
        year the release also reports, "지난해 적자는 2010년보다 …"), else this period's."""
        if period.kind == "Y" and self._year_period and period.kind != self.period.kind:
            found = [c.signed for code in codes for c in self.year_index.get(code, ()) if c.metric == f"{metric}_ytd"]
            if found:
                return found
        return [c.signed for code in codes for c in self.index.get(code, ItemFacts()).money if c.role == "value" and c.metric == metric]

    def _earlier_change(self, doc, sentence, lang, figure: Mention, period: Period, codes, clause) -> list[Finding] | None:
        """An amount after "2023년 상반기보다": the change from that period's cell to this period's
        level. None (read as usual) when the figure is this period's own level, or either is missing."""
        metric = self._stated_metric(sentence.text, lang, figure, clause) or "balance"
        now = self._levels_compared(codes, metric, period)
        then = [v for code in codes if (v := self.dataset.value(code, period, metric)) is not None]
        if not now or not then or any(matches(figure, abs(v)) for v in now):
            return None
        change = abs(abs(now[0]) - abs(then[0])) if metric == "balance" else abs(now[0] - then[0])
        if matches(figure, change):
            return []
        names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        said = self.money_text(change, lang)
        return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                             f"'{figure.text}' does not match the change of {names} from {period} (data: {said})", said)]

    def _earlier_figure(self, doc, sentence, lang, figure: Mention, period: Period, codes, clause) -> list[Finding]:
        """An amount dated to an earlier period than the facts compare, against that period's cell."""
        metric = self._stated_metric(sentence.text, lang, figure, clause)
        cells = [v for code in codes for m in ((metric,) if metric else ("balance", "exports", "imports"))
                 if (v := self.dataset.value(code, period, m)) is not None]
        names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
        if not cells:
            return [self.finding(doc, sentence, figure.start, figure.end, "data.unverifiable",
                                 f"'{figure.text}': the data has no figure for {names} in {period}, the period the sentence dates it to")]
        if any(matches(figure, abs(v)) for v in cells):
            return []
        said = self.money_text(abs(cells[0]), lang)
        return [self.finding(doc, sentence, figure.start, figure.end, "data.number",
                             f"'{figure.text}' does not match the data for {names} in {period}, the period the sentence dates it to (data: {said})", said)]

    def _ko_history_change(self, text: str, clause, start: int, codes):
        """The move between an amount dated to an earlier period the facts do not compare (its cell
        the data's) and another amount the clause states before the direction word, as a change
        whose ``direction`` and ``sign`` the direction words are read against; None when the clause
        has no such pair."""
        money = [f for f in find_mentions(text[:start], "ko") if f.kind == "money" and f.start >= clause[0]]
        if money and rx(r"\s?(?:까지|로|으로)?\s?").fullmatch(text, money[-1].end, start) and self._ko_earlier_period(text, money[-1], clause):
            # "2023년 상반기 27억2000만달러까지 줄었던 적자는": a move into an earlier period, which the
            # data's facts do not give.
            return _HistoryChange(None, {}, "")
        compared = rx(r"(?P<y>20\d\d)년\s?(?:(?P<h>[상하])반기)?\s?(?:\([^()]*\))?\s?(?:보다|대비|에 비해|[과와] 비교해|[과와] 비교하면|에 견줘)").search(text, clause[0], start)
        if compared and len(money) < 2:
            # "적자 폭은 2010년보다 55억1000만달러 줄었다": the move from that period to the level compared.
            y = int(compared.group("y"))
            period = Period.parse(f"{y}H{1 if compared.group('h') == '상' else 2}" if compared.group("h") else str(y))
            known = self._known_periods
            if str(period) not in known and period.end_month < self.period.end_month:
                metric = self._stated_metric(text, "ko", Mention("money", Decimal(0), Decimal(1), start, start, ""), clause) or "balance"
                now = self._levels_compared(codes, metric, period)
                then = next((v for code in codes if (v := self.dataset.value(code, period, metric)) is not None), None)
                if now and then is not None:
                    a, b = abs(now[0]), abs(then)
                    up, down = ("widened", "narrowed") if metric == "balance" else ("increased", "decreased")
                    direction = up if a > b else down if a < b else "unchanged"
                    return _HistoryChange(direction, {"sign": "deficit" if then < 0 else "surplus"},
                                          f"{self.money_text(b, 'ko')} in {period} → {self.money_text(a, 'ko')}: {direction}")
        if len(money) < 2:
            return None
        for base in money:
            period = self._ko_earlier_period(text, base, clause)
            if period is None:
                continue
            metric = self._stated_metric(text, "ko", base, clause) or "balance"
            cell = next((v for code in codes if (v := self.dataset.value(code, period, metric)) is not None), None)
            if cell is None or not matches(base, abs(cell)):
                continue
            other = [f for f in money if f is not base]
            now = abs(other[-1].value)
            then = abs(cell)
            if metric == "balance":
                direction = "widened" if now > then else "narrowed" if now < then else "unchanged"
            else:
                direction = "increased" if now > then else "decreased" if now < then else "unchanged"
            sign = "deficit" if cell < 0 else "surplus"
            data = {"sign": sign}
            said = f"{self.money_text(then, 'ko')} in {period} → {other[-1].text}: {direction}"
            return _HistoryChange(direction, data, said)
        return None

    def _earlier_multiple(self, doc, sentence, figure: Mention, codes, clause) -> list[Finding] | None:
        """"상반기 적자는 2023년 상반기(-27억2000만달러)의 1.7배": a multiple of an earlier period's level
        the facts do not compare, from that period's cell. None when no such period is named."""
        text = sentence.text
        m = rx(r"(?P<y>20\d\d)년\s?(?:(?P<h>[상하])반기)?\s?(?:\([^()]*\))?\s?(?:의|보다|이후|이래|대비|에 비해)\s?(?:약\s?)?$" if figure.kind == "multiple" else
               r"(?P<y>20\d\d)년\s?(?:(?P<h>[상하])반기)?\s?(?:\([^()]*\))?\s?(?:보다|대비|에 비해|과 비교해)\s?(?:약\s?)?$").search(text, clause[0], figure.start)
        if not m:
            return None
        y = int(m.group("y"))
        period = Period.parse(f"{y}H{1 if m.group('h') == '상' else 2}" if m.group("h") else str(y))
        known = self._known_periods
        if str(period) in known or (period.kind != self.period.kind and period.kind != "Y") or period.end_month >= self.period.end_month:
            return None
        metric = self._stated_metric(text, "ko", figure, clause) or "balance"
        now = self._levels_compared(codes, metric, period)
        then = [v for code in codes if (v := self.dataset.value(code, period, metric)) is not None]
        if not now or not then or not then[0]:
            return None
        if figure.kind == "percent":
            # "2010년 대비 43.1% 축소됐다": the change in percent from that period's level.
            change = (abs(now[0]) - abs(then[0])) if metric == "balance" else (now[0] - then[0])
            if matches(figure, abs(change) / abs(then[0]) * 100):
                return []
            said = f"{(abs(change) / abs(then[0]) * 100).quantize(Decimal('0.1'))}%"
            return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                 f"'{figure.text}' does not match the change from {period} (data: {said})", said)]
        result = (abs(now[0]) / abs(then[0]), f"the ratio to {period}", True)
        found = between.finding_for(text, figure, result)
        if found is None:
            return []
        return [self.finding(doc, sentence, figure.start, figure.end, "data.multiple", found[0], found[1])]

    def _ko_year_mode(self, text: str, figures, named: list[ItemMention]) -> bool:
        """Whether a Korean sentence is of the whole year the release also reports: it names that year
        bare (or follows a sentence that did, or names no period in the year's last half), names no
        half, month or base, and more of its amounts are the year's than the period's."""
        if "년" not in text and "연간" not in text and not self.__dict__.get("_year_carried") and not self._ko_year_is_release():
            return False  # most sentences: no year named, none carried
        money = [f for f in figures if f.kind == "money"]
        if not money or rx(r"[상하]반기|\d{1,2}\s?월|올해|올\s|반년|분기|전기|직전").search(text) or self.base_names("ko").named(text):
            return False
        if not (self._ko_names_year(text, 0, len(text)) or "연간" in text or self.__dict__.get("_year_carried") or self._ko_year_is_release()):
            return False
        codes = self._codes(named) or [self.config.total]
        year = [c.value for code in codes for c in self.year_index.get(code, ())]
        own = [c.value for code in codes for c in self.index.get(code, ItemFacts()).money if c.role == "value"]
        of_year = sum(any(matches(f, v) for v in year) for f in money)
        return of_year > sum(any(matches(f, v) for v in own) for f in money)

    def _ko_year_is_release(self) -> bool:
        """A year's last half published with the year's figures ("지식서비스 무역통계 편제 결과 (2010~2024년)"):
        a sentence that names no period may be of the whole year, as that release's coverage is."""
        return self._year_period is not None and self.period.kind == "H" and self.period.n == 2 and int(self._year_period) == self.period.year

    def _ko_names_year(self, text: str, start: int, end: int) -> bool:
        """Whether the last year word before a figure names the year of the release's whole-year
        figures, bare ("2024년", "지난해" when that year is last year) and not one of its parts."""
        year = int(self._year_period)
        found = None
        for m in rx(r"(?:(?P<y>20\d\d)년|지난해|작년)(?!\s?(?:[상하]반기|\d{1,2}\s?월|\d\s?분기|1\s?[~∼〜-]|7\s?[~∼〜-]|동기|같은|말|초))").finditer(text, start, end):
            found = m
        if found is None or rx(r"올해|올\s|금년|20\d\d년").search(text, found.end(), end):
            return False
        return int(found.group("y")) == year if found.group("y") else (self.release_year or self.period.year) - 1 == year

    def _ko_later_half(self, text: str, start: int, end: int) -> str | None:
        """"올 하반기 지식서비스 수지는 …" in a first-half release: the half the clause dates its figure
        to, when it comes after the release's own period (no data can be of it)."""
        found = None
        for m in rx(r"(?:(?P<y>20\d\d)년|(?P<this>올해|올|금년)|(?P<last>지난해|작년))\s?(?P<h>[상하])반기").finditer(text, start, end):
            now = self.release_year or self.period.year  # 올해 is the year the release is published
            year = int(m.group("y")) if m.group("y") else now - (1 if m.group("last") else 0)
            found = (year, 1 if m.group("h") == "상" else 2)
        if found and found > (self.period.year, self.period.n):
            return f"{found[0]}H{found[1]}"
        return None

    def _ko_level_before_base(self, text: str, figure: Mention, clause) -> bool:
        """"공연·전시 흑자는 1억8000만달러로 전기보다 2000만달러 늘었다": an amount with 로 before the base
        the clause compares with is the level reached, this period's, and not the base's (no base
        is named before it, to date it: "지난해 하반기 37억6000만달러로 …")."""
        if not rx(r"\s?(?:으로|로)(?!부터|서|\s?(?:늘|증가|확대|불어|커|줄|감소|축소))").match(text, figure.end):
            return False
        spans = [(a, b) for a, b, _ in self.base_names("ko").spans(text) if clause[0] <= a and b <= clause[1]]
        if not spans or any(b <= figure.start for a, b in spans):
            return False
        after = min((b for a, b in spans if a >= figure.end), default=None)
        return after is not None and bool(rx(r"\s?(?:보다|대비|에 비해|과 비교|와 비교)").match(text, after))

    def _names_last_year(self, text: str, start: int, end: int) -> bool:
        """Whether the words before a figure name last year as its period: "지난해 연간", and not
        "작년 7~12월 37억6000만달러였던 적자가 올해 1~6월 45억3000만달러로", where this year's
        words come after last year's."""
        found = list(self.last_year.finditer(text, start, end))
        if found and rx(r"\s?(?:1\s?[~∼〜-]\s?6월|7\s?[~∼〜-]\s?12월|[상하]반기)").match(text, found[-1].end()):
            return False  # "작년 1~6월": a half of last year, not the whole of it
        return bool(found) and not rx(r"올해|올\s|금년|this year", I).search(text, found[-1].end(), end)

    @staticmethod
    def _scope(text: str, lang: str, figure: Mention, clause) -> str | None:
        """The quarter, half or year to date a figure is of ("first-half exports rose 9.1 percent", 1분기
        수출, 1~11월 누적), when the clause names one before it and no month after that; None for the
        month's own figures."""
        before = text[clause[0]:figure.start]
        last, where = None, -1
        if not may_hold((*(p for _, p in PERIOD_SCOPES[lang]), YEAR_TO_DATE[lang]), before, I):
            return None
        for scope, pattern in [*PERIOD_SCOPES[lang], ("ytd", YEAR_TO_DATE[lang])]:
            for m in rx(pattern, I).finditer(before):
                if m.start() > where:
                    last, where = scope, m.end()
        if last is None or (may_match(MONTH_WORDS[lang], before, I)
                            and any(m.start() >= where for m in rx(MONTH_WORDS[lang], I).finditer(before))):
            return None
        return last

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
        rates = [f for f in find_mentions(text, lang) if f.kind == "percent" and f.start != figure.start]

        def distance(phrase: str) -> int | None:
            best = None
            for m in rx(re.escape(phrase.lower())).finditer(lowered[window_start:window_end]):
                a, b = window_start + m.start(), window_start + m.end()
                if a >= figure.end and _COMPARED[lang].match(text, figure.end):
                    continue  # "fell 0.2 percent from October": the period is the comparison's base
                if rx(r"\s?이후").match(text[b:]) or rx(r"\bsince\s$", I).search(text[max(0, a - 6):a]):
                    continue  # "3월 이후 처음 감소", "the first decline since March": a since, not a base
                if b <= figure.start and rx(r"\s?(?:보다|대비|에 비해)").match(text[b:]):
                    continue  # "10월보다 2.5% 늘었다": the period is the comparison's base
                if a >= figure.end and (rx(r"\bsince\s+$", I).search(text[max(0, a - 8):a]) if lang == "en"
                                        else rx(r"\s?(?:\([^)]*\)\s?)?이후").match(text[b:b + 16])):
                    continue  # "rose 25.9 percent, the highest since March": the record's reference, not the figure's period
                if any(figure.end <= r.start and r.end <= a or b <= r.start and r.end <= figure.start for r in rates):
                    continue  # "rose 8.4%, up from 3.6% in October": the period dates the rate between
                if any(b <= r.start and _DATES_RATE[lang][1].fullmatch(text[b:r.start]) for r in rates):
                    continue  # "8.4% 늘어 10월(3.6%)보다", "October's 3.6%": the period dates the rate after it
                gap = figure.start - b if b <= figure.start else a - figure.end if a >= figure.end else 0
                best = gap if best is None else min(best, gap)
            return best

        def names(period: Period) -> set[str]:
            out = {period_name(period, lang)}
            if self.release_year:
                out.add(period_name(period, lang, release_year=self.release_year, relative=True))
            if period.kind == "M" and self.period.kind == "M" and 0 < (self.period.year * 12 + self.period.n) - (period.year * 12 + period.n) < 12:
                # A month less than a year back needs no year ("after an 8.4% gain in November" in
                # a December release published in January).
                out.add(period_name(period, lang, release_year=period.year, relative=True))
            return out

        def basis_phrase(period: Period) -> str | None:
            # "전월(2.4%)보다": a basis phrase names its period too, when the rate stands in
            # parentheses right after it ("전월 대비 0.3%" is a comparison, not that month's rate).
            for basis, base in (("previous_period", self.period.previous()), ("year_ago", self.period.year_ago())):
                if period == base and self.period.kind != "Y":
                    return comparison_phrase(basis, self.period, lang)
            return None

        periods = {p for *_, p in entries}
        if lang == "en":
            # "after falling 0.8 percent the previous month", "4.8 percent in the prior month": a basis
            # phrase straight after the rate, with no comparison word between, dates the rate.
            dated = _EN_RATE_DATED.match(text, figure.end)
            if dated:
                named = self.base_names(lang).named(dated.group("phrase")) & {"previous_period", "year_ago"}
                base = self.base_periods.get(next(iter(named))) if len(named) == 1 else None
                if base in periods:
                    return [(value, fact) for value, fact, p in entries if p == base]
        nearest, where = None, None
        for period in sorted(periods):
            phrase = basis_phrase(Period.parse(period))
            # "전월(-0.8%)": the sign written inside the parenthesis, before the rate, too.
            if phrase and rx(r"\(\s?[-−+]?\s?$").search(text[max(0, figure.start - 4):figure.start]) and \
                    rx(r"\(\s?[-−+]?\s?$").sub("", text[max(0, figure.start - len(phrase) - 6):figure.start]).rstrip().endswith(phrase):
                return [(value, fact) for value, fact, p in entries if p == period]
        if lang == "ko":
            # "전달(-0.8%)", "직전 반기(20.5%)": any of the vocabulary's names of a basis, straight
            # before the rate's parenthesis, dates the rate to that basis's period.
            for a, b, basis in self.base_names(lang).spans(text):
                if b <= figure.start and rx(r"\s?\(\s?[-−+]?\s?").fullmatch(text, b, figure.start):
                    base = {"previous_period": self.period.previous(), "year_ago": self.period.year_ago()}.get(basis)
                    if base is not None and str(base) in periods:
                        return [(value, fact) for value, fact, p in entries if p == str(base)]
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
        side = rx(r"\b(below|under|above)\s+$", I).search(text[max(0, figure.start - 8):figure.start]) if lang == "en" \
            else rx(r"\s?(미만|밑|아래|초과|웃|이상)").match(following)
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
        if not (rx(r"\s?range\b", I).match(following) if lang == "en" else following.startswith("대")):
            return None
        bands = [f for code in codes for f in self.index.get(code, ItemFacts()).streaks
                 if f.condition == "band" and f.get("threshold")]
        # The band the rate is in this period, from the width of the band the release reports
        # streaks of and the rate's level: "9개월 만에 1%대로 내려왔다", "석 달 만에 2%대로" (no run yet).
        rules = [r for r in self.config.streaks if r.condition == "band" and len(r.threshold) == 2 and (r.item is None or r.item in codes)]
        levels = [Decimal(str(f.value)) for f in self.facts if f.kind == "level" and f.item in codes
                  and any(f.get("metric") == r.metric for r in rules) and f.get("value") is not None]
        width = rules[0].threshold[1] - rules[0].threshold[0] if rules else None
        if levels and any(figure.value <= v <= figure.value + width for v in levels):
            return True
        if any(Decimal(str(f.threshold[0])) <= figure.value <= Decimal(str(f.threshold[1])) for f in bands):
            return True
        if bands:
            return bands
        if not levels:
            return None
        return [("band", figure.value, figure.value + width)]

    def _band_finding(self, doc, sentence, figure: Mention, bands, names) -> list[Finding]:
        if isinstance(bands[0], tuple) and bands[0][0] == "band":
            said = f"{bands[0][1]}–{bands[0][2]}%"
            return [self.finding(doc, sentence, figure.start, figure.end, "data.percent",
                                 f"'{figure.text}' range does not hold the rate of {names} this period", said)]
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
        if lang == "ko" and rx(r"\s?(흑자|적자)").match(text[figure.end:figure.end + 4]):
            return "balance"
        if lang == "en" and rx(r"\s+(?:trade\s+)?(?:surplus|deficit|gap|shortfall)\b", I).match(text, figure.end):
            return "balance"  # "leaving a $4.53 billion gap": the noun after the amount says what it is
        if lang == "en":
            # "its $4.8 billion in imports", "$6.37 billion worth of exports", "$4.8 billion of imports",
            # "a $1.21 billion gain in exports", "the 6.5 percent rise in exports".
            after = rx(r"\s+(?:(?:gain|rise|increase|jump|climb|growth|advance|drop|fall|decline|decrease|slide)s?\s+)?(?:(?:worth\s+)?of|in)\s+(?:(?:its|their)\s+)?(?:(?:\w+\s+){0,2}?)(exports|imports)\b", I).match(text, figure.end)
            if after and after.end() <= clause[1] + 1:
                return after.group(1).lower()
        best, where = None, -1
        before = text[clause[0]:figure.start]
        if not may_hold(tuple(p for _, p in METRIC_WORDS[lang]), before, I):
            return None
        respective = self._respective_metric(text, lang, figure, clause) if lang == "ko" and "각각" in before else None
        if respective is not None:
            return respective
        for metric, pattern in METRIC_WORDS[lang]:
            for m in rx(pattern, I).finditer(before):
                if m.start() > where:
                    best, where = metric, m.start()
        return best

    @staticmethod
    def _respective_metric(text: str, lang: str, figure: Mention, clause) -> str | None:
        """"수출과 수입은 각각 197억1000만달러, 242억4000만달러": metric words listed before 각각 pair
        in order with as many amounts listed after it (the nearest metric word is the last one's only)."""
        marker = text.rfind("각각", clause[0], figure.start)
        metrics = []
        for metric, pattern in METRIC_WORDS[lang]:
            metrics += [(m.start(), metric) for m in rx(pattern, I).finditer(text, clause[0], marker)]
        metrics = [metric for _, metric in sorted(metrics)]
        if len(metrics) < 2 or len(set(metrics)) != len(metrics):
            return None
        amounts = [f for f in find_mentions(text[:clause[1]], lang) if f.kind == figure.kind and f.start > marker]
        listed = amounts[:1]
        for f in amounts[1:]:
            if not rx(r"[\s,，·및와과]*").fullmatch(text[listed[-1].end:f.start]):
                break
            listed.append(f)
        if len(listed) != len(metrics):
            return None
        return next((metric for f, metric in zip(listed, metrics) if f.start == figure.start), None)

    def _wrong_role(self, text: str, lang: str, figure: Mention, hits: list[Candidate], clause, codes) -> tuple[str, str] | None:
        """A matching number used in the wrong role: another metric, or a base or change stated as a level."""
        if lang == "ko" and _KO_CHANGE_AMOUNT.match(text, figure.end) and not any(h.role == "delta" for h in hits):
            # "지재권 적자가 20억달러 넘게 불어나": an amount straight before a change verb (no 로) is the
            # change's; the level it happens to match is not it, when the data knows the change.
            deltas = [c for code in codes for c in self.index.get(code, ItemFacts()).money
                      if c.role == "delta" and c.metric == hits[0].metric]
            if deltas:
                return "is a level, but the sentence states it as the change", self.money_text(deltas[0].value, lang)
        metric = self._stated_metric(text, lang, figure, clause)
        # "exports" also names the quarter's, half's and year-to-date exports (exports_half).
        if metric is not None and not any(h.metric == metric or h.metric.startswith(metric + "_") for h in hits):
            own = [c for code in codes for c in self.index.get(code, ItemFacts()).money if c.metric == metric and c.role == "value"]
            said = self.money_text(own[0].value, lang) if own else f"no {metric} figure"
            return f"is not the {metric} figure of {' / '.join(dict.fromkeys(self.name(c, lang) for c in codes))}", said
        lowered = text.lower()
        segment = text[clause[0]:clause[1]]
        dated = self._dated_base(text, lang, figure, clause)
        if dated and not any(h.role == "base" and h.fact.get("basis") == dated for h in hits) and any(h.role == "value" for h in hits):
            # "In the first half of 2024, the deficit was $3.76 billion", "2024년 상반기 적자는
            # 37억6000만달러" in a 2024H2 release: this period's figure, dated to the base period.
            metric = next(h.metric for h in hits if h.role == "value")
            base = [c for code in codes for c in self.index.get(code, ItemFacts()).money
                    if c.role == "base" and c.fact.get("basis") == dated and c.metric == metric]
            if base:
                return f"is the figure for {self.period}, but the sentence dates it to {base[0].base_period}", self.money_text(base[0].value, lang)
        foreign = self._foreign_period(text, lang, figure, clause) if any(h.role == "value" for h in hits) else None
        if foreign:
            # "In the second half of 2025, the deficit reached $4.53 billion" in a 2025H1 release:
            # this period's figure, dated to a period that is neither this one nor a base.
            return f"is the figure for {self.period}, but the sentence dates it to {foreign}", f"no figure for {foreign} here"
        if lang == "ko" and not any(h.role == "value" for h in hits) and any(h.role == "base" for h in hits):
            stated_as_level = self._ko_level_before_base(text, figure, clause)
            if stated_as_level:
                base = next(h for h in hits if h.role == "base")
                own = [c for code in codes for c in self.index.get(code, ItemFacts()).money if c.role == "value" and c.metric == base.metric]
                return (f"is the figure for {base.base_period}, but the sentence states it as the level of {self.period} "
                        f"before the base it compares with", self.money_text(own[0].value if own else base.value, lang))
        # The bases the sentence names, each bound to its own period: "from $3.76 billion a year
        # earlier" names the year-ago base, so the previous half's 3.76 billion is not it.
        named = self._named_for(text, lang, figure)
        if lang == "en" and all(h.role == "value" for h in hits) and _EN_FROM_FIGURE.search(text, max(clause[0], figure.start - 40), figure.start) \
                and any(f.kind == "money" and f.start != figure.start and _EN_TO_FIGURE.search(text, max(clause[0], f.start - 8), f.start)
                        for f in find_mentions(text[clause[0]:clause[1]], lang) for f in [replace(f, start=f.start + clause[0])]):
            # "grew to $1.57 billion from $1.6 billion a year earlier": the from-figure of a from-to is
            # the base's; this period's own value (to which 1.6 rounds) is not it.
            base = [c for code in codes for c in self.index.get(code, ItemFacts()).money
                    if c.role == "base" and c.metric == hits[0].metric and (not named or c.fact.get("basis") in named)]
            if base:
                return f"is the figure for {self.period}, but the sentence gives it as the base", self.money_text(base[0].value, lang)
        for hit in hits:
            if hit.role == "value":
                return None
            basis = hit.fact.get("basis") if hit.fact.kind in ("change", "cumulative") else None
            if hit.fact.kind == "driver" and hit.role == "delta":
                basis = hit.fact.get("basis")  # a driver of a change carries its part's change, on the change's basis
            if hit.role == "base":
                if lang == "ko" and _KO_LEVEL_AFTER_CHANGE.search(text, max(clause[0], figure.start - 8), figure.start):
                    # "상반기보다 2억6000만달러 늘어난 35억달러": the figure after the change is the new level.
                    return f"is the figure for {hit.base_period}, but after the change word it is the level of {self.period}", \
                        self.money_text(next((c.value for code in codes for c in self.index.get(code, ItemFacts()).money
                                              if c.role == "value" and c.metric == hit.metric), hit.value), lang)
                if basis in ("previous_period", "year_ago"):
                    if basis in named or (not named and self._from_to(text, lang, figure)):
                        return None
                elif any(p.lower() in lowered for p in self.period_phrases(hit.base_period, hit.fact, lang)) or (
                        not named and self._from_to(text, lang, figure)):
                    return None
            if hit.role == "delta":
                if basis in ("previous_period", "year_ago") and named and basis not in named:
                    continue
                if (rx(CHANGE_WORDS[lang], I).search(segment)
                        or any(rx(pattern, I).search(segment) for _, pattern in DIRECTIONS[lang])
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

    def _derived_shares(self, text: str, lang: str, figure: Mention, clause, items: list[ItemMention]) -> list | None:
        """The shares of a part in its whole when a share's clause names both ("Platform services
        accounted for 71.9% of the ICT services surplus", "R&D 서비스 적자가 전문·사업서비스 적자의
        3분의 2"): the part's amount over the whole's, of the metric both have this period. The
        whole is an ancestor of the part other than the total (whose shares are published facts).

        A clause that names the part alone ("Intellectual property accounted for 54% of the
        deficit", "지재권이 전체 적자의 54%를 차지") leaves the whole to the reader: any ancestor,
        the total included, unless the data publishes the part's shares. Its own children's
        shares (a driver fact: industrial property's 71.4% of IP) are not then the part's share
        of anything, so they are not candidates.
        None when the figure is not a share or the clause names no part."""
        if not (figure.fraction or Suggester._share(text, lang, figure)) or self.suggest._moved(text, lang, figure, clause):
            return None
        named = list(dict.fromkeys(c for m in items if clause[0] <= m.start < clause[1] for c in m.codes))
        if len(named) == 1 and named[0] != self.config.total:
            if any(fact.kind == "share" for _, fact in self.index.get(named[0], ItemFacts()).percent):
                return None  # the office publishes this part's shares: they are the candidates
            pairs = [(named[0], whole) for whole in self._ancestors(named[0], with_total=True)]
        elif len(named) >= 2:
            # The total named as the whole ("전체 적자의 80%") counts as one, unless the part's shares are published.
            pairs = [(part, whole) for part in named
                     for whole in self._ancestors(part, with_total=self.config.total in named and not any(
                         fact.kind == "share" for _, fact in self.index.get(part, ItemFacts()).percent))
                     if whole in named]
        else:
            return None
        metric = self._stated_metric(text, lang, figure, clause)

        def values(code):
            return {c.metric: c for c in self.index.get(code, ItemFacts()).money if c.role == "value" and c.fact.kind == "level"}

        shares = []
        for part, whole_code in pairs:
            wholes = values(whole_code)
            for m, own in values(part).items():
                whole = wholes.get(m)
                if whole is None or (metric and m != metric and not m.startswith(metric + "_")) or whole.signed == 0:
                    continue
                ratio = own.signed / whole.signed * 100
                if ratio > 0:
                    # To a thousandth (no double rounding at a written tenth), zeros dropped for the message.
                    shares.append((Decimal(format(ratio.quantize(Decimal("0.001")).normalize(), "f")), own.fact))
        return shares or None

    def _levels(self, code: str) -> dict[str, Decimal]:
        """This period's money amounts of an item, by metric (signed)."""
        return {c.metric: c.signed for c in self.index.get(code, ItemFacts()).money
                if c.role == "value" and c.fact.kind == "level" and c.fact.period == str(self.period)}

    def _item_gaps(self, text: str, lang: str, figure: Mention, clause, items: list[ItemMention]) -> list[Decimal]:
        """The gaps a comparison of two amounts states: "A's deficit exceeded B's by $2.03 billion",
        "$2.03 billion larger than that of B", "imports exceeded exports by $4.53 billion": the
        difference of the sizes of two items' amounts of one metric, or of one item's exports and
        imports. Empty unless the words before or after the figure compare."""
        if lang != "en" or not (_EN_GAP_BEFORE.search(text, clause[0], figure.start) and rx(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", I).search(text, max(clause[0], figure.start - 16), figure.start)
                                or _EN_GAP_AFTER.match(text, figure.end)):
            return []
        codes = list(dict.fromkeys(c for m in items if clause[0] <= m.start < clause[1] for c in m.codes)) or [self.config.total]
        levels = {code: self._levels(code) for code in codes}
        gaps = []
        for i, a in enumerate(codes):
            own = levels[a]
            if "exports" in own and "imports" in own:
                gaps.append(abs(abs(own["exports"]) - abs(own["imports"])))
            for b in codes[i + 1:]:
                gaps += [abs(abs(v) - abs(levels[b][m])) for m, v in own.items() if m in levels[b]]
        return gaps

    def _item_sums(self, text: str, lang: str, figure: Mention, clause, items: list[ItemMention]) -> list[Decimal]:
        """"North America and Europe together ran a combined deficit of $5.95 billion": the sum of the
        amounts of the items named before the figure, of each metric they all have. Empty unless a
        word before the figure says the amounts are added."""
        if lang != "en" or not _EN_SUM.search(text, clause[0], figure.start):
            return []
        named = [m for m in items if clause[0] <= m.start and m.end <= figure.start]
        if len(named) < 2:
            return []
        sums = []
        for combo in _one_code_each(named):
            levels = [self._levels(code) for code in combo]
            for metric in set(levels[0]).intersection(*levels[1:]):
                sums.append(abs(sum(level[metric] for level in levels)))
        return sums

    @staticmethod
    def _to_date_before(text: str, clause, start: int, lang: str) -> bool:
        """"Exports for the year grew 3.8 percent, while imports were flat": year-to-date words in an
        earlier clause of the sentence carry over to a later one, unless a month is named between."""
        if lang != "en" or clause[0] == 0:
            return False
        ends = [m.end() for m in rx(YEAR_TO_DATE[lang], I).finditer(text, 0, clause[0])]
        return bool(ends) and not rx(MONTH_WORDS[lang], I).search(text, ends[-1], start)

    def _other_base(self, text: str, lang: str, figure: Mention, codes, fits):
        """(value, fact, base named) when the sentence names a base on which the data has no change
        of the item, and the figure is the item's change on the other base; else None."""
        named = self._named_for(text, lang, figure) & {"previous_period", "year_ago"}
        clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= figure.start < b), (0, len(text)))
        metric = self._stated_metric(text, lang, figure, clause)
        if figure.kind == "percent" and metric and rx(YEAR_TO_DATE[lang], I).search(text, clause[0], clause[1]):
            # "Exports for the first 11 months rose 8.4 percent" where the data has no year-to-date
            # change and 8.4 is the month's: the month's figure given to the year to date.
            month = [(v, f) for code in codes for v, f in self.index.get(code, ItemFacts()).percent
                     if f.kind == "change" and (f.get("metric") or "") == metric and f.get("basis") == "year_ago" and fits(figure, v)]
            ytd = [f for code in codes for _, f in self.index.get(code, ItemFacts()).percent
                   if f.kind in ("change", "cumulative") and "ytd" in (f.get("metric") or "") and (f.get("metric") or "").startswith(metric)]
            if month and not ytd:
                return month[0][0], month[0][1], "the year to date"
        if len(named) != 1:
            return None
        changes = [(v, f) for code in codes for v, f in getattr(self.index.get(code, ItemFacts()), figure.kind)
                   if f.kind == "change" and f.get("basis") in ("previous_period", "year_ago")
                   and (metric is None or (f.get("metric") or "").startswith(metric))]
        if not changes or any(f.basis in named for _, f in changes):
            return None
        hit = next(((v, f) for v, f in changes if fits(figure, v)), None)
        if hit is None:
            return None
        (basis,) = named
        return hit[0].quantize(Decimal("0.01")) if figure.kind == "multiple" else hit[0], hit[1], comparison_phrase(basis, self.period, lang)

    def _foreign_whole(self, text: str, figure: Mention, clause, items: list[ItemMention], codes) -> list | None:
        """The share of a part in a whole named straight after "of" that is neither the part, one
        of its ancestors nor the total: the ratio of their amounts of one metric. None otherwise."""
        if not Suggester._share(text, "en", figure):
            return None
        whole = next((m for m in items if m.start >= figure.end and m.start < clause[1]
                      and rx(r"\s+of\s+(?:the\s+)?$", I).fullmatch(text, figure.end, m.start)), None)
        parts = [c for c in codes if c != self.config.total]
        if whole is None or not parts or self.config.total in whole.codes:
            return None
        if any(w == c or w in self._ancestors(c, with_total=False) or c in self._ancestors(w, with_total=False)
               for w in whole.codes for c in parts):
            return None
        out = []
        for part in parts:
            own = self._levels(part)
            for w in whole.codes:
                other = self._levels(w)
                for metric, value in own.items():
                    if other.get(metric):
                        fact = next(c.fact for c in self.index[part].money if c.role == "value" and c.metric == metric and c.fact.kind == "level")
                        out.append((Decimal(format((abs(value) / abs(other[metric]) * 100).quantize(Decimal("0.001")).normalize(), "f")), fact))
        return out or None

    def _trade_ratio(self, text: str, figure: Mention, clause, codes) -> list | None:
        """One metric of an item as a percent of another, both named: "exports covered 81 percent of
        imports" (the exports over the imports), "imports were 23 percent larger than exports" (the
        excess over the exports). None unless the other metric is named straight after the figure."""
        after = _EN_OF_METRIC.match(text, figure.end)
        if not after or after.end() > clause[1] + 1:
            return None
        before = [(m.start(), name) for name, pattern in METRIC_WORDS["en"][:2] for m in rx(pattern, I).finditer(text, clause[0], figure.start)]
        if not before:
            return None
        part, whole = max(before)[1], after.group("metric").lower().rstrip("s") + "s"
        if part == whole:
            return None
        out = []
        for code in codes or [self.config.total]:
            levels = self._levels(code)
            if levels.get(part) and levels.get(whole):
                ratio = abs(levels[part]) / abs(levels[whole]) * 100
                ratio = ratio - 100 if after.group("more") else ratio
                if ratio > 0:
                    fact = next(c.fact for c in self.index[code].money if c.role == "value" and c.metric == part and c.fact.kind == "level")
                    out.append((Decimal(format(ratio.quantize(Decimal("0.001")).normalize(), "f")), fact))
        return out or None

    def _item_ratios(self, text: str, lang: str, figure: Mention, clause, items: list[ItemMention]) -> list | None:
        """"North America's deficit was 1.7 times Europe's", "more than five times that of the music
        industry": a multiple followed by the name of another item is the ratio of the first item's
        amount to that item's, of a metric both have this period. None when no item follows."""
        if lang != "en":
            return None
        after = [m for m in items if figure.end <= m.start < clause[1]
                 and _EN_RATIO_JOINT.fullmatch(text, figure.end, m.start)]
        before = [m for m in items if clause[0] <= m.start and m.end <= figure.start]
        if not after or not before:
            return None
        ratios = []
        for num in before[-1].codes:
            for den in after[0].codes:
                if num == den:
                    continue
                a, b = self._levels(num), self._levels(den)
                for metric, value in a.items():
                    if b.get(metric):
                        fact = next(c.fact for c in self.index[num].money if c.role == "value" and c.metric == metric and c.fact.kind == "level")
                        ratios.append((abs(value / b[metric]), fact))
        return ratios or None

    def _item_percents(self, text: str, figure: Mention, clause, items: list[ItemMention]) -> list | None:
        """"Europe's deficit was 58 percent of North America's": the first item's amount over the
        second's, in percent, of a metric both have, when neither item is part of the other."""
        after = [m for m in items if figure.end <= m.start < clause[1] and _EN_PERCENT_OF.fullmatch(text, figure.end, m.start)]
        before = [m for m in items if clause[0] <= m.start and m.end <= figure.start]
        if not after or not before:
            return None
        ratios = []
        for num in before[-1].codes:
            for den in after[0].codes:
                if num == den or den in self._ancestors(num, with_total=True) or num in self._ancestors(den, with_total=True):
                    continue
                a, b = self._levels(num), self._levels(den)
                for metric, value in a.items():
                    if b.get(metric):
                        fact = next(c.fact for c in self.index.get(num, ItemFacts()).money if c.role == "value" and c.metric == metric and c.fact.kind == "level")
                        ratios.append((abs(value / b[metric]) * 100, fact))
        return ratios or None

    def _ancestors(self, code: str, *, with_total: bool) -> list[str]:
        """The items ``code`` is part of, nearest first; the total last when ``with_total``."""
        found = []
        ancestor = self.items[code].parent if code in self.items else None
        while ancestor and ancestor != self.config.total and ancestor not in found:
            found.append(ancestor)
            ancestor = self.items[ancestor].parent if ancestor in self.items else None
        if with_total and code != self.config.total:
            found.append(self.config.total)
        return found

    def _total_sign(self) -> str | None:
        values = [c.signed for c in self.index.get(self.config.total, ItemFacts()).money
                  if c.role == "value" and c.fact.kind == "level" and c.metric == "balance"]
        return None if not values or values[0] == 0 else "surplus" if values[0] > 0 else "deficit"

    def _other_sign_subject(self, text: str, lang: str, clause, items: list[ItemMention], owners) -> bool:
        """A sentence that names no item, read alone (no subject carried from a sentence before),
        whose clause calls its figure the sign the total did not have ("흑자 규모는 19억6천만달러로",
        "The surplus came to $1.96 billion" when the total ran a deficit): its subject cannot be the
        total, so it is not judged against the total's figures."""
        if items or not owners or owners[0].start != -1 or list(owners[0].codes) != [self.config.total]:
            return False
        sign = self._total_sign()
        words = rx(SIGN_WORDS[lang], I).findall(text[clause[0]:clause[1]])
        if sign is None or not words:
            return False
        said = {"surplus" if w.lower().startswith(("surplus", "흑자", "in the black")) else "deficit" for w in words}
        return said == {"deficit" if sign == "surplus" else "surplus"}

    def _dated_base(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """The basis whose period a sentence dates an amount to, as its own period and not as a
        comparison: "In the first half of 2024, the deficit was …", "… was $3.76 billion in the
        first half of 2024", "2024년 상반기 적자는 …". None when no base period dates it."""
        for a, b, basis in self.base_names(lang).spans(text):
            if not (clause[0] <= a and b <= clause[1]):
                continue
            if lang == "en":
                if b <= figure.start and _EN_DATED_BEFORE[0].search(text, clause[0], a) and _EN_DATED_BEFORE[1].fullmatch(text, b, figure.start) \
                        and not rx(r"\b(?:from|than|compared|against|versus|since)\b", I).search(text, clause[0], a):
                    return basis
                # "… was $3.76 billion in the first half", "compared with $3.76 billion in the first half".
                if a >= figure.end and _EN_DATED_AFTER.fullmatch(text, figure.end, a):
                    return basis
            elif b <= figure.start and (_KO_DATED.fullmatch(text, b, figure.start) or rx(r"\s?\(\s?[-−]?\s?").fullmatch(text, b, figure.start)):
                # "2024년 상반기 적자는 …", "지난해 상반기(37억6000만달러)보다".
                return basis
            elif lang == "ko" and a >= figure.end and rx(r"\s?\(\s?").fullmatch(text, figure.end, a) and rx(r"\s?\)").match(text, b):
                # "-44.8억달러 (2024년 하반기)": a table cell read with its column's period, a date in brackets.
                return basis
        return None

    def _foreign_period(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """A half or month of the release's own kind that dates the figure ("In the second half of
        2025, …", "… $4.53 billion in H2 2025") and is neither this period nor one of its bases:
        the period's name (2025H2), else None. English only; months only with their year."""
        if lang != "en" or self.period.kind not in ("H", "M"):
            return None
        cache = self.__dict__.setdefault("_foreign_cache", {})
        spans = cache.get(text)
        if spans is None:  # once per sentence, not once per figure
            if len(cache) > 20_000:
                cache.clear()
            own = {str(self.period), str(self.period.previous()), str(self.period.year_ago()), *map(str, self.base_periods.values())}
            spans = cache[text] = [(m.start(), m.start("name"), m.end(), str(period)) for m in (_EN_NAMED_PERIOD.finditer(text) if "20" in text or "year" in text else ())
                                   for period in [self._named_period(m)]
                                   if period is not None and period.kind == self.period.kind and str(period) not in own]
        for a, inner, b, period in spans:
            if not (clause[0] <= a and b <= clause[1]):
                continue
            if b <= figure.start and _EN_DATED_BEFORE[0].search(text, clause[0], a) and _EN_DATED_BEFORE[1].fullmatch(text, b, figure.start) \
                    and not rx(r"\b(?:from|than|compared|against|versus|since)\b", I).search(text, clause[0], a):
                return period
            if a >= figure.end and _EN_DATED_AFTER.fullmatch(text, figure.end, inner):
                return period
        return None

    def _named_period(self, m: re.Match) -> Period | None:
        year = m.group("year") or m.group("year2") or m.group("year3") or m.group("year4") or m.group("year5")
        if year is None:
            return None
        if year.lower() in ("this year", "last year"):
            if not self.release_year:
                return None
            year = self.release_year - (year.lower() == "last year")
        year = int(year) + (2000 if int(year) < 100 else 0)
        if m.group("ord"):
            return Period.parse(f"{year}H{1 if m.group('ord').lower() == 'first' else 2}")
        if m.group("n") or m.group("n2"):
            return Period.parse(f"{year}H{m.group('n') or m.group('n2')}")
        if m.group("halfmonth"):
            return Period.parse(f"{year}H{1 if m.group('halfmonth').lower() == 'january' else 2}")
        if m.group("month"):
            return Period.parse(f"{year}-{_EN_MONTH_NUMBER[m.group('month').lower()]:02d}")
        return None

    @staticmethod
    def _from_to(text: str, lang: str, figure: Mention) -> bool:
        """A from-to construction with the base left unnamed: "from $3.76 billion to $4.53 billion",
        "widened to $4.53 billion from $3.76 billion", "37억6000만달러에서 45억3000만달러로"."""
        if lang == "en":
            # "compared with $3.76 billion", "against $3.76 billion": the base as a bare figure too;
            # "from a $1.28 billion deficit", "from a deficit of $1.44 billion": with its sign.
            return bool(rx(r"\b(?:from|compared (?:with|to)|against|versus|vs\.?)\s*(?:an?\s+)?(?:(?:deficit|surplus|shortfall)\s+of\s+)?"
                           r"(?:(?:about|around|roughly|nearly|almost|some|just (?:over|under)|just|only|a mere|as little as)\s+)?$", I)
                        .search(text[max(0, figure.start - 40):figure.start]))
        return bool(rx(r"\)?\s?(?:에서|보다)").match(text[figure.end:figure.end + 4]))

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
            words = rx(SIGN_WORDS["en"], I).findall(window)
            word = words[-1].lower() if words else None
            # "a surplus of $2.1 billion": the sign word names the amount itself.
            named = bool(rx(SIGN_WORDS["en"] + r"\W+(?:of|at|to|was|were|stood at|came to|reached)?\s*(?:about |some |nearly |almost )?$", I).search(window))
            # "posted a $4.53 billion surplus", "swings to $4.53 bln surplus": the sign word straight
            # after the amount names it, whatever stands before.
            after = rx(r"\s*(?:(?:trade|services|current[- ]account)\s+)?(surplus(?:es)?|deficits?|shortfalls?|in the red|in the black)\b", I).match(text, figure.end)
            if after:
                word, named = after.group(1).lower(), True
        else:
            after = rx(r"\s?(흑자|적자)").match(text[figure.end:figure.end + 4])
            word = after.group(1) if after else None
            if word is None:
                # "적자는 19억6000만달러로": the sign word before, when no other amount or name stands
                # between it and the figure ("흑자는 9억3000만달러, 대기업은 37억5000만달러" is not).
                before = list(rx(r"흑자|적자").finditer(text[clause[0]:figure.start]))
                if before:
                    gap = text[clause[0] + before[-1].end():figure.start]
                    if not find_mentions(gap, "ko") and not self.matcher(lang).find(gap):
                        word = before[-1].group(0)
                    elif not find_mentions(gap, "ko") and _KO_SIGN_OF_NAME.fullmatch(gap):
                        # "흑자를 낸 분야는 지식재산권 사용료(24억5000만달러)였다": the sign word describes the
                        # name the relative clause introduces.
                        word = before[-1].group(0)
            named = word is not None
        stated = None
        if word:
            stated = "surplus" if word.startswith(("surplus", "흑자", "in the black")) else "deficit"
        elif figure.negative:
            stated = "deficit"
        # Every balance figure carries a sign (a change's delta carries the sign of the balance
        # it changed); an amount that may also be an export or import figure is not judged.
        # A year-to-date, quarter's or half's balance (balance_ytd) carries its sign too.
        balance = [h for h in hits if h.metric in ("balance", "balance_ytd") or (
            h.metric in self.config.metrics and self.config.metrics[h.metric].kind == "balance")]
        if stated is None or not balance or (len(balance) < len(hits) and not named) or any(h.signed == 0 for h in balance):
            return []  # zero is neither a surplus nor a deficit
        if any((h.signed > 0) == (stated == "surplus") for h in balance):
            return []
        actual = "surplus" if balance[0].signed > 0 else "deficit"
        return [self.finding(doc, sentence, figure.start, figure.end, "data.sign",
                             f"'{figure.text}' is called a {stated} but {names} had a {actual} (data: {actual} of {self.money_text(balance[0].value, lang)})",
                             f"{actual} of {self.money_text(balance[0].value, lang)}")]

    def _metric_at(self, text: str, start: int, end: int, clause, lang: str, look_ahead: bool = True) -> str | None:
        best, where = self.default_metric, -1
        before = text[clause[0]:start]
        for metric, pattern in (METRIC_WORDS[lang] if may_hold(tuple(p for _, p in METRIC_WORDS[lang]), before, I) else ()):
            for m in rx(pattern, I).finditer(before):
                if m.start() > where:
                    best, where = metric, m.start()
        # "an increase in exports": English may name the metric just after the word.
        if where < 0 and look_ahead and lang == "en":
            following = text[end:min(clause[1], end + 20)]
            for metric, pattern in METRIC_WORDS[lang]:
                if rx(pattern, I).search(following):
                    return metric
        return best

    def _directions(self, doc, sentence, lang, clause, items, context, phrases) -> list[Finding]:
        text = sentence.text
        segment = text[clause[0]:clause[1]]
        # A base phrase inside an item's name is not one: 전기 (the previous period) in 전기·가스·수도.
        # The same for every clause of the sentence: worked out once per sentence.
        bases = self._sentence_bases.get(text)
        if bases is None:
            lowered = text.lower()
            bases = self._sentence_bases[text] = {
                basis for phrase, basis in phrases
                if phrase.lower() in lowered
                and any(not any(i.start <= m.start() < i.end for i in items) for m in rx(re.escape(phrase.lower())).finditer(lowered))}
        findings = []
        taken: list[tuple[int, int]] = []
        lexicon = [(c, p, False) for c, p in DIRECTIONS[lang]]
        if self.rate_metrics:
            lexicon += [(c, p, True) for c, p in rate_directions(lang, self.config.project)]
        reach = text[clause[0]:clause[1] + 2]
        stated = [abs(f.value) for f in find_mentions(segment, lang) if f.kind == "percent"]
        points = [abs(f.value) for f in find_mentions(segment, lang) if f.kind == "points"]
        # A clause may end inside a word (줄|지만: 지만 starts the next clause), so a direction word
        # may take its ending from beyond the clause's end (``reach``); it must start inside it.
        reach_lowered = reach.lower()
        for category, pattern, rate_only in lexicon:
            if not may_match(pattern, reach, I, reach_lowered):
                continue
            for m in rx(pattern, I).finditer(reach):
                start, end = clause[0] + m.start(), clause[0] + m.end()
                if start >= clause[1] or any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                if category in ("improve", "worsen") and not rx(METRIC_WORDS[lang][-1][1], I).search(text[clause[0]:start]):
                    continue  # "improving business conditions", "업황 개선": only a balance named before improves
                if lang == "en" and any(a == end + len(gap.group(0)) for gap in [rx(r"\s+(?:in|for|during)\s+", I).match(text, end)] if gap
                                        for a, _, _ in self.base_names(lang).spans(text)):
                    continue  # "reversing a 0.8 percent drop in October": the base period's move, not this one's
                if lang == "en" and category in ("grow", "shrink"):
                    moved = _EN_RATE_AFTER.match(text, end)
                    dated = moved and _EN_RATE_DATED.match(text, moved.end())
                    if dated:
                        # "after falling 0.8 percent the previous month": the base period's move, judged
                        # by the sign of that period's rate.
                        found = self._base_move(doc, sentence, text, start, end, category, dated, items, clause, context)
                        findings += found
                        continue
                if lang == "ko" and rx(r"(?:세|폭)?\s?에서\s?(?:상승|증가|하락|감소|플러스|마이너스|오름|내림)[^\s]{0,3}\s?(?:으로|로)").match(text, end):
                    continue  # "전월(-0.8%) 하락에서 상승으로 돌아섰다": the base month's move, left for this one
                if lang == "ko" and rx(r"\s?(?:" + _KO_CONCESSIVE + ")").match(text, end) and not any(
                        f.kind in ("money", "percent") for f in find_mentions(text[clause[0]:clause[1]], lang)):
                    continue  # "중국 수요 둔화에도", "반도체 호조에 힘입어": a cause in words, not a figure's direction
                if category == "unchanged" and lang == "ko" and rx(r"(?:흑자|적자|증가|상승|감소|하락|플러스|마이너스|오름|내림)\s?(?:기조|행진|세|흐름|국면)?\s?[을를]\s?$").search(text[max(clause[0], start - 12):start]):
                    continue  # "흑자 기조를 유지", "증가세를 유지": a sign or a run kept, not an unchanged amount
                # "2%대를 유지", "stayed in the 2 percent range": the word is of a band, not of a change.
                if rx(BAND_OBJECT[lang], I).search(text[max(clause[0], start - 12):start]):
                    continue
                if lang == "en" and _EN_BROKEN_RUN.search(text, max(clause[0], start - 48), start):
                    continue  # "snapping a two-month decline": the run that ended, judged as a streak
                if lang == "en" and _EN_FORECAST.search(text, max(clause[0], start - 48), start):
                    continue  # "the BOK expects the deficit to shrink": an outlook, not a move the data shows
                # "상승률은 2.2%에서 2.0%로 확대됐다", "inflation held steady at 4.0 percent": a general
                # direction word whose subject is the rate is the rate's own direction; a rate's word
                # that is also an index's ("prices were flat") may be the index's when the rate is not the subject.
                subject = bool(self.rate_metrics) and self._rate_subject(text, clause, start, end, lang)
                either = rate_only and not subject and category in ("unchanged",)
                if either and lang == "en" and holds_any(tuple(p for _, p in METRIC_WORDS[lang]), text[clause[0]:start], I):
                    # "Imports for the year were nearly flat": the metric the clause names, not a rate.
                    either = rate_only = False
                rate_only = rate_only or subject
                metric = None if rate_only else self._metric_at(text, start, end, clause, lang, look_ahead=category in ("grow", "shrink"))
                owners = self._attribute(start, items, clause, context)
                inside = [i for i in items if clause[0] <= i.start < clause[1]]
                codes = self._codes(inside or owners)
                history = self._ko_history_change(text, clause, start, codes) if lang == "ko" and not rate_only and self.dataset is not None \
                    and "년" in text[clause[0]:start] else None
                if history is not None:
                    # "2010년 127억7000만달러에서 2024년 72억6000만달러로 축소됐다": a move between the two
                    # periods the clause dates, not this period's change.
                    if history.direction is not None and not agrees(category, history):
                        findings.append(self.finding(doc, sentence, start, end, "data.direction",
                                                     f"'{text[start:end]}' contradicts the figures the clause compares (data: {history.said})", history.said))
                    continue

                def wanted(f) -> bool:
                    if rate_only:
                        return f.metric in self.rate_metrics or either
                    return metric is None or f.metric == metric

                changes = [f for code in codes for f in self.index.get(code, ItemFacts()).changes
                           if wanted(f) and (not bases or f.basis in bases)]
                if not rate_only and metric and (rx(YEAR_TO_DATE[lang], I).search(segment) or self._to_date_before(text, clause, start, lang)) and any(
                        m.cumulative_of == metric for m in self.config.metrics.values()):
                    # "For the full year, exports fell", "누적 무역적자는 … 불어났다": the year-to-date
                    # figure's change (or none the data has), not the month's.
                    changes = [f for code in codes for f in self.index.get(code, ItemFacts()).changes
                               if self.config.metrics.get(f.metric) is not None and self.config.metrics[f.metric].cumulative_of == metric
                               and (not bases or f.basis in bases)]
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
                    # Of the metric or its quarter's, half's or year-to-date figure ("First-quarter
                    # exports fell 2.1 percent": exports_quarter's change).
                    pinned = [f for f in every if (wanted(f) or (metric and f.metric.startswith(metric + "_")))
                              and "percent" in f.data and abs(f.percent) in stated]
                else:
                    # "slowing 0.2 percentage point from 2.5 percent": the rate whose change (in points)
                    # or base the clause states, not another rate of the item.
                    pinned = [f for f in every if wanted(f) and (abs(f.get("delta", 0) or 0) in points
                                                                 or abs(f.get("base_value", -1) or 0) in stated)]
                    # "inflation slowed to 2.4 percent", "2.4%로 확대": else the rate whose level the word is followed by.
                    level = rx(r"\s+(?:to|at)\s+(\d+(?:\.\d+)?)", I).match(text[end:end + 16]) if lang == "en" \
                        else rx(r"(\d+(?:\.\d+)?)\s?%\s?(?:로|으로)\s?$").search(text[max(clause[0], start - 12):start])
                    if level and not pinned:
                        pinned = [f for f in every if wanted(f) and f.get("value") is not None and abs(f.value) == Decimal(level.group(1))]
                if pinned:
                    changes = pinned
                if any(agrees(category, f) for f in changes):
                    continue
                if category == "unchanged" and rx(HEDGED_FLAT[lang], I).search(text[max(clause[0], start - 12):start]) and any(
                        (abs(f.get("delta") or 0) <= Decimal("0.1") if f.get("unit") == "pp" else "percent" in f.data and abs(f.percent) < Decimal("0.5"))
                        for f in changes):
                    continue  # "nearly flat" for -0.02%: a hedged "unchanged" allows a slight move
                if category == "unchanged" and any("percent" in f.data and f.get("unit") != "pp" and abs(f.percent) < Decimal("0.05") for f in changes):
                    continue  # "imports were flat" for -0.02%: a change that rounds to 0.0 percent as printed
                fact = changes[0]
                said = self._describe_change(fact, lang)
                findings.append(self.finding(doc, sentence, start, end, "data.direction",
                                             f"'{word}' contradicts the data for {self.name(fact.item, lang)} (data: {said})", said))
        return findings

    def _base_move(self, doc, sentence, text, start, end, category, dated, items, clause, context) -> list[Finding]:
        named = self.base_names("en").named(dated.group("phrase")) & {"previous_period", "year_ago"}
        base = self.base_periods.get(next(iter(named))) if len(named) == 1 else None
        codes = self._codes(self._attribute(start, items, clause, context))
        rates = [Decimal(fact.base_value) for code in codes for _, fact, p in self.index.get(code, ItemFacts()).percent_base
                 if p == base and fact.kind == "change" and fact.get("base_value") is not None]
        if not rates or any((r > 0) == (category == "grow") for r in rates if r != 0):
            return []
        return [self.finding(doc, sentence, start, end, "data.direction",
                             f"'{text[start:end]}' contradicts the data for {self.name(codes[0], 'en')} in {base} (data: {rates[0]}%)", f"{rates[0]}%")]

    def _digits(self, doc, sentence, lang, clause, items, context) -> list[Finding]:
        """"double-digit growth", 두 자릿수 증가율: the change of the clause's item (on the base the
        sentence names, else the headline basis) has that many digits before the point."""
        text = sentence.text
        findings = []
        segment = text[clause[0]:clause[1]]
        for m in (rx(DIGITS[lang], I).finditer(segment) if may_match(DIGITS[lang], segment, I) else ()):
            start, end = clause[0] + m.start(), clause[0] + m.end()
            digits = _DIGIT_WORDS[m.group("n").lower()]
            low, high = (Decimal(0) if digits == 1 else Decimal(10) ** (digits - 1)), Decimal(10) ** digits  # 0.5% is one digit
            codes = self._codes(self._attribute(start, items, clause, context))
            metric = self._metric_at(text, start, end, clause, lang)
            named = self.base_names(lang).named(text) or ({self.config.headline.basis} if self.config.headline else set())
            changes = [f for code in codes for f in self.index.get(code, ItemFacts()).changes
                       if "percent" in f.data and (metric is None or f.metric == metric) and (not named or f.basis in named)]
            if not changes or any(low <= abs(f.percent) < high for f in changes):
                continue
            fact = changes[0]
            findings.append(self.finding(doc, sentence, start, end, "data.percent",
                                         f"'{m.group(0)}' does not match the data for {self.name(fact.item, lang)} (data: {fact.percent}%)", f"{fact.percent}%"))
        return findings

    def _index_levels(self, doc, sentence, lang, clause, items, context, figures) -> list[Finding]:
        """An index level ("the consumer price index stood at 117.20", 소비자물가지수는 117.06) against
        the item's index in the data: this period's, or a base period's ("up from 117.06")."""
        metrics = {m.id for m in self.config.metrics.values() if m.kind == "index"}
        text = sentence.text
        if not metrics or not rx(INDEX_WORDS[lang], I).search(text[clause[0]:clause[1]]):
            return []
        findings = []
        for m in rx(r"(?<![\d.,])\d{2,4}\.\d{1,2}(?![\d,]|\.\d)").finditer(text[clause[0]:clause[1]]):
            start, end = clause[0] + m.start(), clause[0] + m.end()
            if any(f.start <= start < f.end for f in figures) or not rx(INDEX_WORDS[lang], I).search(text[clause[0]:start]):
                continue
            codes = self._codes(self._attribute(start, items, clause, context))
            # A base period's index only as a base: "up from 117.06", "117.06에서", not "stood at 117.42".
            based = bool(rx(r"\bfrom\s*$", I).search(text[max(0, start - 8):start])) if lang == "en" \
                else bool(rx(r"\)?\s?(?:에서|보다)").match(text[end:end + 4]))
            # "up from 114.40 a year earlier": the base value of the base named beside it.
            beside = self.base_names(lang).named(text[end:min(clause[1], end + 40)]) & {"previous_period", "year_ago"} if based and lang == "en" else set()
            known = [Decimal(str(v)) for f in self.facts if f.item in codes and f.get("metric") in metrics
                     for v in (f.get("value"), f.get("base_value") if based and (not beside or f.get("basis") in beside) else None) if v is not None]
            if not known:
                continue
            stated = Decimal(m.group(0))
            step = Decimal(1).scaleb(-len(m.group(0).split(".")[1]))
            if any(v.quantize(step, rounding="ROUND_HALF_UP") == stated for v in known):
                continue
            names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes))
            level = next((Decimal(str(f.value)) for f in self.facts if f.kind == "level" and f.item in codes and f.get("metric") in metrics), known[0])
            findings.append(self.finding(doc, sentence, start, end, "data.number",
                                         f"'{m.group(0)}' does not match the index of {names} in the data (data: {level})", str(level)))
        return findings

    @staticmethod
    def _rate_subject(text: str, clause, start: int, end: int, lang: str) -> bool:
        """Whether the direction word at ``start:end`` has the rate as its subject: after 상승률은 /
        상승률이 or a band it moves into (2%대로), or "inflation … rose to 2.6 percent" / "held steady at"."""
        before = text[clause[0]:start]
        if lang == "ko":
            # "상승폭이 줄었다", "오름폭이 커졌다": the rise's size is the rate.
            return bool(rx(r"상승률\s?(?:은|는|이|가|도)\s|%대로\s").search(before)
                        or rx(r"(?:상승|오름|증가|하락|내림)\s?폭\s?(?:은|는|이|가|도)?\s?$").search(before))
        # "unchanged from October's pace", "the same as the previous month's rate": the rate's own word.
        if rx(r"\s+(?:from|as|on)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,2}(?:pace|rate)\b", I).match(text, end):
            return True
        return bool(rx(r"\binflation\b|\bthe (?:inflation )?rate\b", I).search(before)
                    and (rx(r"\s+(?:to|at)\s+-?\d", I).match(text[end:end + 12])
                         # "inflation stayed at 2.4 percent, unchanged from October"
                         or rx(r"\b(?:at|to)\s+[\d.]+\s?(?:percent|%)[^\d;]{0,30}$", I).search(before)))

    def _streaks(self, doc, sentence, lang, items, context) -> list[Finding]:
        """"the sixth straight month", "6개월 연속", "the first fall in seven months" against streak facts."""
        words = self._vocabulary(lang)["streaks"]
        text = sentence.text
        findings = []
        if not may_hold((*words["read"], *words.get("ended", []), *words.get("broken", [])), text, I):
            return findings
        every = self._codes(items or context)
        seen: list[tuple[int, int]] = []
        # "snapping a two-month decline" (``broken``) names the run's own length; "the first rise in
        # three months" (``ended``) counts the month that ended it too.
        for ended, patterns, extra in ((True, words.get("broken", []), 1), (False, words["read"], 0), (True, words.get("ended", []), 0)):
            for pattern in present(tuple(patterns), text, I):
                for m in rx(pattern, I).finditer(text):
                    if any(a < m.end() and m.start() < b for a, b in seen):
                        continue  # "for three straight months" read by two patterns: one claim
                    seen.append((m.start(), m.end()))
                    codes = self._streak_subject(text, m.start(), items, lang) or every
                    facts = [f for code in codes for f in self.index.get(code, ItemFacts()).streaks]
                    raw = (m.groupdict().get("n") or "").lower()
                    n = _count(raw, words)
                    n = n + extra if n is not None else None
                    if m.groupdict().get("month") and self.period.kind == "M":
                        # "the first decline since March", "3월 이후 처음 감소": counted from that month.
                        since = self._since(f"since {m.group('month')} {m.groupdict().get('year') or ''}" if lang == "en"
                                            else f"{m.groupdict().get('year') or ''}년 {m.group('month')}월 이후".lstrip("년 "), lang)
                        if since:
                            year, month = map(int, since.split("-"))
                            n = self.period.year * 12 + self.period.n - (year * 12 + month)
                    if n is None:
                        continue
                    # "전월 대비로는 … 석 달 만에 하락 전환": a streak on the previous month is judged
                    # only against streaks on that basis; the data may keep none.
                    clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= m.start() < b), (0, len(text)))
                    if rx(MONTH_ON_MONTH[lang], I).search(text[clause[0]:clause[1]]) and not any(
                            f.get("basis") == "previous_period" for f in facts):
                        findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                     f"'{m.group(0)}': the data keeps no month-on-month streak; it can neither confirm nor refute it"))
                        continue
                    held = self._held_value(text, m, lang, codes) if not ended else None
                    if held is not None:
                        # "두 달 연속 2.4%", "at 2.4 percent for a second straight month": a rate that
                        # stayed the same; the change on the previous period shows two months of it.
                        value, change = held
                        if change.direction != "unchanged":
                            findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.streak",
                                                         f"'{m.group(0)}': {self.name(change.item, lang)} was not {value}% in {change.base_period} (data: {self._describe_change(change, lang)})",
                                                         self._describe_change(change, lang)))
                        elif n > 2:
                            findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                         f"'{m.group(0)}': the data keeps no streak of an unchanged rate beyond two periods; it can neither confirm nor refute it"))
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
                    if condition == "band" and not self._band_reported(text, m.start(), lang, codes):
                        # "두 달 연속 1%대": a band the release keeps no streaks of (config streaks:);
                        # the facts can neither confirm nor refute its length.
                        findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                     f"'{m.group(0)}': the data keeps no streak of that band; it can neither confirm nor refute it"))
                        continue
                    if condition in ("above", "below") and not any(f.condition == condition for f in facts) and not any(
                            r.condition == condition and (r.item is None or r.item in codes) for r in self.config.streaks):
                        # "stayed above 2% for three straight months": a threshold the release keeps no
                        # streaks of (config streaks:); the facts can neither confirm nor refute it.
                        findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                     f"'{m.group(0)}': the data keeps no streak {condition} that threshold; it can neither confirm nor refute it"))
                        continue
                    if lang == "ko" and condition in ("increased", "decreased") and facts and not any(f.condition == condition for f in facts) \
                            and all(f.condition in ("surplus", "deficit") for f in facts):
                        # "정보·통신서비스 흑자는 2개 반기 연속 늘었다": a balance that grew is one that widened;
                        # the item keeps only streaks of its sign.
                        condition = "widened" if condition == "increased" else "narrowed"
                    if condition in ("widened", "narrowed") and not any(f.condition == condition for f in facts):
                        # "widened for a second straight half": the rules keep no streaks of a balance's
                        # widening, and the data may not reach back far enough to count one.
                        findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                     f"'{m.group(0)}': the data keeps no streak of a {condition} balance; it can neither confirm nor refute it"))
                        continue
                    ok = [f for f in ok if (condition is None or f.condition == condition)
                          and (metric is None or f.metric == metric or not any(g.metric == metric for g in facts))]
                    if ok:
                        continue
                    if ended and not any(f.ended for f in facts) and n - 1 < int(self.config.thresholds.get("streak_min_periods", 3)):
                        # "rose for the first time in two months": a run of one, shorter than the
                        # data keeps streaks of; nothing to confirm or refute it with.
                        findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                                     f"'{m.group(0)}': the run it ends is shorter than the streaks the data keeps; it can neither confirm nor refute it"))
                        continue
                    names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
                    known = sorted({(f.length, f.condition, f.ended, f.open) for f in facts}, reverse=True)
                    said = ", ".join(f"{'at least ' if o else ''}{length} ({cond}{', ended' if e else ''})" for length, cond, e, o in known[:3]) or "no streak"
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.streak",
                                                 f"'{m.group(0)}': no such streak for {names} in the data (data: {said})", said))
        return findings

    def _held_value(self, text: str, m: re.Match, lang: str, codes) -> tuple[Decimal, Fact] | None:
        """The rate a streak says stayed put ("두 달 연속 2.4%를", "at 2.4 percent for a second
        straight month") and the item's change on the previous period of the rate of that value."""
        if lang == "ko":
            found = rx(r"\s?(?P<v>\d+(?:\.\d+)?)\s?%(?!\s?대|\s?포인트|p)").match(text, m.end())
        else:
            found = rx(r"\b(?:at|of)\s+(?P<v>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:for\s+(?:the\s+|a\s+)?)?$", I).search(text, max(0, m.start() - 40), m.start())
        if not found:
            return None
        value = Decimal(found.group("v"))
        for code in codes:
            for f in self.index.get(code, ItemFacts()).changes:
                if f.get("basis") == "previous_period" and f.metric in self.rate_metrics and f.get("value") is not None \
                        and abs(Decimal(str(f.value))) == value:
                    return value, f
        return None

    def _streak_subject(self, text: str, start: int, items: list[ItemMention], lang: str, clause=None) -> list[str] | None:
        """The item a streak at ``start`` is of, when its clause says: the last subject before it —
        an item's name, or the bare word of a metric ("exports", 수출은), which is the total's
        ("Led by semiconductors, exports rose for a sixth straight month", "수출은 반도체 호조에
        힘입어 6개월 연속 증가"). An item qualifying the metric word ("semiconductor exports",
        "exports to the U.S.", 반도체 수출이) is the subject itself; a name after the streak
        ("…, led by semiconductors") is a cause. None when the clause names neither."""
        clause = clause or next(((a, b) for a, b in self._clauses(text, lang) if a <= start < b), (0, len(text)))
        before = [i for i in items if clause[0] <= i.start and i.end <= start]
        if lang == "ko":
            # 반도체 호조에 힘입어: a name not followed by its metric or a particle is not the subject.
            # 정보·통신서비스 흑자는: an item's balance word is its own metric.
            before = [i for i in before if rx(r"\s?(?:수출|수입|무역수지|수지|흑자|적자|은|는|이|가|도|의)").match(text, i.end)]
        last = before[-1] if before else None
        bare = None
        for name, pattern in METRIC_WORDS[lang]:
            for w in rx(pattern, I).finditer(text, clause[0], start):
                if last is not None and w.start() < last.end:
                    continue
                gap = text[last.end:w.start()] if last is not None else None
                if gap is not None and rx(r"\s*(?:'s\s*|’s\s*)?").fullmatch(gap):
                    continue  # "semiconductor exports", 반도체 수출: the item's own metric
                if lang == "en" and any(i.start >= w.end() and rx(r"\s+(?:of|to|from)\s+(?:the\s+)?").fullmatch(text[w.end():i.start]) for i in items):
                    continue  # "exports to the U.S.": the item named after its metric
                if lang == "ko" and not rx(r"\s?(?:은|는|이|가|도)").match(text, w.end()):
                    continue  # 수출 증가: not the clause's subject
                bare = w
        if bare is not None:
            return [self.config.total]
        if last is not None:
            return self._codes([last])
        return None

    def _band_reported(self, text: str, start: int, lang: str, codes) -> bool:
        """Whether the band a streak at ``start`` is of ("2%대", "the 2 percent range") is one the
        release keeps streaks of; True when the clause names no band figure."""
        clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= start < b), (0, len(text)))
        pattern = r"(\d+(?:\.\d+)?)\s?(?:%|percent)\s?range" if lang == "en" else r"(\d+(?:\.\d+)?)\s?%\s?대"
        named = [Decimal(v) for v in rx(pattern, I).findall(text[clause[0]:clause[1]])]
        if not named:
            return True
        if lang == "ko" and rx(r"%\s?대\s?(?:초반|중반|후반)").search(text[clause[0]:clause[1]]):
            return False  # 2%대 중반: a part of the band, of which the data keeps no streak
        lows = {Decimal(str(r.threshold[0])) for r in self.config.streaks
                if r.condition == "band" and r.threshold and (r.item is None or r.item in codes)}
        return any(n in lows for n in named)

    def _streak_of(self, text: str, start: int, end: int, lang: str) -> tuple[str | None, str | None]:
        """The condition (increased, surplus, band, …) and metric a streak at ``start:end`` is of, if the text says."""
        clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= start < b), (0, len(text)))
        after, before = text[end:min(clause[1], end + 30)], text[clause[0]:start]
        condition = None
        band = STREAK_CONDITIONS[lang][0]
        if rx(band[1], I).search(text[clause[0]:clause[1]]):
            condition = band[0]
        else:
            for name, pattern in STREAK_CONDITIONS[lang][1:]:
                if rx(pattern, I).search(after):
                    condition = name
                    break
            if condition is None:
                where = -1
                for name, pattern in STREAK_CONDITIONS[lang][1:]:
                    for m in rx(pattern, I).finditer(before):
                        if m.start() > where:
                            condition, where = name, m.start()
            if lang == "en" and condition in ("deficit", "surplus", "increased", "decreased"):
                # "The deficit expanded for a second consecutive half": a balance's verb makes the run
                # one of widening (or narrowing), not of the sign.
                moved = _EN_BALANCE_MOVED.search(before)
                if moved:
                    condition = "widened" if moved.group("wider") else "narrowed"
        metric, where = None, -1
        for name, pattern in METRIC_WORDS[lang]:
            if rx(pattern, I).search(after):
                return condition, name
            for m in rx(pattern, I).finditer(before):
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
        words = self._vocabulary(lang).get("records", {})
        # English words whole ("recorded" is not "record"); Korean takes particles after them.
        alternatives = self._vocab_memo.get(("records", lang))
        if alternatives is None:  # built once per check, not once per sentence
            edge = r"\b" if lang == "en" else ""
            alternatives = self._vocab_memo["records", lang] = tuple(f"{edge}(?:{p}){edge}" for p in words.get("read", [])) or (RECORD[lang],)
        text = sentence.text
        findings = []
        taken: list[tuple[int, int]] = []
        # Only the record words whose literals the sentence holds: the same matches, without
        # trying "(\w+)-month high" at every word of every sentence (a tenth of a long check).
        pattern = "|".join(present(alternatives, text, I))
        for m in (rx(pattern, I).finditer(text) if pattern else ()):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            # The items of the record word's clause; the total's generic name ("Prices of
            # goods", "상품 물가") gives way to the item it qualifies.
            clause = next(((a, b) for a, b in self._clauses(text, lang) if a <= m.start() < b), (0, len(text)))
            if lang == "ko" and ("…" in text or "..." in text):
                # A headline's parts are claims of their own: "정보통신 흑자 '사상 최대'…지재권 적자는 1.7배로".
                cuts = [x.end() for x in rx(r"…|\.\.\.").finditer(text)]
                clause = (max([clause[0], *(c for c in cuts if c <= m.start())]), min([clause[1], *(c for c in cuts if c > m.start())]))
            inside = [i for i in items if clause[0] <= i.start < clause[1]] or items
            # "…, the lowest in nine months, as mobile phone charges fell": the record is of the item
            # named before it, not of one named after.
            inside = [i for i in inside if i.end <= m.start()] or inside
            if lang == "en" and context and context[-1].start >= 0 and not any(clause[0] <= i.start and i.end <= m.start() for i in items) \
                    and rx(r"\s*(?:the|this|that|its|their)\s+(?:new\s+)?$", I).fullmatch(text, clause[0], m.start()):
                inside = []  # "The record was driven by platform services": the record the sentence before claimed
            codes = self._codes(inside or context)
            if len(codes) > 1 and self.config.total in codes:
                codes = [c for c in codes if c != self.config.total]
            if not items and self._other_sign_subject(text, lang, clause, items, context[-1:]) and not self.index.get(self.config.total, ItemFacts()).records:
                # "흑자 규모는 19억6천만달러로 반기 기준 역대 최대다" alone: a surplus record, when the total
                # had a deficit, is another item's, named in a sentence before.
                findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.unverifiable",
                                             f"'{m.group(0)}': the sentence names no item, and its sign is not the total's; its subject is in a sentence before"))
                continue
            records = [f for code in codes for f in self.index.get(code, ItemFacts()).records]
            names = " / ".join(dict.fromkeys(self.name(c, lang) for c in codes)) or "this release"
            if lang == "ko" and "번째" in m.group(0):
                # "역대 두 번째로 큰": a place in history below the top, which no largest-on-record
                # fact confirms; only an asserted fact saying that place does.
                if not any("번째" in ((f.get("text") or {}).get(lang) or "") for f in records):
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': no record of {names} of that place in the data or the annotations "
                                                 f"(data: no such record fact)", "no record fact"))
                continue
            metric = self._stated_metric(text, lang, Mention("money", Decimal(0), Decimal(1), m.start(), m.end(), ""), clause)
            if metric is None:
                following = text[m.end():min(clause[1], m.end() + 30)]
                metric = next((name for name, p in METRIC_WORDS[lang] if rx(p, I).search(following)), None)
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
            # "Import growth was the lowest …" is about the rate, "imports fell to $51.3 billion, the
            # lowest …" and "imports were the lowest …" about the amount; after a percent ("fell 7.5
            # percent, the lowest …"), or in a sentence that names neither ("7월 이후 최저다", its
            # subject carried over), either.
            rates = [f for f in records if self.config.metrics.get(f.get("metric")) is not None
                     and self.config.metrics[f.metric].kind in ("rate", "contribution")]
            amounts = [f for f in records if f not in rates]
            if rates and amounts:
                window = text[max(clause[0], m.start() - 30):min(clause[1], m.end() + 12)]
                # "the fifth straight month of gains" counts a streak; it does not name a rate.
                rate_said = any(not rx(r"(?:months?|quarters?|years?|halves|half) of\s*$", I).search(window[:w.start()])
                                for w in rx(RATE_WORDS[lang], I).finditer(window))
                # A share ("$6.38 billion, 24.4 percent of the total, the lowest on record", "전체의
                # 24.4%를 차지") is no rate of the item: the amount before it is what the record is of.
                stated_before = [f for f in find_mentions(text[clause[0]:m.start()], lang) if f.kind == "money" or (
                    f.kind == "percent" and not rx(_SHARE_AFTER[lang], I).match(text, clause[0] + f.end))]
                named = any(clause[0] <= i.start < m.start() for i in items) or any(
                    rx(pattern, I).search(text[clause[0]:m.start()]) for _, pattern in METRIC_WORDS[lang])
                if rate_said:
                    records = rates
                elif (stated_before[-1].kind == "money") if stated_before else named:
                    # "Imports were the lowest in three months": the item is the subject, not its rate.
                    records = amounts
            records = self._records_of_rate(text, lang, clause, records)
            claimed = self._record_extreme(text, m, clause, lang, words)
            if claimed and rx(RECORD_FALLS[lang], I).search(text[m.start():min(len(text), m.end() + 12)]):
                # Of a fall, ends swap: "the steepest decline" is a low, "the smallest decline" a high.
                claimed = "lowest" if claimed == "highest" else "highest"
            if records and claimed:
                # "the highest since June" is not the data's "lowest since June"; a balance's largest
                # surplus or deficit is not its lowest (which sign, the sign words say, not here).
                same = [f for f in records if f.get("extreme") == claimed or f.get("extreme") not in ("highest", "lowest", "largest_surplus", "largest_deficit")
                        or (f.extreme.startswith("largest_") and claimed == "highest")]
                if not same:
                    said = ", ".join(sorted({f"{f.extreme}" + (f" since {f.since}" if f.get("since") else " on record") for f in records}))
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': the data's records of {names} are not of the {claimed} (data: {said})", said))
                    continue
                records = same
            since = self._since(text[max(clause[0], m.start() - 12):min(clause[1], m.end() + 40)], lang)
            claim = m.group(0).lower()
            # "the highest November on record", "for any November", "11월 기준 역대": a record of
            # the same period of the year.
            month_scope = rx(r"(?:highest|largest|lowest|smallest|biggest|best|worst) (?:for any )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
                             r"|for any (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\d+월\s?(?:기준|중|로는)", I).search(text[clause[0]:clause[1]])
            if records and month_scope is None and (since is not None or self._since_count(text, clause, m, lang) is not None):
                # "the highest in two years" counts months of every kind: a record among Octobers
                # only ("the highest October since 2023") is not it.
                records = [f for f in records if f.get("scope") != "same_period_of_year"]
            # "the lowest in five months", "a 15-month high", "5개월 만에 최저": a "since" counted back.
            counted = self._since_count(text, clause, m, lang)
            if records and counted is not None and counted != since:
                if not any(f.get("since") == counted for f in records):
                    said = ", ".join(sorted({f"{f.extreme} since {f.since}" for f in records if f.get("since")})) or "no such record"
                    findings.append(self.finding(doc, sentence, m.start(), m.end(), "data.record",
                                                 f"'{m.group(0)}': no record of {names} since {counted} in the data (data: {said})", said))
                    continue
                since = counted  # "1년 3개월 만에": the count read whole, not its last part
            if records and since is None and not rx(r"since|이후|만[에의]|-month|-year| in \w+ (?:months?|years?)").search(claim):
                # A record without a "since" ("record high", 사상 최고) is a record of the whole
                # history: a fact of the same period of the year, or one that runs only from
                # some period, is not it.
                whole = [f for f in records if not f.get("since") and f.get("scope", "all") == "all"]
                # … of the whole history of that month: "the highest November since 2023" is not it.
                seasonal = [f for f in records if f.get("scope") == "same_period_of_year" and not f.get("since")]
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

    @staticmethod
    def _record_extreme(text: str, m: re.Match, clause, lang: str, words: dict) -> str | None:
        """Which extreme a record claim names (highest or lowest, by the vocabulary's lists), if it
        names one: in the claim and the word after it ("record high"), or a superlative just before
        it ("the highest November on record")."""
        near = text[m.start():min(clause[1], m.end() + 8)] if lang == "en" else m.group(0)
        found = []
        for extreme in ("highest", "lowest"):
            for word in words.get(extreme, []):
                hit = rx(rf"\b{re.escape(word)}\b" if lang == "en" else re.escape(word), I).search(near)
                if hit:
                    found.append((hit.start(), extreme))
        if not found and lang == "en":
            before = text[max(clause[0], m.start() - 25):m.start()]
            for extreme in ("highest", "lowest"):
                for word in words.get(extreme, []):
                    if word.endswith("est") or word == "worst":
                        for hit in rx(rf"\b{re.escape(word)}\b", I).finditer(before):
                            found.append((hit.start() - len(before), extreme))
            found = sorted(found, key=lambda f: -f[0])[:1]
        return min(found)[1] if found else None

    def _records_of_rate(self, text: str, lang: str, clause, records: list) -> list:
        """Of an item's records of several rates (on-year, on-month), those the clause is about:
        the one whose value it states ("2.9 percent …, the lowest in …"), else the month-on-month
        rate only when the clause says month-on-month, else the others."""
        rates = [f for f in records if f.get("metric") in self.config.metrics and self.config.metrics[f.metric].percent_basis]
        if len({f.metric for f in rates}) < 2:
            return records
        segment = text[clause[0]:clause[1]]
        stated = {abs(f.value) for f in find_mentions(segment, lang) if f.kind == "percent"}
        valued = [f for f in records if f.get("value") is not None and abs(Decimal(str(f.value))) in stated]
        if valued:
            return valued
        monthly = bool(rx(MONTH_ON_MONTH[lang], I).search(segment))
        kept = [f for f in records if f not in rates or (self.config.metrics[f.metric].percent_basis == "previous_period") == monthly]
        return kept or records

    def _since_count(self, text: str, clause, m, lang: str) -> str | None:
        """The period a counted "since" names: "the lowest in five months", "a 15-month high",
        "5개월 만에 최저", "석 달 만에 최고" (months or years back from this period)."""
        if self.period.kind != "M":
            return None
        words = self._vocabulary(lang)["streaks"]
        if lang == "en":
            found = rx(r"\bin (?P<n>\w+) (?P<unit>month|year)s\b|\b(?P<n2>\w+)-(?P<unit2>month|year)\b", I).search(m.group(0))
            if not found:
                return None
            raw, unit = (found.group("n"), found.group("unit")) if found.group("n") else (found.group("n2"), found.group("unit2"))
        else:
            found = rx(r"(?:(?P<years>\d+)\s?년\s?)?(?P<n>\d+|[한두세네석넉]|다섯|여섯|일곱|여덟|아홉|열)\s?(?P<unit>개월|달|년)\s?$").search(text[clause[0]:m.start()])
            if not found or not rx(r"만\s?[에의]").match(m.group(0)):
                return None
            raw, unit = found.group("n"), found.group("unit")
        n = _count(raw.lower(), words)
        if n is None:
            return None
        steps = n * 12 if unit.lower() in ("year", "년") else n
        if lang == "ko" and found.group("years"):
            steps += 12 * int(found.group("years"))  # 1년 3개월 만에: 15 months
        period = self.period
        for _ in range(steps):
            period = period.previous()
        return str(period)

    def _since(self, text: str, lang: str) -> str | None:
        """The period a "since" names: "since June" / "since February 2021" / "6월 이후" / "2021년 2월 이후",
        or that a count of months or years back names: "석 달 만에 최저", "the lowest in five months",
        "a 14-month high" (the last period as extreme is that many periods back)."""
        months = ("january february march april may june july august september october november december").split()
        if lang == "en":
            m = rx(r"\bsince (?P<month>" + "|".join(months) + r")(?:\s+(?P<year>\d{4})|\s+(?:of\s+)?(?P<last>last year))?", I).search(text)
            if not m:
                return self._periods_back(text, lang)
            month = months.index(m.group("month").lower()) + 1
            year = int(m.group("year")) if m.group("year") else (self.period.year - 1 if m.group("last") else None)
        else:
            m = rx(r"(?:(?P<year>\d{4})년\s?|(?P<last>지난해|작년)\s?)?(?P<month>\d{1,2})월\s?이후").search(text)
            if not m:
                return self._periods_back(text, lang)
            month = int(m.group("month"))
            year = int(m.group("year")) if m.group("year") else (self.period.year - 1 if m.group("last") else None)
        if self.period.kind != "M":
            return None
        if year is None:
            # A month without a year is the latest such month before this one.
            year = self.period.year if month < self.period.n else self.period.year - 1
        return f"{year}-{month:02d}"

    def _periods_back(self, text: str, lang: str) -> str | None:
        """The period a record's count names: "석 달 만에 최저" and "the lowest in three months" in
        November are "since August". A margin ("석 달 만에 최대 폭") is a record of a change, not of
        the level: no period."""
        if self.period.kind != "M":
            return None
        if lang == "en":
            m = (rx(r"\b(?:highest|lowest|largest|smallest|biggest|strongest|weakest)(?: level)? in (?:the (?:past|last) |over )?(?P<n>\w+) (?P<unit>month|year)s?\b", I).search(text)
                 or rx(r"\b(?P<n>\w+)-(?P<unit>month|year) (?:high|low)\b", I).search(text))
        else:
            m = rx(r"(?P<n>\d+|[한두세네석넉]|다섯|여섯|일곱|여덟|아홉|열)\s?(?P<unit>개월|달|년)\s?만에\s?최[대고저소](?!\s?폭)").search(text)
        if not m:
            return None
        raw = m.group("n").lower()
        n = 1 if raw in ("a", "an", "one") else _count(raw, self._vocabulary(lang)["streaks"])
        if n is None:
            return None
        back = n * 12 if m.group("unit").lower() in ("year", "년") else n
        index = self.period.year * 12 + self.period.n - 1 - back
        return f"{index // 12}-{index % 12 + 1:02d}"


# "double-digit growth", 두 자릿수 증가율: how many digits a change's percent has.
DIGITS = {"en": r"\b(?P<n>single|double|triple)[- ]digits?\b", "ko": r"(?P<n>한|두|세)\s?자릿수"}
_DIGIT_WORDS = {"single": 1, "double": 2, "triple": 3, "한": 1, "두": 2, "세": 3}

# What joins an amount to the name of its item after it: "a $550 million deficit in …", "… surplus with Asia".
# A period dating an amount as its own ("In the first half of 2024, the deficit was $3.5 billion"):
# the name opens its clause after in/during/for, and only a subject and a linking verb follow it.
_EN_DATED_BEFORE = (re.compile(r"(?:^|[,;:]\s*)\s*(?:[\w'’-]+\s+){0,5}?(?:in|during|for|over)\s+$", re.IGNORECASE),
                    re.compile(r",?\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,5}?(?:was|were|stood at|came to|amounted to|totaled|totalled|reached)\s+(?:an?\s+(?:surplus|deficit)\s+of\s+)?(?:US)?\$?\s?", re.IGNORECASE))
# The words before a run that this period ended ("snapping a two-month", "ending its three-month losing").
_EN_BROKEN_RUN = re.compile(r"\b(?:snapp(?:ing|ed)|end(?:ing|ed|s)|break(?:ing|s)?|broke|halt(?:ing|ed|s)?)\s+(?:a|an|its|their)\s+\w+[- ](?:month|quarter|half|year)(?:[- ]long)?\s+(?:losing\s+|winning\s+)?$", re.IGNORECASE)
# An outlook before a direction word: "expects the deficit to shrink", "is likely to narrow", "will widen".
_EN_FORECAST = re.compile(r"(?:\b(?:will|would|could|may|might)(?:\s+(?:likely|probably|also|further|continue\s+to|have))*"
                          r"|\b(?:expects?|expected|forecasts?|forecast(?:ed)?|projects?|projected|predicts?|predicted|likely|set|poised|seen|sees?)"
                          r"(?:\s+(?!(?:and|but|while|after|as)\b)[\w'’-]+){0,4}?\s+to(?:\s+(?:be|continue\s+to|further))?)\s+$", re.IGNORECASE)
# A balance and the verb it moved by, just before a streak: "the deficit expanded", "the surplus shrank".
_EN_BALANCE_MOVED = re.compile(r"\b(?:deficits?|surplus(?:es)?|gap|shortfall)\s+(?:has\s+|have\s+|had\s+)?(?:(?P<wider>expand\w*|grew|grow\w*|increas\w*|ris\w*|rose|swell\w*|swollen|enlarg\w*|balloon\w*|widen\w*|deepen\w*)"
                               r"|(?P<narrower>shr[aiu]nk\w*|decreas\w*|fell|fall\w*|declin\w*|contract\w*|narrow\w*))(?:\s+(?:for|in)(?:\s+(?:a|an|the|its))?)?\s*$", re.IGNORECASE)
# A comparative straight after a figure's clause, against what follows "than" ("narrower than in the first half").
_EN_THAN_BASE = re.compile(r",\s+(?:(?:slightly|much|far|considerably|somewhat|a\s+little)\s+)?(?P<cmp>narrower|smaller|wider|larger|bigger|deeper|higher|lower)\s+than\b", re.IGNORECASE)
# An amount that is the whole a part's amount is of: "$3.09 billion of the $4.48 billion deficit".
_EN_OF_WHOLE_AMOUNT = re.compile(r"\d\s*(?:billion|million|bn|mn)?\s+(?:out\s+)?of\s+(?:the|a|its|their)\s+(?:total\s+|overall\s+|combined\s+)?(?:US)?\$?$", re.IGNORECASE)
# Words that add the amounts of the items before them: "together", "a combined deficit", "in total".
_EN_SUM = re.compile(r"\b(?:combined|together|taken\s+together|jointly|between\s+them|in\s+total|a\s+total\s+of|altogether)\b", re.IGNORECASE)
# Between a percent and the item it is of: "58 percent of North America's", "half that of North America".
_EN_PERCENT_OF = re.compile(r"\s+(?:of\s+)?(?:(?:that|those)\s+(?:of|with|in|for|at)\s+|of\s+)(?:the\s+)?", re.IGNORECASE)
# The two ends of a from-to: "from $1.06 billion", "to $1.57 billion".
_EN_FROM_FIGURE = re.compile(r"\bfrom\s+(?:an?\s+)?(?:(?:deficit|surplus|shortfall)\s+of\s+)?(?:(?:about|around|roughly|nearly|almost|some)\s+)?(?:US)?\$?$", re.IGNORECASE)
_EN_TO_FIGURE = re.compile(r"\bto\s+(?:an?\s+)?(?:US)?\$?$", re.IGNORECASE)
# A whole named between a role's "the only/biggest" and its noun: "was the only content segment in the red".
_EN_ROLE_BEFORE = re.compile(r"\b(?:was|were|is|are|became|remained|as)\s+the\s+(?:only|sole|single|one|biggest|largest|main|top|leading|smallest)\s+$", re.IGNORECASE)
_EN_ROLE_NOUN = re.compile(r"\s+(?:segments?|sectors?|categor(?:y|ies)|fields?|areas?|parts?|members?|components?|sub-?sectors?)\b", re.IGNORECASE)
# The whole a rank is within, just before its name: "the biggest deficit within", "the largest surplus among".
_EN_RANK_WITHIN = re.compile(r"\b(?:biggest|largest|smallest|widest|deepest|main|top|leading)\s+(?:(?:deficit|surplus|shortfall|earner|drag|contributor|source)(?:e?s)?\s+)?(?:within|among|of|in)\s+(?:the\s+)?(?:whole\s+)?$", re.IGNORECASE)
# A whole's possessive before a rank or role: "the content industry's biggest earner", "Asia's second-largest".
_EN_WHOLE_ROLE = re.compile(r"(?:\s+(?:sector|industry|segment|category|business|group))?['’]s?\s+(?:single\s+)?(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:biggest|largest|main|top|leading|chief|greatest|smallest|key|major)\b", re.IGNORECASE)
# Words before the total's one-word name that do not make it another item's ("overall prices", "as inflation").
_EN_PLAIN_MODIFIERS = frozenset("""the a an overall headline consumer general all of and or in on at for with that which as while when if
    since because though although but so than its their our his her korea korean korea's domestic local national nationwide average
    higher lower rising falling soaring sliding high low stable steady sticky stubborn key annual monthly yearly year-on-year on-year
    month-on-month total whole broader broad underlying said says say showed shows data official where how whether after before
    amid despite from to by into over under""".split())
# An owner's metric as a subject: "Shipbuilders' exports", "Samsung's royalty payments".
_EN_OWNED_METRIC = re.compile(r"(?P<owner>[A-Za-z][\w&-]*(?:\s+[\w&-]+)?)['’]s?\s+(?:[\w-]+\s+)?(?:exports?|imports?|surplus|deficit|shipments|sales|payments|receipts)$", re.IGNORECASE)
# A name straight before a figure in a clause of its own: ", R&D-related patents $770 million", "with platforms contributing $750 million".
_EN_NP_BOUNDARY = re.compile(r",\s+|;\s+|\bwith\s+", re.IGNORECASE)
_EN_NP_BEFORE = re.compile(r"(?P<np>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}?)\s+(?:(?:contributing|accounting\s+for|adding|making\s+up|posting|running|logging|recording|at)\s+)?(?:an?\s+)?(?:US)?\$?", re.IGNORECASE)
_EN_NP_STOP = frozenset("""up down about nearly some roughly almost around over under more less than against versus compared also just only
    still respectively including excluding leaving bringing taking pushing putting reaching hitting marking worth valued
    widening narrowing rising falling growing shrinking increasing decreasing swelling jumping climbing or and but nor yet
    while whereas compares compared""".split())
# A sentence's subject before its verb, after an opening phrase ("By region, ", "In the first half, ").
_EN_SUBJECT_VERBS = ("ran", "run", "posted", "logged", "recorded", "registered", "booked", "earned", "saw", "showed", "had",
                     "was", "were", "came", "reached", "generated", "brought", "totaled", "totalled", "amounted", "stood",
                     "racked", "chalked", "notched", "incurred", "swung", "widened", "narrowed", "grew", "rose", "fell",
                     "accounted", "contributed", "suffered", "returned", "produced", "yielded", "delivered", "remained", "stayed",
                     "shipped", "exported", "imported", "sold", "paid", "received", "spent", "bought", "purchased", "climbed", "jumped",
                     "hit", "topped", "neared")
_EN_SUBJECT = re.compile(r"\s*(?:[^,$\d]{1,40},\s+)?(?P<subject>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,6}?)\s+(?:(?:also|each|both|together|alone|collectively|combined)\s+)?(?:"
                         + "|".join(_EN_SUBJECT_VERBS) + r")\b", re.IGNORECASE)
# Subjects that are not another item: pronouns, the metric, the country or the total by other words.
_EN_NOT_UNKNOWN = re.compile(r"\b(?:it|its|they|their|them|this|that|these|those|which|who|both|all|each|exports?|imports?|deficits?|surplus(?:es)?|balance|gap|shortfall|trade|"
                             r"total|overall|figure|amount|sum|country|nation|korea|korean|koreans|south|seoul|bok|bank|ministry|government|"
                             r"half|year|month|period|january|june|july|december|first|second|rest|remainder|other|others|price|prices|inflation|shipments?|sales|payments|receipts)\b", re.IGNORECASE)
# A dimension named before the figure: "By region,", "Among institutions,", "by type of institution".
_EN_DIMENSION_CUE = re.compile(r"\b(?:by|among|across)\s+(?:(?:the\s+)?type\s+of\s+)?(?:trading\s+partner\s+)?(?P<dim>[a-z]+?)(?:s|ies|y)?(?:\s+types?)?\b", re.IGNORECASE)
# A share among a dimension's members: "of the deficit among categories", "of all regional deficits".
_EN_AMONG = re.compile(r"\b(?:among|across)\s+(?:the\s+)?(?:categories|regions|industries|institutions|institution types|sectors)\b|\bof\s+(?:all\s+)?(?:the\s+)?(?:regional|category|sectoral|industry)\s+(?:deficits|surpluses)\b", re.IGNORECASE)
# The other metric a percent is of or above: "81 percent of imports", "23 percent larger than exports".
_EN_OF_METRIC = re.compile(r"\s+(?:(?P<more>(?:larger|higher|more|bigger|greater)\s+than)|of)\s+(?:(?:its|their|the)\s+)?(?:total\s+)?(?P<metric>exports?|imports?)\b", re.IGNORECASE)
# A half or a month named with its year: "the second half of 2025", "H2 2025", "2H25", "the July-December
# period of 2025", "September 2025" (the ``name`` group leaves out a leading "the").
_EN_MONTH_NUMBER = {m.lower(): n for n, m in enumerate("January February March April May June July August September October November December".split(), 1)}
_EN_NAMED_PERIOD = re.compile(
    r"(?:\bthe\s+)?(?P<name>\b(?:(?P<ord>first|second)[- ]half\s+(?:of\s+)?(?P<year>20\d\d|this year|last year)"
    r"|H(?P<n>[12])\s+(?P<year2>20\d\d)|(?P<n2>[12])H\s?(?P<year3>(?:20)?\d\d)"
    r"|(?P<halfmonth>January|July)[-–—](?:June|December)(?:\s+period)?\s+(?:of\s+)?(?P<year4>20\d\d|this year|last year)"
    r"|(?P<month>" + "|".join(_EN_MONTH_NUMBER) + r")\s+(?P<year5>20\d\d))\b)", re.IGNORECASE)
# A sign claimed by a verb, with no amount: "posted a surplus", "ran deficits", "was in the red".
_EN_BARE_SIGN = re.compile(r"\b(?:(?:posted|posting|ran|running|recorded|recording|logged|logging|registered|reported|had|showed|saw|produced|generated)\s+(?:an?\s+|the\s+)?"
                           r"(?:(?:small|slight|smaller|modest|large|larger|huge|big|bigger|combined|sizable|wider)\s+)?(?P<sign>surplus(?:es)?|deficits?|shortfalls?)\b(?!\s+of\b)"
                           r"|(?:were|was|remained|stayed|are|is)\s+in\s+the\s+(?P<color>black|red))", re.IGNORECASE)
# A rank claim: "the second-largest deficit", "the largest regional surplus", "the biggest surplus among
# institution types"; not a record ("the largest deficit since 2022", "on record", "ever").
_EN_RANK = re.compile(r"\b(?:(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?P<sup>largest|biggest|smallest)\s+"
                      r"(?:(?:regional|category|sectoral|industry|institutional)\s+)?(?P<sign>deficits?|surplus(?:es)?|shortfalls?|(?:surplus\s+)?earners?|drags?|(?:net\s+)?payers?"
                      # "the biggest source of the deficit", "the largest contributor to the surplus"
                      r"|(?:sources?|contributors?|drivers?)\s+(?:of|to)\s+(?:the\s+)?(?:overall\s+)?(?:deficits?|surplus(?:es)?))\b"
                      r"(?![^.;,]*\b(?:since|on record|ever|in (?:\w+ )?(?:years?|months?|halves|quarters?))\b)", re.IGNORECASE)
# A rank with its side said before it: "the second-largest among regions".
_EN_RANK_AMONG = re.compile(r"\b(?:(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?P<sup>largest|biggest|smallest)(?P<sign>)?"
                            r"(?=\s+(?:among|of all|across)\s+(?:the\s+)?(?:regions|categories|industries|institutions|institution types|sectors)\b)", re.IGNORECASE)
# Two items compared by size, the second straight after "than": "bigger than that of manufacturing".
_EN_COMPARED = re.compile(r"\b(?P<cmp>bigger|larger|greater|wider|deeper|smaller|narrower)\s+than\s+(?:(?:that|those)\s+(?:of|in|for|at|with)\s+)?(?:the\s+)?", re.IGNORECASE)
# A comparison of two amounts: "exceeded … by $X", "$X larger than …"; a multiple of another item: "1.7 times (that of) Europe's".
_EN_GAP_BEFORE = re.compile(r"\b(?:exceed(?:s|ed|ing)?|f[ae]ll(?:s|ing)? short of|trail(?:s|ed|ing)?|outstrip(?:s|ped|ping)?|outpac(?:e|es|ed|ing)|surpass(?:es|ed|ing)?|top(?:s|ped|ping)?|larger than|bigger than|greater than|wider than|smaller than)\b", re.IGNORECASE)
_EN_GAP_AFTER = re.compile(r"\s+(?:more|larger|bigger|greater|wider|smaller|less)\s+than\b(?!\s+(?:in|during|a|the previous|the prior|six|last)\b)", re.IGNORECASE)
_EN_RATIO_JOINT = re.compile(r"\s+(?:(?:that|those) (?:of|with|in|for|at)\s+|the (?:size|level|amount) of\s+|as (?:large|big|much|high) as\s+)?(?:the\s+)?", re.IGNORECASE)
# "… was $3.76 billion in the first half of 2024": the period straight after the amount.
_EN_DATED_AFTER = re.compile(r"\s+(?:(?:surplus|deficit)\s+)?(?:in|during|for)\s+(?:the\s+)?", re.IGNORECASE)
# "2024년 상반기 적자는 37억6000만달러": the period, then the subject with its particle, then the amount;
# no comparison (보다, 대비, 에 비해, 에서), no parenthesis and no other figure between.
_KO_DATED = re.compile(r"(?:\s?의)?\s?(?![^()\d]*?(?:보다|대비|비해|비교|에서|대해|까지))[^()\d,]{0,20}?(?:은|는|이|가)\s?")
# A table cell that is a bare number ("-4.53", "1,960"), read with the table's unit.
_BARE_NUMBER = re.compile(r"\s*[-−+]?\d[\d,]*(?:\.\d+)?\s*")


def _one_code_each(mentions) -> list[tuple[str, ...]]:
    """Each reading of several names, one item per name (a name may be two items), distinct items only."""
    readings: list[tuple[str, ...]] = [()]
    for m in list(dict.fromkeys(mentions))[:4]:
        readings = [(*r, c) for r in readings for c in m.codes if c not in r][:16]
    return [r for r in readings if len(r) >= 2]


def _table_unit(text: str, lang: str) -> str | None:
    """The money unit a table's header or a row's label gives ("($ bn)", "US$ million", "(억달러)",
    "단위: 백만달러"), as the words a bare number then takes; None when it gives none."""
    if lang == "en" and not re.search(r"[(（]\s*%p?\s*[)）]|\bpercent\b", text, re.IGNORECASE):
        m = re.search(r"(?:US)?\$\s?(bn|billions?|bln|mn|millions?|mln)\b|\b(billion|million)s?\s+(?:of\s+)?(?:US\s+|U\.S\.\s+)?dollars\b"
                      r"|\b(?:USD|US\$)\s+(billion|million|bn|mn)\b", text, re.IGNORECASE)
        if not m:
            return None
        word = next(g for g in m.groups() if g).lower()
        return " billion dollars" if word.startswith(("b", "bn")) else " million dollars"
    if re.search(r"[(（]\s*%p\s*[)）]", text, re.IGNORECASE):
        return "%p"
    if re.search(r"[(（]\s*%\s*[)）]|\bpercent\b", text, re.IGNORECASE):
        return "%"
    m = re.search(r"(억|백만)\s?(?:미국\s?)?달러", text)
    if not m or not re.search(r"[(（]\s*(?:단위\s?[:：]?\s?)?(?:억|백만)\s?(?:미국\s?)?달러\s*[)）]|단위\s?[:：]?\s?(?:억|백만)\s?달러", text):
        return None
    return "억달러" if m.group(1) == "억" else "백만달러"


_EN_OWNED_AFTER = re.compile(r"\s+(?:trade\s+)?(?:surplus(?:es)?|deficits?|shortfalls?|exports|imports|balance)\b", re.IGNORECASE)
_EN_OWNER_AFTER = re.compile(r"\s+(?:(?:trade\s+)?(?:surplus(?:es)?|deficits?|shortfalls?|gap)\s+)?(?:in|with|for|(?<=surplus |deficit )at"
                             r"|(?:posted|recorded|run|logged|registered|earned|incurred|generated)\s+by)\s+(?:the\s+)?", re.IGNORECASE)

# Korean phrases whose names are not the subject of what follows: "…감소에도 (불구하고)", "…호조에 힘입어",
# "게임산업(22억6000만달러)을 중심으로".
_KO_METRIC_BRACKET = re.compile(r"\s*(?:수출|수입|수지|흑자|적자)\s?(?:증가율|감소율|규모|폭)?\s?\($")
_KO_SIGN_OF_NAME = re.compile(r"\s?[을를]?\s?(?:가장\s?(?:많이|크게)\s?)?(?:낸|기록한|거둔|본|나타낸|보인)\s?(?:분야|부문|곳|지역|기관|업종|항목|유형|산업|국가)(?:은|는|도|으로는|로는)\s?[^\d()]{1,30}\(")
class _HistoryChange:
    """A change between two amounts a clause states, one dated to an earlier period (for ``agrees``)."""

    def __init__(self, direction: str, data: dict, said: str) -> None:
        self.direction, self.data, self.said = direction, data, said

    def get(self, key, default=None):
        return self.data.get(key, default)


_KO_WHOLE_BEFORE = re.compile(r"전체\s?(?:지식서비스\s?)?(?:무역\s?)?(?:수출|수입|흑자|적자|수지)?\s?(?:확대|증가|감소|축소)?\s?(?:폭|규모|증가분|감소분|증가\s?폭)?"
                              r"\s?(?:\(\s?[-−]?\s?|(?:은|는|이|가)\s?)$")
_KO_OF_WHOLE = re.compile(r"(?:전체|총)\s?(?:수출|수입|흑자|적자|수지)?\s?(?:\([^()]*\))?\s?의\s?(?:약\s?)?$")
_KO_LEVEL_AFTER_CHANGE = re.compile(r"(?:늘어난|증가한|확대된|불어난|커진|줄어든|감소한|축소된|늘어|증가해|확대돼)\s?(?:약\s?)?$")
_KO_CHANGE_AMOUNT = re.compile(r"\s?(?:넘게|이상|가량|가까이|정도|남짓|안팎|쯤)?\s?(?:불어나|불었|불어난|늘어|늘었|늘면서|늘며|늘린|증가해|증가했|증가한|확대돼|확대됐|확대된|커졌|커진|줄어|줄었|줄면서|감소해|감소했|감소한|축소돼|축소됐|축소된)")
_KO_COMPARED_NAME = re.compile(r"(?:\s?(?:흑자|적자|수출|수입))?(?:\s?\([^()]*\))?\s?(?:에\s?이어|에\s?이은|다음으로|보다|에\s?비해)")
_KO_CONCESSIVE = r"에도(?:\s?불구하고)?\s|에 힘입어|덕분에|영향으로|탓에|로 인해|(?:을|를)\s?(?:중심으로|위주로)\s"

# "nearly flat", "거의 변동이 없었다": an "unchanged" that allows a slight move.
HEDGED_FLAT = {"en": r"\b(?:nearly|almost|virtually|broadly|roughly|essentially|little|largely)\s+$", "ko": r"거의\s?$"}

# A change stated against another rate: "picked up 0.3 percent from 2.1 percent", "… to 2.4 percent".
_EN_RATE_GAP = re.compile(r"\s*(?:percent|per cent|pct|%)?\s*(?:from|to)\s+(?:a |an )?-?\d+(?:\.\d+)?\s*(?:%|percent|per cent|pct)", re.IGNORECASE)

# A period named as the date of a rate: after it ("3.6% in October"), or before it
# ("October's 3.6%", "October (3.6%)", "10월(3.6%)", "10월의 3.6%").
_DATES_RATE = {"en": (re.compile(r"\s*(?:percent|per cent|pct)?\s+(?:in|for|of)\s+(?:the\s+)?", re.IGNORECASE),
                      re.compile(r"(?:'s|’s)\s+|\s*\(\s*", re.IGNORECASE)),
               "ko": (re.compile(r"(?!x)x"), re.compile(r"\s?\(\s?[-−+]?\s?|\s?의\s?"))}

# What joins the members of a list: "A, B and C", "A와 B", "37억5000만달러, 22억달러".
_LIST_JOINT = {"en": r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*", "ko": r"\s*(?:[,，·]|및|[와과](?=\s))\s*"}
# A figure followed by the base it is measured against: "0.2 percent from October", "10월 대비".
_COMPARED = {"en": re.compile(r"\s*(?:from|on|than|over|against|compared with|versus|vs\.?)(?!\w)", re.IGNORECASE),
             "ko": re.compile(r"\s*(?:대비|보다)")}
# A basis phrase straight after a rate, no comparison word between: "0.8 percent the previous month".
_EN_RATE_DATED = re.compile(r"\s+(?:in\s+)?(?P<phrase>(?:the|a)\s+(?:previous|prior|preceding)\s+(?:month|quarter|half|year)|a\s+(?:month|quarter|year)\s+(?:earlier|before|ago)|the\s+(?:month|quarter|year)\s+before)\b", re.IGNORECASE)
# A rate straight after a direction word: "falling 0.8 percent".
_EN_RATE_AFTER = re.compile(r"\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?-?\d[\d.,]*\s?(?:%|percent|per cent)", re.IGNORECASE)
# A rate stated as the base of a comparison: "up from 2.1%", "9월(2.1%)보다".
_FROM = {"en": re.compile(r"\bfrom\s$", re.IGNORECASE), "ko": re.compile(r"\)?\s?(?:보다|에서)")}


def _count(raw: str, words: dict) -> int | None:
    """A streak's length as written: 6, "6th", "sixth", "six", 여섯, 석."""
    raw = raw.strip()
    digits = rx(r"^(\d+)(?:st|nd|rd|th)?$").match(raw)
    if digits:
        return int(digits.group(1))
    for table in ("ordinals", "numbers"):
        if raw in words.get(table, {}):
            return int(words[table][raw])
    return None


# Full-width digits and the signs figures are written with (NFC keeps them; NFKC would also
# rewrite letters and spacing the wording rules read).
_WIDE = {ord(wide): narrow for wide, narrow in zip("０１２３４５６７８９％．，＄＋－", "0123456789%.,$+-")}
# What follows a percent that is a share of a whole, not a rate of its item.
_SHARE_AFTER = {"en": r"\s+of\s+(?:the\s+)?(?:total|all|overall)\b", "ko": r"\s?(?:를|을)\s?차지"}
_WIDE_CHARS = frozenset(chr(c) for c in _WIDE)


_MATCHERS: dict[tuple[int, int, str], tuple] = {}


def parts(doc: Document, count: int) -> list[tuple[int, int]]:
    """``doc``'s sentences cut into at most ``count`` runs of whole paragraphs of about equal
    length, as ``Agreement.check`` numbers them: each can be checked on its own."""
    sentences = _prepared(doc)
    total = sum(len(s.text) for s, _ in sentences) or 1
    cuts, done, goal = [0], 0, total / max(count, 1)
    for i, (sentence, fresh) in enumerate(sentences):
        if fresh and i and done >= goal * len(cuts) and len(cuts) < count:
            cuts.append(i)
        done += len(sentence.text)
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], len(sentences)])]


_PREPARED: list = [None, None]


def _prepared(doc: Document) -> list[tuple[Sentence, bool]]:
    """The sentences as ``check`` reads them, worked out once per document: ``parts`` works them
    out before the workers are forked, and each worker's runs would otherwise redo the whole
    document's. Kept with the very tuple they were made from (held, so its id is not reused)."""
    if _PREPARED[0] is not doc.sentences:
        _PREPARED[:] = [doc.sentences, _paragraph_starts(_merge_headline_parts(doc.sentences))]
    return _PREPARED[1]


def _paragraph_starts(sentences: list[Sentence]) -> list[tuple[Sentence, bool]]:
    """Each sentence, and whether it starts afresh: a heading, or the first after a blank line."""
    out, previous_end = [], 0
    for sentence in sentences:
        out.append((sentence, sentence.kind == "heading" or sentence.line > previous_end + 1))
        previous_end = sentence.position(max(len(sentence.text) - 1, 0))[0]
    return out


def _merge_headline_parts(sentences) -> list[Sentence]:
    """A headline split at "…" is read as one sentence, so its figures keep their items; so is a
    line of prose cut at an ellipsis ("ICT and Content... Surpluses of $1.57 Billion and $2.51
    Billion, Respectively": a subheading written as a paragraph)."""
    merged: list[Sentence] = []
    for sentence in sentences:
        last = merged[-1] if merged else None
        if last is None or last.line != sentence.line:
            merged.append(sentence)
            continue
        if sentence.kind == "heading" and last.kind == "heading" or (
                sentence.kind == last.kind and last.text.rstrip().endswith(("...", "…"))):
            joiner = " … " if sentence.kind == "heading" else " "
            filler = (last.position(len(last.text)),) * len(joiner)
            merged[-1] = Sentence(last.text + joiner + sentence.text, last.line, last.column, last.kind, last.level,
                                  tuple(last.positions) + filler + tuple(sentence.positions))
            continue
        merged.append(sentence)
    return merged


def rule_infos() -> dict[str, RuleInfo]:
    return {rule: RuleInfo(rule, level, text, "DESIGN.md, check") for rule, (level, text) in DATA_RULES.items()}
