"""Staff at the hub: PINs checked and rate-limited, sessions bound to a console, actions done
once, stale or foreign actions refused, announcements kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.core.settings import LocalText
from kiosk.protocol import topics
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal, PinReply, PinRequest
from kiosk.protocol.staff_commands import Announce, CallNext, ClearAnnouncement, NoShow, SignOut
from kiosk.protocol.staff_messages import ActionRefusal, ActionResult, Announcement
from kiosk.protocol.ticket_messages import TicketCalled
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_harness import HubHarness


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    # 3 wrong PINs lock for 0.5 s, doubling (tests/helpers/branch.py FAST_TIMINGS)
    return HubHarness(tmp_path)


def test_the_right_pin_signs_in_with_a_session(harness: HubHarness) -> None:
    reply = harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"])
    assert reply.ok and reply.staff_id == "li-ming" and reply.session
    assert reply.expires_at == pytest.approx(harness.clock() + 86_400)
    assert harness.ledger.audit_events()[-1].action == "staff_signed_in"


def test_a_wrong_pin_or_an_unknown_staff_id_gets_the_same_answer(harness: HubHarness) -> None:
    wrong = harness.pin("console-1", "li-ming", "0000")
    unknown = harness.pin("console-1", "nobody", "1357")
    assert wrong.reason is unknown.reason is PinRefusal.WRONG_PIN
    assert wrong.session is None and unknown.session is None


def test_too_many_wrong_pins_lock_the_staff_id_for_a_doubling_time(harness: HubHarness) -> None:
    for _ in range(3):
        assert harness.pin("console-1", "li-ming", "0000").reason is PinRefusal.WRONG_PIN
    locked = harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"])
    assert locked.reason is PinRefusal.RATE_LIMITED
    assert locked.retry_after_s == pytest.approx(0.5)
    assert harness.pin("console-2", "zhang-wei", STAFF_PINS["zhang-wei"]).ok  # others may
    harness.clock.advance(0.6)
    for _ in range(3):
        harness.pin("console-1", "li-ming", "0000")
    second = harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"])
    assert second.reason is PinRefusal.RATE_LIMITED and second.retry_after_s == pytest.approx(1.0)
    harness.clock.advance(1.1)
    assert harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"]).ok
    assert harness.hub.refusals.counter["pin_locked"] == 2


def test_a_device_flooding_pin_requests_is_slowed_down(harness: HubHarness) -> None:
    limit = harness.options.pin_requests_per_minute
    for n in range(limit):
        harness.pin("kiosk-1", f"guess-{n}", "1234", PinPurpose.KIOSK_EXIT)
    flooded = harness.pin("kiosk-1", "wang-fang", STAFF_PINS["wang-fang"],
                          PinPurpose.KIOSK_EXIT)
    assert flooded.reason is PinRefusal.RATE_LIMITED
    assert harness.hub.refusals.counter["pin_flood"] == 1
    harness.clock.advance(61)
    assert harness.pin("kiosk-1", "wang-fang", STAFF_PINS["wang-fang"],
                       PinPurpose.KIOSK_EXIT).ok


def test_a_re_sent_pin_request_is_answered_as_before(harness: HubHarness) -> None:
    request = PinRequest("77" * 16, "li-ming", STAFF_PINS["li-ming"],
                         PinPurpose.CONSOLE_SIGN_IN)
    topic = topics.pin_request(harness.branch, harness.role_of("console-1"), "console-1")
    harness.send("console-1", topic, request)
    harness.send("console-1", topic, request)
    first, second = harness.published("hub/reply/console-1", PinReply)
    assert first == second and first.session is not None
    assert len([a for a in harness.ledger.audit_events() if a.action == "staff_signed_in"]) == 1


def test_the_pin_never_reaches_the_log_or_the_audit(harness: HubHarness,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    harness.pin("console-1", "li-ming", "86420135")
    harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"])
    assert "86420135" not in caplog.text and STAFF_PINS["li-ming"] not in caplog.text
    audit_text = repr([a.to_dict() for a in harness.ledger.audit_events()])
    assert "86420135" not in audit_text and STAFF_PINS["li-ming"] not in audit_text


def test_actions_need_a_live_session_at_that_console(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash")
    no_session = harness.action("console-1", "li-ming", "Z" * 22, CallNext(1))
    assert no_session.reason is ActionRefusal.NOT_SIGNED_IN
    session = harness.sign_in("console-1", "li-ming")
    elsewhere = harness.action("console-2", "li-ming", session, CallNext(2))
    assert elsewhere.reason is ActionRefusal.NOT_SIGNED_IN
    someone_else = harness.action("console-1", "zhang-wei", session, CallNext(1))
    assert someone_else.reason is ActionRefusal.NOT_SIGNED_IN
    assert harness.hub.refusals.counter["no_session"] == 3
    assert harness.published("hub/called") == []
    assert harness.action("console-1", "li-ming", session, CallNext(1)).ok
    assert harness.action("console-1", "li-ming", session, SignOut()).ok
    assert harness.action("console-1", "li-ming", session,
                          NoShow("A001")).reason is ActionRefusal.NOT_SIGNED_IN


def test_a_new_sign_in_ends_the_consoles_previous_session(harness: HubHarness) -> None:
    first = harness.sign_in("console-1", "li-ming")
    harness.sign_in("console-1", "chen-jing")
    harness.request_ticket("kiosk-1", "cash")
    assert harness.action("console-1", "li-ming", first,
                          CallNext(1)).reason is ActionRefusal.NOT_SIGNED_IN


def test_a_replayed_action_is_answered_from_the_store_not_done_twice(
        harness: HubHarness) -> None:
    for _ in range(2):
        harness.request_ticket("kiosk-1", "cash")
    session = harness.sign_in("console-1", "li-ming")
    first = harness.action("console-1", "li-ming", session, CallNext(1), action_id="aa" * 16)
    again = harness.action("console-1", "li-ming", session, CallNext(1), action_id="aa" * 16)
    assert again == first and first.details["number"] == "A001"
    assert len(harness.published("hub/called", TicketCalled)) == 1
    assert harness.hub.refusals.counter["replayed_action"] == 1
    harness.restart_hub()  # the store outlives the process
    after = harness.action("console-1", "li-ming", session, CallNext(1), action_id="aa" * 16)
    assert after == first
    ticket = harness.hub.queue.queue.ticket("A002")
    assert ticket is not None and ticket.state == "waiting"


def test_another_consoles_action_id_is_refused_as_stale(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash")
    one = harness.sign_in("console-1", "li-ming")
    two = harness.sign_in("console-2", "zhang-wei")
    harness.action("console-1", "li-ming", one, CallNext(1), action_id="bb" * 16)
    stolen = harness.action("console-2", "zhang-wei", two, CallNext(2), action_id="bb" * 16)
    assert stolen.reason is ActionRefusal.STALE
    assert harness.hub.refusals.counter["replayed_elsewhere"] == 1


def test_an_action_sent_long_ago_is_stale(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash")
    session = harness.sign_in("console-1", "li-ming")
    old = harness.clock() - harness.options.request_window_s - 1
    result = harness.action("console-1", "li-ming", session, CallNext(1), sent_at=old)
    assert result.reason is ActionRefusal.STALE
    assert harness.published("hub/called") == []
    assert harness.hub.refusals.counter["stale"] == 1


def test_a_console_acts_only_for_its_own_counter(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash")
    one = harness.sign_in("console-1", "li-ming")
    lobby = harness.sign_in("console-lobby", "wang-fang")
    assert harness.action("console-1", "li-ming", one,
                          CallNext(2)).reason is ActionRefusal.NOT_PERMITTED
    assert harness.action("console-lobby", "wang-fang", lobby,
                          CallNext(1)).reason is ActionRefusal.NOT_PERMITTED
    assert harness.hub.refusals.counter["wrong_counter"] == 2
    assert harness.action("console-1", "li-ming", one, CallNext(1)).ok
    two = harness.sign_in("console-2", "zhang-wei")
    assert harness.action("console-2", "zhang-wei", two,
                          NoShow("A001")).reason is ActionRefusal.NOT_PERMITTED
    assert harness.action("console-lobby", "wang-fang", lobby, NoShow("A001")).ok


def test_announcements_are_retained_and_survive_a_restart(harness: HubHarness) -> None:
    session = harness.sign_in("console-lobby", "wang-fang")
    text = LocalText({"zh_CN": "三号窗口暂停服务", "en": "Counter 3 is closed"})
    sent = harness.action("console-lobby", "wang-fang", session, Announce(text=text))
    assert sent.ok
    shown = harness.last("hub/announcement", Announcement)
    assert shown.active and shown.text == text
    # The console that sent it learns which announcement is its own, for its log.
    assert sent.details["announcement_id"] == shown.announcement_id
    prepared = harness.action("console-lobby", "wang-fang", session,
                              Announce(prepared_id="closing-soon"))
    assert prepared.reason is ActionRefusal.UNKNOWN_MESSAGE
    harness.restart_hub()
    harness.sent.clear()
    harness.hub.on_connected()
    assert harness.last("hub/announcement", Announcement) == shown
    clearing = harness.action("console-lobby", "wang-fang", session, ClearAnnouncement())
    assert clearing.ok
    cleared = harness.last("hub/announcement", Announcement)
    assert not cleared.active and not cleared.text
    assert clearing.details["announcement_id"] == cleared.announcement_id
    results = harness.published("hub/reply/console-lobby", ActionResult)
    assert all(r.action_id for r in results)
