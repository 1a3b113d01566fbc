"""The help loop end to end: the real kiosk window, touched; a real hub process; real
Mosquitto; a console client. What the customer sees and hears is checked at every step,
including with the broker gone, and staff PINs are checked by the real hub. A "yes" in
the fraud check reaches the console as a discreet call while the kiosk shows no alarm."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.help.events import Category, Outcome
from kiosk.core.help.state import CallStatus
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import KioskSection
from kiosk.customer.ticket_screen import TicketStage
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice
from kiosk.ui.widgets import NAV_HELP, BigButton
from tests.helpers.kiosk_harness import KioskUnderTest, touch
from tests.helpers.live_branch import Branch
from tests.helpers.waiting import wait_until

PATIENCE_MS = 10_000
HUB_TIMINGS = {"help.escalate_after_s": 30.0, "help.resignal_after_s": 60.0}


def kiosk(branch: Branch) -> KioskUnderTest:
    return branch.kiosk_windows["kiosk-1"]


def console(branch: Branch) -> HeadlessDevice[ConsoleClient]:
    return branch.consoles["console-lobby"]


def heading(branch: Branch) -> str:
    return str(kiosk(branch).parts.window.help_screen.heading.text())


def shown(branch: Branch) -> str:
    screen = kiosk(branch).parts.window.help_screen
    return " ".join(label.text() for label in (screen.heading, *screen.lines)
                    if not label.isHidden())


def staff_reachable(branch: Branch) -> bool:
    device = kiosk(branch).parts.device
    return bool(device.call(lambda: device.client.reachability().staff_reachable))


@pytest.fixture
def branch(qtbot: QtBot, mosquitto: MosquittoBroker, tmp_path: Path,
           stack: ExitStack) -> Branch:
    branch = Branch(tmp_path, mosquitto.port, stack, settings=HUB_TIMINGS)
    branch.headless_console(staff_id="li-ming")
    under_test = branch.kiosk_window(
        kiosk=KioskSection(confirm_grace_s=5.0, pin_reply_timeout_s=5.0))
    qtbot.waitUntil(under_test.window.isActiveWindow)
    wait_until(lambda: staff_reachable(branch), 10, "the kiosk hears a console")
    return branch


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def help_button(branch: Branch) -> BigButton:
    window = kiosk(branch).parts.window
    shown = [b for b in window.findChildren(BigButton, NAV_HELP) if b.isVisible()]
    assert len(shown) == 1
    return shown[0]


def kiosk_calls(console: HeadlessDevice[ConsoleClient]) -> list[str]:
    return [call_id for call_id, call in console.client.calls.items()
            if call.kiosk_id == "kiosk-1"]


def test_a_help_tap_is_confirmed_then_the_kiosk_names_and_speaks_who_is_coming(
        branch: Branch, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    touch(touchscreen, help_button(branch))

    wait_until(lambda: kiosk_calls(console(branch)), 10, "the console has the call")
    [call_id] = kiosk_calls(console(branch))
    qtbot.waitUntil(lambda: heading(branch) == "已经通知工作人员", timeout=PATIENCE_MS)
    told = kiosk(branch).speaker.texts
    calling = next(i for i, text in enumerate(told) if "正在呼叫工作人员" in text)
    notified = next(i for i, text in enumerate(told) if "已经通知工作人员" in text)
    assert calling < notified  # "calling" first, "told" only once a console confirmed

    assert console(branch).call(lambda: console(branch).client.acknowledge(call_id, "li-ming")) \
        is None
    qtbot.waitUntil(lambda: "李明马上过来帮您。" in shown(branch), timeout=PATIENCE_MS)
    said = [s for s in kiosk(branch).speaker.said if "李明马上过来帮您" in s.text]
    assert said and said[-1].language == "zh_CN"


def test_with_the_broker_gone_the_customer_is_sent_to_the_counter_and_the_call_arrives_later(
        branch: Branch, mosquitto: MosquittoBroker, qtbot: QtBot,
        touchscreen: QPointingDevice) -> None:
    mosquitto.stop()
    wait_until(lambda: not kiosk(branch).parts.device.link.connected, 10, "the kiosk sees it")

    touch(touchscreen, help_button(branch))
    qtbot.waitUntil(lambda: heading(branch) == "暂时联系不上工作人员", timeout=PATIENCE_MS)
    assert "请到柜台找工作人员" in kiosk(branch).speaker.last.text

    mosquitto.start()
    wait_until(lambda: len(kiosk_calls(console(branch))) == 1, 15, "the call reaches staff")
    qtbot.waitUntil(lambda: heading(branch) == "已经通知工作人员", timeout=15_000)
    wait_until(lambda: kiosk(branch).parts.device.client.sender.pending() == 0, 10,
               "the hub stored the call")
    assert len(kiosk_calls(console(branch))) == 1  # once, however often it was sent


def test_staff_close_the_call_at_the_kiosk_with_their_pin(branch: Branch, qtbot: QtBot,
                                                         touchscreen: QPointingDevice) -> None:
    touch(touchscreen, help_button(branch))
    wait_until(lambda: kiosk_calls(console(branch)), 10, "the console has the call")
    [call_id] = kiosk_calls(console(branch))
    screen = kiosk(branch).parts.window.help_screen
    qtbot.waitUntil(lambda: screen.close_button.isVisible(), timeout=PATIENCE_MS)
    touch(touchscreen, screen.close_button)
    screen.staff_close.choose_outcome(Outcome.HELPED)
    panel = screen.staff_close.pin
    panel.choose("zhang-wei")

    panel.type_digits("0000")
    panel.pad.keys["ok"].click()
    qtbot.waitUntil(lambda: panel.status.text() == "密码不对，请再试一次。", timeout=PATIENCE_MS)

    panel.type_digits("8642")
    panel.pad.keys["ok"].click()
    qtbot.waitUntil(lambda: heading(branch) == "工作人员帮到您了吗？", timeout=PATIENCE_MS)
    wait_until(lambda: console(branch).client.calls[call_id].status is CallStatus.RESOLVED, 10,
               "the console sees the call closed")
    assert console(branch).client.calls[call_id].resolved_by == "zhang-wei"


def test_staff_leave_full_screen_only_with_a_pin_the_hub_accepts(branch: Branch,
                                                                qtbot: QtBot) -> None:
    window = kiosk(branch).parts.window
    approved: list[str] = []
    window.exitApproved.connect(approved.append)
    window.open_staff_exit()
    assert window.flow.screen is Screen.STAFF_EXIT
    panel = window.staff_exit.panel
    panel.choose("wang-fang")

    panel.type_digits("1111")
    panel.pad.keys["ok"].click()
    qtbot.waitUntil(lambda: panel.status.text() == "密码不对，请再试一次。", timeout=PATIENCE_MS)
    assert approved == []

    panel.type_digits("2468")
    panel.pad.keys["ok"].click()
    qtbot.waitUntil(lambda: approved == ["wang-fang"], timeout=PATIENCE_MS)


FRAUD_CHECK_ALARM_WORDS = ("正在呼叫", "通知工作人员", "马上过来", "诈骗", "求助")


def test_a_fraud_check_yes_gives_a_priority_ticket_and_a_discreet_call_and_no_alarm(
        branch: Branch, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk(branch).parts.window
    services = [s.id for s in kiosk(branch).config.services]
    touch(touchscreen, window.home.ticket_button)
    window.services_screen.choices.buttons[services.index("transfer")].click()
    assert window.flow.screen is Screen.FRAUD_CHECK
    said = len(kiosk(branch).speaker.said)

    touch(touchscreen, window.tickets.fraud_check.yes_button)

    screen = window.ticket_screen
    qtbot.waitUntil(lambda: screen.stage is TicketStage.ISSUED, timeout=PATIENCE_MS)
    ticket = screen.ticket
    assert ticket is not None and ticket.number.startswith("E") and ticket.priority
    assert not screen.counter_note.isHidden()
    wait_until(lambda: kiosk_calls(console(branch)), 10, "the console has the call")
    [call_id] = kiosk_calls(console(branch))
    call = console(branch).client.calls[call_id]
    assert call.category is Category.PRIVATE_TALK
    assert console(branch).call(
        lambda: console(branch).client.acknowledge(call_id, "li-ming")) is None
    follower = window.help.follower
    qtbot.waitUntil(lambda: follower.call is not None
                    and follower.call.status is CallStatus.ACKNOWLEDGED, timeout=PATIENCE_MS)
    qtbot.wait(300)  # the window's own reaction to the news, if it had one

    assert window.host.current is screen
    assert window.flow.screen is Screen.TICKET
    spoken = " | ".join(s.text for s in kiosk(branch).speaker.said[said:])
    assert ticket.number.replace("E", "") in spoken
    assert not [w for w in FRAUD_CHECK_ALARM_WORDS if w in spoken], spoken
