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
from enum import StrEnum

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.hub.ledger import Ledger, LedgerStep
from kiosk.logs import RefusalLog
from kiosk.logs import printable as printable  # where the hub has always found it
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
    STAFF_NOT_SIGNED_IN = "staff_not_signed_in"  # a console's help event in the name of
    # a member of staff who is not the one signed in at that console
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


class Refusals:
    """Count, log and audit every refusal, in one place.

    The audit log gets at most one row per reason and device per ``audit_every_s``: enough
    to show that kiosk-3 was sending garbage at 09:14, without letting a flood of garbage
    flood the append-only log too. The log file is bounded the same way (``RefusalLog``).
    """

    def __init__(self, ledger: Ledger, hub_id: str, audit_every_s: float = 60.0,
                 log_every_s: float = 60.0) -> None:
        self.counter = RejectionCounter()
        self.log = RefusalLog(log, log_every_s)
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
        self.log.refused(str(reason), device_id or "unknown", topic, detail, now)
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
