"""The hub issues tickets: one per request id, in order, with the people waiting before it
and a status token; counters call them by the priority rule; a restarted hub carries on from
its ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.hub.status_page import render_ticket
from kiosk.protocol import topics
from kiosk.protocol.staff_commands import CallNext, Finish, NoShow, Recall, Transfer
from kiosk.protocol.staff_messages import ActionRefusal
from kiosk.protocol.ticket_messages import TicketCalled, TicketRefusal, TicketReply, TicketRequest
from tests.helpers.hub_harness import HubHarness


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path)


def test_a_request_gets_a_numbered_ticket_with_a_promise_and_a_token(harness: HubHarness) -> None:
    first = harness.request_ticket("kiosk-1", "cash")
    second = harness.request_ticket("kiosk-2", "cash")
    assert first.ok and second.ok
    assert first.ticket is not None and second.ticket is not None
    assert (first.ticket.number, second.ticket.number) == ("A001", "A002")
    assert (first.ticket.people_ahead, second.ticket.people_ahead) == (0, 1)
    assert second.ticket.wait_low_s <= second.ticket.wait_high_s
    assert second.ticket.wait_high_s >= 5 * 60 / 2  # 5 min per customer, two counters
    assert first.ticket.status_token and first.ticket.status_token != second.ticket.status_token
    state = harness.queue_state()
    assert [w.number for w in state.waiting] == ["A001", "A002"]
    cash = next(s for s in state.services if s.service_id == "cash")
    assert cash.waiting == 2


def test_a_re_sent_request_gets_the_same_ticket_and_token(harness: HubHarness) -> None:
    first = harness.request_ticket("kiosk-1", "pension", request_id="ab" * 16)
    again = harness.request_ticket("kiosk-1", "pension", request_id="ab" * 16)
    assert again.ticket == first.ticket
    other = harness.request_ticket("kiosk-1", "pension")
    assert other.ticket is not None and other.ticket.number == "B002"
    assert len(harness.hub.queue.queue.waiting("pension")) == 2


def test_the_same_request_is_recognised_after_a_restart(harness: HubHarness) -> None:
    first = harness.request_ticket("kiosk-1", "cash", request_id="cd" * 16)
    harness.restart_hub()
    again = harness.request_ticket("kiosk-1", "cash", request_id="cd" * 16)
    assert again.ticket == first.ticket
    assert harness.request_ticket("kiosk-2", "cash").ticket.number == "A002"  # type: ignore[union-attr]


def test_an_unknown_service_is_refused_with_a_reason(harness: HubHarness) -> None:
    reply = harness.request_ticket("kiosk-1", "mortgages")
    assert not reply.ok and reply.reason is TicketRefusal.UNKNOWN_SERVICE
    assert harness.ledger.queue_events() == []


def test_a_request_id_reused_for_another_service_is_refused(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash", request_id="ef" * 16)
    replies_before = len(harness.published("hub/reply/kiosk-1"))
    harness.send("kiosk-1", topics.ticket_request(harness.branch, "kiosk-1"),
                 TicketRequest("ef" * 16, "pension", False, "en"))
    assert len(harness.published("hub/reply/kiosk-1")) == replies_before
    assert harness.hub.refusals.counter["request_conflict"] == 1
    assert len(harness.ledger.queue_events()) == 1


def test_a_request_delayed_beyond_the_window_is_dropped(harness: HubHarness) -> None:
    old = harness.clock() - harness.options.request_window_s - 5
    harness.send("kiosk-1", topics.ticket_request(harness.branch, "kiosk-1"),
                 TicketRequest("12" * 16, "cash", False, "en"), sent_at=old)
    assert harness.published("hub/reply/kiosk-1", TicketReply) == []
    assert harness.hub.refusals.counter["stale"] == 1


def test_counters_call_priority_tickets_by_the_interleave_rule(harness: HubHarness) -> None:
    """At most two regular calls before a waiting priority ticket (regular_per_priority = 2),
    and nobody who came later is called before a priority ticket: C006 after C005.
    Only counter 2 serves "cards" (prefix C)."""
    for priority in (False, False, False, True, True, False):
        harness.request_ticket("kiosk-1", "cards", priority=priority)
    session = harness.sign_in("console-2", "zhang-wei")
    called = []
    for _ in range(6):
        result = harness.action("console-2", "zhang-wei", session, CallNext(2))
        assert result.ok, result
        called.append(result.details["number"])
    assert called == ["C001", "C002", "C004", "C003", "C005", "C006"]
    announced = harness.published("hub/called", TicketCalled)
    assert [c.number for c in announced] == called
    assert all(c.counter == 2 and not c.recall for c in announced)
    nobody = harness.action("console-2", "zhang-wei", session, CallNext(2))
    assert nobody.reason is ActionRefusal.NOBODY_WAITING


def test_recall_no_show_finish_and_transfer(harness: HubHarness) -> None:
    for _ in range(3):
        harness.request_ticket("kiosk-1", "cash")
    session = harness.sign_in("console-1", "li-ming")
    assert harness.action("console-1", "li-ming", session, CallNext(1)).details["number"] == "A001"
    recall = harness.action("console-1", "li-ming", session, Recall("A001", 1))
    assert recall.ok and harness.published("hub/called", TicketCalled)[-1].recall
    assert harness.action("console-1", "li-ming", session, NoShow("A001")).ok
    assert harness.action("console-1", "li-ming", session,
                          NoShow("A001")).reason is ActionRefusal.WRONG_STATE
    assert harness.action("console-1", "li-ming", session, CallNext(1)).details["number"] == "A002"
    assert harness.action("console-1", "li-ming", session, Finish("A002")).ok
    moved = harness.action("console-1", "li-ming", session, Transfer("A003", "pension"))
    assert moved.ok
    ticket = harness.hub.queue.queue.ticket("A003")
    assert ticket is not None and ticket.service_id == "pension"
    assert harness.action("console-1", "li-ming", session,
                          Finish("A999")).reason is ActionRefusal.UNKNOWN_TICKET
    assert harness.action("console-1", "li-ming", session,
                          Transfer("A003", "loans")).reason is ActionRefusal.UNKNOWN_SERVICE


def test_the_queue_is_rebuilt_from_the_ledger(harness: HubHarness) -> None:
    for priority in (False, True, False):
        harness.request_ticket("kiosk-1", "cash", priority=priority)
    session = harness.sign_in("console-1", "li-ming")
    harness.action("console-1", "li-ming", session, CallNext(1))
    before = harness.hub.queue.queue.snapshot()
    harness.restart_hub()
    assert harness.hub.queue.queue.snapshot() == before
    # the session survived the restart too
    assert harness.action("console-1", "li-ming", session, CallNext(1)).ok


def test_the_status_page_sees_todays_ticket_by_its_token_only(harness: HubHarness) -> None:
    reply = harness.request_ticket("kiosk-1", "cash")
    harness.request_ticket("kiosk-1", "cash")
    later = harness.request_ticket("kiosk-1", "cash")
    assert later.ticket is not None and later.ticket.status_token is not None
    view = harness.hub.ticket_view(later.ticket.status_token)
    assert view is not None and view.number == "A003" and view.state == "waiting"
    # the page says what the ticket said: the two waiting before it now
    assert view.people_ahead == later.ticket.people_ahead == 2
    assert view.service["en"] == "Deposits and withdrawals"
    assert harness.hub.ticket_view("x" * 22) is None
    assert reply.ticket is not None and reply.ticket.status_token is not None
    harness.clock.advance(24 * 3600)  # tomorrow: yesterday's tokens are dead
    assert harness.hub.ticket_view(reply.ticket.status_token) is None


def test_a_new_day_starts_the_numbers_again(harness: HubHarness) -> None:
    harness.request_ticket("kiosk-1", "cash")
    harness.clock.advance(24 * 3600)
    reply = harness.request_ticket("kiosk-1", "cash")
    assert reply.ticket is not None and reply.ticket.number == "A001"
    assert harness.queue_state().waiting[0].issued_at == harness.clock()


def test_no_token_when_the_qr_code_is_switched_off(tmp_path: Path) -> None:
    harness = HubHarness(tmp_path, **{"status_page.enabled": False})
    reply = harness.request_ticket("kiosk-1", "cash")
    assert reply.ticket is not None and reply.ticket.status_token is None


def test_a_priority_customer_is_told_the_people_waiting_not_an_upper_bound(
        harness: HubHarness) -> None:
    """Nobody waiting: 0, not "at most 2"; one waiting: 1, not "at most 5" (reply, status
    page and wait range alike)."""
    first = harness.request_ticket("kiosk-1", "pension", priority=True)
    second = harness.request_ticket("kiosk-2", "pension", priority=True)
    assert first.ticket is not None and second.ticket is not None
    assert (first.ticket.people_ahead, second.ticket.people_ahead) == (0, 1)
    assert (first.ticket.wait_low_s, first.ticket.wait_high_s) == (0, 0)
    assert 0 < second.ticket.wait_low_s <= second.ticket.wait_high_s
    assert second.ticket.status_token is not None
    view = harness.hub.ticket_view(second.ticket.status_token)
    assert view is not None and view.people_ahead == 1
    page = render_ticket(view)
    assert "您前面还有1人在等候。" in page and "One person is waiting before you." in page
    assert first.ticket.status_token is not None
    nobody = harness.hub.ticket_view(first.ticket.status_token)
    assert nobody is not None
    assert "预计等候不到1分钟" in render_ticket(nobody) and "0–0" not in render_ticket(nobody)
