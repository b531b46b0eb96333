"""JSON Lines articles: keys, metadata, line numbers and malformed lines."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from importer_helpers import PARAGRAPHS

from annotator.errors import InputError
from annotator.importers import ColumnMap, read_articles


def _write(tmp_path: Path, lines: list[str], name: str = "articles.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _line(**values: object) -> str:
    return json.dumps(values, ensure_ascii=False)


def test_one_record_per_object(tmp_path: Path) -> None:
    lines = [
        _line(
            id="a1",
            title=PARAGRAPHS[0],
            text=PARAGRAPHS[4],
            outlet="الموعد",
            date="2016-12-13",
            url="https://example.org/1",
            author="elmaouid",
            tone="pro",
            words=612,
            checked=True,
            tags=["حلب", "سوريا"],
        ),
        "",
        _line(id=2, headline="عنوان", body=PARAGRAPHS[5], metadata={"round": 1, "tone": "anti"}),
    ]
    first, second = read_articles(_write(tmp_path, lines))
    assert (first.external_id, first.title, first.text, first.outlet) == (
        "a1",
        PARAGRAPHS[0],
        PARAGRAPHS[4],
        "الموعد",
    )
    assert (first.date, first.url, first.author) == ("2016-12-13", "https://example.org/1", "elmaouid")
    assert first.metadata == {"tone": "pro", "words": "612", "checked": "true", "tags": '["حلب", "سوريا"]'}
    assert (second.external_id, second.title, second.text) == ("2", "عنوان", PARAGRAPHS[5])
    assert second.metadata == {"round": "1", "tone": "anti"}
    assert [r.source for r in (first, second)] == ["articles.jsonl, line 1", "articles.jsonl, line 3"]


def test_values_are_canonical_and_a_raw_line_separator_stays_inside_its_string(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + '{"text": "أول\u2028ثاني\\r\\nثالث", "id": "x"}\r\n'.encode("utf-8"))
    [record] = read_articles(path)
    assert (record.text, record.external_id) == ("أول\nثاني\nثالث", "x")


def test_explicit_keys(tmp_path: Path) -> None:
    [record] = read_articles(
        _write(tmp_path, [_line(copy="نص", kicker="ع")]), columns=ColumnMap(text="copy", title="kicker")
    )
    assert (record.text, record.title, record.metadata) == ("نص", "ع", {})


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "نص",', r"invalid JSON: Expecting property name enclosed in double quotes \(column 15\)"),
        ('{"text": "نص"} trailing', "invalid JSON: Extra data"),
        ('["text", "نص"]', "expected a JSON object {…}, found an array"),
        ('"نص"', "expected a JSON object {…}, found a string"),
        ("null", "expected a JSON object {…}, found null"),
        ('{"title": "ع", "summary": "م"}', "no text column .*the columns are: 'title', 'summary'"),
        ('{"text": "  ", "title": "ع"}', r"the text \('text'\) is empty"),
        ('{"text": null}', r"the text \('text'\) is empty"),
        ('{"text": 12}', r"the text \('text'\) must be a string, not a number"),
        ('{"text": {"ar": "نص"}}', r"the text \('text'\) must be a string, not an object"),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
    ],
)
def test_a_bad_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, [_line(text="سليم"), "", line])
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}, line 3: ")


def test_a_repeated_id_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, [_line(id=1, text="أ"), _line(id="1", text="ب")])
    with pytest.raises(InputError, match=r"line 2: id '1' is used twice \(lines 1 and 2\)"):
        read_articles(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "the file is empty"), (b"\n \n", "no JSON objects"), (bytes(range(256)) * 4, "binary")],
)
def test_bad_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_articles(path)


def test_undecodable_bytes_with_a_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp.jsonl"
    path.write_bytes(('{"text": "a"}\n' + _line(text="نص") + "\n").encode("cp1256"))
    with pytest.raises(InputError) as caught:
        read_articles(path, encoding="utf-8")
    assert caught.value.line == 2 and "cannot decode as utf-8" in caught.value.message
