"""Printing tickets through CUPS, on a thread of its own, with a deadline for every ticket.

A ticket is only useful now: a customer who was told "printing failed, please remember your
number" must never find a ticket coming out minutes later for someone else to take, or a
stale ticket confusing the next customer. So every ticket has a deadline
(`print_timeout_s` from the request): not out by then, its job is cancelled and the
customer is told. A cancel that CUPS could not take (CUPS restarting, say) is retried until
CUPS confirms it, so a queue that is re-enabled later has nothing of ours left to print;
and at start-up every job an earlier run left in the queue is cancelled too (the queue is
the kiosk's own).

All of it runs on the printer's thread; the caller gets a request id at once and the result
through a callback on that thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.cups_commands import CupsCommands, CupsError, JobEnd
from kiosk.printing.printer import (
    PrintCallback,
    PrinterState,
    PrintOutcome,
    PrintResult,
    TicketDocument,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CupsPrinterSettings:
    queue: str
    server: str | None = None
    """CUPS_SERVER for the commands; None: the machine's own CUPS."""
    print_timeout_s: float = 8.0
    """From the request to the ticket being out; later, the job is cancelled."""
    poll_s: float = 0.25
    state_check_s: float = 10.0
    """How often the queue's state is checked for the heartbeat while idle."""
    command_timeout_s: float = 5.0


@dataclass
class _Request:
    request_id: str
    document: TicketDocument
    on_done: PrintCallback
    deadline: float


class CupsTicketPrinter:
    def __init__(self, settings: CupsPrinterSettings, spool_dir: Path, *,
                 commands: CupsCommands | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._settings = settings
        self._spool = spool_dir
        self._commands = commands or CupsCommands(settings.queue, server=settings.server,
                                                  timeout_s=settings.command_timeout_s)
        self._clock = clock
        self._cond = threading.Condition()
        self._requests: deque[_Request] = deque()
        self._stale: set[str] = set()
        self._ids = itertools.count(1)
        self._queue_state = PrinterState.UNKNOWN
        self._detail = "not checked yet"
        self._last_ticket_failed = False
        self._next_check = 0.0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)

    # --- any thread -------------------------------------------------------------------------

    def start(self) -> CupsTicketPrinter:
        self._spool.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._thread.start()
        return self

    def print_ticket(self, document: TicketDocument, on_done: PrintCallback) -> str:
        request_id = f"print-{next(self._ids)}"
        deadline = self._clock() + self._settings.print_timeout_s
        with self._cond:
            self._requests.append(_Request(request_id, document, on_done, deadline))
            self._cond.notify_all()
        return request_id

    def state(self) -> PrinterState:
        with self._cond:
            if self._queue_state is PrinterState.OK and self._last_ticket_failed:
                return PrinterState.FAILED
            return self._queue_state

    @property
    def detail(self) -> str:
        """Why the state is what it is, for the log and the staff console."""
        with self._cond:
            return self._detail

    def stale_jobs(self) -> set[str]:
        """Jobs that timed out and whose cancel CUPS has not confirmed yet."""
        with self._cond:
            return set(self._stale)

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=self._settings.command_timeout_s * 3)

    # --- the printer's thread ---------------------------------------------------------------

    def _run(self) -> None:
        if self._commands.cancel_all():
            log.info("printer %s: jobs left from an earlier run were cancelled",
                     self._settings.queue)
        self._check_queue()
        while True:
            with self._cond:
                while not (self._closing or self._requests):
                    wait = self._next_check - self._clock()
                    if wait <= 0:
                        break
                    self._cond.wait(wait)
                if self._closing:
                    leftovers = list(self._requests)
                    self._requests.clear()
                    break
                request = self._requests.popleft() if self._requests else None
            if request is not None:
                self._print(request)
            self._retry_stale()
            if request is not None or self._clock() >= self._next_check:
                self._check_queue()
        for request in leftovers:
            self._finish(request, PrintOutcome.FAILED, "the kiosk is stopping")
        self._retry_stale()

    def _print(self, request: _Request) -> None:
        if self._clock() >= request.deadline:
            self._finish(request, PrintOutcome.FAILED, "waited too long for the printer; "
                         "not sent")
            return
        path = self._spool / f"{request.request_id}.pdf"
        try:
            request.document.write(path)
            job_id = self._commands.submit(path, request.document.title)
        except CupsError as error:
            self._finish(request, PrintOutcome.FAILED, f"CUPS refused the ticket: {error}")
            return
        except Exception as error:  # drawing failed: report it, never lose the callback
            log.exception("printer %s: the ticket could not be drawn", self._settings.queue)
            self._finish(request, PrintOutcome.FAILED, f"the ticket could not be drawn: "
                         f"{error}")
            return
        finally:
            path.unlink(missing_ok=True)
        end = self._watch(job_id, request.deadline)
        if end is JobEnd.PRINTED:
            self._finish(request, PrintOutcome.PRINTED, "printed", job_id)
        elif end is JobEnd.FORGOTTEN:
            self._finish(request, PrintOutcome.PRINTED, "left the queue (CUPS keeps no "
                         "history of it)", job_id)
        else:
            self._finish(request, PrintOutcome.FAILED, f"not printed within "
                         f"{self._settings.print_timeout_s:g} s; cancelled", job_id)

    def _watch(self, job_id: str, deadline: float) -> JobEnd:
        """Wait for the job to leave the queue; at the deadline, cancel it."""
        while not self._stopping() and self._clock() < deadline:
            pending = self._commands.pending_jobs()
            if pending is not None and job_id not in pending:
                end = self._commands.cancel(job_id)  # finished: this only asks how
                if end is not JobEnd.UNKNOWN:
                    return end
            with self._cond:
                self._cond.wait(max(0.0, min(self._settings.poll_s,
                                             deadline - self._clock())))
        end = self._commands.cancel(job_id)
        if end is JobEnd.UNKNOWN:
            log.error("printer %s: job %s is late and CUPS did not confirm its cancel; "
                      "retrying until it does", self._settings.queue, job_id)
            with self._cond:
                self._stale.add(job_id)
            return JobEnd.CANCELLED
        if end is JobEnd.CANCELLED:
            log.warning("printer %s: job %s not printed in time; cancelled",
                        self._settings.queue, job_id)
        return end

    def _retry_stale(self) -> None:
        for job_id in self.stale_jobs():
            end = self._commands.cancel(job_id)
            if end is not JobEnd.UNKNOWN:
                log.info("printer %s: late job %s is now %s", self._settings.queue, job_id,
                         end.value)
                with self._cond:
                    self._stale.discard(job_id)

    def _check_queue(self) -> None:
        check = self._commands.check_queue()
        with self._cond:
            if check.state is PrinterState.OK and self._queue_state is not PrinterState.OK:
                self._last_ticket_failed = False  # someone fixed the printer
            changed = check.state is not self._queue_state
            self._queue_state = check.state
            self._detail = check.detail
            self._next_check = self._clock() + self._settings.state_check_s
        if changed:
            log.info("printer %s: %s (%s)", self._settings.queue, check.state.value,
                     check.detail)

    def _stopping(self) -> bool:
        with self._cond:
            return self._closing

    def _finish(self, request: _Request, outcome: PrintOutcome, detail: str,
                job_id: str | None = None) -> None:
        with self._cond:
            if outcome is PrintOutcome.PRINTED:
                self._last_ticket_failed = False
            elif outcome is PrintOutcome.FAILED:
                self._last_ticket_failed = True
                self._detail = detail
        if outcome is PrintOutcome.FAILED:
            log.warning("printer %s: ticket %s not printed: %s", self._settings.queue,
                        request.request_id, detail)
        try:
            request.on_done(PrintResult(request.request_id, outcome, detail, job_id))
        except Exception:  # the caller's bug must not stop the printer
            log.exception("printer %s: result callback failed", self._settings.queue)
