"""`python -m kiosk run` as a process: killed with a call open, restarted, it comes back to
that call and shows where it stands now.

The kiosk runs as a real process (``--windowed`` on Qt's offscreen platform, real speech
service). Nobody can touch an offscreen window in another process, so the call is a drill,
started the way staff start one: a signed-in console asks the hub, which sends it to the
idle kiosk. The kiosk's log says what it tells the customer; the console sees the rest.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console
from kiosk.protocol import topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import StartDrill
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from tests.helpers.branch import STAFF_PINS
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.kiosk_process import KioskProcess
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

START_PATIENCE_S = 30.0


@pytest.fixture
def hub(mosquitto: MosquittoBroker, tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub", mosquitto.port,
                     **{"help.escalate_after_s": 60.0, "help.resignal_after_s": 120.0}) as hub:
        yield hub


@pytest.fixture
def lobby(hub: HubProcess, tmp_path: Path) -> Iterator[HeadlessDevice[ConsoleClient]]:
    console = headless_console(hub.config, "console-lobby", tmp_path / "lobby").start()
    sign_in(console, "li-ming")
    yield console
    console.stop()


def start_drill(mosquitto: MosquittoBroker, hub: HubProcess) -> str:
    """Sign in at console-1 and ask the hub for a drill at kiosk-1; the drill's call id."""
    branch = hub.config.branch.id
    desk = RawDevice("127.0.0.1", mosquitto.port, "console-1", branch=branch,
                     role=Role.CONSOLE)
    try:
        request = PinRequest(uuid.uuid4().hex, "li-ming", STAFF_PINS["li-ming"],
                             PinPurpose.CONSOLE_SIGN_IN)
        desk.publish(topics.pin_request(branch, Role.CONSOLE, "console-1"), request)
        reply = desk.wait_for(PinReply, lambda r: r.request_id == request.request_id)
        assert reply.ok and reply.session is not None
        deadline = time.monotonic() + START_PATIENCE_S
        while True:  # the hub starts drills only on a kiosk it has heard is idle
            action = StaffAction(uuid.uuid4().hex, "li-ming", reply.session,
                                 StartDrill("kiosk-1"))
            desk.publish(topics.console_action(branch, "console-1"), action)
            result = desk.wait_for(ActionResult,
                                   lambda r, sent=action.action_id: r.action_id == sent)
            if result.ok:
                return result.details["call_id"]
            assert time.monotonic() < deadline, f"no drill: {result}"
            time.sleep(0.2)  # between attempts at an action, not a wait for a result
    finally:
        desk.close()


def test_a_kiosk_killed_with_a_call_open_comes_back_to_it(
        mosquitto: MosquittoBroker, hub: HubProcess, lobby: HeadlessDevice[ConsoleClient],
        tmp_path: Path) -> None:
    data = tmp_path / "kiosk-data"
    first = KioskProcess(hub.config_path, data, tmp_path / "kiosk-1.log").start()
    try:
        call_id = start_drill(mosquitto, hub)
        wait_until(lambda: call_id in lobby.client.calls, 10, "the console has the drill")
        assert lobby.client.calls[call_id].drill
        assert lobby.call(lambda: lobby.client.acknowledge(call_id, "li-ming")) is None
        told = f"help call {call_id[:8]}: telling the customer coming (drill)"
        wait_until(lambda: told in first.log(), 15, "the kiosk says who is coming")
    finally:
        first.kill()

    assert lobby.call(lambda: lobby.client.arrived(call_id, "li-ming")) is None  # meanwhile
    second = KioskProcess(hub.config_path, data, tmp_path / "kiosk-2.log").start()
    try:
        told = f"help call {call_id[:8]}: telling the customer arrived (drill)"
        wait_until(lambda: told in second.log(), START_PATIENCE_S,
                   "the restarted kiosk shows the call as it is now")
    finally:
        assert second.stop() == 0
