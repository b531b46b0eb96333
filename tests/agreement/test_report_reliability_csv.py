"""Reading KALPHA-layout CSV files: values, missing cells, encodings and errors naming the cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.agreement.reliability_csv import read_reliability_csv
from annotator.errors import InputError


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_numbers_and_missing_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "A,B,C\n1,2,\n3,.,NA\n\n2.5,1.0,1\n")
    data = read_reliability_csv(path, "interval")
    assert data.coders == ("A", "B", "C") and data.n_units == 3 and data.numeric
    assert data.values == [[1.0, 3.0, 2.5], [2.0, None, 1.0], [None, None, 1.0]]


def test_nominal_labels_stay_text_and_equal_numbers_are_one_category(tmp_path: Path) -> None:
    labels = read_reliability_csv(write(tmp_path, "A,B\nyes,no\nyes,yes\n"), "nominal")
    assert not labels.numeric and labels.values == [["yes", "yes"], ["no", "yes"]]
    numbers = read_reliability_csv(write(tmp_path, "A,B\n1,1.0\n2,2\n", name="n.csv"), "nominal")
    assert numbers.numeric and numbers.values == [[1.0, 2.0], [1.0, 2.0]]


def test_semicolons_decimal_commas_and_a_trailing_separator(tmp_path: Path) -> None:
    data = read_reliability_csv(write(tmp_path, "A;B;\n1,5;2\n3;;\n"), "ratio")
    assert data.values == [[1.5, 3.0], [2.0, None]]


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-8-sig"])
def test_arabic_coder_names_in_legacy_and_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    text = "ليلى,عمر,سارة\r\nنعم,نعم,لا\r\nلا,لا,لا\r\nنعم,,نعم\r\n"
    data = read_reliability_csv(write(tmp_path, text, encoding), "nominal")
    assert data.coders == ("ليلى", "عمر", "سارة")
    assert data.values[2] == ["لا", "لا", "نعم"]


@pytest.mark.parametrize(("text", "level", "message"), [
    ("A,B\n1,2\n3,high\n", "interval", r"data\.csv, row 3: column 2 \(B\): 'high' is not a number"),
    ("A,B\n1,-2\n", "ratio", r"row 2: column 2 \(B\): -2 is negative"),
    ("A,B\n1,2,3\n", "nominal", r"row 2: 3 cells but the header names 2 coders"),
    ("A,A\n1,2\n", "nominal", r"row 1: column 2: coder 'A' appears twice"),
    ("A,,C\n1,2,3\n", "nominal", r"row 1: column 2: the header needs a coder name"),
    ("A\n1\n2\n", "nominal", r"row 1: the header names 1 coder\(s\)"),
    ("A,B\n", "nominal", r"no units"),
    ("A,B\n\"1,2\n", "nominal", r"malformed CSV"),
    ("\x00\x01\x02binary", "nominal", r"data\.csv"),
])
def test_bad_files_name_the_file_row_and_column(tmp_path: Path, text: str, level: str,
                                                message: str) -> None:
    with pytest.raises(InputError, match=message) as error:
        read_reliability_csv(write(tmp_path, text), level)
    assert "\n" not in str(error.value)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the file"):
        read_reliability_csv(tmp_path / "absent.csv")
