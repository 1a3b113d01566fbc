"""Which new commands a call accepts: the buttons a console offers and what the hub refuses."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.rules import (
    ALLOWED_COMMANDS,
    allowed_commands,
    check_belongs,
    check_command,
    check_new_event,
)
from kiosk.core.help.state import CallState, CallStatus, call_state

K = HelpEventKind
CALL = "c" * 32
KIOSK = "kiosk-1"


def raised(drill: bool = False) -> HelpEvent:
    return HelpEvent(CALL, CALL, KIOSK, K.RAISED, KIOSK, 100.0, Category.UNSPECIFIED, drill=drill)


def step(kind: HelpEventKind, at: float = 110.0, **fields: Any) -> HelpEvent:
    return new_follow_up(CALL, KIOSK, kind, "console-1", at, **fields)


def state_of(*events: HelpEvent) -> CallState:
    return call_state(events)


RAISED = state_of(raised())
NOTIFIED = state_of(raised(), step(K.RECEIVED, console_id="console-1"))
ACKNOWLEDGED = state_of(raised(), step(K.ACKNOWLEDGED, staff_id="wang"))
ARRIVED = state_of(
    raised(), step(K.ACKNOWLEDGED, staff_id="wang"), step(K.ARRIVED, staff_id="wang")
)
RESOLVED = state_of(raised(), step(K.RESOLVED, staff_id="wang", outcome=Outcome.HELPED))
OPEN_STATES = [RAISED, NOTIFIED, ACKNOWLEDGED, ARRIVED]


def test_the_example_states_have_the_status_their_name_says() -> None:
    assert [s.status for s in [*OPEN_STATES, RESOLVED]] == list(CallStatus)


def test_the_table_covers_every_status_and_every_kind_is_possible_somewhere() -> None:
    assert set(ALLOWED_COMMANDS) == set(CallStatus)
    possible = set().union(*ALLOWED_COMMANDS.values()) | allowed_commands(None)
    assert possible == set(HelpEventKind)


def test_a_call_nobody_has_seen_can_only_be_raised() -> None:
    assert check_command(None, K.RAISED) is None
    assert (
        check_command(None, K.ACKNOWLEDGED, staff_id="wang") == "no call is known to acknowledged"
    )


@pytest.mark.parametrize("state", [*OPEN_STATES, RESOLVED], ids=lambda s: str(s.status))
def test_raising_the_same_call_twice_is_refused(state: CallState) -> None:
    assert check_command(state, K.RAISED) == "a call with this id already exists"


def test_raising_is_refused_even_before_this_node_has_seen_the_raise() -> None:
    incomplete = state_of(step(K.ACKNOWLEDGED, staff_id="wang"))
    assert check_command(incomplete, K.RAISED) is not None


@pytest.mark.parametrize("state", OPEN_STATES, ids=lambda s: str(s.status))
def test_staff_can_close_an_open_call_from_any_stage(state: CallState) -> None:
    assert check_command(state, K.RESOLVED, staff_id="wang", outcome=Outcome.HELPED) is None


@pytest.mark.parametrize("state", OPEN_STATES, ids=lambda s: str(s.status))
def test_closing_without_an_outcome_is_refused(state: CallState) -> None:
    assert check_command(state, K.RESOLVED, staff_id="wang") == "closing a call needs an outcome"


def test_arriving_before_pressing_im_coming_is_allowed() -> None:
    assert check_command(RAISED, K.ARRIVED, staff_id="wang") is None
    assert check_command(NOTIFIED, K.ARRIVED, staff_id="wang") is None


@pytest.mark.parametrize(
    "kind",
    [K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED, K.CATEGORY_SET, K.CUSTOMER_FINE, K.RECEIVED],
)
def test_a_closed_call_takes_no_more_actions(kind: HelpEventKind) -> None:
    reason = check_command(RESOLVED, kind, outcome=Outcome.HELPED)
    assert reason == f"cannot {kind} a call that is resolved"


def test_feedback_comes_only_after_the_close_and_only_once() -> None:
    for state in OPEN_STATES:
        assert check_command(state, K.FEEDBACK) is not None
    assert check_command(RESOLVED, K.FEEDBACK) is None
    answered = state_of(
        raised(),
        step(K.RESOLVED, staff_id="wang", outcome=Outcome.HELPED),
        step(K.FEEDBACK, 130, helped=True),
    )
    assert check_command(answered, K.FEEDBACK) == "the customer has already answered"


def test_the_customer_can_say_fine_once_while_the_call_is_open() -> None:
    assert check_command(ACKNOWLEDGED, K.CUSTOMER_FINE) is None
    fine = state_of(raised(), step(K.CUSTOMER_FINE))
    assert check_command(fine, K.CUSTOMER_FINE) == "the customer has already said they are fine"


@pytest.mark.parametrize("state", OPEN_STATES, ids=lambda s: str(s.status))
def test_the_category_can_change_while_the_call_is_open(state: CallState) -> None:
    assert check_command(state, K.CATEGORY_SET) is None


def test_escalation_only_while_nobody_is_coming() -> None:
    assert check_command(RAISED, K.ESCALATED, level=1) is None
    assert check_command(NOTIFIED, K.ESCALATED, level=1) is None
    assert check_command(ACKNOWLEDGED, K.ESCALATED, level=1) is not None
    assert check_command(ARRIVED, K.ESCALATED, level=1) is not None


def test_resignal_only_while_someone_is_on_it_but_has_not_closed() -> None:
    assert check_command(RAISED, K.RESIGNALLED, level=1) is not None
    assert check_command(ACKNOWLEDGED, K.RESIGNALLED, level=1) is None
    assert check_command(ARRIVED, K.RESIGNALLED, level=1) is None
    assert check_command(RESOLVED, K.RESIGNALLED, level=1) is not None


def test_a_level_already_reached_is_not_signalled_again() -> None:
    escalated = state_of(raised(), step(K.ESCALATED, 130, level=2))
    assert check_command(escalated, K.ESCALATED, level=2) is not None
    assert check_command(escalated, K.ESCALATED, level=3) is None
    resignalled = state_of(
        raised(), step(K.ACKNOWLEDGED, staff_id="wang"), step(K.RESIGNALLED, 300, level=1)
    )
    assert check_command(resignalled, K.RESIGNALLED, level=1) is not None
    assert check_command(resignalled, K.RESIGNALLED, level=2) is None


def test_a_second_person_may_come_but_the_same_person_only_once() -> None:
    assert check_command(ACKNOWLEDGED, K.ACKNOWLEDGED, staff_id="zhao") is None
    assert check_command(ACKNOWLEDGED, K.ACKNOWLEDGED, staff_id="wang") == "wang is already coming"
    assert check_command(ARRIVED, K.ACKNOWLEDGED, staff_id="zhao") is None


def test_each_console_confirms_a_call_once_and_only_before_someone_is_coming() -> None:
    assert check_command(RAISED, K.RECEIVED, console_id="console-1") is None
    assert check_command(NOTIFIED, K.RECEIVED, console_id="console-1") is not None
    assert check_command(NOTIFIED, K.RECEIVED, console_id="console-2") is None
    assert check_command(ACKNOWLEDGED, K.RECEIVED, console_id="console-2") is not None


def test_a_drill_closes_as_a_drill_and_a_real_call_never_does() -> None:
    drill = state_of(raised(drill=True))
    assert check_command(drill, K.RESOLVED, outcome=Outcome.DRILL) is None
    assert check_command(drill, K.RESOLVED, outcome=Outcome.HELPED) is not None
    assert check_command(RAISED, K.RESOLVED, outcome=Outcome.DRILL) is not None


def test_a_call_whose_raise_is_missing_can_still_be_closed() -> None:
    incomplete = state_of(step(K.ACKNOWLEDGED, staff_id="wang"))
    assert check_command(incomplete, K.RESOLVED, outcome=Outcome.DRILL) is None
    assert check_command(incomplete, K.RESOLVED, outcome=Outcome.HELPED) is None


def test_a_built_event_is_checked_with_all_its_details() -> None:
    assert check_new_event(None, raised()) is None
    ack = step(K.ACKNOWLEDGED, staff_id="wang")
    assert check_new_event(ACKNOWLEDGED, ack) == "wang is already coming"
    assert check_new_event(RESOLVED, step(K.FEEDBACK, helped=True)) is None
    escalation = step(K.ESCALATED, level=1)
    assert check_new_event(RAISED, escalation) is None
    already = state_of(raised(), step(K.ESCALATED, 130, level=1))
    assert check_new_event(already, escalation) is not None


def test_an_event_for_another_call_is_refused() -> None:
    stray = new_follow_up("d" * 32, KIOSK, K.ACKNOWLEDGED, "console-1", 1.0, staff_id="zhao")
    assert check_new_event(RAISED, stray) == "the event belongs to another call"


def test_allowed_commands_are_what_a_console_may_offer() -> None:
    assert allowed_commands(RESOLVED) == {K.FEEDBACK}
    assert K.ESCALATED in allowed_commands(RAISED) and K.RESIGNALLED not in allowed_commands(RAISED)
    assert allowed_commands(None) == {K.RAISED}


def test_the_table_never_filters_facts_already_received() -> None:
    late_ack = step(K.ACKNOWLEDGED, 300, staff_id="zhao")
    assert check_new_event(RESOLVED, late_ack) is not None  # refused as a new command ...
    events = [raised(), step(K.RESOLVED, staff_id="wang", outcome=Outcome.HELPED), late_ack]
    merged = call_state(events)  # ... but recorded when it arrives as a fact
    assert merged.acknowledgers == ("zhao",) and merged.status is CallStatus.RESOLVED


# --- a received event belongs to its call's kiosk ---------------------------------------------


def test_an_event_naming_another_kiosk_than_its_calls_does_not_belong() -> None:
    other = new_follow_up(CALL, "kiosk-2", K.CUSTOMER_FINE, "kiosk-2", 105.0)
    why = check_belongs(RAISED, other)
    assert why is not None and "kiosk-1" in why and "kiosk-2" in why
    assert check_belongs(RAISED, step(K.ACKNOWLEDGED, staff_id="wang")) is None
    assert check_belongs(None, other) is None  # a call nobody has seen: nothing to compare


def test_the_raise_decides_the_kiosk_when_other_events_came_first() -> None:
    overtaken = state_of(new_follow_up(CALL, "kiosk-2", K.CUSTOMER_FINE, "kiosk-2", 105.0))
    assert check_belongs(overtaken, raised()) is None  # a customer's call is never refused
    later = new_follow_up(CALL, "kiosk-2", K.CATEGORY_SET, "kiosk-2", 106.0,
                          category=Category.MEDICAL)
    assert check_belongs(state_of(raised()), later) is not None
