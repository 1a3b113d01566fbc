"""One table model for the console's lists: rows of any value, columns described as data.

Every list on the console (calls, devices, history, figures, logs) is rows of some value
with a few columns of text, an optional colour and emphasis. Rather than one model class
per list, each list describes its columns (a translated header, and how to get a cell's
text, colours and boldness from a row) and this model does the Qt part once, checked with
``qtmodeltester``.

Rows are identified by a key (a call id, a device id). A new set of rows is applied as the
change it is, never as a reset: rows whose key went are removed, rows that moved are moved,
new keys are inserted, and only the rows whose cells read differently are redrawn. So a new
help call inserts its row and paints it, the selection and the scroll position stay, and a
view never lays out the whole table again because one call changed. Each row's cells are
worked out once, when the rows are set, not on every paint.
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
class Cell:
    """What one cell shows, worked out from its row once."""

    text: str
    colours: Pair | None
    bold: bool


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    text: Callable[[Any], str]
    colours: Callable[[Any], Pair | None] | None = None
    bold: Callable[[Any], bool] | None = None
    right: bool = False  # numbers and durations line up on the right


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], key: Callable[[Any], str],
                 parent: Any = None, *, rows_alone: bool = False) -> None:
        """``rows_alone``: a row's cells follow from the row alone (and the language), not
        from the time or anything else, so a row equal to the one shown is not worked out
        again when the rows are set (a day's history does not all change with one call)."""
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._rows_alone = rows_alone
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._cells: list[tuple[Cell, ...]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._columns):
            return None
        cell = self._cells[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return cell.text
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if cell.colours is None:
                return None
            return QColor(cell.colours.background if role == Qt.ItemDataRole.BackgroundRole
                          else cell.colours.text)
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return self._bold
        column = self._columns[index.column()]
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
        """Show ``rows`` (keys unique): removed, moved and inserted rows are signalled as
        such, and only rows whose cells changed are redrawn."""
        keys = [self._key(row) for row in rows]
        wanted = set(keys)
        if len(wanted) != len(keys):  # rows that cannot be told apart: show them afresh
            self.beginResetModel()
            self._rows, self._keys = list(rows), keys
            self._cells = [self._row_cells(row) for row in rows]
            self.endResetModel()
            return
        end = len(self._keys)
        while end > 0:  # runs of rows that went, from the bottom up
            if self._keys[end - 1] in wanted:
                end -= 1
                continue
            start = end - 1
            while start > 0 and self._keys[start - 1] not in wanted:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            del self._rows[start:end], self._keys[start:end], self._cells[start:end]
            self.endRemoveRows()
            end = start
        staying = set(self._keys)
        kept_order = [key for key in keys if key in staying]
        if kept_order != self._keys:
            self._reorder(kept_order)
        start = 0
        while start < len(keys):  # runs of new rows, from the top down
            if keys[start] in staying:
                start += 1
                continue
            end = start + 1
            while end < len(keys) and keys[end] not in staying:
                end += 1
            self.beginInsertRows(QModelIndex(), start, end - 1)
            self._keys[start:start] = keys[start:end]
            self._rows[start:start] = rows[start:end]
            self._cells[start:start] = [self._row_cells(row) for row in rows[start:end]]
            self.endInsertRows()
            start = end
        self._update(rows, again=not self._rows_alone)

    def _reorder(self, order: list[str]) -> None:
        """The rows that stay, in a new order: a layout change that keeps the selection."""
        self.layoutAboutToBeChanged.emit()
        old_position = {key: position for position, key in enumerate(self._keys)}
        moved = [old_position[key] for key in order]
        new_position = {old: new for new, old in enumerate(moved)}
        before = self.persistentIndexList()
        after = [self.index(new_position[i.row()], i.column()) if i.row() in new_position
                 else QModelIndex() for i in before]
        self._keys = list(order)
        self._rows = [self._rows[old] for old in moved]
        self._cells = [self._cells[old] for old in moved]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _update(self, rows: Sequence[Any], again: bool = True) -> None:
        """Take the rows' new values and redraw the rows that read differently; ``again``:
        work out the cells of a row equal to the one shown too."""
        last = len(self._columns) - 1
        for position, row in enumerate(rows):
            if not again and row == self._rows[position]:
                continue
            self._rows[position] = row
            cells = self._row_cells(row)
            if cells != self._cells[position]:
                self._cells[position] = cells
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def _row_cells(self, row: Any) -> tuple[Cell, ...]:
        return tuple(Cell(column.text(row),
                          column.colours(row) if column.colours is not None else None,
                          column.bold is not None and column.bold(row))
                     for column in self._columns)

    def refresh(self) -> None:
        """Work every cell out again (time passed, the language changed) and redraw those
        that read differently."""
        self._update(self._rows)

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
        return self._cells[row][column].text
