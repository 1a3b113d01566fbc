"""Run a headless console as its own process until killed: ``CONFIG CONSOLE_ID DATA_DIR``.

Prints ``ready`` once connected, so a test can kill it with SIGKILL mid-alarm.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from kiosk.core.config import load_config
from kiosk.net.headless import headless_console


def main() -> None:
    config = load_config(sys.argv[1])
    device = headless_console(config, sys.argv[2], Path(sys.argv[3])).start()
    deadline = time.monotonic() + 20
    while not device.link.connected and time.monotonic() < deadline:
        time.sleep(0.02)
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
