"""CSV articles: delimiters, encodings, column detection, row numbers and malformed files."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from importer_helpers import PARAGRAPHS

from annotator.errors import InputError
from annotator.importers import ColumnMap, read_articles


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _write(tmp_path: Path, text: str, *, name: str = "articles.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


ROWS = [
    ["ID", "Headline", "Body", "Outlet", "Date", "URL", "Author", "Tone"],
    [
        "a1",
        PARAGRAPHS[0],
        PARAGRAPHS[4],
        "elmaouid",
        "2016-12-13",
        "https://example.org/1",
        "elmaouid",
        "pro",
    ],
    ["a2", PARAGRAPHS[2], PARAGRAPHS[5], "elmaouid", "2016-12-14", "", "", "anti"],
]


def test_one_record_per_row_with_detected_columns(tmp_path: Path) -> None:
    records = read_articles(_write(tmp_path, _csv(ROWS)))
    assert [r.external_id for r in records] == ["a1", "a2"]
    first = records[0]
    assert (first.title, first.text, first.outlet, first.date) == (
        PARAGRAPHS[0],
        PARAGRAPHS[4],
        "elmaouid",
        "2016-12-13",
    )
    assert (first.url, first.author, first.metadata) == ("https://example.org/1", "elmaouid", {"Tone": "pro"})
    assert records[1].url is None and records[1].author is None
    assert [r.source for r in records] == ["articles.csv, row 2", "articles.csv, row 3"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [["نص", "العنوان"], ["أول، ثاني; ثالث\tرابع", "عنوان"]]
    [record] = read_articles(_write(tmp_path, _csv(rows, delimiter)))
    assert (record.text, record.title) == ("أول، ثاني; ثالث\tرابع", "عنوان")


def test_arabic_headers_are_recognised(tmp_path: Path) -> None:
    rows = [
        ["المعرف", "عنوان", "النص", "المصدر", "التاريخ", "الرابط", "الكاتب"],
        ["7", "ع", "ن", "م", "ت", "ر", "ك"],
    ]
    [record] = read_articles(_write(tmp_path, _csv(rows)))
    assert (
        record.external_id,
        record.title,
        record.text,
        record.outlet,
        record.date,
        record.url,
        record.author,
    ) == (
        "7",
        "ع",
        "ن",
        "م",
        "ت",
        "ر",
        "ك",
    )


def test_windows_1256_csv_with_crlf(tmp_path: Path) -> None:
    rows = [["text", "title"]] + [[p, p[:20]] for p in PARAGRAPHS[:8]]
    text = _csv(rows).replace("\n", "\r\n")
    records = read_articles(_write(tmp_path, text, encoding="cp1256"))
    assert [r.text for r in records] == PARAGRAPHS[:8]


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + _csv([["text"], ["نص"]]).encode("utf-8"))
    assert read_articles(path)[0].text == "نص"


def test_values_spanning_lines_keep_row_numbers_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    rows = [["text", "id"], ["سطر\r\nثان\rثالث", "1"], ["", ""], ["نص", "2"]]
    records = read_articles(_write(tmp_path, _csv(rows)))
    assert records[0].text == "سطر\nثان\nثالث"
    assert [r.source for r in records] == ["articles.csv, row 2", "articles.csv, row 4"]


def test_a_line_separator_inside_a_value_does_not_split_the_row(tmp_path: Path) -> None:
    path = _write(tmp_path, "text,id\nأول\u2028ثاني,1\n")
    [record] = read_articles(path)
    assert (record.text, record.external_id) == ("أول\nثاني", "1")


def test_long_values_are_read(tmp_path: Path) -> None:
    long_text = " ".join(PARAGRAPHS) * 60
    assert len(long_text) > 200_000
    [record] = read_articles(_write(tmp_path, _csv([["text"], [long_text]])))
    assert record.text == long_text


def test_explicit_column_names(tmp_path: Path) -> None:
    rows = [["Story", "Kicker", "Paper"], ["نص", "عنوان", "الوطن"]]
    [record] = read_articles(
        _write(tmp_path, _csv(rows)), columns=ColumnMap(text="story", title="KICKER", outlet="Paper")
    )
    assert (record.text, record.title, record.outlet, record.metadata) == ("نص", "عنوان", "الوطن", {})


def test_named_columns_win_over_detected_ones(tmp_path: Path) -> None:
    rows = [["body", "content"], ["عنوان", "نص"]]
    [record] = read_articles(_write(tmp_path, _csv(rows)), columns=ColumnMap(title="body"))
    assert (record.title, record.text) == ("عنوان", "نص")
    with pytest.raises(InputError, match="column 'body' is named for two fields"):
        read_articles(_write(tmp_path, _csv(rows)), columns=ColumnMap(text="Body", title="BODY"))


def test_a_named_column_that_is_missing_lists_the_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([["text", "title"], ["نص", "ع"]]))
    with pytest.raises(InputError, match=r"row 1: no column named 'Body'; the columns are: 'text', 'title'"):
        read_articles(path, columns=ColumnMap(text="Body"))


def test_missing_text_column_lists_the_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([["id", "headline", "summary"], ["1", "ع", "ملخص"]]))
    with pytest.raises(InputError, match=r"no text column .*the columns are: 'id', 'headline', 'summary'"):
        read_articles(path)


def test_empty_text_names_the_row(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([["text", "title"], ["نص", "أ"], ["  ", "ب"]]))
    with pytest.raises(InputError) as caught:
        read_articles(path)
    assert caught.value.row == 3
    assert str(caught.value) == f"{path}, row 3: the text ('text') is empty"


def test_a_repeated_id_names_both_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([["id", "text"], ["x", "أ"], ["y", "ب"], ["x", "ج"]]))
    with pytest.raises(InputError, match=r"row 4: id 'x' is used twice \(rows 2 and 4\)"):
        read_articles(path)


def test_more_values_than_headers(tmp_path: Path) -> None:
    path = _write(tmp_path, "text,title\nنص, فيه فاصلة,عنوان\n")
    with pytest.raises(
        InputError, match=r"row 2: this row has a value in column 3 but the header names only 2"
    ):
        read_articles(path)


def test_blank_and_duplicate_header_names_become_metadata_keys(tmp_path: Path) -> None:
    [record] = read_articles(_write(tmp_path, _csv([["text", "note", "", "note"], ["نص", "أ", "ب", "ج"]])))
    assert record.metadata == {"note": "أ", "column 3": "ب", "note (2)": "ج"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02\x03PK" * 50, "binary"),
        (b"text,title\n", "no rows below the header"),
        (b"\n\n", "the file has no rows"),
    ],
)
def test_bad_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_articles(path)


def test_undecodable_bytes_with_a_forced_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([["text"], ["نص"], ["في"]]), encoding="cp1256")
    with pytest.raises(InputError) as caught:
        read_articles(path, encoding="utf-8")
    assert caught.value.line == 2 and "cannot decode as utf-8" in caught.value.message


def test_an_unclosed_quote_is_a_malformed_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, 'text,title\n"نص,عنوان\nسطر آخر,ع\n')
    with pytest.raises(InputError) as caught:
        read_articles(path)
    assert "malformed CSV" in caught.value.message and "quote" in caught.value.message
    assert (caught.value.line, caught.value.row) == (3, 2)


def test_text_after_a_closing_quote_is_a_malformed_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, 'text,title\n"نص" زائد,عنوان\n')
    with pytest.raises(InputError, match=r"line 2, row 2: malformed CSV"):
        read_articles(path)


def test_tsv_extension_uses_tabs(tmp_path: Path) -> None:
    [record] = read_articles(_write(tmp_path, "text\ttitle\nنص, مع فاصلة\tع\n", name="a.tsv"))
    assert record.text == "نص, مع فاصلة"
