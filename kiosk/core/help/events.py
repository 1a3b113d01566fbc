"""Help-call events: the immutable facts a help call is made of.

A call is never a row that is updated: kiosk, consoles and hub each keep the events they have
seen, and reconciling after an outage is a set union (see ``help_state``). So every event
must be valid on its own, whoever built it: the constructor checks the same rules as
``from_dict``, and an event that passes can be trusted by every receiver.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from kiosk.core.fields import (
    MAX_SAFE_INT,
    FieldError,
    is_device_id,
    is_event_id,
    reported_as,
    require_bool,
    require_enum,
    require_hex_id,
    require_id,
    require_instance,
    require_int,
    require_keys,
    require_number,
    require_object,
    require_str,
    require_text,
)

__all__ = [
    "LEVEL_MAX", "NOTE_MAX_CHARS", "Category", "HelpEvent", "HelpEventKind", "InvalidEvent",
    "Outcome", "is_device_id", "is_event_id", "new_event_id", "new_follow_up", "new_raise",
]

T = TypeVar("T")

NOTE_MAX_CHARS = 500
LEVEL_MAX = 1000


class InvalidEvent(FieldError):
    """A help event that breaks the contract; ``reason`` names the field for the log."""


class HelpEventKind(StrEnum):
    RAISED = "raised"
    CATEGORY_SET = "category_set"
    CUSTOMER_FINE = "customer_fine"
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    ARRIVED = "arrived"
    RESOLVED = "resolved"
    ESCALATED = "escalated"
    RESIGNALLED = "resignalled"
    FEEDBACK = "feedback"


class Category(StrEnum):
    UNSPECIFIED = "unspecified"
    MEDICAL = "medical"
    # The discreet path (possible fraud): consoles show "special attention", never the word.
    PRIVATE_TALK = "private_talk"
    # "I'm not sure what I need": staff accompany the customer.
    GUIDANCE = "guidance"
    OTHER = "other"


class Outcome(StrEnum):
    HELPED = "helped"
    AMBULANCE_CALLED = "ambulance_called"
    SPECIAL_ATTENTION_HANDLED = "special_attention_handled"
    NO_HELP_NEEDED = "no_help_needed"
    DRILL = "drill"


K = HelpEventKind

# Optional fields each kind requires; every other optional field must keep its default.
_REQUIRED: dict[HelpEventKind, frozenset[str]] = {
    K.RAISED: frozenset({"category"}),
    K.CATEGORY_SET: frozenset({"category"}),
    K.CUSTOMER_FINE: frozenset(),
    K.RECEIVED: frozenset({"console_id"}),
    K.ACKNOWLEDGED: frozenset({"staff_id"}),
    K.ARRIVED: frozenset({"staff_id"}),
    K.RESOLVED: frozenset({"staff_id", "outcome"}),
    K.ESCALATED: frozenset({"level"}),
    K.RESIGNALLED: frozenset({"level"}),
    K.FEEDBACK: frozenset({"helped"}),
}
# Optional fields a kind may carry but need not.
_ALLOWED_EXTRA: dict[HelpEventKind, frozenset[str]] = {
    K.RAISED: frozenset({"drill"}),
    K.RESOLVED: frozenset({"note"}),
}
_OPTIONAL_DEFAULTS: dict[str, object] = {
    "category": None,
    "staff_id": None,
    "outcome": None,
    "note": "",
    "helped": None,
    "drill": False,
    "console_id": None,
    "level": 0,
}
_BASE_FIELDS = ("id", "call_id", "kiosk_id", "kind", "origin", "at")


def new_event_id() -> str:
    """A fresh event id: random, so two devices offline at once never collide."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class HelpEvent:
    id: str
    call_id: str
    kiosk_id: str
    kind: HelpEventKind
    origin: str
    at: float
    category: Category | None = None
    staff_id: str | None = None
    outcome: Outcome | None = None
    note: str = ""
    helped: bool | None = None
    drill: bool = False
    console_id: str | None = None
    level: int = 0

    def __post_init__(self) -> None:
        _check_event(self)
        # One spelling of the time, so an event encodes the same before and after the wire.
        object.__setattr__(self, "at", float(self.at))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready plain values; optional fields at their default are left out."""
        out: dict[str, object] = {
            "id": self.id,
            "call_id": self.call_id,
            "kiosk_id": self.kiosk_id,
            "kind": str(self.kind),
            "origin": self.origin,
            "at": self.at,
        }
        for name, default in _OPTIONAL_DEFAULTS.items():
            value = getattr(self, name)
            if value != default:
                out[name] = str(value) if isinstance(value, StrEnum) else value
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> HelpEvent:
        """Decode untrusted input; raises ``InvalidEvent`` naming the offending field."""
        with reported_as(InvalidEvent):
            return cls._from_dict(d)

    @classmethod
    def _from_dict(cls, d: Mapping[str, object]) -> HelpEvent:
        require_object(d, "event")
        require_keys(d, _BASE_FIELDS, (*_BASE_FIELDS, *_OPTIONAL_DEFAULTS))
        kind = require_enum(d["kind"], HelpEventKind, "kind")
        require_keys(d, _REQUIRED[kind], d.keys(), what=f"for a {kind} event")
        category = d.get("category")
        outcome = d.get("outcome")
        return cls(
            id=require_str(d["id"], "id"),
            call_id=require_str(d["call_id"], "call_id"),
            kiosk_id=require_str(d["kiosk_id"], "kiosk_id"),
            kind=kind,
            origin=require_str(d["origin"], "origin"),
            at=_time(d["at"]),
            category=None if category is None else require_enum(category, Category, "category"),
            staff_id=_optional(require_str, d.get("staff_id"), "staff_id"),
            outcome=None if outcome is None else require_enum(outcome, Outcome, "outcome"),
            note=require_str(d.get("note", ""), "note"),
            helped=_optional(require_bool, d.get("helped"), "helped"),
            drill=require_bool(d.get("drill", False), "drill"),
            console_id=_optional(require_str, d.get("console_id"), "console_id"),
            level=require_int(d.get("level", 0), "level", lo=-MAX_SAFE_INT, hi=MAX_SAFE_INT),
        )


def new_raise(
    kiosk_id: str,
    at: float,
    *,
    category: Category = Category.UNSPECIFIED,
    drill: bool = False,
    origin: str | None = None,
) -> HelpEvent:
    """A new call: its id is the id of this raise. ``origin`` defaults to the kiosk itself
    (a drill is started from a console, so it names the console)."""
    event_id = new_event_id()
    return HelpEvent(
        id=event_id,
        call_id=event_id,
        kiosk_id=kiosk_id,
        kind=HelpEventKind.RAISED,
        origin=kiosk_id if origin is None else origin,
        at=at,
        category=category,
        drill=drill,
    )


def new_follow_up(
    call_id: str,
    kiosk_id: str,
    kind: HelpEventKind,
    origin: str,
    at: float,
    *,
    category: Category | None = None,
    staff_id: str | None = None,
    outcome: Outcome | None = None,
    note: str = "",
    helped: bool | None = None,
    console_id: str | None = None,
    level: int = 0,
) -> HelpEvent:
    """A new event for an existing call, with a fresh id; invalid fields raise InvalidEvent."""
    return HelpEvent(
        id=new_event_id(),
        call_id=call_id,
        kiosk_id=kiosk_id,
        kind=kind,
        origin=origin,
        at=at,
        category=category,
        staff_id=staff_id,
        outcome=outcome,
        note=note,
        helped=helped,
        console_id=console_id,
        level=level,
    )


def _check_event(e: HelpEvent) -> None:
    """The rules every event obeys, whether decoded from the network or built in code."""
    with reported_as(InvalidEvent):
        for name in ("id", "call_id"):
            require_hex_id(getattr(e, name), name)
        for name in ("kiosk_id", "origin"):
            require_id(getattr(e, name), name)
        require_instance(e.kind, HelpEventKind, "kind")
        _time(e.at)
        if e.category is not None:
            require_instance(e.category, Category, "category")
        if e.outcome is not None:
            require_instance(e.outcome, Outcome, "outcome")
        for name in ("staff_id", "console_id"):
            _optional(require_id, getattr(e, name), name)
        require_text(e.note, "note", max_len=NOTE_MAX_CHARS, min_len=0, multiline=True,
                     allowed="\t", surrogates=True)
        _optional(require_bool, e.helped, "helped")
        require_bool(e.drill, "drill")
        require_int(e.level, "level", lo=-MAX_SAFE_INT, hi=MAX_SAFE_INT)
        _check_fields_for_kind(e)


def _time(value: object) -> float:
    """A finite, non-negative time: events keep the time their device gave them."""
    return require_number(value, "at", lo=0.0, hi=math.inf)


def _optional(check: Callable[[object, str], T], value: object, name: str) -> T | None:
    return None if value is None else check(value, name)


def _check_fields_for_kind(e: HelpEvent) -> None:
    required = _REQUIRED[e.kind]
    allowed = required | _ALLOWED_EXTRA.get(e.kind, frozenset())
    for name, default in _OPTIONAL_DEFAULTS.items():
        value = getattr(e, name)
        is_default = value is None if default is None else value == default
        if name in required and name != "level" and value is None:
            raise InvalidEvent(f"missing field {name!r} for a {e.kind} event")
        if name not in allowed and not is_default:
            raise InvalidEvent(f"field {name!r} is not allowed on a {e.kind} event")
    if "level" in required and not 1 <= e.level <= LEVEL_MAX:
        raise InvalidEvent(f"field 'level' must be between 1 and {LEVEL_MAX}")
    if e.kind is HelpEventKind.RAISED and e.call_id != e.id:
        raise InvalidEvent("field 'call_id' of a raised event must equal its 'id'")
    if e.kind is not HelpEventKind.RAISED and e.call_id == e.id:
        raise InvalidEvent(f"field 'id' of a {e.kind} event must differ from its 'call_id'")
