"""The figures staff and the branch manager look at: response times, queue waits, feedback,
drills. Plain functions over what the console holds; no Qt, no clock, no I/O.

Definitions, written once so the screen, the chart and the CSV files agree:

- **Response time** of a help call: from the raise to the first "I'm coming". Drills are
  left out of every real figure (they have their own report), and so are calls nobody
  acknowledged (closed at the kiosk, or still open): those are counted, not timed.
- **Median** and **90th percentile** use the nearest-rank method: the value at rank
  ceil(q * n) of the sorted values. Every figure shown is one of the measured values, never
  an interpolation between two calls; with few calls the 90th percentile is the slowest.
- **Day** is the calendar day in the branch's time zone.
- **Waiting time** of a ticket: from issue to its first call; **service time**: from the
  call until it left the counter, no-shows excluded (see ``queue_watch``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.console.journal import VisitRating
from kiosk.console.queue_watch import TicketRecord
from kiosk.core.help.events import Category, HelpEventKind
from kiosk.core.help.state import CallState

K = HelpEventKind
STEPS = (K.RAISED, K.RECEIVED, K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED)
"""The steps of a call, in the order a report shows their times."""


def nearest_rank(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q`` quantile (0 < q <= 1) of ``values``; ValueError when empty."""
    if not values:
        raise ValueError("no values")
    if not 0 < q <= 1:
        raise ValueError(f"q must be in (0, 1], not {q!r}")
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


@dataclass(frozen=True)
class Figure:
    """Median and 90th percentile of one group (a category, a day, a service)."""

    group: str
    count: int  # values measured
    median_s: float | None
    p90_s: float | None
    untimed: int = 0  # members of the group without a value (e.g. never acknowledged)


def figures(groups: dict[str, list[float]], untimed: dict[str, int] | None = None,
            order: Iterable[str] | None = None) -> list[Figure]:
    untimed = untimed or {}
    names = list(order) if order is not None else sorted(set(groups) | set(untimed))
    out = []
    for name in names:
        values = groups.get(name, [])
        if not values and not untimed.get(name):
            continue
        out.append(Figure(name, len(values),
                          nearest_rank(values, 0.5) if values else None,
                          nearest_rank(values, 0.9) if values else None,
                          untimed.get(name, 0)))
    return out


def local_day(at: float, timezone: str) -> str:
    return datetime.fromtimestamp(at, ZoneInfo(timezone)).strftime("%Y-%m-%d")


def response_s(call: CallState) -> float | None:
    acknowledged = call.acknowledged_at
    if call.raised_at is None or acknowledged is None:
        return None
    return max(0.0, acknowledged - call.raised_at)


def real_calls(calls: Iterable[CallState]) -> list[CallState]:
    return [c for c in calls if not c.drill and c.raised_at is not None]


def response_by_category(calls: Iterable[CallState]) -> list[Figure]:
    return _response_figures(real_calls(calls), lambda c: c.category.value,
                             [c.value for c in Category])


def response_by_day(calls: Iterable[CallState], timezone: str) -> list[Figure]:
    def day(call: CallState) -> str:
        assert call.raised_at is not None
        return local_day(call.raised_at, timezone)

    return _response_figures(real_calls(calls), day, None)


def _response_figures(calls: list[CallState], group: Callable[[CallState], str],
                      order: list[str] | None) -> list[Figure]:
    timed: dict[str, list[float]] = {}
    untimed: dict[str, int] = {}
    for call in calls:
        seconds = response_s(call)
        if seconds is None:
            untimed[group(call)] = untimed.get(group(call), 0) + 1
        else:
            timed.setdefault(group(call), []).append(seconds)
    return figures(timed, untimed, order)


def wait_by_service(records: Iterable[TicketRecord]) -> list[Figure]:
    return _ticket_figures(records, lambda r: r.service_id, lambda r: r.wait_s)


def wait_by_day(records: Iterable[TicketRecord]) -> list[Figure]:
    return _ticket_figures(records, lambda r: r.day, lambda r: r.wait_s)


def service_time_by_service(records: Iterable[TicketRecord]) -> list[Figure]:
    return _ticket_figures(records, lambda r: r.service_id, lambda r: r.service_s)


def _ticket_figures(records: Iterable[TicketRecord], group: Callable[[TicketRecord], str],
                    value: Callable[[TicketRecord], float | None]) -> list[Figure]:
    timed: dict[str, list[float]] = {}
    for record in records:
        seconds = value(record)
        if seconds is not None:
            timed.setdefault(group(record), []).append(seconds)
    return figures(timed)


@dataclass(frozen=True)
class FeedbackDay:
    day: str
    good: int = 0
    ok: int = 0
    bad: int = 0
    helped: int = 0  # after a help call: "were you helped?" yes
    not_helped: int = 0


def feedback_by_day(ratings: Iterable[VisitRating], calls: Iterable[CallState],
                    timezone: str) -> list[FeedbackDay]:
    days: dict[str, dict[str, int]] = {}
    for rating in ratings:
        counts = days.setdefault(local_day(rating.at, timezone), {})
        if rating.rating in ("good", "ok", "bad"):
            counts[rating.rating] = counts.get(rating.rating, 0) + 1
    for call in real_calls(calls):
        if call.helped is None:
            continue
        assert call.raised_at is not None
        counts = days.setdefault(local_day(call.raised_at, timezone), {})
        key = "helped" if call.helped else "not_helped"
        counts[key] = counts.get(key, 0) + 1
    return [FeedbackDay(day, **counts) for day, counts in sorted(days.items())]


@dataclass(frozen=True)
class DrillRun:
    """One drill with the time of every step after the raise (None: not reached)."""

    call: CallState
    after_raise_s: dict[HelpEventKind, float | None]

    @property
    def complete(self) -> bool:
        return self.after_raise_s.get(K.RESOLVED) is not None


def drill_runs(calls: Iterable[CallState]) -> list[DrillRun]:
    runs = []
    for call in calls:
        if not call.drill or call.raised_at is None:
            continue
        start = call.raised_at
        steps = {kind: (None if kind not in call.step_times
                        else max(0.0, call.step_times[kind] - start)) for kind in STEPS}
        runs.append(DrillRun(call, steps))
    return sorted(runs, key=lambda run: run.call.raised_at or 0.0, reverse=True)


def past_calls(calls: Iterable[CallState]) -> list[CallState]:
    """Every call, newest first: the history list."""
    return sorted(calls, key=lambda c: c.raised_at if c.raised_at is not None
                  else c.earliest_at, reverse=True)
