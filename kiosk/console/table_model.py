"""One table model for the console's lists: rows of any value, columns described as data.

Every list on the console (calls, devices, history, figures, logs) is rows of some value
with a few columns of text, an optional colour and emphasis. Rather than one model class
per list, each list describes its columns (a translated header, and how to get a cell's
text, colours and boldness from a row) and this model does the Qt part once, checked with
``qtmodeltester``.

Rows are identified by a key (a call id, a device id): when a new set of rows has the same
keys in the same order, only the cells are refreshed, so the selection and the scroll
position survive the once-a-second updates; otherwise the model is reset and the view
restores the selection by key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from kiosk.console.console_style import Pair

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    text: Callable[[Any], str]
    colours: Callable[[Any], Pair | None] | None = None
    bold: Callable[[Any], bool] | None = None
    right: bool = False  # numbers and durations line up on the right


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], key: Callable[[Any], str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._rows: list[Any] = []
        self._keys: list[str] = []

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            pair = column.colours(row) if column.colours is not None else None
            if pair is None:
                return None
            return QColor(pair.background if role == Qt.ItemDataRole.BackgroundRole
                          else pair.text)
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(self._columns) \
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._columns[section].header()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- the console's side ---------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        keys = [self._key(row) for row in rows]
        if keys == self._keys:
            self._rows = list(rows)
            self.refresh()
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = keys
        self.endResetModel()

    def refresh(self) -> None:
        """Every cell may have changed (time passed, a row flashed): redraw, keep selection."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._columns) - 1))

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        self.refresh()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        """The row with ``key``, or -1."""
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def cell_text(self, row: int, column: int) -> str:
        return self._columns[column].text(self._rows[row])
