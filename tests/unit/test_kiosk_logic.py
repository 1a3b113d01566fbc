"""The kiosk's Qt-free logic: what the customer is told, the idle rule, the screen flow."""

from __future__ import annotations

import pytest

from kiosk.core.customer_settings import VOLUME_STEPS, Rate, TextSize, defaults
from kiosk.core.help.events import (
    Category,
    HelpEvent,
    HelpEventKind,
    Outcome,
    new_follow_up,
    new_raise,
)
from kiosk.core.help.state import call_state
from kiosk.core.help.view import HelpPhase, HelpView, help_view
from kiosk.core.idle import IdleAction, IdleClock, spoken_mark
from kiosk.core.kiosk_flow import COVERS, NEXT, Flow, FlowError, Screen

K = HelpEventKind
RAISED = new_raise("kiosk-1", 100.0, category=Category.MEDICAL)


def follow(kind: HelpEventKind, at: float, **fields: object) -> HelpEvent:
    return new_follow_up(RAISED.call_id, "kiosk-1", kind, "console-1", at,
                         **fields)  # type: ignore[arg-type]


def view(*events: HelpEvent, now: float = 101.0, connected: bool = True,
         consoles: int = 1) -> HelpView:
    return help_view(call_state([RAISED, *events]), now=now, connected=connected,
                     consoles_online=consoles, confirm_grace_s=5.0)


def test_calling_until_a_console_confirms() -> None:
    assert view().phase is HelpPhase.CALLING
    received = follow(K.RECEIVED, 100.5, console_id="console-1")
    assert view(received).phase is HelpPhase.NOTIFIED


@pytest.mark.parametrize(("connected", "consoles", "now"), [
    (False, 1, 100.1),  # no broker: say so at once
    (True, 0, 100.1),  # no console online: say so at once
    (True, 1, 105.0),  # nobody confirmed within the grace time
])
def test_no_staff_reachable_sends_the_customer_to_the_counter(
        connected: bool, consoles: int, now: float) -> None:
    assert view(now=now, connected=connected, consoles=consoles).phase is HelpPhase.NO_STAFF


def test_coming_names_the_first_to_acknowledge_then_arrived_then_closed() -> None:
    received = follow(K.RECEIVED, 100.5, console_id="console-1")
    ack = follow(K.ACKNOWLEDGED, 103.0, staff_id="li-ming")
    late_ack = follow(K.ACKNOWLEDGED, 104.0, staff_id="zhang-wei")
    coming = view(received, late_ack, ack)
    assert (coming.phase, coming.staff_id) == (HelpPhase.COMING, "li-ming")
    arrived = follow(K.ARRIVED, 110.0, staff_id="zhang-wei")
    there = view(received, ack, arrived)
    assert (there.phase, there.staff_id) == (HelpPhase.ARRIVED, "zhang-wei")
    closed = follow(K.RESOLVED, 120.0, staff_id="li-ming", outcome=Outcome.HELPED)
    done = view(received, ack, closed)
    assert done.phase is HelpPhase.CLOSED and not done.can_say_fine


def test_escalated_call_tells_the_customer_what_to_do_meanwhile() -> None:
    received = follow(K.RECEIVED, 100.5, console_id="console-1")
    escalated = new_follow_up(RAISED.call_id, "kiosk-1", K.ESCALATED, "hub", 130.0, level=1)
    assert view(received, escalated).phase is HelpPhase.WAITING_LONG


def test_customer_fine_is_offered_once_and_does_not_close() -> None:
    fine = new_follow_up(RAISED.call_id, "kiosk-1", K.CUSTOMER_FINE, "kiosk-1", 102.0)
    shown = view(fine)
    assert shown.customer_fine and not shown.can_say_fine
    assert shown.phase is HelpPhase.CALLING


def test_idle_warns_after_speech_ends_then_resets() -> None:
    clock = IdleClock(warn_after_s=100, reset_after_warn_s=30)
    clock.activity(0.0)
    clock.speech_started()
    assert clock.poll(500.0) is IdleAction.NONE  # listening is not idle
    clock.speech_ended(500.0)
    assert clock.poll(599.0) is IdleAction.NONE
    assert clock.poll(600.0) is IdleAction.WARN
    assert clock.poll(629.0) is IdleAction.NONE
    assert clock.poll(630.0) is IdleAction.RESET
    assert clock.poll(10_000.0) is IdleAction.NONE  # at rest until someone touches it


def test_the_warning_counts_down_whole_seconds_and_is_said_at_the_marks_only() -> None:
    clock = IdleClock(warn_after_s=100, reset_after_warn_s=30)
    clock.activity(0.0)
    assert clock.seconds_left(50.0) is None  # no warning, no countdown
    assert clock.poll(100.0) is IdleAction.WARN
    assert clock.seconds_left(100.0) == 30
    assert clock.seconds_left(100.4) == 30  # rounded up: never fewer than there are
    assert clock.seconds_left(120.2) == 10
    assert clock.seconds_left(131.0) == 0
    clock.activity(121.0)  # "I need more time"
    assert clock.seconds_left(121.5) is None
    said = [left for previous, left in zip([None, *range(30, 0, -1)], range(30, -1, -1),
                                           strict=True) if spoken_mark(previous, left)]
    assert said == [10]  # the start is said with the warning; then once, not every second
    assert spoken_mark(12, 8)  # a mark passed between two polls is still said
    assert not spoken_mark(None, 8)


def test_more_time_is_unlimited() -> None:
    clock = IdleClock(warn_after_s=10, reset_after_warn_s=5)
    clock.activity(0.0)
    now = 0.0
    for _ in range(20):
        now += 10
        assert clock.poll(now) is IdleAction.WARN
        clock.activity(now)  # "I need more time"
    assert not clock.warning


def test_idle_never_resets_during_an_open_help_call() -> None:
    clock = IdleClock(warn_after_s=10, reset_after_warn_s=5)
    clock.activity(0.0)
    clock.help_open(True, 1.0)
    assert clock.poll(1_000.0) is IdleAction.NONE
    clock.help_open(False, 1_000.0)
    assert clock.poll(1_009.0) is IdleAction.NONE
    assert clock.poll(1_010.0) is IdleAction.WARN


def test_flow_home_back_help_from_anywhere() -> None:
    flow = Flow()
    flow.go(Screen.CATEGORIES)
    flow.go(Screen.QUESTIONS)
    flow.go(Screen.ANSWER)
    assert flow.help() is Screen.HELP
    assert flow.back() is Screen.ANSWER
    assert flow.help() is Screen.HELP
    assert flow.help() is Screen.HELP  # a second tap does not stack another help screen
    assert flow.back() is Screen.ANSWER
    assert flow.home() is Screen.HOME
    assert not flow.can_go_back
    assert flow.back() is Screen.HOME


def test_the_idle_warning_covers_any_screen_and_any_move_takes_it_away() -> None:
    flow = Flow()
    flow.go(Screen.SETTINGS)
    assert flow.cover(Screen.IDLE) is Screen.IDLE
    assert flow.beneath is Screen.SETTINGS
    assert flow.back() is Screen.SETTINGS  # Back is "more time": where the customer was
    assert flow.cover(Screen.IDLE) is Screen.IDLE
    assert flow.help() is Screen.HELP
    assert flow.back() is Screen.SETTINGS  # the warning went with the tap on Help
    flow.cover(Screen.IDLE)
    assert flow.reset() is Screen.HOME and not flow.is_on(Screen.IDLE)


def beneath(flow: Flow) -> Screen:
    return flow.beneath


def test_an_announcement_stays_over_every_screen_but_help_and_the_staff_exit() -> None:
    flow = Flow()
    flow.go(Screen.CATEGORIES)
    flow.go(Screen.QUESTIONS)
    assert flow.cover(Screen.ANNOUNCEMENT) is Screen.ANNOUNCEMENT
    assert flow.back() is Screen.ANNOUNCEMENT and beneath(flow) is Screen.CATEGORIES
    assert flow.help() is Screen.HELP
    assert flow.back() is Screen.ANNOUNCEMENT
    assert flow.home() is Screen.ANNOUNCEMENT and beneath(flow) is Screen.HOME
    assert flow.go(Screen.STAFF_EXIT) is Screen.STAFF_EXIT
    flow.back()
    assert flow.cover(Screen.IDLE) is Screen.ANNOUNCEMENT  # no warning over it
    assert flow.reset() is Screen.ANNOUNCEMENT  # not the customer's: it stays
    assert flow.uncover(Screen.ANNOUNCEMENT) is Screen.HOME


@pytest.mark.parametrize("cover", list(COVERS))
def test_every_cover_is_a_screen_of_the_table(cover: Screen) -> None:
    assert cover in NEXT
    assert Flow().cover(cover) in (cover, *COVERS)


@pytest.mark.parametrize("screen", [screen for screen in Screen if screen not in COVERS])
def test_only_a_cover_can_cover(screen: Screen) -> None:
    with pytest.raises(FlowError):
        Flow().cover(screen)


def test_flow_refuses_a_move_the_table_does_not_allow() -> None:
    flow = Flow()
    with pytest.raises(FlowError):
        flow.go(Screen.ANSWER)


def test_customer_settings_return_to_defaults() -> None:
    settings = defaults("zh_CN").toggled_size().toggled_contrast().louder().toggled_rate()
    assert settings.text_size is TextSize.LARGER and settings.high_contrast
    assert settings.rate is Rate.SLOW
    fresh = defaults("zh_CN")
    assert fresh.text_size is TextSize.LARGE and not fresh.high_contrast
    top = fresh
    for _ in range(10):
        top = top.louder()
    assert top.volume == VOLUME_STEPS - 1
    bottom = fresh
    for _ in range(10):
        bottom = bottom.quieter()
    assert bottom.volume == 0
