"""A release markdown file read for checking: front matter, and prose sentences that know their place."""

from __future__ import annotations

import functools

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from markdown_it import MarkdownIt

from ..errors import InputError
from ..textfile import read_text
from ..yamlload import safe_load_bounded
from ..periods import Period
from .suppress import Directive, find_directives

LANGUAGES = ("en", "ko")

# Bare URLs are not prose: "www.asiae.co.kr" must not trip a wording or number rule.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"”’]")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs approx est inc corp co ltd jr sr fig figs dept "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al".split()
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
_SENTENCE_END = re.compile(r"[.?!]+[\"'”’)\]」』]*(?=\s|$)")
_HEADLINE_BREAK = re.compile(r"…|\.{3,}")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
# Inline HTML that is markup, not a leftover placeholder such as "<amount>".
_HTML_TAG = re.compile(
    r"^</?(?:a|abbr|b|br|cite|code|del|div|em|i|img|ins|kbd|mark|p|q|s|small|span|strong|sub|sup|u)\b[^>]*>$",
    re.IGNORECASE,
)
_KINDS_BY_CONTAINER = {
    "heading_open": "heading", "th_open": "table", "td_open": "table",
    "list_item_open": "list", "blockquote_open": "quote",
}


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline part) of prose, with the file position of every character.

    ``line``/``column`` are 1-based; columns count characters, so Hangul counts one each.
    Wrapped lines are joined with a single space in ``text``.
    """

    text: str
    line: int
    column: int
    kind: str
    level: int | None = None
    positions: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        """File ``(line, column)`` of the character at ``offset`` in ``text``; ``len(text)`` gives just past the end."""
        if not self.positions:
            return self.line, self.column
        if offset >= len(self.positions):
            line, column = self.positions[-1]
            return line, column + 1
        return self.positions[max(offset, 0)]


@dataclass(frozen=True)
class Document:
    """A release file: display ``path``, ``front_matter``, ``language``, ``sentences`` and raw ``lines``."""

    path: str
    front_matter: dict[str, Any]
    language: str
    sentences: tuple[Sentence, ...]
    lines: tuple[str, ...]
    suppressions: tuple[Directive, ...] = ()
    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False

    @property
    def release(self) -> str | None:
        value = self.front_matter.get("release")
        return None if value is None else str(value)

    @property
    def period(self) -> str | None:
        value = self.front_matter.get("period")
        return None if value is None else str(value)

    @property
    def period_kind(self) -> str | None:
        """``year``, ``half`` or ``quarter`` for the front matter period; None when absent or unreadable."""
        if self.period is None:
            return None
        try:
            return Period.parse(self.period).kind_name
        except ValueError:
            return None


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Building the parser (rule chains, regexes) costs more than parsing a release.
    return MarkdownIt("commonmark").enable("table")


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse a release file; ``display`` is the path shown in findings.

    Raises InputError when the file is missing, binary, not UTF-8 (a BOM is fine),
    or its front matter is not a YAML mapping.
    """
    shown = display or str(path)
    return parse_document(read_text(path, shown, InputError, "a markdown release", "check the path; pass .md files"), shown)


def parse_document(text: str, display: str) -> Document:
    """Parse release markdown held in memory; see ``read_document``."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("file is binary, not a markdown release", path=display)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    front, body_start = _front_matter(lines, display)
    # Blank out the front matter instead of cutting it, so token line numbers are file line numbers.
    markdown_lines = [""] * body_start + lines[body_start:]
    tokens = _parser().parse("\n".join(markdown_lines) + "\n")
    code_lines = {n + 1 for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    sentences = tuple(_sentences(tokens, markdown_lines))
    return Document(
        path=display,
        front_matter=front,
        language=_language(front, sentences, lines, display),
        sentences=sentences,
        lines=tuple(lines),
        suppressions=find_directives(markdown_lines, code_lines),
        body="\n".join(lines[body_start:]) + ("\n" if len(lines) > body_start else ""),
        body_line=body_start + 1,
        has_front_matter=body_start > 0,
    )


def _front_matter(lines: list[str], display: str) -> tuple[dict[str, Any], int]:
    """The front matter mapping and the 0-based index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        raise InputError(
            "front matter opened on line 1 is never closed", path=display, line=1, column=1,
            hint="end the YAML block with a line '---'",
        )
    try:
        data = safe_load_bounded("\n".join(lines[1:end]), display)  # bounded: an alias bomb fails fast
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(
            f"front matter is not valid YAML: {exc.problem or exc.context}",
            path=display, line=mark.line + 2 if mark else 1, column=mark.column + 1 if mark else None,
            hint=getattr(exc, "hint", None) or "check indentation, colons and quotes in the block between the '---' lines",
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"front matter is not valid YAML: {exc}", path=display, line=1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", path=display, line=2, column=1)
    return data, end + 1


def _language(front: dict[str, Any], sentences: Iterable[Sentence], lines: list[str], display: str) -> str:
    declared = front.get("language")
    if declared is None:
        prose = " ".join(s.text for s in sentences)
        hangul, latin = len(_HANGUL.findall(prose)), len(_LATIN.findall(prose))
        return "ko" if hangul and hangul >= 0.3 * (hangul + latin) else "en"
    code = re.split(r"[-_]", str(declared).strip().lower())[0]
    if code not in LANGUAGES:
        line = next((n for n, text in enumerate(lines, 1) if re.match(r"language\s*:", text)), 1)
        raise InputError(
            f"front matter language '{declared}' is not supported; expected one of {', '.join(LANGUAGES)}",
            path=display, line=line, column=1, value=declared,
        )
    return code


class _Stream:
    """Source lines of one block, to find where markdown-it's unlocated inline text came from.

    markdown-it gives line ranges for blocks only; inline text is located by searching
    forward from a cursor, skipping markers (``>``, ``-``, ``**``, escapes, entities).
    """

    def __init__(self, lines: list[str], start: int, end: int) -> None:
        self.key = (start, end)
        self.text = "\n".join(lines[start:end])
        self.first = start
        self.starts = [0]
        for line in lines[start:end - 1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.cursor = 0

    def pos(self, index: int) -> tuple[int, int]:
        index = max(0, min(index, len(self.text)))
        k = bisect.bisect_right(self.starts, index) - 1
        return self.first + k + 1, index - self.starts[k] + 1

    def _run(self, at: int, length: int) -> list[tuple[int, int]]:
        """Positions of ``length`` consecutive characters from ``at``: one bisect, then counting."""
        line, column = self.pos(at)
        out = []
        text = self.text
        for index in range(at, at + length):
            out.append((line, column))
            if text[index] == "\n":
                line, column = line + 1, 1
            else:
                column += 1
        return out

    def align(self, content: str) -> list[tuple[int, int]]:
        at = self.text.find(content, self.cursor) if content else -1
        if at >= 0:
            self.cursor = at + len(content)
            return self._run(at, len(content))
        out = []
        for ch in content:
            at = self.text.find(ch, self.cursor)
            if at < 0:
                out.append(self.pos(self.cursor))
            else:
                out.append(self.pos(at))
                self.cursor = at + 1
        return out

    def seek(self, marker: str) -> tuple[int, int]:
        """Move past the next ``marker`` and return where it started."""
        at = self.text.find(marker, self.cursor)
        if at < 0:
            return self.pos(self.cursor)
        self.cursor = at + len(marker)
        return self.pos(at)

    def skip_destination(self) -> None:
        """Move past a link's ``](url "title")`` or ``][ref]`` so their text is not mistaken for prose."""
        text, i = self.text, self.cursor
        if text.startswith("](", i):
            depth, quote, i = 1, "", i + 2
            while i < len(text) and depth:
                ch = text[i]
                if quote:
                    quote = "" if ch == quote else quote
                elif ch in "\"'":
                    quote = ch
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                i += 1
            self.cursor = i
        elif text.startswith("][", i):
            end = text.find("]", i + 2)
            self.cursor = end + 1 if end >= 0 else i + 1
        elif text.startswith("]", i):
            self.cursor = i + 1


def _sentences(tokens: list, lines: list[str]) -> Iterable[Sentence]:
    stack: list[Any] = []
    stream: _Stream | None = None
    for token in tokens:
        if token.nesting == 1:
            stack.append(token)
        elif token.nesting == -1 and stack:
            stack.pop()
        if token.type != "inline" or not token.map:
            continue
        if stream is None or stream.key != tuple(token.map):
            stream = _Stream(lines, *token.map)  # table cells of one row share a stream
        chars: list[tuple[str, tuple[int, int]]] = []
        _walk(token.children or [], stream, chars)
        kind, level = "paragraph", None
        for opened in reversed(stack):
            if opened.type in _KINDS_BY_CONTAINER:
                kind = _KINDS_BY_CONTAINER[opened.type]
                level = int(opened.tag[1]) if kind == "heading" else None
                break
        yield from _split(_collapse(chars), kind, level)


def _walk(children: list, stream: _Stream, chars: list, emit: bool = True) -> None:
    autolink = False
    for child in children:
        kind = child.type
        if kind == "text":
            positions = stream.align(child.content)
            if emit and not autolink:
                urls = [(m.start(), m.end()) for m in _URL.finditer(child.content)]
                if not urls:
                    chars.extend(zip(child.content, positions))
                else:
                    dropped = {i for start, end in urls for i in range(start, end)}
                    chars.extend((c, p) for i, (c, p) in enumerate(zip(child.content, positions)) if i not in dropped)
        elif kind in ("softbreak", "hardbreak"):
            where = stream.seek("\n")
            if emit:
                chars.append((" ", where))
        elif kind == "code_inline":
            where = stream.seek(child.markup)
            stream.seek(child.markup)
            if emit:
                chars.append((" ", where))  # keeps the words on either side apart
        elif kind == "html_inline":
            where = stream.seek(child.content)
            if emit and not child.content.startswith("<!--") and not _HTML_TAG.match(child.content):
                chars.extend((c, (where[0], where[1] + i)) for i, c in enumerate(child.content))
        elif kind == "image":
            stream.seek("![")
            _walk(child.children or [], stream, chars, emit=False)
            stream.skip_destination()
        elif kind == "link_open":
            autolink = child.markup == "autolink"
        elif kind == "link_close":
            if autolink:
                stream.seek(">")
            else:
                stream.skip_destination()
            autolink = False


def _collapse(chars: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    append = out.append
    last_space = True  # no leading space
    for item in chars:
        if item[0].isspace():
            if not last_space:
                append((" ", item[1]))
                last_space = True
        else:
            append(item)
            last_space = False
    while out and out[-1][0] == " ":
        out.pop()
    return out


def _split(chars: list[tuple[str, tuple[int, int]]], kind: str, level: int | None) -> Iterable[Sentence]:
    text = "".join(c for c, _ in chars)
    for start, end in (_headline_parts(text) if kind == "heading" else _sentence_spans(text)):
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            positions = tuple(p for _, p in chars[start:end])
            yield Sentence(text[start:end], positions[0][0], positions[0][1], kind, level, positions)


def _headline_parts(text: str) -> list[tuple[int, int]]:
    """Headlines are one sentence each, but ``…`` joins separate headline parts."""
    spans, start = [], 0
    for m in _HEADLINE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split after ``.?!`` followed by a space; not in ``4.53``, ``U.S.``, ``e.g.``, ``No. 1``."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and len(m.group().rstrip("\"'”’)]」』")) == 1 and _is_abbreviation(text, m.start()):
            continue
        following = text[m.end():].lstrip()
        if following[:1].isascii() and following[:1].islower():
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[\w.]+$", text[:dot])
    if not word:
        return False
    token = word.group()
    return token.lower() in _ABBREVIATIONS or bool(_INITIALS.match(token))
