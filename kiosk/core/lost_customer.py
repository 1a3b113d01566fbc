"""Noticing a customer who is lost, before they give up: a small state machine.

It is fed what the customer does (taps, and whether they hit a control; Back and Home;
moving to another screen) and asked, on the monotonic clock, whether to offer help. The
signs are the branch's (`[lost]` in the branch file; 0 turns a sign off):

- Back or Home pressed `back_home_count` times within `back_home_window_s`;
- `stray_taps` touches outside any control within `stray_window_s`;
- `stuck_after_s` on one screen (not the home screen) while still touching it, without
  moving on.

The offer ("Would you like a member of staff to come and help you?") is made once. "Yes"
is the kiosk's business (a guidance call); "no" is respected for the rest of the visit:
no sign makes the offer again until `reset()` (the idle reset, for the next customer).
"""

from __future__ import annotations

from collections import deque
from enum import StrEnum

from kiosk.core.settings import LostSection


class LostSign(StrEnum):
    BACK_AND_FORTH = "back_and_forth"
    STRAY_TOUCHES = "stray_touches"
    STUCK = "stuck"


class OfferState(StrEnum):
    WATCHING = "watching"
    OFFERED = "offered"  # on screen, waiting for an answer
    ACCEPTED = "accepted"
    DECLINED = "declined"  # "no": not again in this visit


class LostWatch:
    def __init__(self, rules: LostSection, now: float) -> None:
        self.rules = rules
        self.state = OfferState.WATCHING
        self.sign: LostSign | None = None
        self._moves: deque[float] = deque()
        self._strays: deque[float] = deque()
        self._screen_since = now
        self._on_home = True
        self._last_tap: float | None = None

    def reset(self, now: float) -> None:
        """For the next customer: watching again, nothing of this one's taps kept."""
        self.state, self.sign = OfferState.WATCHING, None
        self._moves.clear()
        self._strays.clear()
        self._screen_since, self._on_home, self._last_tap = now, True, None

    # --- what the customer does -----------------------------------------------------------

    def tapped(self, now: float, *, on_control: bool) -> None:
        self._last_tap = now
        if not on_control:
            self._strays.append(now)

    def went_back_or_home(self, now: float) -> None:
        self._moves.append(now)

    def screen_changed(self, now: float, *, home: bool) -> None:
        self._screen_since = now
        self._on_home = home

    # --- the question ---------------------------------------------------------------------

    def check(self, now: float) -> LostSign | None:
        """The sign seen now, if help should be offered now (then the state is OFFERED)."""
        if self.state is not OfferState.WATCHING:
            return None
        sign = self._sign(now)
        if sign is not None:
            self.state, self.sign = OfferState.OFFERED, sign
        return sign

    def answered(self, yes: bool) -> None:
        if self.state is OfferState.OFFERED:
            self.state = OfferState.ACCEPTED if yes else OfferState.DECLINED

    def _sign(self, now: float) -> LostSign | None:
        rules = self.rules
        if _count_within(self._moves, now, rules.back_home_window_s) >= rules.back_home_count \
                and rules.back_home_count > 0:
            return LostSign.BACK_AND_FORTH
        if _count_within(self._strays, now, rules.stray_window_s) >= rules.stray_taps \
                and rules.stray_taps > 0:
            return LostSign.STRAY_TOUCHES
        stuck = rules.stuck_after_s
        if stuck > 0 and not self._on_home and now - self._screen_since >= stuck \
                and self._last_tap is not None and self._last_tap > self._screen_since:
            return LostSign.STUCK
        return None


def _count_within(times: deque[float], now: float, window_s: float) -> int:
    while times and now - times[0] > window_s:
        times.popleft()
    return len(times)
