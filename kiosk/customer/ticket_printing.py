"""The kiosk's ticket printer, as the branch's ``[printer]`` settings describe it.

``mode = "cups"`` prints through the named CUPS queue of this machine, each ticket with its
deadline (`print_timeout_s`): a ticket not out by then is cancelled and the customer told,
so it can never come out later for someone else. ``mode = "none"`` is a kiosk without a
printer: the ticket is shown and spoken only, and the screen asks the customer to remember
the number. Until the configuration loader carries the ``[printer]`` section, its declared
defaults are used, as if the section were empty.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.core.config import BranchConfig
from kiosk.core.settings import PrinterMode, PrinterSection
from kiosk.printing.cups_printer import CupsPrinterSettings, CupsTicketPrinter
from kiosk.printing.printer import NoPrinter, TicketPrinter


def printer_section(config: BranchConfig) -> PrinterSection:
    section = getattr(config, "printer", None)
    return section if isinstance(section, PrinterSection) else PrinterSection()


def ticket_printer(section: PrinterSection, spool_dir: Path) -> TicketPrinter:
    """The printer to use, started (a CUPS printer works on a thread of its own)."""
    if section.mode is PrinterMode.NONE:
        return NoPrinter()
    settings = CupsPrinterSettings(section.queue, print_timeout_s=section.print_timeout_s)
    return CupsTicketPrinter(settings, spool_dir).start()
