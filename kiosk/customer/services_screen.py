"""Taking a ticket, step one: which service? One big tile per configured service.

Each tile shows the service's name beside a circle with the letter its ticket numbers start
with (the letter is the same on the ticket, the wall display and the counter's sign, so it
helps a customer who reads slowly find their way later), and under the tile its one plain
line from the branch configuration ("Put money in, take money out, transfers"), in the
customer's language. The line is text under the tile rather than in it, so the tile stays
one compact line and Help stays the largest target.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.settings import Service
from kiosk.customer.choice_pages import Choice, ChoicePages
from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.kiosk_symbols import letter_symbol
from kiosk.customer.pager_words import pager_texts
from kiosk.customer.shown_data import data_text


class ServicesScreen(KioskScreen):
    serviceChosen = Signal(str)
    """The id of the service the customer pressed."""
    """Another page of services is shown: read it."""

    def __init__(self, services: Sequence[Service], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = tuple(services)
        self._language = language
        self.title = make_label("services_title", role="heading")
        self.intro = make_label("services_intro")
        self.choices = ChoicePages("services_choice", columns=2, tile=True)
        self.choices.chosen.connect(lambda index: self.serviceChosen.emit(
            self._services[index].id))
        self.choices.pageChanged.connect(self.contentChanged)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.choices, 1)
        self.retranslate()

    def retranslate(self) -> None:
        language = self._language()
        self.title.setText(self.tr("Which service do you need?"))
        self.intro.setText(self.tr("Press the service. You will get a ticket with your "
                                   "number."))
        self.choices.set_pager_texts(*pager_texts())
        page = self.choices.page
        self.choices.set_choices([
            Choice(data_text(service.name, language),
                   note=data_text(service.description, language),
                   symbol=letter_symbol(service.prefix))
            for service in self._services])
        self.choices.show_page(page)

    def spoken(self) -> list[str]:
        """The title, then each service shown: its name, then its plain line."""
        return [*shown_text(self.title, self.intro), *self.choices.shown_texts()]

    def first_control(self) -> QWidget | None:
        shown = self.choices.shown_buttons()
        return shown[0] if shown else None

    def clear(self) -> None:
        self.choices.show_page(0)
