"""Building small test files for the importer tests (imported by them; not a test module)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from annotator.resources import resource_path
from annotator.text import canonicalize

DEMO = resource_path("demo")
ALEPPO_FILE = DEMO / "aleppo-2016-12.txt"
ALEPPO = ALEPPO_FILE.read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in ALEPPO.split("\n") if p.strip()]

# A DTD whose entities would expand to about a billion "lol"s if anything expanded them.
BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>"
)


def canonical(text: str) -> str:
    return canonicalize(text)


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    sheet: str = "Articles",
    start_row: int = 1,
    extra_sheets: Sequence[str] = (),
) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            worksheet.cell(row=start_row + offset, column=column, value=value)
    for name in extra_sheets:
        workbook.create_sheet(name)
    workbook.save(path)
    return path


def write_docx(
    path: Path,
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    table: Sequence[Sequence[str]] | None = None,
) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if title is not None:
        document.core_properties.title = title
    document.save(path)
    return path


def replace_member(path: Path, member: str, data: bytes) -> None:
    """Rewrite one part of a zip package (to damage a .docx/.xlsx on purpose)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[member] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def patch_zip_headers(
    path: Path, member: str, *, version: int | None = None, method: int | None = None, flags: int | None = None
) -> None:
    """Overwrite fields of one member's local and central headers in place, as an old or foreign
    zip tool might have written them: version needed to extract, compression method, flag bits."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    central = _central_header_of(data, info.header_offset)
    for offset, local_offset, value in ((6, 4, version), (10, 8, method), (8, 6, flags)):
        if value is not None:
            data[central + offset : central + offset + 2] = value.to_bytes(2, "little")
            start = info.header_offset + local_offset
            data[start : start + 2] = value.to_bytes(2, "little")
    path.write_bytes(bytes(data))


def _central_header_of(data: bytearray, header_offset: int) -> int:
    position = data.index(b"PK\x01\x02")
    while int.from_bytes(data[position + 42 : position + 46], "little") != header_offset:
        position = data.index(b"PK\x01\x02", position + 4)
    return position
