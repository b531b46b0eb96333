"""Word .docx articles: paragraphs, titles, tables, and damaged or hostile packages."""

from __future__ import annotations

import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from importer_helpers import BILLION_LAUGHS, PARAGRAPHS, replace_member, write_docx, write_xlsx, write_zip

from annotator.errors import InputError
from annotator.importers import read_articles


def test_paragraphs_are_joined_by_newlines_and_the_first_is_the_title(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "aleppo.docx", PARAGRAPHS[:6])
    [record] = read_articles(path)
    assert record.text == "\n".join(PARAGRAPHS[:6])
    assert record.title == PARAGRAPHS[0]
    assert record.external_id == "aleppo"
    assert record.source == "aleppo.docx"


def test_the_title_property_wins_and_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "إلى أحضان سوريا")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    path = write_docx(tmp_path / "a.docx", ["", decomposed, "سطر\nثان"], title="  حلب  ")
    [record] = read_articles(path)
    assert record.title == "حلب"
    assert record.text == "\nإلى أحضان سوريا\nسطر\nثان"


def test_table_cells_are_read_in_order(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", ["قبل الجدول"], table=[["المصدر", "لافروف"], ["الدولة", "روسيا"]])
    [record] = read_articles(path)
    assert record.text == "قبل الجدول\nالمصدر\nلافروف\nالدولة\nروسيا"


def test_merged_cells_are_read_once(tmp_path: Path) -> None:
    import docx

    path = write_docx(tmp_path / "m.docx", ["قبل"], table=[["المصدر", ""], ["الدولة", "روسيا"]])
    document = docx.Document(str(path))
    grid = document.tables[0]
    grid.cell(0, 0).merge(grid.cell(0, 1))
    document.save(path)
    [record] = read_articles(path)
    assert record.text.count("المصدر") == 1
    assert record.text.split("\n")[-2:] == ["الدولة", "روسيا"]


def test_a_document_without_text_is_rejected(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "empty.docx", ["", "   "])
    with pytest.raises(InputError, match="contains no text"):
        read_articles(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a zip archive"),
        ("هذا نص وليس ملف وورد".encode(), "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "not a zip archive"),  # old .doc / encrypted
    ],
)
def test_files_that_are_not_zip_archives(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert caught.value.path == str(path)


def test_a_zip_with_other_content(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "junk.docx", {"hello.txt": b"hello"})
    with pytest.raises(InputError, match="not a readable Word .docx file"):
        read_articles(path)


def test_a_workbook_renamed_docx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.docx", [["text"], ["نص"]])
    with pytest.raises(InputError, match="not a readable Word .docx file"):
        read_articles(path)


def test_damaged_document_xml(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "damaged.docx", ["نص"])
    replace_member(path, "word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(InputError, match="not a readable Word .docx file"):
        read_articles(path)


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "bomb.docx", ["نص"])
    replace_member(path, "word/media/padding.bin", b"\0" * 2_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match=r"unpacks to [\d.]+ MB, more than the limit of 1.0 MB"):
        read_articles(path, max_bytes=100_000)


def test_a_member_path_that_climbs_out_is_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "traversal.docx", ["نص"])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("../../evil.sh", b"echo")
    with pytest.raises(InputError, match="unsafe path: '../../evil.sh'"):
        read_articles(path)


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "lol.docx", ["PLACEHOLDER"])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    body = xml.split("?>", 1)[1].replace("PLACEHOLDER", "&lol9;")
    replace_member(path, "word/document.xml", (xml.split("?>", 1)[0] + "?>" + BILLION_LAUGHS + body).encode())
    started = time.perf_counter()
    try:
        [record] = read_articles(path)
    except InputError as error:  # refusing the file is as good as not expanding
        assert "docx" in str(error)
    else:
        assert "lol" not in record.text
    assert time.perf_counter() - started < 5


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = write_docx(tmp_path / "xxe.docx", ["PLACEHOLDER"])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    replace_member(
        path, "word/document.xml", (head + "?>" + doctype + body.replace("PLACEHOLDER", "&xxe;")).encode()
    )
    try:
        [record] = read_articles(path)
    except InputError:
        return
    assert "TOP-SECRET" not in record.text


def _with_doctype(path: Path, doctype: str, placeholder_value: str) -> Path:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    replace_member(
        path, "word/document.xml", (head + "?>" + doctype + body.replace("PLACEHOLDER", placeholder_value)).encode()
    )
    return path


@pytest.mark.parametrize(
    ("doctype", "value"),
    [
        ('<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/hostname">]>', "قبل &ext; بعد"),
        ('<!DOCTYPE w:document [<!ENTITY name "حلب">]>', "قبل &name; بعد"),
        ("<!DOCTYPE w:document>", "قبل بعد"),
    ],
    ids=["external entity", "internal entity", "bare DTD"],
)
def test_a_document_declaring_a_dtd_or_entities_is_refused_by_name(tmp_path: Path, doctype: str, value: str) -> None:
    path = write_docx(tmp_path / "dtd.docx", ["الفقرة الأولى", "PLACEHOLDER", "الفقرة الأخيرة"])
    _with_doctype(path, doctype, value)
    with pytest.raises(InputError, match="'word/document.xml' declares a DTD or entities") as caught:
        read_articles(path)
    assert caught.value.path == str(path)


def test_the_streamed_body_reads_runs_as_word_shows_them(tmp_path: Path) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
         'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'  # fmt: skip

    def run(inner: str) -> str:
        return f"<w:r>{inner}</w:r>"

    cell = "<w:tc><w:tcPr>{}</w:tcPr><w:p>{}</w:p></w:tc>"
    body = "".join([
        "<w:p>" + run('<w:t>أ</w:t><w:tab/><w:t>ب</w:t><w:br/><w:t>ج</w:t><w:br w:type="page"/>') + "</w:p>",
        f"<w:p><w:hyperlink>{run('<w:t>رابط</w:t>')}</w:hyperlink><w:ins>{run('<w:t> مضاف</w:t>')}</w:ins>"
        f"<w:del>{run('<w:delText>محذوف</w:delText><w:tab/>')}</w:del></w:p>",
        f"<w:sdt><w:sdtContent><w:p>{run('<w:t>في عنصر تحكم</w:t>')}</w:p></w:sdtContent></w:sdt>",
        f"<w:p>{run('<w:t>قبل المربع</w:t>')}<w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p>"
        f"{run('<w:t>مربع نص</w:t>')}</w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p>"
        f"{run('<w:t>نسخة</w:t>')}</w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        "<w:tbl><w:tr>" + cell.format('<w:vMerge w:val="restart"/>', run("<w:t>مدمجة</w:t>")) + "</w:tr>",
        "<w:tr>" + cell.format("<w:vMerge/>", run("<w:t>مخفية</w:t>")) + "</w:tr></w:tbl>",
    ])  # fmt: skip
    path = write_docx(tmp_path / "runs.docx", ["x"])
    replace_member(path, "word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>".encode())
    [record] = read_articles(path)
    assert record.text.split("\n") == ["أ\tب", "ج", "رابط مضاف", "في عنصر تحكم", "قبل المربع", "مدمجة"]
