"""A screen of big choices in pages, under a heading and one line that says what to do:
the services, the question topics and the questions of a topic.

Each choice stands for something with an id (a service, a topic, a question); the screen
keeps the ids of the choices shown, in order, so a subclass turns a pressed choice into its
own signal with the id. New words (a language switch, content read again) keep the page the
customer was on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kiosk.customer.choice_pages import Choice, ChoicePages
from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.pager_words import pager_texts


class ChoiceScreen(KioskScreen):
    def __init__(self, title_name: str, intro_name: str, choice_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self.title = make_label(title_name, role="heading")
        self.intro = make_label(intro_name)
        self.choices = ChoicePages(choice_name, columns=2, tile=True)
        self.choices.pageChanged.connect(self.contentChanged)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.choices, 1)

    def id_at(self, index: int) -> str:
        """The id of what the choice at ``index`` (of all pages) stands for."""
        return self._ids[index]

    def show_choices(self, choices: Sequence[tuple[str, Choice]]) -> None:
        """Show these choices, each with its id, on the page the customer was on."""
        self._ids = [choice_id for choice_id, _ in choices]
        self.choices.set_pager_texts(*pager_texts())
        page = self.choices.page
        self.choices.set_choices([choice for _, choice in choices])
        self.choices.show_page(page)

    def spoken(self) -> list[str]:
        """The heading, the line under it, then each choice shown (with its note)."""
        return [*shown_text(self.title, self.intro), *self.choices.shown_texts()]

    def first_control(self) -> QWidget | None:
        shown = self.choices.shown_buttons()
        return shown[0] if shown else None

    def clear(self) -> None:
        self.choices.show_page(0)
