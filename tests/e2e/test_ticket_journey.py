"""Taking a ticket end to end: the real kiosk window touched by a finger, a real hub
process, real Mosquitto, and the ticket printed through a real CUPS daemon whose queue
writes every job to a folder (the paper).

What comes out is checked the way a person would: the number on screen is the one the hub
issued (its retained queue and its status page say so), the voice said the number, the
service and the people ahead, the paper's text holds the number and its QR code (read by
`zbarimg` from a picture of the page) opens the status page, which shows the ticket and
its place. With no CUPS on the machine the ticket is drawn to PDF by the same printing code
and only the CUPS step is skipped (named in the test's output). Then: no hub answering,
and a printer that stops mid-morning.
"""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import KioskSection, Role
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.ticket_screen import PrintStage, TicketStage
from kiosk.net.broker import MosquittoBroker
from kiosk.printing.cups_printer import CupsPrinterSettings, CupsTicketPrinter
from kiosk.printing.printer import TicketPrinter
from kiosk.protocol.help_messages import Rating, VisitFeedback
from kiosk.protocol.ticket_messages import QueueState
from tests.helpers.branch import write_branch_config
from tests.helpers.cups import MISSING as CUPS_MISSING
from tests.helpers.cups import QUEUE, CupsDaemon, qr_of, text_of
from tests.helpers.fake_printer import FakePrinter
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.hub_process import running_hub
from tests.helpers.kiosk_harness import stop_kiosk, touch
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

PATIENCE_MS = 20_000
CUPS_USABLE = not CUPS_MISSING and os.geteuid() == 0
KIOSK = KioskSection(confirm_grace_s=5.0, pin_reply_timeout_s=5.0)


@dataclass
class Paper:
    """Where printed tickets end up: CUPS's paper folder, or the printing code's PDFs."""

    printer: TicketPrinter
    folder: Path
    cups: CupsDaemon | None

    def printed(self) -> list[Path]:
        if self.cups is not None:
            return self.cups.printed()
        return sorted(self.folder.glob("*.pdf"))


@pytest.fixture
def paper(tmp_path: Path) -> Iterator[Paper]:
    if not CUPS_USABLE:
        folder = tmp_path / "drawn"
        folder.mkdir()
        print(f"no CUPS here ({', '.join(CUPS_MISSING) or 'not root'}): the printing code's "
              "own PDF is checked")
        yield Paper(FakePrinter(render_to=folder), folder, None)
        return
    cups = CupsDaemon().start()
    settings = CupsPrinterSettings(QUEUE, server=cups.socket, print_timeout_s=15.0,
                                   poll_s=0.05, state_check_s=0.2)
    printer = CupsTicketPrinter(settings, tmp_path / "spool").start()
    try:
        yield Paper(printer, cups.paper, cups)
    finally:
        printer.close()
        cups.remove()


def start_kiosk(qapp: QApplication, config: BranchConfig, directory: Path,
                printer: TicketPrinter, qtbot: QtBot) -> tuple[KioskParts, FakeSpeaker]:
    speaker = FakeSpeaker()
    parts = build_kiosk(qapp, config, "kiosk-1", directory, speaker=speaker, kiosk=KIOSK,
                        printer=printer)
    parts.start(windowed=True)
    qtbot.waitUntil(parts.window.isActiveWindow)
    device = parts.device
    wait_until(lambda: device.link.connected, 10, "the kiosk connects to the broker")
    return parts, speaker


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def take_a_ticket(parts: KioskParts, touchscreen: QPointingDevice) -> None:
    window = parts.window
    touch(touchscreen, window.home.ticket_button)
    touch(touchscreen, window.services_screen.choices.buttons[0])  # deposits, withdrawals
    touch(touchscreen, window.priority_screen.no_button)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_a_ticket_taken_at_the_kiosk_is_the_hubs_spoken_printed_and_on_the_status_page(
        qapp: QApplication, qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
        paper: Paper, touchscreen: QPointingDevice) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        branch = hub.config.branch.id
        watcher = RawDevice("127.0.0.1", mosquitto.port, "console-lobby", branch=branch,
                            role=Role.CONSOLE)
        parts, speaker = start_kiosk(qapp, hub.config, tmp_path / "kiosk", paper.printer,
                                     qtbot)
        try:
            wait_until(lambda: parts.device.call(
                lambda: parts.device.client.reachability().hub_online), 10,
                "the kiosk hears the hub")
            take_a_ticket(parts, touchscreen)

            screen = parts.window.ticket_screen
            qtbot.waitUntil(lambda: screen.stage is TicketStage.ISSUED, timeout=PATIENCE_MS)
            ticket = screen.ticket
            assert ticket is not None and ticket.number.startswith("A")
            hub_queue = watcher.wait_for(
                QueueState, lambda q: any(w.number == ticket.number for w in q.waiting))
            assert [w.number for w in hub_queue.waiting] == [ticket.number]
            assert screen.number.text() == f"{ticket.number}号"

            spoken = " | ".join(speaker.texts)
            assert f"您的号码 {ticket.number}号" in spoken.replace(" | ", " ")
            assert "存款取款" in spoken
            assert screen.people_ahead.text() == "您前面没有人在等候。"  # the first of the day
            assert "您前面没有人在等候。" in spoken

            qtbot.waitUntil(lambda: screen.print_stage is PrintStage.PRINTED,
                            timeout=PATIENCE_MS)
            [printed] = paper.printed()
            assert ticket.number in text_of(printed)
            url = qr_of(printed, tmp_path)
            assert url == f"{hub.config.status_page.public_url}/t/{ticket.status_token}"
            assert screen.qr.text == url

            page = fetch(url)
            assert ticket.number in page
            assert "您前面没有人在等候。" in page and "Nobody is waiting before you." in page

            touch(touchscreen, screen.finished_button)
            touch(touchscreen, parts.window.feedback_screen.faces[Rating.GOOD])
            rating = watcher.wait_for(VisitFeedback)
            assert (rating.rating, rating.language) == (Rating.GOOD, "zh_CN")
            assert set(rating.to_body()) == {"feedback_id", "rating", "language"}
        finally:
            stop_kiosk(parts)
            watcher.close()


def test_with_no_hub_answering_the_customer_is_sent_to_the_counter(
        qapp: QApplication, qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
        touchscreen: QPointingDevice) -> None:
    config = load_config(write_branch_config(tmp_path / "config", mosquitto.port,
                                             **{"queue.reply_timeout_s": 1.0}))
    parts, speaker = start_kiosk(qapp, config, tmp_path / "kiosk", FakePrinter(), qtbot)
    try:
        take_a_ticket(parts, touchscreen)
        screen = parts.window.ticket_screen
        qtbot.waitUntil(lambda: screen.stage is TicketStage.NOT_ISSUED, timeout=PATIENCE_MS)

        assert screen.reason.text() == "取号系统没有及时回应。"
        assert screen.advice.text() == "请到柜台，工作人员会给您一个号。"
        assert "请到柜台，工作人员会给您一个号。" in speaker.last.text
        assert parts.window.flow.screen is Screen.TICKET and screen.try_again_button.isVisible()
    finally:
        stop_kiosk(parts)


@pytest.mark.skipif(not CUPS_USABLE, reason="needs CUPS (tools/setup-debian.sh) and root")
def test_a_printer_stopped_mid_morning_is_told_and_its_stale_ticket_never_prints(
        qapp: QApplication, qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
        touchscreen: QPointingDevice) -> None:
    cups = CupsDaemon().start()
    settings = CupsPrinterSettings(QUEUE, server=cups.socket, print_timeout_s=1.5,
                                   poll_s=0.05, state_check_s=0.2)
    printer = CupsTicketPrinter(settings, tmp_path / "spool").start()
    try:
        with running_hub(tmp_path / "hub", mosquitto.port) as hub:
            parts, speaker = start_kiosk(qapp, hub.config, tmp_path / "kiosk", printer,
                                         qtbot)
            try:
                cups.run("cupsdisable", QUEUE, check=True)
                take_a_ticket(parts, touchscreen)
                screen = parts.window.ticket_screen
                qtbot.waitUntil(lambda: screen.print_stage is PrintStage.FAILED,
                                timeout=PATIENCE_MS)
                stale = screen.ticket
                assert stale is not None
                assert screen.print_advice.text() == f"请记住您的号码：{stale.number}号。"
                assert "号票没有打印出来" in " | ".join(speaker.texts)
                assert parts.window.flow.screen is Screen.TICKET

                cups.run("cupsenable", QUEUE, check=True)
                parts.window.go_home()
                take_a_ticket(parts, touchscreen)
                qtbot.waitUntil(lambda: screen.print_stage is PrintStage.PRINTED,
                                timeout=PATIENCE_MS)
                fresh = screen.ticket
                assert fresh is not None and fresh.number != stale.number
            finally:
                stop_kiosk(parts)
        texts = [text_of(page) for page in cups.printed()]
        assert len(texts) == 1 and fresh.number in texts[0] and stale.number not in texts[0]
    finally:
        printer.close()
        cups.remove()
