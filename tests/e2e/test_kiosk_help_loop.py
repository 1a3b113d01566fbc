"""The help loop end to end: the real kiosk window, touched; a real hub process; real
Mosquitto; a console client. What the customer sees and hears is checked at every step,
including with the broker gone, and staff PINs are checked by the real hub. A "yes" in
the fraud check reaches the console as a discreet call while the kiosk shows no alarm."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.help_call import Category, Outcome
from kiosk.core.help_state import CallStatus
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import KioskSection
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.ticket_screen import TicketStage
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console
from kiosk.ui.i18n import unload_language
from kiosk.ui.widgets import NAV_HELP, BigButton
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.waiting import wait_until

PATIENCE_MS = 10_000
HUB_TIMINGS = {"help.escalate_after_s": 30.0, "help.resignal_after_s": 60.0}


@dataclass
class Branch:
    hub: HubProcess
    kiosk: KioskParts
    speaker: FakeSpeaker
    console: HeadlessDevice[ConsoleClient]

    @property
    def window(self) -> object:
        return self.kiosk.window

    def heading(self) -> str:
        return str(self.kiosk.window.help_screen.heading.text())

    def shown(self) -> str:
        screen = self.kiosk.window.help_screen
        return " ".join(label.text() for label in (screen.heading, *screen.lines)
                        if not label.isHidden())

    def staff_reachable(self) -> bool:
        device = self.kiosk.device
        return bool(device.call(lambda: device.client.reachability().staff_reachable))


def stop_kiosk(parts: KioskParts) -> None:
    """Stop, and leave no kiosk catalogue or style installed for the tests that follow."""
    parts.stop()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    unload_language(app)
    app.setStyleSheet("")
    app.setPalette(QPalette())


@pytest.fixture
def branch(qtbot: QtBot, qapp: QApplication, mosquitto: MosquittoBroker,
           tmp_path: Path) -> Iterator[Branch]:
    with running_hub(tmp_path / "hub", mosquitto.port, **HUB_TIMINGS) as hub:
        config = hub.config
        console = headless_console(config, "console-lobby", tmp_path / "console").start()
        sign_in(console, "li-ming")
        speaker = FakeSpeaker()
        kiosk = build_kiosk(qapp, config, "kiosk-1", tmp_path / "kiosk", speaker=speaker,
                            kiosk=KioskSection(confirm_grace_s=5.0, pin_reply_timeout_s=5.0))
        kiosk.start(windowed=True)
        under_test = Branch(hub, kiosk, speaker, console)
        try:
            qtbot.waitUntil(kiosk.window.isActiveWindow)
            wait_until(under_test.staff_reachable, 10, "the kiosk hears a console")
            yield under_test
        finally:
            stop_kiosk(kiosk)
            console.stop()


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def touch(touchscreen: QPointingDevice, widget: QWidget) -> None:
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    QTest.touchEvent(window, touchscreen).press(0, point).commit()
    QTest.touchEvent(window, touchscreen).release(0, point).commit()


def help_button(branch: Branch) -> BigButton:
    shown = [b for b in branch.kiosk.window.findChildren(BigButton, NAV_HELP) if b.isVisible()]
    assert len(shown) == 1
    return shown[0]


def kiosk_calls(console: HeadlessDevice[ConsoleClient]) -> list[str]:
    return [call_id for call_id, call in console.client.calls.items()
            if call.kiosk_id == "kiosk-1"]


def test_a_help_tap_is_confirmed_then_the_kiosk_names_and_speaks_who_is_coming(
        branch: Branch, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    touch(touchscreen, help_button(branch))

    wait_until(lambda: kiosk_calls(branch.console), 10, "the console has the call")
    [call_id] = kiosk_calls(branch.console)
    qtbot.waitUntil(lambda: branch.heading() == "已经通知工作人员", timeout=PATIENCE_MS)
    told = branch.speaker.texts
    calling = next(i for i, text in enumerate(told) if "正在呼叫工作人员" in text)
    notified = next(i for i, text in enumerate(told) if "已经通知工作人员" in text)
    assert calling < notified  # "calling" first, "told" only once a console confirmed

    assert branch.console.call(lambda: branch.console.client.acknowledge(call_id, "li-ming")) \
        is None
    qtbot.waitUntil(lambda: "李明马上过来帮您。" in branch.shown(), timeout=PATIENCE_MS)
    said = [s for s in branch.speaker.said if "李明马上过来帮您" in s.text]
    assert said and said[-1].language == "zh_CN"


def test_with_the_broker_gone_the_customer_is_sent_to_the_counter_and_the_call_arrives_later(
        branch: Branch, mosquitto: MosquittoBroker, qtbot: QtBot,
        touchscreen: QPointingDevice) -> None:
    mosquitto.stop()
    wait_until(lambda: not branch.kiosk.device.link.connected, 10, "the kiosk sees it")

    touch(touchscreen, help_button(branch))
    qtbot.waitUntil(lambda: branch.heading() == "暂时联系不上工作人员", timeout=PATIENCE_MS)
    assert "请到柜台找工作人员" in branch.speaker.last.text

    mosquitto.start()
    wait_until(lambda: len(kiosk_calls(branch.console)) == 1, 15, "the call reaches staff")
    qtbot.waitUntil(lambda: branch.heading() == "已经通知工作人员", timeout=15_000)
    wait_until(lambda: branch.kiosk.device.client.sender.pending() == 0, 10,
               "the hub stored the call")
    assert len(kiosk_calls(branch.console)) == 1  # once, however often it was sent


def test_staff_close_the_call_at_the_kiosk_with_their_pin(branch: Branch, qtbot: QtBot,
                                                         touchscreen: QPointingDevice) -> None:
    touch(touchscreen, help_button(branch))
    wait_until(lambda: kiosk_calls(branch.console), 10, "the console has the call")
    [call_id] = kiosk_calls(branch.console)
    screen = branch.kiosk.window.help_screen
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
    qtbot.waitUntil(lambda: branch.heading() == "工作人员帮到您了吗？", timeout=PATIENCE_MS)
    wait_until(lambda: branch.console.client.calls[call_id].status is CallStatus.RESOLVED, 10,
               "the console sees the call closed")
    assert branch.console.client.calls[call_id].resolved_by == "zhang-wei"


def test_staff_leave_full_screen_only_with_a_pin_the_hub_accepts(branch: Branch,
                                                                qtbot: QtBot) -> None:
    window = branch.kiosk.window
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
    window = branch.kiosk.window
    services = [s.id for s in branch.kiosk.config.services]
    touch(touchscreen, window.home.ticket_button)
    window.services_screen.choices.buttons[services.index("transfer")].click()
    assert window.flow.screen is Screen.FRAUD_CHECK
    said = len(branch.speaker.said)

    touch(touchscreen, window.tickets.fraud_check.yes_button)

    screen = window.ticket_screen
    qtbot.waitUntil(lambda: screen.stage is TicketStage.ISSUED, timeout=PATIENCE_MS)
    ticket = screen.ticket
    assert ticket is not None and ticket.number.startswith("E") and ticket.priority
    assert not screen.counter_note.isHidden()
    wait_until(lambda: kiosk_calls(branch.console), 10, "the console has the call")
    [call_id] = kiosk_calls(branch.console)
    call = branch.console.client.calls[call_id]
    assert call.category is Category.PRIVATE_TALK
    assert branch.console.call(
        lambda: branch.console.client.acknowledge(call_id, "li-ming")) is None
    follower = window.help.follower
    qtbot.waitUntil(lambda: follower.call is not None
                    and follower.call.status is CallStatus.ACKNOWLEDGED, timeout=PATIENCE_MS)
    qtbot.wait(300)  # the window's own reaction to the news, if it had one

    assert window.host.current is screen
    assert window.flow.screen is Screen.TICKET
    spoken = " | ".join(s.text for s in branch.speaker.said[said:])
    assert ticket.number.replace("E", "") in spoken
    assert not [w for w in FRAUD_CHECK_ALARM_WORDS if w in spoken], spoken
