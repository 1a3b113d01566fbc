"""Help-call messages: the events, the hub's open-call state and its changes, "stored" acks,
drills.

The event contract (fields, kinds, which fields each kind carries) belongs to
``kiosk.core.help.events``; this module only carries events and refuses what that contract
refuses. ``event.ack`` is the application-level receipt the kiosk's outbox waits for: it
means "written to SQLite", which a broker's PUBACK does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from kiosk.core.help.digest import MAX_HOURS, HourDigest
from kiosk.core.help.events import HelpEvent, InvalidEvent
from kiosk.protocol.fields import (
    Fields,
    HexId,
    Id,
    Language,
    Time,
    freeze_items,
    require_enum,
    require_hex_id,
    require_instance,
    require_int,
    require_match,
)
from kiosk.protocol.message import Message, PlainMessage, fields_as_json, read_fields
from kiosk.protocol.rejection import InvalidMessage, RejectCode

MAX_STATE_EVENTS = 800
MAX_ACK_IDS = 100
MAX_HOUR_EVENTS = 1_000_000
_DIGEST_HASH = re.compile(r"[0-9a-f]{16}")


def read_help_event(data: dict[str, object]) -> HelpEvent:
    """``HelpEvent.from_dict`` with its refusal turned into a protocol rejection."""
    try:
        return HelpEvent.from_dict(data)
    except (InvalidEvent, ValueError, TypeError, ArithmeticError) as problem:
        # ValueError covers InvalidEvent; the others guard against a bug in the contract's
        # reader ever escaping the codec as an exception.
        raise InvalidMessage(RejectCode.BAD_HELP_EVENT, str(problem)) from None


def _event_from_fields(f: Fields) -> HelpEvent:
    return read_help_event(f.everything())


@dataclass(frozen=True)
class HelpEventMessage(Message):
    """One help-call event; the body is exactly ``HelpEvent.to_dict()``."""

    TYPE: ClassVar[str] = "help.event"
    event: HelpEvent

    def __post_init__(self) -> None:
        require_instance(self.event, HelpEvent, "event")

    def to_body(self) -> dict[str, object]:
        return self.event.to_dict()

    @classmethod
    def from_fields(cls, f: Fields) -> HelpEventMessage:
        return cls(_event_from_fields(f))


NO_RUN = ""
"""The ``run`` of a state from a hub that numbers no changes (protocol version 1)."""


def _check_run(run: object) -> None:
    if run != NO_RUN:
        require_hex_id(run, "run")


@dataclass(frozen=True)
class HelpState(Message):
    """Every event of the calls the hub holds, retained: the whole branch on
    ``hub/state/help`` (a console that starts late, or missed a change, alarms too), one
    kiosk's calls on ``hub/state/call/<kiosk_id>`` (a kiosk restarted mid-call).

    ``run`` names the hub's run (a new one at every start) and ``seq`` the last
    ``help.changes`` of that run whose events it holds."""

    TYPE: ClassVar[str] = "help.state"
    updated_at: Time
    events: tuple[HelpEvent, ...] = ()
    run: str = NO_RUN
    seq: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        freeze_items(self, "events", max_items=MAX_STATE_EVENTS, item_type=HelpEvent)
        _check_run(self.run)
        require_int(self.seq, "seq")

    def to_body(self) -> dict[str, object]:
        return {"updated_at": self.updated_at, "run": self.run, "seq": self.seq,
                "events": [e.to_dict() for e in self.events]}

    @classmethod
    def from_fields(cls, f: Fields) -> HelpState:
        return cls(updated_at=f.number("updated_at"), run=f.string("run"),
                   seq=f.integer("seq"),
                   events=f.objects("events", _event_from_fields, max_items=MAX_STATE_EVENTS))


@dataclass(frozen=True)
class HelpChanges(Message):
    """The events the hub stored since its previous ``help.changes``, numbered ``seq``
    (1, 2, ... within one ``run`` of the hub). A console that sees a number missing, or
    another run, takes the retained ``help.state`` again: its ``seq`` says which changes
    it holds."""

    TYPE: ClassVar[str] = "help.changes"
    run: HexId
    seq: int
    events: tuple[HelpEvent, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        require_int(self.seq, "seq", lo=1)
        freeze_items(self, "events", min_items=1, max_items=MAX_STATE_EVENTS,
                     item_type=HelpEvent)

    def to_body(self) -> dict[str, object]:
        return {"run": self.run, "seq": self.seq, "events": [e.to_dict() for e in self.events]}

    @classmethod
    def from_fields(cls, f: Fields) -> HelpChanges:
        return cls(run=f.string("run"), seq=f.integer("seq"),
                   events=f.objects("events", _event_from_fields, max_items=MAX_STATE_EVENTS))


@dataclass(frozen=True)
class EventAck(Message):
    """"These ids are stored": the sender wrote them to its database. Outboxes stop re-sending."""

    TYPE: ClassVar[str] = "event.ack"
    ids: tuple[str, ...]

    def __post_init__(self) -> None:
        freeze_items(self, "ids", min_items=1, max_items=MAX_ACK_IDS, check=require_hex_id)

    def to_body(self) -> dict[str, object]:
        return {"ids": list(self.ids)}

    @classmethod
    def from_fields(cls, f: Fields) -> EventAck:
        return cls(ids=f.strings("ids", max_items=MAX_ACK_IDS))


def _check_hour(item: object, where: str) -> None:
    require_instance(item, HourDigest, where)
    assert isinstance(item, HourDigest)
    require_int(item.hour, f"{where}.hour", hi=MAX_HOURS - 1)
    require_int(item.count, f"{where}.count", lo=1, hi=MAX_HOUR_EVENTS)
    require_match(item.hash, f"{where}.hash", _DIGEST_HASH, "16 lowercase hex characters")


def _hour_from_fields(f: Fields) -> HourDigest:
    hour: HourDigest = read_fields(HourDigest, f)
    return hour


@dataclass(frozen=True)
class HelpDigest(Message):
    """What the hub holds of the help events ``device_id`` originated since ``since`` (the
    start of the hub's day): per hour after ``since``, how many and a hash of their ids.
    Hours without events are left out. The device re-sends the hours that differ from its
    own store (``kiosk.core.help.digest``)."""

    TYPE: ClassVar[str] = "help.digest"
    device_id: Id
    since: Time
    hours: tuple[HourDigest, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        freeze_items(self, "hours", max_items=MAX_HOURS, check=_check_hour)

    def to_body(self) -> dict[str, object]:
        return {"device_id": self.device_id, "since": self.since,
                "hours": [fields_as_json(h) for h in self.hours]}

    @classmethod
    def from_fields(cls, f: Fields) -> HelpDigest:
        return cls(device_id=f.string("device_id"), since=f.number("since"),
                   hours=f.objects("hours", _hour_from_fields, max_items=MAX_HOURS))


@dataclass(frozen=True)
class Drill(PlainMessage):
    """The hub asks a kiosk to raise a drill call whose id is ``call_id``."""

    TYPE: ClassVar[str] = "drill"
    kiosk_id: Id
    call_id: HexId
    staff_id: Id


class Rating(StrEnum):
    GOOD = "good"
    OK = "ok"
    BAD = "bad"


@dataclass(frozen=True)
class VisitFeedback(Message):
    """A customer's rating of the visit. Anonymous: no ticket, no time of day beyond sent_at."""

    TYPE: ClassVar[str] = "feedback"
    feedback_id: HexId
    rating: Rating
    language: Language

    def __post_init__(self) -> None:
        super().__post_init__()
        require_enum(self.rating, Rating, "rating")

    def to_body(self) -> dict[str, object]:
        return {"feedback_id": self.feedback_id, "rating": self.rating.value,
                "language": self.language}

    @classmethod
    def from_fields(cls, f: Fields) -> VisitFeedback:
        return cls(feedback_id=f.string("feedback_id"), rating=f.enum("rating", Rating),
                   language=f.string("language"))
