"""The window's one visible screen, with the others kept out of the widget tree.

Every screen has its own Home, Back and Help (ScreenFrame builds them), all with the same
object names. Screens that are not shown are therefore parked outside the window, in a
holder that is never shown, rather than kept as hidden pages of a stack: the window then
holds exactly one set of fixed controls, so anything that looks them up by name (the
accessibility audit, a test, the focus order) finds the ones the customer sees. Parked
screens still follow the application's stylesheet and language, because Qt restyles and
retranslates every top-level widget and its children.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets import ScreenFrame


class ScreenHost(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: ScreenFrame | None = None
        self._parking = QWidget()  # never shown, so never a window of its own

    def release(self) -> None:
        """Delete the parked screens (at shutdown; the window is going away)."""
        self._parking.deleteLater()

    def park(self, screen: ScreenFrame) -> None:
        """Keep ``screen`` ready, outside the window."""
        if screen is not self._current:
            screen.hide()
            screen.setParent(self._parking)

    @property
    def current(self) -> ScreenFrame | None:
        return self._current

    def show_screen(self, screen: ScreenFrame) -> None:
        if screen is self._current:
            return
        old = self._current
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
            old.setParent(self._parking)
        screen.setParent(self)
        self._layout.addWidget(screen)
        screen.show()
        self._current = screen
