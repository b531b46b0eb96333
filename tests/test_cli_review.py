"""`annotator review` on the coded demo (3 documents, 2 coders): the clusters the classifier finds,
filters, who counts as missing (a coder who has not coded a document does not), one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from annotator.cli import main
from annotator.cli_review import CLASSES
from annotator.db import open_project
from annotator.db.services.coders import add_coder
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import list_documents, set_status
from annotator.domain import AssignmentStatus
from annotator.review import PRECEDENCE


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


def review(capsys: pytest.CaptureFixture[str], *argv: object) -> dict:
    assert main(["review", *map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_cli_offers_every_class() -> None:
    assert CLASSES == tuple(c.value for c in (PRECEDENCE[-1], *PRECEDENCE[:-1]))


def test_the_demo_clusters(coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = review(capsys, coded)
    clusters = result["clusters"]
    assert result["n_clusters"] == len(clusters) > 30
    assert len({c["document"] for c in clusters}) == 3
    assert sum(result["summary"].values()) >= len(clusters)
    first = clusters[0]  # the metaphor in the first title: Layla starts it 11 characters later
    assert (first["start"], first["end"], first["classes"]) == (72, 98, ["boundary"])
    assert [(s["code"], s["start"]) for s in first["coders"]["Layla"]] == [
        ("Framing device/Metaphor", 83)]
    assert [(s["code"], s["start"]) for s in first["coders"]["Omar"]] == [
        ("Framing device/Metaphor", 72)]
    assert first["excerpt"] == "العودة إلى احضان ســــوريا"
    missing = [c for c in clusters if c["classes"] == ["missing"]]
    assert missing and all(len(c["missing"]) == 1 for c in missing)
    assert all(not c["coders"][c["missing"][0]] for c in missing)
    unanimous = [c for c in clusters if c["classes"] == ["unanimous"]]
    assert unanimous and all(c["coders"]["Layla"][0]["attributes"] ==
                             c["coders"]["Omar"][0]["attributes"] for c in unanimous)
    assert "Lead" not in first["coders"]  # the lead coded nothing: not counted, not missing


def test_filters(coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = review(capsys, coded)["clusters"]
    codes = review(capsys, coded, "--class", "code")["clusters"]
    assert codes == [c for c in everything if "code" in c["classes"]] and codes
    labels = review(capsys, coded, "--code", "Framing device/Label")["clusters"]
    assert labels and all(any(s["code"] == "Framing device/Label" for spans in c["coders"].values()
                              for s in spans) for c in labels)
    one = review(capsys, coded, "--document", "aleppo-2016-12")["clusters"]
    assert one and {c["document"] for c in one} == {everything[0]["document"]}
    kinds = review(capsys, coded, "--code", "Actor", "--class", "missing", "attribute")
    assert all(set(c["classes"]) & {"missing", "attribute"} for c in kinds["clusters"])


def test_text_listing_names_classes_coders_and_counts(coded: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(coded), "--document", "aleppo-2016-12"]) == 0
    out = capsys.readouterr().out
    assert "#1 [72, 98)  boundary  «العودة إلى احضان ســــوريا»" in out
    assert "Layla  Framing device/Metaphor [83, 98)" in out
    assert "— (marked nothing here)" in out
    assert out.rstrip().splitlines()[-1].startswith("Summary (a cluster counts once per class")


def test_a_coder_counts_as_missing_only_once_they_have_coded_the_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "three.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    with store.transaction() as session:
        sara = add_coder(session, "Sara")
        first = list_documents(session)[0].uuid
        set_status(session, first, sara, AssignmentStatus.IN_PROGRESS)
    before = review(capsys, path, "--document", first)
    assert not any("Sara" in c["missing"] for c in before["clusters"])
    with store.transaction() as session:
        set_status(session, first, sara, AssignmentStatus.DONE)
    store.close()
    after = review(capsys, path, "--document", first)
    assert all("Sara" in c["missing"] for c in after["clusters"])
    assert after["summary"]["unanimous"] == 0 < before["summary"]["unanimous"]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--coder", "Nobody", "unknown coder Nobody"),
    ("--code", "Claim/Nothing", "unknown code Claim/Nothing"),
    ("--document", "no-such-id", "unknown documents: no-such-id"),
])
def test_unknown_names_are_one_line_errors(coded: Path, capsys: pytest.CaptureFixture[str],
                                           option: str, value: str, message: str) -> None:
    assert main(["review", str(coded), option, value]) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1

