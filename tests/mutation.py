"""Deterministic mutants of committed release drafts, to measure how many errors ``pressgen check`` catches.

A *mutant* is a copy of a release file (front matter kept) with one deliberate factual
error put into a sentence that is derived from the data. Five kinds:

``number``     the last significant digit of a money amount, percentage or multiple is
               bumped ("4.53 billion dollars" → "4.54 billion dollars", "45억3000만달러" →
               "45억4000만달러", "6.5%" → "6.6%", "10.2 times" → "10.3 times");
``swap``       two money amounts with different values trade places: the amounts of a
               "respectively"/"각각" sentence among themselves, and each amount with the
               next amount stated in another sentence;
``direction``  a direction word is flipped (widened↔narrowed, grew↔shrank, rose↔fell,
               increased↔decreased; 확대↔축소, 늘었↔줄었, 커졌→줄었);
``record``     a sentence claiming a record is appended to a data paragraph, for an item
               that has no record fact;
``unit``       a Korean amount's unit is changed between 억 and 만 ("22억달러" → "22만달러",
               "9000만달러" → "9000억달러", "45억3000만달러" → "45만3000만달러").

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

KINDS = ("number", "swap", "direction", "record", "unit")

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
        start = line.find(text)
        while start >= 0:
            spans.append((start, start + len(text)))
            start = line.find(text, start + 1)
    return spans


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _sentence_index(line: str, position: int) -> int:
    """Which sentence of ``line`` the character at ``position`` is in (0-based)."""
    return sum(1 for m in _SENTENCE_END.finditer(line) if m.end() <= position)


# -- figures ---------------------------------------------------------------------------

EN_MONEY = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?) (?P<scale>billion|million) dollars", re.IGNORECASE)
KO_MONEY = re.compile(r"(?<![\d억만])(?:(?P<eok>\d+)억)?(?:(?P<man>\d+)만)?달러")
PERCENT = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)%")
EN_MULTIPLE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?) times\b")
KO_MULTIPLE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)배")


@dataclass(frozen=True)
class _Amount:
    line: int          # index into the file's lines
    start: int
    end: int
    text: str
    value: Decimal     # millions of dollars (money), or the number (percent, multiple)
    digits: tuple[int, int]  # span of the digits to bump, relative to the line
    sentence: int


def _money(lines: list[str], language: str, protected: dict[int, list]) -> list[_Amount]:
    found = []
    for index, line in enumerate(lines):
        if language == "en":
            for m in EN_MONEY.finditer(line):
                if not _free(protected[index], m.start(), m.end()):
                    continue
                scale = Decimal(1000) if m["scale"].lower() == "billion" else Decimal(1)
                found.append(_Amount(index, m.start(), m.end(), m.group(0), Decimal(m["num"]) * scale,
                                     m.span("num"), _sentence_index(line, m.start())))
        else:
            for m in KO_MONEY.finditer(line):
                if not (m["eok"] or m["man"]) or not _free(protected[index], m.start(), m.end()):
                    continue
                value = (Decimal(m["eok"] or 0) * 10**8 + Decimal(m["man"] or 0) * 10**4) / 10**6
                last = "man" if m["man"] and int(m["man"]) else "eok"
                found.append(_Amount(index, m.start(), m.end(), m.group(0), value, m.span(last),
                                     _sentence_index(line, m.start())))
    return found


def _ratios(lines: list[str], language: str, protected: dict[int, list]) -> list[_Amount]:
    found = []
    multiple = EN_MULTIPLE if language == "en" else KO_MULTIPLE
    for index, line in enumerate(lines):
        for pattern in (PERCENT, multiple):
            for m in pattern.finditer(line):
                if _free(protected[index], m.start(), m.end()):
                    found.append(_Amount(index, m.start(), m.end(), m.group(0), Decimal(m["num"]), m.span("num"),
                                         _sentence_index(line, m.start())))
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
                names.setdefault(self._key(row[f"name_{language}"], language), set()).add(row["item"])
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
             "rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased"}
_KO_FLIPS = {"확대": "축소", "축소": "확대", "늘었": "줄었", "줄었": "늘었", "커졌": "줄었"}

# Items without any record fact in 2025H1 or 2024, as the drafts name them, and the
# sign of their balance in both periods.
RECORD_ITEMS = (
    # (item code, English subject, Korean subject with its topic particle, balance word en, ko)
    ("culture", "Cultural and leisure services", "문화·여가서비스는", "surplus", "흑자"),
    ("pbs", "Professional and business services", "전문·사업서비스는", "deficit", "적자"),
    ("ip", "Intellectual property royalties", "지식재산권 사용료는", "deficit", "적자"),
    ("reg.asia", "Asia", "아시아는", "surplus", "흑자"),
    ("content", "The content industry", "콘텐츠산업은", "surplus", "흑자"),
    ("ind.manufacturing", "Manufacturing", "제조업은", "deficit", "적자"),
)
# Data paragraphs the record claim is appended to, by how they start.
_RECORD_PARAGRAPHS = {"en": ("By category,", "By region,", "By industry,"), "ko": ("유형별로는", "지역별로는", "산업별로는")}


def _record_sentence(language: str, period: str, subject_en: str, subject_ko: str, word_en: str, word_ko: str) -> str:
    half = "H" in period
    if language == "en":
        return f"{subject_en} posted the largest {'half-year' if half else 'annual'} {word_en} on record."
    return f"{subject_ko} {'반기' if half else '연간'} 기준 역대 최대 {word_ko}를 냈다."


def mutants(path: Path, annotations_file: Path, source: str, names: ItemNames | None = None) -> list[Mutant]:
    """Every mutant of the release file ``path`` (front matter read for language and period).

    ``names`` (for the file's language) lets swaps keep to amounts of different items;
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

    # (a) numbers: money, percentages, multiples
    for amount in sorted([*money, *_ratios(lines, language, protected)], key=lambda a: (a.line, a.start)):
        line = lines[amount.line]
        s, e = amount.digits
        new = line[:s] + bump(line[s:e]) + line[e:]
        new_text = new[amount.start:amount.end + (len(new) - len(line))]
        out.append(make("number", amount.line, new, f"{amount.text!r} → {new_text!r}", amount.start))

    # (b) swaps: within "respectively"/"각각" sentences, and with the next amount in another sentence
    marker = r"\brespectively\b" if language == "en" else r"각각"
    pairs: list[tuple[_Amount, _Amount]] = []
    groups: dict[tuple[int, int], list[_Amount]] = {}
    for amount in money:
        groups.setdefault((amount.line, amount.sentence), []).append(amount)
    for (index, _), group in sorted(groups.items()):
        if len(group) > 1 and re.search(marker, _sentence_at(lines[index], group[0].start, limit=None)):
            pairs += [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
    for i, a in enumerate(money):
        following = next((b for b in money[i + 1:] if (b.line, b.sentence) != (a.line, a.sentence)), None)
        if following is not None:
            pairs.append((a, following))
    owners = _owners(lines, start, money, names) if names is not None else {}
    seen = set()
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
    pattern = re.compile(r"\b(" + "|".join(flips) + r")\b" if language == "en" else "(" + "|".join(flips) + ")")
    for index in range(start, len(lines)):
        line = lines[index]
        for m in pattern.finditer(line):
            if _free(protected[index], m.start(), m.end()):
                new = line[:m.start()] + flips[m.group(1)] + line[m.end():]
                out.append(make("direction", index, new, f"{m.group(1)!r} → {flips[m.group(1)]!r} in {_sentence_at(line, m.start())!r}", m.start()))

    # (d) false record claims
    anchors = [i for i in range(start, len(lines)) if lines[i].startswith(_RECORD_PARAGRAPHS[language])]
    for n, (_, subject_en, subject_ko, word_en, word_ko) in enumerate(RECORD_ITEMS):
        if not anchors:
            break
        index = anchors[n % len(anchors)]
        claim = _record_sentence(language, period, subject_en, subject_ko, word_en, word_ko)
        out.append(make("record", index, lines[index] + " " + claim, f"appended {claim!r}", len(lines[index]) + 1))

    # (e) Korean units: 억 ↔ 만
    if language == "ko":
        for amount in money:
            line = lines[amount.line]
            m = KO_MONEY.fullmatch(amount.text)
            if m["eok"] and m["man"]:
                s = amount.start + m.end("eok")
                new = line[:s] + "만" + line[s + 1:]
            else:
                unit_at = amount.start + (m.end("eok") if m["eok"] else m.end("man"))
                new = line[:unit_at] + ("만" if m["eok"] else "억") + line[unit_at + 1:]
            out.append(make("unit", amount.line, new, f"{amount.text!r} → {new[amount.start:amount.end]!r}", amount.start))
    return out


def _sentence_at(line: str, position: int, limit: int | None = 120) -> str:
    """The sentence of ``line`` holding ``position`` (cut to ``limit`` characters for descriptions)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= position < b:
            return line[a:b].strip()[:limit]
    return line[:limit]


def draft_mutants(repo_root: Path, drafts: Iterable[str]) -> Iterator[Mutant]:
    """Mutants of the committed drafts ``output/<period>/release.<lang>.md`` named in ``drafts``."""
    for draft in drafts:
        path = repo_root / "output" / draft
        period = draft.split("/")[0]
        annotations = repo_root / "data" / "knowledge_services" / "annotations" / f"{period}.yaml"
        language = draft.rsplit(".", 2)[-2]
        names = ItemNames(repo_root / "data" / "knowledge_services" / "items.csv",
                          repo_root / "config" / "knowledge_services.yaml", language)
        yield from mutants(path, annotations, draft, names)
