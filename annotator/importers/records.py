"""What the importers produce: one :class:`ArticleRecord` per article, and how columns are named."""

from __future__ import annotations

from dataclasses import dataclass, field

# Fields an importer fills from named columns (CSV, xlsx) or keys (JSON lines), in ColumnMap order.
COLUMN_FIELDS = ("text", "title", "id", "outlet", "date", "url", "author")


@dataclass(frozen=True, kw_only=True)
class ArticleRecord:
    """One article read from a file, not yet in a project.

    ``text`` is canonical (see :func:`annotator.text.canonicalize`); the other fields are the
    source's own strings, trimmed, or None when it has none. ``external_id`` is the file name
    without extension for one-article files (.txt, .docx). ``source`` says where the article came
    from for messages and provenance, e.g. ``"articles.csv, row 3"``.
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
