"""Run as a process: commit a help call to a kiosk's outbox, then die before publishing.

``python -m tests.helpers.crash_after_commit CONFIG KIOSK_ID DATA_DIR`` prints the call id,
then kills itself with SIGKILL: what a power cut or a crash between the SQLite commit and
the MQTT publish does. The test restarts the kiosk on the same store.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from kiosk.core.config import load_config
from kiosk.core.help.events import Category, new_raise
from kiosk.net.device_link import DeviceLink, identity_for
from kiosk.net.event_sender import EventSender
from kiosk.net.local_store import LocalStore
from kiosk.protocol import topics


def main() -> None:
    config = load_config(sys.argv[1])
    kiosk_id, data_dir = sys.argv[2], Path(sys.argv[3])
    link = DeviceLink(config, identity_for(config, kiosk_id), on_message=lambda d: None,
                      dispatch=lambda job: None)  # never started: nothing is published
    store = LocalStore(data_dir / f"{kiosk_id}.sqlite")
    sender = EventSender(store, link, time.time)
    event = new_raise(kiosk_id, time.time(), category=Category.MEDICAL)
    sender.send(event, topics.kiosk_help(config.branch.id, kiosk_id))
    print(event.call_id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main()
