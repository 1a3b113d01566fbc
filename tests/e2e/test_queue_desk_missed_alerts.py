"""Desk tickets, missed tickets back in line and wait alerts, end to end: the real hub
process, real Mosquitto, a real kiosk (its client, and its window with the printing path of
tests/e2e/test_ticket_journey.py: CUPS where it can run) and a console speaking the
protocol."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.core.settings import Role
from kiosk.customer.ticket_screen import TicketStage
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_kiosk
from kiosk.net.kiosk_client import KioskHooks, TicketOutcome, TicketProblem
from kiosk.protocol import topics
from kiosk.protocol.staff_commands import CallNext, IssueTicket, NoShow, ReturnTicket
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.ticket_messages import (
    QueueState,
    TicketCalled,
    TicketPrint,
    TicketRefusal,
    TicketReply,
    TicketRequest,
    WaitAlert,
)
from tests.e2e import test_ticket_journey as journey
from tests.e2e.test_ticket_journey import Paper, start_kiosk
from tests.helpers.branch import write_branch_config
from tests.helpers.cups import text_of
from tests.helpers.fake_printer import FakePrinter
from tests.helpers.hub_process import running_hub
from tests.helpers.kiosk_harness import stop_kiosk, touch
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e
PATIENCE_S = 15.0
paper = journey.paper  # the kiosk's paper: CUPS where it can run, else the drawn PDFs
touchscreen = journey.touchscreen


class Desk:
    """A signed-in console speaking the protocol."""

    def __init__(self, device: RawDevice, staff_id: str) -> None:
        self.device = device
        self.staff_id = staff_id
        self.session = device.sign_in(staff_id)

    def act(self, command: object) -> ActionResult:
        action = StaffAction(f"{time.time_ns():032x}"[-32:], self.staff_id, self.session,
                             command)  # type: ignore[arg-type]
        self.device.publish(topics.console_action(self.device.branch, self.device.device_id),
                            action)
        return self.device.wait_for(ActionResult, lambda r: r.action_id == action.action_id,
                                    timeout_s=PATIENCE_S)


def _have(items: list[TicketOutcome], count: int) -> bool:
    return len(items) == count


def _answering(request_id: str) -> Callable[[TicketReply], bool]:
    return lambda reply: reply.request_id == request_id


def test_a_desk_ticket_is_printed_at_the_chosen_kiosk_and_called_like_any_other(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        branch = hub.config.branch.id
        kiosk = headless_kiosk(hub.config, "kiosk-1", tmp_path / "kiosk").start()
        printed: list[TicketPrint] = []
        kiosk.client.listener = KioskHooks(on_print=printed.append)
        lobby_device = RawDevice(mosquitto.host, mosquitto.port, "console-lobby", branch=branch,
                                 role=Role.CONSOLE)
        counter_device = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=branch,
                                   role=Role.CONSOLE)
        try:
            wait_until(lambda: kiosk.link.connected, PATIENCE_S)
            lobby = Desk(lobby_device, "wang-fang")
            result = lobby.act(IssueTicket("cash", True, "kiosk-1"))
            assert result.ok, result
            number = result.details["number"]
            wait_until(lambda: len(printed) == 1, PATIENCE_S)
            assert printed[0].ticket.number == number and printed[0].ticket.priority
            lobby_device.wait_for(QueueState, lambda s: [w.number for w in s.waiting]
                                  == [number])
            teller = Desk(counter_device, "li-ming")
            assert teller.act(CallNext(1)).details["number"] == number
            called = counter_device.wait_for(TicketCalled, lambda c: c.number == number)
            assert called.counter == 1
        finally:
            kiosk.stop()
            lobby_device.close()
            counter_device.close()


def test_a_missed_ticket_goes_back_in_line_from_the_kiosk_and_from_the_console(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        branch = hub.config.branch.id
        kiosk = headless_kiosk(hub.config, "kiosk-1", tmp_path / "kiosk").start()
        outcomes: list[TicketOutcome] = []
        lock = threading.Lock()

        def got(outcome: TicketOutcome) -> None:
            with lock:
                outcomes.append(outcome)

        kiosk.client.listener = KioskHooks(on_ticket=got)
        device = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=branch,
                           role=Role.CONSOLE)
        display = RawDevice(mosquitto.host, mosquitto.port, "display-1", branch=branch,
                            role=Role.DISPLAY)
        try:
            wait_until(lambda: kiosk.link.connected, PATIENCE_S)
            for count in (1, 2, 3):
                kiosk.call(lambda: kiosk.client.request_ticket("cash", False, "zh_CN"))
                wait_until(partial(_have, outcomes, count), PATIENCE_S)
            teller = Desk(device, "li-ming")
            assert teller.act(CallNext(1)).details["number"] == "A001"
            assert teller.act(NoShow("A001")).ok
            # the display board is told, to list it under "missed: please ask in the lobby"
            display.wait_for(QueueState, lambda s: [m.number for m in s.missed] == ["A001"])

            kiosk.call(lambda: kiosk.client.return_missed("A001", "zh_CN"))
            wait_until(lambda: len(outcomes) == 4, PATIENCE_S)
            back = outcomes[-1]
            assert back.ticket is not None and back.ticket.number == "A001"
            assert back.ticket.people_ahead == 2  # behind A002 and A003, as the rule says
            display.wait_for(QueueState, lambda s: s.missed == () and
                             [w.number for w in s.waiting] == ["A002", "A003", "A001"])

            kiosk.call(lambda: kiosk.client.return_missed("A002", "zh_CN"))
            wait_until(lambda: len(outcomes) == 5, PATIENCE_S)
            assert outcomes[-1].refusal is TicketRefusal.NOT_MISSED

            assert teller.act(CallNext(1)).details["number"] == "A002"
            assert teller.act(NoShow("A002")).ok
            assert teller.act(ReturnTicket("A002")).ok  # staff put them back
            display.wait_for(QueueState, lambda s: s.missed == () and
                             [w.number for w in s.waiting] == ["A003", "A001", "A002"])
        finally:
            kiosk.stop()
            device.close()
            display.close()


def test_an_elderly_priority_ticket_waiting_too_long_alerts_the_lobby_once(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    alert_min = 0.03  # 1.8 s
    with running_hub(tmp_path / "hub", mosquitto.port,
                     **{"queue.priority_wait_alert_min": alert_min}) as hub:
        branch = hub.config.branch.id
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=branch,
                          role=Role.KIOSK)
        lobby = RawDevice(mosquitto.host, mosquitto.port, "console-lobby", branch=branch,
                          role=Role.CONSOLE)
        try:
            for priority in (True, False):
                request = TicketRequest(f"{time.time_ns():032x}"[-32:], "cash", priority,
                                        "zh_CN")
                kiosk.publish(topics.ticket_request(branch, "kiosk-1"), request)
                kiosk.wait_for(TicketReply, _answering(request.request_id))
            started = time.monotonic()
            alert = lobby.wait_for(WaitAlert, timeout_s=PATIENCE_S)
            assert time.monotonic() - started >= alert_min * 60 - 1.0
            assert alert.number == "A001" and alert.service_id == "cash"
            assert alert.waited_min >= 1
            time.sleep(alert_min * 60 * 2)  # long enough for a second alert, were there one
            assert len(lobby.messages(WaitAlert)) == 1
        finally:
            kiosk.close()
            lobby.close()


# --- the real kiosk window --------------------------------------------------------------------


def test_a_desk_ticket_prints_on_the_kiosks_paper_while_a_customer_uses_it(
        qapp: QApplication, qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
        paper: Paper, touchscreen: QPointingDevice) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        branch = hub.config.branch.id
        lobby_device = RawDevice(mosquitto.host, mosquitto.port, "console-lobby", branch=branch,
                                 role=Role.CONSOLE)
        parts, _speaker = start_kiosk(qapp, hub.config, tmp_path / "kiosk", paper.printer,
                                      qtbot)
        try:
            touch(touchscreen, parts.window.home.questions_button)  # a customer is reading
            screen_before = parts.window.current
            lobby = Desk(lobby_device, "wang-fang")
            result = lobby.act(IssueTicket("cash", True, "kiosk-1"))
            assert result.ok, result
            qtbot.waitUntil(lambda: len(paper.printed()) == 1, timeout=int(PATIENCE_S * 1000))
            assert result.details["number"] in text_of(paper.printed()[0])
            assert parts.window.current is screen_before  # the customer's screen stayed
        finally:
            stop_kiosk(parts)
            lobby_device.close()


def test_a_customer_types_a_missed_number_at_the_kiosk_and_is_back_in_line(
        qapp: QApplication, qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
        touchscreen: QPointingDevice) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        branch = hub.config.branch.id
        device = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=branch,
                           role=Role.CONSOLE)
        kiosk2 = RawDevice(mosquitto.host, mosquitto.port, "kiosk-2", branch=branch,
                           role=Role.KIOSK)
        parts, speaker = start_kiosk(qapp, hub.config, tmp_path / "kiosk", FakePrinter(),
                                     qtbot)
        try:
            for _ in range(3):
                request = TicketRequest(f"{time.time_ns():032x}"[-32:], "cash", False, "zh_CN")
                kiosk2.publish(topics.ticket_request(branch, "kiosk-2"), request)
                kiosk2.wait_for(TicketReply, _answering(request.request_id))
            teller = Desk(device, "li-ming")
            assert teller.act(CallNext(1)).details["number"] == "A001"
            assert teller.act(NoShow("A001")).ok
            wait_until(lambda: parts.device.call(
                lambda: parts.device.client.reachability().hub_online), 10,
                "the kiosk hears the hub")

            window = parts.window
            touch(touchscreen, window.home.missed_button)
            for key in ("A", "1"):
                touch(touchscreen, window.missed_screen.keys[key])
            touch(touchscreen, window.missed_screen.send)
            screen = window.ticket_screen
            qtbot.waitUntil(lambda: screen.stage is TicketStage.ISSUED,
                            timeout=int(PATIENCE_S * 1000))
            assert screen.ticket is not None and screen.ticket.number == "A001"
            assert screen.people_ahead.text() == "您前面还有2人在等候。"
            assert "A001号" in " ".join(speaker.texts)
            device.wait_for(QueueState, lambda s: s.missed == () and
                            [w.number for w in s.waiting] == ["A002", "A003", "A001"])
        finally:
            stop_kiosk(parts)
            device.close()
            kiosk2.close()


def test_a_missed_number_the_hub_never_answers_sends_the_customer_to_the_counter(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    """No hub: asking a missed number back times out like asking for a new ticket."""
    config = load_config(write_branch_config(tmp_path / "branch", mosquitto.port,
                                             **{"queue.reply_timeout_s": 1.0}))
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk").start()
    outcomes: list[TicketOutcome] = []
    kiosk.client.listener = KioskHooks(on_ticket=outcomes.append)
    try:
        wait_until(lambda: kiosk.link.connected, PATIENCE_S)
        asked = [str(kiosk.call(lambda: kiosk.client.request_ticket("cash", False, "zh_CN"))),
                 str(kiosk.call(lambda: kiosk.client.return_missed("A001", "zh_CN")))]
        wait_until(lambda: len(outcomes) == 2, PATIENCE_S, what="both requests time out")
        assert sorted(o.request_id for o in outcomes) == sorted(asked)
        assert all(o.ticket is None and o.problem is TicketProblem.NO_ANSWER for o in outcomes)
    finally:
        kiosk.stop()
