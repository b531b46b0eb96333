"""Quantiles of Student's t distribution, for the t intervals of Gwet's coefficients and kappa.

scipy's ``special.stdtrit`` is the reference (the tests compare against it to 1e-10), but importing
scipy.special loads a 24 MB BLAS library that nothing else in the app needs, which alone would push
the coders' app bundle over its size budget. The CDF is the regularized incomplete beta function,
``P(T <= t) = 1 - I_x(df/2, 1/2) / 2`` with ``x = df / (df + t^2)`` for ``t >= 0``, evaluated by its
continued fraction (modified Lentz; Press et al., *Numerical Recipes*, 3rd ed., §6.4), and inverted
by safeguarded Newton steps on a bracket.
"""

from __future__ import annotations

import math

_EPSILON = 1e-15
_TINY = 1e-300
_MAX_TERMS = 10_000
_TOLERANCE = 1e-13


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):  # the fraction converges fast on this side
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(b, a, 1.0 - x) / b


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b) by the modified Lentz method."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            result *= c * d
        if abs(c * d - 1.0) < _EPSILON:
            return result
    raise ArithmeticError(f"incomplete beta fraction did not converge (a={a}, b={b}, x={x})")


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    if t * t < df:  # near the centre: the distance from 1/2 directly, without cancellation
        half = 0.5 * incomplete_beta(0.5, df / 2.0, t * t / (df + t * t))
        return 0.5 + half if t >= 0 else 0.5 - half
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_pdf(t: float, df: float) -> float:
    log_density = (math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
                   - (df + 1) / 2 * math.log1p(t * t / df))
    return math.exp(log_density)


def t_quantile(df: float, p: float) -> float:
    """The t with P(T <= t) = p, like ``scipy.special.stdtrit(df, p)``; nan outside 0 < p < 1."""
    if not (0.0 < p < 1.0) or not df > 0 or math.isnan(df):
        return math.nan
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(df, 1.0 - p)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:  # bracket the root: the CDF is increasing
        low, high = high, high * 2.0
    t = (low + high) / 2.0
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error > 0:
            high = t
        else:
            low = t
        step = error / t_pdf(t, df)
        if abs(step) <= _TOLERANCE * max(1.0, t):
            return t - step
        candidate = t - step
        t = candidate if low < candidate < high else (low + high) / 2.0
        if high - low <= _TOLERANCE * max(1.0, t):
            return t
    return t
