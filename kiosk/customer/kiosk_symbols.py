"""Drawn symbols for the kiosk's own choices: a ticket, a question, a service's letter, and
the three faces of "How was your visit today?".

Like the shared symbols (kiosk.ui.widgets.symbols) they are painted, not loaded, so they
take the button's text colour in every theme and stay sharp at every text size. A symbol is
a second cue beside the words, never the only one: the faces differ in shape (a smile, a
straight mouth, a frown), not in colour, and each has its word beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen

from kiosk.ui.widgets.symbols import Symbol


def _pen(painter: QPainter, square: QRectF, width_factor: float = 11.0) -> QPen:
    pen = QPen(painter.pen().color(), max(2.0, square.width() / width_factor))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def ticket_symbol(painter: QPainter, square: QRectF) -> None:
    """A queue ticket: a slip with a notch on each side and two printed lines."""
    s = square.width()
    x, y = square.left(), square.top()
    path = QPainterPath(QPointF(x + 0.10 * s, y + 0.22 * s))
    path.lineTo(x + 0.90 * s, y + 0.22 * s)
    path.lineTo(x + 0.90 * s, y + 0.40 * s)
    path.arcTo(QRectF(x + 0.80 * s, y + 0.40 * s, 0.20 * s, 0.20 * s), 90, 180)
    path.lineTo(x + 0.90 * s, y + 0.78 * s)
    path.lineTo(x + 0.10 * s, y + 0.78 * s)
    path.lineTo(x + 0.10 * s, y + 0.60 * s)
    path.arcTo(QRectF(x + 0.00 * s, y + 0.40 * s, 0.20 * s, 0.20 * s), 270, 180)
    path.closeSubpath()
    path.moveTo(x + 0.30 * s, y + 0.42 * s)
    path.lineTo(x + 0.70 * s, y + 0.42 * s)
    path.moveTo(x + 0.30 * s, y + 0.58 * s)
    path.lineTo(x + 0.58 * s, y + 0.58 * s)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(_pen(painter, square, 13.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


def _letter_in_circle(painter: QPainter, square: QRectF, letter: str) -> None:
    s = square.width()
    circle = square.adjusted(0.06 * s, 0.06 * s, -0.06 * s, -0.06 * s)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(_pen(painter, square, 13.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(circle)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(1, round(s * (0.55 if len(letter) == 1 else 0.36))))
    painter.setFont(font)
    painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), letter)
    painter.restore()


def question_symbol(painter: QPainter, square: QRectF) -> None:
    """A question mark in a circle: questions and answers."""
    _letter_in_circle(painter, square, "?")


def letter_symbol(letters: str) -> Symbol:
    """A service's ticket letter in a circle: the letter its ticket numbers start with."""

    def draw(painter: QPainter, square: QRectF) -> None:
        _letter_in_circle(painter, square, letters)

    return draw


def _face(mouth: Callable[[QPainterPath, float, float, float], None]) -> Symbol:
    def draw(painter: QPainter, square: QRectF) -> None:
        s = square.width()
        x, y = square.left(), square.top()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = _pen(painter, square, 12.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(square.adjusted(0.05 * s, 0.05 * s, -0.05 * s, -0.05 * s))
        painter.setBrush(painter.pen().color())
        eye = 0.10 * s
        painter.drawEllipse(QRectF(x + 0.30 * s, y + 0.30 * s, eye, eye))
        painter.drawEllipse(QRectF(x + 0.60 * s, y + 0.30 * s, eye, eye))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        mouth(path, x, y, s)
        painter.drawPath(path)
        painter.restore()

    return draw


def _smile(path: QPainterPath, x: float, y: float, s: float) -> None:
    path.moveTo(x + 0.28 * s, y + 0.60 * s)
    path.quadTo(x + 0.50 * s, y + 0.86 * s, x + 0.72 * s, y + 0.60 * s)


def _straight(path: QPainterPath, x: float, y: float, s: float) -> None:
    path.moveTo(x + 0.30 * s, y + 0.68 * s)
    path.lineTo(x + 0.70 * s, y + 0.68 * s)


def _frown(path: QPainterPath, x: float, y: float, s: float) -> None:
    path.moveTo(x + 0.28 * s, y + 0.76 * s)
    path.quadTo(x + 0.50 * s, y + 0.52 * s, x + 0.72 * s, y + 0.76 * s)


good_face = _face(_smile)
"""A smiling face: "good"."""
ok_face = _face(_straight)
"""A face with a straight mouth: "all right"."""
bad_face = _face(_frown)
"""A frowning face: "not good"."""
