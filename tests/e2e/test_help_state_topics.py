"""Each kiosk follows only its own call, consoles follow the hub's numbered changes: through
a real Mosquitto and the real hub process.

The broker of the first test is the one ``setup_broker`` makes (TLS, passwords, the ACL
generated from the roster), so "a kiosk cannot read another's call" is the broker's refusal,
not the client's good manners.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.core.help.events import HelpEventKind, new_follow_up, new_raise
from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.protocol import Decoded, topics
from kiosk.protocol.help_messages import EventAck, HelpChanges, HelpEventMessage, HelpState
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.raw_device import RawDevice
from tests.helpers.tls_broker import TlsBroker
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

K = HelpEventKind
B = "demo-branch"
PATIENCE_S = 15.0


@pytest.fixture
def tls_broker(tmp_path: Path) -> Iterator[TlsBroker]:
    made = TlsBroker(tmp_path)
    made.start()
    yield made
    made.stop()


def test_a_kiosk_reads_its_own_call_state_and_never_another_kiosks(
        tls_broker: TlsBroker, tmp_path: Path) -> None:
    branch = tls_broker.config.branch.id
    ca_file = str(tls_broker.folder / "certs" / "ca.crt")
    hub = HubProcess(tls_broker.config_path, tls_broker.setup.secrets["hub"],
                     tmp_path / "hub-data", tmp_path / "hub.log").start()

    def connect(device_id: str, subscribe: list[str] | None = None) -> RawDevice:
        return RawDevice("localhost", tls_broker.tls_port, device_id, branch=branch,
                         role=Role.KIOSK, subscribe=subscribe, ca_file=ca_file,
                         password=tls_broker.password(device_id))

    # kiosk-1 asks for everything a kiosk could want to see: every kiosk's call state, the
    # whole branch and the console's change stream.
    nosy = connect("kiosk-1", [f"bank/{branch}/hub/state/call/+", topics.help_state(branch),
                               topics.help_changes(branch)])
    other = connect("kiosk-2")
    try:
        raised = new_raise("kiosk-2", time.time())
        other.publish(topics.kiosk_help(branch, "kiosk-2"), HelpEventMessage(raised))
        other.wait_for(HelpState, lambda s: raised in s.events,
                       topic=topics.call_state(branch, "kiosk-2"))
        # Close the window: kiosk-1's own call state, published by the hub after kiosk-2's,
        # reaches kiosk-1 only after anything of kiosk-2's the broker would have let through.
        mine = new_raise("kiosk-1", time.time())
        nosy.publish(topics.kiosk_help(branch, "kiosk-1"), HelpEventMessage(mine))
        nosy.wait_for(HelpState, lambda s: mine in s.events,
                      topic=topics.call_state(branch, "kiosk-1"))
        seen = {(d.topic.topic, d.message.TYPE) for d in nosy.received
                if d.message.TYPE in ("help.state", "help.changes")}
        assert seen == {(topics.call_state(branch, "kiosk-1"), "help.state")}
    finally:
        nosy.close()
        other.close()
        assert hub.stop() == 0


def test_a_kiosk_restarted_mid_call_without_its_store_gets_its_call_back(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        config = hub.config
        kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk-before").start()
        console = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=B,
                            role=Role.CONSOLE)
        try:
            wait_until(lambda: kiosk.link.connected, PATIENCE_S, "the kiosk connected")
            call = kiosk.call(lambda: kiosk.client.raise_help())
            call_id = call.call_id  # type: ignore[attr-defined]
            wait_until(lambda: kiosk.client.sender.pending() == 0, PATIENCE_S,
                       "the hub stored the call")
            console.sign_in("li-ming")
            coming = new_follow_up(call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                                   time.time(), staff_id="li-ming")
            console.publish(topics.console_help(B, "console-1", "kiosk-1"),
                            HelpEventMessage(coming))
            console.wait_for(EventAck, lambda a: coming.id in a.ids,
                             topic=topics.hub_ack(B, "console-1"))
        finally:
            kiosk.stop()
        # The same kiosk, its disk replaced: all it can learn is from its own call state.
        again = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk-after").start()
        try:
            wait_until(lambda: again.client.call is not None
                       and again.client.call.call_id == call_id
                       and again.client.call.acknowledged_by == "li-ming", PATIENCE_S,
                       "the restarted kiosk shows its call, with who is coming")
        finally:
            again.stop()
            console.close()


class LossyLink:
    """Loses, between the broker and a console's client, every message that carries one
    event: as if the console had been away for exactly that moment."""

    def __init__(self, device: HeadlessDevice[ConsoleClient]) -> None:
        self.lost: list[str] = []
        self.event_id: str | None = None
        self._lock = threading.Lock()
        self._deliver: Callable[[Decoded], None] = device.link._on_message
        device.link._on_message = self._message

    def _message(self, decoded: Decoded) -> None:
        message = decoded.message
        events = (message.events if isinstance(message, HelpChanges)
                  else (message.event,) if isinstance(message, HelpEventMessage) else ())
        with self._lock:
            if self.event_id is not None and any(e.id == self.event_id for e in events):
                self.lost.append(message.TYPE)
                return
        self._deliver(decoded)


def test_a_console_that_misses_a_change_takes_the_whole_state_again(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub", mosquitto.port) as hub:
        lobby = headless_console(hub.config, "console-lobby", tmp_path / "lobby").start()
        lossy = LossyLink(lobby)
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
        counter = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=B,
                            role=Role.CONSOLE)
        try:
            raised = new_raise("kiosk-1", time.time())
            kiosk.publish(topics.kiosk_help(B, "kiosk-1"), HelpEventMessage(raised))
            wait_until(lambda: raised.call_id in lobby.client.calls
                       and not lobby.client.changes.syncing, PATIENCE_S,
                       "the lobby console holds the call and has left the whole state")
            counter.sign_in("li-ming")
            coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                                   time.time(), staff_id="li-ming")
            lossy.event_id = coming.id
            counter.publish(topics.console_help(B, "console-1", "kiosk-1"),
                            HelpEventMessage(coming))
            counter.wait_for(EventAck, lambda a: coming.id in a.ids,
                             topic=topics.hub_ack(B, "console-1"))
            wait_until(lambda: "help.changes" in lossy.lost, PATIENCE_S,
                       "the change with the acknowledgement was lost")
            with lossy._lock:
                lossy.event_id = None  # the whole state must carry it from now on
            arrived = new_follow_up(raised.call_id, "kiosk-1", K.ARRIVED, "console-1",
                                    time.time(), staff_id="li-ming")
            counter.publish(topics.console_help(B, "console-1", "kiosk-1"),
                            HelpEventMessage(arrived))

            def caught_up() -> bool:
                call = lobby.client.calls.get(raised.call_id)
                return (call is not None and call.acknowledged_by == "li-ming"
                        and lobby.client.changes.resyncs >= 1
                        and not lobby.client.changes.syncing)

            wait_until(caught_up, PATIENCE_S,
                       "the lobby console took the whole state again and has the ack")
        finally:
            lobby.stop()
            for device in (kiosk, counter):
                device.close()

