"""Which widgets of a window the screen check looks at, and where they are.

Controls are what a finger or a keypad acts on (buttons, fields, sliders); text widgets
are everything showing words. A widget inside a control (the line edit of a combo box) is
part of that control, not one of its own. Only what a customer could see counts: hidden
widgets, zero-sized ones and those scrolled or clipped entirely out of view are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

CONTROL_TYPES: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSlider, QAbstractSpinBox,
)
_NAME_TEXT_LENGTH = 24


@dataclass(frozen=True)
class Item:
    widget: QWidget
    name: str
    """How findings name the widget."""
    rect: QRect
    """The widget's rectangle in window coordinates."""
    text: str
    """The text it shows ("" for none)."""
    is_control: bool
    is_picture: bool = False
    """A picture without words (a QR code, an image): only its place is checked."""
    scrolled: bool = False
    """Partly scrolled out of a scroll area that can scroll: `rect` is the part in view,
    and the rest is a scroll away, not cut off."""

    @property
    def whole_size(self) -> QSize:
        """Its size once scrolled to: all of it, not just the part now in view."""
        return self.widget.size() if self.scrolled else self.rect.size()


def describe(widget: QWidget, text: str = "") -> str:
    """The object name if it has one, else the class and the start of its text."""
    if widget.objectName():
        return widget.objectName()
    if text:
        short = text if len(text) <= _NAME_TEXT_LENGTH else text[:_NAME_TEXT_LENGTH] + "~"
        return f"{type(widget).__name__} {short!r}"
    return type(widget).__name__


def visible_text(widget: QWidget) -> str:
    """The words the widget shows, as a customer reads them."""
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        return "" if pixmap is not None and not pixmap.isNull() else widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def push_button_contents(button: QPushButton) -> QRect:
    """The part of a push button inside its border and padding, where its text goes."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                         button)


def _inside_control(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, CONTROL_TYPES):
            return True
        parent = parent.parentWidget()
    return False


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def is_picture(widget: QWidget) -> bool:
    """A label showing an image, or a widget that says it is a picture (property
    ``picture``, as the ticket's QR code does)."""
    if bool(widget.property("picture")):
        return True
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        return pixmap is not None and not pixmap.isNull()
    return False


def _scroll_view(widget: QWidget, window: QWidget) -> QRect | None:
    """The part of the window in view through every scroll area around `widget` that can
    scroll up and down (by its bar, or by dragging and buttons of the screen's own), or
    None when no such area holds it."""
    view: QRect | None = None
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport() \
                and area.verticalScrollBar().maximum() > 0:
            port = window_rect(parent, window)
            view = port if view is None else view.intersected(port)
        parent = area
    return view


def inventory(window: QWidget) -> list[Item]:
    """Every visible control, text and picture widget of `window`, in creation order."""
    items: list[Item] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0 or widget.height() <= 0:
            continue
        if widget.visibleRegion().isEmpty() or _inside_control(widget, window):
            continue
        text = visible_text(widget).strip()
        control = isinstance(widget, CONTROL_TYPES)
        picture = not control and not text and is_picture(widget)
        if control or text or picture:
            rect = window_rect(widget, window)
            view = _scroll_view(widget, window)
            scrolled = view is not None and not view.contains(rect)
            if scrolled and view is not None:
                rect = rect.intersected(view)
            items.append(Item(widget, describe(widget, text), rect, text, control, picture,
                              scrolled))
    return items
