"""Files whose lines mix encodings: refused by line (and row), never stored as mojibake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importer_helpers import DEMO, PARAGRAPHS

from annotator.errors import InputError
from annotator.importers import read_articles

SENTENCES = [p for p in PARAGRAPHS if len(p) < 400 and sum("\u0621" <= ch <= "\u064a" for ch in p) > 10][:6]


def _cp1256(text: str) -> bytes:
    return text.encode("cp1256", errors="replace")


def test_a_csv_with_one_utf8_row_among_windows_1256_rows(tmp_path: Path) -> None:
    lines = [_cp1256("id,النص")] + [_cp1256(f'{i},"{s}"') for i, s in enumerate(SENTENCES[:4])]
    lines.insert(3, f'99,"{SENTENCES[4]}"'.encode())
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    with pytest.raises(InputError, match="mixes text encodings: this line is UTF-8") as caught:
        read_articles(path)
    assert (caught.value.path, caught.value.line, caught.value.row) == (str(path), 4, 4)


def test_the_row_counts_values_that_span_lines(tmp_path: Path) -> None:
    header = _cp1256("id,النص")
    spanning = _cp1256(f'1,"{SENTENCES[0]}\n{SENTENCES[1]}\n{SENTENCES[2]}"')
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\n".join([header, spanning, f'2,"{SENTENCES[3]}"'.encode()]) + b"\n")
    with pytest.raises(InputError, match="mixes text encodings") as caught:
        read_articles(path)
    assert (caught.value.line, caught.value.row) == (5, 3)


def test_a_text_file_with_one_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\n".join([_cp1256(SENTENCES[0]), SENTENCES[1].encode(), _cp1256(SENTENCES[2])]))
    with pytest.raises(InputError, match="mixes text encodings") as caught:
        read_articles(path)
    assert caught.value.line == 2


def test_a_json_lines_file_with_one_utf8_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": s}, ensure_ascii=False) for s in SENTENCES[:3]]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([_cp1256(lines[0]), _cp1256(lines[1]), lines[2].encode()]))
    with pytest.raises(InputError, match="mixes text encodings") as caught:
        read_articles(path)
    assert caught.value.line == 3


def test_an_explicit_code_page_does_not_hide_a_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\n".join([_cp1256(SENTENCES[0]), SENTENCES[1].encode()]))
    with pytest.raises(InputError, match="mixes text encodings"):
        read_articles(path, encoding="cp1256")


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_whole_legacy_files_are_not_mistaken_for_mixed_ones(tmp_path: Path, encoding: str) -> None:
    for source in sorted(DEMO.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        path = tmp_path / source.name
        path.write_bytes(text.encode(encoding, errors="replace"))
        [record] = read_articles(path, encoding=encoding)
        assert record.text.split("\n", 1)[0] == text.encode(encoding, errors="replace").decode(encoding).split("\n", 1)[0]


def test_a_utf8_file_with_one_arabic_letter_line_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes("id,النص\n1,ب\n2,نص\n".encode())
    assert [r.text for r in read_articles(path)] == ["ب", "نص"]
