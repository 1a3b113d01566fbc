"""Speaking the focused control, for a customer who cannot see the screen (ADA 707.5).

When focus moves (Tab, arrow keys, the USB keypad), the new control's accessible name and
its role are spoken: "取号，按钮" / "Take a ticket, button". The announcement goes on the
"focus" channel at high priority: the next move replaces it at once, and it cuts in between
the sentences of a screen being read (which then resumes).

Never spoken: a widget marked private (dynamic property ``speech_private=True``) or inside
one, and any password-style line edit. PIN entry is marked private as a whole, so neither
the field nor the keys of its keypad are announced to the people standing behind the
customer (EN 301 549 5.1.3.8).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Slot
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kiosk.speech.api import Priority, Speaker

PRIVATE_PROPERTY = "speech_private"
FOCUS_CHANNEL = "focus"
_CONTEXT = "FocusReader"

_Role = QAccessible.Role
ROLE_WORDS: dict[QAccessible.Role, object] = {
    _Role.Button: QT_TRANSLATE_NOOP("FocusReader", "button"),
    _Role.CheckBox: QT_TRANSLATE_NOOP("FocusReader", "check box"),
    _Role.RadioButton: QT_TRANSLATE_NOOP("FocusReader", "option"),
    _Role.EditableText: QT_TRANSLATE_NOOP("FocusReader", "text field"),
    _Role.ComboBox: QT_TRANSLATE_NOOP("FocusReader", "list of choices"),
    _Role.Slider: QT_TRANSLATE_NOOP("FocusReader", "slider"),
    _Role.SpinBox: QT_TRANSLATE_NOOP("FocusReader", "number field"),
    _Role.List: QT_TRANSLATE_NOOP("FocusReader", "list"),
    _Role.ListItem: QT_TRANSLATE_NOOP("FocusReader", "list item"),
    _Role.PageTab: QT_TRANSLATE_NOOP("FocusReader", "tab"),
    _Role.Link: QT_TRANSLATE_NOOP("FocusReader", "link"),
    _Role.MenuItem: QT_TRANSLATE_NOOP("FocusReader", "menu item"),
    _Role.StaticText: QT_TRANSLATE_NOOP("FocusReader", "text"),
}


def is_private(widget: QWidget) -> bool:
    """True if `widget` or any widget containing it must never be spoken."""
    current: QWidget | None = widget
    while current is not None:
        if current.property(PRIVATE_PROPERTY) is True:
            return True
        if isinstance(current, QLineEdit) and current.echoMode() != QLineEdit.EchoMode.Normal:
            return True
        current = current.parentWidget()
    return False


def mark_private(widget: QWidget, private: bool = True) -> None:
    widget.setProperty(PRIVATE_PROPERTY, private)


class FocusReader(QObject):
    def __init__(self, app: QApplication, speaker: Speaker, language: Callable[[], str], *,
                 enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._language = language
        self._enabled = enabled
        self._app = app
        app.focusChanged.connect(self._focus_changed)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled

    def detach(self) -> None:
        self._app.focusChanged.disconnect(self._focus_changed)

    def describe(self, widget: QWidget | None) -> str | None:
        """What is said for `widget`: name and role word, or None if nothing may be said."""
        if widget is None or is_private(widget):
            return None
        interface = QAccessible.queryAccessibleInterface(widget)
        name = widget.accessibleName().strip()
        role_word = ""
        if interface is not None:
            name = name or interface.text(QAccessible.Text.Name).strip()
            source = ROLE_WORDS.get(interface.role())
            role_word = QCoreApplication.translate(_CONTEXT, str(source)) if source else ""
        if not name and not role_word:
            return None
        separator = "，" if self._language().startswith("zh") else ", "
        return separator.join(part for part in (name, role_word) if part)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not self._enabled:
            return
        text = self.describe(new)
        if text is not None:
            self._speaker.say(text, self._language(), Priority.HIGH, channel=FOCUS_CHANNEL)
