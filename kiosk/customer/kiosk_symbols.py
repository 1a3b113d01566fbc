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
from PySide6.QtGui import QFont, QPainter, QPainterPath

from kiosk.ui.widgets.symbols import Symbol, draw_outline, stroke_pen


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
    draw_outline(painter, square, path, 13.0)


def _letter_in_circle(painter: QPainter, square: QRectF, letter: str) -> None:
    s = square.width()
    circle = square.adjusted(0.06 * s, 0.06 * s, -0.06 * s, -0.06 * s)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(stroke_pen(painter, square, 13.0))
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


def text_and_sound_symbol(painter: QPainter, square: QRectF) -> None:
    """A capital A with two sound waves beside it: text size and sound."""
    s = square.width()
    x, y = square.left(), square.top()
    path = QPainterPath(QPointF(x + 0.06 * s, y + 0.84 * s))
    path.lineTo(x + 0.30 * s, y + 0.16 * s)
    path.lineTo(x + 0.54 * s, y + 0.84 * s)
    path.moveTo(x + 0.15 * s, y + 0.60 * s)
    path.lineTo(x + 0.45 * s, y + 0.60 * s)
    for left, side in ((0.58, 0.28), (0.54, 0.44)):
        top = 0.50 - side / 2
        path.arcMoveTo(QRectF(x + left * s, y + top * s, side * s, side * s), 55)
        path.arcTo(QRectF(x + left * s, y + top * s, side * s, side * s), 55, -110)
    draw_outline(painter, square, path, 13.0)


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
        pen = stroke_pen(painter, square, 12.0)
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
