"""Invariances of the Gwet-family coefficients and weighted kappa (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import gwet_ac1
from annotator.agreement.estimate import Estimate
from annotator.agreement.fleiss import fleiss_kappa_generalised
from annotator.agreement.gwet import gwet_ac
from annotator.agreement.multirater import percent_agreement_multi
from annotator.agreement.weighted_kappa import weighted_kappa

CATEGORIES = [1, 2, 3, 4]
cell = st.one_of(st.none(), st.sampled_from(CATEGORIES))
studies = st.integers(2, 5).flatmap(
    lambda raters: st.integers(1, 25).flatmap(
        lambda units: st.lists(st.lists(cell, min_size=units, max_size=units),
                               min_size=raters, max_size=raters)))
pairs = st.lists(st.tuples(st.sampled_from(CATEGORIES), st.sampled_from(CATEGORIES)),
                 min_size=1, max_size=40)


def same(a: Estimate, b: Estimate) -> bool:
    """Equal up to rounding. A standard error is the square root of a difference of sums, so
    where the true variance is 0 it is rounding noise of order 1e-8, hence its wider margin."""
    def close(x: float, y: float, margin: float) -> bool:
        return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-9,
                                                                  abs_tol=margin)
    return close(a.value, b.value, 1e-12) and close(a.pa, b.pa, 1e-12) and \
        close(a.se, b.se, 1e-6)


def measures(ratings: list[list[int | None]], weights: str) -> list[Estimate]:
    return [gwet_ac(ratings, weights, CATEGORIES),
            fleiss_kappa_generalised(ratings, weights, CATEGORIES),
            percent_agreement_multi(ratings, weights, CATEGORIES)]


@settings(max_examples=150, deadline=None)
@given(studies, st.randoms(use_true_random=False), st.sampled_from(["identity", "linear",
                                                                     "quadratic", "ordinal"]))
def test_rater_and_unit_order_do_not_matter(ratings: list[list[int | None]], rng,  # noqa: ANN001
                                            weights: str) -> None:
    raters = ratings[:]
    rng.shuffle(raters)
    order = list(range(len(ratings[0])))
    rng.shuffle(order)
    units = [[row[i] for i in order] for row in ratings]
    for original, *moved in zip(measures(ratings, weights), measures(raters, weights),
                                measures(units, weights)):
        assert all(same(original, other) for other in moved)


@settings(max_examples=150, deadline=None)
@given(studies, st.permutations(CATEGORIES))
def test_unweighted_coefficients_ignore_category_names(ratings: list[list[int | None]],
                                                      relabel: list[int]) -> None:
    names = dict(zip(CATEGORIES, (f"code {x}" for x in relabel)))
    renamed = [[None if v is None else names[v] for v in row] for row in ratings]
    labels = [names[c] for c in CATEGORIES]
    assert same(gwet_ac(ratings, categories=CATEGORIES), gwet_ac(renamed, categories=labels))
    assert same(fleiss_kappa_generalised(ratings, categories=CATEGORIES),
                fleiss_kappa_generalised(renamed, categories=labels))


@settings(max_examples=150, deadline=None)
@given(studies, st.sampled_from(["linear", "quadratic", "radical", "ordinal"]),
       st.integers(-5, 5).filter(bool), st.integers(-10, 10))
def test_distance_weights_survive_reversal_and_rescaling(ratings: list[list[int | None]],
                                                        weights: str, scale: int,
                                                        shift: int) -> None:
    # Reversing the scale (x -> -x) or changing its unit and origin keeps every distance
    # ratio, so the weights and the coefficients stay the same.
    moved = [[None if v is None else scale * v + shift for v in row] for row in ratings]
    cats = sorted(scale * c + shift for c in CATEGORIES)
    assert same(gwet_ac(ratings, weights, CATEGORIES), gwet_ac(moved, weights, cats))
    assert same(fleiss_kappa_generalised(ratings, weights, CATEGORIES),
                fleiss_kappa_generalised(moved, weights, cats))


@settings(max_examples=150, deadline=None)
@given(pairs, st.sampled_from(["identity", "linear", "quadratic"]))
def test_weighted_kappa_is_symmetric_in_the_raters_and_at_most_one(
        labelled: list[tuple[int, int]], weights: str) -> None:
    a, b = [p[0] for p in labelled], [p[1] for p in labelled]
    forward = weighted_kappa(a, b, weights, CATEGORIES)
    backward = weighted_kappa(b, a, weights, CATEGORIES)
    assert same(forward, backward)
    assert math.isnan(forward.value) or forward.value <= 1 + 1e-12
    reversed_scale = weighted_kappa([-x for x in a], [-x for x in b], weights,
                                    sorted(-c for c in CATEGORIES))
    assert same(forward, reversed_scale)


@settings(max_examples=150, deadline=None)
@given(pairs)
def test_two_complete_raters_give_the_two_rater_ac1(labelled: list[tuple[int, int]]) -> None:
    a, b = [p[0] for p in labelled], [p[1] for p in labelled]
    multi, pairwise = gwet_ac([a, b]).value, gwet_ac1(a, b)
    assert (math.isnan(multi) and math.isnan(pairwise)) or math.isclose(multi, pairwise,
                                                                         abs_tol=1e-12)
