""""I missed my number": the customer types the number on their ticket and goes back in line.

A large keypad: one key for each service's letter (the prefixes the branch configured, so
"A" or "CP"), the ten digits, and Delete. The number typed is shown large and read out as
it grows, digit by digit. "Put me back in line" asks the hub, which decides by the rule of
docs/decisions/0018-missed-tickets.md; the answer is shown on the ticket screen, like a new
ticket (the same number, the people before it now), or why not ("That number was not
missed today...", with the way to the lobby). Keyboard digits and letters work too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.queue.ticket_numbers import NUMBER_PATTERN
from kiosk.customer.kiosk_screen import (
    KioskScreen,
    make_button,
    make_label,
    shown_text,
)
from kiosk.ui.widgets import ENDS_TASK, AdaptiveRow, BigButton

MAX_DIGITS = 4
_DIGIT_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("0", "delete"))
_WIDE_KEY = "delete"
"""Takes the last two columns of its row: the digits' columns stay as narrow as a digit,
so the letters, the digits and the scroll bar fit across a portrait panel."""


class MissedScreen(KioskScreen):
    numberEntered = Signal(str)
    """A complete ticket number such as A005, when the customer asks to go back in line."""

    def __init__(self, prefixes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefixes = tuple(dict.fromkeys(prefixes))
        self._prefix = ""
        self._digits = ""
        self.title = make_label("missed_title", role="heading")
        self.explanation = make_label("missed_explanation")
        self.number = make_label("missed_number", role="heading")
        self.keys: dict[str, BigButton] = {}
        # The letters in columns of four on the left, the digits beside them, and what was
        # typed with "Put me back in line" on the right (or under them on a narrow panel).
        letters = QGridLayout()
        for index, prefix in enumerate(self._prefixes):
            key = make_button(f"missed_key_{prefix}")
            key.clicked.connect(lambda _=False, p=prefix: self._letter(p))
            self.keys[prefix] = key
            letters.addWidget(key, index % len(_DIGIT_ROWS), index // len(_DIGIT_ROWS))
        grid = QGridLayout()
        for row, names in enumerate(_DIGIT_ROWS):
            for column, name in enumerate(names):
                key = make_button(f"missed_key_{name}")
                key.clicked.connect(lambda _=False, n=name: self._digit(n))
                self.keys[name] = key
                grid.addWidget(key, row, column, 1, 2 if name == _WIDE_KEY else 1)
        self.send = make_button("missed_send")
        self.send.setProperty(ENDS_TASK, True)
        self.send.clicked.connect(self._send)
        keys = QWidget()
        keys_layout = QHBoxLayout(keys)
        keys_layout.setContentsMargins(0, 0, 0, 0)
        keys_layout.addLayout(letters)
        keys_layout.addLayout(grid)
        typed_box = QWidget()
        typed = QVBoxLayout(typed_box)
        typed.setContentsMargins(0, 0, 0, 0)
        typed.addWidget(self.number)
        typed.addStretch(1)
        typed.addWidget(self.send, 0, Qt.AlignmentFlag.AlignLeft)
        # What was typed goes under the keys where the panel is too narrow for both.
        self.pad = AdaptiveRow()
        self.pad.add_widget(keys)
        self.pad.add_widget(typed_box, 1)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.explanation)
        self.content_layout.addWidget(self.pad)
        self.content_layout.addStretch(1)
        self.retranslate()

    # --- what the customer typed -----------------------------------------------------------

    @property
    def typed(self) -> str:
        return self._prefix + self._digits

    def clear(self) -> None:
        self._prefix = self._digits = ""
        self._show()

    def _letter(self, prefix: str) -> None:
        self._prefix = prefix
        self._show()
        self.contentChanged.emit()

    def _digit(self, name: str) -> None:
        if name == "delete":
            if self._digits:
                self._digits = self._digits[:-1]
            else:
                self._prefix = ""
        elif len(self._digits) < MAX_DIGITS:
            self._digits += name
        self._show()
        self.contentChanged.emit()

    def _complete(self) -> str | None:
        """The number as the hub writes it (A5 is A005), or None while it is not one."""
        if not self._prefix or not self._digits:
            return None
        number = f"{self._prefix}{int(self._digits):03d}"
        return number if NUMBER_PATTERN.fullmatch(number) and int(self._digits) else None

    def _send(self) -> None:
        number = self._complete()
        if number is not None:
            self.numberEntered.emit(number)

    def _show(self) -> None:
        number = self.typed
        #: {number}: what the customer has typed so far, e.g. A05.
        self.number.setText(self.tr("Your number: {number}").format(number=number)
                            if number else self.tr("Your number: (not typed yet)"))
        self.send.setEnabled(self._complete() is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text().upper()
        if len(text) == 1 and text.isascii() and text.isdigit():
            self._digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._digit("delete")
        elif text in self._prefixes:
            self._letter(text)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("I missed my number"))
        self.explanation.setText(self.tr("Type the number on your ticket: first its letter, "
                                         "then its digits. We will put you back in line."))
        for prefix in self._prefixes:
            self.keys[prefix].setText(prefix)
            #: {letter}: a ticket number's letter, e.g. A.
            self.keys[prefix].setAccessibleName(self.tr("Letter {letter}").format(
                letter=prefix))
        for digit in "0123456789":
            self.keys[digit].setText(digit)
        self.keys["delete"].setText(self.tr("Delete"))
        self.send.setText(self.tr("Put me back in line"))
        self._show()

    def spoken(self) -> list[str]:
        return shown_text(self.title, self.explanation, self.number, self.send)

    def first_control(self) -> QWidget | None:
        return self.keys[self._prefixes[0]] if self._prefixes else self.keys["1"]
