"""A bar chart of figures (median and 90th percentile per group), drawn with QPainter.

QtCharts would need PySide6-Addons (+440 MB on every console) for two bars per group; a
hundred lines of painting does it, scales with the window, uses the console's font and
colours, and renders offscreen for the pictures and the tests (docs/decisions/0008).

Bars are labelled with their values, the two series differ by pattern as well as colour
(the 90th percentile is hatched), and the axis is in seconds or minutes as the values need.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.console import console_style as style
from kiosk.console.console_words import duration_text
from kiosk.console.controls import Retranslating
from kiosk.console.reports import Figure

MARGIN = 12
LABEL_LINES = 2  # a group's name may wrap onto a second line under its bars


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 × 10^n that is at least ``value`` (an axis maximum)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


class FigureChart(Retranslating, QWidget):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._figures: list[Figure] = []
        self._labels: list[str] = []
        self._title = ""
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(560, 280)

    def show_figures(self, title: str, figures: list[Figure], labels: list[str]) -> None:
        """``labels[i]`` names ``figures[i]`` on the axis (a category or a day)."""
        self._title = title
        self._figures = list(figures)
        self._labels = list(labels)
        self.setAccessibleDescription(self._describe())
        self.update()

    def _describe(self) -> str:
        parts = [self.tr("{group}: median {median}, 90% within {p90}").format(
            group=label, median=duration_text(f.median_s), p90=duration_text(f.p90_s))
            for label, f in zip(self._labels, self._figures, strict=True)
            if f.median_s is not None]
        return "; ".join(parts)

    def retranslate(self) -> None:
        self._median_name = self.tr("Median")
        self._p90_name = self.tr("90th percentile")
        self._empty = self.tr("No calls to show yet.")
        self.setAccessibleName(self._title or self.tr("Chart"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(style.PANEL.background))
        painter.setPen(QPen(QColor(style.BORDER), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        line = metrics.height()
        painter.setPen(QColor(style.PANEL.text))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QPointF(MARGIN, MARGIN + metrics.ascent()), self._title)
        painter.setFont(font)
        self._legend(painter, metrics)
        timed = [f for f in self._figures if f.p90_s is not None]
        plot = QRectF(MARGIN + metrics.horizontalAdvance("00:00") + 8,
                      MARGIN + 2.2 * line, 0, 0)
        plot.setRight(self.width() - MARGIN)
        plot.setBottom(self.height() - MARGIN - (LABEL_LINES + 0.3) * line)
        if not timed or plot.width() < 40 or plot.height() < 40:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self._empty)
            painter.end()
            return
        top = nice_ceiling(max(f.p90_s or 0.0 for f in timed))
        self._axis(painter, plot, top, metrics)
        self._bars(painter, plot, top, metrics)
        painter.end()

    def _legend(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        x = float(self.width() - MARGIN)
        y = MARGIN + 1.2 * metrics.height()
        for name, brush in ((self._p90_name, self._p90_brush()),
                            (self._median_name, QBrush(QColor(style.CHART_MEDIAN)))):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.drawText(QPointF(x, y + metrics.ascent()), name)
            x -= 18
            painter.fillRect(QRectF(x, y + 2, 14, metrics.ascent() - 2), brush)
            x -= 16

    @staticmethod
    def _p90_brush() -> QBrush:
        return QBrush(QColor(style.CHART_P90), Qt.BrushStyle.BDiagPattern)

    def _axis(self, painter: QPainter, plot: QRectF, top: float,
              metrics: QFontMetricsF) -> None:
        painter.setPen(QPen(QColor("#CFC7BA"), 1))
        for step in range(5):
            value = top * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(style.PANEL.text))
            label = duration_text(value)
            painter.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(label),
                                     y + metrics.ascent() / 2 - 1), label)
            painter.setPen(QPen(QColor("#CFC7BA"), 1))

    def _bars(self, painter: QPainter, plot: QRectF, top: float,
              metrics: QFontMetricsF) -> None:
        count = len(self._figures)
        slot = plot.width() / max(1, count)
        bar = min(46.0, slot * 0.32)
        for number, (figure, label) in enumerate(zip(self._figures, self._labels,
                                                     strict=True)):
            centre = plot.left() + slot * (number + 0.5)
            for offset, value, brush in ((-bar, figure.median_s,
                                          QBrush(QColor(style.CHART_MEDIAN))),
                                         (0.0, figure.p90_s, self._p90_brush())):
                if value is None:
                    continue
                height = plot.height() * value / top
                rect = QRectF(centre + offset, plot.bottom() - height, bar, height)
                painter.fillRect(rect, QColor("#FFFFFF"))
                painter.fillRect(rect, brush)
                painter.setPen(QPen(QColor(style.PANEL.text), 1))
                painter.drawRect(rect)
                text = duration_text(value)
                painter.drawText(QPointF(rect.center().x() - metrics.horizontalAdvance(text) / 2,
                                         rect.top() - 3), text)
            painter.setPen(QColor(style.PANEL.text))
            painter.drawText(QRectF(centre - slot / 2 + 2, plot.bottom() + 4, slot - 4,
                                    LABEL_LINES * metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextWordWrap), label)
