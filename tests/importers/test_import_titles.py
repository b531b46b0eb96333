"""Titles made of invisible characters (bidi controls, zero-width characters) are not titles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importer_helpers import write_docx, write_xlsx

from annotator.importers import read_articles
from annotator.importers.titles import first_visible_line, visible_title

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = BIDI + ZERO_WIDTH + " "


@pytest.mark.parametrize(("given", "expected"), [
    (INVISIBLE, None),
    ("\u202bحلب\u202c", "حلب"),
    ("\u202eevil\u2069 title", "evil title"),
    ("\u200cمی\u200cخواهم\u200d", "می\u200cخواهم"),  # a joiner inside a word shapes it: kept
    ("\u200d\u200c", None),
    (None, None),
])  # fmt: skip
def test_visible_title(given: str | None, expected: str | None) -> None:
    assert visible_title(given) == expected


def test_a_text_file_whose_first_line_is_invisible_takes_the_next_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{INVISIBLE}\n\u202bالعنوان الظاهر\u202c\nالنص", encoding="utf-8")
    [record] = read_articles(path)
    assert record.title == "العنوان الظاهر"
    assert record.text.startswith(INVISIBLE.rstrip())  # the text itself keeps every character


def test_a_word_document_with_an_invisible_title_property(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", ["الفقرة الأولى", "الثانية"], title=INVISIBLE)
    assert read_articles(path)[0].title == "الفقرة الأولى"


def test_the_file_name_when_nothing_visible_is_left(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "report.docx", [INVISIBLE, "\u200f"], title=BIDI)
    [record] = read_articles(path)
    assert record.title == "report.docx"
    path = tmp_path / "note.txt"
    path.write_text(f"{BIDI}\n{ZERO_WIDTH}x\u200b", encoding="utf-8")
    assert read_articles(path)[0].title == "x"


def test_title_columns_and_keys(tmp_path: Path) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(f"title,text\n{INVISIBLE},نص أول\n\u202bعنوان\u202c,نص ثان\n", encoding="utf-8")
    assert [r.title for r in read_articles(csv_path)] == [None, "عنوان"]
    xlsx_path = write_xlsx(tmp_path / "a.xlsx", [["title", "text"], [BIDI, "نص"]])
    assert read_articles(xlsx_path)[0].title is None
    jsonl_path = tmp_path / "a.jsonl"
    jsonl_path.write_text(json.dumps({"title": ZERO_WIDTH, "text": "نص"}) + "\n", encoding="utf-8")
    assert read_articles(jsonl_path)[0].title is None


def test_an_invisible_title_is_stored_as_the_first_line(tmp_path: Path, store) -> None:  # noqa: ANN001
    from annotator.db.services.article_import import import_article_files
    from annotator.db.services.documents import list_documents

    path = tmp_path / "a.csv"
    path.write_text(f"title,text\n{INVISIBLE},السطر الأول\n", encoding="utf-8")
    import_article_files(store, [path])
    with store.reader() as session:
        assert [d.title for d in list_documents(session)] == ["السطر الأول"]


def test_a_row_whose_title_and_first_line_are_invisible_takes_the_next_visible_line(
        tmp_path: Path, store) -> None:  # noqa: ANN001
    from annotator.db.services.article_import import import_article_files
    from annotator.db.services.documents import list_documents

    path = tmp_path / "b.csv"
    path.write_text(f'title,text\n{INVISIBLE},"{INVISIBLE}\nالسطر الثاني"\n', encoding="utf-8")
    import_article_files(store, [path])
    with store.reader() as session:
        assert [d.title for d in list_documents(session)] == ["السطر الثاني"]


@pytest.mark.parametrize("text, expected", [
    ("", None), ("\n\n", None), ("a", "a"), ("\u200f\nb\nc", "b"), ("\n\u200b \n", None),
])
def test_first_visible_line(text: str, expected: str | None) -> None:
    assert first_visible_line(text) == expected
