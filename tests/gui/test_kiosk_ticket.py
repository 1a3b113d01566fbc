"""Taking a ticket at the kiosk, as a customer meets it: home's tile, the services, the
priority question, the ticket shown, spoken and printed, and every way it can go wrong.

The kiosk is the real window from `build_kiosk` with the fake speaker and the fake printer.
The hub's answers are given the way the network gives them (the bridge's `ticket` signal,
answering the request id the kiosk sent); what was sent is recorded by a stand-in for the
bridge's `request_ticket`. The real hub, broker and printer are in tests/e2e.
`start_ticket_kiosk` is also used by the other part-2 widget tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import build_kiosk
from kiosk.customer.screen_states import KioskStage
from kiosk.customer.supervision import KioskHealth
from kiosk.customer.ticket_screen import PrintStage, TicketStage
from kiosk.net.broker import free_port
from kiosk.net.kiosk_client import TicketOutcome, TicketProblem
from kiosk.printing.printer import PrinterState, PrintOutcome
from kiosk.protocol.device_messages import Component
from kiosk.protocol.ticket_messages import IssuedTicket, TicketRefusal
from kiosk.speech.api import Priority
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_printer import FakePrinter
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import FAST_KIOSK, KioskUnderTest, stop_kiosk, touch

PATIENCE_MS = 5000
TOKEN = "Status-token-for-tests-0123456789"


@dataclass
class TicketRequests:
    """Stands in for the bridge's `request_ticket`: records what the kiosk asked for."""

    sent: list[tuple[str, bool, str, str]] = field(default_factory=list)

    def __call__(self, service_id: str, priority: bool, language: str, *,
                 request_id: str | None = None) -> str:
        request_id = request_id or uuid.uuid4().hex
        self.sent.append((service_id, priority, language, request_id))
        return request_id

    @property
    def last_id(self) -> str:
        return self.sent[-1][3]


@dataclass
class TicketKiosk:
    kiosk: KioskUnderTest
    printer: FakePrinter
    requests: TicketRequests

    @property
    def window(self) -> Any:
        return self.kiosk.window

    @property
    def speaker(self) -> FakeSpeaker:
        return self.kiosk.speaker

    @property
    def stage(self) -> KioskStage:
        return self.kiosk.stage

    def answer(self, number: str = "A042", *, people_ahead: int = 3,
               token: str | None = TOKEN, service: str = "cash") -> IssuedTicket:
        ticket = IssuedTicket(number, service, False, people_ahead, 600, 1200, 1_790_000_000.0,
                              token)
        self.kiosk.parts.bridge.ticket.emit(TicketOutcome(self.requests.last_id, ticket))
        return ticket

    def fail(self, problem: TicketProblem, refusal: TicketRefusal | None = None) -> None:
        self.kiosk.parts.bridge.ticket.emit(TicketOutcome(self.requests.last_id, None, problem,
                                                          refusal))

    def said_after(self, count: int) -> str:
        return " | ".join(self.speaker.texts[count:])


def start_ticket_kiosk(qtbot: QtBot, directory: Path, *, printer: FakePrinter | None = None,
                       speaker: FakeSpeaker | None = None, faq_dir: Path | None = None,
                       announcement_repeat_s: float | None = None,
                       **overrides: Any) -> TicketKiosk:
    """The kiosk shown offscreen at 1920x1080, its network thread running but unconnected,
    with a fake printer and ticket requests recorded."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = load_config(write_branch_config(directory / "config", free_port(), **overrides))
    speaker = speaker or FakeSpeaker()
    printer = printer or FakePrinter()
    parts = build_kiosk(app, config, "kiosk-1", directory / "kiosk", speaker=speaker,
                        kiosk=FAST_KIOSK, idle_poll_ms=20, printer=printer, faq_dir=faq_dir,
                        announcement_repeat_s=announcement_repeat_s)
    requests = TicketRequests()
    parts.bridge.request_ticket = requests  # type: ignore[method-assign]
    parts.start(windowed=True, connect=False)
    parts.device.worker.start()
    parts.device.worker.submit(parts.device.client.resume)
    qtbot.waitUntil(parts.window.isActiveWindow)
    return TicketKiosk(KioskUnderTest(parts, speaker, KioskStage(parts)), printer, requests)


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path)
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def take(kiosk: TicketKiosk, touchscreen: QPointingDevice, *, service: int = 0,
         priority: bool = False) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.ticket_button)
    touch(touchscreen, window.services_screen.choices.buttons[service])
    screen = window.priority_screen
    touch(touchscreen, screen.yes_button if priority else screen.no_button)


# --- the way there -------------------------------------------------------------------------


def test_home_offers_four_large_choices_ticket_first(kiosk: TicketKiosk) -> None:
    home = kiosk.window.home
    assert [button.text() for button in home.choices] == [
        "取号", "常见问题", "我不知道要办什么", "字体和声音"]


def test_the_services_are_tiles_with_their_letter_and_plain_line_and_are_read(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    touch(touchscreen, kiosk.window.home.ticket_button)

    screen = kiosk.window.services_screen
    assert kiosk.window.flow.screen is Screen.SERVICES
    shown = screen.choices.shown_buttons()
    assert [button.text() for button in shown] == ["存款取款", "养老金", "挂失补办", "其他业务",
                                                   "转账汇款"]
    assert [note.text() for note in screen.choices.notes] == [
        "存钱、取钱、转账", "领取养老金、社保卡业务", "银行卡、存折丢了或坏了",
        "开户、改密码、咨询", "给别人转钱、往外地汇款"]
    assert shown[0].accessibleDescription() == "存钱、取钱、转账"
    said = kiosk.speaker.last.text
    assert "您要办什么业务？" in said and "养老金" in said and "领取养老金、社保卡业务" in said


def test_a_priority_ticket_is_asked_for_in_the_screen_language_and_the_wait_is_said(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen, service=1, priority=True)

    assert kiosk.requests.sent[0][:3] == ("pension", True, "zh_CN")
    screen = kiosk.window.ticket_screen
    assert kiosk.window.flow.screen is Screen.TICKET and screen.stage is TicketStage.ASKING
    assert "请稍等，正在为您取号。" in kiosk.speaker.last.text


# --- the ticket ------------------------------------------------------------------------------


def test_the_ticket_is_shown_huge_spoken_in_full_and_printed(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    before = len(kiosk.speaker.said)
    kiosk.answer("A042", people_ahead=3)

    screen = kiosk.window.ticket_screen
    qtbot.waitUntil(lambda: screen.print_stage is PrintStage.PRINTED, timeout=PATIENCE_MS)
    assert screen.number.text() == "A042号" and screen.number.role() == "huge"
    assert screen.service.text() == "存款取款"
    assert screen.people_ahead.text() == "您前面还有3人在等候。"
    assert screen.wait.text() == "预计等候10到20分钟"
    assert screen.qr.isVisible()
    assert screen.qr.text == f"{kiosk.kiosk.config.status_page.public_url}/t/{TOKEN}"
    reading = kiosk.speaker.said[before]
    assert reading.items[:4] == ("您的号码", "A042号", "存款取款", "您前面还有3人在等候。")
    assert "预计等候10到20分钟" in reading.text
    qtbot.waitUntil(lambda: "请在下方取走号票。" in kiosk.said_after(before),
                    timeout=PATIENCE_MS)
    assert kiosk.printer.titles == ["号票A042"]
    assert screen.print_line.text() == "请在下方取走号票。"


def test_a_failed_print_is_told_on_screen_and_aloud_and_the_ticket_stays(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    kiosk = start_ticket_kiosk(qtbot, tmp_path, printer=FakePrinter(auto_outcome=None))
    try:
        take(kiosk, touchscreen)
        kiosk.answer("A043")
        screen = kiosk.window.ticket_screen
        qtbot.waitUntil(lambda: bool(kiosk.printer.unfinished), timeout=PATIENCE_MS)
        assert screen.print_line.text() == "正在打印号票。"
        before = len(kiosk.speaker.said)

        kiosk.printer.finish(kiosk.printer.unfinished[0].request_id, PrintOutcome.FAILED)

        qtbot.waitUntil(lambda: screen.print_stage is PrintStage.FAILED, timeout=PATIENCE_MS)
        assert screen.print_line.text() == "抱歉，号票没有打印出来。"
        assert screen.print_advice.text() == "请记住您的号码：A043号。"
        qtbot.waitUntil(lambda: "号票没有打印出来" in kiosk.said_after(before),
                        timeout=PATIENCE_MS)
        assert "请记住您的号码：A043号。" in kiosk.said_after(before)
        assert kiosk.window.flow.screen is Screen.TICKET and screen.number.text() == "A043号"
    finally:
        stop_kiosk(kiosk.kiosk.parts)


def test_a_kiosk_without_printer_asks_the_customer_to_remember_the_number(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    kiosk = start_ticket_kiosk(qtbot, tmp_path,
                               printer=FakePrinter(auto_outcome=PrintOutcome.NO_PRINTER),
                               **{"printer.mode": "none"})
    try:
        take(kiosk, touchscreen)
        before = len(kiosk.speaker.said)
        kiosk.answer("A001", people_ahead=0)
        screen = kiosk.window.ticket_screen
        qtbot.waitUntil(lambda: screen.print_stage is PrintStage.NO_PRINTER,
                        timeout=PATIENCE_MS)
        assert screen.print_line.text() == "请记住您的号码：A001号。"
        assert screen.people_ahead.text() == "您前面没有人在等候。"
        qtbot.waitUntil(lambda: not kiosk.printer.unfinished, timeout=PATIENCE_MS)
        said = kiosk.said_after(before)
        assert "正在打印" not in said  # it has no printer: it never says it is printing
        assert said.count("请记住您的号码：A001号。") == 1
    finally:
        stop_kiosk(kiosk.kiosk.parts)


def test_with_the_status_page_off_there_is_no_qr_code(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    kiosk = start_ticket_kiosk(qtbot, tmp_path, **{"status_page.enabled": False})
    try:
        take(kiosk, touchscreen)
        kiosk.answer("A007")
        screen = kiosk.window.ticket_screen
        assert screen.number.text() == "A007号"
        assert not screen.qr.isVisible() and not screen.scan_hint.isVisible()
        assert screen.qr.text == ""
    finally:
        stop_kiosk(kiosk.kiosk.parts)


def test_the_ticket_follows_a_language_switch_and_says_it_again(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    kiosk.answer("A042")
    session = kiosk.window.session
    session.update(session.settings.with_language("en"))

    screen = kiosk.window.ticket_screen
    assert screen.service.text() == "Deposits and withdrawals"
    assert screen.number.text() == "A042"
    assert kiosk.speaker.last.items[:2] == ("Your number", "A042")
    assert kiosk.speaker.last.language == "en"


# --- no ticket -------------------------------------------------------------------------------


def test_no_answer_sends_the_customer_to_the_counter_and_try_again_asks_the_same_request(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    first = kiosk.requests.last_id
    kiosk.fail(TicketProblem.NO_ANSWER)

    screen = kiosk.window.ticket_screen
    assert screen.stage is TicketStage.NOT_ISSUED
    assert screen.reason.text() == "取号系统没有及时回应。"
    assert screen.advice.text() == "请到柜台，工作人员会给您一个号。"
    said = kiosk.speaker.last
    assert "请到柜台" in said.text and said.priority is Priority.NORMAL
    assert kiosk.printer.jobs == []

    touch(touchscreen, screen.try_again_button)
    assert kiosk.requests.last_id == first  # the hub answers with any ticket already issued
    assert screen.stage is TicketStage.ASKING
    kiosk.answer("A050")
    assert screen.number.text() == "A050号"


def test_a_refusal_says_why_in_plain_words_and_offers_no_retry(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    kiosk.fail(TicketProblem.REFUSED, TicketRefusal.SERVICE_CLOSED)

    screen = kiosk.window.ticket_screen
    assert screen.reason.text() == "这项业务现在暂停办理。"
    assert not screen.try_again_button.isVisible()
    assert "请到柜台" in kiosk.speaker.last.text


def test_an_answer_to_an_abandoned_request_is_not_shown(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    abandoned = kiosk.requests.last_id
    kiosk.window.go_home()
    take(kiosk, touchscreen, service=2)

    late = IssuedTicket("A099", "cash", False, 5, 600, 900, 1_790_000_000.0, TOKEN)
    kiosk.kiosk.parts.bridge.ticket.emit(TicketOutcome(abandoned, late))

    screen = kiosk.window.ticket_screen
    assert screen.stage is TicketStage.ASKING and screen.number.text() == ""
    kiosk.answer("C001", service="cards")
    assert screen.number.text() == "C001号" and kiosk.printer.titles == ["号票C001"]


def test_the_next_customer_finds_no_trace_of_the_ticket(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    kiosk.answer("A042")

    kiosk.window.reset_for_next_customer()

    screen = kiosk.window.ticket_screen
    assert kiosk.window.flow.screen is Screen.HOME
    assert screen.ticket is None and screen.number.text() == "" and screen.qr.text == ""
    assert kiosk.window.tickets.pending_request is None


def test_the_pseudo_language_asks_the_hub_in_english(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    session = kiosk.window.session
    session.update(session.settings.with_language("pseudo"))
    take(kiosk, touchscreen)
    assert kiosk.requests.sent[0][2] == "en"


@pytest.mark.parametrize(("state", "component"), [
    (PrinterState.OK, Component.OK), (PrinterState.FAILED, Component.FAILED),
    (PrinterState.ABSENT, Component.ABSENT), (PrinterState.UNKNOWN, Component.DEGRADED)])
def test_the_heartbeat_tells_staff_how_the_printer_is(
        kiosk: TicketKiosk, state: PrinterState, component: Component) -> None:
    kiosk.printer.set_state(state)
    parts = kiosk.kiosk.parts
    health = KioskHealth(parts.device, kiosk.speaker, lambda: False, kiosk.printer.state)
    assert health.health().printer is component
