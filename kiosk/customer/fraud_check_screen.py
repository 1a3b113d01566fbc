"""Before a risky service's ticket: two or three short yes/no questions, one at a time.

The questions come from the branch's content files (:mod:`kiosk.core.fraud_check`) in the
screen's language; the screen shows one large, reads it aloud, and offers two equally large
answers worded as whole answers. Nothing on it says "fraud": a caller listening on the
customer's phone hears a bank asking routine questions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.core.fraud_check import FraudQuestion
from kiosk.customer.kiosk_screen import KioskScreen, make_choice, make_label, shown_text
from kiosk.customer.shown_data import shown_data


class FraudCheckScreen(KioskScreen):
    answered = Signal(bool)
    """True: the customer answered "yes" to the question shown."""

    def __init__(self, questions: Callable[[], tuple[FraudQuestion, ...]],
                 language: Callable[[], str], parent: QWidget | None = None) -> None:
        """``questions``: the questions in the current language."""
        super().__init__(parent)
        self._questions = questions
        self._language = language
        self._index = 0
        self.intro = make_label("fraud_check_intro")
        self.question = make_label("fraud_check_question", role="heading")
        self.yes_button = make_choice("fraud_check_yes", tile=True)
        self.no_button = make_choice("fraud_check_no", tile=True)
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        row = QHBoxLayout()
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        row.addStretch(1)
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.question)
        self.content_layout.addLayout(row)
        self.content_layout.addStretch(1)
        self.retranslate()

    @property
    def index(self) -> int:
        return self._index

    def show_question(self, index: int) -> None:
        self._index = index
        self.retranslate()

    def clear(self) -> None:
        self.show_question(0)

    def retranslate(self) -> None:
        questions = self._questions()
        count = len(questions)
        #: Above each fraud-check question. {number} is this question's place (1, 2, 3),
        #: {count} how many there are.
        self.intro.setText(self.tr("Before your ticket, a short question ({number} of "
                                   "{count}). Please answer yes or no.")
                           .format(number=min(self._index + 1, max(count, 1)),
                                   count=count))
        self.question.setText(shown_data(questions[self._index].question, self._language())
                              if self._index < count else "")
        self.yes_button.setText(self.tr("Yes, someone has"))
        self.no_button.setText(self.tr("No, nobody has"))

    def spoken(self) -> list[str]:
        return shown_text(self.intro, self.question, self.yes_button, self.no_button)

    def first_control(self) -> QWidget | None:
        return self.no_button
