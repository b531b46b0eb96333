"""Importing brat collections: matching texts to documents, mapping offsets, and every refusal
(one line naming the file and line; nothing imported from a collection with one bad file)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.cli import main
from annotator.db.models import Annotation, AttributeValue, Document, Relation
from annotator.db.services.brat_import import import_brat
from annotator.errors import InputError

SOCIAL = "social-post-2016-12"


@pytest.fixture
def project(seeded):  # noqa: ANN001, ANN201 - (store, canonical social-post text)
    store, ids = seeded
    with store.reader() as session:
        text = session.scalar(select(Document.text).where(Document.external_id == SOCIAL))
    return store, text


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _ann(text: str, phrase: str = "Barack Obama", kind: str = "Actor-International") -> str:
    start, end = _span(text, phrase)
    return f"T1\t{kind} {start} {end}\t{phrase}\nA1\tPortrayed_role T1 Mediator\n"


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "collection"
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8", newline="")
        else:
            target.write_bytes(content)
    return folder


def _import(store, source: Path, coder: str = "Amina"):  # noqa: ANN001, ANN202
    with store.transaction() as session:
        return import_brat(session, source, coder)


def _count(store, model=Annotation) -> int:  # noqa: ANN001
    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _refused(store, source: Path, *parts: str) -> str:  # noqa: ANN001
    with pytest.raises(InputError) as caught:
        _import(store, source)
    message = str(caught.value)
    assert "\n" not in message
    for part in parts:
        assert part in message, message
    assert _count(store) == 0
    return message


def test_a_plain_collection_with_emoji_imports_at_code_points(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    start, end = _span(text, "الأمم المتحدة")
    ann = (_ann(text) + f"T2\tActor-International {start} {end}\tالأمم المتحدة\n"
           "R1\tabout Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T1\tfirst\\nsecond\n")
    outcome = _import(store, _folder(tmp_path, {"post.txt": text, "post.ann": ann}))
    assert (outcome.files, outcome.annotations, outcome.relations) == (1, 2, 1)
    with store.reader() as session:
        rows = session.execute(select(Annotation.start, Annotation.end, Annotation.memo)
                               .order_by(Annotation.start)).all()
        values = list(session.scalars(select(AttributeValue.value)))
    assert [text[r.start:r.end] for r in rows] == ["Barack Obama", "الأمم المتحدة"]
    assert rows[0].memo == "first\nsecond" and values == ["Mediator"]
    assert _count(store, Relation) == 1


def test_text_matching_no_document_is_refused_by_file(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    folder = _folder(tmp_path, {"post.txt": text + " edited", "post.ann": _ann(text)})
    _refused(store, folder, "post.txt", "matches no document")


@pytest.mark.parametrize("line, message", [
    ("T2 Actor-State 0 3 abc", "line 3: not a brat standoff line"),
    ("T2\tActor-State 0 3;5 8\tabc def", "line 3: discontinuous spans"),
    ("E1\tEvent:T1", "line 3: brat events cannot be imported"),
    ("A2\tPortrayed_role T9 Victim", "line 3: T9 is not a T line"),
    ("T1\tActor-State 0 3\tabc", "line 3: id T1 is also used on line 1"),
    ("A2\tPortrayed_role T1 Victim", "line 3: attribute Portrayed_role of T1 is also on line 2"),
])
def test_malformed_ann_lines_are_refused_by_file_and_line(project, tmp_path: Path, line: str,
                                                           message: str) -> None:  # noqa: ANN001
    store, text = project
    folder = _folder(tmp_path, {"post.txt": text, "post.ann": _ann(text) + line + "\n"})
    _refused(store, folder, "post.ann", message)


def test_offsets_out_of_range_are_refused(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    ann = f"T1\tActor-State {len(text) - 2} {len(text) + 5}\tabc\n"
    _refused(store, _folder(tmp_path, {"post.txt": text, "post.ann": ann}),
             "post.ann, line 1", "outside the text")


def test_span_text_that_differs_from_the_slice_is_refused(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    start, end = _span(text, "Barack Obama")
    ann = f"T1\tActor-International {start + 1} {end + 1}\tBarack Obama\n"
    _refused(store, _folder(tmp_path, {"post.txt": text, "post.ann": ann}),
             "post.ann, line 1", "differs from the .txt")


def test_unknown_type_attribute_and_value_are_refused(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    for ann, message in [
        (_ann(text, kind="Actor-Martian"), "unknown type 'Actor-Martian'"),
        (_ann(text).replace("Portrayed_role", "Mood"), "line 2: unknown attribute 'Mood'"),
        (_ann(text).replace("Mediator", "Hero"), "line 2: Portrayed role: 'Hero' is not one of"),
        (_ann(text) + "R1\tlikes Arg1:T1 Arg2:T1\n", "line 3: unknown relation 'likes'"),
    ]:
        folder = _folder(tmp_path / str(abs(hash(message))),
                         {"post.txt": text, "post.ann": ann})
        _refused(store, folder, "post.ann", message)


def test_one_bad_file_imports_nothing_of_the_collection(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    with store.reader() as session:
        other = session.scalar(select(Document.text).where(Document.external_id != SOCIAL))
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": _ann(text),
                                "b.txt": other, "b.ann": "T1\tActor-State 0 4\twrong\n"})
    _refused(store, folder, "b.ann, line 1")


def test_bom_and_crlf_text_maps_offsets_to_the_canonical_text(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    raw = text.replace("\n", "\r\n")
    start, end = _span(raw, "Barack Obama")  # CRLF counted as two code points, as stored
    lf_start, lf_end = _span(text, "Barack Obama")  # CRLF counted as one (universal newlines)
    assert start > lf_start
    folder = _folder(tmp_path, {
        "stored.txt": "\ufeff" + raw, "stored.ann": f"T1\tActor-State {start} {end}\tBarack Obama\n"})
    _import(store, folder)
    with store.reader() as session:
        assert session.execute(select(Annotation.start, Annotation.end)).one() == (lf_start, lf_end)
    other = _folder(tmp_path / "lf", {
        "lf.txt": ("\ufeff" + raw).encode("utf-8"),
        "lf.ann": f"T1\tActor-State {lf_start} {lf_end}\tBarack Obama\n"})
    _import(store, other, "Basel")
    with store.reader() as session:
        spans = session.execute(select(Annotation.start, Annotation.end)).all()
    assert spans == [(lf_start, lf_end)] * 2


def test_a_boundary_inside_crlf_and_non_nfc_text_are_refused(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    raw = text.replace("\n", "\r\n")
    cr = raw.index("\r\n")
    ann = f"T1\tActor-State {cr - 3} {cr + 1}\t{raw[cr - 3:cr]} \n"
    _refused(store, _folder(tmp_path, {"a.txt": raw, "a.ann": ann}), "between the CR and LF")
    decomposed = "e\u0301 " + text
    _refused(store, _folder(tmp_path / "nfd", {"a.txt": decomposed, "a.ann": ""}), "not in Unicode NFC")


def test_text_that_is_not_utf8_is_refused(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    folder = _folder(tmp_path, {"a.txt": text.encode("utf-8") + b"\xff", "a.ann": ""})
    _refused(store, folder, "a.txt", "not UTF-8")


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_zip_with_traversal_or_too_large_is_refused(project, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    store, text = project
    evil = _zip(tmp_path / "evil.zip", {"../post.txt": text, "../post.ann": _ann(text)})
    _refused(store, evil, "evil.zip", "unsafe path")
    large = _zip(tmp_path / "large.zip", {"post.txt": text, "post.ann": _ann(text)})
    monkeypatch.setattr("annotator.importers.brat.MAX_BYTES", 100)
    _refused(store, large, "large.zip", "unpacks to")


def test_exported_layout_reads_only_the_coder_folder(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, text = project
    archive = _zip(tmp_path / "export.zip", {
        "coding/Amina/post.txt": text, "coding/Amina/post.ann": _ann(text),
        "coding/Omar/post.txt": text, "coding/Omar/post.ann": "garbage\n"})
    assert _import(store, archive).annotations == 1  # Omar's folder is not read
    with pytest.raises(InputError, match="holds the coding of Amina, Omar but no folder "
                       "coding/Basel/"):
        _import(store, archive, "Basel")
    with pytest.raises(InputError, match="Amina already has 1 annotation"):
        _import(store, archive)
    assert _count(store) == 1


def test_cli_needs_a_coder_and_names_an_unknown_one(project, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    store, text = project
    store.close()
    archive = _zip(tmp_path / "c.zip", {"post.txt": text, "post.ann": _ann(text)})
    assert main(["annotations", str(store.path), "import", str(archive)]) == 1
    assert "needs --coder NAME" in capsys.readouterr().err
    assert main(["annotations", str(store.path), "import", str(archive), "--coder", "Zed"]) == 1
    assert "unknown coder 'Zed'" in capsys.readouterr().err
