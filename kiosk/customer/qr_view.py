"""The ticket's QR code on screen: the status page's address, for the customer's phone.

Drawn from the same module matrix as the printed ticket (`kiosk.printing.ticket_pdf`), as
black squares on white with the standard quiet zone, whatever the theme: phone cameras
read dark-on-light codes reliably, and many cannot read a code inverted for high contrast.
Its side is a physical size on the configured screen, so it scans from arm's length.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrCodeView(QWidget):
    def __init__(self, side_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticket_qr")
        self.setProperty("picture", True)  # the audit checks nothing is drawn over it
        self._side = side_px
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side_px, side_px)

    @property
    def text(self) -> str:
        """What the code says (the status page's address), or "" for no code."""
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        if text:
            from kiosk.printing.ticket_pdf import qr_matrix  # loaded at the first ticket

            self._matrix = qr_matrix(text)
        else:
            self._matrix = []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        painter = QPainter(self)
        side = float(min(self.width(), self.height()))
        painter.fillRect(QRectF(0, 0, side, side), QColor("white"))
        module = side / len(self._matrix)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row, modules in enumerate(self._matrix):
            for column, dark in enumerate(modules):
                if dark:
                    painter.drawRect(QRectF(column * module, row * module, module + 0.5,
                                            module + 0.5))
        painter.end()
