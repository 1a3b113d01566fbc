"""A branch broker made by setup-broker: TLS, passwords and ACLs enforced by real Mosquitto."""

from __future__ import annotations

import getpass
import subprocess
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core.help_call import Category
from kiosk.core.help_state import CallStatus
from kiosk.deploy.broker_setup import setup_broker
from kiosk.net.headless import headless_console, headless_kiosk
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess
from tests.helpers.tls_branch import Branch
from tests.helpers.waiting import wait_until

B = "demo-branch"


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Branch]:
    made = Branch(tmp_path_factory.mktemp("branch"))
    made.start()
    yield made
    made.stop()


def test_files_are_written_private_and_complete(branch: Branch) -> None:
    for device in branch.config.devices:
        path = branch.setup.secrets[device.id]
        assert path.stat().st_mode & 0o077 == 0
    assert (branch.folder / "passwd").stat().st_mode & 0o077 == 0
    conf = branch.setup.config_file.read_text()
    for line in ("allow_anonymous false", "use_username_as_clientid true",
                 "set_tcp_nodelay true", "max_queued_messages 100000",
                 "per_listener_settings false"):
        assert line in conf
    assert "user kiosk-1" in (branch.folder / "acl").read_text()


def test_setup_again_keeps_passwords_and_rotate_changes_them(branch: Branch,
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


def _publish(branch: Branch, device: str | None, topic: str, payload: str = "x"
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mosquitto_pub", *branch.tls_args(device), "-t", topic, "-m", payload,
                           "-q", "1"], capture_output=True, text=True, timeout=20, check=False)


def _received_while(branch: Branch, subscriber: str, topic_filter: str,
                    publishes: list[tuple[str, str, str]]) -> list[str]:
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
        wait_until(lambda: publishes[-1][2] in got, what="the permitted message arrived")
    finally:
        client.loop_stop()
        client.disconnect()
    return got


def test_no_credentials_are_refused(branch: Branch) -> None:
    result = _publish(branch, None, f"bank/{B}/kiosk/kiosk-1/help")
    assert result.returncode != 0
    assert "not authorised" in (result.stderr + result.stdout).lower() or result.returncode != 0


def test_wrong_password_is_refused(branch: Branch) -> None:
    args = branch.tls_args(None) + ["-u", "kiosk-1", "-P", "guess"]
    result = subprocess.run(["mosquitto_pub", *args, "-t", "x", "-m", "x"], capture_output=True,
                            text=True, timeout=20, check=False)
    assert result.returncode != 0


def test_a_kiosk_cannot_speak_as_another_kiosk_or_as_a_console(branch: Branch) -> None:
    arrived = _received_while(branch, "hub", f"bank/{B}/+/+/help/#", [
        ("kiosk-1", f"bank/{B}/kiosk/kiosk-1/help", "own-topic"),
        ("kiosk-1", f"bank/{B}/kiosk/kiosk-2/help", "as-another-kiosk"),
        ("kiosk-1", f"bank/{B}/console/console-1/help/kiosk-1", "kiosk-acknowledging"),
        ("console-1", f"bank/{B}/console/console-1/help/kiosk-1", "real-console"),
    ])
    assert "own-topic" in arrived and "real-console" in arrived
    assert "as-another-kiosk" not in arrived
    assert "kiosk-acknowledging" not in arrived


def test_a_kiosk_cannot_broadcast_or_write_hub_state(branch: Branch) -> None:
    arrived = _received_while(branch, "console-lobby", f"bank/{B}/hub/#", [
        ("kiosk-1", f"bank/{B}/hub/announcement", "kiosk-announcing"),
        ("kiosk-1", f"bank/{B}/hub/state/help", "kiosk-writing-state"),
        ("hub", f"bank/{B}/hub/announcement", "hub-announcing"),
    ])
    assert arrived == ["hub-announcing"]


def test_the_whole_help_loop_runs_over_tls_with_the_generated_secrets(
        branch: Branch, tmp_path: Path) -> None:
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
