"""Run as a process: one kiosk or console client for the random fault run, driven on stdin.

``python -m bench.fault_device CONFIG ROLE DEVICE_ID DATA_DIR [STAFF]``, ROLE ``kiosk`` or
``console``; STAFF, for a console, is who is signed in there (its heartbeat says so, as a
restarted console's does once its desk session is back). The device is the product's own
headless client (``kiosk.net.headless``): the same client, durable store, outbox and worker
thread the kiosk and console programs run, so a kill -9 of this process is a kill -9 of a
kiosk's or a console's network side.

JSON lines on stdout: ``started``, ``ready`` (connected), ``raised`` (kiosk), ``confirmed``
(console: it sent ``received`` for a call), ``signed_in``, ``acted``, ``report``. Commands on
stdin, one a line: ``raise`` (kiosk), ``sign_in STAFF PIN`` (console: through the hub),
``ack STAFF``, ``resolve STAFF``, ``resolve_all STAFF`` (console: the oldest open call that
needs it, or every open call), ``report`` (every call in the store with its event ids, and
the outbox length), ``quit``.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

from kiosk.core.config import load_config
from kiosk.core.help.events import HelpEventKind, Outcome, new_event_id
from kiosk.core.help.state import CallState, CallStatus
from kiosk.core.settings import Role
from kiosk.net.console_client import ConsoleClient, ConsoleHooks
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.kiosk_client import KioskClient
from kiosk.protocol import Decoded, topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest

_lock = threading.Lock()


def say(**payload: object) -> None:
    with _lock:
        print(json.dumps(payload), flush=True)


def report(device: HeadlessDevice[KioskClient] | HeadlessDevice[ConsoleClient]) -> None:
    calls: dict[str, list[str]] = {}
    for event in device.store.events():
        calls.setdefault(event.call_id, []).append(event.id)
    say(event="report", calls={c: sorted(ids) for c, ids in calls.items()},
        raised=sorted(e.call_id for e in device.store.events()
                      if e.kind is HelpEventKind.RAISED),
        pending=device.client.sender.pending(), connected=device.link.connected)


def _console_act(client: ConsoleClient, verb: str, staff: str) -> list[str]:
    open_calls = client.open_calls()
    if verb == "ack":
        open_calls = [c for c in open_calls if c.status in (CallStatus.RAISED,
                                                            CallStatus.NOTIFIED)][:1]
    elif verb == "resolve":
        open_calls = open_calls[:1]
    done = []
    for call in open_calls:
        if verb == "ack":
            why = client.acknowledge(call.call_id, staff)
        else:
            outcome = Outcome.DRILL if call.drill else Outcome.HELPED
            why = client.resolve(call.call_id, staff, outcome)
        if why is None:
            done.append(call.call_id)
    return done


def main() -> None:
    config = load_config(sys.argv[1])
    role, device_id, data_dir = sys.argv[2], sys.argv[3], Path(sys.argv[4])
    if role == "kiosk":
        device: HeadlessDevice[KioskClient] | HeadlessDevice[ConsoleClient] = \
            headless_kiosk(config, device_id, data_dir)
    else:
        console = headless_console(config, device_id, data_dir)
        confirmed: set[str] = set()

        def calls_changed(calls: dict[str, CallState]) -> None:
            for call in calls.values():
                if device_id in call.received_by and call.call_id not in confirmed:
                    confirmed.add(call.call_id)
                    say(event="confirmed", call=call.call_id)

        def other(decoded: Decoded) -> None:
            if isinstance(decoded.message, PinReply):
                say(event="signed_in", ok=decoded.message.ok)

        console.client.listener = ConsoleHooks(on_calls_changed=calls_changed,
                                               on_other_message=other)
        if len(sys.argv) > 5:
            console.client.staff_id = sys.argv[5]
        device = console
    device.start()
    say(event="started")
    threading.Thread(target=_announce_ready, args=(device,), daemon=True).start()
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "raise" and isinstance(device.client, KioskClient):
            kiosk = device.client
            call_id = device.call(lambda k=kiosk: k.raise_help().call_id)
            say(event="raised", call=call_id)
        elif words[0] in ("ack", "resolve", "resolve_all") and isinstance(device.client,
                                                                          ConsoleClient):
            client, verb, staff = device.client, words[0], words[1]
            done = device.call(lambda c=client, v=verb, s=staff: _console_act(c, v, s))
            say(event="acted", verb=verb, calls=done)
        elif words[0] == "sign_in" and isinstance(device.client, ConsoleClient):
            request = PinRequest(new_event_id(), words[1], words[2], PinPurpose.CONSOLE_SIGN_IN)
            topic = topics.pin_request(config.branch.id, Role.CONSOLE, device_id)
            device.call(lambda d=device, r=request, t=topic: d.link.publish(t, r))
        elif words[0] == "report":
            device.call(lambda d=device: report(d))
    device.stop()


def _announce_ready(device: HeadlessDevice[KioskClient] | HeadlessDevice[ConsoleClient]) -> None:
    while not device.link.connected:
        time.sleep(0.02)
    say(event="ready")


if __name__ == "__main__":
    main()
