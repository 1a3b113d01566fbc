"""The queue's state for one business day, and how each kind of event changes it.

Everything an event can change lives here, and a new business day starts from an empty
`QueueDay`: numbers restart at 001, request ids and service times are forgotten, and the
previous day's tickets are left behind (expired). Keeping service times per day means the
hub rebuilds the queue after a restart from the day's events alone.

Each handler checks everything before it changes anything, so an event that is refused
leaves the day exactly as it was.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from kiosk.core.queue.events import EventKind, QueueError, QueueEvent, check_counter
from kiosk.core.queue.interleave import ServiceLanes
from kiosk.core.queue.service_rule import ServiceRule
from kiosk.core.queue.ticket import Ticket, TicketState
from kiosk.core.queue.ticket_numbers import ticket_number
from kiosk.core.queue.wait_estimate import RECENT_SAMPLES

_OPEN_STATES = (TicketState.WAITING, TicketState.CALLED)


class QueueDay:
    """One business day of the queue: its tickets, lanes, counters and service times."""

    def __init__(
        self, day: date, rules: Mapping[str, ServiceRule], regular_per_priority: int
    ) -> None:
        self.day = day
        self._rules = rules
        self.tickets: dict[str, Ticket] = {}
        self.lanes = {service_id: ServiceLanes(regular_per_priority) for service_id in rules}
        self.service_times: dict[str, deque[float]] = {
            service_id: deque(maxlen=RECENT_SAMPLES) for service_id in rules
        }
        self.serving: dict[int, str] = {}
        """Counter -> the ticket it has called and not yet finished."""
        self._issued_count = dict.fromkeys(rules, 0)
        self._issued_by_request: dict[str, QueueEvent] = {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QueueDay):
            return NotImplemented
        return self._state() == other._state()

    def _state(self) -> tuple[object, ...]:
        return (
            self.day,
            self.tickets,
            self.lanes,
            {key: list(times) for key, times in self.service_times.items()},
            self.serving,
            self._issued_count,
            self._issued_by_request,
        )

    # -- questions the commands ask before building an event ------------------------------

    def next_number(self, service_id: str) -> str:
        return ticket_number(self._rules[service_id].prefix, self._issued_count[service_id] + 1)

    def issued_for_request(self, request_id: str) -> QueueEvent | None:
        return self._issued_by_request.get(request_id)

    def next_for_counter(self, counter: int) -> str:
        """The ticket `counter` calls next: each of its services offers the ticket its own
        rule calls next, and the counter takes the one issued earliest (ties go to the
        service listed first), so a shared counter drains no service at another's cost."""
        check_counter(counter)
        offers: list[tuple[float, int, str]] = []
        serves_something = False
        for position, (service_id, rule) in enumerate(self._rules.items()):
            if counter not in rule.counters:
                continue
            serves_something = True
            number = self.lanes[service_id].next_number()
            if number is not None:
                offers.append((self.tickets[number].issued_at, position, number))
        if not serves_something:
            raise QueueError(f"counter {counter} serves no service")
        if not offers:
            raise QueueError(f"nobody is waiting for counter {counter}")
        return min(offers)[2]

    def ticket(self, number: str) -> Ticket:
        ticket = self.tickets.get(number)
        if ticket is None:
            raise QueueError(f"there is no ticket {number} today")
        return ticket

    def expired(self) -> tuple[Ticket, ...]:
        """The day's tickets still waiting or called, as they stand when the day ends."""
        return tuple(
            replace(ticket, state=TicketState.EXPIRED)
            for ticket in self.tickets.values()
            if ticket.state in _OPEN_STATES
        )

    # -- applying events ------------------------------------------------------------------

    def apply(self, event: QueueEvent) -> None:
        handlers = {
            EventKind.ISSUED: self._issued,
            EventKind.CALLED: self._called,
            EventKind.RECALLED: self._recalled,
            EventKind.NO_SHOW: self._no_show,
            EventKind.FINISHED: self._finished,
            EventKind.TRANSFERRED: self._transferred,
            EventKind.RETURNED: self._returned,
        }
        handlers[event.kind](event)

    def _issued(self, event: QueueEvent) -> None:
        # QueueEvent's own validation guarantees the fields of its kind are present.
        assert event.service_id is not None and event.request_id is not None
        assert event.priority is not None
        self._require_service(event.service_id)
        earlier = self._issued_by_request.get(event.request_id)
        if earlier == event:
            return  # the same issue stored or delivered twice: already applied
        if earlier is not None:
            raise QueueError(f"request id {event.request_id} already has ticket {earlier.number}")
        expected = self.next_number(event.service_id)
        if event.number != expected:
            raise QueueError(
                f"the next {event.service_id} ticket is {expected}, not {event.number}"
            )
        self.tickets[event.number] = Ticket(
            number=event.number,
            service_id=event.service_id,
            priority=event.priority,
            issued_at=event.at,
            state=TicketState.WAITING,
            counter=None,
            called_at=None,
            request_id=event.request_id,
        )
        self.lanes[event.service_id].join(event.number, priority=event.priority)
        self._issued_count[event.service_id] += 1
        self._issued_by_request[event.request_id] = event

    def _called(self, event: QueueEvent) -> None:
        """A call also finishes the ticket the counter was serving: a teller presses "next"
        when the customer leaves, so a separate "done" must not be needed to free it."""
        assert event.counter is not None
        expected = self.next_for_counter(event.counter)
        if event.number != expected:
            raise QueueError(f"counter {event.counter} calls {expected} next, not {event.number}")
        current = self.serving.get(event.counter)
        if current is not None:
            self._close(current, TicketState.FINISHED, event.at)
        ticket = self.tickets[event.number]
        self.lanes[ticket.service_id].take_next()
        self.tickets[event.number] = replace(
            ticket, state=TicketState.CALLED, counter=event.counter, called_at=event.at
        )
        self.serving[event.counter] = event.number

    def _recalled(self, event: QueueEvent) -> None:
        """A recall announces the called ticket again; it changes nothing in the queue."""
        ticket = self._called_ticket(event.number)
        if ticket.counter != event.counter:
            raise QueueError(
                f"{event.number} is called at counter {ticket.counter}, not {event.counter}"
            )

    def _no_show(self, event: QueueEvent) -> None:
        self._called_ticket(event.number)
        self._close(event.number, TicketState.NO_SHOW, event.at)

    def _finished(self, event: QueueEvent) -> None:
        self._called_ticket(event.number)
        self._close(event.number, TicketState.FINISHED, event.at)

    def _transferred(self, event: QueueEvent) -> None:
        """The ticket keeps its number and joins the target's line as a priority ticket:
        its customer has already waited once (why that keeps every promise: see
        `kiosk.core.queue.interleave`)."""
        assert event.service_id is not None
        self._require_service(event.service_id)
        ticket = self.ticket(event.number)
        if ticket.state not in _OPEN_STATES:
            raise QueueError(f"{event.number} is {ticket.state}; only open tickets move")
        if ticket.service_id == event.service_id:
            raise QueueError(f"{event.number} is already in {event.service_id}")
        if ticket.state is TicketState.WAITING:
            self.lanes[ticket.service_id].leave(event.number)
        elif ticket.counter is not None:
            del self.serving[ticket.counter]
        self.tickets[event.number] = replace(
            ticket,
            service_id=event.service_id,
            priority=True,
            state=TicketState.WAITING,
            counter=None,
            called_at=None,
        )
        self.lanes[event.service_id].join(event.number, priority=True)

    def _returned(self, event: QueueEvent) -> None:
        """A missed ticket goes back in line, keeping its number, as an arrival of its own
        kind: a regular ticket at the back, a priority ticket by the priority rule
        (docs/decisions/0018-missed-tickets.md)."""
        ticket = self.ticket(event.number)
        if ticket.state is not TicketState.NO_SHOW:
            raise QueueError(f"{event.number} is {ticket.state}; only a missed ticket returns")
        self.tickets[event.number] = replace(
            ticket, state=TicketState.WAITING, counter=None, called_at=None
        )
        self.lanes[ticket.service_id].join(event.number, priority=ticket.priority)

    def missed(self) -> list[Ticket]:
        """The day's tickets called and marked "did not come", in the order of their numbers'
        issue, that have not come back."""
        return [t for t in self.tickets.values() if t.state is TicketState.NO_SHOW]

    def _require_service(self, service_id: str) -> None:
        if service_id not in self._rules:
            raise QueueError(f"unknown service {service_id!r}")

    def _called_ticket(self, number: str) -> Ticket:
        ticket = self.ticket(number)
        if ticket.state is not TicketState.CALLED:
            raise QueueError(f"{number} is {ticket.state}, not called")
        return ticket

    def _close(self, number: str, state: TicketState, at: float) -> None:
        """End a called ticket; a served one adds its service time to the estimate."""
        ticket = self.tickets[number]
        assert ticket.counter is not None and ticket.called_at is not None
        del self.serving[ticket.counter]
        if state is TicketState.FINISHED:
            # A clock stepped back by the hub's time sync must not give a negative time.
            self.service_times[ticket.service_id].append(max(0.0, at - ticket.called_at))
        self.tickets[number] = replace(ticket, state=state)
