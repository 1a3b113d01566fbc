"""A queue ticket as the rest of the system sees it: an immutable record."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TicketState(StrEnum):
    """Where a ticket is in its life.

    waiting -> called -> finished (served) | no_show (called, did not come);
    a waiting or called ticket may be transferred, which makes it waiting in another
    service; waiting and called tickets left at the end of the business day are expired
    and never called.
    """

    WAITING = "waiting"
    CALLED = "called"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Ticket:
    """One customer's ticket.

    `priority` says the ticket joined its service's line as a priority ticket (see
    `kiosk.core.queue.interleave`): an elderly customer's ticket, or one transferred from another
    service. `counter` and
    `called_at` are those of the call that made it current (a recall does not change them);
    both are None while the ticket waits.
    """

    number: str
    service_id: str
    priority: bool
    issued_at: float
    state: TicketState
    counter: int | None
    called_at: float | None
    request_id: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, as published in the queue state."""
        return {
            "number": self.number,
            "service_id": self.service_id,
            "priority": self.priority,
            "issued_at": self.issued_at,
            "state": self.state.value,
            "counter": self.counter,
            "called_at": self.called_at,
            "request_id": self.request_id,
        }
