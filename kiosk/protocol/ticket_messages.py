"""Queue messages: a kiosk asks for a ticket, the hub answers, publishes the queue and calls.

The hub is the only writer of ticket numbers. A request carries a ``request_id`` so the hub
can answer a re-sent request with the ticket it already issued instead of a second one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from kiosk.protocol.fields import (
    COUNTER_MAX,
    Counter,
    Fields,
    Flag,
    HexId,
    Id,
    Language,
    Rule,
    TicketNumber,
    Time,
    Token,
    freeze_items,
    require_day,
    require_enum,
    require_instance,
    require_int,
)
from kiosk.protocol.message import Message, PlainFields, PlainMessage
from kiosk.protocol.rejection import InvalidMessage, RejectCode

MAX_PEOPLE = 9999
MAX_WAIT_S = 86_400
MAX_SERVICES = 64
MAX_WAITING = 999
MAX_SERVING = COUNTER_MAX


class TicketRefusal(StrEnum):
    UNKNOWN_SERVICE = "unknown_service"
    SERVICE_CLOSED = "service_closed"
    BRANCH_CLOSED = "branch_closed"
    QUEUE_FULL = "queue_full"
    NOT_MISSED = "not_missed"  # no missed ticket with that number today


def _people(value: object, name: str) -> int:
    return require_int(value, name, hi=MAX_PEOPLE)


People = Annotated[int, Rule(_people)]
"""How many people: ahead of a ticket, or waiting."""


def _wait_range(low: object, high: object) -> None:
    if require_int(low, "wait_low_s", hi=MAX_WAIT_S) > require_int(high, "wait_high_s",
                                                                   hi=MAX_WAIT_S):
        raise InvalidMessage(RejectCode.BAD_VALUE, "field 'wait_low_s' exceeds 'wait_high_s'")


@dataclass(frozen=True)
class TicketRequest(PlainMessage):
    TYPE: ClassVar[str] = "ticket.request"
    request_id: HexId
    service_id: Id
    priority: Flag
    language: Language


@dataclass(frozen=True)
class TicketReturn(PlainMessage):
    """A customer who missed their number typed it at the kiosk: put it back in line. The
    hub answers with a ``ticket.reply`` for the same request id (``not_missed`` when there
    is no missed ticket of that number today)."""

    TYPE: ClassVar[str] = "ticket.return"
    request_id: HexId
    number: TicketNumber
    language: Language


@dataclass(frozen=True)
class IssuedTicket(PlainFields):
    """A ticket as issued. ``people_ahead`` is a promise: the most that can go first."""

    number: TicketNumber
    service_id: Id
    priority: Flag
    people_ahead: People
    wait_low_s: int
    wait_high_s: int
    issued_at: Time
    # The status page's key for this ticket; None when the QR code is switched off.
    status_token: Token | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        _wait_range(self.wait_low_s, self.wait_high_s)


@dataclass(frozen=True)
class TicketReply(Message):
    """Either the issued ticket or the reason there is none; ``ok`` tells which."""

    TYPE: ClassVar[str] = "ticket.reply"
    request_id: HexId
    ticket: IssuedTicket | None = None
    reason: TicketRefusal | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if (self.ticket is None) == (self.reason is None):
            raise InvalidMessage(RejectCode.BAD_VALUE,
                                 "a ticket reply carries either 'ticket' or 'reason'")
        if self.ticket is not None:
            require_instance(self.ticket, IssuedTicket, "ticket")
        if self.reason is not None:
            require_enum(self.reason, TicketRefusal, "reason")

    @property
    def ok(self) -> bool:
        return self.ticket is not None

    def to_body(self) -> dict[str, object]:
        out: dict[str, object] = {"request_id": self.request_id, "ok": self.ok}
        if self.ticket is not None:
            out["ticket"] = self.ticket.to_dict()
        if self.reason is not None:
            out["reason"] = self.reason.value
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> TicketReply:
        request_id = f.string("request_id")
        if f.boolean("ok"):
            if f.has("reason"):
                raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                     "field 'reason' is not allowed when 'ok' is true")
            return cls(request_id, ticket=f.obj("ticket", IssuedTicket.from_fields))
        if f.has("ticket"):
            raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                 "field 'ticket' is not allowed when 'ok' is false")
        return cls(request_id, reason=f.enum("reason", TicketRefusal))


@dataclass(frozen=True)
class ServiceQueue(PlainFields):
    service_id: Id
    open: Flag
    waiting: People
    priority_waiting: int
    wait_low_s: int
    wait_high_s: int

    def __post_init__(self) -> None:
        super().__post_init__()
        require_int(self.priority_waiting, "priority_waiting", hi=self.waiting)
        _wait_range(self.wait_low_s, self.wait_high_s)


@dataclass(frozen=True)
class WaitingTicket(PlainFields):
    number: TicketNumber
    service_id: Id
    priority: Flag
    issued_at: Time


@dataclass(frozen=True)
class ServingTicket(PlainFields):
    number: TicketNumber
    service_id: Id
    counter: Counter
    called_at: Time


@dataclass(frozen=True)
class MissedTicket(PlainFields):
    """A ticket called and marked "did not come" that has not come back."""

    number: TicketNumber
    service_id: Id


@dataclass(frozen=True)
class QueueState(Message):
    """The whole queue of the day, retained: a device that connects sees it at once."""

    TYPE: ClassVar[str] = "queue.state"
    day: str
    updated_at: Time
    services: tuple[ServiceQueue, ...] = ()
    waiting: tuple[WaitingTicket, ...] = ()
    serving: tuple[ServingTicket, ...] = ()
    missed: tuple[MissedTicket, ...] = ()
    """Optional on the wire: a hub that does not keep a missed list leaves it out."""

    def __post_init__(self) -> None:
        require_day(self.day, "day")
        super().__post_init__()
        freeze_items(self, "services", max_items=MAX_SERVICES, item_type=ServiceQueue)
        freeze_items(self, "waiting", max_items=MAX_WAITING, item_type=WaitingTicket)
        freeze_items(self, "serving", max_items=MAX_SERVING, item_type=ServingTicket)
        freeze_items(self, "missed", max_items=MAX_WAITING, item_type=MissedTicket)

    def to_body(self) -> dict[str, object]:
        body: dict[str, object] = {
            "day": self.day, "updated_at": self.updated_at,
            "services": [s.to_dict() for s in self.services],
            "waiting": [w.to_dict() for w in self.waiting],
            "serving": [s.to_dict() for s in self.serving]}
        if self.missed:
            body["missed"] = [m.to_dict() for m in self.missed]
        return body

    @classmethod
    def from_fields(cls, f: Fields) -> QueueState:
        return cls(day=f.string("day"), updated_at=f.number("updated_at"),
                   services=f.objects("services", ServiceQueue.from_fields,
                                      max_items=MAX_SERVICES),
                   waiting=f.objects("waiting", WaitingTicket.from_fields,
                                     max_items=MAX_WAITING),
                   serving=f.objects("serving", ServingTicket.from_fields,
                                     max_items=MAX_SERVING),
                   missed=f.objects("missed", MissedTicket.from_fields, max_items=MAX_WAITING)
                   if f.has("missed") else ())


@dataclass(frozen=True)
class TicketCalled(PlainMessage):
    """A ticket called to a counter: kiosks and display boards announce it."""

    TYPE: ClassVar[str] = "ticket.called"
    number: TicketNumber
    service_id: Id
    counter: Counter
    recall: Flag
    at: Time


@dataclass(frozen=True)
class TicketPrint(Message):
    """Print this ticket, issued at a staff desk, at the kiosk the topic names. The kiosk
    prints it through its own printer when no customer is in the middle of printing, and
    never changes its screen for it."""

    TYPE: ClassVar[str] = "ticket.print"
    ticket: IssuedTicket
    language: Language

    def __post_init__(self) -> None:
        require_instance(self.ticket, IssuedTicket, "ticket")
        super().__post_init__()

    def to_body(self) -> dict[str, object]:
        return {"ticket": self.ticket.to_dict(), "language": self.language}

    @classmethod
    def from_fields(cls, f: Fields) -> TicketPrint:
        return cls(ticket=f.obj("ticket", IssuedTicket.from_fields),
                   language=f.string("language"))


MAX_ALERT_MINUTES = 24 * 60


@dataclass(frozen=True)
class WaitAlert(PlainMessage):
    """An elderly priority ticket has waited longer than the branch allows: tell the lobby,
    once, by number (never a name). ``issued_at`` is the ticket's issue time, the record."""

    TYPE: ClassVar[str] = "queue.alert"
    number: TicketNumber
    service_id: Id
    issued_at: Time
    waited_min: int

    def __post_init__(self) -> None:
        super().__post_init__()
        require_int(self.waited_min, "waited_min", lo=1, hi=MAX_ALERT_MINUTES)
