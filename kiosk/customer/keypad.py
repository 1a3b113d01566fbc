"""Keys that work on every screen: Escape is Back, and the keypad's Help, Repeat and volume.

Tab, the arrow keys and Enter move and press as Qt already makes them (BigButton presses on
Enter, Space and Select). The first time a customer moves focus with a key, the kiosk
switches on speaking the focused control for them (`navigated`): a customer using the
keypad may not see the screen. An optional physical help button beside the screen sends
its own key and calls staff exactly as the on-screen button does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from kiosk.customer.kiosk_keys import KeyBindings, KeyFunction

NAVIGATION_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Left,
                             Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down})


class Keypad(QObject):
    pressed = Signal(object)
    """A KeyFunction: the keypad's help, repeat or volume key, or the help button."""
    backPressed = Signal()
    navigated = Signal()

    def __init__(self, bindings: KeyBindings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bindings = bindings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the kiosk comes here: the cheap test first
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key in NAVIGATION_KEYS:
            self.navigated.emit()
            return False
        function: KeyFunction | None = self._bindings.function_of(key)
        if function is None and key != Qt.Key.Key_Escape:
            return False
        if not event.isAutoRepeat():
            if function is None:
                self.backPressed.emit()
            else:
                self.pressed.emit(function)
        return True
