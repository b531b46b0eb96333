"""Plain-text articles: encodings, line endings, titles and bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from importer_helpers import ALEPPO, DEMO, canonical

from annotator.errors import InputError
from annotator.importers import read_articles

ALEPPO_TITLE = ALEPPO.split("\n", 1)[0].strip()


@pytest.mark.parametrize("name", sorted(p.name for p in DEMO.glob("*.txt")))
def test_each_demo_article_is_one_canonical_record(name: str) -> None:
    [record] = read_articles(DEMO / name)
    raw = (DEMO / name).read_text(encoding="utf-8")
    assert record.text == canonical(raw)
    assert record.title == next(line.strip() for line in raw.split("\n") if line.strip())
    assert record.external_id == Path(name).stem
    assert record.source == name
    assert (record.outlet, record.date, record.url, record.author, record.metadata) == (
        None,
        None,
        None,
        None,
        {},
    )


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("cp1256"), id="windows-1256"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), id="utf-16-le"),
        pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf-16-be"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("cp1256"), id="windows-1256-crlf"),
    ],
)
def test_every_encoding_gives_exactly_the_canonical_utf8_text(tmp_path: Path, encode) -> None:  # noqa: ANN001
    path = tmp_path / "aleppo-2016-12.txt"
    path.write_bytes(encode(ALEPPO))
    [record] = read_articles(path)
    assert record.text == canonical(ALEPPO)
    assert record.text.encode("utf-8") == canonical(ALEPPO).encode("utf-8")
    assert record.title == ALEPPO_TITLE


@pytest.mark.parametrize("encoding", [None, "iso-8859-6"])
def test_iso_8859_6_on_the_representable_part_of_the_corpus(tmp_path: Path, encoding: str | None) -> None:
    lines = [line for line in ALEPPO.split("\n") if _iso_ok(line)]
    text = "\n".join(lines)
    assert len(lines) >= 20  # only lines with “ ” or … are left out
    path = tmp_path / "iso.txt"
    path.write_bytes(text.encode("iso8859_6"))
    [record] = read_articles(path, encoding=encoding)
    assert record.text == canonical(text)


def _iso_ok(line: str) -> bool:
    try:
        line.encode("iso8859_6")
    except UnicodeEncodeError:
        return False
    return True


def test_title_is_the_first_non_empty_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n  \n   عنوان الخبر  \nالنص\n", encoding="utf-8")
    [record] = read_articles(path)
    assert record.title == "عنوان الخبر"
    assert record.text == "\n  \n   عنوان الخبر  \nالنص\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (codecs.BOM_UTF8, "the file is empty"),
        (b"  \n\t\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    ],
)
def test_bad_files_are_rejected(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert caught.value.path == str(path)


def test_undecodable_bytes_with_a_forced_encoding_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes("سطر\nسطر\nفي حلب".encode("cp1256"))
    with pytest.raises(InputError) as caught:
        read_articles(path, encoding="utf-8")
    assert caught.value.line == 1
    assert str(caught.value).startswith(f"{path}, line 1: cannot decode as utf-8: byte 0x")
    with pytest.raises(InputError) as caught:
        read_articles(path, encoding="iso8859_6")
    assert caught.value.line == 3
