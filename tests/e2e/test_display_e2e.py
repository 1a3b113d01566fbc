"""The wall display against the real hub process and Mosquitto: a counter calls a ticket
from its console, and the display in the waiting area shows and announces it; a branch
announcement takes the display over until it is cleared.

The display is the real program's window, network thread and bridge (`build_display`),
signed on as `display-1`; only its speech is the recording fake speaker. The kiosk and the
console are played with raw paho and the codec, with a real sign-in by PIN.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from kiosk.core.settings import DisplaySection, LocalText, Role
from kiosk.display.app import DisplayParts, build_display
from kiosk.display.chime import SilentChime
from kiosk.net.broker import MosquittoBroker
from kiosk.protocol import topics
from kiosk.protocol.device_messages import Component, DevicesState
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import Announce, CallNext, ClearAnnouncement, Command
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.ticket_messages import TicketReply, TicketRequest
from tests.helpers.branch import STAFF_PINS
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.raw_device import RawDevice

pytestmark = pytest.mark.e2e

B = "demo-branch"
PATIENCE_MS = 10_000
EXIT_NOTICE = LocalText({"zh_CN": "请跟随工作人员离开营业厅。",
                         "en": "Please follow the staff out of the hall."})


@pytest.fixture
def hub(mosquitto: MosquittoBroker, tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path, mosquitto.port) as process:
        yield process


@pytest.fixture
def display(qtbot, hub: HubProcess) -> Iterator[tuple[DisplayParts, FakeSpeaker]]:  # type: ignore[no-untyped-def]
    speaker = FakeSpeaker()
    parts = build_display(hub.config, "display-1", speaker=speaker, chime=SilentChime(),
                          section=DisplaySection(min_show_s=0.5, announcement_repeat_s=0.5))
    qtbot.addWidget(parts.window)
    parts.start(windowed=True)
    try:
        yield parts, speaker
    finally:
        parts.stop()


def _sign_in(console: RawDevice, staff_id: str) -> str:
    request = PinRequest(uuid.uuid4().hex, staff_id, STAFF_PINS[staff_id],
                         PinPurpose.CONSOLE_SIGN_IN)
    console.publish(topics.pin_request(B, Role.CONSOLE, console.device_id), request)
    reply = console.wait_for(PinReply, lambda r: r.request_id == request.request_id)
    assert reply.ok and reply.session is not None, reply
    return reply.session


def _act(console: RawDevice, staff_id: str, session: str, command: Command) -> ActionResult:
    action = StaffAction(uuid.uuid4().hex, staff_id, session, command)
    console.publish(topics.console_action(B, console.device_id), action)
    result = console.wait_for(ActionResult, lambda r: r.action_id == action.action_id)
    assert result.ok, result
    return result


def test_a_ticket_called_at_a_counter_is_shown_and_announced_on_the_wall(
        qtbot, mosquitto: MosquittoBroker,  # type: ignore[no-untyped-def]
        display: tuple[DisplayParts, FakeSpeaker]) -> None:
    parts, speaker = display
    window = parts.window
    qtbot.waitUntil(lambda: parts.device.link.connected, timeout=PATIENCE_MS)
    qtbot.waitUntil(lambda: not window.status.isVisibleTo(window) and parts.device.client
                    .link().live, timeout=PATIENCE_MS)
    kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
    console = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=B,
                        role=Role.CONSOLE)
    try:
        request = TicketRequest(uuid.uuid4().hex, "cash", False, "zh_CN")
        kiosk.publish(topics.ticket_request(B, "kiosk-1"), request)
        reply = kiosk.wait_for(TicketReply, lambda r: r.request_id == request.request_id)
        assert reply.ticket is not None
        number = reply.ticket.number

        # the display's heartbeat comes from its GUI thread: keep Qt's loop running
        qtbot.waitUntil(lambda: any(
            d.device_id == "display-1" and d.online and d.health is not None
            and d.health.printer is Component.ABSENT
            for state in console.messages(DevicesState) for d in state.devices),
            timeout=PATIENCE_MS)

        session = _sign_in(console, "li-ming")
        called = _act(console, "li-ming", session, CallNext(counter=1))
        assert called.details["number"] == number

        qtbot.waitUntil(lambda: window.calls.newest_number() == number, timeout=PATIENCE_MS)
        qtbot.waitUntil(lambda: [s.text for s in speaker.said] == 2 * [
            f"请{number}号到1号窗口。", f"Number {number}, please go to counter 1."],
            timeout=PATIENCE_MS)

        _act(console, "li-ming", session, Announce(text=EXIT_NOTICE))
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.notice,
                        timeout=PATIENCE_MS)
        assert [label.text() for label in window.notice.labels] == [EXIT_NOTICE["zh_CN"],
                                                                     EXIT_NOTICE["en"]]
        qtbot.waitUntil(lambda: [s.text for s in speaker.said].count(EXIT_NOTICE["en"]) >= 2,
                        timeout=PATIENCE_MS)  # read again until cleared

        _act(console, "li-ming", session, ClearAnnouncement())
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.calls,
                        timeout=PATIENCE_MS)
        assert window.calls.newest_number() == number
    finally:
        kiosk.close()
        console.close()


def test_the_hub_going_away_is_shown_on_the_wall(
        qtbot, hub: HubProcess,  # type: ignore[no-untyped-def]
        display: tuple[DisplayParts, FakeSpeaker]) -> None:
    parts, _ = display
    window = parts.window
    qtbot.waitUntil(lambda: parts.device.client.link().live, timeout=PATIENCE_MS)

    hub.stop()

    qtbot.waitUntil(lambda: window.status.isVisibleTo(window), timeout=PATIENCE_MS)
    assert "Not connected" in window.status.text()


def test_one_command_draws_every_state_of_the_display(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "display", "--config",
         str(root / "deploy" / "example-branch.toml"), "--device", "display-1",
         "--render-to", str(tmp_path)], capture_output=True, text=True, timeout=120,
        cwd=root, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})

    assert done.returncode == 0, done.stderr
    drawn = sorted(p.name for p in tmp_path.glob("*.png"))
    assert drawn == sorted(f"display-{state}{suffix}.png" for state in
                           ("waiting", "calling", "announcement", "missed", "not-connected")
                           for suffix in ("", "-pseudo"))
    assert all(QImage(str(tmp_path / name)).size() == QSize(1920, 1080) for name in drawn)
