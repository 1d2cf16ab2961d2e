"""The file position of every character of a sentence, kept as runs.

A sentence's characters mostly stand side by side on one source line, so their positions are
stored as runs: where in the text a run starts, and the line and column of its first character.
Profiled on a 1 MB release, building one ``(line, column)`` tuple per character (and copying
those lists through collapsing and splitting) was half of reading the markdown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence


class Runs(Sequence):
    """A sequence of ``(line, column)``, one per character, stored as runs of consecutive columns."""

    __slots__ = ("starts", "lines", "columns", "length")

    def __init__(self, starts: list[int], lines: list[int], columns: list[int], length: int) -> None:
        self.starts, self.lines, self.columns, self.length = starts, lines, columns, length

    @classmethod
    def run(cls, line: int, column: int, length: int) -> "Runs":
        """``length`` characters from ``(line, column)`` on, on one line."""
        return cls([0], [line], [column], length) if length > 0 else EMPTY

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, int]]) -> "Runs":
        """Runs of any positions, one per character."""
        starts: list[int] = []
        lines: list[int] = []
        columns: list[int] = []
        n = 0
        last_line = last_column = None
        for line, column in pairs:
            if line != last_line or column != last_column + 1:
                starts.append(n)
                lines.append(line)
                columns.append(column)
            last_line, last_column = line, column
            n += 1
        return cls(starts, lines, columns, n)

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.length)
            if step != 1:
                return tuple(self)[index]
            return self.cut(start, stop)
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError("position index out of range")
        k = bisect_right(self.starts, index) - 1
        return self.lines[k], self.columns[k] + index - self.starts[k]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        ends = [*self.starts[1:], self.length]
        for start, end, line, column in zip(self.starts, ends, self.lines, self.columns):
            for c in range(column, column + end - start):
                yield line, c

    def __eq__(self, other) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == tuple(b) for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # mutable-looking sequence compared by value; never a dict key

    def __repr__(self) -> str:
        return f"Runs({list(zip(self.starts, self.lines, self.columns))!r}, length={self.length})"

    def cut(self, start: int, stop: int) -> "Runs":
        """Characters ``start`` to ``stop`` (already within bounds)."""
        if stop <= start:
            return EMPTY
        if start == 0 and stop == self.length:
            return self
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, stop - 1)
        starts = [max(s - start, 0) for s in self.starts[first:last]]
        columns = self.columns[first:last]
        if self.starts[first] < start:
            columns[0] += start - self.starts[first]
        return Runs(starts, self.lines[first:last], columns, stop - start)


EMPTY = Runs([], [], [], 0)


class RunsBuilder:
    """Runs joined end to end, as the pieces of a sentence are added."""

    __slots__ = ("starts", "lines", "columns", "length")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        self.length = 0

    def add(self, runs: Runs) -> None:
        if not runs.length:
            return
        shift = self.length
        starts, lines, columns = runs.starts, runs.lines, runs.columns
        i = 0
        # A run that goes on where the last one stopped (same line, next column) is the same run.
        if self.starts and lines[0] == self.lines[-1] and columns[0] == self.columns[-1] + shift - self.starts[-1]:
            i = 1
        self.starts.extend(s + shift for s in starts[i:])
        self.lines.extend(lines[i:])
        self.columns.extend(columns[i:])
        self.length += runs.length

    def add_one(self, line: int, column: int) -> None:
        self.add(Runs.run(line, column, 1))

    def build(self) -> Runs:
        return Runs(self.starts, self.lines, self.columns, self.length) if self.length else EMPTY


def joined(pieces: Iterable[Runs]) -> Runs:
    builder = RunsBuilder()
    for piece in pieces:
        builder.add(piece)
    return builder.build()


__all__ = ["Runs", "RunsBuilder", "EMPTY", "joined"]
