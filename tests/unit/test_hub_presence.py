"""Supervision: the hub shows who is alive from heartbeats, and notices silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.protocol import topics
from kiosk.protocol.device_messages import (
    Activity,
    Component,
    DevicesState,
    DeviceStatus,
    Health,
    Heartbeat,
    Presence,
)
from kiosk.protocol.help_messages import EventAck, Rating, VisitFeedback
from tests.helpers.hub_harness import HubHarness


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path)  # offline after 1 s of silence


def _beat(harness: HubHarness, device_id: str, speech: Component = Component.OK,
          activity: Activity | None = Activity.IDLE) -> None:
    health = Health(speech, Component.OK, Component.OK, 0, "0.1.0", 5.0)
    role = harness.role_of(device_id)
    harness.send(device_id, topics.heartbeat(harness.branch, role, device_id),
                 Heartbeat(1, 0.2, health, activity=activity))


def _status(harness: HubHarness, device_id: str) -> DeviceStatus:
    state = harness.last("hub/state/devices", DevicesState)
    return next(d for d in state.devices if d.device_id == device_id)


def _time_passes(harness: HubHarness, seconds: float) -> None:
    harness.clock.advance(seconds)
    harness.monotonic.advance(seconds)


def test_a_heartbeat_brings_a_device_online_and_silence_takes_it_offline(
        harness: HubHarness) -> None:
    harness.hub.tick()
    assert not _status(harness, "kiosk-1").online
    _beat(harness, "kiosk-1")
    status = _status(harness, "kiosk-1")
    assert status.online and status.last_seen == harness.clock()
    assert status.health is not None and status.activity is Activity.IDLE
    assert harness.hub.devices_online == 1
    _time_passes(harness, 0.9)
    harness.hub.tick()
    assert _status(harness, "kiosk-1").online
    _time_passes(harness, 0.2)
    harness.hub.tick()
    assert not _status(harness, "kiosk-1").online
    actions = [a.action for a in harness.ledger.audit_events()]
    assert actions[-2:] == ["device_online", "device_offline"]


def test_a_health_change_is_published_at_once(harness: HubHarness) -> None:
    _beat(harness, "kiosk-2")
    published = len(harness.published("hub/state/devices"))
    _beat(harness, "kiosk-2")  # nothing a person would notice changed
    assert len(harness.published("hub/state/devices")) == published
    _beat(harness, "kiosk-2", speech=Component.FAILED)
    health = _status(harness, "kiosk-2").health
    assert health is not None and health.speech is Component.FAILED


def test_presence_offline_is_believed_at_once_online_is_not(harness: HubHarness) -> None:
    topic = topics.presence(harness.branch, harness.role_of("console-1"), "console-1")
    harness.send("console-1", topic, Presence(online=True))
    assert harness.hub.devices_online == 0  # a retained "online" proves nothing about now
    _beat(harness, "console-1", activity=None)
    harness.send("console-1", topic, Presence(online=False))
    assert not _status(harness, "console-1").online


def test_the_hub_lists_itself_and_every_configured_device(harness: HubHarness) -> None:
    harness.hub.tick()
    state = harness.last("hub/state/devices", DevicesState)
    assert {d.device_id for d in state.devices} == {d.id for d in harness.config.devices}
    hub = next(d for d in state.devices if d.device_id == "hub")
    assert hub.online and hub.role == "hub"


def test_the_hub_heartbeats_on_its_own(harness: HubHarness) -> None:
    harness.hub.tick()
    _time_passes(harness, 0.25)
    harness.hub.tick()
    beats = harness.published("hub/heartbeat", Heartbeat)
    assert [b.seq for b in beats] == [0, 1]


def test_a_wall_clock_set_back_neither_silences_the_hub_nor_keeps_a_silent_kiosk_online(
        harness: HubHarness) -> None:
    harness.hub.tick()
    _beat(harness, "kiosk-1")
    harness.clock.advance(-3600.0)  # someone sets the hub's clock back an hour
    _time_passes(harness, 1.1)  # while the kiosk says nothing for longer than allowed
    harness.hub.tick()
    assert not _status(harness, "kiosk-1").online
    beats = harness.published("hub/heartbeat", Heartbeat)
    assert len(beats) >= 2  # the hub still tells everyone it is alive


def test_feedback_is_stored_once_and_acknowledged(harness: HubHarness) -> None:
    feedback = VisitFeedback("f" * 32, Rating.GOOD, "zh_CN")
    topic = topics.visit_feedback(harness.branch, "kiosk-1")
    harness.send("kiosk-1", topic, feedback)
    harness.send("kiosk-1", topic, feedback)
    assert [a.ids for a in harness.published("hub/ack/kiosk-1", EventAck)] == \
        [("f" * 32,), ("f" * 32,)]
    count = harness.ledger._db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    assert count == 1
