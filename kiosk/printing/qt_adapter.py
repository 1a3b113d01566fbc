"""Print results as a Qt signal on the GUI thread.

A printer calls back on its own thread; the ticket screen must react on the GUI thread
(tell the customer, speak, keep the ticket on screen). This adapter hands each result to a
private signal with a queued connection, so the public `finished` signal is always emitted
on the thread this object lives in, whichever thread the printer used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.printing.printer import PrinterState, PrintResult, TicketDocument, TicketPrinter


class PrinterEvents(QObject):
    finished = Signal(object)
    """The `PrintResult` of a ticket given to `print_ticket`."""

    _posted = Signal(object)

    def __init__(self, printer: TicketPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._printer = printer
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def printer(self) -> TicketPrinter:
        return self._printer

    def print_ticket(self, document: TicketDocument) -> str:
        """Start printing; the result comes to `finished` with the returned request id."""
        return self._printer.print_ticket(document, self._posted.emit)

    def state(self) -> PrinterState:
        return self._printer.state()

    @Slot(object)
    def _deliver(self, result: PrintResult) -> None:
        self.finished.emit(result)
