"""The kiosk's idle rule: ask before resetting, never rush, never during a help call.

The clock starts when the kiosk stops speaking (a customer listening to an answer is not
idle). After ``warn_after_s`` without a touch the kiosk asks "do you need more time?"; the
customer may say yes as often as they like. ``reset_after_warn_s`` later it resets for the
next customer. While a help call is open it never warns or resets.

The warning counts down: it shows the whole seconds left (`seconds_left`, updated as they
pass) in calm words, so "soon" has a number, and says it at the start (with the warning)
and again when a spoken mark (`SPOKEN_MARKS_S`) is passed: often enough to be heard by
someone who looked away, not every second, which would rush the people it is for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

SPOKEN_MARKS_S = (10,)
"""Seconds left at which the countdown is said again (besides the start)."""


def spoken_mark(previous_s: int | None, seconds_left: int) -> bool:
    """Whether the countdown, going from ``previous_s`` to ``seconds_left``, has just passed
    a mark to be said. The start (``previous_s`` None) is said with the warning itself."""
    if previous_s is None:
        return False
    return any(seconds_left <= mark < previous_s for mark in SPOKEN_MARKS_S)


class IdleAction(StrEnum):
    NONE = "none"
    WARN = "warn"  # show and speak "Do you need more time?"
    RESET = "reset"  # back to home with every default, nothing of the last customer kept


@dataclass
class IdleClock:
    warn_after_s: float
    reset_after_warn_s: float
    _last_activity: float = 0.0
    _speaking: bool = False
    _warned_at: float | None = None
    _help_open: bool = False
    _at_rest: bool = True  # on the home screen with defaults: nothing to reset

    def activity(self, now: float) -> None:
        """A touch, a key, a tap on "more time": the customer is here."""
        self._last_activity = now
        self._warned_at = None
        self._at_rest = False

    def speech_started(self) -> None:
        self._speaking = True

    def speech_ended(self, now: float) -> None:
        self._speaking = False
        self._last_activity = max(self._last_activity, now)

    def help_open(self, is_open: bool, now: float) -> None:
        self._help_open = is_open
        if not is_open:
            self._last_activity = max(self._last_activity, now)
        self._warned_at = None

    def at_rest(self) -> None:
        """The kiosk is back at home with defaults (after a reset)."""
        self._at_rest = True
        self._warned_at = None

    @property
    def warning(self) -> bool:
        return self._warned_at is not None

    def seconds_left(self, now: float) -> int | None:
        """Whole seconds until the reset while warning (rounded up, never below 0); None
        when there is no warning."""
        if self._warned_at is None:
            return None
        left = self.reset_after_warn_s - (now - self._warned_at)
        return max(0, math.ceil(left - 1e-9))

    def poll(self, now: float) -> IdleAction:
        if self._help_open or self._speaking or self._at_rest:
            return IdleAction.NONE
        if self._warned_at is None:
            if now - self._last_activity >= self.warn_after_s:
                self._warned_at = now
                return IdleAction.WARN
            return IdleAction.NONE
        if now - self._warned_at >= self.reset_after_warn_s:
            self._warned_at = None
            self._at_rest = True
            return IdleAction.RESET
        return IdleAction.NONE
