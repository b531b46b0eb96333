"""A methods paragraph in English and Arabic, generated from the reliability figures.

It states the documents, coders and units, each overall coefficient with its bootstrap interval
and the risks of missing .667/.800, how the intervals were made, and the sources to cite
(annotator.agreement.report_audit).
"""

from __future__ import annotations

import math

from annotator import __version__
from annotator.agreement.report import MEASURES, Figure, ProjectReport
from annotator.agreement.report_audit import DEFINITIONS, FAMILY_INTERVAL, PRESENCE_INTERVAL

LAYER_AR = {"coding": "الترميز", "gold": "المعيار الذهبي"}


def _value(value: float | None) -> str:
    return "undefined" if value is None or math.isnan(value) else f"{value:.3f}"


def _figure_en(label: str, figure: Figure) -> str:
    text = f"{label} = {_value(figure.value)}"
    ci = figure.interval
    if ci is not None:
        text += (f" (95% CI {_value(ci.low)} to {_value(ci.high)}; q(<.667) = "
                 f"{_value(ci.q_below_667)}, q(<.800) = {_value(ci.q_below_800)})")
    return text + f" on {figure.n_units} {figure.unit}"


def _figure_ar(label: str, figure: Figure) -> str:
    value = "غير معرَّف" if math.isnan(figure.value) else f"{figure.value:.3f}"
    text = f"{label} = {value}"
    ci = figure.interval
    if ci is not None:
        text += (f" (فترة الثقة 95%: {_value(ci.low)} إلى {_value(ci.high)}؛ احتمال أن يقل "
                 f"عن 0.667: {_value(ci.q_below_667)}، وعن 0.800: {_value(ci.q_below_800)})")
    return text + f"، عدد الوحدات {figure.n_units} ({figure.unit})"


def _overall(report: ProjectReport) -> list[tuple[str, str, Figure]]:
    row = report.row("overall", "overall") if report.rows else None
    if row is None:
        return []
    return [(key, label, row.figures[key]) for key, label in MEASURES.items()
            if key in row.figures]


def methods_english(report: ProjectReport, layer: str) -> str:
    figures = _overall(report)
    parts = [
        f"Inter-coder reliability was assessed on the {layer} layer with Framing Annotator "
        f"{__version__}: {report.n_documents} documents, {report.n_pairable} of them coded by "
        f"two or more coders, {len(report.coders)} coders ({', '.join(report.coders)}) and "
        f"{len(report.codes)} codes.",
    ]
    if figures:
        parts.append("Across all codes: " + "; ".join(
            _figure_en(label, figure) for _, label, figure in figures) + ".")
    if report.n_boot:
        parts.append(f"Intervals come from {report.n_boot} bootstrap replicates (seed "
                     f"{report.seed}). uα family: {FAMILY_INTERVAL}. Presence α: "
                     f"{PRESENCE_INTERVAL}.")
    parts.append("Values of .800 and above are read as reliable and from .667 as tentative "
                 "(Krippendorff 2004: 241).")
    parts.append("Sources: " + "; ".join(f"{label}: {DEFINITIONS[key]}"
                                         for key, label, _ in figures) + ".")
    return " ".join(parts + report.notes)


def methods_arabic(report: ProjectReport, layer: str) -> str:
    figures = _overall(report)
    parts = [
        f"قيست موثوقية الترميز بين المرمِّزين في طبقة {LAYER_AR.get(layer, layer)} باستخدام "
        f"Framing Annotator {__version__}: عدد الوثائق {report.n_documents}، رمَّز "
        f"{report.n_pairable} منها مرمِّزان أو أكثر؛ وعدد المرمِّزين {len(report.coders)} "
        f"({'، '.join(report.coders)})؛ وعدد الرموز {len(report.codes)}.",
    ]
    if figures:
        parts.append("على مستوى جميع الرموز: " + "؛ ".join(
            _figure_ar(label, figure) for _, label, figure in figures) + ".")
    if report.n_boot:
        parts.append(f"حُسبت فترات الثقة من {report.n_boot} عيّنة بوتستراب (البذرة "
                     f"{report.seed})، بإعادة سحب الوثائق مع الإرجاع لعائلة uα، وبطريقة "
                     "بوتستراب كريبندورف (Hayes & Krippendorff 2007) لمعامل α الحضور.")
    parts.append("تُعدّ القيم من 0.800 فأعلى موثوقة، ومن 0.667 إلى ما دون 0.800 مبدئية "
                 "(Krippendorff 2004: 241).")
    parts.append("المصادر: " + "؛ ".join(f"{label}: {DEFINITIONS[key]}"
                                        for key, label, _ in figures) + ".")
    return " ".join(parts)
