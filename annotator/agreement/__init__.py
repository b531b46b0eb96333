"""Inter-coder agreement measures: pure Python and numpy, no Qt, no database.

One module per family; see docs/agreement.md for every formula, what each measure
excludes, when it is undefined (always ``nan``, never 0) and its sources.
"""

from annotator.agreement.alpha import krippendorff_alpha
from annotator.agreement.bootstrap import BootstrapResult, bootstrap_alpha
from annotator.agreement.estimate import Estimate
from annotator.agreement.fleiss import fleiss_kappa, fleiss_kappa_generalised
from annotator.agreement.gwet import gwet_ac
from annotator.agreement.multirater import percent_agreement_multi
from annotator.agreement.pairwise import (
    brennan_prediger,
    cohen_kappa,
    gwet_ac1,
    percent_agreement,
    scott_pi,
)
from annotator.agreement.spans import SpanScores, span_f1, span_f1_multi
from annotator.agreement.ualpha import UAlphaResult, u_alpha_family, u_alpha_family_multi
from annotator.agreement.ualpha_bootstrap import FamilyBootstrap, u_alpha_family_bootstrap
from annotator.agreement.unitizing import UnitizingResult, unitized_alpha, unitized_alpha_multi
from annotator.agreement.units import Unit
from annotator.agreement.weighted_kappa import weighted_kappa

__all__ = [
    "BootstrapResult",
    "Estimate",
    "FamilyBootstrap",
    "SpanScores",
    "UAlphaResult",
    "Unit",
    "UnitizingResult",
    "bootstrap_alpha",
    "brennan_prediger",
    "cohen_kappa",
    "fleiss_kappa",
    "fleiss_kappa_generalised",
    "gwet_ac",
    "gwet_ac1",
    "krippendorff_alpha",
    "percent_agreement",
    "percent_agreement_multi",
    "scott_pi",
    "span_f1",
    "span_f1_multi",
    "u_alpha_family",
    "u_alpha_family_bootstrap",
    "u_alpha_family_multi",
    "unitized_alpha",
    "unitized_alpha_multi",
    "weighted_kappa",
]
