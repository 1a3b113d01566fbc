"""The hub's side of the help-call loop: store every event, say so, keep the open calls, and
escalate or signal again when nobody answers.

Facts are never refused for coming late. An event from a kiosk or a console has already
happened: consoles alarmed from it, and its sender keeps re-sending it until the hub says it
is stored. So a well-formed event from a device in the roster is stored and acknowledged even
when the lifecycle table (``help_rules``) would not offer that step now, e.g. an "I'm coming"
that arrives after the call was closed; it is counted as a late event and the call's status
still only moves forward. The table guards only what the hub itself originates: escalations,
re-signals, and a close at the kiosk with a staff PIN.

What *is* refused (counted, logged, never stored): an event about a kiosk or staff member the
roster does not list; an event whose id is already stored with other content; an event that
names another kiosk than its call's (``help_rules.check_belongs``: a kiosk or console writing
into a call that is not its own); and a console's event in the name of a member of staff who
is not signed in at that console (``Sessions``: who acts must be who signed in there). The
stored event always stays as it was.

``help.state`` holds every event of every open call, and of calls closed in the last
``keep_resolved_s`` seconds (hub time), so a kiosk restarting just after the close, or a
console that missed the close, still learns the call is over rather than keeping it open.
It is published three ways, so that nobody decodes the whole branch to follow one event:
each new event as a numbered ``help.changes`` (consoles follow it), each changed
kiosk's open calls and latest closed one on its own retained ``hub/state/call/<kiosk>``
(the kiosk reads only its own),
and the whole, retained and at a pace, for a console that joins or missed a change.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable

from kiosk.core.audit import AuditAction, AuditEvent, DetailValue
from kiosk.core.help.events import HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.presence import PresenceView, with_presence
from kiosk.core.help.rules import check_belongs, check_new_event
from kiosk.core.help.state import CallState, call_state, order_key
from kiosk.core.help.timers import HelpTiming, due_signals, event_for_due
from kiosk.core.settings import Role
from kiosk.hub.ledger import Ledger, LedgerStep
from kiosk.hub.publisher import Publisher
from kiosk.hub.rejections import HubReject, Refusals
from kiosk.hub.roster import Roster
from kiosk.hub.sessions import Sessions
from kiosk.protocol import Decoded, RejectCode, topics
from kiosk.protocol.help_messages import (
    MAX_STATE_EVENTS,
    HelpChanges,
    HelpEventMessage,
    HelpState,
)
from kiosk.protocol.pin_messages import PinRefusal

LATE_CALL_SETTLE_S = 3.0
"""A call the hub first learns of with its escalation already overdue (the hub restarted, or
got the call back from a kiosk after losing it) waits this long before the hub escalates it:
the devices re-send within seconds, and the answer may be among what is on its way. Consoles
alarm from their own copy meanwhile."""

FLOOD_OPEN_CALLS = 3
"""More open calls than this from one kiosk is not a customer: it is named for IT."""

log = logging.getLogger(__name__)

K = HelpEventKind


def audit_for(event: HelpEvent, now: float) -> AuditEvent:
    detail: dict[str, DetailValue] = {"kind": str(event.kind), "kiosk": event.kiosk_id}
    if event.category is not None:
        detail["category"] = str(event.category)
    if event.outcome is not None:
        detail["outcome"] = str(event.outcome)
    if event.level:
        detail["level"] = event.level
    if event.drill:
        detail["drill"] = True
    return AuditEvent.create(now, event.staff_id or event.origin, event.origin,
                             AuditAction.HELP_EVENT, subject=event.call_id, detail=detail)


class HelpDesk:
    def __init__(self, *, ledger: Ledger, publisher: Publisher, roster: Roster,
                 refusals: Refusals, timing: HelpTiming, hub_id: str,
                 keep_resolved_s: float, sessions: Sessions,
                 monotonic: Callable[[], float] = time.monotonic,
                 presence: Callable[[float], PresenceView] = lambda now: PresenceView.unknown(),
                 ) -> None:
        self._ledger = ledger
        self._sessions = sessions
        self._presence = presence
        self._monotonic = monotonic
        # call id -> (the call's start on the wall clock, the monotonic time we saw it then)
        self._seen: dict[str, tuple[float, float]] = {}
        # call id -> the monotonic time the hub learnt of a call already overdue
        self._late: dict[str, float] = {}
        self._publisher = publisher
        self._roster = roster
        self._refusals = refusals
        self._timing = timing
        self._hub_id = hub_id
        self._keep_resolved_s = keep_resolved_s
        self._events: dict[str, dict[str, HelpEvent]] = {}  # call id -> event id -> event
        self._states: dict[str, CallState] = {}
        self._closed_at: dict[str, float] = {}  # call id -> when the hub learnt of the close
        self.dirty = False  # help.state must be published again
        self.run = uuid.uuid4().hex
        """This run of the hub: numbers its ``help.changes`` from 1 (``seq``)."""
        self.seq = 0
        self._unsent: dict[str, HelpEvent] = {}  # remembered, not yet in a help.changes
        self._kiosks_changed: set[str] = set()  # whose hub/state/call/<kiosk> is out of date
        self.flooding: frozenset[str] = frozenset()
        """Kiosks with implausibly many open calls. Replaced, never changed in place: the
        worker thread writes it, /healthz reads it from the HTTP thread."""
        self.late_events = 0
        self.on_open_calls_changed: Callable[[int], None] = lambda count: None

    # --- start-up -------------------------------------------------------------------------

    def load(self, now: float) -> None:
        """Take the open and recently closed calls back from the ledger after a restart."""
        for event in self._ledger.help_events_since(now - self._keep_resolved_s):
            self._events.setdefault(event.call_id, {})[event.id] = event
        for call_id, events in self._events.items():
            self._states[call_id] = call_state(events.values())
            self._note_if_late(self._states[call_id], now)
            if not self._states[call_id].is_open:
                stored = self._ledger.resolved_stored_at(call_id)
                self._closed_at[call_id] = stored if stored is not None else now
        self._forget_old_calls(now)
        self.dirty = True
        self._kiosks_changed.update(state.kiosk_id for state in self._states.values())
        self._report_open_calls()

    def republish_all(self, kiosk_ids: Iterable[str]) -> None:
        """Every retained help state is due again (the broker may have forgotten them);
        ``kiosk_ids``: every kiosk of the roster, so one whose calls all left is told so."""
        self.dirty = True
        self._kiosks_changed.update(kiosk_ids)

    # --- queries --------------------------------------------------------------------------

    def call(self, call_id: str) -> CallState | None:
        """The state of a call, from memory or (for one closed long ago) from the ledger."""
        state = self._states.get(call_id)
        if state is not None:
            return state
        stored = self._ledger.help_events([call_id])
        return call_state(stored) if stored else None

    def open_calls(self) -> list[CallState]:
        return [state for state in self._states.values() if state.is_open]

    def has_open_call(self, kiosk_id: str) -> bool:
        return any(state.kiosk_id == kiosk_id for state in self.open_calls())

    def state_message(self, now: float) -> HelpState:
        """Every event of the calls in memory, whole calls only, the newest calls first when
        there are more than a message can hold (open calls before closed ones)."""
        def priority(call_id: str) -> tuple[bool, float]:
            state = self._states[call_id]
            return (not state.is_open, -max(e.at for e in self._events[call_id].values()))

        chosen: list[HelpEvent] = []
        for call_id in sorted(self._events, key=priority):
            events = list(self._events[call_id].values())
            if len(chosen) + len(events) > MAX_STATE_EVENTS:
                log.warning("help.state is full: call %s left out", call_id)
                continue
            chosen.extend(events)
        return HelpState(updated_at=now, events=tuple(sorted(chosen, key=order_key)),
                         run=self.run, seq=self.seq)

    def changes_message(self) -> HelpChanges | None:
        """The events remembered since the last change, numbered; None when there are none.

        Called after each stored event and each step of the hub's own: consoles get what
        changed, not the whole."""
        if not self._unsent:
            return None
        events = tuple(sorted(self._unsent.values(), key=order_key))[:MAX_STATE_EVENTS]
        for event in events:
            del self._unsent[event.id]
        self.seq += 1
        return HelpChanges(run=self.run, seq=self.seq, events=events)

    def kiosk_states(self, now: float, due: Callable[[str], bool] = lambda kiosk: True,
                     ) -> list[tuple[str, HelpState]]:
        """(kiosk id, the events of its open calls and of its latest closed one) for each
        kiosk whose calls changed since it was last given and that is ``due``: what
        ``hub/state/call/<kiosk>`` retains for it. A kiosk raises one call at a time, so
        this stays a few events however many calls it had today: enough for a kiosk
        restarted mid-call, or one that missed the close of the call it shows. A kiosk not
        due stays changed, for a later call."""
        changed = {kiosk for kiosk in self._kiosks_changed if due(kiosk)}
        self._kiosks_changed -= changed
        chosen: dict[str, list[CallState]] = {kiosk: [] for kiosk in changed}
        latest_closed: dict[str, CallState] = {}
        for state in self._states.values():
            if state.kiosk_id not in chosen:
                continue
            if state.is_open:
                chosen[state.kiosk_id].append(state)
            else:
                known = latest_closed.get(state.kiosk_id)
                if known is None or self._last_at(state) > self._last_at(known):
                    latest_closed[state.kiosk_id] = state
        for kiosk, state in latest_closed.items():
            chosen[kiosk].append(state)
        result = []
        for kiosk, states in sorted(chosen.items()):
            events = sorted((e for s in states for e in self._events[s.call_id].values()),
                            key=order_key)[-MAX_STATE_EVENTS:]
            result.append((kiosk, HelpState(updated_at=now, events=tuple(events),
                                            run=self.run, seq=self.seq)))
        return result

    def _last_at(self, state: CallState) -> float:
        return max(e.at for e in self._events[state.call_id].values())

    # --- events from kiosks and consoles --------------------------------------------------

    def receive(self, decoded: Decoded, now: float) -> None:
        message = decoded.message
        assert isinstance(message, HelpEventMessage)
        event = message.event
        where = decoded.topic.topic
        if not self._roster.is_kiosk(event.kiosk_id):
            self._refusals.refuse(HubReject.UNKNOWN_KIOSK, where, f"kiosk {event.kiosk_id!r} "
                                  "is not in the branch roster", now, decoded.sender)
            return
        if event.staff_id is not None and self._roster.staff(event.staff_id) is None:
            self._refusals.refuse(HubReject.UNKNOWN_STAFF, where, f"staff {event.staff_id!r} "
                                  "is not in the branch roster", now, decoded.sender)
            return
        stored = self._ledger.help_event(event.id)
        if stored is not None:
            if stored != event:
                self._refusals.refuse(HubReject.CONFLICTING_EVENT, where,
                                      f"event {event.id} is stored with other content; the "
                                      "stored event is kept", now, decoded.sender)
                return
            self._publisher.ack(decoded.sender, [event.id], now)  # the first ack was lost
            return
        state = self.call(event.call_id)
        wrong_call = check_belongs(state, event)
        if wrong_call is not None:
            self._refusals.refuse(RejectCode.WRONG_CALL, where, wrong_call, now, decoded.sender)
            return
        if event.staff_id is not None and decoded.topic.role is Role.CONSOLE:
            signed_in = self._sessions.signed_in(decoded.sender, now)
            if signed_in != event.staff_id and not self._sessions.was_signed_in(
                    decoded.sender, event.staff_id, event.at):
                here = "nobody" if signed_in is None else repr(signed_in)
                self._refusals.refuse(HubReject.STAFF_NOT_SIGNED_IN, where,
                                      f"{event.kind} in the name of {event.staff_id!r}, but "
                                      f"{here} is signed in at {decoded.sender}", now,
                                      decoded.sender)
                return
        why = check_new_event(state, event)
        if why is not None:
            self.late_events += 1
            log.info("storing a late %s event of call %s from %s: %s", event.kind,
                     event.call_id, event.origin, why)
        if self._store(event, now, where, decoded.sender):
            self._publisher.ack(decoded.sender, [event.id], now)
            if event.kind is K.RAISED:
                self._watch_for_flood(event.kiosk_id)
        else:
            # Not stored, so not acknowledged: its sender re-sends it until it is. It is a
            # fact all the same, and the timers must count it: a refused "I'm coming" must
            # not turn into an escalation of a call someone answered.
            self._remember(event, now)

    def _watch_for_flood(self, kiosk_id: str) -> None:
        """A kiosk raises one call at a time; many open at once means it is broken or its
        credentials are in a stranger's hands. Every call is still stored and shown (a real
        one may be among them); the kiosk is named in /healthz and the log for IT."""
        open_here = sum(1 for s in self._states.values() if s.is_open and s.kiosk_id == kiosk_id)
        if open_here > FLOOD_OPEN_CALLS and kiosk_id not in self.flooding:
            self.flooding = self.flooding | {kiosk_id}
            log.error("kiosk %s has %d open help calls at once: broken, or its credentials "
                      "are misused; every call is kept", kiosk_id, open_here)
        elif open_here <= FLOOD_OPEN_CALLS and kiosk_id in self.flooding:
            self.flooding = self.flooding - {kiosk_id}

    # --- events the hub originates --------------------------------------------------------

    def issue(self, event: HelpEvent, now: float, publish: bool = True,
              state: CallState | None = None) -> str | None:
        """Store (and unless told otherwise publish) an event of the hub's own; the reason
        it may not, or None. ``state``: the call as the rules should judge it (with
        presence applied), if not as its events alone say."""
        why = check_new_event(state or self.call(event.call_id), event)
        if why is not None:
            return why
        if not self._store(event, now, topics.hub_help(self._publisher.branch, event.kiosk_id),
                           self._hub_id):
            return "the ledger could not store it"
        if publish:
            self.publish(event, now)
        return None

    def publish(self, event: HelpEvent, now: float) -> None:
        self._publisher.publish(topics.hub_help(self._publisher.branch, event.kiosk_id),
                                HelpEventMessage(event), now)

    def close_at_kiosk(self, call_id: str, kiosk_id: str, staff_id: str, outcome: Outcome,
                       now: float) -> PinRefusal | HelpEvent:
        """Staff closed the call at the kiosk with their PIN: proof someone went there. The
        ``resolved`` event is stored; the caller answers the PIN request, then publishes it."""
        state = self.call(call_id)
        if state is None or state.kiosk_id != kiosk_id or not state.is_open:
            return PinRefusal.UNKNOWN_CALL
        event = new_follow_up(call_id, kiosk_id, K.RESOLVED, self._hub_id, now,
                              staff_id=staff_id, outcome=outcome)
        why = self.issue(event, now, publish=False)
        if why is not None:
            log.warning("close of call %s at %s refused: %s", call_id, kiosk_id, why)
            return PinRefusal.NOT_PERMITTED
        return event

    def _timer_now(self, state: CallState, now: float) -> float:
        """``now`` for this call's timers, never behind the time that really passed.

        The wall clock can be set back (a wrong NTP step, a hand correction); an unanswered
        call must still escalate on time, so the elapsed monotonic time since the hub first
        saw the call counts too. A clock set forward escalates early: the safe side.
        """
        start = state.raised_at if state.raised_at is not None else state.earliest_at
        seen = self._seen.setdefault(state.call_id, (start, self._monotonic()))
        return max(now, seen[0] + (self._monotonic() - seen[1]))

    def _note_if_late(self, state: CallState, now: float) -> None:
        """Note a call this hub learns of only now, with its escalation already overdue."""
        start = state.raised_at if state.raised_at is not None else state.earliest_at
        if state.is_open and now - start >= self._timing.escalate_after_s:
            self._late.setdefault(state.call_id, self._monotonic())

    def _settling(self, call_id: str) -> bool:
        learnt = self._late.get(call_id)
        return learnt is not None and self._monotonic() - learnt < LATE_CALL_SETTLE_S

    def tick(self, now: float) -> None:
        """Escalate or signal again what is due; let calls closed long enough leave."""
        presence = self._presence(now)
        for facts in list(self._states.values()):
            if not facts.is_open:
                self._seen.pop(facts.call_id, None)
                self._late.pop(facts.call_id, None)
                continue
            # A desk gone silent or staff signed out: the call is unanswered again.
            state = with_presence(facts, presence)
            timer_now = self._timer_now(state, now)
            if self._settling(state.call_id):
                continue
            for due in due_signals(state, timer_now, self._timing):
                event = event_for_due(state, due, self._hub_id, now)
                why = self.issue(event, now, state=state)
                if why is None:
                    log.warning("call %s at %s: %s, level %d", state.call_id, state.kiosk_id,
                                due.kind, due.level)
                else:
                    log.error("call %s: could not record %s: %s", state.call_id, due.kind, why)
        self._forget_old_calls(now)

    # --- internals ------------------------------------------------------------------------

    def _store(self, event: HelpEvent, now: float, where: str, sender: str) -> bool:
        try:
            self._ledger.record(LedgerStep(now, help_event=event, audits=(audit_for(event, now),)))
        except sqlite3.Error as error:
            self._refusals.refuse(HubReject.STORAGE_FAILED, where,
                                  f"event {event.id} not stored, not acknowledged: {error}",
                                  now, sender)
            return False
        self._remember(event, now)
        return True

    def _remember(self, event: HelpEvent, now: float) -> None:
        events = self._events.get(event.call_id)
        learnt = events is None
        if events is None:
            # A call not in memory (closed long ago, or new): start from what is stored.
            events = {e.id: e for e in self._ledger.help_events([event.call_id])}
            self._events[event.call_id] = events
        events[event.id] = event
        self._unsent[event.id] = event
        state = call_state(events.values())
        self._states[event.call_id] = state
        if learnt:
            self._note_if_late(state, now)
        if not state.is_open and event.call_id not in self._closed_at:
            stored = self._ledger.resolved_stored_at(event.call_id)
            self._closed_at[event.call_id] = stored if stored is not None else now
        self.dirty = True
        self._kiosks_changed.add(state.kiosk_id)
        self._report_open_calls()

    def _forget_old_calls(self, now: float) -> None:
        for call_id, closed_at in list(self._closed_at.items()):
            if now - closed_at > self._keep_resolved_s:
                del self._closed_at[call_id]
                self._events.pop(call_id, None)
                gone = self._states.pop(call_id, None)
                if gone is not None:
                    self._kiosks_changed.add(gone.kiosk_id)
                self.dirty = True

    def _report_open_calls(self) -> None:
        self.on_open_calls_changed(len(self.open_calls()))
