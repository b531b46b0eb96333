"""Bootstrapped alpha (KALPHA): reproducible, centred on alpha, sensible tails."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import bootstrap_alpha, krippendorff_alpha
from annotator.agreement.synthetic import coding_data
from published_data import K2011, N


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_distribution_is_centred_on_alpha(level: str) -> None:
    result = bootstrap_alpha(K2011, level, n_boot=4000, seed=1)  # type: ignore[arg-type]
    assert result.alpha == krippendorff_alpha(K2011, level)  # type: ignore[arg-type]
    assert result.ci_low < result.alpha < result.ci_high <= 1.0
    assert float(np.mean(result.samples)) == pytest.approx(result.alpha, abs=0.01)
    assert 0.0 <= result.q_below_667 <= result.q_below_800 <= 1.0


def test_seed_makes_it_reproducible() -> None:
    first = bootstrap_alpha(K2011, n_boot=500, seed=42)
    again = bootstrap_alpha(K2011, n_boot=500, seed=42)
    other = bootstrap_alpha(K2011, n_boot=500, seed=43)
    assert np.array_equal(first.samples, again.samples)
    assert not np.array_equal(first.samples, other.samples)


def test_interval_narrows_with_more_data() -> None:
    small = bootstrap_alpha(coding_data(n_units=200, seed=3), n_boot=2000)
    large = bootstrap_alpha(coding_data(n_units=20_000, seed=3), n_boot=2000)
    assert large.ci_high - large.ci_low < (small.ci_high - small.ci_low) / 5
    assert large.q_below_667 == 1.0  # alpha about .64: with 20,000 units surely below .667


def test_probability_of_missing_a_threshold() -> None:
    data = coding_data(n_units=300, copy_share=0.9, seed=5)  # alpha close to .8
    result = bootstrap_alpha(data, n_boot=4000)
    assert result.q_below_800 == pytest.approx(float(np.mean(result.samples < 0.8)))
    assert 0.0 < result.q_below_800 < 1.0 and result.q_below_667 == 0.0


def test_two_coders_draw_one_pair_per_unit() -> None:
    from annotator.agreement.alpha import coincidences

    assert coincidences([[1, 2, 3, 1], [1, 2, 2, N]]).n_pairs == 3
    assert coincidences(K2011).n_pairs == 1 * 1 + 6 * 8 + 3 * 2  # units with 2, 4, 3 values


def test_undefined_alpha_gives_nan_interval() -> None:
    result = bootstrap_alpha([[1, 1, 1], [1, 1, 1]])
    assert math.isnan(result.alpha) and math.isnan(result.ci_low) and math.isnan(result.q_below_800)


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="n_boot"):
        bootstrap_alpha(K2011, n_boot=0)
    with pytest.raises(ValueError, match="ci"):
        bootstrap_alpha(K2011, ci=1.5)
