"""The one right value of a wrong figure, when its sentence pins it (``check --fix``).

The data rules (``agreement.py``) decide *whether* a figure is wrong; this module decides
whether the sentence leaves exactly one right value for it, and builds the suggestion with
``fix.restyle``. A suggestion is a rewrite of an editor's text, so every step here refuses
rather than guesses: no suggestion is always safe, a wrong one states a falsehood.

What a figure is, is read from the words bound to it, never from the other figures of the
sentence (which may be wrong too, or revised): its item (one, named in its clause), its role
(the period's own level, a base period's value, a change's amount, a change's percent, a
share, percentage points), its metric (the word before it: exports, imports, surplus) and
its base (the base phrase bound to it, else the one base its sentence names and compares
with, else — when the sentence names none — the release's headline basis). Then the facts
must give one value; it must not make the sentence's direction or sign words false; and it
must be the nearest to what is written among the item's figures of the same role and metric
(among all of them when the item is the total only by default, and among the other bases'
when the base is the headline's by default): a role or base read wrongly (a year-to-date
amount taken for the month's) points far away, so it is refused.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .amounts import Mention, find_mentions
from .candidates import ItemFacts
from .findings import Finding, Suggestion
from .lexicon import CHANGE_WORDS, DIRECTIONS, YEAR_TO_DATE

# "For the January–December period": a year-to-date span as the drafts write it (the shared
# lexicon reads "in the January–… period"; both are the cumulative figures).
_TO_DATE_EXTRA = {"en": r"\bfor the january[-–]\w+ period\b|\bfirst \w+ months\b", "ko": r"(?!x)x"}
# In December the year to date is the year: "For the full year", "연간으로는" (read only then).
_FULL_YEAR = {"en": r"\b(?:for|in) the (?:full|whole|entire) year\b|\bfor the year as a whole\b", "ko": r"연간(?:으로는|으로|기준)?"}

# A figure's own base, written right after it ("8.4 percent from a year earlier", "on-year").
_EN_BOUND_AFTER = re.compile(r"\s*(?:(?:from|on|than|over|against|compared with|versus|vs\.?)\s+)?(?:that of\s+|the level of\s+)?", re.IGNORECASE)
# ... or right before it in Korean ("전년 동월 대비 13.4%", "1년 전보다 2.4%", "전월 대비로는 0.3%").
_KO_BOUND_BEFORE = re.compile(r"^\s*(?:대비|보다|에 비해|에 비하면|비)?\s*(?:로는|으로는|는|에는)?\s*$")

# Roles, read from the words bound to the figure.
_EN_FROM = re.compile(r"\bfrom\s+(?:an?\s+(?:surplus|deficit)\s+of\s+)?$", re.IGNORECASE)
_EN_BY = re.compile(r"\bby\s+(?:some\s+|about\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_EN_TO = re.compile(r"(?<!compared )(?<!close )(?<!equivalent )(?<!relative )\bto\s+(?:an?\s+(?:surplus|deficit)\s+of\s+)?$", re.IGNORECASE)
_EN_PAREN = re.compile(r"\(\s*(?:an?\s+(?:surplus|deficit)\s+of\s+)?$", re.IGNORECASE)
_KO_FROM = re.compile(r"\)?\s?에서")
_KO_THAN = re.compile(r"\)\s?(?:보다|에 비해|대비|[와과] 비교)")
_KO_CHANGE_AFTER = re.compile(r"\s?(?:(?:흑자|적자)(?:가|이|를)?\s?)?(?:늘|줄|증가|감소|확대|축소|많|적(?!자)|불어|커|작아)")
_KO_TO = re.compile(r"\s?(?:흑자|적자)?\s?(?:으)?로(?!는)")
_KO_CHANGED_BEFORE = re.compile(r"(?:증가|감소|확대|축소|상승|하락)한\s*$|(?:늘어난|줄어든|불어난)\s*$")

_EN_SHARE = re.compile(r"\baccount(?:s|ed|ing)? for\b|\bshare\b|\bpercent of (?:the |all |total )", re.IGNORECASE)
_KO_SHARE = re.compile(r"비중|차지")
_EN_CHANGE_NOUN = re.compile(r"^\s*(?:increase|rise|gain|jump|growth|decline|drop|fall|decrease|contraction)\b", re.IGNORECASE)
_EN_UP_DOWN = re.compile(r"(?<!made )(?<!make )(?<!makes )(?<!making )\b(?:up|down)\s+(?:by\s+)?$", re.IGNORECASE)
_KO_MOVED_AFTER = re.compile(r"\s?(?:증가|감소|상승|하락|늘|줄|올|내[렸려린리]|떨어|급증|급감|뛰|확대|축소|오른|오르)")
_EN_CONTRIBUTION = re.compile(r"\b(?:add(?:s|ed|ing)?|contribut\w*|subtract\w*|shav\w*)\b", re.IGNORECASE)
_KO_CONTRIBUTION = re.compile(r"기여")
_EN_CONTRIBUTION_BEFORE = re.compile(r"\b(?:add(?:s|ed|ing)?|contribut\w*(?:\s+(?:of|to))?|subtract\w*|shav\w*(?:\s+off)?)\s+(?:about\s+|some\s+|nearly\s+|another\s+)?(?:an?\s+)?$", re.IGNORECASE)
_KO_CONTRIBUTION_BEFORE = re.compile(r"기여\w*\s*$")


_OPEN = object()  # a metric two words could name
# Which way a change is said to go, for figures written as magnitudes ("fell 0.2 percent",
# "slowing 0.3 percentage point", "흑자 폭이 … 확대"): a suggestion never makes the words false.
_UP = {"en": r"\b(?:accelerat\w*|quicken\w*|higher|widen\w*|rose|ris(?:e|es|en|ing)|increas\w*|grew|grow\w*|up|gain\w*|jump\w*|climb\w*|expand\w*)\b",
       "ko": r"높아|확대|상승|증가|늘|커|오[르른]|올[랐라]|불어"}
_DOWN = {"en": r"\b(?:slow\w*|decelerat\w*|eas(?:e|ed|es|ing)|narrow\w*|lower|fell|fall\w*|drop\w*|declin\w*|decreas\w*|shr[aiu]nk\w*|down|contract\w*)\b",
         "ko": r"낮아|둔화|하락|축소|감소|줄|내[렸려리린]|떨어"}
_GOES = {"increased": "up", "widened": "up", "decreased": "down", "narrowed": "down"}
_EXCLUDING = {"en": r"\b(?:excluding|except|other than|apart from|besides|ex-|non-|outside)\b|\bnon-?\w",
              "ko": r"제외|빼면|뺀|를 뺀|외에|이외"}


class Suggester:
    """Suggestions for one release period's findings; reads the facts through its ``Agreement``."""

    def __init__(self, agreement) -> None:
        self.ag = agreement

    # -- gates shared by every kind ---------------------------------------------------------
    def _one_item(self, text: str, lang: str, figure: Mention, codes, clause, owners, pairs_mode) -> bool:
        """One item, named in the figure's clause (or paired by "respectively"), and the only one there."""
        if len(codes) != 1:
            return False
        found = self.ag.matcher(lang).find(text)
        # "Exports excluding semiconductors", "반도체를 제외한 수출", "non-chip exports": the figure is of
        # what is left, not of the item named (words inside an item's own name do not count:
        # "prices excluding agricultural and petroleum products" is an item).
        outside = list(text[clause[0]:clause[1]])
        for m in found:
            end = m.end
            # "Core inflation (excluding food and energy)": a gloss that repeats the item's own
            # name ("core prices excluding food and energy") is the name, not a subtraction.
            gloss = re.match(r"\s*[(（]([^()（）]+)[)）]", text[m.end:])
            if gloss and any(gloss.group(1).strip().lower() in self.ag.name(code, lang).lower() for code in m.codes):
                end = m.end + gloss.end()
            for i in range(max(m.start, clause[0]), min(end, clause[1])):
                outside[i - clause[0]] = " "
        if re.search(_EXCLUDING[lang], "".join(outside), re.IGNORECASE):
            return False
        if not pairs_mode and not any(clause[0] <= m.start < clause[1] for m in owners):
            # Carried over: only the release's total, in a sentence that names no item at all
            # ("Imports rose 4.6 percent", "수입은 4.6% 증가한"), as the paragraph is about it.
            return codes[0] == self.ag.config.total and not found
        # "The ICT industry recorded services exports of …": two items in the clause
        # (the total's name often generic), so which one the figure is of is not certain.
        # A list's figure in parentheses straight after its name ("automobiles (13.7 percent,
        # $6.41 billion)", "무선통신(17억3000만달러, 1.6%)") is that name's.
        listed = any(re.fullmatch(r"\s*[(（][^()（）]*", text[m.end:figure.start]) for m in owners if m.end <= figure.start)
        # "… 각각 37억7000만달러, 21억8000만달러 적자를 나타낸 가운데 아시아에서는 35억7000만달러 흑자":
        # a Korean name with only its particle (and metric) before the figure is that figure's —
        # not the total's name, which often qualifies another ("ICT 산업의 지식서비스 수출은"), nor
        # a name that is itself qualified by another with 의.
        if lang == "ko" and any(m.codes != (self.ag.config.total,) and not re.search(r"의\s?$", text[:m.start])
                                and re.fullmatch(r"(?:에서는|에서도|에서|은|는|이|가|의|도)?\s?(?:수출|수입|흑자|적자|무역수지)?(?:은|는|이|가|도)?\s?",
                                                 text[m.end:figure.start]) for m in owners if m.end <= figure.start):
            listed = True
        # A name past a comma after the figure starts another part of the sentence ("While the
        # information services sector posted a deficit of $550 million, the surplus came mainly
        # from game software"): it does not compete for the figure.
        # (A name is one however many items it may be: ``_every_reading`` settles those.)
        # "Prices of services": the total's name as the noun of another item's name is that item.
        starts = {m.start: m for m in found}
        of_other = set()
        for m in found:
            joint = re.match(r"\s+of\s+(?:the\s+)?", text[m.end:m.end + 12]) if lang == "en" and m.codes == (self.ag.config.total,) else None
            other = starts.get(m.end + joint.end()) if joint else None
            if other is not None and other.codes != m.codes:
                of_other.add(m.start)
        # "adding 1.36 percentage points to headline inflation": what a contribution goes to.
        of_other |= {m.start for m in found if figure.kind == "points" and m.codes == (self.ag.config.total,)
                     and re.fullmatch(r"\s+to\s+(?:the\s+)?", text[figure.end:m.start])}
        def later_part(m):
            return m.start >= figure.end and re.search(r"[,，;]", text[figure.end:m.start])

        spots = {(m.start, m.end) for m in found}  # owners carried over from another sentence are not here
        here = [m for m in owners if clause[0] <= m.start < clause[1] and (m.start, m.end) in spots]
        if not pairs_mode and here and all(m.start >= figure.end for m in here) and not any(
                lang == "en" and re.fullmatch(r"\s+(?:in|for)\s+(?:the\s+)?", text[figure.end:m.start], re.IGNORECASE) for m in here):
            # Its name only after it: "The deficit of $4.54 billion came mostly from R&D services",
            # "적자 45억4000만달러는 주로 연구개발서비스에서": the figure may be the whole's, the name
            # where most of it came from. ("A surplus of $1.2 billion in games" is the games'.)
            return False
        named = {m.codes for m in found if clause[0] <= m.start < clause[1] and m.start not in of_other and not later_part(m)}
        return pairs_mode or listed or len(named) <= 1

    @staticmethod
    def _every_reading(finding: Finding, codes, suggest_for) -> Finding:
        """One name, two items ("digital intermediary platforms" is an industry and a kind of
        institution): a suggestion only when each item, read alone, gives the same one."""
        found = [suggest_for(code) for code in codes]
        texts = {f.suggestion.text if f.suggestion else None for f in found}
        return found[0] if len(texts) == 1 and None not in texts else finding

    def _qualified_total(self, text: str, lang: str, figure: Mention, codes, clause):
        """"The ICT industry recorded services exports of …", "ICT 산업의 서비스 수출은 …":
        the total's name qualifying the trade of the one item named just before it (as the data
        rules read the total's name, as generic). That item's mention, or None."""
        if list(codes) != [self.ag.config.total]:
            return None
        found = [m for m in self.ag.matcher(lang).find(text) if clause[0] <= m.start < clause[1]]
        totals = [m for m in found if m.codes == (self.ag.config.total,) and m.end <= figure.start]
        if not totals or any(m.start >= totals[-1].end and m.start < figure.start for m in found if m is not totals[-1]):
            return None
        total = totals[-1]
        others = [m for m in found if m.codes != (self.ag.config.total,)]
        if len({m.codes for m in others}) != 1 or len(others[0].codes) != 1 or any(m.start > total.start for m in others):
            return None
        other = others[-1]
        gap = text[other.end:total.start]
        joined = re.fullmatch(r"\s+(?:recorded|had|posted|registered|ran|saw|reported)\s+(?:an?\s+)?|['’]s\s+", gap, re.IGNORECASE) if lang == "en" \
            else re.fullmatch(r"(?:의|은|는)\s?", gap)
        if not joined:
            return None
        # From the total's name to the figure only the item's own trade may stand ("exports of
        # … and imports of …, resulting in a surplus of"); "전체", "of total", "가운데" and the like
        # make the figure the total's.
        between = list(text[total.end:figure.start])
        for m in find_mentions(text, lang):
            if total.end <= m.start and m.end <= figure.start:
                between[m.start - total.end:m.end - total.end] = "¤" * (m.end - m.start)
        between = "".join(between)
        allowed = (r"(?:\s|,|¤+|\band\b|\bresulting in\b|\bof\b|\ban?\b|\btrade\b|\bexports\b|\bimports\b|\bsurplus\b|\bdeficit\b|\bbalance\b"
                   r"|\bcame to\b|\bamounted to\b|\bto\b)*"
                   if lang == "en" else r"(?:\s|,|¤+|무역에서|에서|수출|수입|무역수지|흑자|적자|은|는|이|가|으로|로)*")
        if lang == "ko" and joined.group(0).strip() != "의" and not re.fullmatch(r"\s?(?:무역|거래)?에서\s?", between):
            return None  # "콘텐츠산업은 지식서비스 무역에서 …": only "in the total's trade" after a subject
        return other if re.fullmatch(allowed, between, re.IGNORECASE) else None

    def _with(self, finding: Finding, figure: Mention, lang: str, value: Decimal, unit: str) -> Finding:
        from .fix import restyle

        if finding.end_column is None:
            return finding
        replacement = restyle(figure.text, lang, value, unit)
        if replacement is None or replacement == figure.text:
            return finding
        return replace(finding, suggestion=Suggestion(finding.column, finding.end_column, replacement))

    @staticmethod
    def _nearest(figure: Mention, right: Decimal, others) -> bool:
        """Is ``right`` strictly the nearest to the written figure of all the item's ``others``?"""
        gap = abs(abs(right) - figure.value)
        return all(abs(abs(o) - figure.value) > gap for o in others if abs(o) != abs(right))

    def _spans(self, text: str, lang: str):
        return self.ag.base_names(lang).spans(text)

    def _bound_basis(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """The base phrase written against the figure itself, if any."""
        for start, end, basis in self._spans(text, lang):
            if lang == "en" and figure.end <= start < min(clause[1], figure.end + 30) and _EN_BOUND_AFTER.fullmatch(text[figure.end:start]):
                return basis
            if lang == "ko" and max(clause[0], figure.start - 20) <= end <= figure.start and _KO_BOUND_BEFORE.match(text[end:figure.start]):
                return basis
        return None

    def _basis(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """The base a change is measured on: the one bound to it, else the one base the sentence
        names and compares with, else (none named) the release's headline basis. None when two
        remain possible."""
        bound = self._bound_basis(text, lang, figure, clause)
        if bound is not None:
            return bound
        spans = self._spans(text, lang)
        if not spans:
            return self.default_basis()
        # Else a base the sentence compares with ("Compared with the second half of last year,
        # the deficit widened by …", "전년 동기 대비"), if only one: not a period merely named
        # ("the same pace as in October", "전월과 같아"), which leaves the base open.
        named = {basis for *_, basis in spans}
        compared = {basis for start, end, basis in spans if self._compares(text, lang, start, end)}
        return next(iter(compared)) if len(named) == 1 and compared == named else None

    @staticmethod
    def _compares(text: str, lang: str, start: int, end: int) -> bool:
        if lang == "en":
            if re.search(r"(?:compared (?:with|to)|from|than|over|against|versus|vs\.?|relative to)\s+$", text[max(0, start - 20):start], re.IGNORECASE) \
                    or re.match(r"(?:from|than|compared)\b", text[start:end], re.IGNORECASE):
                return True
            return bool(re.fullmatch(r"(?:year|month|quarter|half)?[- ]?on[- ](?:year|month|quarter|half)|y/y|m/m|yoy|mom", text[start:end], re.IGNORECASE))
        # "전기(7억5000만달러)보다": the base's own figure may stand between the name and 보다.
        return bool(re.match(r"(?:\([^()]*\))?\s?(?:대비|보다|에 비해|에 비하면|와 비교|과 비교|비)", text[end:end + 24]))

    def default_basis(self) -> str | None:
        """The basis a release's changes are read on when a sentence names none: the headline's
        (for a rate headline such as inflation, the basis the rate itself is measured on)."""
        head = self.ag.config.headline
        if head is None:
            return None
        metric = self.ag.config.metrics.get(head.metric)
        if metric is not None and metric.percent_basis:
            return metric.percent_basis
        return head.basis

    def _to_date(self, text: str, lang: str, clause) -> bool:
        segment = text[clause[0]:clause[1]]
        if self.ag.period.kind == "M" and self.ag.period.n == 12 and re.search(_FULL_YEAR[lang], segment, re.IGNORECASE):
            return True
        return bool(re.search(YEAR_TO_DATE[lang], segment, re.IGNORECASE) or re.search(_TO_DATE_EXTRA[lang], segment, re.IGNORECASE))

    def _metric_fits(self, fact_metric: str, fact, stated: str | None, to_date: bool) -> bool:
        """Is ``fact_metric`` the metric the text names (exports, imports, a balance), in the
        year-to-date form when the clause says so and the month's otherwise?"""
        cumulative = fact.kind == "cumulative" or "ytd" in fact_metric or "ytd" in (fact.get("metric") or "")
        if cumulative != to_date:
            return False
        if stated is None:
            return True
        base = fact_metric.split("_")[0] if fact_metric else ""
        if stated == "balance":
            defined = self.ag.config.metrics.get(fact_metric)
            return base == "balance" or (defined is not None and defined.kind == "balance")
        return base == stated

    # -- money ------------------------------------------------------------------------------
    def money(self, finding: Finding, text: str, lang: str, figure: Mention, codes, clause, candidates, owners, pairs_mode) -> Finding:
        """A wrong amount: the item's level, a base period's value or a change's amount, by role."""
        if getattr(figure, "hedge", None):
            return finding  # "more than $4 billion" states a range: no one number restores it
        if len(codes) > 1 and not pairs_mode:
            return self._every_reading(finding, codes, lambda code: self.money(
                finding, text, lang, figure, [code], clause, list(self.ag.index.get(code, ItemFacts()).money), owners, pairs_mode))
        qualified = None if pairs_mode else self._qualified_total(text, lang, figure, codes, clause)
        if qualified is not None:
            codes = list(qualified.codes)
            candidates = [c for code in codes for c in self.ag.index.get(code, ItemFacts()).money]
        elif not self._one_item(text, lang, figure, codes, clause, owners, pairs_mode):
            return finding
        role, basis = self._money_role(text, lang, figure, clause)
        if role is None:
            return finding
        metric = self._metric(text, lang, figure, clause)
        if metric is _OPEN:
            return finding
        if metric is None and role != "value" and lang == "ko":
            # "2024년 상반기(-35억달러)보다 적자 폭이 확대됐다": Korean may name the metric after the base.
            metric = self._metric_after(text, lang, figure, clause)
        to_date = self._to_date(text, lang, clause)
        if role in ("value", "same"):
            pool = [c for c in candidates if c.role == "value" and c.fact.kind != "share" and self._metric_fits(c.metric, c.fact, metric, to_date)]
            if metric is None and not pool:
                return finding
            if role == "same" and not any(c.fact.kind == "change" and c.fact.get("basis") == basis and c.fact.get("delta") == 0
                                          and c.metric in {p.metric for p in pool} for c in candidates):
                return finding  # "unchanged" where the data moved: a new number would leave it false
        elif role == "base":
            pool = [c for c in candidates if c.role == "base" and self._on_basis(c.fact, basis, to_date)
                    and self._metric_fits(c.metric, c.fact, metric, to_date)]
        else:
            pool = [c for c in candidates if c.role == "delta" and c.fact.kind in ("change", "cumulative") and self._on_basis(c.fact, basis, to_date)
                    and self._metric_fits(c.metric, c.fact, metric, to_date)]
        if len({c.value for c in pool}) != 1 or (role != "value" and metric is None):
            return finding
        right = pool[0]
        # The item's figure nearest to what is written, among those of its role (and of the metric
        # the text names; of all of them when the item is the total only by default): a misread —
        # a year-to-date amount taken for the month's — points far away.
        # (A base or a change on the headline's basis by default competes there with the same
        # role on the other bases: written nearer one of those, the writer may have meant it.)
        family = [c.value for c in candidates if not self._named(text, lang)
                  or (c.role == right.role and (metric is None or c.metric.split("_")[0] == right.metric.split("_")[0]))]
        if not self._nearest(figure, right.value, family):
            return finding
        if role in ("value", "same"):
            value = right.signed
        elif role == "base":
            value = right.fact.get("base_value") if right.fact.kind in ("change", "cumulative") else right.signed
            value = right.value if value is None else Decimal(value)
        else:
            value = right.value  # a change's amount states its size; the words give its direction
            if not self._agrees(text, lang, figure, clause, right.fact):
                return finding
        if role != "delta" and not self._sign_agrees(text, lang, figure, clause, Decimal(value), right.metric):
            return finding
        unit = self.ag.config.metrics[right.metric].unit if right.metric in self.ag.config.metrics else "usd_million"
        return self._with(finding, figure, lang, value, unit)

    @staticmethod
    def _written_way(text: str, lang: str, figure: Mention, clause) -> str | None:
        """"up" or "down" as the words around a magnitude say it went ("rose 8.4 percent",
        "-10.4%", "… (5.9 percent) also rose", "0.3%포인트 낮아졌다"), or None."""
        if text[max(0, figure.start - 1):figure.start] in ("-", "−") or figure.negative:
            return "down"
        found = []
        for way, table in (("up", _UP), ("down", _DOWN)):
            for m in re.finditer(table[lang], text[clause[0]:clause[1]], re.IGNORECASE):
                found.append((clause[0] + m.start(), way))
        if not found:
            return None
        before = [(at, way) for at, way in found if at < figure.start and figure.start - at <= 40]
        after = [(at, way) for at, way in found if at >= figure.end]
        if lang == "en":
            pick = max(before)[1] if before else (min(after)[1] if after else None)
        else:
            pick = min(after)[1] if after else (max(before)[1] if before else None)
        return pick

    @staticmethod
    def _fact_way(fact, value=None) -> str | None:
        direction = fact.get("direction")
        if direction is not None:
            return _GOES.get(direction)
        signed = fact.get("value") if value is None else value
        if signed is None or signed == 0:
            return None
        return "up" if signed > 0 else "down"

    def _agrees(self, text: str, lang: str, figure: Mention, clause, fact, value=None) -> bool:
        """Does the fact go the way the words say (when they say)? A fact that went neither way
        (unchanged, turned) never fills a magnitude."""
        fact_way = self._fact_way(fact, value)
        written = self._written_way(text, lang, figure, clause)
        return fact_way is not None and (written is None or written == fact_way)

    def _sign_agrees(self, text: str, lang: str, figure: Mention, clause, signed: Decimal, metric: str) -> bool:
        """A balance written as a surplus or a deficit (or with a minus) keeps that sign."""
        from .lexicon import SIGN_WORDS

        defined = self.ag.config.metrics.get(metric)
        if not (metric.startswith("balance") or (defined is not None and defined.kind == "balance")):
            return True
        if signed == 0:
            return False
        if lang == "en":
            words = re.findall(SIGN_WORDS["en"], text[max(clause[0], figure.start - 40):figure.start], re.IGNORECASE)
            word = words[-1].lower() if words else None
        else:
            word = self._ko_sign_after(text, figure)
        stated = "surplus" if word and word.startswith(("surplus", "흑자")) else "deficit" if word else ("deficit" if figure.negative else None)
        return stated is None or (stated == "surplus") == (signed > 0)

    def _metric(self, text: str, lang: str, figure: Mention, clause):
        """The metric the figure is of, as ``_stated_metric`` reads it — or ``_OPEN`` when its part
        of the sentence names two ("Imports grew faster than exports, rising 8.4 percent": the
        nearest metric word is not the subject)."""
        from .lexicon import METRIC_WORDS

        metric = self.ag._stated_metric(text, lang, figure, clause)
        if lang == "ko" and re.match(r"\s?(흑자|적자)", text[figure.end:figure.end + 4]):
            return metric  # "45억3000만달러 적자": bound to the figure
        if lang == "ko" and metric is None and self._ko_sign_after(text, figure):
            return "balance"  # "각각 15억7000만달러·25억1000만달러 흑자": the list's word is each figure's
        before = text[clause[0]:figure.start]
        named = {m for m, p in METRIC_WORDS[lang] if re.search(p, before, re.IGNORECASE)}
        if len(named) <= 1:
            return metric
        # The nearest part (between commas, "and", 고/며) that names a metric decides, if it names one.
        cuts = r",|，|;|\band\b" if lang == "en" else r",|，|;|고\s|며\s"
        for part in reversed(re.split(cuts, before)):
            here = {m for m, p in METRIC_WORDS[lang] if re.search(p, part, re.IGNORECASE)}
            if here:
                return metric if here == {metric} else _OPEN
        return _OPEN

    @staticmethod
    def _ko_sign_after(text: str, figure: Mention) -> str | None:
        """흑자 or 적자 written after the figure, or after the list of amounts it opens
        ("15억7000만달러·25억1000만달러 흑자", "9억3000만달러, 5억1000만달러 흑자")."""
        end = figure.end
        for m in find_mentions(text[figure.end:figure.end + 160], "ko"):  # a list of a few amounts
            if m.kind != "money" or not re.fullmatch(r"\s?[·,]\s?", text[end:figure.end + m.start]):
                break
            end = figure.end + m.end
        after = re.match(r"\s?(흑자|적자)", text[end:end + 4])
        return after.group(1) if after else None

    @staticmethod
    def _metric_after(text: str, lang: str, figure: Mention, clause) -> str | None:
        from .lexicon import METRIC_WORDS

        following = text[figure.end:min(clause[1], figure.end + 16)]
        found = [(m.start(), metric) for metric, p in METRIC_WORDS[lang] for m in re.finditer(p, following)]
        return min(found)[1] if found else None

    def _on_basis(self, fact, basis: str | None, to_date: bool) -> bool:
        if basis is None:
            return False
        if fact.kind == "cumulative":
            return to_date and basis in ("year_ago", "cumulative")
        if basis == "cumulative" and to_date:
            # "1~11월 누적으로는 … 전년 동기(452억달러)보다": the same span a year earlier, which is
            # the year-ago change of a year-to-date metric.
            defined = self.ag.config.metrics.get(fact.get("metric") or "")
            return fact.get("basis") == "year_ago" and getattr(defined, "cumulative_of", None) is not None
        return fact.get("basis") == basis

    def _money_role(self, text: str, lang: str, figure: Mention, clause) -> tuple[str | None, str | None]:
        """("value" | "base" | "delta", basis) for an amount, or (None, None) when the words do not say."""
        before = text[max(clause[0], figure.start - 40):figure.start]
        after = text[figure.end:figure.end + 20]
        spans = self._spans(text, lang)
        named = {basis for *_, basis in spans}
        for start, end, basis in spans:
            # "unchanged from the previous half at $440 million", "전기와 같은 4억4000만달러": the
            # level, which is the base's too (``money`` checks that the data says unchanged).
            if end <= figure.start and (
                    re.fullmatch(r"\s*at\s+(?:an?\s+(?:surplus|deficit)\s+of\s+)?", text[end:figure.start], re.IGNORECASE)
                    and re.search(r"\bunchanged\s+(?:from|on|compared with)\s+$", text[max(clause[0], start - 30):start], re.IGNORECASE)
                    if lang == "en" else re.fullmatch(r"(?:와|과)\s?(?:같은|동일한)\s?", text[end:figure.start])):
                return "same", basis
        if lang == "en":
            # "(a deficit of 3.5 billion dollars)" straight after a base phrase: that base's value.
            paren = _EN_PAREN.search(before)
            if paren:
                lead = text[:max(clause[0], figure.start - 40) + paren.start()].rstrip()
                owner = [b for s, e, b in spans if e == len(lead)]
                if owner:
                    return "base", owner[0]
            if _EN_FROM.search(before):
                return "base", self._basis_after(text, lang, figure, clause, spans)
            if _EN_BY.search(before) or _EN_UP_DOWN.search(before):
                moved = any(re.search(p, text[clause[0]:figure.start], re.IGNORECASE) for _, p in DIRECTIONS[lang]) or _EN_UP_DOWN.search(before)
                return ("delta", self._basis(text, lang, figure, clause)) if moved else (None, None)
            near = text[max(clause[0], figure.start - 12):figure.start]
            if _EN_TO.search(before) and any(re.search(p, text[clause[0]:figure.start], re.IGNORECASE) for _, p in DIRECTIONS[lang]):
                return "value", None  # "rose 13.4 percent on-year to $69.57 billion": what it came to
            if re.search(CHANGE_WORDS[lang], near, re.IGNORECASE):
                return None, None
        else:
            if _KO_THAN.match(text, figure.end) and re.search(r"\(\s*$", before):
                lead = text[:figure.start].rstrip()[:-1].rstrip()
                owner = [b for s, e, b in spans if e == len(lead)]
                if not owner and self._to_date(text, lang, clause) and self._names_cumulative(lead, lang):
                    owner = ["cumulative"]  # "1~12월 누적으로는 … 전년 동기(517억7000만달러)보다"
                return ("base", owner[0]) if owner else (None, None)
            if _KO_FROM.match(text, figure.end):
                if text.startswith(")", figure.end):
                    # "전기(6억1000만달러)에서 …로": the base's figure after its name. After an item's
                    # name, 에서 says where ("연구개발서비스(30억9000만달러)에서 주로 발생했다",
                    # "유럽(21억8000만달러)에서 적자"): the item's own figure, read on below.
                    lead = text[:figure.start].rstrip()[:-1].rstrip()
                    owner = [b for s, e, b in spans if e == len(lead)]
                    if owner:
                        return "base", owner[0]
                elif any(_KO_TO.match(text, figure.end + m.end) for m in find_mentions(text[figure.end:clause[1]], lang)
                         if m.kind == "money"):
                    return "base", self._basis(text, lang, figure, clause)  # "A에서 B로"
                else:
                    return None, None
            if re.match(r"\)?\s?(?:보다|대비|에 비해)", after):
                return None, None
            if _KO_CHANGE_AFTER.match(re.sub(r"^\([^()]*\)", "", after)) and not _KO_TO.match(after):
                return "delta", self._basis(text, lang, figure, clause)
            if re.search(CHANGE_WORDS[lang], after[:4]):
                return None, None
            if _KO_TO.match(after) and (_KO_CHANGED_BEFORE.search(before) or re.search(r"달러\s?에서\s*$", before)):
                return "value", None
        if not named:
            return "value", None
        if lang == "ko" and _KO_TO.match(after) and not any(s < figure.start for s, _, _ in spans):
            # "수출액은 695억7000만달러로 1년 전보다 13.4% 늘었다": what the amount came to.
            return "value", None
        # A base named elsewhere: the figure is the period's own only if every base phrase comes
        # after it, each bound to a nearer figure of its own ("a surplus of $12.18 billion, up
        # from $6.49 billion a year earlier", "121억8000만달러 흑자로 전년 동월(64억9000만달러)보다").
        mentions = find_mentions(text, lang)
        figures = [m for m in mentions if m.start > figure.start]
        for start, end, _ in spans:
            if start < figure.end and lang == "en" and any(
                    m.end <= start and _EN_BOUND_AFTER.fullmatch(text[m.end:start]) and m.kind == "percent" for m in mentions) \
                    and re.search(r",|\band\b", text[end:figure.start]):
                # "exports rose 3.8 percent on-year to …, and the trade surplus reached $78 billion":
                # an earlier part's base, bound to its own percent.
                continue
            if start < figure.end:
                return None, None
            between = any(m.end <= start for m in figures)
            own = any(re.fullmatch(r"\s*[(（](?:an?\s+(?:surplus|deficit)\s+of\s+)?", text[end:m.start], re.IGNORECASE) for m in figures)
            if not (between or own):
                return None, None
        return "value", None

    def _names_cumulative(self, lead: str, lang: str) -> bool:
        from ..vocabulary import vocabulary

        words = vocabulary(lang, self.ag.config.project).get("bases", {}).get("cumulative", {}).get(self.ag.period.kind, {}).get("read", [])
        return any(re.search(rf"(?:{p})$", lead, re.IGNORECASE) for p in words)

    def _basis_after(self, text: str, lang: str, figure: Mention, clause, spans) -> str | None:
        """"from $6.49 billion a year earlier": the base phrase straight after a base figure names
        its period; without one, the basis as for a change."""
        for start, end, basis in spans:
            if figure.end <= start < figure.end + 30 and re.fullmatch(r"\s*(?:in|of|for)?\s*(?:the\s+)?", text[figure.end:start], re.IGNORECASE):
                return basis
        return self._basis(text, lang, figure, clause)

    # -- percentages and percentage points -----------------------------------------------------
    def rate(self, finding: Finding, text: str, lang: str, figure: Mention, codes, clause, owners, pool, pairs_mode) -> Finding:
        """A wrong percent (of a change, a share) or percentage points, by role."""
        if getattr(figure, "hedge", None):
            return finding  # "nearly 30 percent" states a range
        if len(codes) > 1 and not pairs_mode and figure.kind in ("percent", "points"):
            return self._every_reading(finding, codes, lambda code: self.rate(
                finding, text, lang, figure, [code], clause, owners, [(v, f) for v, f in pool if f.item == code], pairs_mode))
        if figure.kind not in ("percent", "points") or not self._one_item(text, lang, figure, codes, clause, owners, pairs_mode):
            return finding
        index = self.ag.index.get(codes[0], ItemFacts())
        if figure.kind == "points":
            return self._points(finding, text, lang, figure, clause, index)
        every = [v for v, _ in index.percent] + [v for v, _, _ in index.percent_base]
        based = self.ag._stated_base(text, lang, figure, codes)
        if based is not None:
            return self._base_rate(finding, text, lang, figure, based)
        role = self._percent_role(text, lang, figure, clause)
        if role is None:
            return finding
        to_date = self._to_date(text, lang, clause)
        metric = self._metric(text, lang, figure, clause)
        if metric is _OPEN:
            return finding
        if role == "share":
            # A share fact, or a published share (a metric that is a share of another); a rank's
            # "share" of its members is not the share of the total.
            kept = [(v, f) for v, f in pool if f.kind == "share" or (
                f.kind == "level" and getattr(self.ag.config.metrics.get(f.get("metric") or ""), "share_of", None))]
        else:
            basis = self._basis(text, lang, figure, clause)
            if basis is None:
                return finding
            kept = [(v, f) for v, f in pool if self._change_on(f, basis, to_date) and self._metric_fits(self._rate_metric(f), f, metric, to_date)]
        if len({v for v, _ in kept}) != 1:
            return finding
        value = kept[0][0]
        if not self._named(text, lang) and not self._nearest(figure, value, every):
            return finding  # the total only by default: its value must at least be the nearest
        if role == "change" and not self._spans(text, lang):
            # The headline's basis by default: written nearer the same change on another basis,
            # the writer may have meant that one.
            # Every base's change, not only the pool the checker narrowed to the headline's basis.
            every_base = [p for code in codes for p in getattr(self.ag.index.get(code, ItemFacts()), figure.kind)]
            others = [v for v, f in every_base if any(self._change_on(f, b, to_date) for b in self.ag.base_periods)
                      and self._metric_fits(self._rate_metric(f), f, metric, to_date)]
            if not self._nearest(figure, value, others):
                return finding
        if role == "change":
            fact = kept[0][1]
            signed = fact.get("percent") if fact.kind in ("change", "cumulative") else fact.get("value")
            if not all(self._agrees(text, lang, figure, clause, f, f.get("percent") if f.kind in ("change", "cumulative") else f.get("value"))
                       for _, f in kept) or signed is None:
                return finding
        return self._with(finding, figure, lang, value, "percent")

    def _named(self, text: str, lang: str) -> bool:
        return bool(self.ag.matcher(lang).find(text))

    def band(self, finding: Finding, text: str, lang: str, figure: Mention, codes, clause, owners, bands) -> Finding:
        """"the 3 percent range" where the item's band streak is 2.0–2.9%: the band's floor, written
        as the band is ("2 percent range", "2%대"), when the item has one band and it spans one unit."""
        if not bands or isinstance(bands[0], tuple) or "." in figure.text:
            return finding
        if not self._one_item(text, lang, figure, codes, clause, owners, False):
            return finding
        ranges = {(Decimal(str(f.threshold[0])), Decimal(str(f.threshold[1]))) for f in bands}
        if len(ranges) != 1:
            return finding
        ((low, high),) = ranges
        if low != low.to_integral_value() or not low < high < low + 1:
            return finding
        return self._with(finding, figure, lang, low, "percent")

    def _base_rate(self, finding: Finding, text: str, lang: str, figure: Mention, based) -> Finding:
        """"slowing 0.3 percentage point from 2.6 percent in October", "전월(2.6%)보다": the rate of
        the period named next to it, of the rate metric the sentence measures — the one whose
        basis it compares with elsewhere ("rose 2.4 percent from a year earlier"), or whose
        name it uses (상승률)."""
        kept = [(v, f) for v, f in based if f.kind == "change"]
        if len({v for v, _ in kept}) > 1:
            own = {b for b in (self._percent_basis(f) for _, f in kept) if b}
            compared = {b for s, e, b in self._spans(text, lang) if b in own and self._compares(text, lang, s, e)
                        and not (s <= figure.start and re.fullmatch(r"\(\s*", text[e:figure.start]))
                        and not (s >= figure.end and s - figure.end <= 6)}
            if len(compared) == 1:
                kept = [(v, f) for v, f in kept if self._percent_basis(f) in compared]
            else:
                metric = self._rate_named(text, lang, {f.get("metric") for _, f in kept})
                kept = [(v, f) for v, f in kept if f.get("metric") == metric]
        if len({v for v, _ in kept}) != 1:
            return finding
        return self._with(finding, figure, lang, kept[0][0], "percent")

    def _rate_named(self, text: str, lang: str, metrics) -> str | None:
        """The one rate metric whose configured name the text uses (the longest names first:
        "전월 대비 상승률" before "상승률"), or None."""
        names = sorted(((self.ag.config.metrics[m].name.get(lang) or "", m) for m in metrics if m in self.ag.config.metrics),
                       key=lambda p: -len(p[0]))
        left = text
        found = []
        for name, metric in names:
            if name and name in left:
                found.append(metric)
                left = left.replace(name, " ")
        return found[0] if len(found) == 1 else None

    def _rate_metric(self, fact) -> str:
        """The amount a rate is of: exports for "exports_yoy_pct", the metric of a change."""
        fm = fact.get("metric") or ""
        defined = self.ag.config.metrics.get(fm)
        if defined is not None and defined.percent_of:
            return defined.percent_of
        return fm

    def _change_on(self, fact, basis: str, to_date: bool) -> bool:
        """Is this percent a change on ``basis`` (a change's percent, or a published rate of that basis)?"""
        if fact.kind == "cumulative":
            return to_date and basis in ("year_ago", "cumulative")
        if fact.kind == "change":
            unit = self.ag.config.metrics[fact.metric].unit if fact.get("metric") in self.ag.config.metrics else "usd_million"
            return fact.get("basis") == basis and unit != "percent"  # a rate's own change is in points
        if fact.kind in ("level", "record"):
            defined = self.ag.config.metrics.get(fact.get("metric") or "")
            return defined is not None and defined.percent_basis == basis
        return False

    def _percent_role(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """"change" or "share", from the words bound to the figure; None when they do not say."""
        segment = text[clause[0]:clause[1]]
        share = self._share(text, lang, figure)
        moved = self._moved(text, lang, figure, clause)
        if share or moved:
            return None if share and moved else ("share" if share else "change")
        # "exports rose by 1.21 billion dollars (6.5%)", "petroleum products (5.9 percent) … rose",
        # "자동차(64억2000만달러, 13.7%) … 증가했다": a figure in parentheses takes the clause's verb,
        # unless the clause speaks of shares at all.
        if not re.search(r"[(（][^()（）]*$", text[clause[0]:figure.start]):
            return None
        if (_EN_SHARE if lang == "en" else _KO_SHARE).search(segment):
            return None
        if lang == "en":
            verb = any(re.search(p, segment, re.IGNORECASE) for c, p in DIRECTIONS[lang] if c in ("grow", "shrink"))
        else:
            verb = bool(re.search(r"올[랐라]|내[렸려]|증가|감소|상승|하락|늘|줄", segment))
        return "change" if verb else None

    @staticmethod
    def _share(text: str, lang: str, figure: Mention) -> bool:
        """"28.3 percent of the total", "accounting for 28.3 percent", "전체 수출의 28.3%를 차지", "비중은 28.3%"."""
        after, before = text[figure.end:figure.end + 24], text[max(0, figure.start - 28):figure.start]
        if lang == "en":
            return bool(re.match(r"\s+(?:of\s+(?:the\s+)?(?:total|all|overall)\b|share\b)", after, re.IGNORECASE)
                        or re.search(r"(?:account(?:s|ed|ing)? for|share of|making up|made up|represent(?:s|ed|ing)?)\s+(?:(?:about|some|nearly|almost|roughly|around|approximately|over|under|more than|less than|just over|just under)\s+)?$", before, re.IGNORECASE))
        # "69.0%를 차지", "70% 이상을 차지", "전문·사업서비스 적자의 69.0%에 달했다" (of a named whole).
        return bool(re.match(r"\s?(?:가량|정도|이상|넘게|가까이|안팎|남짓)?\s?(?:를|을)?\s?차지", after) or re.search(r"비중(?:은|이)?\s*$", before)
                    or bool(re.search(r"(?:적자|흑자|수지|수출|수입)\s?(?:규모)?의\s?$", before)))

    def _moved(self, text: str, lang: str, figure: Mention, clause) -> bool:
        """A percent stated as a change: "rose 8.4 percent", "up 8.4%", "an 8.4 percent rise", "8.4% 증가"."""
        if lang == "en":
            before = text[max(clause[0], figure.start - 20):figure.start]
            if any(re.search(rf"(?:{p})\W*(?:by\s+|about\s+|some\s+|nearly\s+|almost\s+)?$", before, re.IGNORECASE) for _, p in DIRECTIONS[lang]):
                return True
            return bool(_EN_UP_DOWN.search(before) or _EN_CHANGE_NOUN.match(text[figure.end:]))
        return bool(_KO_MOVED_AFTER.match(text, figure.end))

    def _points(self, finding: Finding, text: str, lang: str, figure: Mention, clause, index: ItemFacts) -> Finding:
        """Percentage points: a contribution ("adding 0.43 percentage point", 기여도), or the change
        of a rate on the base bound to it, the rate being the one the sentence measures on a base."""
        every = [v for v, _ in index.points]
        # A contribution only when its word is bound to the figure ("adding 0.43 percentage point",
        # "기여도는 0.42%포인트"): "accelerating 0.4 percentage point from 2.3 percent in September,
        # adding 1.36 percentage points" has a rate's change before the contribution.
        bound = _EN_CONTRIBUTION_BEFORE if lang == "en" else _KO_CONTRIBUTION_BEFORE
        contribution = bound.search(text[max(clause[0], figure.start - 30):figure.start])
        if contribution:
            kept = [(v, f) for v, f in index.points if f.kind in ("level", "record") and self._unit(f) == "pp"]
        else:
            basis = self._points_basis(text, lang, figure, clause)
            if basis is None:
                return finding
            kept = [(v, f) for v, f in index.points if f.kind == "change" and f.get("basis") == basis]
            if len({v for v, _ in kept}) > 1:
                # Of which rate: the one measured on a base the sentence names for another figure
                # ("rose 2.4 percent from a year earlier, slowing 0.3 percentage point from …").
                # Else the rate the sentence names by its configured name ("상승률이 전월(2.2%)보다").
                rates = {b for s, e, b in self._spans(text, lang) if b != basis}
                if len(rates) == 1:
                    (rate_basis,) = rates
                    kept = [(v, f) for v, f in kept if self._percent_basis(f) == rate_basis]
                else:
                    metric = self._rate_named(text, lang, {f.get("metric") for _, f in kept})
                    kept = [(v, f) for v, f in kept if metric is not None and f.get("metric") == metric]
        if len({v for v, _ in kept}) != 1:
            return finding
        value = kept[0][0]
        if not self._named(text, lang) and not self._nearest(figure, value, every):
            return finding
        if not contribution and not all(self._agrees(text, lang, figure, clause, f, f.get("delta")) for _, f in kept):
            return finding
        return self._with(finding, figure, lang, value, "pp")

    def _points_basis(self, text: str, lang: str, figure: Mention, clause) -> str | None:
        """"slowing 0.3 percentage point from 2.6 percent in October", "전월(2.6%)보다 0.3%포인트":
        the period of the base rate the change is measured from."""
        if lang == "en":
            m = re.match(r"\s*from\s+\d+(?:\.\d+)?\s*(?:percent|%)\s+(?:in\s+)?", text[figure.end:])
            if m:
                for start, end, basis in self._spans(text, lang):
                    if start == figure.end + m.end():
                        return basis
            return None
        for start, end, basis in self._spans(text, lang):
            gap = text[end:figure.start]
            if re.fullmatch(r"\(\d+(?:\.\d+)?%\)\s?(?:보다|에 비해|대비)\s*", gap):
                return basis
        return None

    def _unit(self, fact) -> str:
        defined = self.ag.config.metrics.get(fact.get("metric") or "")
        return defined.unit if defined is not None else ""

    def _percent_basis(self, fact) -> str | None:
        defined = self.ag.config.metrics.get(fact.get("metric") or "")
        return defined.percent_basis if defined is not None else None
