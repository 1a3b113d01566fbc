"""The hub as the branch's only issuer of ticket numbers: requests, counter commands, the
published queue, and the status page's view of one ticket.

The queue itself (``kiosk.core.queue.ticket_queue``) is event-sourced; this desk stores each
event in the ledger before anyone hears of it, and rebuilds the day's queue from the ledger at
start. A
kiosk that re-sends a request (same request id) gets the same ticket and the same status
token, even across a hub restart, because the ticket and its token are committed together.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.core.config import BranchConfig
from kiosk.core.queue.ticket_numbers import business_day
from kiosk.core.queue.ticket_queue import (
    Queue,
    QueueError,
    QueueEvent,
    ServiceRule,
    Ticket,
    TicketState,
)
from kiosk.core.queue.ticket_sentences import wait_minutes
from kiosk.hub.ledger import Ledger, LedgerStep
from kiosk.hub.publisher import Publisher
from kiosk.hub.rejections import HubReject, Refusals
from kiosk.hub.status_page import TicketView
from kiosk.protocol import Decoded
from kiosk.protocol.ticket_messages import (
    MAX_PEOPLE,
    MAX_SERVICES,
    MAX_WAIT_S,
    MAX_WAITING,
    IssuedTicket,
    MissedTicket,
    QueueState,
    ServiceQueue,
    ServingTicket,
    TicketRefusal,
    TicketReply,
    TicketRequest,
    TicketReturn,
    WaitingTicket,
)

log = logging.getLogger(__name__)

MAX_SEQUENCE = 9999
"""The protocol carries at most four digits (A9999); a service refuses tickets beyond."""


def rules_from_config(config: BranchConfig) -> list[ServiceRule]:
    return [ServiceRule(service.id, service.prefix, frozenset(service.counters),
                        service.minutes_per_customer * 60.0) for service in config.services]


def day_bounds(day: date, tz: tzinfo) -> tuple[float, float]:
    """Unix times of the start of ``day`` and of the next day, in the branch's zone."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return start.timestamp(), end.timestamp()


@dataclass(frozen=True)
class TicketFacts:
    """A ticket as it was issued for a request (a transfer may move it later)."""

    number: str
    day: str
    token: str | None
    service_id: str
    priority: bool


class QueueDesk:
    def __init__(self, *, config: BranchConfig, ledger: Ledger, publisher: Publisher,
                 refusals: Refusals, tz: tzinfo, request_window_s: float) -> None:
        self._config = config
        self._ledger = ledger
        self._publisher = publisher
        self._refusals = refusals
        self._tz = tz
        self._window_s = request_window_s
        self._rules = rules_from_config(config)
        self.queue = Queue(self._rules, config.queue.regular_per_priority, tz)
        self._by_request: dict[str, TicketFacts] = {}  # today's request id -> its ticket
        self._returned_by: dict[str, str] = {}  # a kiosk's return request id -> number
        self._today: date | None = None
        self.dirty = False  # queue.state must be published again

    # --- start-up and the business day ----------------------------------------------------

    def load(self, now: float) -> None:
        """Replay today's events from the ledger into a fresh queue."""
        self._today = business_day(now, self._tz)
        self.queue = Queue(self._rules, self._config.queue.regular_per_priority, self._tz)
        self._by_request = {}
        self._returned_by = {}
        start, _end = day_bounds(self._today, self._tz)
        day_text = self._today.isoformat()
        for event in self._ledger.queue_events(since=start):
            try:
                self.queue.apply(event)
            except QueueError as error:  # never expected: the ledger holds applied events
                log.error("ledger queue event %s %s not replayed: %s", event.kind,
                          event.number, error.reason)
                continue
            if event.request_id is not None:
                self._remember(event, day_text,
                               self._ledger.token_for_ticket(day_text, event.number))
        self.dirty = True

    def day_start(self) -> float:
        """Unix time of the start of the loaded business day."""
        assert self._today is not None
        return day_bounds(self._today, self._tz)[0]

    def tick(self, now: float) -> None:
        """At midnight the day's queue ends: numbers restart, and the state says so."""
        if business_day(now, self._tz) != self._today:
            log.info("a new business day: the queue starts empty")
            self.load(now)

    # --- ticket requests ------------------------------------------------------------------

    def request_ticket(self, decoded: Decoded, now: float) -> None:
        request = decoded.message
        assert isinstance(request, TicketRequest)
        self.tick(now)
        known = self._by_request.get(request.request_id)
        if known is not None:
            ticket = self.queue.ticket(known.number)
            same = (known.service_id, known.priority) == (request.service_id, request.priority)
            if ticket is not None and same:
                self._reply(decoded.sender, request.request_id, ticket, known.token, now)
                return
            self._refusals.refuse(HubReject.REQUEST_CONFLICT, decoded.topic.topic,
                                  f"request id {request.request_id} already has ticket "
                                  f"{known.number}, asked for differently", now, decoded.sender)
            return
        if abs(now - decoded.sent_at) > self._window_s:
            self._refusals.refuse(HubReject.STALE, decoded.topic.topic,
                                  f"ticket request sent {now - decoded.sent_at:.0f} s from now; "
                                  "the kiosk has long sent the customer to the counter",
                                  now, decoded.sender)
            return
        refusal = self._refusal(request.service_id)
        if refusal is not None:
            self._publisher.reply(decoded.sender,
                                  TicketReply(request.request_id, reason=refusal), now)
            return
        self._issue(decoded.sender, request, now)

    def return_missed(self, decoded: Decoded, now: float) -> None:
        """A customer typed their missed number at a kiosk: back in line (0018), answered
        like a ticket request, with the same ticket and its new place."""
        request = decoded.message
        assert isinstance(request, TicketReturn)
        self.tick(now)
        if abs(now - decoded.sent_at) > self._window_s:
            self._refusals.refuse(HubReject.STALE, decoded.topic.topic,
                                  f"return of {request.number} sent {now - decoded.sent_at:.0f} "
                                  "s from now", now, decoded.sender)
            return
        ticket = self.queue.ticket(request.number)
        if ticket is not None and ticket.state is TicketState.WAITING \
                and self._returned_by.get(request.request_id) == request.number:
            # the kiosk asked again (no answer yet): answer again, do not move it twice
            self._reply(decoded.sender, request.request_id, ticket, None, now)
            return
        try:
            event = self.queue.return_missed(request.number, now)
        except QueueError:
            self._publisher.reply(decoded.sender, TicketReply(
                request.request_id, reason=TicketRefusal.NOT_MISSED), now)
            return
        audit = AuditEvent.create(now, decoded.sender, decoded.sender,
                                  AuditAction.TICKET_RETURNED, subject=event.number,
                                  detail={"by": "kiosk", "request_id": request.request_id})
        try:
            self._ledger.record(LedgerStep(now, queue_event=event, audits=(audit,)))
        except sqlite3.Error as error:
            self._refusals.refuse(HubReject.STORAGE_FAILED, decoded.topic.topic,
                                  f"return of {event.number} not stored: {error}", now,
                                  decoded.sender)
            self.load(now)
            return
        self._returned_by[request.request_id] = event.number
        self.dirty = True
        back = self.queue.ticket(event.number)
        assert back is not None
        self._reply(decoded.sender, request.request_id, back, None, now)

    def remember_returns(self, returns: Iterable[tuple[str, str]]) -> None:
        """Today's kiosk returns (request id, number), read back from the audit at start: a
        kiosk re-sending across a hub restart is answered again, not told "not missed"."""
        self._returned_by.update(returns)

    def issue_at_desk(self, service_id: str, priority: bool, request_id: str,
                      now: float) -> tuple[QueueEvent, tuple[str, str, str, float, str] | None]:
        """A ticket for a staff desk: the event and status token to store with the staff
        action (not stored here: the action's step commits both). Raises QueueError."""
        self.tick(now)
        refusal = self._refusal(service_id)
        if refusal is not None:
            raise QueueError(refusal.value)
        event = self.queue.issue(service_id, priority, now, request_id)
        day = business_day(now, self._tz)
        token = secrets.token_urlsafe(16) if self._config.status_page.enabled else None
        _start, end = day_bounds(day, self._tz)
        self._remember(event, day.isoformat(), token)
        self.dirty = True
        return event, None if token is None else (token, event.number, day.isoformat(), end,
                                                  self.default_language)

    @property
    def default_language(self) -> str:
        return self._config.branch.default_language

    def issued(self, number: str) -> IssuedTicket:
        """The ticket as a kiosk prints it (with its status token, if any)."""
        ticket = self.queue.ticket(number)
        assert ticket is not None and ticket.request_id is not None
        facts = self._by_request.get(ticket.request_id)
        ahead, low, high = self.promise(ticket)
        return IssuedTicket(number=ticket.number, service_id=ticket.service_id,
                            priority=ticket.priority, people_ahead=ahead, wait_low_s=low,
                            wait_high_s=high, issued_at=ticket.issued_at,
                            status_token=facts.token if facts is not None else None)

    def has_service(self, service_id: str) -> bool:
        return any(rule.id == service_id for rule in self._rules)

    def _refusal(self, service_id: str) -> TicketRefusal | None:
        if self._config.service(service_id) is None:
            return TicketRefusal.UNKNOWN_SERVICE
        waiting = sum(len(self.queue.waiting(rule.id)) for rule in self._rules)
        next_number = self._next_sequence(service_id)
        if waiting >= MAX_WAITING or next_number > MAX_SEQUENCE:
            return TicketRefusal.QUEUE_FULL
        return None

    def _next_sequence(self, service_id: str) -> int:
        return 1 + sum(1 for facts in self._by_request.values()
                       if facts.service_id == service_id)

    def _issue(self, kiosk_id: str, request: TicketRequest, now: float) -> None:
        try:
            event = self.queue.issue(request.service_id, request.priority, now,
                                     request.request_id)
        except QueueError as error:
            log.error("ticket request %s refused by the queue: %s", request.request_id,
                      error.reason)
            return
        day = business_day(now, self._tz).isoformat()
        token = secrets.token_urlsafe(16) if self._config.status_page.enabled else None
        _start, end = day_bounds(business_day(now, self._tz), self._tz)
        audit = AuditEvent.create(now, kiosk_id, kiosk_id, AuditAction.TICKET_ISSUED,
                                  subject=event.number,
                                  detail={"service": request.service_id,
                                          "priority": request.priority})
        step = LedgerStep(now, queue_event=event, audits=(audit,),
                          token=None if token is None else (token, event.number, day, end,
                                                            request.language))
        try:
            self._ledger.record(step)
        except sqlite3.Error as error:
            self._refusals.refuse(HubReject.STORAGE_FAILED, "ticket/request",
                                  f"ticket {event.number} not stored: {error}", now, kiosk_id)
            self.load(now)  # forget the number that was not stored
            return
        self._remember(event, day, token)
        self.dirty = True
        ticket = self.queue.ticket(event.number)
        assert ticket is not None
        self._reply(kiosk_id, request.request_id, ticket, token, now)

    def _remember(self, issued: QueueEvent, day: str, token: str | None) -> None:
        assert issued.request_id is not None and issued.service_id is not None
        self._by_request[issued.request_id] = TicketFacts(
            issued.number, day, token, issued.service_id, bool(issued.priority))

    def _reply(self, kiosk_id: str, request_id: str, ticket: Ticket, token: str | None,
               now: float) -> None:
        ahead, low, high = self.promise(ticket)
        issued = IssuedTicket(number=ticket.number, service_id=ticket.service_id,
                              priority=ticket.priority, people_ahead=ahead, wait_low_s=low,
                              wait_high_s=high, issued_at=ticket.issued_at, status_token=token)
        self._publisher.reply(kiosk_id, TicketReply(request_id, ticket=issued), now)

    def promise(self, ticket: Ticket) -> tuple[int, int, int]:
        """(people ahead, wait low s, wait high s) for a ticket; zeros once it was called."""
        if ticket.state is not TicketState.WAITING:
            return 0, 0, 0
        ahead = self.queue.people_ahead(ticket.number)
        low, high = self.queue.wait_range(ticket.number)
        return min(ahead, MAX_PEOPLE), min(low, MAX_WAIT_S), min(high, MAX_WAIT_S)

    # --- what is published ----------------------------------------------------------------

    def state_message(self, now: float) -> QueueState:
        """The whole queue. A service's wait range is that of its last ticket in line: what a
        customer taking a ticket now can expect, give or take one."""
        self.tick(now)
        services: list[ServiceQueue] = []
        waiting: list[WaitingTicket] = []
        for rule in self._rules[:MAX_SERVICES]:
            line = self.queue.waiting(rule.id)
            _ahead, low, high = self.promise(line[-1]) if line else (0, 0, 0)
            services.append(ServiceQueue(rule.id, True, len(line),
                                         sum(1 for t in line if t.priority), low, high))
            for ticket in line:
                if len(waiting) < MAX_WAITING:
                    waiting.append(WaitingTicket(ticket.number, ticket.service_id,
                                                 ticket.priority, ticket.issued_at))
        serving = []
        for counter in sorted({c for rule in self._rules for c in rule.counters}):
            current = self.queue.called_at(counter)
            if current is not None and current.called_at is not None:
                serving.append(ServingTicket(current.number, current.service_id, counter,
                                             current.called_at))
        missed = tuple(MissedTicket(ticket.number, ticket.service_id)
                       for ticket in self.queue.missed()[-MAX_WAITING:])
        day = (self._today or business_day(now, self._tz)).isoformat()
        return QueueState(day=day, updated_at=now, services=tuple(services),
                          waiting=tuple(waiting), serving=tuple(serving), missed=missed)

    def view(self, number: str, day: str, now: float, language: str = "") -> TicketView | None:
        """The status page's view of today's ticket ``number``; None for another day's."""
        self.tick(now)
        if self._today is None or day != self._today.isoformat():
            return None
        ticket = self.queue.ticket(number)
        if ticket is None:
            return None
        service = self._config.service(ticket.service_id)
        names = dict(service.name.items()) if service is not None else {}
        ahead, low, high = self.promise(ticket)
        low_min, high_min = wait_minutes(low, high)
        return TicketView(number=ticket.number, service=names, state=ticket.state.value,
                          people_ahead=ahead, wait_low_min=low_min, wait_high_min=high_min,
                          counter=ticket.counter, language=language)
