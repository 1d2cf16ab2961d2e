"""Find the figures a sentence states: money amounts (English and Korean forms), percentages, multiples.

Each mention knows the value it states (money in millions of US dollars), the
precision it is written at (the place of its last non-zero digit: "1.4 billion"
is precise to 100 million, "770 million" to 10 million) and where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

from ..lang.numbers import round_half_up

_EN_SCALE = {"trillion": Decimal(1_000_000), "billion": Decimal(1_000), "million": Decimal(1),
             # Financial-press shorthand: "$4.53bn", "$770mn", "$770mln".
             "tn": Decimal(1_000_000), "bn": Decimal(1_000), "mn": Decimal(1), "mln": Decimal(1),
             # Wire headlines: "$4.53 bln", "$770 mln".
             "trln": Decimal(1_000_000), "bln": Decimal(1_000)}
_EN_FOLD = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
            "eightfold": 8, "ninefold": 9, "tenfold": 10, "twice": 2, "double": 2, "doubled": 2, "tripled": 3}

# Every unbounded run of digits starts where a run of digits starts ((?<!\d)): otherwise each
# digit of a long run starts a scan to its end, and a 10,000-digit "word" took a minute. The
# leftmost match is the same either way (a match inside a run also matches from its start).
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<!\d)\d+(?:\.\d+)?"
EN_MONEY = re.compile(
    # "$4.53-billion deficit": the scale joined by a hyphen too.
    rf"(?P<neg>-)?(?P<dollar>(?:US)?\$\s?)?(?P<num>{_NUMBER})(?:\s*|-)(?P<scale>trillion|billion|million|trln|bln|tn|bn|mln|mn)\b"
    # "6.3 trillion won", "1 billion yen", "2 million people": not dollars.
    r"(?!\s+(?:(?:South\s+)?Korean\s+)?(?:won|yen|yuan|euros?|pounds?|rupees?|people|persons|workers|tons?|tonnes|barrels|units|users|subscribers)\b)"
    # "a 3.75-billion-dollar deficit": the currency joined by a hyphen too.
    r"(?:\s+(?:US\s+)?dollars?|-dollars?\b)?",
    re.IGNORECASE,
)
# 1조2000억달러, 45억3000만달러, 45억 3천만 달러, 45.3억달러, 9000만달러, 22억 달러
KO_MONEY = re.compile(
    r"(?P<neg>-)?(?:(?<!\d)(?P<jo>\d+(?:\.\d+)?)\s?조\s?)?(?:(?P<eok>\d{1,4}(?:,\d{3})?(?:\.\d+)?)\s?억\s?)?"
    # 弗 is the dollar in headlines ("적자 45억弗").
    # "45억3,000만달러" (a comma in the 만 part); 불 is the spoken dollar ("45억3천만불로"), not 불어/불과.
    r"(?:(?P<man>\d,\d{3}|\d{1,4}|\d천|\d(?:\.\d+)?천)\s?만\s?)?(?P<unit>(?:미국\s?)?달러|弗|불(?![가-힣])|불(?=(?:로|의|을|를|이|가|은|는|에|씩|대)(?![가-힣])))"
)
KO_DOUBLE_MAN = re.compile(r"(?<![\d.,])(?P<neg>-)?(?P<first>\d{1,4})\s?만\s?(?P<second>\d{1,4})\s?만\s?(?:미국\s?)?달러")
# The central bank's tables: "4,530백만달러", "770백만 달러" (millions of dollars).
KO_MILLIONS = re.compile(r"(?<![\d.,])(?P<neg>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?백만\s?(?:미국\s?)?달러")
# Amounts below 1만 dollars, written in plain digits (0달러, 2500달러).
KO_PLAIN_MONEY = re.compile(r"(?<![\d억만조.,])(?P<neg>-)?(?P<num>\d{1,4})\s?(?:미국\s?)?달러")
PERCENT = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<!\d)\d+(?:\.\d+)?)\s?(?P<unit>%\s?포인트|%p|%P|퍼센트\s?포인트|%|percentage points?|percent|per cent|pct|퍼센트)", re.IGNORECASE)
_POINT_UNITS = ("%p", "percentage point", "percentage points", "%포인트", "퍼센트포인트", "퍼센트 포인트", "% 포인트")
_EN_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
EN_MULTIPLE = re.compile(
    # "double-digit growth" is a size of a percent, not a multiple.
    r"(?<!\d)(?P<num>\d+(?:\.\d+)?)\s?(?:times|-fold|fold)\b|\b(?P<word>" + "|".join(_EN_FOLD) + r")\b(?![- ]digits?\b)"
    r"|\b(?P<numword>" + "|".join(_EN_NUMBER_WORDS) + r")[ -]?(?:times|fold)\b",
    re.IGNORECASE,
)
KO_MULTIPLE = re.compile(r"(?:(?<!\d)(?P<num>\d+(?:\.\d+)?)|(?P<koword>두|세|네|다섯|열))\s?배")
_KO_NUMBER_WORDS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "열": 10}
# Hedges on a multiple: "more than tripled", "nearly doubled", "3배 넘게", "두 배 가까이".
# "about 1.5 times", "약 1.5배", "1.5배 가량" are either side of the figure; "nearly" only below it.
_HEDGE_BEFORE = {"en": re.compile(r"(?P<more>more than|over|above)\s*$|(?P<nearly>nearly|almost|close to|just under)\s*$|(?P<about>roughly|about|around|some)\s*$", re.IGNORECASE),
                 "ko": re.compile(r"(?P<nearly>거의)\s*$|(?P<about>약)\s*$")}
_HEDGE_AFTER = {"en": re.compile(r"^\s*(?P<more>or more)\b"),
                "ko": re.compile(r"^\s*(?:로|으로|를|을)?\s*(?:(?P<more>넘게|넘는|이상|넘어|넘었|넘겼|넘긴|넘|남짓|웃돌|상회|초과)|(?P<nearly>가까이|가깝|(?:에\s?)?가까[웠운워]|에 육박|육박)|(?P<about>가량|정도|안팎|에 달))")}


# Hedges on an amount or a percentage: "more than $4 billion", "nearly 30 percent", "45억달러를 넘었다",
# "30% 가까이", "약 45억달러". "about" reads the figure as rounded to its last non-zero digit.
_AMOUNT_HEDGE_BEFORE = {
    "en": re.compile(r"(?:(?P<more>more than|over|above|upwards of|in excess of|topp(?:ed|ing)|exceed(?:ed|ing)|surpass(?:ed|ing)|just over)|(?P<less>less than|under|below|short of)"
                     r"|(?P<nearly>nearly|almost|close to|just under|just shy of)|(?P<about>about|around|roughly|approximately|some))\s+(?:US)?\$?\s?$", re.IGNORECASE),
    "ko": re.compile(r"(?:(?P<about>약|대략)|(?P<nearly>거의))\s?$"),
}
_AMOUNT_HEDGE_AFTER = {
    "en": re.compile(r"^\s*(?P<more>or more|plus)\b"),
    # "40억달러대": in the band from the figure up to the next step of its last digit (40억–50억).
    "ko": re.compile(r"^(?:(?P<band>대(?=[를을에로의이가는도과와\s,.)…]|$))|\s?(?:(?:을|를|가|이)?\s?(?:처음(?:으로)?\s?)?(?P<more>넘[게는어었겼긴]|넘|돌파|웃돌|상회|이상|초과|남짓)|(?P<nearly>가까이|가까운|에\s?가까|에\s?육박|에\s?근접|에\s?조금 못)|(?P<about>가량|안팎|정도|내외)|(?P<less>미만|에\s?못\s?미|(?:을|를)?\s?(?:밑돌|하회))))"),
}


# Shares written as fractions: "more than two-thirds of the IP deficit", "less than half of",
# 절반에 못 미쳤다, "3분의 1을 차지". Only a fraction *of* something: "the first half of 2025" is a period.
_EN_FRACTIONS = {"half": 50, "third": Decimal(100) / 3, "thirds": Decimal(200) / 3, "quarter": 25, "quarters": 75,
                 "fifth": 20, "tenths": 90}
EN_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<more>more than|over|above|upwards of|just over)|(?P<nearly>nearly|almost|close to|just under|just shy of)"
    r"|(?P<about>about|around|roughly|some|approximately)|(?P<less>less than|under|below|fewer than))?\s*"
    r"(?P<frac>(?:(?:a|one)[- ])?half|(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters|(?:a|one)[- ]fifth|nine[- ]tenths)"
    r"\s+of\s+(?!(?:20\d\d|this year|last year|the year|next year)\b)",
    re.IGNORECASE,
)
EN_BY_FRACTION = re.compile(
    r"\bby\s+(?:(?P<more>more than|over|just over)|(?P<nearly>nearly|almost|close to|just under)|(?P<about>about|around|roughly|some)|(?P<less>less than|under))?\s*"
    r"(?P<frac>(?:a|one)[- ]half|half|(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters|(?:a|one)[- ]fifth)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# "the first half of", "the third quarter of": a period, not a share.
_EN_FRACTION_PERIOD = re.compile(r"(?:first|second|third|fourth|latter|former|final|last)[- ]$", re.IGNORECASE)
KO_FRACTION = re.compile(r"(?:(?P<about_before>약|대략)\s?|(?P<nearly_before>거의)\s?)?(?P<frac>절반|(?P<den>[2-9]|10)\s?분의\s?(?P<num>[1-9]))"
                         # "절반으로 줄었다", "3분의 1 수준으로": a ratio of change, not a share.
                         r"(?!\s?(?:수준)?\s?(?:으로|로)(?!서))")
_KO_FRACTION_AFTER = re.compile(r"\s?(?:(?:을|를|이|가|에|은|는)\s?)?(?:(?P<more>넘|이상|웃돌|상회|초과|남짓)|(?P<less>못 미|못미|미만|이하|밑돌)"
                                r"|(?P<nearly>가까이|가깝|육박|근접)|(?P<about>가량|정도|안팎))")


@dataclass(frozen=True)
class Mention:
    """A figure in a sentence: ``kind`` money (millions of dollars), percent or multiple."""

    kind: str
    value: Decimal
    precision: Decimal
    start: int
    end: int
    text: str
    negative: bool = False
    # For a multiple: "more" (more than tripled), "nearly" (nearly doubled), "about" or None (exact);
    # for a fraction also "less" (less than half).
    hedge: str | None = None
    # A share written as a fraction ("two-thirds of", 3분의 2): a share only, matched loosely.
    fraction: bool = False
    # A range ("$4.5–4.6 billion", "between 20 and 21 percent"): ``value`` is its low end, this
    # its high end; the hedge is "range".
    upper: Decimal | None = None


def _precision(digits: str, scale: Decimal) -> Decimal:
    """The place value of the last non-zero digit of ``digits`` (as written), times ``scale``."""
    digits = digits.replace(",", "")
    whole, _, fraction = digits.partition(".")
    if fraction.rstrip("0"):
        return scale / Decimal(10) ** len(fraction.rstrip("0"))
    stripped = whole.rstrip("0")
    zeros = len(whole) - len(stripped) if stripped else 0
    return scale * Decimal(10) ** zeros


# Markets shorthand: "$4.53B", "$770M" (a capital letter straight after a dollar amount).
EN_MONEY_LETTER = re.compile(rf"(?P<neg>-)?(?:US)?\$\s?(?P<num>{_NUMBER})(?P<scale>[BM])\b")


def _en_money(text: str) -> list[Mention]:
    found = []
    for m in EN_MONEY.finditer(text):
        scale = _EN_SCALE[m.group("scale").lower()]
        digits = m.group("num")
        value = Decimal(digits.replace(",", "")) * scale
        found.append(Mention("money", value, _precision(digits, scale), m.start(), m.end(), m.group(0), bool(m.group("neg"))))
    if "$" in text:
        for m in EN_MONEY_LETTER.finditer(text):
            if not any(f.start <= m.start() < f.end for f in found):
                scale = _EN_SCALE["bn" if m.group("scale") == "B" else "mn"]
                digits = m.group("num")
                found.append(Mention("money", Decimal(digits.replace(",", "")) * scale, _precision(digits, scale), m.start(), m.end(), m.group(0), bool(m.group("neg"))))
        found.sort(key=lambda f: f.start)
    return found


def _ko_money(text: str) -> list[Mention]:
    found = []
    for m in KO_MONEY.finditer(text):
        if not (m.group("jo") or m.group("eok") or m.group("man")):
            continue
        dollars = Decimal(0)
        precision = None
        for group, size in (("jo", Decimal(10) ** 12), ("eok", Decimal(10) ** 8), ("man", Decimal(10) ** 4)):
            raw = m.group(group)
            if not raw:
                continue
            if raw.endswith("천"):
                number = Decimal(raw[:-1] or "1") * 1000
                digits = raw[:-1] + "000"
            else:
                number = Decimal(raw.replace(",", ""))
                digits = raw
            dollars += number * size
            if Decimal(digits.replace(",", "")) != 0:
                precision = _precision(digits, size)
        value = dollars / Decimal(10) ** 6
        precision = (precision or Decimal(10) ** 4) / Decimal(10) ** 6
        start = m.start()
        found.append(Mention("money", value, precision, start, m.end(), m.group(0), bool(m.group("neg"))))
    # "103만5000만달러" (만 where 억 was meant): read whole, as the sum it spells, so the amount is
    # judged as written instead of its tail ("5000만달러") alone.
    for m in KO_DOUBLE_MAN.finditer(text):
        found = [f for f in found if not m.start() <= f.start < m.end()]
        value = (Decimal(m.group("first")) + Decimal(m.group("second"))) * Decimal(10) ** 4 / Decimal(10) ** 6
        found.append(Mention("money", value, Decimal(10) ** 4 / Decimal(10) ** 6, m.start(), m.end(), m.group(0), bool(m.group("neg"))))
    for m in KO_MILLIONS.finditer(text):
        digits = m.group("num")
        found.append(Mention("money", Decimal(digits.replace(",", "")), _precision(digits, Decimal(1)), m.start(), m.end(), m.group(0), bool(m.group("neg"))))
    for m in KO_PLAIN_MONEY.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            value = Decimal(m.group("num")) / Decimal(10) ** 6
            found.append(Mention("money", value, Decimal(1) / Decimal(10) ** 6, m.start(), m.end(), m.group(0), bool(m.group("neg"))))
    return sorted(found, key=lambda f: f.start)


# Ranges: "$4.5–4.6 billion" (the low end bare, the scale after the high end), "$4.5 billion to
# $4.6 billion", "between $4.5 billion and $4.6 billion", "20-21 percent", "between 20 and 21 percent".
# A hyphen between two figures is a range, not a minus sign: "$4.5-4.6 billion" is no deficit of 4.6.
EN_MONEY_RANGE = re.compile(
    rf"(?P<dollar>(?:US)?\$\s?)?(?P<low>{_NUMBER})\s?(?:[–—-]|\s(?:to)\s)\s?(?:US)?\$?\s?(?P<high>{_NUMBER})(?:\s*|-)(?P<scale>trillion|billion|million|trln|bln|tn|bn|mln|mn)\b",
    re.IGNORECASE)
_EN_RANGE_JOINT = re.compile(r"\s*(?:[–—-]|to)\s*|\s+and\s+", re.IGNORECASE)
_EN_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_PCT = r"(?:%(?!\s?(?:p\b|P\b|포인트))|percent\b(?!age)|per cent\b)"
PERCENT_RANGES = (re.compile(rf"(?<![\d.,])(?P<low>\d+(?:\.\d+)?)\s?{_PCT}?\s?(?:[–—-]|~)\s?(?P<high>\d+(?:\.\d+)?)\s?{_PCT}", re.IGNORECASE),
                  re.compile(rf"\bbetween\s+(?P<low>\d+(?:\.\d+)?)\s?{_PCT}?\s+and\s+(?P<high>\d+(?:\.\d+)?)\s?{_PCT}", re.IGNORECASE))


_EN_BARE_POINTS = re.compile(r"(?<![\d.,])(?P<num>\d+(?:\.\d+)?)\s?points?\b", re.IGNORECASE)


def _ranges(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Pairs of figures that state one range, merged into one mention (hedge "range").

    Only where the words say so: a dash between the two figures, "between … and …", or
    "$X to $Y" of two close amounts of the same scale not read as from-to ("from $3.76 billion
    to $4.53 billion", "by $770 million to $4.53 billion" keep both figures)."""
    if lang != "en" or not any(c in text for c in "–—-~") and " between " not in text.lower() and " to " not in text:
        return mentions
    out = list(mentions)

    def merge(first: Mention, last: Mention, start: int, end: int) -> None:
        low, high = min(first.value, last.value), max(first.value, last.value)
        merged = Mention(last.kind, low, max(first.precision, last.precision), start, end, text[start:end],
                         hedge="range", upper=high)
        out[:] = [m for m in out if not (start <= m.start < end)] + [merged]

    if "$" in text or any(w in text.lower() for w in ("billion", "million", "bln", "bn", "mn")):
        for m in EN_MONEY_RANGE.finditer(text):
            scale = _EN_SCALE[m.group("scale").lower()]
            low, high = Decimal(m.group("low").replace(",", "")) * scale, Decimal(m.group("high").replace(",", "")) * scale
            joint = text[m.end("low"):m.start("high")]
            if " to " in joint.lower() and not _close(low, high, text, m.start()):
                continue
            if not low < high:
                continue
            precision = min(_precision(m.group("low"), scale), _precision(m.group("high"), scale))
            first = Mention("money", low, precision, m.start(), m.end("low"), m.group("low"))
            last = Mention("money", high, precision, m.start("high"), m.end(), m.group(0))
            merge(first, last, m.start(), m.end())
    ordered = sorted((m for m in out if m.kind in ("money", "percent") and m.hedge != "range"), key=lambda m: m.start)
    for first, last in zip(ordered, ordered[1:]):
        if first.kind != last.kind or not first.value < last.value or first not in out or last not in out:
            continue
        joint = text[first.end:last.start]
        if not _EN_RANGE_JOINT.fullmatch(joint):
            continue
        between = _EN_BETWEEN.search(text, max(0, first.start - 9), first.start)
        if " and " in f" {joint.lower()} ":
            if not between:
                continue  # "$90 million and $110 million": two figures, not a range
        elif " to " in f" {joint.lower()} " and not (between or _close(first.value, last.value, text, first.start)):
            continue
        merge(first, last, between.start() if between else first.start, last.end)
    for m in (m for pattern in PERCENT_RANGES for m in pattern.finditer(text)):
        low, high = Decimal(m.group("low")), Decimal(m.group("high"))
        if not low < high:
            continue
        decimals = max(len(m.group("low").partition(".")[2]), len(m.group("high").partition(".")[2]))
        first = Mention("percent", low, Decimal(1) / Decimal(10) ** decimals, m.start(), m.end("low"), m.group("low"))
        last = Mention("percent", high, first.precision, m.start("high"), m.end(), m.group(0))
        merge(first, last, m.start(), m.end())
    return sorted(out, key=lambda x: x.start)


def _close(low: Decimal, high: Decimal, text: str, start: int) -> bool:
    """"$4.5 billion to $4.6 billion" is a range when the two are close (within a seventh) and no
    "from", "by" or "to" before the first makes them a change and its level."""
    if not (low < high <= low * Decimal("1.15")):
        return False
    return not re.search(r"\b(?:from|by|to|of)\s+(?:(?:about|around|roughly|some|nearly|almost)\s+)?(?:US)?\$?\s?$", text[max(0, start - 24):start], re.IGNORECASE)


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Every money amount, percentage and multiple in ``text``, in order of position."""
    # The checker asks again for the same sentence and clause (four times a sentence on a long
    # release): the answer is kept, as mentions are frozen; the caller gets its own list.
    return list(_mentions(text, lang))


@lru_cache(maxsize=4096)
def _mentions(text: str, lang: str) -> tuple[Mention, ...]:
    mentions = _en_money(text) if lang == "en" else _ko_money(text)
    for m in PERCENT.finditer(text):
        number = m.group("num").replace(",", "")
        kind = "points" if m.group("unit").lower() in _POINT_UNITS else "percent"
        # A percentage's written decimals are all significant ("17.0 percent" is not "17 percent",
        # and "10%" is not "about 10"): the precision is its last written decimal place.
        decimals = len(number.partition(".")[2])
        mentions.append(Mention(kind, Decimal(number), Decimal(1) / Decimal(10) ** decimals, m.start(), m.end(), m.group(0)))
    if lang == "en" and "percentage point" in text.lower():
        # "added 0.42 percentage point, up from 0.25 point in October": a bare "point" after the
        # sentence has said percentage points is one too (alone it may be an index's point).
        for m in _EN_BARE_POINTS.finditer(text):
            if not any(x.start <= m.start() < x.end for x in mentions):
                decimals = len(m.group("num").partition(".")[2])
                mentions.append(Mention("points", Decimal(m.group("num")), Decimal(1) / Decimal(10) ** decimals, m.start(), m.end(), m.group(0)))
    mentions = [_hedged(m, text, lang) if m.kind in ("money", "percent") else m for m in mentions]
    mentions = _ranges(mentions, text, lang)
    mentions += _fractions(text, lang)
    pattern = EN_MULTIPLE if lang == "en" else KO_MULTIPLE
    for m in pattern.finditer(text):
        if m.groupdict().get("word"):
            value, precision = Decimal(_EN_FOLD[m.group("word").lower()]), Decimal(1)
        elif m.groupdict().get("numword"):
            value, precision = Decimal(_EN_NUMBER_WORDS[m.group("numword").lower()]), Decimal(1)
        elif m.groupdict().get("koword"):
            value, precision = Decimal(_KO_NUMBER_WORDS[m.group("koword")]), Decimal(1)
        else:
            value, precision = Decimal(m.group("num")), _precision(m.group("num"), Decimal(1))
        before = _HEDGE_BEFORE[lang].search(text[max(0, m.start() - 14):m.start()])
        after = _HEDGE_AFTER[lang].match(text[m.end():m.end() + 8])
        hedge = None
        for found in (before, after):
            if found:
                hedge = next(name for name in ("more", "nearly", "about") if found.groupdict().get(name))
        mentions.append(Mention("multiple", value, precision, m.start(), m.end(), m.group(0), hedge=hedge))
    return tuple(sorted(mentions, key=lambda x: x.start))


def _fractions(text: str, lang: str) -> list[Mention]:
    found = []
    if lang == "en":
        lowered = text.lower()
        if (" of" not in lowered and " by " not in lowered) or not any(word in lowered for word in ("half", "third", "quarter", "fifth", "tenth")):
            return found
        for m in EN_BY_FRACTION.finditer(text):
            # "grew by a third", "rose by about a quarter": a change stated as a fraction.
            value = Decimal(_EN_FRACTIONS[re.split(r"[- ]", m.group("frac").lower())[-1]])
            hedge = next((h for h in ("more", "nearly", "about", "less") if m.group(h)), None)
            found.append(Mention("percent", value, Decimal(1), m.start("frac"), m.end("frac"), m.group("frac"), hedge=hedge, fraction=True))
        for m in EN_FRACTION.finditer(text):
            frac = m.group("frac").lower()
            if frac.endswith("half") and _EN_FRACTION_PERIOD.search(text, max(0, m.start("frac") - 12), m.start("frac")):
                continue
            value = Decimal(_EN_FRACTIONS[re.split(r"[- ]", frac)[-1]])
            hedge = next((h for h in ("more", "nearly", "about", "less") if m.group(h)), None)
            found.append(Mention("percent", value, Decimal(1), m.start("frac"), m.end("frac"), m.group("frac"), hedge=hedge, fraction=True))
        return found
    if "절반" not in text and "분의" not in text:
        return found
    for m in KO_FRACTION.finditer(text):
        value = Decimal(50) if m.group("frac") == "절반" else Decimal(100) * int(m.group("num")) / int(m.group("den"))
        if value >= 100:
            continue
        after = _KO_FRACTION_AFTER.match(text, m.end())
        hedge = "about" if m.group("about_before") else "nearly" if m.group("nearly_before") else None
        if after:
            hedge = next(h for h in ("more", "less", "nearly", "about") if after.group(h))
        found.append(Mention("percent", value, Decimal(1), m.start("frac"), m.end("frac"), m.group("frac"), hedge=hedge, fraction=True))
    return found


def _hedged(mention: Mention, text: str, lang: str) -> Mention:
    before = _AMOUNT_HEDGE_BEFORE[lang].search(text[max(0, mention.start - 20):mention.start])
    after = _AMOUNT_HEDGE_AFTER[lang].match(text[mention.end:mention.end + 10])
    for found in (before, after):
        if found:
            hedge = next(name for name in ("more", "nearly", "about", "less", "band") if found.groupdict().get(name))
            return Mention(mention.kind, mention.value, mention.precision, mention.start, mention.end, mention.text,
                           mention.negative, hedge)
    return mention


def _ends_in_five(mention: Mention) -> bool:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", mention.text)
    significant = digits.group(0).replace(",", "").replace(".", "").rstrip("0") if digits else ""
    return significant.endswith("5") and len(significant) > 1


def _step(mention: Mention) -> Decimal:
    """The place of the written figure's last non-zero digit: 10 for "30 percent", 1,000 for "$4 billion"."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", mention.text)
    if mention.kind == "money" or digits is None:
        return mention.precision
    return _precision(digits.group(0), Decimal(1))


def matches(mention: Mention, value: Decimal) -> bool:
    """Does the data ``value`` rounded (half up) to the mention's precision equal what it states?

    A hedged figure states a range: "more than 50 percent" lies above 50 and below the next step
    of its last digit (60); "nearly 30 percent" from 85% of 30 up to 30; "about 30 percent" rounds
    to 30 at its last non-zero digit.
    """
    value = abs(value)
    if mention.upper is not None:
        # A range holds the value rounded to the precision it is written at: "$4.5–4.6 billion" holds 4,530.
        return mention.value <= round_half_up(value, mention.precision) <= mention.upper
    if mention.fraction:
        # "more than two-thirds": above 66.7%; "less than half": below 50%; "nearly half": from 85%
        # of it up to it; "two-thirds", "about half": within 7 points (a fraction is a round word:
        # "roughly two-thirds" is said of 72 percent).
        if mention.hedge == "more":
            return mention.value < value <= 100
        if mention.hedge == "less":
            return value < mention.value
        if mention.hedge == "nearly":
            return mention.value * Decimal("0.85") <= value <= mention.value
        return abs(value - mention.value) <= 7
    if mention.hedge and mention.kind in ("money", "percent"):
        step = _step(mention)
        if mention.hedge in ("more", "less") and _ends_in_five(mention):
            # "more than $750 million", "less than 25 percent": a bound ending in 5 is rounded to
            # half the place before it (more than 750 million is up to 800, not 760).
            step *= 5
        if mention.hedge == "more":
            return mention.value < value < mention.value + step
        if mention.hedge == "nearly":
            return mention.value * Decimal("0.85") <= value <= mention.value
        if mention.hedge == "less":
            # "less than $5 billion", "50억달러 미만": below it and above the step under it.
            return mention.value - step < value < mention.value
        if mention.hedge == "band":
            return mention.value <= value < mention.value + step
        if mention.kind == "money" and ("억" in mention.text or "조" in mention.text) and abs(value - mention.value) > mention.value * Decimal("0.15"):
            # "약 10억달러" is not said of 7억7000만달러, though it rounds there at its one digit: a
            # Korean round amount is said of values within some 15% of it.
            return False
        return round_half_up(value, step) == mention.value
    if abs(value - mention.value) > mention.precision:
        return False  # rounding moves a value by at most half the precision: no need to round
    return round_half_up(value, mention.precision) == mention.value


def multiple_matches(mention: Mention, ratio: Decimal) -> bool:
    """Does a ratio of two figures agree with a multiple as written, with its hedge?

    "more than tripled": above 3 (and below 4, or it would say quadrupled); "nearly
    doubled": from 85% of 2 up to 2; "tripled", "3배": within 5% of 3, or equal at the
    written precision ("5.5 times").
    """
    ratio, stated = abs(ratio), mention.value
    if mention.hedge == "more":
        return stated < ratio < stated + 1
    if mention.hedge == "nearly":
        return stated * Decimal("0.85") <= ratio <= stated
    if mention.hedge == "about":
        return matches(mention, ratio) or abs(ratio - stated) <= stated * Decimal("0.05")
    return matches(mention, ratio) if mention.precision < 1 else abs(ratio - stated) <= stated * Decimal("0.05")
