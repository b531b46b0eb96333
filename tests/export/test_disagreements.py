"""The Disagreements sheet read back with openpyxl against ``annotator review``'s clusters."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli_export import WRITERS
from annotator.db.services.review import review_input
from annotator.export.scope import ExportScope
from annotator.review import review_documents


def _records(path: Path) -> tuple[list[str], list[dict]]:
    sheet = load_workbook(path, read_only=True)["Disagreements"]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    # read-only mode stops a row at its last cell: pad to the header
    return header, [dict(zip(header, [*row, *[None] * len(header)])) for row in rows]


def _export(store, out: Path, scope: ExportScope) -> tuple[list[str], list[dict]]:  # noqa: ANN001
    with store.reader() as session:
        WRITERS["xlsx"](session, out, scope)
    return _records(out)


def test_one_row_per_cluster_that_is_not_unanimous(demo_store, tmp_path: Path) -> None:  # noqa: ANN001
    header, rows = _export(demo_store, tmp_path / "d.xlsx", ExportScope())
    with demo_store.reader() as session:
        documents = review_input(session)
    texts = {d.uuid: d.text for d in documents}
    clusters = [c for c in review_documents(documents) if c.disagrees]
    assert len(rows) == len(clusters) > 10
    assert header[:9] == ["document_id", "external_id", "cluster", "cluster_key", "class",
                          "classes", "start", "end", "text"]
    for row, cluster in zip(rows, clusters, strict=True):
        assert (row["document_id"], row["cluster"]) == (cluster.document, cluster.number)
        assert row["cluster_key"] == f"{cluster.document}#{cluster.number}"
        assert row["class"] == cluster.primary.value != "unanimous"
        assert row["text"] == texts[cluster.document][cluster.start:cluster.end]
        for coder in ("Layla", "Omar"):
            spans = cluster.by_coder(coder)
            if not spans:
                assert row[f"{coder}_code"] is None and row[f"{coder}_start"] is None
            elif len(spans) == 1:
                assert (row[f"{coder}_code"], row[f"{coder}_start"], row[f"{coder}_end"]) == (
                    spans[0].code, spans[0].start, spans[0].end)
            else:
                assert row[f"{coder}_code"].split(" | ") == [s.code for s in spans]
    assert {row["class"] for row in rows} >= {"boundary", "code"}


def test_the_scope_limits_coders_and_codes(demo_store, tmp_path: Path) -> None:  # noqa: ANN001
    _, alone = _export(demo_store, tmp_path / "a.xlsx", ExportScope(coders=("Layla",)))
    assert alone == []  # one coder never disagrees with themself
    header, claims = _export(demo_store, tmp_path / "c.xlsx",
                             ExportScope(coders=("Layla", "Omar"), codes=("Claim",)))
    assert "Lead_code" not in header
    assert claims
    for row in claims:
        for coder in ("Layla", "Omar"):
            for code in (row[f"{coder}_code"] or "Claim/").split(" | "):
                assert code.startswith("Claim/")


@pytest.mark.parametrize("fmt", ["csv"])
def test_the_csv_zip_has_the_table_too(demo_store, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    import csv
    import io
    import zipfile

    out = tmp_path / "d.zip"
    with demo_store.reader() as session:
        WRITERS[fmt](session, out, ExportScope())
    with zipfile.ZipFile(out) as archive:
        text = archive.read("disagreements.csv").decode("utf-8-sig")
        readme = archive.read("README.txt").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    _, book_rows = _export(demo_store, tmp_path / "d.xlsx", ExportScope())
    assert [r["cluster_key"] for r in rows] == [r["cluster_key"] for r in book_rows]
    assert "Disagreements.Layla_code" in readme


def test_a_cluster_over_the_cell_limit_continues_in_the_next_columns(hard_store,  # noqa: ANN001
                                                                    tmp_path: Path) -> None:
    from sqlalchemy import select

    from annotator.db.models import Document
    from annotator.db.services.annotations import create_annotation
    from annotator.db.services.codebook import code_ids_by_path
    from annotator.db.services.coders import add_coder

    store, spans = hard_store
    start, end = spans[-1]  # 40,000 characters with emoji
    with store.transaction() as session:
        document = session.scalar(select(Document.id))
        text = session.scalar(select(Document.text))
        karim = add_coder(session, "Karim")
        create_annotation(session, document_id=document, coder_id=karim,
                          code_id=code_ids_by_path(session)["claim/evaluative"],
                          start=start, end=end)
    header, rows = _export(store, tmp_path / "long.xlsx", ExportScope())
    assert "text (2)" in header
    long = [row for row in rows if row["start"] == start]
    assert len(long) == 1 and long[0]["class"] == "code"
    pieces = [long[0][name] or "" for name in header if name.startswith("text")]
    assert "".join(pieces) == text[start:end]
    assert long[0]["Karim_code"] == "Claim/Evaluative"
