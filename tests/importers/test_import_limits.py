"""Packages that unpack far beyond the file size limit while declaring sizes the archive check
accepts: what is read is capped (per part, per package) and the text produced is capped too."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from importer_helpers import PARAGRAPHS, replace_member, write_docx, write_xlsx, write_zip

from annotator.errors import InputError
from annotator.importers import read_articles
from annotator.importers.package import GuardedPackage, ReadLimits

LIMIT = 1_000_000  # bytes: the archive check allows 10 x this unpacked (10 MB)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_body(path: Path, paragraphs: int, text: str = "نص يتكرر") -> Path:
    write_docx(path, ["x"])
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * paragraphs
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    replace_member(path, "word/document.xml", xml.encode())
    return path


def _declared_total(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_a_word_body_over_the_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = _docx_with_body(tmp_path / "bomb.docx", 60_000)
    assert _declared_total(path) < 10 * LIMIT  # passes the check on declared sizes
    with pytest.raises(InputError, match=r"part 'word/document.xml' unpacks to [\d.]+ MB, more than 1.0 MB") as caught:
        read_articles(path, max_bytes=LIMIT)
    assert caught.value.path == str(path)


def test_a_word_body_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = _docx_with_body(tmp_path / "fine.docx", 2_000)
    [record] = read_articles(path, max_bytes=LIMIT)
    assert record.text.count("نص يتكرر") == 2_000


def test_a_worksheet_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", [["text"], ["مقال"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>مقال {i}</t></is></c></row>' for i in range(3, 40_000))
    replace_member(path, "xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", rows + "</sheetData>").encode())
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > LIMIT
    assert _declared_total(path) < 10 * LIMIT
    with pytest.raises(InputError, match=r"part 'xl/worksheets/sheet1.xml' unpacks to [\d.]+ MB, more than 1.0 MB"):
        read_articles(path, max_bytes=LIMIT)


def test_a_part_openpyxl_parses_whole_has_a_smaller_cap(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "styles.xlsx", [["text"], ["نص"]])
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml").decode()
    padding = "<!--" + " " * 500_000 + "-->"  # half the file limit, more than a tenth of it
    replace_member(path, "xl/styles.xml", styles.replace("<numFmts", padding + "<numFmts", 1).encode()
                   if "<numFmts" in styles else styles.replace("<fonts", padding + "<fonts", 1).encode())  # fmt: skip
    with pytest.raises(InputError, match=r"part 'xl/styles.xml' unpacks to [\d.]+ MB, more than 0.3 MB"):
        read_articles(path, max_bytes=LIMIT)
    assert read_articles(path, max_bytes=10 * LIMIT)[0].text == "نص"


def _xlsx_with_shared_string(path: Path, text: str, rows: int) -> Path:
    """A workbook whose rows all point at one shared string (openpyxl writes inline strings)."""
    write_xlsx(path, [["text", "id"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
    cells = "".join(f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c><c r="B{i}"><v>{i}</v></c></row>'
                    for i in range(2, rows + 2))  # fmt: skip
    replace_member(path, "xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", cells + "</sheetData>").encode())
    override = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')  # fmt: skip
    replace_member(path, "[Content_Types].xml", types.replace("</Types>", override + "</Types>").encode())
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = f'<sst xmlns="{ns}" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'
    replace_member(path, "xl/sharedStrings.xml", strings.encode())
    return path


def test_one_shared_string_repeated_in_every_row_is_capped(tmp_path: Path) -> None:
    long_text = " ".join(PARAGRAPHS) * 20
    assert 2 * LIMIT / 30 < len(long_text) < LIMIT
    path = _xlsx_with_shared_string(tmp_path / "repeat.xlsx", long_text, 30)  # stored once, read 30 x
    with pytest.raises(InputError, match=r"add up to more than 2,000,000 characters") as caught:
        read_articles(path, max_bytes=LIMIT)
    assert caught.value.row is not None
    assert len(read_articles(_xlsx_with_shared_string(tmp_path / "few.xlsx", long_text, 3), max_bytes=LIMIT)) == 3


def test_a_part_over_its_cap_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = _docx_with_body(tmp_path / "bomb.docx", 60_000)
    with GuardedPackage(path, ".docx", ReadLimits.for_file_limit(LIMIT)) as package:
        with pytest.raises(InputError, match="unpacks to"):
            package.open("word/document.xml")
        assert package.unpacked == 0
        with pytest.raises(InputError):
            package.raise_breach()  # kept, in case a library swallowed the exception


def test_reading_stops_soon_after_the_package_cap(tmp_path: Path) -> None:
    text = "ن" * (LIMIT // 2 - 100)  # each part under the part cap, the three over the package cap
    path = write_zip(tmp_path / "parts.docx", {f"word/document{i}.xml": text.encode() for i in range(3)})
    limits = ReadLimits.for_file_limit(LIMIT)
    with GuardedPackage(path, ".docx", limits) as package:
        for name in ("word/document0.xml", "word/document1.xml"):
            with package.open(name) as part:
                assert len(part.read()) < limits.text_part
        with package.open("word/document2.xml") as part, pytest.raises(InputError, match="parts unpack to more"):
            while part.read(4096):
                pass
        assert limits.total < package.unpacked <= limits.total + 4096
