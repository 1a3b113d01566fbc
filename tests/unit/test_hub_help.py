"""The hub's part of the help loop: stored before acknowledged, open calls retained,
escalation and re-signal on time, closes at the kiosk, drills."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.core.help.events import HelpEventKind, Outcome
from kiosk.core.help.state import CallStatus, calls_state
from kiosk.protocol import topics
from kiosk.protocol.device_messages import Activity, Component, Health, Heartbeat
from kiosk.protocol.help_messages import Drill, HelpEventMessage
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal
from kiosk.protocol.staff_commands import StartDrill
from kiosk.protocol.staff_messages import ActionRefusal
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_harness import HubHarness, console_heartbeat
from tests.helpers.thread_owned import call_on_thread, own_every_set

K = HelpEventKind


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path, **{"help.escalate_after_s": 30.0,
                                   "help.resignal_after_s": 180.0})


def test_a_raise_is_stored_then_acknowledged_then_in_the_state(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    assert harness.ledger.help_events() == [raised]
    assert harness.acks("kiosk-1") == [raised.id]
    ack_index = next(i for i, out in enumerate(harness.sent) if "/hub/ack/" in out.topic)
    state_index = next(i for i, out in enumerate(harness.sent) if out.topic.endswith("state/help"))
    assert ack_index < state_index  # the sender hears "stored" first
    assert harness.help_state().events == (raised,)
    assert harness.hub.open_calls == 1
    audit = harness.ledger.audit_events()[-1]
    assert audit.subject == raised.call_id and audit.detail["kind"] == "raised"


def test_a_re_sent_event_is_acknowledged_again_and_stored_once(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.send("kiosk-1", topics.kiosk_help(harness.branch, "kiosk-1"),
                 HelpEventMessage(raised))
    assert harness.acks("kiosk-1") == [raised.id, raised.id]
    assert harness.ledger.help_event_count() == 1


def test_console_events_are_stored_acked_to_the_console_and_move_the_call(
        harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-2")
    received = harness.console_event("console-1", raised, K.RECEIVED, console_id="console-1")
    harness.sign_in("console-1", "wang-fang")
    coming = harness.console_event("console-1", raised, K.ACKNOWLEDGED, staff_id="wang-fang")
    assert harness.acks("console-1") == [received.id, coming.id]
    state = calls_state(harness.help_state().events)[raised.call_id]
    assert state.status is CallStatus.ACKNOWLEDGED and state.acknowledged_by == "wang-fang"


def test_a_late_event_is_a_fact_stored_and_acked_and_the_call_stays_closed(
        harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.sign_in("console-1", "li-ming")
    harness.sign_in("console-lobby", "wang-fang")
    harness.console_event("console-1", raised, K.RESOLVED, staff_id="li-ming",
                          outcome=Outcome.HELPED)
    late = harness.console_event("console-lobby", raised, K.ACKNOWLEDGED, staff_id="wang-fang")
    assert late.id in harness.acks("console-lobby")
    assert harness.ledger.help_event(late.id) == late
    assert harness.hub.help.late_events == 1
    assert harness.hub.refusals.counter.total() == 0
    state = calls_state(harness.help_state().events)[raised.call_id]
    assert state.status is CallStatus.RESOLVED


def test_an_unanswered_call_escalates_at_the_configured_time(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.clock.advance(29.9)
    harness.hub.tick()
    assert harness.published("hub/help/kiosk-1") == []
    harness.clock.advance(0.2)
    harness.hub.tick()
    [escalation] = harness.published("hub/help/kiosk-1", HelpEventMessage)
    assert escalation.event.kind is K.ESCALATED and escalation.event.level == 1
    assert escalation.event.origin == "hub" and escalation.event.call_id == raised.call_id
    assert escalation.event in harness.help_state().events
    assert harness.ledger.help_event(escalation.event.id) == escalation.event
    harness.hub.tick()  # nothing new is due
    assert len(harness.published("hub/help/kiosk-1")) == 1
    harness.clock.advance(30.0)
    harness.hub.tick()
    assert [m.event.level for m in harness.published("hub/help/kiosk-1", HelpEventMessage)] \
        == [1, 2]


def test_an_acknowledged_call_left_open_is_signalled_again(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.hub.tick()
    harness.clock.advance(5)
    harness.sign_in("console-1", "li-ming")
    harness.console_event("console-1", raised, K.ACKNOWLEDGED, staff_id="li-ming")
    harness.clock.advance(179)
    console_heartbeat(harness, "console-1", "li-ming")  # still signed in, still alive
    harness.hub.tick()
    assert harness.published("hub/help/kiosk-1") == []
    harness.clock.advance(2)
    console_heartbeat(harness, "console-1", "li-ming")
    harness.hub.tick()
    [again] = harness.published("hub/help/kiosk-1", HelpEventMessage)
    assert again.event.kind is K.RESIGNALLED and again.event.level == 1


def test_a_closed_call_leaves_the_state_after_a_while(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.sign_in("console-1", "li-ming")
    harness.console_event("console-1", raised, K.RESOLVED, staff_id="li-ming",
                          outcome=Outcome.NO_HELP_NEEDED)
    assert raised in harness.help_state().events  # still there: late joiners see the close
    assert harness.hub.open_calls == 0
    harness.clock.advance(harness.options.keep_resolved_s + 1)
    harness.hub.tick()
    assert harness.help_state().events == ()
    assert len(harness.ledger.help_events()) == 2  # the ledger keeps everything


def test_open_calls_come_back_after_a_restart_and_keep_escalating(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-2")
    harness.restart_hub()
    assert harness.hub.open_calls == 1
    harness.sent.clear()
    harness.hub.on_connected()
    assert harness.help_state().events == (raised,)
    harness.clock.advance(31)
    harness.hub.tick()
    assert harness.published("hub/help/kiosk-2", HelpEventMessage)[0].event.kind is K.ESCALATED


def test_staff_close_a_call_at_the_kiosk_with_their_pin(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    reply = harness.pin("kiosk-1", "chen-jing", STAFF_PINS["chen-jing"],
                        PinPurpose.CLOSE_CALL, call_id=raised.call_id, outcome=Outcome.HELPED)
    assert reply.ok and reply.staff_id == "chen-jing" and reply.session is None
    [closed] = harness.published("hub/help/kiosk-1", HelpEventMessage)
    assert closed.event.kind is K.RESOLVED and closed.event.staff_id == "chen-jing"
    order = [out.topic.rsplit("/", 2)[-2] for out in harness.sent
             if out.topic.endswith(("/reply/kiosk-1", "/help/kiosk-1"))]
    assert order == ["reply", "help"]  # the PIN answer, then the close it caused
    assert harness.hub.open_calls == 0
    again = harness.pin("kiosk-1", "chen-jing", STAFF_PINS["chen-jing"],
                        PinPurpose.CLOSE_CALL, call_id=raised.call_id, outcome=Outcome.HELPED)
    assert again.reason is PinRefusal.UNKNOWN_CALL


def test_a_call_at_another_kiosk_cannot_be_closed_from_here(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-2")
    reply = harness.pin("kiosk-1", "chen-jing", STAFF_PINS["chen-jing"],
                        PinPurpose.CLOSE_CALL, call_id=raised.call_id, outcome=Outcome.HELPED)
    assert reply.reason is PinRefusal.UNKNOWN_CALL
    assert harness.hub.open_calls == 1


def _idle_heartbeat(harness: HubHarness, kiosk_id: str, activity: Activity) -> None:
    health = Health(Component.OK, Component.OK, Component.OK, 0, "0.1.0", 10.0)
    harness.send(kiosk_id, topics.heartbeat(harness.branch, harness.role_of(kiosk_id), kiosk_id),
                 Heartbeat(1, 3.0, health, activity=activity))


def test_a_drill_goes_to_an_idle_online_kiosk_only(harness: HubHarness) -> None:
    session = harness.sign_in("console-lobby", "wang-fang")
    offline = harness.action("console-lobby", "wang-fang", session, StartDrill("kiosk-1"))
    assert offline.reason is ActionRefusal.KIOSK_BUSY and offline.details["why"] == "offline"
    _idle_heartbeat(harness, "kiosk-1", Activity.IN_USE)
    busy = harness.action("console-lobby", "wang-fang", session, StartDrill("kiosk-1"))
    assert busy.reason is ActionRefusal.KIOSK_BUSY and busy.details["why"] == "in_use"
    _idle_heartbeat(harness, "kiosk-1", Activity.IDLE)
    started = harness.action("console-lobby", "wang-fang", session, StartDrill("kiosk-1"))
    assert started.ok
    [drill] = harness.published("hub/drill/kiosk-1", Drill)
    assert drill.call_id == started.details["call_id"] and drill.staff_id == "wang-fang"
    unknown = harness.action("console-lobby", "wang-fang", session, StartDrill("kiosk-9"))
    assert unknown.reason is ActionRefusal.UNKNOWN_KIOSK


def test_a_wall_clock_set_back_does_not_delay_escalation(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.hub.tick()
    harness.clock.advance(-3600.0)  # someone sets the hub's clock back an hour
    harness.monotonic.advance(31.0)  # while 31 s really pass
    harness.hub.tick()
    [escalation] = harness.published("hub/help/kiosk-1", HelpEventMessage)
    assert escalation.event.kind is K.ESCALATED and escalation.event.call_id == raised.call_id


def test_a_wall_clock_set_forward_escalates_early_not_late(harness: HubHarness) -> None:
    harness.raise_call("kiosk-1")
    harness.clock.advance(3600.0)  # a jump forward: escalating early is the safe side
    harness.hub.tick()
    assert [m.event.kind for m in harness.published("hub/help/kiosk-1", HelpEventMessage)] \
        == [K.ESCALATED]


def test_a_flood_of_calls_from_one_kiosk_keeps_every_call_and_names_the_kiosk(
        harness: HubHarness) -> None:
    raised = [harness.raise_call("kiosk-1") for _ in range(50)]
    assert set(harness.acks("kiosk-1")) == {e.id for e in raised}  # none dropped
    assert harness.hub.health_report()["kiosks_flooding"] == ["kiosk-1"]
    assert harness.hub.open_calls == 50
    harness.raise_call("kiosk-2")
    assert harness.hub.health_report()["kiosks_flooding"] == ["kiosk-1"]


def test_health_report_reads_nothing_the_worker_thread_changes_in_place(
        harness: HubHarness) -> None:
    """/healthz runs on the HTTP thread while the worker changes the desks' state: every
    set it reports must be one the worker replaces, not one it changes in place."""
    for _ in range(5):
        harness.raise_call("kiosk-1")  # the kiosk is named as flooding
    worker = threading.current_thread()  # the thread that drives the hub in this test
    for part in (harness.hub, harness.hub.help, harness.hub.presence, harness.hub.queue):
        own_every_set(part, worker)
    report = call_on_thread(harness.hub.health_report)
    assert isinstance(report, dict) and report["kiosks_flooding"] == ["kiosk-1"]
