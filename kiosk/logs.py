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
