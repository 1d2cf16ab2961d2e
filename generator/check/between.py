"""Korean figures that relate two items rather than state one: a difference ("북미 적자는 유럽보다
15억9000만달러 많았다", "수입이 수출을 45억3000만달러 웃돌았다"), a multiple ("게임산업 흑자는
음악산업의 3.8배"), a sum ("A와 B 적자를 합하면 69억3000만달러") and the lower end of a range
("45억~46억달러"). Read as one item's own figure, each is a false alarm on a true sentence and
passes a false one unchecked; here each is derived from the two levels the data gives.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .amounts import Mention, find_mentions, matches, multiple_matches
from ..facts.context import balance_direction, balance_sign, round_tenth
from ..facts.model import Fact, new_fact
from .candidates import Candidate, ItemFacts
from .items import ItemMention
from .lexicon import METRIC_WORDS

# Between the compared name (B) and the figure: its metric word, its own figure in brackets, then
# the comparison's particle ("유럽보다", "대미 수출(103억5000만달러)을", "음악산업(5억9000만달러)의").
_THAN = re.compile(r"\s?(?:흑자|적자|수지|수출|수입)?\s?(?:규모|폭)?\s?(?:\([^()]*\))?\s?(?:보다는?|에\s?비해서?|[와과]\s?비교해|[을를])\s?(?:약\s?)?")
_THAN_ONLY = re.compile(r"\s?(?:흑자|적자|수지|수출|수입)?\s?(?:규모|폭)?\s?(?:\([^()]*\))?\s?보다는?\s?")
_OF = re.compile(r"\s?(?:흑자|적자|수지|수출|수입)?\s?(?:규모|폭)?\s?(?:\([^()]*\))?\s?의\s?(?:약\s?)?")
_CHANGED = re.compile(r"\s?(?:넘게|이상|가량|가까이|정도|남짓)?\s?(?:늘|증가|확대|불어|불었|커|줄|감소|축소|상승|하락|급증|급감|뛰)")
_TIMES_OF = re.compile(r"\s?(?:흑자|적자|수지|수출|수입)?\s?(?:규모|폭)?\s?(?:\([^()]*\))?\s?(?:의|보다)\s?(?:약\s?)?")
# After a difference: a comparative verb, A above B (많다, 웃돌다) or below it (적다, 밑돌다).
_MORE = re.compile(r"\s?(?:가량|정도|이상|넘게|남짓|가까이|쯤)?\s?(?:더\s?)?(?:많|크|컸|커|웃돌|상회|앞질|앞서|넘|높)")
_LESS = re.compile(r"\s?(?:가량|정도|이상|넘게|남짓|가까이|쯤)?\s?(?:더\s?)?(?:적[었은다고어]|작|밑돌|하회|못\s?미|낮)")
_SUM = re.compile(r"(?:합하면|합치면|합해|합쳐|합계는?|합산하면|더하면)\s?(?:모두\s?|총\s?)?$")
_BRACKETED_RATE = re.compile(r"\(\s?(\d+(?:\.\d+)?)\s?%\)")
_METRIC_WORD = re.compile(r"수출|수입")
_RANGE_LOW = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?P<unit>조|억|만)?\s?(?:달러|弗|불)?\s?[~∼]\s?$")
_HYPHEN_LOW = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?P<unit>조|억|만)$")
_UNITS = {"조": Decimal(1_000_000), "억": Decimal(100), "만": Decimal("0.01")}


def range_low(text: str, figure: Mention) -> Decimal | None:
    """The lower end of "45억~46억달러" (or "45~46억달러", the unit of the upper end carried), in millions."""
    if hyphen_range(text, figure):
        m = _HYPHEN_LOW.search(text, max(0, figure.start - 24), figure.start)
    elif "~" not in text[max(0, figure.start - 3):figure.start] and "∼" not in text[max(0, figure.start - 3):figure.start]:
        return None
    else:
        m = _RANGE_LOW.search(text, max(0, figure.start - 24), figure.start)
    if not m or m.end() != figure.start:
        return None
    unit = m.group("unit") or next((u for u in ("조", "억", "만") if u in figure.text), None)
    if unit is None:
        return None
    low = Decimal(m.group("n")) * _UNITS[unit]
    return low if low < figure.value else None


def hyphen_range(text: str, figure: Mention) -> bool:
    """"45억-46억달러": a hyphen straight after an amount joins a range; it is no minus sign."""
    return figure.text.startswith("-") and bool(_HYPHEN_LOW.search(text, max(0, figure.start - 24), figure.start))


def in_range(low: Decimal, figure: Mention, value: Decimal) -> bool:
    return matches(figure, value) or low <= value <= figure.value + figure.precision / 2


def _metric_of(text: str, start: int, end: int) -> str | None:
    for metric, pattern in METRIC_WORDS["ko"]:
        if re.search(pattern, text[start:end]):
            return metric
    return None


def _level(index: dict, codes, metric: str | None) -> Decimal | None:
    """The one level the data gives the items of a name for a metric (the metric the only one if unsaid)."""
    values = {}
    for code in codes:
        for c in index.get(code, ItemFacts()).money:
            # A year-to-date total is no month's level ("cumulative" facts carry the flow's metric).
            if c.role == "value" and c.fact.kind != "cumulative" and (c.metric == metric or (metric is None and "_" not in c.metric)):
                values.setdefault(c.metric, set()).add(c.signed)
    if metric is None and len(values) > 1:
        values = {"balance": values["balance"]} if "balance" in values else {}
    found = {v for vs in values.values() for v in vs}
    return found.pop() if len(found) == 1 else None


def compared(index: dict, total: str, text: str, figure: Mention, items: list[ItemMention],
             context: list[ItemMention], clause) -> tuple[Decimal | None, str, bool] | None:
    """What a figure relating two items must be, if it relates two: (the value or None when the data
    cannot give it, a description, and whether the sentence's order of the two agrees with the data).
    None when the figure is not such a figure."""
    # Most figures relate nothing: a look at the words next to them settles it before any search.
    after = text[figure.end:figure.end + 16]
    share = False
    if figure.kind == "money":
        summed = ("합" in text[clause[0]:figure.start] or "더하면" in text[clause[0]:figure.start]) and _SUM.search(text, clause[0], figure.start)
        if not summed and not (_MORE.match(after) or _LESS.match(after)):
            return None
    elif figure.kind == "multiple":
        near = text[max(clause[0], figure.start - 6):figure.start]
        if "의" not in near and "보다" not in near:
            return None
    elif figure.kind == "percent":
        # "수입이 수출보다 23% 많았다": B보다 straight before, a comparative verb after; "문화·여가서비스
        # 흑자는 정보·통신서비스의 4분의 1 수준": B의 straight before, no change verb after (a share).
        near = text[max(clause[0], figure.start - 4):figure.start]
        share = "의" in near and not _CHANGED.match(after)
        if not share and ("보다" not in near or not (_MORE.match(after) or _LESS.match(after))):
            return None
    else:
        return None
    inside = sorted((m for m in items if clause[0] <= m.start and m.end <= figure.start), key=lambda m: m.start)
    if figure.kind == "money" and summed:
        # "전문·사업서비스와 지재권 적자를 합하면 69억3000만달러": the names listed before the sum word.
        named = list(dict.fromkeys(m.codes for m in inside))
        if len(named) < 2:
            return None
        metric = _metric_of(text, inside[0].end, figure.start)
        levels = [_level(index, codes, metric) for codes in named]
        if any(v is None for v in levels):
            return (None, "a sum of items the data gives no single level for", True)
        return (sum(abs(v) for v in levels), "the sum of the items named", True)
    if figure.kind == "multiple":
        # "수출 증가율(13.4%)이 수입 증가율(4.6%)의 세 배 가까이": the ratio of the two rates the sentence
        # states (each checked on its own).
        rates = list(_BRACKETED_RATE.finditer(text, clause[0], figure.start))
        if len(rates) >= 2 and _TIMES_OF.fullmatch(text, rates[-1].end(), figure.start) and Decimal(rates[-1].group(1)):
            return (Decimal(rates[-2].group(1)) / Decimal(rates[-1].group(1)), "the ratio of the two rates stated", True)
    share = figure.kind == "percent" and share
    shape = _TIMES_OF if figure.kind == "multiple" else _OF if share else _THAN_ONLY if figure.kind == "percent" else _THAN
    other = next((m for m in reversed(inside) if shape.fullmatch(text, m.end, figure.start)), None)
    if other is not None:
        subject = next((m for m in reversed(inside) if m.end <= other.start and m.codes != other.codes), None)
        if subject is None and not share:
            subject = next((m for m in reversed(context) if m.codes != other.codes), None)
        if subject is None or rx_between_base(text, subject.end, other.start):
            return None
        metric = _metric_of(text, other.end, figure.start) or _metric_of(text, subject.end, other.start)
        a, b = _level(index, subject.codes, metric), _level(index, other.codes, metric)
        what = "the two items named"
    else:
        # "수입이 수출을 45억3000만달러 웃돌았다", "ICT 산업은 수출이 수입보다 15억7000만달러 많았다":
        # one item's two flows compared.
        words = list(_METRIC_WORD.finditer(text, clause[0], figure.start))
        if len(words) < 2 or words[-1].group(0) == words[-2].group(0) or not shape.fullmatch(text, words[-1].end(), figure.start):
            return None
        owner = [m for m in inside if m.end <= words[-2].start()][-1:] or context[-1:]
        codes = owner[0].codes if owner else (total,)
        metric_a = "exports" if words[-2].group(0) == "수출" else "imports"
        metric_b = "exports" if words[-1].group(0) == "수출" else "imports"
        a, b = _level(index, codes, metric_a), _level(index, codes, metric_b)
        what = "the two flows named"
    if a is None or b is None:
        return (None, f"{what}, one of which has no level in the data", True)
    if figure.kind == "multiple" or share:
        if b == 0:
            return (None, what, True)
        if share:
            return (abs(a) / abs(b) * 100, f"the share of the first of {what} in the second", True)
        return (abs(a) / abs(b), f"the ratio of {what}", True)
    if _MORE.match(after):
        order = abs(a) > abs(b)
    elif _LESS.match(after):
        order = abs(a) < abs(b)
    else:
        return None
    if figure.kind == "percent":
        if b == 0:
            return (None, what, True)
        return (abs(abs(a) - abs(b)) / abs(b) * 100, f"the relative difference of {what}", order)
    return (abs(abs(a) - abs(b)), f"the difference of {what}", order)


_JOINT = re.compile(r"\s?(?:[와과]|,|·|및)\s?")


_JOINT_SUBJECT = re.compile(r"\s?(?:의\s?)?(?:흑자|적자|수지|수출|수입)?\s?(?:규모|합계)?\s?(?:는|은|가|이)\s?(?:모두\s?|총\s?|합쳐\s?|합계\s?)?(?:약\s?)?")


def joint_total(index: dict, text: str, figure: Mention, items: list[ItemMention], clause) -> Decimal | None:
    """"지재권과 전문·사업서비스 적자는 69억3000만달러": two names listed as one subject straight before
    one amount (no 각각): the sum of their levels, which the amount must be. None when the
    sentence is not so built or the data gives no level for one of them."""
    if figure.kind != "money" or "각각" in text[clause[0]:clause[1]]:
        return None
    inside = sorted((m for m in items if clause[0] <= m.start and m.end <= figure.start), key=lambda m: m.start)
    if len(inside) < 2 or not _JOINT_SUBJECT.fullmatch(text, inside[-1].end, figure.start):
        return None
    listed = [inside[-1]]
    for m in reversed(inside[:-1]):
        if not _JOINT.fullmatch(text, m.end, listed[0].start):
            break
        listed.insert(0, m)
    codes = list(dict.fromkeys(m.codes for m in listed))
    if len(codes) < 2 or len(find_mentions(text[clause[0]:clause[1]], "ko")) > 1:
        return None
    metric = _metric_of(text, listed[-1].end, figure.start)
    levels = [_level(index, c, metric) for c in codes]
    return None if any(v is None for v in levels) else sum(abs(v) for v in levels)


def joint(index: dict, text: str, figure: Mention, items: list[ItemMention], clause) -> bool:
    """"지재권과 전문·사업서비스의 적자 증가분(14억6000만달러)", "A와 B 적자 확대(…)": one amount after
    two names listed together, with no 각각, is the two together: True when it is the sum of their
    levels or of their changes on one basis (anything else is read as usual, never passed here)."""
    if figure.kind != "money" or "각각" in text[clause[0]:clause[1]]:
        return False
    inside = sorted((m for m in items if clause[0] <= m.start and m.end <= figure.start), key=lambda m: m.start)
    if len(inside) < 2:
        return False
    listed = [inside[-1]]
    for m in reversed(inside[:-1]):
        if not _JOINT.fullmatch(text, m.end, listed[0].start):
            break
        listed.insert(0, m)
    codes = list(dict.fromkeys(m.codes for m in listed))
    if len(codes) < 2 or find_mentions(text[inside[-1].end:figure.start], "ko"):
        return False
    metric = _metric_of(text, listed[-1].end, figure.start)
    levels = [_level(index, c, metric) for c in codes]
    if all(v is not None for v in levels) and matches(figure, sum(abs(v) for v in levels)):
        return True
    changes: dict[tuple, list] = {}
    for c in codes:
        seen = set()
        for cand in (x for code in c for x in index.get(code, ItemFacts()).money):
            key = (cand.metric, cand.fact.get("basis"))
            if cand.role == "delta" and cand.fact.kind == "change" and key not in seen:
                seen.add(key)
                changes.setdefault(key, []).append(cand.value)
    return any(len(values) == len(codes) and matches(figure, sum(values)) for values in changes.values())


def rx_between_base(text: str, start: int, end: int) -> bool:
    """A period between the subject and the compared name ("정보·통신서비스 흑자는 직전 반기(…)보다"):
    the comparison is then of periods, not of items."""
    return bool(re.search(r"전기|전년|직전|지난해|작년|1년 전|반년|동기", text[start:end]))


_BARE_VERB = re.compile(r"\s?(?:더\s?)?(?:많|크|컸|커|웃돌|상회|앞질|앞서|넘|높|적[었은다고어]|작|밑돌|하회|못\s?미|낮)")
_TIMES_MORE = re.compile(r"\s?(?:가|를|을|이)?\s?(?:넘|웃돌|상회|이상)")
_TIMES_NEARLY = re.compile(r"\s?(?:에\s?)?(?:가까|육박|근접|달할\s?정도)")


def finding_for(text: str, figure: Mention, result) -> tuple[str, str] | None:
    """(message, data) when the figure disagrees with what it relates; None when it agrees or cannot be judged."""
    value, what, order = result
    if value is None:
        return None
    after = text[figure.end:figure.end + 12]
    if figure.kind == "money" and figure.hedge == "more" and _BARE_VERB.match(after):
        # "유럽보다 15억9000만달러 많았다": the comparative verb says which is larger, not that
        # the difference is "more than" the figure.
        figure = Mention(figure.kind, figure.value, figure.precision, figure.start, figure.end, figure.text, figure.negative)
    if figure.kind == "multiple" and figure.hedge is None:
        # "4배가 넘었다", "3배를 웃돌았다", "세 배에 가까웠다": the verb hedges the multiple.
        hedge = "more" if _TIMES_MORE.match(after) else "nearly" if _TIMES_NEARLY.match(after) else None
        if hedge:
            figure = Mention(figure.kind, figure.value, figure.precision, figure.start, figure.end, figure.text, figure.negative, hedge)
    fits = multiple_matches(figure, value) if figure.kind == "multiple" else matches(figure, value)
    if not order:
        return (f"'{figure.text}' compares the two items the wrong way round (data: {what} is the other way)", "the other way round")
    if fits:
        return None
    said = f"×{value.quantize(Decimal('0.01'))}" if figure.kind == "multiple" else \
        f"{value.quantize(Decimal('0.1'))}%" if figure.kind == "percent" else f"{value}"
    return (f"'{figure.text}' does not match {what} (data: {said})", said)


def derive_flow_balances(index: dict, facts, units: dict) -> None:
    """"ICT 산업 무역수지는 15억7000만달러 흑자로 1년 전(10억6000만달러)보다 5억1000만달러 확대": an item
    whose data gives both flows on a base period, but no balance there, has that balance and its
    change by subtraction (exports less imports), stated only with that base named, as any base is."""
    flows: dict[tuple, dict] = {}
    for fact in facts:
        metric = fact.get("metric")
        if fact.kind == "change" and metric in ("exports", "imports") and units.get(metric, "usd_million") == "usd_million" \
                and fact.get("base_value") is not None and fact.get("value") is not None and fact.get("basis") in ("previous_period", "year_ago"):
            flows.setdefault((fact.item, fact.basis, fact.get("base_period")), {})[metric] = fact
    for (item, _basis, base_period), pair in flows.items():
        if len(pair) < 2 or units.get("balance", "usd_million") != "usd_million":
            continue
        own = index.setdefault(item, ItemFacts())
        if any(c.metric == "balance" and c.role == "base" and c.base_period == base_period for c in own.money):
            continue
        exports, imports = pair["exports"], pair["imports"]
        base = Decimal(exports.base_value) - Decimal(imports.base_value)
        value = Decimal(exports.value) - Decimal(imports.value)
        # The exports' change fact carries the basis and base period the derived figures are on.
        own.money.append(Candidate(abs(base), base, "balance", exports, "base", base_period))
        own.money.append(Candidate(abs(value - base), value, "balance", exports, "delta"))


def derive_flow_bases(index: dict, facts, units: dict) -> None:
    """"Imports rose by $1.98 billion from the second half of last year": a flow whose base value is
    not published, where the other flow and the balance are (2024H2 imports = exports 18,500 less the
    balance -3,760 = 22,260), has that base, its change and its percent by subtraction. Without
    them the figure is judged against another metric's change, a false alarm on a true sentence.
    Stated only with that base named or implied, as any base is."""
    flows: dict[tuple, dict] = {}
    balances: dict[tuple, Fact] = {}
    levels: dict[tuple, Fact] = {}
    for fact in facts:
        metric = fact.get("metric")
        if metric not in ("exports", "imports", "balance") or units.get(metric, "usd_million") != "usd_million":
            continue
        if fact.kind == "level" and fact.get("value") is not None:
            levels[(fact.item, metric)] = fact
        elif fact.kind == "change" and fact.get("base_value") is not None and fact.get("value") is not None \
                and fact.get("basis") in ("previous_period", "year_ago"):
            key = (fact.item, fact.basis, fact.get("base_period"))
            if metric == "balance":
                balances[key] = fact
            else:
                flows.setdefault(key, {})[metric] = fact
    # "Imports totaled roughly $22.3 billion in July-December": the period's own missing flow, the same way.
    for (item, metric), fact in list(levels.items()):
        other = "imports" if metric == "exports" else "exports" if metric == "imports" else None
        balance = levels.get((item, "balance"))
        if other is None or balance is None or (item, other) in levels:
            continue
        value = Decimal(fact.value) - Decimal(balance.value) if other == "imports" else Decimal(balance.value) + Decimal(fact.value)
        if value <= 0:
            continue
        derived = new_fact(f"level:{item}:{other}:{fact.period}", "level", fact.rule, item, fact.period,
                           {"metric": other, "value": value, "derived_from": [fact.id, balance.id]}, (*fact.sources, *balance.sources))
        levels[(item, other)] = derived
        index.setdefault(item, ItemFacts()).money.append(Candidate(value, value, other, derived))
    for key, pair in flows.items():
        balance = balances.get(key)
        if balance is None and len(pair) == 2 and (key[0], "balance") in levels:
            # "The ICT industry's surplus grew to $1.57 billion": both flows on the base give the
            # balance's change (its amounts are derive_flow_balances'), for its direction and percent.
            item, basis, base_period = key
            exports, imports = pair["exports"], pair["imports"]
            base = Decimal(exports.base_value) - Decimal(imports.base_value)
            value = Decimal(levels[(item, "balance")].value)
            data = {"metric": "balance", "basis": basis, "base_period": base_period, "value": value, "base_value": base,
                    "delta": value - base, "unit": "usd_million", "direction": balance_direction(base, value),
                    "sign": balance_sign(value), "base_sign": balance_sign(base), "from_rounded": True,
                    "derived_from": [exports.id, imports.id]}
            if value * base > 0:
                data["percent"] = round_tenth((abs(value) - abs(base)) * 100 / abs(base))
            derived = new_fact(f"change:{item}:balance:{basis}:{base_period}:{exports.period}", "change", exports.rule, item,
                               exports.period, data, exports.sources + imports.sources)
            own = index.setdefault(item, ItemFacts())
            own.changes.append(derived)
            if "percent" in data:
                own.percent.append((abs(data["percent"]), derived))
                own.multiple.append((abs(value / base), derived))
            continue
        if balance is None or len(pair) != 1:
            continue
        item, basis, base_period = key
        (known, flow), = pair.items()
        other = "imports" if known == "exports" else "exports"
        now = levels.get((item, other))
        if now is None:
            continue
        # exports - imports = balance, on the base as on the period.
        base = Decimal(flow.base_value) - Decimal(balance.base_value) if other == "imports" else \
            Decimal(balance.base_value) + Decimal(flow.base_value)
        value = Decimal(now.value)
        if base <= 0:
            continue
        delta = value - base
        data = {"metric": other, "basis": basis, "base_period": base_period, "value": value, "base_value": base,
                "delta": delta, "unit": "usd_million",
                "direction": "increased" if delta > 0 else "decreased" if delta < 0 else "unchanged",
                "percent": round_tenth(delta * 100 / base), "percent_source": "computed", "from_rounded": True,
                "derived_from": [flow.id, balance.id]}
        derived = new_fact(f"change:{item}:{other}:{basis}:{base_period}:{now.period}", "change", flow.rule, item,
                           now.period, data, (*now.sources, *flow.sources[1:], *balance.sources[1:]))
        own = index.setdefault(item, ItemFacts())
        own.money.append(Candidate(base, base, other, derived, "base", base_period))
        own.money.append(Candidate(abs(delta), value, other, derived, "delta"))
        own.changes.append(derived)
        own.percent.append((abs(data["percent"]), derived))
        own.multiple.append((value / base, derived))


__all__ = ["compared", "finding_for", "joint", "joint_total", "in_range", "range_low", "find_mentions"]
