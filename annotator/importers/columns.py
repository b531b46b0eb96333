"""Turning named cells (CSV and xlsx rows, JSON objects) into :class:`ArticleRecord` values.

Shared by every tabular reader so that column detection, cell conversion, row numbering and the
messages about them are the same whatever the file type.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.records import COLUMN_FIELDS, ArticleRecord, ColumnMap, ReadNotes, TextBudget
from annotator.importers.titles import visible_title
from annotator.text import canonicalize

_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article text", "full text", "story",
             "نص", "النص", "المحتوى", "محتوى", "المتن", "متن", "نص المقال", "نص الخبر"),
    "title": ("title", "headline", "heading", "عنوان", "العنوان", "عنوان المقال", "عنوان الخبر"),
    "id": ("id", "external id", "article id", "doc id", "document id", "identifier",
           "المعرف", "معرف", "الرقم", "رقم"),
    "outlet": ("outlet", "source", "publication", "newspaper", "publisher", "media", "site",
               "الوسيلة", "المصدر", "مصدر", "الصحيفة", "صحيفة", "الجريدة", "جريدة", "الموقع", "الناشر"),
    "date": ("date", "published", "publication date", "pub date", "published at", "datetime",
             "التاريخ", "تاريخ", "تاريخ النشر"),
    "url": ("url", "link", "href", "uri", "الرابط", "رابط"),
    "author": ("author", "authors", "byline", "writer", "الكاتب", "كاتب", "المؤلف", "مؤلف"),
}  # fmt: skip
_SEPARATORS = re.compile(r"[\s_\-]+")
_ARABIC_SPELLING = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})


def header_key(name: str) -> str:
    """How column names are compared: ``"Article_Text"`` = ``"article text"``, ``"إسم"`` = ``"اسم"``."""
    return _SEPARATORS.sub(" ", canonicalize(name).casefold().translate(_ARABIC_SPELLING)).strip()


_ALIAS_KEYS = {name: tuple(header_key(a) for a in aliases) for name, aliases in _ALIASES.items()}


def resolve_columns(
    names: Sequence[str], columns: ColumnMap | None, path: str | Path, **where: int
) -> dict[str, int]:
    """Field → column index: named columns first, then the usual names among the columns left.
    A named column that is missing, one named for two fields, or no text column is an error."""
    keys = [header_key(n) for n in names]
    found: dict[str, int] = {}
    for field_name in COLUMN_FIELDS:
        wanted = getattr(columns, field_name) if columns else None
        if wanted:
            found[field_name] = _named_column(wanted, names, keys, found, path=path, where=where)
    for field_name in () if columns and columns.only_named else COLUMN_FIELDS:
        detected = (i for alias in _ALIAS_KEYS[field_name] for i, k in enumerate(keys) if k == alias)
        index = next((i for i in detected if i not in found.values()), None)
        if field_name not in found and index is not None:
            found[field_name] = index
    if "text" not in found:
        looked_for = "text, body, content, نص, النص …"
        raise InputError(
            path, f"no text column (looked for {looked_for}); the columns are: {_listing(names)}", **where
        )
    return found


def _named_column(
    wanted: str,
    names: Sequence[str],
    keys: list[str],
    found: dict[str, int],
    *,
    path: str | Path,
    where: dict[str, int],
) -> int:
    if header_key(wanted) not in keys:
        raise InputError(path, f"no column named {wanted!r}; the columns are: {_listing(names)}", **where)
    index = keys.index(header_key(wanted))
    if index in found.values():
        raise InputError(path, f"column {names[index]!r} is named for two fields", **where)
    return index


def _listing(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names) if names else "(none)"


def cell_text(value: object) -> str | None:
    """A cell or JSON value as trimmed canonical text; None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    elif isinstance(value, (dt.date, dt.time)):
        text = value.isoformat()
    elif isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return canonicalize(text).strip() or None


def unique_names(names: Sequence[str]) -> list[str]:
    """Header names made usable as metadata keys: blanks become "column N", repeats get "(2)"."""
    result: list[str] = []
    for number, given in enumerate(names, start=1):
        name = given or f"column {number}"
        candidate, copy = name, 1
        while candidate in result:
            copy += 1
            candidate = f"{name} ({copy})"
        result.append(candidate)
    return result


def build_record(
    names: Sequence[str],
    values: Sequence[object],
    fields: dict[str, int],
    *,
    path: str | Path,
    source: str,
    where: dict[str, int],
) -> ArticleRecord:
    """One record from one row; ``where`` (``row=`` or ``line=``) places any error."""
    cells = [cell_text(v) for v in values] + [None] * (len(names) - len(values))
    text = cells[fields["text"]]
    if text is None:
        raise InputError(path, f"the text ({names[fields['text']]!r}) is empty", **where)
    used = set(fields.values())
    return ArticleRecord(
        text=text,
        title=visible_title(cells[fields["title"]]) if "title" in fields else None,
        external_id=cells[fields["id"]] if "id" in fields else None,
        outlet=cells[fields["outlet"]] if "outlet" in fields else None,
        date=cells[fields["date"]] if "date" in fields else None,
        url=cells[fields["url"]] if "url" in fields else None,
        author=cells[fields["author"]] if "author" in fields else None,
        metadata={names[i]: cell for i, cell in enumerate(cells) if i not in used and cell is not None},
        source=source,
    )


class IdRegister:
    """Rejects an id used twice in one file, naming both places."""

    def __init__(self, path: str | Path, unit: str) -> None:
        self._path, self._unit = path, unit
        self._seen: dict[str, int] = {}

    def add(self, external_id: str | None, number: int) -> None:
        if external_id is None:
            return
        if external_id in self._seen:
            first = self._seen[external_id]
            raise InputError(
                self._path,
                f"id {external_id!r} is used twice ({self._unit}s {first} and {number})",
                **{self._unit: number},
            )
        self._seen[external_id] = number


def records_from_rows(
    rows: Iterable[tuple[int, Sequence[object]]],
    *,
    path: Path,
    columns: ColumnMap | None,
    source_prefix: str,
    budget: TextBudget | None = None,
    notes: ReadNotes | None = None,
) -> list[ArticleRecord]:
    """Records from numbered rows: the first non-empty row is the header; empty rows are skipped.
    A ``budget`` caps the text of packages, whose rows may repeat one long shared string."""
    records: list[ArticleRecord] = []
    names: list[str] | None = None
    fields: dict[str, int] = {}
    ids = IdRegister(path, "row")
    notes = notes or ReadNotes()
    for number, values in rows:
        if all(cell_text(v) is None for v in values):
            notes.blank_rows += names is not None
            continue
        if names is None:
            names = unique_names(_trimmed([cell_text(v) or "" for v in values]))
            notes.columns = names  # before the check: a preview offers them to fix the mapping
            fields = resolve_columns(names, columns, path, row=number)
            notes.fields = {f: names[i] for f, i in fields.items()}
            continue
        _check_width(values, len(names), path, number)
        if skipped_as_empty(names, values, fields["text"], notes, f"row {number}"):
            continue
        record = build_record(
            names, values, fields, path=path, source=f"{source_prefix}, row {number}", where={"row": number}
        )
        ids.add(record.external_id, number)
        if budget is not None:
            budget.take(len(record.text), row=number)
        records.append(record)
    if names is None:
        raise InputError(path, "the file has no rows")
    if not records and notes.skipped:
        raise InputError(path, "no articles: the text of every row is empty")
    if not records:
        raise InputError(path, "no articles: there are no rows below the header row")
    return records


def skipped_as_empty(
    names: Sequence[str], values: Sequence[object], text_index: int, notes: ReadNotes, place: str
) -> bool:
    """With ``notes.skip_empty``, note a row whose text cell is empty and say to skip it."""
    if not notes.skip_empty or (text_index < len(values) and cell_text(values[text_index]) is not None):
        return False
    notes.skipped.append(f"{place}: the text ({names[text_index]!r}) is empty")
    return True


def _trimmed(names: list[str]) -> list[str]:
    while names and not names[-1]:
        names.pop()
    return names


def _check_width(values: Sequence[object], width: int, path: Path, number: int) -> None:
    filled = [i for i, v in enumerate(values) if i >= width and cell_text(v) is not None]
    if filled:
        raise InputError(
            path,
            f"this row has a value in column {filled[-1] + 1} but the header names only {width} columns "
            "(in a CSV file: a missing quote or a wrong delimiter?)",
            row=number,
        )
