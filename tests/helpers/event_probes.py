"""Watching the events Qt delivers to widgets: how many of a kind, and in what order with
other things a test records."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class EventCount(QObject):
    """Counts the events of one kind that reach the watched widgets (a style change: a
    stylesheet set again; a paint). When ``order`` is given, each one also writes
    ``label`` there, beside what the test records itself ("spoken", "sent")."""

    def __init__(self, kind: QEvent.Type, *widgets: QObject, order: list[str] | None = None,
                 label: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.count = 0
        self._order = order
        self._label = label or kind.name
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == self.kind:
            self.count += 1
            if self._order is not None:
                self._order.append(self._label)
        return False

    def remove(self) -> None:
        for widget in self._widgets:
            widget.removeEventFilter(self)
