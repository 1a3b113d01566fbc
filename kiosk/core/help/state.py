"""The state of a help call, computed from its events alone.

Kiosk, consoles and hub each hold the events they have seen, in whatever order the network
delivered them, some twice. The state must therefore be a pure function of the *set* of
events: de-duplicated by id, and wherever an order matters, ordered by (at, origin, id) so
that two nodes holding the same events agree. Status is the highest stage any event proves,
so a skewed clock or a late message can never move a call backwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome

K = HelpEventKind


class CallStatus(StrEnum):
    """How far the call has come; later stages outrank earlier ones."""

    RAISED = "raised"  # no console has confirmed it is alarming yet
    NOTIFIED = "notified"  # a console sent `received`: the customer may be told "staff notified"
    ACKNOWLEDGED = "acknowledged"  # someone is coming
    ARRIVED = "arrived"
    RESOLVED = "resolved"

    @property
    def stage(self) -> int:
        return _STAGES.index(self)

    @property
    def is_open(self) -> bool:
        return self is not CallStatus.RESOLVED


_STAGES = tuple(CallStatus)
# The stage each kind of event proves the call has reached; other kinds prove nothing.
_STAGE_OF_KIND: dict[HelpEventKind, CallStatus] = {
    K.RECEIVED: CallStatus.NOTIFIED,
    K.ACKNOWLEDGED: CallStatus.ACKNOWLEDGED,
    K.ARRIVED: CallStatus.ARRIVED,
    K.RESOLVED: CallStatus.RESOLVED,
}


@dataclass(frozen=True)
class CallState:
    """Everything a screen, a timer or a report needs to know about one call.

    ``raised_at is None`` means the raise has not reached this node yet (an ack can overtake
    it); the rest is still computed from what is there. Where several events compete, the
    first by ``order_key`` decides who is coming, who arrived and how the call was closed (a
    second close is recorded but changes nothing), and the latest decides the category and
    the customer's feedback (they may correct themselves).
    """

    call_id: str
    kiosk_id: str
    status: CallStatus
    raised_at: float | None
    earliest_at: float  # the earliest event seen; the escalation clock when the raise is missing
    drill: bool
    category: Category
    escalation_level: int
    resignal_level: int
    customer_fine: bool
    received_by: frozenset[str]
    acknowledged_by: str | None  # the one who is coming: the earliest acknowledgement
    acknowledgers: tuple[str, ...]  # everyone who pressed "I'm coming", earliest first
    arrived_by: str | None
    arrived_at: float | None
    resolved_by: str | None
    resolved_at: float | None
    outcome: Outcome | None
    note: str
    helped: bool | None
    # The last time staff were alerted again or showed they are on it: the re-signal clock.
    last_attention_at: float | None
    event_count: int
    # When each kind of event first happened, for drill and incident reports.
    step_times: Mapping[HelpEventKind, float] = field(hash=False)
    # Set only by ``help_presence.with_presence``: who confirmed or promised to come and is
    # no longer there (a silent console, staff signed out). The events alone leave them empty.
    silent_desks: frozenset[str] = frozenset()
    gone_staff: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.raised_at is not None

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def acknowledged_at(self) -> float | None:
        return self.step_times.get(K.ACKNOWLEDGED)


def order_key(event: HelpEvent) -> tuple[float, str, str]:
    """The one order every node agrees on when a "first" or "latest" must be chosen."""
    return (event.at, event.origin, event.id)


def _canonical(event: HelpEvent) -> str:
    return json.dumps(event.to_dict(), sort_keys=True, separators=(",", ":"))


def dedupe(events: Iterable[HelpEvent]) -> list[HelpEvent]:
    """One event per id, sorted by ``order_key``.

    Two different events claiming one id should never exist; if they do, the same one is
    kept everywhere (the smaller canonical form) so merging stays a set union.
    """
    by_id: dict[str, HelpEvent] = {}
    for event in events:
        kept = by_id.get(event.id)
        if kept is None or (kept != event and _canonical(event) < _canonical(kept)):
            by_id[event.id] = event
    return sorted(by_id.values(), key=order_key)


def merge(*stores: Iterable[HelpEvent]) -> frozenset[HelpEvent]:
    """Reconcile the events of several nodes: a union, de-duplicated by id."""
    return frozenset(dedupe(event for store in stores for event in store))


def calls_state(events: Iterable[HelpEvent]) -> dict[str, CallState]:
    """The state of every call the events mention, keyed by call id."""
    by_call: dict[str, list[HelpEvent]] = {}
    for event in dedupe(events):
        by_call.setdefault(event.call_id, []).append(event)
    return {call_id: _state_of_sorted(evs) for call_id, evs in by_call.items()}


def call_state(events: Iterable[HelpEvent]) -> CallState:
    """The state of one call; raises ValueError for no events or events of several calls."""
    ordered = dedupe(events)
    if not ordered:
        raise ValueError("a call state needs at least one event")
    call_ids = {e.call_id for e in ordered}
    if len(call_ids) > 1:
        raise ValueError(f"events of {len(call_ids)} calls given to call_state; use calls_state")
    return _state_of_sorted(ordered)


def _state_of_sorted(ordered: list[HelpEvent]) -> CallState:
    """Fold events already de-duplicated and sorted by ``order_key``."""
    by_kind: dict[HelpEventKind, list[HelpEvent]] = {}
    for event in ordered:
        by_kind.setdefault(event.kind, []).append(event)

    def first(kind: HelpEventKind) -> HelpEvent | None:
        evs = by_kind.get(kind)
        return evs[0] if evs else None

    def last(kind: HelpEventKind) -> HelpEvent | None:
        evs = by_kind.get(kind)
        return evs[-1] if evs else None

    raised = first(K.RAISED)
    category_set = last(K.CATEGORY_SET)
    acknowledged = by_kind.get(K.ACKNOWLEDGED, [])
    arrived = first(K.ARRIVED)
    resolved = first(K.RESOLVED)
    feedback = last(K.FEEDBACK)
    attention = [
        e.at for kind in (K.ACKNOWLEDGED, K.ARRIVED, K.RESIGNALLED) for e in by_kind.get(kind, [])
    ]

    if category_set is not None:
        category = category_set.category
    elif raised is not None:
        category = raised.category
    else:
        category = Category.UNSPECIFIED
    assert category is not None  # raised and category_set events always carry one

    stages = [_STAGE_OF_KIND[e.kind] for e in ordered if e.kind in _STAGE_OF_KIND]
    status = max(stages, key=lambda s: s.stage, default=CallStatus.RAISED)
    return CallState(
        call_id=ordered[0].call_id,
        kiosk_id=ordered[0].kiosk_id if raised is None else raised.kiosk_id,
        status=status,
        raised_at=None if raised is None else raised.at,
        earliest_at=ordered[0].at,
        drill=raised is not None and raised.drill,
        category=category,
        escalation_level=max((e.level for e in by_kind.get(K.ESCALATED, [])), default=0),
        resignal_level=max((e.level for e in by_kind.get(K.RESIGNALLED, [])), default=0),
        customer_fine=K.CUSTOMER_FINE in by_kind,
        received_by=frozenset(e.console_id for e in by_kind.get(K.RECEIVED, []) if e.console_id),
        acknowledged_by=acknowledged[0].staff_id if acknowledged else None,
        acknowledgers=tuple(dict.fromkeys(e.staff_id for e in acknowledged if e.staff_id)),
        arrived_by=None if arrived is None else arrived.staff_id,
        arrived_at=None if arrived is None else arrived.at,
        resolved_by=None if resolved is None else resolved.staff_id,
        resolved_at=None if resolved is None else resolved.at,
        outcome=None if resolved is None else resolved.outcome,
        note="" if resolved is None else resolved.note,
        helped=None if feedback is None else feedback.helped,
        last_attention_at=max(attention, default=None),
        event_count=len(ordered),
        step_times=MappingProxyType({kind: evs[0].at for kind, evs in by_kind.items()}),
    )
