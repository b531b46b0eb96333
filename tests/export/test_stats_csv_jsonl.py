"""SPSS/Stata files read back with pyreadstat, the CSV zip with the csv module, and the JSONL
export imported into a fresh project."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pyreadstat
import pytest
from sqlalchemy import select

from annotator.cli_export import WRITERS
from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.models import Annotation, Document
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles
from annotator.db.services.interchange import import_annotations
from annotator.db.services.projects import create_project
from annotator.export.csv_zip import guard
from annotator.export.scope import ExportScope
from annotator.export.variables import VariableNames, is_valid_name
from annotator.importers import iter_article_files, read_articles
from tests.conftest import CORPUS
from tests.export.conftest import FORMULA_LIKE


pytestmark = pytest.mark.both_backends

def _export(store, fmt: str, out: Path, scope: ExportScope = ExportScope()) -> list[str]:  # noqa: ANN001
    with store.reader() as session:
        return WRITERS[fmt](session, out, scope)


@pytest.mark.parametrize("fmt,reader", [("sav", pyreadstat.read_sav),
                                         ("dta", pyreadstat.read_dta)])
def test_stats_files_carry_labels_and_valid_names(demo_store, tmp_path: Path, fmt: str,
                                                  reader) -> None:  # noqa: ANN001
    out = tmp_path / f"matrix.{fmt}"
    _export(demo_store, fmt, out)
    frame, meta = reader(str(out))
    assert len(frame) == 6  # 3 documents × 2 coders
    names = list(frame.columns)
    assert all(is_valid_name(name) for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    labels = meta.column_names_to_labels
    assert labels["claim_factual_n"].startswith("Claim/Factual — ادعاء وقائعي")
    assert "(count)" in labels["claim_factual_n"]
    assert meta.variable_value_labels["claim_factual_any"] == {0: "absent / غير موجود",
                                                               1: "present / موجود"}
    with demo_store.reader() as session:
        layla = session.scalar(select(Annotation.id).limit(1))  # the project has annotations
        assert layla
        total = len(session.execute(select(Annotation.id).where(
            Annotation.layer == "coding")).all())
    counts = [name for name in names if name.endswith("_n")]
    assert int(frame[counts].to_numpy().sum()) == total == 149
    assert set(frame["coder"]) == {"Layla", "Omar"}


def test_csv_zip_reads_back_with_bom_and_guard(hard_store, tmp_path: Path) -> None:  # noqa: ANN001
    store, spans = hard_store
    out = tmp_path / "tables.zip"
    _export(store, "csv", out)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert {"README.txt", "segments.csv", "codebook.csv", "doc_matrix.csv",
                "reliability.csv", "pairwise.csv", "documents.csv", "relations.csv",
                "disagreements.csv", "adjudication.csv"} == names
        raw = archive.read("segments.csv")
        readme = archive.read("README.txt").decode("utf-8-sig")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    with store.reader() as session:
        text = session.scalar(select(Document.text))
    assert len(rows) == len(spans)
    for row in rows:
        exact = text[int(row["start"]):int(row["end"])]
        assert row["text"] == guard(exact)
        if exact.startswith(("=", "+", "-", "@", "\t")):
            assert row["text"] == "'" + exact
        else:
            assert row["text"] == exact
    assert {row["text"][1:] for row in rows if row["text"].startswith("'")} == set(FORMULA_LIKE)
    assert "Formula-injection guard" in readme and "apostrophe" in readme


def test_jsonl_export_round_trips_with_scope(demo_store, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "layla.jsonl"
    lines = _export(demo_store, "jsonl", out,
                    ExportScope(coders=("Layla",), documents=("social-post-2016-12",)))
    assert "annotations" in lines[0]
    fresh = open_project(tmp_path / "fresh.fannot", create=True)
    with fresh.transaction() as session:
        create_project(session, "Fresh")
        apply_codebook(session, load_template("framing-core"))
        add_coder(session, "Layla")
        for file in iter_article_files([CORPUS]):
            add_articles(session, read_articles(file))
    with fresh.transaction() as session:
        outcome = import_annotations(session, out)

    def spans(store) -> set[tuple]:  # noqa: ANN001
        with store.reader() as session:
            query = (select(Document.external_id, Annotation.start, Annotation.end,
                            Document.text).join(Document)
                     .where(Document.external_id == "social-post-2016-12"))
            return {(ext, start, end, text[start:end]) for ext, start, end, text
                    in session.execute(query)}

    with demo_store.reader() as session:
        from annotator.db.models import Coder

        layla = session.scalar(select(Coder.id).where(Coder.name == "Layla"))
        expected = {(row.start, row.end) for row in session.execute(
            select(Annotation.start, Annotation.end).join(Document)
            .where(Annotation.coder_id == layla,
                   Document.external_id == "social-post-2016-12"))}
        social = session.scalar(select(Document.text)
                                .where(Document.external_id == "social-post-2016-12"))
    got = spans(fresh)
    fresh.close()
    assert outcome.annotations == len(expected) > 0
    assert {(start, end) for _, start, end, _ in got} == expected
    first_emoji = next(i for i, ch in enumerate(social) if ord(ch) > 0xFFFF)
    assert any(start > first_emoji for _, start, _, _ in got)  # offsets past emoji survive


def test_variable_names_stay_valid_and_unique() -> None:
    names = VariableNames(("coder",))
    made = [names.claim(stem, suffix) for stem, suffix in [
        ("Claim/Factual", "_n"), ("claim factual", "_n"), ("ادعاء", "_n"), ("9 lives", "_any"),
        ("with", ""), ("x" * 80, "_any"), ("x" * 80, "_any"), ("Coder", "")]]
    assert all(is_valid_name(name) for name in made)
    assert len({name.casefold() for name in made} | {"coder"}) == len(made) + 1
    assert made[:2] == ["claim_factual_n", "claim_factual_n_2"]
    assert len(made[5]) == 31  # Stata's limit for value-label set names


@pytest.mark.parametrize("fmt,reader", [("sav", pyreadstat.read_sav),
                                         ("dta", pyreadstat.read_dta)])
def test_questions_nobody_answered_are_missing_numbers(hard_store, tmp_path: Path, fmt: str,
                                                       reader) -> None:  # noqa: ANN001
    """framing-core asks tone and main actor; with no answer yet the columns are empty numbers
    (Stata refused the file when they came as strings)."""
    store, _spans = hard_store
    out = tmp_path / f"matrix.{fmt}"
    _export(store, fmt, out)
    frame, meta = reader(str(out))
    assert {"tone", "main_actor"} <= set(frame.columns)
    for name in ("tone", "main_actor"):
        assert frame[name].dtype.kind == "f" and frame[name].isna().all()
        assert meta.variable_value_labels[name]  # the labelled points are still described


def test_stata_takes_the_longest_labelled_names(tmp_path: Path) -> None:
    """semetko-valkenburg makes `device_attribution_of_respon_any`-like names; Stata refused a
    32-character name that carries value labels (its label set is named after it)."""
    store = open_project(tmp_path / "sv.fannot", create=True)
    try:
        with store.transaction() as session:
            create_project(session, "Frames")
            apply_codebook(session, load_template("semetko-valkenburg"))
            add_coder(session, "Amina")
        out = tmp_path / "sv.dta"
        _export(store, "dta", out)
        _frame, meta = pyreadstat.read_dta(str(out))
        labelled = [name for name in meta.variable_value_labels if name.endswith("_any")]
        assert labelled and max(len(name) for name in labelled) == 31
    finally:
        store.close()


def test_a_refused_statistics_file_is_one_line_and_no_file(demo_store, tmp_path: Path,
                                                           monkeypatch) -> None:  # noqa: ANN001
    from pyreadstat import ReadstatError

    from annotator.errors import AnnotatorError

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ReadstatError("A provided name is too long for the file format")

    monkeypatch.setattr(pyreadstat, "write_dta", refuse)
    out = tmp_path / "matrix.dta"
    with pytest.raises(AnnotatorError, match="matrix.dta: the statistics file could not be"):
        _export(demo_store, "dta", out)
    assert not out.exists() and not list(tmp_path.glob("*.dta*"))
