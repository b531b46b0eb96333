"""The import preview: encodings found, columns recognised and remapped, empty rows skipped and
listed, refused files with the import's own message; nothing here touches a database."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import ALEPPO, PARAGRAPHS, write_xlsx

from annotator.importers import ColumnMap, ReadNotes, read_articles
from annotator.importers.preview import (
    FileOptions,
    explicit_columns,
    first_lines,
    preview_file,
    summary_lines,
)

ARABIC_CSV = "المعرف,العنوان,المتن,الصحيفة,ملاحظة\n1,عنوان أول,{0},الموعد,أ\n2,عنوان ثان,{1},النهار,ب\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_the_encoding_found_is_reported(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ALEPPO.encode(codec))
    preview = preview_file(path)
    assert not preview.refused
    assert preview.notes.encoding == codec
    assert preview.records[0].text.startswith(PARAGRAPHS[0])


def test_arabic_headers_are_recognised_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(ARABIC_CSV.format(PARAGRAPHS[1], PARAGRAPHS[2]), encoding="utf-8")
    preview = preview_file(path)
    assert preview.tabular and preview.notes.encoding == "utf-8"
    assert preview.notes.columns == ["المعرف", "العنوان", "المتن", "الصحيفة", "ملاحظة"]
    assert preview.notes.fields == {"text": "المتن", "title": "العنوان", "id": "المعرف", "outlet": "الصحيفة"}
    assert [r.metadata for r in preview.records] == [{"ملاحظة": "أ"}, {"ملاحظة": "ب"}]


def test_an_explicit_mapping_detects_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(ARABIC_CSV.format(PARAGRAPHS[1], PARAGRAPHS[2]), encoding="utf-8")
    columns = explicit_columns({"text": "المتن", "title": "ملاحظة"})
    preview = preview_file(path, FileOptions(columns=columns))
    assert [r.title for r in preview.records] == ["أ", "ب"]
    assert {r.outlet for r in preview.records} == {None}  # not detected: the user left it empty
    assert preview.records[0].metadata["الصحيفة"] == "الموعد"
    with pytest.raises(ValueError):
        explicit_columns({"body": "المتن"})


def test_a_file_without_a_text_column_still_offers_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("headline,words\nA,1\n", encoding="utf-8")
    preview = preview_file(path)
    assert preview.refused and "no text column" in preview.error and "a.csv" in preview.error
    assert preview.notes.columns == ["headline", "words"]
    fixed = preview_file(path, FileOptions(columns=explicit_columns({"text": "headline"})))
    assert not fixed.refused and fixed.records[0].text == "A"


def test_empty_rows_refuse_the_file_unless_skipped_and_then_they_are_listed(tmp_path: Path) -> None:
    rows = [["title", "text"], ["a", PARAGRAPHS[0]], ["b", None], [None, None], ["c", PARAGRAPHS[1]]]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    refused = preview_file(path)
    assert refused.refused and "row 3" in refused.error and "empty" in refused.error
    skipped = preview_file(path, FileOptions(skip_empty=True))
    assert [r.title for r in skipped.records] == ["a", "c"]
    assert skipped.notes.skipped == ["row 3: the text ('text') is empty"]
    assert skipped.notes.blank_rows == 1
    assert summary_lines([skipped]) == ["a.xlsx, row 3: the text ('text') is empty, skipped"]


def test_every_row_empty_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("title,text\na,\nb,\n", encoding="utf-8")
    preview = preview_file(path, FileOptions(skip_empty=True))
    assert preview.refused and "the text of every row is empty" in preview.error


def test_json_lines_skip_empty_texts_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "نص"}\n{"text": ""}\n', encoding="utf-8")
    assert preview_file(path).refused
    notes = ReadNotes(skip_empty=True)
    assert [r.text for r in read_articles(path, notes=notes)] == ["نص"]
    assert notes.skipped == ["line 2: the text ('text') is empty"]


def test_a_refused_file_carries_the_importers_message(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    preview = preview_file(path)
    assert preview.refused and "save it as .docx" in preview.error
    assert summary_lines([preview]) == [f"refused: {preview.error}"]


def test_column_map_names_still_detect_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(ARABIC_CSV.format(PARAGRAPHS[1], PARAGRAPHS[2]), encoding="utf-8")
    records = read_articles(path, columns=ColumnMap(title="ملاحظة"))
    assert [r.title for r in records] == ["أ", "ب"] and records[0].outlet == "الموعد"


def test_first_lines_are_the_first_non_blank_lines_cut_to_width() -> None:
    from annotator.importers import ArticleRecord

    record = ArticleRecord(text="\n  أول  \n\nثان\n" + "ث" * 300 + "\nرابع", source="x")
    assert first_lines(record, width=10).split("\n") == ["أول", "ثان", "ث" * 10 + "…"]
