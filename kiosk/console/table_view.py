"""A read-only table for a ``RowsModel``: whole rows selected, selection kept by key."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kiosk.console.console_style import FOCUS
from kiosk.console.table_model import KEY_ROLE, RowsModel


class RowsTable(QTableView):
    def __init__(self, model: RowsModel, object_name: str,
                 parent: QWidget | None = None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setModel(model)
        self._model = model
        self._kept_key: str | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._wrap = wrap
        self.setWordWrap(wrap)
        if wrap:  # wrapped text needs its rows re-measured whenever a column changes width
            self.horizontalHeader().sectionResized.connect(
                lambda *_: self.resizeRowsToContents())
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setTabKeyNavigation(False)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        if wrap:  # a new or changed row is measured alone: the others keep their height
            model.rowsInserted.connect(lambda _parent, first, last: self._measure(first, last))
            model.dataChanged.connect(lambda top, bottom, *_: self._measure(top.row(),
                                                                            bottom.row()))

    def _measure(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def paint_now(self) -> None:
        """Lay out what changed and paint it now, not when the event loop next gets round to
        it."""
        self.doItemsLayout()
        self.viewport().repaint()

    def stretch_columns(self, *columns: int) -> None:
        """Share the width left over among ``columns`` (their text wraps); the others keep
        their text's width."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def selected_key(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        key = rows[0].data(KEY_ROLE)
        return key if isinstance(key, str) else None

    def select_key(self, key: str | None) -> bool:
        row = -1 if key is None else self._model.row_of(key)
        if row < 0:
            self.clearSelection()
            return False
        self.selectRow(row)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._wrap:  # the columns follow the width once Qt has laid them out
            QTimer.singleShot(0, self.resizeRowsToContents)

    def _remember_selection(self) -> None:
        self._kept_key = self.selected_key()

    def _restore_selection(self) -> None:
        key, self._kept_key = self._kept_key, None
        if key is not None:
            self.select_key(key)
        if self._wrap:
            self.resizeRowsToContents()


class KeepColoursDelegate(QStyledItemDelegate):
    """Draws a selected row in its own colours, framed above and below, instead of the
    selection colour: on the help calls, red must stay red when the row is selected."""

    FRAME_PX = 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        if selected:
            rect = option.rect
            colour = QColor(FOCUS)
            painter.fillRect(rect.left(), rect.top(), rect.width(), self.FRAME_PX, colour)
            painter.fillRect(rect.left(), rect.bottom() - self.FRAME_PX + 1, rect.width(),
                             self.FRAME_PX, colour)
