"""Run as a process: the real staff console, offscreen, staffed for the soak benchmark.

``python -m bench.soak_console CONFIG CONSOLE_ID DATA_DIR``. The console is built by
``kiosk.console.app.build_console`` (the composition root ``kiosk console`` uses), a member
of staff signs in through the hub, and the window runs as in a branch, so the memory the
benchmark samples is the console program's own.

The benchmark watches what the window is drawn from: the console bridge's ``calls_changed``
signal. The first time a call appears there it prints ``{"event": "held", ...}``; the first
time it appears closed, ``{"event": "closed", ...}``. Staff answer the calls that are theirs
to close (``bench.soak_kiosks.closes_at_kiosk`` says which are not): "I'm coming" after
``ACK_AFTER_S`` and the close after ``RESOLVE_AFTER_S``, through the bridge the window's
buttons use. ``{"event": "link", ...}`` says when the broker link drops or comes back.
Commands on stdin: ``rss``, ``quit``. Times are the wall clock.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from bench.branch import STAFF_PINS
from bench.soak_kiosks import closes_at_kiosk
from bench.ui_probes import say, serve_console
from kiosk.console.app import ConsoleParts, build_console
from kiosk.core.config import load_config
from kiosk.core.help.events import Outcome
from kiosk.core.help.state import CallState
from kiosk.speech.players import ChildProcessPlayer

STAFF = "wang-fang"
ACK_AFTER_S = 2.0
RESOLVE_AFTER_S = 6.0
LINK_POLL_MS = 250



class Staff(QObject):
    """Notes when calls reach the window's model and answers those that are the desk's."""

    def __init__(self, parts: ConsoleParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self._held: set[str] = set()
        self._closed: set[str] = set()
        self.refused = 0
        self._linked: bool | None = None
        parts.bridge.calls_changed.connect(self._calls_changed)
        parts.bridge.command_refused.connect(self._refused)
        self._link_timer = QTimer(self)
        self._link_timer.setInterval(LINK_POLL_MS)
        self._link_timer.timeout.connect(self._link)
        self._link_timer.start()

    def _link(self) -> None:
        """Say when the console's broker link goes down or comes back."""
        connected = self._parts.device.link.connected
        if connected != self._linked:
            self._linked = connected
            say({"event": "link", "connected": connected, "at": time.time()})

    def _calls_changed(self, calls: dict[str, CallState]) -> None:
        now = time.time()
        for call_id, state in calls.items():
            if call_id not in self._held:
                self._held.add(call_id)
                say({"event": "held", "call_id": call_id, "kiosk": state.kiosk_id, "at": now})
                if state.is_open and not closes_at_kiosk(call_id):
                    self._answer(call_id)
            if not state.is_open and call_id not in self._closed:
                self._closed.add(call_id)
                say({"event": "closed", "call_id": call_id, "at": now})

    def _answer(self, call_id: str) -> None:
        bridge, desk = self._parts.bridge, self._parts.desk

        def coming() -> None:
            desk.activity()
            bridge.acknowledge(call_id, desk.staff_id or STAFF)

        def close() -> None:
            desk.activity()
            bridge.resolve(call_id, desk.staff_id or STAFF, Outcome.HELPED)

        QTimer.singleShot(int(ACK_AFTER_S * 1000), coming)
        QTimer.singleShot(int(RESOLVE_AFTER_S * 1000), close)

    def _refused(self, call_id: str, reason: str) -> None:
        self.refused += 1
        say({"event": "refused", "call_id": call_id, "reason": reason, "at": time.time()})



def main(config_path: str, console_id: str, data_dir: str) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication(sys.argv[:1])
    config = load_config(config_path)
    parts = build_console(app, config, console_id, Path(data_dir),
                          player=ChildProcessPlayer(["true"]))
    staff = Staff(parts)
    return serve_console(app, parts, STAFF, STAFF_PINS[STAFF],
                         rss_extra=lambda: {"refused": staff.refused})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
