"""Home, Back and Help: the same three controls in the same place on every screen.

Where they are is a promise to the customer (WCAG 3.2.3 and 3.2.6): once someone has found
Help, it is there again on the next screen. They sit in a strip along the bottom edge:
Home at the left, Back beside it, and Help at the bottom right, the largest target on the
screen, red, with a person symbol. The bottom edge is where a hand resting on the kiosk's
ledge already is, and it keeps the reading area above free of controls. The strip's
geometry depends only on the theme and the window size, never on the screen shown, so the
audit can compare it across every screen (docs/decisions/0005).

On a portrait panel (1080 px across) three buttons side by side leave each too narrow for
its words at larger text, so there the strip has two rows: Help across the whole width on
top, Home and Back below it (the theme sets `stacked` from the panel's shape). A landscape
strip too narrow for its buttons' words (larger text on a 1280 or 1366 px panel) keeps one
row: Home and Back put their symbols above their words, which makes them about half as
wide, and Help takes the rest of the row. A second row there would leave the screen's own
content less than half of the panel's height (docs/decisions/0022). Only a strip too narrow
even so takes two rows. Whichever way, the places depend only on the panel, the theme and
the language, never on the screen shown.

The bar shows words it is given (already translated); its owner sets them again when the
language changes (see ScreenFrame).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Property, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

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
        self._stacked = False
        self._in_rows = False
        self._compact = False
        self._panel_width = 0
        self._pending = False
        self._tools: list[QWidget] = []
        self._beside = True
        self._layout = QGridLayout(self)
        for button in (self.home_button, self.back_button, self.help_button):
            # Fixed: the buttons keep the size the theme gives them (or what their text
            # needs, if more) and never stretch with the words of one screen.
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._place()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def add_tool(self, button: QWidget) -> None:
        """A control of the owner's beside Back (the kiosk's magnifier): Home, Back and
        Help keep their places."""
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._tools.append(button)
        self._place()

    def _one_row_width(self, *, symbols_above: bool) -> int:
        ends = [self._narrowest(b, symbols_above) for b in (self.home_button, self.back_button)]
        widths = [*ends, *(self._narrowest(b) for b in (self.help_button, *self._tools))]
        # The margins at both ends and the spacing between the buttons.
        return sum(widths) + (4 + len(self._tools)) * self._gap

    @staticmethod
    def _narrowest(button: QWidget, symbol_above: bool = False) -> int:
        """The button's narrowest width with its symbol before its words, or above them."""
        if not isinstance(button, BigButton):
            return button.minimumSizeHint().width()
        return button.symbol_above_width() if symbol_above else button.beside_minimum_width()

    def _fits_one_row(self, *, symbols_above: bool) -> bool:
        if self._stacked:
            return False
        if not self._panel_width:
            return True
        if symbols_above and not all(b.symbol_above_fits()
                                     for b in (self.home_button, self.back_button)):
            return False
        return self._one_row_width(symbols_above=symbols_above) <= self._panel_width

    def _row_width(self, buttons: Sequence[QWidget]) -> int:
        return sum(self._narrowest(b) for b in buttons) + max(0, len(buttons) - 1) * self._gap

    def _placement(self) -> tuple[bool, bool, bool]:
        """(two rows, the tools beside Back, Home's and Back's symbols above their words):
        what the panel and the words ask for."""
        if self._fits_one_row(symbols_above=False):
            return False, True, False
        if self._fits_one_row(symbols_above=True):
            return False, True, True
        return True, self._tools_beside_back(), False

    def _tools_beside_back(self) -> bool:
        """In two rows, the owner's tools share Home and Back's row when the panel has room,
        and take a row of their own below it when not (a portrait panel at larger text)."""
        lower = [self.home_button, self.back_button, *self._tools]
        # The margins, and the spacing before the empty column Help spans above them.
        return not self._panel_width or (self._row_width(lower) + 3 * self._gap
                                         <= self._panel_width)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        rows: list[list[QWidget]] = [[self.help_button], [self.home_button, self.back_button]]
        if self._tools_beside_back():
            rows[1] += self._tools
        elif self._tools:
            rows.append(list(self._tools))
        stacked = max(self._row_width(row) for row in rows)
        return QSize(stacked + 2 * self._gap, hint.height())

    def _replace_if_needed(self) -> None:
        # Never inside a re-style or a layout pass (the stylesheet sets the gap and the
        # panel's width while Qt polishes): right after it.
        if self._placement() != self._placed() and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._settle_rows)

    def _settle_rows(self) -> None:
        self._pending = False
        if self._placement() != self._placed():
            self._place()

    def _placed(self) -> tuple[bool, bool, bool]:
        return self._in_rows, self._beside, self._compact

    def in_rows(self) -> bool:
        """True when the strip has two rows (Help above Home and Back)."""
        return self._in_rows

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._replace_if_needed()

    def _get_panel_width(self) -> int:
        return self._panel_width

    def _set_panel_width(self, pixels: int) -> None:
        """The panel's width, from the theme: the strip takes two rows when its buttons'
        words do not fit side by side on it (decided from the panel, not from the strip's
        size of the moment, so every screen's strip is the same)."""
        self._panel_width = max(0, int(pixels))
        self._replace_if_needed()

    panelWidth = Property(int, _get_panel_width, _set_panel_width)

    def _place(self) -> None:
        layout = self._layout
        for button in (self.home_button, self.back_button, *self._tools, self.help_button):
            layout.removeWidget(button)
        for column in range(layout.columnCount()):
            layout.setColumnStretch(column, 0)
        self._in_rows, self._beside, self._compact = self._placement()
        for button in (self.home_button, self.back_button):
            button.set_symbol_above(self._compact)
        lower: list[QWidget] = [self.home_button, self.back_button]
        below: list[QWidget] = []
        if self._beside:
            lower += self._tools
        else:
            below = list(self._tools)
        # Help's column takes the width left over, Help at its right end: no empty column
        # between (an empty column would cost the strip a spacing it may not have).
        stretch = len(lower)
        layout.setColumnStretch(stretch, 1)
        # On a row of its own, or beside narrowed Home and Back, Help takes what the row
        # leaves: its words (a long "... is on the way" at larger text) then wrap into
        # fewer lines and never overflow the strip's height, and it stays the largest target.
        widest = self._in_rows or self._compact
        self.help_button.setSizePolicy(
            QSizePolicy.Policy.Expanding if widest else QSizePolicy.Policy.Fixed,
            QSizePolicy.Policy.Fixed)
        if self._in_rows:
            layout.addWidget(self.help_button, 0, 0, 1, stretch + 1)
            for column, button in enumerate(lower):
                layout.addWidget(button, 1, column)
            for column, button in enumerate(below):
                layout.addWidget(button, 2, column)
        else:
            for column, button in enumerate(lower):
                layout.addWidget(button, 0, column)
            layout.addWidget(self.help_button, 0, stretch,
                             Qt.AlignmentFlag(0) if widest else Qt.AlignmentFlag.AlignRight)

    def _get_stacked(self) -> bool:
        return self._stacked

    def _set_stacked(self, stacked: bool) -> None:
        """Help on a row of its own above Home and Back (portrait panels)."""
        if bool(stacked) != self._stacked:
            self._stacked = bool(stacked)
            self._place()

    stacked = Property(bool, _get_stacked, _set_stacked)

    def set_texts(self, texts: NavTexts) -> None:
        self.home_button.setText(texts.home)
        self.back_button.setText(texts.back)
        self.help_button.setText(texts.help)
        self.help_button.setAccessibleDescription(texts.help_description)
        self._replace_if_needed()

    def _get_gap(self) -> int:
        return self._gap

    def _set_gap(self, pixels: int) -> None:
        """Margin around and space between the buttons, from the stylesheet."""
        self._gap = max(0, int(pixels))
        self._layout.setContentsMargins(self._gap, self._gap, self._gap, self._gap)
        self._layout.setHorizontalSpacing(self._gap)
        self._layout.setVerticalSpacing(self._gap)
        self._replace_if_needed()

    gap = Property(int, _get_gap, _set_gap)
