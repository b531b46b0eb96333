"""Reading REFI-QDA files from other programs: ATLAS.ti-style naming, CRLF sources, and refusals."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, Code, Document
from annotator.errors import InputError
from annotator.importers.refi_qda import read_qdc, read_qdpx

USER = "{6F1C2A3B-0000-4000-8000-00000000A001}"
ECONOMY = "{6F1C2A3B-0000-4000-8000-00000000C001}"
CLAIM = "{6F1C2A3B-0000-4000-8000-00000000C002}"
FACTUAL = "{6F1C2A3B-0000-4000-8000-00000000C003}"
SOURCE = "{6F1C2A3B-0000-4000-8000-00000000D001}"
TEXT_FILE = "6F1C2A3B-0000-4000-8000-00000000E001.txt"
# Two Arabic lines and an English one, written with Windows line breaks as ATLAS.ti does.
RAW = "الحصار يشتد على حلب\r\nنزح آلاف المدنيين\r\nThe siege tightens.\r\n"


def _span(phrase: str) -> tuple[int, int]:
    start = RAW.index(phrase)
    return start, start + len(phrase)


def _qde(selections: str, *, extra_codes: str = "", doctype: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>{doctype}
<Project xmlns="urn:QDA-XML:project:1.0" name="ATLAS study" origin="ATLAS.ti" creatingUserGUID="{USER}">
  <Users><User guid="{USER}" name="Hana"/></Users>
  <CodeBook><Codes>
    <Code guid="{ECONOMY}" name="Economy" isCodable="true" color="#C0F"><Description>Costs</Description></Code>
    <Code guid="{CLAIM}" name="Claim" isCodable="false">
      <Code guid="{FACTUAL}" name="حقيقة" isCodable="true"/>
    </Code>{extra_codes}
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{SOURCE}" name="siege.docx" plainTextPath="internal://{TEXT_FILE}">{selections}</TextSource>
  </Sources>
</Project>"""


def _selection(guid: str, phrase: str, code: str, *, start: int | None = None, end: int | None = None) -> str:
    s, e = _span(phrase)
    s, e = (s if start is None else start), (e if end is None else end)
    return (f'<PlainTextSelection guid="{guid}" startPosition="{s}" endPosition="{e}">'
            f'<Coding guid="{guid[:-3]}F{guid[-2:]}"><CodeRef targetGUID="{code}"/></Coding>'
            "</PlainTextSelection>")


def _qdpx(path: Path, qde: str, *, qde_name: str = "My Study.qde", members: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde.encode("utf-8"))
        archive.writestr(f"Sources/{TEXT_FILE}", RAW.encode("utf-8"))
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return path


GOOD = (_selection("{6F1C2A3B-0000-4000-8000-00000000F001}", "نزح آلاف المدنيين", FACTUAL)
        + _selection("{6F1C2A3B-0000-4000-8000-00000000F002}", "The siege tightens.", ECONOMY))


def test_atlas_style_project_with_crlf_source_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, project = _qdpx(tmp_path / "study.qdpx", _qde(GOOD)), tmp_path / "p.fannot"
    assert main(["new", str(project), "--name", "p"]) == 0
    assert main(["import", str(project), str(file), "--kind", "Claim"]) == 0
    assert "2 annotations added" in capsys.readouterr().out
    store = open_project(project)
    with store.reader() as session:
        document = session.scalar(select(Document))
        spans = {document.text[a.start:a.end]: session.get(Code, a.code_id)
                 for a in session.scalars(select(Annotation))}
    store.close()
    assert "\r" not in document.text and document.title == "siege.docx"
    assert set(spans) == {"نزح آلاف المدنيين", "The siege tightens."}  # same characters after CRLF → LF
    economy, factual = spans["The siege tightens."], spans["نزح آلاف المدنيين"]
    assert (economy.kind, economy.colour, economy.definition) == ("claim", "#cc00ff", "Costs")  # --kind
    assert (factual.kind, factual.name_ar, factual.parent_id) == ("claim", "حقيقة", None)  # under its kind node


def test_default_kind_is_framing_device(tmp_path: Path) -> None:
    file = _qdpx(tmp_path / "study.qdpx", _qde(GOOD))
    project = read_qdpx(file)
    assert [c.name for c in project.codes] == ["Economy", "Claim"]
    project_path = tmp_path / "p.fannot"
    assert main(["new", str(project_path), "--name", "p"]) == 0
    assert main(["import", str(project_path), str(file)]) == 0
    store = open_project(project_path)
    with store.reader() as session:
        assert session.get(Code, ECONOMY.strip("{}").lower()).kind == "framing_device"
    store.close()


def _refusal(tmp_path: Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        read_qdpx(_qdpx(tmp_path / "bad.qdpx", **kwargs))  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize(("qde", "members", "expected"), [
    (_qde(GOOD), {"../evil.txt": b"x"}, "unsafe path: '../evil.txt'"),
    (_qde(GOOD, doctype='<!DOCTYPE p [<!ENTITY e "boom">]>'), {}, "refused for safety"),
    (_qde(_selection("{6F1C2A3B-0000-4000-8000-00000000F003}", "The siege", "{6F1C2A3B-0000-4000-8000-0000000000FF}")),
     {}, "refers to code 6f1c2a3b-0000-4000-8000-0000000000ff, which the codebook does not define"),
    (_qde(_selection("{6F1C2A3B-0000-4000-8000-00000000F004}", "The siege", FACTUAL, end=500)),
     {}, "<PlainTextSelection guid={6F1C2A3B-0000-4000-8000-00000000F004}>: positions 40-500 are outside"),
    (_qde(GOOD).replace(f'name="siege.docx" plainTextPath="internal://{TEXT_FILE}"',
                        'name="siege.docx" plainTextPath="internal://missing.txt"'), {}, "sources/missing.txt is not in"),
    (_qde(GOOD).replace("<Project ", "<Projekt ").replace("</Project>", "</Projekt>"), {},
     "the root element is <Projekt>, expected <Project>"),
    (_qde(GOOD).replace("</Project>", ""), {}, "not well-formed XML"),
])
def test_bad_projects_are_refused_naming_file_and_element(tmp_path: Path, qde: str, members: dict[str, bytes],
                                                         expected: str) -> None:
    message = _refusal(tmp_path, qde=qde, members=members)
    assert message.startswith(str(tmp_path / "bad.qdpx")) and expected in message


def test_oversize_archive_is_refused_before_unpacking(tmp_path: Path) -> None:
    file = _qdpx(tmp_path / "big.qdpx", _qde(GOOD), members={"sources/padding.txt": b"a" * 200_000})
    with pytest.raises(InputError, match=r"unpacks to 0.2 MB, more than the limit of 0.1 MB \(a damaged file or a zip bomb\)"):
        read_qdpx(file, max_bytes=10_000)


def test_failed_import_leaves_the_project_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.fannot"
    bad = _qde(GOOD + _selection("{6F1C2A3B-0000-4000-8000-00000000F005}", "The siege", FACTUAL, start=-1))
    file = _qdpx(tmp_path / "bad.qdpx", bad)
    assert main(["new", str(project), "--name", "p"]) == 0
    assert main(["import", str(project), str(file)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "My Study.qde" in error and "F005" in error
    store = open_project(project)
    with store.reader() as session:
        assert session.scalar(select(Document)) is None and session.scalar(select(Code)) is None
    store.close()


def test_qdc_with_entities_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "book.qdc"
    file.write_text('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa">]>'
                    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                    f'<Code guid="{ECONOMY}" name="&a;" isCodable="true"/></Codes></CodeBook>', encoding="utf-8")
    with pytest.raises(InputError, match="DTD or entities"):
        read_qdc(file)


def test_the_specification_example_codebook_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parent.parent / "data" / "refi-qda" / "appendix-a1-codebook.qdc"
    project = tmp_path / "p.fannot"
    assert main(["new", str(project), "--name", "p"]) == 0
    assert main(["codebook", str(project), "import", str(example)]) == 0
    report = capsys.readouterr().out
    assert "6 codes added" in report and "the mark 'not codable' of 2 code(s)" in report
    store = open_project(project)
    with store.reader() as session:
        economy = session.get(Code, "d7aa29da-519b-4946-9b90-253b6db8fd0a")  # braces and case dropped
        assert (economy.name_en, economy.colour, economy.kind) == ("Economy", "#ffff00", "framing_device")
        assert economy.definition == "Anything about jobs or taxes or business"
    store.close()


def test_inline_source_text_is_read_before_its_selections(tmp_path: Path) -> None:
    """A TextSource may carry its text as PlainTextContent (before its selections, as the
    schema orders them): the streamed reader knows the text when the first selection ends."""
    from xml.sax.saxutils import escape

    inline = escape(RAW, {"\r": "&#13;"})  # XML would read a bare CR as a line break
    qde = _qde(GOOD).replace(f'name="siege.docx" plainTextPath="internal://{TEXT_FILE}">',
                             f'name="siege.docx"><PlainTextContent>{inline}</PlainTextContent>')
    project = read_qdpx(_qdpx(tmp_path / "inline.qdpx", qde))
    (source,) = project.sources
    assert source.text == RAW.replace("\r\n", "\n")
    texts = [source.text[s.start:s.end] for s in source.selections]
    assert texts == ["نزح آلاف المدنيين", "The siege tightens."]
