"""A branch broker made by setup-broker: TLS, passwords and ACLs enforced by real Mosquitto.

The configuration is proven by running it and attacking it, never by reading it: which
ports the broker's own process listens on (``ss``), a client id taken over with another
device's password, a message over the size limit, a retained event, and the install
guide's default ports in a network namespace of their own (so nothing else on the machine
can hold them).
"""

from __future__ import annotations

import getpass
import sqlite3
import subprocess
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core.config import load_config
from kiosk.core.help.events import Category, new_raise
from kiosk.core.help.state import CallStatus
from kiosk.deploy.broker_setup import setup_broker
from kiosk.net.broker import mosquitto_binary
from kiosk.net.headless import headless_console, headless_kiosk
from kiosk.protocol import Codec, RejectCode
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.protocol.topics import MAX_MESSAGE_BYTES
from tests.helpers.branch import write_branch_config
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess
from tests.helpers.tls_broker import TlsBroker
from tests.helpers.waiting import wait_until

B = "demo-branch"


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsBroker]:
    made = TlsBroker(tmp_path_factory.mktemp("branch"))
    made.start()
    yield made
    made.stop()


def test_files_are_written_private_and_complete(branch: TlsBroker) -> None:
    for device in branch.config.devices:
        path = branch.setup.secrets[device.id]
        assert path.stat().st_mode & 0o077 == 0
    assert (branch.folder / "passwd").stat().st_mode & 0o077 == 0
    assert "user kiosk-1" in (branch.folder / "acl").read_text()


def test_setup_again_keeps_passwords_and_rotate_changes_them(branch: TlsBroker,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "again"
    first = setup_broker(branch.config, folder, hosts=["localhost"], user=getpass.getuser())

    def password() -> str:
        return str(tomllib.loads(first.secrets["kiosk-1"].read_text())["broker_password"])

    before = password()
    setup_broker(branch.config, folder, hosts=["localhost"], user=getpass.getuser())
    assert password() == before
    setup_broker(branch.config, folder, hosts=["localhost"], user=getpass.getuser(),
                 rotate=True)
    assert password() != before


def _publish(branch: TlsBroker, device: str | None, topic: str, payload: str | Path = "x",
             *extra: str) -> subprocess.CompletedProcess[str]:
    """``payload``: the text, or a file whose bytes are sent (for payloads too long for a
    command line)."""
    body = ["-f", str(payload)] if isinstance(payload, Path) else ["-m", payload]
    return subprocess.run(["mosquitto_pub", *branch.tls_args(device), "-t", topic, *body,
                           "-q", "1", *extra], capture_output=True, text=True, timeout=20,
                          check=False)


def _received_while(branch: TlsBroker, subscriber: str, topic_filter: str,
                    publishes: list[tuple[str, str, str | Path]]) -> list[str]:
    """Subscribe as ``subscriber``, publish each with the real ``mosquitto_pub`` (the last one
    must be permitted: it marks the end), and return the payloads that arrived."""
    got: list[str] = []
    subscribed = threading.Event()
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=subscriber,
                         protocol=mqtt.MQTTv311)
    client.username_pw_set(subscriber, branch.password(subscriber))
    client.tls_set(ca_certs=str(branch.folder / "certs" / "ca.crt"))
    client.on_subscribe = lambda *args: subscribed.set()
    client.on_message = lambda c, u, m: got.append(m.payload.decode())
    client.connect("localhost", branch.tls_port)
    client.loop_start()
    try:
        client.subscribe(topic_filter, qos=1)
        assert subscribed.wait(10), "the subscription was not acknowledged"
        for device, topic, payload in publishes:
            _publish(branch, device, topic, payload)
        # Each mosquitto_pub exits only after the broker acknowledged (and routed) its message,
        # so once the last, permitted one has arrived, anything earlier that was allowed
        # through has been queued to us before it.
        last = publishes[-1][2]
        assert isinstance(last, str)
        wait_until(lambda: last in got, what="the permitted message arrived")
    finally:
        client.loop_stop()
        client.disconnect()
    return got


def test_no_credentials_are_refused(branch: TlsBroker) -> None:
    result = _publish(branch, None, f"bank/{B}/kiosk/kiosk-1/help")
    assert result.returncode != 0
    assert "not authorised" in (result.stderr + result.stdout).lower() or result.returncode != 0


def test_wrong_password_is_refused(branch: TlsBroker) -> None:
    args = branch.tls_args(None) + ["-u", "kiosk-1", "-P", "guess"]
    result = subprocess.run(["mosquitto_pub", *args, "-t", "x", "-m", "x"], capture_output=True,
                            text=True, timeout=20, check=False)
    assert result.returncode != 0


def test_a_kiosk_cannot_speak_as_another_kiosk_or_as_a_console(branch: TlsBroker) -> None:
    arrived = _received_while(branch, "hub", f"bank/{B}/+/+/help/#", [
        ("kiosk-1", f"bank/{B}/kiosk/kiosk-1/help", "own-topic"),
        ("kiosk-1", f"bank/{B}/kiosk/kiosk-2/help", "as-another-kiosk"),
        ("kiosk-1", f"bank/{B}/console/console-1/help/kiosk-1", "kiosk-acknowledging"),
        ("console-1", f"bank/{B}/console/console-1/help/kiosk-1", "real-console"),
    ])
    assert "own-topic" in arrived and "real-console" in arrived
    assert "as-another-kiosk" not in arrived
    assert "kiosk-acknowledging" not in arrived


def test_a_kiosk_cannot_broadcast_or_write_hub_state(branch: TlsBroker) -> None:
    arrived = _received_while(branch, "console-lobby", f"bank/{B}/hub/#", [
        ("kiosk-1", f"bank/{B}/hub/announcement", "kiosk-announcing"),
        ("kiosk-1", f"bank/{B}/hub/state/help", "kiosk-writing-state"),
        ("hub", f"bank/{B}/hub/announcement", "hub-announcing"),
    ])
    assert arrived == ["hub-announcing"]


def test_the_whole_help_loop_runs_over_tls_with_the_generated_secrets(
        branch: TlsBroker, tmp_path: Path) -> None:
    hub = HubProcess(branch.config_path, branch.setup.secrets["hub"], tmp_path / "hub-data",
                     tmp_path / "hub.log").start()
    kiosk = headless_kiosk(branch.config, "kiosk-1", tmp_path / "k",
                           password=branch.password("kiosk-1")).start()
    console = headless_console(branch.config, "console-1", tmp_path / "c",
                               password=branch.password("console-1")).start()
    try:
        wait_until(lambda: kiosk.link.connected and console.link.connected, what="TLS connect")
        sign_in(console, "li-ming")
        call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.OTHER).call_id)
        wait_until(lambda: kiosk.client.call.status is CallStatus.NOTIFIED, what="notified")
        assert console.call(lambda: console.client.acknowledge(call_id, "li-ming")) is None
        wait_until(lambda: kiosk.client.call.acknowledged_by == "li-ming", what="coming")
        wait_until(lambda: kiosk.client.sender.pending() == 0, what="the hub stored the call")
    finally:
        kiosk.stop()
        console.stop()
        hub.stop()


# --- the configuration does what it says: run and attacked ---------------------------------

def _listening(pid: int, netns: list[str] | None = None) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket process ``pid`` listens on, as ``ss`` sees it."""
    out = subprocess.run([*(netns or []), "ss", "-H", "-ltnp"], capture_output=True,
                         text=True, timeout=20, check=True).stdout
    found = set()
    for line in out.splitlines():
        if f"pid={pid}," in line:
            host, _, port = line.split()[3].rpartition(":")
            found.add((host, int(port)))
    return found


def test_the_broker_listens_only_on_the_ports_it_was_given(branch: TlsBroker) -> None:
    assert branch.process is not None
    found = _listening(branch.process.pid)
    assert {port for _, port in found} == {branch.tls_port, branch.local_port}
    assert {host for host, port in found if port == branch.local_port} == {"127.0.0.1"}


class _Holder:
    """The rightful holder of a client id: connected, subscribed, counting disconnects."""

    def __init__(self, branch: TlsBroker, device: str, listener: str, topic: str) -> None:
        self.got: list[str] = []
        self.disconnects = 0
        subscribed = threading.Event()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=device,
                                  protocol=mqtt.MQTTv311)
        self.client.username_pw_set(device, branch.password(device))
        port = branch.tls_port
        if listener == "tls":
            self.client.tls_set(ca_certs=str(branch.folder / "certs" / "ca.crt"))
        else:
            assert branch.local_port is not None
            port = branch.local_port
        self.client.on_subscribe = lambda *args: subscribed.set()
        self.client.on_message = lambda c, u, m: self.got.append(m.payload.decode())
        self.client.on_disconnect = lambda *args: self._dropped()
        self.client.connect("localhost" if listener == "tls" else "127.0.0.1", port)
        self.client.loop_start()
        self.client.subscribe(topic, qos=1)
        assert subscribed.wait(10), "the holder's subscription was not acknowledged"

    def _dropped(self) -> None:
        self.disconnects += 1

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


@pytest.mark.parametrize("listener", ["tls", "loopback"])
@pytest.mark.parametrize("victim", ["hub", "console-1"])
def test_another_devices_password_cannot_take_over_a_client_id(branch: TlsBroker, listener: str,
                                                              victim: str) -> None:
    topic = f"bank/{B}/kiosk/kiosk-1/help"
    holder = _Holder(branch, victim, listener, topic)
    try:
        args = (branch.tls_args("kiosk-1") if listener == "tls" else
                ["-h", "127.0.0.1", "-p", str(branch.local_port), "-V", "mqttv311",
                 "-u", "kiosk-1", "-P", branch.password("kiosk-1")])
        for attempt in range(3):
            subprocess.run(["mosquitto_pub", *args, "-i", victim, "-t", topic, "-m",
                            f"impostor-{attempt}", "-q", "1"], capture_output=True,
                           timeout=20, check=False)
        assert _publish(branch, "kiosk-1", topic, "after-the-attempts").returncode == 0
        wait_until(lambda: "after-the-attempts" in holder.got, what="the holder still hears")
        assert holder.disconnects == 0, f"{victim} was pushed off the broker"
        assert holder.got == ["impostor-0", "impostor-1", "impostor-2", "after-the-attempts"]
    finally:
        holder.close()


def test_a_message_over_the_size_limit_is_not_delivered(branch: TlsBroker,
                                                        tmp_path: Path) -> None:
    over, at = tmp_path / "over", tmp_path / "at"
    over.write_bytes(b"o" * (MAX_MESSAGE_BYTES + 1))
    at.write_bytes(b"a" * MAX_MESSAGE_BYTES)
    topic = f"bank/{B}/kiosk/kiosk-1/help"
    arrived = _received_while(branch, "hub", topic, [
        ("kiosk-1", topic, over), ("kiosk-1", topic, at), ("kiosk-1", topic, "after")])
    assert [len(payload) for payload in arrived] == [MAX_MESSAGE_BYTES, len("after")]


def test_a_retained_event_is_ignored_by_a_console_and_cleared_by_the_hub(
        branch: TlsBroker, tmp_path: Path) -> None:
    topic = f"bank/{B}/kiosk/kiosk-2/help"
    now = time.time()
    old = Codec(B, "kiosk-2", "hub").prepare(topic, HelpEventMessage(new_raise("kiosk-2", now)),
                                            sent_at=now)
    (tmp_path / "old-call").write_bytes(old.payload)
    assert _publish(branch, "kiosk-2", topic, tmp_path / "old-call", "-r").returncode == 0

    console = headless_console(branch.config, "console-1", tmp_path / "c",
                               password=branch.password("console-1")).start()
    try:
        wait_until(lambda: console.link.rejections[RejectCode.RETAINED] == 1,
                   what="the console saw the retained event and set it aside")
        assert console.call(lambda: console.client.calls) == {}
    finally:
        console.stop()

    hub = HubProcess(branch.config_path, branch.setup.secrets["hub"], tmp_path / "hub-data",
                     tmp_path / "hub.log").start()
    try:
        wait_until(lambda: (hub.healthz() or (0, {}))[1].get("rejections", {}).get("retained")
                   == 1, what="the hub counted and cleared the retained event")
        assert not hub.db_path.exists() or _stored_help_events(hub.db_path) == 0
        # One SUBSCRIBE for the old topic, then one that surely holds a retained message (the
        # hub's presence): the broker sends retained copies in that order, so once the
        # presence is here, nothing is left on the event topic.
        got: list[tuple[str, bytes]] = []
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="console-2",
                             protocol=mqtt.MQTTv311)
        client.username_pw_set("console-2", branch.password("console-2"))
        client.tls_set(ca_certs=str(branch.folder / "certs" / "ca.crt"))
        client.on_message = lambda c, u, m: got.append((m.topic, bytes(m.payload)))
        client.connect("localhost", branch.tls_port)
        client.loop_start()
        try:
            client.subscribe([(topic, 1), (f"bank/{B}/hub/presence", 1)])
            wait_until(lambda: any(t.endswith("/hub/presence") for t, _ in got),
                       what="the hub's retained presence")
            assert [t for t, _ in got if t == topic] == []
        finally:
            client.loop_stop()
            client.disconnect()
    finally:
        hub.stop()


def _retained_on(branch: TlsBroker, topic: str) -> list[bytes]:
    """What a new subscriber is handed as retained on ``topic``: one SUBSCRIBE for it, then
    one for a topic that surely holds a retained message (the hub's presence); the broker
    sends retained copies in that order, so once the presence is here, the rest is too."""
    got: list[tuple[str, bytes]] = []
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="console-2",
                         protocol=mqtt.MQTTv311)
    client.username_pw_set("console-2", branch.password("console-2"))
    client.tls_set(ca_certs=str(branch.folder / "certs" / "ca.crt"))
    client.on_message = lambda c, u, m: got.append((m.topic, bytes(m.payload)))
    client.connect("localhost", branch.tls_port)
    client.loop_start()
    try:
        client.subscribe([(topic, 1), (f"bank/{B}/hub/presence", 1)])
        wait_until(lambda: any(t.endswith("/hub/presence") for t, _ in got),
                   what="the hub's retained presence")
        return [payload for t, payload in got if t == topic]
    finally:
        client.loop_stop()
        client.disconnect()


def test_a_retained_event_left_while_the_hub_is_connected_is_found_and_cleared(
        branch: TlsBroker, tmp_path: Path) -> None:
    config = write_branch_config(
        tmp_path / "config", branch.tls_port,
        **{"broker.url": f"mqtts://localhost:{branch.tls_port}",
           "broker.ca_file": str(branch.folder / "certs" / "ca.crt"),
           "hub.retained_check_s": 1.0})
    hub = HubProcess(config, branch.setup.secrets["hub"], tmp_path / "hub-data",
                     tmp_path / "hub.log").start()
    try:
        topic = f"bank/{B}/kiosk/kiosk-2/heartbeat"
        assert _publish(branch, "kiosk-2", topic, "left-behind", "-r").returncode == 0
        wait_until(lambda: (hub.healthz() or (0, {}))[1].get("rejections", {}).get("retained")
                   == 1, what="the hub found the retained copy and cleared it")
        assert _retained_on(branch, topic) == []
    finally:
        hub.stop()


def _stored_help_events(db_path: Path) -> int:
    database = sqlite3.connect(db_path)
    try:
        (count,) = database.execute("SELECT count(*) FROM help_events").fetchone()
        return int(count)
    finally:
        database.close()


LAN_ADDRESS = "10.77.0.1"
"""An address of the namespace's own that is not loopback: a kiosk on the branch LAN."""


def test_the_install_guides_default_ports_work_together(tmp_path: Path) -> None:
    """``setup-broker`` with its defaults (TLS 8883, loopback 1883), run in a network
    namespace of its own: both listeners open, 1883 only on loopback, nothing else."""
    folder = tmp_path / "broker"
    config = load_config(write_branch_config(
        tmp_path / "config", 8883, **{"broker.url": "mqtts://localhost:8883",
                                      "broker.ca_file": str(folder / "certs" / "ca.crt")}))
    made = setup_broker(config, folder, hosts=["localhost", "127.0.0.1", LAN_ADDRESS],
                        user=getpass.getuser())
    assert (made.tls_port, made.local_port) == (8883, 1883)
    binary = mosquitto_binary()
    assert binary is not None
    with (tmp_path / "mosquitto.log").open("wb") as log:
        broker = subprocess.Popen(
            ["unshare", "-n", "--", "sh", "-c",
             f"ip link set lo up && ip addr add {LAN_ADDRESS}/32 dev lo && "
             f"exec {binary} -c {made.config_file}"],
            stdout=subprocess.DEVNULL, stderr=log)
    netns = ["nsenter", f"--net=/proc/{broker.pid}/ns/net"]
    try:
        wait_until(lambda: broker.poll() is not None
                   or {p for _, p in _listening(broker.pid, netns)} >= {8883, 1883},
                   what="the broker opened its listeners")
        assert broker.poll() is None, (tmp_path / "mosquitto.log").read_text()
        found = _listening(broker.pid, netns)
        assert {port for _, port in found} == {8883, 1883}
        assert {host for host, port in found if port == 1883} == {"127.0.0.1"}

        secrets = {d: tomllib.loads(made.secrets[d].read_text())["broker_password"]
                   for d in ("hub", "kiosk-1")}

        def pub(host: str, port: int, device: str, tls: bool) -> int:
            args = ["-h", host, "-p", str(port), "-V", "mqttv311", "-u", device,
                    "-P", secrets[device], "-t", f"bank/{B}/kiosk/kiosk-1/help", "-m", "x",
                    "-q", "1"]
            if tls:
                args += ["--cafile", str(folder / "certs" / "ca.crt")]
            if device == "hub":
                args[-6:-4] = ["-t", f"bank/{B}/hub/announcement"]
            return subprocess.run([*netns, "mosquitto_pub", *args], capture_output=True,
                                  timeout=20, check=False).returncode

        assert pub("127.0.0.1", 1883, "hub", tls=False) == 0  # the hub, on the machine
        assert pub(LAN_ADDRESS, 8883, "kiosk-1", tls=True) == 0  # a kiosk, over TLS
        assert pub(LAN_ADDRESS, 1883, "kiosk-1", tls=False) != 0  # no plain text on the LAN
        assert pub(LAN_ADDRESS, 8883, "kiosk-1", tls=False) != 0  # the TLS port needs TLS
    finally:
        broker.terminate()
        broker.wait(10)
