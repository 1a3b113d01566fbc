"""Laying out text that wraps and is never cut short.

Qt's QPushButton does not wrap at all, and QLabel's wrapping cannot be asked whether the
result fits or told to keep lines 1.3 font sizes apart. The shared widgets therefore lay
their text out here, with QTextLayout: lines break at word boundaries (and between CJK
characters, as Unicode allows), the line distance is at least MIN_LINE_SPACING times the
font size, and the caller learns whether the text fits its box. Nothing is ever elided:
a word too long for the line is broken rather than hidden, and reported as not fitting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QTextLayout,
    QTextOption,
)

from kiosk.ui.physical import MIN_LINE_SPACING

_LINE_SEPARATOR = "\u2028"
_FIT_SLACK_PX = 0.5


@dataclass(frozen=True)
class WrappedText:
    """The size of text wrapped at a width."""

    width: float
    """Widest line."""
    height: float
    lines: int
    words_fit: bool
    """False when some word is wider than the line and had to be broken."""

    def fits(self, width: float, height: float) -> bool:
        return (self.words_fit and self.width <= width + _FIT_SLACK_PX
                and self.height <= height + _FIT_SLACK_PX)


def line_height(font: QFont) -> float:
    """Distance between lines: the font's own, or 1.3 times its size if that is larger."""
    metrics = QFontMetricsF(font)
    size = font.pixelSize() if font.pixelSize() > 0 else metrics.height()
    return max(metrics.lineSpacing(), MIN_LINE_SPACING * size)


def _layout(text: str, font: QFont, width: float, *, break_words: bool) -> QTextLayout:
    layout = QTextLayout(text.replace("\n", _LINE_SEPARATOR), font)
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if break_words
        else QTextOption.WrapMode.WordWrap
    )
    layout.setTextOption(option)
    step = line_height(font)
    layout.beginLayout()
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        line.setPosition(QPointF(0, top + (step - line.height()) / 2))
        top += step
    layout.endLayout()
    return layout


def measure(text: str, font: QFont, width: float) -> WrappedText:
    """How `text` wraps at `width` pixels."""
    if not text:
        return WrappedText(0.0, 0.0, 0, True)
    layout = _layout(text, font, width, break_words=False)
    widths = [layout.lineAt(index).naturalTextWidth() for index in range(layout.lineCount())]
    widest = max(widths, default=0.0)
    return WrappedText(widest, layout.lineCount() * line_height(font), layout.lineCount(),
                       words_fit=widest <= width + _FIT_SLACK_PX)


def single_line_width(text: str, font: QFont) -> float:
    """Width of `text` on one line (each hard line break starts a new one)."""
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(part) for part in text.split("\n")), default=0.0)


def widest_word(text: str, font: QFont) -> float:
    """Width of the longest piece that cannot be broken: the narrowest the text can go."""
    return measure(text, font, 1.0).width if text else 0.0


def draw(painter: QPainter, rect: QRectF, text: str, font: QFont,
         alignment: Qt.AlignmentFlag) -> WrappedText:
    """Paint `text` wrapped into `rect` with the painter's pen; returns what it measured."""
    size = measure(text, font, rect.width())
    if not text:
        return size
    layout = _layout(text, font, rect.width(), break_words=True)
    block_height = layout.lineCount() * line_height(font)
    if alignment & Qt.AlignmentFlag.AlignBottom:
        top = rect.bottom() - block_height
    elif alignment & Qt.AlignmentFlag.AlignTop:
        top = rect.top()
    else:
        top = rect.top() + (rect.height() - block_height) / 2
    painter.save()
    painter.setFont(font)
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        spare = rect.width() - line.naturalTextWidth()
        if alignment & Qt.AlignmentFlag.AlignHCenter:
            left = rect.left() + spare / 2
        elif alignment & Qt.AlignmentFlag.AlignRight:
            left = rect.left() + spare
        else:
            left = rect.left()
        line.draw(painter, QPointF(left, top))
    painter.restore()
    return size
