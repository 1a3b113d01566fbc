"""Who is signed in at this console, and when it locks: a small state machine without Qt.

Staff sign in with their PIN, which only the hub can check; the hub answers with a session
token that every queue action, drill and announcement then carries, so each is attributed
to a person. A console nobody touches for ``lock_after_s`` locks: signing in again (the same
person, or someone else) unlocks it. Locked is still signed in: alarms keep sounding and
showing, and the console keeps confirming calls to customers, because the person is still
on duty at that desk.

    signed out ──sign in──▶ checking ──accepted──▶ signed in ──idle──▶ locked
        ▲                      │ refused / no answer                     │ sign in
        └──────────────────────┴──────── sign out ◀──────────────────────┘
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.protocol.pin_messages import PinRefusal, PinReply


class Phase(StrEnum):
    SIGNED_OUT = "signed_out"
    CHECKING = "checking"  # a PIN is with the hub
    SIGNED_IN = "signed_in"
    LOCKED = "locked"


class SignInProblem(StrEnum):
    NO_ANSWER = "no_answer"  # the hub did not answer in time
    NOT_SENT = "not_sent"  # not connected to the broker
    REFUSED = "refused"  # the hub refused: see ``refusal``
    EXPIRED = "expired"  # the session ran out, or the hub no longer knows it


@dataclass(frozen=True)
class Session:
    staff_id: str
    token: str
    expires_at: float


@dataclass(frozen=True)
class SignInResult:
    staff_id: str
    problem: SignInProblem | None = None
    refusal: PinRefusal | None = None
    retry_after_s: float | None = None

    @property
    def accepted(self) -> bool:
        return self.problem is None


class StaffSession:
    def __init__(self, lock_after_s: float) -> None:
        self.lock_after_s = lock_after_s
        self.phase = Phase.SIGNED_OUT
        self.session: Session | None = None
        self._pending: tuple[str, str, float] | None = None  # request id, staff id, deadline
        self._last_activity = 0.0

    @property
    def staff_id(self) -> str | None:
        """Who is on duty here (also while locked); None when signed out."""
        return self.session.staff_id if self.session is not None else None

    @property
    def present(self) -> bool:
        """Someone is signed in (perhaps locked): the console may confirm help calls."""
        return self.session is not None

    @property
    def unlocked(self) -> bool:
        return self.phase is Phase.SIGNED_IN

    @property
    def pending_staff(self) -> str | None:
        return self._pending[1] if self._pending is not None else None

    @property
    def pending_request(self) -> str | None:
        """The id of the PIN request waiting for the hub's answer, if any."""
        return self._pending[0] if self._pending is not None else None

    def begin(self, request_id: str, staff_id: str, now: float, timeout_s: float) -> None:
        self._pending = (request_id, staff_id, now + timeout_s)
        if self.phase is Phase.SIGNED_OUT:
            self.phase = Phase.CHECKING

    def answer(self, reply: PinReply, now: float) -> SignInResult | None:
        """The hub's answer; None when it answers nothing this console is waiting for."""
        if self._pending is None or reply.request_id != self._pending[0]:
            return None
        staff_id = self._pending[1]
        self._pending = None
        if not reply.ok or reply.session is None or reply.expires_at is None:
            self._back_from_checking()
            return SignInResult(staff_id, SignInProblem.REFUSED, reply.reason,
                                reply.retry_after_s)
        self.session = Session(reply.staff_id or staff_id, reply.session, reply.expires_at)
        self.phase = Phase.SIGNED_IN
        self._last_activity = now
        return SignInResult(self.session.staff_id)

    def fail(self, request_id: str, problem: SignInProblem) -> SignInResult | None:
        """The PIN never reached the hub, or the hub never answered."""
        if self._pending is None or request_id != self._pending[0]:
            return None
        staff_id = self._pending[1]
        self._pending = None
        self._back_from_checking()
        return SignInResult(staff_id, problem)

    def _back_from_checking(self) -> None:
        if self.phase is Phase.CHECKING:
            self.phase = Phase.SIGNED_OUT

    def activity(self, now: float) -> None:
        """Someone used the console: the idle clock starts again."""
        self._last_activity = now

    def tick(self, now: float, wall: float | None = None) -> SignInResult | None:
        """Time passes: a PIN check may time out, the console may lock or the session end.
        Returns the result of a sign-in that ended (timed out or expired), if any.

        ``now`` times the waits (monotonic in the console: a wall clock set back must not
        keep an unattended console unlocked); ``wall`` (default ``now``) is compared with
        the session's end, a time on the hub's clock."""
        if self._pending is not None and now >= self._pending[2]:
            staff_id = self._pending[1]
            self._pending = None
            self._back_from_checking()
            return SignInResult(staff_id, SignInProblem.NO_ANSWER)
        if self.session is not None and (now if wall is None else wall) >= \
                self.session.expires_at:
            return self.expire()
        if self.phase is Phase.SIGNED_IN and now - self._last_activity >= self.lock_after_s:
            self.lock()
        return None

    def lock(self) -> None:
        if self.phase is Phase.SIGNED_IN:
            self.phase = Phase.LOCKED

    def expire(self) -> SignInResult | None:
        """The hub no longer accepts the session (it ran out, or was ended elsewhere)."""
        if self.session is None:
            return None
        staff_id = self.session.staff_id
        self.sign_out()
        return SignInResult(staff_id, SignInProblem.EXPIRED)

    def sign_out(self) -> None:
        self.session = None
        self._pending = None
        self.phase = Phase.SIGNED_OUT
