"""Questions and answers, step one: the topics, as big tiles.

The topics and their words come from the content files in the customer's language (see
`kiosk.core.faq`). When there is no usable content at all (a broken file and no good copy
kept), the screen says so and where to ask instead; the rest of the kiosk is not affected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.faq import FaqBook
from kiosk.customer.choice_pages import Choice, ChoicePages
from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.kiosk_symbols import question_symbol
from kiosk.customer.pager_words import pager_texts
from kiosk.customer.shown_data import shown_data
from kiosk.ui.strings import vocabulary_text

BookFor = Callable[[], FaqBook]
"""The content in the screen's current language."""


class CategoriesScreen(KioskScreen):
    categoryChosen = Signal(str)

    def __init__(self, book: BookFor, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._language = language
        self._ids: list[str] = []
        self.title = make_label("faq_title", role="heading")
        self.intro = make_label("faq_intro")
        self.choices = ChoicePages("faq_category", columns=2, tile=True)
        self.choices.chosen.connect(lambda index: self.categoryChosen.emit(self._ids[index]))
        self.choices.pageChanged.connect(self.contentChanged)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.choices, 1)
        self.retranslate()

    def retranslate(self) -> None:
        book = self._book()
        language = self._language()
        categories = [c for c in book.categories if book.entries_in(c.id)]
        self._ids = [category.id for category in categories]
        self.title.setText(vocabulary_text("Questions", "title"))
        if categories:
            self.intro.setText(self.tr("Choose a topic. The answers are shown in large text "
                                       "and read aloud."))
        else:
            self.intro.setText(self.tr("Sorry, the questions and answers cannot be shown "
                                       "just now. Please ask the staff in the lobby."))
        self.choices.set_pager_texts(*pager_texts())
        page = self.choices.page
        self.choices.set_choices([Choice(shown_data(category.title, language),
                                         symbol=question_symbol) for category in categories])
        self.choices.show_page(page)

    def refresh(self) -> None:
        """The content was read again (it may have changed)."""
        self.retranslate()

    def spoken(self) -> list[str]:
        return [*shown_text(self.title, self.intro), *self.choices.shown_texts()]

    def first_control(self) -> QWidget | None:
        shown = self.choices.shown_buttons()
        return shown[0] if shown else None

    def clear(self) -> None:
        self.choices.show_page(0)
