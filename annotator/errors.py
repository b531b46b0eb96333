"""Errors the user sees: each renders as one clear line naming the file and the line or row."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error meant for the user; ``str(error)`` is one line."""


class InputError(AnnotatorError):
    """Bad input in a file: names the file, the line or row (when known) and what is wrong."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        row: int | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.row = row
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.row is not None:
            where += f", row {self.row}"
        return f"{where}: {self.message}"


class ProjectError(AnnotatorError):
    """The project file cannot be used as asked (missing, newer schema, corrupt, unknown name)."""


class ChangedMeanwhile(ProjectError):
    """An update of an item that someone else changed since it was read (nothing was changed)."""
