"""Read what can still be read from a damaged device store, before it is set aside.

A kiosk's store holds the help events it has not yet had acknowledged (its outbox): a call
the customer raised just before the disk went bad must still reach staff. SQLite refuses a
damaged file as a whole ("database disk image is malformed", "file is not a database");
salvage reads it row by row instead, from a copy, so the damaged file itself is kept exactly
as it was for whoever investigates:

- a damaged header (the first 100 bytes) is replaced in the copy with a header this
  program would have written, sized to the file, so the pages behind it can be read;
- each table is read forwards until the first unreadable page, then backwards from the
  end, so one damaged page costs only the rows on it;
- an outbox entry is a complete message: the help event it carries is read from it, so an
  unsent call is recovered even when the table of events is the damaged part.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kiosk.core.help.events import HelpEvent, InvalidEvent
from kiosk.protocol import Decoded, decode
from kiosk.protocol.help_messages import HelpEventMessage

log = logging.getLogger(__name__)

HEADER_SIZE = 100
MAGIC = b"SQLite format 3\x00"

OutboxRow = tuple[str, str, bytes, float, float | None, int, str | None]
"""key, topic, payload, created_at, last_sent_at, attempts, held_by"""

T = TypeVar("T")


@dataclass
class Salvage:
    outbox: list[OutboxRow] = field(default_factory=list)
    events: list[HelpEvent] = field(default_factory=list)

    def unsent_events(self) -> list[HelpEvent]:
        """The help events the outbox entries carry."""
        found = []
        for row in self.outbox:
            decoded = decode(row[1], row[2], branch=None, hub_id=None)
            if isinstance(decoded, Decoded) and isinstance(decoded.message, HelpEventMessage):
                found.append(decoded.message.event)
        return found


def salvage_store(path: Path, make_template: Callable[[Path], None]) -> Salvage:
    """What can be read from the store at ``path`` (never changed). ``make_template``
    creates an empty store of this program's schema, whose header stands in for a damaged
    one."""
    result = Salvage()
    if not path.is_file():
        return result
    with tempfile.TemporaryDirectory(prefix="kiosk-salvage-") as folder:
        copy = Path(folder) / "copy.sqlite"
        try:
            shutil.copyfile(path, copy)
            wal = Path(str(path) + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, Path(str(copy) + "-wal"))
        except OSError as error:
            log.error("%s: cannot be copied to read what is left in it: %s", path, error)
            return result
        if not _schema_readable(copy):
            template = Path(folder) / "template.sqlite"
            make_template(template)
            _replace_header(copy, template)
        try:
            db = sqlite3.connect(copy, isolation_level=None)
        except sqlite3.Error as error:
            log.error("%s: nothing can be read from it: %s", path, error)
            return result
        try:
            result.outbox = _rows(db, "SELECT key, topic, payload, created_at, last_sent_at, "
                                  "attempts, held_by FROM outbox", _outbox_row)
            result.events = _rows(db, "SELECT body FROM help_events", _event)
        finally:
            db.close()
    return result


def _schema_readable(copy: Path) -> bool:
    try:
        db = sqlite3.connect(copy)
        try:
            db.execute("SELECT name FROM sqlite_master").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return True


def _replace_header(copy: Path, template: Path) -> None:
    """Give ``copy`` the header of ``template`` with its own page count."""
    header = bytearray(template.read_bytes()[:HEADER_SIZE])
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    with copy.open("r+b") as file:
        size = file.seek(0, 2)
        header[28:32] = (size // page_size).to_bytes(4, "big")
        file.seek(0)
        file.write(header)


def _rows(db: sqlite3.Connection, query: str, read: Callable[[tuple[object, ...]], T | None],
          ) -> list[T]:
    """The rows of ``query`` that can be read: forwards until a damaged page, then
    backwards from the end until one; each row read by ``read`` (None: unreadable)."""
    found: dict[int, T] = {}
    for order in ("ASC", "DESC"):
        ordered = query.replace("SELECT ", "SELECT rowid, ", 1) + f" ORDER BY rowid {order}"
        for rowid, row in _until_damaged(db, ordered):
            if rowid in found:
                break
            value = read(row)
            if value is not None:
                found[rowid] = value
    return [found[rowid] for rowid in sorted(found)]


def _until_damaged(db: sqlite3.Connection,
                   query: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    try:
        cursor = db.execute(query)
        while True:
            row = cursor.fetchone()
            if row is None:
                return
            yield int(row[0]), tuple(row[1:])
    except sqlite3.Error as error:
        log.warning("salvage stopped at a damaged page: %s", error)


def _outbox_row(row: tuple[object, ...]) -> OutboxRow | None:
    key, topic, payload, created_at, last_sent_at, attempts, held_by = row
    if not (isinstance(key, str) and isinstance(topic, str)
            and isinstance(payload, bytes | str) and isinstance(created_at, int | float)):
        return None
    data = payload.encode() if isinstance(payload, str) else payload
    return (key, topic, data, float(created_at),
            float(last_sent_at) if isinstance(last_sent_at, int | float) else None,
            attempts if isinstance(attempts, int) else 0,
            held_by if isinstance(held_by, str) else None)


def _event(row: tuple[object, ...]) -> HelpEvent | None:
    (body,) = row
    try:
        loaded = json.loads(body) if isinstance(body, str | bytes) else None
        return HelpEvent.from_dict(loaded) if isinstance(loaded, dict) else None
    except (InvalidEvent, ValueError, KeyError, TypeError):
        return None
