"""The commands a ``staff.action`` can carry: one small frozen type per kind, with its args.

On the wire an action is ``{"kind": "call_next", "args": {"counter": 3}}``; here it is
``CallNext(counter=3)``, so a console cannot send ``recall`` without a number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from kiosk.core.settings import LocalText
from kiosk.protocol.fields import (
    Counter,
    Fields,
    Flag,
    Id,
    TicketNumber,
    checked_texts,
    require_id,
)
from kiosk.protocol.message import PlainFields
from kiosk.protocol.rejection import InvalidMessage, RejectCode

ANNOUNCEMENT_MAX_CHARS = 300


@dataclass(frozen=True)
class FieldArgs(PlainFields):
    """A command whose ``args`` are its own fields (see ``PlainFields``), each checked by the
    rule its type carries."""

    def to_args(self) -> dict[str, object]:
        return self.to_dict()


@dataclass(frozen=True)
class CallNext(FieldArgs):
    """Call the next ticket (by the priority rule) for a service the counter serves."""

    KIND: ClassVar[str] = "call_next"
    counter: Counter


@dataclass(frozen=True)
class Recall(FieldArgs):
    """Announce an already-called ticket again."""

    KIND: ClassVar[str] = "recall"
    number: TicketNumber
    counter: Counter


@dataclass(frozen=True)
class NoShow(FieldArgs):
    KIND: ClassVar[str] = "no_show"
    number: TicketNumber


@dataclass(frozen=True)
class Finish(FieldArgs):
    KIND: ClassVar[str] = "finish"
    number: TicketNumber


@dataclass(frozen=True)
class Transfer(FieldArgs):
    """Move a ticket to another service's queue; it keeps its number."""

    KIND: ClassVar[str] = "transfer"
    number: TicketNumber
    to_service: Id


@dataclass(frozen=True)
class IssueTicket(FieldArgs):
    """A ticket issued at the desk for a customer in front of staff or on the phone:
    printed at ``kiosk_id``, or only shown at the desk when it is None."""

    KIND: ClassVar[str] = "issue_ticket"
    service_id: Id
    priority: Flag
    kiosk_id: Id | None = None


@dataclass(frozen=True)
class ReturnTicket(FieldArgs):
    """Put a missed ticket back in line (docs/decisions/0018-missed-tickets.md)."""

    KIND: ClassVar[str] = "return_ticket"
    number: TicketNumber


@dataclass(frozen=True)
class StartDrill(FieldArgs):
    KIND: ClassVar[str] = "drill_start"
    kiosk_id: Id


@dataclass(frozen=True)
class Announce:
    """Show and speak an announcement: typed text per language, or a prepared message the
    branch config holds (already translated and reviewed)."""

    KIND: ClassVar[str] = "announce"
    text: LocalText | None = None
    prepared_id: str | None = None

    def __post_init__(self) -> None:
        if (self.text is None) == (self.prepared_id is None):
            raise InvalidMessage(RejectCode.BAD_VALUE,
                                 "an announcement carries either 'text' or 'prepared_id'")
        if self.text is not None:
            text = LocalText(checked_texts(self.text, "text", max_len=ANNOUNCEMENT_MAX_CHARS))
            if not text:
                raise InvalidMessage(RejectCode.BAD_VALUE,
                                     "field 'text' needs at least one language")
            object.__setattr__(self, "text", text)
        if self.prepared_id is not None:
            require_id(self.prepared_id, "prepared_id")

    def to_args(self) -> dict[str, object]:
        if self.text is not None:
            return {"text": dict(self.text)}
        return {"prepared_id": self.prepared_id}

    @classmethod
    def from_fields(cls, f: Fields) -> Announce:
        text = LocalText(f.texts("text")) if f.has("text") else None
        return cls(text=text, prepared_id=f.opt_string("prepared_id"))


@dataclass(frozen=True)
class ClearAnnouncement(FieldArgs):
    KIND: ClassVar[str] = "announce_clear"


@dataclass(frozen=True)
class SignOut(FieldArgs):
    """End the session: the token stops working at once, not when it would expire."""

    KIND: ClassVar[str] = "sign_out"



Command = (CallNext | Recall | NoShow | Finish | Transfer | IssueTicket | ReturnTicket
           | StartDrill | Announce | ClearAnnouncement | SignOut)

COMMAND_TYPES: tuple[type[Command], ...] = (
    CallNext, Recall, NoShow, Finish, Transfer, IssueTicket, ReturnTicket, StartDrill,
    Announce, ClearAnnouncement, SignOut)

COMMAND_READERS: dict[str, Callable[[Fields], Command]] = {
    command.KIND: command.from_fields for command in COMMAND_TYPES}
"""Wire name (``kind``) -> reader of that command's ``args``."""
