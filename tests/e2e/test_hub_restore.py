"""Anti-entropy through real processes: a hub whose database is replaced by an older copy
while the branch runs gets every call since then back from the kiosks and consoles, once.

The hub is the real ``python -m kiosk hub`` process on a real Mosquitto; kiosks and consoles
are the real headless clients with their own SQLite stores.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.core.help.events import Category, Outcome
from kiosk.core.help.state import CallStatus
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.kiosk_client import KioskClient
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import prepare_hub
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
KIOSKS = ("kiosk-1", "kiosk-2")


def ledger_rows(db_path: Path) -> list[tuple[str, str, str]]:
    """(event id, call id, kind) of every help event the hub's SQLite holds."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT id, call_id, kind FROM help_events"))


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as exits:
        yield exits


def test_a_hub_restored_from_an_older_copy_gets_every_later_call_back_once(
        mosquitto: MosquittoBroker, tmp_path: Path, stack: ExitStack) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port, **{"help.digest_interval_s": 0.5,
                                                          "help.escalate_after_s": 600.0})
    config = load_config(hub.config_path)
    hub.start()
    stack.callback(hub.stop)
    kiosks: list[HeadlessDevice[KioskClient]] = []
    for kiosk_id in KIOSKS:
        kiosks.append(headless_kiosk(config, kiosk_id, tmp_path / kiosk_id).start())
        stack.callback(kiosks[-1].stop)
    console: HeadlessDevice[ConsoleClient] = headless_console(
        config, "console-1", tmp_path / "console-1").start()
    stack.callback(console.stop)
    for device in (*kiosks, console):
        wait_until(lambda d=device: d.link.connected, what=f"{device.device_id} connected")
    wait_until(lambda: kiosks[0].client.reachability().staff_reachable, what="console online")
    sign_in(console, "li-ming")  # before the copy is taken: the copy knows the session

    def call_and_close(kiosk: HeadlessDevice[KioskClient], close: bool) -> str:
        call_id = str(kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id))
        wait_until(lambda: call_id in console.client.calls, what="the console has the call")
        assert console.call(lambda: console.client.acknowledge(call_id, "li-ming")) is None
        if close:
            assert console.call(lambda: console.client.resolve(
                call_id, "li-ming", Outcome.HELPED)) is None
        wait_until(lambda: kiosk.client.sender.pending() == 0
                   and console.client.sender.pending() == 0, what="the hub acked everything")
        return call_id

    first = call_and_close(kiosks[0], close=True)
    # The backup: a consistent copy of the running hub's database, as a nightly job takes it.
    backup = tmp_path / "backup.db"
    with sqlite3.connect(hub.db_path) as source, sqlite3.connect(backup) as copy:
        source.backup(copy)
    assert {row[1] for row in ledger_rows(backup)} == {first}

    later = [call_and_close(kiosks[1], close=True), call_and_close(kiosks[0], close=False)]
    kiosks[1].call(lambda: kiosks[1].client.give_feedback(True))
    wait_until(lambda: kiosks[1].client.sender.pending() == 0, what="feedback acked")
    expected = {e.id for device in (*kiosks, console) for e in device.store.events()
                if e.origin == device.device_id}
    assert {row[0] for row in ledger_rows(hub.db_path)} >= expected

    hub.kill()  # the disk is replaced; last night's copy is put back
    for suffix in ("", "-wal", "-shm"):
        Path(f"{hub.db_path}{suffix}").unlink(missing_ok=True)
    backup.rename(hub.db_path)
    hub.start()
    assert set(later).isdisjoint(row[1] for row in ledger_rows(hub.db_path))

    wait_until(lambda: expected <= {row[0] for row in ledger_rows(hub.db_path)},
               timeout_s=30, what="every event of every later call back in the ledger")
    rows = ledger_rows(hub.db_path)
    raised = [call_id for _, call_id, kind in rows if kind == "raised"]
    assert sorted(raised) == sorted([first, *later])  # every call once
    assert len({row[0] for row in rows}) == len(rows)
    device_rows = [row for row in rows if row[0] in expected]
    assert len(device_rows) == len(expected)  # nothing doubled
    # The open call is open on the hub again, with the one who is coming.
    wait_until(lambda: kiosks[0].client.call is not None
               and kiosks[0].client.call.status is CallStatus.ACKNOWLEDGED,
               what="the kiosk still shows who is coming")
    hub.stop()
    verified = subprocess.run([sys.executable, "-m", "kiosk", "audit", "verify",
                               str(hub.db_path)], cwd=ROOT, capture_output=True, text=True,
                              timeout=60, check=False)
    assert verified.returncode == 0, verified.stdout + verified.stderr
