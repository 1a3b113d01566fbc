"""Retention: records older than the branch's retention period leave the ledger.

The ledger is append-only for the hub's daily work; retention is the one sanctioned way
out, done in a single transaction that lifts the append-only triggers only for itself. It
never removes an open help call. The audit log keeps verifying after it: the hash and
number of the last removed row are kept as the chain's new anchor, so ``audit verify``
checks the rows that remain from there.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

ANCHOR_KEY = "audit_anchor"
_GUARDED = ("help_events", "audit_log", "feedback")
_TRIGGERS = (
    "CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
    "BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
    "CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
    "BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
)


@dataclass(frozen=True)
class RetentionResult:
    help_events: int
    queue_events: int
    audit_rows: int
    other_rows: int

    @property
    def total(self) -> int:
        return self.help_events + self.queue_events + self.audit_rows + self.other_rows


@dataclass(frozen=True)
class AuditAnchor:
    seq: int  # the last removed row; the chain goes on at seq + 1
    hash: str


def read_anchor(db: sqlite3.Connection) -> AuditAnchor | None:
    try:
        row = db.execute("SELECT body FROM hub_values WHERE key = ?", (ANCHOR_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    data = json.loads(row[0])
    return AuditAnchor(int(data["seq"]), str(data["hash"]))


def purge(db: sqlite3.Connection, cutoff: float, now: float) -> RetentionResult:
    """Delete what is older than ``cutoff``; call inside the ledger's write transaction."""
    for table in _GUARDED:
        db.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        db.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    try:
        closed_old = [row[0] for row in db.execute(
            "SELECT call_id FROM help_events GROUP BY call_id "
            "HAVING MAX(stored_at) < ? AND SUM(kind = 'resolved') > 0", (cutoff,))]
        help_rows = sum(db.execute("DELETE FROM help_events WHERE call_id = ?",
                                   (call_id,)).rowcount for call_id in closed_old)
        queue_rows = db.execute("DELETE FROM queue_events WHERE at < ?", (cutoff,)).rowcount
        last = db.execute("SELECT seq, hash FROM audit_log WHERE at < ? ORDER BY seq DESC "
                          "LIMIT 1", (cutoff,)).fetchone()
        audit_rows = 0
        if last is not None:
            audit_rows = db.execute("DELETE FROM audit_log WHERE seq <= ?", (last[0],)).rowcount
            db.execute("INSERT INTO hub_values (key, body, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET body = excluded.body, "
                       "updated_at = excluded.updated_at",
                       (ANCHOR_KEY, json.dumps({"seq": last[0], "hash": last[1]}), now))
        other = db.execute("DELETE FROM staff_actions WHERE at < ?", (cutoff,)).rowcount
        other += db.execute("DELETE FROM ticket_tokens WHERE expires_at < ?", (now,)).rowcount
        other += db.execute("DELETE FROM feedback WHERE stored_at < ?", (cutoff,)).rowcount
        other += db.execute("DELETE FROM staff_sessions WHERE expires_at < ?", (cutoff,)).rowcount
    finally:
        for table in _GUARDED:
            for statement in _TRIGGERS:
                db.execute(statement.format(table=table))
    return RetentionResult(help_rows, queue_rows, audit_rows, other)
