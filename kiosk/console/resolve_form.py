"""Closing a help call: an outcome and an optional note, confirmed by the person closing it.

A drill can only be closed as a drill, and a real call never as one (``help_rules``), so the
form offers only the outcomes that fit; the reports can then never mix the two.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.console_words import outcome_text
from kiosk.console.controls import Retranslating, left_row, named
from kiosk.core.help.events import NOTE_MAX_CHARS, Outcome

REAL_OUTCOMES = (Outcome.HELPED, Outcome.AMBULANCE_CALLED, Outcome.SPECIAL_ATTENTION_HANDLED,
                 Outcome.NO_HELP_NEEDED)


class ResolveForm(Retranslating, QWidget):
    confirmed = Signal(object, str)  # Outcome, note
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveForm")
        self._outcomes: tuple[Outcome, ...] = REAL_OUTCOMES
        self.heading = named(QLabel(self), role="heading", text=lambda: self.tr("Close the call"))
        self.outcome = named(QComboBox(self), "resolveOutcome",
                             accessible=lambda: self.tr("Outcome"))
        self.note = named(QPlainTextEdit(self), "resolveNote",
                          accessible=lambda: self.tr("Note (optional)"))
        self.note.setFixedHeight(70)
        self.note.textChanged.connect(self._limit_note)
        self.outcome_label = named(QLabel(self), text=lambda: self.tr("Outcome"))
        self.note_label = named(QLabel(self), text=lambda: self.tr("Note (optional)"))
        self.confirm = named(QPushButton(self), "resolveConfirm", role="primary",
                             text=lambda: self.tr("Close the call"))
        self.cancel = named(QPushButton(self), "resolveCancel", text=lambda: self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.outcome_label, self.outcome)
        form.addRow(self.note_label, self.note)
        buttons = left_row(self.confirm, self.cancel)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addLayout(buttons)
        self.confirm.clicked.connect(self._confirm)
        self.cancel.clicked.connect(self.cancelled.emit)
        self.retranslate()

    def start(self, drill: bool) -> None:
        """Show the outcomes that fit the call, none chosen yet, and an empty note."""
        self._outcomes = (Outcome.DRILL,) if drill else REAL_OUTCOMES
        self.note.clear()
        self._fill_outcomes()
        self.outcome.setCurrentIndex(0)
        self.outcome.setFocus()

    def choose(self, outcome: Outcome) -> None:
        self.outcome.setCurrentIndex(self._outcomes.index(outcome))

    def _fill_outcomes(self) -> None:
        current = self.outcome.currentIndex()
        self.outcome.clear()
        for outcome in self._outcomes:
            self.outcome.addItem(outcome_text(outcome))
        if 0 <= current < len(self._outcomes):
            self.outcome.setCurrentIndex(current)

    def _limit_note(self) -> None:
        text = self.note.toPlainText()
        if len(text) > NOTE_MAX_CHARS:
            self.note.setPlainText(text[:NOTE_MAX_CHARS])

    def _confirm(self) -> None:
        index = self.outcome.currentIndex()
        if 0 <= index < len(self._outcomes):
            note = "".join(c for c in self.note.toPlainText().strip()
                           if c in "\n\t" or c.isprintable())
            self.confirmed.emit(self._outcomes[index], note)

    def retranslate(self) -> None:
        self._fill_outcomes()
