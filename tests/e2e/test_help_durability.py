"""Help calls through real processes and a real broker: nothing lost, nothing doubled.

The kiosk and consoles are the real network clients (headless: no screen), the hub is the
real ``python -m kiosk hub`` process, the broker a real Mosquitto (and, where marked, the
embedded demo broker).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

from kiosk.core.help.events import Category, HelpEventKind
from kiosk.core.help.state import CallStatus
from kiosk.net.broker import EmbeddedBroker, MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice
from kiosk.net.kiosk_client import KioskClient
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess
from tests.helpers.live_branch import Branch
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
CONSOLES = ("console-lobby", "console-1")


def ledger_events(hub: HubProcess) -> dict[str, tuple[str, float]]:
    """Event id -> (kind, time) as the hub's SQLite holds them."""
    with sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True) as db:
        return {row[0]: (row[1], row[2])
                for row in db.execute("SELECT id, kind, at FROM help_events")}


def consoles(branch: Branch) -> list[HeadlessDevice[ConsoleClient]]:
    return [branch.headless_console(name) for name in CONSOLES]


def wait_connected(*devices: HeadlessDevice[KioskClient] | HeadlessDevice[ConsoleClient]
                   ) -> None:
    for device in devices:
        wait_until(lambda d=device: d.link.connected, what=f"{device.device_id} connected")


def test_full_loop_every_event_in_the_ledger(any_broker: MosquittoBroker | EmbeddedBroker,
                                             tmp_path: Path, stack: ExitStack) -> None:
    branch = Branch(tmp_path, any_broker.port, stack, start_hub=False)
    branch.hub.start()
    kiosk = branch.headless_kiosk()
    lobby, counter = consoles(branch)
    wait_connected(kiosk, lobby, counter)
    wait_until(lambda: kiosk.client.reachability().staff_reachable, what="a console online")

    call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id)
    wait_until(lambda: kiosk.client.call is not None
               and kiosk.client.call.received_by == set(CONSOLES),
               what="both consoles confirmed receipt")
    assert kiosk.client.call.status is CallStatus.NOTIFIED  # "staff notified"

    sign_in(lobby, "wang-fang")
    assert lobby.call(lambda: lobby.client.acknowledge(call_id, "wang-fang")) is None
    wait_until(lambda: kiosk.client.call.acknowledged_by == "wang-fang", what="who is coming")
    staff = branch.config.staff_member(kiosk.client.call.acknowledged_by or "")
    assert staff is not None and staff.name["zh_CN"] == "王芳"
    wait_until(lambda: counter.client.calls[call_id].acknowledged_by == "wang-fang",
               what="the other console sees the acknowledgement")

    known = {e.id for e in kiosk.store.events([call_id])}
    wait_until(lambda: known <= set(ledger_events(branch.hub)),
               what="the hub's ledger holds every event")
    stored = ledger_events(branch.hub)
    kinds = sorted(kind for kind, _ in stored.values())
    assert kinds == ["acknowledged", "raised", "received", "received"]
    assert all(at > 0 for _, at in stored.values())
    wait_until(lambda: kiosk.client.sender.pending() == 0, what="the hub acked the kiosk")


def test_kiosk_killed_between_commit_and_publish_delivers_once_after_restart(
        mosquitto: MosquittoBroker, tmp_path: Path, stack: ExitStack) -> None:
    branch = Branch(tmp_path, mosquitto.port, stack, start_hub=False)
    branch.hub.start()
    lobby, counter = consoles(branch)
    crashed = subprocess.run(
        [sys.executable, "-m", "tests.helpers.crash_after_commit", str(branch.hub.config_path),
         "kiosk-1", str(tmp_path / "kiosk-1")], cwd=ROOT, capture_output=True, text=True,
        timeout=60, check=False)
    assert crashed.returncode == -9, crashed.stderr
    call_id = crashed.stdout.strip()
    assert not any(call_id in c.client.calls for c in (lobby, counter))

    kiosk = branch.headless_kiosk()  # the same data folder: the outbox still holds the call
    for console in (lobby, counter):
        wait_until(lambda c=console: call_id in c.client.calls, what="console has the call")
    wait_until(lambda: kiosk.client.sender.pending() == 0, what="the hub acked the call")
    raised = [eid for eid, (kind, _) in ledger_events(branch.hub).items() if kind == "raised"]
    assert raised == [call_id]
    for console in (lobby, counter):
        assert list(console.client.calls) == [call_id]
    assert kiosk.client.call is not None and kiosk.client.call.call_id == call_id


def test_broker_restart_mid_flow_loses_nothing(mosquitto: MosquittoBroker, tmp_path: Path,
                                               stack: ExitStack) -> None:
    branch = Branch(tmp_path, mosquitto.port, stack, start_hub=False)
    branch.hub.start()
    kiosk = branch.headless_kiosk()
    lobby, counter = consoles(branch)
    wait_connected(kiosk, lobby, counter)
    sign_in(lobby, "li-ming")
    call_id = kiosk.call(lambda: kiosk.client.raise_help().call_id)
    wait_until(lambda: kiosk.client.call.status is CallStatus.NOTIFIED, what="notified")

    mosquitto.kill()
    wait_until(lambda: not kiosk.link.connected and not lobby.link.connected,
               what="clients notice the broker is gone")
    assert kiosk.call(lambda: kiosk.client.set_category(Category.PRIVATE_TALK)) is True
    assert lobby.call(lambda: lobby.client.acknowledge(call_id, "li-ming")) is None
    mosquitto.start()

    wait_connected(kiosk, lobby, counter)
    wait_until(lambda: kiosk.client.call.acknowledged_by == "li-ming", timeout_s=10,
               what="the kiosk learns who is coming after the restart")
    wait_until(lambda: counter.client.calls[call_id].category is Category.PRIVATE_TALK,
               timeout_s=10, what="the other console gets the category")
    everything = {e.id for e in kiosk.store.events([call_id])} | {
        e.id for e in lobby.store.events([call_id])}
    wait_until(lambda: everything <= set(ledger_events(branch.hub)), timeout_s=10,
               what="the hub's ledger holds every event")
    kinds = [kind for kind, _ in ledger_events(branch.hub).values()]
    assert kinds.count(HelpEventKind.CATEGORY_SET.value) == 1
    assert kinds.count(HelpEventKind.ACKNOWLEDGED.value) == 1


def test_hub_down_consoles_still_answer_and_the_hub_catches_up(
        mosquitto: MosquittoBroker, tmp_path: Path, stack: ExitStack) -> None:
    branch = Branch(tmp_path, mosquitto.port, stack, start_hub=False)
    kiosk = branch.headless_kiosk()
    lobby, counter = consoles(branch)
    wait_connected(kiosk, lobby, counter)
    branch.hub.start()  # only to sign in: staff act in their own name
    sign_in(counter, "zhang-wei")
    assert branch.hub.stop() == 0
    wait_until(lambda: kiosk.client.reachability().staff_reachable, what="a console online")

    call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id)
    for console in (lobby, counter):
        wait_until(lambda c=console: call_id in c.client.calls, what="console has the call")
    wait_until(lambda: kiosk.client.call.status is CallStatus.NOTIFIED, what="notified")
    assert counter.call(lambda: counter.client.acknowledge(call_id, "zhang-wei")) is None
    wait_until(lambda: kiosk.client.call.acknowledged_by == "zhang-wei", what="who is coming")
    assert kiosk.client.sender.pending() > 0  # no hub: nothing is acked for good yet

    branch.hub.start()
    console_events = {e.id for e in lobby.store.events([call_id])}
    wait_until(lambda: console_events <= set(ledger_events(branch.hub)), timeout_s=15,
               what="the hub's ledger catches up with the consoles")
    hub_made = {eid for eid, (kind, _) in ledger_events(branch.hub).items()
                if kind in ("escalated", "resignalled")}  # the hub's own timers, after it came
    assert set(ledger_events(branch.hub)) - hub_made == console_events
    wait_until(lambda: kiosk.client.sender.pending() == 0 and counter.client.sender.pending()
               == 0, timeout_s=15, what="every outbox emptied by the hub's acks")
