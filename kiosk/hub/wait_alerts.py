"""Wait alerts: an elderly priority ticket waiting longer than the branch allows tells the
lobby console once, by its number (never a name).

The hub owns the queue, so it decides. The interval is measured with the monotonic clock
from the moment the hub sees the ticket waiting (a wall clock stepped by time sync must not
fire or swallow an alert); at start-up the hub has no such moment for tickets already
waiting, so it back-dates them once by their issue time. A ticket that is called and comes
back after missing its number starts a new wait. The alert carries the ticket's issue time
for the record, and an audit row says it was sent; a ticket is alerted at most once a day,
across hub restarts too (the audit rows of the day are read back at start).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from kiosk.core.queue.ticket_queue import Queue, Ticket

log = logging.getLogger(__name__)


class WaitAlerts:
    def __init__(self, limit_min: float, monotonic: Callable[[], float]) -> None:
        self._limit_s = limit_min * 60.0
        self._monotonic = monotonic
        self._since: dict[str, float] = {}  # waiting priority ticket -> monotonic start
        self._alerted: set[str] = set()
        self._day: str | None = None
        self._backdate = True

    @property
    def enabled(self) -> bool:
        return self._limit_s > 0

    def reset(self, day: str, alerted: Iterable[str]) -> None:
        """A (re)loaded queue: forget the waits seen, remember today's alerts."""
        self._day = day
        self._since = {}
        self._alerted = set(alerted)
        self._backdate = True

    def due(self, queue: Queue, now: float) -> list[tuple[Ticket, int]]:
        """The tickets to alert about now, each with the whole minutes it has waited; each
        is returned once and then counted as alerted."""
        if not self.enabled or queue.day is None:
            return []
        day = queue.day.isoformat()
        if day != self._day:
            self.reset(day, ())
            self._backdate = False  # a new day's tickets are seen as they come
        mono = self._monotonic()
        waiting = {ticket.number: ticket
                   for rule in queue.services for ticket in queue.waiting(rule.id)
                   if ticket.priority}
        for number in list(self._since):
            if number not in waiting:
                del self._since[number]  # called or moved: a return starts a new wait
        due: list[tuple[Ticket, int]] = []
        for number, ticket in waiting.items():
            if number not in self._since:
                waited = max(0.0, now - ticket.issued_at) if self._backdate else 0.0
                self._since[number] = mono - waited
            waited_s = mono - self._since[number]
            if waited_s >= self._limit_s and number not in self._alerted:
                self._alerted.add(number)
                due.append((ticket, max(1, int(waited_s // 60))))
        self._backdate = False
        return due
