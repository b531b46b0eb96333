"""The audit trail of a report: which definition each figure implements, and how to redo it.

A methods section cites a paper and an equation next to each number; :data:`DEFINITIONS` says
which ones this app implements (docs/agreement.md gives the formulas and our reading where a
text is silent), and :func:`audit` adds the app version, the filters, the bootstrap seed and
the number of replicates, so that a reader can reproduce every figure.
"""

from __future__ import annotations

from typing import Any

from annotator import __version__

KMBW = "Krippendorff, Mathet, Bouvry & Widlöcher (2016)"

DEFINITIONS: dict[str, str] = {
    "alpha_u": "Krippendorff (2004a: 251–256) α_u per category; overall 1 − ΣD_o/ΣD_e as in "
               "DKPro Statistics (Meyer et al. 2014)",
    "u_alpha": f"{KMBW} eq. 5 (observed coincidences eq. 1, expected eq. 4); "
               "Krippendorff (2019) eqs. 32–34",
    "binary_u_alpha": f"{KMBW} eq. 6; Krippendorff (2019) eq. 35",
    "cu_alpha": f"{KMBW} eqs. 10–11; Krippendorff (2019) eqs. 36–37; a unit's self-pairing is "
                "its pairable mass squared (docs/agreement.md); coverage ℓ*../ℓ..",
    "k_u_alpha": f"{KMBW} eq. 13b (nominal); Krippendorff (2019) eq. 38; coverage ℓ*_k./ℓ_k.",
    "binary_per_code": f"this app: |uα ({KMBW} eq. 6) with code k as the unit value and every "
                       "other code as gap; not a coefficient of the paper",
    "char_alpha": "Krippendorff's α (Krippendorff 2011), characters as units: binary per code, "
                  "nominal over code sets overall",
    "presence_alpha": "Krippendorff's α (Krippendorff 2011), nominal, documents as units; "
                      "interval by Krippendorff's bootstrap (Hayes & Krippendorff 2007)",
    "fleiss_kappa": "Fleiss (1971) κ over word tokens",
    "cohen_kappa": "Cohen (1960) κ over word tokens",
    "percent_agreement": "Fleiss' (1971) P̄ over word tokens (two coders: percent agreement)",
}
"""Paper and equation of every figure key of the report."""

FAMILY_INTERVAL = ("document bootstrap of the uα family (this app; docs/agreement.md, "
                   "'Intervals for the uα family'): documents coded by two or more coders "
                   "resampled with replacement, every coefficient recomputed, percentile "
                   "interval; q = share of replicates below .667 / .800")
PRESENCE_INTERVAL = ("Krippendorff's bootstrap of α (Hayes & Krippendorff 2007): pairs of "
                     "values resampled from the coincidence matrix, D_e fixed")


def audit(n_boot: int, seed: int, n_resampled: int, filters: dict[str, Any] | None = None,
          layer: str | None = None) -> dict[str, Any]:
    """Everything a reader needs to reproduce the report (JSON-ready)."""
    return {
        "app": "annotator", "app_version": __version__,
        "layer": layer, "filters": filters or {},
        "bootstrap": {"replicates": n_boot, "seed": seed, "level": 0.95,
                      "family": FAMILY_INTERVAL, "family_documents_resampled": n_resampled,
                      "presence_alpha": PRESENCE_INTERVAL},
        "definitions": dict(DEFINITIONS),
    }


def audit_lines(report_audit: dict[str, Any], labels: dict[str, str]) -> list[str]:
    """The audit trail as text lines, one per fact, for the plain-text report."""
    boot = report_audit["bootstrap"]
    filters = report_audit["filters"]
    chosen = ", ".join(f"{key} = {' '.join(value)}" for key, value in filters.items() if value)
    lines = [f"audit: annotator {report_audit['app_version']}"
             + (f", {report_audit['layer']} layer" if report_audit["layer"] else "")
             + f"; filters: {chosen or 'none (every coder, code and document)'}",
             f"  bootstrap: {boot['replicates']} replicates, seed {boot['seed']}, "
             f"{boot['level']:.0%} percentile intervals",
             f"  uα family intervals: {boot['family']}; "
             f"{boot['family_documents_resampled']} documents resampled",
             f"  presence α interval: {boot['presence_alpha']}",
             "  definitions:"]
    width = max(len(labels[key]) for key in report_audit["definitions"])
    lines += [f"    {labels[key]:<{width}}  {text}"
              for key, text in report_audit["definitions"].items()]
    return lines
