"""The idle warning: "Do you need more time?", with one big answer that always works.

It covers the screen the customer was on (which stays as it was underneath) and keeps
Home, Back and Help where they always are. "I need more time", Back, a key or any touch
bring the screen back, as often as the customer likes. "Soon" is given a number: one calm
sentence with the seconds left, updated as they pass, read with the question and said again
at the spoken marks only (`kiosk.core.idle`), never every second.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.customer.kiosk_screen import KioskScreen, make_choice, make_label, shown_text


class IdleScreen(KioskScreen):
    moreTimeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = make_label("idle_question", role="heading")
        self.explanation = make_label("idle_explanation")
        self.countdown = make_label("idle_countdown")
        self._seconds_left: int | None = None
        self.more_time = make_choice("idle_more_time", tile=True)
        self.more_time.clicked.connect(self.moreTimeRequested)
        row = QHBoxLayout()
        row.addWidget(self.more_time)
        row.addStretch(1)
        self.content_layout.addStretch(1)
        self.content_layout.addWidget(self.question)
        self.content_layout.addWidget(self.explanation)
        self.content_layout.addWidget(self.countdown)
        self.content_layout.addLayout(row)
        self.content_layout.addStretch(2)
        self.retranslate()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere that is not a control also means "more time"."""
        super().mousePressEvent(event)
        self.moreTimeRequested.emit()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Do you need more time?"))
        self.explanation.setText(self.tr("If you do, press the button below."))
        self.countdown.setText(self._countdown_text())
        self.countdown.setVisible(bool(self.countdown.text()))
        self.more_time.setText(self.tr("I need more time"))

    def set_seconds_left(self, seconds: int) -> None:
        """The idle rule's countdown: whole seconds before the kiosk starts again."""
        self._seconds_left = seconds
        self.retranslate()

    def _countdown_text(self) -> str:
        seconds = self._seconds_left
        if seconds is None:
            return ""
        if seconds <= 0:
            return self.tr("Going back to the start for the next customer.")
        if seconds == 1:
            return self.tr("If nobody touches the screen, it goes back to the start in 1 "
                           "second, for the next customer.")
        #: {seconds} is the whole number of seconds left (2 or more), updated as they pass.
        return self.tr("If nobody touches the screen, it goes back to the start in {seconds} "
                       "seconds, for the next customer.").format(seconds=seconds)

    def spoken(self) -> list[str]:
        return shown_text(self.question, self.explanation, self.countdown, self.more_time)

    def clear(self) -> None:
        self._seconds_left = None
        self.retranslate()

    def countdown_spoken(self) -> list[str]:
        """The countdown alone, as said again at a spoken mark."""
        return shown_text(self.countdown)

    def first_control(self) -> QWidget | None:
        return self.more_time
