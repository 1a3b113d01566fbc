"""A process whose wall clock is wrong, and can be stepped while it runs (libfaketime).

The offset lives in a file libfaketime re-reads on every call (``FAKETIME_NO_CACHE``), so a
test moves the process's clock with ``step("-1h")``, as a bad NTP answer or a hand
correction would. CLOCK_MONOTONIC stays real (``FAKETIME_DONT_FAKE_MONOTONIC``): that is
the clock a program must time its timers on.

libfaketime 0.9.10 (Debian 12) gets ``clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)``
wrong when monotonic time is not faked (wolfcw/libfaketime#426): Python 3.11's
``time.sleep`` fails with EINVAL in such a process. Event waits, queue timeouts, select
and Qt's timers are unaffected, so the kiosk and console run normally as long as the
broker is up (paho sleeps only between reconnect attempts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


class SteppedClock:
    def __init__(self, folder: Path, offset: str = "+0") -> None:
        if not LIBFAKETIME.exists():
            pytest.skip("needs Debian's libfaketime (apt-get install faketime)")
        folder.mkdir(parents=True, exist_ok=True)
        self.file = folder / "faketime-offset"
        self.step(offset)

    def step(self, offset: str) -> None:
        """Set the process's clock ``offset`` from the real time: ``-1h``, ``+3600``..."""
        self.file.write_text(offset + "\n", encoding="ascii")

    @property
    def env(self) -> dict[str, str]:
        return {"LD_PRELOAD": str(LIBFAKETIME), "FAKETIME_TIMESTAMP_FILE": str(self.file),
                "FAKETIME_NO_CACHE": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
