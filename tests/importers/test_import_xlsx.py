"""Excel .xlsx articles: sheets, typed cells, Excel row numbers, and damaged or hostile workbooks."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from importer_helpers import BILLION_LAUGHS, PARAGRAPHS, replace_member, write_docx, write_xlsx, write_zip

from annotator.errors import InputError
from annotator.importers import ColumnMap, read_articles

HEADER = ["id", "العنوان", "النص", "الصحيفة", "التاريخ", "words"]


def test_rows_become_records_with_typed_cells(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [17, PARAGRAPHS[0], PARAGRAPHS[4], "الموعد", dt.datetime(2016, 12, 13), 612.0],
        [18.0, None, PARAGRAPHS[5], None, dt.datetime(2016, 12, 14, 9, 30), 3.5],
    ]
    records = read_articles(write_xlsx(tmp_path / "a.xlsx", rows))
    first, second = records
    assert (first.external_id, first.title, first.text, first.outlet) == (
        "17",
        PARAGRAPHS[0],
        PARAGRAPHS[4],
        "الموعد",
    )
    assert (first.date, first.metadata) == ("2016-12-13", {"words": "612"})
    assert (second.external_id, second.title, second.outlet) == ("18", None, None)
    assert (second.date, second.metadata) == ("2016-12-14T09:30:00", {"words": "3.5"})
    assert [r.source for r in records] == ["a.xlsx, sheet Articles, row 2", "a.xlsx, sheet Articles, row 3"]


def test_row_numbers_are_excels_own(tmp_path: Path) -> None:
    rows = [["text", "title"], ["أ", "1"], [None, None], ["ب", "2"], ["", "3"]]
    path = write_xlsx(tmp_path / "gaps.xlsx", rows, start_row=3)
    with pytest.raises(InputError) as caught:
        read_articles(path)
    assert caught.value.row == 7
    assert str(caught.value) == f"{path}, row 7: the text ('text') is empty"
    records = read_articles(write_xlsx(tmp_path / "ok.xlsx", rows[:4], start_row=3))
    assert [r.source.rsplit(", ", 1)[1] for r in records] == ["row 4", "row 6"]


def test_the_first_sheet_or_a_named_one(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["text"], ["أول"]], sheet="Main", extra_sheets=["Other"])
    assert read_articles(path)[0].text == "أول"
    with pytest.raises(InputError, match="the file has no rows"):
        read_articles(path, sheet="Other")
    with pytest.raises(InputError, match=r"no worksheet named 'Nope'; the worksheets are: 'Main', 'Other'"):
        read_articles(path, sheet="Nope")


def test_explicit_columns_and_missing_text_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", [["Copy", "Kicker"], ["نص", "ع"]])
    [record] = read_articles(path, columns=ColumnMap(text="copy", title="kicker"))
    assert (record.text, record.title) == ("نص", "ع")
    with pytest.raises(InputError, match=r"row 1: no text column .*the columns are: 'Copy', 'Kicker'"):
        read_articles(path)


def test_formulas_are_read_as_their_cached_values_not_as_formulas(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", [["text", "n"], ["نص", "=1+1"]])
    [record] = read_articles(path)  # openpyxl stores no cached value, so the cell reads empty
    assert "n" not in record.metadata


def test_openpyxl_parses_worksheets_with_defusedxml() -> None:
    import openpyxl.xml.functions as xml_functions

    assert xml_functions.iterparse.__module__.startswith("defusedxml")


@pytest.mark.parametrize(
    "content",
    [b"", "text,title\nنص,ع\n".encode(), b"\x89PNG\r\n\x1a\n" + bytes(200)],
    ids=["empty", "csv-renamed", "binary"],
)
def test_files_that_are_not_zip_archives(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not a valid .xlsx file: it is not a zip archive"):
        read_articles(path)


def test_a_zip_with_other_content(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "junk.xlsx", {"hello.txt": b"hello", "xl/workbook.xml": b"<not-xml"})
    with pytest.raises(InputError, match="not a readable Excel .xlsx workbook"):
        read_articles(path)


def test_a_word_document_renamed_xlsx(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "doc.xlsx", ["نص"])
    with pytest.raises(InputError, match="not a readable Excel .xlsx workbook"):
        read_articles(path)


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "d.xlsx", [["text"], ["نص"]])
    replace_member(path, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c>")
    with pytest.raises(InputError, match="not a readable Excel .xlsx workbook"):
        read_articles(path)


def test_entity_expansion_in_a_sheet_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lol.xlsx", [["text"], ["نص"]])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    head, body = xml.split("?>", 1) if xml.startswith("<?xml") else ("", xml)
    replace_member(
        path, "xl/worksheets/sheet1.xml", ((head + "?>" if head else "") + BILLION_LAUGHS + body).encode()
    )
    with pytest.raises(InputError, match="not a readable Excel .xlsx workbook .its XML declares entities"):
        read_articles(path)


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", [["text"], ["نص"]])
    replace_member(path, "xl/media/padding.bin", b"\0" * 3_000_000)
    with pytest.raises(
        InputError, match=r"\.xlsx archive unpacks to [\d.]+ MB, more than the limit of 1.0 MB"
    ):
        read_articles(path, max_bytes=100_000)


def test_shared_strings_declaring_an_external_entity_are_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "xxe.xlsx", [["text"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
    cell = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    replace_member(path, "xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", cell + "</sheetData>").encode())
    override = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')  # fmt: skip
    replace_member(path, "[Content_Types].xml", types.replace("</Types>", override + "</Types>").encode())
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<!DOCTYPE sst [<!ENTITY ext SYSTEM "file:///etc/hostname">]>'
               f'<sst xmlns="{ns}" count="1" uniqueCount="1"><si><t>قبل &ext; بعد</t></si></sst>')  # fmt: skip
    replace_member(path, "xl/sharedStrings.xml", strings.encode())
    with pytest.raises(InputError, match="declares entities or a DTD") as caught:
        read_articles(path)
    assert caught.value.path == str(path)
