"""A list of large choices shown as many as fit, the rest on further pages.

Services, categories and questions come from the branch's configuration and content files:
how many there are, and how long their words are in each language, is not known when the
screen is designed. A scrolling list would hide choices below the edge, where an elderly
customer does not look for them, and would cut the last visible one in half. So the choices
are laid out in rows, as many whole rows as the space holds at the current text size, and
the rest go to further pages, reached by "More choices" and "Previous choices" with the page
number said in words ("Page 1 of 2").

The buttons are placed by hand, not by a layout: the space this widget is given never
depends on which choices are on the current page, so paging cannot make the screen jump.
Each choice keeps its own compact size (`ChoiceButton`), so none grows larger than Help.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.customer.choice_button import ChoiceButton
from kiosk.ui.widgets import BigButton, BigLabel
from kiosk.ui.widgets.symbols import Symbol


@dataclass(frozen=True)
class Choice:
    text: str
    note: str = ""
    """One plain line shown under the choice (not part of the button, so the button stays
    compact), read after it; also the button's accessible description."""
    symbol: Symbol | None = None


class ChoicePages(QWidget):
    chosen = Signal(int)
    """The index (in the list given to `set_choices`) of the choice pressed."""
    pageChanged = Signal()

    def __init__(self, name: str, *, columns: int = 2, tile: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._name = name
        self._columns = max(1, columns)
        self._preferred_columns = self._columns
        self._tile = tile
        self._gap = 0
        self._page = 0
        self._pages: list[list[int]] = [[]]
        self.buttons: list[ChoiceButton] = []
        self.notes: list[BigLabel] = []
        self.previous_button = BigButton(parent=self)
        self.previous_button.setObjectName(f"{name}_previous")
        self.next_button = BigButton(parent=self)
        self.next_button.setObjectName(f"{name}_next")
        self.page_label = BigLabel(parent=self)
        self.page_label.setObjectName(f"{name}_page")
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pager_texts = ("", "", "Page {page} of {count}")

    # --- content ------------------------------------------------------------------------

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Show these choices from the first page (a new list: a new category, say)."""
        while len(self.buttons) > len(choices):
            for gone in (self.buttons.pop(), self.notes.pop()):
                gone.hide()  # deleted later, at the event loop's turn: out of sight now
                gone.deleteLater()
        while len(self.buttons) < len(choices):
            index = len(self.buttons)
            button = ChoiceButton(parent=self)
            button.setObjectName(f"{self._name}_{index}")
            button.setProperty("tile", self._tile)
            # Its words are the branch's content, of any length: see the audit's Help rule.
            button.setProperty("content_choice", True)
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            self.buttons.append(button)
            note = BigLabel(parent=self)
            note.setObjectName(f"{self._name}_{index}_note")
            self.notes.append(note)
        for button, note, choice in zip(self.buttons, self.notes, choices, strict=True):
            button.setText(choice.text)
            button.setAccessibleDescription(choice.note)
            button.set_symbol(choice.symbol)
            note.setText(choice.note)
        self._page = 0
        self.updateGeometry()  # the room one row needs (minimumSizeHint) changed
        self._place()

    def set_pager_texts(self, previous: str, following: str, page_of: str) -> None:
        """The pager's words, translated: ``page_of`` has {page} and {count}."""
        self._pager_texts = (previous, following, page_of)
        self.previous_button.setText(previous)
        self.next_button.setText(following)
        self._place()

    def set_gap(self, pixels: int) -> None:
        self._gap = max(0, int(pixels))
        self.updateGeometry()
        self._place()

    # --- pages ----------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def show_page(self, page: int) -> None:
        page = max(0, min(page, len(self._pages) - 1))
        if page != self._page:
            self._page = page
            self._place()
            self.pageChanged.emit()

    def shown_buttons(self) -> list[ChoiceButton]:
        """The choices on the current page, in reading order."""
        return [self.buttons[i] for i in self._pages[self._page] if i < len(self.buttons)]

    def shown_texts(self) -> list[str]:
        """What the current page says: each choice and its note, then which page it is."""
        texts: list[str] = []
        for index in self._pages[self._page]:
            if index < len(self.buttons):
                texts.extend(t for t in (self.buttons[index].text(), self.notes[index].text())
                             if t)
        if not self.page_label.isHidden() and self.page_label.text():
            texts.append(self.page_label.text())
        return texts

    # --- placing --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        """Room for the tallest choice and the pager under it: less, and a page could not
        hold even one row, so the screen scrolls instead."""
        if not self.buttons:
            return QSize(0, 0)
        columns, self._columns = self._columns, self._preferred_columns
        try:
            tallest = self._tallest_row()
        finally:
            self._columns = columns
        return QSize(0, tallest + self._gap + self._pager_height())

    def _tallest_row(self) -> int:
        return max(self._cell_height(i, self._natural_width(i))
                   for i in range(len(self.buttons)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place()

    def _column_width(self) -> int:
        """The widest a column may be: the width shared equally."""
        return max(1, (self.width() - self._gap * (self._columns - 1)) // self._columns)

    def _natural_width(self, index: int) -> int:
        button = self.buttons[index]
        return max(button.minimumSizeHint().width(),
                   min(button.sizeHint().width(), self._column_width()))

    def _cell_height(self, index: int, width: int) -> int:
        """The button at ``width``, and its note under it (if it has one)."""
        height = self.buttons[index].heightForWidth(width)
        note = self.notes[index]
        if note.text():
            height += self._gap // 2 + note.heightForWidth(width)
        return height

    def _rows(self) -> list[list[int]]:
        indices = list(range(len(self.buttons)))
        return [indices[i:i + self._columns] for i in range(0, len(indices), self._columns)]

    def _pager_height(self) -> int:
        heights = [self.previous_button.heightForWidth(self.previous_button.sizeHint().width()),
                   self.next_button.heightForWidth(self.next_button.sizeHint().width())]
        return max(heights)

    def _paginate(self) -> list[list[int]]:
        """Whole rows per page; with more than one page, room is kept for the pager."""
        rows = self._rows()
        heights = [max(self._cell_height(i, self._natural_width(i)) for i in row)
                   for row in rows]
        total = sum(heights) + self._gap * max(0, len(rows) - 1)
        if total <= self.height() or not rows:
            return [[i for row in rows for i in row]]
        room = self.height() - self._pager_height() - self._gap
        pages: list[list[int]] = [[]]
        used = 0
        for row, height in zip(rows, heights, strict=True):
            needed = height + (self._gap if pages[-1] else 0)
            if pages[-1] and used + needed > room:
                pages.append([])
                used, needed = 0, height
            pages[-1].extend(row)
            used += needed
        return pages

    def _fits_columns(self, columns: int) -> bool:
        """Every choice keeps its whole words in a column when there are this many."""
        width = (self.width() - self._gap * (columns - 1)) // columns
        return all(button.minimumSizeHint().width() <= width for button in self.buttons)

    def _fill_before_paging(self) -> list[list[int]]:
        """The pages with the preferred number of columns, or with more columns when that
        needs fewer pages or shows more on the first: the width is used up before anything
        goes to another page."""
        self._columns = self._preferred_columns
        best = (self._paginate(), self._columns)
        for columns in range(self._preferred_columns + 1, len(self.buttons) + 1):
            if len(best[0]) == 1 or not self._fits_columns(columns):
                break
            self._columns = columns
            if self._tallest_row() > self.height() - self._pager_height() - self._gap:
                break  # narrower columns, taller rows: one would no longer fit a page
            pages = self._paginate()
            if (len(pages), -len(pages[0])) < (len(best[0]), -len(best[0][0])):
                best = (pages, columns)
        self._columns = best[1]
        return best[0]

    def _place(self) -> None:
        """Lay the current page out: each button at its own compact width (never wider than
        its column's share), columns side by side from the left as wide as their widest
        button, rows from the top."""
        if self.width() <= 0 or self.height() <= 0:
            return
        self._pages = self._fill_before_paging()
        self._page = min(self._page, len(self._pages) - 1)
        page = self._pages[self._page]
        widths = [0] * self._columns
        for position, index in enumerate(page):
            column = position % self._columns
            widths[column] = max(widths[column], self._natural_width(index))
        lefts = [sum(widths[:column]) + self._gap * column for column in range(self._columns)]
        top = 0
        for start in range(0, len(page), self._columns):
            row = page[start:start + self._columns]
            row_height = 0
            for column, index in enumerate(row):
                width = self._natural_width(index)
                height = self.buttons[index].heightForWidth(width)
                self.buttons[index].setGeometry(QRect(lefts[column], top, width, height))
                note = self.notes[index]
                if note.text():
                    note_top = top + height + self._gap // 2
                    note.setGeometry(QRect(lefts[column], note_top, width,
                                           note.heightForWidth(width)))
                row_height = max(row_height, self._cell_height(index, width))
            top += row_height + self._gap
        shown = set(page)
        for index, button in enumerate(self.buttons):
            button.setVisible(index in shown)
            self.notes[index].setVisible(index in shown and bool(self.notes[index].text()))
        self._place_pager()

    def _place_pager(self) -> None:
        paging = len(self._pages) > 1
        previous, following, page_of = self._pager_texts
        self.page_label.setText(page_of.format(page=self._page + 1, count=len(self._pages)))
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(paging)
        if not paging:
            return
        self.previous_button.setVisible(self._page > 0)
        self.next_button.setVisible(self._page < len(self._pages) - 1)
        height = self._pager_height()
        top = self.height() - height
        left = 0
        for button in (self.previous_button, self.next_button):
            if button.isHidden():
                continue
            width = button.sizeHint().width()
            button.setGeometry(QRect(left, top, width, height))
            left += width + self._gap
        label_width = max(1, self.width() - left)
        label_height = self.page_label.heightForWidth(label_width)
        self.page_label.setGeometry(QRect(left, top + (height - label_height) // 2,
                                          label_width, label_height))
