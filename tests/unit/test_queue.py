"""The ticket queue's rules, one plain example each (kiosk.core.queue.ticket_queue)."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.queue.ticket_queue import (
    EventKind,
    Queue,
    QueueError,
    QueueEvent,
    QueueEventError,
    ServiceRule,
    TicketState,
)
from kiosk.core.queue.wait_estimate import call_interval

BRANCH_TZ = timezone(timedelta(hours=8))
MORNING = datetime(2025, 3, 3, 9, 0, tzinfo=BRANCH_TZ).timestamp()
NEXT_MORNING = MORNING + 24 * 3600

CASH = ServiceRule("cash", "A", frozenset({1, 2}))
WEALTH = ServiceRule("wealth", "B", frozenset({2, 3}), default_service_s=600.0)
PENSION = ServiceRule("pension", "P", frozenset({4}))

_request_ids = (f"kiosk-1/{n}" for n in itertools.count(1))


def make_queue(regular_per_priority: int = 2) -> Queue:
    return Queue([CASH, WEALTH, PENSION], regular_per_priority, BRANCH_TZ)


def take(
    queue: Queue, service_id: str = "cash", *, priority: bool = False, at: float = MORNING
) -> str:
    return queue.issue(service_id, priority, at, next(_request_ids)).number


def call(queue: Queue, counter: int, times: int = 1, at: float = MORNING) -> list[str]:
    return [queue.call_next(counter, at).number for _ in range(times)]


# -- ticket numbers --------------------------------------------------------------------


def test_numbers_count_up_per_service_and_priority_tickets_share_the_sequence() -> None:
    queue = make_queue()
    numbers = [
        take(queue, "cash"),
        take(queue, "cash", priority=True),
        take(queue, "wealth"),
        take(queue, "cash"),
    ]
    assert numbers == ["A001", "A002", "B001", "A003"]
    ticket = queue.ticket("A002")
    assert ticket is not None and ticket.priority and ticket.state is TicketState.WAITING


def test_numbers_widen_past_999_instead_of_wrapping() -> None:
    queue = make_queue()
    numbers = [take(queue, "pension") for _ in range(1001)]
    assert numbers[998:] == ["P999", "P1000", "P1001"]
    assert len(set(numbers)) == 1001


def test_a_new_business_day_restarts_numbers_and_expires_open_tickets() -> None:
    queue = make_queue()
    for _ in range(3):
        take(queue, "cash")
    call(queue, counter=1)
    take(queue, "wealth")
    queue.call_next(3, MORNING + 60)
    queue.finish("B001", MORNING + 120)

    assert take(queue, "cash", at=NEXT_MORNING) == "A001"

    assert queue.day == date(2025, 3, 4)
    expired = {ticket.number: ticket.state for ticket in queue.expired()}
    assert expired == {
        "A001": TicketState.EXPIRED,  # called yesterday, never finished
        "A002": TicketState.EXPIRED,
        "A003": TicketState.EXPIRED,
    }
    assert call(queue, counter=1, at=NEXT_MORNING) == ["A001"]
    with pytest.raises(QueueError, match="nobody is waiting"):
        queue.call_next(1, NEXT_MORNING)


def test_the_business_day_is_the_branch_date_not_the_utc_date() -> None:
    queue = make_queue()
    before_midnight = datetime(2025, 3, 3, 23, 59, tzinfo=BRANCH_TZ).timestamp()
    after_midnight = before_midnight + 120  # still 3 March in UTC
    take(queue, "cash", at=before_midnight)
    assert take(queue, "cash", at=after_midnight) == "A001"


def test_an_event_from_an_earlier_business_day_is_refused() -> None:
    queue = make_queue()
    take(queue, "cash", at=NEXT_MORNING)
    with pytest.raises(QueueError, match="before the queue's day"):
        take(queue, "cash", at=MORNING)


# -- request ids -----------------------------------------------------------------------


def test_a_retried_request_gets_the_same_ticket_not_a_new_number() -> None:
    queue = make_queue()
    first = queue.issue("cash", False, MORNING, "kiosk-2/77")
    retry = queue.issue("cash", False, MORNING + 3, "kiosk-2/77")
    assert retry == first
    assert take(queue, "cash") == "A002"
    queue.apply(first)  # the same event stored twice by the hub changes nothing
    assert [ticket.number for ticket in queue.waiting("cash")] == ["A001", "A002"]


def test_a_request_id_reused_for_another_service_is_refused() -> None:
    queue = make_queue()
    queue.issue("cash", False, MORNING, "kiosk-2/78")
    with pytest.raises(QueueError, match="already has ticket A001"):
        queue.issue("wealth", False, MORNING, "kiosk-2/78")


def test_request_ids_are_remembered_for_one_day() -> None:
    queue = make_queue()
    queue.issue("cash", False, MORNING, "kiosk-2/79")
    take(queue, "cash")
    again = queue.issue("cash", False, NEXT_MORNING, "kiosk-2/79")
    assert again.number == "A001" and again.at == NEXT_MORNING


# -- elderly priority interleave -------------------------------------------------------


def test_a_priority_ticket_is_called_after_at_most_n_regular_calls() -> None:
    queue = make_queue(regular_per_priority=2)
    for _ in range(3):
        take(queue, "cash")  # A001-A003
    take(queue, "cash", priority=True)  # A004
    take(queue, "cash", priority=True)  # A005
    assert call(queue, counter=1, times=5) == ["A001", "A002", "A004", "A003", "A005"]


def test_with_a_ratio_of_one_regular_and_priority_alternate() -> None:
    queue = make_queue(regular_per_priority=1)
    for priority in (False, False, False, True, True, True):
        take(queue, "cash", priority=priority)
    assert call(queue, counter=1, times=6) == ["A001", "A004", "A002", "A005", "A003", "A006"]


def test_a_priority_ticket_is_called_at_once_when_no_regular_waits() -> None:
    queue = make_queue(regular_per_priority=3)
    take(queue, "cash", priority=True)
    assert call(queue, counter=1) == ["A001"]


def test_a_shared_counter_calls_the_service_whose_next_ticket_came_first() -> None:
    queue = make_queue(regular_per_priority=1)
    take(queue, "cash", at=MORNING)  # A001
    take(queue, "wealth", at=MORNING + 10)  # B001
    take(queue, "cash", priority=True, at=MORNING + 20)  # A002
    # Counter 2 serves cash and wealth. After A001, cash's next is the priority A002
    # (issued at +20), wealth's is B001 (issued at +10): B001 goes first.
    assert call(queue, counter=2, times=3) == ["A001", "B001", "A002"]


def test_a_counter_only_calls_its_own_services() -> None:
    queue = make_queue()
    take(queue, "cash")
    with pytest.raises(QueueError, match="nobody is waiting for counter 3"):
        queue.call_next(3, MORNING)


# -- people ahead, a promise -----------------------------------------------------------


def test_people_ahead_is_the_number_waiting_before_the_ticket_now() -> None:
    queue = make_queue(regular_per_priority=2)
    for _ in range(3):
        take(queue, "cash")
    # Two regulars wait ahead of A003; one priority ticket may still join in front of it
    # (the first priority ticket joins after at most two regulars).
    assert queue.people_ahead("A003") == 2
    assert queue.priority_may_pass("A003") == 1
    take(queue, "cash", priority=True)  # A004 joins in front of A003
    take(queue, "cash", priority=True)  # A005 joins behind it: the bound was 1
    assert queue.people_ahead("A003") == 3
    assert queue.priority_may_pass("A003") == 0
    assert call(queue, counter=1, times=4) == ["A001", "A002", "A004", "A003"]


def test_nobody_who_comes_later_is_called_before_a_priority_ticket() -> None:
    queue = make_queue(regular_per_priority=2)
    take(queue, "cash")  # A001
    take(queue, "cash", priority=True)  # A002
    assert queue.people_ahead("A002") == 1
    assert queue.priority_may_pass("A002") == 0
    take(queue, "cash")  # A003 arrives later and joins behind A002
    take(queue, "cash", priority=True)  # A004 too
    assert queue.people_ahead("A002") == 1
    assert call(queue, counter=1, times=4) == ["A001", "A002", "A003", "A004"]


def test_people_ahead_shrinks_as_tickets_are_called() -> None:
    queue = make_queue(regular_per_priority=2)
    take(queue, "cash")
    take(queue, "cash")
    take(queue, "cash", priority=True)  # A003
    assert queue.people_ahead("A003") == 2
    call(queue, counter=1)
    assert queue.people_ahead("A003") == 1


def test_waiting_lists_tickets_in_the_order_they_would_be_called() -> None:
    queue = make_queue(regular_per_priority=2)
    for priority in (False, True, False, False, True):
        take(queue, "cash", priority=priority)
    waiting = queue.waiting("cash")
    assert [(t.number, t.priority) for t in waiting] == [
        ("A001", False),
        ("A002", True),
        ("A003", False),
        ("A004", False),
        ("A005", True),
    ]
    assert [queue.people_ahead(t.number) for t in waiting] == [0, 1, 2, 3, 4]


def test_people_ahead_is_only_for_waiting_tickets() -> None:
    queue = make_queue()
    take(queue, "cash")
    call(queue, counter=1)
    with pytest.raises(QueueError, match="A001 is called, not waiting"):
        queue.people_ahead("A001")
    with pytest.raises(QueueError, match="no ticket A404"):
        queue.wait_range("A404")


# -- transfers -------------------------------------------------------------------------


def test_a_transferred_ticket_keeps_its_number_and_joins_the_back_of_the_priority_lane() -> None:
    queue = make_queue(regular_per_priority=2)
    take(queue, "wealth")  # B001
    take(queue, "wealth", priority=True)  # B002
    take(queue, "cash")  # A001
    queue.transfer("A001", "wealth", MORNING + 60)

    ticket = queue.ticket("A001")
    assert ticket is not None
    assert (ticket.service_id, ticket.priority, ticket.state) == ("wealth", True, "waiting")
    assert queue.waiting("cash") == []
    assert [t.number for t in queue.waiting("wealth")] == ["B001", "B002", "A001"]


def test_a_priority_tickets_empty_place_counts_as_its_call_when_it_reaches_the_head() -> None:
    queue = make_queue(regular_per_priority=2)
    take(queue, "cash")  # A001
    take(queue, "cash")  # A002
    take(queue, "cash", priority=True)  # A003, after two regulars
    for _ in range(3):
        take(queue, "cash")  # A004-A006
    told = queue.people_ahead("A006") + queue.priority_may_pass("A006")
    assert told == 6

    queue.transfer("A003", "wealth", MORNING + 60)
    assert queue.people_ahead("A006") + queue.priority_may_pass("A006") == told - 1
    assert call(queue, counter=1, times=2) == ["A001", "A002"]
    # A003's place passed the head like its call: at most two regulars before the next one.
    assert (queue.people_ahead("A006"), queue.priority_may_pass("A006")) == (2, 1)
    take(queue, "cash", priority=True)  # A007
    assert [t.number for t in queue.waiting("cash")] == ["A004", "A005", "A007", "A006"]


def test_transferring_a_called_ticket_frees_its_counter() -> None:
    queue = make_queue()
    take(queue, "cash")
    call(queue, counter=1)
    queue.transfer("A001", "wealth", MORNING + 60)
    assert queue.called_at(1) is None
    assert call(queue, counter=3) == ["A001"]
    ticket = queue.ticket("A001")
    assert ticket is not None and (ticket.state, ticket.counter) == ("called", 3)


def test_transfers_that_make_no_sense_are_refused() -> None:
    queue = make_queue()
    take(queue, "cash")
    with pytest.raises(QueueError, match="already in cash"):
        queue.transfer("A001", "cash", MORNING)
    with pytest.raises(QueueError, match="unknown service 'loans'"):
        queue.transfer("A001", "loans", MORNING)
    call(queue, counter=1)
    queue.finish("A001", MORNING + 60)
    with pytest.raises(QueueError, match="A001 is finished"):
        queue.transfer("A001", "wealth", MORNING + 60)


# -- recall, no-show, finish -----------------------------------------------------------


def test_a_recall_announces_the_called_ticket_again_without_calling_anyone_new() -> None:
    queue = make_queue()
    take(queue, "cash")
    take(queue, "cash")
    call(queue, counter=1)
    before = queue.snapshot()
    event = queue.recall(None, 1, MORNING + 30)
    assert (event.kind, event.number, event.counter) == (EventKind.RECALLED, "A001", 1)
    assert queue.snapshot() == before
    assert queue.recall("A001", 1, MORNING + 40).number == "A001"
    assert call(queue, counter=1) == ["A002"]


def test_a_recall_needs_a_ticket_called_at_that_counter() -> None:
    queue = make_queue()
    take(queue, "cash")
    with pytest.raises(QueueError, match="counter 2 has no called ticket"):
        queue.recall(None, 2, MORNING)
    call(queue, counter=1)
    with pytest.raises(QueueError, match="called at counter 1, not 2"):
        queue.recall("A001", 2, MORNING)


def test_a_no_show_ends_the_ticket_unserved_and_frees_the_counter() -> None:
    queue = make_queue()
    take(queue, "cash")
    call(queue, counter=1)
    queue.no_show("A001", MORNING + 120)
    ticket = queue.ticket("A001")
    assert ticket is not None and ticket.state is TicketState.NO_SHOW
    assert queue.called_at(1) is None
    with pytest.raises(QueueError, match="A001 is no_show, not called"):
        queue.finish("A001", MORNING + 130)


def test_only_a_called_ticket_can_be_a_no_show_or_finished() -> None:
    queue = make_queue()
    take(queue, "cash")
    with pytest.raises(QueueError, match="A001 is waiting, not called"):
        queue.no_show("A001", MORNING)
    with pytest.raises(QueueError, match="no ticket A002 today"):
        queue.finish("A002", MORNING)


def test_calling_next_finishes_the_ticket_the_counter_was_serving() -> None:
    queue = make_queue()
    take(queue, "cash")
    take(queue, "cash")
    queue.call_next(1, MORNING)
    queue.call_next(1, MORNING + 90)
    first = queue.ticket("A001")
    assert first is not None and first.state is TicketState.FINISHED
    called = queue.called_at(1)
    assert called is not None and called.number == "A002"


# -- wait estimate ---------------------------------------------------------------------


def test_the_wait_range_uses_the_default_service_time_until_three_are_known() -> None:
    queue = make_queue(regular_per_priority=2)
    for _ in range(4):
        take(queue, "cash")
    # cash: 300 s default, 2 counters -> a call every 150 s.
    # A004: 3 waiting ahead (low 450 s -> 7 min), and one priority ticket may still join in
    # front (high 4 x 150 = 600 s -> 10 min).
    assert queue.wait_range("A004") == (7 * 60, 10 * 60)


def test_the_wait_range_follows_the_days_service_times() -> None:
    queue = make_queue(regular_per_priority=2)
    at = MORNING
    for service_s in (60, 120, 180, 240):
        number = take(queue, "pension", at=at)
        queue.call_next(4, at)
        queue.finish(number, at + service_s)
        at += service_s
    for _ in range(3):
        take(queue, "pension", at=at)  # P005-P007
    # Quartiles of 60..240 s: 105 s and 195 s, one counter. Four regular calls since the
    # last priority call, so a priority ticket would join at the head, and another after
    # each two regulars: two may still pass P007.
    assert queue.people_ahead("P007") == 2
    assert queue.priority_may_pass("P007") == 2
    assert queue.wait_range("P007") == (3 * 60, 13 * 60)  # 210 s down, 780 s up


def test_only_the_twenty_most_recent_service_times_count() -> None:
    interval = call_interval([10.0] * 10 + [600.0] * 20, counters=2, default_service_s=300.0)
    assert (interval.fast_s, interval.slow_s) == (300.0, 300.0)


# -- views -----------------------------------------------------------------------------


def test_the_snapshot_is_json_and_shows_who_waits_and_who_is_called() -> None:
    queue = make_queue()
    take(queue, "cash")
    take(queue, "cash", priority=True)
    call(queue, counter=2)
    state = json.loads(json.dumps(queue.snapshot()))
    assert state["day"] == "2025-03-03"
    cash = state["services"][0]
    assert cash["id"] == "cash" and cash["prefix"] == "A" and cash["counters"] == [1, 2]
    # Nobody waits ahead of the priority ticket A002 and nobody can join in front of it.
    assert [
        (t["number"], t["people_ahead"], t["priority_may_pass"], t["wait_s"])
        for t in cash["waiting"]
    ] == [("A002", 0, 0, [0, 0])]
    assert [(t["number"], t["counter"]) for t in state["called"]] == [("A001", 2)]


def test_an_empty_queue_has_nothing_to_show() -> None:
    queue = make_queue()
    assert queue.day is None
    assert queue.waiting("cash") == []
    assert queue.called_at(1) is None
    assert queue.ticket("A001") is None
    assert json.loads(json.dumps(queue.snapshot()))["called"] == []


# -- event sourcing --------------------------------------------------------------------


def test_replaying_the_returned_events_rebuilds_an_equal_queue() -> None:
    queue = make_queue()
    events = [
        queue.issue("cash", False, MORNING, "k/1"),
        queue.issue("cash", True, MORNING + 5, "k/2"),
        queue.issue("wealth", False, MORNING + 9, "k/3"),
        queue.call_next(2, MORNING + 20),
        queue.recall(None, 2, MORNING + 50),
        queue.transfer("A001", "wealth", MORNING + 70),
        queue.call_next(1, MORNING + 80),
        queue.no_show("A002", MORNING + 200),
        queue.call_next(3, MORNING + 210),
        queue.finish("B001", MORNING + 400),
        queue.issue("cash", False, NEXT_MORNING, "k/1"),
    ]
    rebuilt = make_queue()
    for event in events:
        rebuilt.apply(QueueEvent.from_dict(json.loads(json.dumps(event.to_dict()))))
    assert rebuilt == queue
    assert rebuilt.snapshot() == queue.snapshot()
    assert rebuilt.expired() == queue.expired()


def test_a_refused_event_changes_nothing() -> None:
    queue = make_queue()
    take(queue, "cash")
    take(queue, "cash")
    before = queue.snapshot()
    with pytest.raises(QueueError, match="calls A001 next, not A002"):
        queue.apply(QueueEvent(EventKind.CALLED, MORNING, "A002", counter=1))
    with pytest.raises(QueueError, match="next cash ticket is A003, not A007"):
        queue.apply(
            QueueEvent(
                EventKind.ISSUED,
                MORNING,
                "A007",
                service_id="cash",
                priority=False,
                request_id="k/x",
            )
        )
    with pytest.raises(QueueError, match="no ticket A001 today"):
        queue.apply(QueueEvent(EventKind.FINISHED, NEXT_MORNING, "A001"))
    assert queue.snapshot() == before
    assert queue.day == date(2025, 3, 3)


# -- bad input -------------------------------------------------------------------------


def test_an_unknown_service_is_refused() -> None:
    queue = make_queue()
    with pytest.raises(QueueError, match="unknown service 'loans'"):
        queue.issue("loans", False, MORNING, "k/1")
    with pytest.raises(QueueError, match="unknown service 'loans'"):
        queue.waiting("loans")


def test_a_counter_that_serves_nothing_is_refused() -> None:
    queue = make_queue()
    take(queue, "cash")
    with pytest.raises(QueueError, match="counter 9 serves no service"):
        queue.call_next(9, MORNING)
    with pytest.raises(QueueError, match="a counter is a whole number from 1"):
        queue.call_next(0, MORNING)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"request_id": ""}, "not a valid request id"),
        ({"request_id": "has space"}, "not a valid request id"),
        ({"priority": "yes"}, "priority must be true or false"),
        ({"at": float("nan")}, "finite"),
        ({"at": -1}, "outside"),
    ],
)
def test_bad_issue_arguments_are_refused(kwargs: dict[str, object], reason: str) -> None:
    queue = make_queue()
    arguments: dict[str, object] = {
        "service_id": "cash",
        "priority": False,
        "at": MORNING,
        "request_id": "k/1",
    }
    arguments.update(kwargs)
    with pytest.raises(QueueError, match=reason):
        queue.issue(**arguments)  # type: ignore[arg-type]
    assert queue.day is None


@pytest.mark.parametrize(
    ("services", "ratio", "reason"),
    [
        ([], 2, "at least one service"),
        ([CASH, ServiceRule("cash2", "A", frozenset({3}))], 2, "different prefixes"),
        ([CASH, ServiceRule("cash", "C", frozenset({3}))], 2, "ids must differ"),
        ([CASH], 0, "regular_per_priority"),
        ([CASH], True, "regular_per_priority"),
    ],
)
def test_a_queue_with_a_bad_configuration_is_refused(
    services: list[ServiceRule], ratio: int, reason: str
) -> None:
    with pytest.raises(QueueError, match=reason):
        Queue(services, ratio, BRANCH_TZ)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"prefix": "a"}, "one or two capital letters"),
        ({"prefix": "ABC"}, "one or two capital letters"),
        ({"id": "cash desk"}, "1-32 of a-z, 0-9 and '-'"),
        ({"id": "Cash"}, "1-32 of a-z, 0-9 and '-'"),
        ({"counters": frozenset()}, "non-empty"),
        ({"counters": frozenset({0})}, "whole number from 1"),
        ({"default_service_s": 0.0}, "positive"),
        ({"default_service_s": float("inf")}, "positive"),
    ],
)
def test_a_bad_service_rule_is_refused(kwargs: dict[str, object], reason: str) -> None:
    fields: dict[str, object] = {"id": "cash", "prefix": "A", "counters": frozenset({1})}
    fields.update(kwargs)
    with pytest.raises(QueueError, match=reason):
        ServiceRule(**fields)  # type: ignore[arg-type]


VALID_CALLED = {"kind": "called", "at": MORNING, "number": "A001", "counter": 1}


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (["called"], "must be a JSON object"),
        ({1: "called"}, "field names must be strings"),
        ({**VALID_CALLED, "kind": "served"}, "unknown event kind 'served'"),
        ({k: v for k, v in VALID_CALLED.items() if k != "kind"}, "unknown event kind None"),
        ({k: v for k, v in VALID_CALLED.items() if k != "counter"}, "missing counter"),
        ({**VALID_CALLED, "priority": True}, "has no priority"),
        ({**VALID_CALLED, "counter": True}, "whole number from 1"),
        ({**VALID_CALLED, "counter": "1"}, "whole number from 1"),
        ({**VALID_CALLED, "counter": None}, "needs counter"),
        ({**VALID_CALLED, "at": "09:00"}, "unix seconds"),
        ({**VALID_CALLED, "at": float("inf")}, "finite"),
        ({**VALID_CALLED, "at": 10**400}, "outside"),
        ({**VALID_CALLED, "number": "A01"}, "not a valid ticket number"),
        ({**VALID_CALLED, "number": "a001"}, "not a valid ticket number"),
        ({**VALID_CALLED, "number": "A0001"}, "not a valid ticket number"),
        (
            {
                "kind": "issued",
                "at": MORNING,
                "number": "A001",
                "service_id": "cash",
                "priority": 1,
                "request_id": "k/1",
            },
            "priority must be true or false",
        ),
        (
            {"kind": "transferred", "at": MORNING, "number": "A001", "service_id": "a b"},
            "not a valid service id",
        ),
    ],
)
def test_a_bad_event_record_is_refused_with_a_reason(record: object, reason: str) -> None:
    with pytest.raises(QueueEventError, match=reason):
        QueueEvent.from_dict(record)


@pytest.mark.parametrize(
    "event",
    [
        QueueEvent(
            EventKind.ISSUED,
            MORNING,
            "CP1000",
            service_id="cash",
            priority=True,
            request_id="0f3c9a2e-77aa-4c1e-9b61-0d2d4b2f1c11",
        ),
        QueueEvent(EventKind.CALLED, MORNING, "A001", counter=12),
        QueueEvent(EventKind.RECALLED, MORNING, "A001", counter=1),
        QueueEvent(EventKind.NO_SHOW, MORNING, "A001"),
        QueueEvent(EventKind.FINISHED, MORNING, "A001"),
        QueueEvent(EventKind.TRANSFERRED, MORNING, "A001", service_id="wealth"),
    ],
    ids=lambda event: str(event.kind),
)
def test_every_kind_of_event_survives_json(event: QueueEvent) -> None:
    record = json.loads(json.dumps(event.to_dict()))
    assert QueueEvent.from_dict(record) == event
