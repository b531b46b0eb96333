"""Doc_Matrix columns of the document questions, in the tables and in the SPSS file."""

from __future__ import annotations

from pathlib import Path

from annotator.db.services.questions import set_answer
from annotator.export.bundle import build_bundle
from annotator.export.scope import ExportScope
from annotator.export.stats import write_sav
from annotator.export.variables import is_valid_name
from tests.db.test_document_answers import project  # noqa: F401 - the fixture


def test_doc_matrix_has_a_column_per_question_option_and_frame_score(project, tmp_path: Path) -> None:  # noqa: ANN001, F811
    store, ids = project
    doc = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        for question, value in (("victims", True), ("named", False), ("frame", "security"),
                                ("actors", ["rebels"]), ("tone", -1), ("deaths", 12), ("note", "تقرير ميداني")):
            set_answer(session, doc, ids["coder_a"], question, value)
        set_answer(session, doc, ids["coder_b"], "victims", False)
        set_answer(session, doc, ids["coder_b"], "named", True)  # does not apply: victims = no
        bundle = build_bundle(session, ExportScope(), reliability=False)
        table = bundle.table("Doc_Matrix")
        names = [c.name for c in table.columns]
        rows = {(r[1], r[2]): dict(zip(names, r, strict=True)) for r in table.rows}
    added = names[names.index("victims"):]
    assert added == ["victims", "named", "frame", "actors_state", "actors_rebels", "tone", "deaths", "note",
                     "score_human"]
    assert all(is_valid_name(name) for name in added)
    amina = rows[("aleppo-2016-12", "Amina")]
    assert [amina[n] for n in added] == [1, 0, 2, 0, 1, -1, 12, "تقرير ميداني", 0.5]
    basel = rows[("aleppo-2016-12", "Basel")]
    assert basel["victims"] == 0 and basel["named"] is None and basel["score_human"] == 0.0
    import pyreadstat

    out = tmp_path / "m.sav"
    with store.reader() as session:
        write_sav(build_bundle(session, ExportScope(), reliability=False), out)
    frame, meta = pyreadstat.read_sav(str(out))
    assert meta.variable_value_labels["frame"] == {1.0: "Economic / اقتصادي", 2.0: "Security / أمني"}
    assert meta.variable_value_labels["victims"] == {0.0: "no / لا", 1.0: "yes / نعم"}
    assert sorted(frame["note"]) == ["", "تقرير ميداني"]  # two rows: the coders who answered
