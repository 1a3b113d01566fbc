"""A label for the kiosk's text: wraps, keeps its line spacing, never elides, and says so
when its text does not fit.

Translations change a text's length (English is often 1.5 times the Chinese, the
pseudo-language 1.4 times the English); a label that silently cut its text would hide the
one sentence an elderly customer needed. BigLabel lays its text out with
`wrapped_text`, asks its layout for the height the wrapped text needs, and when the space it
gets is still too small it emits `overflowChanged(True)` and logs a warning, so tests and
the audit catch it instead of a customer.

Its size comes from the stylesheet: the `role` property ("body", "heading", "huge") picks
the font size the theme computed for that role.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

from kiosk.ui.physical import MIN_LINE_SPACING
from kiosk.ui.widgets import wrapped_text

log = logging.getLogger(__name__)

LABEL_ROLES = ("body", "heading", "huge")


class BigLabel(QLabel):
    """Word-wrapping plain-text label; `text_fits()` tells whether all of it shows."""

    overflowChanged = Signal(bool)

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 role: str = "body") -> None:
        super().__init__(parent)
        self._overflowing = False
        self._fit_check_pending = False
        self._spacing = MIN_LINE_SPACING
        self._unbroken = False
        self._heights: dict[tuple[int, int, int], int] = {}
        """heightForWidth answers since the last change of text, font or style, by width and
        margins: a layout pass asks the same widths many times."""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_role(role)
        self.setText(text)

    def set_role(self, role: str) -> None:
        """Switch between body, heading and huge text; the stylesheet sizes each."""
        if role not in LABEL_ROLES:
            raise ValueError(f"label role must be one of {LABEL_ROLES}, got {role!r}")
        self.setProperty("role", role)
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    def role(self) -> str:
        return str(self.property("role"))

    def set_unbroken(self, unbroken: bool) -> None:
        """Keep the text on one line (a ticket number, "A042号", is read as one word): the
        label then needs its whole width at the least, and a layout gives it that."""
        self._unbroken = unbroken
        self.updateGeometry()

    def _get_line_spacing(self) -> float:
        return self._spacing

    def _set_line_spacing(self, spacing: float) -> None:
        self._spacing = max(MIN_LINE_SPACING, float(spacing))
        self.updateGeometry()
        self.update()

    lineSpacing = Property(float, _get_line_spacing, _set_line_spacing)
    """Lines at least this many font sizes apart (from the stylesheet; 1.3 unless set)."""

    def setText(self, text: str) -> None:
        if text == self.text():
            return  # screens set all their texts on every change: keep the layout still
        super().setText(text)
        self.updateGeometry()
        self._schedule_fit_check()

    def updateGeometry(self) -> None:  # Qt's name, overridden
        """Everything that changes the size this label asks for comes through here."""
        self._heights.clear()
        super().updateGeometry()

    # --- size -------------------------------------------------------------------------

    def _margins(self) -> QSize:
        contents = self.contentsRect()
        return QSize(self.width() - contents.width(), self.height() - contents.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self._margins()
        key = (width, margins.width(), margins.height())
        known = self._heights.get(key)
        if known is not None:
            return known
        font = self.font()
        size = wrapped_text.measure(self.text(), font, width - margins.width(), self._spacing)
        one_line = wrapped_text.line_height(font, self._spacing)
        height = int(max(size.height, one_line) + margins.height() + 0.999)
        self._heights[key] = height
        return height

    def sizeHint(self) -> QSize:
        margins = self._margins()
        width = int(wrapped_text.single_line_width(self.text(), self.font()) + 0.999)
        width += margins.width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        margins = self._margins()
        narrowest = wrapped_text.single_line_width if self._unbroken else wrapped_text.widest_word
        width = int(narrowest(self.text(), self.font()) + 0.999)
        height = int(wrapped_text.line_height(self.font(), self._spacing) + 0.999)
        return QSize(width + margins.width(), height + margins.height())

    # --- fit --------------------------------------------------------------------------

    def shown_lines(self) -> int:
        """How many lines the text takes at the label's current width."""
        width = self.contentsRect().width()
        return wrapped_text.measure(self.text(), self.font(), width, self._spacing).lines

    def text_fits(self) -> bool:
        """True when every line of the text shows whole in the label's current size."""
        contents = self.contentsRect()
        size = wrapped_text.measure(self.text(), self.font(), contents.width(), self._spacing)
        return size.fits(contents.width(), contents.height())

    def _schedule_fit_check(self) -> None:
        """Check once the layout has had its turn: a new text or font first changes the
        size the label asks for, and only then the size it gets."""
        if not self._fit_check_pending:
            self._fit_check_pending = True
            QTimer.singleShot(0, self, self._check_fit)

    def _check_fit(self) -> None:
        self._fit_check_pending = False
        if not self.isVisible():
            return
        overflowing = not self.text_fits()
        if overflowing == self._overflowing:
            return
        self._overflowing = overflowing
        if overflowing:
            log.warning("text does not fit its label %r (%dx%d px): %r", self.objectName(),
                        self.width(), self.height(), self.text())
        self.overflowChanged.emit(overflowing)

    # --- events -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit_check()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule_fit_check()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._schedule_fit_check()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        self.drawFrame(painter)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        wrapped_text.draw(painter, QRectF(self.contentsRect()), self.text(), self.font(),
                          self.alignment(), self._spacing)
        painter.end()
