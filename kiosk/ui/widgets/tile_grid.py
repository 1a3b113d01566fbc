"""Tiles in even rows that fill the width: home's four, one row of four on a wide panel.

A grid of fixed columns leaves what it does not need empty: home's two columns of tiles
left the right third of a 1920 px panel bare. A TileGrid puts its tiles in as many columns
as keep every tile's words to `most_lines` lines (four, then two, then one, for four tiles:
rows are never uneven) and shares the whole width between the columns. A tile never gets
wider than its maximum width (the stylesheet's ``max-width``, which keeps it smaller than
Help): where that is less than its column, the row keeps to the left.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.row_layout import RowLayout


class TileGrid(RowLayout):
    def __init__(self, most_columns: int, parent: QWidget | None = None, *,
                 most_lines: int = 2) -> None:
        super().__init__(parent)
        self._most = max(1, most_columns)
        self._most_lines = max(1, most_lines)

    # --- columns ----------------------------------------------------------------------------

    def _column_width(self, width: int, columns: int) -> int:
        return max(0, (width - self._gap() * (columns - 1)) // columns)

    def _counts(self, tiles: int) -> list[int]:
        """Column counts to try, most first, each giving rows of equal length."""
        return [n for n in range(min(self._most, tiles), 0, -1) if n == 1 or tiles % n == 0]

    def _fits(self, item: QLayoutItem, width: int) -> bool:
        tile = item.widget()
        width = min(width, item.maximumSize().width())
        if width < item.minimumSize().width():
            return False
        return not isinstance(tile, BigButton) or tile.lines_at(width) <= self._most_lines

    def columns_for(self, width: int) -> int:
        """The most columns whose width keeps every tile's words whole and within its
        lines."""
        shown = self._shown()
        for columns in self._counts(len(shown)):
            column = self._column_width(width, columns)
            if all(self._fits(item, column) for item in shown):
                return columns
        return 1

    def _rows(self, width: int) -> tuple[int, list[list[QLayoutItem]]]:
        shown = self._shown()
        columns = self.columns_for(width)
        return (self._column_width(width, columns),
                [shown[i:i + columns] for i in range(0, len(shown), columns)])

    @staticmethod
    def _tile_width(item: QLayoutItem, column: int) -> int:
        return max(item.minimumSize().width(), min(column, item.maximumSize().width()))

    def _placed_rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        column, rows = self._rows(width)
        return [[(item, self._tile_width(item, column)) for item in row] for row in rows]

    def expandingDirections(self) -> Qt.Orientation:  # Qt's name, overridden
        return Qt.Orientation.Horizontal

    def sizeHint(self) -> QSize:  # Qt's name, overridden
        """One column of tiles at the width they ask for (the layout takes what it is
        given; asking for a row of them would make a narrow screen wider than its panel)."""
        width = max((item.sizeHint().width() for item in self._shown()), default=0)
        width += self._margin_size().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # Qt's name, overridden
        width = max((item.minimumSize().width() for item in self._shown()), default=0)
        return self._with_margins(width, self._tallest_minimum())
