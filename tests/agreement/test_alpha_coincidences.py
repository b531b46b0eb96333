"""The coincidence matrix equals a literal pair-by-pair tally, for every kind of numeric value
the encoding treats differently: small whole numbers (a lookup table), whole numbers far apart
(sorted), fractions, negative zero, infinities, and missing values."""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import permutations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement.alpha import coincidences

VALUES = st.one_of(st.none(), st.integers(-3, 6), st.integers(-(2 ** 60), 2 ** 60),
                   st.sampled_from([0.5, -2.25, -0.0, math.inf, -math.inf, 1e300]))

tables = st.integers(1, 5).flatmap(lambda coders: st.integers(1, 20).flatmap(
    lambda units: st.lists(st.lists(VALUES, min_size=units, max_size=units),
                           min_size=coders, max_size=coders)))


def literal(data: list[list[float | None]]) -> tuple[list[float], dict[tuple[float, float], float]]:
    """Distinct values and o_ck: every ordered pair of values in a unit, weighted 1/(m_u - 1)."""
    present = [[v for v in unit if v is not None] for unit in zip(*data)]
    matrix: dict[tuple[float, float], float] = defaultdict(float)
    for unit in present:
        for a, b in permutations(unit, 2):
            matrix[float(a), float(b)] += 1.0 / (len(unit) - 1)
    return sorted({float(v) for unit in present for v in unit}), matrix


@settings(max_examples=300, deadline=None)
@given(tables)
def test_coincidences_equal_a_literal_tally(data: list[list[float | None]]) -> None:
    array = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    table = coincidences(array)
    values, matrix = literal(data)
    assert [float(v) for v in table.values] == values
    assert table.n_units == sum(sum(v is not None for v in unit) >= 2 for unit in zip(*data))
    for i, c in enumerate(values):
        for j, k in enumerate(values):
            assert math.isclose(table.matrix[i, j], matrix[c, k], rel_tol=1e-12, abs_tol=1e-12)
