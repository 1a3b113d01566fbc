"""A call's state is computed from the set of its events, whatever order they came in."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.state import CallStatus, call_state, calls_state, dedupe, merge

K = HelpEventKind
CALL = "c" * 32
KIOSK = "kiosk-1"


def raised(at: float = 100.0, **fields: Any) -> HelpEvent:
    fields.setdefault("category", Category.UNSPECIFIED)
    return HelpEvent(CALL, CALL, KIOSK, K.RAISED, KIOSK, at, **fields)


def step(kind: HelpEventKind, at: float, origin: str = "console-1", **fields: Any) -> HelpEvent:
    return new_follow_up(CALL, KIOSK, kind, origin, at, **fields)


def with_id(event_id: str, kind: HelpEventKind, at: float, origin: str, **fields: Any) -> HelpEvent:
    return HelpEvent(event_id, CALL, KIOSK, kind, origin, at, **fields)


def test_a_fresh_call_waits_for_a_console_to_confirm() -> None:
    state = call_state([raised(category=Category.GUIDANCE)])
    assert state.status is CallStatus.RAISED and state.is_open and state.complete
    assert state.raised_at == 100.0 and state.kiosk_id == KIOSK and state.call_id == CALL
    assert state.category is Category.GUIDANCE
    assert state.acknowledged_by is None and state.received_by == frozenset()
    assert not state.drill and not state.customer_fine


def test_staff_notified_only_once_a_console_confirms() -> None:
    events = [
        raised(),
        step(K.RECEIVED, 101, console_id="console-1"),
        step(K.RECEIVED, 102, origin="console-2", console_id="console-2"),
    ]
    state = call_state(events)
    assert state.status is CallStatus.NOTIFIED
    assert state.received_by == {"console-1", "console-2"}


def test_the_first_to_press_im_coming_is_the_one_going() -> None:
    events = [
        raised(),
        step(K.ACKNOWLEDGED, 112, origin="console-2", staff_id="zhao"),
        step(K.ACKNOWLEDGED, 110, staff_id="wang"),
        step(K.ACKNOWLEDGED, 111, staff_id="wang"),
    ]
    state = call_state(events)
    assert state.status is CallStatus.ACKNOWLEDGED
    assert state.acknowledged_by == "wang" and state.acknowledged_at == 110
    assert state.acknowledgers == ("wang", "zhao")


def test_a_tie_in_time_is_broken_by_origin_then_by_event_id() -> None:
    # The ids are chosen to disagree with the origins, so only the origin can decide here.
    by_origin = [
        raised(),
        with_id("a" * 32, K.ACKNOWLEDGED, 110, "console-b", staff_id="zhao"),
        with_id("b" * 32, K.ACKNOWLEDGED, 110, "console-a", staff_id="wang"),
    ]
    assert call_state(by_origin).acknowledged_by == "wang"
    by_id = [
        raised(),
        with_id("b" * 32, K.ACKNOWLEDGED, 110, "console-1", staff_id="zhao"),
        with_id("a" * 32, K.ACKNOWLEDGED, 110, "console-1", staff_id="wang"),
    ]
    assert call_state(by_id).acknowledged_by == "wang"
    assert call_state(reversed(by_id)).acknowledgers == ("wang", "zhao")


def test_arriving_without_pressing_im_coming_still_counts() -> None:
    state = call_state([raised(), step(K.ARRIVED, 130, staff_id="li")])
    assert state.status is CallStatus.ARRIVED
    assert state.arrived_by == "li" and state.arrived_at == 130
    assert state.acknowledged_by is None


def test_a_resolved_call_keeps_its_outcome_and_note() -> None:
    events = [
        raised(),
        step(K.ACKNOWLEDGED, 110, staff_id="wang"),
        step(K.ARRIVED, 140, staff_id="wang"),
        step(K.RESOLVED, 200, staff_id="wang", outcome=Outcome.AMBULANCE_CALLED, note="120 已到"),
    ]
    state = call_state(events)
    assert state.status is CallStatus.RESOLVED and not state.is_open
    assert state.outcome is Outcome.AMBULANCE_CALLED and state.note == "120 已到"
    assert state.resolved_by == "wang" and state.resolved_at == 200


def test_a_second_close_is_recorded_but_the_first_one_stands() -> None:
    events = [
        raised(),
        step(K.RESOLVED, 200, staff_id="wang", outcome=Outcome.HELPED),
        step(K.RESOLVED, 205, origin="console-2", staff_id="zhao", outcome=Outcome.NO_HELP_NEEDED),
    ]
    state = call_state(events)
    assert state.resolved_by == "wang" and state.outcome is Outcome.HELPED
    assert state.event_count == 3


def test_a_late_acknowledgement_after_the_close_does_not_reopen_the_call() -> None:
    events = [
        raised(),
        step(K.RESOLVED, 200, staff_id="wang", outcome=Outcome.HELPED),
        step(K.ACKNOWLEDGED, 230, origin="console-2", staff_id="zhao"),
        step(K.RECEIVED, 240, origin="console-3", console_id="console-3"),
    ]
    state = call_state(events)
    assert state.status is CallStatus.RESOLVED
    assert state.acknowledgers == ("zhao",) and "console-3" in state.received_by


def test_clock_skew_cannot_move_a_call_backwards() -> None:
    # The console's clock is a minute behind the kiosk's: its ack looks older than the raise.
    events = [raised(at=1000), step(K.ACKNOWLEDGED, 940, staff_id="wang")]
    state = call_state(events)
    assert state.status is CallStatus.ACKNOWLEDGED and state.raised_at == 1000


def test_the_latest_category_wins_and_the_raise_gives_the_first() -> None:
    assert call_state([raised(category=Category.GUIDANCE)]).category is Category.GUIDANCE
    events = [
        raised(),
        step(K.CATEGORY_SET, 104, origin=KIOSK, category=Category.OTHER),
        step(K.CATEGORY_SET, 103, origin=KIOSK, category=Category.MEDICAL),
    ]
    assert call_state(events).category is Category.OTHER


def test_customer_fine_is_a_flag_on_a_call_that_stays_open() -> None:
    state = call_state([raised(), step(K.CUSTOMER_FINE, 120, origin=KIOSK)])
    assert state.customer_fine and state.status is CallStatus.RAISED and state.is_open


def test_escalation_and_resignal_levels_are_the_highest_seen() -> None:
    events = [
        raised(),
        step(K.ESCALATED, 130, origin="hub", level=1),
        step(K.ESCALATED, 131, origin="console-2", level=1),
        step(K.ESCALATED, 160, origin="hub", level=2),
        step(K.ACKNOWLEDGED, 170, staff_id="wang"),
        step(K.RESIGNALLED, 350, origin="hub", level=1),
    ]
    state = call_state(events)
    assert state.escalation_level == 2 and state.resignal_level == 1
    assert state.last_attention_at == 350


def test_the_customers_latest_answer_is_kept() -> None:
    events = [
        raised(),
        step(K.RESOLVED, 200, staff_id="wang", outcome=Outcome.HELPED),
        step(K.FEEDBACK, 210, origin=KIOSK, helped=False),
        step(K.FEEDBACK, 212, origin=KIOSK, helped=True),
    ]
    assert call_state(events).helped is True
    assert call_state(events[:2]).helped is None


def test_every_step_has_the_time_it_first_happened_for_drill_reports() -> None:
    events = [
        raised(drill=True),
        step(K.RECEIVED, 100.4, console_id="console-1"),
        step(K.RECEIVED, 100.9, origin="console-2", console_id="console-2"),
        step(K.ACKNOWLEDGED, 108, staff_id="wang"),
        step(K.ARRIVED, 131, staff_id="wang"),
        step(K.RESOLVED, 150, staff_id="wang", outcome=Outcome.DRILL),
    ]
    state = call_state(events)
    assert state.drill
    assert dict(state.step_times) == {
        K.RAISED: 100.0,
        K.RECEIVED: 100.4,
        K.ACKNOWLEDGED: 108,
        K.ARRIVED: 131,
        K.RESOLVED: 150,
    }


def test_a_call_whose_raise_has_not_arrived_is_shown_as_incomplete() -> None:
    ack = step(K.ACKNOWLEDGED, 110, staff_id="wang")
    state = call_state([ack])
    assert not state.complete and state.raised_at is None
    assert state.status is CallStatus.ACKNOWLEDGED and state.acknowledged_by == "wang"
    assert state.kiosk_id == KIOSK and state.category is Category.UNSPECIFIED
    assert state.earliest_at == 110
    later = call_state([ack, raised(category=Category.MEDICAL)])
    assert later.complete and later.category is Category.MEDICAL and later.earliest_at == 100


def test_call_state_refuses_no_events_and_mixed_calls() -> None:
    with pytest.raises(ValueError, match="at least one"):
        call_state([])
    other = HelpEvent("d" * 32, "d" * 32, KIOSK, K.RAISED, KIOSK, 1.0, Category.OTHER)
    with pytest.raises(ValueError, match="calls_state"):
        call_state([raised(), other])


def test_calls_state_separates_calls() -> None:
    other = HelpEvent("d" * 32, "d" * 32, "kiosk-2", K.RAISED, "kiosk-2", 1.0, Category.OTHER)
    states = calls_state([raised(), other, step(K.ACKNOWLEDGED, 110, staff_id="wang")])
    assert set(states) == {CALL, "d" * 32}
    assert states[CALL].status is CallStatus.ACKNOWLEDGED
    assert states["d" * 32].kiosk_id == "kiosk-2" and states["d" * 32].status is CallStatus.RAISED


def test_the_same_event_delivered_twice_counts_once() -> None:
    ack = step(K.ACKNOWLEDGED, 110, staff_id="wang")
    state = call_state([raised(), ack, ack, HelpEvent.from_dict(ack.to_dict())])
    assert state.event_count == 2 and state.acknowledgers == ("wang",)


def test_two_different_events_under_one_id_resolve_the_same_way_everywhere() -> None:
    first = with_id("e" * 32, K.ACKNOWLEDGED, 110, "console-1", staff_id="wang")
    clash = with_id("e" * 32, K.ACKNOWLEDGED, 111, "console-2", staff_id="zhao")
    assert dedupe([first, clash]) == dedupe([clash, first]) and len(dedupe([first, clash])) == 1
    assert call_state([raised(), first, clash]) == call_state([clash, raised(), first])


# --- properties ---------------------------------------------------------------------------
# Few ids, origins and times, so that ties, duplicates and clashing ids are common.

CALLS = ["1" * 32, "2" * 32, "3" * 32]
EVENT_IDS = [f"{n:032x}" for n in range(10, 22)]
ORIGINS = ["hub", "console-1", "console-2", "kiosk-1"]
STAFF = ["wang", "zhao", "li"]


def _pool_event(rng: random.Random) -> HelpEvent:
    kind = rng.choice(list(HelpEventKind))
    call_id = rng.choice(CALLS)
    fields: dict[str, Any] = {}
    if kind in (K.RAISED, K.CATEGORY_SET):
        fields["category"] = rng.choice(list(Category))
    if kind is K.RAISED:
        fields["drill"] = rng.random() < 0.3
    if kind in (K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED):
        fields["staff_id"] = rng.choice(STAFF)
    if kind is K.RESOLVED:
        fields["outcome"] = rng.choice(list(Outcome))
        fields["note"] = rng.choice(["", "ok", "救护车"])
    if kind is K.RECEIVED:
        fields["console_id"] = rng.choice(ORIGINS[1:3])
    if kind in (K.ESCALATED, K.RESIGNALLED):
        fields["level"] = rng.randint(1, 4)
    if kind is K.FEEDBACK:
        fields["helped"] = rng.random() < 0.5
    return HelpEvent(
        id=call_id if kind is K.RAISED else rng.choice(EVENT_IDS),
        call_id=call_id,
        kiosk_id=rng.choice(["kiosk-1", "kiosk-2"]),
        kind=kind,
        origin=rng.choice(ORIGINS),
        at=float(rng.randint(0, 5)),
        **fields,
    )


# A fixed pool drawn once (Hypothesis then picks, repeats and shuffles from it): cheaper than
# building every event inside Hypothesis, and the small domains keep clashes common.
_rng = random.Random(1069)
POOL = [_pool_event(_rng) for _ in range(160)]


def test_the_pool_holds_every_kind_ties_and_clashing_ids() -> None:
    assert {e.kind for e in POOL} == set(HelpEventKind)
    assert len({e.id for e in POOL}) < len(POOL)
    assert len({(e.at, e.origin) for e in POOL}) < len(POOL)


event_lists = st.lists(st.sampled_from(POOL), max_size=14)


@given(event_lists, st.data())
def test_state_does_not_depend_on_order_or_duplicates(
    events: list[HelpEvent], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(events))
    repeated = data.draw(st.lists(st.sampled_from(events), max_size=10)) if events else []
    assert calls_state(shuffled + repeated) == calls_state(events)


@given(event_lists, event_lists)
def test_merge_is_commutative_and_idempotent(a: list[HelpEvent], b: list[HelpEvent]) -> None:
    assert merge(a, b) == merge(b, a)
    assert merge(a, a) == merge(a)
    assert merge(merge(a, b), b) == merge(a, b)


@given(event_lists, event_lists, event_lists)
def test_merge_is_associative_and_keeps_one_event_per_id(
    a: list[HelpEvent], b: list[HelpEvent], c: list[HelpEvent]
) -> None:
    left, right = merge(merge(a, b), c), merge(a, merge(b, c))
    assert left == right
    assert len({e.id for e in left}) == len(left)
    assert calls_state(left) == calls_state(a + b + c)


@given(event_lists)
def test_every_call_gets_a_state_without_crashing(events: list[HelpEvent]) -> None:
    kept = merge(events)  # an id claimed by two calls is kept for one of them only
    states = calls_state(events)
    assert set(states) == {e.call_id for e in kept}
    for state in states.values():
        mine = [e for e in kept if e.call_id == state.call_id]
        assert state.event_count == len(mine)
        assert state.complete == any(e.kind is K.RAISED for e in mine)
