"""Who may do what, enumerated: every message type x every sender x every target, over TLS,
against the broker ``setup_broker`` generates and the real hub process.

The cases are generated from the protocol's registry and tables (tests/helpers/role_matrix.py),
so a new message type or topic is covered without editing this test, and a type without a
sample fails it. Exactly the combinations the protocol allows must be stored (the hub's
ledger or its reply) or delivered (for what the hub does not store); everything else must
leave no trace. One broker and one hub for the whole matrix; publishes are batched and
each sender's batch is closed by a message the hub or a witness must answer, so nothing is
judged before it could have arrived.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core.help.events import Category, HelpEvent, new_raise
from kiosk.core.settings import Role
from kiosk.protocol import MESSAGE_TYPES, encode, topics
from kiosk.protocol.device_messages import Component, Health, Heartbeat
from kiosk.protocol.help_messages import EventAck, HelpEventMessage
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.ticket_messages import TicketReply
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_process import HubProcess
from tests.helpers.raw_device import RawDevice
from tests.helpers.role_matrix import (
    SENDER_DEVICE,
    SENDER_ROLE,
    WITNESSES,
    Calls,
    Case,
    Seen,
    Sender,
    expected,
    generate,
    missing_samples,
)
from tests.helpers.tls_broker import TlsBroker
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

PATIENCE_S = 20.0


@pytest.fixture
def branch(tmp_path: Path) -> Iterator[TlsBroker]:
    made = TlsBroker(tmp_path)
    made.start()
    yield made
    made.stop()


class Devices:
    """The matrix's clients, all over TLS with the passwords setup-broker generated."""

    def __init__(self, branch: TlsBroker) -> None:
        self.branch = branch
        self.ca_file = str(branch.folder / "certs" / "ca.crt")
        self.open: list[RawDevice] = []

    def connect(self, device_id: str, role: Role | None) -> RawDevice:
        device = RawDevice("localhost", self.branch.tls_port, device_id,
                           branch=self.branch.config.branch.id, role=role,
                           subscribe=None if role is not None else [],
                           password=self.branch.password(device_id), ca_file=self.ca_file)
        self.open.append(device)
        return device

    def close(self) -> None:
        for device in self.open:
            device.close()


def _stranger_is_refused(branch: TlsBroker) -> bool:
    """A client without credentials: the broker must refuse the connection itself."""
    answered = threading.Event()
    refused: list[bool] = []

    def on_connect(client: mqtt.Client, userdata: object, flags: object, reason: object,
                   properties: object = None) -> None:
        refused.append(bool(getattr(reason, "is_failure", reason != 0)))
        answered.set()

    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"stranger-{uuid.uuid4().hex[:6]}",
                         protocol=mqtt.MQTTv311)
    client.tls_set(ca_certs=str(branch.folder / "certs" / "ca.crt"))
    client.on_connect = on_connect
    client.on_disconnect = lambda *args: answered.set()
    try:
        client.connect("localhost", branch.tls_port)
    except OSError:
        return True
    client.loop_start()
    try:
        answered.wait(PATIENCE_S)
    finally:
        client.loop_stop()
        client.disconnect()
    return not refused or refused[0]


def _heartbeat_sentinel(device: RawDevice, role: Role, now: float) -> str:
    """A heartbeat on the sender's own topic; once a witness has it, everything the sender
    published before has been routed (the broker keeps one publisher's order)."""
    msg_id = uuid.uuid4().hex
    health = Health(speech=Component.ABSENT, printer=Component.ABSENT,
                    sound=Component.ABSENT, outbox=0, version="1.0.0", uptime_s=1.0)
    beat = Heartbeat(seq=1, interval_s=1.0, health=health)
    own = None if role is Role.HUB else device.device_id
    device.publish_raw(topics.heartbeat(device.branch, role, own),
                       encode(beat, device.device_id, msg_id, sent_at=now))
    return msg_id


def _delivered(witnesses: list[RawDevice]) -> Callable[[str], bool]:
    def seen(marker: str) -> bool:
        needle = marker.encode()
        return any(needle in payload for w in witnesses for _, payload in list(w.raw))
    return seen


def _ledger(path: Path) -> dict[Seen, set[str]]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        helps = {row[0] for row in db.execute("SELECT id FROM help_events")}
        done = {row[0] for row in db.execute("SELECT action_id, result FROM staff_actions")
                if json.loads(row[1]).get("ok") is True}
        feedback = {row[0] for row in db.execute("SELECT feedback_id FROM feedback")}
    finally:
        db.close()
    return {Seen.LEDGER_HELP: helps, Seen.LEDGER_ACTION: done, Seen.LEDGER_FEEDBACK: feedback}


def _replied(devices: list[RawDevice]) -> set[str]:
    """Request ids the hub took: a ticket answered at all, a PIN accepted."""
    taken = set()
    for device in devices:
        taken |= {r.request_id for r in device.messages(TicketReply)}
        taken |= {r.request_id for r in device.messages(PinReply) if r.ok}
    return taken


def _raise(device: RawDevice) -> HelpEvent:
    raised = new_raise(device.device_id, time.time(), category=Category.MEDICAL)
    device.publish(topics.kiosk_help(device.branch, device.device_id), HelpEventMessage(raised))
    device.wait_for(EventAck, lambda a: raised.id in a.ids, timeout_s=PATIENCE_S)
    return raised


def test_every_message_type_from_every_role_to_every_target(
        branch: TlsBroker, tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    missing = missing_samples()
    if missing:
        pytest.fail(f"message types without a sample in tests/helpers/role_matrix.py SAMPLES: "
                    f"{', '.join(missing)}: say what each may do before it ships")
    b = branch.config.branch.id
    hub = HubProcess(branch.config_path, branch.setup.secrets["hub"], tmp_path / "hub-data",
                     tmp_path / "hub.log").start()
    devices = Devices(branch)
    try:
        witnesses = [devices.connect(w, branch.config.device(w).role)  # type: ignore[union-attr]
                     for w in WITNESSES]
        senders = {s: devices.connect(SENDER_DEVICE[s], SENDER_ROLE[s])  # type: ignore[arg-type]
                   for s in (Sender.KIOSK, Sender.CONSOLE, Sender.DISPLAY)}
        by_id = {d.device_id: d for d in [*witnesses, *senders.values()]}
        # The branch as the matrix finds it: li-ming at console-1, wang-fang at console-2,
        # an open call at each kiosk.
        sessions = {"console-1": by_id["console-1"].sign_in("li-ming"),
                    "console-2": by_id["console-2"].sign_in("wang-fang")}
        calls = Calls({k: _raise(by_id[k]) for k in ("kiosk-1", "kiosk-2")}, sessions,
                      time.time())
        cases, skipped = generate(branch.config, calls)
        assert {c.type_name for c in cases} == set(MESSAGE_TYPES)
        # PIN requests last in each batch: a sign-in renews the session the actions carry.
        cases.sort(key=lambda c: (list(Sender).index(c.sender), c.type_name == "pin.request"))

        assert _stranger_is_refused(branch), "a client without credentials was let in"
        started = time.monotonic()
        for sender, device in senders.items():
            for case in (c for c in cases if c.sender is sender):
                device.publish_raw(case.topic, case.payload())

        # Close each batch: the hub answers a PIN request only after every earlier message
        # of that device (one PIN worker, in order); a witness gets a heartbeat only after
        # everything the device published before it.
        kiosk_exit = PinRequest(uuid.uuid4().hex, "li-ming", STAFF_PINS["li-ming"],
                                PinPurpose.KIOSK_EXIT)
        senders[Sender.KIOSK].publish(topics.pin_request(b, Role.KIOSK, "kiosk-1"),
                                      kiosk_exit)
        senders[Sender.KIOSK].wait_for(PinReply, lambda r: r.request_id == kiosk_exit.request_id,
                                       timeout_s=PATIENCE_S)
        senders[Sender.CONSOLE].sign_in("li-ming")
        delivered = _delivered(witnesses)
        for sender, device in senders.items():
            role = SENDER_ROLE[sender]
            assert role is not None
            sentinel = _heartbeat_sentinel(device, role, time.time())
            wait_until(lambda s=sentinel: delivered(s), PATIENCE_S,
                       f"the {sender}'s batch reached the witnesses")
        ledger = _ledger(hub.db_path)
        replies = _replied([*witnesses, *senders.values()])

        # The hub's own credentials last, with the hub process stopped: a second client
        # with its name would take over its session (client id = user name).
        assert hub.stop() == 0
        hub_device = devices.connect("hub", None)
        for case in (c for c in cases if c.sender is Sender.HUB):
            hub_device.publish_raw(case.topic, case.payload())
        sentinel = _heartbeat_sentinel(hub_device, Role.HUB, time.time())
        wait_until(lambda: delivered(sentinel), PATIENCE_S, "the hub's batch was routed")
        elapsed = time.monotonic() - started

        def observed(case: Case) -> bool:
            if case.seen is Seen.WITNESS:
                return delivered(case.marker)
            if case.seen is Seen.HUB_REPLY:
                return case.marker in replies
            return case.marker in ledger[case.seen]

        wrong = [f"{case.name}: expected {'taken' if want else 'refused'}, was "
                 f"{'taken' if got else 'refused'} ({case.seen.value})"
                 for case in cases
                 for want, got in [(expected(case, b), observed(case))] if want != got]
        taken = sum(1 for case in cases if observed(case))
        by_sender = Counter(case.sender.value for case in cases)
        summary = (f"role matrix: {len(cases)} combinations tried "
                   f"({', '.join(f'{n} {s}' for s, n in by_sender.items())}), "
                   f"{len(cases) - taken} refused, {taken} taken, {len(skipped)} not "
                   f"observable, in {elapsed:.1f} s")
        record_property("role_matrix", summary)
        assert not wrong, "\n".join([summary, *wrong])
        assert taken > 0 and taken < len(cases)
    finally:
        devices.close()
        if hub.process is not None and hub.process.poll() is None:
            hub.stop()
