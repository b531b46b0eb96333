"""Slow, literal implementations of the unitizing measures, to check the vectorised ones.

They follow the definitions step by step on small continua: alpha_u with DKPro Statistics'
segment sweep, the 2016 family by tallying every position and every coder pair.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

from annotator.agreement import Unit


def segments(units: list[Unit], begin: int, length: int) -> list[tuple[int, int, bool]]:
    """(start, end, is_unit) partition of the continuum by non-overlapping units."""
    result, pos = [], begin
    for u in sorted(units, key=lambda u: u.start):
        if u.start > pos:
            result.append((pos, u.start, False))
        result.append((u.start, u.end, True))
        pos = u.end
    if pos < begin + length:
        result.append((pos, begin + length, False))
    return result


def distance(a: tuple[int, int, bool], b: tuple[int, int, bool]) -> float:
    """Krippendorff's (2004) difference between two intersecting segments."""
    (s1, e1, unit1), (s2, e2, unit2) = a, b
    if unit1 and unit2:
        return (s1 - s2) ** 2 + (e1 - e2) ** 2
    if unit1 and not unit2 and s2 <= s1 and e1 <= e2:
        return (e1 - s1) ** 2
    if unit2 and not unit1 and s1 <= s2 and e2 <= e1:
        return (e2 - s2) ** 2
    return 0.0


def alpha_u_category(units: list[Unit], begin: int, length: int, coders: list[Hashable],
                     category: Hashable) -> tuple[float, float]:
    """Observed and expected disagreement of one category (non-overlapping units)."""
    r = len(coders)
    own = {c: [u for u in units if u.coder == c and u.category == category and u.length]
           for c in coders}
    parts = {c: segments(own[c], begin, length) for c in coders}
    observed = 0.0
    for i, ci in enumerate(coders):
        for cj in coders[i + 1:]:
            for a in parts[ci]:
                for b in parts[cj]:
                    if max(a[0], b[0]) < min(a[1], b[1]):
                        observed += distance(a, b)
    observed *= 2.0 / (r * (r - 1) * length ** 2)
    all_units = [u for c in coders for u in own[c]]
    gaps = [e - s for c in coders for s, e, is_unit in parts[c] if not is_unit]
    n_c = len(all_units)
    numerator = 0.0
    for u in all_units:
        ell = u.length
        numerator += (n_c - 1) * (2 * ell ** 3 - 3 * ell ** 2 + ell) / 3
        numerator += ell ** 2 * sum(g - ell + 1 for g in gaps if g >= ell)
    denominator = r * length * (r * length - 1) - sum(u.length * (u.length - 1) for u in all_units)
    return observed, 2.0 / length * numerator / denominator


def family(units: list[Unit], begin: int, length: int, coders: list[Hashable]
           ) -> dict[str, object]:
    """uα, |uα, cuα and (k)uα by tallying every position (units must not overlap within a
    coder)."""
    return family_multi([(units, begin, length, coders)])


Doc = tuple[list[Unit], int, int, list[Hashable]]


def family_multi(docs: list[Doc]) -> dict[str, object]:
    """The family over documents with their own coder lists; documents with fewer than two
    coders are not pairable and drop out."""
    docs = [d for d in docs if len(d[3]) >= 2]
    codes = sorted({u.category for d in docs for u in d[0]})
    grids = [_grid(*d) for d in docs]
    result: dict[str, object] = {
        "u": _alpha(docs, grids, lambda v: v, binary=False),
        "binary": _alpha(docs, grids, lambda v: v is not None, binary=True),
        "cu": _cu(docs, grids),
    }
    result["binary_per_code"] = {
        k: _alpha([([u for u in d[0] if u.category == k], *d[1:]) for d in docs], grids,
                  lambda v, k=k: v == k, binary=True)
        for k in codes}
    result["per_code"], result["coverage"], result["cu_coverage"] = _published_k(docs, grids)
    return result


def _grid(units: list[Unit], begin: int, length: int, coders: list[Hashable]) -> dict:
    at: dict = {c: [None] * length for c in coders}
    for u in units:
        for p in range(u.start - begin, u.end - begin):
            at[u.coder][p] = u.category
    return at


def _alpha(docs: list[Doc], grids: list[dict], value, binary: bool) -> float:
    ell: dict[tuple, float] = {}
    self_pairs: dict = {}
    gap = value(None)
    for (units, _, length, coders), at in zip(docs, grids):
        m = len(coders)
        for p in range(length):
            for i in coders:
                for j in coders:
                    if i != j:
                        key = (value(at[i][p]), value(at[j][p]))
                        ell[key] = ell.get(key, 0.0) + 1.0 / (m - 1)
        covered = 0
        for u in units:
            if u.length:
                v = True if binary else u.category
                self_pairs[v] = self_pairs.get(v, 0.0) + u.length ** 2
                covered += u.length
        self_pairs[gap] = self_pairs.get(gap, 0.0) + m * length - covered
    return _from_coincidences(ell, self_pairs)


def _cu(docs: list[Doc], grids: list[dict]) -> float:
    ell, self_pairs = _cu_tally(docs, grids)
    return _from_coincidences(ell, self_pairs)


def _cu_tally(docs: list[Doc], grids: list[dict]) -> tuple[dict, dict]:
    """The cuα coincidences (units meeting units) and each value's self-pairing mass."""
    ell: dict[tuple, float] = {}
    self_pairs: dict = {}
    for (units, begin, length, coders), at in zip(docs, grids):
        m = len(coders)
        for p in range(length):
            for i in coders:
                for j in coders:
                    if i != j and at[i][p] is not None and at[j][p] is not None:
                        key = (at[i][p], at[j][p])
                        ell[key] = ell.get(key, 0.0) + 1.0 / (m - 1)
        for u in units:
            others = sum(1 for p in range(u.start - begin, u.end - begin) for j in coders
                         if j != u.coder and at[j][p] is not None)
            self_pairs[u.category] = self_pairs.get(u.category, 0.0) + (others / (m - 1)) ** 2
    return ell, self_pairs


def _published_k(docs: list[Doc], grids: list[dict]) -> tuple[dict, dict, float]:
    """(k)uα by eq. 13b of the 2016 paper on the cuα matrices, each k's coverage (its row in
    the cuα matrix over its row in the full matrix) and cuα's coverage (ℓ*.. / ℓ..)."""
    ell, self_pairs = _cu_tally(docs, grids)
    full: dict = {}
    total_full = 0.0
    for (units, _, length, coders), at in zip(docs, grids):
        m = len(coders)
        for p in range(length):
            for i in coders:
                for j in coders:
                    if i != j:
                        full[at[i][p]] = full.get(at[i][p], 0.0) + 1.0 / (m - 1)
                        total_full += 1.0 / (m - 1)
    total = sum(ell.values())
    codes = sorted({u.category for d in docs for u in d[0]})
    alphas, coverage = {}, {}
    for k in codes:
        row = sum(x for (c, _), x in ell.items() if c == k)
        coverage[k] = row / full[k] if full.get(k) else math.nan
        if row == 0:
            alphas[k] = math.nan
            continue
        scale = total - sum(self_pairs.values()) / total
        eps_row = (row * total - self_pairs.get(k, 0.0)) / scale
        eps_kk = (row * row - self_pairs.get(k, 0.0)) / scale
        d_e = eps_row - eps_kk
        alphas[k] = (1.0 - (eps_row / row) * (row - ell.get((k, k), 0.0)) / d_e
                     if d_e > 1e-12 * total else math.nan)
    return alphas, coverage, (total / total_full if total_full else math.nan)


def _from_coincidences(ell: dict, self_pairs: dict) -> float:
    total = sum(ell.values())
    if total <= 0:
        return math.nan
    values = {v for pair in ell for v in pair}
    margin = {v: sum(x for (c, _), x in ell.items() if c == v) for v in values}
    scale = total - sum(self_pairs.get(v, 0.0) for v in values) / total
    observed = sum(x for (c, k), x in ell.items() if c != k)
    expected = sum(margin[c] * margin[k] for c in values for k in values if c != k) / scale
    return 1.0 - observed / expected if expected > 1e-12 * total else math.nan
