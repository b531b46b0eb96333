"""Reliability data from the literature, shared by the tests that reproduce published values."""

from __future__ import annotations

N = None

# Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 coders x 12 units.
# Published: nominal .743, ordinal .815, interval .849, ratio .797.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
