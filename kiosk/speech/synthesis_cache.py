"""Synthesised speech kept for reuse, in a private folder that does not outlive the kiosk.

Screens repeat the same phrases all day, so a synthesised piece is kept, keyed by exactly
what produced it (text, voice, words per minute), in a least-recently-used store bounded by
total bytes. What a customer caused to be spoken (an answer they opened, their ticket) must
not stay behind for the next one, so each entry says whether it is a fixed phrase of the
product; `forget_customer_text` (run at every idle reset) deletes all other entries, and the
folder (mode 0700, under the system temp dir) is deleted on shutdown. A folder left behind by
a killed kiosk is removed at the next start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DIR_PREFIX = "kiosk-speech-"
_DIR_PATTERN = re.compile(re.escape(DIR_PREFIX) + r"(\d+)-[A-Za-z0-9_]+")


@dataclass(frozen=True)
class CacheKey:
    text: str
    voice_id: str
    wpm: int

    def file_name(self) -> str:
        digest = hashlib.sha256(f"{self.voice_id}\0{self.wpm}\0{self.text}".encode())
        return digest.hexdigest()[:32] + ".wav"


@dataclass
class _Entry:
    path: Path
    size: int
    fixed: bool


def make_private_dir(base: Path | None = None) -> Path:
    """A fresh folder only this user can read, named after this process for stale cleanup."""
    remove_stale_dirs(base)
    return Path(tempfile.mkdtemp(prefix=f"{DIR_PREFIX}{os.getpid()}-", dir=base))


def remove_stale_dirs(base: Path | None = None) -> list[Path]:
    """Delete speech folders of processes that no longer run (a kiosk that was killed)."""
    root = Path(base or tempfile.gettempdir())
    removed: list[Path] = []
    for candidate in root.glob(DIR_PREFIX + "*"):
        match = _DIR_PATTERN.fullmatch(candidate.name)
        if not match or not candidate.is_dir() or _owned_by_other_user(candidate):
            continue
        if not _process_alive(int(match.group(1))):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _owned_by_other_user(path: Path) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is not None and path.stat().st_uid != getuid()


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


class SynthesisCache:
    """Used from the speech service's thread only."""

    def __init__(self, directory: Path, max_bytes: int) -> None:
        self._directory = directory
        self._max_bytes = max_bytes
        self._entries: OrderedDict[CacheKey, _Entry] = OrderedDict()
        self._bytes = 0

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: CacheKey) -> Path | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if not entry.path.is_file():
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry.path

    def store(self, key: CacheKey, produced: Path, *, fixed: bool) -> Path:
        """Move the file `produced` into the cache and return its new path (which stays valid
        until the entry is evicted; callers use it at once)."""
        self._drop(key)
        target = self._directory / key.file_name()
        os.replace(produced, target)
        size = target.stat().st_size
        self._entries[key] = _Entry(target, size, fixed)
        self._bytes += size
        while self._bytes > self._max_bytes and len(self._entries) > 1:
            self._drop(next(iter(self._entries)))
        return target

    def forget_customer_text(self) -> int:
        """Delete every entry that is not a fixed phrase; return how many went."""
        transient = [key for key, entry in self._entries.items() if not entry.fixed]
        for key in transient:
            self._drop(key)
        return len(transient)

    def clear(self) -> None:
        for key in list(self._entries):
            self._drop(key)

    def _drop(self, key: CacheKey) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        self._bytes -= entry.size
        try:
            entry.path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not delete cached speech %s: %s", entry.path.name, error)
