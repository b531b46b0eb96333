"""What the importers produce: one :class:`ArticleRecord` per article, and how columns are named."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError

# Fields an importer fills from named columns (CSV, xlsx) or keys (JSON lines), in ColumnMap order.
COLUMN_FIELDS = ("text", "title", "id", "outlet", "date", "url", "author")


@dataclass(frozen=True, kw_only=True)
class ArticleRecord:
    """One article read from a file, not yet in a project.

    ``text`` is canonical (see :func:`annotator.text.canonicalize`); the other fields are the
    source's own strings, trimmed, or None when it has none; ``title`` holds no invisible
    formatting characters and is None rather than blank (see :mod:`annotator.importers.titles`).
    ``external_id`` is the file name without extension for one-article files (.txt, .docx).
    ``source`` says where the article came from for messages and provenance, e.g.
    ``"articles.csv, row 3"``.
    """

    text: str
    title: str | None = None
    external_id: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    source: str


@dataclass(frozen=True)
class ColumnMap:
    """Which column (or JSON key) holds each field; None means "detect it by its usual names".

    Names match case-insensitively and ignore spaces, ``_`` and ``-``, and Arabic hamza/teh marbuta
    spelling. Columns not mapped to a field go to ``ArticleRecord.metadata``.
    """

    text: str | None = None
    title: str | None = None
    id: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    only_named: bool = False  # True: fields not named are left empty rather than detected


@dataclass
class ReadNotes:
    """What a reader saw besides the articles, for the import preview and its summary.

    Passed in by the caller and filled by the reader. ``skip_empty`` is the one input: a row (or
    JSON line) whose text is empty is then skipped and listed in ``skipped`` rather than refusing
    the whole file. Rows with no value at all are always skipped; ``blank_rows`` counts them.
    """

    skip_empty: bool = False
    encoding: str | None = None  # the codec used for a text file (given or detected)
    columns: list[str] = field(default_factory=list)  # header names of a CSV or xlsx file
    fields: dict[str, str] = field(default_factory=dict)  # field -> the column that fills it
    skipped: list[str] = field(default_factory=list)  # "row 7: the text ('body') is empty"
    blank_rows: int = 0


class TextBudget:
    """The most text one file may yield: per article, and for all its articles together.

    A text file within the size limit holds at most that many characters; a package (whose parts
    are compressed, and whose shared strings a workbook may repeat in every row) may not yield more.
    """

    def __init__(self, path: str | Path, per_article: int, per_file: int) -> None:
        self._path, self._per_article, self._per_file = path, per_article, per_file
        self._used = 0

    def check(self, length: int, **where: int) -> None:
        """Refuse an article of ``length`` characters (a running count while it is read)."""
        if length > self._per_article:
            raise InputError(
                self._path,
                f"the article text is longer than {self._per_article:,} characters, the most one article may "
                "hold (the size limit of a file)",
                **where,
            )

    def take(self, length: int, **where: int) -> None:
        """Check one article and count it towards the file's total."""
        self.check(length, **where)
        self._used += length
        if self._used > self._per_file:
            raise InputError(
                self._path,
                f"the articles of this file add up to more than {self._per_file:,} characters of text, "
                "the most one file may yield",
                **where,
            )
