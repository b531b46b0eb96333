"""Our Student t quantile against scipy's (the reference the app no longer loads at run time)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import stdtr, stdtrit

from annotator.agreement.t_quantile import incomplete_beta, t_cdf, t_quantile


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 9, 10, 29, 30, 99, 100, 1000, 100_000])
@pytest.mark.parametrize("p", [0.5005, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 0.025, 0.1])
def test_quantiles_match_scipy(df: int, p: float) -> None:
    assert t_quantile(df, p) == pytest.approx(float(stdtrit(df, p)), rel=1e-10, abs=1e-12)


def test_textbook_values() -> None:
    """Two-sided 95% critical values printed in every t table."""
    assert round(t_quantile(1, 0.975), 3) == 12.706
    assert round(t_quantile(10, 0.975), 3) == 2.228
    assert round(t_quantile(30, 0.975), 3) == 2.042


@settings(max_examples=300, deadline=None)
@given(df=st.floats(0.5, 5000), p=st.floats(1e-6, 1 - 1e-6))
def test_the_quantile_inverts_the_cdf(df: float, p: float) -> None:
    t = t_quantile(df, p)
    assert t_cdf(t, df) == pytest.approx(p, rel=1e-9, abs=1e-12)
    assert t_cdf(t, df) == pytest.approx(float(stdtr(df, t)), rel=1e-9, abs=1e-12)


def test_edges() -> None:
    assert t_quantile(5, 0.5) == 0.0
    assert math.isnan(t_quantile(5, 0.0)) and math.isnan(t_quantile(5, 1.0))
    assert math.isnan(t_quantile(0, 0.9)) and math.isnan(t_quantile(math.nan, 0.9))
    assert incomplete_beta(2.0, 3.0, 0.0) == 0.0 and incomplete_beta(2.0, 3.0, 1.0) == 1.0
    assert incomplete_beta(1.0, 1.0, 0.3) == pytest.approx(0.3)  # the uniform distribution
