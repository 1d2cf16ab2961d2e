"""Deterministic mutants of committed release drafts, to measure how many errors ``pressgen check`` catches.

A *mutant* is a copy of a release file (front matter kept) with one deliberate factual
error put into a sentence that is derived from the data. The kinds:

``money``      the last significant digit of a money amount is bumped ("4.53 billion
               dollars" → "4.54 billion dollars", "$61.04 billion" → "$61.05 billion",
               "45억3000만달러" → "45억4000만달러");
``percent``    the same for a percentage ("6.5%" → "6.6%", "13.4 percent" → "13.5 percent");
``points``     the same for percentage points ("0.3 percentage point" → "0.4 percentage
               point", "0.3%포인트" → "0.4%포인트");
``multiple``   the same for a multiple ("10.2 times" → "10.3 times", "5.5배" → "5.6배");
``swap``       two items' figures (money amounts, or percentages) with different values
               trade places: the figures of a "respectively"/"각각" sentence among
               themselves, each figure with the next one of its kind in the same sentence
               (a list) and with the next one in another sentence;
``direction``  a direction word is flipped (widened↔narrowed, grew↔shrank, rose↔fell,
               increased↔decreased, accelerating↔slowing; 확대↔축소, 늘었↔줄었, 커졌→줄었,
               증가↔감소, 상승↔하락, and for rates 확대↔둔화);
``record``     a sentence claiming a record is appended to a data paragraph, for an item
               that has no record fact;
``unit``       a Korean amount's unit is changed between 억 and 만 ("22억달러" → "22만달러",
               "9000만달러" → "9000억달러", "45억3000만달러" → "45만3000만달러"), or from 억
               to 조 ("574억달러" → "574조달러");
``streak``     a streak's length is one more ("the sixth straight month" → "the seventh
               straight month", "6개월 연속" → "7개월 연속").

Text that comes from the editors' annotations (causes, their headlines, remarks) is never
mutated: check does not verify it. The patterns here are written independently of
``generator.check`` so that the mutants do not inherit its blind spots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

import pytest
import yaml

KINDS = ("money", "percent", "points", "multiple", "swap", "direction", "record", "unit", "streak")

# The committed drafts: release → periods (output/<release>/<period>/release.<lang>.md).
RELEASES = {
    "knowledge_services": ("2025H1", "2024H2"),
    "monthly_trade": ("2025-11", "2025-12"),
    "consumer_prices": ("2025-10", "2025-11"),
}
DRAFTS = tuple(f"{release}/{period}/release.{lang}.md" for release, periods in RELEASES.items()
               for period in periods for lang in ("en", "ko"))

# Where test_mutation leaves its scores for the terminal summary (see conftest.py).
REPORT_KEY: pytest.StashKey[dict] = pytest.StashKey()


@dataclass(frozen=True)
class Mutant:
    """One mutated release file: ``text`` is the whole file, ``line`` the (1-based) mutated line."""

    kind: str
    source: str
    line: int
    description: str
    text: str
    language: str
    column: int = 1

    def label(self) -> str:
        return f"[{self.kind}] {self.source}:{self.line}:{self.column}: {self.description}"


# -- reading the drafts -------------------------------------------------------------------


def _body_start(lines: list[str]) -> int:
    """Index of the first body line (after the YAML front matter)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return i + 1
    return 0


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def annotation_texts(annotations_file: Path) -> list[str]:
    """Every editor-written text of an annotation file (causes, cause headlines, remarks), both languages."""
    if not annotations_file.exists():
        return []
    data = yaml.safe_load(annotations_file.read_text(encoding="utf-8")) or {}
    texts: list[str] = []
    for cause in data.get("causes") or []:
        for field in ("text", "headline"):
            texts.extend(_normal(t) for t in (cause.get(field) or {}).values())
    for remark in data.get("remarks") or []:
        texts.extend(_normal(t) for t in (remark.get("text") or {}).values())
    return [t for t in texts if t]


def _protected(line: str, texts: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for text in texts:
        # A cause joined to the statement it explains keeps its words but not its first letter's
        # case, its full stop or its Korean ending ("…늘어난 결과다." → "…늘어난 결과로"): its core.
        for variant in (text, text.rstrip(".")[1:-3]):
            if len(variant) < 12:
                continue
            start = line.find(variant)
            while start >= 0:
                spans.append((start, start + len(variant)))
                start = line.find(variant, start + 1)
    return spans


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _sentence_index(line: str, position: int) -> int:
    """Which sentence of ``line`` the character at ``position`` is in (0-based)."""
    return sum(1 for m in _SENTENCE_END.finditer(line) if m.end() <= position)


# -- figures ---------------------------------------------------------------------------

EN_MONEY = re.compile(r"(?<![\d.$])(?P<num>\d+(?:\.\d+)?) (?P<scale>billion|million) dollars", re.IGNORECASE)
EN_DOLLARS = re.compile(r"\$(?P<num>\d+(?:\.\d+)?) (?P<scale>billion|million)\b", re.IGNORECASE)
KO_MONEY = re.compile(r"(?<![\d억만조])(?:(?P<jo>\d+)조)?(?:(?P<eok>\d+)억)?(?:(?P<man>\d+)만)?달러")
PERCENT = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?:%(?!포인트|p)| percent\b)")
POINTS = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?: percentage points?\b|%포인트|%p\b)")
EN_MULTIPLE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?) times\b")
KO_MULTIPLE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)배")


@dataclass(frozen=True)
class _Amount:
    line: int          # index into the file's lines
    start: int
    end: int
    text: str
    value: Decimal     # millions of dollars (money), or the number (percent, points, multiple)
    digits: tuple[int, int]  # span of the digits to bump, relative to the line
    sentence: int
    kind: str = "money"


def _money(lines: list[str], language: str, protected: dict[int, list]) -> list[_Amount]:
    found = []
    for index, line in enumerate(lines):
        if language == "en":
            for pattern in (EN_MONEY, EN_DOLLARS):
                for m in pattern.finditer(line):
                    if not _free(protected[index], m.start(), m.end()):
                        continue
                    scale = Decimal(1000) if m["scale"].lower() == "billion" else Decimal(1)
                    found.append(_Amount(index, m.start(), m.end(), m.group(0), Decimal(m["num"]) * scale,
                                         m.span("num"), _sentence_index(line, m.start())))
        else:
            for m in KO_MONEY.finditer(line):
                if not (m["jo"] or m["eok"] or m["man"]) or not _free(protected[index], m.start(), m.end()):
                    continue
                value = (Decimal(m["jo"] or 0) * 10**12 + Decimal(m["eok"] or 0) * 10**8 + Decimal(m["man"] or 0) * 10**4) / 10**6
                last = "man" if m["man"] and int(m["man"]) else "eok" if m["eok"] else "jo"
                found.append(_Amount(index, m.start(), m.end(), m.group(0), value, m.span(last),
                                     _sentence_index(line, m.start())))
    return sorted(found, key=lambda a: (a.line, a.start))


def _ratios(lines: list[str], language: str, protected: dict[int, list]) -> list[_Amount]:
    found = []
    multiple = EN_MULTIPLE if language == "en" else KO_MULTIPLE
    for index, line in enumerate(lines):
        for kind, pattern in (("percent", PERCENT), ("points", POINTS), ("multiple", multiple)):
            for m in pattern.finditer(line):
                if _free(protected[index], m.start(), m.end()):
                    found.append(_Amount(index, m.start(), m.end(), m.group(0), Decimal(m["num"]), m.span("num"),
                                         _sentence_index(line, m.start()), kind))
    return sorted(found, key=lambda a: (a.line, a.start))


def bump(digits: str) -> str:
    """Change the last non-zero digit by one (up, or down from 9): "4.53" → "4.54", "9000" → "8000"."""
    for i in range(len(digits) - 1, -1, -1):
        if digits[i].isdigit() and digits[i] != "0":
            d = int(digits[i])
            return digits[:i] + str(d + 1 if d < 9 else d - 1) + digits[i + 1:]
    raise ValueError(f"no significant digit in {digits!r}")


# -- which item an amount is about ------------------------------------------------------


class ItemNames:
    """Item names and aliases (items.csv, the release config) to tell which item an amount is about.

    Independent of ``generator.check``: the name nearest before the amount in its sentence
    names its item; else the first name after it; else the subject carries over from the
    sentence before (a heading resets it to the total). In a "respectively"/"각각" clause
    naming as many items as amounts, they pair in order.
    """

    def __init__(self, items_csv: Path, config_file: Path, language: str) -> None:
        import csv

        names: dict[str, set[str]] = {}
        with items_csv.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in (f"name_{language}", f"short_{language}"):
                    if row.get(column):
                        names.setdefault(self._key(row[column], language), set()).add(row["item"])
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        self.total = str(config.get("total", "total"))
        for code, by_language in (config.get("aliases") or {}).items():
            for alias in (by_language or {}).get(language) or []:
                names.setdefault(self._key(alias, language), set()).add(code)
        self.codes = {name: frozenset(codes) for name, codes in names.items() if name}
        ordered = sorted(self.codes, key=lambda n: (-len(n), n))
        alternatives = "|".join(re.escape(n) for n in ordered)
        if language == "en":
            self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        else:
            self.pattern = re.compile(rf"(?:{alternatives})")
        self.language = language

    @staticmethod
    def _key(name: str, language: str) -> str:
        name = name.strip()
        if language == "en":
            name = name.lower()
            name = name[4:] if name.startswith("the ") else name
        return name

    def find(self, text: str) -> list[tuple[int, frozenset]]:
        return [(m.start(), self.codes[self._key(m.group(0), self.language)]) for m in self.pattern.finditer(text)]


_CLAUSE_BREAK = {"en": r"\bwhile\b|\bwhereas\b|\bbut\b|;", "ko": r"반면|지만|;"}
_RESPECTIVELY = {"en": r"\brespectively\b", "ko": r"각각"}


def _owners(lines: list[str], start: int, money: list[_Amount], names: ItemNames) -> dict[_Amount, frozenset]:
    """The item codes each amount is about (see ``ItemNames``)."""
    language = names.language
    by_sentence: dict[tuple[int, int], list[_Amount]] = {}
    for amount in money:
        by_sentence.setdefault((amount.line, amount.sentence), []).append(amount)
    owners: dict[_Amount, frozenset] = {}
    subject = frozenset({names.total})
    for index in range(start, len(lines)):
        line = lines[index]
        if line.startswith("#"):
            subject = frozenset({names.total})
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
        for number, (a, b) in enumerate(zip(bounds, bounds[1:])):
            found = [(a + pos, codes) for pos, codes in names.find(line[a:b])]
            amounts = by_sentence.get((index, number), [])
            if amounts and re.search(_RESPECTIVELY[language], line[a:b], re.IGNORECASE):
                cuts = [a] + [a + m.start() for m in re.finditer(_CLAUSE_BREAK[language], line[a:b], re.IGNORECASE)] + [b]
                for c0, c1 in zip(cuts, cuts[1:]):
                    clause_amounts = [x for x in amounts if c0 <= x.start < c1]
                    clause_names = [codes for pos, codes in found if c0 <= pos < c1 and pos < clause_amounts[0].start] if clause_amounts else []
                    if len(clause_amounts) > 1 and len(clause_names) == len(clause_amounts):
                        owners.update(zip(clause_amounts, clause_names))
            for amount in amounts:
                if amount in owners:
                    continue
                before = [codes for pos, codes in found if pos < amount.start]
                if len(before) > 1 and before[-1] == {names.total}:
                    # "The ICT industry recorded knowledge services exports of ...": the
                    # total's name qualifies the item named before it.
                    before = [codes for codes in before if codes != {names.total}] or before
                after = [codes for pos, codes in found if pos > amount.start]
                owners[amount] = before[-1] if before else after[0] if after else subject
            if found:
                subject = found[-1][1]
    return owners


# -- the mutants -----------------------------------------------------------------------

_EN_FLIPS = {"widened": "narrowed", "narrowed": "widened", "grew": "shrank", "shrank": "grew",
             "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise", "rises": "falls", "falls": "rises",
             "increased": "decreased", "decreased": "increased",
             "accelerating": "slowing", "slowing": "accelerating", "accelerated": "slowed", "slowed": "accelerated"}
_KO_FLIPS = {"확대": "축소", "축소": "확대", "둔화": "확대", "늘었": "줄었", "줄었": "늘었", "커졌": "줄었",
             "증가": "감소", "감소": "증가", "상승": "하락", "하락": "상승", "올랐": "내렸", "내렸": "올랐",
             "높아졌": "낮아졌", "낮아졌": "높아졌"}
# A rate's rise that widens is 확대; its opposite is 둔화 (not 축소, which is said of a balance).
_KO_RATE_MARK = re.compile(r"%포인트|%p|상승률|증가율")
# 상승률, 증가율, 상승폭, 증가세 둔화: nouns, not claims of a direction.
_KO_NOUNS = re.compile(r"률|율|폭")


def _flip_case(word: str, new: str) -> str:
    return new[:1].upper() + new[1:] if word[:1].isupper() else new


# Items without any record fact in either committed period, as the drafts name them.
RECORD_ITEMS = {
    # (item code, English claim, Korean claim)
    "knowledge_services": (
        ("culture", "Cultural and leisure services posted the largest {half} surplus on record.", "문화·여가서비스는 {half_ko} 기준 역대 최대 흑자를 냈다."),
        ("pbs", "Professional and business services posted the largest {half} deficit on record.", "전문·사업서비스는 {half_ko} 기준 역대 최대 적자를 냈다."),
        ("ip", "Intellectual property royalties posted the largest {half} deficit on record.", "지식재산권 사용료는 {half_ko} 기준 역대 최대 적자를 냈다."),
        ("reg.asia", "Asia posted the largest {half} surplus on record.", "아시아는 {half_ko} 기준 역대 최대 흑자를 냈다."),
        ("content", "The content industry posted the largest {half} surplus on record.", "콘텐츠산업은 {half_ko} 기준 역대 최대 흑자를 냈다."),
        ("ind.manufacturing", "Manufacturing posted the largest {half} deficit on record.", "제조업은 {half_ko} 기준 역대 최대 적자를 냈다."),
    ),
    "monthly_trade": (
        ("prod.steel", "Exports of steel hit a record high.", "철강 수출은 역대 최대를 기록했다."),
        ("prod.petrochemicals", "Exports of petrochemicals hit a record high.", "석유화학 수출은 역대 최대를 기록했다."),
        ("dest.japan", "Exports to Japan hit an all-time high.", "일본 수출은 역대 최고를 기록했다."),
        ("dest.asean", "Exports to ASEAN hit a record high.", "아세안 수출은 사상 최대를 기록했다."),
    ),
    "consumer_prices": (
        ("goods", "Prices of goods rose at a record pace.", "상품 물가는 역대 최고 상승률을 기록했다."),
        ("services.public", "Prices of public services rose at a record pace.", "공공서비스 물가는 역대 최고 상승률을 기록했다."),
        ("rent", "Housing rents hit an all-time high.", "집세는 사상 최고를 기록했다."),
    ),
}
# Data paragraphs the record claim is appended to, by how they start (else every paragraph
# with a figure that is not a heading).
_RECORD_PARAGRAPHS = {
    "knowledge_services": {"en": ("By category,", "By region,", "By industry,"), "ko": ("유형별로는", "지역별로는", "산업별로는")},
}


def _record_sentence(template: str, period: str) -> str:
    half = "H" in period
    return template.format(half="half-year" if half else "annual", half_ko="반기" if half else "연간")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first")
EN_STREAK = re.compile(r"\b(?P<n>\d+(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r") straight (?:month|quarter|half|year)s?\b", re.IGNORECASE)
KO_STREAK = re.compile(r"(?<![\d.])(?P<n>\d+)(?:개월|분기|반기|년) 연속")


def _suffixed(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _next_count(word: str) -> str:
    """One more: "sixth" → "seventh", "Seventh" → "Eighth", "10th" → "11th", "6" → "7"."""
    if word.isdigit():
        return str(int(word) + 1)
    digits = re.match(r"(\d+)", word)
    if digits:
        return _suffixed(int(digits.group(1)) + 1)
    new = _ORDINALS[_ORDINALS.index(word.lower()) + 1]
    return _flip_case(word, new)


def mutants(path: Path, annotations_file: Path, source: str, names: ItemNames | None = None,
            release: str = "knowledge_services") -> list[Mutant]:
    """Every mutant of the release file ``path`` (front matter read for language and period).

    ``names`` (for the file's language) lets swaps keep to figures of different items;
    without it every pair of different values is swapped.
    """
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = _body_start(lines)
    front = yaml.safe_load("\n".join(lines[1:start - 1])) if start else {}
    language, period = str(front["language"]), str(front["period"])
    texts = annotation_texts(annotations_file)
    protected = {i: (_protected(line, texts) if i >= start else [(0, len(line) + 1)]) for i, line in enumerate(lines)}

    def make(kind: str, index: int, new_line: str, description: str, column: int) -> Mutant:
        changed = lines[:index] + [new_line] + lines[index + 1:]
        return Mutant(kind, source, index + 1, description, "\n".join(changed), language, column + 1)

    out: list[Mutant] = []
    money = _money(lines, language, protected)
    ratios = _ratios(lines, language, protected)

    # (a) numbers: money, percentages, percentage points, multiples
    for amount in sorted([*money, *ratios], key=lambda a: (a.line, a.start)):
        line = lines[amount.line]
        s, e = amount.digits
        new = line[:s] + bump(line[s:e]) + line[e:]
        new_text = new[amount.start:amount.end + (len(new) - len(line))]
        out.append(make(amount.kind, amount.line, new, f"{amount.text!r} → {new_text!r}", amount.start))

    # (b) swaps: within "respectively"/"각각" sentences, and with the next figure of its kind in another sentence
    marker = r"\brespectively\b" if language == "en" else r"각각"
    percents = [a for a in ratios if a.kind == "percent"]
    owners = {}
    if names is not None:
        owners = _owners(lines, start, money, names) | _owners(lines, start, percents, names)
    seen = set()
    for figures in (money, percents):
        pairs: list[tuple[_Amount, _Amount]] = []
        groups: dict[tuple[int, int], list[_Amount]] = {}
        for amount in figures:
            groups.setdefault((amount.line, amount.sentence), []).append(amount)
        for (index, _), group in sorted(groups.items()):
            if len(group) > 1 and re.search(marker, _sentence_at(lines[index], group[0].start, limit=None)):
                pairs += [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
        for i, a in enumerate(figures):
            following = next((b for b in figures[i + 1:] if (b.line, b.sentence) != (a.line, a.sentence)), None)
            if following is not None:
                pairs.append((a, following))
            # In a list ("industrial products (2.3 percent), electricity, gas and water (0.4
            # percent)"), the next figure of the same sentence, when it is another item's.
            beside = next((b for b in figures[i + 1:] if (b.line, b.sentence) == (a.line, a.sentence)), None)
            if beside is not None and owners and owners[a] != owners[beside]:
                pairs.append((a, beside))
        for a, b in pairs:
            if a.value == b.value or (a, b) in seen:
                continue
            if owners and owners[a] & owners[b]:
                continue  # the same item's figures (level, base, change): not two items' numbers
            seen.add((a, b))
            if a.line == b.line:
                line = lines[a.line]
                new = line[:a.start] + b.text + line[a.end:b.start] + a.text + line[b.end:]
                out.append(make("swap", a.line, new, f"{a.text!r} ⇄ {b.text!r}", a.start))
            else:
                first = lines[a.line][:a.start] + b.text + lines[a.line][a.end:]
                second = lines[b.line][:b.start] + a.text + lines[b.line][b.end:]
                changed = list(lines)
                changed[a.line], changed[b.line] = first, second
                out.append(Mutant("swap", source, a.line + 1, f"{a.text!r} ⇄ {b.text!r} (line {b.line + 1})",
                                  "\n".join(changed), language, a.start + 1))

    # (c) direction words
    flips = _EN_FLIPS if language == "en" else _KO_FLIPS
    pattern = (re.compile(r"\b(" + "|".join(flips) + r")\b", re.IGNORECASE) if language == "en"
               else re.compile("(" + "|".join(flips) + ")"))
    for index in range(start, len(lines)):
        line = lines[index]
        for m in pattern.finditer(line):
            word = m.group(1)
            if not _free(protected[index], m.start(), m.end()):
                continue
            if language == "ko" and _KO_NOUNS.match(line, m.end()):
                continue
            new_word = _flip_case(word, flips[word.lower()])
            if language == "ko" and word == "확대" and _KO_RATE_MARK.search(_sentence_at(line, m.start(), limit=None)):
                new_word = "둔화"
            new = line[:m.start()] + new_word + line[m.end():]
            out.append(make("direction", index, new, f"{word!r} → {new_word!r} in {_sentence_at(line, m.start())!r}", m.start()))

    # (d) false record claims
    starts = _RECORD_PARAGRAPHS.get(release, {}).get(language)
    anchors = [i for i in range(start, len(lines)) if (lines[i].startswith(starts) if starts else
               (lines[i] and not lines[i].startswith("#") and re.search(r"\d", lines[i]) and _free(protected[i], 0, 1)))]
    for n, (_, claim_en, claim_ko) in enumerate(RECORD_ITEMS[release]):
        if not anchors:
            break
        index = anchors[n % len(anchors)]
        claim = _record_sentence(claim_en if language == "en" else claim_ko, period)
        out.append(make("record", index, lines[index] + " " + claim, f"appended {claim!r}", len(lines[index]) + 1))

    # (e) Korean units: 억 ↔ 만, 억 → 조
    if language == "ko":
        for amount in money:
            line = lines[amount.line]
            m = KO_MONEY.fullmatch(amount.text)
            if m["eok"] and m["man"]:
                s = amount.start + m.end("eok")
                new = line[:s] + "만" + line[s + 1:]
            elif m["eok"] or m["man"]:
                unit_at = amount.start + (m.end("eok") if m["eok"] else m.end("man"))
                new = line[:unit_at] + ("만" if m["eok"] else "억") + line[unit_at + 1:]
            else:
                continue
            out.append(make("unit", amount.line, new, f"{amount.text!r} → {new[amount.start:amount.end]!r}", amount.start))
            if m["eok"] and not m["jo"]:
                s = amount.start + m.end("eok")
                new = line[:s] + "조" + line[s + 1:]
                out.append(make("unit", amount.line, new, f"{amount.text!r} → {new[amount.start:amount.end]!r}", amount.start))

    # (f) streak lengths: one more
    streak = EN_STREAK if language == "en" else KO_STREAK
    for index in range(start, len(lines)):
        line = lines[index]
        for m in streak.finditer(line):
            if not _free(protected[index], m.start(), m.end()):
                continue
            s, e = m.span("n")
            new = line[:s] + _next_count(m["n"]) + line[e:]
            out.append(make("streak", index, new, f"{m.group(0)!r} → {new[m.start():m.end() + len(new) - len(line)]!r}", m.start()))
    return out


def _sentence_at(line: str, position: int, limit: int | None = 120) -> str:
    """The sentence of ``line`` holding ``position`` (cut to ``limit`` characters for descriptions)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= position < b:
            return line[a:b].strip()[:limit]
    return line[:limit]


def draft_mutants(repo_root: Path, drafts: Iterable[str] = DRAFTS) -> Iterator[Mutant]:
    """Mutants of the committed drafts ``output/<release>/<period>/release.<lang>.md`` named in ``drafts``."""
    for draft in drafts:
        path = repo_root / "output" / draft
        release, period = draft.split("/")[:2]
        annotations = repo_root / "data" / release / "annotations" / f"{period}.yaml"
        language = draft.rsplit(".", 2)[-2]
        names = ItemNames(repo_root / "data" / release / "items.csv", repo_root / "config" / f"{release}.yaml", language)
        yield from mutants(path, annotations, draft, names, release)
