"""The help loop through a real broker and the real hub process: stored, acknowledged,
retained, escalated; and nothing acknowledged is lost when the hub is killed."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.core.help.events import HelpEventKind, new_follow_up, new_raise
from kiosk.core.settings import Role
from kiosk.net.broker import EmbeddedBroker, MosquittoBroker
from kiosk.protocol import topics
from kiosk.protocol.device_messages import Presence
from kiosk.protocol.help_messages import EventAck, HelpEventMessage, HelpState
from tests.helpers.hub_process import prepare_hub, running_hub
from tests.helpers.raw_device import RawDevice

pytestmark = pytest.mark.e2e

B = "demo-branch"
K = HelpEventKind


def _acked(device: RawDevice, event_id: str) -> EventAck:
    return device.wait_for(EventAck, lambda a: event_id in a.ids,
                           topic=topics.hub_ack(B, device.device_id))


def test_a_help_call_is_acknowledged_retained_and_escalated(
        any_broker: MosquittoBroker | EmbeddedBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path, any_broker.port, **{"help.escalate_after_s": 1.0}):
        kiosk = RawDevice(any_broker.host, any_broker.port, "kiosk-1", branch=B,
                          role=Role.KIOSK)
        console = RawDevice(any_broker.host, any_broker.port, "console-1", branch=B,
                            role=Role.CONSOLE)
        raised = new_raise("kiosk-1", time.time())
        kiosk.publish(topics.kiosk_help(B, "kiosk-1"), HelpEventMessage(raised))
        _acked(kiosk, raised.id)
        state = console.wait_for(HelpState, lambda s: raised in s.events)
        assert state.events == (raised,)

        escalated = kiosk.wait_for(HelpEventMessage, lambda m: m.event.kind is K.ESCALATED,
                                   topic=topics.hub_help(B, "kiosk-1"))
        assert escalated.event.call_id == raised.call_id and escalated.event.level >= 1

        console.sign_in("wang-fang")
        coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1", time.time(),
                               staff_id="wang-fang")
        console.publish(topics.console_help(B, "console-1", "kiosk-1"), HelpEventMessage(coming))
        _acked(console, coming.id)
        console.wait_for(HelpState, lambda s: coming in s.events)
        kiosk.close()
        console.close()


def test_a_killed_hub_keeps_every_acknowledged_event_and_shows_the_call_again(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, mosquitto.port).start()
    kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-2", branch=B, role=Role.KIOSK)
    console = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=B,
                        role=Role.CONSOLE)
    raised = new_raise("kiosk-2", time.time())
    kiosk.publish(topics.kiosk_help(B, "kiosk-2"), HelpEventMessage(raised))
    _acked(kiosk, raised.id)
    received = new_follow_up(raised.call_id, "kiosk-2", K.RECEIVED, "console-1", time.time(),
                             console_id="console-1")
    console.sign_in("li-ming")
    coming = new_follow_up(raised.call_id, "kiosk-2", K.ACKNOWLEDGED, "console-1", time.time(),
                           staff_id="li-ming")
    for event in (received, coming):
        console.publish(topics.console_help(B, "console-1", "kiosk-2"), HelpEventMessage(event))
    _acked(console, received.id)
    _acked(console, coming.id)

    hub.kill()
    # the broker tells everyone at once, from the hub's last will
    kiosk.wait_for(Presence, lambda p: not p.online, topic=topics.presence(B, Role.HUB, None))
    database = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {row[0] for row in database.execute("SELECT id FROM help_events")}
    database.close()
    assert stored == {raised.id, received.id, coming.id}

    # forget the retained state the old process left, so only the new one can show it
    console.publish_raw(topics.help_state(B), b"", retain=True)
    hub.start()
    watcher = RawDevice(mosquitto.host, mosquitto.port, "console-2", branch=B,
                        subscribe=[topics.help_state(B)])
    try:
        state = watcher.wait_for(HelpState, lambda s: raised in s.events)
        assert set(state.events) == {raised, received, coming}
        # the kiosk re-sends the raise it already had acknowledged: stored once, acked again
        kiosk.publish(topics.kiosk_help(B, "kiosk-2"), HelpEventMessage(raised))
        kiosk.wait_count(EventAck, 2)
        assert (hub.healthz() or (0, {}))[1]["open_calls"] == 1
    finally:
        assert hub.stop() == 0
    # a clean stop leaves "offline" retained for whoever connects next
    late = RawDevice(mosquitto.host, mosquitto.port, "display-1", branch=B,
                     role=Role.DISPLAY)
    late.wait_for(Presence, lambda p: not p.online)
    assert late.messages(Presence) == [Presence(online=False)]
    for device in (kiosk, console, watcher, late):
        device.close()
    database = sqlite3.connect(hub.db_path)
    assert database.execute("SELECT COUNT(*) FROM help_events").fetchone() == (3,)
    database.close()
