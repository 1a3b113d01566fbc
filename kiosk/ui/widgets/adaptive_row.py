"""A row that stacks its parts when the panel is too narrow to put them side by side.

A screen designed on a 1920 px landscape panel puts, say, the ticket beside its QR code. On
a 1080 px portrait panel or a small 1280 px one at larger text the two no longer fit side
by side: a plain horizontal layout then forces the window wider than the panel, and the
right-hand part is off the screen. An AdaptiveRow puts its parts side by side while the
row is at least as wide as their minimum widths together (or, for a row of buttons whose
words should not wrap into narrow columns, their preferred widths), and one above the other
otherwise. It asks its parent only for the stacked minimum width, so it never makes a
screen wider than the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget

_SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
_STACKED = QBoxLayout.Direction.TopToBottom
HYSTERESIS_DIVISOR = 10
"""A row stacked at one width goes back side by side at that width only when 10 % wider
than it strictly needs."""
_NO_ALIGNMENT = Qt.AlignmentFlag(0)


class _RowLayout(QBoxLayout):
    """The row's box layout, asked for its height at the widths its parts get.

    Stacked, Qt's box layout lays a part out at the row's width within the part's maximum
    (a column of a fixed width stays that wide), but says how tall it is from each part's
    height at the row's whole width: a narrower part, whose words take more lines, would
    get less height than it needs and push into what is below it. Parent layouts ask the
    layout, not the row (Qt asks a widget's layout directly), so the answer is put right
    here."""

    def __init__(self, row: AdaptiveRow) -> None:
        super().__init__(_SIDE_BY_SIDE, row)
        self._row = row

    def heightForWidth(self, width: int) -> int:  # Qt's name, overridden
        height = super().heightForWidth(width)
        if self.direction() == _STACKED:
            height = max(height, self._row.stacked_height(width))
        return height

    def minimumHeightForWidth(self, width: int) -> int:  # Qt's name, overridden
        return self.heightForWidth(width)


class AdaptiveRow(QWidget):
    def __init__(self, parent: QWidget | None = None, *, preferred: bool = False) -> None:
        super().__init__(parent)
        self._preferred = preferred
        self._layout = _RowLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._pending = False
        self._stacked_for: tuple[int, int] | None = None
        """(the width, the side-by-side width) the row last stacked at."""

    def add_widget(self, widget: QWidget, stretch: int = 0,
                   alignment: Qt.AlignmentFlag = _NO_ALIGNMENT) -> None:
        if stretch == 0 and not isinstance(widget, AdaptiveRow):
            # Never wider than it asks to be, side by side or stacked (a button as wide as
            # the panel would outgrow Help); its height still follows its actual width. A
            # row inside the row may take the whole width, to stand side by side in it.
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Maximum)
            widget.setSizePolicy(policy)
        self._layout.addWidget(widget, stretch, alignment)

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        self._layout.addLayout(layout, stretch)

    def add_stretch(self, stretch: int = 1) -> None:
        self._layout.addStretch(stretch)

    def set_spacing(self, pixels: int) -> None:
        self._layout.setSpacing(pixels)
        self.updateGeometry()

    def _items(self) -> list[QLayoutItem]:
        return [item for i in range(self._layout.count())
                if (item := self._layout.itemAt(i)) is not None]

    @property
    def stacked(self) -> bool:
        return self._layout.direction() == _STACKED

    def side_by_side_width(self) -> int:
        """The narrowest the row can be with its parts side by side."""
        items = self._items()
        widths = [(item.sizeHint() if self._preferred else item.minimumSize()).width()
                  for item in items]
        spacing = max(0, self._layout.spacing())
        return sum(widths) + spacing * max(0, len(widths) - 1)

    def sizeHint(self) -> QSize:
        """As wide as its parts side by side, whichever way they stand now: a row of rows
        (switches beside a greeting) then stacks the outer row first."""
        widths = [item.sizeHint().width() for item in self._items()]
        spacing = max(0, self._layout.spacing())
        width = sum(widths) + spacing * max(0, len(widths) - 1)
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        widths = [item.minimumSize().width() for item in self._items()]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        wanted = self._wanted(width)
        if wanted == self._layout.direction():
            height = self._layout.totalHeightForWidth(width)
            return height if height >= 0 else self._layout.totalMinimumSize().height()
        self._schedule()
        return self._estimate(wanted, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._wanted(event.size().width()) != self._layout.direction():
            self._schedule()

    def event(self, event: QEvent) -> bool:
        # A part shown again, or given other words, at the same width of the row (a
        # language switch while the parts were hidden) asks for a new layout: look again.
        if (event.type() == QEvent.Type.LayoutRequest
                and self._wanted(self.width()) != self._layout.direction()):
            self._schedule()
        return super().event(event)

    # The direction is never changed inside a resize or a layout pass (Qt is in the middle
    # of laying the row out, and a re-style sends many of them): it is changed right after.

    def _wanted(self, width: int) -> QBoxLayout.Direction:
        needed = self.side_by_side_width()
        if self._layout.direction() == _STACKED and self._stacked_for is not None:
            stacked_width, stacked_needed = self._stacked_for
            if width <= stacked_width and needed >= stacked_needed:
                # Back side by side at the width it stacked at only with room to spare: a
                # scroll bar that comes and goes with the direction must not flip the row
                # back and forth. Grown wider, or given shorter words, it looks afresh.
                needed += max(1, needed // HYSTERESIS_DIVISOR)
        return _SIDE_BY_SIDE if width >= needed else _STACKED

    def stacked_height(self, width: int) -> int:
        """The parts one above the other, each as tall as it is at the width it gets."""
        items = [item for item in self._items() if not item.isEmpty()]
        heights = [item.heightForWidth(self._stacked_width(item, width))
                   if item.hasHeightForWidth() else item.sizeHint().height()
                   for item in items]
        spacing = max(0, self._layout.spacing())
        return sum(heights) + spacing * max(0, len(heights) - 1)

    def _estimate(self, direction: QBoxLayout.Direction, width: int) -> int:
        if direction == _STACKED:
            return self.stacked_height(width)
        items = [item for item in self._items() if not item.isEmpty()]
        heights = [item.heightForWidth(width) if item.hasHeightForWidth()
                   else item.sizeHint().height() for item in items]
        return max(heights, default=0)

    @staticmethod
    def _stacked_width(item: QLayoutItem, width: int) -> int:
        """The width a stacked part is laid out at: the row's, within the part's own
        minimum and maximum (as Qt's box layout does)."""
        return max(item.minimumSize().width(), min(width, item.maximumSize().width()))

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._apply)

    def _apply(self) -> None:
        self._pending = False
        direction = self._wanted(self.width())
        if direction == self._layout.direction():
            return
        self._layout.setDirection(direction)
        self._stacked_for = ((self.width(), self.side_by_side_width()) if direction == _STACKED
                             else None)
        self.updateGeometry()
