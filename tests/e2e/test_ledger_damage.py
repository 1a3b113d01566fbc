"""A damaged help event in the ledger never stops the hub: the row is quarantined (left in
the file for IT, out of every call), named in the log, in /healthz and by `audit verify`,
and the hub serves everything else.

The damage is what a bad sector or a stray write does inside a record: bytes of one event's
body changed in place, so SQLite's own integrity check and the audit chain still pass.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from kiosk.core.help.events import new_raise
from kiosk.hub.ledger import Ledger
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console, headless_kiosk
from tests.helpers.hub_process import ROOT, prepare_hub
from tests.helpers.waiting import wait_until


def damage_event_body(db: Path, call_id: str) -> None:
    """Overwrite 12 bytes of the raise event's body (its ``"call_id": "`` key) in the file."""
    data = bytearray(db.read_bytes())
    key = f'"call_id": "{call_id}'.encode()
    at = data.find(key)
    assert at >= 0 and data.find(key, at + 1) < 0, "the body is in the file once"
    data[at:at + 12] = b"\xff" * 12
    db.write_bytes(bytes(data))


def test_a_hub_starts_and_serves_on_a_ledger_with_one_damaged_event(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port)
    now = time.time()
    good = new_raise("kiosk-1", now - 20)
    bad = new_raise("kiosk-2", now - 10)
    ledger = Ledger(hub.db_path)
    for event in (good, bad):
        assert ledger.add_help_event(event, stored_at=now)
    ledger.close()
    assert not Path(str(hub.db_path) + "-wal").exists()
    damage_event_body(hub.db_path, bad.call_id)

    hub.start()
    console = headless_console(hub.config, "console-1", tmp_path / "console").start()
    kiosk = headless_kiosk(hub.config, "kiosk-2", tmp_path / "kiosk").start()
    try:
        status, report = hub.healthz() or (0, {})
        assert status == 200 and report["ok"], report
        assert report["database"]["quarantined_events"] == [bad.id]
        assert f"help event {bad.id} cannot be read" in hub.log()

        # Everything else is served: the good call reaches a console from the hub's state,
        # and a new call is stored and acknowledged.
        wait_until(lambda: good.call_id in console.client.calls, 10, "the good call")
        assert bad.call_id not in console.client.calls
        kiosk.call(lambda: kiosk.client.raise_help())
        wait_until(lambda: kiosk.client.sender.pending() == 0, 10, "the hub stores a new call")
    finally:
        kiosk.stop()
        console.stop()
        assert hub.stop() == 0

    verify = subprocess.run([sys.executable, "-m", "kiosk", "audit", "verify",
                             str(hub.db_path)], capture_output=True, text=True, cwd=ROOT,
                            timeout=60, check=False)
    assert verify.returncode == 1
    assert f"help event {bad.id} cannot be read" in verify.stderr
    assert "audit log intact" in verify.stdout  # the audit chain itself is whole
