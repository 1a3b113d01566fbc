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
        self._pages: list[list[list[int]]] = [[[]]]
        """Each page's rows, each row's choices (their indices)."""
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
        if (previous, following, page_of) == self._pager_texts:
            return
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
        return [self.buttons[i] for i in self._page_indices() if i < len(self.buttons)]

    def shown_texts(self) -> list[str]:
        """What the current page says: each choice and its note, then which page it is."""
        texts: list[str] = []
        for index in self._page_indices():
            if index < len(self.buttons):
                texts.extend(t for t in (self.buttons[index].text(), self.notes[index].text())
                             if t)
        if not self.page_label.isHidden() and self.page_label.text():
            texts.append(self.page_label.text())
        return texts

    def _page_indices(self) -> list[int]:
        return [index for row in self._pages[self._page] for index in row]

    # --- placing --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        """Room for each row and the pager under it: less, and a page could not hold even
        one row, so the screen scrolls instead."""
        if not self.buttons:
            return QSize(0, 0)
        columns, self._columns = self._columns, self._preferred_columns
        try:
            needed = self._needed_height()
        finally:
            self._columns = columns
        return QSize(0, needed)

    def _row_heights(self, rows: list[list[int]]) -> list[int]:
        return [max(self._cell_height(i, self._natural_width(i)) for i in row) for row in rows]

    def _needed_height(self) -> int:
        """The least height in which a page holds any one row and the first page's pager
        (no "Previous choices")."""
        heights = self._row_heights(self._rows())
        if not heights:
            return 0
        return max(heights) + self._gap + self._pager_height(first=True)

    def _shown_pager(self) -> list[QWidget]:
        """The pager's parts the current page shows."""
        parts: list[QWidget] = []
        if self._page > 0:
            parts.append(self.previous_button)
        if self._page < len(self._pages) - 1:
            parts.append(self.next_button)
        return [*parts, self.page_label]

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
        """Rows of up to the number of columns, each holding as many choices side by side
        as fit the width at their own widths: a choice whose longest word needs more than a
        column's share starts a row of fewer (a column is dropped there, never a word cut),
        and the rows of shorter choices keep theirs."""
        rows: list[list[int]] = []
        used = 0
        for index in range(len(self.buttons)):
            width = self._natural_width(index)
            if not rows or len(rows[-1]) >= self._columns \
                    or used + self._gap + width > self.width():
                rows.append([])
                used = -self._gap
            rows[-1].append(index)
            used += self._gap + width
        return rows

    def _pager_parts(self) -> list[tuple[QWidget, int, int]]:
        """The pager's parts in reading order, each with the width it takes on a line and
        its height there: the buttons at their own width (never wider than the list), the
        page number at the width its longest word needs (it wraps within what is left)."""
        width = max(1, self.width())
        parts: list[tuple[QWidget, int, int]] = []
        for button in (self.previous_button, self.next_button):
            button_width = min(width, button.sizeHint().width())
            parts.append((button, button_width, button.heightForWidth(button_width)))
        label_width = min(width, self.page_label.minimumSizeHint().width())
        parts.append((self.page_label, label_width, 0))
        return parts

    def _pager_lines(self, shown: list[QWidget] | None = None
                     ) -> list[list[tuple[QWidget, int, int, int]]]:
        """The pager's parts (all of them, or those in ``shown``) laid out in lines as wide
        as the list: side by side while they fit, the next part on a new line otherwise, so
        a long "Previous choices" or "Page 1 of 4" never runs past the edge or under the
        choices. Each part comes with its left, width and height; the page number takes
        the rest of its line."""
        width = max(1, self.width())
        lines: list[list[tuple[QWidget, int, int, int]]] = [[]]
        left = 0
        for part, part_width, height in self._pager_parts():
            if shown is not None and part not in shown:
                continue
            if lines[-1] and left + self._gap + part_width > width:
                lines.append([])
                left = 0
            elif lines[-1]:
                left += self._gap
            if part is self.page_label:
                part_width = width - left
                height = self.page_label.heightForWidth(part_width)
            lines[-1].append((part, left, part_width, height))
            left += part_width
        return lines

    def _pager_height(self, *, first: bool = False) -> int:
        """The pager's height on the first page (``first``: no "Previous choices"), or on
        any other page with all its parts shown: a later page keeps room for both buttons,
        whichever it turns out to show."""
        shown = [self.next_button, self.page_label] if first else None
        return self._lines_height(self._pager_lines(shown))

    def _lines_height(self, lines: list[list[tuple[QWidget, int, int, int]]]) -> int:
        heights = [max(height for _, _, _, height in line) for line in lines if line]
        return sum(heights) + self._gap * max(0, len(heights) - 1)

    def _paginate(self) -> list[list[list[int]]]:
        """Whole rows per page; with more than one page, room is kept for the pager."""
        rows = self._rows()
        heights = self._row_heights(rows)
        total = sum(heights) + self._gap * max(0, len(rows) - 1)
        if total <= self.height() or not rows:
            return [rows or [[]]]
        room = self.height() - self._pager_height(first=True) - self._gap
        later_room = self.height() - self._pager_height() - self._gap
        if later_room < max(heights):
            # Squeezed (the list at its minimum height, which holds the first page's pager):
            # later pages fill as the first does, and their pager may reach into the rows.
            later_room = room
        pages: list[list[list[int]]] = [[]]
        used = 0
        for row, height in zip(rows, heights, strict=True):
            needed = height + (self._gap if pages[-1] else 0)
            if pages[-1] and used + needed > room:
                pages.append([])
                room = later_room
                used, needed = 0, height
            pages[-1].append(row)
            used += needed
        return pages

    def _fits_columns(self, columns: int) -> bool:
        """Every choice keeps its whole words in a column when there are this many."""
        width = (self.width() - self._gap * (columns - 1)) // columns
        return all(button.minimumSizeHint().width() <= width for button in self.buttons)

    def _fill_before_paging(self) -> list[list[list[int]]]:
        """The pages with the preferred number of columns, or with more columns when that
        needs fewer pages or shows more on the first: the width is used up before anything
        goes to another page."""
        self._columns = self._preferred_columns
        best = (self._paginate(), self._columns)
        for columns in range(self._preferred_columns + 1, len(self.buttons) + 1):
            if len(best[0]) == 1 or not self._fits_columns(columns):
                break
            self._columns = columns
            if self._needed_height() > self.height():
                break  # narrower columns, taller rows: one would no longer fit a page
            pages = self._paginate()
            if (len(pages), -_count(pages[0])) < (len(best[0]), -_count(best[0][0])):
                best = (pages, columns)
        self._columns = best[1]
        return best[0]

    def _place(self) -> None:
        """Lay the current page out: each button at its own compact width (never wider than
        its column's share, unless its longest word needs more), columns side by side from
        the left as wide as their widest button, rows from the top. A row that does not fit
        those columns (it holds a choice wider than its share) is packed from the left."""
        if self.width() <= 0 or self.height() <= 0:
            return
        self._pages = self._fill_before_paging()
        self._page = min(self._page, len(self._pages) - 1)
        rows = self._pages[self._page]
        widths = [0] * self._columns
        for row in rows:
            for column, index in enumerate(row):
                widths[column] = max(widths[column], self._natural_width(index))
        lefts = [sum(widths[:column]) + self._gap * column for column in range(self._columns)]
        top = 0
        for row in rows:
            row_widths = [self._natural_width(index) for index in row]
            aligned = lefts[len(row) - 1] + widths[len(row) - 1] <= self.width() if row else True
            left = 0
            row_height = 0
            for column, (index, width) in enumerate(zip(row, row_widths, strict=True)):
                x = lefts[column] if aligned else left
                left = x + width + self._gap
                height = self.buttons[index].heightForWidth(width)
                self.buttons[index].setGeometry(QRect(x, top, width, height))
                note = self.notes[index]
                if note.text():
                    note_top = top + height + self._gap // 2
                    note.setGeometry(QRect(x, note_top, width, note.heightForWidth(width)))
                row_height = max(row_height, self._cell_height(index, width))
            top += row_height + self._gap
        shown = set(self._page_indices())
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
        shown = self._shown_pager()
        self.previous_button.setVisible(self.previous_button in shown)
        self.next_button.setVisible(self.next_button in shown)
        lines = self._pager_lines(shown)
        top = self.height() - self._lines_height(lines)
        for line in lines:
            if not line:
                continue
            line_height = max(height for _, _, _, height in line)
            for part, left, width, height in line:
                part.setGeometry(QRect(left, top + (line_height - height) // 2, width, height))
            top += line_height + self._gap


def _count(page: list[list[int]]) -> int:
    """How many choices a page holds."""
    return sum(len(row) for row in page)
