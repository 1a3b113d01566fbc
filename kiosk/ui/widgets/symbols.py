"""Simple drawn symbols for the fixed controls: a house, a back arrow, a person.

They are drawn, not loaded from image files, so they take the button's text colour in every
theme (white on the dark strip, white on black in high contrast) and stay sharp at any size.
A symbol is a second cue beside the words, for customers who read slowly or not at all.
Each is a function `(painter, square) -> None` that paints with the painter's pen colour.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen

Symbol = Callable[[QPainter, QRectF], None]


def stroke_pen(painter: QPainter, square: QRectF, width_factor: float = 11.0) -> QPen:
    """The painter's colour, rounded, a `width_factor`-th of the symbol's side wide."""
    pen = QPen(painter.pen().color(), max(2.0, square.width() / width_factor))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def draw_outline(painter: QPainter, square: QRectF, path: QPainterPath,
                 width_factor: float = 11.0) -> None:
    """Stroke `path` with `stroke_pen`, smoothly, nothing filled."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(stroke_pen(painter, square, width_factor))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


def home_symbol(painter: QPainter, square: QRectF) -> None:
    """A house: roof, walls and a door."""
    s = square.width()
    x, y = square.left(), square.top()
    path = QPainterPath(QPointF(x + 0.08 * s, y + 0.50 * s))
    path.lineTo(x + 0.50 * s, y + 0.10 * s)
    path.lineTo(x + 0.92 * s, y + 0.50 * s)
    path.moveTo(x + 0.20 * s, y + 0.40 * s)
    path.lineTo(x + 0.20 * s, y + 0.90 * s)
    path.lineTo(x + 0.80 * s, y + 0.90 * s)
    path.lineTo(x + 0.80 * s, y + 0.40 * s)
    path.moveTo(x + 0.42 * s, y + 0.90 * s)
    path.lineTo(x + 0.42 * s, y + 0.64 * s)
    path.lineTo(x + 0.58 * s, y + 0.64 * s)
    path.lineTo(x + 0.58 * s, y + 0.90 * s)
    draw_outline(painter, square, path)


def back_symbol(painter: QPainter, square: QRectF) -> None:
    """An arrow pointing left."""
    s = square.width()
    x, y = square.left(), square.top()
    path = QPainterPath(QPointF(x + 0.88 * s, y + 0.50 * s))
    path.lineTo(x + 0.14 * s, y + 0.50 * s)
    path.moveTo(x + 0.44 * s, y + 0.20 * s)
    path.lineTo(x + 0.14 * s, y + 0.50 * s)
    path.lineTo(x + 0.44 * s, y + 0.80 * s)
    draw_outline(painter, square, path)


def staff_symbol(painter: QPainter, square: QRectF) -> None:
    """A person (head and shoulders): a member of staff will come."""
    s = square.width()
    x, y = square.left(), square.top()
    colour = painter.pen().color()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(QRectF(x + 0.32 * s, y + 0.06 * s, 0.36 * s, 0.36 * s))
    body = QPainterPath(QPointF(x + 0.10 * s, y + 0.94 * s))
    body.cubicTo(x + 0.10 * s, y + 0.52 * s, x + 0.90 * s, y + 0.52 * s,
                 x + 0.90 * s, y + 0.94 * s)
    body.closeSubpath()
    painter.drawPath(body)
    painter.restore()


def lock_symbol(painter: QPainter, square: QRectF) -> None:
    """A padlock: for staff only (a customer leaves it alone)."""
    s = square.width()
    x, y = square.left(), square.top()
    colour = painter.pen().color()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(stroke_pen(painter, square))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath(QPointF(x + 0.30 * s, y + 0.46 * s))
    shackle.lineTo(x + 0.30 * s, y + 0.30 * s)
    shackle.arcTo(QRectF(x + 0.30 * s, y + 0.08 * s, 0.40 * s, 0.40 * s), 180, -180)
    shackle.lineTo(x + 0.70 * s, y + 0.46 * s)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawRoundedRect(QRectF(x + 0.18 * s, y + 0.46 * s, 0.64 * s, 0.46 * s),
                            0.06 * s, 0.06 * s)
    painter.restore()
