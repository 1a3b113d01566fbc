"""The kiosk's printer, as the branch's ``[printer]`` section configures it.

Until the configuration loader carries the section (``BranchConfig.printer``), the declared
defaults are used, exactly as if the section were empty.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.core.config import BranchConfig
from kiosk.core.settings import PrinterMode, PrinterSection
from kiosk.printing.printer import NoPrinter, TicketPrinter


def printer_section(config: BranchConfig) -> PrinterSection:
    return config.printer


def make_printer(section: PrinterSection, spool_dir: Path, *,
                 server: str | None = None) -> TicketPrinter:
    """The configured printer, started: CUPS (its thread runs until `close()`) or none.

    `spool_dir`: a private folder of the kiosk where each ticket's PDF lives only until
    CUPS has taken it."""
    if section.mode is PrinterMode.NONE:
        return NoPrinter()
    from kiosk.printing.cups_printer import (  # a kiosk without CUPS never loads it
        CupsPrinterSettings,
        CupsTicketPrinter,
    )

    settings = CupsPrinterSettings(section.queue, server=server,
                                   print_timeout_s=section.print_timeout_s)
    return CupsTicketPrinter(settings, spool_dir).start()
