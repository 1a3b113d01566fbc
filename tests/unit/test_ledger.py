"""The hub's ledger on a real SQLite file: events kept once, append-only, chain verified."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.core.help.events import HelpEventKind, new_follow_up, new_raise
from kiosk.core.queue.events import EventKind, QueueEvent
from kiosk.hub.ledger import MIGRATIONS, Ledger, LedgerError, StoredAction


def test_help_events_are_kept_once_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "hub.db"
    ledger = Ledger(path)
    raised = new_raise("kiosk-1", 100.0)
    ack = new_follow_up(
        raised.call_id,
        "kiosk-1",
        HelpEventKind.ACKNOWLEDGED,
        "console-1",
        105.0,
        staff_id="li-ming",
    )
    assert ledger.add_help_event(raised, stored_at=100.5)
    assert not ledger.add_help_event(raised, stored_at=101.0)  # duplicate id: ignored
    assert ledger.add_help_event(ack, stored_at=105.2)
    ledger.close()

    reopened = Ledger(path)
    assert reopened.help_events() == [raised, ack]
    assert reopened.help_events([raised.call_id]) == [raised, ack]
    assert reopened.stored_times(raised.call_id) == {raised.id: 100.5, ack.id: 105.2}
    assert reopened.schema_version == len(MIGRATIONS)


def test_help_events_cannot_be_changed_or_deleted(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "hub.db")
    ledger.add_help_event(new_raise("kiosk-1", 1.0), stored_at=1.0)
    for statement in ("UPDATE help_events SET kind = 'resolved'", "DELETE FROM help_events"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            ledger._db.execute(statement)
    assert len(ledger.help_events()) == 1


def test_audit_chain_verifies_and_detects_a_changed_row(tmp_path: Path) -> None:
    path = tmp_path / "hub.db"
    ledger = Ledger(path)
    for index in range(5):
        ledger.add_audit(
            AuditEvent.create(
                float(index), "li-ming", "console-1", AuditAction.TICKET_CALLED, f"A00{index}"
            )
        )
    assert ledger.verify_audit() is None
    ledger.close()

    tampered = tmp_path / "copy.db"
    shutil.copy(path, tampered)
    db = sqlite3.connect(tampered)
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET body = replace(body, 'A002', 'A009') WHERE seq = 3")
    db.commit()
    db.close()
    assert Ledger(tampered).verify_audit() == 2


def test_queue_events_replay_in_order(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "hub.db")
    issued = QueueEvent(
        EventKind.ISSUED, 10.0, "A001", service_id="cash", priority=False, request_id="r1"
    )
    called = QueueEvent(EventKind.CALLED, 20.0, "A001", counter=1)
    ledger.add_queue_event(issued)
    ledger.add_queue_event(called)
    assert ledger.queue_events() == [issued, called]


def test_actions_are_remembered_for_replay_protection(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "hub.db")
    action = StoredAction("a" * 32, "console-1", "li-ming", 5.0, {"ok": True})
    ledger.add_action(action)
    ledger.add_action(action)
    assert ledger.action_result("a" * 32) == action
    assert ledger.action_result("b" * 32) is None


def test_corrupt_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "hub.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LedgerError, match="cannot open the ledger"):
        Ledger(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hub.db"
    Ledger(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(LedgerError, match="newer than this program"):
        Ledger(path)



def test_a_ledger_of_the_first_schema_migrates_keeping_every_call(tmp_path: Path) -> None:
    """A newer package over a running branch: a ledger the first schema's program wrote is
    migrated in place to today's schema, every stored help event kept."""
    path = tmp_path / "hub.db"
    events = []
    for n in range(20):
        raised = new_raise(f"kiosk-{n % 2 + 1}", 100.0 + n)
        events += [raised, new_follow_up(raised.call_id, raised.kiosk_id,
                                         HelpEventKind.ACKNOWLEDGED, "console-1", 101.0 + n,
                                         staff_id="li-ming")]
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("BEGIN;" + MIGRATIONS[0] + "; PRAGMA user_version = 1; COMMIT;")
    for event in events:  # as the first schema's program stored them
        db.execute("INSERT INTO help_events (id, call_id, kiosk_id, kind, origin, at, "
                   "stored_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (event.id, event.call_id, event.kiosk_id, str(event.kind), event.origin,
                    event.at, event.at + 0.5,
                    json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False)))
    db.close()

    migrated = Ledger(path)
    assert migrated.schema_version == len(MIGRATIONS) > 1
    assert sorted(migrated.help_events(), key=lambda e: e.id) == sorted(events,
                                                                        key=lambda e: e.id)
    assert migrated.stored_times(events[0].call_id) == {events[0].id: 100.5,
                                                         events[1].id: 101.5}
    assert migrated.live_sessions(now=0.0) == []  # the later schemas' tables are there
    migrated.close()


class _CommitFails:
    """A connection whose next COMMIT fails as a disk that cannot take the write would."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "COMMIT":
            self._db.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")
        return self._db.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)


def test_an_audit_row_whose_commit_fails_leaves_the_chain_where_it_was(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "hub.db")
    ledger.add_audit(AuditEvent.create(1.0, "li-ming", "console-1",
                                       AuditAction.TICKET_CALLED, "A001"))
    head = ledger.audit_head()
    real = ledger._db
    ledger._db = _CommitFails(real)  # type: ignore[assignment]
    with pytest.raises(sqlite3.OperationalError):
        ledger.add_audit(AuditEvent.create(2.0, "li-ming", "console-1",
                                           AuditAction.TICKET_CALLED, "A002"))
    ledger._db = real
    assert ledger.audit_head() == head
    ledger.add_audit(AuditEvent.create(3.0, "li-ming", "console-1",
                                       AuditAction.TICKET_CALLED, "A003"))
    assert ledger.verify_audit() is None
