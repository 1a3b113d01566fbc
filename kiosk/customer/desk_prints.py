"""Tickets issued at a staff desk, printed at this kiosk.

Staff at a console issue a ticket for a customer in front of them or on the phone and choose
a kiosk to print it (``ticket.print``). The kiosk prints it through its own printer, on the
same path as a customer's ticket (the same words, paper and CUPS deadline), and never
changes its screen for it: a customer using the kiosk is not interrupted. The printer's
answer is only logged; the customer's ticket journey ignores answers for requests it did not
make. A kiosk without a printer logs that it cannot print the desk's ticket.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from kiosk.core.settings import PrinterMode, PrinterSection
from kiosk.net.qt_bridge import KioskBridge
from kiosk.printing.printer import PrintResult
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.printing.ticket_words import TicketWords
from kiosk.protocol.ticket_messages import IssuedTicket, TicketPrint

log = logging.getLogger(__name__)


class DeskPrints(QObject):
    def __init__(self, network: KioskBridge, printer: PrinterEvents,
                 words_for: Callable[[IssuedTicket], TicketWords], *, font_family: str,
                 paper: PrinterSection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._printer = printer
        self._words_for = words_for
        self._font_family = font_family
        self._paper = paper
        self._pending: dict[str, str] = {}  # printer request id -> ticket number
        network.print_request.connect(self.print_desk_ticket)
        printer.finished.connect(self._printed)

    @property
    def pending(self) -> dict[str, str]:
        return dict(self._pending)

    @Slot(object)
    def print_desk_ticket(self, message: TicketPrint) -> None:
        number = message.ticket.number
        if self._paper.mode is PrinterMode.NONE:
            log.warning("desk ticket %s not printed: this kiosk has no printer", number)
            return
        from kiosk.printing.ticket_pdf import ticket_document  # loaded at the first ticket

        document = ticket_document(self._words_for(message.ticket),
                                   font_family=self._font_family,
                                   paper_width_mm=self._paper.paper_width_mm)
        request_id = self._printer.print_ticket(document)
        self._pending[request_id] = number
        log.info("desk ticket %s sent to the printer", number)

    @Slot(object)
    def _printed(self, result: PrintResult) -> None:
        number = self._pending.pop(result.request_id, None)
        if number is not None:
            log.info("desk ticket %s: %s %s", number, result.outcome, result.detail or "")
