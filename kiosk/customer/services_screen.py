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
from kiosk.customer.choice_pages import Choice
from kiosk.customer.choice_screen import ChoiceScreen
from kiosk.customer.kiosk_symbols import letter_symbol
from kiosk.customer.shown_data import data_text


class ServicesScreen(ChoiceScreen):
    serviceChosen = Signal(str)
    """The id of the service the customer pressed."""

    def __init__(self, services: Sequence[Service], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__("services_title", "services_intro", "services_choice", parent)
        self._services = tuple(services)
        self._language = language
        self.choices.chosen.connect(lambda index: self.serviceChosen.emit(self.id_at(index)))
        self.retranslate()

    def retranslate(self) -> None:
        language = self._language()
        self.title.setText(self.tr("Which service do you need?"))
        self.intro.setText(self.tr("Press the service. You will get a ticket with your "
                                   "number."))
        self.show_choices([
            (service.id, Choice(data_text(service.name, language),
                                note=data_text(service.description, language),
                                symbol=letter_symbol(service.prefix)))
            for service in self._services])
