"""A `TicketPrinter` for widget tests: keeps what it was given, prints nothing.

By default every ticket is reported printed at once, on the caller's thread, like a very
fast printer; with ``auto_outcome=None`` a test ends each request itself with `finish()`,
e.g. to show the customer a failure while the ticket stays on screen. It never replaces
CUPS where printing itself must be proven (tests/e2e/test_printing_cups.py does that).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.printer import (
    PrintCallback,
    PrinterState,
    PrintOutcome,
    PrintResult,
    TicketDocument,
)


@dataclass
class FakeJob:
    request_id: str
    document: TicketDocument
    on_done: PrintCallback
    result: PrintResult | None = None


class FakePrinter:
    def __init__(self, *, auto_outcome: PrintOutcome | None = PrintOutcome.PRINTED,
                 state: PrinterState = PrinterState.OK,
                 render_to: Path | None = None) -> None:
        """`render_to`: a folder; each document is written there (to prove it draws)."""
        self.auto_outcome = auto_outcome
        self.jobs: list[FakeJob] = []
        self.closed = False
        self._state = state
        self._render_to = render_to
        self._ids = itertools.count(1)

    # --- TicketPrinter ---------------------------------------------------------------------

    def print_ticket(self, document: TicketDocument, on_done: PrintCallback) -> str:
        job = FakeJob(f"fake-print-{next(self._ids)}", document, on_done)
        self.jobs.append(job)
        if self._render_to is not None:
            document.write(self._render_to / f"{job.request_id}.pdf")
        if self.auto_outcome is not None:
            self.finish(job.request_id, self.auto_outcome)
        return job.request_id

    def state(self) -> PrinterState:
        return self._state

    def close(self) -> None:
        self.closed = True

    # --- for tests -------------------------------------------------------------------------

    @property
    def titles(self) -> list[str]:
        return [job.document.title for job in self.jobs]

    @property
    def unfinished(self) -> list[FakeJob]:
        return [job for job in self.jobs if job.result is None]

    def finish(self, request_id: str, outcome: PrintOutcome, detail: str = "") -> PrintResult:
        job = next(j for j in self.jobs if j.request_id == request_id)
        if job.result is not None:
            raise AssertionError(f"{request_id} already ended with {job.result.outcome}")
        job.result = PrintResult(request_id, outcome, detail or outcome.value)
        if outcome is PrintOutcome.FAILED:
            self._state = PrinterState.FAILED
        job.on_done(job.result)
        return job.result

    def set_state(self, state: PrinterState) -> None:
        self._state = state
