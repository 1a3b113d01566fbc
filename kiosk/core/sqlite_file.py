"""One way to open the programs' SQLite files: settings, integrity, schema versions, damage.

The hub's ledger, each device's store (help events and outbox) and the console's journal
are SQLite files that must survive power cuts, a second reader, an older package installed
over a newer one, and a failing disk. Each is opened by :func:`open_database`:

- connection settings: WAL (a reader never blocks the writer), ``synchronous=FULL`` (a
  committed help call is on disk), a busy timeout (a second process waits instead of
  failing at once), foreign keys on; autocommit, so every transaction is explicit;
- an integrity check (``PRAGMA quick_check``) before anything is written;
- versioned migrations: ``PRAGMA user_version`` counts the scripts of ``Schema.migrations``
  applied, each in its own transaction; a file of a newer version is refused untouched.
  A file written before it had versions (version 0 with its tables already there) is
  adopted by a first migration written with ``IF NOT EXISTS``.

:func:`open_or_replace` is for files a program must never fail to start over: a damaged
one is read for what is left (a salvage hook), set aside under a new name for IT, and a
fresh one started; with no writable folder, an in-memory database takes its place.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

S = TypeVar("S")

BUSY_TIMEOUT_MS = 5_000
"""How long a writer waits for another connection's lock before giving up."""


@dataclass(frozen=True)
class Schema:
    """What a file holds: ``name`` for messages ("ledger"), and the migration scripts in
    order; the file's version is how many of them were applied."""

    name: str
    migrations: tuple[str, ...]

    @property
    def version(self) -> int:
        return len(self.migrations)


class DatabaseFileError(RuntimeError):
    """A SQLite file cannot be used; the message names the file and says why."""


class DamagedFile(DatabaseFileError):
    """The file fails its integrity check or is not a database at all."""


class NewerSchema(DatabaseFileError):
    """The file was written by a newer version of the program; it is left untouched."""


def open_database(path: Path | None, schema: Schema, *,
                  foreign_keys: bool = True) -> sqlite3.Connection:
    """The database at ``path`` (None: in memory), checked whole and migrated to
    ``schema``; raises :class:`DatabaseFileError` (or OSError for the folder)."""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    where = ":memory:" if path is None else str(path)
    try:
        db = sqlite3.connect(where, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as error:
        raise DamagedFile(f"{where}: cannot open the {schema.name}: {error}") from error
    try:
        _configure(db, path, schema, foreign_keys)
        migrate(db, schema, where)
    except sqlite3.DatabaseError as error:
        db.close()
        raise DamagedFile(f"{where}: cannot open the {schema.name}: {error}") from error
    except BaseException:
        db.close()
        raise
    return db


def _configure(db: sqlite3.Connection, path: Path | None, schema: Schema,
               foreign_keys: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    refuse_newer(db, schema, str(path))
    if path is not None:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    if path is not None:
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise DamagedFile(f"{path}: the {schema.name} is damaged: the integrity check "
                              f"failed ({check})")


def schema_version(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def refuse_newer(db: sqlite3.Connection, schema: Schema, where: str) -> None:
    """Refuse a file written by a newer version before anything is written to it: a
    downgrade never changes the file."""
    current = schema_version(db)
    if current > schema.version:
        raise NewerSchema(
            f"{where}: schema version {current} is newer than this program knows "
            f"({schema.version}): it was written by a newer version of bank-kiosk. The "
            "file is left as it is; install that version (or a later one) again.")


def migrate(db: sqlite3.Connection, schema: Schema, where: str = "") -> None:
    """Apply the migrations the file has not had yet, each with its version, atomically."""
    for version in range(schema_version(db), schema.version):
        try:
            db.executescript("BEGIN IMMEDIATE;" + schema.migrations[version]
                             + f"; PRAGMA user_version = {version + 1}; COMMIT;")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        if where != ":memory:":
            log.info("%s %s migrated to schema %d", schema.name, where, version + 1)


def set_aside(path: Path) -> Path:
    """Rename a damaged SQLite file (and its -wal and -shm) for IT; the new name.
    Raises OSError when the folder does not allow it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    count = 1
    while kept.exists():
        count += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{count}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.rename(Path(str(kept) + suffix))
    return kept


@dataclass(frozen=True)
class Replaced:
    """Why a file was not opened as it was: ``problem`` (opening it) and ``fault`` (what was
    done instead, for the device's heartbeat)."""

    problem: DatabaseFileError | OSError
    fault: str


def open_or_replace(path: Path, open_file: Callable[[Path | None], S], what: str, *,
                    salvage: Callable[[Path], object] | None = None,
                    in_memory: str = "kept in memory") -> tuple[S, Replaced | None]:
    """``open_file(path)``; never fails. A file that cannot be opened is first read by
    ``salvage`` (which must not change it), then set aside for IT and a fresh one opened;
    when the folder holds no file at all, ``open_file(None)`` (in memory). ``what`` names
    the file in the fault ("the journal"); ``in_memory`` ends the fault in that case."""
    try:
        return open_file(path), None
    except (DatabaseFileError, OSError) as error:
        problem = error
    if salvage is not None:
        salvage(path)
    fault = f"{what} could not be used ({problem}); a new one was started"
    try:
        if path.exists():
            kept = set_aside(path)
            fault = f"{what} was damaged and set aside as {kept.name}"
        opened = open_file(path)
    except (DatabaseFileError, OSError) as error:
        opened = open_file(None)
        fault = f"no {what.removeprefix('the ')} can be kept in {path.parent} ({error}): " \
                f"{in_memory}"
    return opened, Replaced(problem, fault)
