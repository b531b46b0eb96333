"""Synthetic reliability data with known structure, for benchmarks and tests.

The recipes follow the agreement workloads of the project's benchmark notes (BENCH.md) so
that figures compare across versions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.units import Unit


@dataclass(frozen=True)
class Document:
    """One synthetic continuum and the units of every coder on it."""

    units: list[Unit]
    begin: int
    length: int

    def by_coder(self, coder: str) -> list[Unit]:
        return [u for u in self.units if u.coder == coder]


def coding_data(n_units: int = 10_000, n_coders: int = 3, n_values: int = 5,
                copy_share: float = 0.8, seed: int = 20071) -> np.ndarray:
    """Coders x units of nominal values: each coder copies a shared base value with
    probability ``copy_share`` and otherwise picks a value at random."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, n_values, n_units)
    rows = [np.where(rng.random(n_units) < copy_share, base, rng.integers(0, n_values, n_units))
            for _ in range(n_coders)]
    return np.array(rows, dtype=np.float64)


def span_workload(n_docs: int = 500, n_spans: int = 40, doc_length: int = 3_000,
                  n_codes: int = 8, coders: tuple[str, ...] = ("c1", "c2", "c3"),
                  copy_p: float = 0.85, shift: int = 5, swap_p: float = 0.1,
                  extra: int = 3, seed: int = 20161215) -> list[Document]:
    """The agreement workload: coder 1 places ``n_spans`` spans of 5-80 characters; every
    other coder copies each with probability ``copy_p``, moving each boundary by up to
    +-``shift`` characters and swapping the code with probability ``swap_p``, and adds
    ``extra`` spans of their own."""
    rng = np.random.default_rng(seed)
    codes = [f"code{k}" for k in range(n_codes)]
    docs = []
    for _ in range(n_docs):
        base = [_random_span(rng, doc_length, codes) for _ in range(n_spans)]
        units = [Unit(coders[0], s, e, c) for s, e, c in base]
        for coder in coders[1:]:
            units += [Unit(coder, *_copy(rng, span, doc_length, codes, shift, swap_p))
                      for span in base if rng.random() < copy_p]
            units += [Unit(coder, *_random_span(rng, doc_length, codes)) for _ in range(extra)]
        docs.append(Document(units, 0, doc_length))
    return docs


def _random_span(rng: np.random.Generator, length: int, codes: list[str]) -> tuple[int, int, str]:
    size = int(rng.integers(5, 81))
    start = int(rng.integers(0, length - size + 1))
    return start, start + size, codes[int(rng.integers(len(codes)))]


def _copy(rng: np.random.Generator, span: tuple[int, int, str], length: int, codes: list[str],
          shift: int, swap_p: float) -> tuple[int, int, str]:
    start, end, code = span
    start = min(max(start + int(rng.integers(-shift, shift + 1)), 0), length - 1)
    end = min(max(end + int(rng.integers(-shift, shift + 1)), start + 1), length)
    if rng.random() < swap_p:
        code = codes[int(rng.integers(len(codes)))]
    return start, end, code
