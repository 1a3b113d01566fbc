"""Presence is part of help: a silent desk or a signed-out member of staff promises nothing."""

from __future__ import annotations

from typing import Any

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, new_follow_up
from kiosk.core.help.presence import PresenceView, with_presence
from kiosk.core.help.rules import check_new_event
from kiosk.core.help.state import CallStatus, call_state
from kiosk.core.help.timers import HelpTiming, due_signals
from kiosk.core.help.view import HelpPhase, help_view
from kiosk.core.settings import Role
from kiosk.net.liveness import PeerLiveness

K = HelpEventKind
CALL = "c" * 32
KIOSK = "kiosk-1"
TIMING = HelpTiming(escalate_after_s=30, resignal_after_s=180, escalate_repeat_s=30)


def raised(at: float = 100.0) -> HelpEvent:
    return HelpEvent(CALL, CALL, KIOSK, K.RAISED, KIOSK, at, category=Category.UNSPECIFIED)


def step(kind: HelpEventKind, at: float, origin: str = "console-1", **fields: Any) -> HelpEvent:
    return new_follow_up(CALL, KIOSK, kind, origin, at, **fields)


CONFIRMED = [raised(), step(K.RECEIVED, 101, console_id="console-1")]
COMING = [*CONFIRMED, step(K.ACKNOWLEDGED, 110, staff_id="li-ming")]


def test_a_desk_that_confirmed_and_went_silent_no_longer_counts_as_notified() -> None:
    facts = call_state(CONFIRMED)
    assert facts.status is CallStatus.NOTIFIED
    state = with_presence(facts, PresenceView.of({"console-2": None}))
    assert state.status is CallStatus.RAISED
    assert state.silent_desks == {"console-1"}
    # The kiosk sends the customer to the counter (while the call keeps being re-sent), at
    # once, without waiting out the grace a fresh call gets ...
    view = help_view(state, now=102, connected=True, consoles_online=1)
    assert view.phase is HelpPhase.NO_STAFF
    # ... the call escalates as unanswered, and another console may confirm it.
    assert [d.kind for d in due_signals(state, 160, TIMING)] == [K.ESCALATED]
    assert check_new_event(state, step(K.RECEIVED, 160, "console-2",
                                       console_id="console-2")) is None


def test_another_live_desk_that_confirmed_keeps_the_call_notified() -> None:
    events = [*CONFIRMED, step(K.RECEIVED, 102, "console-2", console_id="console-2")]
    state = with_presence(call_state(events), PresenceView.of({"console-2": "wang"}))
    assert state.status is CallStatus.NOTIFIED
    assert state.silent_desks == {"console-1"}
    assert help_view(state, now=120, connected=True, consoles_online=1).phase is \
        HelpPhase.NOTIFIED


def test_staff_who_signed_out_are_no_longer_coming() -> None:
    facts = call_state(COMING)
    assert facts.status is CallStatus.ACKNOWLEDGED and facts.acknowledged_by == "li-ming"
    state = with_presence(facts, PresenceView.of({"console-1": None}))  # signed out
    assert state.status is CallStatus.NOTIFIED
    assert state.acknowledged_by is None and state.gone_staff == ("li-ming",)
    view = help_view(state, now=400, connected=True, consoles_online=1)
    assert view.staff_id is None and view.phase is not HelpPhase.COMING
    # Unanswered again: it escalates (alarms again) at the level the time since the raise
    # calls for.
    due = due_signals(state, 400, TIMING)
    assert [d.kind for d in due] == [K.ESCALATED] and due[0].level == 10


def test_staff_whose_console_died_are_no_longer_coming_and_the_call_is_unanswered() -> None:
    state = with_presence(call_state(COMING), PresenceView.of({}))
    assert state.status is CallStatus.RAISED
    assert state.silent_desks == {"console-1"} and state.gone_staff == ("li-ming",)
    assert help_view(state, now=400, connected=True, consoles_online=0).phase is \
        HelpPhase.NO_STAFF


def test_the_next_present_acknowledger_is_the_one_coming() -> None:
    events = [*COMING, step(K.ACKNOWLEDGED, 115, "console-2", staff_id="wang")]
    state = with_presence(call_state(events),
                          PresenceView.of({"console-1": None, "console-2": "wang"}))
    assert state.status is CallStatus.ACKNOWLEDGED
    assert state.acknowledged_by == "wang" and state.gone_staff == ("li-ming",)


def test_staff_signed_in_at_another_live_desk_are_still_coming() -> None:
    state = with_presence(call_state(COMING), PresenceView.of({"console-2": "li-ming"}))
    assert state.status is CallStatus.ACKNOWLEDGED and state.acknowledged_by == "li-ming"
    assert state.gone_staff == () and state.silent_desks == {"console-1"}


def test_everyone_present_changes_nothing_and_unknown_presence_changes_nothing() -> None:
    facts = call_state(COMING)
    assert with_presence(facts, PresenceView.of({"console-1": "li-ming"})) == facts
    assert with_presence(facts, PresenceView.unknown()) == facts


def test_arrival_and_close_are_facts_not_promises() -> None:
    arrived = call_state([*COMING, step(K.ARRIVED, 130, staff_id="li-ming")])
    assert with_presence(arrived, PresenceView.of({})) == arrived


def test_a_desk_coming_back_restores_the_call_as_it_was() -> None:
    facts = call_state(COMING)
    assert with_presence(facts, PresenceView.of({})) != facts
    assert with_presence(facts, PresenceView.of({"console-1": "li-ming"})) == facts


def test_liveness_knows_nothing_until_it_has_listened_long_enough() -> None:
    peers = PeerLiveness(offline_after_s=15)
    peers.heard("console-1", Role.CONSOLE, 0, staff_id="li-ming")
    assert not peers.staff_presence(5).known  # not connected yet
    peers.listening(1)
    assert not peers.staff_presence(10).known
    peers.heard("console-1", Role.CONSOLE, 12, staff_id="li-ming")
    assert peers.staff_presence(16) == PresenceView(frozenset({"console-1"}),
                                                    frozenset({"li-ming"}))
    # A presence message does not say who is signed in: it leaves the staff as they were.
    peers.heard("console-1", Role.CONSOLE, 20)
    assert peers.staff_presence(21).staff == {"li-ming"}
    peers.heard("console-1", Role.CONSOLE, 22, staff_id=None)  # signed out
    assert peers.staff_presence(23).staff == frozenset()
    assert peers.staff_presence(40) == PresenceView(frozenset(), frozenset())  # silent
    peers.deaf()
    assert not peers.staff_presence(41).known
