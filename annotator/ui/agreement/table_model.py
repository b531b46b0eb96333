"""The agreement table: a thin model over the report's rows (one row per code, group, overall)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from annotator.agreement.report import MEASURES, Figure, ProjectReport, ReportRow
from annotator.agreement.report_audit import DEFINITIONS
from annotator.agreement.report_format import (
    UNDEFINED,
    coverage_text,
    fmt,
    grouped_codes,
    kappa_key,
    presence_text,
)
from annotator.ui.plurals import plurals
from annotator.ui.agreement.style import style, verdict_text, verdict_title
from annotator.ui.models import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 20  # the verdict string of a figure cell, or None
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 21  # the figure key of a column ("k_u_alpha"), or ""
UNDEFINED_SORT = -math.inf  # undefined figures sort below every number
LRI, PDI = "\u2066", "\u2069"


def left_to_right(text: str) -> str:
    """Numbers and intervals keep their order (``-0.001``, ``[0.82, 1.00]``) in a mirrored table."""
    return f"{LRI}{text}{PDI}" if text and QGuiApplication.isRightToLeft() else text
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Column:
    title: str
    key: str  # a figure key, or "label", "n_documents", "n_coders", "n_units", "verdict"
    tip: str


def columns(report: ProjectReport | None) -> list[Column]:
    """The table's columns; the kappa column is Cohen's for two coders, else Fleiss'."""
    kappa = kappa_key(report) if report is not None else "fleiss_kappa"
    result = []
    for title, key, tip in _COLUMNS:
        if key == "kappa":
            result.append(Column(MEASURES[kappa], kappa, translate(
                "AgreementTable", "{measure} over word tokens").format(measure=MEASURES[kappa])))
        else:
            shown = translate("AgreementTable", title) if title else MEASURES[key]
            result.append(Column(shown, key, translate("AgreementTable", tip)))
    return result


_COLUMNS = (  # title ("" for a measure's own symbol), figure key, tooltip
    (QT_TRANSLATE_NOOP("AgreementTable", "Code"), "label", QT_TRANSLATE_NOOP(
        "AgreementTable", "code path; (all) rows collapse a kind or a parent's sub-codes")),
    (QT_TRANSLATE_NOOP("AgreementTable", "Docs"), "n_documents", QT_TRANSLATE_NOOP(
        "AgreementTable", "documents coded by two or more coders")),
    (QT_TRANSLATE_NOOP("AgreementTable", "Coders"), "n_coders", QT_TRANSLATE_NOOP(
        "AgreementTable", "coders with documents")),
    (QT_TRANSLATE_NOOP("AgreementTable", "Units"), "n_units", QT_TRANSLATE_NOOP(
        "AgreementTable", "spans measured by |uα of k")),
    (QT_TRANSLATE_NOOP("AgreementTable", "Verdict"), "verdict", QT_TRANSLATE_NOOP(
        "AgreementTable", "on |uα of k, uα overall: reliable ≥ .800, tentative ≥ .667")),
    (QT_TRANSLATE_NOOP("AgreementTable", "|uα of k [95% CI]"), "binary_per_code",
     QT_TRANSLATE_NOOP("AgreementTable", "this code's spans against everything else: are its "
                                         "units identified? (the verdict's figure)")),
    (QT_TRANSLATE_NOOP("AgreementTable", "(k)uα [95% CI]"), "k_u_alpha", QT_TRANSLATE_NOOP(
        "AgreementTable", "(k)uα (2016 eq. 13): is this code told from the other codes of its "
                          "kind where the coders' spans meet?")),
    (QT_TRANSLATE_NOOP("AgreementTable", "(k) cov"), "k_coverage", QT_TRANSLATE_NOOP(
        "AgreementTable", "coverage of (k)uα: share of the code's length lying where other "
                          "coders' spans of its kind meet it")),
    ("", "u_alpha", QT_TRANSLATE_NOOP(
        "AgreementTable", "uα (2016): unitizing and coding, 95% bootstrap interval")),
    ("", "binary_u_alpha", QT_TRANSLATE_NOOP(
        "AgreementTable", "|uα (2016): spans regardless of code")),
    ("", "cu_alpha", QT_TRANSLATE_NOOP("AgreementTable", "cuα (2016): codes where spans overlap")),
    ("", "alpha_u", QT_TRANSLATE_NOOP("AgreementTable", "Krippendorff's unitizing alpha (2004)")),
    (QT_TRANSLATE_NOOP("AgreementTable", "char α"), "char_alpha", QT_TRANSLATE_NOOP(
        "AgreementTable", "binary alpha over characters")),
    (QT_TRANSLATE_NOOP("AgreementTable", "presence α [95% CI]"), "presence_alpha",
     QT_TRANSLATE_NOOP("AgreementTable", "did the coders use the code in the same documents? "
                                         "bootstrap interval")),
    ("", "kappa", ""),  # Cohen's or Fleiss', chosen per report
    (QT_TRANSLATE_NOOP("AgreementTable", "% agr"), "percent_agreement", QT_TRANSLATE_NOOP(
        "AgreementTable", "percent agreement over tokens (no verdict: not chance-corrected)")),
)


class AgreementTableModel(QAbstractTableModel):
    """Rows are ``report.rows`` in report order; empty until a report is set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: ProjectReport | None = None
        self._columns = columns(None)
        self._indented: set[str] = set()

    @property
    def report(self) -> ProjectReport | None:
        return self._report

    def set_report(self, report: ProjectReport | None) -> None:
        self.beginResetModel()
        self._report = report
        self._columns = columns(report)
        self._indented = grouped_codes(report) if report is not None else set()
        self.endResetModel()

    def row_at(self, row: int) -> ReportRow:
        assert self._report is not None
        return self._report.rows[row]

    def column_key(self, column: int) -> str:
        return self._columns[column].key

    # Qt model interface ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._report is None:
            return 0
        return len(self._report.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row, key = self.row_at(index.row()), self._columns[index.column()].key
        figure = row.figures.get(key)
        handler = _ROLES.get(role)
        return handler(self, index.row(), row, key, figure) if handler else None

    def _display(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if key == "label":
            return "    " + row.label if row.name in self._indented and row.scope == "code" \
                else row.label
        if key in ("n_documents", "n_coders", "n_units"):
            return str(getattr(row.primary, key)) if row.primary else ""
        if key == "verdict":
            return verdict_text(row.primary.verdict) if row.primary else ""
        if key == "k_coverage":
            found = row.figures.get("k_u_alpha")
            text = coverage_text(found.coverage) if found else ""
            undefined = text == UNDEFINED
            return translate("AgreementTable", "undef") if undefined else left_to_right(text)
        if figure is None:
            return ""
        if not figure.defined and figure.interval is None:
            return translate("AgreementTable", "undef")
        if figure.interval is not None:
            return left_to_right(presence_text(figure))
        if key == "percent_agreement":
            return left_to_right(fmt(figure.value * 100, 1))
        return left_to_right(fmt(figure.value))

    def _sort(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if key == "label":
            return number  # the report's own order: codebook order, groups before codes
        if key in ("n_documents", "n_coders", "n_units"):
            return getattr(row.primary, key) if row.primary else -1
        if key == "verdict":
            return row.primary.value if row.primary and row.primary.defined else UNDEFINED_SORT
        if key == "k_coverage":
            found = row.figures.get("k_u_alpha")
            coverage = found.coverage if found else None
            return coverage if coverage is not None and coverage == coverage else UNDEFINED_SORT
        return figure.value if figure is not None and figure.defined else UNDEFINED_SORT

    def _verdict(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if key == "verdict":
            return row.primary.verdict if row.primary else None
        return figure.verdict if figure is not None else None

    def _background(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        found = style(self._verdict(number, row, key, figure))
        return found.background if found else None

    def _foreground(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        found = style(self._verdict(number, row, key, figure))
        return found.foreground if found else None

    def _tooltip(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if figure is None:
            return None
        return figure_tooltip(figure)

    def _alignment(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if key in ("label", "verdict"):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _font(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        if row.scope == "code":
            return None
        font = QFont()
        font.setBold(True)
        return font

    def _figure_key(self, number: int, row: ReportRow, key: str, figure: Figure | None) -> Any:
        return key if key in MEASURES else ""


_ROLES = {
    Qt.ItemDataRole.DisplayRole: AgreementTableModel._display,
    SORT_ROLE: AgreementTableModel._sort,
    VERDICT_ROLE: AgreementTableModel._verdict,
    FIGURE_ROLE: AgreementTableModel._figure_key,
    Qt.ItemDataRole.BackgroundRole: AgreementTableModel._background,
    Qt.ItemDataRole.ForegroundRole: AgreementTableModel._foreground,
    Qt.ItemDataRole.ToolTipRole: AgreementTableModel._tooltip,
    Qt.ItemDataRole.TextAlignmentRole: AgreementTableModel._alignment,
    Qt.ItemDataRole.FontRole: AgreementTableModel._font,
}


def figure_tooltip(figure: Figure) -> str:
    """What a figure rests on, in one line per fact."""
    lines = [f"{MEASURES[figure.measure]} = {fmt(figure.value)}"
             + (f" — {verdict_title(figure.verdict)}" if figure.verdict else "")]
    lines.append(plurals().documents(figure.n_documents) + ", "
                 + plurals().coders(figure.n_coders) + ", " + unit_count(figure))
    if figure.coverage is not None:
        lines.append(translate("AgreementTable", "coverage {share} of the pairable matter").format(
            share=coverage_text(figure.coverage)))
    if figure.interval is not None:
        ci = figure.interval
        lines.append(translate("AgreementTable",
                               "{level} CI [{low}, {high}] from {replicates} replicates; "
                               "q(α < .667) = {below_667}, q(α < .800) = {below_800}").format(
            level=f"{ci.level:.0%}", low=fmt(ci.low), high=fmt(ci.high), replicates=ci.n_boot,
            below_667=fmt(ci.q_below_667), below_800=fmt(ci.q_below_800)))
        if ci.n_undefined:
            undefined = ci.n_undefined
            lines.append(translate("AgreementTable", "{replicates} undefined, left out of the "
                                   "interval").format(replicates=plurals().replicates(undefined)))
    if not figure.defined:
        lines.append(translate("AgreementTable",
                               "undefined: nothing to pair, or no variation (never shown as 0)"))
    lines.append(translate("AgreementTable", "definition: {text}").format(
        text=DEFINITIONS[figure.measure]))
    return "\n".join(lines)



def unit_count(figure: Figure) -> str:
    """``1 span``, ``4,278 characters``: what a figure counts, in the interface language."""
    spell = {"spans": plurals().spans, "characters": plurals().characters,
             "tokens": plurals().words, "documents": plurals().documents}.get(figure.unit)
    return spell(figure.n_units) if spell else f"{figure.n_units:,} {figure.unit}"
