"""Logging for every program: readable on the console, structured and rotating on disk.

Each line on disk is one JSON object (time, level, program, logger, message), so branch IT
can grep it and a support bundle can be read by tools. Logs hold no personal data and no
secrets: the product never logs PINs, passwords or ticket tokens on purpose, and a filter
scrubs anything that looks like one in case a library or a future change does.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 2_000_000
BACKUPS = 5

_SECRET_PATTERNS = (
    # key=value or "key": "value" where the key names a secret
    re.compile(r"""(?i)(\b(?:pin|password|passwd|secret|token|session)\b["']?\s*[:=]\s*["']?)"""
               r"""([^\s"',}]+)"""),
    # PIN hashes and Mosquitto password hashes
    re.compile(r"scrypt\$[0-9$A-Za-z+/=]+"),
    re.compile(r"\$7\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"),
    # status-page links carry the ticket's token
    re.compile(r"(/t/)[A-Za-z0-9_-]{16,64}"),
)


def scrub(text: str, extra_secrets: tuple[str, ...] = ()) -> str:
    """``text`` with anything secret-looking replaced by ``***``."""
    for secret in extra_secrets:
        if secret:
            text = text.replace(secret, "***")
    for pattern in _SECRET_PATTERNS:
        if pattern.groups >= 1:
            text = pattern.sub(lambda m: (m.group(1) if m.lastindex else "") + "***", text)
        else:
            text = pattern.sub("***", text)
    return text


class ScrubFilter(logging.Filter):
    """Removes secrets from every record before any handler formats it."""

    def __init__(self, extra_secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.extra_secrets = extra_secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message, self.extra_secrets)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_text is None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info),
                                    self.extra_secrets)
            record.exc_info = None
        return True


class JsonLines(logging.Formatter):
    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(record.created))
            + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "program": self.program,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            entry["error"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(program: str, log_dir: Path | None, *, level: int = logging.INFO,
                  extra_secrets: tuple[str, ...] = ()) -> Path | None:
    """Configure the root logger; returns the log file (None when logging to stderr only)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk_handler", False):  # ours from an earlier call only
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    scrubber = ScrubFilter(extra_secrets)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.addFilter(scrubber)
    console._kiosk_handler = True  # type: ignore[attr-defined]
    root.addHandler(console)
    if log_dir is None:
        _announce(program)
        return None
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / f"{program}.log"
    rotating = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                    backupCount=BACKUPS, encoding="utf-8")
    rotating.setFormatter(JsonLines(program))
    rotating.addFilter(scrubber)
    rotating._kiosk_handler = True  # type: ignore[attr-defined]
    root.addHandler(rotating)
    _announce(program)
    return path


def _announce(program: str) -> None:
    from kiosk import __version__

    logging.getLogger("kiosk").info("%s %s starting (Python %s)", program, __version__,
                                    sys.version.split()[0])


def reset_logging() -> None:
    """Remove the handlers :func:`setup_logging` added (tests, or before exiting)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk_handler", False):
            root.removeHandler(handler)
            handler.close()


def printable(text: str) -> str:
    """``text`` safe for a one-line log: non-ASCII and control characters escaped, so a
    hostile topic cannot forge or garble log lines."""
    return "".join(c if " " <= c <= "~" else ascii(c)[1:-1] for c in text)


IN_FULL = 3
"""Refusals of one reason from one sender logged line by line in each interval."""


@dataclass
class _Window:
    started: float
    logged: int = 0
    summed: int = 0  # refused in this window beyond the first IN_FULL, not logged yet


class RefusalLog:
    """The log lines for refusals, bounded: a flood must not rotate away the history IT
    needs. Per reason and sender, the first ``IN_FULL`` refusals of each interval are logged
    in full; the rest are counted and summed up in one line when the interval is over (from
    ``flush``, called by the hub's timer, or from the next refusal). A flood of any size
    then costs at most ``IN_FULL + 1`` lines per reason and sender per interval; the exact
    counts are kept by the caller (the hub's /healthz, a device's counters). Not
    thread-safe: call from one thread, or under the caller's lock."""

    MAX_WINDOWS = 10_000

    def __init__(self, logger: logging.Logger, every_s: float) -> None:
        self._log = logger
        self.every_s = every_s
        self._windows: dict[tuple[str, str], _Window] = {}

    def refused(self, reason: str, sender: str, topic: str, detail: str,
                now: float) -> None:
        """One refused message; ``detail`` must hold no secret (it is logged)."""
        key = (reason, sender)
        window = self._windows.get(key)
        if window is None or not 0.0 <= now - window.started < self.every_s:
            if window is not None:
                self._sum_up(key, window, now)
            if len(self._windows) >= self.MAX_WINDOWS:
                self.flush(float("inf"))
            window = self._windows[key] = _Window(now)
        if window.logged >= IN_FULL:
            window.summed += 1
            return
        window.logged += 1
        more = (f" (more {reason} from {printable(sender)} are summed up every "
                f"{self.every_s:g} s)" if window.logged == IN_FULL else "")
        self._log.warning("dropped %s: %s: %s%s", printable(topic[:200]), reason,
                    printable(detail), more)

    def flush(self, now: float) -> None:
        """Sum up every interval that is over (or, with a clock stepped back, looks it)."""
        for key, window in list(self._windows.items()):
            if not 0.0 <= now - window.started < self.every_s:
                self._sum_up(key, window, now)
                del self._windows[key]

    def _sum_up(self, key: tuple[str, str], window: _Window, now: float) -> None:
        if window.summed:
            self._log.warning("dropped %d more %s from %s in %.0f s (not logged one by one)",
                        window.summed, key[0], printable(key[1]),
                        max(0.0, min(now, window.started + self.every_s) - window.started))
