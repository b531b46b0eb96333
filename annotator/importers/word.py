"""Word .docx files: one article each, read with python-docx after the archive checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.archive import check_archive, describe_error
from annotator.importers.records import ArticleRecord
from annotator.text import canonicalize


def read_docx(path: Path, *, max_bytes: int) -> list[ArticleRecord]:
    """Body paragraphs (and table cells, in reading order) joined by ``\\n``; the title is the
    document's Title property, else its first non-empty paragraph."""
    check_archive(path, ".docx", max_bytes)
    import docx

    try:
        document = docx.Document(str(path))
        lines = list(_block_texts(document))
        property_title = document.core_properties.title
    except Exception as exc:  # python-docx/lxml raise many types on a damaged package
        raise InputError(path, f"not a readable Word .docx file ({describe_error(exc)})") from exc
    text = canonicalize("\n".join(lines))
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), None)
    if first_line is None:
        raise InputError(path, "the document contains no text")
    title = canonicalize(property_title or "").strip() or first_line
    return [ArticleRecord(text=text, title=title, external_id=path.stem, source=path.name)]


def _block_texts(container: object) -> Iterator[str]:
    """Texts of the paragraphs of a document or table cell; merged cells are read once."""
    from docx.table import Table

    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            seen: set[object] = set()  # the elements themselves: ids of freed lxml proxies get reused
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _block_texts(cell)
        else:
            yield block.text
