"""A staff PIN pad that is never read aloud and never shows the digits.

The whole pad is marked private (``speech_private``): the focus reader says nothing for its
keys, and the screen's own reading skips it, so nobody standing behind the kiosk hears a
PIN (EN 301 549 5.1.3.8). The display shows one dot per digit. Digits typed on a keyboard
or keypad work too; the PIN lives only in this widget until it is sent, and is wiped after.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.customer.kiosk_screen import make_button, make_label
from kiosk.speech.focus_reader import mark_private
from kiosk.ui.widgets import BigButton, ColumnsLayout

PIN_MIN = 4
PIN_MAX = 8
DOT = "\u25cf"
_KEY_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("delete", "0", "ok"))


class PinPad(QWidget):
    submitted = Signal(str)
    """The PIN, when OK is pressed with 4 to 8 digits."""
    tooShort = Signal()
    """OK was pressed with fewer than 4 digits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_private(self)
        self._digits = ""
        self.display = make_label("pin_display", role="heading")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, BigButton] = {}
        # Every key as wide as the widest (even columns are easier to aim at), and no wider
        # than a third of the width the pad is given: always three keys a row.
        columns = len(_KEY_ROWS[0])
        grid = ColumnsLayout(columns, fewest=columns, even=True)
        for names in _KEY_ROWS:
            for name in names:
                button = make_button(f"pin_key_{name}")
                button.clicked.connect(lambda _=False, n=name: self._key(n))
                self.keys[name] = button
                grid.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        self.retranslate()
        self._show()

    @property
    def length(self) -> int:
        return len(self._digits)

    def clear(self) -> None:
        self._digits = ""
        self._show()

    def retranslate(self) -> None:
        for digit in "0123456789":
            self.keys[digit].setText(digit)
        self.keys["delete"].setText(self.tr("Delete"))
        self.keys["ok"].setText(self.tr("OK"))

    def first_key(self) -> BigButton:
        return self.keys["1"]

    def _key(self, name: str) -> None:
        if name == "delete":
            self._digits = self._digits[:-1]
        elif name == "ok":
            if len(self._digits) < PIN_MIN:
                self.tooShort.emit()
                return
            pin, self._digits = self._digits, ""
            self._show()
            self.submitted.emit(pin)
            return
        elif len(self._digits) < PIN_MAX:
            self._digits += name
        self._show()

    def _show(self) -> None:
        self.display.setText(" ".join(DOT * len(self._digits)) if self._digits else " ")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1 and text.isascii():
            self._key(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._key("delete")
        else:
            super().keyPressEvent(event)
            return
        event.accept()
