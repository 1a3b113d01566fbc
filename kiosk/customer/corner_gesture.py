"""The staff's hidden way out: hold the top-left corner of the screen for a few seconds.

A customer never needs it and is unlikely to do it by chance: the corner holds no control,
and a finger must stay there, still, for the whole time (5 s by default, `kiosk.
staff_exit_hold_s`). Touch and mouse both work. It only opens the staff PIN pad; leaving
full-screen still needs a PIN the hub accepts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QInputEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

_STARTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_MOVES = (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate)
_ENDS = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


class CornerHold(QObject):
    held = Signal()

    def __init__(self, window: QWidget, corner_px: int, hold_s: float,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._corner_px = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(hold_s * 1000)))
        self._timer.timeout.connect(self.held)

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def corner(self) -> QRect:
        return QRect(0, 0, self._corner_px, self._corner_px)

    def _in_corner(self, global_pos: QPoint) -> bool:
        if not self._window.isVisible():
            return False
        return self.corner().contains(self._window.mapFromGlobal(global_pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QInputEvent):  # every event of the kiosk: keep it cheap
            return False
        kind = event.type()
        if kind in _ENDS:
            self._timer.stop()
            return False
        position = _global_position(event)
        if position is None:
            return False
        if kind in _STARTS:
            if self._in_corner(position):
                if not self._timer.isActive():
                    self._timer.start()
            else:
                self._timer.stop()
        elif kind in _MOVES and self._timer.isActive() and not self._in_corner(position):
            self._timer.stop()
        return False


def _global_position(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].globalPosition().toPoint() if len(points) == 1 else None
    return None
