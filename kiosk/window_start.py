"""How a program with a window starts: its log, its configuration and broker password
(``program_start``), then its one ``QApplication``. The kiosk, the staff console and the
wall display start alike; what each builds next is its own."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig
from kiosk.logs import setup_logging
from kiosk.program_start import device_start


@dataclass(frozen=True)
class WindowStart:
    """What a windowed program has once it may build its window."""

    app: QApplication
    config: BranchConfig
    password: str | None  # for the broker; None: no secrets file


def start_window_program(program: str, config_path: str, device_id: str,
                         secrets_path: str | None, *, log_name: str, app_name: str,
                         log_dir: str | None = None,
                         check: Callable[[BranchConfig], object] = lambda config: None,
                         refusals: tuple[type[Exception], ...] = ()) -> WindowStart | None:
    """Log as ``log_name`` (also into ``log_dir``), read what ``device_id`` needs and make
    the application named ``app_name``; None, said on standard error, when ``kiosk
    <program>`` cannot start (see ``program_start.device_start``)."""
    setup_logging(log_name, Path(log_dir) if log_dir else None)
    start = device_start(program, config_path, device_id, secrets_path, check=check,
                         refusals=refusals)
    if start is None:
        return None
    app = QApplication(sys.argv[:1])
    app.setApplicationName(app_name)
    return WindowStart(app, *start)
