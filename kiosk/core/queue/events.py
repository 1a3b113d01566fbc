"""Queue events: the only way the ticket queue changes.

The hub persists every event it applies and rebuilds the queue after a restart by
replaying that day's events, so an event carries everything `Queue.apply` needs, including
its time `at` (unix seconds, injected: the core never reads a clock), and survives a JSON
round trip unchanged. `QueueEvent.from_dict` is strict because events come back from disk
and, through the hub, from other programs: a malformed record is refused with a reason
(`QueueEventError`), never half-applied.

Fields by kind (the others are None and absent from the dict):

| kind        | fields besides kind, at, number                   |
| ----------- | ------------------------------------------------- |
| issued      | service_id, priority, request_id                  |
| called      | counter                                           |
| recalled    | counter                                           |
| no_show     | (none)                                            |
| finished    | (none)                                            |
| transferred | service_id (the service the ticket moves to)      |
| returned    | (none: a missed ticket goes back in line)         |
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.core.fields import (
    DEVICE_ID,
    FieldCode,
    FieldError,
    reported_as,
    require_bool,
    require_int,
    require_match,
    require_number,
    require_object,
)
from kiosk.core.queue.ticket_numbers import NUMBER_PATTERN

SERVICE_ID_PATTERN = DEVICE_ID
"""A service id: a short, stable key that is safe as an MQTT topic level (the protocol's
rule for ids), in file names and in logs."""

REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}")
"""A kiosk's request id: room for a UUID or `kiosk-3/000123`, nothing that needs escaping."""

LATEST_TIME = 253_402_214_400.0
"""9999-12-30 UTC: later times cannot be turned into a date in every time zone."""


class QueueError(ValueError):
    """A command or event the queue refuses; `reason` says why in words staff can read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class QueueEventError(QueueError, FieldError):
    """An event record that is malformed: unknown kind, missing or extra field, bad type."""

    def __init__(self, reason: str, code: StrEnum = FieldCode.BAD_VALUE) -> None:
        FieldError.__init__(self, reason, code)


class EventKind(StrEnum):
    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    NO_SHOW = "no_show"
    FINISHED = "finished"
    TRANSFERRED = "transferred"
    RETURNED = "returned"


_KIND_FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.ISSUED: frozenset({"service_id", "priority", "request_id"}),
    EventKind.CALLED: frozenset({"counter"}),
    EventKind.RECALLED: frozenset({"counter"}),
    EventKind.NO_SHOW: frozenset(),
    EventKind.FINISHED: frozenset(),
    EventKind.TRANSFERRED: frozenset({"service_id"}),
    EventKind.RETURNED: frozenset(),
}
_KIND_NAMES = frozenset(kind.value for kind in EventKind)
_COMMON_FIELDS = frozenset({"kind", "at", "number"})
_OPTIONAL_FIELDS = ("service_id", "priority", "request_id", "counter")


def event_time(at: object) -> float:
    """`at` as float unix seconds, or a QueueEventError saying why it is not a time."""
    if isinstance(at, bool) or not isinstance(at, int | float):
        raise QueueEventError(f"at must be unix seconds, not {at!r}", FieldCode.WRONG_TYPE)
    if isinstance(at, float) and not math.isfinite(at):
        raise QueueEventError(f"at must be a finite time, not {at!r}", FieldCode.NON_FINITE)
    with reported_as(QueueEventError, f"at {at!r} is outside 1970..9999"):
        return require_number(at, "at", lo=0, hi=LATEST_TIME)


def check_counter(counter: object) -> int:
    """`counter` if it is a counter number (an int from 1, as on the signs above desks)."""
    with reported_as(QueueEventError, f"a counter is a whole number from 1, not {counter!r}"):
        return require_int(counter, "counter", lo=1)


def _check_text(value: object, pattern: re.Pattern[str], what: str) -> None:
    with reported_as(QueueEventError, f"{value!r} is not a valid {what}"):
        require_match(value, what, pattern, what)


@dataclass(frozen=True)
class QueueEvent:
    """One change to the queue. Construction validates it, so a QueueEvent is always well
    formed; whether it fits the queue's state is `Queue.apply`'s decision."""

    kind: EventKind
    at: float
    number: str
    service_id: str | None = None
    priority: bool | None = None
    request_id: str | None = None
    counter: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, EventKind):
            raise QueueEventError(f"unknown event kind {self.kind!r}")
        object.__setattr__(self, "at", event_time(self.at))
        _check_text(self.number, NUMBER_PATTERN, "ticket number")
        wanted = _KIND_FIELDS[self.kind]
        for name in _OPTIONAL_FIELDS:
            present = getattr(self, name) is not None
            if name in wanted and not present:
                raise QueueEventError(f"a {self.kind} event needs {name}")
            if present and name not in wanted:
                raise QueueEventError(f"a {self.kind} event has no {name}")
        if self.service_id is not None:
            _check_text(self.service_id, SERVICE_ID_PATTERN, "service id")
        if self.priority is not None:
            with reported_as(QueueEventError,
                             f"priority must be true or false, not {self.priority!r}"):
                require_bool(self.priority, "priority")
        if self.request_id is not None:
            _check_text(self.request_id, REQUEST_ID_PATTERN, "request id")
        if self.counter is not None:
            check_counter(self.counter)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict holding exactly the fields of this kind."""
        record: dict[str, object] = {"kind": self.kind.value, "at": self.at, "number": self.number}
        for name in _OPTIONAL_FIELDS:
            if name in _KIND_FIELDS[self.kind]:
                record[name] = getattr(self, name)
        return record

    @classmethod
    def from_dict(cls, data: object) -> QueueEvent:
        """The event `data` describes, or QueueEventError: an unknown kind, a missing or
        unexpected field, or a value of the wrong type or shape is refused, not guessed."""
        if not isinstance(data, Mapping):
            raise QueueEventError("an event must be a JSON object", FieldCode.WRONG_TYPE)
        with reported_as(QueueEventError, "event field names must be strings"):
            record: Mapping[str, Any] = require_object(data, "event")
        kind_value = record.get("kind")
        if not isinstance(kind_value, str) or kind_value not in _KIND_NAMES:
            raise QueueEventError(f"unknown event kind {kind_value!r}")
        kind = EventKind(kind_value)
        allowed = _COMMON_FIELDS | _KIND_FIELDS[kind]
        missing = allowed - record.keys()
        if missing:
            raise QueueEventError(f"a {kind} event is missing {', '.join(sorted(missing))}")
        extra = record.keys() - allowed
        if extra:
            raise QueueEventError(f"a {kind} event has no {', '.join(sorted(extra))}")
        return cls(
            kind=kind,
            at=record["at"],
            number=record["number"],
            service_id=record.get("service_id"),
            priority=record.get("priority"),
            request_id=record.get("request_id"),
            counter=record.get("counter"),
        )
