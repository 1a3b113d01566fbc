"""What every kiosk screen adds to ScreenFrame: what it says when shown, and where a
keypad user starts.

A screen sets its texts in `retranslate()` (ScreenFrame calls it on a language switch) and
returns the same texts from `spoken()`, so what is read aloud is what is shown, in the
same language. `clear()` forgets anything of the current customer, for the next one.

Every layout inside a screen's content spaces its controls by the theme's gap (more than
the 4 mm rule), not by the platform style's few pixels: ScreenFrame sets the gap on its own
layout, and KioskScreen passes it on to every layout nested below, panels included, and to
every list of choices (`ChoicePages`), which places its buttons itself.
"""

from __future__ import annotations

from PySide6.QtCore import Property, Signal
from PySide6.QtWidgets import QLayout, QWidget

from kiosk.customer.choice_button import ChoiceButton
from kiosk.customer.choice_pages import ChoicePages
from kiosk.ui.widgets import BigButton, BigLabel, ScreenFrame
from kiosk.ui.widgets.symbols import Symbol


class KioskScreen(ScreenFrame):
    contentChanged = Signal()
    """What the screen shows changed at the customer's tap without leaving it (another
    page, a step of a panel): the window reads it again, which stops the old reading."""

    def _set_spacing(self, pixels: int) -> None:
        ScreenFrame._set_gap(self, pixels)
        for layout in self.content.findChildren(QLayout):
            layout.setSpacing(self._get_gap())
        for pages in self.content.findChildren(ChoicePages):
            pages.set_gap(pixels)

    gap = Property(int, ScreenFrame._get_gap, _set_spacing)

    def spoken(self) -> list[str]:
        """The screen's texts in reading order, as read aloud when it is shown."""
        return []

    def first_control(self) -> QWidget | None:
        """Where keyboard focus goes when the screen is shown to a keypad user."""
        return None

    def clear(self) -> None:
        """Forget everything of the current customer (idle reset)."""


def make_button(name: str, *, role: str = "", symbol: Symbol | None = None) -> BigButton:
    button = BigButton(role=role, symbol=symbol)
    button.setObjectName(name)
    return button


def make_choice(name: str, *, tile: bool = False,
                symbol: Symbol | None = None) -> ChoiceButton:
    """A large choice (home's tiles with ``tile``; the help screen's three choices)."""
    button = ChoiceButton(symbol=symbol)
    button.setObjectName(name)
    button.setProperty("tile", tile)
    return button


def make_label(name: str, *, role: str = "body") -> BigLabel:
    label = BigLabel(role=role)
    label.setObjectName(name)
    return label


def shown_text(*widgets: QWidget) -> list[str]:
    """The texts of the widgets that are shown, in the order given."""
    texts: list[str] = []
    for widget in widgets:
        if widget.isHidden():
            continue
        text = widget.text() if isinstance(widget, (BigLabel, BigButton)) else ""
        if text:
            texts.append(text)
    return texts
