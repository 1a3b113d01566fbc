"""The magnifier (老花镜) for a customer without their reading glasses.

A button beside Back on every screen turns it on. While it is on, the finger is a
magnifying glass: a press shows what is under it `magnifier.zoom` times larger in a round
lens just above the finger, and follows the finger as it moves; nothing is pressed. Only
the magnifier's own button still works as a button, to turn it off. It turns itself off
after `magnifier.off_after_s` without a touch, and for every new customer (idle reset).

The lens is drawn from the window as it is (a grab of the area under the finger, scaled),
so it magnifies every screen as it looks now, in any language, size and contrast.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPixmap, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.core.settings import MagnifierSection
from kiosk.customer.kiosk_style import MAGNIFIER_SWITCH
from kiosk.ui.widgets import BigButton, wrapped_text
from kiosk.ui.widgets.properties import OVER_THE_SCREEN

LENS_SIDE_MM = 70.0
"""The lens on screen: wide enough for a few large words."""
SWITCH_LINES = 2
"""The switch's words take at most this many lines (the height of Home and Back)."""
_SEARCH_STEPS = 12
_PRESS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_MOVE = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate})
_RELEASE = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd,
                      QEvent.Type.TouchCancel, QEvent.Type.MouseButtonDblClick})


class MagnifierLens(QWidget):
    """The round lens: the magnified picture, with a dark rim so it stands out."""

    def __init__(self, side_px: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("magnifier_lens")
        self.setProperty(OVER_THE_SCREEN, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFixedSize(side_px, side_px)
        self.picture = QPixmap()
        self.hide()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addEllipse(self.rect().adjusted(3, 3, -3, -3))
        painter.setClipPath(path)
        painter.drawPixmap(0, 0, self.picture)
        painter.setClipping(False)
        pen = painter.pen()
        pen.setWidth(6)
        pen.setColor(Qt.GlobalColor.black)
        painter.setPen(pen)
        painter.drawEllipse(self.rect().adjusted(3, 3, -3, -3))


class Magnifier(QObject):
    changed = Signal(bool)
    """On (True) or off."""

    def __init__(self, rules: MagnifierSection, window: QWidget, lens_side_px: int,
                 is_own_button: Callable[[QWidget | None], bool],
                 parent: QObject | None = None) -> None:
        """``is_own_button``: whether a widget is (inside) one of the magnifier's buttons,
        which keep working while it is on."""
        super().__init__(parent)
        self.zoom = rules.zoom
        self._window = window
        self._is_own_button = is_own_button
        self.lens = MagnifierLens(lens_side_px, window)
        self._on = False
        self.shown_at: QPoint | None = None
        """Where the finger was when the lens was last drawn (window coordinates)."""
        self._passing = False  # a press on the magnifier's own button goes through
        self._off_timer = QTimer(self)
        self._off_timer.setSingleShot(True)
        self._off_timer.setInterval(round(rules.off_after_s * 1000))
        self._off_timer.timeout.connect(self.turn_off)

    @property
    def on(self) -> bool:
        return self._on

    def toggle(self) -> None:
        if self._on:
            self.turn_off()
        else:
            self.turn_on()

    def turn_on(self) -> None:
        if self._on:
            return
        self._on = True
        self._off_timer.start()
        self.changed.emit(True)

    def turn_off(self) -> None:
        if not self._on:
            return
        self._on = False
        self._off_timer.stop()
        self.lens.hide()
        self.changed.emit(False)

    def source_rect(self, at: QPoint) -> QRect:
        """The window area shown in the lens for a finger at `at` (window coordinates),
        kept inside the window: a finger at an edge sees a whole lens of what is there, never
        a grab of nothing."""
        side = max(1, round(self.lens.width() / self.zoom))
        left = min(max(0, at.x() - side // 2), max(0, self._window.width() - side))
        top = min(max(0, at.y() - side // 2), max(0, self._window.height() - side))
        return QRect(left, top, side, side)

    def show_at(self, at: QPoint) -> None:
        """Magnify the area under `at`, lens just above the finger (below it near the top
        edge), kept inside the window."""
        self.lens.hide()
        self.shown_at = at
        source = self.source_rect(at)
        picture = self._window.grab(source)
        self.lens.picture = picture.scaled(QSize(self.lens.width(), self.lens.height()),
                                           Qt.AspectRatioMode.IgnoreAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
        side = self.lens.width()
        x = min(max(0, at.x() - side // 2), max(0, self._window.width() - side))
        y = at.y() - side - side // 4
        if y < 0:
            y = min(at.y() + side // 4, max(0, self._window.height() - side))
        self.lens.move(x, y)
        self.lens.show()
        self.lens.raise_()
        self.lens.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._on or not isinstance(watched, QWindow) \
                or watched is not self._window.windowHandle():
            return False
        kind = event.type()
        if kind not in _PRESS | _MOVE | _RELEASE:
            return False
        point = _event_point(event)
        if kind in _PRESS:
            under = self._window.childAt(point) if point is not None else None
            self._passing = self._is_own_button(under)
        if self._passing:
            if kind in _RELEASE:
                self._passing = False
            return False
        self._off_timer.start()
        if kind in _RELEASE:
            self.lens.hide()
        elif point is not None and (kind in _PRESS or self.lens.isVisible()):
            self.show_at(point)
        return True


def _event_point(event: QEvent) -> QPoint | None:
    position: QPointF | None = None
    if isinstance(event, QMouseEvent):
        position = event.position()
    elif isinstance(event, QTouchEvent) and event.points():
        position = event.points()[0].position()
    return position.toPoint() if position is not None else None


class MagnifierButton(BigButton):
    """The magnifier's switch in a screen's bottom strip; its words say whether it is on."""

    _two_lines: int | None = None  # until the constructor runs (BigButton asks for sizes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(role="nav", parent=parent)
        self._two_lines = None
        self.setObjectName(MAGNIFIER_SWITCH)
        self.setCheckable(True)
        self.retranslate()

    def minimumSizeHint(self) -> QSize:  # Qt's name, overridden
        """Never so narrow that its words take more than two lines: the strip keeps the
        height the theme gives it, and goes to two rows before the switch grows taller."""
        hint = super().minimumSizeHint()
        if self._two_lines is None:
            text, font = self.shown_text(), self.font()
            low = max(wrapped_text.widest_word(text, font),
                      wrapped_text.single_line_width(text, font) / SWITCH_LINES)
            high = wrapped_text.single_line_width(text, font)
            for _ in range(_SEARCH_STEPS):
                if high - low < 1:
                    break
                middle = (low + high) / 2
                if wrapped_text.measure(text, font, middle).lines <= SWITCH_LINES:
                    high = middle
                else:
                    low = middle
            self._two_lines = math.ceil(high) + self._chrome().width() + 1
        return QSize(max(hint.width(), self._two_lines), hint.height())

    def updateGeometry(self) -> None:  # Qt's name, overridden
        self._two_lines = None
        super().updateGeometry()

    def show_state(self, on: bool) -> None:
        self.setChecked(on)
        self.retranslate()

    def retranslate(self) -> None:
        # Both states' words are as long: the strip never moves when it is switched.
        self.setText(self.tr("Zoom on") if self.isChecked() else self.tr("Zoom off"))
        self.setAccessibleDescription(
            self.tr("Touch the screen to see it larger; press here again to stop.")
            if self.isChecked() else
            self.tr("Makes what you touch larger, like reading glasses."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
