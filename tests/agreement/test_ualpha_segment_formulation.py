"""uα (2016) cross-checked against a second, segment-by-segment formulation of the same definition.

Each coder's continuum is cut into segments: their units plus the gaps between them. Observed
coincidences of values (c, k) are the summed intersection lengths of c-segments of one coder with
k-segments of another, divided by m - 1. Expected coincidences remove each segment's self-pairings:
l² for a unit (indivisible) and l for a gap (divisible). The engine computes the same thing from
elementary pieces and matrices; agreement of the two routes on random data guards both.
"""

from __future__ import annotations

import math
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import Unit, u_alpha_family

GAP = None


def _segments(units: list[Unit], length: int) -> list[tuple[object, int, int]]:
    segments, position = [], 0
    for unit in sorted(units, key=lambda u: u.start):
        if unit.start > position:
            segments.append((GAP, position, unit.start))
        segments.append((unit.category, unit.start, unit.end))
        position = unit.end
    if position < length:
        segments.append((GAP, position, length))
    return segments


def u_alpha_by_segments(units_by_coder: dict[str, list[Unit]], length: int) -> float:
    coders = list(units_by_coder)
    m = len(coders)
    segments = {c: _segments(units_by_coder[c], length) for c in coders}
    observed: dict[tuple[object, object], float] = defaultdict(float)
    for a in coders:
        for b in coders:
            if a == b:
                continue
            for value_a, start_a, end_a in segments[a]:
                for value_b, start_b, end_b in segments[b]:
                    overlap = min(end_a, end_b) - max(start_a, start_b)
                    if overlap > 0:
                        observed[value_a, value_b] += overlap / (m - 1)
    total = sum(observed.values())
    margin: dict[object, float] = defaultdict(float)
    for (value, _), amount in observed.items():
        margin[value] += amount
    self_pairs: dict[object, float] = defaultdict(float)
    for coder in coders:
        for value, start, end in segments[coder]:
            self_pairs[value] += (end - start) if value is GAP else (end - start) ** 2
    denominator = total**2 - sum(self_pairs.values())
    expected_agreement = sum(
        total * (margin[v] ** 2 - self_pairs[v]) / denominator for v in margin)
    observed_agreement = sum(observed[v, v] for v in margin)
    disagreement_expected = total - expected_agreement
    if disagreement_expected == 0:
        return math.nan
    return 1 - (total - observed_agreement) / disagreement_expected


@st.composite
def studies(draw: st.DrawFn) -> tuple[dict[str, list[Unit]], int]:
    length = draw(st.integers(20, 160))
    n_coders = draw(st.integers(2, 4))
    categories = draw(st.sampled_from([["a"], ["a", "b"], ["a", "b", "c"]]))
    study: dict[str, list[Unit]] = {}
    for index in range(n_coders):
        coder, position, units = f"coder{index}", 0, []
        while position < length:
            end = min(length, position + draw(st.integers(1, 30)))
            if draw(st.booleans()):
                units.append(Unit(coder, position, end, draw(st.sampled_from(categories))))
            position = end
        study[coder] = units
    return study, length


@settings(max_examples=300, deadline=None)
@given(studies())
def test_engine_matches_the_segment_formulation(study: tuple[dict[str, list[Unit]], int]) -> None:
    units_by_coder, length = study
    units = [u for coder_units in units_by_coder.values() for u in coder_units]
    engine = u_alpha_family(units, 0, length, coders=list(units_by_coder)).u_alpha
    reference = u_alpha_by_segments(units_by_coder, length)
    if math.isnan(reference):
        assert math.isnan(engine)
    else:
        assert math.isclose(engine, reference, rel_tol=1e-9, abs_tol=1e-12)


def test_a_coder_who_marked_nothing_counts_when_listed() -> None:
    units = [Unit("A", 10, 20, "a"), Unit("B", 12, 25, "a")]
    with_silent = u_alpha_family(units, 0, 40, coders=["A", "B", "C"]).u_alpha
    without = u_alpha_family(units, 0, 40).u_alpha
    assert math.isclose(with_silent, u_alpha_by_segments(
        {"A": units[:1], "B": units[1:], "C": []}, 40))
    assert with_silent < without
