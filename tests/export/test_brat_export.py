"""brat export of the coded demo project, read back by an independent strict reader, and the round
trip into a fresh project holding the same documents (emoji and flags in the social post)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.export.brat_strict import read_zip
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, AttributeDefinition, AttributeValue, Coder, Document
from annotator.db.models import Relation
from annotator.db.services.annotations import create_annotation, update_annotation
from annotator.db.services.codebook import code_ids_by_path, list_codes
from annotator.db.services.demo import build_demo_project
from annotator.domain import Layer
from annotator.resources import resource_path

MEMOS = ["line one\nline two", "tab\there and a backslash \\n kept", "مذكرة عربية 😢"]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coded demo project with three memos (newline, tab, backslash, emoji) added."""
    path = tmp_path_factory.mktemp("brat") / "demo.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    with store.transaction() as session:
        ids = session.scalars(select(Annotation.id).order_by(Annotation.start, Annotation.id))
        for annotation_id, memo in zip(list(ids)[:len(MEMOS)], MEMOS):
            update_annotation(session, annotation_id, memo=memo)
    store.close()
    return path


def snapshot(path: Path) -> tuple[set, set]:
    """Annotations (document hash, coder, code, start, end, attributes, memo) and links."""
    store = open_project(path)
    with store.reader() as session:
        paths = {row.uuid: row.path for row in list_codes(session)}
        coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        digests = dict(session.execute(select(Document.id, Document.sha256)).all())
        names = dict(session.execute(select(AttributeDefinition.id, AttributeDefinition.name)).all())
        values: dict[str, set] = {}
        for annotation_id, attribute_id, value in session.execute(select(
                AttributeValue.annotation_id, AttributeValue.attribute_id, AttributeValue.value)):
            values.setdefault(annotation_id, set()).add((names[attribute_id], value))
        keys = {row.id: (digests[row.document_id], coders[row.coder_id], paths[row.code_id],
                         row.start, row.end, row.layer)
                for row in session.scalars(select(Annotation))}
        memos = dict(session.execute(select(Annotation.id, Annotation.memo)).all())
        links = {(row.type, keys[row.source_id], keys[row.target_id], coders[row.coder_id])
                 for row in session.scalars(select(Relation))}
    store.close()
    annotations = {(*key, frozenset(values.get(i, ())), memos[i]) for i, key in keys.items()}
    return annotations, links


def test_every_span_equals_its_slice_and_everything_is_declared(coded: Path, tmp_path: Path,
                                                                 capsys) -> None:  # noqa: ANN001
    out = tmp_path / "demo-brat.zip"
    code, printed, err = run(capsys, "export", coded, "--format", "brat", out)
    assert code == 0, err
    assert "149 annotations" in printed and "65 links" in printed and "3 memos" in printed
    conf, files, members = read_zip(out)
    assert sorted(files) == sorted(f"coding/{coder}/{doc}" for doc in
                                   ("aleppo-2016-12", "opposition-view-2016-12",
                                    "social-post-2016-12") for coder in ("Layla", "Omar"))
    assert sum(len(f.spans) for f in files.values()) == 149
    assert sum(len(f.relations) for f in files.values()) == 65
    assert sorted(n for f in files.values() for n in f.notes.values()) == sorted(
        ["line one\\nline two", "tab\\there and a backslash \\\\n kept", "مذكرة عربية 😢"])
    social = files["coding/Layla/social-post-2016-12"]
    assert "🇺🇳" in social.text and any(  # a span after the emoji and flags: code points count
        start > social.text.index("😢") for _, start, _ in social.spans.values())
    assert "Claim-Factual" in conf.entities and "Framing_device-Appeal_to_principle" in conf.entities
    assert conf.relations["attributed_to"][1] == {"Source-Cited_source"}
    assert {"Direct_quotation", "Journalist_s_voice"} <= conf.attributes["Reporting_mode"][1]
    assert "Claim-Factual | ادعاء وقائعي | Factual" in members["visual.conf"]
    assert "Claim-Factual\tbgColor:#c0cbed" in members["visual.conf"]
    assert "\n!Claim\n\tClaim-Factual\n" in members["annotation.conf"]
    assert "code points" in members["README.md"]


def test_round_trip_through_brat_gives_the_same_annotations(coded: Path, tmp_path: Path,
                                                            capsys) -> None:  # noqa: ANN001
    out = tmp_path / "demo-brat.zip"
    assert run(capsys, "export", coded, "--format", "brat", out)[0] == 0
    fresh = tmp_path / "fresh.fannot"
    assert run(capsys, "new", fresh, "--name", "Fresh")[0] == 0
    assert run(capsys, "codebook", fresh, "template", "framing-core")[0] == 0
    assert run(capsys, "import", fresh, resource_path("demo"))[0] == 0
    for coder in ("Layla", "Omar"):
        assert run(capsys, "coder", fresh, "add", coder)[0] == 0
        code, printed, err = run(capsys, "annotations", fresh, "import", out, "--format", "brat",
                                 "--coder", coder)
        assert code == 0, err
        assert f"of {coder} imported from 3 documents" in printed
    before, after = snapshot(coded), snapshot(fresh)
    assert len(before[0]) == 149 and len(before[1]) == 65
    assert after == before


def test_scope_limits_coders_codes_and_documents(coded: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "scoped.zip"
    code, _, err = run(capsys, "export", coded, "--format", "brat", out, "--coders", "Omar",
                       "--codes", "Claim", "--documents", "social-post-2016-12")
    assert code == 0, err
    _, files, _ = read_zip(out)
    assert list(files) == ["coding/Omar/social-post-2016-12"]
    kinds = {kind for kind, _, _ in files["coding/Omar/social-post-2016-12"].spans.values()}
    assert kinds and all(kind.startswith("Claim-") for kind in kinds)
    assert not files["coding/Omar/social-post-2016-12"].relations  # their other ends are not claims


def test_gold_layer_and_what_brat_cannot_carry(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from annotator.codebook import AttributeSpec, CodeSpec
    from annotator.db.models import new_uuid
    from annotator.db.services.codebook import add_code
    from annotator.domain import AttributeType, CodeKind

    path = tmp_path / "gold.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    with store.transaction() as session:
        weight = AttributeSpec(new_uuid(), "Weight", AttributeType.NUMBER)
        code_id = add_code(session, CodeSpec(new_uuid(), CodeKind.CLAIM, "Weighed", "موزون",
                                             "#123456", attributes=[weight]))
        lead = session.scalar(select(Coder.id).where(Coder.name == "Lead"))
        document = session.scalar(select(Document.id).where(
            Document.external_id == "aleppo-2016-12"))
        create_annotation(session, document_id=document, coder_id=lead, code_id=code_id,
                          start=0, end=5, layer=Layer.GOLD, attributes={weight.uuid: "2.5"})
        assert "claim/weighed" in code_ids_by_path(session)
    store.close()
    out = tmp_path / "gold.zip"
    code, printed, err = run(capsys, "export", path, "--format", "brat", out, "--layer", "gold")
    assert code == 0, err
    _, files, _ = read_zip(out)
    assert list(files) == ["gold/aleppo-2016-12"]
    assert [kind for kind, _, _ in files["gold/aleppo-2016-12"].spans.values()] == ["Claim-Weighed"]
    assert "not carried: 1 value(s) of the text/number attribute 'Weight'" in printed
    code, _, _ = run(capsys, "export", path, "--format", "brat", out, "--layer", "all")
    assert code == 0 and "gold/aleppo-2016-12" in read_zip(out)[1]
    assert "coding/Layla/aleppo-2016-12" in read_zip(out)[1]


def test_an_unwritable_destination_is_one_line_and_leaves_nothing(coded: Path, tmp_path: Path,
                                                                  capsys) -> None:  # noqa: ANN001
    out = tmp_path / "missing-folder" / "demo.zip"
    code, _, err = run(capsys, "export", coded, "--format", "brat", out)
    assert code == 1 and err.count("\n") == 1 and "missing-folder does not exist" in err
    assert not out.parent.exists()
