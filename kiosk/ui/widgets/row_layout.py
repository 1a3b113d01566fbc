"""What the kiosk's own row layouts share: a list of items, laid out in rows whose heights
come from the items' height for their width (ColumnsLayout, TileGrid)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class RowLayout(QLayout):
    """Items in a list, in rows: a subclass says which items share a row at a width and
    how wide each is (`_placed_rows`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._rows_by_width: dict[int, list[list[tuple[QLayoutItem, int]]]] = {}
        """The rows at each width asked since the layout was last invalidated: a layout
        pass asks a few widths many times (a change of text size asked home's tiles 58
        times, each trying every column count)."""
        self._heights_by_width: dict[int, int] = {}

    def invalidate(self) -> None:  # Qt's name, overridden
        self._rows_by_width.clear()
        self._heights_by_width.clear()
        super().invalidate()

    # --- QLayout's item list --------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # Qt's name, overridden
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:  # Qt's name, overridden
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt's name, overridden
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt's name, overridden
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    # --- what the rows are made of --------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        return max(0, self.spacing())

    @staticmethod
    def _height_at(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return item.heightForWidth(width)
        return item.sizeHint().height()

    def _placed_rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The rows at `width`: each item with the width it gets."""
        raise NotImplementedError

    def _rows_at(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        rows = self._rows_by_width.get(width)
        if rows is None:
            rows = self._rows_by_width[width] = self._placed_rows(width)
        return rows

    def _row_heights(self, width: int) -> list[int]:
        return [max(self._height_at(item, item_width) for item, item_width in row)
                for row in self._rows_at(width)]

    def _margin_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _with_margins(self, width: int, height: int) -> QSize:
        margins = self._margin_size()
        return QSize(width + margins.width(), height + margins.height())

    def _tallest_minimum(self) -> int:
        return max((item.minimumSize().height() for item in self._shown()), default=0)

    # --- height for width -----------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:  # Qt's name, overridden
        return True

    def heightForWidth(self, width: int) -> int:  # Qt's name, overridden
        known = self._heights_by_width.get(width)
        if known is None:
            margins = self._margin_size()
            heights = self._row_heights(width - margins.width())
            known = sum(heights) + self._gap() * max(0, len(heights) - 1) + margins.height()
            self._heights_by_width[width] = known
        return known

    # --- placing ----------------------------------------------------------------------------

    def setGeometry(self, rect: QRect) -> None:  # Qt's name, overridden
        """Row under row, each item at the width it gets, a row as tall as its tallest."""
        super().setGeometry(rect)
        inner = self.contentsRect()
        top = inner.top()
        for row in self._rows_at(inner.width()):
            height = max(self._height_at(item, width) for item, width in row)
            left = inner.left()
            for item, width in row:
                item.setGeometry(QRect(left, top, width, height))
                left += width + self._gap()
            top += height + self._gap()
