"""Run as a process: commit a help call to a kiosk's outbox, then die before publishing it.

``python -m bench.unsent_call CONFIG KIOSK_ID DATA_DIR`` prints the call id, then kills itself
with SIGKILL: what a power cut between the SQLite commit and the MQTT publish does. The
restart benchmark then starts the kiosk again on the same store.
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


def main(config_path: str, kiosk_id: str, data_dir: str) -> None:
    config = load_config(config_path)
    link = DeviceLink(config, identity_for(config, kiosk_id), on_message=lambda _d: None,
                      dispatch=lambda _job: None)  # never started: nothing is published
    store = LocalStore(Path(data_dir) / f"{kiosk_id}.sqlite")
    sender = EventSender(store, link, time.time)
    event = new_raise(kiosk_id, time.time(), category=Category.MEDICAL)
    sender.send(event, topics.kiosk_help(config.branch.id, kiosk_id))
    print(event.call_id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(*sys.argv[1:4])
