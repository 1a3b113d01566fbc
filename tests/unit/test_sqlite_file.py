"""One way to open the SQLite files: settings, integrity, schema versions, damaged files.

Files written by earlier versions are made here with the SQL those versions ran, and must
open with everything in them kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.console.journal import Journal, VisitRating
from kiosk.core.help.events import new_raise
from kiosk.core.sqlite_file import (
    DamagedFile,
    NewerSchema,
    Schema,
    open_database,
    open_or_replace,
    schema_version,
)
from kiosk.hub.ledger import Ledger
from kiosk.net.local_store import LocalStore, open_local_store

T0 = 1_700_000_000.0

# The device store as the versions before schema versions wrote it (user_version 0).
OLD_DEVICE_STORE = """
CREATE TABLE IF NOT EXISTS help_events (
    id TEXT PRIMARY KEY, call_id TEXT NOT NULL, at REAL NOT NULL, body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS help_events_by_call ON help_events (call_id);
CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL,
    created_at REAL NOT NULL, last_sent_at REAL, attempts INTEGER NOT NULL DEFAULT 0,
    held_by TEXT
);
CREATE TABLE IF NOT EXISTS closed_calls (call_id TEXT PRIMARY KEY, closed_at REAL NOT NULL);
"""

# The console's journal as the versions before schema versions wrote it (user_version 0).
OLD_JOURNAL = """
CREATE TABLE IF NOT EXISTS tickets (
    day TEXT NOT NULL, number TEXT NOT NULL, service_id TEXT NOT NULL,
    priority INTEGER NOT NULL, issued_at REAL, called_at REAL, counter INTEGER,
    ended_at REAL, ended_how TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (day, number)
);
CREATE TABLE IF NOT EXISTS visit_feedback (
    feedback_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, rating TEXT NOT NULL,
    language TEXT NOT NULL, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS device_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, device_id TEXT NOT NULL,
    change TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS announcements (
    announcement_id TEXT PRIMARY KEY, at REAL NOT NULL, active INTEGER NOT NULL,
    text TEXT NOT NULL, staff_id TEXT NOT NULL DEFAULT ''
);
"""


def _old_file(path: Path, script: str, *rows: tuple[str, tuple[object, ...]]) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(script)
    for sql, values in rows:
        db.execute(sql, values)
    db.close()


def _version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return schema_version(db)
    finally:
        db.close()


def test_a_device_store_written_before_schema_versions_opens_with_its_unsent_call(
        tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    raised = new_raise("kiosk-1", T0)
    body = json.dumps(raised.to_dict(), sort_keys=True, ensure_ascii=False)
    _old_file(path, OLD_DEVICE_STORE,
              ("INSERT INTO help_events VALUES (?, ?, ?, ?)",
               (raised.id, raised.call_id, raised.at, body)),
              ("INSERT INTO outbox (key, topic, payload, created_at) VALUES (?, ?, ?, ?)",
               (raised.id, "bank/b/kiosk/kiosk-1/help", b"{...}", T0)))
    store = open_local_store(path)
    assert store.fault is None
    assert store.events() == [raised]
    assert [(i.key, i.payload) for i in store.unacked()] == [(raised.id, b"{...}")]
    store.close()
    assert _version(path) == 1


def test_a_journal_written_before_schema_versions_opens_with_its_records(
        tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _old_file(path, OLD_JOURNAL,
              ("INSERT INTO visit_feedback VALUES (?, ?, ?, ?, ?)",
               ("f" * 32, "kiosk-1", "good", "zh_CN", T0)))
    journal = Journal(path)
    assert journal.fault is None
    assert journal.ratings() == [VisitRating("f" * 32, "kiosk-1", "good", "zh_CN", T0)]
    journal.close()
    assert _version(path) == 1


@pytest.mark.parametrize("opener", ["ledger", "device store", "journal"])
def test_every_file_is_opened_with_the_same_settings(tmp_path: Path, opener: str) -> None:
    path = tmp_path / "file.sqlite"
    if opener == "ledger":
        db = Ledger(path)._db
    elif opener == "device store":
        db = LocalStore(path)._db
    else:
        db = Journal(path)._db
    settings = [db.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")]
    assert settings == ["wal", 2, 1, 5000]
    db.close()


def test_migrations_run_in_order_once_each_and_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    first = Schema("file", ("CREATE TABLE a (n INTEGER)",))
    open_database(path, first).close()
    second = Schema("file", (*first.migrations, "INSERT INTO a VALUES (7)"))
    for _ in range(2):
        db = open_database(path, second)
        assert schema_version(db) == 2
        assert db.execute("SELECT n FROM a").fetchall() == [(7,)]
        db.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    open_database(path, Schema("file", ("CREATE TABLE a (n INTEGER)",))).close()
    broken = Schema("file", ("CREATE TABLE a (n INTEGER)",
                             "INSERT INTO a VALUES (1); INSERT INTO missing VALUES (2)"))
    with pytest.raises(DamagedFile, match="cannot open the file"):
        open_database(path, broken)
    db = open_database(path, Schema("file", ("CREATE TABLE a (n INTEGER)",)))
    assert (schema_version(db), db.execute("SELECT COUNT(*) FROM a").fetchone()[0]) == (1, 0)
    db.close()


def test_a_file_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    db = open_database(path, Schema("file", ("CREATE TABLE a (n INTEGER)",
                                             "CREATE TABLE b (n INTEGER)")))
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="schema version 2 is newer than this program"):
        open_database(path, Schema("file", ("CREATE TABLE a (n INTEGER)",)))
    assert path.read_bytes() == before


def test_a_damaged_file_is_salvaged_then_set_aside_and_a_fresh_one_opened(
        tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"not a database " * 400)
    read: list[bytes] = []
    schema = Schema("file", ("CREATE TABLE a (n INTEGER)",))
    db, replaced = open_or_replace(path, lambda where: open_database(where, schema),
                                   "the file", salvage=lambda p: read.append(p.read_bytes()))
    assert read == [b"not a database " * 400]
    assert replaced is not None and "set aside as x.sqlite.damaged-" in replaced.fault
    assert [p.read_bytes() for p in tmp_path.glob("x.sqlite.damaged-*")] == read
    assert schema_version(db) == 1
    db.close()


def test_a_device_store_of_a_newer_version_is_set_aside_whole_and_a_fresh_one_started(
        tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    LocalStore(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    store = open_local_store(path)
    assert store.fault is not None and "set aside as kiosk.db.damaged-" in store.fault
    [kept] = tmp_path.glob("kiosk.db.damaged-*[0-9]")
    assert kept.read_bytes() == before
    store.close()
    assert _version(path) == 1
