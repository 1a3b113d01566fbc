"""The kiosk's button: large, wrapping, forgiving of shaky hands.

A QPushButton is made for a mouse on a desk. For an elderly customer at a touchscreen it
fails in four ways, each fixed here:

- Its text never wraps, so a long translation is cut off. BigButton wraps (never elides)
  and grows to fit; `text_fits()` reports a box too small for its text.
- A finger that slides off while pressing cancels the press. Here a press that began on the
  button still counts when released within the tap tolerance (5 mm) around it.
- A second finger or a resting palm can steal the press (Qt turns only the first touch
  point into a mouse click). BigButton takes touch events itself and follows the one touch
  point that began on it; any others are ignored.
- Enter does nothing outside dialogs. Here Enter, Return and Space all activate, so a
  keypad works; a key held down activates once, not repeatedly.

A long press is an ordinary press: there is no auto-repeat and no timeout.

Sizes come from the stylesheet (`qproperty-targetWidth`, `targetHeight`, `tapTolerance`,
set by the theme from millimetres on the configured screen), colours from its palette, and
the `role` property ("", "nav", "help") picks a colour scheme. The accessible name is the
visible text, so a screen reader says what the eye reads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.ui.widgets import wrapped_text
from kiosk.ui.widgets.symbols import Symbol

BUTTON_ROLES = ("", "nav", "help")
_ACTIVATION_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)
_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)
_SYMBOL_SCALE = 1.6
"""Symbol side as a multiple of the font size (a little more than a line of the text
itself: the space between lines is not the symbol's to take)."""
_ABOVE_GAP = 1 / 8
"""Space between a symbol above the text and the text, as a share of the symbol's side."""


class BigButton(QPushButton):
    """A touch-tolerant push button whose text wraps and whose name is its text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "",
                 description: str = "", symbol: Symbol | None = None) -> None:
        super().__init__(parent)
        self._target_width = 0
        self._target_height = 0
        self._tap_tolerance = 0
        self._touch_id: int | None = None
        self._symbol = symbol
        self._heights: dict[int, int] = {}
        self._lines: dict[int, int] = {}
        """heightForWidth answers since the last change of text, font, style or symbol:
        a layout pass asks the same widths many times."""
        self._side: float | None = None
        self._above = False
        self._hints: dict[str, QSize] = {}
        """The chrome and the size hints since that change, kept for the same reason."""
        self.setAutoRepeat(False)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_role(role)
        self.setText(text)
        if description:
            self.setAccessibleDescription(description)

    # --- text, role, symbol -----------------------------------------------------------

    def setText(self, text: str) -> None:  # Qt's name, overridden
        if text == self.text() and self.accessibleName() == text:
            return  # screens set all their texts on every change: keep the layout still
        super().setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def setIcon(self, icon: QIcon | QPixmap) -> None:  # Qt's name, overridden
        super().setIcon(icon)
        self.updateGeometry()

    def updateGeometry(self) -> None:  # Qt's name, overridden
        """Everything that changes the size this button asks for comes through here."""
        self._heights.clear()
        self._lines.clear()
        self._side = None
        self._hints.clear()
        super().updateGeometry()

    def set_role(self, role: str) -> None:
        """Pick the colour scheme: "" (content), "nav" (Home, Back) or "help"."""
        if role not in BUTTON_ROLES:
            raise ValueError(f"button role must be one of {BUTTON_ROLES}, got {role!r}")
        self.setProperty("role", role)
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    def role(self) -> str:
        return str(self.property("role") or "")

    def set_symbol(self, symbol: Symbol | None) -> None:
        self._symbol = symbol
        self.updateGeometry()
        self.update()

    def set_symbol_above(self, above: bool) -> None:
        """The symbol above the words instead of before them, the words on one line: the
        narrowest this button goes without breaking a word (a strip short of width)."""
        if bool(above) != self._above:
            self._above = bool(above)
            self.updateGeometry()
            self.update()

    def symbol_above(self) -> bool:
        return self._above

    def symbol_above_fits(self) -> bool:
        """With the symbol above, symbol and words fit the target height, the symbol at
        least as tall as the words' font."""
        return self._symbol_side_above() >= self._font_px()

    def symbol_above_width(self) -> int:
        """The width this button takes with its symbol above its words."""
        return self._kept("above", self._above_size).width()

    # --- sizes from the stylesheet ----------------------------------------------------

    def _get_target_width(self) -> int:
        return self._target_width

    def _set_target_width(self, pixels: int) -> None:
        self._target_width = max(0, int(pixels))
        self.updateGeometry()

    def _get_target_height(self) -> int:
        return self._target_height

    def _set_target_height(self, pixels: int) -> None:
        self._target_height = max(0, int(pixels))
        self.updateGeometry()

    def _get_tap_tolerance(self) -> int:
        return self._tap_tolerance

    def _set_tap_tolerance(self, pixels: int) -> None:
        self._tap_tolerance = max(0, int(pixels))

    targetWidth = Property(int, _get_target_width, _set_target_width)
    targetHeight = Property(int, _get_target_height, _set_target_height)
    tapTolerance = Property(int, _get_tap_tolerance, _set_tap_tolerance)

    # --- geometry of the contents -----------------------------------------------------

    def _style_option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _contents_rect(self) -> QRect:
        option = self._style_option()
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)

    def _chrome(self) -> QSize:
        """Border plus padding on both sides, as the stylesheet sets them."""
        return self._kept("chrome", self._measure_chrome)

    def _kept(self, name: str, measure: Callable[[], QSize]) -> QSize:
        known = self._hints.get(name)
        if known is None:
            known = self._hints[name] = measure()
        return QSize(known)

    def _measure_chrome(self) -> QSize:
        self.ensurePolished()
        option = self._style_option()
        option.rect = QRect(0, 0, 1000, 1000)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        return QSize(1000 - inner.width(), 1000 - inner.height())

    def _font_px(self) -> float:
        font = self.font()
        return font.pixelSize() if font.pixelSize() > 0 else self.fontMetrics().height()

    def _symbol_side(self) -> float:
        if self._side is None:
            if self._symbol is None and self.icon().isNull():
                self._side = 0.0
            elif self._above:
                self._side = self._symbol_side_above()
            else:
                self._side = self._font_px() * _SYMBOL_SCALE
        return self._side

    def _symbol_side_above(self) -> float:
        """Above the words the symbol takes what the target height leaves over one line of
        them (and its gap), up to its usual size."""
        room = (self._target_height - self._chrome().height()
                - wrapped_text.line_height(self.font()))
        return max(0.0, min(self._font_px() * _SYMBOL_SCALE, room / (1 + _ABOVE_GAP)))

    def _above_size(self) -> QSize:
        side = self._symbol_side_above()
        chrome = self._chrome()
        words = wrapped_text.one_line_width(self.shown_text(), self.font())
        width = int(max(words, side) + 0.999) + chrome.width()
        line = wrapped_text.line_height(self.font())
        height = int(side * (1 + _ABOVE_GAP) + line + 0.999) + chrome.height()
        return QSize(width, max(self._target_height, height))

    def shown_text(self) -> str:
        """The text as laid out: Home, Back, Help and the strip's other controls keep each
        CJK word whole (their labels are a few words; a broken word reads as two)."""
        text = self.text()
        return wrapped_text.keep_cjk_words(text) if self.role() else text

    def _symbol_gap(self) -> float:
        """Space between symbol and text (none for a symbol without text)."""
        if not self.text():
            return 0.0
        return self._symbol_side() * (_ABOVE_GAP if self._above else 1 / 3)

    def _symbol_room(self) -> float:
        """Width the symbol takes beside the text (none when it is above it)."""
        side = self._symbol_side()
        return side + self._symbol_gap() if side and not self._above else 0.0

    def _symbol_height_room(self) -> float:
        """Height the symbol takes above the text (none when it is beside it)."""
        side = self._symbol_side()
        return side + self._symbol_gap() if side and self._above else 0.0

    def _text_width_in(self, contents_width: float) -> float:
        return contents_width - self._symbol_room()

    def _line_width_in(self, text_width: float) -> float:
        """The width the text's lines are broken at when painted in `text_width` (as much
        as there is; a choice evens its lines out). The number of lines is the same, so
        sizes never ask for it."""
        return text_width

    def text_rect(self) -> QRect:
        """Where the text is painted (the contents minus the symbol), in widget pixels."""
        contents = self._contents_rect()
        width = self._line_width_in(self._text_width_in(contents.width()))
        size = wrapped_text.measure(self.shown_text(), self.font(), width)
        block = size.width + self._symbol_room()
        left = contents.left() + max(0.0, (contents.width() - block) / 2)
        text_left = left + self._symbol_room()
        above = self._symbol_height_room()
        if above:  # symbol and words as one block, centred
            top = contents.top() + max(0.0, (contents.height() - above - size.height) / 2)
            return QRectF(text_left, top + above, min(size.width, width),
                          size.height).toAlignedRect()
        return QRectF(text_left, contents.top(), min(size.width, width),
                      contents.height()).toAlignedRect()

    def text_fits(self) -> bool:
        """True when the whole text shows, wrapped, inside the button's padding."""
        contents = self._contents_rect()
        width = self._text_width_in(contents.width())
        height = contents.height() - self._symbol_height_room()
        return wrapped_text.measure(self.shown_text(), self.font(), width).fits(width, height)

    def shown_lines(self) -> int:
        """How many lines the text takes at the button's current width."""
        return self.lines_at(self.width())

    def lines_at(self, width: int) -> int:
        """How many lines the text takes in a button `width` pixels wide (more than it
        has when a word has to be broken)."""
        known = self._lines.get(width)
        if known is None:
            text_width = self._text_width_in(width - self._chrome().width())
            measured = wrapped_text.measure(self.shown_text(), self.font(), text_width)
            known = measured.lines if measured.words_fit else measured.lines + 1
            self._lines[width] = known
        return known

    # --- size hints -------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        known = self._heights.get(width)
        if known is not None:
            return known
        chrome = self._chrome()
        text_width = self._text_width_in(width - chrome.width())
        font = self.font()
        text = wrapped_text.measure(self.shown_text(), font, text_width)
        inner = max(text.height, wrapped_text.line_height(font), self._symbol_side())
        if self._above:
            inner = self._symbol_height_room() + max(text.height, wrapped_text.line_height(font))
        height = max(self._target_height, int(inner + chrome.height() + 0.999))
        self._heights[width] = height
        return height

    def sizeHint(self) -> QSize:
        return self._kept("size", self._size_hint)

    def _size_hint(self) -> QSize:
        if self._above:
            return self._kept("above", self._above_size)
        if self.role() and self._target_width:
            # Home, Back and Help keep the width the theme gives them, whatever their words
            # (which wrap inside it), so the strip is the same on every screen and panel.
            width = max(self._target_width, self.minimumSizeHint().width())
            return QSize(width, self.heightForWidth(width))
        chrome = self._chrome()
        text_width = wrapped_text.single_line_width(self.shown_text(), self.font())
        width = int(text_width + self._symbol_room() + 0.999)
        width = max(self._target_width, width + chrome.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        if self._above:
            return self._kept("above", self._above_size)
        return self._kept("minimum", self._minimum_size_hint)

    def beside_minimum_width(self) -> int:
        """The narrowest this button goes with its symbol before its words (as usual)."""
        return self._kept("minimum", self._minimum_size_hint).width()

    def _minimum_size_hint(self) -> QSize:
        """With the symbol before the words, whichever way it is shown now (a strip decides
        from this whether the symbol goes above)."""
        chrome = self._chrome()
        if not self._above:
            side, room = self._symbol_side(), self._symbol_room()
        else:
            side = 0.0 if self._symbol is None and self.icon().isNull() else (
                self._font_px() * _SYMBOL_SCALE)
            room = side * (1 + 1 / 3) if side and self.text() else side
        word = wrapped_text.widest_word(self.shown_text(), self.font())
        width = int(word + room + 0.999)
        width = max(self._target_width, width + chrome.width())
        line = max(wrapped_text.line_height(self.font()), side)
        return QSize(width, max(self._target_height, int(line + chrome.height() + 0.999)))

    # --- touch, mouse and keys --------------------------------------------------------

    def hitButton(self, pos: QPoint) -> bool:
        """Mouse presses and releases count within the tap tolerance around the button."""
        tolerance = self._tap_tolerance
        return self.rect().adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(pos)

    def event(self, event: QEvent) -> bool:
        if not isinstance(event, QTouchEvent):  # every event comes here: keep it cheap
            return super().event(event)
        kind = event.type()
        if kind in _TOUCH_EVENTS:
            self._follow_touch(event)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._touch_id = None
            self.setDown(False)
            event.accept()
            return True
        return super().event(event)

    def _follow_touch(self, event: QTouchEvent) -> None:
        """Follow the one touch point that began on the button; ignore all others."""
        for point in event.points():
            position = point.position().toPoint()
            if self._touch_id is None:
                if (point.state() == point.State.Pressed and self.isEnabled()
                        and self.rect().contains(position)):
                    self._touch_id = point.id()
                    self.setDown(True)
                continue
            if point.id() != self._touch_id:
                continue
            within_tolerance = self.hitButton(position)
            if point.state() == point.State.Released:
                self._touch_id = None
                self.setDown(False)
                if within_tolerance and self.isEnabled():
                    self.click()
            elif point.state() == point.State.Updated:
                self.setDown(within_tolerance)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATION_KEYS:
            if not event.isAutoRepeat():
                self.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATION_KEYS:
            event.accept()
            return
        super().keyReleaseEvent(event)

    # --- painting ---------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = self._style_option()
        self.style().drawControl(QStyle.ControlElement.CE_PushButtonBevel, option, painter, self)
        painter.setPen(option.palette.color(QPalette.ColorRole.ButtonText))
        text_rect = self.text_rect()
        contents = self._contents_rect()
        side = self._symbol_side()
        if side:
            if self._above:
                square = QRectF(contents.center().x() - side / 2 + 1,
                                text_rect.top() - self._symbol_gap() - side, side, side)
            else:
                square = QRectF(text_rect.left() - self._symbol_gap() - side,
                                contents.center().y() - side / 2 + 1, side, side)
            if self._symbol is not None:
                self._symbol(painter, square)
            else:
                self.icon().paint(painter, square.toAlignedRect())
        wrapped_text.draw(painter, QRectF(text_rect), self.shown_text(), self.font(),
                          Qt.AlignmentFlag.AlignCenter)
        painter.end()
