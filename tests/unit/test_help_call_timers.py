"""Escalation and re-signalling, driven by a fake clock the way a node drives them."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.state import call_state
from kiosk.core.help.timers import (
    Due,
    HelpTiming,
    due_signals,
    escalation_due_at,
    event_for_due,
    next_deadline,
)

K = HelpEventKind
CALL = "c" * 32
KIOSK = "kiosk-1"
TIMING = HelpTiming()  # 30 s to escalate, then every 30 s; 180 s to signal again


def raised(at: float = 1000.0, drill: bool = False) -> HelpEvent:
    return HelpEvent(CALL, CALL, KIOSK, K.RAISED, KIOSK, at, Category.MEDICAL, drill=drill)


def step(kind: HelpEventKind, at: float, origin: str = "console-1", **fields: Any) -> HelpEvent:
    return new_follow_up(CALL, KIOSK, kind, origin, at, **fields)


class Node:
    """A console or hub running the loop: on every tick it creates what is due, on its clock."""

    def __init__(self, name: str, events: list[HelpEvent], timing: HelpTiming = TIMING) -> None:
        self.name = name
        self.events = events  # shared with other nodes: the merged store
        self.timing = timing
        self.now = 0.0
        self.created: list[tuple[float, HelpEventKind, int]] = []

    def run_until(self, until: float, tick: float = 1.0) -> None:
        while self.now + tick <= until:
            self.now += tick
            self.tick()

    def tick(self) -> None:
        state = call_state(self.events)
        for due in due_signals(state, self.now, self.timing):
            self.events.append(event_for_due(state, due, self.name, self.now))
            self.created.append((self.now, due.kind, due.level))


def test_an_unanswered_call_escalates_after_30_s_and_again_every_30_s() -> None:
    node = Node("hub", [raised()])
    node.now = 1000.0
    node.run_until(1095)
    assert node.created == [(1030, K.ESCALATED, 1), (1060, K.ESCALATED, 2), (1090, K.ESCALATED, 3)]


def test_a_console_confirming_the_call_does_not_stop_escalation() -> None:
    node = Node("hub", [raised(), step(K.RECEIVED, 1001, console_id="console-1")])
    node.now = 1000.0
    node.run_until(1040)
    assert node.created == [(1030, K.ESCALATED, 1)]


def test_the_customer_saying_fine_does_not_stop_escalation() -> None:
    node = Node("hub", [raised(), step(K.CUSTOMER_FINE, 1005, origin=KIOSK)])
    node.now = 1000.0
    node.run_until(1040)
    assert node.created == [(1030, K.ESCALATED, 1)]


def test_nothing_is_due_just_before_the_deadline() -> None:
    state = call_state([raised()])
    assert due_signals(state, 1029.999, TIMING) == []
    assert due_signals(state, 1030.0, TIMING) == [Due(K.ESCALATED, 1, 1030.0)]
    assert next_deadline(state, TIMING) == 1030.0


def test_someone_coming_stops_escalation_and_starts_the_resignal_clock() -> None:
    events = [raised(), step(K.ESCALATED, 1030, origin="hub", level=1)]
    events.append(step(K.ACKNOWLEDGED, 1045, staff_id="wang"))
    node = Node("hub", events)
    node.now = 1045.0
    node.run_until(1600)
    assert node.created == [
        (1225, K.RESIGNALLED, 1),
        (1405, K.RESIGNALLED, 2),
        (1585, K.RESIGNALLED, 3),
    ]


def test_staff_who_arrived_must_still_close_the_call() -> None:
    events = [raised(), step(K.ACKNOWLEDGED, 1010, staff_id="wang")]
    events.append(step(K.ARRIVED, 1100, staff_id="wang"))
    node = Node("hub", events)
    node.now = 1100.0
    node.run_until(1300)
    assert node.created == [(1280, K.RESIGNALLED, 1)]  # counted from the arrival


def test_pressing_im_coming_again_restarts_the_resignal_clock() -> None:
    events = [raised(), step(K.ACKNOWLEDGED, 1010, staff_id="wang")]
    node = Node("hub", events)
    node.now = 1010.0
    node.run_until(1190)
    assert node.created == [(1190, K.RESIGNALLED, 1)]
    events.append(step(K.ACKNOWLEDGED, 1250, origin="console-2", staff_id="zhao"))
    node.run_until(1450)
    assert node.created[1:] == [(1430, K.RESIGNALLED, 2)]


def test_a_closed_call_is_never_signalled() -> None:
    events = [raised(), step(K.RESOLVED, 1020, staff_id="wang", outcome=Outcome.HELPED)]
    state = call_state(events)
    assert due_signals(state, 99_999.0, TIMING) == []
    assert next_deadline(state, TIMING) is None


def test_a_node_that_was_away_catches_up_in_one_event() -> None:
    state = call_state([raised()])
    assert due_signals(state, 1100.0, TIMING) == [Due(K.ESCALATED, 3, 1090.0)]
    acked = call_state([raised(), step(K.ACKNOWLEDGED, 1010, staff_id="wang")])
    assert due_signals(acked, 5000.0, TIMING) == [Due(K.RESIGNALLED, 1, 1190.0)]


def test_two_nodes_escalating_at_once_count_as_one_escalation() -> None:
    events = [raised()]
    hub, console = Node("hub", events), Node("console-2", events)
    hub.now = console.now = 1000.0
    due = due_signals(call_state(events), 1030.0, TIMING)
    # Both decided before seeing each other's event, as happens across a network.
    events.append(event_for_due(call_state(events), due[0], "hub", 1030.0))
    events.append(event_for_due(call_state(events), due[0], "console-2", 1030.2))
    state = call_state(events)
    assert state.escalation_level == 1 and state.event_count == 3
    assert next_deadline(state, TIMING) == 1060.0
    hub.now = console.now = 1030.2
    hub.run_until(1061)
    console.run_until(1061)
    assert hub.created == [(1060.2, K.ESCALATED, 2)] and console.created == []


def test_a_drill_goes_through_the_same_loop() -> None:
    node = Node("console-1", [raised(drill=True)])
    node.now = 1000.0
    node.run_until(1030)
    assert node.created == [(1030, K.ESCALATED, 1)]
    assert call_state(node.events).drill


def test_a_call_seen_without_its_raise_escalates_from_the_earliest_event() -> None:
    state = call_state([step(K.RECEIVED, 1002, console_id="console-1")])
    assert due_signals(state, 1032.0, TIMING) == [Due(K.ESCALATED, 1, 1032.0)]


def test_the_created_event_is_a_valid_signal_for_the_call() -> None:
    state = call_state([raised()])
    event = event_for_due(state, Due(K.ESCALATED, 2, 1060.0), "hub", 1061.0)
    assert (event.call_id, event.kiosk_id, event.kind, event.level) == (CALL, KIOSK, K.ESCALATED, 2)
    assert event.origin == "hub" and event.at == 1061.0


def test_short_timings_for_tests_work_the_same() -> None:
    quick = HelpTiming(escalate_after_s=0.3, resignal_after_s=0.5, escalate_repeat_s=0.1)
    node = Node("hub", [raised(at=0.0)], quick)
    node.run_until(0.55, tick=0.05)
    assert [(kind, level) for _, kind, level in node.created] == [
        (K.ESCALATED, 1),
        (K.ESCALATED, 2),
        (K.ESCALATED, 3),
    ]


@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf])
@pytest.mark.parametrize("name", ["escalate_after_s", "resignal_after_s", "escalate_repeat_s"])
def test_timing_refuses_intervals_that_are_not_positive(name: str, bad: float) -> None:
    with pytest.raises(ValueError, match=name):
        HelpTiming(**{name: bad})


positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False)


@given(st.floats(0, 2e9), positive, positive, st.integers(1, 50))
def test_each_level_falls_due_exactly_at_its_deadline(
    raised_at: float, after: float, repeat: float, level: int
) -> None:
    timing = HelpTiming(escalate_after_s=after, escalate_repeat_s=repeat)
    state = call_state([raised(at=raised_at)])
    deadline = escalation_due_at(state, level, timing)
    assert due_signals(state, deadline, timing)[0].level >= level
    before = math.nextafter(deadline, -math.inf)
    assert all(d.level < level for d in due_signals(state, before, timing))


@given(st.floats(0, 2e9), positive, positive, positive)
def test_next_deadline_is_when_something_new_falls_due(
    raised_at: float, after: float, repeat: float, resignal: float
) -> None:
    timing = HelpTiming(after, resignal, repeat)
    for events in (
        [raised(at=raised_at)],
        [raised(at=raised_at), step(K.ACKNOWLEDGED, raised_at + 1, staff_id="wang")],
    ):
        state = call_state(events)
        deadline = next_deadline(state, timing)
        assert deadline is not None
        assert due_signals(state, math.nextafter(deadline, -math.inf), timing) == []
        assert len(due_signals(state, deadline, timing)) == 1
