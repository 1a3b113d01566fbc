"""The printed ticket as a customer would read it: drawn by Qt into a receipt-width PDF in
the customer's language, with the number huge and a QR code of the status page.

The PDF's text is read back with `pdftotext` and its QR code with `zbarimg` (on a picture
made by `pdftoppm`), as a person or a phone would read the paper.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.queue.ticket_sentences import wait_minutes
from kiosk.core.settings import PrinterMode, PrinterSection
from kiosk.printing.configured_printer import make_printer
from kiosk.printing.cups_printer import CupsTicketPrinter
from kiosk.printing.printer import (
    NoPrinter,
    PrinterState,
    PrintOutcome,
    PrintResult,
    TicketDocument,
    printer_component,
)
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.printing.ticket_content import status_url, ticket_facts
from kiosk.printing.ticket_pdf import qr_matrix, render_ticket_pdf, ticket_document
from kiosk.printing.ticket_words import TicketWords, ticket_words
from kiosk.protocol.device_messages import Component
from kiosk.protocol.ticket_messages import IssuedTicket
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import load_language, unload_language
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_printer import FakePrinter
from tests.helpers.waiting import wait_until

TOKEN = "St4tus-token_0123456789abcdefGHIJ"
ISSUED_AT = datetime(2026, 11, 27, 9, 15, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm", "pdfinfo", "zbarimg")),
    reason="needs poppler-utils and zbar-tools (tools/setup-debian.sh)")


@pytest.fixture
def config(tmp_path: Path) -> BranchConfig:
    return load_config(write_branch_config(tmp_path / "config", 1883))


@pytest.fixture
def family(qapp: QApplication) -> Iterator[str]:
    yield load_fonts()
    unload_language(qapp)


def issued(people_ahead: int = 3, low_s: int = 600, high_s: int = 1150,
           token: str | None = TOKEN) -> IssuedTicket:
    return IssuedTicket("A042", "cash", False, people_ahead, low_s, high_s, ISSUED_AT, token)


def words_in(language: str, config: BranchConfig, ticket: IssuedTicket) -> TicketWords:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_language(app, language)
    return ticket_words(ticket_facts(ticket, config, language))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=30).stdout


def qr_in(pdf: Path) -> str:
    picture = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(picture)],
                   check=True, timeout=30)
    return subprocess.run(["zbarimg", "--quiet", "--raw", f"{picture}.png"],
                          capture_output=True, text=True, timeout=30).stdout.strip()


def page_width_mm(pdf: Path) -> float:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                          timeout=30).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match is not None, info
    return float(match.group(1)) * 25.4 / 72


def test_the_ticket_reads_as_one_sentence_per_line_in_chinese_and_english(
        config: BranchConfig, family: str) -> None:
    zh = words_in("zh_CN", config, issued())
    en = words_in("en", config, issued())

    assert (zh.branch, zh.your_number, zh.number, zh.service) == ("示范支行", "您的号码", "A042",
                                                                 "存款取款")
    assert zh.people_ahead == "您前面还有3人在等候。"
    assert zh.wait == "预计等候10到20分钟"
    assert zh.taken_at == "取号时间：2026-11-27 09:15"  # the branch's own time zone
    assert zh.status_url == f"{config.status_page.public_url}/t/{TOKEN}"
    assert (en.service, en.people_ahead, en.wait) == (
        "Deposits and withdrawals", "3 people are waiting before you.",
        "Expected wait: 10 to 20 minutes")
    assert en.title == "Ticket A042"


def test_the_next_customer_and_a_short_wait_are_said_plainly(config: BranchConfig,
                                                             family: str) -> None:
    words = words_in("zh_CN", config, issued(people_ahead=0, low_s=0, high_s=200))

    assert words.people_ahead == "您前面没有人在等候。"
    assert words.wait == "预计等候不超过4分钟"
    nobody = words_in("zh_CN", config, issued(people_ahead=0, low_s=0, high_s=0))
    assert nobody.wait == "预计等候不到1分钟"  # never "0 to 0 minutes"
    one = words_in("en", config, issued(people_ahead=1, low_s=120, high_s=120))
    assert (one.people_ahead, one.wait) == ("One person is waiting before you.",
                                            "Expected wait: about 2 minutes")


def test_wait_ranges_never_promise_less_than_the_hub_did() -> None:
    assert wait_minutes(600, 1150) == (10, 20)
    assert wait_minutes(659, 661) == (10, 12)
    assert wait_minutes(0, 0) == (0, 0)
    assert status_url("https://q.example.cn/", "tok") == "https://q.example.cn/t/tok"


@needs_poppler
@pytest.mark.parametrize(("language", "service", "ahead"), [
    ("zh_CN", "存款取款", "您前面还有3人在等候。"),
    ("en", "Deposits and withdrawals", "3 people are waiting before you.")])
def test_the_pdf_is_receipt_wide_holds_the_ticket_and_a_readable_qr_code(
        config: BranchConfig, family: str, tmp_path: Path, language: str, service: str,
        ahead: str) -> None:
    pdf = tmp_path / f"ticket-{language}.pdf"

    render_ticket_pdf(words_in(language, config, issued()), pdf, font_family=family)

    text = pdf_text(pdf)
    assert "A042" in text and service in text and ahead in text
    assert qr_in(pdf) == f"{config.status_page.public_url}/t/{TOKEN}"
    assert page_width_mm(pdf) == pytest.approx(80, abs=0.5)


@needs_poppler
def test_without_the_status_page_there_is_no_qr_code(config: BranchConfig, family: str,
                                                     tmp_path: Path) -> None:
    words = words_in("en", config, issued(token=None))
    pdf = tmp_path / "no-qr.pdf"

    render_ticket_pdf(words, pdf, font_family=family, paper_width_mm=58)

    assert words.scan_hint is None and words.status_url is None
    assert "Scan" not in pdf_text(pdf)
    assert qr_in(pdf) == ""
    assert page_width_mm(pdf) == pytest.approx(58, abs=0.5)


@needs_poppler
def test_the_ticket_is_drawn_on_the_printers_own_thread(config: BranchConfig, family: str,
                                                        tmp_path: Path) -> None:
    document = ticket_document(words_in("zh_CN", config, issued()), font_family=family)
    pdf = tmp_path / "threaded.pdf"
    errors: list[BaseException] = []

    def draw() -> None:
        try:
            document.write(pdf)
        except BaseException as error:  # reported to the test below
            errors.append(error)

    worker = threading.Thread(target=draw)
    worker.start()
    worker.join(30)

    assert errors == []
    assert "A042" in pdf_text(pdf)


def test_the_qr_code_keeps_its_quiet_zone() -> None:
    matrix = qr_matrix("http://127.0.0.1:8080/t/" + TOKEN)

    assert len(matrix) == len(matrix[0])
    border = [*matrix[:4], *matrix[-4:], *(row[:4] for row in matrix), *(row[-4:] for row in
                                                                       matrix)]
    assert not any(any(row) for row in border)


def test_print_results_reach_the_gui_thread(qtbot, config: BranchConfig,  # type: ignore[no-untyped-def]
                                            family: str, tmp_path: Path) -> None:
    printer = FakePrinter(auto_outcome=None, render_to=tmp_path)
    events = PrinterEvents(printer)
    request_id = events.print_ticket(ticket_document(words_in("en", config, issued()),
                                                     font_family=family))
    results: list[tuple[PrintResult, int]] = []
    events.finished.connect(lambda result: results.append((result, threading.get_ident())))

    finisher = threading.Thread(target=printer.finish,
                                args=(request_id, PrintOutcome.FAILED, "queue stopped"))
    finisher.start()
    finisher.join(10)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)

    [(result, thread)] = results
    assert (result.request_id, result.outcome) == (request_id, PrintOutcome.FAILED)
    assert thread == threading.get_ident()
    assert printer.titles == ["Ticket A042"]
    assert (tmp_path / f"{request_id}.pdf").stat().st_size > 0
    assert printer_component(events.state()) is Component.FAILED


def test_a_kiosk_without_a_printer_says_so_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    events = PrinterEvents(NoPrinter())

    with qtbot.waitSignal(events.finished, timeout=5000) as blocker:
        events.print_ticket(ticket_document_stub())

    assert blocker.args[0].outcome is PrintOutcome.NO_PRINTER
    assert events.state() is PrinterState.ABSENT
    assert printer_component(events.state()) is Component.ABSENT
    assert printer_component(PrinterState.UNKNOWN) is Component.DEGRADED


def ticket_document_stub() -> TicketDocument:
    def never_drawn(path: Path) -> None:
        raise AssertionError(f"a kiosk without a printer drew {path}")

    return TicketDocument("Ticket A042", never_drawn)



def test_the_configured_mode_picks_the_printer(tmp_path: Path) -> None:
    none = make_printer(PrinterSection(mode=PrinterMode.NONE), tmp_path / "spool")
    assert isinstance(none, NoPrinter) and none.state() is PrinterState.ABSENT

    cups = make_printer(PrinterSection(queue="no-such-queue", print_timeout_s=2.0),
                        tmp_path / "spool", server=str(tmp_path / "no-cups.sock"))
    try:
        assert isinstance(cups, CupsTicketPrinter)
        # no CUPS answers on that socket: the heartbeat says the printer is not there
        wait_until(lambda: cups.state() is PrinterState.ABSENT, 10.0, "the first check")
        assert (tmp_path / "spool").stat().st_mode & 0o777 == 0o700
    finally:
        cups.close()
