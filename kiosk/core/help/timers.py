"""When a help call must be escalated or signalled again, on whatever clock the caller has.

Nothing here reads the time or creates events: the caller passes ``now`` and turns each
``Due`` into an event. Escalation levels are a function of the time since the raise, and the
state keeps the highest level seen, so two nodes that both escalate (a console with the hub
down, and the hub) produce events of the same level and the result is the same as one.

The loop, with the default timing:

- not acknowledged 30 s after the raise: escalate to level 1, then one level more every
  30 s while nobody is coming (a node that was away catches up in one event, at the level
  the time calls for);
- acknowledged or arrived but not closed 180 s after the last sign of attention (an "I'm
  coming", an arrival, or the last re-signal): signal again, one level higher. Staff who
  have arrived must still close the call, so arrival does not stop the loop;
- a customer's "I'm fine" changes nothing: only staff close a call;
- closed: nothing. Drill calls go through the same loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.core.help.events import LEVEL_MAX, HelpEvent, HelpEventKind, new_follow_up
from kiosk.core.help.state import CallState, CallStatus

K = HelpEventKind


@dataclass(frozen=True)
class HelpTiming:
    escalate_after_s: float = 30.0
    resignal_after_s: float = 180.0
    escalate_repeat_s: float = 30.0

    def __post_init__(self) -> None:
        for name in ("escalate_after_s", "resignal_after_s", "escalate_repeat_s"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ValueError(f"{name} must be a positive number of seconds, not {value!r}")


@dataclass(frozen=True)
class Due:
    """An event the caller should create now: ``kind`` at ``level``, due since ``due_at``."""

    kind: HelpEventKind
    level: int
    due_at: float


def event_for_due(state: CallState, due: Due, origin: str, at: float) -> HelpEvent:
    """The event that records ``due``, created by ``origin`` at ``at``."""
    return new_follow_up(state.call_id, state.kiosk_id, due.kind, origin, at, level=due.level)


def escalation_due_at(state: CallState, level: int, timing: HelpTiming) -> float:
    """When ``level`` falls due, counted from the raise (or the earliest event, if unseen)."""
    start = state.raised_at if state.raised_at is not None else state.earliest_at
    return start + timing.escalate_after_s + (level - 1) * timing.escalate_repeat_s


def _escalation_level_at(state: CallState, now: float, timing: HelpTiming) -> int:
    """The highest level due by ``now``, consistent with ``escalation_due_at`` at boundaries."""
    start = state.raised_at if state.raised_at is not None else state.earliest_at
    elapsed = now - start - timing.escalate_after_s
    # A first guess by division, then corrected against the deadlines themselves, because
    # rounding can put the guess one level off exactly at a boundary.
    level = 0 if elapsed < 0 else min(LEVEL_MAX, 1 + int(elapsed // timing.escalate_repeat_s))
    while level < LEVEL_MAX and escalation_due_at(state, level + 1, timing) <= now:
        level += 1
    while level > 0 and escalation_due_at(state, level, timing) > now:
        level -= 1
    return level


def _awaits_acknowledgement(state: CallState) -> bool:
    return state.status in (CallStatus.RAISED, CallStatus.NOTIFIED)


def _awaits_close(state: CallState) -> bool:
    return state.status in (CallStatus.ACKNOWLEDGED, CallStatus.ARRIVED)


def due_signals(state: CallState, now: float, timing: HelpTiming) -> list[Due]:
    """The escalation or re-signal that is due at ``now`` and not yet in the events."""
    if _awaits_acknowledgement(state):
        level = _escalation_level_at(state, now, timing)
        if level > state.escalation_level:
            return [Due(K.ESCALATED, level, escalation_due_at(state, level, timing))]
    elif _awaits_close(state) and state.resignal_level < LEVEL_MAX:
        due_at = _resignal_due_at(state, timing)
        if due_at is not None and now >= due_at:
            return [Due(K.RESIGNALLED, state.resignal_level + 1, due_at)]
    return []


def _resignal_due_at(state: CallState, timing: HelpTiming) -> float | None:
    if state.last_attention_at is None:
        return None
    return state.last_attention_at + timing.resignal_after_s


def next_deadline(state: CallState, timing: HelpTiming) -> float | None:
    """When ``due_signals`` will next return something new: the time to set a timer for.

    None for a closed call. A deadline already past means a signal is due now.
    """
    if _awaits_acknowledgement(state):
        if state.escalation_level >= LEVEL_MAX:
            return None
        return escalation_due_at(state, state.escalation_level + 1, timing)
    if _awaits_close(state) and state.resignal_level < LEVEL_MAX:
        return _resignal_due_at(state, timing)
    return None
