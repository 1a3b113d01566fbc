"""The called numbers on the wall: the newest in huge type, framed and captioned, beside the
list of the earlier ones, and under them the numbers called that did not come ("过号请到大堂
咨询", docs/decisions/0018-missed-tickets.md).

The newest is marked three ways, never by colour alone: a thick frame around it, the
caption "Now calling" above it, and type far larger than the earlier numbers. Each number
is shown with its counter as "A042 → 3", the way branch boards write it, and the newest also
as a sentence in every language of the board ("Please go to counter 3").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.display.board_state import CalledNumber
from kiosk.display.board_words import (
    CALLED_BEFORE,
    GO_TO_COUNTER,
    MISSED_NUMBERS,
    NOW_CALLING,
    WAITING_FOR_CALLS,
    BoardWords,
)
from kiosk.ui.widgets import BigLabel

CENTRED = Qt.AlignmentFlag.AlignCenter
NEWEST_SHARE = 2
EARLIER_SHARE = 1
"""The newest number takes two thirds of the width, the earlier ones a third."""
MAX_MISSED_SHOWN = 6
"""The newest missed numbers listed; the lobby's console has them all."""


def number_and_counter(call: CalledNumber) -> str:
    return f"{call.number} \u2192 {call.counter}"


class CallsView(QWidget):
    def __init__(self, words: BoardWords, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = words
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.newest = QFrame(self)
        self.newest.setObjectName("newest")
        newest_layout = self._newest_layout = QVBoxLayout(self.newest)
        self.caption = self._label("newest_caption", "heading")
        self.number = self._label("newest_number", "huge")
        self.counters = [self._label(f"newest_counter_{language}", "body")
                         for language in words.languages]
        newest_layout.addWidget(self.caption)
        newest_layout.addStretch(1)
        newest_layout.addWidget(self.number)
        newest_layout.addStretch(1)
        for label in self.counters:
            newest_layout.addWidget(label)
        layout.addWidget(self.newest, NEWEST_SHARE)

        self.earlier = QFrame(self)
        self.earlier.setObjectName("earlier")
        earlier_layout = self._earlier_layout = QVBoxLayout(self.earlier)
        self.earlier_caption = self._label("earlier_caption", "body")
        earlier_layout.addWidget(self.earlier_caption)
        self.rows = [self._label(f"earlier_{index}", "heading") for index in range(rows)]
        for row in self.rows:
            earlier_layout.addWidget(row)
        earlier_layout.addStretch(1)
        self.missed = self._label("missed_numbers", "body")
        self.missed.setWordWrap(True)
        self.missed.hide()
        earlier_layout.addWidget(self.missed)
        self._missed: list[str] = []
        layout.addWidget(self.earlier, EARLIER_SHARE)
        self._recent_count = 0
        self._has_current = False
        self.earlier.installEventFilter(self)
        self.newest.installEventFilter(self)
        self.show_calls(None, ())

    def _label(self, name: str, role: str) -> BigLabel:
        label = BigLabel(role=role, parent=self)
        label.setObjectName(name)
        label.setAlignment(CENTRED)
        return label

    def show_calls(self, current: CalledNumber | None,
                   recent: Sequence[CalledNumber]) -> None:
        words = self._words
        self._has_current = current is not None
        self.caption.setText("  ".join(words.each(NOW_CALLING)))
        self.caption.setVisible(current is not None)
        if current is None:
            # before the first call of the day: a calm line in the middle of the frame
            self.number.set_role("heading")
            self.number.setText("\n".join(words.each(WAITING_FOR_CALLS)))
        else:
            self.number.set_role("huge")
            self.number.setText(number_and_counter(current))
            for label, text in zip(self.counters,
                                   words.each(GO_TO_COUNTER, counter=current.counter),
                                   strict=True):
                label.setText(text)
        self.earlier_caption.setText("\n".join(words.each(CALLED_BEFORE)))
        self.earlier_caption.setVisible(bool(recent) and bool(self.rows))
        for index, row in enumerate(self.rows):
            row.setText(number_and_counter(recent[index]) if index < len(recent) else "")
        self._recent_count = len(recent)
        self._fit_sentences()
        self._fit_rows()

    def show_missed(self, numbers: Sequence[str]) -> None:
        """The numbers called that did not come and are not back in line: the caption in
        every language of the board, then the numbers (the newest MAX_MISSED_SHOWN)."""
        self._missed = list(numbers)[-MAX_MISSED_SHOWN:]
        self.missed.setText("\n".join([*self._words.each(MISSED_NUMBERS),
                                        "  ".join(self._missed)]))
        self.missed.setVisible(bool(self._missed))
        self._fit_rows()

    def missed_numbers(self) -> list[str]:
        return list(self._missed) if self.missed.isVisibleTo(self) else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.earlier:
                self._fit_rows()
            elif watched is self.newest:
                self._fit_sentences()
        return False

    def _fit_sentences(self) -> None:
        """The counter sentences under the newest number repeat what "A042 → 3" says; when
        the newest number's frame is short of room (long languages, the "not connected"
        line), they give way, last language first, rather than any text being cut."""
        margins = self._newest_layout.contentsMargins()
        room = self.newest.contentsRect().marginsRemoved(margins)
        if room.height() <= 0:
            for label in self.counters:
                label.setVisible(self._has_current)
            return
        spacing = self._newest_layout.spacing()
        used = self.number.heightForWidth(room.width())
        if self._has_current:
            used += spacing + self.caption.heightForWidth(room.width())
        for label in self.counters:
            needed = spacing + label.heightForWidth(room.width())
            fits = self._has_current and used + needed <= room.height()
            label.setVisible(fits)
            if fits:
                used += needed

    def _fit_rows(self) -> None:
        """Show as many earlier numbers as fit whole: when the "not connected" line takes
        room, the oldest of them give way rather than any text being cut."""
        margins = self._earlier_layout.contentsMargins()
        room = self.earlier.contentsRect().marginsRemoved(margins)
        if room.height() <= 0:
            for index, row in enumerate(self.rows):
                row.setVisible(index < self._recent_count)
            return
        spacing = self._earlier_layout.spacing()
        used = (self.earlier_caption.heightForWidth(room.width()) + spacing
                if self.earlier_caption.isVisibleTo(self) else 0)
        if self._missed:  # the missed numbers keep their place; the oldest calls give way
            used += self.missed.heightForWidth(room.width()) + spacing
        for index, row in enumerate(self.rows):
            needed = row.heightForWidth(room.width()) + spacing
            fits = index < self._recent_count and used + needed <= room.height()
            row.setVisible(fits)
            if fits:
                used += needed
        if self._missed and not any(row.isVisibleTo(self) for row in self.rows):
            self.earlier_caption.setVisible(False)  # no "Called before" over nothing

    def newest_number(self) -> str | None:
        """The ticket number shown as the newest, or None."""
        return self.number.text().split()[0] if self._has_current else None

    def earlier_numbers(self) -> list[str]:
        return [row.text().split()[0] for row in self.rows if row.isVisibleTo(self)]
