"""Home, Back and Help: the same three controls in the same place on every screen.

Where they are is a promise to the customer (WCAG 3.2.3 and 3.2.6): once someone has found
Help, it is there again on the next screen. They sit in a strip along the bottom edge:
Home at the left, Back beside it, and Help at the bottom right, the largest target on the
screen, red, with a person symbol. The bottom edge is where a hand resting on the kiosk's
ledge already is, and it keeps the reading area above free of controls. The strip's
geometry depends only on the theme and the window size, never on the screen shown, so the
audit can compare it across every screen (docs/decisions/0005).

The bar shows words it is given (already translated); its owner sets them again when the
language changes (see ScreenFrame).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.symbols import back_symbol, home_symbol, staff_symbol

NAV_HOME = "nav_home"
NAV_BACK = "nav_back"
NAV_HELP = "nav_help"
NAV_OBJECT_NAMES = (NAV_HOME, NAV_BACK, NAV_HELP)


@dataclass(frozen=True)
class NavTexts:
    """The fixed controls' words in the current language."""

    home: str
    back: str
    help: str
    help_description: str = ""
    """Spoken and given to screen readers: what pressing Help does."""


class FixedNavBar(QWidget):
    """The bottom strip with Home, Back and Help (`home_button`, `back_button`,
    `help_button`; object names `nav_home`, `nav_back`, `nav_help`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav_bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._gap = 0
        self.home_button = BigButton(role="nav", symbol=home_symbol)
        self.home_button.setObjectName(NAV_HOME)
        self.back_button = BigButton(role="nav", symbol=back_symbol)
        self.back_button.setObjectName(NAV_BACK)
        self.help_button = BigButton(role="help", symbol=staff_symbol)
        self.help_button.setObjectName(NAV_HELP)
        layout = self._layout = QHBoxLayout(self)
        for button in (self.home_button, self.back_button, self.help_button):
            # Fixed: the buttons keep the size the theme gives them (or what their text
            # needs, if more) and never stretch with the words of one screen.
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.home_button)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.help_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def add_tool(self, button: QWidget) -> None:
        """A control of the owner's beside Back (the kiosk's magnifier): Home, Back and
        Help keep their places."""
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._layout.insertWidget(2, button)

    def set_texts(self, texts: NavTexts) -> None:
        self.home_button.setText(texts.home)
        self.back_button.setText(texts.back)
        self.help_button.setText(texts.help)
        self.help_button.setAccessibleDescription(texts.help_description)

    def _get_gap(self) -> int:
        return self._gap

    def _set_gap(self, pixels: int) -> None:
        """Margin around and space between the buttons, from the stylesheet."""
        self._gap = max(0, int(pixels))
        self._layout.setContentsMargins(self._gap, self._gap, self._gap, self._gap)
        self._layout.setSpacing(self._gap)

    gap = Property(int, _get_gap, _set_gap)
