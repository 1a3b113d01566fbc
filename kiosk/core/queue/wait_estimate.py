"""The wait estimate, given as a range rather than a single number.

A single number would be wrong nearly every time and an elderly customer would hold us to
it; a range says honestly that it depends. It is built from the day's real service times
at this service (the last `RECENT_SAMPLES` finished tickets, first call to finish), so it
follows a slow afternoon or a missing teller:

- the per-call interval is a service time divided by the number of counters serving the
  service (several counters call it in parallel);
- low = people_ahead x the fast interval (25th percentile), rounded down to a minute:
  the people in line now, served quickly;
- high = (people_ahead + priority_may_pass) x the slow interval (75th percentile), rounded
  up to a minute: the people in line now and the most priority tickets that can still be
  placed in front (`kiosk.core.queue.interleave`; 0 for a priority ticket), served slowly.

With fewer than `MIN_SAMPLES` times the service's configured default stands in for both
percentiles. low <= high always: fast <= slow, and rounding moves them apart.

How a range is worded, the same everywhere, is `kiosk.core.queue.ticket_sentences`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

RECENT_SAMPLES = 20
MIN_SAMPLES = 3


@dataclass(frozen=True)
class CallInterval:
    """Seconds between calls of a service, on a quick day and on a slow one."""

    fast_s: float
    slow_s: float


def call_interval(
    service_times_s: Sequence[float], counters: int, default_service_s: float
) -> CallInterval:
    """The interval between calls, from the most recent service times of the service."""
    recent = list(service_times_s)[-RECENT_SAMPLES:]
    if len(recent) < MIN_SAMPLES:
        fast = slow = default_service_s
    else:
        fast, _median, slow = statistics.quantiles(recent, n=4, method="inclusive")
    return CallInterval(fast_s=fast / counters, slow_s=slow / counters)


def wait_range(people_ahead: int, priority_may_pass: int,
               interval: CallInterval) -> tuple[int, int]:
    """(low, high) seconds until the call, each a whole number of minutes."""
    low_minutes = math.floor(people_ahead * interval.fast_s / 60)
    high_minutes = math.ceil((people_ahead + priority_may_pass) * interval.slow_s / 60)
    return low_minutes * 60, high_minutes * 60

