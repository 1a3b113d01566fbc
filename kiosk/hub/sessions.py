"""Staff sessions: what a console shows with every action to prove someone signed in there.

A session is bound to one staff member *and* one console: a token read off one console's
traffic does not work from another. It ends at sign-out, when someone else signs in at that
console, or after ``lifetime_s``. The ledger keeps only a hash of each token, so sessions
survive a hub restart while a copy of the database file holds nothing anyone can use.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from kiosk.hub.ledger import Ledger, StoredSession

log = logging.getLogger(__name__)

TOKEN_BYTES = 24  # 32 url-safe characters


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Sessions:
    def __init__(self, ledger: Ledger, lifetime_s: float) -> None:
        self._ledger = ledger
        self._lifetime_s = lifetime_s
        self._live: dict[str, StoredSession] = {}  # token hash -> session

    def load(self, now: float) -> None:
        self._live = {s.token_hash: s for s in self._ledger.live_sessions(now)}

    def start(self, staff_id: str, console_id: str, now: float) -> tuple[str, float]:
        """A new session (token, expires_at); the console's previous session ends."""
        for session in list(self._live.values()):
            if session.console_id == console_id:
                self._end(session, now)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        session = StoredSession(token_hash(token), staff_id, console_id, now,
                                now + self._lifetime_s)
        self._ledger.add_session(session)
        self._live[session.token_hash] = session
        return token, session.expires_at

    def check(self, token: str, staff_id: str, console_id: str, now: float) -> bool:
        session = self._live.get(token_hash(token))
        if session is None:
            return False
        if now >= session.expires_at:
            self._live.pop(session.token_hash, None)
            return False
        return (hmac.compare_digest(session.staff_id, staff_id)
                and hmac.compare_digest(session.console_id, console_id))

    def end(self, token: str, now: float) -> StoredSession | None:
        session = self._live.get(token_hash(token))
        if session is not None:
            self._end(session, now)
        return session

    def signed_in(self, console_id: str, now: float) -> str | None:
        """Who is signed in at a console now, or None."""
        for session in self._live.values():
            if session.console_id == console_id and now < session.expires_at:
                return session.staff_id
        return None

    def was_signed_in(self, console_id: str, staff_id: str, at: float) -> bool:
        """Whether ``staff_id`` was signed in at ``console_id`` at ``at`` (a step made then,
        arriving late: kept in an outbox while the hub was down, or re-sent after the hub
        lost it)."""
        return self._ledger.was_signed_in(console_id, staff_id, at)

    def _end(self, session: StoredSession, now: float) -> None:
        self._live.pop(session.token_hash, None)
        self._ledger.end_session(session.token_hash, now)
