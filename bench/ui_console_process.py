"""Run as a process: the real staff console, offscreen, reporting when call rows are painted.

``python -m bench.ui_console_process CONFIG CONSOLE_ID DATA_DIR`` builds the console with
``kiosk.console.app.build_console`` (the composition root ``kiosk console`` uses), signs in
a member of staff through the hub (so the console confirms calls as a staffed one does),
and gives the calls table the console's own row delegate wrapped to note the first paint of
each row: ``{"event": "painted", "call_id": ..., "at": ...}`` on stdout. Commands on stdin:
``rss``, ``quit``. The alarm sound goes to a player that ends at once (``true``): the
benchmark measures the screen, not the sound card.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from bench.branch import STAFF_PINS
from bench.procstat import rss_bytes
from bench.ui_probes import RowPaintDelegate
from kiosk.console.app import build_console
from kiosk.console.staff_session import Phase
from kiosk.core.config import load_config
from kiosk.speech.players import ChildProcessPlayer

STAFF = "wang-fang"


def say(payload: dict[str, object]) -> None:
    print(json.dumps(payload), flush=True)


class Commands(QObject):
    line = Signal(str)

    def start(self) -> None:
        def read() -> None:
            for text in sys.stdin:
                self.line.emit(text.strip())
            self.line.emit("quit")

        threading.Thread(target=read, name="stdin", daemon=True).start()


def wait_until(condition: object, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.001)
    return True


def main(config_path: str, console_id: str, data_dir: str) -> int:
    app = QApplication(sys.argv[:1])
    config = load_config(config_path)
    parts = build_console(app, config, console_id, Path(data_dir),
                          player=ChildProcessPlayer(["true"]))
    window = parts.window
    table = window.calls.table
    model = window.calls.model

    def painted(call_id: str, at: float) -> None:
        say({"event": "painted", "call_id": call_id, "at": at})

    table.setItemDelegate(RowPaintDelegate(table, model.key_at, painted))
    window.resize(1920, 1080)
    parts.start(connect=True, show=True)
    wait_until(lambda: parts.device.link.connected, 20)
    parts.desk.sign_in(STAFF, STAFF_PINS[STAFF])
    signed_in = wait_until(lambda: parts.desk.phase is Phase.SIGNED_IN, 10)
    commands = Commands()

    def run(line: str) -> None:
        if line == "rss":
            say({"event": "rss", "mib": rss_bytes(os.getpid()) / 1024 / 1024})
        elif line == "quit":
            app.exit(0)  # not quit(): that asks the window to close, and staff to confirm

    commands.line.connect(run, Qt.ConnectionType.QueuedConnection)
    commands.start()
    say({"event": "ready", "signed_in": signed_in,
         "rss_mib": rss_bytes(os.getpid()) / 1024 / 1024})
    code = app.exec()
    parts.stop()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
