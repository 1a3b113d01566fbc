"""Tickets printed through a real CUPS daemon: what comes out, and what never does.

Each test starts its own `cupsd` on a private unix socket (CUPS_SERVER) with a private
configuration, spool and state, and a queue whose device is a small backend script that
writes every job it is given into a folder: the folder is the paper. What is "printed" is
then read back the way a person would check a ticket: its text with `pdftotext`, its QR
code with `zbarimg` on a picture of the page made by `pdftoppm`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig, load_config
from kiosk.printing.cups_commands import CupsCommands, queue_check_of
from kiosk.printing.cups_printer import CupsPrinterSettings, CupsTicketPrinter
from kiosk.printing.printer import PrinterState, PrintOutcome, PrintResult, TicketDocument
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.printing.ticket_content import ticket_facts
from kiosk.printing.ticket_pdf import ticket_document
from kiosk.printing.ticket_words import ticket_words
from kiosk.protocol.ticket_messages import IssuedTicket
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import load_language, unload_language
from tests.helpers.branch import write_branch_config
from tests.helpers.cups import MISSING, PATIENCE_S, QUEUE, TOKEN, CupsDaemon, qr_of, text_of
from tests.helpers.waiting import wait_until

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} "
                                 "(tools/setup-debian.sh installs them)"),
              pytest.mark.skipif(os.geteuid() != 0, reason="cupsd checks that its files "
                                 "belong to root and runs backends as user lp: run as root")]


@pytest.fixture
def cups() -> Iterator[CupsDaemon]:
    daemon = CupsDaemon()
    try:
        yield daemon.start()
    finally:
        daemon.remove()


@pytest.fixture
def config(tmp_path: Path) -> BranchConfig:
    return load_config(write_branch_config(tmp_path / "config", 1883))


@pytest.fixture
def family(qapp: QApplication) -> Iterator[str]:
    yield load_fonts()
    unload_language(qapp)


def document(config: BranchConfig, family: str, language: str, number: str,
             people_ahead: int = 3) -> TicketDocument:
    """The ticket as the kiosk would print it, drawn in `language`."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_language(app, language)
    ticket = IssuedTicket(number, "cash", False, people_ahead, 600, 1150, time.time(), TOKEN)
    return ticket_document(ticket_words(ticket_facts(ticket, config, language)),
                           font_family=family)


def printer_for(cups: CupsDaemon, spool: Path, timeout_s: float) -> CupsTicketPrinter:
    settings = CupsPrinterSettings(QUEUE, server=cups.socket, print_timeout_s=timeout_s,
                                   poll_s=0.05, state_check_s=0.1)
    return CupsTicketPrinter(settings, spool).start()


class Results:
    def __init__(self) -> None:
        self.results: list[PrintResult] = []
        self.threads: set[int] = set()
        self._lock = threading.Lock()

    def __call__(self, result: PrintResult) -> None:
        with self._lock:
            self.results.append(result)
            self.threads.add(threading.get_ident())

    def wait(self, count: int) -> list[PrintResult]:
        wait_until(lambda: len(self.results) >= count, PATIENCE_S, f"{count} print results")
        return list(self.results)


@pytest.mark.parametrize(("language", "service"), [("zh_CN", "存款取款"),
                                                   ("en", "Deposits and withdrawals")])
def test_a_printed_ticket_holds_the_number_and_a_qr_code_of_its_status_page(
        cups: CupsDaemon, config: BranchConfig, family: str, tmp_path: Path,
        language: str, service: str) -> None:
    printer = printer_for(cups, tmp_path / "spool", timeout_s=PATIENCE_S)
    results = Results()
    try:
        printer.print_ticket(document(config, family, language, "A042"), results)
        [result] = results.wait(1)
    finally:
        printer.close()

    assert result.outcome is PrintOutcome.PRINTED, result.detail
    assert result.job_id is not None and result.job_id.startswith(f"{QUEUE}-")
    assert results.threads != {threading.get_ident()}  # reported from the printer's thread
    [paper] = cups.printed()
    assert paper.name == f"job-{result.job_id.split('-')[-1]}.pdf"
    text = text_of(paper)
    assert "A042" in text and service in text
    assert qr_of(paper, tmp_path) == f"{config.status_page.public_url}/t/{TOKEN}"
    assert printer.state() is PrinterState.OK
    assert not list((tmp_path / "spool").iterdir())  # no ticket left behind on the kiosk


def test_a_stuck_queue_fails_the_ticket_and_it_never_prints_later(
        qtbot, cups: CupsDaemon, config: BranchConfig, family: str,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    printer = printer_for(cups, tmp_path / "spool", timeout_s=1.5)
    events = PrinterEvents(printer)
    try:
        with qtbot.waitSignal(events.finished, timeout=PATIENCE_S * 1000) as first:
            events.print_ticket(document(config, family, "zh_CN", "A042"))
        assert first.args[0].printed

        cups.run("cupsdisable", QUEUE, check=True)  # the printer stops mid-morning
        with qtbot.waitSignal(events.finished, timeout=PATIENCE_S * 1000) as stuck:
            events.print_ticket(document(config, family, "zh_CN", "A043"))
        failed: PrintResult = stuck.args[0]
        assert failed.outcome is PrintOutcome.FAILED
        assert "cancelled" in failed.detail
        pending = CupsCommands(QUEUE, server=cups.socket).pending_jobs()
        assert pending is not None and failed.job_id not in pending
        qtbot.waitUntil(lambda: printer.state() is PrinterState.FAILED, timeout=5000)

        cups.run("cupsenable", QUEUE, check=True)  # staff fix the printer
        qtbot.waitUntil(lambda: printer.state() is PrinterState.OK, timeout=5000)
        with qtbot.waitSignal(events.finished, timeout=PATIENCE_S * 1000) as later:
            events.print_ticket(document(config, family, "zh_CN", "A044"))
        assert later.args[0].printed
    finally:
        printer.close()

    # CUPS prints in order: had the stale A043 survived, it would have come out before A044
    texts = [text_of(paper) for paper in cups.printed()]
    assert [("A042" in t, "A043" in t, "A044" in t) for t in texts] == [
        (True, False, False), (False, False, True)], cups.log()


def test_a_late_job_whose_cancel_cups_missed_is_cancelled_when_cups_is_back(
        cups: CupsDaemon, config: BranchConfig, family: str, tmp_path: Path) -> None:
    cups.run("cupsdisable", QUEUE, check=True)
    printer = printer_for(cups, tmp_path / "spool", timeout_s=2.0)
    results = Results()
    try:
        printer.print_ticket(document(config, family, "en", "B007"), results)
        wait_until(lambda: bool(CupsCommands(QUEUE, server=cups.socket).pending_jobs()),
                   PATIENCE_S, "the job to wait in the disabled queue")
        cups.stop()  # CUPS is restarting when the deadline passes: the cancel cannot land
        [result] = results.wait(1)
        assert result.outcome is PrintOutcome.FAILED
        assert printer.stale_jobs() == {result.job_id}

        cups.start_again()
        wait_until(lambda: not printer.stale_jobs(), PATIENCE_S, "the late job's cancel")
        cups.run("cupsenable", QUEUE, check=True)
        sentinel = Results()
        printer.print_ticket(document(config, family, "en", "B008"), sentinel)
        assert sentinel.wait(1)[0].printed
    finally:
        printer.close()

    texts = [text_of(paper) for paper in cups.printed()]
    assert len(texts) == 1 and "B008" in texts[0] and "B007" not in texts[0]


def test_jobs_left_by_an_earlier_run_are_cancelled_at_start(
        cups: CupsDaemon, config: BranchConfig, family: str, tmp_path: Path) -> None:
    cups.run("cupsdisable", QUEUE, check=True)
    leftover = tmp_path / "leftover.pdf"
    document(config, family, "en", "C001").write(leftover)
    cups.run("lp", "-d", QUEUE, str(leftover), check=True)
    commands = CupsCommands(QUEUE, server=cups.socket)
    assert commands.pending_jobs()

    printer = printer_for(cups, tmp_path / "spool", timeout_s=5.0)
    try:
        wait_until(lambda: commands.pending_jobs() == set(), PATIENCE_S,
                   "the leftover job to be cancelled")
        cups.run("cupsenable", QUEUE, check=True)
        results = Results()
        printer.print_ticket(document(config, family, "en", "C002"), results)
        assert results.wait(1)[0].printed
    finally:
        printer.close()
    assert ["C002" in text_of(p) and "C001" not in text_of(p) for p in cups.printed()] == [
        True]


def test_queue_states_as_cups_reports_them(cups: CupsDaemon) -> None:
    commands = CupsCommands(QUEUE, server=cups.socket)
    assert commands.check_queue().state is PrinterState.OK

    cups.run("cupsdisable", "-r", "out of paper", QUEUE, check=True)
    disabled = commands.check_queue()
    assert disabled.state is PrinterState.FAILED and "disabled" in disabled.detail
    cups.run("cupsenable", QUEUE, check=True)

    cups.run("cupsreject", QUEUE, check=True)
    assert commands.check_queue().state is PrinterState.FAILED
    cups.run("cupsaccept", QUEUE, check=True)

    assert CupsCommands("no-such-queue", server=cups.socket).check_queue().state \
        is PrinterState.ABSENT
    cups.stop()
    gone = commands.check_queue()
    assert gone.state is PrinterState.ABSENT
    # what a printer reporting an empty paper roll looks like in lpstat's output
    assert queue_check_of(
        "printer tickets is idle.  enabled since Fri Nov 27 00:10:13 2026\n"
        "\tAlerts: media-empty-error\n").state is PrinterState.FAILED


def test_a_ticket_that_cannot_be_drawn_fails_without_reaching_the_printer(
        cups: CupsDaemon, tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_bytes(b"%PDF-1.4 half a ticket")
        raise OSError("disk full")

    printer = printer_for(cups, tmp_path / "spool", timeout_s=5.0)
    results = Results()
    try:
        printer.print_ticket(TicketDocument("Ticket A050", broken), results)
        [result] = results.wait(1)
    finally:
        printer.close()

    assert result.outcome is PrintOutcome.FAILED and "disk full" in result.detail
    assert result.job_id is None and cups.printed() == []
    assert not list((tmp_path / "spool").iterdir())  # the half-written file is gone
