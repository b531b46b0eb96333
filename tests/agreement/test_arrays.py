"""The distinct-value helpers give exactly what ``np.unique`` gives, on both of their paths."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from annotator.agreement.arrays import unique_inverse, unique_sorted

SHAPES = hnp.array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=40)
NARROW = st.integers(-50, 50)  # a short range: the lookup-table path
WIDE = st.integers(-(2 ** 62), 2 ** 62)  # far wider than the data: the sorting path


@settings(max_examples=300, deadline=None)
@given(hnp.arrays(np.int64, SHAPES, elements=st.one_of(NARROW, WIDE)))
def test_unique_sorted_equals_numpy(values: np.ndarray) -> None:
    assert np.array_equal(unique_sorted(values), np.unique(values))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([np.int64, np.uint64, np.int32]), st.data())
def test_unique_inverse_equals_numpy(dtype: type, data: st.DataObject) -> None:
    info = np.iinfo(dtype)
    wide = st.integers(max(info.min, -(2 ** 62)), min(info.max, 2 ** 62))
    narrow = st.integers(max(info.min, -50), 50)
    values = data.draw(hnp.arrays(dtype, SHAPES, elements=st.one_of(narrow, wide)))
    distinct, inverse = unique_inverse(values)
    expected, expected_inverse = np.unique(values, return_inverse=True)
    assert distinct.dtype == values.dtype
    assert np.array_equal(distinct, expected)
    assert inverse.shape == values.shape
    assert np.array_equal(inverse, expected_inverse.reshape(values.shape))
    assert np.array_equal(distinct[inverse], values)


def test_unique_inverse_of_large_unsigned_bit_sets() -> None:
    """Sums of 64-bit keys (how characters.py identifies code sets) near the top of uint64."""
    values = np.array([[2 ** 64 - 1, 3], [2 ** 63, 3]], dtype=np.uint64)
    distinct, inverse = unique_inverse(values)
    assert distinct.tolist() == [3, 2 ** 63, 2 ** 64 - 1]
    assert inverse.tolist() == [[2, 0], [1, 0]]
