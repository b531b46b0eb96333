"""Planning an import without storing it: what each file yields, how its columns map, what is refused.

Pure (no database, no Qt): the GUI's import preview and the CLI can both use it. A file is read
exactly as the import will read it (same readers, same checks), so the preview refuses what the
import would refuse, with the same message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.importers import ArticleRecord, ColumnMap, ReadNotes, read_articles
from annotator.importers.records import COLUMN_FIELDS

TABULAR_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx"})
FIRST_LINES = 3
LINE_WIDTH = 160


@dataclass(frozen=True)
class FileOptions:
    """How one file is read: its column mapping (None: detect) and whether empty rows are skipped."""

    columns: ColumnMap | None = None
    skip_empty: bool = False
    encoding: str | None = None


@dataclass
class FilePreview:
    """One file as the import would read it: its articles, or why it is refused."""

    path: Path
    options: FileOptions
    records: list[ArticleRecord] = field(default_factory=list)
    notes: ReadNotes = field(default_factory=ReadNotes)
    error: str | None = None
    duplicates: list[str] = field(default_factory=list)  # filled by the database's dry run

    @property
    def tabular(self) -> bool:
        """CSV, TSV and xlsx files have a column mapping to choose."""
        return self.path.suffix.lower() in TABULAR_SUFFIXES

    @property
    def refused(self) -> bool:
        return self.error is not None

    @property
    def new_articles(self) -> int:
        return 0 if self.refused else len(self.records) - len(self.duplicates)


def preview_file(path: Path, options: FileOptions | None = None) -> FilePreview:
    """Read ``path`` as the import would; a refused file keeps the error line naming file and row."""
    options = options or FileOptions()
    preview = FilePreview(path, options, notes=ReadNotes(skip_empty=options.skip_empty))
    try:
        preview.records = read_articles(
            path, encoding=options.encoding, columns=options.columns, notes=preview.notes
        )
    except AnnotatorError as error:
        preview.error = str(error)
    return preview


def explicit_columns(mapping: dict[str, str | None]) -> ColumnMap:
    """The columns chosen for each field, and no detection for the fields left empty."""
    unknown = set(mapping) - set(COLUMN_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    return ColumnMap(only_named=True, **{name: column or None for name, column in mapping.items()})


def first_lines(record: ArticleRecord, count: int = FIRST_LINES, width: int = LINE_WIDTH) -> str:
    """The first non-blank lines of an article, each cut to ``width`` characters."""
    lines: list[str] = []
    for line in record.text.split("\n"):
        if line.strip():
            lines.append(line.strip() if len(line) <= width else line.strip()[:width] + "…")
        if len(lines) == count:
            break
    return "\n".join(lines)


def summary_lines(previews: list[FilePreview]) -> list[str]:
    """What the import will do, one line per finding: refused files, skipped rows, duplicates."""
    lines: list[str] = []
    for preview in previews:
        if preview.error:
            lines.append(f"refused: {preview.error}")
            continue
        lines.extend(f"{preview.path.name}, {note}, skipped" for note in preview.notes.skipped)
        lines.extend(f"duplicate: {note}" for note in preview.duplicates)
    return lines
