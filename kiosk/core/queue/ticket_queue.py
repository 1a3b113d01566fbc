"""The branch's ticket queue: the hub's single source of ticket numbers and call order.

Event-sourced. Every change is a `QueueEvent` carrying its time; `Queue.apply` is
deterministic, so the hub persists the events and rebuilds an equal queue after a restart
by replaying them. A command (`issue`, `call_next`, `recall`, `no_show`, `finish`,
`transfer`, `return_missed`) works out the event, applies it and returns it for the hub to store and
publish, or raises `QueueError` with a reason staff can read. Nothing here reads a clock
or does I/O.

Business days. The business day is the date of an event's `at` in the branch's time zone.
The first event of a new day starts a fresh day: numbers restart at 001 and the previous
day's waiting and called tickets are expired (see `expired`) and never called. An event
from an earlier day than the queue's is refused. The queue has no clock, so until the
first event of a new day its views still show the last day it saw; commands on that
day's tickets after midnight are refused ("there is no ticket A001 today").

Numbers. Each service numbers its tickets A001, A002 ... A999, A1000 ... per day, never
reused and never duplicated in a day (see `kiosk.core.queue.ticket_numbers`); priority tickets
share their service's sequence and are marked priority rather than given another prefix.

Request ids. A kiosk that gets no answer retries `issue` with the same request id; a
request id already used today returns that day's ticket again (its original issued event)
instead of a second number, and re-applying that identical event is a no-op.

Call order, people ahead and transfers follow the interleave rule in
`kiosk.core.queue.interleave`; the wait range is explained in `kiosk.core.queue.wait_estimate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from kiosk.core.queue import wait_estimate
from kiosk.core.queue.day import QueueDay
from kiosk.core.queue.events import (
    EventKind,
    QueueError,
    QueueEvent,
    QueueEventError,
    check_counter,
    event_time,
)
from kiosk.core.queue.interleave import ServiceLanes
from kiosk.core.queue.service_rule import ServiceRule
from kiosk.core.queue.ticket import Ticket, TicketState
from kiosk.core.queue.ticket_numbers import business_day

__all__ = [
    "EventKind",
    "Queue",
    "QueueError",
    "QueueEvent",
    "QueueEventError",
    "ServiceRule",
    "Ticket",
    "TicketState",
]


class Queue:
    """The queue of one branch. Build it with the services and the priority ratio (one
    priority call after at most `regular_per_priority` regular calls), then drive it with
    commands or replay events into it."""

    def __init__(
        self, services: Sequence[ServiceRule], regular_per_priority: int, tz: tzinfo
    ) -> None:
        if not services:
            raise QueueError("a queue needs at least one service")
        ids = [rule.id for rule in services]
        prefixes = [rule.prefix for rule in services]
        if len(set(ids)) != len(ids):
            raise QueueError(f"service ids must differ: {ids}")
        if len(set(prefixes)) != len(prefixes):
            raise QueueError(f"services must have different prefixes: {prefixes}")
        if (
            isinstance(regular_per_priority, bool)
            or not isinstance(regular_per_priority, int)
            or regular_per_priority < 1
        ):
            raise QueueError(
                f"regular_per_priority must be a whole number from 1, not {regular_per_priority!r}"
            )
        self._rules = {rule.id: rule for rule in services}
        self._regular_per_priority = regular_per_priority
        self._tz = tz
        self._today: QueueDay | None = None
        self._expired: tuple[Ticket, ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Queue):
            return NotImplemented
        return (
            self._rules == other._rules
            and self._regular_per_priority == other._regular_per_priority
            and self._tz == other._tz
            and self._today == other._today
            and self._expired == other._expired
        )

    # -- events ---------------------------------------------------------------------------

    def apply(self, event: QueueEvent) -> None:
        """Apply one event, or raise QueueError and change nothing."""
        target = self._day_for(event.at)
        target.apply(event)
        if target is not self._today:
            self._expired = self._today.expired() if self._today is not None else ()
            self._today = target

    # -- commands -------------------------------------------------------------------------

    def issue(self, service_id: str, priority: bool, at: float, request_id: str) -> QueueEvent:
        """A new ticket for `service_id`, or the ticket this request id already got today."""
        if not isinstance(service_id, str) or service_id not in self._rules:
            raise QueueError(f"unknown service {service_id!r}")
        day = self._day_for(at)
        event = QueueEvent(
            EventKind.ISSUED,
            at,
            day.next_number(service_id),
            service_id=service_id,
            priority=priority,
            request_id=request_id,
        )
        earlier = day.issued_for_request(request_id)
        if earlier is None:
            self.apply(event)
            return event
        if (earlier.service_id, earlier.priority) != (service_id, priority):
            raise QueueError(
                f"request id {request_id} already has ticket {earlier.number} "
                f"for {earlier.service_id}"
            )
        return earlier

    def call_next(self, counter: int, at: float) -> QueueEvent:
        """Call the next ticket for `counter`; its current ticket, if any, is finished."""
        number = self._day_for(at).next_for_counter(counter)
        return self._apply_new(QueueEvent(EventKind.CALLED, at, number, counter=counter))

    def recall(self, number: str | None, counter: int, at: float) -> QueueEvent:
        """Announce again the ticket called at `counter` (or the named called ticket)."""
        if number is None:
            number = self._day_for(at).serving.get(check_counter(counter))
            if number is None:
                raise QueueError(f"counter {counter} has no called ticket to recall")
        return self._apply_new(QueueEvent(EventKind.RECALLED, at, number, counter=counter))

    def no_show(self, number: str, at: float) -> QueueEvent:
        """The called customer did not come: the ticket ends unserved."""
        return self._apply_new(QueueEvent(EventKind.NO_SHOW, at, number))

    def finish(self, number: str, at: float) -> QueueEvent:
        """The called customer was served; the time since the call feeds the estimate."""
        return self._apply_new(QueueEvent(EventKind.FINISHED, at, number))

    def transfer(self, number: str, to_service_id: str, at: float) -> QueueEvent:
        """Move a waiting or called ticket to another service, keeping its number."""
        return self._apply_new(
            QueueEvent(EventKind.TRANSFERRED, at, number, service_id=to_service_id)
        )

    def return_missed(self, number: str, at: float) -> QueueEvent:
        """A customer who missed their number is back: the ticket waits again, as an
        arrival of its own kind (docs/decisions/0018-missed-tickets.md)."""
        return self._apply_new(QueueEvent(EventKind.RETURNED, at, number))

    # -- views ----------------------------------------------------------------------------

    @property
    def day(self) -> date | None:
        """The business day of the last applied event (None before the first)."""
        return self._today.day if self._today is not None else None

    @property
    def services(self) -> tuple[ServiceRule, ...]:
        return tuple(self._rules.values())

    @property
    def regular_per_priority(self) -> int:
        return self._regular_per_priority

    def ticket(self, number: str) -> Ticket | None:
        """Today's ticket with this number, or None."""
        return self._today.tickets.get(number) if self._today is not None else None

    def called_at(self, counter: int) -> Ticket | None:
        """The ticket `counter` is serving now, or None."""
        if self._today is None:
            return None
        number = self._today.serving.get(counter)
        return self._today.tickets[number] if number is not None else None

    def waiting(self, service_id: str) -> list[Ticket]:
        """The service's waiting tickets in the order they are called if nobody else comes."""
        self._rule(service_id)
        if self._today is None:
            return []
        order = self._today.lanes[service_id].call_order()
        return [self._today.tickets[number] for number in order]

    def missed(self) -> list[Ticket]:
        """Today's tickets called and marked "did not come" that have not come back."""
        return self._today.missed() if self._today is not None else []

    def people_ahead(self, number: str) -> int:
        """How many tickets of its service waiting now are called before it: the number a
        customer is told (see `kiosk.core.queue.interleave` for why it is kept)."""
        ticket = self._waiting_ticket(number)
        return self._lanes_of(ticket).people_ahead(number)

    def priority_may_pass(self, number: str) -> int:
        """The most priority tickets that can still join in front of it (0 for priority)."""
        ticket = self._waiting_ticket(number)
        return self._lanes_of(ticket).priority_may_pass(number)

    def wait_range(self, number: str) -> tuple[int, int]:
        """(low, high) seconds until the ticket is called, whole minutes."""
        ticket = self._waiting_ticket(number)
        rule = self._rules[ticket.service_id]
        assert self._today is not None  # a waiting ticket exists
        interval = wait_estimate.call_interval(
            self._today.service_times[rule.id], len(rule.counters), rule.default_service_s
        )
        return wait_estimate.wait_range(
            self.people_ahead(number), self.priority_may_pass(number), interval
        )

    def expired(self) -> tuple[Ticket, ...]:
        """The tickets the last change of business day left waiting or called, now expired."""
        return self._expired

    def snapshot(self) -> dict[str, object]:
        """The queue state as a JSON-ready dict, for the hub's retained queue-state message."""
        called = sorted(
            (ticket for ticket in self._today_tickets() if ticket.state is TicketState.CALLED),
            key=lambda ticket: ticket.counter or 0,
        )
        return {
            "day": self.day.isoformat() if self.day is not None else None,
            "regular_per_priority": self._regular_per_priority,
            "services": [self._service_snapshot(rule) for rule in self._rules.values()],
            "called": [ticket.to_dict() for ticket in called],
        }

    # -- internals ------------------------------------------------------------------------

    def _day_for(self, at: float) -> QueueDay:
        """The day an event at `at` belongs to: today's, or a fresh one if `at` is later."""
        day = business_day(event_time(at), self._tz)
        if self._today is not None:
            if day == self._today.day:
                return self._today
            if day < self._today.day:
                raise QueueError(
                    f"{day.isoformat()} is before the queue's day {self._today.day.isoformat()}"
                )
        return QueueDay(day, self._rules, self._regular_per_priority)

    def _apply_new(self, event: QueueEvent) -> QueueEvent:
        self.apply(event)
        return event

    def _rule(self, service_id: str) -> ServiceRule:
        rule = self._rules.get(service_id)
        if rule is None:
            raise QueueError(f"unknown service {service_id!r}")
        return rule

    def _waiting_ticket(self, number: str) -> Ticket:
        ticket = self.ticket(number)
        if ticket is None:
            raise QueueError(f"there is no ticket {number} today")
        if ticket.state is not TicketState.WAITING:
            raise QueueError(f"{number} is {ticket.state}, not waiting")
        return ticket

    def _lanes_of(self, ticket: Ticket) -> ServiceLanes:
        assert self._today is not None
        return self._today.lanes[ticket.service_id]

    def _today_tickets(self) -> list[Ticket]:
        return list(self._today.tickets.values()) if self._today is not None else []

    def _service_snapshot(self, rule: ServiceRule) -> dict[str, object]:
        lanes = self._today.lanes[rule.id] if self._today is not None else None
        waiting = [
            {
                **ticket.to_dict(),
                "people_ahead": self.people_ahead(ticket.number),
                "priority_may_pass": self.priority_may_pass(ticket.number),
                "wait_s": list(self.wait_range(ticket.number)),
            }
            for ticket in self.waiting(rule.id)
        ]
        return {
            "id": rule.id,
            "prefix": rule.prefix,
            "counters": sorted(rule.counters),
            "regular_calls_since_priority": lanes.regular_calls_since_priority if lanes else 0,
            "waiting": waiting,
        }
