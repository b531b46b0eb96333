"""Zip packages (.docx, .xlsx) that zipfile refuses in ways other than "not a zip file": each is one
clear line naming the file, and the rest of a batch still imports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from importer_helpers import ALEPPO_FILE, patch_zip_headers, write_docx, write_xlsx

from annotator.errors import InputError
from annotator.importers import read_articles


def _sample(tmp_path: Path, suffix: str) -> tuple[Path, str]:
    if suffix == ".docx":
        return write_docx(tmp_path / "sample.docx", ["نص المقال"]), "word/document.xml"
    return write_xlsx(tmp_path / "sample.xlsx", [["text"], ["نص المقال"]]), "xl/worksheets/sheet1.xml"


def _with_bad_utf8_name(tmp_path: Path, suffix: str) -> Path:
    """A member whose name is flagged UTF-8 (bit 11) but is not UTF-8 (as some old tools wrote)."""
    path, _ = _sample(tmp_path, suffix)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("docProps/\u00fc.xml", b"<x/>")  # written as UTF-8 with the flag set
    data = path.read_bytes()
    path.write_bytes(data.replace("\u00fc".encode(), b"\xfc\xfc"))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ({"version": 99}, r"zip version 9\.9"),
        ({"method": 99}, "compression method 99"),
        ({"flags": 0x1}, "encrypted"),
    ],
)
def test_unsupported_zip_features_are_one_clear_line(
    tmp_path: Path, suffix: str, damage: dict[str, int], message: str
) -> None:
    path, member = _sample(tmp_path, suffix)
    patch_zip_headers(path, member, **damage)
    with pytest.raises(InputError, match=message) as caught:
        read_articles(path)
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_member_names_flagged_utf8_that_are_not(tmp_path: Path, suffix: str) -> None:
    path = _with_bad_utf8_name(tmp_path, suffix)
    with pytest.raises(InputError, match="part name is marked as UTF-8 but is not") as caught:
        read_articles(path)
    assert caught.value.path == str(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_truncated_and_corrupt_members(tmp_path: Path, suffix: str) -> None:
    path, member = _sample(tmp_path, suffix)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = bytes(255 - b for b in data[start : start + info.compress_size])
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged") as caught:
        read_articles(path)
    assert caught.value.path == str(path)


def test_the_rest_of_a_batch_still_imports(tmp_path: Path, store) -> None:  # noqa: ANN001
    from annotator.db.services.article_import import import_article_files

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    version, member = _sample(tmp_path / "a", ".docx")
    patch_zip_headers(version, member, version=99)
    names = _with_bad_utf8_name(tmp_path / "b", ".xlsx")
    report = import_article_files(store, [version, names, ALEPPO_FILE])
    assert [bool(f.error) for f in report.files] == [True, True, False]
    assert report.files[2].added == 1
