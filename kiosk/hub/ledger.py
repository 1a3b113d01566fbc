"""The hub's ledger: every help event, queue event and audit event, in one SQLite file.

Help events are facts: stored once by id, never changed (the database refuses UPDATE and
DELETE on them, as on the audit log). A commit is durable when ``add_*`` returns: the hub
acknowledges an event to its sender only after that, which is what lets a kiosk stop
re-sending. WAL with ``synchronous=FULL``: a killed hub or a power cut loses nothing it
acknowledged.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.audit import GENESIS_HASH, AuditEvent, chain_hash, verify_chain
from kiosk.core.help.events import HelpEvent
from kiosk.core.queue.events import QueueEvent
from kiosk.core.sqlite_file import (
    DatabaseFileError,
    NewerSchema,
    Schema,
    open_database,
    schema_version,
)
from kiosk.hub.retention import RetentionResult, purge, read_anchor

log = logging.getLogger(__name__)


class LedgerError(RuntimeError):
    """The ledger cannot be opened or written; the message says why."""


_UNREADABLE = (ValueError, KeyError, TypeError)
"""What a damaged row raises when read: bad UTF-8 and bad JSON are ValueErrors, and so is
an event that breaks the contract (``InvalidEvent``)."""


def read_stored_event(raw: bytes | str) -> HelpEvent:
    """A help event from its stored body; raises one of ``_UNREADABLE`` when damaged."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    loaded = json.loads(text)
    if not isinstance(loaded, dict):
        raise ValueError("the body is not a JSON object")
    return HelpEvent.from_dict(loaded)


def _row_id(raw: object) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def damaged_help_events(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, why) of every stored help event that cannot be read, in storage order.

    Bodies are read as bytes, so a row whose text is no longer UTF-8 is reported here
    rather than failing the whole query."""
    damaged = []
    for raw_id, raw in db.execute("SELECT CAST(id AS BLOB), CAST(body AS BLOB) "
                                  "FROM help_events ORDER BY rowid"):
        try:
            read_stored_event(raw)
        except _UNREADABLE as error:
            damaged.append((_row_id(raw_id), str(error)))
    return damaged


_EVENT_COLUMNS = "CAST(id AS BLOB), CAST(body AS BLOB)"
"""Read as bytes: a body damaged into invalid UTF-8 must not fail the whole query."""

_APPEND_ONLY = """
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE help_events (
        id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        origin TEXT NOT NULL,
        at REAL NOT NULL,
        stored_at REAL NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX help_events_by_call ON help_events (call_id);
    CREATE TABLE queue_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        body TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE staff_actions (
        action_id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        at REAL NOT NULL,
        result TEXT NOT NULL
    );
    CREATE TABLE ticket_tokens (
        token TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        day TEXT NOT NULL,
        expires_at REAL NOT NULL
    );
    """
    + _APPEND_ONLY.format(table="help_events")
    + _APPEND_ONLY.format(table="audit_log"),
    # 2: staff sessions survive a hub restart (stored as a hash: a copied file holds no live
    # token), customers' visit ratings, the hub's own retained values (the announcement),
    # and a status token found again from its ticket when a kiosk re-sends a request.
    """
    CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL,
        console_id TEXT NOT NULL,
        started_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        ended_at REAL
    );
    CREATE TABLE feedback (
        feedback_id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        rating TEXT NOT NULL,
        language TEXT NOT NULL,
        sent_at REAL NOT NULL,
        stored_at REAL NOT NULL
    );
    CREATE TABLE hub_values (
        key TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX ticket_tokens_by_ticket ON ticket_tokens (day, number);
    """
    + _APPEND_ONLY.format(table="feedback"),
    # 3: the language the customer chose for the ticket: its status page speaks it first
    # ('' for tokens issued before: the branch's order)
    """
    ALTER TABLE ticket_tokens ADD COLUMN language TEXT NOT NULL DEFAULT '';
    """,
)

SCHEMA = Schema("ledger", MIGRATIONS)


@dataclass(frozen=True)
class StoredAction:
    action_id: str
    device_id: str
    staff_id: str
    at: float
    result: dict[str, object]


@dataclass(frozen=True)
class StoredSession:
    token_hash: str  # sha256 of the token: the file never holds a usable session
    staff_id: str
    console_id: str
    started_at: float
    expires_at: float


@dataclass(frozen=True)
class StoredFeedback:
    feedback_id: str
    kiosk_id: str
    rating: str
    language: str
    sent_at: float
    stored_at: float


@dataclass(frozen=True)
class LedgerStep:
    """What one step of the hub writes; see :meth:`Ledger.record`."""

    stored_at: float
    help_event: HelpEvent | None = None
    queue_event: QueueEvent | None = None
    token: tuple[str, str, str, float, str] | None = None
    """token, number, day, expires_at, language"""
    action: StoredAction | None = None
    audits: tuple[AuditEvent, ...] = ()


class Ledger:
    """One SQLite connection, used from the hub's worker thread (and, read-only, the status
    page through :meth:`token_lookup`, which takes the lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            self._db = open_database(path, SCHEMA)
        except NewerSchema as error:
            raise LedgerError(str(error)) from error
        except DatabaseFileError as error:
            raise LedgerError(f"{error}. If the file is damaged, keep it for IT and start "
                              "from a backup.") from error
        self._last_hash = self._tail_hash()
        # Help events found unreadable (id -> why): skipped, left in the file for IT (the
        # table is append-only), and reported in /healthz and by `audit verify`.
        self._quarantined: dict[str, str] = {}

    # --- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self._lock)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- help events ----------------------------------------------------------------------

    def add_help_event(self, event: HelpEvent, stored_at: float) -> bool:
        """Store ``event``; False when an event with its id was already stored."""
        with self._transaction():
            return self._insert_help_event(event, stored_at)

    def help_events(self, call_ids: Iterable[str] | None = None) -> list[HelpEvent]:
        with self._lock:
            if call_ids is None:
                rows = self._db.execute(f"SELECT {_EVENT_COLUMNS} FROM help_events "
                                        "ORDER BY at, id")
            else:
                ids = list(call_ids)
                marks = ",".join("?" * len(ids))
                rows = self._db.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM help_events WHERE call_id IN ({marks}) "
                    "ORDER BY at, id", ids)
            return self._readable(rows.fetchall())

    def _readable(self, rows: Iterable[tuple[object, bytes]]) -> list[HelpEvent]:
        """The events of ``rows`` (id, body) that can be read; the others are quarantined."""
        events = []
        for raw_id, raw in rows:
            try:
                events.append(read_stored_event(raw))
            except _UNREADABLE as error:
                self._quarantine(_row_id(raw_id), str(error))
        return events

    def _quarantine(self, event_id: str, why: str) -> None:
        with self._lock:
            if event_id in self._quarantined:
                return
            self._quarantined[event_id] = why
        log.error("ledger %s: help event %s cannot be read (%s); it is quarantined: kept in "
                  "the file for IT, left out of every call. `kiosk audit verify` lists it.",
                  self.path, event_id, why)

    @property
    def quarantined(self) -> dict[str, str]:
        """Help events found unreadable so far: id -> why. Safe from any thread."""
        with self._lock:
            return dict(self._quarantined)

    def help_event_count(self) -> int:
        with self._lock:
            count: int = self._db.execute("SELECT COUNT(*) FROM help_events").fetchone()[0]
            return count

    def stored_times(self, call_id: str) -> dict[str, float]:
        """When the hub stored each event of a call (for response-time reports)."""
        with self._lock:
            rows = self._db.execute("SELECT id, stored_at FROM help_events WHERE call_id = ?",
                                    (call_id,)).fetchall()
        return {row[0]: row[1] for row in rows}

    # --- queue events ---------------------------------------------------------------------

    def add_queue_event(self, event: QueueEvent) -> None:
        with self._transaction():
            self._insert_queue_event(event)

    def queue_events(self, since: float = 0.0) -> list[QueueEvent]:
        with self._lock:
            rows = self._db.execute("SELECT body FROM queue_events WHERE at >= ? ORDER BY seq",
                                    (since,)).fetchall()
        return [QueueEvent.from_dict(json.loads(body)) for (body,) in rows]

    # --- audit log ------------------------------------------------------------------------

    def add_audit(self, event: AuditEvent) -> None:
        with self._transaction():
            last_hash = self._append_audit(self._last_hash, event)
        self._last_hash = last_hash  # only once the row is stored: a failed commit chains on

    def audit_events(self) -> list[AuditEvent]:
        with self._lock:
            rows = self._db.execute("SELECT body FROM audit_log ORDER BY seq").fetchall()
        return [AuditEvent.from_dict(json.loads(body)) for (body,) in rows]

    def verify_audit(self) -> int | None:
        """Index of the first audit row whose hash does not match its chain, or None."""
        with self._lock:
            rows = self._db.execute("SELECT body, hash FROM audit_log ORDER BY seq").fetchall()
        pairs = [(AuditEvent.from_dict(json.loads(body)), digest) for body, digest in rows]
        anchor = read_anchor(self._db)
        return verify_chain(pairs, anchor.hash if anchor else GENESIS_HASH)

    def audit_head(self) -> tuple[int, str]:
        """(rows, hash of the last row): for monitoring to record outside this machine."""
        with self._lock:
            count: int = self._db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
            return count, self._last_hash

    def _tail_hash(self) -> str:
        row = self._db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        if row:
            return str(row[0])
        anchor = read_anchor(self._db)
        return anchor.hash if anchor else GENESIS_HASH

    def apply_retention(self, cutoff: float, now: float) -> RetentionResult:
        """Remove what is older than ``cutoff`` (never an open call); see retention.py."""
        with self._transaction():
            return purge(self._db, cutoff, now)

    # --- staff actions (replay protection) -----------------------------------------------

    def action_result(self, action_id: str) -> StoredAction | None:
        with self._lock:
            row = self._db.execute(
                "SELECT action_id, device_id, staff_id, at, result FROM staff_actions "
                "WHERE action_id = ?", (action_id,)).fetchone()
        if row is None:
            return None
        return StoredAction(row[0], row[1], row[2], row[3], json.loads(row[4]))

    def add_action(self, action: StoredAction) -> None:
        with self._transaction():
            self._insert_action(action)

    # --- status-page tokens ---------------------------------------------------------------

    def add_token(self, token: str, number: str, day: str, expires_at: float,
                  language: str = "") -> None:
        with self._transaction():
            self._insert_token((token, number, day, expires_at, language))

    def token_lookup(self, token: str) -> tuple[str, str, float, str] | None:
        """(number, day, expires_at, language) for a token, or None."""
        with self._lock:
            row = self._db.execute("SELECT number, day, expires_at, language FROM "
                                   "ticket_tokens WHERE token = ?", (token,)).fetchone()
        return (row[0], row[1], row[2], row[3]) if row else None

    def token_for_ticket(self, day: str, number: str) -> str | None:
        """The status token issued with ticket ``number`` of ``day``, or None."""
        with self._lock:
            row = self._db.execute("SELECT token FROM ticket_tokens WHERE day = ? AND number = ?",
                                   (day, number)).fetchone()
        return row[0] if row else None

    # --- one step, one commit ---------------------------------------------------------------

    def record(self, step: LedgerStep) -> bool:
        """Write everything one step of the hub produced in a single transaction.

        A ticket and its status token, a queue change and the staff action that caused it,
        an event and its audit rows: either all are stored or none is, so a hub killed
        between two writes never answers a re-sent request differently from the first time.
        Returns False when ``step.help_event`` was already stored (nothing else is skipped).
        """
        help_new = True
        with self._transaction():
            if step.help_event is not None:
                help_new = self._insert_help_event(step.help_event, step.stored_at)
            if step.queue_event is not None:
                self._insert_queue_event(step.queue_event)
            if step.token is not None:
                self._insert_token(step.token)
            if step.action is not None:
                self._insert_action(step.action)
            last_hash = self._last_hash
            for audit in step.audits:
                last_hash = self._append_audit(last_hash, audit)
        self._last_hash = last_hash
        return help_new

    # The rows each kind of record is written as; callers hold a transaction.

    def _insert_help_event(self, event: HelpEvent, stored_at: float) -> bool:
        """False when an event with its id was already stored."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO help_events "
            "(id, call_id, kiosk_id, kind, origin, at, stored_at, body) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.call_id, event.kiosk_id, str(event.kind), event.origin,
             event.at, stored_at,
             json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False)))
        return cursor.rowcount == 1

    def _insert_queue_event(self, event: QueueEvent) -> None:
        self._db.execute("INSERT INTO queue_events (at, body) VALUES (?, ?)",
                         (event.at, json.dumps(event.to_dict(), sort_keys=True)))

    def _insert_token(self, token: tuple[str, str, str, float, str]) -> None:
        self._db.execute("INSERT INTO ticket_tokens (token, number, day, expires_at, "
                         "language) VALUES (?, ?, ?, ?, ?)", token)

    def _insert_action(self, action: StoredAction) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO staff_actions (action_id, device_id, staff_id, at, "
            "result) VALUES (?, ?, ?, ?, ?)",
            (action.action_id, action.device_id, action.staff_id, action.at,
             json.dumps(action.result, sort_keys=True)))

    def _append_audit(self, last_hash: str, event: AuditEvent) -> str:
        """Write ``event`` chained to ``last_hash``; returns its own hash."""
        digest = chain_hash(last_hash, event)
        self._db.execute("INSERT INTO audit_log (at, body, hash) VALUES (?, ?, ?)",
                         (event.at, json.dumps(event.to_dict(), sort_keys=True,
                                               ensure_ascii=False), digest))
        return digest

    def help_event(self, event_id: str) -> HelpEvent | None:
        """The stored event with this id, or None (also when it is quarantined)."""
        with self._lock:
            row = self._db.execute(f"SELECT {_EVENT_COLUMNS} FROM help_events WHERE id = ?",
                                   (event_id,)).fetchone()
        found = self._readable([row]) if row else []
        return found[0] if found else None

    def help_events_since(self, stored_after: float) -> list[HelpEvent]:
        """Events of every call that has an event stored after ``stored_after``, or that is
        not closed: what the hub needs in memory after a restart."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_EVENT_COLUMNS} FROM help_events WHERE call_id IN ("
                " SELECT call_id FROM help_events GROUP BY call_id"
                " HAVING MAX(stored_at) >= ? OR SUM(kind = 'resolved') = 0)"
                " ORDER BY at, id", (stored_after,)).fetchall()
        return self._readable(rows)

    def help_ids_by_origin(self, since: float) -> dict[str, list[tuple[str, float]]]:
        """``(id, at)`` of the help events that happened at or after ``since``, by the
        device that originated them: what the hub's digests to the devices are made of."""
        with self._lock:
            rows = self._db.execute("SELECT origin, id, at FROM help_events WHERE at >= ?",
                                    (since,)).fetchall()
        by_origin: dict[str, list[tuple[str, float]]] = {}
        for origin, event_id, at in rows:
            by_origin.setdefault(origin, []).append((event_id, at))
        return by_origin

    def resolved_stored_at(self, call_id: str) -> float | None:
        """When the hub stored the first close of a call, or None if it is not closed."""
        with self._lock:
            row = self._db.execute("SELECT MIN(stored_at) FROM help_events "
                                   "WHERE call_id = ? AND kind = 'resolved'",
                                   (call_id,)).fetchone()
        return row[0] if row and row[0] is not None else None

    # --- staff sessions -------------------------------------------------------------------

    def add_session(self, session: StoredSession) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO staff_sessions (token_hash, staff_id, console_id, started_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?)",
                (session.token_hash, session.staff_id, session.console_id, session.started_at,
                 session.expires_at))

    def end_session(self, token_hash: str, ended_at: float) -> None:
        with self._transaction():
            self._db.execute("UPDATE staff_sessions SET ended_at = ? "
                             "WHERE token_hash = ? AND ended_at IS NULL", (ended_at, token_hash))

    def live_sessions(self, now: float) -> list[StoredSession]:
        with self._lock:
            rows = self._db.execute(
                "SELECT token_hash, staff_id, console_id, started_at, expires_at "
                "FROM staff_sessions WHERE ended_at IS NULL AND expires_at > ? "
                "ORDER BY started_at", (now,)).fetchall()
        return [StoredSession(*row) for row in rows]

    def was_signed_in(self, console_id: str, staff_id: str, at: float) -> bool:
        """Whether ``staff_id`` had a session at ``console_id`` at time ``at``."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM staff_sessions WHERE console_id = ? AND staff_id = ? "
                "AND started_at <= ? AND ? < MIN(expires_at, COALESCE(ended_at, expires_at)) "
                "LIMIT 1", (console_id, staff_id, at, at)).fetchone()
        return row is not None

    # --- feedback and the hub's own values ------------------------------------------------

    def add_feedback(self, feedback: StoredFeedback) -> bool:
        """Store a visit rating once; False when its id was already stored."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO feedback (feedback_id, kiosk_id, rating, language, "
                "sent_at, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                (feedback.feedback_id, feedback.kiosk_id, feedback.rating, feedback.language,
                 feedback.sent_at, feedback.stored_at))
        return cursor.rowcount == 1

    def put_value(self, key: str, value: dict[str, object], at: float) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO hub_values (key, body, updated_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET body = excluded.body, "
                             "updated_at = excluded.updated_at",
                             (key, json.dumps(value, sort_keys=True, ensure_ascii=False), at))

    def value(self, key: str) -> dict[str, object] | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM hub_values WHERE key = ?",
                                   (key,)).fetchone()
        if row is None:
            return None
        loaded = json.loads(row[0])
        return loaded if isinstance(loaded, dict) else None

    def ping(self) -> bool:
        """True when the database answers (for /healthz)."""
        try:
            with self._lock:
                self._db.execute("SELECT 1").fetchone()
            return True
        except sqlite3.Error:
            return False


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` under the ledger's lock; rolls back on error."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            self._db.execute("ROLLBACK" if error is not None else "COMMIT")
        finally:
            self._lock.release()
