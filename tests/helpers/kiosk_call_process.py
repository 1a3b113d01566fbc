"""Run a headless kiosk as its own process and raise one help call: ``CONFIG KIOSK_ID
DATA_DIR``. Prints the call id once it is raised, then runs until killed, re-sending the
call until someone acknowledges it."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from kiosk.core.config import load_config
from kiosk.net.headless import headless_kiosk


def main() -> None:
    config = load_config(sys.argv[1])
    device = headless_kiosk(config, sys.argv[2], Path(sys.argv[3])).start()
    pause = threading.Event()  # no time.sleep: see tests/helpers/faketime.py
    deadline = time.monotonic() + 20
    while not device.link.connected and time.monotonic() < deadline:
        pause.wait(0.02)
    call = device.call(lambda: device.client.raise_help())
    print(call.call_id, flush=True)  # type: ignore[attr-defined]
    threading.Event().wait()


if __name__ == "__main__":
    main()
