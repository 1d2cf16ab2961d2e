"""Domain exceptions: the library raises these, only the CLI turns them into text and exit codes."""

from __future__ import annotations

from pathlib import Path


class GeneratorError(Exception):
    """Base class for every error a user can cause and fix.

    ``str(err)`` renders ``path:line:col: message`` followed by an optional
    ``hint: ...`` line, so one located line tells the user where, what was found,
    what was expected and what to do.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        hint: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.key = key
        self.hint = hint
        self.value = value

    def __reduce__(self):
        # Keep path, line and hint when an error crosses a process boundary (parallel drafts).
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))

    @property
    def location(self) -> str:
        """``path:line:col`` (as much of it as is known), or an empty string."""
        parts = []
        if self.path:
            parts.append(self.path)
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.key and self.key not in text:
            text = f"{text} (at key '{self.key}')"
        if self.location:
            text = f"{self.location}: {text}"
        if self.hint:
            text = f"{text}\n  hint: {self.hint}"
        return text


def _rebuild(cls: type, message: str, state: dict) -> GeneratorError:
    error = cls(message)
    error.__dict__.update(state)
    return error


class DataError(GeneratorError):
    """The figures file or the item table is malformed or inconsistent."""


class ConfigError(GeneratorError):
    """A release definition, threshold or wording-rule file is invalid."""


class AnnotationError(GeneratorError):
    """An editor annotation file is invalid or refers to things that do not exist."""


class TemplateError(GeneratorError):
    """A Jinja template does not parse or refers to an undefined variable."""


class LanguageError(GeneratorError):
    """A language helper got a word or amount it cannot handle (e.g. an unreadable word)."""


class UsageError(GeneratorError):
    """A command-line argument is invalid (unknown period, bad option value)."""


class InputError(GeneratorError):
    """A file given to ``check`` cannot be read as a release (no front matter, binary)."""


class OutputError(GeneratorError):
    """The output folder cannot take the draft: an obstacle in the way, a full disk, no permission, a lock held."""


class PlanError(GeneratorError):
    """A period's facts cannot make a release (nothing to lead with)."""
