"""Properties of the ticket queue that must hold for any day at the branch (Hypothesis).

A random day is a sequence of arrivals (regular and priority, across services), retries
of earlier requests, calls on random counters (shared ones and one that serves nothing),
recalls, no-shows, missed tickets coming back, finishes, transfers and the occasional
change of business day.

The promise (docs/decisions/0017-queue-promise.md): the people ahead a customer is told are
the tickets waiting before theirs now; a priority ticket's count never rises; a regular
ticket's rises only when a priority ticket joins (an elderly arrival or a transfer in), and
by no more than the `priority_may_pass` it was told, which the wait range's high end counts.
A missed ticket that comes back (docs/decisions/0018-missed-tickets.md) is an arrival of its
own kind: it keeps every one of those promises to the customers already waiting.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.queue.ticket_queue import (
    EventKind,
    Queue,
    QueueError,
    QueueEvent,
    QueueEventError,
    ServiceRule,
    Ticket,
)

BRANCH_TZ = timezone(timedelta(hours=8))
MORNING = datetime(2025, 3, 3, 8, 30, tzinfo=BRANCH_TZ).timestamp()
SERVICES = (
    ServiceRule("cash", "A", frozenset({1, 2})),
    ServiceRule("wealth", "B", frozenset({2, 3}), default_service_s=600.0),
    ServiceRule("pension", "CP", frozenset({4}), default_service_s=120.0),
)
SERVICE_IDS = tuple(rule.id for rule in SERVICES)
COUNTERS = (1, 2, 3, 4, 5)  # counter 5 serves nothing
OPERATIONS = (
    *["issue"] * 4,
    *["issue_priority"] * 2,
    "retry",
    *["call"] * 5,
    "recall",
    "no_show",
    *["return_missed"] * 2,
    "finish",
    "transfer",
    "next_day",
)


@dataclass(frozen=True)
class WaitingView:
    """What a waiting customer is told after an operation."""

    service_id: str
    priority: bool
    people_ahead: int
    priority_may_pass: int
    wait_range: tuple[int, int]
    position: int
    waiting_in_service: int


@dataclass
class Step:
    """One operation: its event (None when it did nothing), the business day after it,
    the service a called ticket was called from, the service a priority ticket joined (an
    elderly arrival or a transfer in), and what waiting customers saw after it."""

    event: QueueEvent | None
    day: date | None
    called_service: str | None
    priority_joined: str | None
    waiting: dict[str, WaitingView]


def called_tickets(queue: Queue) -> list[Ticket]:
    return [t for c in COUNTERS if (t := queue.called_at(c)) is not None]


def open_tickets(queue: Queue) -> list[str]:
    waiting = [t.number for service_id in SERVICE_IDS for t in queue.waiting(service_id)]
    return waiting + [t.number for t in called_tickets(queue)]


def what_customers_see(queue: Queue) -> dict[str, WaitingView]:
    views: dict[str, WaitingView] = {}
    for service_id in SERVICE_IDS:
        line = queue.waiting(service_id)
        for position, ticket in enumerate(line):
            views[ticket.number] = WaitingView(
                service_id,
                ticket.priority,
                queue.people_ahead(ticket.number),
                queue.priority_may_pass(ticket.number),
                queue.wait_range(ticket.number),
                position,
                len(line),
            )
    return views


class RandomDay:
    """Drives a queue through random operations, keeping the events they returned and
    what the waiting customers were told after each one."""

    def __init__(self, data: st.DataObject, regular_per_priority: int) -> None:
        self.data = data
        self.queue = Queue(SERVICES, regular_per_priority, BRANCH_TZ)
        self.at = MORNING
        self.events: list[QueueEvent] = []
        self.new_issues: list[tuple[date | None, str]] = []
        self.steps: list[Step] = []
        self._requests: dict[str, QueueEvent] = {}

    def run(self) -> RandomDay:
        for step in range(self.data.draw(st.integers(1, 70), label="operations")):
            operation = self.data.draw(st.sampled_from(OPERATIONS))
            self.at += self.data.draw(st.integers(0, 400))
            event: QueueEvent | None = getattr(self, operation)(step)
            called_service = priority_joined = None
            if event is not None:
                self.events.append(event)
                ticket = self.queue.ticket(event.number)
                if event.kind is EventKind.CALLED and ticket is not None:
                    called_service = ticket.service_id
                if operation in ("issue_priority", "transfer") and ticket is not None:
                    priority_joined = ticket.service_id
                if operation == "return_missed" and ticket is not None and ticket.priority:
                    priority_joined = ticket.service_id
            self.steps.append(Step(event, self.queue.day, called_service, priority_joined,
                                   what_customers_see(self.queue)))
        return self

    def issue(self, step: int, priority: bool = False) -> QueueEvent:
        request_id = f"kiosk-{step % 3}/{step}"
        service_id = self.data.draw(st.sampled_from(SERVICE_IDS))
        event = self.queue.issue(service_id, priority, self.at, request_id)
        self._requests[request_id] = event
        self.new_issues.append((self.queue.day, event.number))
        return event

    def issue_priority(self, step: int) -> QueueEvent:
        return self.issue(step, priority=True)

    def retry(self, step: int) -> QueueEvent | None:
        """A kiosk asking again with a request id it already used today."""
        if not self._requests:
            return None
        earlier = self._requests[self.data.draw(st.sampled_from(sorted(self._requests)))]
        assert earlier.service_id is not None and earlier.priority is not None
        assert earlier.request_id is not None
        event = self.queue.issue(earlier.service_id, earlier.priority, self.at, earlier.request_id)
        assert event == earlier
        return event

    def call(self, step: int) -> QueueEvent | None:
        counter = self.data.draw(st.sampled_from(COUNTERS))
        try:
            return self.queue.call_next(counter, self.at)
        except QueueError:
            served = [rule.id for rule in SERVICES if counter in rule.counters]
            assert all(self.queue.waiting(service_id) == [] for service_id in served)
            return None

    def recall(self, step: int) -> QueueEvent | None:
        ticket = self._some_called_ticket()
        if ticket is None or ticket.counter is None:
            return None
        number = ticket.number if self.data.draw(st.booleans()) else None
        return self.queue.recall(number, ticket.counter, self.at)

    def no_show(self, step: int) -> QueueEvent | None:
        ticket = self._some_called_ticket()
        return self.queue.no_show(ticket.number, self.at) if ticket is not None else None

    def return_missed(self, step: int) -> QueueEvent | None:
        """A customer who missed their number types it at a kiosk (or staff put it back)."""
        missed = self.queue.missed()
        if not missed:
            return None
        ticket = self.data.draw(st.sampled_from(missed))
        event = self.queue.return_missed(ticket.number, self.at)
        back = self.queue.ticket(ticket.number)
        assert back is not None and back.number in [
            t.number for t in self.queue.waiting(back.service_id)]
        assert back.issued_at == ticket.issued_at  # the record keeps its issue time
        return event

    def finish(self, step: int) -> QueueEvent | None:
        ticket = self._some_called_ticket()
        return self.queue.finish(ticket.number, self.at) if ticket is not None else None

    def transfer(self, step: int) -> QueueEvent | None:
        candidates = open_tickets(self.queue)
        if not candidates:
            return None
        ticket = self.queue.ticket(self.data.draw(st.sampled_from(candidates)))
        assert ticket is not None
        others = [service_id for service_id in SERVICE_IDS if service_id != ticket.service_id]
        target = self.data.draw(st.sampled_from(others))
        return self.queue.transfer(ticket.number, target, self.at)

    def next_day(self, step: int) -> QueueEvent:
        """The next morning; its first event, a customer at opening, starts the day."""
        self.at += 24 * 3600
        self._requests.clear()
        return self.issue(step)

    def _some_called_ticket(self) -> Ticket | None:
        called = called_tickets(self.queue)
        return self.data.draw(st.sampled_from(called)) if called else None


ratios = st.integers(min_value=1, max_value=3)


def same_ticket_steps(day: RandomDay) -> list[tuple[Step, Step, str, WaitingView, WaitingView]]:
    """(step before, step after, number, view before, view after) for every ticket that waits
    in the same service on the same day across two consecutive operations."""
    pairs = []
    for before, after in itertools.pairwise(day.steps):
        if before.day != after.day:
            continue
        for number, then in before.waiting.items():
            now = after.waiting.get(number)
            if now is not None and now.service_id == then.service_id:
                pairs.append((before, after, number, then, now))
    return pairs


@settings(max_examples=250, deadline=None)
@given(st.data(), ratios)
def test_people_ahead_is_the_number_waiting_before_the_ticket_now(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """Never more than there are: the count is the ticket's place among the tickets of its
    service waiting now, and each call takes the ticket that had nobody ahead."""
    day = RandomDay(data, regular_per_priority).run()
    for step in day.steps:
        for view in step.waiting.values():
            assert view.people_ahead == view.position
            assert 0 <= view.people_ahead < view.waiting_in_service
    for before, after in itertools.pairwise(day.steps):
        event = after.event
        if event is not None and event.kind is EventKind.CALLED and before.day == after.day:
            assert before.waiting[event.number].people_ahead == 0


@settings(max_examples=250, deadline=None)
@given(st.data(), ratios)
def test_a_priority_tickets_count_never_rises(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """Whoever arrives or moves later, nobody is placed in front of a priority ticket."""
    day = RandomDay(data, regular_per_priority).run()
    for _before, _after, number, then, now in same_ticket_steps(day):
        if then.priority:
            assert now.people_ahead <= then.people_ahead, number
            assert now.priority_may_pass == 0


@settings(max_examples=250, deadline=None)
@given(st.data(), ratios)
def test_a_regular_tickets_count_rises_only_by_priority_arrivals_within_the_bound(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """A regular ticket's count goes up only when a priority ticket joins its service (by
    one), and never past what it was told: people ahead + priority_may_pass never rises."""
    day = RandomDay(data, regular_per_priority).run()
    for _before, after, number, then, now in same_ticket_steps(day):
        if then.priority:
            continue
        if now.people_ahead > then.people_ahead:
            assert after.priority_joined == then.service_id, number
            assert now.people_ahead == then.people_ahead + 1
            assert now.priority_may_pass == then.priority_may_pass - 1
        assert now.people_ahead + now.priority_may_pass <= (
            then.people_ahead + then.priority_may_pass
        ), number


def test_the_last_priority_ticket_moving_away_keeps_its_place_for_later_priority_arrivals() -> None:
    """Hypothesis's shrunk example, kept so every run checks it. With one regular call per
    priority call, A025 (priority) waits behind A003 and shields it: a later priority ticket
    joins behind A025. When A025 moves to another service, a later priority ticket must still
    join behind its empty place, not one regular after A008: A003 was told 2 + 0 and must
    not be told 2 + 1."""
    queue = Queue(SERVICES, 1, BRANCH_TZ)
    requests = (f"kiosk/{n}" for n in itertools.count())
    before: dict[str, WaitingView] = {}

    def step(operation: Callable[[], object]) -> None:
        nonlocal before
        operation()
        now = what_customers_see(queue)
        for number, then in before.items():
            view = now.get(number)
            if view is not None and not then.priority and view.service_id == then.service_id:
                assert view.people_ahead + view.priority_may_pass <= (
                    then.people_ahead + then.priority_may_pass), number
        before = now

    def issue(count: int = 1, priority: bool = False) -> None:
        for _ in range(count):
            step(lambda: queue.issue("cash", priority, MORNING, next(requests)))

    issue(7)  # A001-A007
    issue(priority=True)  # A008
    issue(2)  # A009, A010
    step(lambda: queue.call_next(1, MORNING))  # A001
    step(lambda: queue.finish("A001", MORNING))
    issue(13)  # A011-A023
    issue(2, priority=True)  # A024, A025
    step(lambda: queue.transfer("A024", "wealth", MORNING))
    issue(4)  # A026-A029
    assert (queue.people_ahead("A003"), queue.priority_may_pass("A003")) == (2, 0)
    step(lambda: queue.transfer("A025", "wealth", MORNING))
    assert (queue.people_ahead("A003"), queue.priority_may_pass("A003")) == (2, 0)
    issue(priority=True)  # A030 joins where A025 would have let it: behind A004
    assert [t.number for t in queue.waiting("cash")][:6] == [
        "A008", "A002", "A003", "A004", "A030", "A005"]


@settings(max_examples=250, deadline=None)
@given(st.data(), ratios)
def test_no_more_are_called_first_than_the_ticket_was_told(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """After any operation, no more tickets of its service are called before a ticket than
    its people ahead and the priority tickets it was told may still pass it."""
    day = RandomDay(data, regular_per_priority).run()
    promises: dict[str, list[tuple[int, int]]] = defaultdict(list)
    calls_by_service: dict[str, list[int]] = defaultdict(list)
    previous_day = None
    for index, step in enumerate(day.steps):
        if step.day != previous_day:  # yesterday's tickets are expired, numbers restart
            promises.clear()
            calls_by_service.clear()
            previous_day = step.day
        event = step.event
        if event is not None and event.kind is EventKind.CALLED:
            assert step.called_service is not None
            calls = calls_by_service[step.called_service]
            for moment, promised in promises.pop(event.number, []):
                called_since = sum(1 for call_index in calls if call_index > moment)
                assert called_since <= promised, (event.number, moment, promised)
            calls.append(index)
        elif event is not None and event.kind is EventKind.TRANSFERRED:
            promises.pop(event.number, None)  # a new service, a new promise
        for number, view in step.waiting.items():
            promises[number].append((index, view.people_ahead + view.priority_may_pass))


@settings(max_examples=250, deadline=None)
@given(st.data(), ratios)
def test_a_missed_ticket_coming_back_keeps_every_promise_made_before(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """The rule of docs/decisions/0018-missed-tickets.md: a returning regular ticket joins
    the back, so nobody waiting is told a larger number; a returning priority ticket joins
    like an elderly arrival, so only regular tickets it was allowed to pass move back, by
    one, within the bound they were told; and it never goes before a priority ticket."""
    day = RandomDay(data, regular_per_priority).run()
    for before, after in itertools.pairwise(day.steps):
        event = after.event
        if event is None or event.kind is not EventKind.RETURNED or before.day != after.day:
            continue
        back = after.waiting[event.number]
        for number, then in before.waiting.items():
            now = after.waiting.get(number)
            assert now is not None, number  # a return takes nobody out of line
            if now.service_id != back.service_id or not back.priority or then.priority:
                assert now.people_ahead == then.people_ahead, number
                assert now.priority_may_pass == then.priority_may_pass, number
            else:
                assert now.people_ahead <= then.people_ahead + 1, number
                assert now.people_ahead + now.priority_may_pass <= (
                    then.people_ahead + then.priority_may_pass), number
        if not back.priority:
            assert back.people_ahead == back.waiting_in_service - 1  # the back of the line


@settings(max_examples=150, deadline=None)
@given(st.data(), ratios)
def test_the_bound_is_exact_when_every_arrival_is_the_worst_one(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """The bound is not padded: arrivals chosen to hurt a ticket most (a priority arrival
    before each call of a regular ticket's service, a regular one before each call of a
    priority ticket's) get exactly people ahead + priority_may_pass called first."""
    queue = Queue(SERVICES, regular_per_priority, BRANCH_TZ)
    at = MORNING
    events = []
    for step in range(data.draw(st.integers(1, 25))):
        at += 30
        if data.draw(st.booleans()) or not queue.waiting("pension"):
            events.append(queue.issue("pension", data.draw(st.booleans()), at, f"k/{step}"))
        else:
            events.append(queue.call_next(4, at))
    for target in queue.waiting("pension"):
        rehearsal = Queue(SERVICES, regular_per_priority, BRANCH_TZ)
        for event in events:
            rehearsal.apply(event)
        promised = rehearsal.people_ahead(target.number)
        promised += rehearsal.priority_may_pass(target.number)
        called_first = 0
        for extra in range(1000):
            arrival_is_priority = not target.priority
            rehearsal.issue("pension", arrival_is_priority, at, f"worst/{extra}")
            if rehearsal.call_next(4, at).number == target.number:
                break
            called_first += 1
        assert called_first == promised


@settings(max_examples=100, deadline=None)
@given(st.data(), ratios)
def test_numbers_are_never_duplicated_within_a_day(
    data: st.DataObject, regular_per_priority: int
) -> None:
    day = RandomDay(data, regular_per_priority).run()
    assert len(set(day.new_issues)) == len(day.new_issues)


@settings(max_examples=100, deadline=None)
@given(st.data(), ratios)
def test_replaying_the_returned_events_rebuilds_an_equal_queue(
    data: st.DataObject, regular_per_priority: int
) -> None:
    day = RandomDay(data, regular_per_priority).run()
    rebuilt = Queue(SERVICES, regular_per_priority, BRANCH_TZ)
    for event in day.events:
        rebuilt.apply(QueueEvent.from_dict(json.loads(json.dumps(event.to_dict()))))
    assert rebuilt == day.queue
    assert rebuilt.snapshot() == day.queue.snapshot()


@settings(max_examples=100, deadline=None)
@given(st.data(), ratios)
def test_the_wait_range_never_runs_backwards(
    data: st.DataObject, regular_per_priority: int
) -> None:
    """low <= high, whole minutes, and 0 to 0 only for a ticket nobody can be called before."""
    day = RandomDay(data, regular_per_priority).run()
    for step in day.steps:
        for view in step.waiting.values():
            low, high = view.wait_range
            assert 0 <= low <= high
            assert low % 60 == 0 and high % 60 == 0
            if high == 0:
                assert view.people_ahead + view.priority_may_pass == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
field_names = st.sampled_from(
    ["kind", "at", "number", "service_id", "priority", "request_id", "counter", "extra"]
)
plausible_values = st.sampled_from(
    ["issued", "called", "transferred", "returned", "A001", "cash", "k/1", 1, 0, True, MORNING,
     None]
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        json_values,
        st.dictionaries(field_names, plausible_values | json_values, max_size=7),
    )
)
def test_any_record_is_either_a_valid_event_or_refused_with_a_reason(record: object) -> None:
    try:
        event = QueueEvent.from_dict(record)
    except QueueEventError as error:
        assert error.reason
    else:
        assert QueueEvent.from_dict(json.loads(json.dumps(event.to_dict()))) == event
