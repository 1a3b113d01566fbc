"""Run as a process: ``kiosk run`` itself, reporting when the home screen was first painted.

``python -m bench.cold_start_probe CONFIG KIOSK_ID DATA_DIR`` calls the product's
``run_kiosk`` (configuration, fonts, speech service with its warm-up, network, window:
everything ``python -m kiosk run --windowed`` does), with one probe added where the window
is started: the end of the home screen's first repaint is printed as
``{"event": "home_painted", "at": <monotonic>}``, and the program is asked to quit.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

import kiosk.customer.app as kiosk_app
from bench.ui_probes import PaintWatch

_original_start = kiosk_app.KioskParts.start
_watches: list[PaintWatch] = []
"""Kept alive here: a watch referenced only by its own callback is a cycle that Python's
collector may delete mid-start, and with it the event filter."""


def _start_and_watch(self: kiosk_app.KioskParts, *, windowed: bool,
                     connect: bool = True) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watch = PaintWatch(app)
    _watches.append(watch)
    watch.arm(self.window.home)

    def painted(at: float) -> None:
        print(json.dumps({"event": "home_painted", "at": at}), flush=True)
        watch.detach()
        app.quit()

    watch.done = painted
    _original_start(self, windowed=windowed, connect=connect)


def main(config_path: str, kiosk_id: str, data_dir: str) -> int:
    kiosk_app.KioskParts.start = _start_and_watch  # type: ignore[method-assign]
    return kiosk_app.run_kiosk(config_path, kiosk_id, None, data_dir, windowed=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
