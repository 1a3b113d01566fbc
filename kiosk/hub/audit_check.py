"""``python -m kiosk audit verify``: prove the hub's audit log was neither changed nor cut.

Reads the ledger file read-only (the evidence is never touched). Three checks: every row's
hash matches the chain from the first row (a changed row breaks it, and so does a removed
row in the middle: the next row's hash no longer follows); the row numbers run without a
gap; and the last row is the last one SQLite ever numbered (a removed tail). Someone who
can rewrite the whole file can rewrite all three, which is why ``/healthz`` also reports the
chain's head hash and length for the bank's monitoring to record elsewhere.

It also lists the help events that can no longer be read (a damaged row): the hub leaves
them out of every call, and the command exits 1 so IT hears of them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.core.audit import GENESIS_HASH, AuditEvent, InvalidAuditEvent, verify_chain
from kiosk.hub.ledger import damaged_help_events
from kiosk.hub.retention import read_anchor


@dataclass(frozen=True)
class AuditReport:
    rows: int
    problem: str | None  # None: the log is intact
    head_hash: str
    damaged_events: tuple[tuple[str, str], ...] = ()
    """Help events that cannot be read (id, why): the hub leaves them out of every call."""

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_ledger_file(path: Path) -> AuditReport:
    """The audit chain's verdict, with the help events that cannot be read."""
    report = _verify_chain(path)
    if not path.is_file():
        return report
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            damaged = tuple(damaged_help_events(db))
        finally:
            db.close()
    except sqlite3.Error as error:
        damaged = (("*", f"the help events cannot be read: {error}"),)
    return replace(report, damaged_events=damaged)


def _verify_chain(path: Path) -> AuditReport:
    if not path.is_file():
        return AuditReport(0, f"{path}: no such ledger file", GENESIS_HASH)
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return AuditReport(0, f"{path}: cannot be opened: {error}", GENESIS_HASH)
    try:
        rows = db.execute("SELECT seq, body, hash FROM audit_log ORDER BY seq").fetchall()
        numbered = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"
                              ).fetchone()
        anchor = read_anchor(db)
    except sqlite3.Error as error:
        return AuditReport(0, f"{path}: the audit log cannot be read: {error}", GENESIS_HASH)
    finally:
        db.close()
    start_seq, start_hash = (anchor.seq, anchor.hash) if anchor else (0, GENESIS_HASH)
    head = rows[-1][2] if rows else start_hash
    pairs = []
    for index, (seq, body, digest) in enumerate(rows):
        if seq != start_seq + index + 1:
            return AuditReport(len(rows), f"row {start_seq + index + 1} is missing (the next "
                               f"row is {seq}): rows were removed", head)
        try:
            pairs.append((AuditEvent.from_dict(json.loads(body)), digest))
        except (ValueError, InvalidAuditEvent) as error:
            return AuditReport(len(rows), f"row {seq} is not a valid audit event: {error}",
                               head)
    bad = verify_chain(pairs, start_hash)
    if bad is not None:
        return AuditReport(len(rows), f"row {start_seq + bad + 1} does not match the hash "
                           "chain: it, or "
                           "a row before it, was changed or removed", head)
    last_numbered = numbered[0] if numbered else 0
    if last_numbered != start_seq + len(rows):
        return AuditReport(len(rows), f"the log ends at row {start_seq + len(rows)} but row "
                           f"{last_numbered} was written: rows at the end were removed", head)
    return AuditReport(len(rows), None, head)
