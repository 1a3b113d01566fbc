"""Bad input reaches the hub: each kind is refused with its own counted, logged reason, the
hub keeps working, and nothing already stored changes."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.help.events import HelpEvent, HelpEventKind, Outcome, new_follow_up, new_raise
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.protocol.ticket_messages import TicketReply, TicketRequest
from tests.helpers.hub_harness import HubHarness

K = HelpEventKind


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path)


def _stored(harness: HubHarness) -> tuple[list[HelpEvent], list[object], int]:
    return (harness.ledger.help_events(), harness.ledger.queue_events(),
            len(harness.ledger.audit_events()))


def _envelope(harness: HubHarness, sender: str, body: dict[str, object], kind: str,
              version: int = 1) -> bytes:
    envelope = {"v": version, "type": kind, "id": harness.next_id(), "sender": sender,
                "sent_at": harness.clock(), "body": body}
    return json.dumps(envelope).encode()


def test_each_kind_of_bad_input_is_counted_under_its_own_reason(
        harness: HubHarness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    raised = harness.raise_call("kiosk-1")
    before_events = harness.ledger.help_events()
    branch = harness.branch
    request_topic = topics.ticket_request(branch, "kiosk-1")
    good_body = {"request_id": "9" * 32, "service_id": "cash", "priority": False,
                 "language": "en"}
    impostor = new_raise("kiosk-9", harness.clock())
    cases: list[tuple[str, bytes, str]] = [
        (request_topic, b'{"v":1,"type":', "malformed_json"),
        (request_topic, b"x" * 20_000, "too_large"),
        (request_topic, _envelope(harness, "kiosk-1", good_body, "ticket.order"),
         "unknown_type"),
        (request_topic, _envelope(harness, "kiosk-1", good_body, "ticket.request", version=7),
         "unsupported_version"),
        (request_topic, _envelope(harness, "kiosk-2", good_body, "ticket.request"),
         "sender_mismatch"),
        (f"bank/{branch}/kiosk/kiosk-1/ticket/take", b"{}", "bad_topic"),
        ("bank/other-branch/kiosk/kiosk-1/help", b"{}", "wrong_branch"),
        (topics.kiosk_help(branch, "kiosk-9"),
         harness.payload("kiosk-9", topics.kiosk_help(branch, "kiosk-9"),
                         HelpEventMessage(impostor)), "unknown_device"),
        (topics.kiosk_help(branch, "console-1"),
         harness.payload("console-1", topics.kiosk_help(branch, "console-1"),
                         HelpEventMessage(new_raise("console-1", harness.clock()))),
         "wrong_role"),
    ]
    for topic, payload, reason in cases:
        harness.send_raw(topic, payload)
        assert harness.hub.refusals.counter[reason] == 1, reason
        assert f": {reason}: " in caplog.text, reason
    assert harness.ledger.help_events() == before_events
    assert harness.ledger.queue_events() == []
    assert harness.published("hub/reply/kiosk-1", TicketReply) == []
    # and the hub still works
    assert harness.request_ticket("kiosk-1", "cash").ok
    assert harness.acks("kiosk-1") == [raised.id]


def test_an_event_reusing_a_stored_id_with_other_content_changes_nothing(
        harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.sign_in("console-1", "li-ming")
    ack = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                        harness.clock(), staff_id="li-ming")
    topic = topics.console_help(harness.branch, "console-1", "kiosk-1")
    harness.send("console-1", topic, HelpEventMessage(ack))
    forged = HelpEvent(id=ack.id, call_id=ack.call_id, kiosk_id="kiosk-1",
                       kind=K.RESOLVED, origin="console-1", at=ack.at, staff_id="li-ming",
                       outcome=Outcome.HELPED)
    before = _stored(harness)
    harness.send("console-1", topic, HelpEventMessage(forged))
    assert harness.hub.refusals.counter["conflicting_event"] == 1
    assert harness.ledger.help_event(ack.id) == ack
    assert _stored(harness)[:2] == before[:2]
    assert harness.hub.open_calls == 1
    assert harness.acks("console-1") == [ack.id]


def test_events_naming_strangers_are_refused(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    stranger = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                             harness.clock(), staff_id="mallory")
    topic = topics.console_help(harness.branch, "console-1", "kiosk-1")
    harness.send("console-1", topic, HelpEventMessage(stranger))
    assert harness.hub.refusals.counter["unknown_staff"] == 1
    assert harness.ledger.help_event(stranger.id) is None
    assert stranger.id not in harness.acks("console-1")


def test_refusals_are_audited_but_a_flood_is_not(harness: HubHarness) -> None:
    topic = topics.ticket_request(harness.branch, "kiosk-1")
    for _ in range(50):
        harness.send_raw(topic, b"not json")
    rejected = [a for a in harness.ledger.audit_events() if a.action == "message_rejected"]
    assert len(rejected) == 1 and rejected[0].detail["reason"] == "malformed_json"
    assert harness.hub.refusals.counter["malformed_json"] == 50
    harness.clock.advance(61)
    harness.send_raw(topic, b"not json")
    assert len([a for a in harness.ledger.audit_events() if a.action == "message_rejected"]) == 2


def test_an_old_version_is_still_understood(harness: HubHarness) -> None:
    """Version 1 (the previous one) is read and upgraded, for rolling upgrades."""
    topic = topics.ticket_request(harness.branch, "kiosk-1")
    body = TicketRequest("5" * 32, "cash", True, "en").to_body()
    envelope = {"v": 1, "type": "ticket.request", "id": harness.next_id(), "sender": "kiosk-1",
                "sent_at": harness.clock(), "body": body}
    harness.send_raw(topic, json.dumps(envelope).encode())
    reply = harness.last("hub/reply/kiosk-1", TicketReply)
    assert reply.ticket is not None and reply.ticket.priority


HUB_TOPICS = [
    "bank/demo-branch/kiosk/kiosk-1/help",
    "bank/demo-branch/kiosk/kiosk-1/ticket/request",
    "bank/demo-branch/kiosk/kiosk-1/pin/request",
    "bank/demo-branch/console/console-1/action",
    "bank/demo-branch/console/console-1/help/kiosk-1",
    "bank/demo-branch/kiosk/kiosk-2/heartbeat",
    "bank/demo-branch/display/display-1/presence",
]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(topic=st.sampled_from(HUB_TOPICS),
       payload=st.one_of(st.binary(max_size=300),
                         st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                                      lambda c: st.lists(c) | st.dictionaries(st.text(), c),
                                      max_leaves=20).map(lambda v: json.dumps(v).encode())))
def test_no_input_crashes_the_hub_or_changes_what_is_stored(harness: HubHarness, topic: str,
                                                            payload: bytes) -> None:
    if not harness.ledger.help_events():
        harness.raise_call("kiosk-1")
    before = _stored(harness)[:2]
    harness.send_raw(topic, payload)
    assert _stored(harness)[:2] == before


def test_a_failing_disk_means_no_acknowledgement_and_an_unhealthy_report(
        harness: HubHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    real_record = harness.ledger.record

    def disk_full(step: object) -> bool:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(harness.ledger, "record", disk_full)
    raised = harness.raise_call("kiosk-1")
    ticket = harness.request_ticket_raw("kiosk-1", "cash")
    assert harness.acks("kiosk-1") == []  # the kiosk keeps re-sending
    assert ticket == []
    assert harness.hub.refusals.counter["storage_failed"] == 2
    assert not harness.hub.health_report()["database"]["ok"]

    monkeypatch.setattr(harness.ledger, "record", real_record)
    harness.send("kiosk-1", topics.kiosk_help(harness.branch, "kiosk-1"),
                 HelpEventMessage(raised))
    assert harness.acks("kiosk-1") == [raised.id]
    reply = harness.request_ticket("kiosk-1", "cash")
    assert reply.ticket is not None and reply.ticket.number == "A001"  # no number was lost
    harness.clock.advance(61)
    assert harness.hub.health_report()["database"]["ok"]


def test_a_bug_costs_one_message_not_the_rest_of_the_batch(
        harness: HubHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(decoded: object, now: float) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(harness.hub.queue, "request_ticket", broken)
    raised = new_raise("kiosk-1", harness.clock())
    request_topic = topics.ticket_request(harness.branch, "kiosk-1")
    help_topic = topics.kiosk_help(harness.branch, "kiosk-1")
    harness.hub.handle_many([
        (request_topic, harness.payload("kiosk-1", request_topic,
                                        TicketRequest("3" * 32, "cash", False, "en")), False),
        (help_topic, harness.payload("kiosk-1", help_topic, HelpEventMessage(raised)), False),
    ])
    assert harness.acks("kiosk-1") == [raised.id]
    assert harness.hub.refusals.counter["internal_error"] == 1


def test_a_retained_event_is_never_taken_as_live_and_is_cleared_at_the_broker(
        harness: HubHarness) -> None:
    branch = harness.branch
    topic = topics.kiosk_help(branch, "kiosk-1")
    old = new_raise("kiosk-1", harness.clock())
    payload = harness.payload("kiosk-1", topic, HelpEventMessage(old))
    harness.sent.clear()
    harness.hub.handle(topic, payload, retained=True)
    assert harness.ledger.help_events() == []
    assert harness.hub.refusals.counter.snapshot() == {"retained": 1}
    cleared = [out for out in harness.sent if out.topic == topic]
    assert [(out.payload, out.retain) for out in cleared] == [(b"", True)]
    # the same event live is a call; the broker's echo of the clearing is no refusal
    harness.hub.handle(topic, payload)
    harness.hub.handle(topic, b"", retained=False)
    assert harness.ledger.help_events() == [old]
    assert harness.hub.refusals.counter.snapshot() == {"retained": 1}


def test_a_flood_of_bad_messages_costs_a_bounded_number_of_log_lines(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    harness = HubHarness(tmp_path, **{"broker.rejection_log_every_s": 1.0})
    caplog.set_level(logging.INFO, logger="kiosk.hub")
    flood_topic = topics.ticket_request(harness.branch, "kiosk-1")
    other_topic = topics.ticket_request(harness.branch, "kiosk-2")
    for n in range(10_000):
        harness.hub.handle(flood_topic, b'{"v":1,"type":')
        if n % 1000 == 999:
            harness.clock.advance(0.5)  # 10,000 messages over five seconds
    harness.hub.handle(other_topic, b"x" * 20_000)
    harness.clock.advance(1.0)
    harness.hub.tick()

    assert harness.hub.refusals.counter.snapshot() == {"malformed_json": 10_000,
                                                       "too_large": 1}
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) <= 4 * (5 + 2) + 1, "at most 3 lines and a sum per second and sender"
    in_full = [line for line in lines if line.startswith(f"dropped {flood_topic}: ")]
    summed = [int(found.group(1)) for line in lines
              if (found := re.fullmatch(r"dropped (\d+) more malformed_json from kiosk-1 in "
                                        r"\d+ s \(not logged one by one\)", line))]
    assert len(in_full) >= 3 and summed
    assert len(in_full) + sum(summed) == 10_000
    # another sender's refusal is logged in full, not lost in the flood's summary
    assert any(line.startswith(f"dropped {other_topic}: too_large") for line in lines)
