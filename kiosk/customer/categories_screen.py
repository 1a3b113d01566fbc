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
from kiosk.customer.choice_pages import Choice
from kiosk.customer.choice_screen import ChoiceScreen
from kiosk.customer.kiosk_symbols import question_symbol
from kiosk.customer.shown_data import shown_data
from kiosk.ui.strings import vocabulary_text

BookFor = Callable[[], FaqBook]
"""The content in the screen's current language."""


class CategoriesScreen(ChoiceScreen):
    categoryChosen = Signal(str)

    def __init__(self, book: BookFor, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__("faq_title", "faq_intro", "faq_category", parent)
        self._book = book
        self._language = language
        self.choices.chosen.connect(lambda index: self.categoryChosen.emit(self.id_at(index)))
        self.retranslate()

    def retranslate(self) -> None:
        book = self._book()
        language = self._language()
        categories = [c for c in book.categories if book.entries_in(c.id)]
        self.title.setText(vocabulary_text("Questions", "title"))
        if categories:
            self.intro.setText(self.tr("Choose a topic. The answers are shown in large text "
                                       "and read aloud."))
        else:
            self.intro.setText(self.tr("Sorry, the questions and answers cannot be shown "
                                       "just now. Please ask the staff in the lobby."))
        self.show_choices([(category.id, Choice(shown_data(category.title, language),
                                                symbol=question_symbol))
                           for category in categories])

    def refresh(self) -> None:
        """The content was read again (it may have changed)."""
        self.retranslate()
