"""How the console makes its controls and keeps their words in the current language.

A control is named (the style sheet and the tests find it by that name), may have a role
the style sheet knows (``heading``, ``muted``, ``notice``, ``primary``) and may wrap its
text. Fixed words (a button's label, a table's accessible name) are given with the control,
as a function that translates them (``text=lambda: self.tr("Call next")``): the control
shows them at once and again whenever the language changes. A panel, strip or window that
says ``retranslate()`` gets it called whenever the language changes (``Retranslating``), for
the words that depend on what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QTableView,
    QWidget,
)

from kiosk.console.branch_names import BranchNames

W = TypeVar("W", bound=QWidget)
Words = Callable[[], str]
"""Fixed words in the current language: ``lambda: self.tr("...")``."""


def named(widget: W, name: str = "", *, role: str = "", wrap: bool = False,
          text: Words | None = None, accessible: Words | None = None) -> W:
    """``widget``, with its object name, its role for the style sheet, text wrapping, and
    its fixed words (shown, and given as its accessible name), kept in the language."""
    if name:
        widget.setObjectName(name)
    if role:
        widget.setProperty("role", role)
    if wrap:
        if not isinstance(widget, QLabel | QListView | QTableView):
            raise TypeError(f"{type(widget).__name__} does not wrap its text")
        widget.setWordWrap(True)
    if text is not None or accessible is not None:
        _FixedWords(widget, text, accessible)
    return widget


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side from the left, the rest of the line left empty: a row of
    buttons or choices."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def refill(combo: QComboBox, choices: Iterable[tuple[str, object]]) -> None:
    """Put ``choices`` (shown words, data) in ``combo``, keeping the chosen one chosen: the
    words change with the language, the choice must not."""
    chosen = combo.currentData()
    combo.clear()
    for words, data in choices:
        combo.addItem(words, data)
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(chosen)))


class _FixedWords(QObject):
    """A control's fixed words, set now and again on every change of language."""

    def __init__(self, widget: QWidget, text: Words | None, accessible: Words | None) -> None:
        super().__init__(widget)
        if text is not None and not isinstance(widget, QLabel | QAbstractButton):
            raise TypeError(f"{type(widget).__name__} shows no text")
        self._text = text
        self._accessible = accessible
        self._say(widget)
        widget.installEventFilter(self)

    def _say(self, widget: QWidget) -> None:
        if self._text is not None and isinstance(widget, QLabel | QAbstractButton):
            widget.setText(self._text())
        if self._accessible is not None:
            widget.setAccessibleName(self._accessible())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QWidget):
            self._say(watched)
        return False


class Retranslating:
    """Put before the Qt class (``class Panel(Retranslating, QWidget)``): ``retranslate()``
    runs when the application's language changes."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this one


class Panel(Retranslating, QWidget):
    """A part of the console's window: named for the style sheet and the tests, speaking of
    the branch's devices, staff and services by their names, in the current language."""

    def __init__(self, name: str, names: BranchNames, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._names = names
