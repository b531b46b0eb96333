"""The public surface of annotator.agreement and the reusable synthetic workloads."""

from __future__ import annotations

import numpy as np

import annotator.agreement as agreement
from annotator.agreement import Unit, krippendorff_alpha, u_alpha_family_multi
from annotator.agreement.synthetic import coding_data, span_workload

PUBLIC = {
    "krippendorff_alpha", "cohen_kappa", "scott_pi", "brennan_prediger", "gwet_ac1",
    "percent_agreement", "fleiss_kappa", "unitized_alpha", "unitized_alpha_multi",
    "u_alpha_family", "u_alpha_family_multi", "span_f1", "span_f1_multi", "bootstrap_alpha",
    "Unit", "UnitizingResult", "UAlphaResult", "SpanScores", "BootstrapResult",
    "percent_agreement_multi", "gwet_ac", "fleiss_kappa_generalised", "weighted_kappa",
    "Estimate",
    "u_alpha_family_bootstrap", "FamilyBootstrap",
}


def test_documented_names_are_exported() -> None:
    assert PUBLIC == set(agreement.__all__)
    assert all(callable(getattr(agreement, name)) for name in PUBLIC)


def test_units_are_frozen_values() -> None:
    unit = Unit("a", 3, 8, "claim")
    assert unit.length == 5 and unit == Unit("a", np.int64(3), 8, "claim")
    assert len({unit, Unit("a", 3, 8, "claim")}) == 1


def test_coding_workload_is_reproducible() -> None:
    first, again = coding_data(seed=9), coding_data(seed=9)
    assert first.shape == (3, 10_000) and np.array_equal(first, again)
    assert 0.55 < krippendorff_alpha(first) < 0.75  # 80% copied from a base of 5 values


def test_span_workload_follows_the_recipe() -> None:
    docs = span_workload(n_docs=20, seed=3)
    assert len(docs) == 20
    for doc in docs:
        assert doc.length == 3_000 and len(doc.by_coder("c1")) == 40
        for coder in ("c2", "c3"):
            assert 3 <= len(doc.by_coder(coder)) <= 43
        assert all(0 <= u.start < u.end <= doc.length for u in doc.units)
        assert all(5 <= u.length <= 80 for u in doc.by_coder("c1"))
    assert {u.category for d in docs for u in d.units} == {f"code{k}" for k in range(8)}
    result = u_alpha_family_multi([(d.units, d.begin, d.length) for d in docs])
    assert 0.5 < result.binary_u_alpha < 0.95 and result.n_documents == 20
