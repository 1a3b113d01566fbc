"""CSV exports of the console's history and reports: the columns are a contract.

Each export is UTF-8 with a byte-order mark (so a spreadsheet opens Chinese text correctly),
comma-separated, one header row with the column names below, and reads back with Python's
``csv.DictReader``. Times are ISO 8601 in the branch's time zone with the offset
(``2026-11-27T09:30:05+08:00``); durations are seconds with one decimal; a value that does
not exist (a step never reached) is an empty cell. Columns are only ever added at the end.

Free text (a note, a name) is written so that a spreadsheet shows it and never runs it: a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (OWASP's rule against CSV injection). A plain number such as ``-1.5`` stays as it is.

calls.csv (every help call, newest first)
    call_id, kiosk_id, kiosk_name, category, drill (yes/no), raised_at, received_at,
    acknowledged_at, acknowledged_by, arrived_at, arrived_by, resolved_at, resolved_by,
    outcome, note, escalation_level, response_s, customer_fine (yes/no),
    helped (yes/no/empty)
response_times.csv (real calls: drills left out)
    grouping (category or day), group, calls_timed, calls_not_acknowledged, median_s, p90_s
queue.csv (each ticket as this console saw it)
    day, number, service_id, priority (yes/no), issued_at, called_at, counter, ended_at,
    ended_how (finished, no_show or empty: not known here), wait_s, service_s
queue_times.csv
    measure (wait_by_service, wait_by_day, service_time_by_service), group, tickets,
    median_s, p90_s
feedback.csv (per day)
    day, good, ok, bad, helped, not_helped
drills.csv (each drill, newest first)
    call_id, kiosk_id, raised_at, received_s, acknowledged_s, arrived_s, resolved_s,
    acknowledged_by, outcome
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.console.queue_watch import TicketRecord
from kiosk.console.reports import DrillRun, FeedbackDay, Figure, response_s
from kiosk.core.config import BranchConfig
from kiosk.core.help.events import HelpEventKind
from kiosk.core.help.state import CallState

K = HelpEventKind
Row = dict[str, str]

CALL_COLUMNS = ("call_id", "kiosk_id", "kiosk_name", "category", "drill", "raised_at",
                "received_at", "acknowledged_at", "acknowledged_by", "arrived_at",
                "arrived_by", "resolved_at", "resolved_by", "outcome", "note",
                "escalation_level", "response_s", "customer_fine", "helped")
RESPONSE_COLUMNS = ("grouping", "group", "calls_timed", "calls_not_acknowledged", "median_s",
                    "p90_s")
QUEUE_COLUMNS = ("day", "number", "service_id", "priority", "issued_at", "called_at",
                 "counter", "ended_at", "ended_how", "wait_s", "service_s")
QUEUE_TIME_COLUMNS = ("measure", "group", "tickets", "median_s", "p90_s")
FEEDBACK_COLUMNS = ("day", "good", "ok", "bad", "helped", "not_helped")
DRILL_COLUMNS = ("call_id", "kiosk_id", "raised_at", "received_s", "acknowledged_s",
                 "arrived_s", "resolved_s", "acknowledged_by", "outcome")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to a spreadsheet."""
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def cell(value: str) -> str:
    """``value`` as a spreadsheet shows it as text, never as a formula."""
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> int:
    """Write ``rows`` under a header of ``columns``; returns how many rows were written."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="raise")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: cell(value) for key, value in row.items()})
            count += 1
    return count


def _time(timezone: str) -> Callable[[float | None], str]:
    zone = ZoneInfo(timezone)

    def fmt(at: float | None) -> str:
        if at is None:
            return ""
        return datetime.fromtimestamp(at, zone).isoformat(timespec="seconds")

    return fmt


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _yes(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def call_rows(calls: Iterable[CallState], config: BranchConfig) -> list[Row]:
    fmt = _time(config.branch.timezone)
    language = config.branch.default_language
    rows = []
    for call in calls:
        device = config.device(call.kiosk_id)
        steps = call.step_times
        rows.append({
            "call_id": call.call_id, "kiosk_id": call.kiosk_id,
            "kiosk_name": device.name.text(language) if device else "",
            "category": call.category.value, "drill": _yes(call.drill),
            "raised_at": fmt(call.raised_at), "received_at": fmt(steps.get(K.RECEIVED)),
            "acknowledged_at": fmt(steps.get(K.ACKNOWLEDGED)),
            "acknowledged_by": call.acknowledged_by or "",
            "arrived_at": fmt(call.arrived_at), "arrived_by": call.arrived_by or "",
            "resolved_at": fmt(call.resolved_at), "resolved_by": call.resolved_by or "",
            "outcome": call.outcome.value if call.outcome else "", "note": call.note,
            "escalation_level": str(call.escalation_level),
            "response_s": _seconds(response_s(call)),
            "customer_fine": _yes(call.customer_fine), "helped": _yes(call.helped),
        })
    return rows


def figure_rows(grouping: str, figures: Iterable[Figure]) -> list[Row]:
    return [{"grouping": grouping, "group": f.group, "calls_timed": str(f.count),
             "calls_not_acknowledged": str(f.untimed), "median_s": _seconds(f.median_s),
             "p90_s": _seconds(f.p90_s)} for f in figures]


def queue_rows(records: Iterable[TicketRecord], timezone: str) -> list[Row]:
    fmt = _time(timezone)
    return [{"day": r.day, "number": r.number, "service_id": r.service_id,
             "priority": _yes(r.priority), "issued_at": fmt(r.issued_at),
             "called_at": fmt(r.called_at), "counter": "" if r.counter is None else
             str(r.counter), "ended_at": fmt(r.ended_at), "ended_how": r.ended_how.value,
             "wait_s": _seconds(r.wait_s), "service_s": _seconds(r.service_s)}
            for r in records]


def queue_time_rows(measures: Mapping[str, Iterable[Figure]]) -> list[Row]:
    return [{"measure": measure, "group": f.group, "tickets": str(f.count),
             "median_s": _seconds(f.median_s), "p90_s": _seconds(f.p90_s)}
            for measure, figures in measures.items() for f in figures]


def feedback_rows(days: Iterable[FeedbackDay]) -> list[Row]:
    return [{"day": d.day, "good": str(d.good), "ok": str(d.ok), "bad": str(d.bad),
             "helped": str(d.helped), "not_helped": str(d.not_helped)} for d in days]


def drill_rows(runs: Iterable[DrillRun], timezone: str) -> list[Row]:
    fmt = _time(timezone)
    rows = []
    for run in runs:
        steps = run.after_raise_s
        rows.append({"call_id": run.call.call_id, "kiosk_id": run.call.kiosk_id,
                     "raised_at": fmt(run.call.raised_at),
                     "received_s": _seconds(steps.get(K.RECEIVED)),
                     "acknowledged_s": _seconds(steps.get(K.ACKNOWLEDGED)),
                     "arrived_s": _seconds(steps.get(K.ARRIVED)),
                     "resolved_s": _seconds(steps.get(K.RESOLVED)),
                     "acknowledged_by": run.call.acknowledged_by or "",
                     "outcome": run.call.outcome.value if run.call.outcome else ""})
    return rows
