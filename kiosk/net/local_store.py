"""A device's own SQLite file: the help events it has seen, and its outbox.

Kiosks and consoles keep every help event they have seen, so a call survives a restart of
the device and, with the hub down, consoles still agree by merging what they hold. The
outbox holds every message the device originates that must arrive (help events): a message
is committed here and then published, and re-sent with the same bytes until the hub, which
keeps the branch's ledger, acknowledges its id. An acknowledgement from a console (the hub
being down) means staff have it: the message is then re-sent less often, until the hub is
back and has it too, so the ledger ends up with every event without any relay.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.help.events import HelpEvent, InvalidEvent
from kiosk.core.sqlite_file import (
    DatabaseFileError,
    Schema,
    open_database,
    open_or_replace,
)
from kiosk.net.store_salvage import Salvage, salvage_store

log = logging.getLogger(__name__)

_ID_CHUNK = 500
"""Ids per ``IN (...)`` query: well under SQLite's limit on bound variables."""

SCHEMA = Schema("device store", (
    # 1: the store as first written, without a schema version: a file of that time (version
    # 0, these tables already there) is adopted as it is
    """
    CREATE TABLE IF NOT EXISTS help_events (
        id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        at REAL NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS help_events_by_call ON help_events (call_id);
    CREATE TABLE IF NOT EXISTS outbox (
        key TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        payload BLOB NOT NULL,
        created_at REAL NOT NULL,
        last_sent_at REAL,
        attempts INTEGER NOT NULL DEFAULT 0,
        held_by TEXT
    );
    CREATE TABLE IF NOT EXISTS closed_calls (
        call_id TEXT PRIMARY KEY,
        closed_at REAL NOT NULL
    );
    """,
))


@dataclass(frozen=True)
class OutboxItem:
    key: str
    topic: str
    payload: bytes
    created_at: float
    last_sent_at: float | None
    attempts: int
    held_by: str | None


class LocalStoreError(DatabaseFileError):
    """The device's store cannot be opened; the message says why."""


class LocalStore:
    def __init__(self, path: Path, *, in_memory: bool = False) -> None:
        """Open the store at ``path``, checking it is whole; raises LocalStoreError.

        ``in_memory``: no file at all (``path`` only names it in messages), for a device
        whose folder cannot hold one: calls still work, and are lost on a restart."""
        self.path = path
        self.in_memory = in_memory
        self.fault: str | None = None
        """What went wrong opening the device's store, for its heartbeat; None: nothing."""
        self._lock = threading.RLock()
        try:
            self._db = open_database(None if in_memory else path, SCHEMA)
        except (DatabaseFileError, OSError) as error:
            raise LocalStoreError(f"{path}: cannot open the device store: {error}") from error

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- help events ----------------------------------------------------------------------

    def add_event(self, event: HelpEvent) -> bool:
        """Keep ``event``; False when already kept (receivers de-duplicate by id)."""
        body = json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False)
        with self._lock:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO help_events (id, call_id, at, body) VALUES (?, ?, ?, ?)",
                (event.id, event.call_id, event.at, body))
        return cursor.rowcount == 1

    def add_events(self, events: Iterable[HelpEvent]) -> list[HelpEvent]:
        """Keep the events not kept yet, in one commit; returns those that were new.

        The hub's ``help.state`` repeats every event of the recent calls each time it is
        published: checking ids in one query and writing only the new ones costs a
        millisecond where one INSERT per event cost ten."""
        fresh: dict[str, HelpEvent] = {}
        for event in events:
            fresh.setdefault(event.id, event)
        if not fresh:
            return []
        ids = list(fresh)
        with self._lock:
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = ids[start:start + _ID_CHUNK]
                marks = ",".join("?" * len(chunk))
                for (known,) in self._db.execute(
                        f"SELECT id FROM help_events WHERE id IN ({marks})", chunk):
                    fresh.pop(known, None)
            if not fresh:
                return []
            rows = [(e.id, e.call_id, e.at,
                     json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False))
                    for e in fresh.values()]
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR IGNORE INTO help_events (id, call_id, at, body) "
                                     "VALUES (?, ?, ?, ?)", rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return list(fresh.values())

    def has_event(self, event_id: str) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM help_events WHERE id = ?",
                                   (event_id,)).fetchone()
        return row is not None

    def events(self, call_ids: Iterable[str] | None = None) -> list[HelpEvent]:
        with self._lock:
            if call_ids is None:
                rows = self._db.execute("SELECT body FROM help_events ORDER BY at, id").fetchall()
            else:
                ids = list(call_ids)
                marks = ",".join("?" * len(ids))
                rows = self._db.execute(f"SELECT body FROM help_events WHERE call_id IN "
                                        f"({marks}) ORDER BY at, id", ids).fetchall()
        return self._readable(rows)

    def events_since(self, since: float) -> list[HelpEvent]:
        """Every event kept that happened at or after ``since``: acknowledged events are
        kept too, so the hub can be given back what it loses (anti-entropy)."""
        with self._lock:
            rows = self._db.execute("SELECT body FROM help_events WHERE at >= ? "
                                    "ORDER BY at, id", (since,)).fetchall()
        return self._readable(rows)

    def _readable(self, rows: Iterable[tuple[str]]) -> list[HelpEvent]:
        """The events stored in ``rows``; one that cannot be read is logged and left out."""
        events = []
        for (body,) in rows:
            try:
                events.append(HelpEvent.from_dict(json.loads(body)))
            except (InvalidEvent, ValueError) as error:
                log.error("%s: a stored help event cannot be read: %s", self.path, error)
        return events

    def forget_calls(self, call_ids: Iterable[str]) -> None:
        """Drop a closed call's events (the hub keeps the record)."""
        ids = list(call_ids)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("DELETE FROM help_events WHERE call_id = ?",
                                 [(i,) for i in ids])
            self._db.execute("COMMIT")

    # --- outbox ---------------------------------------------------------------------------

    def enqueue(self, key: str, topic: str, payload: bytes, now: float) -> None:
        """Commit a message to send; idempotent per key."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO outbox (key, topic, payload, created_at) "
                "VALUES (?, ?, ?, ?)", (key, topic, payload, now))

    def add_event_and_enqueue(self, event: HelpEvent, topic: str, payload: bytes,
                              now: float) -> None:
        """Keep an event this device originates and queue it for sending, in one commit."""
        body = json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT OR IGNORE INTO help_events (id, call_id, at, body) "
                                 "VALUES (?, ?, ?, ?)", (event.id, event.call_id, event.at,
                                                         body))
                self._db.execute("INSERT OR IGNORE INTO outbox (key, topic, payload, "
                                 "created_at) VALUES (?, ?, ?, ?)",
                                 (event.id, topic, payload, now))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def unacked(self) -> list[OutboxItem]:
        with self._lock:
            rows = self._db.execute(
                "SELECT key, topic, payload, created_at, last_sent_at, attempts, held_by "
                "FROM outbox ORDER BY created_at, key").fetchall()
        return [OutboxItem(r[0], r[1], bytes(r[2]), r[3], r[4], r[5], r[6]) for r in rows]

    def due(self, now: float, resend_after_s: float,
            held_resend_after_s: float) -> list[OutboxItem]:
        """Messages to send now: never sent, or sent ``resend_after_s`` ago (or
        ``held_resend_after_s`` ago when a console already holds them)."""
        due = []
        for item in self.unacked():
            wait = held_resend_after_s if item.held_by else resend_after_s
            if item.last_sent_at is None or now - item.last_sent_at >= wait:
                due.append(item)
        return due

    def mark_sent(self, key: str, now: float) -> None:
        with self._lock:
            self._db.execute("UPDATE outbox SET last_sent_at = ?, attempts = attempts + 1 "
                             "WHERE key = ?", (now, key))

    def ack(self, keys: Iterable[str]) -> int:
        """The hub stored these: stop sending them. Returns how many were waiting."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            count = 0
            for key in keys:
                count += self._db.execute("DELETE FROM outbox WHERE key = ?", (key,)).rowcount
            self._db.execute("COMMIT")
        return count

    def hold(self, keys: Iterable[str], console_id: str) -> int:
        """A console stored these (the hub may be down): send them less often."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            count = 0
            for key in keys:
                count += self._db.execute("UPDATE outbox SET held_by = ? WHERE key = ? AND "
                                          "held_by IS NULL", (console_id, key)).rowcount
            self._db.execute("COMMIT")
        return count

    def outbox_keys(self) -> set[str]:
        """The keys (event ids) still waiting for the hub's acknowledgement."""
        with self._lock:
            rows = self._db.execute("SELECT key FROM outbox").fetchall()
        return {row[0] for row in rows}

    def outbox_length(self) -> int:
        with self._lock:
            count: int = self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        return count

    # --- recovery -------------------------------------------------------------------------

    def fall_back_to_memory(self, error: sqlite3.Error) -> None:
        """The store failed in use (a full or failing disk): go on in memory with all that
        can still be read, so the call being made, and every unsent one, is not lost. The
        heartbeat says so (``in_memory``); a restart opens the file again."""
        salvage = Salvage()
        try:
            salvage.outbox = [(i.key, i.topic, i.payload, i.created_at, i.last_sent_at,
                               i.attempts, i.held_by) for i in self.unacked()]
            salvage.events = self.events()
        except sqlite3.Error as reading:
            log.error("%s: cannot be read either (%s); reading a copy", self.path, reading)
            salvage = salvage_store(self.path, _empty_store)
        with self._lock:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = open_database(None, SCHEMA)
            self.in_memory = True
            self.fault = (f"the device store failed in use ({error}): help calls are kept in "
                          "memory only until this is fixed and the program restarted")
        carried = self.carry_over(salvage)
        log.error("%s: %s; %d unsent message(s) carried over", self.path, self.fault, carried)

    def carry_over(self, salvage: Salvage) -> int:
        """Take in what was read from a damaged store: its unsent messages (due at once)
        and its help events, including those the unsent messages carry. Returns how many
        unsent messages were taken."""
        events = {e.id: e for e in [*salvage.events, *salvage.unsent_events()]}
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR IGNORE INTO help_events (id, call_id, at, body) "
                    "VALUES (?, ?, ?, ?)",
                    [(e.id, e.call_id, e.at,
                      json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False))
                     for e in events.values()])
                count = 0
                for key, topic, payload, created_at, _sent, attempts, held_by in salvage.outbox:
                    count += self._db.execute(
                        "INSERT OR IGNORE INTO outbox (key, topic, payload, created_at, "
                        "attempts, held_by) VALUES (?, ?, ?, ?, ?, ?)",
                        (key, topic, payload, created_at, attempts, held_by)).rowcount
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return count


def _empty_store(path: Path) -> None:
    LocalStore(path).close()


def open_local_store(path: Path) -> LocalStore:
    """Open the device's store; never fails, so a damaged disk never stops a help call.

    A store that fails its integrity check (or cannot be opened) is read for what is left
    (its unsent messages above all, see store_salvage.py), set aside under a new name for
    whoever investigates, and a fresh store takes everything that could be read. When no
    store can be made in the folder at all, the device keeps its calls in memory; either
    way ``fault`` says so, and the device's heartbeat carries it to the consoles.
    """
    salvaged: list[Salvage] = []

    def read_what_is_left(damaged: Path) -> None:
        salvaged.append(salvage_store(damaged, _empty_store))

    store, replaced = open_or_replace(
        path, lambda where: LocalStore(path, in_memory=where is None), "the device store",
        salvage=read_what_is_left,
        in_memory="help calls are kept in memory only until this is fixed")
    if replaced is None:
        return store
    store.fault = replaced.fault
    salvage = salvaged[0] if salvaged else Salvage()
    carried = store.carry_over(salvage)
    log.error("%s: %s; %d unsent message(s) and %d help event(s) carried over",
              replaced.problem, replaced.fault, carried, len(salvage.events))
    return store
