"""The waiting tickets as a tree: each service this desk serves, and its tickets in call order.

The order under a service is the hub's call order (the elderly priority interleave), so the
first ticket under a service is the next one "Call next" will bring for it. Priority tickets
say so in words and in bold, not only by colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import duration_text
from kiosk.protocol.ticket_messages import QueueState, WaitingTicket

CONTEXT = "QueueTree"
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of a service row; a ticket row carries its service's row + 1


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


@dataclass(frozen=True)
class ServiceGroup:
    service_id: str
    tickets: tuple[WaitingTicket, ...]

    @property
    def priority_count(self) -> int:
        return sum(1 for t in self.tickets if t.priority)


class QueueTreeModel(QAbstractItemModel):
    COLUMNS = 3

    def __init__(self, names: BranchNames, service_ids: list[str],
                 clock: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._service_ids = list(service_ids)
        self._clock = clock
        self._groups = [ServiceGroup(s, ()) for s in self._service_ids]

    def set_queue(self, state: QueueState | None) -> None:
        waiting = state.waiting if state is not None else ()
        groups = [ServiceGroup(s, tuple(t for t in waiting if t.service_id == s))
                  for s in self._service_ids]
        if [g.tickets for g in groups] == [g.tickets for g in self._groups]:
            self.refresh()
            return
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    def refresh(self) -> None:
        """Waiting times moved on: redraw every row without losing the selection."""
        for row, group in enumerate(self._groups):
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
            if group.tickets:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(group.tickets) - 1, self.COLUMNS - 1,
                                                 parent))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        self.refresh()

    def groups(self) -> list[ServiceGroup]:
        return list(self._groups)

    def ticket_at(self, index: Index) -> WaitingTicket | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        group = self._groups[index.internalId() - 1]
        return group.tickets[index.row()] if index.row() < len(group.tickets) else None

    # --- Qt -------------------------------------------------------------------------------

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].tickets)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or \
                role != Qt.ItemDataRole.DisplayRole or not 0 <= section < self.COLUMNS:
            return None
        return (_tr(QT_TRANSLATE_NOOP("QueueTree", "Service / ticket")),
                _tr(QT_TRANSLATE_NOOP("QueueTree", "Priority")),
                _tr(QT_TRANSLATE_NOOP("QueueTree", "Waiting")))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            if not 0 <= index.row() < len(self._groups):
                return None
            return self._service_data(self._groups[index.row()], index.column(), role)
        ticket = self.ticket_at(index)
        return None if ticket is None else self._ticket_data(ticket, index.column(), role)

    def _service_data(self, group: ServiceGroup, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                #: {service}: a service's name; {count}: tickets waiting for it.
                return _tr(QT_TRANSLATE_NOOP("QueueTree", "{service}: {count} waiting")).format(
                    service=self._names.service(group.service_id), count=len(group.tickets))
            if column == 1 and group.priority_count:
                return _tr(QT_TRANSLATE_NOOP("QueueTree", "{count} priority")).format(
                    count=group.priority_count)
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _ticket_data(self, ticket: WaitingTicket, column: int, role: int) -> Any:
        if role == NUMBER_ROLE:
            return ticket.number
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return ticket.number
            if column == 1:
                return _tr(QT_TRANSLATE_NOOP("QueueTree", "★ Priority (elderly)")) \
                    if ticket.priority else ""
            return duration_text(max(0.0, self._clock() - ticket.issued_at))
        if role == Qt.ItemDataRole.FontRole and ticket.priority:
            font = QFont()
            font.setBold(True)
            return font
        return None
