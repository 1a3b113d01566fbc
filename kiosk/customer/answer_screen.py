"""Questions and answers, step three: the answer, in large text, read aloud.

The answer is read from the top when the screen is shown, and again on "Read again";
"Stop reading" silences the reading only (a called ticket number or a help call's news is
still said). A long answer (larger text, a long English answer) does not fit the screen:
it scrolls by dragging it with a finger, kinetically, as on a phone, and with "Earlier
text" / "More text" for a keypad or a customer who does not drag. Nothing moves the text
but the customer: a called number announced in between, or the reading itself, leaves the
place where they were reading alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.faq import FaqEntry
from kiosk.customer.categories_screen import BookFor
from kiosk.customer.kiosk_screen import KioskScreen, make_button, make_label, shown_text
from kiosk.customer.shown_data import shown_data
from kiosk.ui.widgets import BigLabel

PAGE_FRACTION = 0.8
""""More text" moves the text by this much of the visible height: the last lines shown stay
in view, so the eye finds its place."""


class AnswerScreen(KioskScreen):
    readAgainRequested = Signal()
    stopRequested = Signal()

    def __init__(self, book: BookFor, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._language = language
        self._entry_id = ""
        self.question = make_label("faq_answer_question", role="heading")
        self.paragraphs: list[BigLabel] = []
        self._text = QWidget()
        self._text.setObjectName("faq_answer_text")
        self._column = QVBoxLayout(self._text)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addStretch(1)
        self.area = QScrollArea()
        self.area.setObjectName("faq_answer_area")
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The answer takes the height the screen leaves it and scrolls inside: it asks
        # for none (Ignored), or the screen asked for the whole answer's height, grew
        # taller than the panel at larger text and showed its own scroll bar, which
        # narrowed the text, which then wrapped into more lines and overflowed, which
        # kept the scroll bar: an answer that fits was shown cut, "drag to read more".
        self.area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.area.setWidget(self._text)
        self._text.installEventFilter(self)
        QScroller.grabGesture(self.area.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.drag_hint = make_label("faq_answer_drag_hint")
        self.read_again_button = make_button("faq_read_again")
        self.stop_button = make_button("faq_stop_reading")
        self.earlier_button = make_button("faq_earlier_text")
        self.more_button = make_button("faq_more_text")
        buttons = QHBoxLayout()
        for button in (self.read_again_button, self.stop_button, self.earlier_button,
                       self.more_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.read_again_button.clicked.connect(self.readAgainRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.earlier_button.clicked.connect(lambda: self.scroll_by_page(-1))
        self.more_button.clicked.connect(lambda: self.scroll_by_page(1))
        self.area.verticalScrollBar().rangeChanged.connect(self._scroll_range_changed)
        self.area.verticalScrollBar().valueChanged.connect(self._update_scroll_buttons)
        self.content_layout.addWidget(self.question)
        self.content_layout.addWidget(self.area, 1)
        self.content_layout.addWidget(self.drag_hint)
        self.content_layout.addLayout(buttons)
        self.drag_hint.hide()  # until the answer is known to be longer than its room
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._text and event.type() in (QEvent.Type.Resize, QEvent.Type.Show) \
                and self._column.geometry() != self._text.rect():
            # Resized while the screen was hidden (a new text size comes as the screen is
            # shown), the column may keep its old size, and the text in it is cut off.
            self._column.invalidate()
        return False

    # --- the entry ----------------------------------------------------------------------------

    @property
    def entry_id(self) -> str:
        return self._entry_id

    def entry(self) -> FaqEntry | None:
        return self._book().entry(self._entry_id) if self._entry_id else None

    def show_entry(self, entry_id: str) -> None:
        """Show this answer from its top."""
        self._entry_id = entry_id
        self.retranslate()
        self.area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self._entry_id = ""
        self.retranslate()

    # --- scrolling ----------------------------------------------------------------------------

    @property
    def scroll_position(self) -> int:
        return self.area.verticalScrollBar().value()

    @property
    def overflowing(self) -> bool:
        """The answer is longer than the space shown: it can be moved."""
        return self.area.verticalScrollBar().maximum() > 0

    def scroll_by_page(self, direction: int) -> None:
        bar = self.area.verticalScrollBar()
        step = max(1, round(self.area.viewport().height() * PAGE_FRACTION))
        bar.setValue(bar.value() + direction * step)

    def _scroll_range_changed(self, _minimum: int, maximum: int) -> None:
        """The hint shows while the answer is longer than the room it would have without
        the hint: judged on the room as it is, a text that overflowed for a moment (a
        layout on the way to a new text size) kept the hint, and the hint took the room
        that would have shown it whole."""
        hint_room = 0 if self.drag_hint.isHidden() else (
            self.drag_hint.height() + max(0, self.content_layout.spacing()))
        self.drag_hint.setVisible(maximum > hint_room)
        self._update_scroll_buttons()

    def _update_scroll_buttons(self) -> None:
        """Each is shown only when it can move the text: never disabled (a disabled button
        cannot take a keypad's focus), and never a button that does nothing."""
        bar = self.area.verticalScrollBar()
        self.earlier_button.setVisible(self.overflowing and bar.value() > bar.minimum())
        self.more_button.setVisible(self.overflowing and bar.value() < bar.maximum())

    # --- texts --------------------------------------------------------------------------------

    def _set_paragraphs(self, texts: list[str]) -> None:
        while len(self.paragraphs) < len(texts):
            label = make_label(f"faq_answer_{len(self.paragraphs)}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._column.insertWidget(len(self.paragraphs), label)
            self.paragraphs.append(label)
        for index, label in enumerate(self.paragraphs):
            label.setText(texts[index] if index < len(texts) else "")
            label.setVisible(index < len(texts))

    def retranslate(self) -> None:
        language = self._language()
        entry = self.entry()
        if entry is None:
            self.question.setText("")
            self._set_paragraphs([])
        else:
            self.question.setText(shown_data(entry.question, language))
            self._set_paragraphs([shown_data(p, language) for p in entry.paragraphs])
        self.drag_hint.setText(self.tr("Drag the text up or down with your finger to read "
                                       "more."))
        self.drag_hint.setVisible(self.overflowing)
        self.read_again_button.setText(self.tr("Read again"))
        self.stop_button.setText(self.tr("Stop reading"))
        self.earlier_button.setText(self.tr("Earlier text"))
        self.more_button.setText(self.tr("More text"))
        self._update_scroll_buttons()

    def spoken(self) -> list[str]:
        return shown_text(self.question, *self.paragraphs)

    def first_control(self) -> QWidget | None:
        return self.read_again_button
