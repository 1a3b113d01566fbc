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

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QSizePolicy, QWidget

_SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
_STACKED = QBoxLayout.Direction.TopToBottom
_NO_ALIGNMENT = Qt.AlignmentFlag(0)


class AdaptiveRow(QWidget):
    def __init__(self, parent: QWidget | None = None, *, preferred: bool = False) -> None:
        super().__init__(parent)
        self._preferred = preferred
        self._layout = QBoxLayout(_SIDE_BY_SIDE, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._alignments: dict[QWidget, Qt.AlignmentFlag] = {}

    def add_widget(self, widget: QWidget, stretch: int = 0,
                   alignment: Qt.AlignmentFlag = _NO_ALIGNMENT) -> None:
        self._layout.addWidget(widget, stretch, alignment)
        self._alignments[widget] = alignment

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        self._layout.addLayout(layout, stretch)

    def add_stretch(self, stretch: int = 1) -> None:
        self._layout.addStretch(stretch)

    def set_spacing(self, pixels: int) -> None:
        self._layout.setSpacing(pixels)
        self.updateGeometry()

    @property
    def stacked(self) -> bool:
        return self._layout.direction() == _STACKED

    def side_by_side_width(self) -> int:
        """The narrowest the row can be with its parts side by side."""
        items = [self._layout.itemAt(i) for i in range(self._layout.count())]
        widths = [(item.sizeHint() if self._preferred else item.minimumSize()).width()
                  for item in items]
        spacing = max(0, self._layout.spacing())
        return sum(widths) + spacing * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        widths = [self._layout.itemAt(i).minimumSize().width()
                  for i in range(self._layout.count())]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._choose(width)
        height = self._layout.totalHeightForWidth(width)
        if height < 0:
            height = self._layout.totalMinimumSize().height()
        return height

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._choose(event.size().width())
        super().resizeEvent(event)

    def _choose(self, width: int) -> None:
        direction = _SIDE_BY_SIDE if width >= self.side_by_side_width() else _STACKED
        if direction != self._layout.direction():
            self._layout.setDirection(direction)
            # Stacked, each part keeps its own width at the left rather than stretching
            # across the row (a button as wide as the panel would outgrow Help).
            for widget, alignment in self._alignments.items():
                self._layout.setAlignment(widget, Qt.AlignmentFlag.AlignLeft
                                          if direction == _STACKED else alignment)
            self.updateGeometry()
