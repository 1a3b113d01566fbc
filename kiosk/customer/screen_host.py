"""The window's one visible screen, with the others kept ready as hidden children.

Every screen is built once and stays a child of the host, which shows one at a time.
Moving screens in and out of the window instead (so that only one set of Home, Back and
Help was ever in it) made Qt restyle the screen and all its children on every change: a
widget that changes parents under an application stylesheet is unpolished and polished
again. With that, and a stack that laid out every page, a tap took 65 ms to show the next
screen on the reference machine; now the change itself takes about 2 ms.

Every screen has its own Home, Back and Help (ScreenFrame builds them), all with the same
object names, so anything that looks controls up by name (the accessibility audit, a test)
takes the visible one. Qt's tab order and accessibility tree skip hidden widgets by
themselves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets import ScreenFrame


class ScreenHost(QWidget):
    """Shows one screen in its layout; the others are hidden children outside it.

    Not a QStackedLayout: that asks every page for its height at a width, so each screen
    change laid out all eleven screens. Only the screen shown is in the host's layout, so
    the window sizes itself by that screen alone, as it always has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: ScreenFrame | None = None

    def release(self) -> None:
        """Nothing to free by hand: every screen is a child of the host (and so of the
        window) and goes with it. Kept so the window's shutdown reads the same."""

    def park(self, screen: ScreenFrame) -> None:
        """Keep ``screen`` ready, hidden, for ``show_screen``."""
        if screen.parentWidget() is not self:
            screen.setParent(self)
        if screen is not self._current:
            screen.hide()

    @property
    def current(self) -> ScreenFrame | None:
        return self._current

    def show_screen(self, screen: ScreenFrame) -> None:
        if screen is self._current:
            return
        self.park(screen)
        old, self._current = self._current, screen
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
        self._layout.addWidget(screen)
        screen.show()
