"""The adjudication panel of the review window: the selected cluster's gold decision, a button
per coder to accept their version (keys 1–9), Reject (R), Edit gold (E), the rationale, Undo and
Redo, and the automatic strategies (a menu) with their progress and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.adjudication import AUTOMATIC, DEFAULT_THRESHOLD, Strategy
from annotator.db.services.adjudication_rows import DecisionInfo
from annotator.ui.lead.bidi_text import isolated
from annotator.ui.plurals import plurals
from annotator.ui.review.gold_links import GoldLinksBox
from annotator.ui.review.labels import decision_text

MAX_LANES = 9
STRATEGY_TEXT = {
    Strategy.UNANIMOUS: QT_TRANSLATE_NOOP("AdjudicationPanel",
                                          "Unanimous: every coder gave the same version"),
    Strategy.MAJORITY: QT_TRANSLATE_NOOP("AdjudicationPanel",
                                         "Majority: more than half of the coders"),
    Strategy.THRESHOLD: QT_TRANSLATE_NOOP("AdjudicationPanel",
                                          "Threshold: at least the share of coders set beside")}
translate = QCoreApplication.translate


class AdjudicationPanel(QGroupBox):
    """Widgets only; the window connects the signals to its :class:`Adjudicator`."""

    acceptRequested = Signal(int)  # lane (0-based) of the coder whose version is accepted
    rejectRequested = Signal()
    editRequested = Signal()
    rationaleEntered = Signal(str)
    strategyRequested = Signal(object)  # a Strategy
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("AdjudicationPanel", "Adjudication into gold"), parent)
        self.setObjectName("reviewAdjudication")
        self.decision = QLabel(translate("AdjudicationPanel", "Select a cluster."),
                               objectName="reviewDecision", wordWrap=True)
        self.lanes = QHBoxLayout()
        self.accept_buttons: list[QPushButton] = []
        self.reject = QPushButton(translate("AdjudicationPanel", "Reject (R)"), objectName="reviewReject")
        self.reject.clicked.connect(self.rejectRequested)
        self.edit = QPushButton(translate("AdjudicationPanel", "Edit gold… (E)"),
                                objectName="reviewEditGold")
        self.edit.clicked.connect(self.editRequested)
        self.rationale = QLineEdit(objectName="reviewRationale")
        self.rationale.setPlaceholderText(
            translate("AdjudicationPanel", "Rationale of this decision (Enter saves it)"))
        self.rationale.returnPressed.connect(
            lambda: self.rationaleEntered.emit(self.rationale.text()))
        self.undo = QPushButton(translate("AdjudicationPanel", "Undo (Ctrl+Z)"),
                                objectName="reviewUndo")
        self.redo = QPushButton(translate("AdjudicationPanel", "Redo (Ctrl+Shift+Z)"),
                                objectName="reviewRedo")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.decision)
        self.layout_.addLayout(self.lanes)
        row = QHBoxLayout()
        for widget in (self.reject, self.edit, self.undo, self.redo):
            row.addWidget(widget)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.rationale)
        self.gold_links = GoldLinksBox(self)
        self.layout_.addWidget(self.gold_links)
        self.layout_.addLayout(self._automatic())

    def _automatic(self) -> QHBoxLayout:
        self.automatic = QPushButton(translate("AdjudicationPanel", "Automatic adjudication ▾"),
                                     objectName="reviewAutomatic")
        menu = QMenu(self.automatic)
        self.strategy_actions = {}
        for strategy in AUTOMATIC:
            action = menu.addAction(translate("AdjudicationPanel", STRATEGY_TEXT[strategy]))
            action.setObjectName(f"reviewStrategy_{strategy.value}")
            action.triggered.connect(lambda _=False, s=strategy: self.strategyRequested.emit(s))
            self.strategy_actions[strategy] = action
        self.automatic.setMenu(menu)
        self.threshold = QDoubleSpinBox(objectName="reviewThreshold", decimals=2,
                                        minimum=0.05, maximum=1.0, singleStep=0.05)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setToolTip(
            translate("AdjudicationPanel", "Share of coders the threshold strategy needs"))
        self.threshold.setMaximumWidth(90)
        self.progress = QProgressBar(objectName="reviewStrategyProgress", visible=False)
        self.cancel = QPushButton(translate("AdjudicationPanel", "Cancel"),
                                  objectName="reviewStrategyCancel", visible=False)
        self.cancel.clicked.connect(self.cancelRequested)
        row = QHBoxLayout()
        row.addWidget(self.automatic)
        row.addWidget(QLabel(translate("AdjudicationPanel", "share")))
        row.addWidget(self.threshold)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        return row

    def set_coders(self, coders: tuple[str, ...], colours: dict[str, str]) -> None:
        """One Accept button per coder lane (the first nine have keys 1–9)."""
        for button in self.accept_buttons:
            self.lanes.removeWidget(button)
            button.deleteLater()
        self.accept_buttons = []
        for lane, coder in enumerate(coders[:MAX_LANES]):
            button = QPushButton(translate("AdjudicationPanel", "{key} · Accept {coder}").format(
                                     key=lane + 1, coder=isolated(coder)),
                                 objectName=f"reviewAccept{lane + 1}")
            button.setStyleSheet(f"border-left: 6px solid {colours.get(coder, '#777')}; "
                                 "padding: 3px 8px")
            button.clicked.connect(lambda _=False, n=lane: self.acceptRequested.emit(n))
            self.lanes.addWidget(button)
            self.accept_buttons.append(button)

    def show_decision(self, decided: DecisionInfo | None, selected: bool) -> None:
        for widget in (*self.accept_buttons, self.reject, self.edit):
            widget.setEnabled(selected)
        self.rationale.setEnabled(decided is not None)
        self.rationale.setText(decided.rationale if decided else "")
        if not selected:
            self.decision.setText(translate("AdjudicationPanel", "Select a cluster."))
        elif decided is None:
            self.decision.setText(translate("AdjudicationPanel", "<b>Gold:</b> not decided yet"))
        else:
            self.decision.setText(_decision_line(decided))

    def show_running(self, running: bool) -> None:
        self.automatic.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        if running:
            self.progress.setRange(0, 0)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


def _decision_line(decided: DecisionInfo) -> str:
    """The gold decision of the selected cluster and how many gold spans it made."""
    count = len(decided.gold_ids)
    if not count:
        return translate("AdjudicationPanel", "<b>Gold:</b> {decision}").format(
            decision=decision_text(decided))
    return translate("AdjudicationPanel", "<b>Gold:</b> {decision} — {spans} in gold").format(
        decision=decision_text(decided), spans=plurals().spans(count))
