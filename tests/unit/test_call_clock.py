"""Each call's timers on a device whose wall clock is wrong or stepped (fake clocks; the
same promise with real processes and libfaketime is in tests/e2e/test_wrong_clocks.py)."""

from __future__ import annotations

from kiosk.core.help.clock import CallClock
from kiosk.core.help.events import new_raise
from kiosk.core.help.state import calls_state
from kiosk.core.help.timers import HelpTiming, due_signals
from tests.helpers.fake_clock import FakeClock

T0 = 1_795_741_200.0
TIMING = HelpTiming(escalate_after_s=30.0, escalate_repeat_s=30.0)


def level(clock: CallClock, call) -> int:  # type: ignore[no-untyped-def]
    due = due_signals(call, clock.now_for(call), TIMING)
    return due[0].level if due else 0


def test_a_console_an_hour_ahead_escalates_on_the_kiosks_time() -> None:
    wall, mono = FakeClock(T0 + 3600), FakeClock(100.0)
    clock = CallClock(wall, mono)
    clock.peer_clock("kiosk-1", T0)  # a heartbeat: the kiosk's clock reads T0 now
    [call] = calls_state([new_raise("kiosk-1", T0)]).values()
    assert level(clock, call) == 0  # not escalated to the top at once
    mono.advance(29.0)
    wall.advance(29.0)
    assert level(clock, call) == 0
    mono.advance(1.0)
    assert level(clock, call) == 1


def test_a_step_of_the_wall_clock_changes_nothing_once_the_call_is_seen() -> None:
    wall, mono = FakeClock(T0), FakeClock(100.0)
    clock = CallClock(wall, mono)
    [call] = calls_state([new_raise("kiosk-1", T0)]).values()
    assert level(clock, call) == 0
    wall.advance(-3600.0)  # set back an hour
    clock.peer_clock("kiosk-1", T0)  # the kiosk's heartbeat: its clock is right
    mono.advance(30.0)
    assert level(clock, call) == 1
    wall.advance(7200.0)  # and an hour ahead
    mono.advance(29.0)
    assert level(clock, call) == 1
    mono.advance(1.0)
    assert level(clock, call) == 2


def test_a_call_seen_late_counts_the_time_it_already_waited() -> None:
    wall, mono = FakeClock(T0 + 45.0), FakeClock(100.0)
    clock = CallClock(wall, mono)
    clock.peer_clock("kiosk-1", T0 + 45.0)
    [call] = calls_state([new_raise("kiosk-1", T0)]).values()
    assert level(clock, call) == 1  # 45 s old when this device started
    clock.keep_only([])
    assert clock.now_for(call) == T0 + 45.0  # seen afresh: the same age, by the heartbeat
