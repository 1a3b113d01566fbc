"""Noticing a lost customer: each sign makes the offer once, driven with short intervals on
a clock the test holds; "no" is respected until the next customer."""

from __future__ import annotations

import pytest

from kiosk.core.lost_customer import LostSign, LostWatch, OfferState
from kiosk.core.settings import LostSection

RULES = LostSection(back_home_count=3, back_home_window_s=6.0, stray_taps=4,
                    stray_window_s=2.0, stuck_after_s=10.0)


def test_three_backs_within_the_window_offer_help_once() -> None:
    watch = LostWatch(RULES, 0.0)
    watch.went_back_or_home(1.0)
    watch.went_back_or_home(2.0)
    assert watch.check(2.5) is None

    watch.went_back_or_home(3.0)

    assert watch.check(3.0) is LostSign.BACK_AND_FORTH
    assert watch.state is OfferState.OFFERED
    assert watch.check(3.1) is None  # on screen already: not offered twice


def test_backs_spread_wider_than_the_window_are_not_a_sign() -> None:
    watch = LostWatch(RULES, 0.0)
    for at in (0.0, 4.0, 8.0, 12.0):
        watch.went_back_or_home(at)
        assert watch.check(at) is None


def test_touches_outside_controls_are_a_sign_and_touches_on_controls_are_not() -> None:
    watch = LostWatch(RULES, 0.0)
    for at in (0.1, 0.2, 0.3, 0.4, 0.5):
        watch.tapped(at, on_control=True)
    assert watch.check(0.5) is None
    for at in (1.0, 1.5, 2.0):
        watch.tapped(at, on_control=False)
    assert watch.check(2.0) is None
    watch.tapped(2.5, on_control=False)

    assert watch.check(2.5) is LostSign.STRAY_TOUCHES


def test_a_long_time_on_one_screen_while_touching_is_a_sign_but_reading_is_not() -> None:
    watch = LostWatch(RULES, 0.0)
    watch.screen_changed(1.0, home=False)
    assert watch.check(20.0) is None  # reading, not touching: the idle rule's business

    watch.tapped(21.0, on_control=True)

    assert watch.check(21.0) is LostSign.STUCK


def test_moving_on_restarts_the_time_and_home_never_counts() -> None:
    watch = LostWatch(RULES, 0.0)
    watch.tapped(5.0, on_control=True)
    assert watch.check(30.0) is None  # on the home screen
    watch.screen_changed(30.0, home=False)
    watch.tapped(35.0, on_control=True)
    assert watch.check(39.0) is None
    watch.screen_changed(39.0, home=False)
    watch.tapped(45.0, on_control=True)
    assert watch.check(48.0) is None


def test_no_is_respected_for_the_rest_of_the_visit_and_forgotten_for_the_next() -> None:
    watch = LostWatch(RULES, 0.0)
    for at in (1.0, 2.0, 3.0):
        watch.went_back_or_home(at)
    assert watch.check(3.0) is LostSign.BACK_AND_FORTH

    watch.answered(False)

    assert watch.state is OfferState.DECLINED
    for at in (4.0, 5.0, 6.0, 7.0, 8.0):
        watch.went_back_or_home(at)
        watch.tapped(at, on_control=False)
        assert watch.check(at) is None
    watch.reset(100.0)
    assert watch.state is OfferState.WATCHING
    for at in (101.0, 102.0, 103.0):
        watch.went_back_or_home(at)
    assert watch.check(103.0) is LostSign.BACK_AND_FORTH


@pytest.mark.parametrize("off", [{"back_home_count": 0}, {"stray_taps": 0},
                                 {"stuck_after_s": 0.0}])
def test_a_sign_set_to_zero_is_off(off: dict[str, float]) -> None:
    rules = LostSection(**{**RULES.__dict__, **off})  # type: ignore[arg-type]
    watch = LostWatch(rules, 0.0)
    watch.screen_changed(0.0, home=False)
    for at in (1.0, 1.2, 1.4, 1.6):
        if rules.back_home_count == 0:
            watch.went_back_or_home(at)
        if rules.stray_taps == 0:
            watch.tapped(at, on_control=False)
    if rules.stuck_after_s == 0:
        watch.tapped(50.0, on_control=True)
    assert watch.check(50.0 if rules.stuck_after_s == 0 else 1.6) is None
