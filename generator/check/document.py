"""A release markdown file read for checking: front matter, and prose sentences that know their place."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml
from markdown_it import MarkdownIt

from ..errors import InputError
from ..paths import read_bytes_capped
from ..textfile import MAX_TEXT_BYTES
from ..yamlload import safe_load_bounded
from ..periods import Period
from .positions import EMPTY, Runs, RunsBuilder
from .suppress import Directive, find_directives

LANGUAGES = ("en", "ko")

# Bare URLs are not prose: "www.asiae.co.kr" must not trip a wording or number rule.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"”’]")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs approx est inc corp co ltd jr sr fig figs dept "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al".split()
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
_WORD_CHAR = re.compile(r"[\w.]")
_NON_SPACE = re.compile(r"\S")
_ODD_SPACES = re.compile(r"\s\s+|[^\S ]")
_SENTENCE_END = re.compile(r"[.?!]+[\"'”’)\]」』]*(?=\s|$)")
_HEADLINE_BREAK = re.compile(r"…|\.{3,}")
# See _pieces: far above any real sentence, low enough that a run-on one costs little.
MAX_SENTENCE = 1200
# A character that may belong to a figure: digits, separators, Korean number units, units.
_NUMBERISH = re.compile(r"[\d.,%$₩억조만천백십원달러불]")
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
    positions: Sequence[tuple[int, int]] = field(default=(), repr=False, compare=False)

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
    """A release file: display ``path``, ``front_matter``, ``language``, ``sentences`` and raw ``lines``.

    ``lines`` and ``sentences`` are in NFC; sentence positions are the file's columns.
    ``source_lines`` holds the lines as the file has them when NFC changed any (else it is
    empty); ``file_lines`` gives whichever is the file's own.
    """

    path: str
    front_matter: dict[str, Any]
    language: str
    sentences: tuple[Sentence, ...]
    lines: tuple[str, ...]
    suppressions: tuple[Directive, ...] = ()
    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False
    source_lines: tuple[str, ...] = ()

    @property
    def file_lines(self) -> tuple[str, ...]:
        return self.source_lines or self.lines

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


# markdown-it stops reading (silently) below its nesting limit, 20 in the commonmark preset:
# a list ten deep or a quote twenty deep would go unchecked. Its block parser recurses, so
# depth is bounded by Python's recursion limit instead, and exceeding that is an input error.
_MAX_NESTING = 100_000


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Building the parser (rule chains, regexes) costs more than parsing a release.
    return MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse a release file; ``display`` is the path shown in findings.

    Raises InputError when the file is missing, binary, not UTF-8 (a BOM is fine),
    or its front matter is not a YAML mapping.
    """
    shown = display or str(path)
    # Not ``textfile.read_text``: that returns NFC, and findings must point at the file's own
    # columns, which ``parse_document`` maps when it composes decomposed lines itself.
    raw = read_bytes_capped(Path(path), shown, MAX_TEXT_BYTES, error=InputError, what="a markdown release")
    if b"\x00" in raw:
        raise InputError("file is binary, not a markdown release", path=shown, hint="check the path; pass .md files")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("file is not UTF-8 text", path=shown, line=line, hint="save the file as UTF-8") from None
    return parse_document(text, shown)


def parse_document(text: str, display: str) -> Document:
    """Parse release markdown held in memory; see ``read_document``."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("file is binary, not a markdown release", path=display)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # Rules and figures are written in NFC; decomposed Hangul (NFD, as some macOS tools save
    # it) would match none of them. Text is read in NFC, but findings point at the file's own
    # columns: ``column_maps`` maps NFC columns of the lines that changed back to the file.
    column_maps: dict[int, list[int]] = {}
    source_lines = tuple(lines)
    for index, line in enumerate(lines):
        if not line.isascii() and not unicodedata.is_normalized("NFC", line):
            lines[index], column_maps[index + 1] = _nfc_with_columns(line)
    front, body_start = _front_matter(lines, display)
    # Blank out the front matter instead of cutting it, so token line numbers are file line numbers.
    markdown_lines = [""] * body_start + lines[body_start:]
    try:
        tokens = _parser().parse("\n".join(markdown_lines) + "\n")
    except RecursionError:
        raise InputError(
            "markdown is nested too deeply to read (lists, block quotes or links hundreds of levels deep)",
            path=display, hint="flatten the nesting; nothing in this file was checked",
        ) from None
    code_lines = {n + 1 for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    sentences = tuple(_sentences(tokens, markdown_lines))
    directives = find_directives(markdown_lines, code_lines)
    if column_maps:
        sentences = tuple(_file_columns(s, column_maps) for s in sentences)
        directives = tuple(replace(d, column=_file_column(column_maps, d.line, d.column)) for d in directives)
    return Document(
        path=display,
        front_matter=front,
        language=_language(front, sentences, lines, display),
        sentences=sentences,
        lines=tuple(lines),
        suppressions=directives,
        body="\n".join(lines[body_start:]) + ("\n" if len(lines) > body_start else ""),
        body_line=body_start + 1,
        has_front_matter=body_start > 0,
        source_lines=source_lines if column_maps else (),
    )


def _nfc_with_columns(line: str) -> tuple[str, list[int]]:
    """``line`` in NFC, and for each NFC character (and one past the end) its 1-based column in ``line``.

    A character composed from several (a Hangul syllable from its jamo) takes the column
    of the first of them.
    """
    # Chunks start at characters of combining class 0; neighbouring chunks that compose
    # together (Hangul jamo all have class 0) are merged, so each chunk normalises alone.
    chunks: list[list] = []  # [start, original, nfc]
    start = 0
    for end in range(1, len(line) + 1):
        if end < len(line) and unicodedata.combining(line[end]):
            continue
        piece = line[start:end]
        nfc = unicodedata.normalize("NFC", piece)
        if chunks:
            last = chunks[-1]
            joined = unicodedata.normalize("NFC", last[1] + piece)
            if joined != last[2] + nfc:
                last[1] += piece
                last[2] = joined
                start = end
                continue
        chunks.append([start, piece, nfc])
        start = end
    whole = unicodedata.normalize("NFC", line)
    if "".join(c[2] for c in chunks) != whole:
        chunks = [[0, line, whole]]  # not expected; coarse but never wrong about the text
    columns: list[int] = []
    for start, original, nfc in chunks:
        if len(nfc) == len(original):
            columns.extend(range(start + 1, start + 1 + len(nfc)))
        else:
            columns.extend(repeat(start + 1, len(nfc)))
    columns.append(len(line) + 1)
    return whole, columns


def _file_column(column_maps: dict[int, list[int]], line: int, column: int) -> int:
    columns = column_maps.get(line)
    if columns is None:
        return column
    if column - 1 < len(columns):
        return columns[max(column - 1, 0)]
    return columns[-1] + column - len(columns)


def _file_columns(sentence: Sentence, column_maps: dict[int, list[int]]) -> Sentence:
    if not any(line in column_maps for line in range(sentence.positions[0][0], sentence.positions[-1][0] + 1)):
        return sentence
    positions = tuple((line, _file_column(column_maps, line, column)) for line, column in sentence.positions)
    return replace(sentence, column=positions[0][1], positions=positions)


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


# How far past the cursor a text token's source may start (markup, indentation, quote
# markers of a deep nesting) or one character of it may lie (an escape, an entity): bounded
# so that text which is not in the source verbatim costs its length, not the block's.
_GAP = 4096
_CHAR_GAP = 64
_CHUNK = 64


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

    def _run(self, at: int, length: int) -> Runs:
        """Positions of ``length`` consecutive characters from ``at``: a run per line they are on
        (a line's newline is its last column)."""
        line, column = self.pos(at)
        end = at + length
        if self.text.find("\n", at, end) < 0:
            return Runs.run(line, column, length)
        starts = self.starts
        k = bisect.bisect_right(starts, at) - 1
        out_starts, lines, columns = [], [], []
        index = at
        while index < end:
            out_starts.append(index - at)
            lines.append(self.first + k + 1)
            columns.append(index - starts[k] + 1)
            k += 1
            if k >= len(starts):
                break
            index = starts[k]
        return Runs(out_starts, lines, columns, length)

    def _positions(self, indices: Iterable[int]) -> Runs:
        """Positions of ascending indices into ``text``, walking the line starts once."""
        starts, out = self.starts, []
        k, following = 0, starts[1] if len(starts) > 1 else len(self.text) + 1
        for index in indices:
            while index >= following and k + 1 < len(starts):
                k += 1
                following = starts[k + 1] if k + 1 < len(starts) else len(self.text) + 1
            out.append((self.first + k + 1, index - starts[k] + 1))
        return Runs.of(out)

    def align(self, content: str) -> Runs:
        if not content:
            return EMPTY
        text, cursor = self.text, self.cursor
        at = text.find(content, cursor, cursor + len(content) + _GAP)
        if at >= 0:
            self.cursor = at + len(content)
            return self._run(at, len(content))
        # Not verbatim (escapes, entities): match chunk by chunk, else character by character.
        indices: list[int] = []
        i, n = 0, len(content)
        while i < n:
            chunk = content[i:i + _CHUNK]
            if text.startswith(chunk, cursor):
                indices.extend(range(cursor, cursor + len(chunk)))
                cursor += len(chunk)
                i += len(chunk)
                continue
            at = text.find(content[i], cursor, cursor + _CHAR_GAP)
            if at < 0:
                indices.append(min(cursor, len(text)))
            else:
                indices.append(at)
                cursor = at + 1
            i += 1
        self.cursor = cursor
        return self._positions(indices)

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


class _Prose:
    """Characters of one inline run and their file positions, kept side by side."""

    __slots__ = ("pieces", "positions")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.positions = RunsBuilder()

    def add(self, text: str, positions: Runs) -> None:
        self.pieces.append(text)
        self.positions.add(positions)


def _sentences(tokens: list, lines: list[str]) -> Iterable[Sentence]:
    """Sentences of every inline token, whatever containers (lists, quotes, tables) hold it.

    The token stream is flat, so containers at any depth are reached; the innermost one
    names the sentence's kind.
    """
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
        prose = _Prose()
        _walk(token.children or [], stream, prose)
        kind, level = "paragraph", None
        for opened in reversed(stack):
            if opened.type in _KINDS_BY_CONTAINER:
                kind = _KINDS_BY_CONTAINER[opened.type]
                level = int(opened.tag[1]) if kind == "heading" else None
                break
        text, positions = _collapse("".join(prose.pieces), prose.positions.build())
        yield from _split(text, positions, kind, level)


def _walk(children: list, stream: _Stream, prose: _Prose, emit: bool = True) -> None:
    autolink = False
    for child in children:
        kind = child.type
        if kind == "text":
            content = child.content
            positions = stream.align(content)
            if emit and not autolink:
                if not _URL.search(content):
                    prose.add(content, positions)
                else:
                    last = 0
                    for m in _URL.finditer(content):
                        prose.add(content[last:m.start()], positions[last:m.start()])
                        last = m.end()
                    prose.add(content[last:], positions[last:])
        elif kind in ("softbreak", "hardbreak"):
            where = stream.seek("\n")
            if emit:
                prose.add(" ", Runs.run(*where, 1))
        elif kind == "code_inline":
            where = stream.seek(child.markup)
            stream.seek(child.markup)
            if emit:
                prose.add(" ", Runs.run(*where, 1))  # keeps the words on either side apart
        elif kind == "html_inline":
            where = stream.seek(child.content)
            if emit and not child.content.startswith("<!--") and not _HTML_TAG.match(child.content):
                prose.add(child.content, Runs.run(where[0], where[1], len(child.content)))
        elif kind == "image":
            stream.seek("![")
            _walk(child.children or [], stream, prose, emit=False)
            stream.skip_destination()
        elif kind == "link_open":
            autolink = child.markup == "autolink"
        elif kind == "link_close":
            if autolink:
                stream.seek(">")
            else:
                stream.skip_destination()
            autolink = False


def _collapse(text: str, positions: Runs) -> tuple[str, Runs]:
    """Whitespace runs become one space, placed where the run starts; none at either end."""
    # Only runs that are not already a single plain space need rewriting; prose has few.
    pieces: list[str] = []
    kept = RunsBuilder()
    last = 0
    # Every whitespace character but the plain space is unprintable, so a printable text
    # without a double space has nothing to collapse: two scans in C instead of the pattern's.
    odd = () if text.isprintable() and "  " not in text else _ODD_SPACES.finditer(text)
    for m in odd:
        start, end = m.span()
        pieces.append(text[last:start])
        pieces.append(" ")
        kept.add(positions.cut(last, start + 1))  # the space takes the place of the run's first character
        last = end
    if last == 0:
        out = positions
    else:
        pieces.append(text[last:])
        kept.add(positions.cut(last, len(text)))
        text = "".join(pieces)
        out = kept.build()
    begin, end = 0, len(text)
    if text.startswith(" "):
        begin = 1
    if end > begin and text.endswith(" "):
        end -= 1
    if (begin, end) != (0, len(text)):
        return text[begin:end], out[begin:end]
    return text, out


def _split(text: str, positions: Runs, kind: str, level: int | None) -> Iterable[Sentence]:
    for start, end in (_headline_parts(text) if kind == "heading" else _sentence_spans(text)):
        for start, end in _pieces(text, start, end):
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                first = positions[start]
                yield Sentence(text[start:end], first[0], first[1], kind, level, positions.cut(start, end))


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """A sentence, or a run-on "sentence" longer than ``MAX_SENTENCE`` in pieces of at most that.

    Reading a figure looks across its whole sentence (its item, base, direction words), so
    one sentence of thousands of figures (a pasted table, a list with no full stops, Korean
    without spaces) cost the square of its length: 15 KB of amounts took 15 s. Real
    sentences stay far below the limit (the longest in the drafts and the corpus is under
    500 characters) and are read whole; a longer one is cut after its last clause mark
    (``;``, ``,``) or space before the limit, else between two characters that are not
    part of one number."""
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        yield start, cut
        start = cut
    yield start, end


def _cut(text: str, start: int, limit: int) -> int:
    floor = start + MAX_SENTENCE // 2
    for mark in ("; ", ", "):
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + len(mark)
    at = text.rfind(" ", floor, limit)
    while at > floor and _NUMBERISH.match(text[at - 1]):  # not inside "$4.53 billion", "45억 3천만 달러"
        at = text.rfind(" ", floor, at)
    if at > floor:
        return at + 1
    for at in range(limit, floor, -1):
        if not (_NUMBERISH.match(text[at - 1]) or _NUMBERISH.match(text[at])):
            return at
    return limit


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
        # Look only at the next visible character: slicing the rest of the text at every
        # full stop made a long paragraph quadratic.
        following = _NON_SPACE.search(text, m.end())
        if following and following.group().isascii() and following.group().islower():
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    # Walk back over the word before the dot; a regex anchored at the end of ``text[:dot]``
    # would rescan the paragraph from its start at every full stop.
    begin = dot
    while begin > 0 and _WORD_CHAR.match(text, begin - 1):
        begin -= 1
    if begin == dot:
        return False
    token = text[begin:dot]
    return token.lower() in _ABBREVIATIONS or bool(_INITIALS.match(token))
