"""Questions and answers, step two: the questions of one topic.

Each question is a large choice worded as the customer would ask it ("What should I bring
to the bank?"). The topic is remembered by its id, so a language switch shows the same
topic's questions in the new language (every language's content has the same ids).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.customer.categories_screen import BookFor
from kiosk.customer.choice_pages import Choice
from kiosk.customer.choice_screen import ChoiceScreen
from kiosk.customer.shown_data import shown_data
from kiosk.ui.strings import vocabulary_text


class QuestionsScreen(ChoiceScreen):
    questionChosen = Signal(str)
    """The id of the entry whose question was pressed."""

    def __init__(self, book: BookFor, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__("faq_questions_title", "faq_questions_intro", "faq_question", parent)
        self._book = book
        self._language = language
        self._category = ""
        self.choices.chosen.connect(lambda index: self.questionChosen.emit(self.id_at(index)))
        self.retranslate()

    @property
    def category(self) -> str:
        return self._category

    def show_category(self, category_id: str) -> None:
        if category_id != self._category:
            self._category = category_id
            self.choices.show_page(0)
        self.retranslate()

    def retranslate(self) -> None:
        book = self._book()
        language = self._language()
        category = book.category(self._category)
        entries = book.entries_in(self._category) if category is not None else ()
        self.title.setText(shown_data(category.title, language) if category is not None
                           else vocabulary_text("Questions", "title"))
        self.intro.setText(self.tr("Choose a question.") if entries else
                           self.tr("There are no questions here just now."))
        self.show_choices([(entry.id, Choice(shown_data(entry.question, language)))
                           for entry in entries])

    def clear(self) -> None:
        self._category = ""
        super().clear()
        self.retranslate()
