"""What the kiosk needs from a ticket printer, and the printer for a kiosk without one.

Printing is slow and can hang (a stuck queue, a dead printer, CUPS restarting), so a
`TicketPrinter` never blocks its caller: `print_ticket` returns a request id at once and the
result comes later to a callback, on the printer's own thread (the Qt adapter moves it to
the GUI thread). Every request ends in exactly one `PrintResult`. `state()` is the printer
part of the kiosk's heartbeat, so staff see "no paper" on the console.

A printer writes the ticket itself, from a `TicketDocument` (its title and a function that
writes the PDF to a path it is given), so drawing also happens off the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable

from kiosk.protocol.device_messages import Component


@dataclass(frozen=True)
class TicketDocument:
    title: str
    """Shown in the printer's job list, e.g. "Ticket A042"."""
    write: Callable[[Path], None]
    """Writes the ticket's PDF to the given path (raises on failure)."""


class PrinterState(StrEnum):
    UNKNOWN = "unknown"
    """Not checked yet (just started)."""
    OK = "ok"
    FAILED = "failed"
    """Out of paper, jammed, stopped, or the last ticket did not print."""
    ABSENT = "absent"
    """No printer: none configured, or the queue or print service is not there."""


class PrintOutcome(StrEnum):
    PRINTED = "printed"
    FAILED = "failed"
    """Not printed and cancelled: it will not come out later."""
    NO_PRINTER = "no_printer"
    """This kiosk prints nothing; the ticket is on screen only."""


@dataclass(frozen=True)
class PrintResult:
    request_id: str
    outcome: PrintOutcome
    detail: str = ""
    """For the log and the staff, never shown to the customer."""
    job_id: str | None = None

    @property
    def printed(self) -> bool:
        return self.outcome is PrintOutcome.PRINTED


PrintCallback = Callable[[PrintResult], None]


@runtime_checkable
class TicketPrinter(Protocol):
    def print_ticket(self, document: TicketDocument, on_done: PrintCallback) -> str:
        """Start printing; return the request id at once. `on_done` gets the result."""
        ...

    def state(self) -> PrinterState: ...

    def close(self) -> None: ...


def printer_component(state: PrinterState) -> Component:
    """The printer's state as the heartbeat reports it."""
    return {PrinterState.OK: Component.OK, PrinterState.FAILED: Component.FAILED,
            PrinterState.ABSENT: Component.ABSENT,
            PrinterState.UNKNOWN: Component.DEGRADED}[state]


class NoPrinter:
    """The configured "no printer" mode: every ticket is on screen (and spoken) only."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    def print_ticket(self, document: TicketDocument, on_done: PrintCallback) -> str:
        request_id = f"none-{next(self._ids)}"
        on_done(PrintResult(request_id, PrintOutcome.NO_PRINTER, "no printer configured"))
        return request_id

    def state(self) -> PrinterState:
        return PrinterState.ABSENT

    def close(self) -> None:
        return None
