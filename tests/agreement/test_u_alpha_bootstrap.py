"""Document-bootstrap intervals of the uα family: decomposition, reproducibility, coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_u_alpha_family import partitions, same

from annotator.agreement import Unit, u_alpha_family_multi
from annotator.agreement.ualpha import family_tallies, result_from
from annotator.agreement.ualpha_bootstrap import resample_weights, u_alpha_family_bootstrap
from annotator.agreement.ualpha_tallies import evaluate

FIELDS = ("u_alpha", "binary_u_alpha", "cu_alpha", "cu_coverage")
PER_CODE = ("per_code", "coverage", "binary_per_code")


def study(n_docs: int, copy_p: float, rng: np.random.Generator, length: int = 200
          ) -> list[tuple[list[Unit], int, int]]:
    """Coder a places 4 spans per document; b and c copy each with probability ``copy_p``
    (boundaries moved by up to 3) and otherwise place a span of their own at random."""
    docs = []
    for _ in range(n_docs):
        units: list[Unit] = []
        starts = np.sort(rng.choice(np.arange(0, length - 30, 40), 4, replace=False))
        base = [(int(s), int(s + rng.integers(8, 30)), "xyz"[int(rng.integers(3))])
                for s in starts]
        units += [Unit("a", s, e, k) for s, e, k in base]
        for coder in ("b", "c"):
            for s, e, k in base:
                if rng.random() < copy_p:
                    s2 = max(0, s + int(rng.integers(-3, 4)))
                    units.append(Unit(coder, s2, max(s2 + 1, e + int(rng.integers(-3, 4))), k))
                else:
                    s2 = int(rng.integers(0, length - 30))
                    units.append(Unit(coder, s2, s2 + int(rng.integers(8, 30)),
                                      "xyz"[int(rng.integers(3))]))
        docs.append((_one_per_code(units), 0, length))
    return docs


def _one_per_code(units: list[Unit]) -> list[Unit]:
    """Drop a coder's units that overlap an earlier one of theirs (keeps values simple)."""
    kept: list[Unit] = []
    for u in units:
        if not any(k.coder == u.coder and k.start < u.end and u.start < k.end for k in kept):
            kept.append(u)
    return kept


@settings(max_examples=60, deadline=None)
@given(st.lists(partitions(min_coders=2, max_coders=3, length=12), min_size=1, max_size=4),
       st.lists(st.integers(0, 3), min_size=4, max_size=4))
def test_a_replicate_is_the_family_of_the_documents_drawn(
        docs: list[tuple[list[Unit], int, int, list[int]]], counts: list[int]) -> None:
    """Weighting per-document tallies equals computing on the documents repeated."""
    counts = counts[:len(docs)]
    if not any(counts):
        return
    lay, tallies = family_tallies(docs, coders=[0, 1, 2])
    repeated = [doc for doc, n in zip(docs, counts) for _ in range(n)]
    expected = u_alpha_family_multi(repeated, coders=[0, 1, 2])
    if tallies is None:
        assert math.isnan(expected.u_alpha)
        return
    got = result_from(lay, evaluate(tallies, np.array([counts], dtype=float)), 0)
    for field in FIELDS:
        assert same(getattr(got, field), getattr(expected, field)), field
    for field in PER_CODE:
        for code, value in getattr(got, field).items():
            assert same(value, getattr(expected, field).get(code, math.nan)), (field, code)


def test_the_pooled_figure_is_the_sum_of_its_documents() -> None:
    docs = study(12, 0.8, np.random.default_rng(1))
    boot = u_alpha_family_bootstrap(docs, n_boot=50, seed=0)
    pooled = u_alpha_family_multi(docs)
    assert boot.result == pooled
    glued = [Unit(u.coder, u.start + 200 * d, u.end + 200 * d, u.category)
             for d, (units, _, _) in enumerate(docs) for u in units]
    assert u_alpha_family_multi([(glued, 0, 200 * len(docs))]).u_alpha == pytest.approx(
        pooled.u_alpha, abs=1e-12)


def test_seeded_and_reproducible() -> None:
    docs = study(15, 0.8, np.random.default_rng(2))
    first = u_alpha_family_bootstrap(docs, n_boot=300, seed=11)
    again = u_alpha_family_bootstrap(docs, n_boot=300, seed=11)
    other = u_alpha_family_bootstrap(docs, n_boot=300, seed=12)
    assert first == again
    assert first.u_alpha != other.u_alpha
    assert first.u_alpha is not None and first.u_alpha.n_boot == 300
    assert first.u_alpha.low <= first.result.u_alpha <= first.u_alpha.high
    assert set(first.per_code) == {"x", "y", "z"}
    assert all(ci is not None for ci in first.per_code.values())
    assert 0.0 <= first.u_alpha.q_below_800 <= 1.0
    assert first.n_sampling_units == 15


def test_one_document_says_so_and_gives_no_interval() -> None:
    docs = study(1, 0.8, np.random.default_rng(3))
    boot = u_alpha_family_bootstrap(docs, n_boot=200, seed=0)
    assert not math.isnan(boot.result.u_alpha)
    assert boot.u_alpha is None and boot.cu_alpha is None
    assert all(ci is None for ci in boot.per_code.values())
    assert "one document" in boot.reason
    # documents coded by a single coder are not sampling units: still one document
    lone = [(units, 0, 200, ["a"]) for units, _, _ in study(3, 0.8, np.random.default_rng(4))]
    lone = [([u for u in units if u.coder == "a"], *rest) for units, *rest in lone]
    boot = u_alpha_family_bootstrap(docs + lone, coders=["a", "b", "c"], n_boot=200)
    assert boot.u_alpha is None and boot.n_sampling_units == 1


def test_resampling_draws_only_sampling_units() -> None:
    weights = resample_weights(6, np.array([0, 2, 5]), 400, seed=1)
    assert weights.shape == (400, 6) and (weights.sum(axis=1) == 3).all()
    assert (weights[:, [1, 3, 4]] == 0).all()
    assert abs(weights[:, 0].mean() - 1.0) < 0.15  # each drawn once per replicate on average


def test_intervals_cover_the_population_value() -> None:
    """Simulated studies with known reliability: the population figure is that of a very
    large study from the same process; 90% intervals from 30-document studies should
    contain it in about 90% of the studies (checked loosely: at least 75 of 100 % points)."""
    rng = np.random.default_rng(20160615)
    population = u_alpha_family_multi(study(1500, 0.75, rng))
    hits = {"u_alpha": 0, "binary_u_alpha": 0, "x": 0}
    n_studies = 60
    for s in range(n_studies):
        boot = u_alpha_family_bootstrap(study(30, 0.75, rng), n_boot=300, seed=s, ci=0.90)
        for key, truth, interval in (
                ("u_alpha", population.u_alpha, boot.u_alpha),
                ("binary_u_alpha", population.binary_u_alpha, boot.binary_u_alpha),
                ("x", population.per_code["x"], boot.per_code["x"])):
            assert interval is not None
            hits[key] += interval.low <= truth <= interval.high
    for key, count in hits.items():
        assert count / n_studies >= 0.75, (key, count)
    assert 0.3 < population.u_alpha < 0.9  # a study of middling reliability
