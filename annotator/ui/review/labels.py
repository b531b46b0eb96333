"""Interface labels of the review's domain words: review classes, adjudication strategies and
decision kinds (the engine, the CLI and the exports keep the English values)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.adjudication import Strategy
from annotator.db.services.adjudication_rows import DecisionInfo
from annotator.review import ReviewClass
from annotator.ui.lead.bidi_text import isolated

translate = QCoreApplication.translate

CLASS_LABELS = {
    ReviewClass.MISSING: QT_TRANSLATE_NOOP("ReviewClass", "missing"),
    ReviewClass.CODE: QT_TRANSLATE_NOOP("ReviewClass", "code"),
    ReviewClass.BOUNDARY: QT_TRANSLATE_NOOP("ReviewClass", "boundary"),
    ReviewClass.ATTRIBUTE: QT_TRANSLATE_NOOP("ReviewClass", "attribute"),
    ReviewClass.RELATION: QT_TRANSLATE_NOOP("ReviewClass", "relation"),
    ReviewClass.UNANIMOUS: QT_TRANSLATE_NOOP("ReviewClass", "unanimous"),
}
STRATEGY_LABELS = {
    Strategy.MANUAL: QT_TRANSLATE_NOOP("AdjudicationStrategy", "manual"),
    Strategy.UNANIMOUS: QT_TRANSLATE_NOOP("AdjudicationStrategy", "unanimous"),
    Strategy.MAJORITY: QT_TRANSLATE_NOOP("AdjudicationStrategy", "majority"),
    Strategy.THRESHOLD: QT_TRANSLATE_NOOP("AdjudicationStrategy", "threshold"),
}


def class_label(klass: ReviewClass | str) -> str:
    """A review class as the interface names it."""
    return translate("ReviewClass", CLASS_LABELS[ReviewClass(klass)])


def strategy_label(strategy: Strategy | str) -> str:
    """An adjudication strategy as the interface names it (an unknown one as it is stored)."""
    try:
        return translate("AdjudicationStrategy", STRATEGY_LABELS[Strategy(strategy)])
    except ValueError:
        return str(strategy)


def decision_text(decision: DecisionInfo) -> str:
    """A few words: ``accepted Omar (majority)``, ``edited``, ``rejected``."""
    if decision.kind == "accept":
        text = translate("ReviewDecision", "accepted {coder}").format(
            coder=isolated(decision.source_coder or "?"))
    elif decision.kind == "edit":
        text = translate("ReviewDecision", "edited")
    else:
        text = translate("ReviewDecision", "rejected")
    if decision.strategy == Strategy.MANUAL:
        return text
    return translate("ReviewDecision", "{decision} ({strategy})").format(
        decision=text, strategy=strategy_label(decision.strategy))
