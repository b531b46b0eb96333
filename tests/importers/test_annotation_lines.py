"""Reading annotation JSONL lines: hostile shapes end in one clear line naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers.annotations_jsonl import read_annotation_lines

GOOD = {"document": "d", "coder": "c", "code": "Claim/Factual", "start": 0, "end": 3}


def _file(tmp_path: Path, *lines: bytes) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deeply_nested_json_is_one_clear_error(tmp_path: Path, depth: int) -> None:
    deep = b'{"document": "d", "memo": ' + b"[" * depth + b"]" * depth + b"}"
    path = _file(tmp_path, json.dumps(GOOD).encode(), deep)
    with pytest.raises(InputError) as raised:
        read_annotation_lines(path)
    assert str(raised.value).startswith(f"{path}, line 2: ") and "nested" in str(raised.value)


def test_line_separators_inside_strings_do_not_split_lines(tmp_path: Path) -> None:
    memo = "قبل\u2028بعد\u2029\x1c\x85نهاية"
    path = _file(tmp_path, json.dumps({**GOOD, "memo": memo}, ensure_ascii=False).encode(),
                 json.dumps(GOOD).encode())
    annotations, _ = read_annotation_lines(path)
    assert [a.memo for a in annotations] == [memo, ""]
    assert [a.line for a in annotations] == [1, 2]


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    good = json.dumps(GOOD).encode()
    path = _file(tmp_path, good, good, b'{"memo": "\xff"}')
    with pytest.raises(InputError, match=r"line 3: not UTF-8 text"):
        read_annotation_lines(path)


def test_a_byte_order_mark_at_the_start_is_allowed(tmp_path: Path) -> None:
    path = _file(tmp_path, b"\xef\xbb\xbf" + json.dumps(GOOD).encode(), b"", b"  ")
    annotations, relations = read_annotation_lines(path)
    assert len(annotations) == 1 and relations == []


@pytest.mark.parametrize("value", [["x"], 3, True])
def test_ids_must_be_strings(tmp_path: Path, value: object) -> None:
    path = _file(tmp_path, json.dumps({**GOOD, "id": value}).encode())
    with pytest.raises(InputError, match=r"line 1: 'id' must be a string"):
        read_annotation_lines(path)


def test_ids_longer_than_a_uuid_are_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, json.dumps({**GOOD, "id": "x" * 37}).encode())
    with pytest.raises(InputError, match=r"line 1: 'id' must be at most 36 characters"):
        read_annotation_lines(path)


@pytest.mark.parametrize("change, message", [
    ({"start": "0"}, "'start' must be an integer"), ({"end": 1.5}, "'end' must be an integer"),
    ({"start": True}, "'start' must be an integer"), ({"coder": " "}, "'coder' must be a non-empty"),
    ({"document": None}, "'document' must be a non-empty"), ({"memo": 3}, "'memo' must be a string"),
    ({"attributes": ["a"]}, "'attributes' must be an object"), ({"start": 3}, "span [3, 3)"),
])
def test_each_bad_field_is_named(tmp_path: Path, change: dict, message: str) -> None:
    path = _file(tmp_path, json.dumps(GOOD).encode(), json.dumps({**GOOD, **change}).encode())
    with pytest.raises(InputError) as raised:
        read_annotation_lines(path)
    assert str(raised.value).startswith(f"{path}, line 2: ") and message in str(raised.value)


def test_non_string_attribute_values_are_kept_as_json(tmp_path: Path) -> None:
    path = _file(tmp_path, json.dumps({**GOOD, "attributes": {"n": 3, "ok": True, "s": "x"}}).encode())
    (annotation,), _ = read_annotation_lines(path)
    assert dict(annotation.attributes) == {"n": "3", "ok": "true", "s": "x"}
