"""The review page: one self-contained HTML file for an editor to check a release in minutes.

``review_page(project, draft, findings)`` returns the page as a string. It shows

* a short "look at these first" list: asserted claims, editor's text, figures whose
  source note says they are derived, rounded, single-sourced or disputed, judgement
  calls (``draft.judgements`` when present), and published figures the draft leaves out;
* the English and Korean releases side by side, sentence n beside sentence n;
* every figure and claim in the text wrapped in ``<mark class="fig" data-fact="…">``
  (dates, years and period names in ``<mark class="when">``); clicking or hovering one
  shows the facts behind it, their source cells (file, line, note) and how each was
  computed (``explain``);
* ``pressgen check`` findings beside the sentence they point into.

The page has inline CSS and JS only (no network), and the same draft gives the same
bytes. Opened with ``#selftest`` in its URL, its script clicks every mark and writes
what the panel showed into ``<pre id="selftest">`` as JSON (the browser test reads it).

Figures are found with one regular expression per language (``FIGURE_PATTERNS``): an
alternation tried left to right at each position, dates and period names first, then
amounts with their unit, percentages, multiples, streaks and record claims, and last
any other number, so no digit is left unmarked.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .facts.model import Fact, to_json
from .report import describe_fact

if TYPE_CHECKING:  # pragma: no cover
    from .check.findings import Finding
    from .draft import Draft
    from .plan import Sentence
    from .project import Project

LANG_NAMES = {"en": "English", "ko": "한국어"}

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d+(?:st|nd|rd|th)"
_SPAN = "months?|quarters?|halves|half-years?|half|years?|periods?"

# Named groups say what a match is: ``when`` (not a figure), ``money``, ``pct``, ``times``, ``streak``,
# ``claim`` (a record), ``num`` (any other number). Order matters: the first alternative that matches wins.
FIGURE_PATTERNS: dict[str, re.Pattern] = {
    "en": re.compile(
        rf"(?P<when>\b(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*(?:19|20)\d{{2}})?\b"
        r"|\b(?:19|20)\d{2}(?:H[12]|Q[1-4]|M\d{2})?(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\d.,]*\s*(?:billion|million|trillion|percent|%|times)))"
        r"|(?P<money>[-−]?\$?\d[\d,]*(?:\.\d+)?\s*(?:trillion|billion|million)(?:\s+(?:US\s+)?dollars|\s+won)?|[-−]?\$\d[\d,]*(?:\.\d+)?)"
        r"|(?P<pct>[-−]?\d+(?:\.\d+)?\s*(?:%p|%|percentage\s+points?|percent))"
        r"|(?P<times>\d+(?:\.\d+)?\s*(?:times|-fold|fold)|\b(?:two|three|four|five|six|seven|eight|nine|ten)fold\b)"
        rf"|(?P<streak>\b(?:{_ORDINALS})\s+(?:straight|consecutive|successive)\s+(?:{_SPAN})\b"
        rf"|\b\d+\s+(?:straight|consecutive|successive)\s+(?:{_SPAN})\b)"
        r"|(?P<claim>\b(?:on\s+record|all-time\s+(?:high|low)|record(?=[\s-](?:high|low|half-year|annual|surplus|deficit|exports|imports))))"
        r"|(?P<num>\d[\d,]*(?:\.\d+)?)",
        re.IGNORECASE),
    "ko": re.compile(
        r"(?P<when>\d{1,2}월\s?\d{1,2}일|(?:19|20)\d{2}(?:\s?[~-]\s?(?:19|20)\d{2})?년(?:\s?(?:상반기|하반기|[1-4]분기|\d{1,2}월))?"
        r"|(?:19|20)\d{2}(?:H[12]|Q[1-4])?(?![\d.,]*\s?(?:조|억|만|달러|원|%|배)))"
        r"|(?P<money>[-−]?\d[\d,]*(?:\.\d+)?\s?(?:조|억|만)(?:\s?\d[\d,]*(?:\.\d+)?\s?(?:억|만))*\s?(?:달러|원)"
        r"|[-−]?\d[\d,]*(?:\.\d+)?\s?(?:달러|원))"
        r"|(?P<pct>[-−]?\d+(?:\.\d+)?\s?(?:%p|%|퍼센트포인트|퍼센트))"
        r"|(?P<times>\d+(?:\.\d+)?\s?배)"
        r"|(?P<streak>\d+\s?(?:개월|분기|반기|년|해)\s?(?:연속|째))"
        r"|(?P<claim>역대\s?(?:최대|최고|최저|최소)|사상\s?(?:최대|최고|최저|최소))"
        r"|(?P<num>\d[\d,]*(?:\.\d+)?)"),
}

# Words in a source cell's note that make a figure worth a second look.
WEAK_NOTE = re.compile(r"derived|rounded|\b(?:1|one)\s+(?:source|report)\b|single|disagree|minority|\bvs\.?(?=\s|$)"
                       r"|inconsistent|\bsays\b|\bgive[s]?\b.*\bsays?\b", re.IGNORECASE)

_SCALE_EN = {"trillion": Decimal(1_000_000), "billion": Decimal(1000), "million": Decimal(1)}
_SCALE_KO = {"조": Decimal(1_000_000), "억": Decimal(100), "만": Decimal("0.01")}
_AMOUNT_KEYS = ("value", "base_value", "delta", "child_value", "child_delta", "child_base_value", "since_value",
                "total", "with_delta", "against_delta")
_PERCENT_KEYS = ("percent", "share")
_MAIN = {"change": ("delta", "percent"), "driver": ("child_value", "child_delta", "share"),
         "composition": ("delta", "with_delta", "against_delta"), "record": ("value",)}


# -- explaining facts ------------------------------------------------------------------

def _n(value: Any) -> str:
    """A number as the page prints it: thousands separators, a real minus sign."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        text = f"{value:,}"
        return text.replace("-", "−")
    return str(value)


def _paren(value: Any) -> str:
    text = _n(value)
    return f"({text})" if text.startswith("−") else text


def explain(fact: Fact) -> str:
    """How a fact was computed from its cells, as arithmetic (values in millions of dollars)."""
    d = fact.data
    kind = fact.kind
    if fact.asserted:
        return f"asserted by an annotation, not derived from the figures: “{d.get('text', {}).get('en', '')}”"
    if kind == "level" and "value" in d:
        return f"level = {_n(d['value'])} (the published {d.get('metric', 'value')} of {fact.item}, {fact.period})"
    if kind == "change" and {"value", "base_value", "delta"} <= d.keys():
        text = (f"change = {_n(d['value'])} − {_paren(d['base_value'])} = {_n(d['delta'])} "
                f"({d.get('direction', '')}, {d.get('base_period', '')} → {fact.period}, {d.get('basis', '')})")
        if "percent" in d:
            text += f"; percent = {_n(d['delta'])} / {_n(abs(d['base_value']))} = {_n(d['percent'])}%"
        if d.get("from_rounded"):
            text += "; computed from rounded figures"
        return text
    if kind == "share" and {"value", "total", "percent"} <= d.keys():
        return f"share = {_n(d['value'])} / {_n(d['total'])} = {_n(d['percent'])}% of {d.get('of', '')} {d.get('metric', '')}"
    if kind == "multiple" and {"value", "base_value", "multiple"} <= d.keys():
        return (f"multiple = {_n(d['value'])} / {_n(d['base_value'])} = {_n(d['multiple'])}× "
                f"({d.get('base_period', '')} → {fact.period})")
    if kind == "record" and "extreme" in d:
        since = f"since {d['since']}" if d.get("since") else "on record (back to the series start)"
        text = f"record: {_n(d.get('value'))} is the {str(d['extreme']).replace('_', ' ')} {since}"
        if d.get("since_value") is not None:
            text += f"; the last at least as extreme was {_n(d['since_value'])} in {d['since']}"
        return text
    if kind == "streak" and "length" in d:
        still = "still running" if d.get("open") else "ended"
        return f"streak: {d['length']} periods in a row starting {d.get('start', '?')} ({still})" + (
            f"; {d['direction']}" if d.get("direction") else "")
    if kind == "driver" and "share" in d:
        if d.get("basis") == "level":
            return f"driver share = {_n(d.get('child_value'))} / {_n(d.get('value'))} = {_n(d['share'])}% ({d.get('child')} leads)"
        return f"driver share = {_n(d.get('child_delta'))} / {_n(d.get('delta'))} = {_n(d['share'])}% of the change ({d.get('child')} leads)"
    if kind == "rank" and "members" in d:
        members = "; ".join(f"{m['item']} {_n(m['value'])}" + (f" = {_n(m['share'])}%" if "share" in m else "")
                            for m in d["members"])
        return f"rank of {d.get('dimension')} by {d.get('extreme')}: {members}; main: {', '.join(d.get('main', []))}"
    if kind == "composition" and "with" in d:
        pull = " + ".join(f"{m['item']} {_paren(m['delta'])}" for m in d["with"])
        push = " + ".join(f"{m['item']} {_paren(m['delta'])}" for m in d["against"]) or "nothing"
        return (f"composition: {pull} = {_n(d.get('with_delta'))} outweighs {push} = {_n(d.get('against_delta'))}; "
                f"total change {_n(d.get('delta'))}")
    fields = ", ".join(f"{k} = {_n(v) if not isinstance(v, (list, dict)) else json.dumps(to_json(v), ensure_ascii=False)}"
                       for k, v in d.items())
    return f"{kind}: {fields}"


# -- figures in text --------------------------------------------------------------------

def find_figures(text: str, lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each figure, claim or date in ``text`` (kind is a group name of the pattern)."""
    pattern = FIGURE_PATTERNS.get(lang, FIGURE_PATTERNS["en"])
    return [(m.start(), m.end(), m.lastgroup or "num") for m in pattern.finditer(text)]


def _amount(text: str, lang: str, kind: str) -> Decimal | None:
    """The figure's value in the fact's units (millions of dollars, percent, times), or None."""
    clean = text.replace(",", "").replace("−", "-").replace("$", "")
    try:
        if kind == "money":
            if lang == "ko":
                parts = re.findall(r"(\d+(?:\.\d+)?)\s?(조|억|만)?", clean)
                total = sum(Decimal(num) * (_SCALE_KO[unit] if unit else Decimal("0.000001")) for num, unit in parts)
                return total
            m = re.search(r"(\d+(?:\.\d+)?)\s*(trillion|billion|million)?", clean, re.IGNORECASE)
            if not m:
                return None
            scale = _SCALE_EN[m.group(2).lower()] if m.group(2) else Decimal("0.000001")
            return Decimal(m.group(1)) * scale
        if kind in ("pct", "times", "streak", "num"):
            m = re.search(r"\d+(?:\.\d+)?", clean)
            return Decimal(m.group(0)) if m else None
    except (InvalidOperation, KeyError):
        return None
    return None


def _tolerance(text: str, lang: str, kind: str) -> Decimal:
    """Half a unit of the last digit shown (so "2.2 billion" matches 2,200 and 2,249)."""
    clean = text.replace(",", "")
    if kind == "money" and lang == "ko":
        last = re.findall(r"(\d+(?:\.\d+)?)\s?(조|억|만)?", clean)[-1]
        unit = _SCALE_KO.get(last[1], Decimal("0.000001"))
        decimals = len(last[0].split(".")[1]) if "." in last[0] else 0
        return unit * Decimal(10) ** -decimals / 2
    m = re.search(r"\d+(?:\.(\d+))?", clean)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    scale = Decimal(1)
    if kind == "money":
        unit = re.search(r"trillion|billion|million", clean, re.IGNORECASE)
        scale = _SCALE_EN[unit.group(0).lower()] if unit else Decimal("0.000001")
    return scale * Decimal(10) ** -decimals / 2


def _numbers(fact: Fact, keys: Iterable[str]) -> list[Decimal]:
    found: list[Decimal] = []

    def walk(data: Mapping[str, Any]) -> None:
        for key, value in data.items():
            if key in keys and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                found.append(Decimal(value))
            elif isinstance(value, (list, tuple)):
                for member in value:
                    if isinstance(member, Mapping):
                        walk(member)

    walk(fact.data)
    return found


def match_facts(text: str, lang: str, kind: str, facts: Iterable[Fact]) -> list[Fact]:
    """The sentence's facts that hold the figure ``text`` (by value, within its rounding); all of them if none does."""
    facts = list(facts)
    if kind == "claim":
        records = [f for f in facts if f.kind == "record"]
        return records or facts
    amount = _amount(text, lang, kind)
    if amount is None:
        return facts
    if kind == "pct":
        keys: tuple[str, ...] = _PERCENT_KEYS
    elif kind == "times":
        keys = ("multiple",)
    elif kind == "streak":
        keys = ("length",)
    else:
        keys = _AMOUNT_KEYS
    tolerance = _tolerance(text, lang, kind)

    def holds(fact: Fact, names: Iterable[str]) -> bool:
        return any(abs(abs(v) - abs(amount)) <= tolerance for v in _numbers(fact, tuple(names)))

    # What a fact of each kind mainly states (a change states its delta, not its end level):
    # facts stating the figure as their main number win over facts merely holding it.
    main = [f for f in facts if holds(f, set(keys) & set(_MAIN.get(f.kind, keys)))]
    return main or [f for f in facts if holds(f, keys)] or facts


def _is_heading_kind(kind: str) -> bool:
    return kind == "headline" or kind.endswith("_headline") or kind.endswith("_heading")


# -- where sentences sit in the markdown -------------------------------------------------

def sentence_positions(markdown: str, sentences: list["Sentence"], lang: str) -> list[tuple[int, int, int] | None]:
    """``(line, first column, last column)`` (1-based) of each sentence in the release file, found in order."""
    positions: list[tuple[int, int, int] | None] = []
    cursor = 0
    for sentence in sentences:
        text = sentence.texts.get(lang, sentence.text)
        at = markdown.find(text, cursor) if text else -1
        if at < 0:
            positions.append(None)
            continue
        line = markdown.count("\n", 0, at) + 1
        column = at - (markdown.rfind("\n", 0, at) + 1) + 1
        positions.append((line, column, column + len(text) - 1))
        cursor = at + len(text)
    return positions


def _heading_level(markdown: str, position: tuple[int, int, int] | None) -> int:
    if position is None:
        return 0
    line = markdown.splitlines()[position[0] - 1]
    m = re.match(r"(#{1,6})\s", line)
    return len(m.group(1)) if m else 0


def place_findings(findings: list["Finding"], positions: list[tuple[int, int, int] | None],
                   lines: list[int] | None = None) -> tuple[dict[int, list["Finding"]], list["Finding"]]:
    """Findings by sentence index (0-based), and those that fall in no sentence."""
    placed: dict[int, list["Finding"]] = {}
    left: list["Finding"] = []
    for finding in sorted(findings):
        index = None
        if lines is not None:
            index = next((i for i, line in enumerate(lines) if line == finding.line), None)
        else:
            on_line = [(i, p) for i, p in enumerate(positions) if p is not None and p[0] == finding.line]
            within = [i for i, p in on_line if p[1] <= finding.column <= p[2] + 1]
            if within:
                index = within[0]
            elif on_line:
                # between sentences on the line: the nearest one before the column
                before = [i for i, p in on_line if p[1] <= finding.column]
                index = before[-1] if before else on_line[0][0]
        if index is None:
            left.append(finding)
        else:
            placed.setdefault(index, []).append(finding)
    return placed, left


# -- the page ---------------------------------------------------------------------------

def _e(text: Any) -> str:
    # A synthetic page escapes some 10,000 strings, mostly the same item names, metrics and periods.
    text = str(text)
    found = _ESCAPED.get(text)
    if found is None:
        if len(_ESCAPED) >= 20_000:
            _ESCAPED.clear()
        found = _ESCAPED[text] = html.escape(text, quote=True)
    return found


_ESCAPED: dict[str, str] = {}


def _item_name(project: "Project", code: str, lang: str = "en") -> str:
    item = project.dataset.items.get(code) if hasattr(project.dataset.items, "get") else None
    if item is None:
        return code
    try:
        return item.name(lang)
    except (KeyError, AttributeError):
        return code


class _Cells:
    """The notes of dataset cells by (period, file, line, item, metric), for a source that does not carry its cell's note."""

    def __init__(self, project: "Project") -> None:
        # Only cells with a note, indexed once per dataset: a synthetic draft cites cells of
        # some 50 periods, and indexing each period's 1,000 cells for every draft was a
        # quarter of the page.
        self.notes: dict[tuple, str] = project.dataset.notes

    def note(self, source: Mapping[str, Any]) -> str:
        if source.get("note"):
            return str(source["note"])
        from .periods import Period

        try:
            period = str(Period.parse(str(source.get("period", ""))))
        except Exception:  # an unparsable period in a source: no note to find
            return ""
        key = (period, source.get("file"), source.get("line"), source.get("item"), source.get("metric"))
        try:
            return str(self.notes.get(key, "") or "")
        except TypeError:  # an unhashable value in a source: no cell has it
            return ""


def is_weak(note: str, metric: str | None = None) -> bool:
    """True when a cell's note says its figure is derived, rounded, single-sourced or disputed.

    A note that starts with a metric name ("exports: one report says …") concerns that
    metric only, not the other figures on the row.
    """
    if not note or not WEAK_NOTE.search(note):
        return False
    about = re.match(r"\s*(exports|imports|balance)\b", note, re.IGNORECASE)
    return about is None or metric is None or about.group(1).lower() == str(metric).lower()


def weak_reason(note: str, metric: str | None) -> str | None:
    """Why a figure deserves a second look, in the note's own words, or None for a sound one.

    A note that only lists two or more sources that agree ("5 sources: …", "Segye Ilbo; SBS;
    … (release 2025-12-02)") is provenance, not a warning: it stays in the Sources list and
    the review page. Flagged: one source, sources that disagree, derived or rounded figures.
    """
    counted = re.match(r"\s*(\d+) sources?\b", note)
    if counted:  # notes that count their sources: "N sources: A url; B url | flag: … | flag: …"
        flags = [part.strip() for part in note.split(" | ")[1:]]
        reasons = (["one source"] if int(counted.group(1)) == 1 else []) \
            + [f for f in flags if re.match(r"disagree|minority|inconsistent", f, re.IGNORECASE)]
        return "; ".join(reasons) or None
    if is_weak(note, metric):
        return note
    outlets = re.sub(r"\s*\(release [^)]*\)\s*$", "", note)
    if outlets != note and ";" not in outlets:  # a list of outlets with only one in it
        return f"one source: {outlets.strip()}"
    return None


def _source_text(source: Mapping[str, Any], note: str) -> tuple[str, str]:
    """(where, what) of one source: ``file:line`` and the cell it names."""
    if "annotation" in source:
        return f"{source['annotation']}:{source.get('line', '?')}", str(source.get("source", ""))
    what = f"{source.get('period', '')} {source.get('item', '')} {source.get('metric', '')} = {_n(source.get('value'))}"
    return f"{source.get('file', '?')}:{source.get('line', '?')}", what


def _stated(draft: "Draft") -> dict[str, Fact]:
    return {f.id: f for story in draft.story.values() for s in story.sentences() for f in s.facts}


def _attention(project: "Project", draft: "Draft", cells: _Cells, story_sentences: list["Sentence"],
               annotations_path: str) -> list[str]:
    """The "look at these first" list, as HTML ``<li>`` items."""
    items: list[str] = []
    stated = _stated(draft)
    for fact in stated.values():
        if fact.asserted:
            where, what = _source_text(fact.sources[0], "") if fact.sources else ("?", "")
            items.append(f'<li class="asserted"><strong>Asserted claim, not in the figures:</strong> '
                         f'<a href="#{_e(_card_id(draft, fact))}"><code>{_e(fact.id)}</code></a> '
                         f'“{_e(fact.get("text", {}).get("en", ""))}” — source: {_e(what)} '
                         f'<span class="where">({_e(where)})</span></li>')
    editor = [(n, s) for n, s in enumerate(story_sentences, start=1) if s.annotation is not None]
    if editor:
        rows = "".join(f'<li><a href="#s-{n}">#{n}</a> {_e(s.kind)} '
                       f'<span class="where">({_e(annotations_path)}:{_e(s.annotation.line)})</span></li>' for n, s in editor)
        items.append(f'<li class="editor"><strong>{len(editor)} sentences of editor\'s text</strong> (causes, remarks), '
                     f'not checked against the figures<details><summary>list</summary><ul>{rows}</ul></details></li>')
    weak: list[str] = []
    seen: set[tuple] = set()
    for fact in stated.values():
        for source in fact.sources:
            if "annotation" in source:
                continue
            note = cells.note(source)
            key = (source.get("file"), source.get("line"), source.get("metric"))
            # The same test as review.md: a note listing sources that agree is provenance, shown on
            # the figure's card, not a warning in this list.
            if note and key not in seen and weak_reason(note, source.get("metric")) is not None:
                seen.add(key)
                where, what = _source_text(source, note)
                weak.append(f'<li class="weak"><strong>Check this figure:</strong> {_e(what)} '
                            f'<span class="where">({_e(where)})</span> — note: <q>{_e(note)}</q>; used by '
                            f'<a href="#{_e(_card_id(draft, fact))}"><code>{_e(fact.id)}</code></a></li>')
    items.extend(weak)
    rounded = [f for f in stated.values() if f.get("from_rounded") and f.kind == "change"]
    if rounded:
        rows = "".join(f'<li><a href="#{_e(_card_id(draft, f))}"><code>{_e(f.id)}</code></a>: {_e(describe_fact(f))}</li>'
                       for f in rounded)
        items.append(f'<li class="rounded"><strong>{len(rounded)} changes computed from rounded figures</strong> '
                     f'(may differ from the publisher\'s own by one unit)<details><summary>list</summary>'
                     f'<ul>{rows}</ul></details></li>')
    for judgement in getattr(draft, "judgements", None) or []:
        items.append(f'<li class="judgement"><strong>Judgement call:</strong> {_e(judgement)}</li>')
    used = {(s.get("file"), s.get("line"), s.get("item"), s.get("metric"))
            for f in stated.values() for s in f.sources if "annotation" not in s}
    left_out = [c for c in project.dataset.cells_for(draft.period) if (c.path, c.line, c.item, c.metric) not in used]
    left_out.sort(key=lambda c: (c.path, c.line, c.metric))
    if left_out:
        rows = "".join(f'<li>{_e(_item_name(project, c.item))} <code>{_e(c.item)}</code> {_e(c.metric)} = {_e(_n(c.value))} '
                       f'<span class="where">({_e(c.path)}:{c.line})</span>'
                       + (f' — note: <q>{_e(c.note)}</q>' if c.note else "") + "</li>" for c in left_out)
        items.append(f'<li class="left-out"><strong>{len(left_out)} published figures of {_e(draft.period)} '
                     f'the draft does not use</strong><details><summary>list</summary><ul>{rows}</ul></details></li>')
    return items


def _card_id(draft: "Draft", fact: Fact) -> str:
    at = draft.facts.position(fact.id)
    return f"fact-{at + 1}" if at is not None else "fact-" + re.sub(r"[^A-Za-z0-9_-]", "-", fact.id)


def _fact_card(project: "Project", draft: "Draft", fact: Fact, cells: _Cells) -> str:
    metric = fact.get("metric", "")
    head = (f'<span class="kind">{_e(fact.kind)}{" (asserted)" if fact.asserted else ""}</span> '
            f'{_e(_item_name(project, fact.item))} <span class="ko" lang="ko">{_e(_item_name(project, fact.item, "ko"))}</span>'
            f'{" · " + _e(metric) if metric else ""}')
    sources = []
    for source in fact.sources:
        note = "" if "annotation" in source else cells.note(source)
        where, what = _source_text(source, note)
        flag = " weak" if is_weak(note, source.get("metric")) else ""
        sources.append(f'<li class="src{flag}"><code class="where">{_e(where)}</code> {_e(what)}'
                       + (f' <span class="note">note: {_e(note)}</span>' if note else "") + "</li>")
    return (f'<article class="fact" id="{_e(_card_id(draft, fact))}" data-id="{_e(fact.id)}">'
            f'<h3>{head}</h3><p class="fid"><code>{_e(fact.id)}</code></p>'
            f'<p class="stmt"><span class="lab">states</span> {_e(describe_fact(fact))}</p>'
            f'<p class="how"><span class="lab">computed</span> {_e(explain(fact))}</p>'
            f'<p class="lab">source cells</p><ul class="sources">{"".join(sources)}</ul></article>')


def _marked(text: str, lang: str, facts: tuple[Fact, ...]) -> tuple[str, int]:
    """The sentence as HTML with its figures marked, and how many figures were marked."""
    out: list[str] = []
    last = 0
    count = 0
    for start, end, kind in find_figures(text, lang):
        out.append(_e(text[last:start]))
        piece = text[start:end]
        if kind == "when":
            out.append(f'<mark class="when">{_e(piece)}</mark>')
        else:
            ids = " ".join(f.id for f in match_facts(piece, lang, kind, facts))
            out.append(f'<mark class="fig {kind}" tabindex="0" data-fact="{_e(ids)}">{_e(piece)}</mark>')
            count += 1
        last = end
    out.append(_e(text[last:]))
    return "".join(out), count


def _charts_section(charts: dict, langs: list[str]) -> str:
    """The draft's charts, both languages side by side; PNGs inline as data: URIs so the page stays one file."""
    import base64

    rows = ['<section id="charts"><h2>Charts</h2><table class="pairs charts"><tbody>']
    for chart_id in sorted(charts):
        cells = []
        for lang in langs:
            png = charts[chart_id].get(lang, {}).get("png")
            if png is None:
                cells.append(f'<td lang="{_e(lang)}" class="missing">(no chart)</td>')
                continue
            src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            cells.append(f'<td lang="{_e(lang)}"><img class="chart" alt="{_e(chart_id)}" src="{src}">'
                         f'<br><code>chart-{_e(chart_id)}.{_e(lang)}.svg</code></td>')
        rows.append(f'<tr id="chart-{_e(chart_id)}">{"".join(cells)}</tr>')
    rows.append("</tbody></table></section>")
    return "".join(rows)


def _finding_html(finding: "Finding") -> str:
    return (f'<li class="finding {_e(finding.level)}"><span class="lvl">{_e(finding.level)}</span> '
            f'<code>{finding.line}:{finding.column}</code> <code class="rule">{_e(finding.rule_id)}</code> '
            f'{_e(finding.message)}</li>')


def review_page(project: "Project", draft: "Draft", findings: dict[str, list["Finding"]] | None = None,
                lines: dict[str, list[int]] | None = None, charts: dict | None = None) -> str:
    """The review page of ``draft`` as one self-contained HTML5 document (deterministic).

    ``findings`` maps a language ("en", "ko") to the ``pressgen check`` findings of its
    release file; each is shown beside the sentence its line (and column) falls in. The
    sentences' lines are found in ``draft.releases``; ``lines`` (language → line of
    sentence n) overrides that. Findings that fall in no sentence are listed at the top.
    """
    findings = findings or {}
    langs = [lang for lang in ("en", "ko") if lang in draft.story] + [l for l in draft.story if l not in ("en", "ko")]
    first = draft.story[langs[0]]
    sentences = {lang: draft.story[lang].sentences() for lang in langs}
    count = len(sentences[langs[0]])
    annotations_path = first.annotations.path if first.annotations is not None else "annotations"
    cells = _Cells(project)
    positions = {lang: sentence_positions(draft.releases.get(lang, ""), sentences[lang], lang) for lang in langs}
    placed: dict[str, dict[int, list]] = {}
    unplaced: list[tuple[str, Any]] = []
    for lang in langs:
        placed[lang], left = place_findings(list(findings.get(lang, [])), positions[lang],
                                            (lines or {}).get(lang))
        unplaced.extend((lang, f) for f in left)
    for lang in findings:
        if lang not in langs:
            unplaced.extend((lang, f) for f in findings[lang])

    name = project.config.name.get("en", project.config.id) if isinstance(project.config.name, dict) else str(project.config.name)
    title = f"Review: {name}, {draft.period}"
    parts: list[str] = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="layout"><main>',
        f'<header><h1>{_e(title)}</h1><p class="meta">Generated by pressgen from inputs <code>{_e(draft.input_hash)}</code>. '
        "Values in the facts are in the data's units. Click or hover a "
        '<span class="legend fig">marked figure</span> to see the facts, source cells and arithmetic behind it; '
        '<span class="legend when">dates and periods</span> are not figures; '
        '<span class="legend editor">editor\'s text</span> is not checked against the figures.</p></header>',
        '<section id="first"><h2>Look at these first</h2>',
    ]
    attention = _attention(project, draft, cells, sentences[langs[0]], annotations_path)
    parts.append(f'<ul class="first">{"".join(attention)}</ul>' if attention
                 else "<p>Nothing: every statement is derived from the figures.</p>")
    total_findings = sum(len(v) for v in findings.values())
    if total_findings:
        parts.append(f'<p class="findings-count"><strong>{total_findings} check findings</strong>, shown beside their sentences'
                     + (f"; {len(unplaced)} could not be placed:" if unplaced else ".") + "</p>")
    if unplaced:
        parts.append('<ul class="findings unplaced">' + "".join(
            _finding_html(f).replace('<li class="finding', f'<li data-lang="{_e(lang)}" class="finding', 1)
            .replace("</code> <code class=\"rule\">", f" ({_e(lang)})</code> <code class=\"rule\">", 1)
            for lang, f in unplaced) + "</ul>")
    parts.append("</section>")

    parts.append('<section id="text"><h2>The release, sentence by sentence</h2>')
    parts.append('<table class="pairs"><thead><tr><th class="n">#</th>'
                 + "".join(f'<th lang="{_e(lang)}">{_e(LANG_NAMES.get(lang, lang))} '
                           f'<span class="file">release.{_e(lang)}.md</span></th>' for lang in langs)
                 + "</tr></thead><tbody>")
    mark_total = 0
    for i in range(count):
        row_sentences = [sentences[lang][i] if i < len(sentences[lang]) else None for lang in langs]
        lead = row_sentences[0]
        level = _heading_level(draft.releases.get(langs[0], ""), positions[langs[0]][i])
        heading = level > 0 or _is_heading_kind(lead.kind)
        classes = ["s"]
        if heading:
            classes.append(f"heading h{level or 2}")
        if lead.annotation is not None:
            classes.append("editor")
        facts_attr = " ".join(f.id for f in lead.facts)
        parts.append(f'<tr id="s-{i + 1}" class="{" ".join(classes)}" data-kind="{_e(lead.kind)}" data-facts="{_e(facts_attr)}">'
                     f'<td class="n"><a href="#s-{i + 1}">{i + 1}</a></td>')
        for lang, sentence in zip(langs, row_sentences):
            if sentence is None:
                parts.append(f'<td lang="{_e(lang)}" class="missing">(no sentence)</td>')
                continue
            text = sentence.texts.get(lang, sentence.text)
            body, marks = _marked(text, lang, sentence.facts)
            mark_total += marks
            cell = [f'<td lang="{_e(lang)}">']
            if sentence.annotation is not None:
                cell.append(f'<p class="label">editor\'s text — not checked against the figures '
                            f'<span class="where">({_e(annotations_path)}:{_e(sentence.annotation.line)})</span></p>')
            cell.append(f'<p class="text">{body}</p>')
            where = positions[lang][i]
            if where is not None:
                cell.append(f'<p class="pos">line {where[0]}</p>')
            own = placed[lang].get(i)
            if own:
                cell.append('<ul class="findings">' + "".join(_finding_html(f) for f in own) + "</ul>")
            cell.append("</td>")
            parts.append("".join(cell))
        parts.append("</tr>")
    parts.append("</tbody></table></section>")
    if charts:
        parts.append(_charts_section(charts, langs))

    stated = _stated(draft)
    parts.append(f'<section id="facts"><h2>Facts stated ({len(stated)})</h2><div class="cards">')
    for fact in draft.facts:
        if fact.id in stated:
            parts.append(_fact_card(project, draft, fact, cells))
    parts.append("</div></section>")
    parts.append(f'</main><aside id="panel" aria-live="polite" data-marks="{mark_total}">'
                 '<p class="hint">Click or hover a marked figure to see where it comes from.</p></aside></div>')
    parts.append('<pre id="selftest" hidden></pre>')
    parts.append(f"<script>{JS}</script>")
    parts.append("</body>")
    parts.append("</html>")
    return "\n".join(parts) + "\n"


CSS = """img.chart{max-width:100%;height:auto}
:root{--ink:#1d2330;--muted:#5b6472;--line:#dde1e8;--bg:#fbfbfc;--fig:#fff1b8;--fig-on:#ffd54a;--when:#e6eefc;
--editor:#f6f0ff;--warn:#b45309;--err:#b91c1c;--sug:#1d4ed8;
--sans:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic","NanumGothic","NanumBarunGothic",sans-serif}
*{box-sizing:border-box}
html{font-family:var(--sans);color:var(--ink);background:var(--bg);font-size:15px;line-height:1.55}
body{margin:0}
:lang(ko){word-break:keep-all;line-break:strict}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1.5rem;padding:1.25rem 1.5rem;max-width:110rem;margin:0 auto}
main{min-width:0}
h1{font-size:1.5rem;margin:.2rem 0 .4rem;line-height:1.25}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:.95rem;margin:0 0 .25rem}
.meta{color:var(--muted);margin:.2rem 0}
code{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
ul.first{padding-left:1.1rem;margin:.3rem 0}
ul.first>li{margin:.35rem 0}
ul.first li.asserted{border-left:4px solid var(--err);padding-left:.5rem;list-style:none;margin-left:-1.1rem}
ul.first li.weak{border-left:4px solid var(--warn);padding-left:.5rem;list-style:none;margin-left:-1.1rem}
details{display:inline}
details[open]{display:block}
summary{cursor:pointer;color:var(--sug);display:inline;margin-left:.4rem}
details ul{margin:.3rem 0 .3rem 1rem;padding-left:1rem;font-size:.92em}
.where{color:var(--muted);font-size:.88em}
q{font-style:italic}
table.pairs{width:100%;border-collapse:collapse;table-layout:fixed;background:#fff;border:1px solid var(--line)}
table.pairs th{position:sticky;top:0;background:#f1f3f7;text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);z-index:1}
table.pairs th.n,table.pairs td.n{width:2.6rem;text-align:right;color:var(--muted)}
table.pairs td{vertical-align:top;padding:.5rem .6rem;border-top:1px solid var(--line)}
table.pairs td.n a{color:var(--muted);text-decoration:none;font-size:.85em}
.file{font-weight:normal;color:var(--muted);font-size:.8em;margin-left:.4rem}
td p{margin:0}
td p.pos{color:var(--muted);font-size:.75em;margin-top:.2rem}
tr.heading td p.text{font-weight:700;font-size:1.05em;line-height:1.35}
tr.heading.h1 td p.text{font-size:1.2em}
tr.heading{background:#f8f9fb}
tr.editor td{background:var(--editor)}
tr.editor td p.text{font-style:italic;color:#3b3450}
tr.editor td[lang=ko] p.text{font-style:normal}
p.label{font-size:.75em;color:#6b21a8;text-transform:none;font-weight:600;margin-bottom:.15rem}
mark{border-radius:3px;padding:0 .12em;color:inherit}
mark.fig{background:var(--fig);cursor:pointer;box-shadow:inset 0 -2px 0 #e0b400}
mark.fig.claim{background:#ffe0e0;box-shadow:inset 0 -2px 0 #e07070}
mark.fig.num{box-shadow:inset 0 -2px 0 #999}
mark.fig:hover,mark.fig:focus,mark.fig.on{background:var(--fig-on);outline:none}
mark.when{background:var(--when)}
.legend{border-radius:3px;padding:0 .25em}
.legend.fig{background:var(--fig);box-shadow:inset 0 -2px 0 #e0b400}
.legend.when{background:var(--when)}
.legend.editor{background:var(--editor);font-style:italic}
ul.findings{list-style:none;margin:.35rem 0 0;padding:0;font-size:.85em}
li.finding{border-left:3px solid var(--sug);padding:.1rem .4rem;margin:.2rem 0;background:#f5f8ff}
li.finding.warning{border-color:var(--warn);background:#fff8ef}
li.finding.error{border-color:var(--err);background:#fff3f3}
li.finding .lvl{font-weight:700;text-transform:uppercase;font-size:.8em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.7rem}
article.fact{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .75rem;font-size:.9em}
article.fact .kind{display:inline-block;background:#eef1f6;border-radius:3px;padding:0 .35em;font-size:.85em;margin-right:.2rem}
article.fact .ko{color:var(--muted);font-weight:normal}
article.fact p{margin:.2rem 0}
article.fact .fid{color:var(--muted)}
article.fact .lab{display:inline-block;min-width:4.6rem;color:var(--muted);font-size:.78em;text-transform:uppercase;letter-spacing:.04em}
article.fact p.lab{margin:.35rem 0 0}
article.fact .how{background:#f4f7f2;border-radius:4px;padding:.25rem .45rem;font-variant-numeric:tabular-nums}
article.fact ul.sources{margin:.3rem 0 0;padding-left:1rem}
li.src.weak{color:var(--warn)}
.note{color:var(--warn)}
aside#panel{position:sticky;top:1.25rem;align-self:start;max-height:calc(100vh - 2.5rem);overflow:auto;background:#fff;
border:1px solid var(--line);border-radius:8px;padding:.8rem .9rem;box-shadow:0 2px 10px rgba(20,30,50,.08)}
aside#panel .hint{color:var(--muted)}
aside#panel .figure{font-size:1.25rem;font-weight:700;margin:0 0 .5rem}
aside#panel article.fact{border:none;padding:0;margin:.6rem 0 0;border-top:1px solid var(--line);padding-top:.6rem}
aside#panel .editor-note{color:#6b21a8}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside#panel{position:fixed;bottom:0;left:0;right:0;top:auto;max-height:45vh;border-radius:8px 8px 0 0}}
""".strip()

JS = r"""
(function(){
  "use strict";
  var panel = document.getElementById("panel");
  var cards = {};
  document.querySelectorAll("#facts article.fact").forEach(function(c){ cards[c.getAttribute("data-id")] = c; });
  var pinned = null;
  function show(mark){
    document.querySelectorAll("mark.fig.on").forEach(function(m){ m.classList.remove("on"); });
    mark.classList.add("on");
    panel.textContent = "";
    var fig = document.createElement("p"); fig.className = "figure"; fig.textContent = mark.textContent;
    panel.appendChild(fig);
    var row = mark.closest("tr");
    var where = document.createElement("p"); where.className = "where";
    where.textContent = "sentence " + (row ? row.id.replace("s-", "#") : "?") + " (" + (mark.closest("td") || {}).lang + ")";
    panel.appendChild(where);
    var ids = (mark.getAttribute("data-fact") || "").split(" ").filter(Boolean);
    if (!ids.length){
      var none = document.createElement("p"); none.className = "editor-note";
      none.textContent = row && row.classList.contains("editor")
        ? "Editor's text: not checked against the figures."
        : "No fact is attached to this sentence: check this figure by hand.";
      panel.appendChild(none);
    }
    ids.forEach(function(id){
      var card = cards[id];
      if (card){ panel.appendChild(card.cloneNode(true)).removeAttribute("id"); }
      else { var miss = document.createElement("p"); miss.textContent = "unknown fact " + id; panel.appendChild(miss); }
    });
  }
  document.addEventListener("click", function(ev){
    var mark = ev.target.closest ? ev.target.closest("mark.fig") : null;
    if (mark){ pinned = mark; show(mark); }
  });
  document.addEventListener("mouseover", function(ev){
    var mark = ev.target.closest ? ev.target.closest("mark.fig") : null;
    if (mark && !pinned){ show(mark); }
  });
  document.addEventListener("keydown", function(ev){
    if (ev.key === "Enter" && document.activeElement && document.activeElement.matches("mark.fig")){
      pinned = document.activeElement; show(pinned);
    } else if (ev.key === "Escape"){ pinned = null; }
  });
  if (location.hash === "#selftest"){
    var marks = Array.prototype.slice.call(document.querySelectorAll("#text mark.fig"));
    var unmarked = [];
    document.querySelectorAll("#text p.text").forEach(function(p){
      var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())){
        if (!node.parentNode.closest("mark") && /\d/.test(node.nodeValue)){ unmarked.push(node.nodeValue); }
      }
    });
    var out = {marks: marks.length, declared: Number(panel.getAttribute("data-marks")),
               when: document.querySelectorAll("#text mark.when").length,
               resources: performance.getEntriesByType("resource").map(function(e){ return e.name; }),
               unmarked: unmarked, missing: [], clicks: []};
    marks.forEach(function(m){
      m.click();
      (m.getAttribute("data-fact") || "").split(" ").filter(Boolean).forEach(function(id){
        if (!cards[id]) out.missing.push(id);
      });
      out.clicks.push({text: m.textContent, row: m.closest("tr").id, lang: m.closest("td").lang,
                       fact: m.getAttribute("data-fact"), panel: panel.textContent});
    });
    // Leave the panel showing the first amount, for a screenshot.
    var firstMoney = document.querySelector("#text mark.fig.money") || marks[0];
    if (firstMoney){ firstMoney.click(); }
    var pre = document.getElementById("selftest");
    pre.textContent = JSON.stringify(out);
    pre.setAttribute("data-done", "1");
  }
})();
""".strip()

__all__ = ["review_page", "explain", "find_figures", "match_facts", "sentence_positions", "place_findings",
           "FIGURE_PATTERNS", "WEAK_NOTE", "is_weak", "weak_reason"]
