"""Verdict colours and marks: a cell's colour always comes with words or a symbol, so colour is
never the only cue (and the pairs keep a contrast ratio above 4.5:1 for the text)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class VerdictStyle:
    background: QColor
    foreground: QColor
    bar: QColor
    mark: str
    title: str


STYLES: dict[str, VerdictStyle] = {
    "reliable": VerdictStyle(QColor("#d8f0dc"), QColor("#1b5e20"), QColor("#2e7d32"), "✓",
                             QT_TRANSLATE_NOOP("Verdict", "reliable")),
    "tentative": VerdictStyle(QColor("#fff0c2"), QColor("#6d4c00"), QColor("#f0a500"), "~",
                              QT_TRANSLATE_NOOP("Verdict", "tentative")),
    "not reliable": VerdictStyle(QColor("#fbdad7"), QColor("#8e1b17"), QColor("#c62828"), "✗",
                                 QT_TRANSLATE_NOOP("Verdict", "not reliable")),
    "undefined": VerdictStyle(QColor("#f1f1f1"), QColor("#6b6b6b"), QColor("#9e9e9e"), "–",
                              QT_TRANSLATE_NOOP("Verdict", "undefined")),
    "too few units": VerdictStyle(QColor("#f1f1f1"), QColor("#5a5a5a"), QColor("#9e9e9e"), "…",
                                  QT_TRANSLATE_NOOP("Verdict", "too few units")),
}

THRESHOLD_PENS = {0.667: QColor("#b37400"), 0.800: QColor("#1b5e20")}


def style(verdict: str | None) -> VerdictStyle | None:
    return STYLES.get(verdict) if verdict else None


def verdict_title(verdict: str) -> str:
    """A verdict in the interface language (verdicts the styles do not know pass through)."""
    found = STYLES.get(verdict)
    return QCoreApplication.translate("Verdict", found.title if found else verdict)


def verdict_text(verdict: str | None) -> str:
    """``✓ reliable``: the verdict with its mark."""
    found = style(verdict)
    return f"{found.mark} {verdict_title(verdict)}" if found and verdict else ""
