"""Presence is part of help, through real processes: a console killed after confirming a call
stops counting as "staff notified", a member of staff who signs out stops being "coming", and
an escalation a console made while the hub was down reaches the hub's ledger.

The hub is the real ``python -m kiosk hub``; the console that dies is its own process,
killed with SIGKILL; the broker is a real Mosquitto.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallStatus
from kiosk.core.help.view import HelpPhase, help_view
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console, headless_kiosk
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import prepare_hub
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def ledger_kinds(db_path: Path, call_id: str) -> list[tuple[str, str]]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT kind, origin FROM help_events WHERE call_id = ?",
                               (call_id,)))


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as exits:
        yield exits


def test_a_desk_killed_after_confirming_and_staff_signing_out_are_no_longer_promised(
        mosquitto: MosquittoBroker, tmp_path: Path, stack: ExitStack) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port, **{"help.escalate_after_s": 3.0})
    config = load_config(hub.config_path)
    hub.start()
    stack.callback(hub.stop)
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk-1").start()
    stack.callback(kiosk.stop)
    lobby = headless_console(config, "console-lobby", tmp_path / "console-lobby").start()
    stack.callback(lobby.stop)
    lobby.call(lambda: lobby.client.set_staff_present(False))  # nobody signed in there yet
    desk = subprocess.Popen([sys.executable, "-m", "tests.helpers.console_process",
                             str(hub.config_path), "console-1", str(tmp_path / "console-1")],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert desk.stdout is not None
    stack.callback(desk.stdout.close)
    stack.callback(lambda: desk.poll() is None and desk.kill())
    assert desk.stdout.readline().strip() == "ready"
    wait_until(lambda: kiosk.client.reachability().consoles_online >= {"console-1"},
               what="the kiosk hears the desk")

    call_id = str(kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id))
    wait_until(lambda: kiosk.client.call is not None
               and kiosk.client.call.status is CallStatus.NOTIFIED,
               what="the desk confirmed: staff notified")
    assert kiosk.client.call.received_by == {"console-1"}

    desk.send_signal(signal.SIGKILL)
    desk.wait(5)
    wait_until(lambda: kiosk.client.call.status is CallStatus.RAISED, timeout_s=10,
               what="the kiosk no longer counts the dead desk")
    shown = kiosk.client.call
    assert shown.silent_desks == {"console-1"}
    view = help_view(shown, now=time.time(), connected=True,
                     consoles_online=len(kiosk.client.reachability().consoles_online))
    assert view.phase is HelpPhase.NO_STAFF  # go to the counter, while it keeps calling
    wait_until(lambda: lobby.client.calls[call_id].silent_desks == {"console-1"},
               what="the other console names the silent desk")
    assert lobby.client.calls[call_id].status is CallStatus.RAISED  # it alarms
    wait_until(lambda: ("escalated", "hub") in ledger_kinds(hub.db_path, call_id),
               timeout_s=10, what="the hub escalates the call nobody has any more")

    # Someone signs in at the lobby desk: it confirms, then says "I'm coming" ...
    sign_in(lobby, "li-ming")
    assert lobby.call(lambda: lobby.client.acknowledge(call_id, "li-ming")) is None
    wait_until(lambda: kiosk.client.call.acknowledged_by == "li-ming", timeout_s=10,
               what="the kiosk names who is coming")
    # ... and signs out on the way: the kiosk stops naming them, the call is unanswered.
    lobby.call(lambda: lobby.client.sign_out())
    wait_until(lambda: kiosk.client.call.acknowledged_by is None, timeout_s=10,
               what="the kiosk stops naming someone who signed out")
    assert kiosk.client.call.gone_staff == ("li-ming",)
    assert kiosk.client.call.status is CallStatus.NOTIFIED  # the lobby desk still has it
    wait_until(lambda: lobby.client.calls[call_id].status is CallStatus.NOTIFIED,
               what="the console alarms again")


def test_an_escalation_made_by_a_console_with_the_hub_down_reaches_the_ledger(
        mosquitto: MosquittoBroker, tmp_path: Path, stack: ExitStack) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port, **{"help.escalate_after_s": 1.0})
    config = load_config(hub.config_path)  # the hub is not started: it is down
    stack.callback(hub.stop)
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk-1").start()
    stack.callback(kiosk.stop)
    lobby = headless_console(config, "console-lobby", tmp_path / "console-lobby").start()
    stack.callback(lobby.stop)
    wait_until(lambda: kiosk.client.reachability().staff_reachable, what="a console online")
    call_id = str(kiosk.call(lambda: kiosk.client.raise_help().call_id))
    wait_until(lambda: kiosk.client.call is not None and kiosk.client.call.escalation_level >= 1,
               timeout_s=10, what="the console escalated the unanswered call")
    made = [e for e in lobby.store.events([call_id])
            if e.kind.value == "escalated" and e.origin == "console-lobby"]
    assert made

    hub.start()
    wait_until(lambda: {e.id for e in made} <= {
        row[0] for row in _ids(hub.db_path, call_id)}, timeout_s=15,
        what="the console's escalation is in the hub's ledger (and so in History)")
    wait_until(lambda: lobby.client.sender.pending() == 0, timeout_s=10,
               what="the hub acked the console's events")


def _ids(db_path: Path, call_id: str) -> list[tuple[str]]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT id FROM help_events WHERE call_id = ?", (call_id,)))
