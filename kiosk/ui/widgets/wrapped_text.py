"""Laying out text that wraps and is never cut short.

Qt's QPushButton does not wrap at all, and QLabel's wrapping cannot be asked whether the
result fits or told to keep lines 1.3 font sizes apart. The shared widgets therefore lay
their text out here, with QTextLayout: lines break at word boundaries (and between CJK
characters, as Unicode allows), the line distance is at least MIN_LINE_SPACING times the
font size, and the caller learns whether the text fits its box. Nothing is ever elided:
a word too long for the line is broken rather than hidden, and reported as not fitting.
"""

from __future__ import annotations

import re
from collections import OrderedDict
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
_WORD_JOINER = "\u2060"
_CJK_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_FIT_SLACK_PX = 0.5
_WIDEST_WORD_TRIES = 4
_CACHE_ENTRIES = 4096
"""Measurements kept. Qt asks a wrapping widget its height for a width many times per
layout pass (every screen change lays out dozens of buttons and labels); laying the text
out again each time made a tap on the home screen take 200 ms to repaint. The kiosk shows
a few hundred texts at a handful of widths, so a few thousand entries hold them all."""


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


class _Memo:
    """A bounded least-recently-used memo. Keys carry ``QFont.key()``, which Qt describes
    as the font's identity for caches: a changed family, size, weight or spacing is a new
    key, so nothing measured for one font is ever used for another."""

    def __init__(self, entries: int) -> None:
        self._entries = entries
        self._values: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> object | None:
        value = self._values.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._values.move_to_end(key)
        return value

    def put(self, key: tuple[object, ...], value: object) -> None:
        self._values[key] = value
        if len(self._values) > self._entries:
            self._values.popitem(last=False)

    def clear(self) -> None:
        self._values.clear()


_measured = _Memo(_CACHE_ENTRIES)
_line_heights = _Memo(256)


def clear_cache() -> None:
    """Forget every measurement (fonts installed or removed at run time)."""
    _measured.clear()
    _line_heights.clear()


def line_height(font: QFont, spacing: float = MIN_LINE_SPACING) -> float:
    """Distance between lines: the font's own, or `spacing` times its size if that is
    larger (1.3 by default; body text asks for more)."""
    key = (font.key(), spacing)
    known = _line_heights.get(key)
    if isinstance(known, float):
        return known
    metrics = QFontMetricsF(font)
    size = font.pixelSize() if font.pixelSize() > 0 else metrics.height()
    height = float(max(metrics.lineSpacing(), spacing * size))
    _line_heights.put(key, height)
    return height


def _layout(text: str, font: QFont, width: float, *, break_words: bool,
            spacing: float) -> QTextLayout:
    layout = QTextLayout(text.replace("\n", _LINE_SEPARATOR), font)
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if break_words
        else QTextOption.WrapMode.WordWrap
    )
    layout.setTextOption(option)
    step = line_height(font, spacing)
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


def measure(text: str, font: QFont, width: float,
            spacing: float = MIN_LINE_SPACING) -> WrappedText:
    """How `text` wraps at `width` pixels, lines `spacing` font sizes apart (at least)."""
    if not text:
        return WrappedText(0.0, 0.0, 0, True)
    key = (text, font.key(), float(width), spacing)
    known = _measured.get(key)
    if isinstance(known, WrappedText):
        return known
    layout = _layout(text, font, width, break_words=False, spacing=spacing)
    widths = [layout.lineAt(index).naturalTextWidth() for index in range(layout.lineCount())]
    widest = max(widths, default=0.0)
    size = WrappedText(widest, layout.lineCount() * line_height(font, spacing),
                       layout.lineCount(),
                       words_fit=widest <= width + _FIT_SLACK_PX)
    _measured.put(key, size)
    return size


def single_line_width(text: str, font: QFont) -> float:
    """Width of `text` on one line (each hard line break starts a new one)."""
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(part) for part in text.split("\n")), default=0.0)


def one_line_width(text: str, font: QFont) -> float:
    """The narrowest width `text` lays out at without wrapping (each hard line break
    starts a new line): its single-line width, widened a pixel at a time where laying it
    out at that width still breaks it (as with `widest_word`)."""
    width = single_line_width(text, font)
    lines = text.count("\n") + 1
    for _ in range(_WIDEST_WORD_TRIES):
        fitted = measure(text, font, width)
        if fitted.words_fit and fitted.lines <= lines:
            break
        width += 1.0
    return width


def keep_cjk_words(text: str) -> str:
    """`text` with every run of CJK characters joined so no line breaks inside it.

    Unicode lets a line break between any two CJK characters, which in a short label splits
    a word ("放大 / 镜"). Labels a few words long (the bottom strip's) keep each run whole
    and break only where a space or punctuation allows; word joiners are not drawn."""
    return _CJK_RUN.sub(lambda run: _WORD_JOINER.join(run.group()), text)


def widest_word(text: str, font: QFont) -> float:
    """Width of the longest piece that cannot be broken: the narrowest the text can go.

    Laid out one piece a line, a piece can measure a pixel narrower than it needs on a line
    of that width (where "[Bàçk ·]" then breaks inside "[Bàçk"), so the width is checked at
    itself and widened until every piece fits."""
    if not text:
        return 0.0
    width = measure(text, font, 1.0).width
    for _ in range(_WIDEST_WORD_TRIES):
        fitted = measure(text, font, width)
        if fitted.words_fit:
            break
        width = fitted.width + _FIT_SLACK_PX
    return width


def draw(painter: QPainter, rect: QRectF, text: str, font: QFont,
         alignment: Qt.AlignmentFlag, spacing: float = MIN_LINE_SPACING) -> WrappedText:
    """Paint `text` wrapped into `rect` with the painter's pen; returns what it measured."""
    size = measure(text, font, rect.width(), spacing)
    if not text:
        return size
    layout = _layout(text, font, rect.width(), break_words=True, spacing=spacing)
    block_height = layout.lineCount() * line_height(font, spacing)
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
