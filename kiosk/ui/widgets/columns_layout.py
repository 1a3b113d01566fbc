"""A grid that drops a column when the width per column is too small.

A QGridLayout keeps the columns it was given: four staff names side by side ask for four
times a name's width, and at larger text on a narrow panel that is wider than the panel, so
the screen grows past its edge or under the scroll bar. A ColumnsLayout puts its items in
rows of up to `columns` cells, as many as the width holds while every item keeps its
longest word whole, down to one a row. Each column is as wide as its widest item asks for
(`even`: every column as wide as the widest item, as a keypad's keys are), narrowed
towards the items' longest words when the width is short. It asks its parent only for the
width of its fewest columns, so it does not make a screen wider than the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from kiosk.ui.widgets.row_layout import RowLayout


class ColumnsLayout(RowLayout):
    def __init__(self, columns: int, parent: QWidget | None = None, *,
                 fewest: int = 1, even: bool = False) -> None:
        """Up to ``columns`` cells a row. The layout asks for room for ``fewest`` of them
        side by side (a keypad's three keys; two names, so that a row beside the list
        stacks before the names become one long column) and has fewer only when given less
        than that."""
        super().__init__(parent)
        self._columns = max(1, columns)
        self._fewest = max(1, min(fewest, self._columns))
        self._even = even

    # --- columns ----------------------------------------------------------------------------

    def _widths(self, columns: int) -> tuple[list[int], list[int]]:
        """Each column's least width (its longest word) and the width it asks for."""
        shown = self._shown()
        smallest = [0] * columns
        wanted = [0] * columns
        for position, item in enumerate(shown):
            column = 0 if self._even else position % columns
            smallest[column] = max(smallest[column], item.minimumSize().width())
            wanted[column] = max(wanted[column], item.sizeHint().width())
        if self._even:
            smallest, wanted = [smallest[0]] * columns, [wanted[0]] * columns
        return smallest, wanted

    def _total(self, widths: list[int]) -> int:
        return sum(widths) + self._gap() * max(0, len(widths) - 1)

    def columns_for(self, width: int) -> int:
        """The most columns (up to the preferred number) that hold every item's longest
        word side by side in ``width``."""
        columns = max(1, min(self._columns, len(self._shown())))
        while columns > 1 and self._total(self._widths(columns)[0]) > width:
            columns -= 1
        return columns

    def column_widths(self, width: int) -> list[int]:
        """The columns' widths at ``width``: what each asks for, or, short of room, the
        room shared out in proportion to what each could give up."""
        smallest, wanted = self._widths(self.columns_for(width))
        if self._total(wanted) <= width:
            return wanted
        room = width - self._total(smallest)
        slack = sum(wanted) - sum(smallest)
        if room <= 0 or slack <= 0:
            return smallest
        return [low + (high - low) * room // slack
                for low, high in zip(smallest, wanted, strict=True)]

    def _rows(self, width: int) -> tuple[list[int], list[list[QLayoutItem]]]:
        widths = self.column_widths(width)
        shown = self._shown()
        columns = len(widths)
        return widths, [shown[i:i + columns] for i in range(0, len(shown), columns)]

    # --- sizes ------------------------------------------------------------------------------

    def _placed_rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        widths, rows = self._rows(width)
        return [[(item, widths[column]) for column, item in enumerate(row)] for row in rows]

    def expandingDirections(self) -> Qt.Orientation:  # Qt's name, overridden
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:  # Qt's name, overridden
        """All the columns, each as wide as it asks."""
        columns = max(1, min(self._columns, len(self._shown())))
        width = self._total(self._widths(columns)[1]) + self._margin_size().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # Qt's name, overridden
        """The fewest columns at their longest words, one row tall (the height for the
        width actually given comes from `heightForWidth`)."""
        columns = max(1, min(self._fewest, len(self._shown())))
        return self._with_margins(self._total(self._widths(columns)[0]),
                                  self._tallest_minimum())
