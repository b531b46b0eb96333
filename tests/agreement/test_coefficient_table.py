"""`annotator alpha --measures/--all`: every coefficient of a KALPHA-layout file, table and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.agreement.coefficient_table import MEASURES, coefficient_rows
from annotator.agreement.weights import SCHEMES
from annotator.cli import main
from annotator.cli_agreement import MEASURES as CLI_MEASURES
from annotator.cli_agreement import WEIGHTS as CLI_WEIGHTS
from published_cac import RAW_4RATERS, RAW_4RATERS_AC, RAW_4RATERS_FLEISS


def write_csv(path: Path, ratings: list[list[object]], names: list[str]) -> Path:
    rows = [",".join(names)]
    rows += [",".join("" if r[u] is None else str(r[u]) for r in ratings)
             for u in range(len(ratings[0]))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def raw4(tmp_path: Path) -> Path:
    # cac.raw4raters (Gwet 2014, p. 120), see published_cac.py.
    return write_csv(tmp_path / "raw4.csv", RAW_4RATERS, ["R1", "R2", "R3", "R4"])


def test_the_cli_vocabulary_matches_the_engine() -> None:
    assert CLI_MEASURES == MEASURES and CLI_WEIGHTS == SCHEMES


def test_all_reproduces_irrcac_in_json(raw4: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "alpha", raw4, "--level", "interval", "--all", "--json",
                         "--weights", "quadratic")
    assert code == 0, err
    result = json.loads(out)
    assert result["weights"] == "quadratic" and result["alpha"] == pytest.approx(0.849, abs=5e-4)
    rows = {row["measure"]: row for row in result["coefficients"]}
    ac1, ac2, fleiss = rows["ac1"], rows["ac2"], rows["fleiss"]
    assert (ac1["name"], ac1["weights"], ac1["n_units"], ac1["n_raters"]) == \
        ("Gwet's AC1", "identity", 12, 4)
    assert abs(ac1["value"] - RAW_4RATERS_AC["identity"][2]) < 5e-6
    assert abs(ac1["se"] - RAW_4RATERS_AC["identity"][3]) < 5e-6
    assert round(ac1["ci_low"], 3) == 0.461 and ac1["ci_high"] == 1.0 and ac1["ci_method"] == "t"
    assert ac2["name"] == "Gwet's AC2" and abs(ac2["value"] - 0.914) < 5e-6
    assert abs(ac2["se"] - RAW_4RATERS_AC["quadratic"][3]) < 5e-6
    assert abs(fleiss["value"] - RAW_4RATERS_FLEISS["identity"][2]) < 5e-6
    assert abs(rows["pa"]["se"] - 0.12561) < 5e-6
    assert rows["alpha"]["se"] is None and rows["alpha"]["source"].startswith("Krippendorff")
    pairs = [row["coders"] for row in result["coefficients"] if row["measure"] == "cohen"]
    assert pairs == [["R1", "R2"], ["R1", "R3"], ["R1", "R4"], ["R2", "R3"], ["R2", "R4"],
                     ["R3", "R4"]]
    assert all(row["source"] for row in result["coefficients"])


def test_measures_choose_rows_and_the_level_chooses_default_weights(raw4: Path,
                                                                   capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "alpha", raw4, "--level", "ordinal", "--measures",
                         "ac2, fleiss,ac2", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["weights"] == "ordinal"
    assert [row["measure"] for row in result["coefficients"]] == ["ac2", "fleiss"]
    assert round(result["coefficients"][0]["value"], 3) == 0.899  # irrCAC, ordinal weights


def test_table_lists_each_coefficient_with_se_interval_counts_and_sources(
        raw4: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "alpha", raw4, "--level", "nominal", "--all",
                         "--bootstrap", 200)
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith("Gwet's AC1"))
    assert line.split()[3:6] == ["0.775", "0.143", "[0.461,"] and line.split()[-2:] == ["12", "4"]
    assert "Cohen's kappa (R1–R2)" in out and "Sources:" in out
    assert "Gwet (2008)" in out and "Fleiss, Cohen & Everitt (1969)" in out
    alpha_line = next(x for x in out.splitlines() if x.strip().startswith("Krippendorff's"))
    assert "]*" in alpha_line  # the bootstrap interval, marked


def test_without_measures_the_output_is_unchanged(raw4: Path, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "alpha", raw4, "--level", "nominal", "--json")
    assert code == 0 and "coefficients" not in json.loads(out)


def test_bad_measures_and_weights_are_one_line_errors(raw4: Path, tmp_path: Path,
                                                      capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as stop:
        main(["alpha", str(raw4), "--level", "nominal", "--measures", "ac1,kappa9"])
    assert stop.value.code == 2 and "unknown measure" in capsys.readouterr().err
    negative = write_csv(tmp_path / "neg.csv", [[-1, 2], [-1, 3]], ["A", "B"])
    code, out, err = run(capsys, "alpha", negative, "--level", "interval", "--measures", "ac2",
                         "--weights", "ratio")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "neg.csv: ratio weights need category values of zero or more" in err


def test_pairwise_weights_span_the_whole_file() -> None:
    # A pair that used only part of the scale is weighted on the file's scale, 1..5 here.
    rows = coefficient_rows([[1, 2, 2], [1, 2, 3], [4, 5, 5]], ["A", "B", "C"],
                            ["cohen-weighted"], "linear")
    pair = rows[0]
    assert pair["coders"] == ["A", "B"] and pair["pa"] == pytest.approx((1 + 1 + 0.75) / 3)


def test_identity_weights_do_not_repeat_ac1_and_kappa_as_ac2_and_weighted_kappa() -> None:
    values = [[1, 2, 2], [1, 2, 3], [2, 2, 3]]
    rows = coefficient_rows(values, ["A", "B", "C"], list(MEASURES[1:]), "identity")
    assert [row["measure"] for row in rows] == ["pa", "ac1", "fleiss", "cohen", "cohen", "cohen"]
    weighted = coefficient_rows(values, ["A", "B", "C"], ["ac1", "ac2"], "linear")
    assert [row["measure"] for row in weighted] == ["ac1", "ac2"]
