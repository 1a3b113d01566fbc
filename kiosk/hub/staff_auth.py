"""Staff PIN checks: console sign-in, leaving a kiosk's full-screen, closing a call at a kiosk.

Only the hub holds the PIN hashes (scrypt, in its secrets file). A check costs ~50 ms of
scrypt at the production cost, which would hold up every help call behind it if it ran on
the hub's message thread; so it runs through ``run_check`` (a worker thread in the program,
inline in unit tests) and the answer comes back to the message thread. The PIN never reaches
a log, an audit row or a reply.

A re-sent request (same device, same request id) gets the answer the first one got, without
checking the PIN again; a request sent longer ago than the hub's window is dropped as stale.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Mapping

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.core.pins import hash_pin, verify_pin
from kiosk.hub.help_desk import HelpDesk
from kiosk.hub.ledger import Ledger, LedgerStep
from kiosk.hub.pin_gate import PinGate
from kiosk.hub.publisher import Publisher
from kiosk.hub.rejections import HubReject, Refusals
from kiosk.hub.roster import Roster
from kiosk.hub.sessions import Sessions
from kiosk.protocol import Decoded
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal, PinReply, PinRequest

log = logging.getLogger(__name__)

RunCheck = Callable[[Callable[[], bool], Callable[[bool], None]], None]
"""``run_check(check, done)``: run ``check`` (slow) somewhere, then ``done(result)`` on the
hub's message thread."""

REMEMBERED_REPLIES = 512


def run_inline(check: Callable[[], bool], done: Callable[[bool], None]) -> None:
    done(check())


def _cost_of(pin_hash: str) -> int:
    try:
        return int(pin_hash.split("$")[1])
    except (IndexError, ValueError):
        return 2**14


class StaffAuth:
    def __init__(self, *, roster: Roster, pin_hashes: Mapping[str, str], gate: PinGate,
                 sessions: Sessions, help_desk: HelpDesk, ledger: Ledger,
                 publisher: Publisher, refusals: Refusals, run_check: RunCheck,
                 clock: Callable[[], float], window_s: float) -> None:
        self._roster = roster
        self._hashes = dict(pin_hashes)
        self._gate = gate
        self._sessions = sessions
        self._help = help_desk
        self._ledger = ledger
        self._publisher = publisher
        self._refusals = refusals
        self._run_check = run_check
        self._clock = clock
        self._window_s = window_s
        self._pending: set[tuple[str, str]] = set()
        self._answered: OrderedDict[tuple[str, str], PinReply] = OrderedDict()
        # Unknown staff ids are checked against a hash of the same cost, so a wrong id
        # takes as long to refuse as a wrong PIN.
        cost = _cost_of(next(iter(self._hashes.values()), ""))
        self._decoy = hash_pin("00000000", cost=cost)

    def handle(self, decoded: Decoded, now: float) -> None:
        request = decoded.message
        assert isinstance(request, PinRequest)
        device = decoded.sender
        key = (device, request.request_id)
        if key in self._answered:
            log.info("PIN request %s from %s re-sent: answered as before",
                     request.request_id, device)
            self._publisher.reply(device, self._answered[key], now)
            return
        if key in self._pending:
            return  # the first copy is being checked; its answer will come
        if abs(now - decoded.sent_at) > self._window_s:
            self._refusals.refuse(HubReject.STALE, decoded.topic.topic,
                                  f"PIN request sent {now - decoded.sent_at:.0f} s from now",
                                  now, device)
            return
        refused = self._gate.admit(request.staff_id, device, now)
        if refused is not None:
            reason = HubReject.PIN_FLOOD if refused.flood else HubReject.PIN_LOCKED
            self._refusals.refuse(reason, decoded.topic.topic,
                                  f"PIN for staff {request.staff_id!r}: try again in "
                                  f"{refused.retry_after_s:.1f} s", now, device)
            self._answer(key, PinReply(request.request_id, reason=PinRefusal.RATE_LIMITED,
                                       retry_after_s=round(refused.retry_after_s, 1)), now,
                         remember=False)
            return
        known = self._roster.staff(request.staff_id) is not None
        pin_hash = self._hashes.get(request.staff_id) if known else None
        self._pending.add(key)
        pin = request.pin
        checked_hash = pin_hash or self._decoy

        def check() -> bool:
            return verify_pin(pin, checked_hash) and pin_hash is not None

        self._run_check(check, lambda ok: self._checked(decoded, request, ok))

    def _checked(self, decoded: Decoded, request: PinRequest, ok: bool) -> None:
        now = self._clock()
        device = decoded.sender
        key = (device, request.request_id)
        self._pending.discard(key)
        lockout = self._gate.finish(request.staff_id, device, ok, now)
        if not ok:
            log.warning("wrong PIN for staff %r from %s (%s)%s", request.staff_id, device,
                        request.purpose.value,
                        f"; locked for {lockout:g} s" if lockout is not None else "")
            self._audit(AuditAction.STAFF_SIGN_IN_FAILED, device, device, request, now)
            self._answer(key, PinReply(request.request_id, reason=PinRefusal.WRONG_PIN), now)
            return
        purpose = request.purpose
        if purpose is PinPurpose.CONSOLE_SIGN_IN:
            token, expires_at = self._sessions.start(request.staff_id, device, now)
            log.info("staff %s signed in at %s", request.staff_id, device)
            self._audit(AuditAction.STAFF_SIGNED_IN, request.staff_id, device, request, now)
            reply = PinReply(request.request_id, staff_id=request.staff_id, session=token,
                             expires_at=expires_at)
        elif purpose is PinPurpose.KIOSK_EXIT:
            log.info("staff %s unlocked kiosk %s", request.staff_id, device)
            self._audit(AuditAction.KIOSK_EXIT, request.staff_id, device, request, now)
            reply = PinReply(request.request_id, staff_id=request.staff_id)
        else:
            assert request.call_id is not None and request.outcome is not None
            closed = self._help.close_at_kiosk(request.call_id, device, request.staff_id,
                                               request.outcome, now)
            if isinstance(closed, PinRefusal):
                reply = PinReply(request.request_id, reason=closed)
            else:  # the answer first, then the hub's "resolved" (docs/protocol.md)
                self._answer(key, PinReply(request.request_id, staff_id=request.staff_id), now)
                self._help.publish(closed, now)
                return
        self._answer(key, reply, now)

    def _answer(self, key: tuple[str, str], reply: PinReply, now: float,
                remember: bool = True) -> None:
        if remember:
            self._answered[key] = reply
            while len(self._answered) > REMEMBERED_REPLIES:
                self._answered.popitem(last=False)
        self._publisher.reply(key[0], reply, now)

    def _audit(self, action: AuditAction, actor: str, device: str, request: PinRequest,
               now: float) -> None:
        event = AuditEvent.create(now, actor, device, action, subject=request.staff_id,
                                  detail={"purpose": request.purpose.value})
        try:
            self._ledger.record(LedgerStep(now, audits=(event,)))
        except sqlite3.Error as error:  # an audit failure must not lose the answer
            log.error("could not audit %s: %s", action, error)
