"""Drawing a window offscreen at the kiosk's real resolution, to a picture.

Two users: the accessibility audit, which measures colours and sizes in the pixels a
customer would see, and the "render every screen" command, whose PNGs a person looks at
before calling a screen done. Both need the window laid out exactly as on the kiosk
(1920x1080 by default, whatever the offscreen platform's own screen is), polished with the
current stylesheet, and painted, without ever appearing on a real display.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

DEFAULT_SIZE = (1920, 1080)


@contextmanager
def shown_at(window: QWidget, size: tuple[int, int] = DEFAULT_SIZE) -> Iterator[QWidget]:
    """`window` shown, laid out at `size` and (if possible) active; never on a real display.

    On the offscreen platform the window is simply shown, so it can be activated and take
    keyboard focus (the audit needs a focused control to see its focus ring), and it stays
    shown: that platform cannot activate a window again once it has been hidden, and nothing
    appears anyway. On a real display a hidden window is shown "not on screen", which lays
    it out and paints it but cannot focus it, and is hidden again afterwards.
    """
    invisible = not window.isVisible() and QGuiApplication.platformName() != "offscreen"
    if invisible:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(QSize(*size))
    window.show()
    if not invisible:
        window.activateWindow()
    settle(window)
    try:
        yield window
    finally:
        if invisible:
            window.hide()
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)


def settle(window: QWidget) -> None:
    """Let pending polish, layout and resize events run so geometry is final."""
    window.ensurePolished()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    QApplication.processEvents()
    QApplication.sendPostedEvents()


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scrolled area that holds ``widget`` so that it shows, as a customer
    scrolls to a control below the fold before touching it."""
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and content is not None \
                and content.isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
        parent = parent.parentWidget()


def capture(window: QWidget, size: tuple[int, int] = DEFAULT_SIZE) -> QImage:
    """The window as a customer who has not touched it yet sees it at `size`: 32-bit RGB,
    with no control focused (a focus ring belongs to a keypad user's picture)."""
    with shown_at(window, size), unfocused(window):
        return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@contextmanager
def unfocused(window: QWidget) -> Iterator[QWidget | None]:
    """No control of `window` focused inside the block; focus goes back afterwards.

    Yields the widget that had focus (None if no widget of this window had it).
    """
    focused = QApplication.focusWidget()
    if focused is not None and not window.isAncestorOf(focused):
        focused = None
    if focused is not None:
        focused.clearFocus()
        settle(window)
    try:
        yield focused
    finally:
        if focused is not None:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)


def render_to_png(widget: QWidget, path: str | Path,
                  size: tuple[int, int] = DEFAULT_SIZE) -> Path:
    """Render `widget` offscreen at `size` to a PNG file; returns the path written."""
    return save_png(capture(widget, size), path)


def save_png(image: QImage, path: str | Path) -> Path:
    """Write `image` to a PNG file (its folder made if need be); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The stubs say the format is bytes; PySide6 6.11 accepts only str at run time.
    if not image.save(str(target), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {target}")
    return target
