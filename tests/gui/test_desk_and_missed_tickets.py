"""Desk tickets, missed numbers and long waits on the screens: the kiosk prints a desk's
ticket without leaving the customer's screen and takes a missed number back on its keypad;
the console issues, returns and shows long waits calmly; the display lists the missed
numbers. The hub's side and the whole path through the broker are in tests/unit and
tests/e2e."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.console.branch_names import BranchNames, CurrentLanguage
from kiosk.console.desk_tickets_panel import DeskTicketsPanel
from kiosk.console.hub_requests import ActionAnswer
from kiosk.console.wait_alert_strip import WaitAlertStrip
from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import DisplaySection
from kiosk.customer.ticket_screen import TicketStage
from kiosk.display.app import display_theme
from kiosk.display.board_state import BoardTimes
from kiosk.display.board_words import BoardWords
from kiosk.display.display_window import DisplayWindow
from kiosk.display.render_board import MuteVoice
from kiosk.net.kiosk_client import TicketOutcome, TicketProblem
from kiosk.protocol.staff_commands import Command, IssueTicket, ReturnTicket
from kiosk.protocol.staff_messages import ActionResult
from kiosk.protocol.ticket_messages import (
    IssuedTicket,
    MissedTicket,
    QueueState,
    TicketPrint,
    TicketRefusal,
    WaitAlert,
    WaitingTicket,
)
from kiosk.ui.fonts import load_fonts
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.branch import write_branch_config
from tests.helpers.kiosk_harness import stop_kiosk, touch

NOW = 1_790_000_000.0


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path)
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


class Returns:
    """Stands in for the bridge's ``return_missed``: records the numbers asked back."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, number: str, language: str, *, request_id: str | None = None) -> str:
        request_id = request_id or uuid.uuid4().hex
        self.sent.append((number, request_id))
        return request_id


# --- kiosk ------------------------------------------------------------------------------------


def test_a_desk_ticket_prints_without_touching_the_customers_screen(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.ticket_button)
    assert window.flow.screen is Screen.SERVICES
    spoken_before = len(kiosk.speaker.texts)
    ticket = IssuedTicket("A020", "cash", True, 2, 300, 900, NOW)
    kiosk.kiosk.parts.bridge.print_request.emit(TicketPrint(ticket, "zh_CN"))
    qtbot.waitUntil(lambda: len(kiosk.printer.jobs) == 1)
    assert "A020" in kiosk.printer.titles[0]
    assert window.flow.screen is Screen.SERVICES  # the customer's screen stayed
    assert window.current is window.services_screen
    assert kiosk.speaker.texts[spoken_before:] == []  # and nothing was said over them


def test_a_missed_number_typed_on_the_keypad_goes_back_in_line(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    returns = Returns()
    kiosk.kiosk.parts.bridge.return_missed = returns  # type: ignore[method-assign]
    touch(touchscreen, window.home.missed_button)
    screen = window.missed_screen
    assert window.current is screen
    assert not screen.send.isEnabled()  # nothing typed yet
    for key in ("A", "0", "5"):
        touch(touchscreen, screen.keys[key])
    assert "A05" in screen.number.text()
    assert any("A05" in text for text in kiosk.speaker.texts)  # read as it grows
    touch(touchscreen, screen.send)
    assert [number for number, _ in returns.sent] == ["A005"]
    assert window.current is window.ticket_screen
    back = IssuedTicket("A005", "cash", False, 2, 300, 900, NOW)
    kiosk.kiosk.parts.bridge.ticket.emit(TicketOutcome(returns.sent[-1][1], back))
    qtbot.waitUntil(lambda: window.ticket_screen.stage is TicketStage.ISSUED)
    assert any("A005" in text or "A 0 0 5" in text for text in kiosk.speaker.texts)


def test_a_number_that_was_not_missed_says_so_and_where_to_go(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    returns = Returns()
    kiosk.kiosk.parts.bridge.return_missed = returns  # type: ignore[method-assign]
    touch(touchscreen, window.home.missed_button)
    for key in ("B", "1", "2"):
        touch(touchscreen, window.missed_screen.keys[key])
    touch(touchscreen, window.missed_screen.send)
    kiosk.kiosk.parts.bridge.ticket.emit(TicketOutcome(
        returns.sent[-1][1], None, TicketProblem.REFUSED, TicketRefusal.NOT_MISSED))
    screen = window.ticket_screen
    assert screen.stage is TicketStage.NOT_ISSUED
    assert screen.reason.text() == "这个号码今天没有过号，或者已经重新排队了。请到大堂咨询。"
    qtbot.waitUntil(lambda: "请到大堂咨询" in kiosk.speaker.last.text)
    assert returns.sent[-1][0] == "B012"


def test_the_keypad_forgets_the_number_for_the_next_customer(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.missed_button)
    touch(touchscreen, window.missed_screen.keys["A"])
    touch(touchscreen, window.missed_screen.keys["7"])
    window.reset_for_next_customer()
    assert window.missed_screen.typed == ""


# --- console ----------------------------------------------------------------------------------


@pytest.fixture
def names(tmp_path: Path, qapp: QApplication) -> BranchNames:
    return BranchNames(load_config(write_branch_config(tmp_path, 1883)), CurrentLanguage("en"))


def test_the_desk_issues_a_ticket_to_print_at_the_chosen_kiosk(
        names: BranchNames, qtbot: QtBot) -> None:
    sent: list[Command] = []
    panel = DeskTicketsPanel(names, lambda c: sent.append(c) or "a" * 32)
    qtbot.addWidget(panel)
    panel.priority.setChecked(True)
    panel.print_at.setCurrentIndex(panel.print_at.findData("kiosk-1"))
    panel.issue.click()
    assert sent == [IssueTicket(names.config.services[0].id, True, "kiosk-1")]
    details = {"number": "A020", "people_ahead": "2"}
    panel.action_answered(ActionAnswer("a" * 32, "li-ming", sent[0],
                                       ActionResult("a" * 32, details=details)))
    assert "A020" in panel.issued.text() and "printing" in panel.issued.text()


def test_the_desk_puts_a_missed_number_back_in_line(names: BranchNames, qtbot: QtBot) -> None:
    sent: list[Command] = []
    panel = DeskTicketsPanel(names, lambda c: sent.append(c) or "b" * 32)
    qtbot.addWidget(panel)
    state = QueueState("2026-12-07", NOW, missed=(MissedTicket("A003", "cash"),
                                                   MissedTicket("B004", "pension")))
    panel.show_queue(state)
    assert panel.missed.rowCount() == 2
    assert not panel.put_back.isEnabled()
    panel.missed_table.selectRow(1)
    panel.put_back.click()
    assert sent == [ReturnTicket("B004")]


def test_long_priority_waits_show_calmly_at_the_lobby_desk_only(qtbot: QtBot) -> None:
    desk = QWidget()
    qtbot.addWidget(desk)
    lobby, counter = WaitAlertStrip(True, desk), WaitAlertStrip(False, desk)
    desk.show()
    assert not lobby.isVisible()  # nothing to say: no room taken
    for strip in (lobby, counter):
        strip.add(WaitAlert("A005", "cash", NOW - 1260, 21))
    assert lobby.isVisible() and "A005 has waited 21 minutes." in lobby.text.text()
    assert not counter.isVisible()
    # called: the note goes by itself
    lobby.show_queue(QueueState("2026-12-07", NOW, waiting=(
        WaitingTicket("A006", "cash", True, NOW),)))
    assert not lobby.isVisible() and lobby.numbers() == []


# --- display ----------------------------------------------------------------------------------


def test_the_display_lists_the_missed_numbers_in_every_language(qtbot: QtBot) -> None:
    window = DisplayWindow(BoardWords(("zh_CN", "en")),
                           display_theme(DisplaySection(), load_fonts()), BoardTimes(),
                           MuteVoice())
    qtbot.addWidget(window)
    window.show()
    window.queue_state(QueueState("2026-12-07", NOW, missed=(
        MissedTicket("A005", "cash"), MissedTicket("B012", "pension"))))
    text = window.calls.missed.text()
    assert "过号请到大堂咨询" in text and "A005  B012" in text and "lobby" in text
    assert window.calls.missed_numbers() == ["A005", "B012"]
    window.queue_state(QueueState("2026-12-07", NOW))
    assert window.calls.missed_numbers() == []
    window.stop()
