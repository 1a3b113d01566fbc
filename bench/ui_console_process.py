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

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.branch import STAFF_PINS
from bench.ui_probes import RowPaintDelegate, say, serve_console
from kiosk.console.app import build_console
from kiosk.core.config import load_config
from kiosk.speech.players import ChildProcessPlayer

STAFF = "wang-fang"




def main(config_path: str, console_id: str, data_dir: str) -> int:
    app = QApplication(sys.argv[:1])
    config = load_config(config_path)
    parts = build_console(app, config, console_id, Path(data_dir),
                          player=ChildProcessPlayer(["true"]))
    table = parts.window.calls.table
    model = parts.window.calls.model

    def painted(call_id: str, at: float) -> None:
        say({"event": "painted", "call_id": call_id, "at": at})

    table.setItemDelegate(RowPaintDelegate(table, model.key_at, painted))
    return serve_console(app, parts, STAFF, STAFF_PINS[STAFF])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
