"""Computing the report's figures: one pass per granularity (codes, parents, kinds).

Within a granularity every per-category figure comes from one computation over all categories
(other codes are gaps for alpha_u and |uα of k, zeros for the binary measures, the other values
of the cuα matrices for (k)uα), so one pass gives every row of that granularity.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from annotator.agreement.bootstrap import BootstrapResult
from annotator.agreement.characters import CharAlpha, char_alpha
from annotator.agreement.presence import PresenceAlpha, presence_alpha
from annotator.agreement.report import Figure, Interval, PairScores
from annotator.agreement.report_groups import Group, Scope, kind_of
from annotator.agreement.spans import SpanScores, span_f1_multi
from annotator.agreement.study import SpanArrays, Study
from annotator.agreement.tokens import TokenAgreement, Tokens, token_agreement, tokenize
from annotator.agreement.ualpha import restrict
from annotator.agreement.ualpha_bootstrap import FamilyBootstrap, FamilyInterval, bootstrap_layout
from annotator.agreement.unitizing import UnitizingResult, unitized_alpha_multi
from annotator.agreement.units import Layout, Unit, layout

if TYPE_CHECKING:
    from annotator.agreement.report import _Steps

Rows = dict[tuple[Scope, str], dict[str, Figure]]


class Measures:
    """The study and the pieces shared between granularities (tokens, leaf spans)."""

    def __init__(self, study: Study, codes: Sequence[str], n_boot: int, seed: int,
                 steps: _Steps) -> None:
        self.study, self.codes, self.steps = study, codes, steps
        self.n_boot, self.seed = n_boot, seed
        self.family_resampled, self.family_reason = 0, ""
        self._families: dict[tuple[str, ...], FamilyBootstrap] = {}
        self._leaf_layout: Layout | None = None
        self._tokens: Tokens | None = None
        self.leaf_units = study.units({code: code for code in codes})

    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self.steps("tokenising the documents")
            self._tokens = tokenize(self.study, self.study.complete)
        return self._tokens

    def leaf_rows(self) -> Rows:
        """One row per code and the overall row.

        A code's (k)uα is read inside the cuα matrices of its kind (the kind's codes are the
        values of one unitizing variable); codes of other kinds, which may nest in it, are
        other variables and are left out (docs/agreement.md).
        """
        mapping = {code: code for code in self.codes}
        spans = self.study.spans(mapping, self.codes)
        figures = self._per_category(spans, self.leaf_units, overall=True)
        self.steps("uα family (2016) with bootstrap")
        family = self._family_of(tuple(self.codes))
        n_fam = family_counts(self.study, spans)
        rows: Rows = {}
        for i, code in enumerate(self.codes):
            kind = tuple(c for c in self.codes if kind_of(c) == kind_of(code))
            n_units = int(n_fam[2][i])
            rows["code", code] = {
                **figures[i],
                "k_u_alpha": _k_figure(self._family_of(kind), code, n_fam, n_units),
                "binary_per_code": _figure(
                    "binary_per_code", family.result.binary_per_code.get(code, math.nan), n_fam,
                    n_units, family.binary_per_code.get(code))}
        overall = self._family_figures(family, n_fam)
        overall["binary_u_alpha"] = _figure("binary_u_alpha", family.result.binary_u_alpha,
                                            n_fam, spans.count_any(self.study.pairable),
                                            family.binary_u_alpha)
        rows["overall", "overall"] = {**figures[-1], **overall}
        return rows

    def group_rows(self, scope: Scope, mapping: Mapping[str, str],
                   groups: Sequence[Group]) -> Rows:
        """Rows of collapsed groups: per-category figures of the collapsed categories, the uα
        family inside each group (its codes as values, all other codes left out; its |uα is
        the group's "|uα of k") and, for a parent, its (k)uα among the top-level codes of its
        kind. A kind is a variable, not a value: it gets no (k)uα."""
        names = tuple(dict.fromkeys(mapping.values()))
        spans = self.study.spans(mapping, names)
        units = self.study.units(mapping)
        figures = self._per_category(spans, units, overall=False)
        n_collapsed = family_counts(self.study, spans)
        rows: Rows = {}
        for group in groups:
            self.steps(f"uα family inside {group.name}")
            inner_spans = self.study.spans({code: code for code in group.codes}, group.codes)
            family = self._family_of(group.codes)
            n_inner = family_counts(self.study, inner_spans)
            own = self._family_figures(family, n_inner)
            index = names.index(group.name)
            n_units = int(n_collapsed[2][index])
            own["binary_per_code"] = _figure("binary_per_code", family.result.binary_u_alpha,
                                             n_collapsed, n_units, family.binary_u_alpha)
            if scope == "parent":
                kind = kind_of(group.name)
                parents = self._family(
                    [[u for u in doc if kind_of(str(u.category)) == kind] for doc in units])
                own["k_u_alpha"] = _k_figure(parents, group.name, n_collapsed, n_units)
            rows[scope, group.name] = {**figures[index], **own}
        return rows

    def span_pairs(self) -> list[PairScores]:
        """Span P/R/F1 for every ordered coder pair, exact and overlap, over the documents
        both coded."""
        study, result = self.study, []
        for a, b in combinations(range(len(study.coders)), 2):
            self.steps(f"span F1 {study.coders[a]} / {study.coders[b]}")
            both = study.present[:, a] & study.present[:, b]
            pairs = [([u for u in self.leaf_units[d] if u.coder == study.coders[a]],
                      [u for u in self.leaf_units[d] if u.coder == study.coders[b]])
                     for d in np.flatnonzero(both)]
            n_a, n_b = sum(len(p[0]) for p in pairs), sum(len(p[1]) for p in pairs)
            for match in ("exact", "overlap"):
                scores = span_f1_multi(pairs, match=match)
                names = (study.coders[a], study.coders[b])
                result.append(_pair(scores, names, int(both.sum()), (n_a, n_b)))
                result.append(_pair(scores, names[::-1], int(both.sum()), (n_b, n_a), True))
        return result

    def _per_category(self, spans: SpanArrays, units: list[list[Unit]],
                      overall: bool) -> list[dict[str, Figure]]:
        """Figures per category (and, with ``overall``, one more entry for all codes)."""
        self.steps("α_u (2004)")
        alpha_u = self._alpha_u(units)
        self.steps("character α")
        chars = char_alpha(self.study, spans, overall)
        self.steps("presence α (bootstrap)")
        presence = presence_alpha(self.study, spans, self.n_boot, self.seed, overall)
        tokens = self.tokens
        self.steps("token κ")
        kappas = token_agreement(self.study, spans, tokens, overall)
        computed = _Computed(self.study, spans, alpha_u, chars, presence, kappas)
        result = [computed.category(i) for i in range(len(spans.categories))]
        return result + [computed.overall()] if overall else result

    def _alpha_u(self, units: list[list[Unit]]) -> UnitizingResult | None:
        complete = self.study.complete
        if not complete.any():
            return None
        docs = self.study.continua(complete, units, with_coders=False)
        return unitized_alpha_multi(docs, coders=self.study.coders)

    def _family(self, units: list[list[Unit]]) -> FamilyBootstrap:
        docs = self.study.continua(self.study.pairable, units, with_coders=True)
        return self._bootstrap(layout(docs, self.study.coders))

    def _bootstrap(self, lay: Layout) -> FamilyBootstrap:
        family = bootstrap_layout(lay, n_boot=self.n_boot, seed=self.seed)
        self.family_resampled = 0 if family.reason else family.n_sampling_units
        self.family_reason = family.reason
        return family

    def _family_of(self, codes: tuple[str, ...]) -> FamilyBootstrap:
        """The family inside a set of codes (other codes left out), computed once per set
        from the leaf codes' layout."""
        if codes not in self._families:
            if self._leaf_layout is None:
                docs = self.study.continua(self.study.pairable, self.leaf_units,
                                           with_coders=True)
                self._leaf_layout = layout(docs, self.study.coders)
            self._families[codes] = self._bootstrap(restrict(self._leaf_layout, codes))
        return self._families[codes]

    @staticmethod
    def _family_figures(family: FamilyBootstrap, n_fam: FamilyCounts) -> dict[str, Figure]:
        n_units, result = int(n_fam[2].sum()), family.result
        return {
            "u_alpha": _figure("u_alpha", result.u_alpha, n_fam, n_units, family.u_alpha),
            "binary_u_alpha": _figure("binary_u_alpha", result.binary_u_alpha, n_fam, n_units,
                                      family.binary_u_alpha),
            "cu_alpha": _figure("cu_alpha", result.cu_alpha, n_fam, n_units, family.cu_alpha,
                                result.cu_coverage),
        }


FamilyCounts = tuple[int, int, np.ndarray]


@dataclass(frozen=True)
class _Computed:
    """One granularity's results, turned into figures with the counts they rest on."""

    study: Study
    spans: SpanArrays
    alpha_u: UnitizingResult | None
    chars: CharAlpha
    presence: PresenceAlpha
    kappas: TokenAgreement

    def category(self, i: int) -> dict[str, Figure]:
        kappas, name = self.kappas, self.spans.categories[i]
        alpha_u = self.alpha_u.per_category.get(name, math.nan) if self.alpha_u else math.nan
        return {
            "alpha_u": self._alpha_u(alpha_u, int(self._unit_counts[i])),
            "char_alpha": self._chars(float(self.chars.per_category[i])),
            "presence_alpha": self._presence(self.presence.per_category[i], "documents"),
            **self._tokens(kappas.fleiss[i], kappas.cohen[i], kappas.percent[i]),
        }

    def overall(self) -> dict[str, Figure]:
        kappas, presence = self.kappas, self.presence.overall
        assert presence is not None
        return {
            "alpha_u": self._alpha_u(self.alpha_u.overall if self.alpha_u else math.nan,
                                     int(self._unit_counts.sum())),
            "char_alpha": self._chars(self.chars.overall),
            "presence_alpha": self._presence(presence, "document × code pairs"),
            **self._tokens(kappas.overall_fleiss, kappas.overall_cohen, kappas.overall_percent),
        }

    @property
    def _unit_counts(self) -> np.ndarray:
        return self.spans.count(self.study.complete)

    def _alpha_u(self, value: float, n_units: int) -> Figure:
        complete = self.study.complete
        n_coders = len(self.study.coders) if complete.any() else 0
        return Figure("alpha_u", float(value), int(complete.sum()), n_coders, n_units, "spans")

    def _chars(self, value: float) -> Figure:
        chars = self.chars
        return Figure("char_alpha", value, chars.n_documents, chars.n_coders, chars.n_characters,
                      "characters")

    def _presence(self, result: BootstrapResult, unit: str) -> Figure:
        interval = None if math.isnan(result.alpha) or result.n_boot == 0 else Interval(
            result.ci_low, result.ci_high, result.q_below_667, result.q_below_800,
            result.n_boot, result.ci)
        return Figure("presence_alpha", float(result.alpha), self.presence.n_documents,
                      self.presence.n_coders, result.n_units, unit, interval)

    def _tokens(self, fleiss: float, cohen: float, percent: float) -> dict[str, Figure]:
        """Fleiss' kappa and percent agreement; Cohen's kappa only for two coders (for more it
        does not apply, which is not the same as undefined)."""
        k = self.kappas
        values = {"fleiss_kappa": fleiss, "cohen_kappa": cohen, "percent_agreement": percent}
        if len(self.study.coders) != 2:
            del values["cohen_kappa"]
        return {key: Figure(key, float(value), k.n_documents, k.n_coders, k.n_tokens, "tokens")
                for key, value in values.items()}


def _k_figure(family: FamilyBootstrap, code: str, n_fam: FamilyCounts, n_units: int
              ) -> Figure:
    """(k)uα of one value of the family, with its coverage and interval."""
    result = family.result
    return _figure("k_u_alpha", result.per_code.get(code, math.nan), n_fam, n_units,
                   family.per_code.get(code), result.coverage.get(code, math.nan))


def _figure(key: str, value: float, n_fam: FamilyCounts, n_units: int,
            interval: FamilyInterval | None = None, coverage: float | None = None) -> Figure:
    return Figure(key, float(value), n_fam[0], n_fam[1], n_units, "spans",
                  _interval(interval), coverage)


def _interval(found: FamilyInterval | None) -> Interval | None:
    if found is None:
        return None
    return Interval(found.low, found.high, found.q_below_667, found.q_below_800, found.n_boot,
                    found.level, found.n_undefined)


def family_counts(study: Study, spans: SpanArrays) -> FamilyCounts:
    """Documents, coders and merged units per category the uα family rests on."""
    pairable = study.pairable
    return int(pairable.sum()), study.coders_in(pairable), spans.count(pairable)


def _pair(scores: SpanScores, names: tuple[str, str], n_docs: int, n_spans: tuple[int, int],
          swap: bool = False) -> PairScores:
    """Scores of names[1] against names[0]; ``swap`` turns B-against-A scores around."""
    precision, recall = scores.micro.precision, scores.micro.recall
    if swap:
        precision, recall = recall, precision
    per_code = {str(code): counts.f1 for code, counts in scores.per_code.items()}
    return PairScores(names[0], names[1], scores.match, precision, recall, scores.micro.f1,
                      per_code, n_docs, *n_spans)

