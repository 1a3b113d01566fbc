"""Tickets issued at a staff desk, missed tickets going back into the line, and the lobby's
alert for an elderly priority ticket that waited too long: the hub's side, with a fake clock
and a real ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.audit import AuditAction
from kiosk.protocol import topics
from kiosk.protocol.staff_commands import CallNext, IssueTicket, NoShow, ReturnTicket
from kiosk.protocol.staff_messages import ActionRefusal
from kiosk.protocol.ticket_messages import (
    TicketPrint,
    TicketRefusal,
    TicketReply,
    TicketReturn,
    WaitAlert,
)
from tests.helpers.hub_harness import HubHarness

ALERT_MIN = 20


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path, **{"queue.priority_wait_alert_min": ALERT_MIN})


def return_at_kiosk(harness: HubHarness, number: str, request_id: str | None = None,
                    kiosk_id: str = "kiosk-1") -> TicketReply:
    request = TicketReturn(request_id or harness.next_id(), number, "zh_CN")
    harness.send(kiosk_id, topics.ticket_request(harness.branch, kiosk_id), request)
    return harness.last(f"hub/reply/{kiosk_id}", TicketReply)


def missed(harness: HubHarness, number: str) -> None:
    """Call ``number`` at counter 1 and mark it "did not come"."""
    session = harness.sign_in("console-1", "li-ming")
    called = harness.action("console-1", "li-ming", session, CallNext(1))
    assert called.ok and called.details["number"] == number
    assert harness.action("console-1", "li-ming", session, NoShow(number)).ok


# --- tickets from the desk --------------------------------------------------------------------


def test_a_desk_ticket_is_numbered_like_any_other_and_printed_at_the_chosen_kiosk(
        harness: HubHarness) -> None:
    harness.request_ticket("kiosk-2", "cash")
    lobby = harness.sign_in("console-lobby", "wang-fang")
    result = harness.action("console-lobby", "wang-fang", lobby,
                            IssueTicket("cash", True, "kiosk-1"))
    assert result.ok, result
    assert result.details["number"] == "A002"
    assert result.details["priority"] == "true"
    assert result.details["people_ahead"] == "1"
    printed = harness.last("hub/print/kiosk-1", TicketPrint)
    assert printed.ticket.number == "A002" and printed.ticket.priority
    assert printed.ticket.status_token  # the QR works for a desk ticket too
    assert harness.published("hub/print/kiosk-2") == []
    assert [w.number for w in harness.queue_state().waiting] == ["A001", "A002"]
    issued = [a for a in harness.ledger.audit_events() if a.action is AuditAction.TICKET_ISSUED]
    assert (issued[-1].actor, issued[-1].subject) == ("wang-fang", "A002")
    assert issued[-1].detail["printed_at"] == "kiosk-1"
    harness.restart_hub()  # the desk ticket was stored with the action
    assert harness.request_ticket("kiosk-2", "cash").ticket.number == "A003"  # type: ignore[union-attr]


def test_a_desk_ticket_shown_at_the_desk_is_printed_nowhere(harness: HubHarness) -> None:
    session = harness.sign_in("console-1", "li-ming")
    result = harness.action("console-1", "li-ming", session, IssueTicket("pension", False))
    assert result.ok and result.details["number"] == "B001"
    assert harness.published("hub/print/+") == []


def test_a_desk_ticket_for_an_unknown_kiosk_or_service_or_without_a_session_is_refused(
        harness: HubHarness) -> None:
    session = harness.sign_in("console-1", "li-ming")
    assert harness.action("console-1", "li-ming", session, IssueTicket(
        "cash", False, "kiosk-9")).reason is ActionRefusal.UNKNOWN_KIOSK
    assert harness.action("console-1", "li-ming", session, IssueTicket(
        "mortgages", False)).reason is ActionRefusal.UNKNOWN_SERVICE
    assert harness.action("console-1", "zhang-wei", session, IssueTicket(
        "cash", False)).reason is ActionRefusal.NOT_SIGNED_IN
    assert harness.ledger.queue_events() == []
    assert harness.published("hub/print/+") == []


# --- missed tickets ---------------------------------------------------------------------------


def test_a_missed_ticket_is_listed_and_goes_back_in_line_from_the_kiosk(
        harness: HubHarness) -> None:
    for _ in range(3):
        harness.request_ticket("kiosk-2", "cash")
    missed(harness, "A001")
    assert [m.number for m in harness.queue_state().missed] == ["A001"]
    reply = return_at_kiosk(harness, "A001", request_id="ab" * 16)
    assert reply.ok and reply.ticket is not None
    assert reply.ticket.number == "A001"
    assert reply.ticket.people_ahead == 2  # a regular ticket joins the back (0018)
    state = harness.queue_state()
    assert state.missed == ()
    assert [w.number for w in state.waiting] == ["A002", "A003", "A001"]
    again = return_at_kiosk(harness, "A001", request_id="ab" * 16)  # no answer seen: re-sent
    assert again.ticket == reply.ticket
    harness.restart_hub()
    after_restart = return_at_kiosk(harness, "A001", request_id="ab" * 16)
    assert after_restart.ticket == reply.ticket  # not "not missed": it was this request
    assert [w.number for w in harness.queue_state().waiting] == ["A002", "A003", "A001"]
    returned = [a for a in harness.ledger.audit_events()
                if a.action is AuditAction.TICKET_RETURNED]
    assert [(a.actor, a.subject) for a in returned] == [("kiosk-1", "A001")]


def test_a_number_that_was_not_missed_is_refused_with_a_reason(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-2", "cash")
    assert return_at_kiosk(harness, "A001").reason is TicketRefusal.NOT_MISSED  # waiting
    assert return_at_kiosk(harness, "A777").reason is TicketRefusal.NOT_MISSED  # unknown
    assert len(harness.ledger.queue_events()) == 1


def test_staff_put_a_missed_ticket_back_from_the_console(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-2", "cash", priority=True)
    for _ in range(3):
        harness.request_ticket("kiosk-2", "cash")
    missed(harness, "A001")
    lobby = harness.sign_in("console-lobby", "wang-fang")
    assert harness.action("console-lobby", "wang-fang", lobby,
                          ReturnTicket("A002")).reason is ActionRefusal.WRONG_STATE
    result = harness.action("console-lobby", "wang-fang", lobby, ReturnTicket("A001"))
    assert result.ok and result.details["number"] == "A001"
    # a priority ticket comes back by the priority rule: behind at most 2 regular tickets
    line = ["A002", "A003", "A001", "A004"]
    assert [w.number for w in harness.queue_state().waiting] == line
    harness.restart_hub()
    assert [w.number for w in harness.hub.queue.queue.waiting("cash")] == line


# --- wait alerts ------------------------------------------------------------------------------


def test_an_elderly_priority_ticket_waiting_too_long_alerts_the_lobby_once(
        harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash", priority=True)
    harness.request_ticket("kiosk-1", "cash")  # a regular ticket never alerts
    harness.hub.tick()
    harness.monotonic.advance(ALERT_MIN * 60 - 1)
    harness.hub.tick()
    assert harness.published("hub/alert") == []
    harness.monotonic.advance(2)
    harness.hub.tick()
    alerts = harness.published("hub/alert", WaitAlert)
    assert [(a.number, a.waited_min) for a in alerts] == [("A001", ALERT_MIN)]
    assert alerts[0].issued_at == harness.queue_state().waiting[0].issued_at
    harness.monotonic.advance(600)
    harness.hub.tick()
    harness.restart_hub()
    harness.monotonic.advance(600)
    harness.hub.tick()
    assert len(harness.published("hub/alert", WaitAlert)) == 1


def test_a_wall_clock_step_neither_fires_nor_delays_the_alert(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash", priority=True)
    harness.hub.tick()
    harness.clock.advance(3 * 3600)  # time sync steps the wall clock: no time has passed
    harness.hub.tick()
    assert harness.published("hub/alert") == []
    harness.monotonic.advance(ALERT_MIN * 60)
    harness.hub.tick()
    assert [a.number for a in harness.published("hub/alert", WaitAlert)] == ["A001"]


def test_a_restarted_hub_counts_the_wait_from_the_tickets_issue_time(
        harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash", priority=True)
    harness.clock.advance(ALERT_MIN * 60 + 30)
    harness.restart_hub()  # the new process has no monotonic start for the ticket
    harness.hub.tick()
    assert [a.number for a in harness.published("hub/alert", WaitAlert)] == ["A001"]


def test_a_called_ticket_is_not_alerted(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash", priority=True)
    harness.hub.tick()
    session = harness.sign_in("console-1", "li-ming")
    assert harness.action("console-1", "li-ming", session, CallNext(1)).ok
    harness.monotonic.advance(ALERT_MIN * 60 * 2)
    harness.hub.tick()
    assert harness.published("hub/alert") == []
