"""The reliability sample planner and Krippendorff's minimum sample size (pure functions)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.sampling import plan_assignment, required_sample_size, sample_count

# Published values for two coders (ATLAS.ti 22 manual, "Sample Size and Decision Rules", quoting
# Krippendorff 2019 Content analysis 4th ed. and Bloch & Kraemer 1989 eq. 3.7): four equally
# frequent codes (P_c = .25), p = .05 -> 139 codings for alpha_min .800, 81 for .667.
PUBLISHED = [(0.800, 0.05, 0.25, 139), (0.667, 0.05, 0.25, 81)]


@pytest.mark.parametrize(("alpha_min", "p", "p_c", "values"), PUBLISHED)
def test_sample_size_matches_the_published_table(alpha_min: float, p: float, p_c: float,
                                                 values: int) -> None:
    size = required_sample_size(alpha_min, p, p_c, coders=2)
    assert size.values == values
    assert size.units == -(-values // 2)


def test_more_coders_multiply_z_squared() -> None:
    two = required_sample_size(0.8, 0.05, 0.25, coders=2)
    three = required_sample_size(0.8, 0.05, 0.25, coders=3)
    assert three.values == pytest.approx(two.values * 1.5, abs=1)


def test_stricter_requirements_need_more_units() -> None:
    base = required_sample_size(0.667, 0.05, 0.5).values
    assert required_sample_size(0.8, 0.05, 0.5).values > base
    assert required_sample_size(0.667, 0.01, 0.5).values > base
    assert required_sample_size(0.667, 0.05, 0.1).values > base


@pytest.mark.parametrize(("alpha_min", "p", "p_c", "coders"),
                         [(1.0, 0.05, 0.5, 2), (0.8, 0.6, 0.5, 2), (0.8, 0.05, 0.7, 2),
                          (0.8, 0.05, 0.5, 1)])
def test_impossible_parameters_are_refused(alpha_min: float, p: float, p_c: float,
                                           coders: int) -> None:
    with pytest.raises(ValueError):
        required_sample_size(alpha_min, p, p_c, coders)


def test_sample_count_from_share_or_count() -> None:
    assert sample_count(10, 0.2, None) == 2
    assert sample_count(10, 0.25, None) == 3  # 2.5 rounds half up
    assert sample_count(10, None, 4) == 4
    assert sample_count(10, None, None) == 0
    for share, count in ((1.5, None), (None, 11), (None, -1), (0.2, 2)):
        with pytest.raises(ValueError):
            sample_count(10, share, count)


documents_st = st.lists(st.uuids().map(str), unique=True, max_size=60)
coders_st = st.lists(st.sampled_from("ABCDEFG"), unique=True, min_size=1, max_size=5)


@given(documents_st, coders_st, st.floats(0, 1), st.integers(0, 2**31))
def test_plan_is_reproducible_balanced_and_covers_every_document_once(
        documents: list[str], coders: list[str], share: float, seed: int) -> None:
    size = sample_count(len(documents), share, None)
    plan = plan_assignment(documents, coders, size, seed)
    assert plan == plan_assignment(documents, coders, size, seed)
    assert len(plan.sample) == size
    outside = [d for split in plan.split.values() for d in split]
    assert Counter(outside) == Counter(d for d in documents if d not in plan.sample)
    loads = [len(split) for split in plan.split.values()]
    assert max(loads) - min(loads) <= 1
    assert plan.pairs() == ({(d, c) for d in plan.sample for c in coders}
                            | {(d, c) for c, split in plan.split.items() for d in split})
    assert list(plan.sample) == [d for d in documents if d in plan.sample]  # project order


def test_another_seed_draws_another_sample() -> None:
    documents = [f"d{i:03}" for i in range(200)]
    samples = {plan_assignment(documents, ["A", "B"], 20, seed).sample for seed in range(5)}
    assert len(samples) == 5
