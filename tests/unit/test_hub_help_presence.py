"""The hub reads help calls against who is present: a silent desk or staff who signed out
make the call unanswered again; a refused (unstored) "I'm coming" still counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.core.help.events import Category, HelpEventKind, new_follow_up, new_raise
from kiosk.hub.rejections import HubReject
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.protocol.staff_commands import SignOut
from tests.helpers.hub_harness import HubHarness, console_heartbeat

K = HelpEventKind


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    # presence.offline_after_s is 1 s in the test branch.
    return HubHarness(tmp_path, **{"help.escalate_after_s": 30.0,
                                   "help.resignal_after_s": 180.0})


def _elapse(harness: HubHarness, seconds: float) -> None:
    """Time passes, on the wall clock and on the monotonic clock heartbeats are timed on."""
    harness.clock.advance(seconds)
    harness.monotonic.advance(seconds)


def _kinds(harness: HubHarness) -> list[tuple[HelpEventKind, int]]:
    return [(m.event.kind, m.event.level)
            for m in harness.published("hub/help/kiosk-1", HelpEventMessage)]


def test_a_call_whose_only_desk_went_silent_after_confirming_escalates(
        harness: HubHarness) -> None:
    harness.hub.tick()
    console_heartbeat(harness, "console-1", "li-ming")
    raised = harness.raise_call("kiosk-1")
    harness.console_event("console-1", raised, K.RECEIVED, console_id="console-1")
    _elapse(harness, 0.5)
    console_heartbeat(harness, "console-1", "li-ming")
    harness.hub.tick()
    assert _kinds(harness) == []
    _elapse(harness, 31)  # the console was killed: no heartbeat since
    harness.hub.tick()
    assert _kinds(harness) == [(K.ESCALATED, 1)]


def test_staff_who_sign_out_on_the_way_make_the_call_unanswered_again(
        harness: HubHarness) -> None:
    harness.hub.tick()
    harness.sign_in("console-1", "li-ming")
    raised = harness.raise_call("kiosk-1")
    harness.console_event("console-1", raised, K.RECEIVED, console_id="console-1")
    harness.console_event("console-1", raised, K.ACKNOWLEDGED, staff_id="li-ming")
    for _ in range(40):  # 40 s with li-ming signed in and coming: nothing is due
        _elapse(harness, 1.0)
        console_heartbeat(harness, "console-1", "li-ming")
        harness.hub.tick()
    assert _kinds(harness) == []
    _elapse(harness, 0.5)
    console_heartbeat(harness, "console-1", None)  # signed out; the console lives on
    harness.hub.tick()
    assert _kinds(harness) == [(K.ESCALATED, 1)]
    assert harness.hub.help.call(raised.call_id).acknowledged_by == "li-ming"  # the fact stays


def test_a_restarted_hub_does_not_take_answers_back_before_it_has_heard_the_desks(
        harness: HubHarness) -> None:
    harness.sign_in("console-1", "li-ming")
    raised = harness.raise_call("kiosk-1")
    coming = harness.console_event("console-1", raised, K.ACKNOWLEDGED, staff_id="li-ming")
    assert coming.id in harness.acks("console-1")
    _elapse(harness, 60)
    harness.restart_hub()
    harness.monotonic.advance(10)  # well past the moment a late call waits
    harness.hub.tick()
    _elapse(harness, 0.5)
    harness.hub.tick()  # nobody heard yet, and that proves nothing
    assert _kinds(harness) == []
    console_heartbeat(harness, "console-1", "li-ming")
    _elapse(harness, 0.7)
    harness.hub.tick()
    assert _kinds(harness) == []


def test_an_acknowledgement_refused_on_a_full_disk_never_becomes_an_escalation(
        harness: HubHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    harness.hub.tick()
    harness.sign_in("console-1", "li-ming")
    raised = harness.raise_call("kiosk-1")
    real_record = harness.ledger.record

    def disk_full(step: object) -> bool:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(harness.ledger, "record", disk_full)
    coming = harness.console_event("console-1", raised, K.ACKNOWLEDGED, staff_id="li-ming")
    assert coming.id not in harness.acks("console-1")  # not stored, so not acknowledged
    for _ in range(40):
        _elapse(harness, 1.0)
        console_heartbeat(harness, "console-1", "li-ming")
        harness.hub.tick()
    monkeypatch.setattr(harness.ledger, "record", real_record)  # space again
    harness.hub.tick()
    assert _kinds(harness) == []  # answered: no escalation, then or now
    # The console's outbox re-sends it: stored, acknowledged, in the ledger once.
    harness.send("console-1", f"bank/{harness.branch}/console/console-1/help/kiosk-1",
                 HelpEventMessage(coming))
    assert coming.id in harness.acks("console-1")
    assert harness.ledger.help_event(coming.id) == coming


def test_a_call_given_back_late_waits_a_moment_for_its_answer_before_escalating(
        harness: HubHarness) -> None:
    """A hub that lost its ledger gets an old call back from the kiosk and its "I'm coming"
    from the console a moment later: no escalation of the answered call in between."""
    harness.clock.advance(-70.0)
    harness.sign_in("console-1", "li-ming")  # this morning: the session is in the ledger
    harness.clock.advance(70.0)
    old = harness.clock() - 60.0
    answered = new_raise("kiosk-1", old, category=Category.MEDICAL)
    harness.send("kiosk-1", topics.kiosk_help(harness.branch, "kiosk-1"),
                 HelpEventMessage(answered))
    harness.hub.tick()
    harness.monotonic.advance(0.5)
    coming = new_follow_up(answered.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1", old + 5,
                           staff_id="li-ming")
    harness.send("console-1", topics.console_help(harness.branch, "console-1", "kiosk-1"),
                 HelpEventMessage(coming))
    harness.hub.tick()
    harness.monotonic.advance(5.0)
    console_heartbeat(harness, "console-1", "li-ming")  # li-ming is still there
    harness.hub.tick()
    assert _kinds(harness) == []
    # One nobody answered is escalated once the moment has passed.
    unanswered = new_raise("kiosk-2", old, category=Category.MEDICAL)
    harness.send("kiosk-2", topics.kiosk_help(harness.branch, "kiosk-2"),
                 HelpEventMessage(unanswered))
    harness.hub.tick()
    assert harness.published("hub/help/kiosk-2", HelpEventMessage) == []
    harness.monotonic.advance(3.1)
    harness.hub.tick()
    [escalation] = harness.published("hub/help/kiosk-2", HelpEventMessage)
    assert escalation.event.kind is K.ESCALATED


def test_a_step_made_while_signed_in_is_stored_when_it_arrives_after_the_sign_out(
        harness: HubHarness) -> None:
    """Made while the hub was down (or re-sent after the hub lost it), "I'm coming" arrives
    after its member of staff signed out: it was made in their session, so it is a fact."""
    raised = harness.raise_call("kiosk-1")
    session = harness.sign_in("console-1", "li-ming")
    harness.clock.advance(5)
    coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                           harness.clock(), staff_id="li-ming")  # kept in the outbox
    harness.clock.advance(5)
    assert harness.action("console-1", "li-ming", session, SignOut()).ok
    harness.clock.advance(10)
    topic = topics.console_help(harness.branch, "console-1", "kiosk-1")
    harness.send("console-1", topic, HelpEventMessage(coming))
    assert coming.id in harness.acks("console-1")
    # A step dated before anyone signed in there is still refused.
    backdated = new_follow_up(raised.call_id, "kiosk-1", K.ARRIVED, "console-1",
                              raised.at - 100, staff_id="li-ming")
    harness.send("console-1", topic, HelpEventMessage(backdated))
    assert harness.ledger.help_event(backdated.id) is None
    assert harness.hub.refusals.counter[HubReject.STAFF_NOT_SIGNED_IN] == 1
