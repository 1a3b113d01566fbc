"""A large choice whose long text wraps into two balanced lines instead of a wide band.

A BigButton asks for the width of its whole text on one line; for a long translation that
makes a band across the screen, bigger than Help, which must stay the largest target. A
ChoiceButton keeps to one line up to `lineWidth` pixels (from the stylesheet, a physical
size) and beyond that asks for the narrowest width that still holds its text in two lines,
so a long choice grows downwards and stays compact. It never cuts text: a text that needs
more than two lines even at `lineWidth` simply asks for `lineWidth` and wraps further.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QSize
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets import BigButton, wrapped_text
from kiosk.ui.widgets.symbols import Symbol

BALANCED_LINES = 2
_SEARCH_STEPS = 12


class ChoiceButton(BigButton):
    _line_width = 0  # until the stylesheet sets it (BigButton's constructor asks for sizes)
    _even_widths: dict[float, float]

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 symbol: Symbol | None = None) -> None:
        self._even_widths = {}  # before BigButton's constructor asks for sizes
        super().__init__(text, parent, symbol=symbol)

    def _get_line_width(self) -> int:
        return self._line_width

    def _set_line_width(self, pixels: int) -> None:
        self._line_width = max(0, int(pixels))
        self.updateGeometry()

    lineWidth = Property(int, _get_line_width, _set_line_width)

    def sizeHint(self) -> QSize:
        return self._kept("choice size", self._choice_size_hint)

    def _choice_size_hint(self) -> QSize:
        hint = super().sizeHint()
        if self._line_width <= 0 or hint.width() <= self._line_width:
            return hint
        text, font = self.text(), self.font()
        one_line = wrapped_text.single_line_width(text, font)
        extra = hint.width() - one_line  # border, padding and symbol
        text_room = self._line_width - extra
        if wrapped_text.measure(text, font, text_room).lines > BALANCED_LINES:
            width = self._line_width
        else:
            width = math.ceil(self._balanced(text_room) + extra)
        width = max(width, self.minimumSizeHint().width())
        return QSize(width, self.heightForWidth(width))

    def _balanced(self, text_room: float, lines: int = BALANCED_LINES) -> float:
        """The narrowest text width, at most ``text_room``, that keeps ``lines`` lines."""
        text, font = self.shown_text(), self.font()
        low = max(wrapped_text.widest_word(text, font),
                  wrapped_text.single_line_width(text, font) / lines)
        high = text_room
        if low >= high:
            return high
        for _ in range(_SEARCH_STEPS):
            middle = (low + high) / 2
            if wrapped_text.measure(text, font, middle).lines <= lines:
                high = middle
            else:
                low = middle
        return min(text_room, math.ceil(high) + 1.0)

    def _line_width_in(self, room: float) -> float:
        """The words wrap into lines of even length: given more room than one line needs,
        "I'm not sure what / I need" becomes "I'm not sure / what I need", in as many
        lines as the room gives."""
        known = self._even_widths.get(room)
        if known is None:
            lines = wrapped_text.measure(self.shown_text(), self.font(), room).lines
            known = room if lines <= 1 else self._balanced(room, lines)
            self._even_widths[room] = known
        return known

    def updateGeometry(self) -> None:  # Qt's name, overridden
        self._even_widths.clear()
        super().updateGeometry()
