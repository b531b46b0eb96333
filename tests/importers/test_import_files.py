"""read_articles dispatch, size limits, and finding article files in folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import ALEPPO, DEMO, canonical

from annotator.errors import InputError
from annotator.importers import SUPPORTED_EXTENSIONS, iter_article_files, read_articles
from annotator.importers.columns import header_key


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a.pdf", "unsupported file type '.pdf': PDF cannot be read"),
        ("a.doc", "old Word .doc files cannot be read; save it as .docx"),
        ("a.xls", "old Excel .xls files cannot be read; save it as .xlsx"),
        ("a.json", r"JSON Lines \(.jsonl\) is read"),
        ("a.odt", r"unsupported file type '.odt': the file types read are .csv, .docx, .jsonl"),
        ("README", r"unsupported file type '\(no extension\)'"),
    ],
)
def test_unsupported_extensions(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_text("نص", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert caught.value.path == str(path)


def test_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text("text;title\nنص;ع\n", encoding="utf-8")
    [record] = read_articles(path, format="CSV")
    assert (record.text, record.title) == ("نص", "ع")
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        read_articles(path, format="pdf")


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ALEPPO, encoding="utf-8")
    with pytest.raises(InputError, match=r"the file is too large \(0.0 MB; the limit is 0.0 MB\)"):
        read_articles(path, max_bytes=1_000)
    assert read_articles(path, max_bytes=len(ALEPPO.encode("utf-8")))[0].text == canonical(ALEPPO)


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="this is a folder, not a file"):
        read_articles(folder)


def test_a_bad_row_rejects_the_whole_file(tmp_path: Path) -> None:
    rows = "\n".join(["text,id"] + [f"مقال {i},{i}" for i in range(100)] + ['"",100'])
    path = tmp_path / "many.csv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(InputError, match="row 102"):
        read_articles(path)


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.csv",
        "sub/c.docx",
        "sub/deeper/d.jsonl",
        "e.xlsx",
        "f.tsv",
        "notes.pdf",
        ".hidden.txt",
        ".git/x.txt",
        "~$lock.docx",
        "sub/.cache/y.csv",
        "UPPER.TXT",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = iter_article_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "UPPER.TXT",
        "a.csv",
        "b.txt",
        "e.xlsx",
        "f.tsv",
        "sub/c.docx",
        "sub/deeper/d.jsonl",
    ]


def test_files_are_taken_as_given_once_each(tmp_path: Path) -> None:
    pdf = tmp_path / "given.pdf"
    pdf.write_text("x", encoding="utf-8")
    found = iter_article_files([pdf, DEMO, DEMO / "aleppo-2016-12.txt"])
    assert found[0] == pdf
    assert [p.name for p in found[1:]] == sorted(p.name for p in DEMO.glob("*.txt"))
    with pytest.raises(InputError, match="no such file or folder"):
        iter_article_files([tmp_path / "nope"])


def test_supported_extensions() -> None:
    assert {".txt", ".docx", ".csv", ".xlsx", ".jsonl"} <= SUPPORTED_EXTENSIONS


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Article_Text", "article text"),
        ("  النص ", "النص"),
        ("عنوان المقالة", "عنوان المقاله"),
        ("إسم", "اسم"),
    ],
)
def test_header_names_compare_loosely(a: str, b: str) -> None:
    assert header_key(a) == header_key(b)
