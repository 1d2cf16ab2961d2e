"""``check --fix``: rewrite a wrong figure in the text's own style, when the data gives exactly one right value.

Contract with the data rules (``agreement.py``, through ``suggest.py``): a ``data.number`` or
``data.percent`` finding whose sentence names its item, metric and base without ambiguity
carries a ``suggestion`` — the figure as written, with the right value — built by ``restyle``.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..lang.numbers import format_number, plain, round_half_up, to_decimal
from .amounts import EN_MONEY, KO_MONEY, KO_PLAIN_MONEY, PERCENT, find_mentions

# Which kind of written figure each data unit may replace.
_KIND_OF_UNIT = {"usd_million": "money", "percent": "percent", "pp": "points"}

_EN_SCALES = ((Decimal(1_000_000), "trillion"), (Decimal(1_000), "billion"), (Decimal(1), "million"))
_EN_SIZE = {name: size for size, name in _EN_SCALES}
_MILLION = Decimal(10) ** 6


def restyle(written: str, lang: str, value: Decimal, unit: str = "usd_million") -> str | None:
    """``written`` (a figure as it stands in the text) with ``value`` instead, in the same style and precision.

    "$4.53 billion" → "$4.35 billion"; "45억 3천만 달러" keeps its spaces and 천; "1.4 billion"
    keeps one decimal. None when the style cannot be kept (then no fix is offered).

    The value is rounded half up to the precision the figure is written at (its last
    non-zero digit, as ``amounts`` reads it; a percentage's every written decimal). The
    sign: a figure written with a minus keeps one only while the value is negative; a
    figure without one states its direction in words, so only the magnitude is written.
    """
    try:
        value = to_decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        return None
    kind = _KIND_OF_UNIT.get(unit)
    if kind is None:
        return None
    mentions = find_mentions(written, lang)
    # The text must be one figure and nothing else: a fix replaces exactly what it read.
    if len(mentions) != 1 or (mentions[0].start, mentions[0].end) != (0, len(written)):
        return None
    mention = mentions[0]
    if mention.kind != kind:
        return None  # a percent where the data has points (or the reverse) is not a restyle
    if kind == "money":
        out = _money_en(written, value, mention.precision) if lang == "en" else _money_ko(written, value, mention.precision)
    else:
        out = _percent(written, value)
    if out is None:
        return None
    # Never offer text that does not read back as the value it claims to state.
    back = find_mentions(out, lang)
    if len(back) != 1 or back[0].kind != kind or (back[0].start, back[0].end) != (0, len(out)):
        return None
    return out


def _sign(written_negative: bool, value: Decimal) -> tuple[str, Decimal]:
    return ("-" if written_negative and value < 0 else ""), abs(value)


def _grouped(text: str, written_number: str) -> str:
    """Thousands separators only if the written figure had them, or was too short to show either way."""
    whole = written_number.partition(".")[0]
    if "," not in written_number and len(whole) >= 4:
        return text.replace(",", "")
    return text


# -- English money -----------------------------------------------------------------------

def _money_en(written: str, value: Decimal, precision: Decimal) -> str | None:
    m = EN_MONEY.fullmatch(written)
    if m is None:
        return None
    sign, magnitude = _sign(bool(m.group("neg")), value)
    rounded = round_half_up(magnitude, precision)
    if rounded == 0 and magnitude != 0:
        return None  # "$0 billion" for a real amount: the written precision is too coarse to state it
    scale_word = m.group("scale")
    if scale_word.lower() not in _EN_SIZE:
        return None  # "$4.53bn": a shorthand the drafts never write, so no style to keep
    written_size = _EN_SIZE[scale_word.lower()]
    written_value = Decimal(m.group("num").replace(",", "")) * written_size
    natural = next(size for size, _ in _EN_SCALES if rounded >= size or size == 1)
    natural_then = next(size for size, _ in _EN_SCALES if written_value >= size or size == 1)
    # "1,230 million" is the writer's choice of scale: keep it. Otherwise the largest scale
    # that fits leads, as in the drafts ("770 million" becomes "1.02 billion").
    size = written_size if natural_then != written_size else natural
    name = next(n for s, n in _EN_SCALES if s == size)
    name = _same_case(name, scale_word)
    number = _grouped(format_number(plain(rounded / size), "en"), m.group("num"))
    start, end = m.span("num")
    before = written[m.end("neg") if m.group("neg") else 0:start]
    between = written[end:m.start("scale")]
    after = written[m.end("scale"):]  # " dollars", " US dollars": "1 billion dollars" is plural too
    return f"{sign}{before}{number}{between}{name}{after}"


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word.capitalize()
    return word


# -- Korean money ------------------------------------------------------------------------

_KO_SIZES = {"jo": Decimal(10) ** 12, "eok": Decimal(10) ** 8, "man": Decimal(10) ** 4}
_KO_UNIT = {"jo": "조", "eok": "억", "man": "만"}


def _money_ko(written: str, value: Decimal, precision: Decimal) -> str | None:
    m = KO_MONEY.fullmatch(written)
    if m is None or not (m.group("jo") or m.group("eok") or m.group("man")):
        m = KO_PLAIN_MONEY.fullmatch(written)
        if m is None:
            return None  # e.g. "103만5000만달러": a slip, not a style to copy
        sign, magnitude = _sign(bool(m.group("neg")), value)
        dollars = round_half_up(magnitude * _MILLION, precision * _MILLION)
        if dollars >= 10_000:
            return None  # plain digits cannot hold 만 and above in the same style
        return f"{sign}{int(dollars)}{written[m.end('num'):]}"
    sign, magnitude = _sign(bool(m.group("neg")), value)
    groups = [g for g in ("jo", "eok", "man") if m.group(g)]
    unit_text = m.group("unit")
    unit_space = " " if written[:m.start("unit")].endswith(" ") else ""
    if any(written[m.end(g):m.end(g) + 1] == " " for g in groups):
        return None  # "45 억": a space inside a group, a style the drafts never write
    if any("." in m.group(g) or "," in m.group(g) for g in groups if not m.group(g).endswith("천")):
        return _ko_decimal(m, groups, sign, magnitude, precision, unit_space, unit_text)
    # Between groups: "45억 3천만" or "45억3000만"; a single group leaves it open, and then the
    # figure follows its unit's spacing (Korean spaces numbers at each 만 group: 12억 3천만 달러).
    group_space = unit_space
    if len(groups) > 1:
        first = groups[0]
        gap = written[m.end(first):m.start(groups[1])]
        group_space = " " if " " in gap else ""
    thousands = bool(m.group("man")) and m.group("man").endswith("천")
    thousands_decimal = thousands and "." in m.group("man")
    dollars = round_half_up(magnitude * _MILLION, precision * _MILLION)
    if dollars == 0 and magnitude != 0:
        return None
    if dollars != dollars.to_integral_value():
        return None
    rest = int(dollars)
    parts = []
    for g in ("jo", "eok", "man"):
        size = int(_KO_SIZES[g])
        group, rest = divmod(rest, size)
        if not group:
            continue
        if g == "man" and thousands:
            if group % 1000 and not thousands_decimal:
                return None
            digits = format_number(plain(Decimal(group) / 1000), "ko").replace(",", "")
            parts.append(f"{digits}천만")
        else:
            parts.append(f"{group}{_KO_UNIT[g]}")
    if rest:
        return None  # below 만 in a 만-grouped figure: the written style has no place for it
    if not parts:
        return None
    return f"{sign}{group_space.join(parts)}{unit_space}{unit_text}"


def _ko_decimal(m: re.Match, groups: list[str], sign: str, magnitude: Decimal, precision: Decimal,
                unit_space: str, unit_text: str) -> str | None:
    """"45.3억달러", "1,234.5억달러", "1.2조달러": one group, a decimal number of it (the bank's style)."""
    if len(groups) != 1 or groups[0] == "man":
        return None
    group = groups[0]
    size = _KO_SIZES[group] / _MILLION  # in millions
    rounded = round_half_up(magnitude, precision)
    if rounded == 0 and magnitude != 0:
        return None
    number = _grouped(format_number(plain(rounded / size), "ko"), m.group(group))
    return f"{sign}{number}{_KO_UNIT[group]}{unit_space}{unit_text}"


# -- percentages and percentage points ---------------------------------------------------

def _percent(written: str, value: Decimal) -> str | None:
    m = PERCENT.fullmatch(written)
    if m is None:
        return None
    number = m.group("num")
    decimals = len(number.replace(",", "").partition(".")[2])
    magnitude = abs(value)
    text = _grouped(format_number(magnitude, "en", decimals), number)
    unit = m.group("unit")
    between = written[m.end("num"):m.start("unit")]
    low = unit.lower()
    if low.startswith("percentage point"):
        # "0.3 percentage point" but "1.2 percentage points", as the drafts write them.
        singular = round_half_up(magnitude, Decimal(1).scaleb(-decimals)) <= 1
        stem = unit[: len("percentage point")]
        unit = stem + ("" if singular else ("S" if unit.isupper() else "s"))
    return f"{text}{between}{unit}"


# -- applying suggestions to a file --------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class FileFix:
    """One file's text before and after its suggestions were applied (``applied``: the findings used)."""

    path: Path
    display: str
    before: str
    after: str
    applied: tuple = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _split_lines(text: str) -> list[tuple[str, str]]:
    """``text`` as (line, line break) pairs, breaks as the file has them, so a fix keeps every other byte."""
    out, start = [], 0
    for m in _LINE_BREAK.finditer(text):
        out.append((text[start:m.start()], m.group(0)))
        start = m.end()
    if start < len(text):
        out.append((text[start:], ""))
    return out


def apply_suggestions(text: str, lang: str, findings, protected: set[tuple[int, int]] | None = None,
                      first_line: int = 1) -> tuple[str, list]:
    """``text`` with each finding's suggestion applied, and the findings whose suggestion was.

    A suggestion is applied only where it is safe: on a line of the body (``first_line`` on;
    front matter is never touched), on no ``protected`` (line, column) (quotes, annotation prose),
    replacing exactly one figure (what it replaces must read as one figure, so a column
    that drifted never cuts a word), and not overlapping another. Lines keep their breaks.
    """
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    lines = _split_lines(body)
    protected = protected or set()
    edits: dict[int, list] = {}
    for finding in sorted(findings):
        fix = finding.suggestion
        if fix is None:
            continue
        number = fix.line or finding.line
        if number < first_line or not 0 < number <= len(lines):
            continue
        line = lines[number - 1][0]
        if not 1 <= fix.column < fix.end_column <= len(line) + 1:
            continue
        if any((number, column) in protected for column in range(fix.column, fix.end_column)):
            continue
        old = line[fix.column - 1:fix.end_column - 1]
        if old == fix.text or not _one_figure(old, lang) or not _one_figure(fix.text, lang):
            continue
        taken = edits.setdefault(number, [])
        if any(fix.column < end and start < fix.end_column for start, end, _, _ in taken):
            continue
        taken.append((fix.column, fix.end_column, fix.text, finding))
    applied = []
    for number, taken in edits.items():
        line, brk = lines[number - 1]
        for start, end, new, finding in sorted(taken, key=lambda e: e[0], reverse=True):
            line = line[:start - 1] + new + line[end - 1:]
            applied.append(finding)
        lines[number - 1] = (line, brk)
    out = "".join(line + brk for line, brk in lines)
    return ("\ufeff" + out if bom else out), sorted(applied)


def _one_figure(text: str, lang: str) -> bool:
    normal = unicodedata.normalize("NFC", text)
    found = find_mentions(normal, lang)
    return len(found) == 1 and (found[0].start, found[0].end) == (0, len(normal))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder and a rename,
    so a reader (or a crash) sees the old file or the new one, never half of one. The mode is kept.
    """
    path = Path(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(fixes) -> str:
    """What ``--fix`` would change, as one unified diff (``a/`` and ``b/`` paths as ``git diff`` writes them)."""
    out = []
    for fix in fixes:
        if not fix.changed:
            continue
        out.extend(difflib.unified_diff(
            fix.before.splitlines(keepends=True), fix.after.splitlines(keepends=True),
            fromfile=f"a/{fix.display}", tofile=f"b/{fix.display}",
        ))
    text = "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in out)
    return text
