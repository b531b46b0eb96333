"""`annotator agreement` and `annotator alpha` end to end: published values, a demo project
coded by two coders against the engine computed by hand, filters, and one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.agreement import (
    Unit,
    cohen_kappa,
    krippendorff_alpha,
    span_f1_multi,
    u_alpha_family_multi,
    unitized_alpha_multi,
)
from annotator.cli import main
from annotator.text import word_spans

KRIPPENDORFF_2011 = """A,B,C,D
1,1,,1
2,2,3,2
3,3,3,3
3,3,3,3
2,2,2,2
1,2,3,4
4,4,4,4
1,1,2,1
2,2,2,2
,5,5,5
,,1,1
,3,,
"""

# (coder, document, first word, last word, code): word-aligned, as the annotator snaps spans
SPANS = [
    ("Layla", "aleppo-2016-12", 0, 4, "Claim/Factual"),
    ("Omar", "aleppo-2016-12", 0, 4, "Claim/Factual"),
    ("Layla", "aleppo-2016-12", 10, 12, "Actor/State"),
    ("Omar", "aleppo-2016-12", 10, 13, "Actor/State"),
    ("Omar", "aleppo-2016-12", 20, 22, "Claim/Factual"),
    ("Layla", "opposition-view-2016-12", 0, 3, "Claim/Evaluative"),
    ("Omar", "opposition-view-2016-12", 0, 3, "Claim/Factual"),
    ("Layla", "social-post-2016-12", 2, 4, "Framing device/Label"),
    ("Omar", "social-post-2016-12", 2, 4, "Framing device/Label"),
]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory,
          annotate_words) -> tuple[Path, dict[str, str], list[tuple]]:  # noqa: ANN001
    """The demo project with SPANS; returns its path, texts by external id and the spans as
    (coder, external id, start, end, code)."""
    from annotator.db.services.demo import build_demo_project

    path = tmp_path_factory.mktemp("cli") / "demo.fannot"
    build_demo_project(path)
    texts, spans = annotate_words(path, SPANS)
    return path, texts, spans


def by_hand(texts: dict[str, str], spans: list[tuple]) -> dict[str, object]:
    """The figures computed directly with the engine, as a methods section would."""
    coders = ("Layla", "Omar")
    docs = [([Unit(c, s, e, k) for c, d, s, e, k in spans if d == doc], 0, len(text))
            for doc, text in texts.items()]
    tokens = [(doc, t) for doc, text in texts.items() for t in word_spans(text)]

    def token_values(coder: str, code: str) -> list[int]:
        return [int(any(c == coder and d == doc and k == code and s <= t[0] and t[1] <= e
                        for c, d, s, e, k in spans)) for doc, t in tokens]

    def presence(coder: str, code: str) -> list[int]:
        return [int(any(c == coder and d == doc and k == code for c, d, *_, k in spans))
                for doc in texts]

    pairs = [([u for u in units if u.coder == "Layla"], [u for u in units if u.coder == "Omar"])
             for units, *_ in docs]
    return {
        "alpha_u": unitized_alpha_multi(docs, coders=coders),
        "family": u_alpha_family_multi(docs, coders=coders),
        "kinds": {kind: u_alpha_family_multi(
            [([u for u in units if u.category.split("/")[0] == kind], b, n)
             for units, b, n in docs], coders=coders) for kind in ("Claim", "Actor", "Framing device")},
        "kappa": {k: cohen_kappa(token_values("Layla", k), token_values("Omar", k))
                  for k in ("Claim/Factual", "Actor/State")},
        "presence": {k: krippendorff_alpha([presence("Layla", k), presence("Omar", k)])
                     for k in ("Claim/Factual", "Actor/State", "Claim/Evaluative")},
        "f1": {m: span_f1_multi(pairs, match=m).micro.f1 for m in ("exact", "overlap")},
        "n_tokens": len(tokens),
    }


def agreement_json(capsys: pytest.CaptureFixture[str], *argv: object) -> dict:
    code, out, err = run(capsys, "agreement", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def figures(report: dict, name: str, scope: str = "code") -> dict:
    row = next(r for r in report["rows"] if r["name"] == name and r["scope"] == scope)
    return {key: figure["value"] for key, figure in row["figures"].items()}


def test_agreement_on_the_demo_matches_the_engine_by_hand(coded, capsys) -> None:  # noqa: ANN001
    path, texts, spans = coded
    report = agreement_json(capsys, path, "--bootstrap", 300)
    expected = by_hand(texts, spans)
    assert report["coders"] == ["Layla", "Omar"] and report["idle_coders"] == ["Lead"]
    for code in ("Claim/Factual", "Actor/State", "Framing device/Label"):
        got = figures(report, code)
        assert got["alpha_u"] == pytest.approx(expected["alpha_u"].per_category[code])
        kind = expected["kinds"][code.split("/")[0]]
        published = kind.per_code[code]
        assert (got["k_u_alpha"] is None if published != published
                else got["k_u_alpha"] == pytest.approx(published))
        assert got["binary_per_code"] == pytest.approx(expected["family"].binary_per_code[code])
    for code, kappa in expected["kappa"].items():
        assert figures(report, code)["cohen_kappa"] == pytest.approx(kappa)
    for code, alpha in expected["presence"].items():
        assert figures(report, code)["presence_alpha"] == pytest.approx(alpha)
    overall = figures(report, "overall", "overall")
    assert overall["alpha_u"] == pytest.approx(expected["alpha_u"].overall)
    assert overall["u_alpha"] == pytest.approx(expected["family"].u_alpha)
    assert overall["cu_alpha"] == pytest.approx(expected["family"].cu_alpha)
    for match, f1 in expected["f1"].items():
        assert report["span_f1"][match]["Layla"]["Omar"]["f1"] == pytest.approx(f1)
    factual = next(r for r in report["rows"] if r["name"] == "Claim/Factual")["figures"]
    assert factual["cohen_kappa"]["n_units"] == expected["n_tokens"]
    assert factual["alpha_u"]["n_units"] == 4 and factual["alpha_u"]["n_documents"] == 3
    assert figures(report, "Actor/Civilian")["k_u_alpha"] is None  # never used: undefined


def test_agreement_table_is_readable(coded, capsys) -> None:  # noqa: ANN001
    path, texts, spans = coded
    code, out, _ = run(capsys, "agreement", path, "--bootstrap", 0)
    assert code == 0
    expected = by_hand(texts, spans)["family"].per_code["Actor/State"]
    line = next(line for line in out.splitlines() if line.strip().startswith("Actor/State"))
    assert f"{expected:.3f}" in line
    assert "nan" not in out.lower() and "undef" in out
    assert "Cohen κ tokens" in out and "span F1 (overlap match)" in out


def test_filters_narrow_the_report(coded, capsys) -> None:  # noqa: ANN001
    path, *_ = coded
    claims = agreement_json(capsys, path, "--codes", "claim", "--bootstrap", 0)
    assert claims["codes"] == ["Claim/Factual", "Claim/Evaluative", "Claim/Prescriptive",
                               "Claim/Predictive"]
    assert [r["name"] for r in claims["rows"]][:2] == ["Claim", "Claim/Factual"]
    one_doc = agreement_json(capsys, path, "--documents", "aleppo-2016-12", "--bootstrap", 0)
    assert one_doc["documents"]["coded"] == 1
    assert figures(one_doc, "Claim/Evaluative")["alpha_u"] is None
    alone = agreement_json(capsys, path, "--coders", "Layla", "--bootstrap", 0)
    assert alone["coders"] == ["Layla"] and figures(alone, "overall", "overall")["u_alpha"] is None
    assert any("fewer than two coders" in note for note in alone["notes"])
    gold = agreement_json(capsys, path, "--layer", "gold", "--bootstrap", 0)
    assert gold["coders"] == [] and gold["documents"]["coded"] == 0


def test_a_code_filter_keeps_coders_who_marked_nothing_of_it(  # noqa: ANN001
        coded, capsys, tmp_path: Path) -> None:
    # Sara was not assigned the Aleppo article but coded an actor in it: with a filter on
    # Claim/Factual she still coded that document (and marked no factual claim there).
    from sqlalchemy import select

    from annotator.db import open_project
    from annotator.db.models import Document
    from annotator.db.services.annotations import create_annotation
    from annotator.db.services.codebook import code_ids_by_path
    from annotator.db.services.coders import add_coder

    path = tmp_path / "copy.fannot"
    shutil.copy(coded[0], path)
    store = open_project(path)
    with store.transaction() as session:
        sara = add_coder(session, "Sara")
        aleppo = session.scalar(select(Document.id).where(Document.external_id == "aleppo-2016-12"))
        create_annotation(session, document_id=aleppo, coder_id=sara, start=0, end=5,
                          code_id=code_ids_by_path(session)["actor/state"])
    store.close()
    report = agreement_json(capsys, path, "--codes", "Claim/Factual", "--coders", "Layla",
                            "Sara", "--bootstrap", 0)
    assert report["coders"] == ["Layla", "Sara"]
    assert report["documents"] == {"coded": 3, "coded_by_two_or_more": 1, "coded_by_all": 1}
    factual = next(r for r in report["rows"] if r["name"] == "Claim/Factual")["figures"]
    assert factual["alpha_u"]["n_documents"] == 1 and factual["alpha_u"]["value"] is not None
    assert factual["alpha_u"]["value"] < 0.2  # Layla's claim against Sara's empty document


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--coders", "Nobody", "unknown coders: Nobody"),
    ("--codes", "Claim/Nothing", "unknown codes: Claim/Nothing"),
    ("--documents", "no-such-doc", "unknown documents: no-such-doc"),
])
def test_unknown_names_are_one_line_errors(coded, capsys, option: str, value: str,  # noqa: ANN001
                                           message: str) -> None:
    code, out, err = run(capsys, "agreement", coded[0], option, value)
    assert code == 1 and out == ""
    assert err.startswith(f"annotator: {message}") and err.count("\n") == 1


def test_a_missing_project_is_a_one_line_error(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, _, err = run(capsys, "agreement", tmp_path / "absent.fannot")
    assert code == 1 and "no such project file" in err and err.count("\n") == 1


@pytest.mark.parametrize(("level", "alpha"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_reproduces_krippendorff_2011(tmp_path: Path, capsys, level: str,  # noqa: ANN001
                                            alpha: float) -> None:
    path = tmp_path / "k2011.csv"
    path.write_text(KRIPPENDORFF_2011, encoding="utf-8")
    code, out, err = run(capsys, "alpha", path, "--level", level, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["alpha"] == pytest.approx(alpha, abs=5e-4)
    assert (result["n_coders"], result["n_units"], result["n_pairable_units"]) == (4, 12, 11)
    assert result["n_pairable_values"] == 40 and result["bootstrap"] is None
    code, out, _ = run(capsys, "alpha", path, "--level", level)
    assert f"alpha      {alpha:.3f}" in out


def test_alpha_bootstrap_reports_interval_and_risks(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "k2011.csv"
    path.write_text(KRIPPENDORFF_2011.replace("\n", "\r\n"), encoding="cp1256")
    code, out, err = run(capsys, "alpha", path, "--level", "interval", "--bootstrap", 2000,
                         "--seed", 5, "--json")
    assert code == 0, err
    boot = json.loads(out)["bootstrap"]
    assert boot["replicates"] == 2000 and boot["ci_low"] < 0.849 < boot["ci_high"]
    assert 0 <= boot["q_below_667"] <= boot["q_below_800"] <= 1
    code, out, _ = run(capsys, "alpha", path, "--level", "interval", "--bootstrap", 500)
    assert "95% CI" in out and "q(α < .800)" in out


def test_alpha_accepts_utf16_with_arabic_labels(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "labels.csv"
    text = "ليلى\tعمر\nنعم\tنعم\nلا\tلا\nنعم\tلا\nلا\tلا\n"
    path.write_bytes(text.encode("utf-16"))
    code, out, err = run(capsys, "alpha", path, "--level", "nominal", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["coders"] == ["ليلى", "عمر"]
    assert result["alpha"] == pytest.approx(krippendorff_alpha([[1, 0, 1, 0], [1, 0, 0, 0]]))


@pytest.mark.parametrize(("text", "level", "message"), [
    ("A,B\n1,2\n3,x\n", "interval", "bad.csv, row 3: column 2 (B): 'x' is not a number"),
    ("A,B\n1,2\n2,1,4\n", "nominal", "bad.csv, row 3: 3 cells but the header names 2 coders"),
    ("A,B\n", "nominal", "bad.csv: no units"),
    ("A,B\n1,1\n1,1\n", "nominal", ""),  # valid, but alpha is undefined: exit 0
])
def test_alpha_on_bad_csv_names_file_row_and_column(  # noqa: ANN001
        tmp_path: Path, capsys, text: str, level: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "alpha", path, "--level", level)
    if not message:
        assert code == 0 and "undefined" in out and "nan" not in out
        return
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"annotator: {path.parent / message}")


def test_alpha_needs_a_level(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["alpha", str(tmp_path / "x.csv")])
    assert stop.value.code == 2


def test_the_cli_stays_light_to_import() -> None:
    probe = ("import sys, annotator.cli; "
             "print(sorted(m for m in ('numpy', 'sqlalchemy', 'annotator.agreement') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_documents_not_yet_coded_are_missing_not_empty(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    # Omar is assigned the Aleppo article but has not coded it: he is missing there, not a coder
    # who found nothing, until he marks it done.
    from annotator.db import open_project
    from annotator.db.services.annotations import create_annotation
    from annotator.db.services.codebook import code_ids_by_path
    from annotator.db.services.demo import build_demo_project
    from annotator.db.services.documents import set_status
    from annotator.db.services.lookup import find_coder, find_document
    from annotator.domain import AssignmentStatus

    path = tmp_path / "round.fannot"
    build_demo_project(path)
    store = open_project(path)
    with store.transaction() as session:
        aleppo = find_document(session, "aleppo-2016-12").id
        create_annotation(session, document_id=aleppo, coder_id=find_coder(session, "Layla").id,
                          code_id=code_ids_by_path(session)["claim/factual"], start=0, end=20)
    report = agreement_json(capsys, path, "--bootstrap", 0)
    assert report["documents"]["coded_by_two_or_more"] == 0
    with store.transaction() as session:
        set_status(session, aleppo, find_coder(session, "Omar").id, AssignmentStatus.DONE)
    store.close()
    report = agreement_json(capsys, path, "--bootstrap", 0)
    assert report["documents"]["coded_by_two_or_more"] == 1


def test_agreement_shows_the_published_k_u_alpha_intervals_and_an_audit_trail(
        coded, capsys) -> None:  # noqa: ANN001
    from annotator import __version__

    path, _, _ = coded
    report = agreement_json(capsys, path, "--bootstrap", 200, "--seed", 5,
                            "--codes", "Claim", "Actor")
    factual = next(r for r in report["rows"] if r["name"] == "Claim/Factual")["figures"]
    assert 0 < factual["k_u_alpha"]["coverage"] <= 1
    assert "eq. 13b" in factual["k_u_alpha"]["definition"]
    overall = next(r for r in report["rows"] if r["scope"] == "overall")["figures"]
    for key in ("u_alpha", "binary_u_alpha", "cu_alpha"):
        ci = overall[key]["ci"]
        assert ci["replicates"] == 200 and ci["low"] <= ci["high"]
    assert 0 < overall["cu_alpha"]["coverage"] < 1
    audit = report["audit"]
    assert audit["app_version"] == __version__ and audit["layer"] == "coding"
    assert audit["bootstrap"]["seed"] == 5 and audit["bootstrap"]["replicates"] == 200
    assert audit["bootstrap"]["family_documents_resampled"] == 3
    assert audit["filters"]["codes"] == ["Claim", "Actor"]
    assert "Widlöcher (2016) eq. 13b" in audit["definitions"]["k_u_alpha"]
    again = agreement_json(capsys, path, "--bootstrap", 200, "--seed", 5, "--codes", "Claim",
                           "Actor")
    assert again["rows"] == report["rows"]  # seeded: the same intervals every time
    code, out, _ = run(capsys, "agreement", path, "--bootstrap", 200, "--seed", 5)
    assert code == 0 and "(k)uα" in out and "(k) cov" in out and "|uα of k" in out
    assert "uα family with 95% bootstrap intervals (200 replicates over 3 documents, seed 5)" \
        in out
    assert f"audit: annotator {__version__}, coding layer" in out
    assert "eq. 13b" in out and "bootstrap: 200 replicates, seed 5" in out
