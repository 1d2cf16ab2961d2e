"""A one-line progress display on a terminal; silent when output goes to a file or CI."""

from __future__ import annotations

import os
import sys


class Progress:
    """``[3/7] 2024H2`` rewritten in place on stderr when it is a terminal and not in CI."""

    def __init__(self, total: int, *, enabled: bool = True, stream=None) -> None:
        self.total = total
        self.count = 0
        self.stream = stream or sys.stderr
        self.live = enabled and self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled

    def step(self, label: str) -> None:
        self.count += 1
        if self.live:
            self.stream.write(f"\r\x1b[2K[{self.count}/{self.total}] {label}")
            self.stream.flush()

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def done(self, message: str) -> None:
        self.clear()
        if self.enabled:
            print(message, file=self.stream)
