"""The life of each ticket as this console saw it: issued, called, done. No Qt, no clock.

The hub publishes the queue as a retained state (who waits, who is being served where) and
each call as it happens; it does not publish history. For its reports (how long customers
waited, how long they spent at the counter) the console keeps its own record, built from
what it sees go by:

- a ticket first seen waiting gives its service, priority window and issue time;
- a ticket seen being served (or a ``ticket.called``) gives its call time and counter;
- a called ticket that is neither waiting nor served any more has ended (finished or no
  show: the queue state does not say which; this console knows for its own actions);
- a called ticket that is waiting again was moved to another service: it starts over.

A console that was not running when a ticket was issued never learns its issue time; such a
ticket has no waiting time in the reports rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.protocol.ticket_messages import QueueState, TicketCalled


class TicketEnd(StrEnum):
    UNKNOWN = ""  # left the counter; finished or no show, seen from another console
    FINISHED = "finished"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class TicketRecord:
    day: str
    number: str
    service_id: str
    priority: bool
    issued_at: float | None = None
    called_at: float | None = None
    counter: int | None = None
    ended_at: float | None = None
    ended_how: TicketEnd = TicketEnd.UNKNOWN

    @property
    def key(self) -> tuple[str, str]:
        return (self.day, self.number)

    @property
    def wait_s(self) -> float | None:
        if self.issued_at is None or self.called_at is None:
            return None
        return max(0.0, self.called_at - self.issued_at)

    @property
    def service_s(self) -> float | None:
        """Time at the counter; none for a no-show, who was never served."""
        if self.called_at is None or self.ended_at is None:
            return None
        if self.ended_how is TicketEnd.NO_SHOW:
            return None
        return max(0.0, self.ended_at - self.called_at)


class QueueWatch:
    def __init__(self, records: Iterable[TicketRecord] = ()) -> None:
        self._records = {r.key: r for r in records}
        self.day: str | None = None

    def records(self) -> list[TicketRecord]:
        return sorted(self._records.values(), key=lambda r: (r.day, r.issued_at or 0.0,
                                                             r.number))

    def queue_state(self, state: QueueState) -> list[TicketRecord]:
        """Take in a queue state; returns the records it changed."""
        self.day = state.day
        changed: dict[tuple[str, str], TicketRecord] = {}

        def put(record: TicketRecord) -> None:
            if self._records.get(record.key) != record:
                self._records[record.key] = record
                changed[record.key] = record

        present: set[str] = set()
        for waiting in state.waiting:
            present.add(waiting.number)
            old = self._records.get((state.day, waiting.number))
            if old is None:
                put(TicketRecord(state.day, waiting.number, waiting.service_id,
                                 waiting.priority, issued_at=waiting.issued_at))
            elif old.called_at is not None or old.service_id != waiting.service_id:
                put(replace(old, service_id=waiting.service_id, called_at=None, counter=None,
                            ended_at=None, ended_how=TicketEnd.UNKNOWN,
                            issued_at=old.issued_at or waiting.issued_at))
        for serving in state.serving:
            present.add(serving.number)
            old = self._records.get((state.day, serving.number))
            if old is None:
                old = TicketRecord(state.day, serving.number, serving.service_id, False)
            if old.called_at is None or old.counter != serving.counter:
                put(replace(old, called_at=old.called_at or serving.called_at,
                            counter=serving.counter, ended_at=None))
        for record in list(self._records.values()):
            if (record.day == state.day and record.called_at is not None
                    and record.ended_at is None and record.number not in present):
                put(replace(record, ended_at=state.updated_at))
        return list(changed.values())

    def called(self, called: TicketCalled) -> list[TicketRecord]:
        """A ``ticket.called``: the call time, even if no queue state showed it serving."""
        if self.day is None or called.recall:
            return []
        old = self._records.get((self.day, called.number))
        if old is None:
            old = TicketRecord(self.day, called.number, called.service_id, False)
        if old.called_at is not None and old.ended_at is None:
            return []
        record = replace(old, called_at=called.at, counter=called.counter, ended_at=None,
                         ended_how=TicketEnd.UNKNOWN)
        self._records[record.key] = record
        return [record]

    def ended_here(self, number: str, how: TicketEnd, at: float) -> list[TicketRecord]:
        """This console finished the ticket or marked it a no-show: now the end is known."""
        if self.day is None:
            return []
        old = self._records.get((self.day, number))
        if old is None:
            return []
        record = replace(old, ended_how=how, ended_at=old.ended_at or at)
        self._records[record.key] = record
        return [record]
