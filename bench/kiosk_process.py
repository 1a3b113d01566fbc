"""Run as a process: the kiosk's network side without a screen, as a restarted kiosk runs it.

``python -m bench.kiosk_process CONFIG KIOSK_ID DATA_DIR`` prints ``imported <t>`` once its
imports are done and ``connected <t>`` when the broker accepted it (``t`` on the system-wide
monotonic clock, comparable with the parent's), then runs until SIGTERM. It is the same
``HeadlessDevice`` + ``KioskClient`` the Qt kiosk builds, so what it re-sends after a crash
is what the kiosk re-sends.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import signal  # noqa: E402  (the start time is taken before any import)
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.net.headless import headless_kiosk  # noqa: E402


def main(config_path: str, kiosk_id: str, data_dir: str) -> None:
    print(f"imported {time.monotonic()}", flush=True)
    config = load_config(config_path)
    device = headless_kiosk(config, kiosk_id, Path(data_dir)).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if device.link.link.wait_connected(30):
        print(f"connected {time.monotonic()}", flush=True)
    stop.wait()
    device.stop()


if __name__ == "__main__":
    main(*sys.argv[1:4])
