"""How the console makes its controls and keeps their words in the current language.

A control is named (the style sheet and the tests find it by that name), may have a role
the style sheet knows (``heading``, ``muted``, ``notice``, ``primary``) and may wrap its
text. A panel, strip or window that says ``retranslate()`` gets it called whenever the
application's language changes (``Retranslating``), so no panel repeats that.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QListView, QTableView, QWidget

from kiosk.console.branch_names import BranchNames

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str = "", *, role: str = "", wrap: bool = False) -> W:
    """``widget``, with its object name, its role for the style sheet and text wrapping."""
    if name:
        widget.setObjectName(name)
    if role:
        widget.setProperty("role", role)
    if wrap:
        if not isinstance(widget, QLabel | QListView | QTableView):
            raise TypeError(f"{type(widget).__name__} does not wrap its text")
        widget.setWordWrap(True)
    return widget


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
