"""Help-call events: the immutable facts a help call is made of.

A call is never a row that is updated: kiosk, consoles and hub each keep the events they have
seen, and reconciling after an outage is a set union (see ``help_state``). So every event
must be valid on its own, whoever built it: the constructor checks the same rules as
``from_dict``, and an event that passes can be trusted by every receiver.
"""

from __future__ import annotations

import math
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

NOTE_MAX_CHARS = 500
LEVEL_MAX = 1000

_EVENT_ID = re.compile(r"[0-9a-f]{32}")
_DEVICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")


class InvalidEvent(ValueError):
    """A help event that breaks the contract; ``reason`` names the field for the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
_E = TypeVar("_E", bound=StrEnum)
_BASE_FIELDS = ("id", "call_id", "kiosk_id", "kind", "origin", "at")


def new_event_id() -> str:
    """A fresh event id: random, so two devices offline at once never collide."""
    return uuid.uuid4().hex


def is_event_id(value: object) -> bool:
    return isinstance(value, str) and _EVENT_ID.fullmatch(value) is not None


def is_device_id(value: object) -> bool:
    """Device and staff ids share one format: 1..32 of ``[a-z0-9-]``, not starting with '-'."""
    return isinstance(value, str) and _DEVICE_ID.fullmatch(value) is not None


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
        if not isinstance(d, Mapping):
            raise InvalidEvent(f"event must be an object, not {type(d).__name__}")
        unknown = sorted(str(k) for k in d if k not in _BASE_FIELDS and k not in _OPTIONAL_DEFAULTS)
        if unknown:
            raise InvalidEvent(f"unknown field {unknown[0]!r}")
        for name in _BASE_FIELDS:
            if name not in d:
                raise InvalidEvent(f"missing field {name!r}")
        kind = _enum(HelpEventKind, d["kind"], "kind")
        for name in sorted(_REQUIRED[kind]):
            if name not in d:
                raise InvalidEvent(f"missing field {name!r} for a {kind} event")
        category = d.get("category")
        outcome = d.get("outcome")
        return cls(
            id=_str(d["id"], "id"),
            call_id=_str(d["call_id"], "call_id"),
            kiosk_id=_str(d["kiosk_id"], "kiosk_id"),
            kind=kind,
            origin=_str(d["origin"], "origin"),
            at=_number(d["at"], "at"),
            category=None if category is None else _enum(Category, category, "category"),
            staff_id=_optional_str(d.get("staff_id"), "staff_id"),
            outcome=None if outcome is None else _enum(Outcome, outcome, "outcome"),
            note=_str(d.get("note", ""), "note"),
            helped=_optional_bool(d.get("helped"), "helped"),
            drill=_bool(d.get("drill", False), "drill"),
            console_id=_optional_str(d.get("console_id"), "console_id"),
            level=_int(d.get("level", 0), "level"),
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
    for name in ("id", "call_id"):
        if not is_event_id(getattr(e, name)):
            raise InvalidEvent(f"field {name!r} must be 32 lowercase hex characters")
    for name in ("kiosk_id", "origin"):
        if not is_device_id(getattr(e, name)):
            raise InvalidEvent(f"field {name!r} must be 1..32 characters of a-z, 0-9 and '-'")
    if not isinstance(e.kind, HelpEventKind):
        raise InvalidEvent("field 'kind' must be a HelpEventKind")
    if isinstance(e.at, bool) or not isinstance(e.at, int | float):
        raise InvalidEvent("field 'at' must be a number")
    if not math.isfinite(e.at) or e.at < 0:
        raise InvalidEvent("field 'at' must be a finite, non-negative time")
    if e.category is not None and not isinstance(e.category, Category):
        raise InvalidEvent("field 'category' must be a Category")
    if e.outcome is not None and not isinstance(e.outcome, Outcome):
        raise InvalidEvent("field 'outcome' must be an Outcome")
    for name in ("staff_id", "console_id"):
        value = getattr(e, name)
        if value is not None and not is_device_id(value):
            raise InvalidEvent(f"field {name!r} must be 1..32 characters of a-z, 0-9 and '-'")
    _check_note(e.note)
    if e.helped is not None and not isinstance(e.helped, bool):
        raise InvalidEvent("field 'helped' must be true or false")
    if not isinstance(e.drill, bool):
        raise InvalidEvent("field 'drill' must be true or false")
    if isinstance(e.level, bool) or not isinstance(e.level, int):
        raise InvalidEvent("field 'level' must be an integer")
    _check_fields_for_kind(e)


def _check_note(note: object) -> None:
    if not isinstance(note, str):
        raise InvalidEvent("field 'note' must be a string")
    if len(note) > NOTE_MAX_CHARS:
        raise InvalidEvent(f"field 'note' is longer than {NOTE_MAX_CHARS} characters")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in note):
        raise InvalidEvent("field 'note' contains control characters")


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


def _str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidEvent(f"field {name!r} must be a string")
    return value


def _optional_str(value: object, name: str) -> str | None:
    return None if value is None else _str(value, name)


def _bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidEvent(f"field {name!r} must be true or false")
    return value


def _optional_bool(value: object, name: str) -> bool | None:
    return None if value is None else _bool(value, name)


def _int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidEvent(f"field {name!r} must be an integer")
    return value


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidEvent(f"field {name!r} must be a number")
    return float(value)


def _enum(enum: type[_E], value: object, name: str) -> _E:
    if not isinstance(value, str):
        raise InvalidEvent(f"field {name!r} must be a string")
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidEvent(
            f"field {name!r} has unknown value {value!r} (allowed: {allowed})"
        ) from None
