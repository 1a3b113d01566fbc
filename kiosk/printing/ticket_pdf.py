"""Drawing a ticket to a PDF page of receipt width, with Qt, in the bundled font.

A PDF carries its own font (the bundled Kiosk Sans SC, embedded as a subset), so a ticket in
Chinese prints the same on any printer CUPS can drive, whatever fonts the printer or the
machine lacks. The page is as wide as the paper roll and as tall as the ticket's lines, and
everything is black on white: thermal printers have one colour.

The QR code is drawn as vector squares from the `qrcode` library's module matrix (no image
library needed), with the standard four-module quiet zone, so it stays sharp at any printer
resolution.

Safe to call on the printer's own thread: painting on a QPdfWriter and text layout are
thread-safe in Qt 6; nothing here touches widgets or the translation catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import qrcode  # type: ignore[import-untyped]  # the library ships no type hints
import qrcode.constants  # type: ignore[import-untyped]
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.printing.printer import TicketDocument
from kiosk.printing.ticket_words import TicketWords

DOTS_PER_INCH = 600
DOTS_PER_MM = DOTS_PER_INCH / 25.4
MARGIN_MM = 4.0
GAP_MM = 2.0
QR_SIDE_MM = 30.0
QR_QUIET_MODULES = 4

# Glyph sizes (the font's pixel size, in millimetres of paper) of each kind of line.
BRANCH_MM = 4.5
LABEL_MM = 4.5
NUMBER_MM = 22.0
SERVICE_MM = 5.5
DETAIL_MM = 4.5
SMALL_MM = 3.5


class TicketRenderError(RuntimeError):
    """The PDF could not be written (disk full, folder missing, Qt refused)."""


@dataclass(frozen=True)
class _Line:
    text: str
    size_mm: float
    bold: bool = False


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of `text` as rows of dark (True) modules, quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M,
                         border=QR_QUIET_MODULES)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def _font(family: str, size_mm: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(size_mm * DOTS_PER_MM)))
    font.setBold(bold)
    # The bundled CJK font's localised forms swap in digit variants, and its ligatures make
    # "ff" one glyph; Qt's PDF writer cannot map either back to characters, so the ticket
    # would print right but "A042" or "staff" would be missing from the file's text (what a
    # search or a screen reader finds). The Simplified Chinese forms are the font's
    # defaults and a receipt needs no ligatures, so nothing visible changes.
    font.setFeature(QFont.Tag("locl"), 0)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _fitted(line: _Line, family: str, width: float) -> QFont:
    """The line's font, made smaller only if one word of it is wider than the paper."""
    font = _font(family, line.size_mm, line.bold)
    widest = max((QFontMetricsF(font).horizontalAdvance(word) for word in line.text.split()),
                 default=0.0)
    if widest > width:
        font = _font(family, line.size_mm * width / widest * 0.98, line.bold)
    return font


def _lines(words: TicketWords) -> tuple[list[_Line], list[_Line]]:
    """The lines above the QR code and below it."""
    above = [_Line(words.branch, BRANCH_MM), _Line(words.your_number, LABEL_MM),
             _Line(words.number, NUMBER_MM, bold=True), _Line(words.service, SERVICE_MM, True),
             _Line(words.people_ahead, DETAIL_MM), _Line(words.wait, DETAIL_MM)]
    below = [_Line(words.scan_hint, SMALL_MM)] if words.scan_hint else []
    below += [_Line(words.taken_at, SMALL_MM), _Line(words.listen, SMALL_MM)]
    return above, below


def render_ticket_pdf(words: TicketWords, path: Path, *, font_family: str,
                      paper_width_mm: float = 80.0) -> None:
    """Write the ticket to `path` as a one-page PDF; raises TicketRenderError."""
    width = (paper_width_mm - 2 * MARGIN_MM) * DOTS_PER_MM
    gap = GAP_MM * DOTS_PER_MM
    flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
    above, below = _lines(words)
    blocks: list[tuple[_Line, QFont, float]] = []
    for line in [*above, *below]:
        font = _fitted(line, font_family, width)
        height = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), flags,
                                                  line.text).height()
        blocks.append((line, font, height))
    qr = qr_matrix(words.status_url) if words.status_url else None
    qr_side = QR_SIDE_MM * DOTS_PER_MM if qr else 0.0
    content = sum(h for _, _, h in blocks) + gap * (len(blocks) + (2 if qr else 0))
    page_height_mm = content / DOTS_PER_MM + 2 * MARGIN_MM + (QR_SIDE_MM if qr else 0)

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(DOTS_PER_INCH)
    writer.setTitle(words.title)
    writer.setCreator("bank kiosk")
    writer.setPageSize(QPageSize(QSizeF(paper_width_mm, page_height_mm),
                                 QPageSize.Unit.Millimeter, "ticket"))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(writer):
        raise TicketRenderError(f"cannot write the ticket to {path}")
    try:
        painter.setPen(QColor("black"))
        y = 0.0
        for index, (line, font, height) in enumerate(blocks):
            if index == len(above) and qr is not None:
                y += gap
                _draw_qr(painter, qr, QPointF((width - qr_side) / 2, y), qr_side)
                y += qr_side + gap
            painter.setFont(font)
            painter.drawText(QRectF(0, y, width, height), flags, line.text)
            y += height + gap
            if index == 0:
                painter.drawLine(QPointF(0, y - gap / 2), QPointF(width, y - gap / 2))
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise TicketRenderError(f"the ticket PDF {path} was not written")


def _draw_qr(painter: QPainter, matrix: list[list[bool]], origin: QPointF,
             side: float) -> None:
    module = side / len(matrix)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row, modules in enumerate(matrix):
        for column, dark in enumerate(modules):
            if dark:
                # a hair wider than a module, so neighbouring squares leave no seam
                painter.drawRect(QRectF(origin.x() + column * module,
                                        origin.y() + row * module, module * 1.02,
                                        module * 1.02))
    painter.restore()


def ticket_document(words: TicketWords, *, font_family: str,
                    paper_width_mm: float = 80.0) -> TicketDocument:
    """The ticket as something a printer can write to a file on its own thread."""
    return TicketDocument(words.title, partial(render_ticket_pdf, words,
                                               font_family=font_family,
                                               paper_width_mm=paper_width_mm))
