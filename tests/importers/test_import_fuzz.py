"""Seeded byte mutations of a valid file of every supported type, imported as the CLI imports them.

Whatever the damage, the only error that may escape is the project's own (one line, naming the
file), a refused file stores nothing, and in a folder the files left intact still import. A failing
case names the format, the seed and the mutations, enough to rebuild the file with :func:`mutate`.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from importer_helpers import PARAGRAPHS, write_docx, write_xlsx

from annotator.db.services.article_import import FileResult, import_article_files
from annotator.importers import iter_article_files

SEED = 20161215
CASES = {".txt": 120, ".csv": 120, ".jsonl": 120, ".docx": 120, ".xlsx": 60}
FOLDER_ROUNDS = 12
TEXTS = PARAGRAPHS[:3]


def make_sample(folder: Path, suffix: str) -> Path:
    """A small valid file of each type, with Arabic text, an id and a title."""
    path = folder / f"sample{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join(TEXTS), encoding="utf-8")
    elif suffix == ".csv":
        rows = ["id,title,text"] + [f'{i},"عنوان {i}","{t}"' for i, t in enumerate(TEXTS)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    elif suffix == ".jsonl":
        lines = [json.dumps({"id": i, "title": f"عنوان {i}", "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".docx":
        write_docx(path, TEXTS, title="عنوان", table=[["المصدر", "لافروف"]])
    else:
        write_xlsx(path, [["id", "title", "text"]] + [[i, f"عنوان {i}", t] for i, t in enumerate(TEXTS)])
    return path


# --- byte mutations
def _flip_bits(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)


def _truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(len(data)) :]


def _insert(data: bytearray, rng: random.Random) -> None:
    position = rng.randrange(len(data) + 1)
    data[position:position] = rng.randbytes(rng.randint(1, 16))


def _duplicate(data: bytearray, rng: random.Random) -> None:
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 64)]
    position = rng.randrange(len(data) + 1)
    data[position:position] = piece * rng.randint(1, 4)


BYTE_MUTATIONS: dict[str, Callable[[bytearray, random.Random], None]] = {
    "flip": _flip_bits, "truncate": _truncate, "insert": _insert, "duplicate": _duplicate,
}  # fmt: skip


# --- zip member corruption: the data of one part, a field of its headers, or its XML
def _corrupt_member_data(data: bytearray, info: zipfile.ZipInfo, rng: random.Random) -> None:
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for _ in range(rng.randint(1, 4)):
        data[start + rng.randrange(max(1, info.compress_size))] = rng.randrange(256)


def _corrupt_member_header(data: bytearray, info: zipfile.ZipInfo, rng: random.Random) -> None:
    # local header fields: version 4, flags 6, method 8, CRC 14, sizes 18/22, name length 26
    offset = rng.choice([4, 6, 8, 14, 18, 22, 26])
    position = info.header_offset + offset
    data[position : position + 2] = rng.randbytes(2)


def _corrupt_central_header(data: bytearray, info: zipfile.ZipInfo, rng: random.Random) -> None:
    # central header fields: version needed 6, flags 8, method 10, CRC 16, sizes 20/24, name from 46
    position = data.index(b"PK\x01\x02")
    while int.from_bytes(data[position + 42 : position + 46], "little") != info.header_offset:
        position = data.index(b"PK\x01\x02", position + 4)
    field = rng.choice(["version", "flags", "method", "crc", "size", "name"])
    if field == "version":
        data[position + 6] = rng.randrange(256)
    elif field == "flags":
        flags = rng.choice([0x1, 0x8, 0x20, 0x40, 0x800]) | 0x800  # encrypted, data descriptor, patched …
        data[position + 8 : position + 10] = flags.to_bytes(2, "little")
    elif field == "name":
        data[position + 9] |= 0x08  # bit 11: the name is UTF-8
        data[position + 46] = rng.randrange(0x80, 0x100)
    else:
        offset = {"method": 10, "crc": 16, "size": rng.choice([20, 24])}[field]
        data[position + offset : position + offset + 2] = rng.randbytes(2)


def mutate_zip(source: bytes, rng: random.Random) -> tuple[bytes, str]:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        infos = archive.infolist()
        info = rng.choice(infos)
        if rng.random() < 0.4 and info.filename.endswith((".xml", ".rels")):
            return _mutate_xml_part(archive, info, rng), f"xml of {info.filename}"
    data = bytearray(source)
    kind = rng.choice(["data", "local header", "central header"])
    if kind == "data":
        _corrupt_member_data(data, info, rng)
    elif kind == "local header":
        _corrupt_member_header(data, info, rng)
    else:
        _corrupt_central_header(data, info, rng)
    return bytes(data), f"zip {kind} of {info.filename}"


def _mutate_xml_part(archive: zipfile.ZipFile, target: zipfile.ZipInfo, rng: random.Random) -> bytes:
    xml = bytearray(archive.read(target))
    rng.choice(list(BYTE_MUTATIONS.values()))(xml, rng)
    buffer = io.BytesIO(b"")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for info in archive.infolist():
            rebuilt.writestr(info.filename, bytes(xml) if info is target else archive.read(info))
    return buffer.getvalue()


def mutate(source: bytes, suffix: str, seed: int) -> tuple[bytes, str]:
    """The ``seed``-th mutation of ``source``: one to three byte mutations, or for a package,
    as often a corruption of one of its zip members."""
    rng = random.Random(seed)
    if suffix in (".docx", ".xlsx") and rng.random() < 0.5:
        return mutate_zip(source, rng)
    data, names = bytearray(source), []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(list(BYTE_MUTATIONS))
        if data:
            BYTE_MUTATIONS[name](data, rng)
            names.append(name)
    return bytes(data), "+".join(names)


def _documents(store) -> int:  # noqa: ANN001
    from sqlalchemy import func, select

    from annotator.db.models import Document

    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


def _check(result: FileResult, before: int, after: int, case: str) -> None:
    if result.error is not None:
        assert after == before, f"{case}: refused ({result.error}) yet stored {after - before} document(s)"
        assert result.error.startswith(str(result.path)) and "\n" not in result.error, case
    else:
        assert after == before + result.added, case


@pytest.mark.parametrize("suffix", list(CASES))
def test_mutated_files_raise_only_input_errors_and_store_nothing_when_refused(
    tmp_path: Path, store, suffix: str  # noqa: ANN001
) -> None:
    source = make_sample(tmp_path, suffix).read_bytes()
    path = tmp_path / f"mutated{suffix}"
    refused = 0
    for number in range(CASES[suffix]):
        seed = SEED + number
        data, how = mutate(source, suffix, seed)
        path.write_bytes(data)
        before = _documents(store)
        [result] = import_article_files(store, [path]).files  # anything but AnnotatorError escapes here
        _check(result, before, _documents(store), f"{suffix} seed {seed} ({how})")
        refused += result.error is not None
    assert 0 < refused < CASES[suffix]  # the mutations do damage, and not always fatal damage


def test_a_folder_with_one_damaged_file_imports_the_others(tmp_path: Path, store) -> None:  # noqa: ANN001
    samples = tmp_path / "samples"
    samples.mkdir()
    originals = {suffix: make_sample(samples, suffix).read_bytes() for suffix in CASES}
    rng = random.Random(SEED)
    for round_number in range(FOLDER_ROUNDS):
        folder = tmp_path / f"round{round_number}"
        shutil.copytree(samples, folder)
        suffix = rng.choice(list(CASES))
        data, how = mutate(originals[suffix], suffix, SEED + 1000 + round_number)
        (folder / f"sample{suffix}").write_bytes(data)
        before = _documents(store)
        report = import_article_files(store, iter_article_files([folder]))
        case = f"round {round_number}: {suffix} ({how})"
        for result in report.files:
            if result.path.suffix != suffix:
                assert result.error is None, f"{case}: an intact file was refused: {result.error}"
        assert _documents(store) == before + report.added, case
        assert len(report.files) == len(CASES), case

