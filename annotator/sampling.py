"""Assignment plans: a reliability sample coded by every coder, the rest dealt out evenly, and the
sample size Krippendorff's α needs.

Pure Python (no Qt, no database): the planner takes document ids in project order and coder ids
and returns who codes what; the same ids, parameters and seed give the same plan on every machine
(``random.Random`` with an integer seed is specified to be reproducible across platforms).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from statistics import NormalDist

SAMPLE_SIZE_SOURCE = (
    "Krippendorff (2004/2013), Content analysis, §11.4.4 (from Bloch & Kraemer 1989, eq. 3.7): "
    "N = m·z²·[(1+α_min)(3−α_min) / (4(1−α_min)·P_c(1−P_c)) − α_min], "
    "z one-tailed at p, m coders, P_c the probability of the least frequent category")


@dataclass(frozen=True)
class SampleSize:
    """What a reliability sample must yield for α ≥ ``alpha_min`` to be shown at level ``p``."""

    alpha_min: float
    p: float
    p_c: float
    coders: int
    values: int  # pairable values needed (units × coders)

    @property
    def units(self) -> int:
        """Units each coded by every coder: the values divided among the coders, rounded up."""
        return math.ceil(self.values / self.coders)


def required_sample_size(alpha_min: float, p: float, p_c: float = 0.5, coders: int = 2
                         ) -> SampleSize:
    """Krippendorff's minimum number of values for a smallest acceptable α (see SAMPLE_SIZE_SOURCE).

    With two coders this is the published table (e.g. α_min .800, p .05, P_c .25 → 139).
    """
    if not 0 < alpha_min < 1:
        raise ValueError(f"α_min must lie between 0 and 1, not {alpha_min}")
    if not 0 < p < 0.5:
        raise ValueError(f"the significance level p must lie between 0 and 0.5, not {p}")
    if not 0 < p_c <= 0.5:
        raise ValueError(f"P_c (least frequent category) must lie in (0, 0.5], not {p_c}")
    if coders < 2:
        raise ValueError("a reliability sample needs at least two coders")
    z = NormalDist().inv_cdf(1 - p)
    spread = (1 + alpha_min) * (3 - alpha_min) / (4 * (1 - alpha_min) * p_c * (1 - p_c))
    values = coders * z * z * (spread - alpha_min)
    return SampleSize(alpha_min, p, p_c, coders, math.ceil(values - 1e-9))


@dataclass(frozen=True)
class AssignmentPlan:
    """Which documents every coder codes (the sample) and which single coder codes each other one."""

    sample: tuple[str, ...]  # in project order
    split: dict[str, tuple[str, ...]]  # coder id -> documents outside the sample, project order

    def pairs(self) -> set[tuple[str, str]]:
        """Every (document id, coder id) the plan assigns."""
        shared = {(d, c) for d in self.sample for c in self.split}
        return shared | {(d, c) for c, documents in self.split.items() for d in documents}


def sample_count(total: int, share: float | None, count: int | None) -> int:
    """How many documents the sample takes: a share (rounded half up) or a number, within total."""
    if share is not None and count is not None:
        raise ValueError("give a reliability share or a count, not both")
    if share is not None:
        if not 0 <= share <= 1:
            raise ValueError(f"the reliability share must lie between 0 and 1, not {share}")
        return min(total, math.floor(share * total + 0.5))
    if count is not None:
        if count < 0:
            raise ValueError(f"the reliability count cannot be negative ({count})")
        if count > total:
            raise ValueError(f"a sample of {count} documents is more than the {total} chosen")
        return count
    return 0


def plan_assignment(documents: list[str], coders: list[str], sample_size: int, seed: int
                    ) -> AssignmentPlan:
    """Draw ``sample_size`` documents for every coder; deal the rest out so loads differ by ≤ 1.

    The rest is shuffled with the same generator and dealt round-robin, so which coder gets which
    document does not follow project order (no coder gets all of one outlet's early articles).
    """
    if not coders:
        raise ValueError("choose at least one coder")
    if len(set(documents)) != len(documents) or len(set(coders)) != len(coders):
        raise ValueError("documents and coders must not repeat")
    rng = random.Random(seed)
    order = {document: index for index, document in enumerate(documents)}
    sample = set(rng.sample(documents, sample_size))
    rest = [d for d in documents if d not in sample]
    rng.shuffle(rest)
    split: dict[str, list[str]] = {coder: [] for coder in coders}
    for index, document in enumerate(rest):
        split[coders[index % len(coders)]].append(document)
    return AssignmentPlan(
        sample=tuple(sorted(sample, key=order.__getitem__)),
        split={c: tuple(sorted(ds, key=order.__getitem__)) for c, ds in split.items()})


def new_seed() -> int:
    """A fresh seed when none is given; stored with the sample so the draw can be repeated."""
    return random.SystemRandom().randrange(1, 2**31)
