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
from kiosk.customer.choice_pages import Choice, ChoicePages
from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.pager_words import pager_texts
from kiosk.customer.shown_data import shown_data
from kiosk.ui.strings import vocabulary_text


class QuestionsScreen(KioskScreen):
    questionChosen = Signal(str)
    """The id of the entry whose question was pressed."""

    def __init__(self, book: BookFor, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._language = language
        self._category = ""
        self._ids: list[str] = []
        self.title = make_label("faq_questions_title", role="heading")
        self.intro = make_label("faq_questions_intro")
        self.choices = ChoicePages("faq_question", columns=2, tile=True)
        self.choices.chosen.connect(lambda index: self.questionChosen.emit(self._ids[index]))
        self.choices.pageChanged.connect(self.contentChanged)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.choices, 1)
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
        self._ids = [entry.id for entry in entries]
        self.title.setText(shown_data(category.title, language) if category is not None
                           else vocabulary_text("Questions", "title"))
        self.intro.setText(self.tr("Choose a question.") if entries else
                           self.tr("There are no questions here just now."))
        self.choices.set_pager_texts(*pager_texts())
        page = self.choices.page
        self.choices.set_choices([Choice(shown_data(entry.question, language))
                                  for entry in entries])
        self.choices.show_page(page)

    def spoken(self) -> list[str]:
        return [*shown_text(self.title, self.intro), *self.choices.shown_texts()]

    def first_control(self) -> QWidget | None:
        shown = self.choices.shown_buttons()
        return shown[0] if shown else None

    def clear(self) -> None:
        self._category = ""
        self.choices.show_page(0)
        self.retranslate()
