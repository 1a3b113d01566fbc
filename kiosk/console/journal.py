"""The console's journal: what it saw go by that the hub's retained states forget.

Help calls are already kept, event by event, in the console's device store
(``kiosk.net.local_store``). This second SQLite file keeps the rest of what the reports and
logs need: each ticket's life (``queue_watch``), customers' anonymous ratings, kiosks going
silent and coming back, and the announcements shown (with who sent them from here).

Written on the device's worker thread, never the GUI thread (a write can stall on a busy
disk); read once at start-up, after which the console keeps its own copy in memory.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.console.queue_watch import TicketEnd, TicketRecord
from kiosk.console.supervision import DeviceChange, DeviceEvent
from kiosk.core.sqlite_file import Schema, open_database, open_or_replace

log = logging.getLogger(__name__)

SCHEMA = Schema("journal", (
    # 1: the journal as first written, without a schema version: a file of that time
    # (version 0, these tables already there) is adopted as it is
    """
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
""",
))


@dataclass(frozen=True)
class VisitRating:
    feedback_id: str
    kiosk_id: str
    rating: str  # good, ok, bad
    language: str
    at: float


@dataclass(frozen=True)
class AnnouncementRecord:
    announcement_id: str
    at: float
    active: bool
    text: dict[str, str]
    staff_id: str = ""  # who sent it from this console; empty: another console


class Journal:
    def __init__(self, path: Path) -> None:
        """Never fails: a damaged journal is set aside for IT and a fresh one started, and
        with no writable folder the journal lives in memory (``fault`` says which)."""
        self.path = path
        self._lock = threading.Lock()
        self._db, replaced = open_or_replace(
            path, lambda where: open_database(where, SCHEMA), "the journal")
        self.fault = None if replaced is None else replaced.fault
        if replaced is not None:
            log.error("%s: %s; %s", path, replaced.problem, replaced.fault)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- tickets --------------------------------------------------------------------------

    def save_tickets(self, records: list[TicketRecord]) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.day, r.number, r.service_id, int(r.priority), r.issued_at, r.called_at,
                  r.counter, r.ended_at, r.ended_how.value) for r in records])

    def tickets(self) -> list[TicketRecord]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM tickets ORDER BY day, number").fetchall()
        records = []
        for day, number, service, priority, issued, called, counter, ended, how in rows:
            try:
                ended_how = TicketEnd(how)
            except ValueError:
                ended_how = TicketEnd.UNKNOWN
            records.append(TicketRecord(day, number, service, bool(priority), issued, called,
                                        counter, ended, ended_how))
        return records

    # --- customers' ratings ---------------------------------------------------------------

    def add_rating(self, rating: VisitRating) -> bool:
        with self._lock:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO visit_feedback VALUES (?, ?, ?, ?, ?)",
                (rating.feedback_id, rating.kiosk_id, rating.rating, rating.language,
                 rating.at))
        return cursor.rowcount == 1

    def ratings(self) -> list[VisitRating]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM visit_feedback ORDER BY at").fetchall()
        return [VisitRating(*row) for row in rows]

    # --- kiosks going silent --------------------------------------------------------------

    def add_device_event(self, event: DeviceEvent) -> None:
        with self._lock:
            self._db.execute("INSERT INTO device_events (at, device_id, change) "
                             "VALUES (?, ?, ?)", (event.at, event.device_id,
                                                  event.change.value))

    def device_events(self) -> list[DeviceEvent]:
        with self._lock:
            rows = self._db.execute("SELECT at, device_id, change FROM device_events "
                                    "ORDER BY seq").fetchall()
        return [DeviceEvent(at, device, DeviceChange(change)) for at, device, change in rows
                if change in DeviceChange.__members__.values()]

    # --- announcements --------------------------------------------------------------------

    def add_announcement(self, record: AnnouncementRecord) -> None:
        """Keep an announcement seen; a later record with a staff id names its sender."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO announcements VALUES (?, ?, ?, ?, ?)",
                (record.announcement_id, record.at, int(record.active),
                 json.dumps(record.text, ensure_ascii=False), record.staff_id))
            if record.staff_id:
                self._db.execute("UPDATE announcements SET staff_id = ? "
                                 "WHERE announcement_id = ?",
                                 (record.staff_id, record.announcement_id))

    def announcements(self) -> list[AnnouncementRecord]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM announcements ORDER BY at").fetchall()
        records = []
        for announcement_id, at, active, text, staff_id in rows:
            try:
                texts = json.loads(text)
            except ValueError:
                log.error("%s: announcement %s has unreadable text", self.path,
                          announcement_id)
                texts = {}
            records.append(AnnouncementRecord(announcement_id, at, bool(active),
                                              dict(texts), staff_id))
        return records
