"""What the hub refused, and why: counted per reason for /healthz, logged, and audited.

The codec refuses what breaks the protocol (``RejectCode``). The hub refuses more, because
it knows the branch: who is in the roster, who is signed in, which action ids it has seen.
Each of those has its own reason here, so a burst of ``no_session`` reads differently from
a burst of ``unknown_device`` on the bank's dashboard. Nothing refused is ever stored, and
nothing already stored is changed by what was refused.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.hub.ledger import Ledger, LedgerStep
from kiosk.protocol import RejectCode

log = logging.getLogger("kiosk.hub")


class HubReject(StrEnum):
    UNKNOWN_DEVICE = "unknown_device"  # the sender is not in the branch roster
    WRONG_ROLE = "wrong_role"  # the sender is in the roster as another kind of device
    UNKNOWN_KIOSK = "unknown_kiosk"  # an event about a kiosk the roster does not list
    UNKNOWN_STAFF = "unknown_staff"  # a help event naming a staff id the roster lacks
    CONFLICTING_EVENT = "conflicting_event"  # a stored event's id with other content
    STALE = "stale"  # sent_at outside the hub's window: a delayed or replayed request
    REPLAYED_ACTION = "replayed_action"  # an action id seen before: answered from the store
    REPLAYED_ELSEWHERE = "replayed_elsewhere"  # another console's action id
    NO_SESSION = "no_session"  # a staff action without a live session for that console
    WRONG_COUNTER = "wrong_counter"  # a console acting for a counter it does not serve
    PIN_FLOOD = "pin_flood"  # too many PIN requests from one device
    PIN_LOCKED = "pin_locked"  # a PIN request for a staff id in its lockout
    REQUEST_CONFLICT = "request_conflict"  # a ticket request id reused for another service
    STORAGE_FAILED = "storage_failed"  # the ledger refused a write: nothing acknowledged
    INTERNAL_ERROR = "internal_error"  # a bug in the hub; the message was dropped, logged


Reason = RejectCode | HubReject


class RejectionCounter:
    """Counts by reason; read from the /healthz thread, written from the hub's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def count(self, reason: Reason) -> None:
        with self._lock:
            self._counts[str(reason)] += 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(sorted(self._counts.items()))

    def __getitem__(self, reason: Reason) -> int:
        with self._lock:
            return self._counts[str(reason)]

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())


def printable(text: str) -> str:
    """``text`` safe for a one-line log: non-ASCII and control characters escaped, so a
    hostile topic cannot forge or garble log lines."""
    return "".join(c if " " <= c <= "~" else ascii(c)[1:-1] for c in text)


IN_FULL = 3
"""Refusals of one reason from one sender logged line by line in each interval."""


@dataclass
class _Window:
    started: float
    logged: int = 0
    summed: int = 0  # refused in this window beyond the first IN_FULL, not logged yet


class RefusalLog:
    """The log lines for refusals, bounded: a flood must not rotate away the history IT
    needs. Per reason and sender, the first ``IN_FULL`` refusals of each interval are logged
    in full; the rest are counted and summed up in one line when the interval is over (from
    ``flush``, called by the hub's timer, or from the next refusal). A flood of any size
    then costs at most ``IN_FULL + 1`` lines per reason and sender per interval; the exact
    counts are on /healthz."""

    MAX_WINDOWS = 10_000

    def __init__(self, every_s: float) -> None:
        self.every_s = every_s
        self._windows: dict[tuple[str, str], _Window] = {}

    def refused(self, reason: Reason, sender: str, topic: str, detail: str,
                now: float) -> None:
        key = (str(reason), sender)
        window = self._windows.get(key)
        if window is None or not 0.0 <= now - window.started < self.every_s:
            if window is not None:
                self._sum_up(key, window, now)
            if len(self._windows) >= self.MAX_WINDOWS:
                self.flush(float("inf"))
            window = self._windows[key] = _Window(now)
        if window.logged >= IN_FULL:
            window.summed += 1
            return
        window.logged += 1
        more = (f" (more {reason} from {printable(sender)} are summed up every "
                f"{self.every_s:g} s)" if window.logged == IN_FULL else "")
        log.warning("dropped %s: %s: %s%s", printable(topic[:200]), reason,
                    printable(detail), more)

    def flush(self, now: float) -> None:
        """Sum up every interval that is over (or, with a clock stepped back, looks it)."""
        for key, window in list(self._windows.items()):
            if not 0.0 <= now - window.started < self.every_s:
                self._sum_up(key, window, now)
                del self._windows[key]

    def _sum_up(self, key: tuple[str, str], window: _Window, now: float) -> None:
        if window.summed:
            log.warning("dropped %d more %s from %s in %.0f s (not logged one by one)",
                        window.summed, key[0], printable(key[1]),
                        max(0.0, min(now, window.started + self.every_s) - window.started))


class Refusals:
    """Count, log and audit every refusal, in one place.

    The audit log gets at most one row per reason and device per ``audit_every_s``: enough
    to show that kiosk-3 was sending garbage at 09:14, without letting a flood of garbage
    flood the append-only log too. The log file is bounded the same way (``RefusalLog``).
    """

    def __init__(self, ledger: Ledger, hub_id: str, audit_every_s: float = 60.0,
                 log_every_s: float = 60.0) -> None:
        self.counter = RejectionCounter()
        self.log = RefusalLog(log_every_s)
        self._ledger = ledger
        self._hub_id = hub_id
        self._audit_every_s = audit_every_s
        self._last_audit: dict[tuple[str, str], float] = {}
        self.storage_failed_at: float | None = None  # for /healthz: the last failed write

    def refuse(self, reason: Reason, topic: str, detail: str, now: float,
               device_id: str | None = None) -> None:
        """``detail`` must never hold a PIN or a token: callers pass the codec's reason
        (which never echoes secrets) or words of their own."""
        self.counter.count(reason)
        self.log.refused(reason, device_id or "unknown", topic, detail, now)
        if reason is HubReject.STORAGE_FAILED:
            self.storage_failed_at = now
            return  # the ledger is the problem: do not try to audit into it
        self._audit(reason, device_id or self._hub_id, now)

    def _audit(self, reason: Reason, device_id: str, now: float) -> None:
        key = (str(reason), device_id)
        last = self._last_audit.get(key)
        if last is not None and now - last < self._audit_every_s:
            return
        if len(self._last_audit) > 10_000:
            self._last_audit.clear()
        self._last_audit[key] = now
        event = AuditEvent.create(now, self._hub_id, self._hub_id,
                                  AuditAction.MESSAGE_REJECTED, subject=device_id,
                                  detail={"reason": str(reason)})
        try:
            self._ledger.record(LedgerStep(now, audits=(event,)))
        except sqlite3.Error as error:
            log.error("could not audit a refusal: %s", error)
