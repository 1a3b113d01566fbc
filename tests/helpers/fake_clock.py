"""The one clock a test moves (wall or monotonic: the code under test takes a callable).

Standing still by default: it reads ``now`` until the test moves it. Given ``follow`` (such
as ``time.monotonic``) it runs with that clock instead, ahead by whatever the test skipped,
for code whose Qt timers run in real time while the test lets more time pass.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

#: 10:00 in the branch's zone (2026-11-27, Asia/Shanghai): far from midnight, where the
#: business day changes.
START = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()


class FakeClock:
    def __init__(self, now: float = START, *, follow: Callable[[], float] | None = None) -> None:
        self.now = now
        self.ahead = 0.0
        self._follow = follow
        self.last = self.now if follow is None else follow()
        """The last reading: the moment the code under test acted on."""

    def __call__(self) -> float:
        self.last = self.now if self._follow is None else self._follow() + self.ahead
        return self.last

    def advance(self, seconds: float) -> float:
        """Move the clock on (or back, for a negative step); return the new time."""
        if self._follow is None:
            self.now += seconds
            return self.now
        self.ahead += seconds
        return self._follow() + self.ahead
